import ClauseGraph
import EccaXML

/// Official wording out of Formex 4 (the EU Official Journal's XML), addressed by the `source-id`
/// locators the shipped EU provisions carry (docs/rules-format.md, "Source ids"):
///
/// - `NNN`: article NNN without its number and heading (`TI.ART`, `STI.ART`);
/// - `NNN.PPP`: paragraph `IDENTIFIER="NNN.PPP"` without its number (`NO.PARAG`);
/// - `NNN.PPP(x)(y)`: points within a paragraph, by their `NO.P` labels;
/// - `NNN(x)`: a point of an article without paragraphs (Art. 3 definitions);
/// - `NNN~K`, `NNN.PPP~K`: the K-th subparagraph (`ALINEA`);
/// - `ANNEX XI`: an annex's `CONTENTS` (an annex file's, or a `CONS.ANNEX` of a consolidated act);
/// - `ANNEX XI, Section 1`, `ANNEX XI, Section 1, point 1(d)`, `ANNEX VII, point 3.1(a)`: a group or
///   point of an annex, by the path of its citation (`FormexAnnexLocator`).
///
/// In a consolidated act (`CONS.ACT`), text in a range marked deleted (`CLG.MDFO ACTION="DELETED"`)
/// is not part of the wording, and a locator that names only deleted text is told apart from one
/// that names nothing (`lookup`); the consolidation ranges over the text a locator names say which
/// act changed it.
///
/// Text is flattened by `TextFlattening.formex`, the rule the Formex importer uses too: footnotes
/// (`NOTE`) dropped, superscripts written `^25`, quotation milestones as their characters, block
/// elements separated by one space, and whitespace collapsed.
public struct FormexText: Sendable {
    public let act: OfficialElement
    public let annexes: [String: OfficialElement]
    /// `act`'s articles and paragraphs, found once for the look-ups.
    let units: FormexLocatorIndex

    /// A consolidated act's ranges, over `act` (deleted text left out) and over a copy that keeps it.
    struct Consolidation: Sendable {
        var ranges: ConsolidationRanges
        var kept: OfficialElement
        var keptUnits: FormexLocatorIndex
        var keptAnnexes: [String: OfficialElement]
        var keptRanges: ConsolidationRanges
    }

    let consolidation: Consolidation?

    /// True for a consolidated act (`CONS.ACT`): documentation, not the Official Journal.
    public var isConsolidated: Bool { consolidation != nil }

    public init(act: OfficialElement, annexes: [String: OfficialElement] = [:]) {
        self.act = act
        self.annexes = annexes
        units = FormexLocatorIndex(act, annexes: annexes)
        consolidation = nil
    }

    /// A consolidated act, with the annexes it holds (`CONS.ANNEX`) and any annex files given with it.
    init(consolidated document: OfficialElement, annexes files: [String: OfficialElement] = [:]) {
        var ranges = ConsolidationRanges()
        act = ranges.annotate(document) ?? OfficialElement(name: document.name, span: document.span)
        var keptRanges = ConsolidationRanges()
        let kept = keptRanges.annotate(document, keepingDeleted: true) ?? document
        annexes = files.merging(Self.annexes(in: act)) { _, inner in inner }
        units = FormexLocatorIndex(act, annexes: annexes)
        let keptAnnexes = Self.annexes(in: kept)
        consolidation = Consolidation(ranges: ranges, kept: kept, keptUnits: FormexLocatorIndex(kept, annexes: keptAnnexes), keptAnnexes: keptAnnexes,
                                      keptRanges: keptRanges)
    }

    /// The `CONS.ANNEX`es of a consolidated act, by locator.
    static func annexes(in document: OfficialElement) -> [String: OfficialElement] {
        var annexes: [String: OfficialElement] = [:]
        for annex in document.all(where: { $0.name == "CONS.ANNEX" }, barriers: ["CONS.ANNEX", "ARTICLE", "QUOT.S"]) {
            guard let title = annex.element("TITLE"), title.element("TI") != nil else { continue }
            annexes[AnnexTitle(title).locator] = annex
        }
        return annexes
    }

