/// An unsatisfiable core made minimal by deletion: each element whose removal leaves the rest
/// still unsatisfiable is removed, in `core`'s order. One rule for the findings' minimal
/// clashing sets, the readings a proof rests on, and the MoU terms that contradict each other.
func minimalUnsatisfiable<Element: Equatable>(_ core: [Element], unsatisfiable: ([Element]) throws -> Bool) rethrows -> [Element] {
    var kept = core
    for element in core where try unsatisfiable(kept.filter { $0 != element }) {
        kept.removeAll { $0 == element }
    }
    return kept
}
