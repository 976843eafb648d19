import ClauseGraph
import EccaXML

/// Akoma Ntoso 3.0 (FORMATS.md §4): `akomaNtoso/act` (or `bill`, `doc`) with FRBR
/// identification, a `body` of containers (`chapter`, `section`, `part`, `title`) holding
/// `article`s, and within them `paragraph`, `subparagraph`, `alinea`, `list`, `point`, with
/// `num`, `heading` and `content`. Covers the CIRSFID conversions (raw-number `eId`s such as
/// `chp_I__art_1__para_1.`, a second `num` used as the heading) and the AKN4EU profile
/// (opaque `xml:id`s, no `eId`).
///
/// Canonical ids are minted from the numbers (`art_1__para_6__point_a`); the source's `eId`
/// (or `xml:id`) is kept as the source id. One article is captured at a time.
struct AkomaNtosoAdapter: OfficialAdapter {
    let options: ImportOptions
    private let flattening = TextFlattening.akn
    private static let containers: Set<String> = ["paragraph", "subparagraph", "alinea", "list", "point", "indent", "item", "blockList"]

    private struct Metadata {
        var documentType = "act"
        var name: String?
        var this: String?
        var uri: String?
        var celex: String?
        var date: LegalDate?
        var number: String?
        var country: String?
        var title: String?
        var akn4eu = false
    }

    func read(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError) {
        var metadata = Metadata()
        var begun = false
        var articles = 0
        while let event = try stream.next() {
            guard case .start(let start) = event else { continue }
            switch start.name {
            case "act", "bill", "doc", "documentCollection", "amendment", "judgment", "statement":
                if start.namespace == OfficialDialect.aknNamespace || start.namespace == nil {
                    metadata.documentType = start.name
                    metadata.name = start["name"]
                }
            case "meta":
                read(meta: try stream.capture(start), into: &metadata)
            case "preface", "coverPage":
                let preface = try stream.capture(start)
                if metadata.title == nil {
                    let title = preface.first(where: { $0.name == "longTitle" || $0.name == "docTitle" }) ?? preface
                    metadata.title = flattening.flatten(title).nilIfEmpty
                }
            case "preamble", "conclusions", "attachments", "components":
                try stream.skip(start)
            case "article":
                if !begun {
                    try emitter.begin(instrument(metadata, file: stream.file))
                    begun = true
                }
                try emitArticle(try stream.capture(start), metadata: metadata, into: emitter)
                articles += 1
            default:
                break
            }
        }
        if articles == 0 { throw .nothingToImport(file: stream.file, dialect: .akn) }
    }

    private func read(meta: OfficialElement, into metadata: inout Metadata) {
        guard let work = meta.first(where: { $0.name == "FRBRWork" }) else { return }
        metadata.this = work.element("FRBRthis")?["value"].flatMap(\.nilIfEmpty)
        metadata.uri = work.element("FRBRuri")?["value"].flatMap(\.nilIfEmpty)
        metadata.celex = work.elements("FRBRalias").first { ($0["name"] ?? "").uppercased() == "CELEX" }?["value"]
        metadata.number = work.element("FRBRnumber")?["value"].flatMap(\.nilIfEmpty)
        metadata.country = work.element("FRBRcountry")?["value"].flatMap(\.nilIfEmpty)
        if let date = work.element("FRBRdate")?["date"], let parsed = LegalDate(iso: String(date.prefix(10))), parsed.components.year < 2900 {
            metadata.date = parsed
        }
        metadata.akn4eu = meta.first(where: { $0.name == "akn4euVersion" }) != nil
    }

