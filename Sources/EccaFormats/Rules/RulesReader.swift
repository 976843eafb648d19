import ClauseGraph
import EccaXML
import Foundation

/// Reads one rules XML file (namespace `urn:ecca:rules:1`, docs/rules-format.md) into a
/// `RulesDocument`, validating it against the RELAX NG schema as it streams.
public struct RulesReader: Sendable {
    public static let namespace = "urn:ecca:rules:1"

    public let schema: RelaxNGSchema?

    public init(schema: RelaxNGSchema?) {
        self.schema = schema
    }

    /// The outcome for one file: a document, or the diagnostics that make it unusable.
    public enum Outcome: Sendable {
        case document(RulesDocument)
        /// Schema violations: the file is well-formed but not valid; nothing from it is used.
        /// `declared` holds the ids its elements declare, so that references to them from other
        /// files can be told from references to nothing.
        case invalid([Diagnostic], declared: DeclaredIDs)
        /// The file cannot be read at all (I/O, malformed XML, forbidden constructs). `declared`
        /// holds the ids a malformed file still shows to libxml2's recovering parse (empty
        /// otherwise), so that references to them from other files are not errors of their own.
        case unusable(Diagnostic, declared: DeclaredIDs = DeclaredIDs())
    }

    /// The largest rules file read, so that a hostile file cannot make the in-memory tree
    /// unbounded; the shipped files are well under 1 MB.
    public static let maximumFileBytes = 64 << 20

    public func read(file: String) -> Outcome {
        if let size = InputSize.bytes(ofFile: file), size > Self.maximumFileBytes {
            return .unusable(Diagnostic(.error, "rules file of \(size) bytes is larger than the limit of \(Self.maximumFileBytes) bytes",
                                        at: SourceLocation(file: file, line: 0)))
        }
        return read(name: file, bytes: { FileManager.default.contents(atPath: file).map { [UInt8]($0) } }) { () throws(XMLReadError) in
            try XMLStreamReader(path: file, options: .init(schema: schema))
        }
    }

    /// Reads a rules document from bytes in memory (tests, fuzzing); `name` is used in diagnostics.
    public func read(bytes: [UInt8], name: String) -> Outcome {
        if bytes.count > Self.maximumFileBytes {
            return .unusable(Diagnostic(.error, "rules file of \(bytes.count) bytes is larger than the limit of \(Self.maximumFileBytes) bytes",
                                        at: SourceLocation(file: name, line: 0)))
        }
        return read(name: name, bytes: { bytes }) { () throws(XMLReadError) in
            try XMLStreamReader(bytes: bytes, name: name, options: .init(schema: schema))
        }
    }

    private func read(name file: String, bytes: () -> [UInt8]?, _ open: () throws(XMLReadError) -> XMLStreamReader) -> Outcome {
        // The builder relies on the schema for required attributes and their values: without it
        // nothing is read, so a broken schema can never let an unchecked file through.
        guard schema != nil else {
            return .unusable(Diagnostic(.error, "not read: the RELAX NG schema for rules files is not available",
                                        at: SourceLocation(file: file, line: 0)))
        }
        let root: XMLElementNode
        let reader: XMLStreamReader
        do {
            reader = try open()
            root = try XMLElementNode.parse(reader)
        } catch {
            guard error.kind == .malformed, let bytes = bytes() else { return .unusable(Diagnostic(error: error)) }
            return .unusable(Diagnostic(error: error), declared: DeclaredIDs(recoveredFrom: bytes, name: file))
        }
        // Said whatever else is wrong with the file, and never a reason to read less of it.
        let controls = RulesControlCharacters.diagnostics(in: root)
        let validity = reader.validationErrors
        if !validity.isEmpty {
            return .invalid(schemaFindings(streamed: validity, bytes: bytes(), root: root, file: file) + controls, declared: DeclaredIDs(rulesTree: root))
        }
        guard root.name == "rules", root.namespace == RulesReader.namespace else {
            return .invalid([Diagnostic(.error, "root element must be <rules xmlns=\"\(RulesReader.namespace)\">",
                                        at: SourceLocation(root.location))] + controls, declared: DeclaredIDs(rulesTree: root))
        }
        var document = RulesDocumentBuilder(file: file).build(root)
        document.diagnostics += controls
        return .document(document)
    }
}

extension Diagnostic {
    /// A reader error as a diagnostic, keeping its place.
    public init(error: XMLReadError) {
        self.init(.error, error.message, at: SourceLocation(error.location))
    }
}

extension SourceLocation {
    public init(_ location: XMLSourceLocation) {
        self.init(file: location.file, line: location.line)
    }
}

/// Turns a schema-valid element tree into clause-graph values.
struct RulesDocumentBuilder {
    let file: String
    /// What the builder found that the schema cannot say (a date that is not on the calendar).
    private let findings = Findings()

    final class Findings {
        var diagnostics: [Diagnostic] = []
    }

    init(file: String) { self.file = file }

