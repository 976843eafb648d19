import ClauseGraph
import EccaXML

/// eCFR and annual CFR XML (FORMATS.md §1): three dialects, one reader.
///
/// - GovInfo bulk eCFR: root `DLPSTEXTCLASS`, `DIV1`…`DIV9` with `TYPE`, sections
///   `<DIV8 N="§ 2.2" TYPE="SECTION">`, a `CFRTOC` table of contents (skipped).
/// - ecfr.gov versioner: the root is the requested node itself (`<DIV8 N="1.162-4" …
///   hierarchy_metadata="{…citation…}">`), `N` without `§`.
/// - annual CFR: root `CFRDOC`, `PART`/`SUBPART`/`SECTION`/`SECTNO`/`SUBJECT`; each part's
///   `CONTENTS` repeats `SECTNO`/`SUBJECT` pairs and is skipped so sections are not counted twice.
///
/// One section is captured at a time; its flat `P`s go through the marker solver.
struct EcfrAdapter: OfficialAdapter {
    let options: ImportOptions
    private let flattening = TextFlattening.gpo

    func read(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError) {
        switch root.name {
        case "CFRDOC": try readAnnual(stream, root: root, into: emitter)
        case "DLPSTEXTCLASS", "ECFR": try readDivisions(stream, root: root, variant: "ecfr-bulk", into: emitter)
        default: try readVersioner(stream, root: root, into: emitter)
        }
    }

    // MARK: - Instruments

    private struct Context {
        var title: String?
        var titleHeading: String?
        var amendedThrough: String?
        /// The line of the element `amendedThrough` comes from (`AMDDATE`, `REVISED`).
        var amendedThroughLine = 0
        /// The line of the versioner root, whose `hierarchy_metadata` holds `path`.
        var rootLine = 0
        var citation: String?
        var path: String?
        var variant: String
        var file: String
    }

    /// The title number: the file's, or the first word of its citation (`15 CFR 734.13`).
    private static func title(of context: Context) -> String? {
        context.title ?? context.citation.flatMap { $0.split(separator: " ").first.map(String.init) }
    }

    private func instrument(_ context: Context) -> ImportedInstrument {
        let title = Self.title(of: context)
        let id = options.instrumentID ?? "us.cfr-\(title ?? "x")"
        var label: String?
        let dateField = Self.dateField(context)
        switch context.variant {
        case "cfr-annual":
            label = context.amendedThrough.map { "Annual edition of the CFR, \($0)" }
        case "ecfr-versioner":
            // The path names the date the text was asked for (`/on/2025-01-02/title-15/…`), unless
            // the server left its placeholder (`/on/_SUBSTITUTE_DATE_/`): then the file has no date.
            label = "eCFR versioner API (ecfr.gov)" + (dateField?.date.map { ", text as of \($0.iso)" } ?? "")
        default:
            label = context.amendedThrough.map { "eCFR (GovInfo bulk data), amended through \($0)" }
        }
        var officialIDs: [Instrument.OfficialID] = []
        if let citation = context.citation { officialIDs.append(.init(scheme: "cfr", value: citation)) }
        else if let title { officialIDs.append(.init(scheme: "cfr", value: "\(title) CFR")) }
        let name = context.titleHeading ?? context.citation.map { "\($0) (eCFR)" } ?? "Title \(title ?? "?") of the Code of Federal Regulations"
        let url: String? = switch context.variant {
        case "cfr-annual": nil
        // A path that does not start with `/` would name another host (`www.ecfr.gov.example`).
        case "ecfr-versioner": context.path.flatMap { path in
            path.hasPrefix("/") ? SourceURL.make("https://www.ecfr.gov" + path.replacingFirst("/on/_SUBSTITUTE_DATE_", with: "/current")) : nil
        }
        default: title.map { "https://www.ecfr.gov/current/title-" + SourceURL.component($0) }
        }
        let dialectName = context.variant == "cfr-annual" ? "annual CFR XML (GovInfo)" : context.variant == "ecfr-versioner" ? "eCFR versioner XML" : "eCFR bulk XML (GovInfo)"
        var instrument = ImportedInstrument(
            id: id, dialect: .ecfr, variant: context.variant, title: name, jurisdiction: "US",
            kind: context.variant == "ecfr-versioner" ? .cfrPart : .regulation, officialIDs: officialIDs,
            versionLabel: label, sourceURL: url,
            attribution: "US Government Publishing Office / Office of the Federal Register; US Government work, public domain",
            notes: [Note(kind: .editorial, text: "Imported by ecca from the \(dialectName) file \(SourceFileName.name(of: context.file)): wording verbatim (footnotes dropped unless their notes are kept, then marked [1], a section's footnote (FTNT) carried as a note on the provision it follows; tables row by row, cells joined by \" | \", rows set apart by \" ¶ \", a cell spanning columns or rows and a header of two or more levels written once where the markup has them, so they do not line up with the columns (each marked unresolved); formulas and pictures printed as images not carried, their ids left out (each marked unresolved); superscripts after a number, a letter or a bracket as ^ unless they mark a footnote, subscripts as _, whitespace collapsed); the paragraph hierarchy rebuilt from the markers (docs/importers.md).")],
            file: context.file, documentNumber: context.citation ?? title.map { "\($0) CFR" },
            joinKey: title.map { "\($0) CFR" },
            joinSourceURL: context.variant == "cfr-annual" ? nil : title.map { "https://www.ecfr.gov/current/title-" + SourceURL.component($0) })
        instrument.dated(by: dateField)
        return instrument
    }

