import EccaAnalysis

/// A request's verdict as its headline says it: limited to the postures it holds under, and
/// saying which posture was not analysed. "CLEAR" under the enforcement posture alone is not a
/// statement of the law in force, and a conflict under the text that is not enforced is not an
/// unqualified conflict.
struct VerdictHeadline {
    /// "under the text in force", "under the enforcement posture"; empty when the verdict holds
    /// under both the text and the enforcement posture.
    var qualifier: String
    /// What the verdict means under those postures.
    var meaning: String
    /// The postures a reader may take the report to cover but that were not analysed; nil when
    /// both were.
    var notAnalysed: String?
    /// The verdicts on the later days up to the deadline on which they change
    /// (`RequestAnalysis.beforeDeadline`): "From 2026-09-15, before the deadline: CONFLICT under
    /// the text in force and the enforcement posture."; nil where they change on none.
    var beforeDeadline: String?

    init(_ analysis: RequestAnalysis) {
        let analysed = PostureOrder.sorted(analysis.postures.keys)
        let holding = analysed.filter { analysis.postures[$0] == analysis.verdict }
        qualifier = Set(holding) == ["text", "enforcement"] ? "" : "under " + holding.map(Self.phrase).joined(separator: " and ")
        let underText = holding.contains("text")
        switch analysis.verdict {
        case .clear:
            // A clear verdict may rest on nothing obliging what a US restriction forbids (a
            // request made before its EU provision applied): "can be honoured" would then invite
            // the export the restriction forbids.
            let grounds = Self.grounds(analysis, under: underText ? "text" : "enforcement")
            switch grounds.map({ $0.contains { $0.outcome == .forbids } }) {
            case false?:
                meaning = underText ? "can be honoured without breaking a US export restriction"
                    : "no US export restriction that is enforced stands in the way"
                // A licence or exception that clears it is the request's claim, which ecca does
                // not check: the headline a legal team files must not read as if it had.
                if grounds?.contains(where: { $0.outcome == .excepted && $0.modality == "prohibition" }) == true {
                    meaning += ", provided the licence or exception that clears it holds (ecca takes one the request claims as valid, and does not check it)"
                }
            case true?:
                meaning = underText ? "nothing obliges the disclosure on the request as made, and a US export restriction in force forbids it"
                    : "nothing obliges the disclosure on the request as made, and a US export restriction that is enforced forbids it"
            case nil:
                meaning = underText ? "no duty to disclose meets a US export restriction that forbids it"
                    : "no duty to disclose meets a US export restriction that is enforced and forbids it"
            }
        case .avoidable: meaning = "the channel asked for conflicts; an alternative the requester accepts complies"
        case .undetermined: meaning = "depends on facts the request does not give"
        case .conflict:
            // "As the request stands": a licence or exception it does not claim may cure it (the
            // cures say which), so the conflict is the request's, not the law's last word.
            meaning = underText ? "as the request stands, no accepted way of complying satisfies both the EU and the US rules"
                : "as the request stands, no accepted way of complying satisfies both the EU rules and the US rules as enforced"
        }
        var missing: [String] = []
        if !analysed.contains("text") {
            missing.append("The law in force (text posture) was not analysed: this report does not say whether the request can be honoured without breaking a US export restriction.")
        }
        if !analysed.contains("enforcement") {
            missing.append("The enforcement posture (what is enforced) was not analysed.")
        }
        notAnalysed = missing.isEmpty ? nil : missing.joined(separator: " ")
        beforeDeadline = analysis.beforeDeadline.map { days in
            days.map { dated in
                let postures = PostureOrder.sorted(dated.postures.keys)
                let verdicts = Set(postures.map { dated.postures[$0]! }).count == 1
                    ? dated.verdict.rawValue.uppercased() + " under " + postures.map(Self.phrase).joined(separator: " and ")
                    : postures.map { "\(dated.postures[$0]!.rawValue.uppercased()) under \(Self.phrase($0))" }.joined(separator: ", ")
                return "From \(dated.date), before the deadline: \(verdicts)."
            }.joined(separator: " ")
        }
    }

    /// Every item's grounds under `posture`: whether a prohibition forbids what nothing obliges (a
    /// `forbids` ground), or an exception clears one (`excepted`: a licence, License Exception
    /// AIA, a letter's exception). Nil when an item's grounds were not worked out (a batch without
    /// `--grounds`), so that the headline claims neither.
    private static func grounds(_ analysis: RequestAnalysis, under posture: String) -> [Ground]? {
        var all: [Ground] = []
        for item in analysis.items {
            guard let outcome = item.postures[posture] else { continue }
            guard let grounds = outcome.grounds else { return nil }
            all += grounds
        }
        return all
    }

    private static func phrase(_ posture: String) -> String {
        switch posture {
        case "text": "the text in force"
        case "enforcement": "the enforcement posture"
        default: "the \(posture) posture"
        }
    }
}