    /// A date attribute: present and on the calendar, or reported, never silently dropped (a
    /// dropped "from" would make a provision bind since forever), with the id of the provision or
    /// instrument it dates (`subject`).
    private func date(_ element: XMLElementNode, _ attribute: String, of subject: String) -> LegalDate? {
        guard let text = element[attribute] else { return nil }
        guard let date = LegalDate(iso: text) else {
            findings.diagnostics.append(Diagnostic(.error, "<\(element.name) \(attribute)=\"\(text)\">: not a calendar date (YYYY-MM-DD, years 0001 to 9999)",
                                                   at: at(element), subject: subject))
            return nil
        }
        return date
    }

    func build(_ root: XMLElementNode) -> RulesDocument {
        var document = RulesDocument(file: file)
        for element in root.elements() {
            switch element.name {
            case "unit":
                document.units.append(UnitDeclaration(id: element["id"]!, countsToward: element["counts-toward"],
                                                      description: element.element("description").map { normalized($0.text) },
                                                      location: at(element)))
            case "fact":
                document.facts.append(fact(element))
            case "set":
                document.sets.append(set(element))
            case "instrument":
                let (instrument, provisions) = self.instrument(element)
                document.instruments.append(instrument)
                document.provisions += provisions
            default:
                break
            }
        }
        document.diagnostics = findings.diagnostics
        return document
    }

    private func at(_ element: XMLElementNode) -> SourceLocation { SourceLocation(element.location) }

    private func fact(_ element: XMLElementNode) -> FactDeclaration {
        FactDeclaration(id: element["id"]!,
                        type: FactDeclaration.FactType(rawValue: element["type"]!)!,
                        scope: FactDeclaration.Scope(rawValue: element["scope"]!)!,
                        suppliedBy: element["supplied-by"]!,
                        units: tokens(element["units"]),
                        values: tokens(element["values"]),
                        whenAbsent: element["when-absent"].flatMap(FactDeclaration.WhenAbsent.init(rawValue:)) ?? .unknown,
                        reads: element["reads"].flatMap(FactDeclaration.Reads.init(rawValue:)) ?? .value,
                        description: element.element("description").map { normalized($0.text) },
                        location: at(element))
    }

    private func set(_ element: XMLElementNode) -> NamedSet {
        NamedSet(id: element["id"]!, kind: NamedSet.Kind(rawValue: element["kind"]!)!,
                 provisionID: element["provision"], evidence: element["evidence"].flatMap(Evidence.init(rawValue:)),
                 title: element.element("title").map { normalized($0.text) },
                 members: element.elements("member").map { normalized($0.text) }, location: at(element))
    }

    private func instrument(_ element: XMLElementNode) -> (Instrument, [Provision]) {
        let id = element["id"]!
        let provisions = element.elements("provision").map { provision($0, instrumentID: id) }
        let version = element.element("version")
        let instrument = Instrument(
            id: id,
            jurisdiction: element["jurisdiction"]!,
            kind: Instrument.Kind(rawValue: element["kind"]!) ?? .other,
            title: normalized(element.element("title")?.text ?? ""),
            officialIDs: element.elements("official-id").map { .init(scheme: $0["scheme"]!, value: normalized($0.text)) },
            versionLabel: version?["label"],
            versionDate: version.flatMap { date($0, "date", of: id) },
            sourceURL: element.element("source")?["url"],
            attribution: element.element("source")?["attribution"],
            status: element.element("status").map { status($0, of: id) } ?? StatusTimeline(),
            notes: element.elements("note").map(note),
            appliesWhenNamed: element["applies-when-named"] == "true",
            provisionIDs: provisions.map(\.id),
            location: at(element))
        return (instrument, provisions)
    }

    private func provision(_ element: XMLElementNode, instrumentID: String) -> Provision {
        let id = element["id"]!
        return Provision(
            id: id,
            instrumentID: instrumentID,
            citation: element["citation"]!,
            evidence: Evidence(rawValue: element["evidence"]!)!,
            sourceID: element["source-id"],
            eid: element["eid"],
            wordingKind: element["wording-kind"].flatMap(Provision.WordingKind.init(rawValue:)) ?? .verbatim,
            heading: element.element("heading").map { normalized($0.text) },
            wording: normalized(element.element("wording")?.text ?? ""),
            sourceURL: element.element("source")?["url"],
            status: element.element("status").map { status($0, of: id) },
            notes: element.elements("note").map(note),
            norms: element.elements("norm").map { norm($0, provisionID: id) },
            countsAs: element.elements("counts-as").map { countsAs($0, provisionID: id) },
            licenceReviews: element.elements("licence-review").map { licenceReview($0, provisionID: id) },
            cites: references(element.elements("cites")),
            implements: references(element.elements("implements")),
            location: at(element))
    }

    private func note(_ element: XMLElementNode) -> Note {
        Note(kind: element["kind"].flatMap(Note.Kind.init(rawValue:)) ?? .editorial, text: normalized(element.text))
    }

