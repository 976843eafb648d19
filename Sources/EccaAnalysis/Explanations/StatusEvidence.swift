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

    /// What a provision's binding under `posture` (its effective `status`) rests on where that is below verified, said
    /// after a statement of when it binds: " (secondary: BIS announcement …)", one parenthesis per
    /// distinct basis; "" where every axis the posture reads is verified. The text posture reads
    /// whether the provision is in force and applicable, the enforcement posture whether it is
    /// enforced too.
    static func resting(_ status: StatusTimeline, posture: Posture) -> String {
        var said: [String] = []
        for axis in doubtfulAxes(status, posture: posture) {
            let text = parenthesis(basis: axis.basis, evidence: axis.evidence)
            if !said.contains(text) { said.append(text) }
        }
        return said.joined()
    }

    /// The weakest evidence of the status axes `posture` reads, where it is below verified.
    static func weakest(_ status: StatusTimeline, posture: Posture) -> Evidence? {
        let found = doubtfulAxes(status, posture: posture).compactMap(\.evidence)
        return found.contains(.unverified) ? .unverified : found.first
    }

    /// The status axes `posture` reads whose evidence is below verified: whether the provision is
    /// in force and applicable, and under the enforcement posture whether it is enforced.
    private static func doubtfulAxes(_ status: StatusTimeline, posture: Posture) -> [StatusInterval] {
        let axes = [status.inForce, status.applicable].compactMap { $0 } + (posture == .enforcement ? status.enforced : [])
        return axes.filter { $0.evidence.map { $0 != .verified } == true }
    }
}
