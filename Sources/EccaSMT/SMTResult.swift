/// Outcome of a satisfiability check.
public enum SMTResult: Sendable, Hashable, CustomStringConvertible {
    case sat
    case unsat
    /// Z3 gave up; `reason` is Z3's explanation. Z3 4.8.12 says "timeout" for a solver timeout,
    /// "canceled" or "sat.canceled" for an optimizer timeout, "interrupted" after
    /// ``SMTContext/interrupt()``, "max. memory exceeded", "max. resource limit exceeded", or
    /// "incomplete" for problems outside what it can decide.
    case unknown(reason: String)

    /// `true` for sat, `false` for unsat; throws ``SMTError/unknownResult(reason:)`` otherwise, for
    /// callers that cannot proceed without a definite answer.
    public func satisfiable() throws -> Bool {
        switch self {
        case .sat: return true
        case .unsat: return false
        case let .unknown(reason): throw SMTError.unknownResult(reason: reason)
        }
    }

    public var description: String {
        switch self {
        case .sat: return "sat"
        case .unsat: return "unsat"
        case let .unknown(reason): return "unknown (\(reason))"
        }
    }
}