    /// The field the text is dated by: bulk `AMDDATE`, annual `REVISED` (its first US date), or
    /// the versioner path's `/on/DATE/` (nil for the server's `_SUBSTITUTE_DATE_`: no date given).
    private static func dateField(_ context: Context) -> VersionDateField? {
        guard context.variant == "ecfr-versioner" else {
            let name = context.variant == "cfr-annual" ? "REVISED" : "AMDDATE"
            return context.amendedThrough.flatMap {
                VersionDateField(field: name, value: $0, file: context.file, line: context.amendedThroughLine, dates: USDates.all(in: $0))
            }
        }
        guard let segment = context.path.flatMap(Self.pathDateSegment), segment != "_SUBSTITUTE_DATE_" else { return nil }
        return VersionDateField(field: "hierarchy_metadata path", value: "/on/\(segment)/", file: context.file, line: context.rootLine,
                                dates: LegalDate(iso: segment).map { [$0] } ?? [])
    }

    /// Begins the instrument of `context`, and says what its date field leaves unread.
    private func begin(_ context: Context, into emitter: ImportEmitter) throws(OfficialImportError) {
        let instrument = instrument(context)
        try emitter.begin(instrument)
        Self.dateField(context)?.report(to: emitter)
        if Self.title(of: context) == nil {
            // A versioner file's title is in its root's metadata, which a hand-made or cut file
            // may lack: its provisions are then cited without one ("1.1", not "1 CFR 1.1").
            let named = options.instrumentID == nil ? "its instrument is named \(instrument.id) and its" : "its"
            emitter.report(Diagnostic(.warning, "the file does not say which CFR title it is from (no title number, citation or path in its metadata); \(named) provisions are cited without a title",
                                      at: SourceLocation(file: context.file, line: max(context.rootLine, 1)), subject: instrument.id))
        }
    }

    // MARK: - Preview

    /// The instrument a file begins, read from its head only: a versioner file's root, a bulk
    /// title's header up to its first section or appendix, an annual volume's front matter.
    func preview(_ stream: OfficialStream, root: XMLElementStart) throws(OfficialImportError) -> ImportedInstrument? {
        switch root.name {
        case "CFRDOC":
            var context = Context(variant: "cfr-annual", file: stream.file)
            while let event = try stream.next() {
                guard case .start(let start) = event else { continue }
                switch start.name {
                case "FMTR": read(frontMatter: try stream.capture(start), into: &context)
                case "SECTION", "APPENDIX": return instrument(context)
                case "CONTENTS", "TOC", "BMTR", "LSA", "FAIDS", "CFRTOC": try stream.skip(start)
                default: break
                }
            }
            return nil
        case "DLPSTEXTCLASS", "ECFR":
            var context = Context(variant: "ecfr-bulk", file: stream.file)
            var stack: [String] = []
            while let event = try stream.next() {
                switch event {
                case .start(let start):
                    if start.name == "DIV8" || start.name == "DIV9" { return instrument(context) }
                    _ = try readHead(start, stream: stream, context: &context, stack: &stack)
                case .end:
                    _ = stack.popLast()
                default:
                    break
                }
            }
            return nil
        default:
            return instrument(Self.versionerContext(root: root, file: stream.file))
        }
    }

    /// The date in a versioner path's `/on/YYYY-MM-DD/` segment.
    static func pathDate(_ path: String) -> LegalDate? {
        pathDateSegment(path).flatMap(LegalDate.init(iso:))
    }

    /// The segment after `/on/` in a versioner path, whatever it holds.
    static func pathDateSegment(_ path: String) -> String? {
        let segments = path.split(separator: "/")
        guard let on = segments.firstIndex(of: "on"), on + 1 < segments.count else { return nil }
        return String(segments[on + 1])
    }

    // MARK: - Bulk and versioner

    private static func versionerContext(root: XMLElementStart, file: String) -> Context {
        var context = Context(variant: "ecfr-versioner", file: file)
        context.rootLine = root.location.line
        if let metadata = root["hierarchy_metadata"] {
            context.citation = Self.jsonString("citation", in: metadata)
            context.path = Self.jsonString("path", in: metadata)
        }
        context.title = context.citation?.split(separator: " ").first.map(String.init)
            ?? context.path.flatMap { path in path.split(separator: "/").first { $0.hasPrefix("title-") }.map { String($0.dropFirst(6)) } }
        return context
    }

    private func readVersioner(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError) {
        var context = Self.versionerContext(root: root, file: stream.file)
        if root.name == "DIV8" || root.name == "DIV9" {
            try begin(context, into: emitter)
            let unit = try stream.captureSubtree(root)
            var scratch = CFRSectionReader.Scratch()
            var unnumbered = UnnumberedUnits()
            if root.name == "DIV8" { try emitSection(unit, file: stream.file, context: context, scratch: &scratch, unnumbered: &unnumbered, into: emitter) }
            else { try emitAppendix(OfficialElement(unit, at: 0, file: stream.file), context: context, into: emitter) }
            return
        }
        try walkDivisions(stream, context: &context, into: emitter)
    }

