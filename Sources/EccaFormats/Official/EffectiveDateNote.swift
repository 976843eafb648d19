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
        /// The latest publication date of the rules the note cites: a text dated before it cannot
        /// hold the change, whatever day the change takes effect (a change made retroactively,
        /// "effective Dec. 1, 2025" by a rule of Jan. 5, 2026, re-audit 2).
        var published: LegalDate? = nil

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
            return max(effective, published ?? effective) > date
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

    /// The note read from its flattened text. Its timing is read so that it never errs late: a
    /// pass before the day the change takes effect is the risk, so where the note is unclear the
    /// earlier day, or no day, is taken. Not by `LegalEffect.rule`, which reads a rule's DATES to
    /// err late (the latest day stated), for the opposite reason: the re-audit of that choice found
    /// notes whose quoted dates ("removing the date "Dec. 31, 2025" and adding … "Dec. 31, 2027""),
    /// or a correction's publication date, made a change take effect after the day it did.
    ///
    /// - A change's day follows "effective" ("effective July 1, 2026", "effective on …", "effective
    ///   as of …"); the rules the note cites are dated by publication ("At 91 FR 1000, Jan. 5, 2026",
    ///   "as corrected at 91 FR 6000, …"), and quoted text is the amended text's: neither dates a change.
    /// - A change "delayed until Sept. 1, 2026" (or "to") takes effect then; one delayed, stayed,
    ///   suspended or withdrawn with no day settles none (`unsettled`).
    /// - Changes dated apart keep their own days, each for the paragraphs named before it, where
    ///   every change names its paragraphs so ("(c)(1), effective July 1, 2026, and … (c)(2),
    ///   effective Jan. 1, 2027"); a note worded otherwise ("effective Jan. 1, 2027, by revising
    ///   paragraph (c)(2)") gives every paragraph it names the earliest day.
    init(_ text: String) {
        self.text = text
        // The note's own words: before "For the convenience of the user, … set forth as follows".
        // An element holding several notes ("Effective Date Notes: 1. At 91 FR … set forth as
        // follows: … 2. At 91 FR …") is read whole, the text set out included, so that no note
        // is lost (re-audit 2: the second note was never read): more reach, the earliest day.
        let ownEnd = [text.range(of: "For the convenience of the user"), text.range(of: "set forth as follows")]
            .compactMap { $0?.lowerBound }.min() ?? text.endIndex
        let severalNotes = text[ownEnd...].firstMatch(of: Self.noteStart) != nil
        var own = severalNotes ? text[...] : text[..<ownEnd]
        if let heading = own.firstRange(of: "Effective Date Note"), heading.lowerBound == own.startIndex,
           let colon = own[heading.upperBound...].firstIndex(of: ":") {
            own = own[own.index(after: colon)...]
        }
        statement = Self.statement(of: text, own: severalNotes ? text[..<ownEnd] : own)
        // Read without the dates that date no change: citations' publication dates, quoted text.
        let published = own.matches(of: Self.citation).compactMap { USDates.first(in: String($0.0)) }.max()
        let read = String(own).replacing(Self.citation) { String($0.1) }.replacing(Self.quoted) { _ in "“…”" }
        let dated = read.matches(of: Self.effectiveDay).compactMap { match in
            USDates.first(in: String(match.2)).map { (at: match.range, date: $0) }
        }
        let named = Self.paragraphs(named: read)
        // A delay or a correction of the effective date: to a day, or (a delay) to none. It moves
        // the day only where it plainly concerns the one change the note dates (it names no
        // paragraph, and the note dates one change); otherwise its day is one more candidate,
        // and the earliest is taken (re-audit 2: a delay of another paragraph's change, or of a
        // compliance date, moved every paragraph's day later).
        var moved: LegalDate?
        var candidates: [LegalDate] = []
        var unsettled: String?
        for sentence in LegalEffect.sentences(read) {
            let delays = sentence.firstMatch(of: Self.delay) != nil
            guard delays || sentence.firstMatch(of: Self.correction) != nil else { continue }
            guard let day = sentence.firstMatch(of: Self.untilDay).flatMap({ USDates.first(in: String($0.1)) }) else {
                if delays { unsettled = "it says the change was delayed, postponed, stayed or suspended with no day" }
                continue
            }
            let lower = sentence.lowercased()
            if lower.contains("compliance") && !lower.contains("effective") { continue }
            if dated.count <= 1, !severalNotes, Self.paragraphs(named: String(sentence)).isEmpty, lower.contains("effective") {
                moved = min(moved ?? day, day)
            } else {
                candidates.append(day)
            }
        }
        if read.firstMatch(of: Self.withdrawn) != nil { unsettled = "it says the change was withdrawn" }
        self.unsettled = unsettled
        let earliest = (dated.map(\.date) + candidates + [moved].compactMap { $0 }).min()
        if unsettled != nil {
            changes = [Change(paragraphs: named, effective: nil)]
        } else if let moved, candidates.isEmpty {
            changes = [Change(paragraphs: named, effective: moved)]
        } else if dated.count <= 1 || severalNotes || !candidates.isEmpty {
            changes = [Change(paragraphs: named, effective: earliest)]
        } else {
            // Each change with the paragraphs named between the day before it and its own.
            var clauseStart = read.startIndex
            var apart: [Change] = []
            for (at, date) in dated {
                apart.append(Change(paragraphs: Self.paragraphs(named: String(read[clauseStart..<at.lowerBound])), effective: date))
                clauseStart = at.upperBound
            }
            let namedAfter = !Self.paragraphs(named: String(read[clauseStart...])).isEmpty
            changes = apart.allSatisfy({ !$0.paragraphs.isEmpty }) && !namedAfter
                ? apart : [Change(paragraphs: named, effective: earliest)]
        }
        for index in changes.indices { changes[index].published = published }
    }

    /// A rule the note cites, with its publication date: "At 91 FR 1000, Jan. 5, 2026", "as
    /// corrected at 91 FR 6000, Sept. 20, 2026" (the date is dropped, the citation kept).
    nonisolated(unsafe) private static let citation = try! Regex<(Substring, Substring)>(#"(\d+ FR \d+),\s*"# + USDates.monthDayYearSource)
    /// Quoted text: the amended text's words, never the note's timing.
    nonisolated(unsafe) private static let quoted = try! Regex(#"“[^”]*”|"[^"]*""#)
    /// "effective July 1, 2026", "effective on July 1, 2026", "effective as of July 1, 2026".
    nonisolated(unsafe) private static let effectiveDay = try! Regex<(Substring, Substring, Substring)>(
        #"(?i)\b(effective(?:\s+on|\s+as\s+of)?)\s+("# + USDates.monthDayYearSource + ")")
    nonisolated(unsafe) private static let delay = try! Regex(#"(?i)\b(?:delay|postpone|defer|stays?\b|stayed\b|suspend)"#)
    /// A sentence that corrects or changes the effective date ("the effective date … was corrected
    /// to read Mar. 2, 2026").
    nonisolated(unsafe) private static let correction = try! Regex(#"(?i)\beffective date\b.*\b(?:correct|chang|revis|amend)"#)
    nonisolated(unsafe) private static let untilDay = try! Regex<(Substring, Substring)>(#"(?i)\b(?:until|to(?:\s+read)?)\s+("# + USDates.monthDayYearSource + ")")
    /// The start of a note of its own: "At 91 FR 1000" (a note of several, "Effective Date Notes:").
    nonisolated(unsafe) private static let noteStart = try! Regex(#"\bAt \d+ FR \d+"#)
    nonisolated(unsafe) private static let withdrawn = try! Regex(#"(?i)\b(?:is|are|was|were|been) withdrawn\b"#)
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
        var paths: [String] = []
        // Sentence by sentence: the grammar reads the list after the first "paragraph" it meets,
        // and a note of several names paragraphs in each (re-audit 2: the second note's were lost).
        for sentence in LegalEffect.sentences(text) {
            let named = AmendmentGrammar.paragraphPaths(in: String(sentence))
            if named.contains(where: { $0.through != nil }) || sentence.contains("\u{2013}") { return [] }
            for path in named.map(\.path) where !paths.contains(path) { paths.append(path) }
        }
        return paths
    }

    /// Whether the note reaches the Commerce Control List entry `eccn` (`4E091`): it names that
    /// ECCN in its own words, or names none (then it may reach any entry).
    func reaches(eccn: String) -> Bool {
        // A range ("ECCNs 4A001 through 4E091") is not spelled out: it may reach any entry.
        if statement.firstMatch(of: #/\b\d[A-E]\d{3}\S*\s*(?:through|to|[-–—])\s*\d[A-E]\d{3}\b/#) != nil { return true }
        let named = statement.matches(of: #/\b\d[A-E]\d{3}\b/#).map { String($0.0) }
        return named.isEmpty || named.contains(eccn)
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
