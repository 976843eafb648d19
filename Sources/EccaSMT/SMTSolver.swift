import CZ3

/// An incremental Z3 solver: assert constraints, check them, optionally under assumptions, and
/// read a model or an unsat core.
///
/// Assumptions should be Boolean constants (or their negations) that the asserted constraints use
/// as switches (`a ⇒ x > 5`): the unsat core is then the set of switches that clash, which names
/// the conflicting norms. Z3 4.8.12 also accepts compound formulas as assumptions and returns
/// them in cores, but cores over formulas are harder to read and not guaranteed to be stable.
///
/// Not thread-safe; used by the worker that owns its context.
public final class SMTSolver: CustomStringConvertible {
    public let context: SMTContext
    /// The `Z3_solver`.
    let raw: OpaquePointer
    /// Result of the last check, reset by anything that changes the assertions, so that models
    /// and cores are only handed out when they belong to the current state. Z3 would return a
    /// stale model after an unsat check instead of failing.
    private var lastResult: SMTResult?
    /// The timeout the parameters set, which `SMTWatchdog` holds each check to.
    private var timeoutMilliseconds: UInt32?

    /// A solver for all theories (Z3's default combined solver), with the context's limits.
    public init(context: SMTContext) throws {
        self.context = context
        guard let solver = Z3_mk_solver(context.raw) else {
            try context.checkError("SMTSolver.init")
            throw SMTError.z3(code: -1, message: "SMTSolver.init: Z3 returned no solver")
        }
        Z3_solver_inc_ref(context.raw, solver)
        self.raw = solver
        try setParameters(context.optionParameters(includeMemory: true), operation: "SMTSolver.init")
    }

    deinit {
        Z3_solver_dec_ref(context.raw, raw)
    }

    // MARK: Assertions and scopes

    /// Adds a Boolean constraint.
    public func assert(_ term: SMTTerm) throws {
        try context.requireBoolean([term], "assert")
        lastResult = nil
        withExtendedLifetime(term) { Z3_solver_assert(context.raw, raw, term.ast) }
        try context.checkError("assert")
    }

    /// Adds several Boolean constraints.
    public func assert(_ terms: [SMTTerm]) throws {
        for term in terms { try assert(term) }
    }

    /// Opens a scope; ``pop(_:)`` removes everything asserted since.
    public func push() throws {
        lastResult = nil
        Z3_solver_push(context.raw, raw)
        try context.checkError("push")
    }

    /// Closes the `n` innermost scopes.
    public func pop(_ n: Int = 1) throws {
        let open = Int(Z3_solver_get_num_scopes(context.raw, raw))
        guard n >= 0, n <= open else {
            throw SMTError.invalidArgument("pop(\(n)) with \(open) open scope(s)")
        }
        guard n > 0 else { return }
        lastResult = nil
        Z3_solver_pop(context.raw, raw, UInt32(n))
        try context.checkError("pop")
    }

    /// Number of open scopes.
    public var scopeCount: Int {
        Int(Z3_solver_get_num_scopes(context.raw, raw))
    }

    /// Removes all assertions and scopes; parameters such as the timeout are kept.
    public func reset() throws {
        lastResult = nil
        Z3_solver_reset(context.raw, raw)
        try context.checkError("reset")
    }

    // MARK: Checking

    /// Checks the assertions together with the assumptions (see the type's note on assumptions).
    /// Gives `.unknown(reason:)` rather than throwing when Z3 gives up (timeout, memory limit,
    /// interrupt).
    public func check(assumptions: [SMTTerm] = []) throws -> SMTResult {
        try context.requireBoolean(assumptions, "check")
        lastResult = nil
        let watchdog = timeoutMilliseconds.map { SMTWatchdog(interrupting: context, after: $0) }
        let outcome = withExtendedLifetime(assumptions) {
            let asts: [OpaquePointer?] = assumptions.map { $0.ast }
            return asts.isEmpty
                ? Z3_solver_check(context.raw, raw)
                : Z3_solver_check_assumptions(context.raw, raw, UInt32(asts.count), asts)
        }
        let interrupted = watchdog?.disarm() ?? false
        try context.checkError("check")
        let result = SMTResult(outcome, interrupted: interrupted) { context.string(Z3_solver_get_reason_unknown(context.raw, raw)) }
        lastResult = result
        return result
    }

