import ClauseGraph

/// A quantity condition whose truth rests on the value being exactly its threshold, where the
/// comparator is in doubt: a model of exactly 10^26 operations is caught by 4E091 only because
/// ecca reads "10^26 or more" (≥) from the eCFR text, where the press says "more than"; at
/// exactly 10^25 FLOP a strict comparator ("greater than", Art. 51(2)) fails where ≥ would hold.
/// A comparator is in doubt when its evidence (`op-evidence`, else its provision's) is below
/// verified, or a note (`op-note`) flags it; the reports then say so beside the condition and in
/// the item's line, not only in a caveat numbered among many.
public struct ThresholdEquality: Sendable {
    private struct Doubt: Sendable {
        /// What the rules say of the comparator's source ("eCFR text; secondary sources say …").
        var source: String
        /// The provision whose condition it is, as running text cites it.
        var citation: String
    }

    /// Per quantity comparison of the graph (by `<`, `≤`, `≥` or `>`) whose comparator is in doubt.
    private let doubts: [Condition.Comparison: Doubt]

    public init(graph: ClauseGraph) {
        var doubts: [Condition.Comparison: Doubt] = [:]
        for site in graph.conditionSites {
            let provisionEvidence = graph.provisions[site.provisionID]?.evidence ?? .unverified
            site.condition.visitAtoms { atom in
                guard case .compare(let comparison) = atom, comparison.number != nil, comparison.unit != nil,
                      [.gt, .ge, .lt, .le].contains(comparison.op) else { return }
                let evidence = comparison.opEvidence ?? provisionEvidence
                guard evidence != .verified || comparison.opNote != nil else { return }
                doubts[comparison] = Doubt(source: comparison.opNote ?? "its evidence: \(evidence.rawValue)",
                                           citation: graph.inlineCitation(of: site.provisionID))
            }
        }
        self.doubts = doubts
    }

    /// Whether a comparison's comparator is in doubt, whatever the value.
    public func isInDoubt(_ comparison: Condition.Comparison) -> Bool { doubts[comparison] != nil }

    /// What to say beside `comparison` where the request's `value` is exactly its threshold and its
    /// comparator is in doubt ("at exactly the threshold: the verdict rests on the comparator ≥
    /// (eCFR text; secondary sources say "more than")"); nil otherwise.
    public func note(_ comparison: Condition.Comparison, value: FactValue) -> String? {
        guard let doubt = doubts[comparison], isExact(comparison, value) else { return nil }
        return "at exactly the threshold: the verdict rests on the comparator \(comparison.op.symbol) (\(doubt.source))"
    }

    /// The same for an item's line, with the value and the provision: "model.training-compute =
    /// 1e26 operations (15 CFR Part 774, Supp. No. 1, ECCN 4E091): the verdict rests on the
    /// comparator ≥ (…)"; nil where `note` is.
    public func statement(_ comparison: Condition.Comparison, value: FactValue) -> String? {
        // Exactness first: it is a comparison, the doubt a lookup, and values are rarely exact.
        guard isExact(comparison, value), let doubt = doubts[comparison], let threshold = comparison.number, let unit = comparison.unit else { return nil }
        return "\(comparison.fact) = \(threshold) \(unit) (\(doubt.citation)): the verdict rests on the comparator \(comparison.op.symbol) (\(doubt.source))"
    }

    private func isExact(_ comparison: Condition.Comparison, _ value: FactValue) -> Bool {
        guard case .quantity(let byUnit) = value, let unit = comparison.unit, let exact = byUnit[unit]?.exact else { return false }
        return exact == comparison.number
    }
}
