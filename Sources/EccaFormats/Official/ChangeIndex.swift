/// The instructions of the amending texts given to `cite-check` (`CitationChecker.changes`), by the
/// CFR section they can reach (`AmendmentReach.section(reachedBy:adding:)`), so that a
/// provision is weighed only against those that may change it. Every instruction was weighed
/// against every provision checked: time that grew with the two together (a rule of 1,000
/// instructions checked against its own import, 18 s in a debug build).
///
/// It only narrows: `CitationChecker.affects` still decides, on the instructions given back in
/// their order. An EU act's instructions, and CFR ones whose reach cannot be narrowed (a range),
/// are given back for every provision.
struct ChangeIndex: Sendable {
    /// Positions in the changes, ascending, by the section (a key) they can reach, in any title.
    private var bySection: [String: [Int]] = [:]
    /// Positions of the changes that may reach any provision, ascending.
    private var anywhere: [Int] = []

    init(_ changes: [CitationChecker.Change]) {
        for (position, change) in changes.enumerated() {
            // An instruction whose place was not read changes no provision (`affects`).
            guard change.isRead else { continue }
            if case .us(_, _, let target?) = change.reach, let section = AmendmentReach.section(reachedBy: target, adding: change.adding) {
                bySection[section, default: []].append(position)
            } else {
                anywhere.append(position)
            }
        }
    }

    /// The positions, ascending, of the changes that may change the provision cited `citation`.
    func candidates(for citation: String) -> [Int] {
        guard let path = CitationChecker.cfrPath(citation),
              let reaching = bySection[AmendmentReach.section(ofKey: CitationChecker.key(path))] else { return anywhere }
        return (anywhere + reaching).sorted()
    }
}
