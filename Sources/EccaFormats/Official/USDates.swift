import ClauseGraph

/// Dates as US federal documents print them: "February 10, 2024", "Dec. 29, 2022", "Sept. 19, 2013".
enum USDates {
    private static let months: [(String, Int)] = [
        ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4),
        ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9),
        ("sept", 9), ("sep", 9), ("october", 10), ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
    ]

    /// `March 1, 2027`, `Dec. 1 2026`: a month's name or abbreviation, a day and a year (the comma
    /// optional), as a rule's DATES print them; the regex source `LegalEffect` and
    /// `TemporaryClause` find days by, so that both read the same days.
    static let monthDayYearSource = #"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"#

    /// Every `Month D, YYYY` in `text`, in order.
    static func all(in text: String) -> [LegalDate] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        var found: [LegalDate] = []
        var index = 0
        while index + 2 < words.count {
            defer { index += 1 }
            guard let month = month(named: words[index]) else { continue }
            let dayWord = words[index + 1].trimmingCharacters(",.")
            let yearWord = words[index + 2].trimmingCharacters(",.;:)")
            guard let day = Int(dayWord), yearWord.count == 4, let year = Int(yearWord),
                  let date = LegalDate(year: year, month: month, day: day) else { continue }
            found.append(date)
        }
        return found
    }

    static func first(in text: String) -> LegalDate? { all(in: text).first }

    /// The number of the month `name` names, in full or abbreviated (`August`, `Aug.`); nil for
    /// any other word. English month names, whichever order the date is printed in.
    static func month(named name: some StringProtocol) -> Int? {
        let word = name.lowercased().trimmingCharacters(".,;:(")
        return months.first { $0.0 == word }?.1
    }
}

private extension StringProtocol {
    func trimmingCharacters(_ set: String) -> String { TextNormalizer.trim(String(self), also: set) }
}
