import ClauseGraph
import EccaXML

/// Akoma Ntoso 3.0 (FORMATS.md §4): `akomaNtoso/act` (or `bill`, `doc`) with FRBR
/// identification and a `body` of containers (`chapter`, `part`, `title`, `hcontainer`) holding
/// the act's units, read in either of the two shapes AKN acts come in:
/// - **article-based** (EU, civil law): `article`s, and within them `paragraph`, `subparagraph`,
///   `alinea`, `list`, `point`, with `num`, `heading` and `content`. Covers the CIRSFID
///   conversions (raw-number `eId`s such as `chp_I__art_1__para_1.`, a second `num` used as the
///   heading), the AKN4EU profile (opaque `xml:id`s, no `eId`), LegalDocML.de (`§ 1`, whose
///   `section`s are Abschnitte holding articles) and Swiss numbered `alinea`s;
/// - **section-based** (South Africa, Kenya, the UK …): `section`, `subsection`, `paragraph`,
///   `subparagraph`, `blockList` `item`s, cited "section 3(2)(a)";
/// - **UK statutory instruments** (`AkomaNtosoUKUnits.swift`): articles, regulations, rules and
///   schedules, cited "article 2(2)(a)", "regulation 3(1)", "Schedule 2, paragraph 1(3)".
///
/// Canonical ids are minted from the numbers (`art_1__para_6__point_a`, `sec_3__subsec_2__point_a`);
/// the source's `eId` (or `wId`, `xml:id`, `id`, `GUID`) is kept as the source id. One unit is
/// captured at a time. Quoted structures (`quotedStructure`, `embeddedStructure`: text of another
/// act that an amending act inserts) are never this act's provisions and are shown as " … " in
/// the wording, as the Formex reader does for `QUOT.S`. Attachments with their own text become
/// annexes (`att_1`); attachments that only refer to another file are reported.
struct AkomaNtosoAdapter: OfficialAdapter {
    let options: ImportOptions
    let flattening = TextFlattening.akn
    /// Quotations of another act's text: left out of the wording, never provisions.
    static let quotations: Set<String> = ["quotedStructure", "embeddedStructure"]
    /// Where no provision of this act is looked for: the quotations and the `mod` that holds them.
    static let quotationBarriers: Set<String> = quotations.union(["mod"])
    private static let documentTypes = AkomaNtosoMetadata.documentTypes
    /// The units below a section of a section-based act, with their id segment and level.
    private static let subunits: [String: (segment: String, level: ProvisionLevel)] = [
        "subsection": ("subsec", .subsection), "paragraph": ("para", .paragraph), "subparagraph": ("subpara", .subparagraph),
        "clause": ("clause", .point), "subclause": ("subclause", .point), "level": ("level", .paragraph),
        "item": ("point", .point), "point": ("point", .point), "indent": ("point", .point)]

