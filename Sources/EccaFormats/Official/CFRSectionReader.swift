import ClauseGraph

/// Turns one CFR section (eCFR `DIV8`, annual CFR or Federal Register `SECTION`) into provisions:
/// the section, one provision per paragraph marker, and one per unnumbered defined term, with the
/// hierarchy the marker solver rebuilds. A paragraph's wording holds its own text and its
/// subparagraphs', as citing "§ 734.13(a)" cites all of (a).
struct CFRSectionReader {
    /// The section's number without `§` (`734.13`, `1.162-4`).
    var number: String
    /// The source's own id for the section, verbatim (`§ 2.2` from the bulk `N`, `1.162-4` from the versioner).
    var sourceID: String
    var title: String?
    var heading: String?
    var url: String?
    /// The element path of the section, for source spans.
    var pointer: String
    var evidence: Evidence = .verified
    /// Notes for the section provision (amendment history, effective-date notes).
    var notes: [Note] = []

    struct Output {
        var provisions: ProvisionBatch
        var diagnostics: [Diagnostic]
        var ambiguous: Int
    }

    /// Children that carry the section's number and heading, or that are not wording.
    static let structural: Set<String> = ["HEAD", "SECTNO", "SUBJECT", "PRTPAGE", "FTNT", "CITA", "SECAUTH", "EFFDNOT",
                                          "EDNOTE", "CROSSREF", "AMDPAR"]

    /// One step of a provision's address.
    private struct Segment {
        /// Appended to the section number for the canonical id: `(a)` or ` (Agency)`.
        var canonical: String
        /// Appended to the citation: `(a)` or `, “Agency”`.
        var citation: String
        /// The rules-XML id segment: `a` or `def-Agency`.
        var id: String
    }

    /// A provision being read: its own address segment; the full address is its parent's and
    /// this, put together when the provisions are built (`Layout.provisions`).
    private struct Record {
        var segment: Segment
        var depth: Int
        var level: ProvisionLevel
        var heading: String?
        var firstPiece: Int
        var endPiece: Int
        var firstLine: Int
        var lastLine: Int
        var elementIndex: Int
        var elided: Bool
        var parent: Int?
        var notes: [Note]
    }

    /// Where one piece of paragraph text sits in the section's wording: every provision's wording
    /// is one stretch of it, from its first piece to its last, so it is collapsed and joined once.
    private struct Piece {
        var start: Int
        var end: Int
        var isEmpty: Bool { start == end }
    }

