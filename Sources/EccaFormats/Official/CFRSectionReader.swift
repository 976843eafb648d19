import ClauseGraph
import EccaXML

/// Turns one CFR section (eCFR `DIV8`, annual CFR or Federal Register `SECTION`) into provisions:
/// the section, one provision per paragraph marker, and one per unnumbered defined term, with the
/// hierarchy the marker solver rebuilds. A paragraph's wording holds its own text and its
/// subparagraphs', as citing "§ 734.13(a)" cites all of (a).
struct CFRSectionReader {
    /// The section's number, ids, heading, links and notes, passed on to its layout.
    var header: CFRSectionLayout.Header

    init(number: String, sourceID: String, title: String?, heading: String?, url: String?, pointer: String) {
        header = CFRSectionLayout.Header(number: number, sourceID: sourceID, title: title, heading: heading, url: url, pointer: pointer)
    }

    struct Output {
        var provisions: ProvisionBatch
        var diagnostics: [Diagnostic]
        var ambiguous: Int
    }

    /// Children that carry the section's number and heading, or that are not wording.
    static let structural: Set<String> = ["HEAD", "SECTNO", "SUBJECT", "PRTPAGE", "FTNT", "CITA", "SECAUTH", "EFFDNOT",
                                          "EDNOTE", "CROSSREF", "AMDPAR"]

    /// A child element that is wording: its text split at its markers (none for `STARS`), its
    /// position among the section's child elements, and its lines.
    fileprivate struct Paragraph {
        var marked: MarkedParagraph?
        var index: Int
        var firstLine: Int
        var lastLine: Int
    }

    private typealias Segment = CFRSectionLayout.Segment
    private typealias Record = CFRSectionLayout.Record
    private typealias Piece = CFRSectionLayout.Piece

    func read(_ section: OfficialElement) -> Output {
        read(section.subtree, file: section.span.file)
    }

    /// Buffers a section reader needs only while it reads one section, kept from one section to
    /// the next by a caller reading many: a large title has 30,000 sections, and fresh buffers
    /// cost about 20 allocations a section as they grow.
    struct Scratch {
        fileprivate var items: [MarkerSequenceSolver.Item] = []
        fileprivate var paragraphs: [Paragraph] = []
        fileprivate var store = MarkedParagraph.Store()
        /// The records open while the section is walked, innermost last.
        fileprivate var open: [Int] = []
    }

    /// Reads the section at the root of `section`, a subtree read from `file`.
    func read(_ section: XMLSubtree, file: String) -> Output {
        var scratch = Scratch()
        return read(section, file: file, scratch: &scratch)
    }