    func read(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError) {
        var metadata = AkomaNtosoMetadata()
        metadata.namespace = root.namespace
        var begun = false
        var units = 0
        var bodies: [String] = []
        var attachments = 0
        var unnumbered = UnnumberedUnits()
        // The containers the body holds, named when nothing in it is read.
        var containers: [(name: String, count: Int)] = []
        func begin() throws(OfficialImportError) {
            if !begun {
                try emitter.begin(instrument(metadata, file: stream.file, emitter: emitter))
                metadata.unreadDate?.report(to: emitter)
                begun = true
            }
        }
        while let event = try stream.next() {
            guard case .start(let start) = event else { continue }
            switch start.name {
            case _ where Self.documentTypes.contains(start.name) && !begun && bodies.isEmpty:
                if start.namespace == root.namespace {
                    metadata.documentType = start.name
                    metadata.name = start["name"]
                }
            case "meta":
                metadata.read(meta: try stream.capture(start))
            case "preface", "coverPage":
                let preface = try stream.capture(start)
                if metadata.title == nil {
                    let title = preface.first(where: { $0.name == "longTitle" || $0.name == "docTitle" }) ?? preface
                    metadata.title = flattening.flatten(title).nilIfEmpty
                }
                if metadata.docDate == nil, let date = preface.first(where: { $0.name == "docDate" })?["date"] {
                    metadata.docDate = LegalDate(iso: String(date.prefix(10)))
                }
            case "preamble", "conclusions":
                try stream.skip(start)
            case "body", "mainBody", "amendmentBody", "judgmentBody", "debateBody", "collectionBody", "portionBody":
                bodies.append(start.name)
            case "article":
                try begin()
                if metadata.isUK {
                    try emitUKUnit(try stream.capture(start), kind: "article", unnumbered: &unnumbered, into: emitter)
                } else {
                    try emitArticle(try stream.capture(start), base: nil, unnumbered: &unnumbered, metadata: metadata, into: emitter)
                }
                units += 1
            case "rule":
                // legislation.gov.uk writes the P1 of UK Rules as a `rule` element.
                try begin()
                try emitUKUnit(try stream.capture(start), kind: "rule", unnumbered: &unnumbered, into: emitter)
                units += 1
            case "hcontainer":
                let name = start["name"] ?? ""
                switch name {
                case "regulation", "rule":
                    try begin()
                    try emitUKUnit(try stream.capture(start), kind: name, unnumbered: &unnumbered, into: emitter)
                    units += 1
                case "schedule":
                    try begin()
                    try emitSchedule(try stream.capture(start), unnumbered: &unnumbered, into: emitter)
                    units += 1
                default:
                    if !bodies.isEmpty {
                        if let index = containers.firstIndex(where: { $0.name == name }) { containers[index].count += 1 } else { containers.append((name, 1)) }
                    }
                }
            case "section":
                try begin()
                let section = try stream.capture(start)
                units += try emitSectionOrContainer(section, base: nil, unnumbered: &unnumbered, metadata: metadata, into: emitter)
            case "quotedStructure", "embeddedStructure":
                // Outside any unit (in a container's own text): still another act's text.
                try stream.skip(start)
                if begun { emitter.count(.quotedStructuresAKN) }
            case "attachment", "component":
                try begin()
                attachments += 1
                try emitAttachment(try stream.capture(start), position: attachments, metadata: metadata, into: emitter)
            default:
                break
            }
        }
        if units == 0 && !begun {
            let type = metadata.documentType
            let body = bodies.first.map { " (its \($0) holds" } ?? " (it holds"
            let found = containers.map { "\($0.count) `hcontainer name=\"\($0.name)\"`" }
            let holds = found.isEmpty ? "" : "; it holds " + found.joined(separator: ", ")
            throw .nothingToImport(file: stream.file, dialect: .akn,
                                   why: "this is an Akoma Ntoso `\(type)`\(body) no `article`, `section`, UK `regulation`, `rule` or `schedule`\(holds)); ecca imports the articles and sections of acts, bills and docs, and the regulations, rules and schedules of UK statutory instruments")
        }
    }