    private func readDivisions(_ stream: OfficialStream, root: XMLElementStart, variant: String, into emitter: ImportEmitter) throws(OfficialImportError) {
        var context = Context(variant: variant, file: stream.file)
        try walkDivisions(stream, context: &context, into: emitter)
    }

    private func walkDivisions(_ stream: OfficialStream, context: inout Context, into emitter: ImportEmitter) throws(OfficialImportError) {
        var stack: [String] = []
        var begun = false
        var scratch = CFRSectionReader.Scratch()
        var unnumbered = UnnumberedUnits()
        /// Text outside every unit, reported with the next unit read (`CFRTextOutsideUnits`).
        var outside: [OfficialElement] = []
        // Sections and appendices come whole from the parser's callbacks, without an event per node.
        stream.capturing = ["DIV8", "DIV9"]
        while let event = try stream.next() {
            switch consume event {
            case .subtree(let unit):
                if !begun { try begin(context, into: emitter); begun = true }
                // Text outside every unit is rare: the unit's number is looked up only for it.
                var notes: [Note] = []
                if !outside.isEmpty {
                    notes = CFRTextOutsideUnits.report(outside, nearest: unit.attribute("N", of: 0).map { Self.sectionNumber($0) }, to: emitter)
                    outside.removeAll()
                }
                if unit.root.name == "DIV8" {
                    try emitSection(unit, file: stream.file, context: context, notes: notes, scratch: &scratch, unnumbered: &unnumbered, into: emitter)
                    // The section's buffers go back to the parser, which fills them with a later one.
                    stream.recycle(unit)
                } else { try emitAppendix(OfficialElement(unit, at: 0, file: stream.file), context: context, notes: notes, into: emitter) }
            case .start(let start):
                if let text = try readHead(start, stream: stream, context: &context, stack: &stack) { outside.append(text) }
            case .end:
                _ = stack.popLast()  // the root's end has no start here
            default:
                break
            }
        }
        if !begun { throw .nothingToImport(file: stream.file, dialect: .ecfr) }
        _ = CFRTextOutsideUnits.report(outside, nearest: nil, to: emitter)
    }

    /// What a bulk title says about itself before and between its sections: its number, heading
    /// and amendment date; tables of contents and the rest that is not rule text are skipped
    /// (`CFRTextOutsideUnits.skipped`). `stack` holds the elements open. Returns an element that
    /// is text outside every unit, read whole, for the caller to report.
    private func readHead(_ start: XMLElementStart, stream: OfficialStream, context: inout Context, stack: inout [String]) throws(OfficialImportError) -> OfficialElement? {
        switch start.name {
        case "HEADER":
            let header = try stream.capture(start)
            if let idno = header.first(where: { $0.name == "IDNO" && $0["TYPE"] == "title" }) { context.title = idno.plainText }
        case "AMDDATE":
            context.amendedThrough = TextNormalizer.trim(try stream.capture(start).plainText.replacingFirst("(fm)", with: "")).nilIfEmpty
            context.amendedThroughLine = start.location.line
        case "CFRTOC", "TOC":
            try stream.skip(start)
        case "HEAD" where stack.last == "DIV1":
            let head = try stream.capture(start).plainText
            if context.titleHeading == nil { context.titleHeading = head }
        default:
            if CFRTextOutsideUnits.isOutside(start.name) { return try stream.capture(start) }
            if !CFRTextOutsideUnits.containers.contains(start.name) {
                try stream.skip(start)
                return nil
            }
            if start.name == "DIV1", start["TYPE"] != nil, context.title == nil { context.title = start["N"] }
            if !start.isEmpty { stack.append(start.name) }
        }
        return nil
    }

    /// `<DIV8 N="§ 2.2">` or `<DIV8 N="1.162-4">` with a `HEAD` of `§ 2.2   Heading.`. A `DIV8`
    /// without its `N` is numbered by its `HEAD`, which prints the number (`§ 999.2 Two.`).
    /// `notes`: what the file holds before it outside every unit (`CFRTextOutsideUnits`).
    private func emitSection(_ section: XMLSubtree, file: String, context: Context, notes: [Note] = [], scratch: inout CFRSectionReader.Scratch,
                             unnumbered: inout UnnumberedUnits, into emitter: ImportEmitter) throws(OfficialImportError) {
        let n = section.attribute("N", of: 0) ?? ""
        let head = section.child(named: "HEAD", of: 0).map { flattening.flatten(section, at: $0, file: file) } ?? ""
        var number = Self.sectionNumber(n)
        if number.isEmpty, let printed = Self.sectionNumber(inHead: head) { number = printed }
        let pointer = n.isEmpty ? "DIV8[HEAD='\(head)']" : "DIV8[@N='\(n)']"
        try emitCFRSection(section, file: file, number: number, sourceID: n.isEmpty ? number : n,
                           heading: Self.heading(fromHead: head, number: number), pointer: pointer, context: context, notes: notes,
                           scratch: &scratch, unnumbered: &unnumbered, into: emitter)
    }

