import ClauseGraph
import EccaXML

/// Turns one CFR section (eCFR `DIV8`, annual CFR or Federal Register `SECTION`) into provisions:
/// the section, one provision per paragraph marker, and one per unnumbered defined term, with the
/// hierarchy the marker solver rebuilds. A paragraph's wording holds its own text and its
/// subparagraphs', as citing "§ 734.13(a)" cites all of (a).
struct CFRSectionReader {
    /// The section's number, ids, heading, links and notes, passed on to its layout.
    var header: CFRSectionLayout.Header
    /// A `(h) * * *` stub places what follows it below it (`MarkerSequenceSolver.Item.parentStub`);
    /// false: it is a plain elision, for a rule whose instruction the stubs' reading contradicts
    /// (`FederalRegisterAdapter`).
    var stubsPlaceChildren = true

    init(number: String, sourceID: String, title: String?, heading: String?, url: String?, pointer: String) {
        header = CFRSectionLayout.Header(number: number, sourceID: sourceID, title: title, heading: heading, url: url, pointer: pointer)
    }

    struct Output {
        var provisions: ProvisionBatch
        var diagnostics: [Diagnostic]
        var ambiguous: Int
        /// Whether no reading fitted the section's markers (its levels are the marker kinds').
        var unfitted = false
        /// Paragraphs cited like another paragraph of the section.
        var duplicateCitations = 0
        /// What the paragraphs' text read without certainty (`TextFinding`: spaced superscripts
        /// after a number, table spans), by the summary's counter.
        var findings: [ImportSummary.Counter: Int] = [:]
        /// Notes whose heading names a paragraph they do not follow, kept with the paragraph before them.
        var misplacedNotes = 0
        /// Whether the numbered paragraphs of a text the section sets out were kept as its wording.
        var extractKeptAsText = false
        /// Flush paragraphs after a list that may close more than one lead-in.
        var ambiguousFlush = 0
        /// Plain paragraphs without a marker after the last item of a list, read as closing it.
        var paragraphsAfterList = 0
        /// Footnotes (`FTNT`) carried as notes (`CFRFootnote`).
        var footnotes = 0
        /// Second terms of definitions made provisions of their own (`DefinitionAlias`).
        var definitionAliases = 0
        /// Elements ecca has no rule for, their text kept as wording (`UnknownSectionElement`).
        var unknownElements = 0

        /// Hands the diagnostics and counts to the import (the provisions are added by the caller).
        func report(to emitter: ImportEmitter) {
            for diagnostic in diagnostics { emitter.report(diagnostic) }
            if ambiguous > 0 { emitter.count(.ambiguousMarkers, by: ambiguous) }
            if unfitted { emitter.count(.unfittedSections) }
            if duplicateCitations > 0 { emitter.count(.duplicateCitations, by: duplicateCitations) }
            for (counter, count) in findings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { emitter.count(counter, by: count) }
            if misplacedNotes > 0 { emitter.count(.misplacedNotes, by: misplacedNotes) }
            if extractKeptAsText { emitter.count(.extractsKeptAsText) }
            if ambiguousFlush > 0 { emitter.count(.ambiguousFlushParagraphs, by: ambiguousFlush) }
            if paragraphsAfterList > 0 { emitter.count(.paragraphsAfterList, by: paragraphsAfterList) }
            if footnotes > 0 { emitter.count(.footnotesAsNotes, by: footnotes) }
            if definitionAliases > 0 { emitter.count(.definitionAliases, by: definitionAliases) }
            if unknownElements > 0 { emitter.count(.unknownSectionElements, by: unknownElements) }
        }
    }

    /// Children that carry the section's number and heading, or that are not wording.
    static let structural: Set<String> = ["HEAD", "SECTNO", "SUBJECT", "PRTPAGE", "FTNT", "CITA", "SECAUTH", "EFFDNOT",
                                          "EDNOTE", "CROSSREF", "AMDPAR", "APPRO"]

    /// A child element that is wording: its text split at its markers (none for `STARS`), its
    /// position among the section's child elements, and its lines.
    fileprivate struct Paragraph {
        var marked: MarkedParagraph?
        var index: Int
        var firstLine: Int
        var lastLine: Int
        /// Its position inside an `EXTRACT` read as the section's own paragraphs; -1 otherwise.
        var inner: Int = -1
        /// What the element is besides wording (a category heading, a note that names its
        /// target), as an index into the section's roles; -1 for wording. Kept apart so that a
        /// paragraph stays a few plain fields, copied without reference counting.
        var role = -1
        /// A `P` without a marker or a defined term, other than a footnote's text: a paragraph of
        /// its own that may continue the item before it or close its list (`ParagraphAfterList`).
        var plain = false
    }

    /// What a child element is to the section's structure besides wording.
    fileprivate enum Role {
        /// `HD1` `Category I—Firearms and Related Articles`: opens a level whose paragraphs are lettered afresh.
        case category(CategoryHeading)
        /// A `NOTE` whose heading names what it is a note to (`Note 1 to paragraph (a):`).
        case note(NoteTarget, heading: String)
        /// The end of an `EXTRACT` read as the section's paragraphs: what follows it (`[End of
        /// provision]`) is the section's, not its last paragraph's.
        case endOfExtract
        /// A flush paragraph (`FP`, no hanging indent): the GPO sets flush the text after a list
        /// that closes its lead-in's sentence (14 CFR 1271.110(d): "(4) A contract …, ⏎ Shall file
        /// a certification …"), so right after a list item it belongs to the item's parent.
        case flush
        /// A footnote (`FTNT`): carried as a note on the provision whose text it follows.
        case footnote(CFRFootnote)
        /// An element ecca has no rule for (`UnknownSectionElement`): its text is wording, reported.
        case unknown(String)
    }

