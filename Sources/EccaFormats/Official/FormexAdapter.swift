import ClauseGraph
import EccaXML
import Foundation

/// Formex 4, the EU Official Journal's XML (FORMATS.md §3): an act (`ACT`, or `CONS.ACT` for a
/// consolidated text), its annexes (`ANNEX`), or the package manifest (`DOC`, whose `DOC.MAIN.PUB`
/// and `DOC.SUB.PUB` name the act and annex files in order).
///
/// Streams the act and captures one `ARTICLE` at a time. Quoted amendments to other acts
/// (`QUOT.S`, Arts 102-110 of the AI Act) are left out of the act's provisions: they are text of
/// another act. Superscripts read as powers (`10<HT TYPE="SUP">25</HT>` → `10^25`), as in
/// `FormexText`, whose flattening rule this adapter shares.
struct FormexAdapter: OfficialAdapter {
    let options: ImportOptions
    private let flattening = TextFlattening.formex
    private static let omitted: Set<String> = ["QUOT.S"]

    /// What the package and the act's bibliography say about the document.
    struct Metadata {
        var year: String?
        var number: String?
        var legalValue: String?
        var actDate: LegalDate?
        var publicationDate: LegalDate?
        var eli: String?
        var celex: String?
        var title: String?
        /// The path of the package manifest read, if one was.
        var manifest: String?
        /// The manifest the file names (`BIB.INSTANCE/DOCUMENT.REF/@FILE`), a name in its folder.
        var documentRef: String?
        /// The Official Journal issue (`PUBLICATION.REF`: `COLL` L, `NO.OJ` 176) and the act's first
        /// page (`DOC.MAIN.PUB/PAGE.FIRST`). Issues were numbered until October 2023; since then
        /// each act is published on its own and cited by its number ("OJ L, 2024/1689").
        var collection: String?
        var issue: String?
        var firstPage: String?
        var consolidation: String?
        /// A consolidated text's `CONSLEG.REF` and first day (`INFO.CONSLEG`).
        var consolidationRef: String?
        var consolidationStart: LegalDate?
        /// A consolidated text's header: the act consolidated and the acts that amend it.
        var header: ConsolidatedHeader?
        var annexFiles: [String] = []
        var actFile: String?
        /// A member the manifest names outside its own folder (`FormexAdapter.isMemberName`): why
        /// the package cannot be read. Such a name is in neither `actFile` nor `annexFiles`.
        var refusedMember: OfficialImportError?

        /// Every file the manifest names (a `FILE`): the act, its annexes and other publications, and
        /// the Official Journal's table of contents (`PUBLICATION.REF`), bare names only.
        var referencedFiles: [String] = []

        /// The paths of the act and annex files the manifest names, in its folder; throws when it
        /// names one outside it. Every reader of a package's members goes through here.
        func memberPaths() throws(OfficialImportError) -> (act: String?, annexes: [String]) {
            if let refusedMember { throw refusedMember }
            let folder = manifest.map(FormexAdapter.folder(of:)) ?? ""
            return (actFile.map { folder + $0 }, annexFiles.map { folder + $0 })
        }

        /// The paths of every file the manifest names, in its folder, read or not: official text
        /// an output must never replace (importer audit D3: `-o` could name the table of contents).
        func referencedPaths() -> [String] {
            let folder = manifest.map(FormexAdapter.folder(of:)) ?? ""
            return referencedFiles.map { folder + $0 }
        }

        /// The act's year and number: `NO.DOC`'s, else its CELEX number's or its consolidation's
        /// reference's (a Formex 5 header may have no `NO.DOC`); nil when the file names none.
        var actNumber: CELEXNumber? {
            if let year, let number { return CELEXNumber(year: year, number: number) }
            return celex.flatMap(CELEXNumber.init) ?? consolidationRef.flatMap(CELEXNumber.init)
        }

        var documentNumber: String? { actNumber.map { "\($0.year)/\($0.number)" } ?? celex }

        /// Fills what is still unknown from a package manifest read beside the file.
        mutating func complete(from package: Metadata) {
            manifest = manifest ?? package.manifest
            year = year ?? package.year
            number = number ?? package.number
            legalValue = legalValue ?? package.legalValue
            actDate = actDate ?? package.actDate
            publicationDate = publicationDate ?? package.publicationDate
            eli = eli ?? package.eli
            celex = celex ?? package.celex
            collection = collection ?? package.collection
            issue = issue ?? package.issue
            firstPage = firstPage ?? package.firstPage
            actFile = actFile ?? package.actFile
            if annexFiles.isEmpty { annexFiles = package.annexFiles }
        }

        /// The Official Journal as the act is cited: "OJ L 176, 30.6.2016, p. 21" for an act in a
        /// numbered issue (before October 2023), nil for one published on its own.
        var journalCitation: String? {
            guard let issue, let publicationDate else { return nil }
            let number = String(issue.drop { $0 == "0" })
            guard !number.isEmpty else { return nil }
            let date = publicationDate.components
            let day = "\(date.day).\(date.month).\(date.year)"
            return "OJ \(collection ?? "L") \(number), \(day)" + (firstPage.map { ", p. \($0)" } ?? "")
        }

        /// The language of the text (`LG.DOC`), for a consolidated version's EUR-Lex page.
        var language: String?