    /// A section whose number the file does not give (`unnumbered`: `UnnumberedUnits`) is cited
    /// by its place, said, and noted on every provision of it, and has no eCFR link.
    private func emitCFRSection(_ section: XMLSubtree, file: String, number: String, sourceID: String, heading: String?, pointer: String,
                                context: Context, notes: [Note] = [], scratch: inout CFRSectionReader.Scratch, unnumbered: inout UnnumberedUnits,
                                into emitter: ImportEmitter) throws(OfficialImportError) {
        let standIn = number.isEmpty ? unnumbered.standIn("section") : nil
        let number = standIn?.number ?? number
        // A versioner file asked for a date links to the text of that date, as its instrument does,
        // not to today's (importer QA 2026-12-07, L2).
        let version = context.variant == "ecfr-versioner" ? Self.dateField(context)?.date.map { "on/" + $0.iso } ?? "current" : "current"
        let url: String? = if context.variant == "cfr-annual" || standIn != nil { nil } else {
            context.title.map { "https://www.ecfr.gov/\(version)/title-\(SourceURL.component($0))/section-\(SourceURL.component(number))" }
        }
        var reader = CFRSectionReader(number: number, sourceID: standIn == nil ? sourceID : number, title: context.title, heading: heading, url: url, pointer: pointer)
        reader.header.notes = notes.isEmpty ? sectionNotes(section, file: file) : notes + sectionNotes(section, file: file)
        reader.header.effectiveDateNotes = effectiveDateNotes(section, file: file)
        // The canonical id is the section number and the paragraph path (`734.13(a)(2)`), and so is
        // the eCFR's paragraph anchor.
        reader.header.paragraphURLBase = url.map { $0 + "#p-" + SourceURL.component(number) }
        var output = reader.read(section, file: file, scratch: &scratch)
        if let standIn {
            UnnumberedUnits.report("section", citation: reader.header.citationTitle + number, heading: heading,
                                   at: SourceLocation(file: file, line: section.root.firstLine), to: emitter)
            output.provisions = output.provisions.noting(standIn.note)
        }
        output.report(to: emitter)
        try emitter.add(contentsOf: output.provisions)
    }

    /// The notes of a section's history and editorial elements.
    private func sectionNotes(_ section: XMLSubtree, file: String) -> [Note] {
        section.children(of: 0).compactMap { child in
            // Text between elements and paragraphs, most of a section's children, are never notes.
            guard section.nodes[child].kind == .element else { return nil }
            let name = section.nodes[child].name
            return name == "P" ? nil : note(name, flattening.flatten(section, at: child, file: file))
        }
    }

    /// A section's effective-date notes (`EFFDNOT`), read for what they name and when (`EffectiveDateNote`).
    private func effectiveDateNotes(_ section: XMLSubtree, file: String) -> [EffectiveDateNote] {
        section.children(of: 0).compactMap { child in
            guard section.nodes[child].kind == .element, section.nodes[child].name == "EFFDNOT" else { return nil }
            return EffectiveDateNote(flattening.flatten(section, at: child, file: file))
        }
    }

    /// An appendix's effective-date notes (`EFFDNOT`). Its wording leaves them out
    /// (`noteElements`), so they must reach `cite-check` as a section's do: the appendix, and each
    /// entry of a supplement that a note names by ECCN, or every entry where it names none, carries
    /// them (re-audit D1: an appendix passed after the change its note announced had taken effect).
    private func effectiveDateNotes(of appendix: OfficialElement) -> [EffectiveDateNote] {
        appendix.elements().filter { $0.name == "EFFDNOT" }.map { EffectiveDateNote(flattening.flatten($0)) }
    }

    private func sectionNotes(_ section: OfficialElement) -> [Note] {
        section.elements().compactMap { note($0.name, flattening.flatten($0)) }
    }

    /// A section's history (`CITA`), effective-date note, editorial note, cross reference,
    /// section authority or OMB approval note, as a note; nil for any other element (whose text
    /// is then not flattened).
    private func note(_ element: String, _ text: @autoclosure () -> String) -> Note? {
        switch element {
        case "CITA": Note(kind: .amendment, text: "Source: " + text())
        case "EFFDNOT": Note(kind: .amendment, text: text())
        case "EDNOTE", "CROSSREF", "SECAUTH": Note(kind: .editorial, text: text())
        // `(Approved by the Office of Management and Budget under control number 0348-0056)`,
        // set after a section's last paragraph (GPO eCFR guide §3.7, annual CFR 14 CFR 1245.116):
        // the Federal Register's record of a paperwork clearance, about the section, not words of
        // its last paragraph, whose wording it had ended (importer audit D3).
        case "APPRO": Note(kind: .editorial, text: "OMB approval: " + text())
        default: nil
        }
    }

    /// The elements `note` makes notes: an appendix's wording leaves them out, as a section's does
    /// (`CFRSectionReader.structural`), so that none is both a note and words of the text.
    static let noteElements: Set<String> = ["CITA", "EFFDNOT", "EDNOTE", "CROSSREF", "SECAUTH", "APPRO"]