    /// `read(_:file:)` with buffers that outlive the section.
    func read(_ section: XMLSubtree, file: String, scratch: inout Scratch) -> Output {
        // Moved out of `scratch` (so that each stays uniquely referenced) and back, emptied (the
        // store when the next section starts, with room for it).
        var items: [MarkerSequenceSolver.Item] = []
        var paragraphs: [Paragraph] = []
        var store = MarkedParagraph.Store()
        var open: [Int] = []
        swap(&items, &scratch.items)
        swap(&paragraphs, &scratch.paragraphs)
        swap(&store, &scratch.store)
        swap(&open, &scratch.open)
        defer {
            items.removeAll(keepingCapacity: true)
            paragraphs.removeAll(keepingCapacity: true)
            open.removeAll(keepingCapacity: true)
            swap(&items, &scratch.items)
            swap(&paragraphs, &scratch.paragraphs)
            swap(&store, &scratch.store)
            swap(&open, &scratch.open)
        }
        store.removeAll(reservingCapacity: section.bytes.count)
        let inDefinitions = header.heading.map(Self.isDefinitionsHeading) ?? false
        var index = -1
        // Nodes, pieces and records are read field by field: a copy of one would retain its strings.
        for child in section.children(of: 0) {
            guard section.nodes[child].kind == .element else { continue }
            index += 1
            let name = section.nodes[child].name
            let firstLine = section.nodes[child].firstLine
            let lastLine = section.nodes[child].lastLine
            // Most children are paragraphs: only other names are looked up.
            if name != "P", Self.structural.contains(name) { continue }
            switch name {
            case "STARS":
                items.append(.elision)
                paragraphs.append(Paragraph(marked: nil, index: index, firstLine: firstLine, lastLine: lastLine))
            case "P":
                let marked = store.read(section, at: child, inDefinitions: inDefinitions)
                if marked.definedTerm != nil { items.append(.definition) }
                for piece in marked.pieces { if let marker = store.pieces[piece].marker { items.append(.marker(marker)) } }
                if marked.isElided { items.append(.elision) }
                paragraphs.append(Paragraph(marked: marked, index: index, firstLine: firstLine, lastLine: lastLine))
            default:
                paragraphs.append(Paragraph(marked: store.read(section, at: child, markers: false), index: index,
                                            firstLine: firstLine, lastLine: lastLine))
            }
        }
        let span = SourceSpan(file: file, firstLine: section.root.firstLine, lastLine: section.root.lastLine)
        let solution = MarkerSequenceSolver().solve(items)
        var diagnostics: [Diagnostic] = []
        if !solution.fitted {
            diagnostics.append(Diagnostic(.warning, "§ \(header.number): the paragraph markers do not follow the CFR levels (a)(1)(i)(A); levels were taken from the marker kinds",
                                          at: SourceLocation(file: file, line: span.firstLine), subject: header.number))
        }

        var records: [Record] = []
        records.reserveCapacity(items.count)
        var pieces: [Piece] = []
        pieces.reserveCapacity(paragraphs.count + items.count)
        /// The section's wording: the collapsed pieces, joined by a space unless a piece continues
        /// the previous one's element with no space between (`(2)` then `(i) Is published …`).
        var text: [UInt8] = []
        text.reserveCapacity(section.bytes.count)
        var markerIndex = 0
        var definitionIndex = 0
        var ambiguityByMarker: [Int: MarkerSequenceSolver.Ambiguity] = [:]
        for ambiguity in solution.ambiguities { ambiguityByMarker[ambiguity.marker] = ambiguity }

        /// Closes the open records at `depth` and below: what is open then is the parent of a
        /// record at `depth`.
        func close(from depth: Int) {
            while let last = open.last, records[last].depth >= depth {
                records[last].endPiece = pieces.count
                open.removeLast()
            }
        }

        func openRecord(depth: Int, segment: Segment, level: ProvisionLevel, heading: String?, firstLine: Int, lastLine: Int,
                        index: Int, elided: Bool, notes: [Note]) {
            close(from: depth)
            records.append(Record(segment: segment, depth: depth, level: level, heading: heading, firstPiece: pieces.count,
                                  endPiece: pieces.count, firstLine: firstLine, lastLine: lastLine,
                                  elementIndex: index, elided: elided, parent: open.last, notes: notes))
            open.append(records.count - 1)
        }

        for entry in paragraphs {
            guard let marked = entry.marked else { continue }  // STARS: no text
            if let term = marked.definedTerm, definitionIndex < solution.definitionDepths.count {
                let depth = solution.definitionDepths[definitionIndex]
                definitionIndex += 1
                openRecord(depth: depth, segment: Segment(canonical: " (\(term))", citation: ", “\(term)”", id: CanonicalIDs.idSegment("def-\(term)")),
                           level: .definition, heading: term, firstLine: entry.firstLine, lastLine: entry.lastLine, index: entry.index, elided: false, notes: [])
            }
            for pieceIndex in marked.pieces {
                let pieceText = store.pieces[pieceIndex].text
                if let marker = store.pieces[pieceIndex].marker {
                    let reading = solution.readings[markerIndex]
                    // The paragraph's parent is what stays open at its depth: its path goes into
                    // the warning, and below a defined term the citation is spaced (`, “Term” (1)`).
                    close(from: reading.depth)
                    var notes: [Note] = []
                    if let ambiguity = ambiguityByMarker[markerIndex] {
                        let parentPath = open.last.map { Self.canonicalPath(of: $0, in: records) } ?? ""
                        let others = ambiguity.alternatives.map(\.description).joined(separator: "; ")
                        let message = "§ \(header.number): marker (\(marker.label)) read as \(ambiguity.chosen) (§ \(header.number)\(parentPath)(\(marker.label))); it also fits as \(others)"
                        diagnostics.append(Diagnostic(.warning, message, at: SourceLocation(file: file, line: entry.firstLine),
                                                      subject: "\(header.number)(\(marker.label))"))
                        notes.append(Note(kind: .unresolved, text: "Ambiguous paragraph marker: (\(marker.label)) is read as \(ambiguity.chosen); the marker sequence also allows \(others). Check the official text."))
                    }
                    var afterTerm = false
                    if let parent = open.last, case .definition = records[parent].level { afterTerm = true }
                    let canonical = Self.parenthesized(marker.label, spaced: false)
                    // A marker's label is letters or digits (`MarkedParagraph.marker`): already an id segment.
                    openRecord(depth: reading.depth, segment: Segment(canonical: canonical, citation: afterTerm ? Self.parenthesized(marker.label, spaced: true) : canonical,
                                                                      id: marker.label),
                               level: .cfr(depth: reading.depth), heading: marker.heading, firstLine: entry.firstLine, lastLine: entry.lastLine, index: entry.index,
                               elided: marked.isElided && pieceIndex == marked.pieces.upperBound - 1, notes: notes)
                    markerIndex += 1
                }
                for ancestor in open { records[ancestor].lastLine = max(records[ancestor].lastLine, entry.lastLine) }
                // An empty side counts as space: only text running straight into text joins.
                let previous = store.pieces[max(pieceIndex - 1, marked.pieces.lowerBound)].text
                let endsInText = pieceIndex > marked.pieces.lowerBound && !previous.isEmpty && !MarkedParagraph.isSpace(store.bytes[previous.upperBound - 1])
                let joins = endsInText && !pieceText.isEmpty && !MarkedParagraph.isSpace(store.bytes[pieceText.lowerBound])
                let separator = !text.isEmpty && !joins
                if separator { text.append(0x20) }
                let start = text.count
                if TextNormalizer.appendCollapsed(store.bytes[pieceText], to: &text) == 0 {
                    if separator { text.removeLast() }
                    pieces.append(Piece(start: text.count, end: text.count))
                } else {
                    pieces.append(Piece(start: start, end: text.count))
                }
            }
        }
        for index in open { records[index].endPiece = pieces.count }

        let layout = CFRSectionLayout(header: header, span: span, records: records, pieces: pieces, text: text)
        return Output(provisions: ProvisionBatch(layout), diagnostics: diagnostics, ambiguous: solution.ambiguities.count)
    }

