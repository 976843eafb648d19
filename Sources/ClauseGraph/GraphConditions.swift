extension ClauseGraph {
    /// Every condition the graph decides with: each norm's condition and its exceptions', then each
    /// constitutive rule's and its exceptions', in document and rule order. Analyses that look for
    /// what the law compares a fact with start here, so none of them forgets the exceptions.
    public var conditions: [Condition] {
        norms.flatMap { [$0.condition].compactMap { $0 } + $0.exceptions.map(\.condition) }
            + ruleOrder.flatMap { [rules[$0]!.condition] + rules[$0]!.exceptions.map(\.condition) }
    }

    /// The comparisons of `fact` in any condition (the dates Art. 111(3) compares the as-of date
    /// and the placing on the market with, the compute thresholds), in the order of `conditions`.
    public func comparisons(of fact: String) -> [Condition.Comparison] {
        var found: [Condition.Comparison] = []
        for condition in conditions {
            condition.visitAtoms { atom in
                if case .compare(let comparison) = atom, comparison.fact == fact { found.append(comparison) }
            }
        }
        return found
    }
}