    /// `<DIV9 N="Appendix A to Part 51" TYPE="APPENDIX">`: one provision, its text flattened.
    /// `notes`: what the file holds before it outside every unit (`CFRTextOutsideUnits`).
    private func emitAppendix(_ appendix: OfficialElement, context: Context, notes: [Note] = [], into emitter: ImportEmitter) throws(OfficialImportError) {
        let n = TextNormalizer.collapse(appendix["N"] ?? "Appendix")
        let head = appendix.element("HEAD").map { flattening.flatten($0) } ?? ""
        var heading = head.hasPrefix(n) ? TextNormalizer.trim(String(head.dropFirst(n.count)), also: "—–-.:") : head
        if heading.isEmpty { heading = head }
        var dropped: [TextFinding] = []
        let wording = flattening.flatten(appendix, skipping: Self.noteElements.union(["HEAD"]), dropped: { dropped.append($0) })
        // A supplement is cited as its entries are (`15 CFR Part 774, Supp. No. 1`), an appendix by its name.
        let citation = (context.title.map { "\($0) CFR " } ?? "") + SupplementCitation.citation(ofSupplement: n)
        var provision = ImportedProvision(
            canonicalID: n, sourceID: n, idPath: [n], level: .annex, parentID: nil, citation: citation,
            heading: heading.isEmpty ? nil : heading, wording: wording.isEmpty ? head : wording,
            span: appendix.span.with(pointer: "DIV9[@N='\(n)']"), evidence: .verified,
            sourceURL: nil, notes: notes + sectionNotes(appendix) + dropped.notes)
        provision.notCarried = dropped.compactMap(\.notCarried)
        provision.effectiveDateNotes = effectiveDateNotes(of: appendix)
        try emitter.add(provision)
        Self.report(dropped, in: n, file: appendix.span.file, to: emitter)
        if CommerceControlList.isCommerceControlList(n) {
            try emitEntries(of: appendix, n: n, citation: citation, dropped: dropped, effectiveDateNotes: provision.effectiveDateNotes, into: emitter)
        } else if let remark = TableText.remark(on: appendix, name: n) {
            emitter.remark(remark)
        }
    }

    /// Warns of each thing `subject`'s text read without certainty (`TextFinding`: a numeric
    /// superscript after a number and a space read as a footnote mark, a table span), and counts them.
    static func report(_ dropped: [TextFinding], in subject: String, file: String, to emitter: ImportEmitter) {
        for mark in dropped where mark.warns {
            emitter.report(Diagnostic(.warning, mark.message(subject: subject), at: SourceLocation(file: file, line: mark.line), subject: subject))
        }
        for counter in ImportSummary.Counter.allCases {
            let count = dropped.count(where: { $0.counter == counter })
            if count > 0 { emitter.count(counter, by: count) }
        }
    }

    /// The Commerce Control List's ECCN entries, each a provision below the supplement, and their
    /// numbered notes below them (`CommerceControlList`).
    /// `dropped`: the superscripts the supplement's text left out (reported with it), noted on
    /// the entries and notes whose lines hold them.
    private func emitEntries(of supplement: OfficialElement, n: String, citation: String, dropped: [TextFinding],
                             effectiveDateNotes: [EffectiveDateNote], into emitter: ImportEmitter) throws(OfficialImportError) {
        func droppedNotes(_ lines: ClosedRange<Int>) -> [Note] { dropped.filter { lines.contains($0.line) }.notes }
        // A mark in an entry links to a note printed anywhere in the supplement, as in its wording.
        let footnotes = TableText.noteMarks(in: supplement, flattening: flattening)
        // An entry's blocks are flattened one by one, so a footnote (`FTNT`) among them is left out
        // here, as it is inside any block: its text read as the entry's (QA verify3 W2); so are the
        // supplement's notes (an `EFFDNOT` after the last entry), notes on the supplement.
        func flatten(_ elements: [OfficialElement]) -> String {
            TextNormalizer.collapse(elements.filter { !flattening.dropped.contains($0.name) && !Self.noteElements.contains($0.name) }
                .map { flattening.flatten($0, footnotes: footnotes) }.joined(separator: " "))
        }
        for entry in CommerceControlList.entries(of: supplement) {
            guard let first = entry.elements.first, let last = entry.elements.last else { continue }
            let entryID = "\(n), ECCN \(entry.eccn)"
            let pointer = "DIV9[@N='\(n)']/\(first.name)[B[starts-with(., '\(entry.eccn)')]]"
            let span = SourceSpan(file: first.span.file, firstLine: first.span.firstLine, lastLine: last.span.lastLine, pointer: pointer)
            let (notes, alike) = CommerceControlList.notes(of: entry)
            // Notes of one label (two headed `Note:`) cannot be cited apart: not provisions of
            // their own, and said so, never left out without a word.
            var entryNotes = droppedNotes(span.firstLine...span.lastLine)
            for group in alike {
                let lines = group.lines.map(String.init)
                let linesText = ProseList.joined(lines)
                emitter.report(Diagnostic(.warning, "\(citation), ECCN \(entry.eccn): \(group.lines.count) notes (lines \(linesText)) are all labelled “\(group.label)”; a citation cannot tell them apart, so none is a provision of its own and their text stays in the entry's wording",
                                          at: SourceLocation(file: first.span.file, line: group.lines[0]), subject: entryID))
                entryNotes.append(Note(kind: .unresolved, text: "\(group.lines.count) notes of this entry (at lines \(linesText) of the official file) are all labelled “\(group.label)”: they are in this wording, but none can be cited on its own. Check the official text."))
            }
            if !alike.isEmpty { emitter.count(.notesLabelledAlike, by: alike.reduce(0) { $0 + $1.lines.count }) }
            var provision = ImportedProvision(
                canonicalID: entryID, sourceID: entryID, idPath: [n, "ECCN \(entry.eccn)"], level: .listEntry, parentID: n,
                citation: "\(citation), ECCN \(entry.eccn)", heading: flattening.flatten(first), wording: flatten(entry.elements),
                span: span, evidence: .verified, notes: entryNotes)
            provision.effectiveDateNotes = effectiveDateNotes.filter { $0.reaches(eccn: entry.eccn) }
            try emitter.add(provision)
            for (index, note) in notes.enumerated() {
                let (paragraphs, lastLine) = CommerceControlList.wording(ofNoteAt: index, in: notes)
                var noteProvision = ImportedProvision(
                    canonicalID: "\(entryID), \(note.label)", sourceID: "\(entryID), \(note.label)",
                    idPath: [n, "ECCN \(entry.eccn)", note.label], level: .listNote,
                    parentID: note.parent.map { "\(entryID), \($0)" } ?? entryID, citation: "\(citation), ECCN \(entry.eccn), \(note.label)",
                    wording: flatten(paragraphs),
                    span: SourceSpan(file: note.span.file, firstLine: note.span.firstLine, lastLine: lastLine, pointer: pointer),
                    evidence: .verified, notes: droppedNotes(note.span.firstLine...max(note.span.firstLine, lastLine)))
                noteProvision.effectiveDateNotes = provision.effectiveDateNotes
                try emitter.add(noteProvision)
            }
        }
    }

