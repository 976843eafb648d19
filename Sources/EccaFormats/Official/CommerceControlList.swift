/// Supplement No. 1 to Part 774, the Commerce Control List, read as its ECCN entries and their
/// numbered notes, so that a provision citing `15 CFR Part 774, Supp. No. 1, ECCN 4E091` (or one
/// of its notes) can be found in an imported eCFR title.
///
/// The eCFR lays the supplement out flat (FORMATS.md 1.5, from two parsers' fixtures, not seen in
/// a whole raw file; the notes' markup is the eCFR's own, from the derived 4E091 copy):
/// - an entry opens with an element whose text starts in bold with its ECCN:
///   `<FP-2><B>4E091 'Parameters' …</B></FP-2>`, also `<FP-1><B>…` and `<P><B>3A090</B> …`;
/// - category and group headings between entries are `HD1` (`Category 4—Computers`,
///   `E. “Technology”`), and so are a category's dividers (`Part 2—“Information Security”`);
///   other `HD1` and `HD2` headings sit inside an entry;
/// - notes are `<NOTE><HED><I>Technical Notes:</I></HED><P><I>1. …</I></P>…</NOTE>`, numbered
///   `1.`, `2.`, `2.a.`, `2.a.1.`; or one note whose heading numbers it (`Note 1:`) or not (`Note:`).
/// A cross-reference to another ECCN inside an entry is not bold at the start of an element, so it
/// opens nothing.
enum CommerceControlList {
    /// The supplement's `N`, as the eCFR writes it on its `DIV9`.
    static func isCommerceControlList(_ n: String) -> Bool {
        SupplementCitation.numbers(ofSupplement: n).map { $0.supplement == "1" && $0.part == "774" } ?? false
    }

    struct Entry {
        var eccn: String
        /// The elements from the one that opens the entry to the last before the next entry or
        /// category heading.
        var elements: [OfficialElement]
    }

    struct Note {
        /// `Technical Note 1`, `Note 2.a`, `Note`.
        var label: String
        /// The label of the note it is part of (`Note 2` for `Note 2.a`), if any.
        var parent: String?
        /// Its own paragraphs; its wording adds those of the notes below it.
        var paragraphs: [OfficialElement]
        var span: SourceSpan
    }

    /// The supplement's entries in order; elements before the first entry and category headings
    /// belong to none.
    static func entries(of supplement: OfficialElement) -> [Entry] {
        var entries: [Entry] = []
        var open = false
        for case .element(let element) in supplement.children {
            if let eccn = eccn(openedBy: element) {
                entries.append(Entry(eccn: eccn, elements: [element]))
                open = true
            } else if element.name == "HD1", isCategoryOrGroupHeading(element.plainText) {
                open = false
            } else if open, !["HEAD", "CITA"].contains(element.name) {
                entries[entries.count - 1].elements.append(element)
            }
        }
        return entries
    }

    /// The ECCN an element opens an entry with: its first content is a `B` (after blank text)
    /// whose text starts with an ECCN (`4E091`, `0A501`, `5A992`) followed by a space or the end.
    static func eccn(openedBy element: OfficialElement) -> String? {
        guard ["FP-2", "FP-1", "FP", "P", "FP2", "FP1"].contains(element.name) else { return nil }
        for child in element.children {
            switch child {
            case .text(let text) where text.allSatisfy(\.isWhitespace): continue
            case .element(let bold) where bold.name == "B":
                let text = bold.plainText
                let code = text.prefix { !$0.isWhitespace }
                return isECCN(code) ? String(code) : nil
            default: return nil
            }
        }
        return nil
    }