    /// Loads the main act and every annex file found beside it (`*.fmx.xml` with an `ANNEX` root).
    /// Without `actPath`, the annexes alone (the act is empty: no article locator resolves).
    public static func load(actPath: String? = nil, annexPaths: [String] = [], unitLimit: XMLUnitLimit = .standard) throws(XMLReadError) -> FormexText {
        let act = try actPath.map { path throws(XMLReadError) in try read(path, unitLimit: unitLimit) }
            ?? OfficialElement(name: "ACT", span: SourceSpan(file: annexPaths.first ?? "", firstLine: 1, lastLine: 1))
        var annexes: [String: OfficialElement] = [:]
        for path in annexPaths {
            let root = try read(path, unitLimit: unitLimit)
            guard root.name == "ANNEX", let title = root.element("TITLE"), title.element("TI") != nil else { continue }
            annexes[AnnexTitle(title).locator] = root
        }
        if act.name == "CONS.ACT" { return FormexText(consolidated: act, annexes: annexes) }
        return FormexText(act: act, annexes: annexes)
    }

    /// The date of the text in `document` (an act, a consolidated act or an annex file): a
    /// consolidated version's first day of validity (`INFO.CONSLEG/@START.DATE`), otherwise the
    /// date its bibliography gives (`BIB.INSTANCE/DATE`, the act's date). Nil when it has neither.
    public static func versionDate(of document: OfficialElement) -> LegalDate? {
        if let start = document.first(where: { $0.name == "INFO.CONSLEG" })?["START.DATE"], let date = FormexAdapter.date(start) {
            return date
        }
        return document.element("BIB.INSTANCE")?.element("DATE")?["ISO"].flatMap(FormexAdapter.date)
    }

    /// The last day a consolidated version is valid (`INFO.CONSLEG/@END.DATE`, "99991231" for one
    /// still current); nil for any other text.
    public static func validUntil(of document: OfficialElement) -> LegalDate? {
        document.first(where: { $0.name == "INFO.CONSLEG" })?["END.DATE"].flatMap(FormexAdapter.date)
    }

    /// An annex's `TITLE`: its number (`<TI><P>ANNEX X</P>…`) and its heading. The heading is the
    /// `STI`, or the `TI`'s further `P`s: Annex X of the AI Act has no `STI` and prints its subtitle
    /// as a second `P` of the `TI` (`<TI><P>ANNEX X</P><P>Union legislative acts …</P></TI>`), which
    /// is not part of its number.
    ///
    /// An annex whose title opens a quotation (`<TI><P><QUOT.START …/>Annex XIV</P>`, the Annex of
    /// Reg. 2026/1744, which is the new Annex XIV of Reg. 2024/1689) is an amending act's annex that
    /// quotes another act's annex whole: the quoted title is not its number. It is the act's one
    /// unnumbered annex (`ANNEX`), and `quotation` is the quoted title as printed (`‘Annex XIV`).
    public struct AnnexTitle: Sendable, Hashable {
        /// `XI`; empty for an annex printed without a number.
        public var number: String
        public var heading: String?
        /// The quoted title of an annex that quotes another act's annex (`‘Annex XIV`); nil otherwise.
        public var quotation: String?
        /// The `ID` of the `QUOT.START` that opens the quotation, which its `QUOT.END` names in `REF.START`.
        public var quotationID: String?

        /// The `source-id` locator: `ANNEX XI` (`ANNEX` alone for an unnumbered annex).
        public var locator: String { number.isEmpty ? "ANNEX" : "ANNEX \(number)" }

        public init(_ title: OfficialElement?) {
            let ti = title?.element("TI")
            if let ti, let opening = Self.openingQuotation(ti) {
                number = ""
                heading = nil
                quotation = FormexText.flatten(ti)
                quotationID = opening["ID"]
                return
            }
            let lines = ti.map { ti in ti.elements("P").isEmpty ? [FormexText.flatten(ti)] : ti.elements("P").map { FormexText.flatten($0) } } ?? []
            var words = (lines.first ?? "").split(separator: " ")
            if words.first?.uppercased() == "ANNEX" { words.removeFirst() }
            // The number is the word after ANNEX; anything after it on the same line is subtitle.
            number = words.first.map(String.init) ?? ""
            let parts = [words.dropFirst().joined(separator: " ")] + lines.dropFirst()
                + [title?.element("STI").map { FormexText.flatten($0) } ?? ""]
            let joined = parts.filter { !$0.isEmpty }.joined(separator: " ")
            heading = joined.isEmpty ? nil : joined
        }

        /// The `QUOT.START` milestone a title's text opens with (in its first `P`, or the `TI` itself),
        /// before any other text; nil when the title opens otherwise.
        static func openingQuotation(_ ti: OfficialElement) -> OfficialElement? {
            var node = ti
            while true {
                guard let first = node.children.first(where: { child in
                    if case .text(let text) = child { return !text.allSatisfy(\.isWhitespace) }
                    if case .element = child { return true }
                    return false
                }), case .element(let element) = first else { return nil }
                if element.name == "QUOT.START" { return element }
                guard element.name == "P" else { return nil }
                node = element
            }
        }
    }

