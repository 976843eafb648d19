import CZ3

/// A value for a Z3 solver or optimizer parameter, typed the way Z3 declares it.
public enum SMTParameterValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case uint(UInt32)
    case double(Double)
    case symbol(String)

    public var description: String {
        switch self {
        case let .bool(value): return String(value)
        case let .uint(value): return String(value)
        case let .double(value): return String(value)
        case let .symbol(value): return value
        }
    }
}

extension SMTContext {
    /// Builds a Z3 parameter set, validates it against the object's parameter descriptions and
    /// hands it to `apply`.
    ///
    /// Validation is done here because a fresh Z3 solver accepts unknown parameters silently and
    /// only fails at the next check, then forgets them; checking at the call site reports the
    /// misspelt name where it was written.
    func applyParameters(
        _ parameters: [(name: String, value: SMTParameterValue)],
        operation: @autoclosure () -> String,
        descriptions: () -> OpaquePointer?,
        apply: (OpaquePointer) -> Void
    ) throws {
        guard let params = Z3_mk_params(raw) else {
            try checkError(operation())
            throw SMTError.z3(code: -1, message: "\(operation()): Z3 returned no parameter set")
        }
        Z3_params_inc_ref(raw, params)
        defer { Z3_params_dec_ref(raw, params) }
        for (name, value) in parameters {
            let key = symbol(name)
            switch value {
            case let .bool(flag): Z3_params_set_bool(raw, params, key, flag)
            case let .uint(number): Z3_params_set_uint(raw, params, key, number)
            case let .double(number): Z3_params_set_double(raw, params, key, number)
            case let .symbol(text): Z3_params_set_symbol(raw, params, key, symbol(text))
            }
            try checkError(operation())
        }
        guard let descrs = descriptions() else {
            try checkError(operation())
            throw SMTError.z3(code: -1, message: "\(operation()): Z3 returned no parameter descriptions")
        }
        Z3_param_descrs_inc_ref(raw, descrs)
        defer { Z3_param_descrs_dec_ref(raw, descrs) }
        Z3_params_validate(raw, params, descrs)
        try checkError(operation())
        apply(params)
        try checkError(operation())
    }

    /// The parameters that carry this context's ``Options`` to a new solver or optimizer.
    ///
    /// Z3's own Ctrl-C handling is always off (`ctrl_c`): in Z3 4.8.12 every check installs a
    /// SIGINT handler and restores the one it found when it ends, so checks running on several
    /// threads at once (a batch's workers) restore each other's handlers. Ctrl-C was then
    /// swallowed, or called a handler into a freed context and crashed the process. SIGINT keeps
    /// the disposition the program gives it.
    func optionParameters(includeMemory: Bool) -> [(name: String, value: SMTParameterValue)] {
        var parameters: [(name: String, value: SMTParameterValue)] = [("ctrl_c", .bool(false))]
        if let timeout = options.timeoutMilliseconds {
            parameters.append(("timeout", .uint(timeout)))
        }
        if let limit = options.resourceLimit {
            parameters.append(("rlimit", .uint(limit)))
        }
        if includeMemory, let megabytes = options.memoryLimitMegabytes {
            parameters.append(("max_memory", .uint(megabytes)))
        }
        return parameters
    }

    /// Z3 reads a timeout of 0 as "no timeout"; rejecting it avoids that surprise.
    func timeoutParameter(_ milliseconds: UInt32?) throws -> SMTParameterValue {
        guard let milliseconds else { return .uint(UInt32.max) }
        guard milliseconds > 0 else {
            throw SMTError.invalidArgument("a timeout must be at least 1 ms; pass nil for no timeout")
        }
        return .uint(milliseconds)
    }
}
