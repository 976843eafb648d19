import CZ3

/// Handle for an objective of an ``SMTOptimizer``: a soft-constraint group or a term to minimize
/// or maximize. Soft constraints of the same group share one handle.
public struct SMTObjective: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Weighted soft constraints; the objective is the total weight of violated ones.
        case soft(group: String)
        case minimize
        case maximize
    }

    public let kind: Kind
    /// Z3's objective index.
    public let index: Int
    /// The optimizer that issued the handle; indices mean nothing to another one.
    let owner: ObjectIdentifier
}

/// Z3's optimizer (MaxSMT and arithmetic objectives).
///
/// Used to rank minimal correction sets: each norm becomes a soft constraint weighted by the cost
/// of dropping it, and the optimal model violates the cheapest set of norms that restores
/// consistency. Objectives are optimized lexicographically in the order they were added.
///
/// Not thread-safe; used by the worker that owns its context.
public final class SMTOptimizer: CustomStringConvertible {
    public let context: SMTContext
    /// The `Z3_optimize`.
    let raw: OpaquePointer
    /// Z3's optimizer cannot report its scope depth and fails with a bare "index out of bounds"
    /// on a pop without push, so the depth is tracked here.
    public private(set) var scopeCount = 0
    private var lastResult: SMTResult?
    /// The timeout the parameters set, which `SMTWatchdog` holds each check to.
    private var timeoutMilliseconds: UInt32?

    /// An optimizer with the context's timeout and resource limit.
    public init(context: SMTContext) throws {
        self.context = context
        guard let optimizer = Z3_mk_optimize(context.raw) else {
            try context.checkError("SMTOptimizer.init")
            throw SMTError.z3(code: -1, message: "SMTOptimizer.init: Z3 returned no optimizer")
        }
        Z3_optimize_inc_ref(context.raw, optimizer)
        self.raw = optimizer
        try setParameters(context.optionParameters(includeMemory: false), operation: "SMTOptimizer.init")
    }

    deinit {
        Z3_optimize_dec_ref(context.raw, raw)
    }

    // MARK: Constraints and objectives

    /// Adds a hard Boolean constraint.
    public func assert(_ term: SMTTerm) throws {
        try context.requireBoolean([term], "assert")
        lastResult = nil
        withExtendedLifetime(term) { Z3_optimize_assert(context.raw, raw, term.ast) }
        try context.checkError("assert")
    }

    /// Adds a soft Boolean constraint: the optimizer prefers models satisfying it and, when some
    /// soft constraints must be violated, minimizes the total `weight` of the violated ones within
    /// `group`.
    @discardableResult
    public func assertSoft(_ term: SMTTerm, weight: UInt = 1, group: String = "soft") throws -> SMTObjective {
        try context.requireBoolean([term], "assertSoft")
        guard weight > 0 else {
            throw SMTError.invalidArgument("assertSoft: weight must be positive, a zero-weight soft constraint has no effect")
        }
        lastResult = nil
        let index = withExtendedLifetime(term) {
            Z3_optimize_assert_soft(context.raw, raw, term.ast, String(weight), context.symbol(group))
        }
        try context.checkError("assertSoft")
        return SMTObjective(kind: .soft(group: group), index: Int(index), owner: ObjectIdentifier(self))
    }

    /// Asks for a model with the smallest value of an arithmetic term.
    @discardableResult
    public func minimize(_ term: SMTTerm) throws -> SMTObjective {
        try context.requireOwned(term, "minimize")
        lastResult = nil
        let index = withExtendedLifetime(term) { Z3_optimize_minimize(context.raw, raw, term.ast) }
        try context.checkError("minimize")
        return SMTObjective(kind: .minimize, index: Int(index), owner: ObjectIdentifier(self))
    }

    /// Asks for a model with the largest value of an arithmetic term.
    @discardableResult
    public func maximize(_ term: SMTTerm) throws -> SMTObjective {
        try context.requireOwned(term, "maximize")
        lastResult = nil
        let index = withExtendedLifetime(term) { Z3_optimize_maximize(context.raw, raw, term.ast) }
        try context.checkError("maximize")
        return SMTObjective(kind: .maximize, index: Int(index), owner: ObjectIdentifier(self))
    }

    /// Opens a scope; ``pop(_:)`` removes constraints and objectives added since.
    public func push() throws {
        lastResult = nil
        Z3_optimize_push(context.raw, raw)
        try context.checkError("push")
        scopeCount += 1
    }

    /// Closes the `n` innermost scopes.
    public func pop(_ n: Int = 1) throws {
        guard n >= 0, n <= scopeCount else {
            throw SMTError.invalidArgument("pop(\(n)) with \(scopeCount) open scope(s)")
        }
        lastResult = nil
        for _ in 0..<n {
            Z3_optimize_pop(context.raw, raw)
            try context.checkError("pop")
            scopeCount -= 1
        }
    }

    // MARK: Checking

