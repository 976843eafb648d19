import EccaXML

/// One CFR paragraph element (`P`, `FP`) split at its markers: `(2)(i) Is published …` holds two,
/// `(c) <I>Effective date</I>—(1) <I>In general.</I> …` one after a heading. Each marker owns the
/// text from its position to the next marker's.
///
/// A paragraph's text and pieces live in its section's `MarkedParagraph.Store`: a large title has
/// half a million paragraphs, and buffers of their own would cost several allocations each.
struct MarkedParagraph {
    struct Piece {
        /// The marker this text starts with; nil for text before any marker.
        var marker: ParagraphMarker?
        /// Raw UTF-8 text (whitespace not yet collapsed) in the store's `bytes`: the section
        /// reader collapses it straight into the section's wording.
        var text: Range<Int>
    }

    /// The paragraph's pieces, in the store's `pieces`.
    var pieces: Range<Int>
    /// `(a) * * *`: the paragraph's text was left out (Federal Register partial amendments).
    var isElided: Bool
    /// The term an unnumbered definition defines (`<I>Agency</I> means …`, `“Agency” means …`).
    var definedTerm: String?
    /// A second term the paragraph defines with the first (`<I>Categorical Exclusion</I> or
    /// <I>CATEX</I> means …`, `<I>Regulation</I> and <I>rule</I> have the same meaning`), made
    /// addressable by an alias of the definition (`DefinitionAlias`).
    var secondTerm: String?
    /// What its text read without certainty (`TextFinding`: superscripts after a number dropped as
    /// footnote marks, table spans, images left out), in the store's `droppedSuperscripts`.
    var droppedSuperscripts: Range<Int> = 0..<0
    /// The footnote marks its text left out unlinked (`Superscript`: `Shuttle <SU>1</SU> and`),
    /// in the store's `footnoteMarks`, for the section to carry the footnote on it too.
    var footnoteMarks: Range<Int> = 0..<0

    /// A footnote mark left out of a paragraph's text, and where: the offset in the store's
    /// bytes the mark stood at, which tells the piece (the marker) it belongs to.
    struct FootnoteMark {
        var mark: String
        var offset: Int
        /// Tagged a footnote reference by GPO (`<SU>4</SU><FTREF/>`): a footnote of the section
        /// must hold it.
        var tagged = false
    }

    /// Whether a paragraph element (a Federal Register `P`) is a `(a) * * *` stub.
    static func isElided(_ element: OfficialElement) -> Bool {
        var store = Store()
        return store.read(element.subtree, at: 0).isElided
    }

    /// What an element inside a paragraph is to its wording, where it is not plain inline text.
    enum InlineRole {
        /// Left out (footnotes, page marks).
        case dropped
        /// A block (a table cell, an example's heading): a space on each side, so that words of
        /// adjacent blocks never fuse (FORMATS.md §1.5: `EXAMPLE` holding `HED` plus `PSPACE`).
        case block
        /// `<SU>`, `<sup>`: a power or a footnote mark (`Superscript`).
        case superscript
        /// A table row and a cell of one: blocks written by the table convention (`TableText`).
        case row, cell
        /// An image's id (`MID`, `GID`): left out and reported (`OmittedImage`).
        case image

        var isBlock: Bool { self == .block || self == .row || self == .cell }
    }

    /// The roles of elements, from the GPO flattening rule (`TextFlattening.gpo`), so that a
    /// section's paragraphs and an appendix read alike; one lookup per element, as the set of
    /// dropped elements was before.
    static let roles: [String: InlineRole] = {
        var roles: [String: InlineRole] = [:]
        for name in TextFlattening.gpo.blocks { roles[name] = .block }
        for name in TextFlattening.gpo.dropped { roles[name] = .dropped }
        for name in TextFlattening.gpo.rows { roles[name] = .row }
        for name in TextFlattening.gpo.cells { roles[name] = .cell }
        for name in TextFlattening.gpo.images { roles[name] = .image }
        roles["SU"] = .superscript
        roles["sup"] = .superscript
        return roles
    }()

    /// The text and pieces of one section's paragraphs, appended paragraph by paragraph.
    struct Store {
        /// The paragraphs' raw text, one after another.
        private(set) var bytes: [UInt8] = []
        private(set) var pieces: [Piece] = []
        /// Scratch space for one paragraph: its italic runs and its markers.
        private var italic: [Range<Int>] = []
        private var found: [Found] = []
        /// What the paragraphs read without certainty, superscripts dropped and images left out among them (`MarkedParagraph.droppedSuperscripts`).
        private(set) var droppedSuperscripts: [TextFinding] = []
        /// The footnote marks the paragraphs left out unlinked (`MarkedParagraph.footnoteMarks`); rare.
        private(set) var footnoteMarks: [FootnoteMark] = []
        /// Scratch space for a heading's collapsed bytes.
        private var headingBytes: [UInt8] = []
        /// The marks of the notes the section keeps (`TableText.noteMarks`), looked up at
        /// the first footnote mark of the section: nil until then.
        private var footnotes: Set<String>?

