import ClauseGraph

/// What an Akoma Ntoso file's identification says about the act: its FRBR work and expression,
/// the date the preface prints, and the namespace (profile) it is written in.
struct AkomaNtosoMetadata {
    var documentType = "act"
    var name: String?
    var this: String?
    var uri: String?
    var celex: String?
    var number: String?
    var country: String?
    var title: String?
    var akn4eu = false
    /// `FRBRWork/FRBRdate`: the work's date (enactment, promulgation), with the name the file gives it.
    var workDate: (date: LegalDate, name: String?)?
    /// `FRBRExpression/FRBRdate`: the date of this version of the text (a consolidation's point in time).
    var expressionDate: (date: LegalDate, name: String?)?
    /// The FRBRdate the version would be dated by (the expression's, else the work's) when it is
    /// there but not a date (`2026-02-30`, `30-11-2026`): the text is then undated, and that is
    /// said. A malformed expression date does not fall back to the work's date, which would make a
    /// consolidation the act as first made, and lose to any later text without a word (QA dates7 #5).
    var unreadDate: VersionDateField?
    /// The preface's `docDate`: the date printed on the act.
    var docDate: LegalDate?
    /// `FRBRExpression/FRBRlanguage`: the language of this text (`fra`, `deu`, `eng`).
    var language: String?
    /// The namespace of the document element (OASIS, LegalDocML.de, the Italian Senate's CSD03 …).
    var namespace: String?
    /// `FRBRWork/FRBRname`, resolved if it is a placeholder (Lawmaker's `#varSITitle` is the SI's title).
    var frbrName: String?
    /// `references/TLC*`: each `eId` and its `showAs` (UK Lawmaker's placeholders resolve there).
    var references: [String: String] = [:]
    /// FRBR values that are placeholders (`#varWorkUri`): the element, the placeholder and what
    /// `references` resolves it to (nil when it resolves to nothing).
    var placeholders: [(element: String, placeholder: String, resolved: String?)] = []

    /// The profile named in labels: AKN4EU, Akoma Ntoso 3.0 (OASIS namespace), or the namespace read.
    var profile: String {
        if akn4eu { return "AKN4EU" }
        guard let namespace, namespace != OfficialDialect.aknNamespace else { return "Akoma Ntoso 3.0" }
        if namespace.contains("LegalDocML.de") {
            let version = namespace.split(separator: "/").last.map(String.init) ?? ""
            return "LegalDocML.de" + (version.first?.isNumber == true ? " \(version)" : "")
        }
        return "Akoma Ntoso (namespace \(namespace))"
    }

    mutating func read(meta: OfficialElement) {
        guard let work = meta.first(where: { $0.name == "FRBRWork" }) else { return }
        for reference in meta.all(where: { $0.name.hasPrefix("TLC") }) {
            if let eId = reference["eId"], references[eId] == nil { references[eId] = reference["showAs"].map(TextNormalizer.collapse) ?? "" }
        }
        this = value(of: work, "FRBRthis")
        uri = value(of: work, "FRBRuri")
        celex = work.elements("FRBRalias").first { ($0["name"] ?? "").uppercased() == "CELEX" }?["value"]
        number = value(of: work, "FRBRnumber")
        frbrName = value(of: work, "FRBRname")
        country = work.element("FRBRcountry")?["value"].flatMap(\.nilIfEmpty)
        workDate = Self.date(work)
        if let expression = meta.first(where: { $0.name == "FRBRExpression" }) {
            expressionDate = Self.date(expression)
            if expressionDate == nil { unreadDate = Self.unreadDate(expression, level: "expression") }
            language = expression.element("FRBRlanguage")?["language"].flatMap(\.nilIfEmpty)
        }
        if expressionDate == nil, unreadDate == nil, workDate == nil { unreadDate = Self.unreadDate(work, level: "work") }
        akn4eu = meta.first(where: { $0.name == "akn4euVersion" }) != nil
    }

    /// An FRBR element's `value`; a placeholder (`#varWorkUri`, UK Lawmaker's drafts) is what the
    /// `references` entry with that `eId` shows, recorded, and nil when that is empty or missing.
    private mutating func value(of work: OfficialElement, _ name: String) -> String? {
        guard let value = work.element(name)?["value"].flatMap(\.nilIfEmpty) else { return nil }
        guard value.hasPrefix("#") else { return value }
        let resolved = references[String(value.dropFirst())].flatMap(\.nilIfEmpty)
        placeholders.append((name, value, resolved))
        return resolved
    }

    /// A FRBR level's full date; drafts' placeholder `2999-01-01` and a bare year are no date.
    private static func date(_ level: OfficialElement) -> (date: LegalDate, name: String?)? {
        guard let element = level.element("FRBRdate"), let text = element["date"], text.count >= 10,
              let parsed = LegalDate(iso: String(text.prefix(10))), parsed.components.year < 2900 else { return nil }
        return (parsed, element["name"].flatMap(\.nilIfEmpty))
    }