    /// A model of the last check; only after `.sat`.
    public func model() throws -> SMTModel {
        guard lastResult == .sat else {
            throw SMTError.unavailable("model() needs a preceding sat check; last check: \(lastCheckDescription)")
        }
        let model = Z3_solver_get_model(context.raw, raw)
        try context.checkError("model")
        guard let model else { throw SMTError.unavailable("model(): Z3 returned no model") }
        return SMTModel(context: context, raw: model)
    }

    /// The assumptions of the last check that together are contradictory; only after `.unsat`.
    /// Empty when the assertions are unsat on their own. Z3 does not promise a minimal core unless
    /// the `core.minimize` parameter is set.
    public func unsatCore() throws -> [SMTTerm] {
        guard lastResult == .unsat else {
            throw SMTError.unavailable("unsatCore() needs a preceding unsat check; last check: \(lastCheckDescription)")
        }
        let core = Z3_solver_get_unsat_core(context.raw, raw)
        return try context.terms(of: core, operation: "unsatCore")
    }

    private var lastCheckDescription: String {
        lastResult.map(\.description) ?? "none since the last change"
    }

    // MARK: Parameters

    /// Wall-clock limit for each later check; `nil` removes it. A check that runs out returns
    /// `.unknown(reason: "timeout")`.
    public func setTimeout(milliseconds: UInt32?) throws {
        try setParameter("timeout", try context.timeoutParameter(milliseconds))
    }

    /// Memory limit in megabytes for later checks (see ``SMTContext/Options/memoryLimitMegabytes``).
    public func setMemoryLimit(megabytes: UInt32?) throws {
        try setParameter("max_memory", .uint(megabytes ?? UInt32.max))
    }

    /// Deterministic work limit (Z3 `rlimit`) for later checks; `nil` or 0 removes it.
    public func setResourceLimit(_ limit: UInt32?) throws {
        try setParameter("rlimit", .uint(limit ?? 0))
    }

    /// Sets any Z3 solver parameter (e.g. `"random_seed"`, `"core.minimize"`); unknown names and
    /// wrongly typed values throw here rather than at the next check.
    public func setParameter(_ name: String, _ value: SMTParameterValue) throws {
        try setParameters([(name, value)], operation: "setParameter '\(name)' = \(value)")
    }

    private func setParameters(
        _ parameters: [(name: String, value: SMTParameterValue)], operation: String
    ) throws {
        guard !parameters.isEmpty else { return }
        try context.applyParameters(
            parameters, operation: operation,
            descriptions: { Z3_solver_get_param_descrs(context.raw, raw) },
            apply: { Z3_solver_set_params(context.raw, raw, $0) })
        timeoutMilliseconds = SMTWatchdog.timeout(in: parameters, current: timeoutMilliseconds)
    }

    // MARK: Introspection

    /// Z3's counters for this solver (conflicts, decisions, memory, time …), for receipts.
    public func statistics() throws -> [String: Double] {
        try context.statistics(Z3_solver_get_statistics(context.raw, raw))
    }

    /// The current assertions in SMT-LIB form, for debugging an encoding.
    public var description: String {
        context.string(Z3_solver_to_string(context.raw, raw))
    }
}

extension SMTContext {
    /// Boxes the terms of a Z3 AST vector (cores, objectives) and releases the vector.
    func terms(of vector: OpaquePointer?, operation: String) throws -> [SMTTerm] {
        try checkError(operation)
        guard let vector else { return [] }
        Z3_ast_vector_inc_ref(raw, vector)
        defer { Z3_ast_vector_dec_ref(raw, vector) }
        var result: [SMTTerm] = []
        for index in 0..<Z3_ast_vector_size(raw, vector) {
            guard let ast = Z3_ast_vector_get(raw, vector, index) else {
                try checkError(operation)
                continue
            }
            result.append(SMTTerm(ASTBox(context: self, ast: ast)))
        }
        return result
    }
}