        /// A marker and where it starts.
        private struct Found {
            var marker: ParagraphMarker
            var offset: Int
        }

        /// Empties the store for the next section, keeping its buffers, with room for `bytes`
        /// (a section whose subtree holds `bytes` bytes of text).
        mutating func removeAll(reservingCapacity bytes: Int) {
            self.bytes.removeAll(keepingCapacity: true)
            self.bytes.reserveCapacity(bytes)
            pieces.removeAll(keepingCapacity: true)
            droppedSuperscripts.removeAll(keepingCapacity: true)
            footnoteMarks.removeAll(keepingCapacity: true)
            footnotes = nil
        }

        /// Reads the element at `index` of a section's subtree (a `P` or `FP`); markers are looked
        /// for only when `markers` is true. In a definitions section (`inDefinitions`), a term may
        /// also be run in with a period (`<I>Export.</I> See § 734.13.`).
        mutating func read(_ tree: XMLSubtree, at index: Int, markers lookForMarkers: Bool = true,
                           inDefinitions: Bool = false) -> MarkedParagraph {
            let start = bytes.count
            let firstPiece = pieces.count
            italic.removeAll(keepingCapacity: true)
            found.removeAll(keepingCapacity: true)
            let firstDropped = droppedSuperscripts.count
            let firstMark = footnoteMarks.count
            var power = 0..<0
            MarkedParagraph.collect(tree, index, italic: false, inRow: false, into: &bytes, italicRanges: &italic, dropped: &droppedSuperscripts,
                                    marks: &footnoteMarks, footnotes: &footnotes, power: &power)
            let end = bytes.count
            let dropped = firstDropped..<droppedSuperscripts.count
            let marks = firstMark..<footnoteMarks.count
            guard lookForMarkers else {
                pieces.append(Piece(marker: nil, text: start..<end))
                return MarkedParagraph(pieces: firstPiece..<pieces.count, isElided: false, definedTerm: nil, droppedSuperscripts: dropped,
                                       footnoteMarks: marks)
            }
            var position = MarkedParagraph.skipSpace(bytes, start)
            // The USML's significant-military-equipment asterisk (`* (a)`, `*(a)`, 22 CFR 121.1):
            // the paragraph is (a), and its text, asterisk and all, is (a)'s wording.
            var starred: Int?
            if let after = MarkedParagraph.markerAfterAsterisk(bytes, at: position, end: end) {
                starred = position
                position = after
            }
            var embedded = false
            // A paragraph that opens with no marker may define a term (looked up once).
            let term = !MarkedParagraph.isMarker(in: bytes, at: position)
                ? MarkedParagraph.definedTerm(bytes, from: start, italic: italic, inDefinitions: inDefinitions) : nil
            // A run-in term whose points start in its own paragraph (`<I>Build-to-Print
            // technology.</I> (1) This is …`, 15 CFR 772.1): the term, then its first point.
            if let term, term.runIn {
                let next = MarkedParagraph.skipDashes(bytes, term.end)
                if next < end, MarkedParagraph.isMarker(in: bytes, at: next) {
                    position = next
                    embedded = true
                }
            }
            chains: while true {
                let chainStart = found.count
                while let (label, next, labelRange) = MarkedParagraph.marker(in: bytes, at: position) {
                    let isItalic = italic.overlaps(labelRange)
                    var marker = ParagraphMarker(label: label, italic: isItalic, embedded: embedded)
                    var markerEnd = next
                    if let range = MarkedParagraph.reservedRange(bytes, after: next, end: end) {
                        let ranged = ParagraphMarker(label: label, italic: isItalic, embedded: embedded, through: range.last)
                        if !ranged.candidates.isEmpty {
                            marker = ranged
                            markerEnd = range.end
                        }
                    }
                    let offset = found.isEmpty ? starred ?? position : position
                    found.append(Found(marker: marker, offset: offset))
                    position = markerEnd
                    // `(6) (i) If …`: a chain may have spaces between its markers.
                    let after = MarkedParagraph.skipSpace(bytes, position)
                    if after > position, MarkedParagraph.isMarker(in: bytes, at: after) { position = after }
                }
                guard found.count > chainStart else { break }
                // An italic heading right after the chain belongs to its last marker.
                let afterChain = MarkedParagraph.skipSpace(bytes, position)
                guard let headingRun = italic.run(startingAt: afterChain) else { break }
                let headingRange = italic[headingRun]
                // A defined term is not a heading (`(a) <I>Export,</I> except as … means:`,
                // `(a) <I>Technical data</I> means …`, 22 CFR 120.50, 120.33): the term test of
                // an unnumbered definition (a comma, or the sentence going on in lower case).
                // Two bytes first: most headings end in a period and a capital follows them.
                if MarkedParagraph.mayBeTerm(bytes, headingRange, end: end), MarkedParagraph.definedTerm(bytes, from: afterChain, italic: italic) != nil { break }
                var headingEnd = headingRange.upperBound
                // Adjacent italic runs separated only by spaces are one heading.
                while case let next = MarkedParagraph.skipSpace(bytes, headingEnd), next > headingEnd, let more = italic.run(startingAt: next) {
                    headingEnd = italic[more].upperBound
                }
                // An italic run the text goes on from without a space is no heading: a symbol of a
                // formula (`(1) <E T="03">L</E><E T="52">C</E>=Chargeable payload length`, 14 CFR
                // 1214.813(b)(1), import audit D6), a word set partly in italics.
                // (`(c) <I>Scope.</I>This part …` ends on its stop: a heading still, re-audit D8.)
                if headingEnd < end, MarkedParagraph.goesOnFromItalics(bytes[headingEnd]),
                   MarkedParagraph.goesOnFromItalics(bytes[headingEnd - 1]) { break }
                let heading = MarkedParagraph.heading(bytes[afterChain..<headingEnd], scratch: &headingBytes)
                if !heading.isEmpty { found[found.count - 1].marker.heading = heading }
                // A marker after the heading (and an optional dash) opens a child in the same paragraph.
                var next = MarkedParagraph.skipSpace(bytes, headingEnd)
                next = MarkedParagraph.skipDashes(bytes, next)
                guard next < end, bytes[next] == UInt8(ascii: "("), MarkedParagraph.isMarker(in: bytes, at: next) else { break }
                position = next
                embedded = true
                continue chains
            }
            if let first = found.first, first.offset > start {
                pieces.append(Piece(marker: nil, text: start..<first.offset))
            }
            for (index, entry) in found.enumerated() {
                let pieceEnd = index + 1 < found.count ? found[index + 1].offset : end
                pieces.append(Piece(marker: entry.marker, text: entry.offset..<pieceEnd))
            }
            if found.isEmpty { pieces.append(Piece(marker: nil, text: start..<end)) }
            // The term, when the paragraph defines one: markerless, or its points run in after it.
            let definedTerm = found.isEmpty || found[0].offset > start ? term?.term : nil
            // "X or Y means …": looked for only after a term closed by neither a period nor a comma.
            let secondTerm = definedTerm != nil && term?.runIn == false ? MarkedParagraph.secondTerm(bytes, after: term!.end, italic: italic) : nil
            // "(a) * * *": nothing but stars after the markers.
            var isElided = false
            if let last = found.last {
                var rest = position
                if let heading = last.marker.heading, !heading.isEmpty { rest = end } // a heading is real text
                rest = MarkedParagraph.skipSpace(bytes, rest)
                var stars = 0
                var other = false
                for byte in bytes[rest...] {
                    if byte == UInt8(ascii: "*") { stars += 1 } else if !MarkedParagraph.isSpace(byte) { other = true; break }
                }
                isElided = stars >= 3 && !other
            }
            return MarkedParagraph(pieces: firstPiece..<pieces.count, isElided: isElided, definedTerm: definedTerm, secondTerm: secondTerm,
                                   droppedSuperscripts: dropped, footnoteMarks: marks)
        }
    }

