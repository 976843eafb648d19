import CZ3

/// Owner of all Z3 state: terms, sorts, solvers, models and optimizers are made from a context
/// and keep it alive.
///
/// Not thread-safe: one per worker. It is `@unchecked Sendable` only so that a context can be
/// created in one place and handed to the worker that will own it; from then on the context and
/// everything made from it must be used by that worker alone. The single exception is
/// ``interrupt()``, which Z3 allows from any thread.
///
/// Z3's default error handler terminates the process, so the context installs none and checks
/// Z3's error slot after each fallible call, turning failures into ``SMTError``.
public final class SMTContext: @unchecked Sendable {
    /// Resource limits applied to every solver and optimizer made from this context.
    public struct Options: Sendable, Hashable {
        /// Wall-clock limit per `check` in milliseconds; `nil` means none. Solvers can override it.
        public var timeoutMilliseconds: UInt32?
        /// Z3 gives up on a check (result `.unknown("max. memory exceeded")`) once its allocations
        /// exceed this many megabytes. Z3 compares the limit with its allocation total for the
        /// whole process, not per solver, so set it with all workers in mind. Solvers only (Z3's
        /// optimizer has no such parameter). `nil` means none.
        public var memoryLimitMegabytes: UInt32?
        /// Deterministic work limit (Z3 `rlimit`) per check; unlike a timeout it gives the same
        /// answer on every machine, which keeps verdicts reproducible. `nil` means none.
        public var resourceLimit: UInt32?

        public init(
            timeoutMilliseconds: UInt32? = nil,
            memoryLimitMegabytes: UInt32? = nil,
            resourceLimit: UInt32? = nil
        ) {
            self.timeoutMilliseconds = timeoutMilliseconds
            self.memoryLimitMegabytes = memoryLimitMegabytes
            self.resourceLimit = resourceLimit
        }
    }

    /// The limits given at creation.
    public let options: Options

    /// The Z3 context (`Z3_context`); internal so no C type leaks out of the module.
    let raw: OpaquePointer

    /// Enumeration sorts declared so far, by name. Z3 treats two enumeration sorts with the same
    /// name as one sort even when their values differ, so redeclarations must be caught here. The
    /// entries hold raw pointers with one extra Z3 reference each (released with the context),
    /// not boxes, to avoid a retain cycle with the context.
    var enumerationSorts: [String: EnumerationRecord] = [:]

    struct EnumerationRecord {
        let valueNames: [String]
        let sort: OpaquePointer
        let constants: [OpaquePointer]
    }

    /// Creates a context with reference-counted terms (`Z3_mk_context_rc`), so Swift's ARC decides
    /// when Z3 may free them.
    public init(options: Options = Options()) {
        let config = Z3_mk_config()
        Z3_set_param_value(config, "model", "true")
        guard let context = Z3_mk_context_rc(config) else {
            preconditionFailure("Z3_mk_context_rc returned no context (out of memory?)")
        }
        Z3_del_config(config)
        Z3_set_error_handler(context, nil)
        self.raw = context
        self.options = options
    }

    deinit {
        // Every box, solver, model and optimizer retains the context, so nothing made from it is
        // alive any more; deleting the context frees the cached enumeration sorts too.
        Z3_del_context(raw)
    }

    /// Asks a running `check` on this context to stop soon; it then returns `.unknown` (reason
    /// "interrupted" from a solver in Z3 4.8.12). Safe to call from any thread, e.g. from a
    /// task-cancellation handler; ignored when no check is running.
    public func interrupt() {
        Z3_interrupt(raw)
    }

    // MARK: - Error handling

    /// Throws if the last Z3 call failed, and clears Z3's error slot so the failure is reported
    /// once. `operation` names the wrapper call, so messages say what was attempted.
    func checkError(_ operation: @autoclosure () -> String) throws {
        let code = Z3_get_error_code(raw)
        guard code != Z3_OK else { return }
        let text = string(Z3_get_error_msg(raw, code))
        Z3_set_error(raw, Z3_OK)
        let message = SMTContext.firstLine(of: text)
        let codeValue = Int(code.rawValue)
        // Z3 reports most sort errors as generic exceptions; their text identifies them.
        if code == Z3_SORT_ERROR || message.hasPrefix("Sort mismatch")
            || (message.hasPrefix("Sorts ") && message.hasSuffix("are incompatible"))
        {
            throw SMTError.sortMismatch("\(operation()): \(message)")
        }
        throw SMTError.z3(code: codeValue, message: "\(operation()): \(message)")
    }

    /// Z3 appends long listings to some messages (every legal parameter after an unknown one);
    /// the first line carries the information.
    static func firstLine(of message: String) -> String {
        let line = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first
        let trimmed = line.map(String.init) ?? ""
        return trimmed.isEmpty ? "no message" : trimmed
    }

    /// Copies a Z3 string immediately: Z3 reuses one buffer per context for returned strings.
    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    // MARK: - Ownership checks

    /// Z3 crashes when objects of two contexts meet, so every entry point checks ownership.
    func requireOwned(_ term: SMTTerm, _ operation: @autoclosure () -> String) throws {
        guard term.box.context === self else {
            throw SMTError.contextMismatch("\(operation()): term '\(term.excerpt)' belongs to another context")
        }
    }

    func requireOwned(_ terms: [SMTTerm], _ operation: @autoclosure () -> String) throws {
        for term in terms { try requireOwned(term, operation()) }
    }