    /// What a note's heading says it is a note to.
    enum NoteTarget: Sendable, Hashable {
        /// `Note 1 to paragraph (j)(10):`: the labels of the paragraph's markers, within the
        /// category the note is printed in (if any).
        case paragraph([String])
        /// `Note 1 to Category I:`.
        case category(String)
        /// `Note to this section:`, `Note to § 121.1:`.
        case section

        /// The target a note heading names; nil for a heading that names none, or more than one
        /// (`Note to paragraphs (a) and (b):`).
        init?(heading: String) {
            let text = TextNormalizer.trim(heading, also: ":.")
            guard text.hasPrefix("Note"), let to = text.firstRange(of: " to ") else { return nil }
            let rest = text[to.upperBound...]
            if rest.hasPrefix("paragraph ") {
                let bytes = Array(rest.dropFirst("paragraph ".count).utf8)
                var labels: [String] = []
                var at = 0
                while let (label, next, _) = MarkedParagraph.marker(in: bytes, at: at) {
                    labels.append(label)
                    at = next
                }
                // `(a) and (b)`, `(a) through (c)`: more than one paragraph.
                let after = MarkedParagraph.skipSpace(bytes, at)
                if labels.isEmpty || (after < bytes.count && (bytes[after...].starts(with: "and ".utf8) || bytes[after...].starts(with: "through ".utf8)
                                                              || bytes[after...].starts(with: "or ".utf8) || bytes[after] == UInt8(ascii: ","))) {
                    return nil
                }
                self = .paragraph(labels)
            } else if rest.hasPrefix("Category ") {
                let number = rest.dropFirst("Category ".count).prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
                guard !number.isEmpty else { return nil }
                self = .category(String(number))
            } else if rest == "this section" || rest.hasPrefix("§") {
                self = .section
            } else {
                return nil
            }
        }
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
        let inDefinitions = header.heading.map(Self.isDefinitionsHeading) ?? false
        /// Where each category's items start (a category's markers are solved on their own).
        var categoryStarts: [Int] = []
        /// The roles of the elements that are more than wording (`Paragraph.role`); rare.
        var roles: [Role] = []
        /// Reads one element of the section (`inner` < 0) or of an `EXTRACT` read as its own.
        func add(_ child: Int, index: Int, inner: Int) {
            let name = section.nodes[child].name
            let firstLine = section.nodes[child].firstLine
            let lastLine = section.nodes[child].lastLine
            switch name {
            case "STARS":
                items.append(.elision)
                paragraphs.append(Paragraph(marked: nil, index: index, firstLine: firstLine, lastLine: lastLine, inner: inner))
            case "P":
                let marked = store.read(section, at: child, inDefinitions: inDefinitions)
                if marked.definedTerm != nil { items.append(.definition) }
                var hasMarker = false
                for piece in marked.pieces {
                    if let marker = store.pieces[piece].marker {
                        items.append(.marker(marker))
                        hasMarker = true
                    }
                }
                // `(h) * * *` (no heading: `MarkedParagraph.isElided`) places what follows it.
                if marked.isElided, stubsPlaceChildren { items.append(.parentStub) }
                // Looked at only for the rare `P` without a marker or a defined term.
                let plain = !hasMarker && marked.definedTerm == nil && ParagraphAfterList.isCandidate(child, in: section)
                paragraphs.append(Paragraph(marked: marked, index: index, firstLine: firstLine, lastLine: lastLine, inner: inner, plain: plain))
            default:
                let role = Self.role(of: child, in: section)
                if case .category? = role { categoryStarts.append(items.count) }
                if let role { roles.append(role) }
                paragraphs.append(Paragraph(marked: store.read(section, at: child, markers: false), index: index,
                                            firstLine: firstLine, lastLine: lastLine, inner: inner, role: role == nil ? -1 : roles.count - 1))
            }
        }
        /// Reads the section's children; an `EXTRACT` that holds categories is read as the
        /// section's own paragraphs, and so, when `extracts` is true, is one whose paragraphs
        /// are numbered. Returns how many numbered paragraphs sit in extracts read as text, and
        /// whether the section's own paragraphs have markers.
        func collect(extracts: Bool) -> (quoted: Int, ownMarkers: Bool) {
            store.removeAll(reservingCapacity: section.bytes.count)
            var quoted = 0
            var ownMarkers = false
            var index = -1
            // Nodes, pieces and records are read field by field: a copy of one would retain its strings.
            for child in section.children(of: 0) {
                guard section.nodes[child].kind == .element else { continue }
                index += 1
                let name = section.nodes[child].name
                // Most children are paragraphs: only other names are looked up.
                if name != "P", Self.structural.contains(name) {
                    if name == "FTNT" {
                        roles.append(.footnote(CFRFootnote(child, in: section, file: file)))
                        paragraphs.append(Paragraph(marked: nil, index: index, firstLine: section.nodes[child].firstLine,
                                                    lastLine: section.nodes[child].lastLine, role: roles.count - 1))
                    }
                    continue
                }
                if name == "EXTRACT" {
                    let holds = Self.extractHolds(child, in: section)
                    if holds.categories || (extracts && holds.numbered > 0) {
                        var inner = -1
                        for grandchild in section.children(of: child) where section.nodes[grandchild].kind == .element {
                            inner += 1
                            if !Self.structural.contains(section.nodes[grandchild].name) { add(grandchild, index: index, inner: inner) }
                        }
                        roles.append(.endOfExtract)
                        paragraphs.append(Paragraph(marked: nil, index: index, firstLine: section.nodes[child].lastLine,
                                                    lastLine: section.nodes[child].lastLine, role: roles.count - 1))
                        continue
                    }
                    quoted += holds.numbered
                } else if name == "P", !ownMarkers {
                    let before = items.count
                    add(child, index: index, inner: -1)
                    ownMarkers = items[before...].contains { if case .marker = $0 { true } else { false } }
                    continue
                }
                add(child, index: index, inner: -1)
            }
            return (quoted, ownMarkers)
        }
        func recollect(extracts: Bool) {
            items.removeAll(keepingCapacity: true)
            paragraphs.removeAll(keepingCapacity: true)
            categoryStarts.removeAll()
            roles.removeAll()
            _ = collect(extracts: extracts)
        }
        func solve() -> MarkerSequenceSolver.Solution {
            MarkerSequenceSolver().solve(items, restartingAt: categoryStarts)
        }
        let collected = collect(extracts: false)
        var solution: MarkerSequenceSolver.Solution
        /// Numbered paragraphs set out in extracts, kept as the section's text because their
        /// numbering fits no CFR reading.
        var extractsKeptAsText = 0
        if collected.quoted > 0, !collected.ownMarkers {
            // The section's numbered paragraphs are all in extracts (a clause or list the section
            // sets out): they are its paragraphs. Read again, extracts and all.
            recollect(extracts: true)
            solution = solve()
            if !solution.fitted {
                // A text set out in a numbering of its own (a code under "I." and "A." headings,
                // 14 CFR 1214.403): its numbers are not the section's paragraphs. Kept as the
                // section's wording, as an extract is elsewhere, and said.
                recollect(extracts: false)
                solution = solve()
                extractsKeptAsText = collected.quoted
            }
        } else {
            solution = solve()
        }
        let span = SourceSpan(file: file, firstLine: section.root.firstLine, lastLine: section.root.lastLine)
        var diagnostics: [Diagnostic] = []
        var extractNotes: [Note] = []
        if extractsKeptAsText > 0 {
            diagnostics.append(Diagnostic(.warning, "§ \(header.number): the \(CountedNoun("numbered paragraph")(extractsKeptAsText)) the section sets out in an EXTRACT fit no CFR reading of (a)(1)(i)(A); they are kept as the section's wording, not read as its paragraphs",
                                          at: SourceLocation(file: file, line: section.root.firstLine), subject: header.number))
            extractNotes.append(Note(kind: .unresolved, text: "§ \(header.number) sets out a text whose numbering does not follow the CFR levels (a), (1), (i), (A); its numbered paragraphs are kept in this wording and are not provisions of their own. Check the official text."))
        }
        /// Superscripts after a number dropped as footnote marks, by the record open after their
        /// paragraph (nil: before any marker). Rare: nothing is allocated otherwise.
        var droppedOn: [(record: Int?, marks: Range<Int>)] = []

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
        /// The records whose levels were taken from the marker kinds (`solution.fitted` is false).
        var unfitted: [Int] = []
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
                        index: Int, inner: Int, elided: Bool, notes: [Note]) {
            close(from: depth)
            // A category and what it holds have no paragraph anchor of their own.
            let anchored = level != .category && (open.last.map { records[$0].anchored } ?? true)
            records.append(Record(segment: segment, depth: depth, level: level, heading: heading, firstPiece: pieces.count,
                                  endPiece: pieces.count, firstLine: firstLine, lastLine: lastLine,
                                  elementIndex: index, innerIndex: inner, elided: elided, parent: open.last, notes: notes, anchored: anchored))
            open.append(records.count - 1)
        }
        /// Notes whose heading names a target they cannot be placed under: the record that holds
        /// their text instead (nil: the section), their line and heading. Rare: nothing is allocated otherwise.
        var misplacedNotes: [(record: Int?, line: Int, heading: String)] = []
        /// Flush paragraphs given to the lead-in of the list item before them, where the list
        /// also ends an outer lead-in's list (`FlushParagraph`). Rare: nothing is allocated otherwise.
        var ambiguousFlush: [FlushParagraph] = []
        /// Whether the element before opened a paragraph by its marker: a flush paragraph right
        /// after it follows a list item, not a table, formula or text of the item's own.
        var followsMarker = false
        /// Plain paragraphs without a marker right after the last item of a list
        /// (`ParagraphAfterList`). Rare: nothing is allocated otherwise.
        var afterList: [ParagraphAfterList] = []
        /// Elements ecca has no rule for, by the record their text joins. Rare: nothing is allocated otherwise.
        var unknownElements: [UnknownSectionElement] = []

