/// The caveats a checked norm's ground rests on, which depend on why the norm does or does not
/// forbid: a licence that is held does not rest on how 4E091 counts operations, and a
/// classification that fails does not rest on the licence review policy.
struct GroundCaveats {
    /// Of a norm that does not bind on the date: its instrument's alone (its status is at stake,
    /// not what its provision says).
    var status: [String]
    /// Of the norm's condition: its provision's, its rules', and their exceptions' (a rule that
    /// fails may fail by its own exception, as 4E091 by Note 1).
    var condition: [String]
    /// Per exception of the norm, in its order: the caveats of the provision that grants it.
    var exceptions: [[String]]

    /// The caveats of a ground with this outcome; `holding` is the place of the norm's exception
    /// that holds, if one does.
    func ids(for outcome: Ground.Outcome, holding: Int?) -> [String] {
        switch outcome {
        case .notBinding:
            status
        case .notApplicable:
            condition
        case .excepted:
            CaveatIndex.merged(condition, holding.map { exceptions[$0] } ?? [])
        case .obliges, .forbids, .open, .voluntary:
            CaveatIndex.merged(condition, exceptions.flatMap { $0 })
        }
    }
}
