/// How the verdicts of one analysis hang together, as the engine makes them: a request's verdict
/// is the most severe of its postures', a posture's the most severe of its items' under that
/// posture, and an item's the most severe of its postures'. Results read back (`ecca report`,
/// `ecca batch --resume`) are held to it, so that an edited verdict is refused with its line
/// rather than filed as a conflict no finding explains, or counted in a batch's summary.
public enum VerdictConsistency {
    /// One item's verdicts, as `contradiction` reads them.
    public struct Item: Sendable {
        public var index: Int
        public var verdict: Verdict
        public var postures: [String: Verdict]
        public init(index: Int, verdict: Verdict, postures: [String: Verdict]) {
            self.index = index
            self.verdict = verdict
            self.postures = postures
        }
    }

    /// What contradicts what, in words, or nil when the verdicts hang together.
    public static func contradiction(verdict: Verdict, postures: [String: Verdict], items: [Item]) -> String? {
        func listed(_ verdicts: [String: Verdict]) -> String {
            PostureOrder.sorted(verdicts.keys).map { "\($0): \(verdicts[$0]!.rawValue)" }.joined(separator: ", ")
        }
        guard let worst = postures.values.max() else { return "it gives no posture's verdict" }
        if verdict != worst {
            return "its verdict \(verdict.rawValue) is not the most severe of its postures' (\(listed(postures)))"
        }
        for item in items {
            if Set(item.postures.keys) != Set(postures.keys) {
                return "item \(item.index) gives verdicts under \(PostureOrder.sorted(item.postures.keys).joined(separator: ", ")), the request under \(PostureOrder.sorted(postures.keys).joined(separator: ", "))"
            }
            if let itemWorst = item.postures.values.max(), item.verdict != itemWorst {
                return "item \(item.index)'s verdict \(item.verdict.rawValue) is not the most severe of its postures' (\(listed(item.postures)))"
            }
        }
        guard !items.isEmpty else { return nil }
        for posture in PostureOrder.sorted(postures.keys) {
            let itemsWorst = items.compactMap { $0.postures[posture] }.max()
            if let itemsWorst, postures[posture] != itemsWorst {
                return "its \(posture) verdict \(postures[posture]!.rawValue) is not the most severe of its items' under that posture (\(itemsWorst.rawValue))"
            }
        }
        return nil
    }
}

extension RequestAnalysis {
    /// What contradicts what among this analysis's verdicts (`VerdictConsistency`), or nil.
    public var verdictContradiction: String? {
        VerdictConsistency.contradiction(verdict: verdict, postures: postures, items: items.map {
            .init(index: $0.index, verdict: $0.verdict, postures: $0.postures.mapValues(\.verdict))
        })
    }
}
