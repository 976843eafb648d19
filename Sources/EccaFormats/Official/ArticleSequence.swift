import ClauseGraph

/// The order of an act's articles, as the file gives them: a base act (not a consolidated text)
/// numbers them 1, 2, 3 …, with lettered ones (`4a`) between, so an article after one with a higher
/// number is out of place, and said where it comes (importer QA 2026-12-07, L4: Art. 92 moved after
/// Art. 93 passed in silence). A missing number is not: a file may be an excerpt of its act (the
/// tests' are), and cite-check names a shipped provision whose article is missing.
struct ArticleSequence {
    private var last: (number: Int, label: String)?

    /// The warning for the article with `identifier` (`092`, `004A`) if it comes after one with a
    /// higher number; nil otherwise, and for an identifier that does not start with a number.
    mutating func next(identifier: String, at location: SourceLocation) -> Diagnostic? {
        let digits = identifier.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits) else { return nil }
        let label = String(number) + identifier.dropFirst(digits.count).lowercased()
        defer { last = (number, label) }
        guard let last, number < last.number else { return nil }
        return Diagnostic(.warning, "Art. \(label) follows Art. \(last.label): the articles are out of order", at: location, subject: "Art. \(label)")
    }
}
