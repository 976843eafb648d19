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

    /// What to say beside `comparison` where the request's `value`, or an end of its range, is
    /// exactly its threshold and its comparator is in doubt ("at exactly the threshold: the
    /// verdict rests on the comparator ≥ (eCFR text; secondary sources say "more than")"); nil
    /// otherwise.
    public func note(_ comparison: Condition.Comparison, value: FactValue) -> String? {
        guard let doubt = doubts[comparison], let edge = edge(comparison, value) else { return nil }
        let at = edge == .exact ? "at exactly the threshold" : "the range given \(edge == .lower ? "starts" : "ends") at the threshold"
        return "\(at): the verdict rests on the comparator \(comparison.op.symbol) (\(doubt.source))"
    }

    /// The same for an item's line, with the value and the provision: "model.training-compute =
    /// 1e26 operations (15 CFR Part 774, Supp. No. 1, ECCN 4E091): the verdict rests on the
    /// comparator ≥ (…)", or "model.training-compute from 1e26 to 2e26 operations, whose lower
    /// end is the threshold (…): …"; nil where `note` is.
    public func statement(_ comparison: Condition.Comparison, value: FactValue) -> String? {
        // The edge first: it is a comparison, the doubt a lookup, and values rarely sit on one.
        guard let edge = edge(comparison, value), let doubt = doubts[comparison], let threshold = comparison.number,
              let unit = comparison.unit, case .quantity(let byUnit) = value, let bounds = byUnit[unit] else { return nil }
        let given: String
        switch edge {
        case .exact: given = "\(comparison.fact) = \(threshold) \(unit)"
        case .lower, .upper:
            let range = "from \(bounds.lower.map(\.description) ?? "an unknown figure") to \(bounds.upper.map(\.description) ?? "an unknown figure") \(unit)"
            given = "\(comparison.fact) \(range), whose \(edge == .lower ? "lower" : "upper") end is the threshold \(threshold)"
        }
        return "\(given) (\(doubt.citation)): the verdict rests on the comparator \(comparison.op.symbol) (\(doubt.source))"
    }

    /// The truth of `comparison` on `value` under the other reading of its comparator (> for ≥,
    /// ≥ for >, < for ≤, ≤ for <), where the comparator is in doubt and the value, or an end of
    /// its range, is exactly the threshold; nil otherwise (the readings then agree).
    public func otherReading(_ comparison: Condition.Comparison, value: FactValue) -> Truth? {
        guard edge(comparison, value) != nil, doubts[comparison] != nil, let threshold = comparison.number,
              let unit = comparison.unit, case .quantity(let byUnit) = value, let bounds = byUnit[unit] else { return nil }
        let other: Condition.Comparison.Operator
        switch comparison.op {
        case .ge: other = .gt
        case .gt: other = .ge
        case .le: other = .lt
        case .lt: other = .le
        case .eq, .ne: return nil
        }
        return CompiledAtom.compare(lower: bounds.lower, upper: bounds.upper, other, threshold)
    }

    /// Where the value sits on the threshold: its exact figure, or the lower or upper end of its range.
    private enum Edge { case exact, lower, upper }

    private func edge(_ comparison: Condition.Comparison, _ value: FactValue) -> Edge? {
        guard case .quantity(let byUnit) = value, let unit = comparison.unit, let bounds = byUnit[unit],
              let threshold = comparison.number else { return nil }
        if bounds.exact == threshold { return .exact }
        if bounds.lower == threshold { return .lower }
        if bounds.upper == threshold { return .upper }
        return nil
    }
}