    /// Digit, category letter A-E, three digits: the Export Control Classification Number.
    static func isECCN(_ code: Substring) -> Bool {
        let characters = Array(code)
        guard characters.count == 5, characters[0].isASCII, characters[0].isNumber, "ABCDE".contains(characters[1]) else { return false }
        return characters[2...].allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `Category 4—Computers`, `Category 0—Nuclear Materials …` (a `CategoryHeading` numbered in
    /// digits, as the CCL numbers them), `E. “Technology”`, and the dividers inside a category:
    /// `Part 2—“Information Security”` (Category 5), an `Annex` heading, and a roman-numbered one
    /// (`I. …`). None is an entry's text. **Evidence:** the `Part N—` layout is secondary (a parser
    /// of the versioner CCL that ends entries at `^Part\s+[0-9]+\s*[—–-]`, `Annex` and roman
    /// numerals; QA cfr5 finding 5).
    static func isCategoryOrGroupHeading(_ text: String) -> Bool {
        if CategoryHeading(text)?.isArabic == true { return true }
        let characters = Array(text.prefix(3))
        if characters.count == 3 && "ABCDE".contains(characters[0]) && characters[1] == "." && characters[2] == " " { return true }
        return isDivider(TextNormalizer.trim(text))
    }

    /// `Part 2—…` (digits, then a dash, spaces allowed around it), `Annex …`, `I. …`, `IV. …`.
    private static func isDivider(_ text: String) -> Bool {
        if text.hasPrefix("Part ") {
            let rest = text.dropFirst(5).drop { $0 == " " }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let dash = rest.dropFirst(digits.count).first(where: { $0 != " " }) else { return false }
            return dash == "—" || dash == "–" || dash == "-"
        }
        if text == "Annex" || text.hasPrefix("Annex ") || text.hasPrefix("Annex—") { return true }
        let numeral = text.prefix { "IVX".contains($0) }
        return !numeral.isEmpty && numeral.count <= 4 && text.dropFirst(numeral.count).hasPrefix(". ")
    }

    /// The numbered notes of an entry, parents before their parts. A `NOTE` whose heading is
    /// plural (`Notes:`, `Technical Notes:`) holds numbered paragraphs, each a note (an unnumbered
    /// paragraph before the first, such as `For the purposes of 4E091:`, belongs to none; one after
    /// a numbered paragraph continues it); one headed `Note 1:` or `Note:` is one note. Labels seen
    /// twice in an entry (two notes headed `Note:`) are left out, since a citation cannot tell them
    /// apart, and returned as `alike` (the first line of each such note, by label) to be reported;
    /// their text stays in the entry's wording.
    static func notes(of entry: Entry) -> (notes: [Note], alike: [(label: String, lines: [Int])]) {
        var notes: [Note] = []
        for element in entry.elements {
            for note in element.name == "NOTE" ? [element] : element.all(where: { $0.name == "NOTE" }) {
                notes += self.notes(in: note)
            }
        }
        var seen: [String: Int] = [:]
        for note in notes { seen[note.label, default: 0] += 1 }
        var alike: [(label: String, lines: [Int])] = []
        for note in notes where seen[note.label, default: 0] > 1 {
            if let index = alike.firstIndex(where: { $0.label == note.label }) { alike[index].lines.append(note.span.firstLine) }
            else { alike.append((note.label, [note.span.firstLine])) }
        }
        notes.removeAll { seen[$0.label] != 1 }
        // A part whose parent is not there hangs from the nearest one that is.
        let labels = Set(notes.map(\.label))
        for index in notes.indices {
            while let parent = notes[index].parent, !labels.contains(parent) {
                notes[index].parent = parent.lastIndex(of: ".").map { String(parent[..<$0]) }
            }
        }
        return (notes, alike)
    }

    /// A note's wording: its own paragraphs and those of its parts, which follow it (as a CFR
    /// paragraph's wording holds its subdivisions'), and the last line they reach.
    static func wording(ofNoteAt index: Int, in notes: [Note]) -> (paragraphs: [OfficialElement], lastLine: Int) {
        var paragraphs = notes[index].paragraphs
        var lastLine = notes[index].span.lastLine
        var ancestry: Set<String> = [notes[index].label]
        for part in notes[(index + 1)...] {
            guard let parent = part.parent, ancestry.contains(parent) else { break }
            ancestry.insert(part.label)
            paragraphs += part.paragraphs
            lastLine = part.span.lastLine
        }
        return (paragraphs, lastLine)
    }

    private static func notes(in note: OfficialElement) -> [Note] {
        let heading = TextNormalizer.trim(note.element("HED")?.plainText ?? "", also: ":.")
        let kind: String
        if heading.hasPrefix("Technical Note") { kind = "Technical Note" }
        else if heading.hasPrefix("Note") { kind = "Note" }
        else { return [] }
        let paragraphs = note.elements().filter { $0.name != "HED" }
        let rest = heading.dropFirst(kind.count)
        if rest.hasPrefix("s") {
            var notes: [Note] = []
            for paragraph in paragraphs {
                if let number = number(opening: paragraph.plainText) {
                    let parent = number.lastIndex(of: ".").map { "\(kind) \(number[..<$0])" }
                    notes.append(Note(label: "\(kind) \(number)", parent: parent, paragraphs: [paragraph], span: paragraph.span))
                } else if !notes.isEmpty {
                    notes[notes.count - 1].paragraphs.append(paragraph)
                    notes[notes.count - 1].span.lastLine = paragraph.span.lastLine
                }
            }
            return notes
        }
        let number = TextNormalizer.trim(String(rest))
        guard number.isEmpty || number.allSatisfy({ $0.isNumber }) else { return [] }
        return paragraphs.isEmpty ? [] : [Note(label: number.isEmpty ? kind : "\(kind) \(number)", parent: nil, paragraphs: paragraphs, span: note.span)]
    }

    /// `1. 'Parameters' …` → `1`; `2.a.1. Self classifying …` → `2.a.1`: numbers and single
    /// lower-case letters separated by periods, closed by a period and a space.
    static func number(opening text: String) -> String? {
        var pieces: [Substring] = []
        var rest = Substring(text)
        while let dot = rest.firstIndex(of: "."), dot > rest.startIndex {
            let piece = rest[..<dot]
            let isNumber = piece.count <= 3 && piece.allSatisfy { $0.isASCII && $0.isNumber }
            let isLetter = piece.count == 1 && piece.first!.isASCII && piece.first!.isLowercase
            guard (pieces.isEmpty && isNumber) || (!pieces.isEmpty && (isNumber || isLetter)) else { break }
            pieces.append(piece)
            rest = rest[rest.index(after: dot)...]
            if rest.first == " " { return pieces.joined(separator: ".") }
        }
        return nil
    }
}
