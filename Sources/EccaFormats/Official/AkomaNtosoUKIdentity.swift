/// A UK instrument as legislation.gov.uk names it: its series (`uksi`, `ssi`, `ukpga` …), year and
/// number. S.I. 2008/3231 and S.I. 2019/3231 are two instruments: the id keeps all three.
struct UKInstrumentNumber: Sendable, Hashable {
    var series: String
    var year: String
    var number: String

    /// `gb.uksi-2023-425`: the adapter's `{country}.{type}-{year}-{number}`, with the UK's ISO 3166
    /// code and the series as the type (the series already tells UK-wide from devolved law).
    var id: String { "gb.\(series)-\(year)-\(CanonicalIDs.idSegment(number))" }

    /// How the instrument is cited, where the series has a form: "S.I. 2023/425".
    var citation: String? {
        Self.citationPrefixes[series].map { "\($0) \(year)/\(number)" }
    }

    /// The series that have a citation form, and its prefix.
    static let citationPrefixes = ["uksi": "S.I.", "wsi": "S.I.", "ssi": "S.S.I.", "nisr": "S.R."]

    /// Whether `text` is such a citation ("S.I. 2023/425"): an official id naming one instrument.
    static func isCitation(_ text: String) -> Bool {
        let parts = text.split(separator: " ")
        guard parts.count == 2, Set(citationPrefixes.values).contains(String(parts[0])) else { return false }
        let number = parts[1].split(separator: "/", omittingEmptySubsequences: false)
        return number.count == 2 && number[0].count == 4 && number.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// The country legislation.gov.uk writes as `FRBRcountry` for the series (its clml2akn
    /// `work-country`), for the statutory-instrument series a Lawmaker draft can be.
    static let seriesJurisdictions: [String: String] = [
        "uksi": "GB-UKM", "ukdsi": "GB-UKM", "ssi": "GB-SCT", "sdsi": "GB-SCT",
        "wsi": "GB-WLS", "wdsi": "GB-WLS", "nisr": "GB-NIR", "nidsr": "GB-NIR"]

    /// A legislation.gov.uk URI: `http://www.legislation.gov.uk/id/uksi/2008/3231` (the work, as
    /// its data.akn's `FRBRuri`), with or without `/id`, with a version after the number.
    init?(legislationGovUK uri: String) {
        var rest = Substring(uri)
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
        guard let slash = rest.firstIndex(of: "/"), ["www.legislation.gov.uk", "legislation.gov.uk"].contains(rest[..<slash]) else { return nil }
        var parts = rest[slash...].split(separator: "/")
        if parts.first == "id" { parts.removeFirst() }
        guard parts.count >= 3, parts[0].allSatisfy({ $0.isLetter && $0.isLowercase }), parts[1].count == 4, parts[1].allSatisfy(\.isNumber),
              parts[2].first?.isNumber == true else { return nil }
        self.init(series: String(parts[0]), year: String(parts[1]), number: String(parts[2]))
    }

    /// An Akoma Ntoso FRBR URI of a UK instrument, `/akn/uk/act/uksi/2019/855` (also `gb`,
    /// `gb-ukm` …): the same instrument as legislation.gov.uk's `/id/uksi/2019/855`, so the same id
    /// (`gb.uksi-2019-855`, not `uk.uksi-2019-855`), whichever publisher's file is read.
    init?(aknURI uri: String) {
        let parts = uri.split(separator: "/").filter { $0 != "akn" }
        guard uri.hasPrefix("/"), parts.count >= 5, parts[0] == "uk" || parts[0].hasPrefix("gb"), parts[1] == "act",
              Self.seriesJurisdictions[String(parts[2])] != nil || Self.actSeries.contains(String(parts[2])),
              parts[3].count == 4, parts[3].allSatisfy(\.isNumber), parts[4].first?.isNumber == true else { return nil }
        self.init(series: String(parts[2]), year: String(parts[3]), number: String(parts[4]))
    }

    /// legislation.gov.uk's series of Acts (UK Public General Acts, Acts of the Scottish
    /// Parliament, of Senedd Cymru, of the Northern Ireland Assembly, UK Local Acts).
    static let actSeries: Set<String> = ["ukpga", "ukla", "asp", "asc", "anaw", "mwa", "nia"]

    init(series: String, year: String, number: String) {
        self.series = series
        self.year = year
        self.number = number
    }
}

extension AkomaNtosoMetadata {
    /// A UK Lawmaker draft (or its publication): FRBR values are placeholders (`#varWorkUri`) that
    /// its `references` resolve, and its other FRBR values (`FRBRcountry`) are its template's.
    /// UK Lawmaker's placeholders are `#var…` (`#varWorkUri`, `#varSITitle`); another value with a
    /// `#` (a bare `#w`) is a reference that names nothing, not a sign of Lawmaker.
    var isLawmaker: Bool { placeholders.contains { $0.placeholder.hasPrefix("#var") } }

    /// UK law: `FRBRcountry` `GB-…` (legislation.gov.uk, Lawmaker) or a legislation.gov.uk URI.
    /// Its units are cited the UK way ("article 2(2)(a)", "regulation 3(1)", "Schedule 2, paragraph 1").
    var isUK: Bool {
        country?.lowercased().hasPrefix("gb") == true || uriNumber != nil
    }

    /// The UK instrument the FRBR URI names, a legislation.gov.uk URI or an Akoma Ntoso one.
    private var uriNumber: UKInstrumentNumber? {
        (uri ?? this).flatMap { UKInstrumentNumber(legislationGovUK: $0) ?? UKInstrumentNumber(aknURI: $0) }
    }

    /// The series a Lawmaker draft names: `act/@name` (`uksi`), else the `varDocType` reference (`UKSI`).
    private var lawmakerSeries: String? {
        [name, references["varDocType"]].compactMap { $0?.lowercased() }.first { UKInstrumentNumber.seriesJurisdictions[$0] != nil }
    }

    /// The instrument's series, year and number: from a legislation.gov.uk URI, or from a Lawmaker
    /// draft's series and its `varSIYear` and `varSINoComp` references (the number it was given).
    var ukNumber: UKInstrumentNumber? {
        if let parsed = uriNumber { return parsed }
        guard isLawmaker, let series = lawmakerSeries, let year = references["varSIYear"], year.count == 4, year.allSatisfy(\.isNumber),
              let number = references["varSINoComp"], number.first?.isNumber == true else { return nil }
        return UKInstrumentNumber(series: series, year: year, number: number)
    }

    /// A Lawmaker draft's jurisdiction: the country legislation.gov.uk gives its series; nil (and
    /// "unknown") when the series is not one, never the template's `FRBRcountry`.
    var ukSeriesJurisdiction: String? {
        lawmakerSeries.flatMap { UKInstrumentNumber.seriesJurisdictions[$0] }
    }

    /// How an FRBR element's value was read, for the instrument's official ids: "(from #varWorkUri)"
    /// when it was a placeholder.
    func placeholderSource(of element: String) -> String {
        placeholders.first { $0.element == element }.map { " (\(element), from \($0.placeholder))" } ?? ""
    }
}
