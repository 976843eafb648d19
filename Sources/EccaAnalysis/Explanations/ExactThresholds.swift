import ClauseGraph

extension ConflictEngine {
    /// The quantity conditions of the channel asked for whose value, or an end of its range, is
    /// exactly their threshold, with a comparator in doubt, on which a norm that binds under the
    /// posture turns: with the condition's truth under the other reading of the comparator, some
    /// norm would engage, stop engaging or be left open. Each as `ThresholdEquality.statement` says it, once. Worked out
    /// from the truths the check already has: the solver is not asked again, and a request whose
    /// values sit on no threshold costs a comparison per doubtful condition.
    ///
    /// - Parameter slots: the checks of the channel asked for, one per recipient.
    func exactThresholds(_ slots: [PreparedSlot], posture: Posture, asOf: LegalDate) -> [String] {
        guard !doubtfulComparisons.isEmpty, let first = slots.first else { return [] }
        let binding = dated(asOf, requested: requestDate(of: first, asOf: asOf), posture).binding
        var found: [String] = []
        for prepared in slots {
            for (atom, comparison) in doubtfulComparisons {
                let value = prepared.value(of: comparison.fact)
                guard let otherTruth = renderer.thresholds.otherReading(comparison, value: value), otherTruth != prepared.atomTruths[atom],
                      let statement = renderer.thresholds.statement(comparison, value: value), !found.contains(statement) else { continue }
                var other = prepared.atomTruths
                other[atom] = otherTruth
                let otherTruths = compiled.normTruths(atoms: other)
                if binding.indices.contains(where: { binding[$0] && otherTruths[$0] != prepared.normTruths[$0] }) { found.append(statement) }
            }
        }
        return found
    }
}
