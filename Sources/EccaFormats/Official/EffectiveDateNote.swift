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
    /// One change the note dates: the paragraphs it names and the day it takes effect.
    struct Change: Sendable, Hashable {
        /// The paragraphs named, as paths (`(b)(1)`); empty when none is named, or a range is
        /// (`paragraphs (a) through (c)`), whose members are not spelled out: then it reaches the
        /// whole section.
        var paragraphs: [String]
        /// The day it takes effect; nil when none is read, or the note settles none (`unsettled`).
        var effective: LegalDate?

        /// Whether the change reaches the provision at `path` (`(b)`, `""` for the section): its
        /// wording holds a paragraph named (it is one, or holds one) or is held by one.
        func reaches(_ path: String) -> Bool {
            guard !path.isEmpty, !paragraphs.isEmpty else { return true }
            func within(_ inner: String, _ outer: String) -> Bool {
                guard inner.hasPrefix(outer) else { return false }
                let rest = inner.dropFirst(outer.count)
                return rest.isEmpty || rest.first == "(" || rest.first == " " || rest.first == ","
            }
            return paragraphs.contains { within($0, path) || within(path, $0) }
        }

        /// Whether the change comes after a text dated `date` (an undated text, or a change whose
        /// date was not read, cannot be placed before it: it may come after).
        func isAfter(_ date: LegalDate?) -> Bool {
            guard let effective, let date else { return true }
            return effective > date
        }
    }

    /// The note's text, the revised text it sets out included.
    var text: String
    /// The note's statement, to the end of the last sentence that dates a change (the revised text
    /// set out after it is left out).
    var statement: String
    /// The changes the note dates, in its order: one, or one for each "effective <day>" where it
    /// dates changes apart ("…(c)(1), effective July 1, 2026, and by revising paragraph (c)(2),
    /// effective Jan. 1, 2027").
    var changes: [Change]
    /// Why the note settles no day: it dates changes apart and says one was delayed, or delays,
    /// stays or withdraws with no day ("delayed indefinitely"); nil where it settles one. Such a
    /// note is a finding on any day: which text holds when is not read.
    var unsettled: String?

    /// Every paragraph a change of the note names.
    var paragraphs: [String] { changes.flatMap(\.paragraphs) }

    /// The note read from its flattened text. Its timing is read as a Federal Register rule's DATES
    /// are (`LegalEffect.rule`), so that a change "delayed until Sept. 1, 2026" takes effect then and
    /// one "delayed indefinitely" on no day; the publication date it opens with ("At 91 FR 1000,
    /// Jan. 5, 2026") counts the days "after publication". Changes dated apart keep their own days,
    /// each for the paragraphs named before it.
    init(_ text: String) {
        self.text = text
        // The note's own words: before "For the convenience of the user, … set forth as follows".
        let ownEnd = [text.range(of: "For the convenience of the user"), text.range(of: "set forth as follows")]
            .compactMap { $0?.lowerBound }.min() ?? text.endIndex
        var own = text[..<ownEnd]
        if let heading = own.firstRange(of: "Effective Date Note"), heading.lowerBound == own.startIndex,
           let colon = own[heading.upperBound...].firstIndex(of: ":") {
            own = own[own.index(after: colon)...]
        }
        // Each "effective" followed by a date ("effective July 1, 2026") in the note's own words.
        var dated: [(found: Range<String.Index>, date: LegalDate)] = []
        var searchFrom = own.startIndex
        while let found = text.range(of: "effective ", range: searchFrom..<own.endIndex) {
            let after = text[found.upperBound...].split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).prefix(3).joined(separator: " ")
            if let date = USDates.first(in: after) { dated.append((found, date)) }
            searchFrom = found.upperBound
        }
        let delayed = ["delay", "postpone", "stayed", "suspend", "withdraw"].contains { own.lowercased().contains($0) }
        if dated.count > 1 {
            if delayed {
                unsettled = "it dates changes on more than one day, and says a change was delayed, postponed, stayed, suspended or withdrawn"
                changes = [Change(paragraphs: Self.paragraphs(named: String(own)), effective: nil)]
            } else {
                var clauseStart = own.startIndex
                changes = dated.map { found, date in
                    defer { clauseStart = found.upperBound }
                    return Change(paragraphs: Self.paragraphs(named: String(text[clauseStart..<found.lowerBound])), effective: date)
                }
            }
        } else {
            // The rules the note cites are dated by publication ("At 91 FR 2000, Feb. 20, 2026, the
            // effective date was delayed indefinitely"): those days are not when anything takes effect.
            let published = own.firstMatch(of: Self.publishedAt).flatMap { USDates.first(in: String($0.2)) }
            let effect = LegalEffect.rule(dates: String(own.replacing(Self.publishedAt) { String($0.1) + "," }), published: published)
            let named = String(text[own.startIndex..<(dated.first?.found.lowerBound ?? own.endIndex)])
            switch effect.pending {
            case .delayed?: unsettled = "it says the change was delayed, postponed, stayed or suspended with no day"
            case .withdrawn?: unsettled = "it says the change was withdrawn"
            case .unread?, nil: break
            }
            changes = [Change(paragraphs: Self.paragraphs(named: named), effective: effect.pending == nil && effect.stated ? effect.from : nil)]
        }
        statement = Self.statement(of: text, own: own)
    }

    /// A rule the note cites, with its publication date: "At 91 FR 1000, Jan. 5, 2026, …".
    nonisolated(unsafe) private static let publishedAt = try! Regex<(Substring, Substring, Substring)>(#"(\bAt \d+ FR \d+), ("# + USDates.monthDayYearSource + "),?")
    /// A day as the note writes it.
    nonisolated(unsafe) private static let day = try! Regex("(?i)" + USDates.monthDayYearSource)

    /// The note's text to the first full stop after its last date (its heading kept), or its own
    /// words where it states none.
    private static func statement(of text: String, own: Substring) -> String {
        var end = own.endIndex
        if let last = own.matches(of: day).last, let period = text[last.range.upperBound...].firstIndex(of: ".") {
            end = text.index(after: period)
        }
        return TextNormalizer.trim(String(text[..<end]))
    }

    /// The paths named after "paragraph" or "paragraphs" (`(b)(1)`, `(a) and (c)(2)`, `(b)
    /// introductory text`), read as an amendment instruction's are (`AmendmentGrammar.paragraphPaths`:
    /// "(a)(2)(iv) and (v)" is (a)(2)(v)); empty where a range is named ("(a) through (c)", "(a)–(c)").
    private static func paragraphs(named text: String) -> [String] {
        let named = AmendmentGrammar.paragraphPaths(in: text)
        if named.contains(where: { $0.through != nil }) || text.contains("\u{2013}") { return [] }
        return named.map(\.path)
    }

    /// The note as the provision at `path` sees it: the changes that reach it; nil when none does.
    func reaching(_ path: String) -> EffectiveDateNote? {
        var seen = self
        seen.changes = changes.filter { $0.reaches(path) }
        return seen.changes.isEmpty ? nil : seen
    }

    /// The note on a paragraph it names.
    var note: Note { Note(kind: .amendment, text: text) }
}