    /// A paragraph heading from its italic run: whitespace collapsed, then spaces and `. : - — – ,`
    /// trimmed at both ends (one string made from the bytes; a large title has a hundred
    /// thousand headings). `scratch` holds the collapsed bytes: the store's, reused.
    static func heading(_ run: ArraySlice<UInt8>, scratch: inout [UInt8]) -> String {
        scratch.removeAll(keepingCapacity: true)
        TextNormalizer.appendCollapsed(run, to: &scratch)
        return TextNormalizer.trim(utf8: scratch, also: ".:—–-,")
    }

    /// Whether the italic `run` may open a definition, by the bytes `definedTerm` looks at first:
    /// a comma closing it, or a lower-case word or a comma after it.
    static func mayBeTerm(_ bytes: [UInt8], _ run: Range<Int>, end: Int) -> Bool {
        var last = run.upperBound - 1
        while last > run.lowerBound, isSpace(bytes[last]) { last -= 1 }
        if bytes[last] == UInt8(ascii: ",") { return true }
        let after = skipAbbreviation(bytes, skipSpace(bytes, run.upperBound), end: end)
        return after < end && ((bytes[after] >= 97 && bytes[after] <= 122) || bytes[after] == UInt8(ascii: ","))
    }

    private static let alternatives = ["or ", "and "].map { Array($0.utf8) }