    private func instrument(_ metadata: AkomaNtosoMetadata, file: String, emitter: ImportEmitter) -> ImportedInstrument {
        let id = options.instrumentID ?? metadata.mintedID
        var officialIDs: [Instrument.OfficialID] = []
        if let citation = metadata.ukNumber?.citation { officialIDs.append(.init(scheme: "other", value: citation)) }
        if let celex = metadata.celex { officialIDs.append(.init(scheme: "celex", value: celex)) }
        if let this = metadata.uri ?? metadata.this {
            officialIDs.append(.init(scheme: "other", value: "AKN FRBR \(this)" + metadata.placeholderSource(of: metadata.uri != nil ? "FRBRuri" : "FRBRthis")))
        }
        if let number = metadata.number, metadata.celex == nil {
            officialIDs.append(.init(scheme: "other", value: number + metadata.placeholderSource(of: "FRBRnumber")))
        }
        let profile = metadata.profile
        var notes = [Note(kind: .editorial, text: "Imported by ecca from the \(profile) file \(SourceFileName.name(of: file)): wording from the XML (authorial notes dropped, superscripts as ^, subscripts as _, whitespace collapsed); canonical ids minted from the numbers, the source's eId or xml:id kept as the source id.")]
        if let act = metadata.actDate, act.date != metadata.version?.date {
            notes.append(Note(kind: .editorial, text: "Date of the act: \(act.date.iso) (\(act.source))."))
        }
        let jurisdiction = metadata.jurisdiction
        if metadata.isLawmaker {
            notes.append(contentsOf: lawmakerNotes(metadata, jurisdiction: jurisdiction))
        } else if jurisdiction == nil {
            notes.append(Note(kind: .unresolved, text: "The file does not name the country whose law this is (its FRBRcountry is empty and its FRBR URI names none); the jurisdiction is written as “unknown”. Check the official text."))
        }
        if metadata.documentType == "bill" {
            notes.append(Note(kind: .unresolved, text: Self.billNote))
        }
        var instrument = ImportedInstrument(
            id: CanonicalIDs.idSegment(id ?? "akn.\(SourceFileName.stem(of: file))"), dialect: .akn,
            variant: metadata.akn4eu ? "akn4eu" : "akn",
            title: metadata.title ?? (metadata.isUK ? metadata.frbrName : nil) ?? metadata.name ?? "Akoma Ntoso document",
            jurisdiction: jurisdiction ?? "unknown", kind: metadata.kind,
            officialIDs: officialIDs, versionLabel: metadata.version?.label, versionDate: metadata.version?.date,
            sourceURL: metadata.celex.map { "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:" + SourceURL.component($0) },
            attribution: nil, notes: notes, file: file, documentNumber: metadata.celex ?? metadata.uri)
        instrument.isBill = metadata.documentType == "bill"
        instrument.versionDateRemark = metadata.unreadDate?.remark
        if let note = metadata.unreadDate?.note { instrument.notes.append(note) }
        if id == nil, metadata.isLawmaker {
            let read = metadata.placeholders.map { "\($0.element) \($0.placeholder) → \($0.resolved.map { "“\($0)”" } ?? "nothing")" }
            emitter.report(Diagnostic(.warning, "the file's FRBR identification is UK Lawmaker placeholders (\(read.joined(separator: ", "))) and it names no series, year and number (act/@name, varSIYear, varSINoComp): the placeholders are not used as the instrument id; it is minted from the file's name, akn.\(SourceFileName.stem(of: file)), and changes if the file is renamed (give --instrument-id to fix it)",
                                      at: SourceLocation(file: file, line: 1)))
        } else if id == nil {
            // Ids minted from the file's name change when the file is renamed: said, not silent.
            emitter.report(Diagnostic(.warning, "the file has no FRBR URI or number to mint the instrument id from: it is minted from the file's name, akn.\(SourceFileName.stem(of: file)), and changes if the file is renamed (give --instrument-id to fix it)",
                                      at: SourceLocation(file: file, line: 1)))
        }
        if jurisdiction == nil, metadata.isLawmaker {
            emitter.report(Diagnostic(.warning, "the file is a UK Lawmaker draft of a series ecca does not know (\(metadata.name ?? "no act name")); \(metadata.country.map { "its FRBRcountry \($0) is its template's" } ?? "it names no FRBRcountry"): the jurisdiction is written as \"unknown\"",
                                      at: SourceLocation(file: file, line: 1)))
        } else if jurisdiction == nil {
            emitter.report(Diagnostic(.warning, "the file names no country (FRBRcountry is empty, the FRBR URI names none): the jurisdiction is written as \"unknown\"",
                                      at: SourceLocation(file: file, line: 1)))
        }
        return instrument
    }

    /// A `bill` is a proposal (a Commission proposal, a LEOS draft, a bill before a parliament), not
    /// law: said on the instrument, as for a Federal Register proposed rule.
    static let billNote = "A bill (a proposal, or a draft of one): nothing in it is law. Its wording is proposed wording, not in force; the act adopted may keep it, change it, renumber it or drop it."
    /// On each of a bill's provisions (a caveat in reports wherever one is relied on).
    static let billProvisionNote = "Proposed text, not in force: this is a provision of a bill (a proposal, or a draft of one), not of an act; the adopted act's wording and numbering may differ."

    /// What a UK Lawmaker file's identification was read as: the SI its references number, the
    /// jurisdiction from its series, never its template's `FRBRcountry`.
    private func lawmakerNotes(_ metadata: AkomaNtosoMetadata, jurisdiction: String?) -> [Note] {
        var notes: [Note] = []
        if let uk = metadata.ukNumber {
            notes.append(Note(kind: .editorial, text: "The file's FRBR identification is UK Lawmaker placeholders; the instrument is \(uk.citation ?? "\(uk.series) \(uk.year)/\(uk.number)") by its series (\(uk.series)) and the year and number its references give (varSIYear, varSINoComp)."))
        }
        if let jurisdiction {
            if let country = metadata.country, country.uppercased() != jurisdiction {
                notes.append(Note(kind: .editorial, text: "The jurisdiction, \(jurisdiction), is that of the series \(metadata.ukNumber?.series ?? metadata.name ?? "") as legislation.gov.uk gives it; the file's FRBRcountry, \(country), is its drafting template's and is not read."))
            }
        } else {
            notes.append(Note(kind: .unresolved, text: "The file is a UK Lawmaker draft of a series ecca does not know, and "
                              + (metadata.country == nil ? "it names no FRBRcountry" : "its FRBRcountry is its template's") + "; the jurisdiction is written as “unknown”. Check the official text."))
        }
        return notes
    }

