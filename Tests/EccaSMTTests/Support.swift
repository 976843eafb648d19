import EccaSMT
import Foundation

/// Pigeonhole formula: `pigeons` pigeons in `pigeons − 1` holes, unsat and exponentially hard
/// for resolution, so a check on it runs long enough to hit any small limit.
func pigeonhole(_ ctx: SMTContext, pigeons: Int) throws -> [SMTTerm] {
    let holes = pigeons - 1
    var p: [[SMTTerm]] = []
    for i in 0..<pigeons {
        p.append(try (0..<holes).map { try ctx.bool("p_\(i)_\(holes)_\($0)") })
    }
    var clauses: [SMTTerm] = try p.map { try ctx.or($0) }
    for j in 0..<holes {
        for i in 0..<pigeons {
            for k in (i + 1)..<pigeons {
                clauses.append(try ctx.not(ctx.and(p[i][j], p[k][j])))
            }
        }
    }
    return clauses
}

/// Case name and payload of an `SMTError`, for matching in `#expect`.
func caseName(_ error: SMTError?) -> String {
    guard let error else { return "none" }
    switch error {
    case .z3: return "z3"
    case .sortMismatch: return "sortMismatch"
    case .invalidNumeral: return "invalidNumeral"
    case .unknownResult: return "unknownResult"
    case .contextMismatch: return "contextMismatch"
    case .invalidArgument: return "invalidArgument"
    case .unavailable: return "unavailable"
    }
}

/// A flag shared with a helper thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