    /// The second of two terms defined together, `<I>Categorical Exclusion</I> or <I>CATEX</I>
    /// means …` (1 CFR 601.3), `<I>Regulation</I> and <I>rule</I> have the same meaning` (1 CFR
    /// 1.1): an italic or quoted term right after the first's end (`first`) and "or" or "and", that
    /// the sentence goes on to define as `definedTerm` tells. Nil for one italic run ("Act and
    /// FOIA", a single term), and for "or" followed by anything else.
    static func secondTerm(_ bytes: [UInt8], after first: Int, italic: [Range<Int>]) -> String? {
        var at = skipSpace(bytes, first)
        guard let word = alternatives.first(where: { bytes[at...].starts(with: $0) }) else { return nil }
        at += word.count
        return definedTerm(bytes, from: at, italic: italic).flatMap { $0.runIn ? nil : $0.term }
    }

    /// Where the sentence goes on after a term's abbreviation in parentheses, `<I>Senior Agency
    /// Official for Privacy</I> (SAOP) shall mean …` (1 CFR 603.2): past the parentheses and the
    /// space after them; `position` itself when no short parenthesis, with none inside it, opens
    /// there, or when it is a paragraph marker (`<I>Scope</I> (1) in general`: a heading, then its
    /// point). The abbreviation stays in the wording; the term is the italic text alone.
    static func skipAbbreviation(_ bytes: [UInt8], _ position: Int, end: Int) -> Int {
        guard position < end, bytes[position] == UInt8(ascii: "("), !isMarker(in: bytes, at: position) else { return position }
        var index = position + 1
        while index < end, index - position <= 60 {
            switch bytes[index] {
            case UInt8(ascii: ")"): return index > position + 1 ? skipSpace(bytes, index + 1) : position
            case UInt8(ascii: "("): return position
            default: index += 1
            }
        }
        return position
    }