    func read(_ section: OfficialElement) -> Output {
        var items: [MarkerSequenceSolver.Item] = []
        var paragraphs: [(element: OfficialElement, marked: MarkedParagraph?, index: Int)] = []
        for (index, child) in section.elements().enumerated() {
            if Self.structural.contains(child.name) { continue }
            switch child.name {
            case "STARS":
                items.append(.elision)
                paragraphs.append((child, nil, index))
            case "P":
                let marked = MarkedParagraph(child)
                if marked.definedTerm != nil { items.append(.definition) }
                for marker in marked.markers { items.append(.marker(marker)) }
                if marked.isElided { items.append(.elision) }
                paragraphs.append((child, marked, index))
            default:
                paragraphs.append((child, MarkedParagraph(child, markers: false), index))
            }
        }
        let solution = MarkerSequenceSolver().solve(items)
        var diagnostics: [Diagnostic] = []
        let file = section.span.file
        if !solution.fitted {
            diagnostics.append(Diagnostic(.warning, "§ \(number): the paragraph markers do not follow the CFR levels (a)(1)(i)(A); levels were taken from the marker kinds",
                                          at: SourceLocation(file: file, line: section.span.firstLine), subject: number))
        }

        var records: [Record] = []
        var pieces: [Piece] = []
        /// The section's wording: the collapsed pieces, joined by a space unless a piece continues
        /// the previous one's element with no space between (`(2)` then `(i) Is published …`).
        var text: [UInt8] = []
        var open: [Int] = []
        var markerIndex = 0
        var definitionIndex = 0
        var ambiguityByMarker: [Int: MarkerSequenceSolver.Ambiguity] = [:]
        for ambiguity in solution.ambiguities { ambiguityByMarker[ambiguity.marker] = ambiguity }

        func openRecord(depth: Int, segment: Segment, level: ProvisionLevel, heading: String?, element: OfficialElement,
                        index: Int, elided: Bool, notes: [Note]) {
            while let last = open.last, records[last].depth >= depth {
                records[last].endPiece = pieces.count
                open.removeLast()
            }
            records.append(Record(segment: segment, depth: depth, level: level, heading: heading, firstPiece: pieces.count,
                                  endPiece: pieces.count, firstLine: element.span.firstLine, lastLine: element.span.lastLine,
                                  elementIndex: index, elided: elided, parent: open.last, notes: notes))
            open.append(records.count - 1)
        }

        for entry in paragraphs {
            guard let marked = entry.marked else { continue }  // STARS: no text
            if let term = marked.definedTerm, definitionIndex < solution.definitionDepths.count {
                let depth = solution.definitionDepths[definitionIndex]
                definitionIndex += 1
                openRecord(depth: depth, segment: Segment(canonical: " (\(term))", citation: ", “\(term)”", id: "def-\(term)"),
                           level: .definition, heading: term, element: entry.element, index: entry.index, elided: false, notes: [])
            }
            for (pieceOffset, piece) in marked.pieces.enumerated() {
                if let marker = piece.marker {
                    let reading = solution.readings[markerIndex]
                    var notes: [Note] = []
                    if let ambiguity = ambiguityByMarker[markerIndex] {
                        let parentPath = open.last.map { Self.canonicalPath(of: $0, in: records) } ?? ""
                        let others = ambiguity.alternatives.map(\.description).joined(separator: "; ")
                        let message = "§ \(number): marker (\(marker.label)) read as \(ambiguity.chosen) (§ \(number)\(ambiguity.chosen.depth > 0 ? parentPath : "")(\(marker.label))); it also fits as \(others)"
                        diagnostics.append(Diagnostic(.warning, message, at: SourceLocation(file: file, line: entry.element.span.firstLine),
                                                      subject: "\(number)(\(marker.label))"))
                        notes.append(Note(kind: .unresolved, text: "Ambiguous paragraph marker: (\(marker.label)) is read as \(ambiguity.chosen); the marker sequence also allows \(others). Check the official text."))
                    }
                    let afterTerm = open.last.map { records[$0].level == .definition } ?? false
                    openRecord(depth: reading.depth, segment: Segment(canonical: "(\(marker.label))", citation: (afterTerm ? " " : "") + "(\(marker.label))", id: marker.label),
                               level: .cfr(depth: reading.depth), heading: marker.heading, element: entry.element, index: entry.index,
                               elided: marked.isElided && pieceOffset == marked.pieces.count - 1, notes: notes)
                    markerIndex += 1
                }
                for ancestor in open { records[ancestor].lastLine = max(records[ancestor].lastLine, entry.element.span.lastLine) }
                // An empty side counts as space: only text running straight into text joins.
                let endsInText = pieceOffset > 0 && !(marked.pieces[pieceOffset - 1].text.last.map(MarkedParagraph.isSpace) ?? true)
                let joins = endsInText && !(piece.text.first.map(MarkedParagraph.isSpace) ?? true)
                let separator = !text.isEmpty && !joins
                if separator { text.append(0x20) }
                let start = text.count
                if TextNormalizer.appendCollapsed(piece.text, to: &text) == 0 {
                    if separator { text.removeLast() }
                    pieces.append(Piece(start: text.count, end: text.count))
                } else {
                    pieces.append(Piece(start: start, end: text.count))
                }
            }
        }
        for index in open { records[index].endPiece = pieces.count }

        let layout = Layout(reader: self, span: section.span, records: records, pieces: pieces, text: text)
        return Output(provisions: ProvisionBatch(levels: layout.levels, build: layout.provisions),
                      diagnostics: diagnostics, ambiguous: solution.ambiguities.count)
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

    /// A read section before its provisions exist: the records and the collapsed wording they
    /// point into. `provisions()` makes the strings, on whichever thread consumes the batch.
    private struct Layout: Sendable {
        let reader: CFRSectionReader
        let span: SourceSpan
        let records: [Record]
        let pieces: [Piece]
        let text: [UInt8]

        /// The section, then every paragraph and definition that is not elided.
        var levels: [ProvisionLevel] {
            [.section] + records.lazy.filter { !$0.elided }.map { $0.level == .definition ? .definition : .cfr(depth: $0.depth) }
        }

        func wording(_ range: Range<Int>) -> String {
            guard let first = pieces[range].first(where: { !$0.isEmpty }), let last = pieces[range].last(where: { !$0.isEmpty }) else { return "" }
            return String(decoding: text[first.start..<last.end], as: UTF8.self)
        }

        func provisions() -> [ImportedProvision] {
            let number = reader.number
            let sourceID = reader.sourceID
            let pointer = reader.pointer
            var provisions: [ImportedProvision] = []
            provisions.reserveCapacity(records.count + 1)
            let citationTitle = reader.title.map { "\($0) CFR " } ?? ""
            var sectionWording = wording(0..<pieces.count)
            if sectionWording.isEmpty { sectionWording = reader.heading ?? "" }
            provisions.append(ImportedProvision(
                canonicalID: number, sourceID: sourceID, idPath: [number], level: .section, parentID: nil,
                citation: "\(citationTitle)\(number)", heading: reader.heading, wording: sectionWording,
                span: span.with(pointer: pointer), evidence: reader.evidence, sourceURL: reader.url, notes: reader.notes))
            // Each record's paths are its parent's and its own segment; parents come first.
            var canonicalPaths: [String] = []
            var citationPaths: [String] = []
            var idPaths: [[String]] = []
            canonicalPaths.reserveCapacity(records.count)
            citationPaths.reserveCapacity(records.count)
            idPaths.reserveCapacity(records.count)
            for record in records {
                let segment = record.segment
                if let parent = record.parent {
                    canonicalPaths.append(canonicalPaths[parent] + segment.canonical)
                    citationPaths.append(citationPaths[parent] + segment.citation)
                    idPaths.append(idPaths[parent] + [segment.id])
                } else {
                    canonicalPaths.append(segment.canonical)
                    citationPaths.append(segment.citation)
                    idPaths.append([number, segment.id])
                }
            }
            for (index, record) in records.enumerated() where !record.elided {
                let path = canonicalPaths[index]
                let parentID = record.parent.map { number + canonicalPaths[$0] } ?? number
                // A level that is only a defined term's number (a definition sits at the level below it).
                let level = record.level == .definition ? .definition : ProvisionLevel.cfr(depth: record.depth)
                provisions.append(ImportedProvision(
                    canonicalID: number + path, sourceID: sourceID + path, idPath: idPaths[index],
                    level: level, parentID: parentID, citation: citationTitle + number + citationPaths[index],
                    heading: record.heading, wording: wording(record.firstPiece..<record.endPiece),
                    span: SourceSpan(file: span.file, firstLine: record.firstLine, lastLine: record.lastLine,
                                     pointer: pointer + "/*[" + String(record.elementIndex + 1) + "]"),
                    evidence: reader.evidence, sourceURL: reader.url, notes: record.notes))
            }
            return provisions
        }
    }
}