    private func instrument(_ metadata: Metadata, file: String) -> ImportedInstrument {
        // `/akn/eu/act/directive/ep/2014/92/` → eu.directive-2014-92; `/akn/eu/act/2025/1` (no
        // subtype: the date follows the document type) → eu.act-2025-1.
        var id = options.instrumentID
        if id == nil, let uri = metadata.uri {
            let parts = uri.split(separator: "/").filter { $0 != "akn" }
            if parts.count >= 3 {
                let country = parts[0].lowercased()
                let digits = parts.suffix(2).filter { $0.allSatisfy(\.isNumber) }
                let kinds = parts.dropFirst().prefix { $0.first?.isNumber == false }
                let type = kinds.dropFirst().first.map(String.init) ?? kinds.first.map(String.init) ?? metadata.documentType
                id = "\(country).\(type)-\(digits.joined(separator: "-"))"
            }
        }
        if id == nil, let number = metadata.number {
            id = "\((metadata.country ?? "akn").lowercased()).\(metadata.documentType)-\(CanonicalIDs.idSegment(number))"
        }
        var officialIDs: [Instrument.OfficialID] = []
        if let celex = metadata.celex { officialIDs.append(.init(scheme: "celex", value: celex)) }
        if let this = metadata.uri ?? metadata.this { officialIDs.append(.init(scheme: "other", value: "AKN FRBR \(this)")) }
        if let number = metadata.number, metadata.celex == nil { officialIDs.append(.init(scheme: "other", value: number)) }
        let profile = metadata.akn4eu ? "AKN4EU" : "Akoma Ntoso 3.0"
        return ImportedInstrument(
            id: CanonicalIDs.idSegment(id ?? "akn.\(FormexAdapter.name(of: file))"), dialect: .akn,
            variant: metadata.akn4eu ? "akn4eu" : "akn", title: metadata.title ?? metadata.name ?? "Akoma Ntoso document",
            jurisdiction: (metadata.country ?? "EU").uppercased(),
            kind: metadata.documentType == "act" && (metadata.name ?? "regulation").lowercased().contains("regulation") ? .regulation : .other,
            officialIDs: officialIDs, versionLabel: metadata.date.map { "\(profile) expression of \($0.iso)" }, versionDate: metadata.date,
            sourceURL: metadata.celex.map { "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:" + SourceURL.component($0) },
            attribution: nil,
            notes: [Note(kind: .editorial, text: "Imported by ecca from the \(profile) file \(FormexAdapter.name(of: file)): wording from the XML (authorial notes dropped, whitespace collapsed); canonical ids minted from the numbers, the source's eId or xml:id kept as the source id.")],
            file: file, documentNumber: metadata.celex ?? metadata.uri)
    }

    // MARK: - Articles

    /// The numbering context children are minted in.
    private struct Context {
        var canonical: String
        var idPath: [String]
        var citation: String
        var pointPath = ""
        var subparagraph: String?

        func citing(points: String) -> String {
            var text = citation
            if let subparagraph { text += ", \(subparagraph)" }
            return PointCitation.cite(points, after: text, short: subparagraph == nil)
        }
    }

    private static func sourceID(_ element: OfficialElement) -> String? {
        element["eId"] ?? element["xml:id"] ?? element["id"] ?? element["GUID"]
    }

    private func emitArticle(_ article: OfficialElement, metadata: Metadata, into emitter: ImportEmitter) throws(OfficialImportError) {
        let nums = article.elements("num")
        let label = nums.first.map { flattening.flatten($0) } ?? ""
        let number = CanonicalIDs.clean(label.lowercased().hasPrefix("article") ? String(label.dropFirst(7)) : label)
        let canonical = "art_\(number)"
        // The heading, or (CIRSFID conversions) a second num.
        let heading = article.element("heading").map { flattening.flatten($0) } ?? (nums.count > 1 ? flattening.flatten(nums[1]) : nil)
        let pointer = Self.sourceID(article).map { "article[@\(article["eId"] != nil ? "eId" : "xml:id")='\($0)']" } ?? "article[\(number)]"
        try emitter.add(ImportedProvision(
            canonicalID: canonical, sourceID: Self.sourceID(article), idPath: ["art\(CanonicalIDs.idSegment(number))"], level: .article,
            citation: "Art. \(number)", heading: heading, wording: flattening.flatten(article.removingChildren(named: ["num", "heading"])),
            span: article.span.with(pointer: pointer), dates: Self.dates(in: article)))
        let context = Context(canonical: canonical, idPath: ["art\(CanonicalIDs.idSegment(number))"], citation: "Art. \(number)")
        try emitChildren(of: article, context: context, pointer: pointer, into: emitter)
    }

