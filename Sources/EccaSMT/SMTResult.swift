import CZ3

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

    /// What a check that returned `outcome` comes to. A check the watchdog interrupted
    /// (`SMTWatchdog`) timed out, whatever Z3 says: "interrupted" when it stopped the check, and
    /// sat or unsat when the check answered in the moment before the interrupt landed, which
    /// then cancels what is asked of the answer (its model: "canceled"; seen in a batch with
    /// `--timeout-ms 1` as an error record instead of `undetermined`). `reason` is Z3's, asked
    /// only when needed.
    init(_ outcome: Z3_lbool, interrupted: Bool, reason: () -> String) {
        if interrupted {
            self = .unknown(reason: "timeout")
            return
        }
        switch outcome {
        case Z3_L_TRUE: self = .sat
        case Z3_L_FALSE: self = .unsat
        default: self = .unknown(reason: reason())
        }
    }
}