    /// A whole Formex file as one tree (one unit, held to `unitLimit`), read through the importers' stream.
    private static func read(_ path: String, unitLimit: XMLUnitLimit) throws(XMLReadError) -> OfficialElement {
        do {
            return try OfficialStream.read(path, unitLimit: unitLimit) { stream, root throws(OfficialImportError) in try stream.capture(root) }
        } catch {
            if case .unreadable(let reason) = error { throw reason }
            throw XMLReadError(kind: .malformed, location: XMLSourceLocation(file: path, line: 1), message: error.description)
        }
    }

    /// The act and number a document's bibliography gives (`numberElement(inBibliography:)`; in a
    /// consolidated act, the consolidated act's `BIB.INSTANCE.CONS`, not the consolidation's own
    /// `BIB.INSTANCE`). Both nil when the bibliography numbers no act.
    public static func documentNumber(of document: OfficialElement) -> (year: String?, number: String?) {
        if let header = ConsolidatedHeader(document: document) { return (header.act.year, header.act.number) }
        let number = document.element("BIB.INSTANCE").flatMap(numberElement(inBibliography:))
        return (number?.element("YEAR")?.rawText, number?.element("NO.CURRENT")?.rawText)
    }

    /// The `NO.DOC` that numbers the act in a `BIB.INSTANCE`: its own, else its `DOCUMENT.REF`'s.
    /// An act published on its own in the L series (from October 2023) numbers itself in its
    /// Official Journal reference (`DOCUMENT.REF/NO.DOC`, where an issue had `NO.OJ`), and the AI
    /// Act's files carry it there and after `PAGE.TOTAL` alike; a file with either is numbered, so
    /// that the importer and `cite-check` take every file for the act the other takes it for.
    static func numberElement(inBibliography bibliography: OfficialElement) -> OfficialElement? {
        bibliography.element("NO.DOC") ?? bibliography.element("DOCUMENT.REF")?.element("NO.DOC")
    }

    /// What a locator names.
    public enum Lookup: Sendable, Hashable {
        /// The flattened text, and the consolidation ranges over it or inside it (consolidated acts).
        case found(String, changedBy: [ConsolidationMarker])
        /// Only text a consolidation range marks deleted: no longer law.
        case deleted(by: ConsolidationMarker)
        case absent
    }

    /// The flattened official text at `locator`, or nil when the locator names nothing in force.
    public func text(at locator: String) -> String? {
        if case .found(let text, _) = lookup(locator) { return text }
        return nil
    }

    public func lookup(_ locator: String) -> Lookup {
        if let found = Self.elements(at: locator, in: units, annexes: annexes).first {
            return .found(FormexText.flatten(found.node, skipping: found.skip), changedBy: consolidation?.ranges.markers(within: found.node) ?? [])
        }
        if let consolidation, let found = Self.elements(at: locator, in: consolidation.keptUnits, annexes: consolidation.keptAnnexes).first,
           let ordinal = ConsolidationRanges.ordinal(of: found.node), let id = consolidation.keptRanges.deleted[ordinal],
           let marker = consolidation.keptRanges.marker(id) {
            return .deleted(by: marker)
        }
        return .absent
    }

    /// Each text `locator` names, with the line it starts on, when the act prints that unit more
    /// than once: an article twice (a damaged or hand-joined file; the import warns of it), or a
    /// paragraph or point twice in its article or list. In document order; empty for a unit printed once.
    public func repeatedTexts(at locator: String) -> [(line: Int, text: String)] {
        let found = Self.elements(at: locator, in: units, annexes: annexes)
        guard found.count > 1 else { return [] }
        return found.map { ($0.node.span.firstLine, FormexText.flatten($0.node, skipping: $0.skip)) }
    }