    /// Finds an optimal model of the hard constraints under the assumptions (Boolean constants,
    /// as for ``SMTSolver``). `.unknown(reason:)` when Z3 gives up, e.g. on timeout.
    public func check(assumptions: [SMTTerm] = []) throws -> SMTResult {
        try context.requireBoolean(assumptions, "check")
        lastResult = nil
        let watchdog = timeoutMilliseconds.map { SMTWatchdog(interrupting: context, after: $0) }
        let outcome = withExtendedLifetime(assumptions) {
            let asts: [OpaquePointer?] = assumptions.map { $0.ast }
            return Z3_optimize_check(context.raw, raw, UInt32(asts.count), asts)
        }
        let interrupted = watchdog?.disarm() ?? false
        try context.checkError("check")
        let result = SMTResult(outcome, interrupted: interrupted) { context.string(Z3_optimize_get_reason_unknown(context.raw, raw)) }
        lastResult = result
        return result
    }

    /// The optimal model of the last check; only after `.sat`.
    public func model() throws -> SMTModel {
        guard lastResult == .sat else {
            throw SMTError.unavailable("model() needs a preceding sat check; last check: \(lastCheckDescription)")
        }
        let model = Z3_optimize_get_model(context.raw, raw)
        try context.checkError("model")
        guard let model else { throw SMTError.unavailable("model(): Z3 returned no model") }
        return SMTModel(context: context, raw: model)
    }

    /// The contradictory assumptions of the last check; only after `.unsat`.
    public func unsatCore() throws -> [SMTTerm] {
        guard lastResult == .unsat else {
            throw SMTError.unavailable("unsatCore() needs a preceding unsat check; last check: \(lastCheckDescription)")
        }
        return try context.terms(of: Z3_optimize_get_unsat_core(context.raw, raw), operation: "unsatCore")
    }

    /// The optimal value of an objective after a sat check, as "num/den" or an integer string: for
    /// a soft group, the total weight of violated constraints. `nil` when the objective is
    /// unbounded or only approximated (Z3 then returns a term with infinities or epsilons).
    public func value(of objective: SMTObjective) throws -> String? {
        guard lastResult == .sat else {
            throw SMTError.unavailable("value(of:) needs a preceding sat check; last check: \(lastCheckDescription)")
        }
        let lower = try bound(objective, upper: false)
        let upper = try bound(objective, upper: true)
        guard lower == upper else { return nil }
        return lower.numeral
    }

    /// Lower bound Z3 established for an objective (exact after a completed sat check).
    public func lowerBound(_ objective: SMTObjective) throws -> SMTTerm {
        try bound(objective, upper: false)
    }

    /// Upper bound Z3 established for an objective.
    public func upperBound(_ objective: SMTObjective) throws -> SMTTerm {
        try bound(objective, upper: true)
    }

    private func bound(_ objective: SMTObjective, upper: Bool) throws -> SMTTerm {
        let operation = upper ? "upperBound" : "lowerBound"
        guard objective.owner == ObjectIdentifier(self) else {
            throw SMTError.invalidArgument("\(operation): the objective belongs to another optimizer")
        }
        guard objective.index >= 0, let index = UInt32(exactly: objective.index) else {
            throw SMTError.invalidArgument("\(operation): objective index \(objective.index) is invalid")
        }
        return try context.makeTerm(operation) { _ in
            upper
                ? Z3_optimize_get_upper(context.raw, raw, index)
                : Z3_optimize_get_lower(context.raw, raw, index)
        }
    }

    private var lastCheckDescription: String {
        lastResult.map(\.description) ?? "none since the last change"
    }

    // MARK: Parameters

    /// Wall-clock limit for each later check; `nil` removes it.
    public func setTimeout(milliseconds: UInt32?) throws {
        try setParameter("timeout", try context.timeoutParameter(milliseconds))
    }

    /// Deterministic work limit (Z3 `rlimit`) for later checks; `nil` or 0 removes it.
    public func setResourceLimit(_ limit: UInt32?) throws {
        try setParameter("rlimit", .uint(limit ?? 0))
    }

    /// Sets any Z3 optimizer parameter (e.g. `"maxsat_engine"`); unknown names throw.
    public func setParameter(_ name: String, _ value: SMTParameterValue) throws {
        try setParameters([(name, value)], operation: "setParameter '\(name)' = \(value)")
    }

    private func setParameters(
        _ parameters: [(name: String, value: SMTParameterValue)], operation: String
    ) throws {
        guard !parameters.isEmpty else { return }
        try context.applyParameters(
            parameters, operation: operation,
            descriptions: { Z3_optimize_get_param_descrs(context.raw, raw) },
            apply: { Z3_optimize_set_params(context.raw, raw, $0) })
        timeoutMilliseconds = SMTWatchdog.timeout(in: parameters, current: timeoutMilliseconds)
    }

    // MARK: Introspection

    /// Z3's counters for this optimizer, for receipts.
    public func statistics() throws -> [String: Double] {
        try context.statistics(Z3_optimize_get_statistics(context.raw, raw))
    }

    /// Constraints and objectives in SMT-LIB form, for debugging an encoding.
    public var description: String {
        context.string(Z3_optimize_to_string(context.raw, raw))
    }
}
