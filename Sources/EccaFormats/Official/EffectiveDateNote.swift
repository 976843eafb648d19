import ClauseGraph

/// An eCFR effective-date note (`EFFDNOT`): "At 91 FR 1000, Jan. 5, 2026, § 2.2 was amended by
/// revising paragraph (b)(1), effective July 1, 2026. For the convenience of the user, the revised
/// text is set forth as follows: …". It announces a change the text does not yet hold (FORMATS.md
/// §1.5: essential for the status axes), so the wording of what it names is the law only until that
/// day. The section keeps it as a note, the paragraphs it names get it too, and every provision
/// whose wording it reaches carries it for `cite-check`, which reports a shipped provision it
/// reaches whose text is dated before the change: a pass there would say the text still says what
/// the note says it no longer does.
struct EffectiveDateNote: Sendable, Hashable {
    /// The note's text, the revised text it sets out included.
    var text: String
    /// The note's statement, to the end of the sentence that dates the change (the revised text
    /// set out after it is left out).
    var statement: String
    /// The day the change takes effect; nil when none is read after "effective", or when the note
    /// does not settle one day (`unsettled`).
    var effective: LegalDate?
    /// Why the note gives no one day: two changes dated apart ("…, effective July 1, 2026, and by
    /// revising paragraph (c)(2), effective Jan. 1, 2027"), or a date delayed ("was delayed until
    /// Sept. 1, 2026"); nil where it gives one. Such a note is a finding on any day: which change
    /// holds when is not read.
    var unsettled: String?
    /// The paragraphs the statement names before its date, as paths (`(b)(1)`); empty when it names
    /// none, or names a range (`paragraphs (a) through (c)`), whose members are not spelled out:
    /// then it reaches the whole section.
    var paragraphs: [String]

    /// The note read from its flattened text.
    init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        // Each "effective" followed by a date ("effective July 1, 2026") in the note's own words,
        // before the revised text it sets out.
        let ownEnd = text.range(of: "set forth as follows")?.lowerBound ?? text.endIndex
        var dated: [(found: Range<String.Index>, date: LegalDate)] = []
        var searchFrom = text.startIndex
        while let found = text.range(of: "effective ", range: searchFrom..<ownEnd) {
            let after = text[found.upperBound...].split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).prefix(3).joined(separator: " ")
            if let date = USDates.first(in: after) { dated.append((found, date)) }
            searchFrom = found.upperBound
        }
        // The first dates the change; the paragraphs named before it are the ones it reaches.
        var head = bytes.count
        var sentenceEnd = bytes.count
        if let (found, date) = dated.first {
            effective = date
            head = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
            // The sentence ends at the first period after the date's year.
            let year = String(date.iso.prefix(4))
            if let yearRange = text.range(of: year, range: found.upperBound..<text.endIndex),
               let period = text[yearRange.upperBound...].firstIndex(of: ".") {
                sentenceEnd = text.utf8.distance(from: text.startIndex, to: period) + 1
            }
        }
        let own = text[..<ownEnd].lowercased()
        if dated.count > 1 {
            unsettled = "it dates changes on more than one day"
        } else if ["delayed", "postponed", "stayed", "suspended"].contains(where: { own.contains($0) }) {
            unsettled = "it says the change was delayed, postponed, stayed or suspended"
        }
        if unsettled != nil { effective = nil }
        statement = TextNormalizer.trim(String(decoding: bytes[..<sentenceEnd], as: UTF8.self))
        paragraphs = Self.paragraphs(named: String(decoding: bytes[..<head], as: UTF8.self))
    }

    /// The paths named after "paragraph" or "paragraphs" (`(b)(1)`, `(a) and (c)(2)`, `(b)
    /// introductory text`), read as an amendment instruction's are (`AmendmentGrammar.paragraphPaths`:
    /// "(a)(2)(iv) and (v)" is (a)(2)(v)); empty where a range is named ("(a) through (c)", "(a)–(c)").
    private static func paragraphs(named text: String) -> [String] {
        let named = AmendmentGrammar.paragraphPaths(in: text)
        if named.contains(where: { $0.through != nil }) || text.contains("\u{2013}") { return [] }
        return named.map(\.path)
    }

    /// Whether the note reaches the provision at `path` (`(b)`, `""` for the section): its wording
    /// holds a paragraph named (it is one, or holds one) or is held by one.
    func reaches(_ path: String) -> Bool {
        guard !path.isEmpty, !paragraphs.isEmpty else { return true }
        func within(_ inner: String, _ outer: String) -> Bool {
            guard inner.hasPrefix(outer) else { return false }
            let rest = inner.dropFirst(outer.count)
            return rest.isEmpty || rest.first == "(" || rest.first == " " || rest.first == ","
        }
        return paragraphs.contains { within($0, path) || within(path, $0) }
    }

    /// Whether the change comes after a text dated `date` (an undated text, or a change whose date
    /// was not read, cannot be placed before it: it may come after).
    func isAfter(_ date: LegalDate?) -> Bool {
        guard let effective, let date else { return true }
        return effective > date
    }

    /// The note on a paragraph it names.
    var note: Note { Note(kind: .amendment, text: text) }
}