    private func references(_ elements: [XMLElementNode]) -> [Provision.Reference] {
        elements.compactMap { element in element["provision"].map { Provision.Reference($0, at: at(element)) } }
    }

    /// The status axes of the provision or instrument `subject`.
    private func status(_ element: XMLElementNode, of subject: String) -> StatusTimeline {
        func interval(_ node: XMLElementNode) -> StatusInterval {
            StatusInterval(from: date(node, "from", of: subject), until: date(node, "until", of: subject),
                           basis: node["basis"], evidence: node["evidence"].flatMap(Evidence.init(rawValue:)), location: at(node))
        }
        func event(_ node: XMLElementNode) -> StatusEvent {
            StatusEvent(on: date(node, "on", of: subject), basis: node["basis"],
                        evidence: node["evidence"].flatMap(Evidence.init(rawValue:)), location: at(node))
        }
        return StatusTimeline(inForce: element.element("in-force").map(interval),
                              applicable: element.element("applicable").map(interval),
                              enforced: element.elements("enforced").map(interval),
                              rescissionAnnounced: element.element("rescission-announced").map(event),
                              rescissionPublished: element.element("rescission-published").map(event),
                              voluntary: element.element("voluntary").map {
                                  VoluntaryStatus(basis: $0["basis"], evidence: $0["evidence"].flatMap(Evidence.init(rawValue:)))
                              })
    }

    private func norm(_ element: XMLElementNode, provisionID: String) -> Norm {
        Norm(id: element["id"]!, provisionID: provisionID,
             modality: Norm.Modality(rawValue: element["modality"]!)!,
             bearer: normalized(element.element("bearer")?.text ?? ""),
             action: normalized(element.element("action")?.text ?? ""),
             object: element.element("object").map { normalized($0.text) },
             manner: element.element("manner").map { normalized($0.text) },
             condition: element.element("condition").flatMap { $0.elements().first }.map(condition),
             // The schema lets `reading` be "other" alone, and only with a provision.
             exceptions: element.elements("exception").filter { $0["reading"] == nil }.map(exception),
             otherReadings: element.elements("exception").filter { $0["reading"] != nil }.map(exception),
             sanctions: element.elements("sanction").compactMap { $0["provision"] },
             location: at(element))
    }

    private func countsAs(_ element: XMLElementNode, provisionID: String) -> CountsAs {
        CountsAs(id: element["id"]!, provisionID: provisionID,
                 label: normalized(element.element("label")?.text ?? ""),
                 condition: element.element("condition").flatMap { $0.elements().first }.map(condition) ?? .constant(true),
                 exceptions: element.elements("exception").map(exception),
                 otherReadings: element.elements("other-reading").map(exception),
                 location: at(element))
    }

    /// The schema admits only the values read here.
    private func licenceReview(_ element: XMLElementNode, provisionID: String) -> LicenceReview {
        LicenceReview(provisionID: provisionID, presumption: element["presumption"].flatMap(LicenceReview.Presumption.init(rawValue:)) ?? .denial,
                      unlessRule: element["unless"] ?? "", evidence: element["evidence"].flatMap(Evidence.init(rawValue:)) ?? .unverified,
                      label: normalized(element.element("label")?.text ?? ""), location: at(element))
    }

    private func exception(_ element: XMLElementNode) -> Exception {
        let body = element.elements().first { $0.name != "label" }
        return Exception(id: element["id"]!, provisionID: element["provision"],
                         label: normalized(element.element("label")?.text ?? ""),
                         condition: body.map(condition) ?? .constant(false),
                         location: at(element))
    }

    func condition(_ element: XMLElementNode) -> Condition {
        let location = at(element)
        switch element.name {
        case "all": return .all(element.elements().map(condition))
        case "any": return .any(element.elements().map(condition))
        case "not": return .not(element.elements().first.map(condition) ?? .constant(false))
        case "true": return .constant(true)
        case "false": return .constant(false)
        case "compare":
            return .compare(.init(fact: element["fact"]!, op: .init(rawValue: element["op"]!)!, value: element["value"]!,
                                  unit: element["unit"], location: location,
                                  opEvidence: element["op-evidence"].flatMap(Evidence.init(rawValue:)),
                                  opNote: element["op-note"].map(normalized)))
        case "is": return .equals(fact: element["fact"]!, value: element["value"]!, at: location)
        case "in": return .member(fact: element["fact"]!, of: members(element), at: location)
        case "has": return .contains(fact: element["fact"]!, element: members(element), at: location)
        case "holds": return .holds(rule: element["rule"]!, at: location)
        default: return .constant(false)  // unreachable for schema-valid input
        }
    }

    private func members(_ element: XMLElementNode) -> Condition.Members {
        if let set = element["set"] { return .set(set) }
        if let value = element["value"] { return .values([value]) }
        return .values(tokens(element["values"]))
    }

    private func tokens(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }
}

/// Collapses runs of whitespace to one space and trims: wording is compared and shown normalised.
func normalized(_ text: String) -> String {
    TextNormalizer.collapse(text)
}
