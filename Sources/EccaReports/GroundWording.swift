import EccaAnalysis

/// How every report words the grounds of a clear verdict (text, Markdown, HTML): one sentence
/// each, led by the plainest ground when it holds, that nothing obliges the disclosure.
enum GroundWording {
    /// - Parameter caveats: numbers for the readings a ground rests on, said after its sentence.
    static func sentences(_ grounds: [Ground], caveats: CaveatNumbers) -> [String] {
        guard !grounds.isEmpty else { return [] }
        // "On the request as made": another request (another legal basis, a requester with the
        // power, a later date) may oblige the same disclosure, as Art. 53(1)(a) obliges technical
        // documentation asked for under Art. 91 but not under Art. 92(3).
        let lead = nothingObliges(grounds) ? [Self.nothingObligesSentence] : []
        return lead + grounds.map { ground in
            sentence(ground) + (caveats.reference(ground.caveats).map { " (\($0))" } ?? "")
        }
    }

    /// The plainest ground: what it says, and what it does not.
    static let nothingObligesSentence = "no obligation in the regulations loaded requires this disclosure on the request as made (its legal basis, requester and date)"

    /// Whether the grounds say that no obligation engages at all (a voluntary commitment is no
    /// obligation in law, and an obligation the request invokes that does not apply obliges
    /// nothing): the plainest ground, which every format gives.
    static func nothingObliges(_ grounds: [Ground]) -> Bool {
        !grounds.isEmpty && !grounds.contains { $0.modality == "obligation" && ![.voluntary, .notApplicable].contains($0.outcome) }
    }

    static func sentence(_ ground: Ground) -> String {
        let subject = "\(ground.jurisdiction) \(ground.inlineCitation)"
        let because = ground.reasons.joined(separator: "; ")
        let who = ground.recipient.map { " (recipient \($0))" } ?? ""
        let verb = ModalityWording.verb(ground.modality)
        switch ground.outcome {
        // Its reasons: the other readings of the law on which it would not (`OtherReading`).
        case .obliges: return "\(subject) obliges the disclosure\(who)" + (because.isEmpty ? "" : "; \(because)")
        // A rule in force but not enforced is still law: "does not bind" would say it is not (a
        // reader files it).
        case .notBinding: return "\(subject) \(ground.inForceButNotEnforced == true ? "is not enforced" : "does not bind")\(who): \(because)"
        case .voluntary:
            // Reasons: the facts left open, if any.
            return "\(subject) \(because.isEmpty ? "asks" : "may ask") for it\(who) only as a voluntary commitment of the provider, not as law, so no conflict rests on it"
                + (because.isEmpty ? "" : ", depending on facts the request leaves open (\(because))")
        case .notApplicable: return "\(subject) does not apply\(who): \(because)"
        case .excepted: return "\(subject) would \(verb) it\(who), but an exception holds: \(because)"
        case .forbids: return "\(subject) forbids it\(who), but nothing obliges it" + (because.isEmpty ? "" : "; \(because)")
        case .open:
            return "\(subject) may \(verb) it\(who), depending on facts the request leaves open"
                + (because.isEmpty ? "" : " (\(because))") + "; no clash is possible either way"
        }
    }
}
