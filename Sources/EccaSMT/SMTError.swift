/// Everything that can go wrong in `EccaSMT`, as one typed error.
///
/// Z3 reports failures through an error slot on the context instead of exceptions; the wrapper
/// turns each failure into one of these cases right after the failing call, so a caller sees a
/// Swift error and the process keeps running.
public enum SMTError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// Z3 rejected a call. `code` is Z3's numeric error code, `message` its explanation, prefixed
    /// with the wrapper operation that failed.
    case z3(code: Int, message: String)
    /// Operands of an operation have sorts that do not fit together (e.g. adding a Bool to an Int).
    case sortMismatch(String)
    /// A numeral string is not an exact decimal (e.g. "NaN", "inf", "1e", "abc").
    case invalidNumeral(String)
    /// Z3 could not decide a query (timeout, memory limit, cancellation, incompleteness) and the
    /// caller asked for a definite answer.
    case unknownResult(reason: String)
    /// Terms, sorts or solvers from two different contexts were combined; Z3 would crash on this.
    case contextMismatch(String)
    /// An argument is outside what the operation accepts (e.g. popping more scopes than pushed).
    case invalidArgument(String)
    /// A model or unsat core was requested although the last check cannot provide one.
    case unavailable(String)

    /// Z3 stopped because it reached its memory limit (`max_memory`) or ran out of memory: a
    /// resource limit, like a timeout, not a fault in the query.
    public var isMemoryExhaustion: Bool {
        guard case let .z3(code, message) = self else { return false }
        return code == 7 || message.contains("max. memory exceeded") || message.contains("out of memory")
    }

    public var description: String {
        switch self {
        case let .z3(code, message):
            return "Z3 error \(code) (\(SMTError.codeName(code))): \(message)"
        case let .sortMismatch(message):
            return "sort mismatch: \(message)"
        case let .invalidNumeral(message):
            return "invalid numeral: \(message)"
        case let .unknownResult(reason):
            return "solver could not decide the query: \(reason)"
        case let .contextMismatch(message):
            return "context mismatch: \(message)"
        case let .invalidArgument(message):
            return "invalid argument: \(message)"
        case let .unavailable(message):
            return "not available: \(message)"
        }
    }

    /// Z3's symbolic name for an error code, so logs say more than a number.
    static func codeName(_ code: Int) -> String {
        switch code {
        case 0: return "ok"
        case 1: return "sort error"
        case 2: return "index out of bounds"
        case 3: return "invalid argument"
        case 4: return "parser error"
        case 5: return "no parser"
        case 6: return "invalid pattern"
        case 7: return "out of memory"
        case 8: return "file access error"
        case 9: return "internal fatal error"
        case 10: return "invalid usage"
        case 11: return "reference count error"
        case 12: return "exception"
        default: return "unknown code"
        }
    }
}