    // MARK: - Units

    /// The numbering context children are minted in.
    private struct Context {
        enum Style { case eu, german, section }
        var canonical: String
        var idPath: [String]
        var citation: String
        var style: Style
        var pointPath = ""
        var subparagraph: String?
        /// Notes on every provision minted in it: an unnumbered unit's, whose parts are cited by its stand-in number.
        var notes: [Note] = []

        func citing(points: String) -> String {
            if style == .german, !points.isEmpty, !points.contains(" indent") { return citation + " " + points }
            var text = citation
            if let subparagraph { text += ", \(subparagraph)" }
            return PointCitation.cite(points, after: text, short: subparagraph == nil)
        }

        /// `paragraph` numbered `number` (as printed, cleaned) below this context.
        func paragraph(_ number: String) -> String {
            style == .german ? "\(citation) Abs. \(number)" : "\(citation)(\(number))"
        }

        /// A point's place in its citation: `(a)`, `1.` → `1` (EU); `Nr. 1`, `Buchst. a`, `Doppelbuchst. aa` (German).
        func pointSegment(label: String, clean: String) -> String {
            guard style == .german else { return label.hasPrefix("(") ? "(\(clean))" : clean }
            if clean.first?.isNumber == true { return "Nr. \(clean)" }
            return clean.count > 1 && Set(clean).count == 1 ? "Doppelbuchst. \(clean)" : "Buchst. \(clean)"
        }
    }

    /// The source's own id and the attribute it is in: `eId`, else `wId` (stable across
    /// expressions), `xml:id`, `id` or `GUID`.
    private static func sourceID(_ element: OfficialElement) -> (attribute: String, value: String)? {
        for attribute in ["eId", "wId", "xml:id", "id", "GUID"] {
            if let value = element[attribute] { return (attribute, value) }
        }
        return nil
    }

    static func pointer(_ element: OfficialElement) -> String? {
        sourceID(element).map { "\(element.name)[@\($0.attribute)='\($0.value)']" }
    }

    /// The unit's number, if its `num` holds one (an empty `<num/>` is none).
    func number(of element: OfficialElement) -> String? {
        element.element("num").map { flattening.flatten($0) }.flatMap(\.nilIfEmpty)
    }

    private func emitArticle(_ article: OfficialElement, base: Context?, unnumbered: inout UnnumberedUnits, metadata: AkomaNtosoMetadata,
                             into emitter: ImportEmitter) throws(OfficialImportError) {
        let labels = article.elements("num").map { flattening.flatten($0) }
        // The first `num` is the number, if it reads as one: CIRSFID conversions set the heading as a
        // second `num`, and with the first missing, the heading ("Statement of fees") is no number.
        let parsed = labels.first.flatMap(AkomaNtosoNumber.init).flatMap { $0.readsAsNumber ? $0 : nil }
        // The heading, or (CIRSFID conversions) a `num` after the number, or in its place.
        let heading = article.element("heading").map { flattening.flatten($0) }.flatMap(\.nilIfEmpty)
            ?? labels.dropFirst(parsed == nil ? 0 : 1).first { !TextNormalizer.trim($0).isEmpty }
        var inherited = base?.notes ?? []
        let (number, cited) = unnumbered.number(parsed, kind: "article", clean: \.clean, citation: \.articleCitation, notes: &inherited)
        let canonical = CanonicalIDs.join(base?.canonical, "art_\(number)")
        let citation = (base.map { "\($0.citation), " } ?? "") + cited
        if parsed == nil {
            // A `num` that is neither number nor heading is said, not dropped unseen.
            let label = labels.first.map { TextNormalizer.trim($0) }.flatMap(\.nilIfEmpty).flatMap { $0 == heading ? nil : $0 }
            UnnumberedUnits.report("article", citation: citation, heading: heading, label: label,
                                   at: SourceLocation(file: article.span.file, line: article.span.firstLine), to: emitter)
        }
        let idPath = (base?.idPath ?? []) + ["art\(CanonicalIDs.idSegment(number))"]
        let pointer = Self.pointer(article) ?? "article[\(number)]"
        var imported = provision(article, canonical: canonical, idPath: idPath, level: .article, parent: base?.canonical,
                                 citation: citation, heading: heading, skipping: ["num", "heading"], pointer: pointer, inherited: inherited, emitter: emitter)
        // An article's paragraphs are its own children (`emitChildren`); one set in another element
        // (an `hcontainer`) is reported.
        let wrapped = WrappedProvisionElements("paragraph", in: article, containers: [], barriers: Self.quotationBarriers)
        if !wrapped.isEmpty { imported.notes.append(wrapped.report(article: citation, sourceID: { Self.sourceID($0)?.value }, to: emitter)) }
        try emitter.add(imported)
        let style: Context.Style = parsed?.isParagraphSign == true || metadata.profile.hasPrefix("LegalDocML.de") ? .german : .eu
        let context = Context(canonical: canonical, idPath: idPath, citation: citation, style: style, notes: inherited)
        try emitChildren(of: article, context: context, metadata: metadata, into: emitter)
    }