    /// Z3 answers a non-Boolean assertion or assumption with a bare "invalid argument" (or a
    /// message about an internal implication), so the sort is checked here for a clear message.
    func requireBoolean(_ terms: [SMTTerm], _ operation: @autoclosure () -> String) throws {
        try requireOwned(terms, operation())
        for term in terms where term.sort.kind != .bool {
            throw SMTError.sortMismatch("\(operation()): '\(term.excerpt)' has sort \(term.sort.name), expected Bool")
        }
    }

    func requireOwned(_ sort: SMTSort, _ operation: @autoclosure () -> String) throws {
        guard sort.box.context === self else {
            throw SMTError.contextMismatch("\(operation()): sort '\(sort.name)' belongs to another context")
        }
    }

    // MARK: - Term construction plumbing

    /// Runs one Z3 constructor and boxes its result. The operands are kept alive until the error
    /// check has run: releasing a term calls `Z3_dec_ref`, which would clear Z3's error slot.
    func makeTerm(
        _ operation: @autoclosure () -> String,
        operands: [SMTTerm] = [],
        _ construct: ([OpaquePointer?]) -> OpaquePointer?
    ) throws -> SMTTerm {
        try requireOwned(operands, operation())
        return try withExtendedLifetime(operands) {
            let ast = construct(operands.map { $0.ast })
            try checkError(operation())
            guard let ast else {
                throw SMTError.z3(code: -1, message: "\(operation()): Z3 returned no term")
            }
            return SMTTerm(ASTBox(context: self, ast: ast))
        }
    }

    /// Makes a Z3 symbol; Z3 copies the string, so the Swift string can be temporary.
    func symbol(_ name: String) -> OpaquePointer? {
        Z3_mk_string_symbol(raw, name)
    }

    // MARK: - Constants and literals

    /// A Boolean constant. Same name, same constant: Z3 shares structurally equal terms.
    public func bool(_ name: String) throws -> SMTTerm {
        try constant(name, sort: boolSort)
    }

    /// An integer constant (unbounded mathematical integer).
    public func int(_ name: String) throws -> SMTTerm {
        try constant(name, sort: intSort)
    }

    /// A real constant (exact rational arithmetic, no floating point).
    public func real(_ name: String) throws -> SMTTerm {
        try constant(name, sort: realSort)
    }

    /// A constant ranging over an enumeration sort.
    public func enumConstant(_ name: String, sort: SMTEnumSort) throws -> SMTTerm {
        try constant(name, sort: sort.sort)
    }

    /// A constant of any sort made by this context.
    public func constant(_ name: String, sort: SMTSort) throws -> SMTTerm {
        try requireOwned(sort, "constant '\(name)'")
        return try withExtendedLifetime(sort) {
            try makeTerm("constant '\(name)'") { _ in
                Z3_mk_const(raw, symbol(name), sort.raw)
            }
        }
    }

    /// The literal `true`.
    public var `true`: SMTTerm {
        infallible("true") { Z3_mk_true(raw) }
    }

    /// The literal `false`.
    public var `false`: SMTTerm {
        infallible("false") { Z3_mk_false(raw) }
    }

    /// A Boolean literal.
    public func bool(value: Bool) -> SMTTerm {
        value ? self.true : self.false
    }

    /// An integer literal.
    public func int(value: Int) throws -> SMTTerm {
        try makeTerm("int(value: \(value))") { _ in
            Z3_mk_int64(raw, Int64(value), Z3_mk_int_sort(raw))
        }
    }

    /// A real literal with an integral value.
    public func real(value: Int) throws -> SMTTerm {
        try makeTerm("real(value: \(value))") { _ in
            Z3_mk_int64(raw, Int64(value), Z3_mk_real_sort(raw))
        }
    }

    /// An exact real literal from a decimal string such as "0.1", "-0", "1e26" or "2.5e25".
    /// Thresholds in regulations are decimals; going through `Double` would round them, so the
    /// string is converted to an exact fraction. Throws ``SMTError/invalidNumeral(_:)`` for
    /// anything that is not a finite decimal ("NaN", "inf", "1e", "abc").
    public func real(decimal: String) throws -> SMTTerm {
        let rational = try SMTNumeral.rational(fromDecimal: decimal)
        return try makeTerm("real(decimal: \"\(decimal)\")") { _ in
            Z3_mk_numeral(raw, rational, Z3_mk_real_sort(raw))
        }
    }

    /// An exact integer literal from a decimal string such as "12", "-3" or "1e26"; throws
    /// ``SMTError/invalidNumeral(_:)`` when the value is not a whole number ("2.5").
    public func int(decimal: String) throws -> SMTTerm {
        let rational = try SMTNumeral.rational(fromDecimal: decimal)
        guard !rational.contains("/") else {
            throw SMTError.invalidNumeral("'\(decimal)' is not a whole number")
        }
        return try makeTerm("int(decimal: \"\(decimal)\")") { _ in
            Z3_mk_numeral(raw, rational, Z3_mk_int_sort(raw))
        }
    }

    /// For constructors Z3 cannot fail on with valid input; a failure means a broken Z3 install.
    func infallible(_ operation: String, _ construct: () -> OpaquePointer?) -> SMTTerm {
        do {
            return try makeTerm(operation) { _ in construct() }
        } catch {
            preconditionFailure("Z3 failed to build '\(operation)': \(error)")
        }
    }
}