        /// Terms defined together with another, the second made an alias (`DefinitionAlias`). Rare:
        /// nothing is allocated otherwise.
        var aliases: [DefinitionAlias] = []
        /// Footnotes, by the record open where they stand (`CFRFootnote`). Rare: nothing is allocated otherwise.
        var footnotes: [(record: Int?, footnote: CFRFootnote)] = []
        /// Footnote marks the paragraphs' text left out, by the record whose text held them. Rare:
        /// nothing is allocated otherwise.
        var footnoteMarks: [(record: Int?, mark: String)] = []
        /// Marks GPO tags as footnote references (`FTREF`) that no footnote of the section holds,
        /// with the line of the paragraph: warned of, never lost in silence. Rare.
        var unmatchedMarks: [(record: Int?, mark: String, line: Int)] = []

        for entry in paragraphs {
            guard let marked = entry.marked else {  // STARS, the end of an extract, a footnote
                if entry.role >= 0, case .footnote(let footnote) = roles[entry.role] {
                    // Set after the paragraph that references it, which is what is open: nothing
                    // else changes (a list item before it is still the element before the next).
                    footnotes.append((open.last, footnote))
                    continue
                }
                if entry.role >= 0, case .endOfExtract = roles[entry.role] {
                    close(from: 0)
                } else {
                    // `<STARS/>`: paragraphs left out here, written as printed so that the text on
                    // either side never runs together (a lead-in into (c)); never a paragraph's last
                    // words (`Piece.elision`).
                    if !text.isEmpty { text.append(0x20) }
                    let start = text.count
                    text.append(contentsOf: "* * *".utf8)
                    pieces.append(Piece(start: start, end: text.count, elision: true))
                }
                followsMarker = false
                continue
            }
            let markersBefore = markerIndex
            if entry.role >= 0 {
                switch roles[entry.role] {
                case .endOfExtract, .footnote:  // have no text: handled above
                    break
                case .flush:
                    // The list item before it closes: the text is its lead-in's. Not after a
                    // paragraph of the section's own level (1274.903(b)'s form line, after "(b) …
                    // as follows:"), whose lead-in would be the section's heading, nor after an
                    // item that ends with a colon: what it introduces is its own (a formula, a
                    // certification; QA verify N4).
                    if followsMarker, text.last != UInt8(ascii: ":"), let item = open.last,
                       let flush = FlushParagraph(after: item, records: records, line: entry.firstLine,
                                                  nextDepth: markerIndex < solution.readings.count ? solution.readings[markerIndex].depth : 0) {
                        close(from: records[item].depth)
                        if !flush.alternatives.isEmpty { ambiguousFlush.append(flush) }
                    }
                case .category(let category):
                    // A category's heading is the first words of its wording, as a marker is a paragraph's.
                    let segment = ", Category " + category.number
                    openRecord(depth: 0, segment: Segment(canonical: segment, citation: segment, id: "cat-" + CanonicalIDs.idSegment(category.number)),
                               level: .category, heading: category.title, firstLine: entry.firstLine, lastLine: entry.lastLine, index: entry.index,
                               inner: entry.inner, elided: false, notes: [])
                case .note(let target, let heading):
                    // The note belongs to what it names: what is open below that closes before it.
                    if let depth = Self.depth(of: target, open: open, records: records) { close(from: depth + 1) }
                    else { misplacedNotes.append((open.last, entry.firstLine, heading)) }
                case .unknown(let name):
                    unknownElements.append(UnknownSectionElement(record: open.last, line: entry.firstLine, name: name))
                }
            }
            if let term = marked.definedTerm, definitionIndex < solution.definitionDepths.count {
                let depth = solution.definitionDepths[definitionIndex]
                if !solution.fitted, solution.unfittedTerms.contains(where: { $0.contains(definitionIndex) }) { unfitted.append(records.count) }
                definitionIndex += 1
                openRecord(depth: depth, segment: Segment(canonical: " (\(term))", citation: ", “\(term)”", id: CanonicalIDs.idSegment("def-\(term)")),
                           level: .definition, heading: term, firstLine: entry.firstLine, lastLine: entry.lastLine, index: entry.index, inner: entry.inner,
                           elided: false, notes: [])
                if let second = marked.secondTerm { aliases.append(DefinitionAlias(term: records.count - 1, alias: second)) }
            }
            // A plain paragraph right after a list item stays with it while the list goes on;
            // where the list ends there it closes the list: the item closes, and the text is its
            // lead-in's (or the section's), which is reported. Not after an item that ends with a
            // colon, which introduces it (1274.908(g)(i)'s address), as for `FP`.
            if entry.plain, followsMarker, text.last != UInt8(ascii: ":"), let item = open.last,
               let paragraph = ParagraphAfterList(after: item, records: records, line: entry.firstLine,
                                                  nextDepth: markerIndex < solution.readings.count ? solution.readings[markerIndex].depth : nil,
                                                  text: store.bytes[store.pieces[marked.pieces.lowerBound].text]) {
                close(from: records[item].depth)
                afterList.append(paragraph)
            }
            var nextMark = marked.footnoteMarks.lowerBound
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
                        let message = "§ \(header.number): marker \(marker) read as \(ambiguity.chosen) (§ \(header.number)\(parentPath)\(marker)); it also fits as \(others)"
                        diagnostics.append(Diagnostic(.warning, message, at: SourceLocation(file: file, line: entry.firstLine),
                                                      subject: "\(header.number)\(marker)"))
                        notes.append(Note(kind: .unresolved, text: "Ambiguous paragraph marker: \(marker) is read as \(ambiguity.chosen); the marker sequence also allows \(others). Check the official text."))
                    }
                    if !solution.fitted, solution.unfittedMarkers.contains(where: { $0.contains(markerIndex) }) { unfitted.append(records.count) }
                    var afterTerm = false
                    if let parent = open.last, case .definition = records[parent].level { afterTerm = true }
                    // A range (`(c)-(w)`) is cited as printed, with its first and last marker.
                    let canonical = marker.through == nil ? Self.parenthesized(marker.label, spaced: false) : marker.description
                    // A marker's label is letters or digits (`MarkedParagraph.marker`): already an id segment.
                    openRecord(depth: reading.depth, segment: Segment(canonical: canonical, citation: !afterTerm ? canonical : marker.through == nil ? Self.parenthesized(marker.label, spaced: true) : " " + canonical,
                                                                      id: marker.idSegment),
                               level: Self.level(of: reading, italic: marker.italic), heading: marker.heading, firstLine: entry.firstLine, lastLine: entry.lastLine, index: entry.index, inner: entry.inner,
                               elided: marked.isElided && pieceIndex == marked.pieces.upperBound - 1, notes: notes)
                    markerIndex += 1
                }
                // An empty side counts as space: only text running straight into text joins.
                let previous = store.pieces[max(pieceIndex - 1, marked.pieces.lowerBound)].text
                let endsInText = pieceIndex > marked.pieces.lowerBound && !previous.isEmpty && !MarkedParagraph.isSpace(store.bytes[previous.upperBound - 1])
                let joins = endsInText && !pieceText.isEmpty && !MarkedParagraph.isSpace(store.bytes[pieceText.lowerBound])
                let separator = !text.isEmpty && !joins
                if separator { text.append(0x20) }
                let start = text.count
                let empty = TextNormalizer.appendCollapsed(store.bytes[pieceText], to: &text) == 0
                if empty {
                    if separator { text.removeLast() }
                    pieces.append(Piece(start: text.count, end: text.count))
                } else {
                    pieces.append(Piece(start: start, end: text.count))
                }
                // The element's lines are the open paragraphs' only where this piece is theirs: the
                // line break before a `<P>`'s marker is no text of the paragraph before it, whose
                // span had run to the end of the next one (importer audit, finding 7). An element
                // with no text of its own (a formula printed as an image) is still theirs.
                let beforeMarker = empty && store.pieces[pieceIndex].marker == nil
                    && pieceIndex + 1 < marked.pieces.upperBound && store.pieces[pieceIndex + 1].marker != nil
                if !beforeMarker {
                    for ancestor in open { records[ancestor].lastLine = max(records[ancestor].lastLine, entry.lastLine) }
                }
                // A mark belongs to the piece it stands in or closes (`(13) … review. <SU>1</SU>`).
                while nextMark < marked.footnoteMarks.upperBound,
                      store.footnoteMarks[nextMark].offset <= pieceText.upperBound || pieceIndex == marked.pieces.upperBound - 1 {
                    footnoteMarks.append((open.last, store.footnoteMarks[nextMark].mark))
                    if store.footnoteMarks[nextMark].tagged { unmatchedMarks.append((open.last, store.footnoteMarks[nextMark].mark, entry.firstLine)) }
                    nextMark += 1
                }
            }
            // Noted after the loop, as everything reported is (`records` is only touched here as
            // it always was: any other use makes the optimiser check every access to it).
            if !marked.droppedSuperscripts.isEmpty { droppedOn.append((open.last, marked.droppedSuperscripts)) }
            followsMarker = markerIndex > markersBefore
        }
        for index in open { records[index].endPiece = pieces.count }

        // Markers a reading fitted are distinct under each parent: only levels taken from the
        // marker kinds, or a term defined twice, can cite two paragraphs alike.
        var layout = CFRSectionLayout(header: header, span: span, records: records, pieces: pieces, text: text)
        var counts: (findings: [ImportSummary.Counter: Int], duplicateCitations: Int) = ([:], 0)
        if !solution.fitted || solution.definitionDepths.count > 1 || !droppedOn.isEmpty || categoryStarts.count > 1 {
            // On the layout, not on `records`: any other use of the records the nested functions
            // capture makes the optimiser check every access to them. Two categories with one
            // number would cite their paragraphs alike: all records are compared then.
            counts = Self.reportFindings(in: &layout, fitted: solution.fitted, compareAll: categoryStarts.count > 1, unfitted: unfitted, droppedOn: droppedOn,
                                         marks: store.droppedSuperscripts, file: file, into: &diagnostics)
        }
        if !misplacedNotes.isEmpty { Self.reportMisplaced(misplacedNotes, in: &layout, file: file, into: &diagnostics) }
        if !ambiguousFlush.isEmpty { FlushParagraph.report(ambiguousFlush, in: &layout, file: file, into: &diagnostics) }
        if !afterList.isEmpty { ParagraphAfterList.report(afterList, in: &layout, file: file, into: &diagnostics) }
        if !unknownElements.isEmpty { UnknownSectionElement.report(unknownElements, in: &layout, file: file, into: &diagnostics) }
        if !extractNotes.isEmpty { layout.header.notes += extractNotes }
        if !footnotes.isEmpty { Self.carry(Self.footnotes(footnotes, referencedBy: footnoteMarks), in: &layout) }
        for (record, mark, line) in unmatchedMarks where Self.footnotes(namedBy: mark, among: footnotes.map(\.footnote)) == nil {
            Self.reportUnmatched(mark: mark, record: record, line: line, in: &layout, file: file, into: &diagnostics)
        }
        let aliasCount = aliases.isEmpty ? 0 : DefinitionAlias.add(aliases, to: &layout)
        if !layout.header.effectiveDateNotes.isEmpty { Self.attachEffectiveDateNotes(in: &layout) }
        return Output(provisions: ProvisionBatch(layout), diagnostics: diagnostics, ambiguous: solution.ambiguities.count,
                      unfitted: !solution.fitted, duplicateCitations: counts.duplicateCitations, findings: counts.findings,
                      misplacedNotes: misplacedNotes.count, extractKeptAsText: extractsKeptAsText > 0, ambiguousFlush: ambiguousFlush.count,
                      paragraphsAfterList: afterList.count, footnotes: footnotes.count, definitionAliases: aliasCount,
                      unknownElements: unknownElements.count)
    }

    /// Footnotes as notes on the provisions open where they stand (or the section), and as what
    /// those wordings do not carry.
    @inline(never)
    private static func carry(_ footnotes: [(record: Int?, footnote: CFRFootnote)], in layout: inout CFRSectionLayout) {
        for (record, footnote) in footnotes {
            if let record { layout.records[record].notes.append(footnote.note) } else { layout.header.notes.append(footnote.note) }
            layout.notCarried.append((record, footnote.notCarried))
        }
    }

    /// The footnotes, each also on every other record whose text prints its mark: GPO tags a
    /// reference `<SU>1</SU><FTREF/>` and sets the footnote after it, but prints the mark bare where
    /// it repeats (14 CFR 1214.119(j)(6), (10), (13) and (14) after (j)(1); importer audit D7), and
    /// those paragraphs reference it no less. A mark two footnotes of the section share goes to
    /// the first (GPO numbers a section's footnotes apart); one that matches none is left as it was.
    @inline(never)
    private static func footnotes(_ footnotes: [(record: Int?, footnote: CFRFootnote)],
                                  referencedBy marks: [(record: Int?, mark: String)]) -> [(record: Int?, footnote: CFRFootnote)] {
        var carried = footnotes
        for (record, mark) in marks {
            for footnote in Self.footnotes(namedBy: mark, among: footnotes.map(\.footnote)) ?? []
            where !carried.contains(where: { $0.record == record && $0.footnote == footnote }) {
                carried.append((record, footnote))
            }
        }
        return carried
    }

    /// The footnotes a reference names (`4`, `4, 5`), one for each of its marks, read loosely: a
    /// footnote whose own mark was read, or whose text opens with the mark however it is set
    /// (`4A footnote.`, `^4`, `[4]`; re-audit 2: such layouts were warned of as missing); nil when
    /// a mark names none. The one rule by which a repeated mark carries its footnote and an
    /// unmatched reference is warned of.
    private static func footnotes(namedBy mark: String, among footnotes: [CFRFootnote]) -> [CFRFootnote]? {
        var named: [CFRFootnote] = []
        for part in mark.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) {
            func opens(_ text: String, with prefix: String) -> Bool {
                text.hasPrefix(prefix) && !(text.dropFirst(prefix.count).first?.isNumber ?? false)
            }
            guard let footnote = footnotes.first(where: { footnote in
                footnote.mark == part || [part, "^" + part, "[" + part + "]"].contains { opens(footnote.text, with: $0) }
            }) else { return nil }
            named.append(footnote)
        }
        return named
    }

    /// A footnote reference (`<SU>4</SU><FTREF/>`) whose footnote the section does not hold: the
    /// text refers to a note this import cannot carry, said in a warning and an unresolved note on
    /// the paragraph (import audit: a mark changed to match no footnote passed in silence).
    @inline(never)
    private static func reportUnmatched(mark: String, record: Int?, line: Int, in layout: inout CFRSectionLayout, file: String,
                                        into diagnostics: inout [Diagnostic]) {
        let path = record.map { canonicalPath(of: $0, in: layout.records) } ?? ""
        let number = layout.header.number
        diagnostics.append(Diagnostic(.warning, "§ \(number)\(path): footnote mark \(mark) is tagged a footnote reference (FTREF), but no footnote of the section (FTNT) read has that mark: the note it refers to may not be carried",
                                      at: SourceLocation(file: file, line: line), subject: number + path))
        let note = Note(kind: .unresolved, text: "The text refers here to footnote \(mark), which no footnote of the section read has as its mark: the note may not be carried. Check the official text.")
        if let record { layout.records[record].notes.append(note) } else { layout.header.notes.append(note) }
    }

    /// An effective-date note on each paragraph it names too (the section has it already).
    @inline(never)
    private static func attachEffectiveDateNotes(in layout: inout CFRSectionLayout) {
        for index in layout.records.indices where !layout.records[index].elided {
            let path = canonicalPath(of: index, in: layout.records)
            for note in layout.header.effectiveDateNotes where note.paragraphs.contains(path) {
                layout.records[index].notes.append(note.note)
            }
        }
    }

    /// What an element other than a paragraph is to the section: a category heading, a flush
    /// paragraph, a `NOTE` whose `HED` names its target, an element ecca does not know, or nil
    /// for wording.
    fileprivate static func role(of child: Int, in section: XMLSubtree) -> Role? {
        if let category = categoryHeading(child, in: section) { return .category(category) }
        // The plain `FP` only: `FP-1`, `FP-2` (hanging indents) and `FP-DASH` (a line to fill in),
        // the eCFR's element names and the annual CFR's `SOURCE`s, set out forms, in extracts and
        // appendices, whose lines are not the close of a list.
        if section.nodes[child].name == "FP", (section.attribute("SOURCE", of: child) ?? "FP") == "FP" { return .flush }
        if section.nodes[child].name == "NOTE", let hed = section.child(named: "HED", of: child) {
            let heading = TextNormalizer.trim(TextNormalizer.collapse(section.text(of: hed)))
            if let target = NoteTarget(heading: heading) { return .note(target, heading: heading) }
        }
        if !UnknownSectionElement.isKnown(section.nodes[child].name) { return .unknown(section.nodes[child].name) }
        return nil
    }

    /// The category an element opens: a heading (`HD1`, or the annual CFR's `HD SOURCE="HD1"`)
    /// reading `Category I—…`; nil for any other element.
    private static func categoryHeading(_ child: Int, in section: XMLSubtree) -> CategoryHeading? {
        let name = section.nodes[child].name
        guard name.hasPrefix("HD"), name.count <= 3 else { return nil }
        return CategoryHeading(TextNormalizer.collapse(section.text(of: child)))
    }

    /// What an `EXTRACT` holds: category headings (the US Munitions List, which the annual CFR
    /// sets in one), and how many of its paragraphs open with a marker (`(a)`, `* (a)`).
    static func extractHolds(_ extract: Int, in section: XMLSubtree) -> (categories: Bool, numbered: Int) {
        var categories = false
        var numbered = 0
        for child in section.children(of: extract) where section.nodes[child].kind == .element {
            let name = section.nodes[child].name
            if name == "P" {
                let bytes = Array(section.text(of: child).utf8)
                let start = MarkedParagraph.skipSpace(bytes, 0)
                if MarkedParagraph.isMarker(in: bytes, at: start) || MarkedParagraph.markerAfterAsterisk(bytes, at: start, end: bytes.count) != nil {
                    numbered += 1
                }
            } else if categoryHeading(child, in: section) != nil {
                categories = true
            }
        }
        return (categories, numbered)
    }

    /// The depth of the open record a note's target names (-1 for the section), or nil when
    /// no open record is that target: a paragraph's path is read from the innermost open
    /// category down (`(j)(10)` in Category II), a category by its number.
    private static func depth(of target: NoteTarget, open: [Int], records: [Record]) -> Int? {
        switch target {
        case .section:
            return -1
        case .category(let number):
            return open.first { records[$0].level == .category && records[$0].segment.id == "cat-" + CanonicalIDs.idSegment(number) }.map { records[$0].depth }
        case .paragraph(let labels):
            let start = (open.lastIndex { records[$0].level == .category }).map { $0 + 1 } ?? 0
            guard open.count - start >= labels.count else { return nil }
            for (offset, label) in labels.enumerated() {
                let record = records[open[start + offset]]
                if case .definition = record.level { return nil }
                guard record.segment.id == label else { return nil }
            }
            return records[open[start + labels.count - 1]].depth
        }
    }

    /// Notes whose heading names a target that is not the paragraph they follow nor one that
    /// holds it: their text stays with that paragraph, which gets a note; a warning each.
    @inline(never)
    private static func reportMisplaced(_ misplaced: [(record: Int?, line: Int, heading: String)], in layout: inout CFRSectionLayout,
                                        file: String, into diagnostics: inout [Diagnostic]) {
        let number = layout.header.number
        for (record, line, heading) in misplaced {
            let path = record.map { canonicalPath(of: $0, in: layout.records) } ?? ""
            diagnostics.append(Diagnostic(.warning, "§ \(number): the note headed “\(heading)” names no paragraph it follows or is part of; its text is kept with § \(number)\(path)",
                                          at: SourceLocation(file: file, line: line), subject: number + path))
            let note = Note(kind: .unresolved, text: "The wording of this provision includes a note headed “\(heading)”, printed after it; the paragraph the note names is not this one nor one it is part of, so the note may not apply to this provision. Check the official text.")
            if let record { layout.records[record].notes.append(note) } else { layout.header.notes.append(note) }
        }
    }

    /// A paragraph's level is its marker's kind, wherever it sits (`(a)` below a defined term is
    /// a paragraph, not a level-2 one); an italic letter (the old style) is level 5.
    static func level(of reading: MarkerSequenceSolver.Reading, italic: Bool) -> ProvisionLevel {
        .cfr(depth: italic && reading.kind == .lower ? MarkerKind.italicDigit.depth : reading.kind.depth)
    }

    /// What a section's reading leaves uncertain, on its provisions and in the output: the
    /// superscripts dropped after a number, paragraphs cited alike, a numbering no reading fits.
    @inline(never)
    private static func reportFindings(in layout: inout CFRSectionLayout, fitted: Bool, compareAll: Bool, unfitted: [Int], droppedOn: [(record: Int?, marks: Range<Int>)],
                                       marks: [TextFinding], file: String,
                                       into diagnostics: inout [Diagnostic]) -> (findings: [ImportSummary.Counter: Int], duplicateCitations: Int) {
        let number = layout.header.number
        var counts: [ImportSummary.Counter: Int] = [:]
        for (record, range) in droppedOn {
            let notes = reportDropped(marks[range], on: record, in: layout.records, number: number, file: file, into: &diagnostics)
            // Each note once on its provision: two tables of one paragraph may span alike.
            if let record {
                for note in notes where !layout.records[record].notes.contains(note) { layout.records[record].notes.append(note) }
            } else {
                for note in notes where !layout.header.notes.contains(note) { layout.header.notes.append(note) }
            }
            for mark in marks[range] {
                counts[mark.counter, default: 0] += 1
                if let what = mark.notCarried { layout.notCarried.append((record, what)) }
            }
        }
        let duplicates = reportDuplicateCitations(&layout.records, fitted: fitted && !compareAll, number: number, file: file, into: &diagnostics)
        if !fitted {
            reportUnfitted(unfitted, in: &layout.records, sectionNotes: &layout.header.notes, number: number, line: layout.span.firstLine,
                           file: file, into: &diagnostics)
        }
        return (counts, duplicates)
    }

    /// A section whose markers fit no reading of the CFR levels: a warning, and a note on the
    /// section and every paragraph; in a section of terms numbered each on its own, on the terms
    /// whose numbering fits no reading and their paragraphs (`unfitted`), a warning for each.
    /// Out of line, as the rare paths are: the section reader's loop stays small enough for the
    /// optimiser to inline its helpers.
    @inline(never)
    private static func reportUnfitted(_ unfitted: [Int], in records: inout [Record], sectionNotes: inout [Note], number: String, line: Int,
                                       file: String, into diagnostics: inout [Diagnostic]) {
        let terms = unfitted.filter { isTerm(records[$0]) }
        guard !terms.isEmpty, unfitted.count < records.count else {
            diagnostics.append(Diagnostic(.warning, "§ \(number): the paragraph markers do not follow the CFR levels (a)(1)(i)(A); levels were taken from the marker kinds, and every provision of the section is marked unresolved",
                                          at: SourceLocation(file: file, line: line), subject: number))
            let note = unfittedNote(number)
            sectionNotes.append(note)
            for index in records.indices { records[index].notes.append(note) }
            return
        }
        for term in terms {
            let path = canonicalPath(of: term, in: records)
            diagnostics.append(Diagnostic(.warning, "§ \(number)\(path): the paragraph markers of this definition do not follow the CFR levels (a)(1)(i)(A); their levels were taken from the marker kinds, and the definition and its paragraphs are marked unresolved",
                                          at: SourceLocation(file: file, line: records[term].firstLine), subject: number + path))
        }
        let note = unfittedNote(number)
        for index in unfitted { records[index].notes.append(note) }
    }

    /// Superscripts after a number that a paragraph's text left out as footnote marks: a warning
    /// each, and the notes for the paragraph read last (`record`), or the section before any marker.
    @inline(never)
    private static func reportDropped(_ dropped: ArraySlice<TextFinding>, on record: Int?, in records: [Record],
                                      number: String, file: String, into diagnostics: inout [Diagnostic]) -> [Note] {
        let subject = record.map { number + canonicalPath(of: $0, in: records) } ?? number
        for mark in dropped where mark.warns {
            diagnostics.append(Diagnostic(.warning, mark.message(subject: "§ " + subject), at: SourceLocation(file: file, line: mark.line), subject: subject))
        }
        return dropped.notes
    }

    /// The note on every provision of a section whose markers fit no reading of the CFR levels.
    static func unfittedNote(_ number: String) -> Note {
        Note(kind: .unresolved, text: "The paragraph numbering of § \(number) does not follow the usual CFR levels (a), (1), (i), (A); the level of each of its paragraphs, and so this citation, was inferred from the kind of its number alone and may be wrong. Check the official text.")
    }

    /// Finds the written records that share a citation with another: each gets a note and a
    /// warning (their ids are then told apart by a `-2` in the rules file, their citations are
    /// not changed). Returns how many records share a citation. `fitted`: the markers fitted a
    /// reading, so only a term defined twice (and what is below it) can repeat a citation, and
    /// only the terms' addresses are made and compared unless two of them collide.
    @inline(never)
    private static func reportDuplicateCitations(_ records: inout [Record], fitted: Bool, number: String, file: String,
                                                 into diagnostics: inout [Diagnostic]) -> Int {
        // Records with one address share its segments from the section down: grouped by them in
        // one pass, where comparing every pair of records took a minute on a 5 MB section of
        // 100,000 paragraphs whose numbering fits no reading (QA scale F5).
        var addresses: [Int: [String]] = [:]
        func address(_ index: Int) -> [String] {
            if let known = addresses[index] { return known }
            let segment = records[index].segment.canonical
            let path = records[index].parent.map { address($0) + [segment] } ?? [segment]
            addresses[index] = path
            return path
        }
        if fitted {
            var terms = Set<[String]>()
            guard records.indices.contains(where: { isTerm(records[$0]) && !terms.insert(address($0)).inserted }) else { return 0 }
        }
        var alike: [[String]: [Int]] = [:]
        var firsts: [Int] = []
        for index in records.indices where !records[index].elided {
            let path = address(index)
            if alike[path] == nil { firsts.append(index) }
            alike[path, default: []].append(index)
        }
        var count = 0
        for first in firsts {
            let indices = alike[address(first)]!
            guard indices.count > 1 else { continue }
            count += indices.count
            let path = canonicalPath(of: first, in: records)
            // Every record's note names the others: past a dozen, the first ten and the last, and how
            // many (each of 12,500 notes naming all 12,500 lines took gigabytes, QA scale F5).
            let lines = indices.map { String(records[$0].firstLine) }
            let linesText = lines.count <= 12
                ? ProseList.joined(lines)
                : lines.prefix(10).joined(separator: ", ") + ", … and " + lines[lines.count - 1] + ", \(lines.count) in all"
            diagnostics.append(Diagnostic(.warning, "§ \(number): \(indices.count) paragraphs (lines \(linesText)) are all cited § \(number)\(path); their citations are kept, their ids told apart by a suffix",
                                          at: SourceLocation(file: file, line: records[first].firstLine), subject: number + path))
            let note = Note(kind: .unresolved, text: "\(indices.count) paragraphs of § \(number) (at lines \(linesText) of the official file) read as § \(number)\(path): this citation does not tell them apart. Check the official text.")
            for index in indices {
                records[index].notes.append(note)
                records[index].citedAlike = true
            }
        }
        return count
    }

    private static func isTerm(_ record: Record) -> Bool {
        if case .definition = record.level { return !record.elided }
        return false
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
    static func canonicalPath(of index: Int, in records: [CFRSectionLayout.Record]) -> String {
        var segments: [String] = []
        var current: Int? = index
        while let at = current {
            segments.append(records[at].segment.canonical)
            current = records[at].parent
        }
        return segments.reversed().joined()
    }
}