        /// The EUR-Lex page of the text read, whose anchors address its articles and paragraphs: for an
        /// Official Journal act the page its ELI names; for a consolidated text, the consolidated
        /// version's own page (`uri=CELEX:02024R1689-20260727`, its CELEX number), never the original
        /// act's, whose wording the consolidation may have changed.
        var sourceURL: String? {
            guard consolidation != nil else { return eli.map(FormexAdapter.eurLex).flatMap(SourceURL.make) }
            guard let consolidationRef, let consolidationStart else { return nil }
            let language = language.flatMap { $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isLetter) ? $0.uppercased() : nil } ?? "AUTO"
            let day = consolidationStart.iso.replacingOccurrences(of: "-", with: "")
            return SourceURL.make("https://eur-lex.europa.eu/legal-content/\(language)/TXT/?uri=CELEX:0\(SourceURL.component(consolidationRef))-\(day)")
        }
    }

    func read(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError) {
        switch root.name {
        case "DOC": try readPackage(stream, root: root, into: emitter)
        case "ANNEX", "CONS.ANNEX": try readAnnex(stream, root: root, metadata: nil, into: emitter)
        default:
            try readAct(stream, root: root, metadata: Self.packageManifest(for: stream.file) ?? Metadata(), alone: true, into: emitter)
        }
    }

    // MARK: - Package manifest

    private func readPackage(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError) {
        let manifest = try stream.capture(root)
        let metadata = Self.metadata(fromManifest: manifest, at: stream.file)
        let members = try metadata.memberPaths()
        guard let act = members.act else { throw .nothingToImport(file: stream.file, dialect: .formex) }
        try OfficialStream.read(act, unitLimit: stream.unitLimit) { stream, root throws(OfficialImportError) in
            try readAct(stream, root: root, metadata: metadata, alone: false, into: emitter)
        }
        for annex in members.annexes {
            try OfficialStream.read(annex, unitLimit: stream.unitLimit) { stream, root throws(OfficialImportError) in
                try readAnnex(stream, root: root, metadata: metadata, into: emitter)
            }
        }
    }

    /// Whether `name` can name a file of a package: a bare file name in the manifest's own folder,
    /// as every real manifest writes it. A package arrives as a downloaded zip; a name holding `/`,
    /// `\` or `..` would have ecca read a file outside it (SECURITY.md: no input names another
    /// file for ecca to open) and import it as the act.
    static func isMemberName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.contains("\\") && !name.contains("..")
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Where a file's package manifest may be, in its folder: the one it names (`DOCUMENT.REF`), then
    /// by the two layouts' names: since October 2023 `L_202401689EN.000101.fmx.xml` →
    /// `L_202401689EN.doc.fmx.xml`; before, `L_2016176EN.01002101.xml` → `L_2016176EN.01002101.doc.xml`.
    static func manifestCandidates(for path: String, named documentRef: String?) -> [String] {
        let folder = folder(of: path)
        let name = SourceFileName.name(of: path)
        var candidates: [String] = []
        if let documentRef, isMemberName(documentRef) { candidates.append(folder + documentRef) }
        if let dot = name.firstIndex(of: ".") { candidates.append(folder + name[..<dot] + ".doc.fmx.xml") }
        if name.hasSuffix(".xml"), !name.hasSuffix(".fmx.xml"), !name.hasSuffix(".doc.xml") { candidates.append(folder + name.dropLast(4) + ".doc.xml") }
        var seen: Set<String> = [path]
        return candidates.filter { seen.insert($0).inserted }
    }

    /// The manifest a member file names in its `BIB.INSTANCE` (`DOCUMENT.REF FILE`), read from the
    /// head of `stream` (its root read); nil when it names none before its text begins. An old
    /// package's annex (`L_2016176EN.01005001.xml`) is found by its manifest only so.
    static func documentReference(in stream: OfficialStream) -> String? {
        while let event = try? stream.next() {
            guard case .start(let start) = event else { continue }
            if start.name == "BIB.INSTANCE" { return (try? stream.capture(start))?.element("DOCUMENT.REF")?["FILE"] }
            if ["TITLE", "PREAMBLE", "ENACTING.TERMS", "CONTENTS"].contains(start.name) { return nil }
        }
        return nil
    }

    /// The package manifest beside `path` that lists it (as its act or one of its annexes), read;
    /// nil when there is none. A manifest that lists other files is another package's.
    static func packageManifest(for path: String, named documentRef: String? = nil) -> Metadata? {
        packageManifestLookup(for: path, named: documentRef).listing
    }

    /// A package manifest beside `path` that is there but cannot be read, with why; nil when there
    /// is none, or one that lists the file is read. Read without it, a file loses the act's kind,
    /// ELI, CELEX and publication, and its id changes (`eu.act-2024-1689` for `eu.reg-2024-1689`):
    /// that is said, never passed over (import audit D5: a manifest cut short was skipped in silence).
    static func unreadableManifest(for path: String, named documentRef: String? = nil) -> (file: String, error: OfficialImportError)? {
        let lookup = packageManifestLookup(for: path, named: documentRef)
        return lookup.listing == nil ? lookup.unreadable : nil
    }

    /// The candidates beside `path` read once: the manifest that lists it, and the first that
    /// cannot be read, with why.
    private static func packageManifestLookup(for path: String, named documentRef: String?)
        -> (listing: Metadata?, unreadable: (file: String, error: OfficialImportError)?) {
        let name = SourceFileName.name(of: path)
        var unreadable: (file: String, error: OfficialImportError)?
        for candidate in manifestCandidates(for: path, named: documentRef) where FileManager.default.fileExists(atPath: candidate) {
            let read: Metadata
            do { read = try readManifest(candidate) } catch {
                unreadable = unreadable ?? (candidate, error)
                continue
            }
            if read.manifest != nil, read.actFile == name || read.annexFiles.contains(name) { return (read, nil) }
        }
        return (nil, unreadable)
    }

    /// What importing a file without its package manifest loses.
    static let importedWithoutManifest = "the act's kind, ELI, CELEX and publication are not known and its id is minted without them"

    /// What a file read without the unreadable manifest beside it says (`unreadableManifest`);
    /// `readWithout`: what reading it so loses.
    static func unreadableManifestMessage(_ manifest: (file: String, error: OfficialImportError), readWithout: String = importedWithoutManifest) -> String {
        "the package manifest beside this file, \(SourceFileName.name(of: manifest.file)), cannot be read (\(manifest.error)): the file is read "
            + "without it, so \(readWithout); mend the manifest to read the package"
    }

    static func readManifest(_ path: String) throws(OfficialImportError) -> Metadata {
        try OfficialStream.read(path) { stream, root throws(OfficialImportError) in
            guard root.name == "DOC" else { return Metadata() }
            return metadata(fromManifest: try stream.capture(root), at: path)
        }
    }

    static func metadata(fromManifest manifest: OfficialElement, at manifestPath: String) -> Metadata {
        var metadata = Metadata()
        metadata.manifest = manifestPath
        if let bib = manifest.element("BIB.DOC") {
            if let number = bib.element("NO.DOC") {
                metadata.year = number.element("YEAR")?.plainText
                metadata.number = number.element("NO.CURRENT")?.plainText
            }
            metadata.eli = bib.element("NO.ELI")?["ID"]
            metadata.celex = bib.first(where: { $0.name == "NO.CELEX" })?.plainText
        }
        if let publication = manifest.element("PUBLICATION.REF") {
            metadata.publicationDate = publication.element("DATE")?["ISO"].flatMap(Self.date)
            metadata.collection = publication.element("COLL")?.plainText
            metadata.issue = publication.element("NO.OJ")?.plainText
        }
        /// A member's name, or nil (with the refusal kept) when it names a file outside the folder.
        func member(_ holder: OfficialElement, _ path: String) -> String? {
            guard let reference = holder.element("REF.PHYS"), let name = reference["FILE"] else { return nil }
            guard isMemberName(name) else {
                if metadata.refusedMember == nil {
                    metadata.refusedMember = .manifestMemberOutside(name: name, element: path + "/REF.PHYS",
                                                                    location: SourceLocation(file: manifestPath, line: reference.span.firstLine))
                }
                return nil
            }
            return name
        }
        for named in manifest.all(where: { $0["FILE"] != nil }).compactMap({ $0["FILE"] }) where isMemberName(named) && !metadata.referencedFiles.contains(named) {
            metadata.referencedFiles.append(named)
        }
        if let fmx = manifest.element("FMX") {
            if let main = fmx.element("DOC.MAIN.PUB") {
                metadata.actFile = member(main, "FMX/DOC.MAIN.PUB")
                metadata.legalValue = main.element("LEGAL.VALUE")?.plainText
                metadata.actDate = main.element("DATE")?["ISO"].flatMap(Self.date)
                metadata.firstPage = main.element("PAGE.FIRST")?.plainText
            }
            for (index, sub) in fmx.elements("DOC.SUB.PUB").enumerated() where (sub["TYPE"] ?? "ANNEX") == "ANNEX" {
                if let file = member(sub, "FMX/DOC.SUB.PUB[\(index + 1)]") { metadata.annexFiles.append(file) }
            }
        }
        return metadata
    }

    // MARK: - Act

    /// `alone`: the act file was given by itself, not through its manifest.
    private func readAct(_ stream: OfficialStream, root: XMLElementStart, metadata initial: Metadata, alone: Bool,
                         into emitter: ImportEmitter) throws(OfficialImportError) {
        var metadata = initial
        var stack: [String] = [root.name]
        var begun = false
        var articles = 0
        /// Articles read so far by identifier: one printed twice is pointed to as the second.
        var identifiers: [String: Int] = [:]
        let consolidated = root.name == "CONS.ACT"
        var sequence = ArticleSequence()
        var ranges = ConsolidationRanges()
        /// The preamble's citations (`VISA`) and recitals (`CONSID`), which are not imported.
        var preamble: (citations: Int, recitals: Int) = (0, 0)
        func begin() throws(OfficialImportError) {
            guard !begun else { return }
            begun = true
            var instrument = instrument(metadata, file: stream.file, variant: consolidated ? "formex-consolidated" : "formex-act", emitter: emitter)
            // Whoever opens the rules file later learns that annexes exist, and which files hold them.
            if alone, let manifest = metadata.manifest, !metadata.annexFiles.isEmpty {
                instrument.notes.append(Note(kind: .editorial, text: "The act was read from its own file, not through its package manifest \(SourceFileName.name(of: manifest)), "
                    + "which lists \(ProvisionLevel.annex.noun(metadata.annexFiles.count)) of it (\(metadata.annexFiles.joined(separator: ", "))): "
                    + "only those given as files with the act are imported with it."))
            }
            if let note = Self.preambleNote(citations: preamble.citations, recitals: preamble.recitals) { instrument.notes.append(note) }
            try emitter.begin(instrument)
            if preamble.recitals > 0 { emitter.count(.recitalsNotImported, by: preamble.recitals) }
            if preamble.citations > 0 { emitter.count(.preambleCitationsNotImported, by: preamble.citations) }
        }
        /// An article or annex read whole, with the consolidation ranges around and inside it; nil
        /// when a deleted range holds all of it (reported, not imported: it is no longer law).
        func annotated(_ element: OfficialElement, line: Int) -> OfficialElement? {
            guard ranges.concerns(element) else { return element }
            let deletedBy = ranges.deleting
            guard let annotated = ranges.annotate(element) else {
                if let deletedBy, let marker = ranges.marker(deletedBy) {
                    emitter.report(Diagnostic(.note, "\(ConsolidationRanges.describe(element)) lies in a range deleted by \(marker.source) (consolidation marker \(marker.id)); it is no longer in force and is not imported",
                                              at: SourceLocation(file: stream.file, line: line)))
                }
                return nil
            }
            return annotated
        }
        while let event = try stream.next() {
            switch event {
            case .start(let start):
                switch start.name {
                case "BIB.INSTANCE" where !begun:
                    // A consolidated text's BIB.INSTANCE dates the consolidated version, not the act (FAM.COMP does).
                    read(bibliography: try stream.capture(start), into: &metadata, actDate: !consolidated)
                    // The manifest the act names, when no manifest was read by its name (`DOCUMENT.REF`).
                    if alone, metadata.manifest == nil, let package = Self.packageManifest(for: stream.file, named: metadata.documentRef) {
                        metadata.complete(from: package)
                    }
                case "INFO.CONSLEG":
                    metadata.consolidation = [start["CONSLEG.REF"], start["START.DATE"]].compactMap { $0 }.joined(separator: " from ")
                    metadata.legalValue = metadata.legalValue ?? start["LEG.VAL"]
                    metadata.consolidationRef = start["CONSLEG.REF"]
                    metadata.consolidationStart = start["START.DATE"].flatMap(Self.date)
                    try stream.skip(start)
                case "FAM.COMP" where !begun && consolidated:
                    let header = ConsolidatedHeader(try stream.capture(start))
                    metadata.header = header
                    metadata.year = metadata.year ?? header.act.year
                    metadata.number = metadata.number ?? header.act.number
                    metadata.celex = metadata.celex ?? header.act.celex
                    metadata.actDate = header.act.date ?? metadata.actDate
                    metadata.legalValue = metadata.legalValue ?? header.act.legalValue
                case "NO.CELEX" where !begun && metadata.celex == nil:
                    metadata.celex = try stream.capture(start).plainText
                case "TITLE" where !begun && ["ACT", "CONS.ACT", "CONS.DOC"].contains(stack.last ?? ""):
                    let title = try stream.capture(start)
                    if metadata.title == nil { metadata.title = flattening.flatten(title.element("TI") ?? title) }
                case "PREAMBLE" where !begun:
                    // Not provisions, but not left out unsaid: counted, and named in the instrument's note.
                    let element = try stream.capture(start)
                    preamble.citations += element.all(where: { $0.name == "VISA" }, barriers: ["QUOT.S"]).count
                    preamble.recitals += element.all(where: { $0.name == "CONSID" }, barriers: ["QUOT.S"]).count
                case "PREAMBLE", "FINAL", "GR.MOD.ACT", "GR.NOTES":
                    try stream.skip(start)
                case "ARTICLE":
                    try begin()
                    let article = try stream.capture(start)
                    guard let article = annotated(article, line: start.location.line) else { continue }
                    if !consolidated, let identifier = Self.identifier(of: article),
                       let backwards = sequence.next(identifier: identifier, at: SourceLocation(file: stream.file, line: start.location.line)) {
                        emitter.report(backwards)
                    }
                    let occurrence = Self.identifier(of: article).map { identifier in
                        identifiers[identifier, default: 0] += 1
                        return identifiers[identifier] ?? 1
                    } ?? 1
                    try emitArticle(article, occurrence: occurrence, metadata: metadata, ranges: ranges, into: emitter)
                    articles += 1
                case "CONS.ANNEX":
                    // The annexes of a consolidated act follow its articles in the same file.
                    try begin()
                    let annex = try stream.capture(start)
                    guard let annex = annotated(annex, line: start.location.line), let contents = annex.element("CONTENTS") else { continue }
                    let title = FormexText.AnnexTitle(annex.element("TITLE")).locator
                    try emitAnnex(title: annex.element("TITLE"), contents: contents, root: annex, pointer: "CONS.ANNEX[TITLE/TI/P='\(title)']/CONTENTS",
                                  metadata: metadata, ranges: ranges, into: emitter)
                case "QUOT.S":
                    try stream.skip(start)
                default:
                    if !start.isEmpty { stack.append(start.name) }
                }
            case .end:
                stack.removeLast()
            case .processingInstruction(let target, let data, let location):
                ranges.instruction(target: target, data: data, line: location.line)
            default:
                break
            }
        }
        guard articles > 0 else { throw .nothingToImport(file: stream.file, dialect: .formex) }
        report(ranges, file: stream.file, into: emitter)
        if alone, metadata.manifest == nil, let broken = Self.unreadableManifest(for: stream.file, named: metadata.documentRef) {
            emitter.report(Diagnostic(.warning, Self.unreadableManifestMessage(broken), at: SourceLocation(file: stream.file, line: root.location.line)))
        }
        // Given alone, the act does not bring its annexes (docs/importers.md): say so, where its
        // manifest lists any that are not given with it.
        let missing = alone ? ((try? metadata.memberPaths().annexes) ?? []).filter { FileIdentity(path: $0).map { !emitter.givenFiles.contains($0) } ?? true } : []
        if let manifest = metadata.manifest, !missing.isEmpty {
            let count = missing.count
            let names = missing.map(SourceFileName.name(of:))
            emitter.report(Diagnostic(.note, "the package manifest \(SourceFileName.name(of: manifest)) lists \(ProvisionLevel.annex.noun(count)) of this act\(count < metadata.annexFiles.count ? (count == 1 ? " that is not given" : " that are not given") : "")\(count <= 3 ? " (\(names.joined(separator: ", ")))" : ""), not imported with the act alone; import the manifest, or give the annex files after the act, to include \(count == 1 ? "it" : "them")",
                                      at: SourceLocation(file: stream.file, line: root.location.line)))
        }
    }

    /// What the instrument's note says of the preamble and the final formula, which are not
    /// imported: recitals are not binding, but they are cited ("Recital 12") and read with the
    /// articles, so whoever reads the rules file learns that they exist and where to read them.
    static func preambleNote(citations: Int, recitals: Int) -> Note? {
        guard citations + recitals > 0 else { return nil }
        let parts = [citations > 0 ? "\(CountedNoun("citation")(citations)) (VISA, “Having regard to …”)" : nil,
                     recitals > 0 ? "\(CountedNoun("recital")(recitals)) (CONSID)" : nil].compactMap { $0 }
        return Note(kind: .editorial, text: "Not imported: the preamble, its \(parts.joined(separator: " and ")), and the final formula (“Done at …”, the signatures). They are not provisions; recitals are not binding, but they are cited (“Recital 12”) and used to read the articles: read them in the Official Journal.")
    }

    /// Counts the consolidation ranges, and warns of markers that do not pair: a range never closed
    /// would note every provision after it, one closed twice says the file is not what ecca expects.
    private func report(_ ranges: ConsolidationRanges, file: String, into emitter: ImportEmitter) {
        let markers = ranges.markersRead
        guard !markers.isEmpty || !ranges.unpaired.isEmpty else { return }
        let deleted = markers.filter { $0.action == .deleted }.count
        if markers.count > deleted { emitter.count(.consolidationRanges, by: markers.count - deleted) }
        if deleted > 0 { emitter.count(.deletedRanges, by: deleted) }
        for id in ranges.open {
            emitter.report(Diagnostic(.warning, "consolidation marker \(id) is never closed (no CLG.MDFC with IDREF=\"\(id)\"): the provisions after it are noted as changed by it; check the file",
                                      at: SourceLocation(file: file, line: ranges.openedOn[id] ?? 1)))
        }
        for (id, line) in ranges.unpaired {
            emitter.report(Diagnostic(.warning, "consolidation marker \(id) closes no open range; it is ignored", at: SourceLocation(file: file, line: line)))
        }
    }

    private func read(bibliography bib: OfficialElement, into metadata: inout Metadata, actDate: Bool = true) {
        if let number = FormexText.numberElement(inBibliography: bib) {
            metadata.year = metadata.year ?? number.element("YEAR")?.plainText
            metadata.number = metadata.number ?? number.element("NO.CURRENT")?.plainText
        }
        if actDate, metadata.actDate == nil, let iso = bib.element("DATE")?["ISO"] { metadata.actDate = Self.date(iso) }
        if metadata.language == nil { metadata.language = bib.element("LG.DOC")?.plainText }
        if metadata.documentRef == nil { metadata.documentRef = bib.element("DOCUMENT.REF")?["FILE"] }
    }

    private func instrument(_ metadata: Metadata, file: String, variant: String, emitter: ImportEmitter) -> ImportedInstrument {
        let kind: (word: String, id: String, type: Instrument.Kind) = switch metadata.legalValue ?? "" {
        case "REG", "REG_IMPL", "REG_DEL": ("Regulation", "reg", .regulation)
        case "DIR", "DIR_IMPL", "DIR_DEL": ("Directive", "dir", .other)
        case "DEC", "DEC_IMPL", "DEC_DEL": ("Decision", "dec", .other)
        // The kind is the manifest's (`LEGAL.VALUE`, or a consolidated text's `LEG.VAL`); a file read
        // without it (a lone annex) does not say, and the kind is not guessed.
        default: ("Act", "act", .other)
        }
        // With no number, the file's name: an id that changes when the file is renamed, which is said.
        let stemID = "eu.\(kind.id)-\(CanonicalIDs.idSegment(SourceFileName.stem(of: file)))"
        let id = options.instrumentID ?? metadata.actNumber.map { "eu.\(kind.id)-\($0.year)-\($0.number)" } ?? stemID
        if options.instrumentID == nil, metadata.actNumber == nil {
            emitter.report(Diagnostic(.warning, "the file names no act number (no NO.DOC, NO.CELEX or CONSLEG.REF): the instrument id is minted from the file's name, \(stemID), and changes if the file is renamed (give --instrument-id to fix it)",
                                       at: SourceLocation(file: file, line: 1)))
        }
        var officialIDs: [Instrument.OfficialID] = []
        if let eli = metadata.eli { officialIDs.append(.init(scheme: "eli", value: eli)) }
        if let celex = metadata.celex { officialIDs.append(.init(scheme: "celex", value: celex)) }
        else if let year = metadata.year, let number = metadata.number, metadata.legalValue == "REG" || metadata.legalValue == "DIR" {
            let letter = metadata.legalValue == "REG" ? "R" : "L"
            officialIDs.append(.init(scheme: "celex", value: "3\(year)\(letter)\(String(repeating: "0", count: max(0, 4 - number.count)))\(number)"))
        }
        var label: String?
        var versionDate: LegalDate?
        if let consolidation = metadata.consolidation {
            label = "Consolidated text \(consolidation)"
            // The version is the consolidation's: the text as it reads from its first day.
            versionDate = metadata.consolidationStart
        } else if let published = metadata.publicationDate {
            label = metadata.journalCitation ?? "Official Journal L, \(metadata.documentNumber ?? ""), published \(published.iso)"
            versionDate = published
        }
        var notes: [Note]
        if metadata.consolidation != nil {
            notes = [Note(kind: .editorial, text: Self.consolidatedNote(file: file, metadata: metadata))]
        } else {
            notes = [Note(kind: .editorial, text: "Imported by ecca from the Formex 4 file \(SourceFileName.name(of: file)): wording verbatim from the Official Journal XML (footnotes dropped, superscripts as ^, subscripts as _, whitespace collapsed); ids minted by ecca from the numbering. Reuse: Commission Decision 2011/833/EU.")]
        }
        if let date = metadata.actDate { notes.append(Note(kind: .editorial, text: "Date of the act: \(date.iso).")) }
        var title = metadata.title ?? "\(kind.word) \(metadata.documentNumber ?? "")"
        // An annex read without its act is not the act: its title says so (`readAnnex` notes what it holds).
        if metadata.title == nil, variant == "formex-annex" {
            title += metadata.legalValue == nil ? " (an annex read without its act: the kind of act is not known)" : " (an annex read without its act)"
        }
        if metadata.legalValue == nil {
            // Nothing read names the kind of act: the title and a note say what is known, and no more.
            notes.append(Note(kind: .editorial, text: "The files read do not say which kind of act this is (the package manifest, whose LEGAL.VALUE gives it, was not read); its kind is given as “other”."))
        }
        // Without a CELEX number or ELI (both name the kind of act), the act's number is its identity.
        if officialIDs.isEmpty, let number = metadata.actNumber {
            let known = FormexActNumberID(number).officialID
            officialIDs.append(known)
            notes.append(Note(kind: .editorial, text: "No CELEX number or ELI: the files read give neither (a package manifest does, with the kind of act both name). The official id “\(known.value)” is the act's number as its Formex bibliography gives it, by which `ecca cite-check` finds the act's texts for this instrument."))
        }
        return ImportedInstrument(
            id: id, dialect: .formex, variant: variant,
            title: title,
            jurisdiction: "EU", kind: kind.type, officialIDs: officialIDs, versionLabel: label, versionDate: versionDate,
            sourceURL: metadata.sourceURL, attribution: "EUR-Lex / Publications Office of the European Union",
            notes: notes, file: file, documentNumber: metadata.documentNumber)
    }

    /// A consolidated text is documentation, not law: its note says so and names the Official
    /// Journal acts that are authentic (the act and each act in `GR.MOD.ACT`).
    static func consolidatedNote(file: String, metadata: Metadata) -> String {
        let version = [metadata.consolidationRef.map { "CONSLEG \($0)" }, metadata.consolidationStart.map { "version from \($0.iso)" }].compactMap { $0 }
        var text = "Imported by ecca from the Formex 4 file \(SourceFileName.name(of: file)): a consolidated text" + (version.isEmpty ? "" : " (\(version.joined(separator: ", ")))")
            + ", which is documentation only and has no legal effect; the authentic texts are the acts published in the Official Journal"
        if let header = metadata.header {
            let amending = header.amendingActs.map(\.name)
            text += ": \(header.act.name)" + (amending.isEmpty ? "" : ", as amended by \(ProseList.joined(amending))")
        } else if let documentNumber = metadata.documentNumber {
            text += ": act \(documentNumber) and the acts amending it"
        }
        text += ". Wording verbatim from the consolidated XML (footnotes dropped, superscripts as ^, subscripts as _, whitespace collapsed, text marked deleted left out); each change the consolidation marks is an amendment note on the provisions it covers; ids minted by ecca from the numbering. Reuse: Commission Decision 2011/833/EU."
        return text
    }

    /// `http://data.europa.eu/eli/reg/2024/1689/oj` → the EUR-Lex page whose anchors (`#art_53`,
    /// `#053.001`) FORMATS.md §3.5 records.
    static func eurLex(_ eli: String) -> String {
        guard let range = eli.firstRange(of: "/eli/") else { return eli }
        return "https://eur-lex.europa.eu" + eli[range.lowerBound...]
    }

    static func date(_ iso: String) -> LegalDate? {
        guard iso.count == 8, let year = Int(iso.prefix(4)), let month = Int(iso.dropFirst(4).prefix(2)),
              let day = Int(iso.suffix(2)) else { return nil }
        return LegalDate(year: year, month: month, day: day)
    }

    // MARK: - Articles

    /// The numbering context a provision's children are minted in.
    private struct Context {
        var canonical: String
        var idPath: [String]
        /// Formex locator pieces (`FormexText`): the article or paragraph, the point labels, the `~K` suffix.
        var locatorBase: String
        var locatorPoints: String = ""
        var locatorTilde: String = ""
        /// Citation pieces: `Art. 53(1)`, the subparagraph phrase, the point path.
        var citationBase: String
        var subparagraph: String?
        var pointPath: String = ""
        var anchor: String?
        var addressable = true
        /// Below an annex, its locator and citation (`ANNEX XI`, `Annex XI`): a group's or point's
        /// locator is then the annex's followed by the citation's path (`FormexAnnexLocator`), since
        /// Formex numbers neither with an identifier.
        var annex: (locator: String, citation: String)?

        var locator: String? {
            guard addressable else { return nil }
            if let annex { return FormexAnnexLocator(annex: annex.locator, annexCitation: annex.citation, citation: citation).description }
            return locatorBase + locatorPoints + locatorTilde
        }

        var citation: String {
            var text = citationBase
            if let subparagraph { text += ", \(subparagraph)" }
            return PointCitation.cite(pointPath, after: text, short: subparagraph == nil && citationBase.hasPrefix("Art."))
        }
    }

    /// The provisions of one article or annex, held until the consolidation ranges each one owns
    /// are known (`ConsolidationRanges.notes`), then added in document order.
    private final class Unit {
        let emitter: ImportEmitter
        private var provisions: [ImportedProvision] = []
        private var owners: [Int?] = []
        /// Set when the walk runs for `cite-check` (`annexParts`): what each locator names is kept,
        /// and nothing is imported.
        private let locating: Bool
        private(set) var located: [(locator: String, node: OfficialElement, skip: Set<String>)] = []

        init(_ emitter: ImportEmitter, locating: Bool = false) {
            self.emitter = emitter
            self.locating = locating
        }

        /// `skip`: what of `element` is not the provision's wording (a group's `TITLE`), for `located`.
        func add(_ provision: ImportedProvision, from element: OfficialElement, skipping skip: Set<String> = []) {
            if locating {
                if let locator = provision.sourceID { located.append((locator, element, skip)) }
                return
            }
            provisions.append(provision)
            owners.append(ConsolidationRanges.ordinal(of: element))
        }

        /// Adds the provisions, each with the amendment notes of the ranges over what it owns in `tree`.
        func flush(_ tree: OfficialElement, ranges: ConsolidationRanges) throws(OfficialImportError) {
            let owned = Set(owners.compactMap { $0 })
            let notes = owned.isEmpty ? [:] : ranges.notes(in: tree, owners: owned, top: owners.first ?? nil)
            for (index, var provision) in provisions.enumerated() {
                if let owner = owners[index], let extra = notes[owner] { provision.notes += extra }
                try emitter.add(provision)
            }
        }
    }

    /// An article's number as the act prints it: `4a` from `<TI.ART>Article 4a</TI.ART>`, where the
    /// identifier says `004A`; the identifier's number when the heading says something else.
    /// An element's `IDENTIFIER` (`092`, `092.001`) without the white space around it that an
    /// attribute keeps (`IDENTIFIER=" 092 "` is article 92, not "Art.  092 "); nil when it has none.
    static func identifier(of element: OfficialElement) -> String? {
        guard let value = element["IDENTIFIER"] else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func articleNumber(identifier: String, heading: String?) -> String {
        let number = CanonicalIDs.articleNumber(identifier)
        guard let heading else { return number }
        let words = heading.split(separator: " ")
        guard words.count == 2, words[0] == "Article", words[1].uppercased() == number.uppercased() else { return number }
        return String(words[1])
    }

    /// `occurrence`: 2 for the second article of the file with this identifier (a file that prints
    /// one twice), which its pointer says: a Formex act is one line long, where a line finds nothing.
    private func emitArticle(_ article: OfficialElement, occurrence: Int, metadata: Metadata, ranges: ConsolidationRanges,
                             into emitter: ImportEmitter) throws(OfficialImportError) {
        let unit = Unit(emitter)
        try emitArticle(article, occurrence: occurrence, metadata: metadata, into: unit)
        try unit.flush(article, ranges: ranges)
    }

    private func emitArticle(_ article: OfficialElement, occurrence: Int, metadata: Metadata, into unit: Unit) throws(OfficialImportError) {
        let emitter = unit.emitter
        let identifier = Self.identifier(of: article) ?? article.element("TI.ART")?.plainText.replacingOccurrences(of: "Article ", with: "") ?? "?"
        let number = Self.articleNumber(identifier: identifier, heading: article.element("TI.ART")?.plainText)
        let canonical = "art_\(CanonicalIDs.clean(number))"
        let url = metadata.sourceURL
        let articleURL = url.flatMap { SourceURL.make("\($0)#art_" + SourceURL.component(number)) }
        let quoted = article.all(where: { $0.name == "QUOT.S" }, barriers: ["QUOT.S"]).count
        if quoted > 0 { emitter.count(.quotedStructures, by: quoted) }
        let span = article.span.with(pointer: "ARTICLE[@IDENTIFIER='\(identifier)']" + (occurrence > 1 ? "[\(occurrence)]" : ""))
        // Paragraphs stand in the article or in its groups (`SUBDIV`), or quote another act (`QUOT.S`).
        let wrapped = WrappedProvisionElements("PARAG", in: article, containers: ["SUBDIV"], barriers: ["QUOT.S"])
        let wrappedNote = wrapped.isEmpty ? nil : wrapped.report(article: "Art. \(number)", sourceID: Self.identifier(of:), to: emitter)
        Self.reportMisdated(in: article, citation: "Art. \(number)", to: emitter)
        unit.add(provision(
            canonical: canonical, source: identifier, idPath: ["art\(CanonicalIDs.idSegment(number))"], level: .article,
            parent: nil, citation: "Art. \(number)", heading: article.element("STI.ART").map { flattening.flatten($0) },
            element: article, skipping: ["TI.ART", "STI.ART"], span: span, url: articleURL, notes: wrappedNote.map { [$0] } ?? []), from: article)

        let context = Context(canonical: canonical, idPath: ["art\(CanonicalIDs.idSegment(number))"], locatorBase: identifier,
                              citationBase: "Art. \(number)", anchor: articleURL)
        let paragraphs = FormexText.grouped("PARAG", in: article)
        if paragraphs.isEmpty {
            try emitSubparagraphs(of: article, context: context, word: "paragraph", span: span, into: unit)
            return
        }
        for (paragraph, groups, path) in paragraphs {
            let parag = Self.identifier(of: paragraph) ?? ""
            let numberText = CanonicalIDs.clean(paragraph.element("NO.PARAG")?.plainText ?? String(parag.split(separator: ".").last ?? ""))
            let paraCanonical = CanonicalIDs.join(canonical, "para_\(numberText)")
            let paraSpan = span.with(pointer: "\(span.pointer ?? "")/\(path)PARAG[@IDENTIFIER='\(parag)']")
            let anchor = url.flatMap { SourceURL.make("\($0)#" + SourceURL.component(parag)) }
            let misnumbered = Self.misnumbered(paragraph: parag, printed: numberText, article: number,
                                               at: SourceLocation(file: paragraph.span.file, line: paragraph.span.firstLine), to: emitter)
            unit.add(provision(
                canonical: paraCanonical, source: parag.isEmpty ? nil : parag, idPath: context.idPath + [CanonicalIDs.idSegment(numberText)],
                level: .paragraph, parent: canonical, citation: "Art. \(number)(\(numberText))", heading: Self.groupHeading(groups),
                element: paragraph, skipping: ["NO.PARAG"], span: paraSpan, url: anchor, notes: misnumbered.map { [$0] } ?? []), from: paragraph)
            let paraContext = Context(canonical: paraCanonical, idPath: context.idPath + [CanonicalIDs.idSegment(numberText)],
                                      locatorBase: parag, citationBase: "Art. \(number)(\(numberText))", anchor: anchor,
                                      addressable: !parag.isEmpty)
            try emitSubparagraphs(of: paragraph, context: paraContext, word: "subparagraph", span: paraSpan, into: unit)
        }
    }

    /// A paragraph whose `IDENTIFIER` (`092.003`) names another number than the one printed
    /// (`<NO.PARAG>4.</NO.PARAG>`): cited as printed, with a warning, a count and the note it
    /// returns. Before, nothing said so, and the paragraph that really is 4 was the one renamed
    /// (`-2`) and marked (importer QA 2026-12-07, M1). The real act's 500 paragraphs all agree.
    static func misnumbered(paragraph identifier: String, printed: String, article: String, at location: SourceLocation,
                            to emitter: ImportEmitter) -> Note? {
        guard let last = identifier.split(separator: ".").last else { return nil }
        let named = String(last.drop { $0 == "0" })
        guard !named.isEmpty, !printed.isEmpty, named.lowercased() != printed.lowercased() else { return nil }
        emitter.report(Diagnostic(.warning, "Art. \(article)(\(printed)): the paragraph whose IDENTIFIER is \(identifier) (paragraph \(named)) is printed as paragraph \(printed); ecca cites it as printed",
                                  at: location, subject: "Art. \(article)(\(printed))"))
        emitter.count(.misnumberedParagraphs)
        return Note(kind: .unresolved, text: "Its IDENTIFIER (\(identifier)) names paragraph \(named), but it is printed as paragraph \(printed), which is how ecca cites it: one of the two is wrong. Check the official text.")
    }

    /// The heading of a paragraph (or an article's unnumbered paragraph) that a `SUBDIV` groups: the
    /// group's title as printed (`A. NORMAL VALUE`, Reg. 2016/1036 Art. 2), the titles of nested
    /// groups joined outermost first. The title is the group's, shared by every paragraph it holds.
    static func groupHeading(_ groups: [String]) -> String? {
        groups.isEmpty ? nil : groups.joined(separator: " — ")
    }

    /// The `ALINEA`s of an article without paragraphs (cited as "first paragraph") or of a
    /// paragraph ("first subparagraph"). With one `ALINEA` there is no subparagraph level: its
    /// points hang on the paragraph. With several, each is a provision and ids of its points carry
    /// `subpara_K`, because points restart per subparagraph (Art. 43(1)).
    private func emitSubparagraphs(of container: OfficialElement, context: Context, word: String, span: SourceSpan,
                                   into unit: Unit) throws(OfficialImportError) {
        let alineas = FormexText.grouped("ALINEA", in: container)
        guard alineas.count > 1 else {
            // The one ALINEA holds the points: their paths go through it (`…/ALINEA/LIST/ITEM…`).
            let alineaSpan = alineas.first.map { span.with(pointer: "\(span.pointer ?? "")/\($0.path)ALINEA") } ?? span
            try emitPoints(in: alineas.first?.element ?? container, context: context, span: alineaSpan, into: unit)
            return
        }
        // How many ALINEAs of each parent (the container or a SUBDIV) came so far, counted as they
        // come (an article of thousands of paragraphs).
        var placeInParent: [String: Int] = [:]
        for (offset, (alinea, groups, path)) in alineas.enumerated() {
            let ordinal = offset + 1
            var sub = context
            sub.canonical = CanonicalIDs.join(context.canonical, "subpara_\(ordinal)")
            // An article's unnumbered paragraphs are paragraphs (Art. 113, "third paragraph"): their
            // rules ids number them as paragraphs are (`art113.3`), as the shipped encoding does; no
            // numbered paragraph can share the id, since the article has none. A paragraph's
            // subparagraphs are `sub1`, apart from its points (`art101.1.sub1.a`).
            sub.idPath = context.idPath + [word == "paragraph" ? "\(ordinal)" : "sub\(ordinal)"]
            sub.locatorTilde = "~\(ordinal)"
            sub.subparagraph = "\(CanonicalIDs.ordinal(ordinal)) \(word)"
            // Its place among the ALINEAs of its own parent.
            placeInParent[path, default: 0] += 1
            let place = placeInParent[path]!
            let subSpan = span.with(pointer: "\(span.pointer ?? "")/\(path)ALINEA[\(place)]")
            unit.add(provision(
                canonical: sub.canonical, source: sub.locator, idPath: sub.idPath, level: .subparagraph,
                parent: context.canonical, citation: sub.citation, heading: Self.groupHeading(groups), element: alinea, skipping: [],
                span: subSpan, url: context.anchor, notes: []), from: alinea)
            try emitPoints(in: alinea, context: sub, span: subSpan, into: unit)
        }
    }

    /// Points: `LIST`/`ITEM`/`NP`/`NO.P`, nested lists below an `NP` giving sub-points. `span`'s
    /// pointer names `element`; each point's extends it step by step to the point's own element
    /// (`…/ALINEA/LIST/ITEM[NP/NO.P='(45)']/NP/TXT/LIST/ITEM[NP/NO.P='(a)']`), since a Formex act is
    /// one line long and the path is all that locates a point.
    private func emitPoints(in element: OfficialElement, context: Context, span: SourceSpan,
                            into unit: Unit) throws(OfficialImportError) {
        // Points are `LIST/ITEM`s, or (annexes) bare numbered `NP`s directly in the container. A
        // list inside a bare `NP` holds that point's own points (Annex VII, 3.1(a)-(f)): it is read
        // below the `NP`, not again here.
        let isBare = { (child: OfficialElement) in element.name != "ITEM" && child.name == "NP" && child.element("NO.P") != nil }
        // Each point with its place among its siblings of its name: `NP`s among the container's
        // `NP`s, `ITEM`s among their list's.
        var groups = Self.pointLists(in: element, isBare: isBare).map { list in
            (siblings: list.list.elements("ITEM"), points: Array(list.list.elements("ITEM").enumerated()), path: list.path)
        }
        let numbered = element.elements("NP")
        let bare = Array(numbered.enumerated()).filter { isBare($0.element) }
        if !bare.isEmpty { groups.insert((siblings: numbered, points: bare, path: ""), at: 0) }
        var unlabelled = 0
        for (siblings, points, listPath) in groups {
            // How many siblings print each label, counted once (a list of thousands of points).
            var labelCounts: [String: Int] = [:]
            for label in siblings.map(pointLabel) { if let label { labelCounts[label, default: 0] += 1 } }
            for (place, item) in points {
                let label = pointLabel(item)
                var point = context
                let segment: String
                let display: String
                if let label, !label.isEmpty {
                    segment = CanonicalIDs.clean(label)
                    let parenthesised = label.hasPrefix("(") && label.hasSuffix(")")
                    // Cited as printed, without the closing period: `3.1.` is point 3.1.
                    display = parenthesised ? "(\(segment))" : TextNormalizer.trim(label, also: ".")
                    // An annex point is located by its citation, whatever its label's shape (`1.`, `3.1.`).
                    if parenthesised { point.locatorPoints += label } else if point.annex == nil { point.addressable = false }
                } else {
                    unlabelled += 1
                    segment = "indent_\(unlabelled)"
                    display = PointCitation.indent(unlabelled)
                    // An annex indent is located by its citation, by its place as EU texts cite it
                    // (`ANNEX II, first indent`); an article's locator grammar has no step for one.
                    if point.annex == nil { point.addressable = false }
                }
                let canonicalSegment = segment.hasPrefix("indent_") ? segment : "point_\(segment)"
                point.canonical = CanonicalIDs.join(context.canonical, canonicalSegment)
                point.idPath = context.idPath + [CanonicalIDs.idSegment(segment)]
                point.pointPath = Self.pointPath(parent: context.pointPath, display: display)
                // By its number where its list numbers it once, else by its place (an indent).
                let predicate = item.name == "NP" ? "NO.P" : "NP/NO.P"
                let step = if let label, !label.isEmpty, labelCounts[label] == 1 {
                    "\(item.name)[\(predicate)='\(label)']"
                } else {
                    "\(item.name)[\(place + 1)]"
                }
                let pointSpan = span.with(pointer: "\(span.pointer ?? "")/\(listPath)\(step)")
                unit.add(provision(
                    canonical: point.canonical, source: point.locator, idPath: point.idPath, level: .point,
                    parent: context.canonical, citation: point.citation, heading: nil, element: item, skipping: [],
                    span: pointSpan, url: context.anchor, notes: []), from: item)
                try emitPoints(in: item, context: point, span: pointSpan, into: unit)
            }
        }
    }

    /// A point's number as printed (`(a)`, `3.1.`), nil for an indent.
    private func pointLabel(_ item: OfficialElement) -> String? {
        (item.name == "NP" ? item : item.element("NP"))?.element("NO.P").map { flattening.flatten($0) }
    }

    /// The `LIST`s below `element` whose items are its points, each with its path from `element`
    /// ending in `/` (`ALINEA/LIST/`, `P[2]/LIST/`: a position where the parent has more than one
    /// child of that name). Not those in a bare numbered `NP` (that point's own), in an `ITEM`, a
    /// quotation or an annex group.
    static func pointLists(in element: OfficialElement, isBare: (OfficialElement) -> Bool) -> [(list: OfficialElement, path: String)] {
        let barriers: Set<String> = ["LIST", "ITEM", "QUOT.S", "GR.SEQ"]
        var found: [(list: OfficialElement, path: String)] = []
        func walk(_ node: OfficialElement, _ path: String, top: Bool) {
            let children = node.elements()
            // How many children have each name, counted once (a table of thousands of rows).
            var named: [String: Int] = [:]
            for child in children { named[child.name, default: 0] += 1 }
            var seen: [String: Int] = [:]
            for child in children {
                seen[child.name, default: 0] += 1
                let step = named[child.name]! > 1 ? "\(child.name)[\(seen[child.name]!)]" : child.name
                if child.name == "LIST" {
                    found.append((child, path + step + "/"))
                } else if !(top && isBare(child)), !barriers.contains(child.name) {
                    walk(child, path + step + "/", top: false)
                }
            }
        }
        walk(element, "", top: true)
        return found
    }

    private func provision(canonical: String, source: String?, idPath: [String], level: ProvisionLevel, parent: String?,
                           citation: String, heading: String?, element: OfficialElement, skipping: Set<String>,
                           span: SourceSpan, url: String?, notes: [Note]) -> ImportedProvision {
        var notes = notes
        let quoted = element.all(where: { $0.name == "QUOT.S" }, barriers: ["QUOT.S"]).count
        if quoted > 0 {
            notes.append(QuotedTextNote.note(quoted, of: CountedNoun("QUOT.S element")))
        }
        return ImportedProvision(
            canonicalID: canonical, sourceID: source, idPath: idPath, level: level, parentID: parent, citation: citation,
            heading: heading, wording: flattening.flatten(element, skipping: skipping, omitting: Self.omitted),
            span: span, dates: Self.dates(in: element), evidence: .verified, wordingKind: .verbatim, sourceURL: url,
            notes: notes + Self.misdated(in: element))
    }

    /// An unresolved note for each date in the wording whose `DATE ISO` disagrees with the date
    /// printed beside it, which the reader sees: never recorded in silence (import audit, doubt 1).
    static func misdated(in element: OfficialElement) -> [Note] {
        misdatedDates(in: element).map { date, marked, printed in
            Note(kind: .unresolved, text: "A date in this text is marked \(marked.iso) (DATE ISO) but printed as \(printed.iso) (“\(date.plainText)”): the two disagree. Check the official text.")
        }
    }

    /// The dates of `element`'s wording whose `DATE ISO` and printed date disagree.
    private static func misdatedDates(in element: OfficialElement) -> [(date: OfficialElement, marked: LegalDate, printed: LegalDate)] {
        element.all(where: { $0.name == "DATE" }, barriers: ["QUOT.S", "NOTE"]).compactMap { date in
            guard let marked = date["ISO"].flatMap(Self.date), let printed = printedDate(date.plainText), printed != marked else { return nil }
            return (date, marked, printed)
        }
    }

    /// A warning and a count for each such date of an article or annex, once (each provision that
    /// holds it has the note): a date of the act that disagrees with itself was only in notes, seen
    /// by whoever read the output (importer QA 2026-12-07, M2).
    static func reportMisdated(in unit: OfficialElement, citation: String, to emitter: ImportEmitter) {
        let found = misdatedDates(in: unit)
        for (date, marked, printed) in found {
            emitter.report(Diagnostic(.warning, "\(citation): a date is marked \(marked.iso) (DATE ISO) but printed as \(printed.iso) (“\(date.plainText)”); the provisions that hold it are marked unresolved",
                                      at: SourceLocation(file: date.span.file, line: date.span.firstLine), subject: citation))
        }
        if !found.isEmpty { emitter.count(.misdatedDates, by: found.count) }
    }

    /// A date as the English Official Journal prints it ("2 August 2025"); nil for any other
    /// wording, or language, which is then not compared with its `DATE ISO`.
    static func printedDate(_ text: String) -> LegalDate? {
        // The Official Journal sets a date's words apart with no-break spaces.
        let words = text.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: .punctuationCharacters) }
        guard words.count == 3, let day = Int(words[0]), let month = USDates.month(named: words[1]), let year = Int(words[2]) else { return nil }
        return LegalDate(year: year, month: month, day: day)
    }

    /// `DATE ISO=` values in the wording, outside quotations and footnotes.
    static func dates(in element: OfficialElement) -> [ImportedDate] {
        element.all(where: { $0.name == "DATE" }, barriers: ["QUOT.S", "NOTE"]).compactMap { date in
            date["ISO"].flatMap(Self.date).map { ImportedDate(date: $0, role: "stated in the text: \(date.plainText)") }
        }
    }

    // MARK: - Annexes

    private func readAnnex(_ stream: OfficialStream, root: XMLElementStart, metadata initial: Metadata?,
                           into emitter: ImportEmitter) throws(OfficialImportError) {
        var metadata = initial ?? Metadata()
        var title: OfficialElement?
        var found = false
        var ranges = ConsolidationRanges()
        while let event = try stream.next() {
            if case .processingInstruction(let target, let data, let location) = event { ranges.instruction(target: target, data: data, line: location.line) }
            guard case .start(let start) = event else { continue }
            switch start.name {
            case "BIB.INSTANCE":
                read(bibliography: try stream.capture(start), into: &metadata)
            case "TITLE" where title == nil:
                title = try stream.capture(start)
            case "CONTENTS":
                let contents = try stream.capture(start)
                if emitter.current == nil || (emitter.current?.documentNumber != metadata.documentNumber && metadata.documentNumber != nil) {
                    if initial == nil, let package = Self.packageManifest(for: stream.file, named: metadata.documentRef) {
                        metadata.complete(from: package)
                    }
                    var instrument = instrument(metadata, file: stream.file, variant: "formex-annex", emitter: emitter)
                    if initial == nil {
                        instrument.notes.append(Self.annexesOnlyNote(title: title, file: stream.file, metadata: metadata, filesGiven: emitter.givenFiles.count))
                        if instrument.officialIDs.isEmpty {
                            emitter.report(Diagnostic(.warning, Self.unnumberedAnnexWarning, at: SourceLocation(file: stream.file, line: root.location.line)))
                        }
                    }
                    try emitter.begin(instrument)
                }
                // A consolidated annex file's deleted ranges are left out as in an act (`readAct`).
                let annotated = ranges.concerns(contents) ? ranges.annotate(contents) ?? OfficialElement(name: "CONTENTS", span: contents.span) : contents
                try emitAnnex(title: title, contents: annotated, root: annotated, pointer: "ANNEX/CONTENTS", metadata: metadata,
                              ranges: ranges, into: emitter)
                found = true
            default:
                break
            }
        }
        guard found else { throw .nothingToImport(file: stream.file, dialect: .formex) }
        if initial == nil, metadata.manifest == nil, let broken = Self.unreadableManifest(for: stream.file, named: metadata.documentRef) {
            emitter.report(Diagnostic(.warning, Self.unreadableManifestMessage(broken), at: SourceLocation(file: stream.file, line: root.location.line)))
        }
    }

    /// What an instrument begun by an annex file read without its act holds, so that nobody takes it
    /// for the act: that annex (and, when several files are given, the annex files of the act given
    /// after it, which join it), not the act's articles, nor its other annexes.
    static func annexesOnlyNote(title: OfficialElement?, file: String, metadata: Metadata, filesGiven: Int) -> Note {
        let number = FormexText.AnnexTitle(title).number
        let annex = number.isEmpty ? "the act's Annex" : "Annex \(number)"
        let read = filesGiven > 1
            ? "only annexes read from their own files without the act: \(annex) (\(SourceFileName.name(of: file))) and the annex files of the same act given after it in this import. The act's articles and any annex not given are not in it"
            : "only \(annex), read from its own file \(SourceFileName.name(of: file)) without the act. The act's articles and its other annexes are not in it"
        let manifest = metadata.manifest.map(SourceFileName.name(of:)) ?? metadata.documentRef.flatMap { isMemberName($0) ? $0 : nil }
        return Note(kind: .editorial, text: "Not the whole act: this instrument holds \(read); import "
            + (manifest.map { "its package manifest, \($0)," } ?? "its package manifest (the .doc file)") + " for the whole act.")
    }

    /// An annex read without its act whose bibliography numbers no act: nothing gives its instrument
    /// the act's identity, so `cite-check` cannot match it to the act's texts.
    static let unnumberedAnnexWarning = "the annex's bibliography numbers no act (no NO.DOC) and no package manifest beside it lists it: its instrument has no CELEX number, ELI or act number, so `ecca cite-check` cannot match it to its act's texts (only to annex files that number no act either); import the annex with its act, or through its package manifest"

    /// An annex: `contents` is read, `root` (the `CONTENTS` or the consolidated `CONS.ANNEX` holding
    /// it) is where its consolidation ranges are looked for, `pointer` the source span's path.
    private func emitAnnex(title: OfficialElement?, contents: OfficialElement, root: OfficialElement, pointer: String, metadata: Metadata,
                           ranges: ConsolidationRanges, into emitter: ImportEmitter) throws(OfficialImportError) {
        let unit = Unit(emitter)
        try emitAnnex(title: title, contents: contents, pointer: pointer, metadata: metadata, into: unit)
        let number = FormexText.AnnexTitle(title).number
        Self.reportMisdated(in: contents, citation: number.isEmpty ? "Annex" : "Annex \(number)", to: emitter)
        try unit.flush(root, ranges: ranges)
    }

    private func emitAnnex(title: OfficialElement?, contents: OfficialElement, pointer: String, metadata: Metadata,
                           into unit: Unit) throws(OfficialImportError) {
        let annexTitle = FormexText.AnnexTitle(title)
        let number = annexTitle.number
        let canonical = number.isEmpty ? "anx" : "anx_\(CanonicalIDs.clean(number))"
        let idPath = [number.isEmpty ? "anx" : "anx-\(CanonicalIDs.idSegment(number))"]
        let url = metadata.sourceURL
        let span = contents.span.with(pointer: pointer)
        let citation = number.isEmpty ? "Annex" : "Annex \(number)"
        if let quotation = annexTitle.quotation {
            try emitQuotedAnnex(quotation: quotation, opening: annexTitle.quotationID, title: title, contents: contents,
                                canonical: canonical, idPath: idPath, citation: citation, locator: annexTitle.locator, span: span, url: url, into: unit)
            return
        }
        unit.add(provision(
            canonical: canonical, source: annexTitle.locator, idPath: idPath, level: .annex, parent: nil, citation: citation,
            heading: annexTitle.heading, element: contents, skipping: [], span: span, url: url, notes: []), from: contents)
        let context = Context(canonical: canonical, idPath: idPath, locatorBase: annexTitle.locator, citationBase: citation,
                              anchor: url, annex: (annexTitle.locator, citation))
        var minted: [String: SourceLocation] = [:]
        try emitSections(in: contents, context: context, span: span, minted: &minted, into: unit)
    }

    /// The groups and points of an annex (its `TITLE` and `CONTENTS`) by the locators the import
    /// gives them (`ANNEX XI, Section 1, point 1(d)`), each with the element it reads and what of it
    /// is not its wording: `cite-check` finds them by the import's own walk, so that it finds what
    /// the import read. In document order; a locator two parts share (two groups numbered alike) is
    /// there twice. Not the annex's own locator (`ANNEX XI`, its `CONTENTS`).
    static func annexParts(title: OfficialElement?, contents: OfficialElement) -> [(locator: String, node: OfficialElement, skip: Set<String>)] {
        let unit = Unit(ImportEmitter(sink: ImportCollector()), locating: true)
        // Only adding to a sink throws (`Unit.flush`), which a unit that locates never does.
        try? FormexAdapter(options: ImportOptions()).emitAnnex(title: title, contents: contents, pointer: "", metadata: Metadata(), into: unit)
        return unit.located.filter { FormexAnnexLocator($0.locator)?.path != nil }
    }

    /// An amending act's annex that is one quotation of another act's annex (Reg. 2026/1744: its
    /// Annex is the new Annex XIV of Reg. 2024/1689, from `‘Annex XIV` to `…Article 29.’`). Like a
    /// `QUOT.S`, the quoted text is not this act's provisions: the annex is one provision whose wording
    /// is `…`, with a note naming the quotation, and counted; its groups and points are not imported.
    /// A quotation that does not close at the annex's end is reported, not guessed at.
    private func emitQuotedAnnex(quotation: String, opening: String?, title: OfficialElement?, contents: OfficialElement, canonical: String,
                                 idPath: [String], citation: String, locator: String, span: SourceSpan, url: String?,
                                 into unit: Unit) throws(OfficialImportError) {
        let emitter = unit.emitter
        emitter.count(.quotedAnnexes)
        var notes = [Note(kind: .editorial, text: "The whole of this annex is a quotation of another act's text (from its title, \(quotation), to its end): text this act inserts in the act it amends, not this act's own provisions. It is shown as “…”; its groups and points are not imported. Read them in the amended act (its consolidated text).")]
        let closings = contents.all(where: { $0.name == "QUOT.END" && ($0["REF.START"] == opening || opening == nil) }, barriers: ["QUOT.S"])
        let trailing = closings.isEmpty ? nil : Self.textAfter(closings[closings.count - 1], in: contents)
        if closings.isEmpty || trailing.map({ !$0.allSatisfy { $0.isWhitespace || $0.isPunctuation } }) ?? true {
            let what = closings.isEmpty ? "never closes in the annex" : "closes before the annex ends (“\(trailing ?? "")” follows it)"
            notes.append(Note(kind: .unresolved, text: "The quotation that opens this annex's title (\(quotation)) \(what); the whole annex is left out as quoted text all the same. Check the official text."))
            emitter.report(Diagnostic(.warning, "the quotation that opens the title of the annex (\(quotation)) \(what); the annex is left out as quoted text",
                                      at: SourceLocation(file: span.file, line: span.firstLine), subject: canonical))
        }
        unit.add(ImportedProvision(
            canonicalID: canonical, sourceID: locator, idPath: idPath, level: .annex, parentID: nil, citation: citation,
            heading: nil, wording: "…", span: span, dates: [], evidence: .verified, wordingKind: .verbatim, sourceURL: url,
            notes: notes), from: contents)
    }

    /// The text that follows `element` in `container`, flattened (`.` after a closing quotation mark).
    static func textAfter(_ element: OfficialElement, in container: OfficialElement) -> String {
        var after = ""
        var seen = false
        func walk(_ node: OfficialElement) {
            for child in node.children {
                switch child {
                case .element(let inner):
                    if inner == element { seen = true } else { walk(inner) }
                case .text(let text):
                    if seen { after += text }
                case .instruction:
                    break
                }
            }
        }
        walk(container)
        return TextNormalizer.collapse(after)
    }

    /// How an annex group (`GR.SEQ`) is numbered, read from its `TITLE`.
    struct AnnexGroup: Equatable {
        enum Kind: Equatable {
            /// `Section A. List of …`, `Section A — …`, `Section 1` (+ `STI`): cited "Annex I, Section A".
            case division(word: String)
            /// A numbered heading, `<TI><NP><NO.P>3.</NO.P><TXT>Quality management system</TXT></NP></TI>`:
            /// point 3 of the annex, whose points 3.1, 3.2 … follow (cited "Annex VII, point 3.1").
            case point
        }
        var kind: Kind
        /// `A`, `1`, `3`; nil when the title carries no number the reader recognises.
        var number: String?
        var heading: String?

        /// The id segment kind: `sec` for sections and numbered headings, `part`, `chp`, `title`.
        var segment: String {
            guard case .division(let word) = kind else { return "sec" }
            switch word.lowercased() {
            case "part": return "part"
            case "chapter": return "chp"
            case "title": return "title"
            default: return "sec"
            }
        }

        static let divisionWords: Set<String> = ["section", "part", "chapter", "title"]

        init(kind: Kind, number: String?, heading: String?) {
            self.kind = kind
            self.number = number
            self.heading = heading
        }

        init(title: OfficialElement?) {
            let flattening = TextFlattening.formex
            let sti = title?.element("STI").map { flattening.flatten($0) }
            let ti = title?.element("TI")
            if let np = ti?.first(where: { $0.name == "NP" }), let label = np.element("NO.P").map({ flattening.flatten($0) }) {
                let number = TextNormalizer.trim(label, also: ".")
                let text = np.element("TXT").map { flattening.flatten($0) }
                self.init(kind: .point, number: number.isEmpty ? nil : number, heading: Self.join(text, sti))
                return
            }
            let words = (ti.map { flattening.flatten($0) } ?? "").split(separator: " ")
            if words.count >= 2, Self.divisionWords.contains(words[0].lowercased()) {
                let number = TextNormalizer.trim(String(words[1]), also: ".:—–")
                let rest = TextNormalizer.trim(words.dropFirst(2).joined(separator: " "), also: ".:—–-")
                if !number.isEmpty, number.allSatisfy({ $0.isLetter || $0.isNumber }) {
                    self.init(kind: .division(word: String(words[0])), number: number, heading: Self.join(rest, sti))
                    return
                }
            }
            self.init(kind: .division(word: "Section"), number: nil, heading: Self.join(words.joined(separator: " "), sti))
        }

        private static func join(_ parts: String?...) -> String? {
            let kept = parts.compactMap { $0 }.filter { !$0.isEmpty }
            return kept.isEmpty ? nil : kept.joined(separator: " ")
        }
    }

    /// `GR.SEQ` groups of an annex (Section 1, Part A, numbered headings …); numbering restarts in
    /// each (Annexes VIII, XI). Ids come from the group's number, never from its title's words; a
    /// group whose number cannot be read is numbered by its position and reported.
    private func emitSections(in element: OfficialElement, context: Context, span: SourceSpan, minted: inout [String: SourceLocation],
                              into unit: Unit) throws(OfficialImportError) {
        let emitter = unit.emitter
        let groups = element.elements("GR.SEQ")
        try emitPoints(in: element, context: context, span: span, into: unit)
        for (offset, group) in groups.enumerated() {
            let read = AnnexGroup(title: group.element("TITLE"))
            var notes: [Note] = []
            var section = context
            let number = read.number ?? String(offset + 1)
            var segment = CanonicalIDs.clean(number)
            section.canonical = CanonicalIDs.join(context.canonical, "\(read.segment)_\(segment)")
            let location = SourceLocation(file: group.span.file, line: group.span.firstLine)
            if let first = minted[section.canonical] {
                // Two groups printed with one number: the second keeps its position, so ids stay unique.
                let wouldBe = section.canonical
                segment += "-\(offset + 1)"
                section.canonical = CanonicalIDs.join(context.canonical, "\(read.segment)_\(segment)")
                minted[section.canonical] = location
                notes.append(Note(kind: .unresolved, text: "Another group of this annex, at line \(first.line) of the official file, is numbered \(number) too; this one, the \(CanonicalIDs.ordinal(offset + 1)) group, would have had its id \(wouldBe) and is told apart by its position, \(section.canonical). Check the official text."))
                emitter.report(Diagnostic(.warning, "two groups of \(context.citation) are numbered \(number), the first at \(first); the \(CanonicalIDs.ordinal(offset + 1)) is told apart by its position, \(section.canonical) (not \(wouldBe))",
                                          at: location, subject: section.canonical))
                emitter.count(.renamedIDs)
            } else {
                minted[section.canonical] = location
            }
            section.idPath = context.idPath + ["\(read.segment)\(CanonicalIDs.idSegment(segment))"]
            switch read.kind {
            case .division(let word):
                let capitalised = word.prefix(1).uppercased() + word.dropFirst().lowercased()
                section.citationBase = "\(context.citation), \(capitalised) \(number)"
                section.subparagraph = nil
                section.pointPath = ""
            case .point:
                // A lettered group below a numbered one (`2.` then `a.`) is cited as the EU cites a
                // point's letter, "point 2(a)", never "point 2, a".
                let lettered = !context.pointPath.isEmpty && !number.isEmpty && number.allSatisfy { $0.isLetter && $0.isLowercase }
                section.pointPath = Self.pointPath(parent: context.pointPath, display: lettered ? "(\(number))" : number)
            }
            let sectionSpan = span.with(pointer: "\(span.pointer ?? "")/GR.SEQ[\(offset + 1)]")
            if read.number == nil {
                // A locator names what the text prints: a number by position is ecca's, so the group
                // and what it holds have none.
                section.addressable = false
                notes.append(Note(kind: .unresolved, text: "The title of this group of the annex carries no number ecca can read; it is numbered by its position (\(number)). EU texts cite a group by the number it prints, never by its place (only indents and unnumbered paragraphs and subparagraphs are cited by their place), so it and what it holds have no Formex locator (source-id), and cite-check cannot find them in the official text. Check the official text."))
                emitter.report(Diagnostic(.warning, "annex group \(offset + 1) of \(context.citation) has no number in its title; numbered by its position", at: location, subject: section.canonical))
            }
            unit.add(provision(
                canonical: section.canonical, source: section.locator, idPath: section.idPath, level: .annexSection,
                parent: context.canonical, citation: section.citation, heading: read.heading, element: group,
                skipping: ["TITLE"], span: sectionSpan, url: context.anchor, notes: notes), from: group, skipping: ["TITLE"])
            try emitSections(in: group, context: section, span: sectionSpan, minted: &minted, into: unit)
        }
    }

    /// A point's path in citations: `(a)` after `1` is `1(a)`; `3.1` below point `3` is `3.1` (its
    /// number already holds its parent's); another plain number, or an indent, is a level of its
    /// own (`1, 2`, `(h), first indent`).
    static func pointPath(parent: String, display: String) -> String {
        if !parent.isEmpty, display.hasPrefix(parent + ".") { return display }
        return PointCitation.join(parent, display)
    }
}