    // MARK: - Annual CFR

    private func readAnnual(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError) {
        var context = Context(variant: "cfr-annual", file: stream.file)
        var begun = false
        var scratch = CFRSectionReader.Scratch()
        var unnumbered = UnnumberedUnits()
        /// The appendix read last, held until what follows it is known: the file may set its text
        /// after it (`CFRTextOutsideUnits`). `adjacent` while nothing but end tags came since.
        var appendix: (element: OfficialElement, joined: [OfficialElement], outside: [OfficialElement])?
        var adjacent = false
        /// Text outside every unit, reported with the next unit read.
        var outside: [OfficialElement] = []
        func emitAppendix() throws(OfficialImportError) {
            guard let held = appendix else { return }
            appendix = nil
            try emitAnnualAppendix(held.element, joined: held.joined, outside: held.outside, context: context, into: emitter)
        }
        stream.capturing = ["SECTION"]
        while let event = try stream.next() {
            if case .subtree(let section) = event {
                try emitAppendix()
                adjacent = false
                if !begun { try begin(context, into: emitter); begun = true }
                var notes: [Note] = []
                if !outside.isEmpty {
                    notes = CFRTextOutsideUnits.report(outside, nearest: Self.sectionNumber(section.child(named: "SECTNO", of: 0).map { section.text(of: $0) } ?? ""), to: emitter)
                    outside.removeAll()
                }
                try emitAnnualSection(section, file: stream.file, context: context, notes: notes, scratch: &scratch, unnumbered: &unnumbered, into: emitter)
                stream.recycle(section)
                continue
            }
            guard case .start(let start) = event else { continue }
            if start.name == "PRTPAGE" { continue }  // a page number, between an appendix and its text too
            if CFRTextOutsideUnits.isOutside(start.name), start.name != "APPENDIX" {
                let element = try stream.capture(start)
                if adjacent, let held = appendix {
                    if CFRTextOutsideUnits.continues(held.element) { appendix?.joined.append(element) }
                    else { appendix?.outside.append(element) }
                } else {
                    outside.append(element)
                }
                continue
            }
            try emitAppendix()
            adjacent = false
            switch start.name {
            case "FMTR":
                read(frontMatter: try stream.capture(start), into: &context)
            case "APPENDIX":
                if !begun { try begin(context, into: emitter); begun = true }
                appendix = (try stream.capture(start), [], [])
                adjacent = true
            default:
                if !CFRTextOutsideUnits.containers.contains(start.name) { try stream.skip(start) }
            }
        }
        try emitAppendix()
        if !begun { throw .nothingToImport(file: stream.file, dialect: .ecfr) }
        _ = CFRTextOutsideUnits.report(outside, nearest: nil, to: emitter)
    }