    /// A level's FRBRdate that is there but neither a date nor one of the values that are
    /// documented as no date (the drafts' placeholder `2999-01-01`, a bare year, an empty value).
    private static func unreadDate(_ level: OfficialElement, level name: String) -> VersionDateField? {
        guard let element = level.element("FRBRdate"), let text = element["date"].map(TextNormalizer.collapse),
              !(text.count == 4 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)),
              text.count < 10 || LegalDate(iso: String(text.prefix(10))) == nil else { return nil }
        return VersionDateField(field: "\(name) FRBRdate", value: text, file: level.span.file, line: element.span.firstLine, dates: [])
    }

    /// The version of the text: the expression's date, labelled as the expression's; without one,
    /// the work's date, labelled as the work's (not as an expression's). An expression date that
    /// is not a date leaves the text undated (`unreadDate`), and the label says why.
    var version: (label: String, date: LegalDate?)? {
        if let expressionDate { return ("\(profile) expression of \(expressionDate.date.iso)", expressionDate.date) }
        if let unreadDate, let remark = unreadDate.remark { return ("\(profile) text, undated (\(remark))", nil) }
        if let workDate { return ("\(profile) work dated \(workDate.date.iso) (the file gives no expression date)", workDate.date) }
        return nil
    }

    /// The act's own date: the date the preface prints (`docDate`), else the work's date.
    var actDate: (date: LegalDate, source: String)? {
        if let docDate { return (docDate, "the preface's docDate") }
        if let workDate { return (workDate.date, "FRBRWork date" + (workDate.name.map { " “\($0)”" } ?? "")) }
        return nil
    }

    /// The jurisdiction: `FRBRcountry`, else the FRBR URI's country segment (`/akn/za/…`), else
    /// nil: the file does not say, and ecca does not guess.
    var jurisdiction: String? {
        // A UK Lawmaker draft's FRBRcountry is its template's (`GB-SCT` on UK-wide SIs): the series says.
        if isLawmaker { return ukSeriesJurisdiction }
        if let country { return country.uppercased() }
        // A UK statutory instrument named only by its URI: the country legislation.gov.uk gives its series.
        if let series = ukNumber?.series, let country = UKInstrumentNumber.seriesJurisdictions[series] { return country }
        if let first = uriCountry { return first.uppercased() }
        return nil
    }

    /// The FRBR URI's country segment (`za`, `za-cpt`, `eu`); nil when the URI begins with the
    /// document type instead (`/akn/act/2020/1`): it names no country, and none is guessed.
    private var uriCountry: Substring? {
        guard let parts = uriParts, let first = parts.first, first.count <= 6, first.first?.isLetter == true,
              !Self.documentTypes.contains(String(first)) else { return nil }
        return first
    }

    /// Akoma Ntoso's document types, the segment that follows the country in an FRBR URI.
    static let documentTypes: Set<String> = ["act", "bill", "doc", "documentCollection", "amendment", "amendmentList",
                                             "judgment", "statement", "debate", "debateReport", "officialGazette", "portion"]

    /// The FRBR URI's segments after `/akn` (or an ELI's `eli/`), when it is one.
    private var uriParts: [Substring]? {
        guard let uri, uri.hasPrefix("/") || uri.hasPrefix("eli/") else { return nil }
        var parts = uri.split(separator: "/").filter { $0 != "akn" }
        if parts.first == "eli" {
            // ELI (`eli/bund/bgbl-1/2025/145`): the country is FRBRcountry, not a URI segment.
            parts.removeFirst()
            guard let country else { return nil }
            parts.insert(Substring(country.lowercased()), at: 0)
        }
        return parts
    }

    /// The instrument id from the FRBR URI `/akn/{country}/{type}[/{subtype}][/{actor}]/{date}/{number}`:
    /// `/akn/eu/act/directive/ep/2014/92/` → `eu.directive-2014-92`, `/akn/za/act/1996/constitution`
    /// → `za.act-1996-constitution`, `/akn/za-cpt/act/by-law/2010/air-quality` →
    /// `za-cpt.by-law-2010-air-quality`. The number is kept even when it is a word, or two acts of
    /// one year would share an id. A UK instrument is its series, year and number (`gb.uksi-2023-425`,
    /// `AkomaNtosoUKIdentity.swift`).
    var mintedID: String? {
        // A UK instrument is its series, year and number (`gb.uksi-2023-425`); a Lawmaker draft's
        // placeholders name no instrument (its FRBRnumber is the drafting project's).
        if let uk = ukNumber { return uk.id }
        if isLawmaker { return nil }
        if let parts = uriParts, parts.count >= 3 {
            // Without a country segment (`/akn/act/2020/1`) the id says `akn`, as with no URI.
            let country = uriCountry?.lowercased() ?? "akn"
            let after = uriCountry == nil ? parts[...] : parts.dropFirst()
            let kinds = after.prefix { $0.first?.isNumber == false }
            let type = kinds.dropFirst().first.map(String.init) ?? kinds.first.map(String.init) ?? documentType
            let rest = after.dropFirst(kinds.count).filter { !$0.hasPrefix("!") && !$0.contains("@") }
            if !rest.isEmpty { return "\(country).\(type)-\(rest.map(String.init).joined(separator: "-"))" }
        }
        if let number { return "\((country ?? "akn").lowercased()).\(documentType)-\(CanonicalIDs.idSegment(number))" }
        return nil
    }

    /// `kind`: a regulation only when the act says so (`act name="regulation"`); nothing is a
    /// regulation by default.
    var kind: Instrument.Kind {
        documentType == "act" && (name ?? "").lowercased().contains("regulation") ? .regulation : .other
    }
}