    /// Whether `byte`, right after an italic run, carries its word or formula on: a letter, a
    /// digit, or a subscript's, power's or equation's sign.
    static func goesOnFromItalics(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "^") || byte == UInt8(ascii: "=")
    }

    /// Words that follow a quoted term in a definition (`“Agency” means …`).
    private static let definingWords = [" means", " mean ", " includes", " include ", " has ", " is defined", " refers to",
                                        " shall mean", " is ", " are "].map { Array($0.utf8) }
    /// Italic openings that are not defined terms.
    private static let notTerms: Set<String> = ["note", "notes", "example", "examples", "authority", "source", "effective date",
                                                "editorial note", "cross reference", "cross references"]
    /// Openings of run-in notes and examples in a definitions section, which close with a period
    /// as a run-in term does (`<I>Technical Note.</I>`, `<I>Example 2.</I>`, `<I>Note to paragraph (a).</I>`).
    private static let notRunInTerms = ["note ", "notes ", "technical note", "example ", "examples "]

    private static func isTerm(_ term: String, runIn: Bool) -> Bool {
        let lowered = term.lowercased()
        return !notTerms.contains(lowered) && !(runIn && notRunInTerms.contains { lowered.hasPrefix($0) })
    }

    /// The term when an unnumbered paragraph opens with an italic term that the sentence goes on to
    /// define (`<I>Agency</I> means …`, `<E T="03">Person with a disability,</E> as further explained …`),
    /// or with a quoted term followed by "means" and the like.
    ///
    /// In a definitions section (`inDefinitions`) a term may also be run in, closed by a period and
    /// followed by its definition as a sentence of its own: `<I>Arrest.</I> An act, …` (14 CFR
    /// 1203b.102), `<I>Export.</I> See § 734.13 of the EAR.` and `“Accuracy.” (Cat 2 and 6)—…`
    /// (15 CFR 772.1). Elsewhere an italic phrase closed by a period is a run-in heading.
    /// Returns the term, where it ends (past the italic run or the closing quote), and whether it
    /// is run in (closed by a period, its definition a sentence of its own).
    static func definedTerm(_ bytes: [UInt8], from paragraphStart: Int, italic: [Range<Int>],
                            inDefinitions: Bool = false) -> (term: String, end: Int, runIn: Bool)? {
        let start = skipSpace(bytes, paragraphStart)
        if let found = italic.run(startingAt: start), case let run = italic[found], run.count < 160 {
            let raw = TextNormalizer.collapse(utf8: bytes[run])
            let term = TextNormalizer.trim(raw, also: ",.“”\"")
            // "Authority", "Source" and the like open notes, unless the sentence defines them
            // (`(b) <E T="03">Authority</E> means the National Aeronautics …`, 14 CFR 1264.101(b),
            // import audit D6: read as a heading).
            guard !term.isEmpty, !raw.hasSuffix(":"),
                  isTerm(term, runIn: false) || definingWords.contains(where: { bytes[run.upperBound...].starts(with: $0) }) else { return nil }
            var after = skipSpace(bytes, run.upperBound)
            guard after < bytes.count else { return nil }
            if TextNormalizer.trim(raw, also: "“”\"").hasSuffix(".") {
                return inDefinitions && isTerm(term, runIn: true) ? (term, run.upperBound, true) : nil
            }
            after = skipAbbreviation(bytes, after, end: bytes.count)
            guard after < bytes.count else { return nil }
            let next = bytes[after]
            // The sentence goes on in lower case ("means", "has", "as defined") or after a comma,
            // also past the term's abbreviation (`(SAOP) shall mean`).
            guard (next >= 97 && next <= 122) || raw.hasSuffix(",") || next == UInt8(ascii: ",") else { return nil }
            return (term, run.upperBound, false)
        }
        if bytes.count > start + 3, bytes[start] == 0xE2, bytes[start + 1] == 0x80, bytes[start + 2] == 0x9C {
            // “Term” means …
            var index = start + 3
            while index + 2 < bytes.count, index - start < 200, !(bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x9D) { index += 1 }
            guard index + 2 < bytes.count, bytes[index] == 0xE2 else { return nil }
            let after = index + 3
            let quoted = TextNormalizer.collapse(utf8: bytes[(start + 3)..<index])
            // “Accuracy.” (Cat 2 and 6)—…: run in, in a definitions section.
            let runIn = inDefinitions && TextNormalizer.trim(quoted).hasSuffix(".")
            guard runIn || definingWords.contains(where: { bytes[after...].starts(with: $0) }) else { return nil }
            let term = TextNormalizer.trim(quoted, also: ",.")
            return term.isEmpty || !isTerm(term, runIn: runIn) ? nil : (term, after, runIn)
        }
        return nil
    }

    // MARK: - Text with italics

    /// `inRow`: the element at `index` is a table row, whose cells are joined by ` | `.
    /// `marks`: each footnote mark left out with no kept note to link it to, and where.
    /// `footnotes`: the section's notes, found at its first superscript (`TableText.noteMarks`).
    /// `power`: the last power written, from its `^` to its end, whose end is marked when a digit
    /// follows it (`Superscript.powerOpen`): one comparison per text, none per byte.
    private static func collect(_ tree: XMLSubtree, _ index: Int, italic: Bool, inRow: Bool, into bytes: inout [UInt8], italicRanges: inout [Range<Int>],
                                dropped: inout [TextFinding], marks: inout [FootnoteMark], footnotes: inout Set<String>?, power: inout Range<Int>) {
        /// The marks of the notes the section keeps, found at its first superscript.
        func notes() -> Set<String> {
            if footnotes == nil { footnotes = TableText.noteMarks(in: tree) }
            return footnotes!
        }
        /// The mark written ` [n]` when the section keeps a note numbered `text`; false when it is left out.
        /// A note's own number (`opening` its block) is set apart from its text (`[1] Under …`).
        func link(_ text: String, opening: Bool = false) -> Bool {
            let number = TextNormalizer.collapse(text)
            guard notes().contains(number) else { return false }
            bytes.append(contentsOf: TableText.mark(number).utf8)
            if opening { bytes.append(0x20) }
            return true
        }
        /// Drops the last `count` bytes (the space a power or a subscript closes up to), and the
        /// italics over them.
        func dropTrailing(_ count: Int) {
            bytes.removeLast(count)
            if let last = italicRanges.last, last.upperBound > bytes.count {
                if last.lowerBound < bytes.count { italicRanges[italicRanges.count - 1] = last.lowerBound..<bytes.count }
                else { italicRanges.removeLast() }
            }
        }
        var cellCount = 0
        // The `EXPSTB` in force among a GPO table's rows (`TableText.Span`).
        var stub = 0
        // Nodes are read field by field: a copy of one would retain its name and namespace.
        for child in tree.children(of: index) {
            switch tree.nodes[child].kind {
            case .text:
                var content = tree.nodes[child].content
                if power.upperBound == bytes.count, !power.isEmpty, let first = content.first, Superscript.isDigit(tree.bytes[first]) {
                    markEnd(of: power, in: &bytes, italicRanges: &italicRanges)
                }
                let start = bytes.count
                // Pretty-printing's line break before an em dash (`</E>⏎    —(1)`, Federal Register),
                // a closing bracket or a stop (`<E>et seq.</E>⏎ ).`), or after an opening bracket
                // (`(⏎<E>i.e.,</E>`), is no space in the printed text, which closes them up.
                content = Self.closedUp(tree.bytes, content)
                bytes.append(contentsOf: tree.bytes[content])
                if italic, bytes.count > start {
                    if let last = italicRanges.last, last.upperBound == start {
                        italicRanges[italicRanges.count - 1] = last.lowerBound..<bytes.count
                    } else {
                        italicRanges.append(start..<bytes.count)
                    }
                }
            case .instruction:
                continue
            case .element:
                let name = tree.nodes[child].name
                // Italics, the most frequent element inside paragraphs, need none of the checks below.
                if name == "I" {
                    collect(tree, child, italic: true, inRow: false, into: &bytes, italicRanges: &italicRanges, dropped: &dropped, marks: &marks, footnotes: &footnotes, power: &power)
                    continue
                }
                let role = roles[name]
                if role == .dropped { continue }
                if role == .image {
                    dropped.append(.image(named: name, id: tree.text(of: child), line: tree.nodes[child].firstLine))
                    bytes.append(0x20)
                    continue
                }
                // A GPO `E`'s type, read once: superscript, subscript or italics.
                let type = name == "E" ? tree.attribute("T", of: child) : nil
                if role == .superscript || Superscript.isGPO(type: type) {
                    let text = tree.text(of: child)
                    let collapsed = TextNormalizer.collapse(text)
                    // `10<SU>2</SU><SU>5</SU>`, printed 10²⁵: one power set in two runs goes on; a
                    // note's mark right after a power is that mark (`10<SU>26</SU><SU>1</SU>` with a
                    // note 1 is not 10^261, QA verify N1).
                    // GPO tags a footnote reference `<SU>1</SU><FTREF/>` (white space may come
                    // between, as the corpus has it): a footnote's mark, never a power.
                    var next = tree.nodes[child].end
                    while next < tree.nodes[index].end, tree.nodes[next].kind == .text, tree.content(of: next).allSatisfy(isSpace) { next = tree.nodes[next].end }
                    if next < tree.nodes[index].end, tree.nodes[next].kind == .element, tree.nodes[next].name == Superscript.footnoteReference {
                        if !link(text) { marks.append(FootnoteMark(mark: TextNormalizer.trim(collapsed), offset: bytes.count, tagged: true)) }
                        continue
                    }
                    if let printed = Superscript.printedText(collapsed, after: String(decoding: bytes.suffix(8), as: UTF8.self).suffix(2)) {
                        bytes.append(contentsOf: printed.utf8)
                        continue
                    }
                    let hasNote = notes().contains(collapsed)
                    if !text.isEmpty, !power.isEmpty, power.upperBound == bytes.count {
                        if hasNote {
                            _ = link(text)
                        } else {
                            bytes.append(contentsOf: text.utf8)
                            power = power.lowerBound..<bytes.count
                        }
                        continue
                    }
                    let isLineBreak: (UInt8) -> Bool = { $0 == 0x0A || $0 == 0x0D }
                    let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
                    // One that opens a block (a table note's `<TNOTE><SU>1</SU>Under …`) follows
                    // no number: the cell's `5` before it is another block's, even across a line break.
                    let opensBlock = roles[tree.nodes[index].name]?.isBlock == true && onlySpace(before: child, in: tree, parent: index)
                    let placement = opensBlock ? .mark : Superscript.placement(after: bytes, isSpace: isSpace, isLineBreak: isLineBreak, isDigit: isDigit)
                    let closedUp = Superscript.closesUp(String(decoding: bytes.suffix(4), as: UTF8.self).last)
                    let reading = Superscript.reading(of: collapsed, at: placement, closedUp: closedUp, hasNote: hasNote) {
                        let following = next < tree.nodes[index].end && tree.nodes[next].kind == .text
                            ? Substring(decoding: tree.content(of: next).prefix(3), as: UTF8.self) : ""
                        return Superscript.isPartOfText(after: Substring(decoding: bytes.suffix(12), as: UTF8.self), before: following)
                    }
                    switch reading {
                    case .power(let spaces):
                        dropTrailing(spaces)
                        let caret = bytes.count
                        bytes.append(UInt8(ascii: "^"))
                        bytes.append(contentsOf: text.utf8)
                        power = caret..<bytes.count
                        continue
                    case .markAfterNumber:
                        // `10 <SU>26</SU>`: a footnote mark by the rule, but reported, linked to its note or not.
                        let number = Superscript.Dropped.number(before: bytes, isSpace: isSpace, isDigit: isDigit)
                        let numberText = String(decoding: number, as: UTF8.self)
                        let linked = link(text)
                        dropped.append(.superscript(number: numberText, superscript: collapsed, line: tree.nodes[child].firstLine, linked: linked))
                        if !linked { marks.append(FootnoteMark(mark: TextNormalizer.trim(collapsed), offset: bytes.count)) }
                        continue
                    case .mark:
                        // A note's own number opening its block references nothing.
                        if !link(text, opening: opensBlock), !opensBlock {
                            marks.append(FootnoteMark(mark: TextNormalizer.trim(collapsed), offset: bytes.count))
                        }
                        continue
                    case .text:
                        break  // written as any other element's text
                    }
                }
                if Subscript.isGPO(type: type) {
                    dropTrailing(Subscript.spaces(before: bytes, isSpace: isSpace, isLineBreak: { $0 == 0x0A || $0 == 0x0D },
                                                  isWordCharacter: { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 >= 0x80 }))
                    bytes.append(Subscript.mark)
                    collect(tree, child, italic: italic || type == "54", inRow: false, into: &bytes, italicRanges: &italicRanges,
                            dropped: &dropped, marks: &marks, footnotes: &footnotes, power: &power)
                    continue
                }
                // Tables (`TableText`): a row set apart by ` ¶ `, its cells joined by ` | `.
                if inRow, role == .cell {
                    if cellCount > 0 { bytes.append(contentsOf: TableText.cellSeparator.utf8) }
                    cellCount += 1
                }
                if role == .row {
                    TableText.openRow(&bytes)
                    reportSpan(of: child, in: tree, parent: index, stub: &stub, into: &dropped)
                }
                let block = role?.isBlock == true
                if block { bytes.append(0x20) }
                let isItalic = italic || name == "i" || name == "em" || type == "03"
                collect(tree, child, italic: isItalic, inRow: role == .row, into: &bytes, italicRanges: &italicRanges, dropped: &dropped, marks: &marks, footnotes: &footnotes, power: &power)
                if block { bytes.append(0x20) }
                if role == .row { bytes.append(contentsOf: TableText.rowSeparator.utf8) }
            }
        }
    }

    /// Whether nothing but white space comes before `child` in `parent`. It stops at the first
    /// thing that is not, so that a paragraph of many superscripts is read in linear time.
    private static func onlySpace(before child: Int, in tree: XMLSubtree, parent: Int) -> Bool {
        for sibling in tree.children(of: parent) {
            if sibling == child { return true }
            guard tree.nodes[sibling].kind == .text, tree.content(of: sibling).allSatisfy(isSpace) else { return false }
        }
        return true
    }

    /// `^2` made `^{2}` (a digit follows it), where it ends `bytes`; an italic run over it grows with it.
    @inline(never)
    private static func markEnd(of power: Range<Int>, in bytes: inout [UInt8], italicRanges: inout [Range<Int>]) {
        bytes.insert(Superscript.powerOpen, at: power.lowerBound + 1)
        bytes.append(Superscript.powerClose)
        if let last = italicRanges.last, last.upperBound > power.lowerBound {
            italicRanges[italicRanges.count - 1] = last.lowerBound..<last.upperBound + 2
        }
    }

    /// Reports the span of the table row at `row` (`TableText.Span`) whose cells it shifts off
    /// their columns. Only rows come here: a section without tables never does.
    @inline(never)
    private static func reportSpan(of row: Int, in tree: XMLSubtree, parent: Int, stub: inout Int, into findings: inout [TextFinding]) {
        let expandedStub = tree.attribute("EXPSTB", of: row)
        if let set = TableText.expandedStub(expandedStub) { stub = set }
        let cells = tree.children(of: row).filter { tree.nodes[$0].kind == .element && roles[tree.nodes[$0].name] == .cell }
        let span = TableText.Span.of(cells: cells.count, attribute: { tree.attribute($1, of: cells[$0]) },
                                     header: tree.nodes[parent].name == "THEAD" || tree.nodes[row].name == "BOXHD",
                                     stub: stub, stubMarkup: "EXPSTB=\"\(expandedStub ?? String(stub))\"")
        if let span { findings.append(TextFinding(kind: .span(span), line: tree.nodes[row].firstLine)) }
    }

    /// `content` without the white space of a broken line (one holding a line break) that the
    /// printed text closes up: at its start before an em dash, a closing bracket or a stop
    /// (`,;:.`), and at its end after an opening bracket. White space on one line is kept.
    private static func closedUp(_ bytes: [UInt8], _ content: Range<Int>) -> Range<Int> {
        var lower = content.lowerBound
        var brokenLine = false
        while lower < content.upperBound, isSpace(bytes[lower]) {
            brokenLine = brokenLine || bytes[lower] == 0x0A || bytes[lower] == 0x0D
            lower += 1
        }
        if !brokenLine || lower == content.upperBound || !closesUpAfterBreak(bytes, at: lower) { lower = content.lowerBound }
        var upper = content.upperBound
        brokenLine = false
        while upper > lower, isSpace(bytes[upper - 1]) {
            brokenLine = brokenLine || bytes[upper - 1] == 0x0A || bytes[upper - 1] == 0x0D
            upper -= 1
        }
        if !brokenLine || upper == lower || (bytes[upper - 1] != UInt8(ascii: "(") && bytes[upper - 1] != UInt8(ascii: "[")) { upper = content.upperBound }
        return lower..<upper
    }

    /// Whether the text at `index` opens with what is closed up to the word before it: an em dash,
    /// `)`, `]` or a stop (`,;:.`), but not a decimal (`.5 percent`) or an ellipsis (`. . .`),
    /// which keep their space (re-audit D7).
    private static func closesUpAfterBreak(_ bytes: [UInt8], at index: Int) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "."):
            guard index + 1 < bytes.count else { return true }
            let next = bytes[index + 1]
            return !(next >= 0x30 && next <= 0x39) && !(next == 0x20 && index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "."))
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
            return true
        case 0xE2:
            return index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x94
        default:
            return false
        }
    }

    // MARK: - Markers

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// Where the marker starts after the USML's significant-military-equipment asterisk (`* (a)`,
    /// `*(a)`, 22 CFR 121.1) at `position`; nil when no asterisk and marker stand there.
    static func markerAfterAsterisk(_ bytes: [UInt8], at position: Int, end: Int) -> Int? {
        guard position < end, bytes[position] == UInt8(ascii: "*") else { return nil }
        let after = skipSpace(bytes, position + 1)
        return isMarker(in: bytes, at: after) ? after : nil
    }

    static func skipSpace(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if isSpace(bytes[index]) { index += 1; continue }
            // U+00A0 no-break space
            if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { index += 2; continue }
            break
        }
        return index
    }

    /// Skips `—`, `–`, `-` and spaces.
    static func skipDashes(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "-") || isSpace(bytes[index]) { index += 1; continue }
            if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x94 || bytes[index + 2] == 0x93 {
                index += 3
                continue
            }
            break
        }
        return index
    }

    /// A marker `(label)` at `start` (spaces allowed inside the parentheses, as in the Federal
    /// Register's `( <E T="03">3</E> )`): its label, the offset after it, and the label's bytes.
    static func marker(in bytes: [UInt8], at start: Int) -> (String, Int, Range<Int>)? {
        guard let (labelRange, next) = markerBounds(in: bytes, at: start) else { return nil }
        return (String(decoding: bytes[labelRange], as: UTF8.self), next, labelRange)
    }

    /// Whether a marker stands at `start`: the test most paragraphs need, made without the label's string.
    static func isMarker(in bytes: [UInt8], at start: Int) -> Bool { markerBounds(in: bytes, at: start) != nil }

    /// The most digits a paragraph number has: a label is otherwise at most five characters
    /// (`(xxiii)`'s five), and a section of 200,000 numbered paragraphs ran its 100,000th and
    /// later into (99999), and from (1000) on fell back to marker kinds (QA scale F1).
    static let longestNumber = 9

    /// The label's bytes and the offset after the marker at `start`, if one stands there.
    private static func markerBounds(in bytes: [UInt8], at start: Int) -> (label: Range<Int>, end: Int)? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "(") else { return nil }
        var index = start + 1
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        let labelStart = index
        var digits = true
        while index < bytes.count, isAlphanumeric(bytes[index]) {
            digits = digits && bytes[index] >= 48 && bytes[index] <= 57
            guard index - labelStart < 5 || (digits && index - labelStart < longestNumber) else { break }
            index += 1
        }
        let labelEnd = index
        guard labelEnd > labelStart else { return nil }
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ")") else { return nil }
        guard ParagraphMarker.isLabel(bytes[labelStart..<labelEnd]) else { return nil }
        return (labelStart..<labelEnd, index + 1)
    }

    private static let through = Array("through".utf8)

    /// The rest of a reserved range after its first marker (`(c)` ends at `after`): `-(w)`,
    /// `–(w)` or ` through (w)`, then a bracket (`[Reserved]`, `[Removed and reserved]`). Only a
    /// bracket makes it a range: a paragraph whose text goes on after `(c)-(w)` is not one the
    /// CFR prints, and stays the marker `(c)`. Returns the last label and the offset after it.
    static func reservedRange(_ bytes: [UInt8], after: Int, end: Int) -> (last: String, end: Int)? {
        var index = skipSpace(bytes, after)
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
        } else if bytes[index] == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0x93 {
            index += 3  // en dash
        } else if bytes[index] == UInt8(ascii: "t"), bytes[index..<end].starts(with: through) {
            index += through.count
        } else {
            return nil
        }
        index = skipSpace(bytes, index)
        guard let (last, next, _) = marker(in: bytes, at: index), next <= end else { return nil }
        let bracket = skipSpace(bytes, next)
        guard bracket < end, bytes[bracket] == UInt8(ascii: "[") else { return nil }
        return (last, next)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}

/// A paragraph's italic runs, collected in reading order, are sorted and disjoint: they are looked
/// up by halving, so that a paragraph of many runs (a converter that sets every word in italics)
/// is read in linear time, not in time growing with the square of its runs.
extension [Range<Int>] {
    /// The index of the first run that ends after `offset` (`count` when none does).
    fileprivate func firstRun(endingAfter offset: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].upperBound > offset { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The index of the run that starts at `offset`.
    fileprivate func run(startingAt offset: Int) -> Int? {
        let index = firstRun(endingAfter: offset)
        return index < count && self[index].lowerBound == offset ? index : nil
    }

    /// Whether a run shares a byte with `range`.
    fileprivate func overlaps(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let index = firstRun(endingAfter: range.lowerBound)
        return index < count && self[index].lowerBound < range.upperBound
    }
}