    /// An annual-CFR appendix: one provision, with `joined`, the text the file sets after its
    /// element, as its text; `outside`, text after it that is not its, reported on it.
    private func emitAnnualAppendix(_ appendix: OfficialElement, joined: [OfficialElement], outside: [OfficialElement], context: Context,
                                    into emitter: ImportEmitter) throws(OfficialImportError) {
        let head = appendix.element("HD").map { flattening.flatten($0) } ?? "Appendix"
        // Named as the eCFR names it (`Supplement No. 4 to Part 744`, the `DIV9`'s `N`), the
        // words after the dash its heading, so one appendix has one id in every edition.
        let (n, heading) = Self.appendixName(fromHeading: head)
        var whole = appendix
        var notes: [Note] = []
        if let last = joined.last {
            let lastHeading = appendix.elements().last { $0.name == "HD" }.map { flattening.flatten($0) } ?? head
            notes.append(CFRTextOutsideUnits.joinedNote(joined, heading: lastHeading))
            whole.children += joined.map { .element($0) }
            whole.span.lastLine = last.span.lastLine
            emitter.count(.textJoinedToAppendix, by: joined.count)
        }
        var dropped: [TextFinding] = []
        // The first `HD` is the appendix's name and heading; the headings after it (`HD1`,
        // `HD2`: "Exhibit B to Part 1274—Reports") tell its parts apart, as the eCFR's
        // `DIV9` keeps them, and stay in its wording. Its history (`CITA`: "[77 FR 6954, Feb.
        // 10, 2012]") and other notes are notes on it, as the eCFR's appendix has them, not
        // its wording (importer audit D4: five appendices ended on their `CITA`).
        var wording = flattening.flatten(whole.removingFirstChild(named: "HD"), skipping: Self.noteElements.union(["EAR"]), dropped: { dropped.append($0) })
        // An appendix printed as a graphic has no text: its heading stands in.
        if wording.isEmpty { wording = head }
        let citation = (context.title.map { "\($0) CFR " } ?? "") + SupplementCitation.citation(ofSupplement: n)
        notes += CFRTextOutsideUnits.report(outside, nearest: citation, following: true, to: emitter)
        var provision = ImportedProvision(
            canonicalID: n, sourceID: n, idPath: [n], level: .annex, citation: citation,
            heading: heading, wording: wording, span: whole.span.with(pointer: "APPENDIX[HD='\(head)']"),
            notes: notes + sectionNotes(appendix) + dropped.notes)
        provision.effectiveDateNotes = effectiveDateNotes(of: appendix)
        try emitter.add(provision)
        Self.report(dropped, in: n, file: appendix.span.file, to: emitter)
        if let remark = TableText.remark(on: whole, name: n) { emitter.remark(remark) }
    }

    /// An annual volume's front matter: its title number and subject, and the edition's date.
    private func read(frontMatter front: OfficialElement, into context: inout Context) {
        if let number = front.first(where: { $0.name == "TITLENUM" })?.plainText {
            context.title = number.split(separator: " ").last.map(String.init)
        }
        let subject = front.first(where: { $0.name == "TITLEPG" })?.element("SUBJECT")?.plainText
        if let title = context.title {
            context.titleHeading = "Title \(title)" + (subject.map { "—\($0)" } ?? "") + " (annual edition of the Code of Federal Regulations)"
        }
        let revised = front.first(where: { $0.name == "REVISED" })
        context.amendedThrough = revised?.plainText.nilIfEmpty
        context.amendedThroughLine = revised?.span.firstLine ?? 0
    }

    /// `<SECTION><SECTNO>§ 1204.503</SECTNO><SUBJECT>Heading.</SUBJECT><P>…`.
    /// `notes`: what the file holds before it outside every unit (`CFRTextOutsideUnits`).
    private func emitAnnualSection(_ section: XMLSubtree, file: String, context: Context, notes: [Note], scratch: inout CFRSectionReader.Scratch,
                                   unnumbered: inout UnnumberedUnits, into emitter: ImportEmitter) throws(OfficialImportError) {
        func field(_ name: String) -> String? {
            section.child(named: name, of: 0).map { flattening.flatten(section, at: $0, file: file) }
        }
        let sectno = field("SECTNO") ?? ""
        let subject = field("SUBJECT").map { Self.trimPeriod($0) }
        let number = Self.sectionNumber(sectno)
        try emitCFRSection(section, file: file, number: number, sourceID: sectno, heading: subject,
                           pointer: number.isEmpty ? "SECTION[SUBJECT='\(subject ?? "")']" : "SECTION[SECTNO='\(sectno)']", context: context, notes: notes,
                           scratch: &scratch, unnumbered: &unnumbered, into: emitter)
    }

    // MARK: - Small parsers

    /// An annual-CFR appendix heading split as the eCFR splits its `HEAD` from its `N`:
    /// `Supplement No. 4 to Part 744—Entity List` → (`Supplement No. 4 to Part 744`, `Entity List`),
    /// `Appendix A to Part 1204—Items To Cover …` likewise. GPO prints an em dash; a hyphen or en
    /// dash set apart by spaces (`Supplement No. 4 to Part 744 - Entity List`, as a retyped copy
    /// has it) splits the heading too, so the appendix is not named and cited by its whole heading.
    /// A heading with no such dash, or whose words before it do not name an appendix or
    /// supplement, is the name, with no heading.
    static func appendixName(fromHeading head: String) -> (name: String, heading: String?) {
        guard let dash = head.range(of: "—") ?? head.range(of: " - ") ?? head.range(of: " \u{2013} ") else { return (head, nil) }
        let name = TextNormalizer.trim(String(head[..<dash.lowerBound]))
        let lowered = name.lowercased()
        guard lowered.hasPrefix("appendix") || lowered.hasPrefix("supplement") else { return (head, nil) }
        let heading = TextNormalizer.trim(String(head[dash.upperBound...]), also: ".")
        return (name, heading.isEmpty ? nil : heading)
    }