    /// Paragraphs (numbered or not), numbered alineas (Swiss "al. 2"), then points in lists.
    private func emitChildren(of element: OfficialElement, context: Context, metadata: AkomaNtosoMetadata, into emitter: ImportEmitter) throws(OfficialImportError) {
        let paragraphs = element.elements().filter { $0.name == "paragraph" }
        if paragraphs.contains(where: { number(of: $0) != nil }) {
            try emitNumbered(paragraphs, idPrefix: "para_", context: context, into: emitter,
                             citation: { context.paragraph($0) },
                             below: { paragraph, child throws(OfficialImportError) in try emitSubdivisions(of: paragraph, context: child, into: emitter) })
            return
        }
        // Numbered alineas (Swiss acts: `<alinea><num>2</num>`) are the article's paragraphs,
        // cited "al. 2" in French, "Abs. 2" in German, "cpv. 2" in Italian.
        let alineas = element.elements().filter { $0.name == "alinea" }
        if alineas.contains(where: { number(of: $0) != nil }) {
            try emitNumbered(alineas, idPrefix: "al_", context: context, into: emitter,
                             citation: { Self.alineaCitation(context.citation, number: $0, language: metadata.language) },
                             below: { alinea, child throws(OfficialImportError) in try emitChildren(of: alinea, context: child, metadata: metadata, into: emitter) })
            return
        }
        // Unnumbered paragraphs (AKN4EU) are subparagraphs; with only one, its points hang on the article.
        if paragraphs.count == 1 {
            try emitSubdivisions(of: paragraphs[0], context: context, into: emitter)
        } else if paragraphs.count > 1 {
            for (offset, paragraph) in paragraphs.enumerated() {
                var child = context
                child.canonical = CanonicalIDs.join(context.canonical, "subpara_\(offset + 1)")
                child.idPath = context.idPath + ["sub\(offset + 1)"]
                child.subparagraph = "\(CanonicalIDs.ordinal(offset + 1)) paragraph"
                try emitter.add(provision(paragraph, canonical: child.canonical, idPath: child.idPath, level: .subparagraph,
                                          parent: context.canonical, citation: child.citing(points: ""), skipping: [], inherited: context.notes, emitter: emitter))
                try emitSubdivisions(of: paragraph, context: child, into: emitter)
            }
        } else {
            try emitSubdivisions(of: element, context: context, into: emitter)
        }
    }

    /// Each numbered unit of `units` (unnumbered ones are skipped: a number is what cites them)
    /// as a paragraph of `context`, then what lies `below` it.
    private func emitNumbered(_ units: [OfficialElement], idPrefix: String, context: Context, into emitter: ImportEmitter,
                              citation: (String) -> String,
                              below: (OfficialElement, Context) throws(OfficialImportError) -> Void) throws(OfficialImportError) {
        for unit in units {
            guard let label = number(of: unit) else { continue }
            let number = CanonicalIDs.clean(label)
            var child = context
            child.canonical = CanonicalIDs.join(context.canonical, idPrefix + number)
            child.idPath = context.idPath + [CanonicalIDs.idSegment(number)]
            child.citation = citation(number)
            try emitter.add(provision(unit, canonical: child.canonical, idPath: child.idPath, level: .paragraph,
                                      parent: context.canonical, citation: child.citation, skipping: ["num", "heading"], inherited: context.notes, emitter: emitter))
            try below(unit, child)
        }
    }