    /// Every element `locator` names, in document order: one, or more where the act prints the
    /// unit more than once (the first is the one a lookup reads).
    private static func elements(at locator: String, in units: FormexLocatorIndex,
                                 annexes: [String: OfficialElement]) -> [(node: OfficialElement, skip: Set<String>)] {
        if let annex = FormexAnnexLocator(locator) {
            guard annex.path != nil else {
                guard let contents = annexes[locator]?.element("CONTENTS") else { return [] }
                return [(contents, [])]
            }
            return (units.annexParts[locator] ?? []).map { ($0.node, $0.skip) }
        }
        var rest = Substring(locator)
        var alinea: Int?
        if let tilde = rest.firstIndex(of: "~") {
            alinea = Int(rest[rest.index(after: tilde)...])
            rest = rest[..<tilde]
        }
        var points: [String] = []
        if let open = rest.firstIndex(of: "(") {
            var labels = rest[open...]
            rest = rest[..<open]
            while let start = labels.firstIndex(of: "("), let end = labels.firstIndex(of: ")") {
                points.append("(" + labels[labels.index(after: start)..<end] + ")")
                labels = labels[labels.index(after: end)...]
            }
        }
        let parts = rest.split(separator: ".")
        guard let articleID = parts.first else { return [] }
        var unitsFound = units.articles[String(articleID)] ?? []
        if parts.count > 1 {
            let identifier = "\(articleID).\(parts[1])"
            unitsFound = unitsFound.flatMap { $0.paragraphs[identifier] ?? [] }
        }
        // What the point steps look in: an article's or paragraph's points found when it was
        // indexed, or (nil) a subparagraph's or point's own, found when asked.
        var found: [(node: OfficialElement, skip: Set<String>, points: [String: [OfficialElement]]?)]
        if let alinea {
            found = unitsFound.compactMap { unit in
                alinea >= 1 && alinea <= unit.alineas.count ? (unit.alineas[alinea - 1], [], nil) : nil
            }
        } else {
            found = unitsFound.map { ($0.node, $0.skip, $0.points) }
        }
        for label in points {
            found = found.flatMap { unit in (unit.points ?? Self.points(in: unit.node))[label] ?? [] }.map { ($0, [], nil) }
        }
        return found.map { ($0.node, $0.skip) }
    }

    /// The `PARAG`s (or `ALINEA`s) of an article or paragraph in document order, with the titles of
    /// the `SUBDIV`s they sit in, outermost first. `SUBDIV` is Formex's grouping element inside an
    /// `ARTICLE` (Reg. 2016/1036 Art. 2 groups its paragraphs under "A. NORMAL VALUE", "B. EXPORT
    /// PRICE" …); it may nest. The paragraphs keep their numbers and identifiers: the group is no level
    /// of the citation ("Article 2(7)(a)").
    /// `path` is the element path from `container` to the element's parent (`SUBDIV[1]/`, empty
    /// when there is no group), for source spans.
    public static func grouped(_ name: String, in container: OfficialElement) -> [(element: OfficialElement, groups: [String], path: String)] {
        var found: [(element: OfficialElement, groups: [String], path: String)] = []
        func walk(_ element: OfficialElement, _ groups: [String], _ path: String) {
            var subdivisions = 0
            for child in element.elements() {
                if child.name == name {
                    found.append((child, groups, path))
                } else if child.name == "SUBDIV" {
                    subdivisions += 1
                    let title = child.element("TITLE").map { flatten($0) }.flatMap { $0.isEmpty ? nil : $0 }
                    walk(child, groups + (title.map { [$0] } ?? []), path + "SUBDIV[\(subdivisions)]/")
                }
            }
        }
        walk(container, [], "")
        return found
    }

    /// A unit's points (`ITEM`s) by their label (`NO.P`, `(a)`), each label's on the shallowest
    /// level that has one, found breadth-first, not descending into quoted amendments to other acts
    /// (`QUOT.S`): `092.001(i)` is the paragraph's own point (i), not a romanette nested in an
    /// earlier point. In document order within their level.
    static func points(in node: OfficialElement) -> [String: [OfficialElement]] {
        var points: [String: [OfficialElement]] = [:]
        var level = node.elements()
        while !level.isEmpty {
            var here: [String: [OfficialElement]] = [:]
            for candidate in level where candidate.name == "ITEM" {
                guard let label = candidate.element("NP")?.element("NO.P").map({ Self.flatten($0) }), points[label] == nil else { continue }
                here[label, default: []].append(candidate)
            }
            points.merge(here) { first, _ in first }
            level = level.filter { $0.name != "QUOT.S" }.flatMap { $0.elements() }
        }
        return points
    }

    static let blockElements: Set<String> = ["P", "ALINEA", "NP", "NO.P", "TXT", "ITEM", "LIST", "PARAG", "ROW", "CELL", "GR.SEQ", "TITLE", "TI", "STI"]

    /// The flattening rule shared by the shipped wording, the importer and `cite-check`.
    public static func flatten(_ node: OfficialElement, skipping skip: Set<String> = []) -> String {
        TextFlattening.formex.flatten(node, skipping: skip)
    }
}
