import ClauseGraph

extension ConflictEngine {
    /// A condition on facts the request leaves open that decides a check, with the readings and
    /// open questions it rests on (caveat ids).
    struct DecidingCondition: Hashable {
        var text: String
        var caveats: [String]
    }

    /// The caveats a deciding condition on these facts rests on: those of the norms whose clash it
    /// would decide, as a finding names the clashing obligation and prohibition. They are the norms
    /// left open that read one of the facts (the provision the condition comes from is the norm's
    /// own, one of its rules', or one of its exceptions'), and the norms of the other modality that
    /// bind and may apply, any of which it could clash with; obligations first, then prohibitions,
    /// each in clause-graph order. Each norm gives what a ground that leaves it open gives
    /// (`GroundCaveats`): its condition's, its rules' and its exceptions' caveats, and its instrument's.
    ///
    /// Worked out from the norms' truths and the facts alone, both fixed by the check's class
    /// (`CheckClass`), so a solved class keeps them and a batch pays for them once per class.
    func decidingCaveats(facts: [Int], prepared: PreparedSlot, binding: [Bool]) -> [String] {
        let norms = encoding.checkedNorms
        let mayApply = norms.indices.filter { binding[$0] && prepared.normTruths[$0] != .false }
        let reading = mayApply.filter { index in
            prepared.normTruths[index] == .unknown && keys.factsByNorm[index].contains { facts.contains($0) }
        }
        let partners = Set(reading.map { norms[$0].modality == .obligation ? Norm.Modality.prohibition : .obligation })
        // Facts only a decided norm reads (the solver never reports such a condition): the clash
        // rests on every norm that may apply.
        let clashing = reading.isEmpty ? mayApply : mayApply.filter { reading.contains($0) || partners.contains(norms[$0].modality) }
        let ordered = clashing.filter { norms[$0].modality == .obligation } + clashing.filter { norms[$0].modality != .obligation }
        return CaveatIndex.merged(ordered.flatMap { groundCaveats[$0].ids(for: .open, holding: nil) })
    }
}