    /// "Art. 1 al. 2" (French), "Art. 1 Abs. 2" (German), "Art. 1 cpv. 2" (Italian), else "Art. 1(2)".
    private static func alineaCitation(_ base: String, number: String, language: String?) -> String {
        switch language?.lowercased().prefix(2) {
        case "fr": "\(base) al. \(number)"
        case "de": "\(base) Abs. \(number)"
        case "it": "\(base) cpv. \(number)"
        default: "\(base)(\(number))"
        }
    }

    private static let listBarriers = quotationBarriers.union(["list", "blockList", "point", "paragraph"])

    /// Subparagraphs (`alinea`, `subparagraph` outside lists) and the points of the lists below.
    private func emitSubdivisions(of element: OfficialElement, context: Context, into emitter: ImportEmitter) throws(OfficialImportError) {
        let subparagraphs = element.elements().filter { ($0.name == "alinea" || $0.name == "subparagraph") && $0.all(where: { $0.name == "point" }, barriers: Self.quotationBarriers).count > 0 }
        let lists = element.all(where: { $0.name == "list" || $0.name == "blockList" }, barriers: Self.listBarriers)
        if subparagraphs.count > 1 || lists.count > 1 {
            // Points restart per subparagraph: each list gets its own segment, and is a provision
            // the points hang on, cited as the act cites it ("Art. 4(1), second subparagraph"), as
            // Formex's ALINEAs are. AKN4EU sets a subparagraph's lead-in and points in one `list`
            // (the lead-in a `subparagraph refersTo="~INP"`); an `alinea` or `subparagraph` that
            // holds the list is the subparagraph, with the words before it.
            for (offset, list) in lists.enumerated() {
                var child = context
                child.canonical = CanonicalIDs.join(context.canonical, "subpara_\(offset + 1)")
                child.idPath = context.idPath + ["sub\(offset + 1)"]
                child.subparagraph = "\(CanonicalIDs.ordinal(offset + 1)) subparagraph"
                let holder = subparagraphs.first { $0.all(where: { $0.name == "list" || $0.name == "blockList" }, barriers: Self.listBarriers) == [list] }
                try emitter.add(provision(holder ?? list, canonical: child.canonical, idPath: child.idPath, level: .subparagraph,
                                          parent: context.canonical, citation: child.citing(points: ""), skipping: [], inherited: context.notes, emitter: emitter))
                try emitPoints(in: list, context: child, into: emitter)
            }
            return
        }
        for list in lists { try emitPoints(in: list, context: context, into: emitter) }
    }

    private func emitPoints(in list: OfficialElement, context: Context, into emitter: ImportEmitter) throws(OfficialImportError) {
        var unnumbered = 0
        for point in list.elements() where point.name == "point" || point.name == "indent" || point.name == "item" {
            let label = number(of: point) ?? ""
            var child = context
            let segment: String
            if label.isEmpty {
                unnumbered += 1
                segment = "indent_\(unnumbered)"
                child.pointPath = PointCitation.join(context.pointPath, PointCitation.indent(unnumbered))
            } else {
                let clean = CanonicalIDs.clean(label)
                segment = "point_\(clean)"
                let place = context.pointSegment(label: label, clean: clean)
                child.pointPath = context.style == .german ? [context.pointPath, place].filter { !$0.isEmpty }.joined(separator: " ")
                    : PointCitation.join(context.pointPath, place)
            }
            child.canonical = CanonicalIDs.join(context.canonical, segment)
            child.idPath = context.idPath + [CanonicalIDs.idSegment(segment.hasPrefix("point_") ? String(segment.dropFirst(6)) : segment)]
            try emitter.add(provision(point, canonical: child.canonical, idPath: child.idPath, level: .point, parent: context.canonical,
                                      citation: child.citing(points: child.pointPath), skipping: [], inherited: context.notes, emitter: emitter))
            for nested in point.all(where: { $0.name == "list" || $0.name == "blockList" }, barriers: Self.quotationBarriers.union(["list", "blockList", "point"])) {
                try emitPoints(in: nested, context: child, into: emitter)
            }
        }
    }

    // MARK: - Section-based acts