    /// Paragraphs (numbered or not), then points in lists.
    private func emitChildren(of element: OfficialElement, context: Context, pointer: String, into emitter: ImportEmitter) throws(OfficialImportError) {
        let paragraphs = element.elements().filter { $0.name == "paragraph" }
        let numbered = paragraphs.filter { $0.element("num") != nil }
        if !numbered.isEmpty {
            for paragraph in paragraphs {
                guard let num = paragraph.element("num") else { continue }
                let number = CanonicalIDs.clean(flattening.flatten(num))
                var child = context
                child.canonical = CanonicalIDs.join(context.canonical, "para_\(number)")
                child.idPath = context.idPath + [CanonicalIDs.idSegment(number)]
                child.citation = "\(context.citation)(\(number))"
                try emitter.add(provision(paragraph, canonical: child.canonical, idPath: child.idPath, level: .paragraph,
                                          parent: context.canonical, citation: child.citation, skipping: ["num", "heading"]))
                try emitSubdivisions(of: paragraph, context: child, into: emitter)
            }
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
                                          parent: context.canonical, citation: child.citing(points: ""), skipping: []))
                try emitSubdivisions(of: paragraph, context: child, into: emitter)
            }
        } else {
            try emitSubdivisions(of: element, context: context, into: emitter)
        }
    }

    /// Subparagraphs (`alinea`, `subparagraph` outside lists) and the points of the lists below.
    private func emitSubdivisions(of element: OfficialElement, context: Context, into emitter: ImportEmitter) throws(OfficialImportError) {
        let subparagraphs = element.elements().filter { ($0.name == "alinea" || $0.name == "subparagraph") && $0.all(where: { $0.name == "point" }).count > 0 }
        let lists = element.all(where: { $0.name == "list" || $0.name == "blockList" }, barriers: ["list", "blockList", "point", "paragraph"])
        if subparagraphs.count > 1 || lists.count > 1 {
            // Points restart per subparagraph: each list gets its own segment.
            for (offset, list) in lists.enumerated() {
                var child = context
                child.canonical = CanonicalIDs.join(context.canonical, "subpara_\(offset + 1)")
                child.idPath = context.idPath + ["sub\(offset + 1)"]
                child.subparagraph = "\(CanonicalIDs.ordinal(offset + 1)) subparagraph"
                try emitPoints(in: list, context: child, into: emitter)
            }
            return
        }
        for list in lists { try emitPoints(in: list, context: context, into: emitter) }
    }

    private func emitPoints(in list: OfficialElement, context: Context, into emitter: ImportEmitter) throws(OfficialImportError) {
        var unnumbered = 0
        for point in list.elements() where point.name == "point" || point.name == "indent" || point.name == "item" {
            let label = point.element("num").map { flattening.flatten($0) } ?? ""
            var child = context
            let segment: String
            if label.isEmpty {
                unnumbered += 1
                segment = "indent_\(unnumbered)"
                child.pointPath = PointCitation.join(context.pointPath, PointCitation.indent(unnumbered))
            } else {
                let clean = CanonicalIDs.clean(label)
                segment = "point_\(clean)"
                child.pointPath = PointCitation.join(context.pointPath, label.hasPrefix("(") ? "(\(clean))" : clean)
            }
            child.canonical = CanonicalIDs.join(context.canonical, segment)
            child.idPath = context.idPath + [CanonicalIDs.idSegment(segment.hasPrefix("point_") ? String(segment.dropFirst(6)) : segment)]
            try emitter.add(provision(point, canonical: child.canonical, idPath: child.idPath, level: .point, parent: context.canonical,
                                      citation: child.citing(points: child.pointPath), skipping: []))
            for nested in point.all(where: { $0.name == "list" || $0.name == "blockList" }, barriers: ["list", "blockList", "point"]) {
                try emitPoints(in: nested, context: child, into: emitter)
            }
        }
    }

    private func provision(_ element: OfficialElement, canonical: String, idPath: [String], level: ProvisionLevel, parent: String,
                           citation: String, skipping: Set<String>) -> ImportedProvision {
        let source = Self.sourceID(element)
        let attribute = element["eId"] != nil ? "eId" : "xml:id"
        return ImportedProvision(
            canonicalID: canonical, sourceID: source, idPath: idPath, level: level, parentID: parent, citation: citation,
            heading: element.element("heading").map { flattening.flatten($0) }, wording: flattening.flatten(element.removingChildren(named: skipping)),
            span: element.span.with(pointer: source.map { "\(element.name)[@\(attribute)='\($0)']" }), dates: Self.dates(in: element))
    }

    static func dates(in element: OfficialElement) -> [ImportedDate] {
        element.all(where: { $0.name == "date" }, barriers: ["authorialNote"]).compactMap { date in
            date["date"].flatMap { LegalDate(iso: String($0.prefix(10))) }.map { ImportedDate(date: $0, role: "stated in the text: \(date.plainText)") }
        }
    }
}