    /// `§ 2.2` → `2.2`; `§§ 2.3-2.5` → `2.3-2.5`; `1.162-4` stays.
    static func sectionNumber(_ n: String) -> String {
        if let bytes = SectionBytes(n) {
            var range = bytes.all
            bytes.dropLeading(from: &range, section: true)
            bytes.dropTrailingSpaces(from: &range)
            return bytes.string(range)
        }
        var slice = Substring(n)
        while let first = slice.first, first == "§" || first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    /// `§ 999.2 Two.` → `999.2`: the number a section's `HEAD` prints after its sign, read as an
    /// amendment instruction's is (`AmendmentGrammar.sectionNumber`); nil for a `HEAD` without one.
    static func sectionNumber(inHead head: String) -> String? {
        guard head.hasPrefix("§") else { return nil }
        return AmendmentGrammar.sectionNumber(in: head, from: head.startIndex)?.0
    }

    /// `§ 2.2   Administrative Committee of the Federal Register.` → `Administrative Committee of the Federal Register`.
    static func heading(fromHead head: String, number: String) -> String? {
        if SectionBytes.isSimple(number), let bytes = SectionBytes(head) {
            var range = bytes.all
            if bytes.startsWithSection(range) {
                bytes.dropLeading(from: &range, section: true)
                if bytes.hasPrefix(number, in: range) {
                    range = (range.lowerBound + number.utf8.count)..<range.upperBound
                } else if let space = bytes.firstSpace(in: range) {
                    range = space..<range.upperBound
                }
            }
            bytes.dropLeading(from: &range, section: false)
            bytes.dropTrailingSpaces(from: &range)
            if bytes.endsWithPeriod(range) { range = range.lowerBound..<(range.upperBound - 1) }
            return range.isEmpty ? nil : bytes.string(range)
        }
        var text = Substring(head)
        if text.first == "§" {
            while let first = text.first, first == "§" || first.isWhitespace { text = text.dropFirst() }
            if text.hasPrefix(number) { text = text.dropFirst(number.count) }
            else if let space = text.firstIndex(where: \.isWhitespace) { text = text[space...] }
        }
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        if text.hasSuffix("."), !text.hasSuffix("..") { text = text.dropLast() }
        return text.isEmpty ? nil : String(text)
    }

    /// A section number or heading as UTF-8 bytes, when every character of it is one Unicode
    /// scalar with no whitespace but ASCII's (no combining mark, joiner, no-break or other
    /// space): then trimming and prefix tests on the bytes give what they give on the
    /// characters, without breaking the text into graphemes (30,000 sections in a large title).
    /// Any other text takes the character-based path.
    private struct SectionBytes {
        let bytes: [UInt8]

        init?(_ text: String) {
            let bytes = Array(text.utf8)
            guard bytes.withUnsafeBufferPointer(Self.isSimple) else { return nil }
            self.bytes = bytes
        }

        /// Whether `text` qualifies, without keeping its bytes.
        static func isSimple(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { isSimple($0) }
        }

        private static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x0D { return false }  // CR LF would be one character
                    index += 1
                } else if byte >= 0xC2, byte < 0xCC, index + 1 < bytes.count {
                    // U+0080…U+02FF: no combining marks; U+0085 and U+00A0 are whitespace.
                    if byte == 0xC2, bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 { return false }
                    index += 2
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                          bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94 || bytes[index + 2] == 0x98
                            || bytes[index + 2] == 0x99 || bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D {
                    index += 3  // – — ‘ ’ “ ”
                } else {
                    return false
                }
            }
            return true
        }

        var all: Range<Int> { 0..<bytes.count }

        private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

        private func isSection(at index: Int, before end: Int) -> Bool {
            index + 1 < end && bytes[index] == 0xC2 && bytes[index + 1] == 0xA7
        }

        func startsWithSection(_ range: Range<Int>) -> Bool { isSection(at: range.lowerBound, before: range.upperBound) }

        /// Drops leading whitespace, and `§` signs too when `section` is true.
        func dropLeading(from range: inout Range<Int>, section: Bool) {
            var start = range.lowerBound
            while start < range.upperBound {
                if Self.isSpace(bytes[start]) { start += 1 } else if section, isSection(at: start, before: range.upperBound) { start += 2 } else { break }
            }
            range = start..<range.upperBound
        }

        func dropTrailingSpaces(from range: inout Range<Int>) {
            var end = range.upperBound
            while end > range.lowerBound, Self.isSpace(bytes[end - 1]) { end -= 1 }
            range = range.lowerBound..<end
        }

        func hasPrefix(_ text: String, in range: Range<Int>) -> Bool {
            bytes[range].starts(with: text.utf8)
        }

        func firstSpace(in range: Range<Int>) -> Int? { bytes[range].firstIndex(where: Self.isSpace) }

        /// Ends in one `.` (not `..`).
        func endsWithPeriod(_ range: Range<Int>) -> Bool {
            let period = UInt8(ascii: ".")
            guard range.count >= 1, bytes[range.upperBound - 1] == period else { return false }
            return range.count < 2 || bytes[range.upperBound - 2] != period
        }

        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    }

    static func trimPeriod(_ text: String) -> String {
        var text = TextNormalizer.trim(text)
        if text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
        return text
    }

    /// A string member of the versioner's `hierarchy_metadata` JSON, read leniently (the JSON is
    /// sometimes invalid).
    static func jsonString(_ key: String, in json: String) -> String? {
        guard let keyRange = json.firstRange(of: "\"\(key)\"") else { return nil }
        var rest = json[keyRange.upperBound...].drop { $0 == " " || $0 == ":" }
        guard rest.first == "\"" else { return nil }
        rest = rest.dropFirst()
        var value = ""
        var escaping = false
        for character in rest {
            if escaping { value.append(character); escaping = false; continue }
            if character == "\\" { escaping = true; continue }
            if character == "\"" { return value }
            value.append(character)
        }
        return nil
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced (no Foundation needed).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }

    var nilIfEmpty: String? { isEmpty ? nil : self }
}