    /// A `section` is a unit of a section-based act, unless it holds articles (a LegalDocML.de
    /// Abschnitt, an EU act's section): then its articles are read. Returns the units read.
    private func emitSectionOrContainer(_ section: OfficialElement, base: Context?, unnumbered: inout UnnumberedUnits, metadata: AkomaNtosoMetadata,
                                        into emitter: ImportEmitter) throws(OfficialImportError) -> Int {
        let articles = section.all(where: { $0.name == "article" }, barriers: Self.quotationBarriers.union(["article"]))
        if !articles.isEmpty {
            for article in articles { try emitArticle(article, base: base, unnumbered: &unnumbered, metadata: metadata, into: emitter) }
            return articles.count
        }
        let parsed = number(of: section).flatMap(AkomaNtosoNumber.init)
        var inherited = base?.notes ?? []
        let (number, cited) = unnumbered.number(parsed, kind: "section", clean: \.clean, citation: \.sectionCitation, notes: &inherited)
        let context = Context(canonical: CanonicalIDs.join(base?.canonical, "sec_\(number)"), idPath: (base?.idPath ?? []) + ["sec\(CanonicalIDs.idSegment(number))"],
                              citation: (base.map { "\($0.citation), " } ?? "") + cited, style: .section, notes: inherited)
        if parsed == nil {
            UnnumberedUnits.report("section", citation: context.citation, heading: section.element("heading").map { flattening.flatten($0) }.flatMap(\.nilIfEmpty),
                                   at: SourceLocation(file: section.span.file, line: section.span.firstLine), to: emitter)
        }
        try emitter.add(provision(section, canonical: context.canonical, idPath: context.idPath, level: .section, parent: base?.canonical,
                                  citation: context.citation, skipping: ["num", "heading"], inherited: inherited, emitter: emitter))
        try emitSubunits(of: section, context: context, into: emitter)
        return 1
    }

    /// Subsections, paragraphs, subparagraphs and list items below a section, each a provision
    /// cited after its parent as the jurisdictions cite them: "section 3(2)(a)(i)". Unnumbered
    /// ones are no level: their text is their parent's, their numbered parts are read below them.
    private func emitSubunits(of element: OfficialElement, context: Context, into emitter: ImportEmitter) throws(OfficialImportError) {
        let barriers = Self.quotationBarriers.union(Self.subunits.keys).union(["article", "section"])
        let units = element.all(where: { Self.subunits[$0.name] != nil }, barriers: barriers)
        for unit in units {
            guard let label = number(of: unit), let kind = Self.subunits[unit.name] else {
                try emitSubunits(of: unit, context: context, into: emitter)
                continue
            }
            let clean = CanonicalIDs.clean(label)
            var child = context
            child.canonical = CanonicalIDs.join(context.canonical, "\(kind.segment)_\(clean)")
            child.idPath = context.idPath + [CanonicalIDs.idSegment(clean)]
            child.citation = "\(context.citation)(\(clean))"
            // A list item's wording keeps its label, as an EU point's does (`(a) equally entitled …`).
            try emitter.add(provision(unit, canonical: child.canonical, idPath: child.idPath, level: kind.level, parent: context.canonical,
                                      citation: child.citation, skipping: kind.level == .point ? ["heading"] : ["num", "heading"], inherited: context.notes, emitter: emitter))
            try emitSubunits(of: unit, context: child, into: emitter)
        }
    }

    // MARK: - Attachments