    /// A section that defines terms: "Definitions.", "Definition.", "Definitions of terms as used
    /// in the Export Administration Regulations (EAR).", "General definitions.". Not "Exceptions to
    /// the definition of export", whose italic phrases may be run-in headings.
    ///
    /// Compared on the UTF-8 bytes, ignoring ASCII case: one heading per section of a large title,
    /// where splitting it into words by character took 26,000 instructions a heading.
    static func isDefinitionsHeading(_ heading: String) -> Bool {
        let bytes = heading.utf8
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0x80 }
        /// Whether `word` (lower case) starts at `index`.
        func word(_ word: StaticString, at index: String.UTF8View.Index) -> Bool {
            var at = index
            for letter in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
                guard at != bytes.endIndex, bytes[at] | 0x20 == letter else { return false }
                at = bytes.index(after: at)
            }
            return true
        }
        guard let first = bytes.firstIndex(where: isLetter) else { return false }
        if word("definition", at: first) { return true }
        // The last word: letters back from the last letter.
        guard var end = bytes.lastIndex(where: isLetter) else { return false }
        end = bytes.index(after: end)
        let length = "definitions".utf8.count
        guard bytes.distance(from: first, to: end) >= length else { return false }
        let start = bytes.index(end, offsetBy: -length)
        return word("definitions", at: start) && (start == first || !isLetter(bytes[bytes.index(before: start)]))
    }

    /// `(a)`, or ` (a)` when `spaced`, written straight into one string: a concatenation per
    /// piece cost more than the rest of opening the record.
    static func parenthesized(_ label: String, spaced: Bool) -> String {
        var label = label
        return label.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count + (spaced ? 3 : 2)) { output in
                var at = 0
                if spaced { output[0] = 0x20; at = 1 }
                output[at] = UInt8(ascii: "(")
                for byte in bytes { at += 1; output[at] = byte }
                output[at + 1] = UInt8(ascii: ")")
                return at + 2
            }
        }
    }

    /// The canonical path of a record (`(b)(1)`), from its segments up the parents.
    private static func canonicalPath(of index: Int, in records: [Record]) -> String {
        var segments: [String] = []
        var current: Int? = index
        while let at = current {
            segments.append(records[at].segment.canonical)
            current = records[at].parent
        }
        return segments.reversed().joined()
    }
}
