import EccaAnalysis

/// The numbers a report gives an analysis's caveats (1, 2, … in `RequestAnalysis.caveats`
/// order), so that findings and grounds can point to readings given once.
struct CaveatNumbers {
    private let numbers: [String: Int]

    init(_ analysis: RequestAnalysis) {
        self.init(analysis.caveats)
    }

    init(_ caveats: [Caveat]) {
        numbers = Dictionary(caveats.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
    }

    /// The caveats as the terminal reports end with them: "caveat 1, reading of Art. 92(5): …".
    static func lines(_ caveats: [Caveat]) -> [String] {
        caveats.enumerated().map { "caveat \($0 + 1), \($1.name): \(text(of: $1))" }
    }

    /// The caveat's text, or where to find it when the results were written without it.
    static func text(of caveat: Caveat) -> String {
        caveat.text ?? "(its text is not in these results, made by ecca batch without --caveat-texts; ecca check on the request gives it)"
    }

    /// The deciding conditions of an item under a posture as every report words them: each with
    /// the caveats it rests on after it, as a ground has them ("conflict if … (caveats 1-15)").
    func decidingConditions(_ detail: ItemPostureAnalysis) -> [String] {
        detail.decidingConditions.enumerated().map { index, condition in
            condition + (reference(detail.caveats(ofDecidingCondition: index)).map { " (\($0))" } ?? "")
        }
    }

    /// "caveat 3", "caveats 1-4, 7"; nil when there are none.
    func reference(_ ids: [String]) -> String? {
        let found = ids.compactMap { numbers[$0] }
        guard !found.isEmpty else { return nil }
        return (Set(found).count == 1 ? "caveat " : "caveats ") + NumberRuns.text(found)
    }
}
