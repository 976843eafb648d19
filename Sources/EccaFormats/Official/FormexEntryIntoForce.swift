import ClauseGraph

/// When an Official Journal act is law: the day its own final article says it enters into force,
/// counted from its publication ("This Regulation shall enter into force on the twentieth day
/// following that of its publication in the Official Journal", AI Act Art. 113), or a day it names.
/// The act's `BIB.INSTANCE` date is the day it was signed (13 June 2024 for the AI Act), weeks
/// before it was published (12 July) and in force (1 August): `cite-check --as-of` took an
/// amending act as law from its signature.
struct FormexEntryIntoForce: Sendable, Hashable {
    enum Rule: Sendable, Hashable {
        /// On the `days`th day following that of publication (0: on the day of publication).
        case afterPublication(days: Int)
        /// On a day the article names (`<DATE ISO="20250101">`).
        case on(LegalDate)
    }

    var rule: Rule

    /// Reads the act's entry-into-force sentence (outside quoted amendments to other acts); nil
    /// when no sentence the formula covers is found.
    init?(act: OfficialElement) {
        for block in act.all(where: { Self.blocks.contains($0.name) }, barriers: Self.barriers) {
            // A block may hold a quoted amendment's own formula (`QUOT.S`): another act's text.
            let text = FormexText.flatten(block, skipping: Self.barriers)
            guard let start = text.range(of: "enter into force on ", options: .caseInsensitive) else { continue }
            let rest = text[start.upperBound...]
            if let match = rest.prefixMatch(of: Self.afterPublication) {
                let word = match.1.map { String($0).lowercased() }
                guard let days = word.map(CanonicalIDs.number(ofOrdinal:)) ?? 1 else { continue }
                rule = .afterPublication(days: days)
                return
            }
            if rest.prefixMatch(of: Self.onPublication) != nil {
                rule = .afterPublication(days: 0)
                return
            }
            // A named day: the first DATE of the sentence, when its printed text follows "on".
            if let date = block.all(where: { $0.name == "DATE" }, barriers: Self.barriers).first(where: { rest.hasPrefix(FormexText.flatten($0)) }),
               let day = date["ISO"].flatMap(FormexAdapter.date) {
                rule = .on(day)
                return
            }
        }
        return nil
    }

    /// The day the act enters into force, given the day it was published.
    func day(published: LegalDate?) -> LegalDate? {
        switch rule {
        case .on(let day): day
        case .afterPublication(let days): published.map { LegalDate(dayNumber: $0.dayNumber + days) }
        }
    }

    /// How the act states it, for a file line: "the twentieth day following publication".
    var wording: String {
        switch rule {
        case .on(let day): "\(day.iso), as the act states"
        case .afterPublication(0): "the day of publication"
        case .afterPublication(1): "the day following publication"
        case .afterPublication(let days): "the \(CanonicalIDs.ordinal(days)) day following publication"
        }
    }

    private static let blocks: Set<String> = ["ALINEA", "P", "TXT"]
    private static let barriers: Set<String> = ["QUOT.S", "NOTE"]
    /// "the twentieth day following that of its publication", "the day following that of its publication".
    private nonisolated(unsafe) static let afterPublication = #/(?i)the (?:([a-z]+(?:-[a-z]+)?|\d+(?:st|nd|rd|th)) )?day following (?:that|the day) of its publication/#
    /// "the date of its publication", "the day of its publication".
    private nonisolated(unsafe) static let onPublication = #/(?i)the (?:date|day) of its publication/#
}