    /// An attachment (or component) with its own text becomes an annex, `att_N`, cited by its
    /// heading or number ("Schedule 1") or its place ("Attachment 1"), and its articles or sections
    /// provisions below it. One that only refers to another file (`documentRef`) is reported.
    private func emitAttachment(_ attachment: OfficialElement, position: Int, metadata: AkomaNtosoMetadata,
                                into emitter: ImportEmitter) throws(OfficialImportError) {
        let location = SourceLocation(file: attachment.span.file, line: attachment.span.firstLine)
        let heading = attachment.element("heading").map { flattening.flatten($0) }.flatMap(\.nilIfEmpty)
        let label = number(of: attachment)
        guard let document = attachment.elements().first(where: { Self.documentTypes.contains($0.name) }) else {
            let reference = attachment.first(where: { $0.name == "documentRef" })
            let name = reference?["showAs"] ?? heading ?? label.map { "attachment \($0)" } ?? "attachment \(position)"
            let href = reference?["href"] ?? ""
            let what = href.hasPrefix("data:") ? "is embedded data (\(href.dropFirst(5).prefix { $0 != ";" && $0 != "," })), not text: it is not imported"
                : href.isEmpty ? "has no text in this file: it is not imported"
                : "refers to another file, \(href): it is not imported; import that file on its own"
            emitter.count(.attachmentsNotRead)
            emitter.report(Diagnostic(.warning, "\(attachment.name) \(position) (\(name)) \(what)", at: location))
            return
        }
        let title = document.first(where: { $0.name == "docTitle" || $0.name == "shortTitle" }).map { flattening.flatten($0) }.flatMap(\.nilIfEmpty)
        let citation = heading ?? label.map { "Attachment \($0)" } ?? "Attachment \(position)"
        let number = label.map(CanonicalIDs.clean).flatMap(\.nilIfEmpty) ?? "\(position)"
        let context = Context(canonical: "att_\(number)", idPath: ["att\(CanonicalIDs.idSegment(number))"], citation: citation, style: .eu)
        var wordingSource = attachment
        wordingSource.children.removeAll { child in
            if case .element(let element) = child { return ["num", "heading", "subheading"].contains(element.name) }
            return false
        }
        if let index = wordingSource.children.firstIndex(where: { if case .element(let e) = $0 { return e.name == document.name } else { return false } }) {
            wordingSource.children[index] = .element(document.removingChildren(named: ["meta"]))
        }
        try emitter.add(provision(wordingSource, canonical: context.canonical, idPath: context.idPath, level: .annex, parent: nil,
                                  citation: citation, heading: attachment.element("subheading").map { flattening.flatten($0) }.flatMap(\.nilIfEmpty) ?? title,
                                  skipping: [], pointer: Self.pointer(attachment) ?? "\(attachment.name)[\(position)]", emitter: emitter))
        var unnumbered = UnnumberedUnits()
        for unit in document.all(where: { $0.name == "article" || $0.name == "section" }, barriers: Self.quotationBarriers.union(["article", "section", "meta"])) {
            if unit.name == "article" {
                try emitArticle(unit, base: context, unnumbered: &unnumbered, metadata: metadata, into: emitter)
            } else {
                _ = try emitSectionOrContainer(unit, base: context, unnumbered: &unnumbered, metadata: metadata, into: emitter)
            }
        }
    }

    // MARK: - Provisions

    func provision(_ element: OfficialElement, canonical: String, idPath: [String], level: ProvisionLevel, parent: String?,
                           citation: String, heading: String? = nil, skipping: Set<String>, pointer: String? = nil,
                           inherited: [Note] = [], emitter: ImportEmitter) -> ImportedProvision {
        let source = Self.sourceID(element)
        var notes = inherited
        let quoted = element.all(where: { Self.quotations.contains($0.name) }, barriers: Self.quotations).count
        if quoted > 0 {
            notes.append(QuotedTextNote.note(quoted, of: CountedNoun("quoted structure")))
            if parent == nil { emitter.count(.quotedStructuresAKN, by: quoted) }
        }
        // Text a modification deletes (`<del>`, AKN 3.0's ANinline) is not the law: left out of the
        // wording, and said, as Formex's deleted ranges are (QA normal F4: it was kept, and passed).
        let deleted = element.all(where: { $0.name == "del" }, barriers: Self.quotations).count
        if deleted > 0 {
            notes.append(Note(kind: .editorial, text: "\(CountedNoun("passage")(deleted)) marked deleted (<del>) left out of the wording."))
        }
        let ownHeading = heading ?? element.element("heading").map { flattening.flatten($0) }.flatMap(\.nilIfEmpty)
        // A bill's wording is verbatim, but as a statement of law it is a hypothesis until adopted.
        let bill = emitter.current?.isBill == true
        if bill { notes.append(Note(kind: .unresolved, text: Self.billProvisionNote)) }
        return ImportedProvision(
            canonicalID: canonical, sourceID: source?.value, idPath: idPath, level: level, parentID: parent, citation: citation,
            heading: ownHeading, wording: flattening.flatten(element.removingChildren(named: skipping), omitting: Self.quotations),
            span: element.span.with(pointer: pointer ?? Self.pointer(element)), dates: Self.dates(in: element),
            evidence: bill ? .unverified : .verified, notes: notes)
    }

    static func dates(in element: OfficialElement) -> [ImportedDate] {
        element.all(where: { $0.name == "date" }, barriers: quotations.union(["authorialNote"])).compactMap { date in
            date["date"].flatMap { LegalDate(iso: String($0.prefix(10))) }.map { ImportedDate(date: $0, role: "stated in the text: \(date.plainText)") }
        }
    }
}
