import ClauseGraph

/// What a status axis rests on, said beside it: its basis, and its evidence where it is below
/// verified ("not enforced since 2025-05-13 (secondary: BIS announcement …)"). The non-enforcement
/// of the AI Diffusion rule decides every "clear under the enforcement posture", and rests on law
/// firms' reports of an announcement: a filed report must say so where it states it, not only in
/// the rules file (reports audit of 2026-12-06).
enum StatusEvidence {
    /// " (secondary: basis)", " (basis)", " (secondary)" or "".
    static func parenthesis(basis: String?, evidence: Evidence?) -> String {
        let mark = evidence.flatMap { $0 == .verified ? nil : $0.rawValue }
        switch (mark, basis) {
        case (let mark?, let basis?): return " (\(mark): \(basis))"
        case (let mark?, nil): return " (\(mark))"
        case (nil, let basis?): return " (\(basis))"
        case (nil, nil): return ""
        }
    }

    /// " (secondary)" for an axis whose basis is not said, "" where it is verified or not given.
    static func mark(_ evidence: Evidence?) -> String { parenthesis(basis: nil, evidence: evidence) }
}
