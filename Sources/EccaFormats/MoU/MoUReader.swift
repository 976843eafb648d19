import ClauseGraph
import Foundation
import EccaXML

/// Reads an MoU draft (Regulations/schema/mou.rng) and checks its values against the clause graph's
/// vocabulary, naming the line of every problem.
public struct MoUReader: Sendable {
    public static let namespace = "urn:ecca:mou:1"
    public let schema: RelaxNGSchema?
    public let graph: ClauseGraph

    public init(schema: RelaxNGSchema?, graph: ClauseGraph) {
        self.schema = schema
        self.graph = graph
    }

    /// The parts every MoU has, in the order the schema requires them.
    private static let requiredParts = ["title", "party", "validity", "scope"]

    /// A required part the MoU lacks, named, at the line of what stands in its place: libxml2
    /// names only the element that came instead ("Did not expect element scope there" of an MoU
    /// without its validity), which does not say what is missing.
    private static func missingPart(of root: XMLElementNode, file: String) -> RequestError? {
        for (index, name) in requiredParts.enumerated() where root.element(name) == nil {
            let following = (requiredParts[(index + 1)...] + ["commitment"]).lazy.compactMap { root.element($0) }.first
            var place = [index > 0 ? "after <\(requiredParts[index - 1])>" : "first"]
            if index > 0, index + 1 < requiredParts.count { place.append("before <\(requiredParts[index + 1])>") }
            let form = name == "validity" ? "<validity from=\"YYYY-MM-DD\" until=\"YYYY-MM-DD\"/>" : "<\(name)>"
            return RequestError(file: file, line: (following ?? root).location.line, field: name,
                                message: "the MoU has no \(form): it is required, \(place.joined(separator: " and "))")
        }
        return nil
    }

    public func read(file: String) throws(RequestError) -> MoUDocument {
        let root: XMLElementNode
        let reader: XMLStreamReader
        do {
            reader = try XMLStreamReader(path: file, options: .init(schema: schema))
            root = try XMLElementNode.parse(reader)
        } catch {
            throw RequestError(file: error.location.file, line: error.location.line, message: error.message)
        }
        let invalid = reader.validationErrors
        if !invalid.isEmpty, root.name == "mou", root.namespace == Self.namespace, let missing = Self.missingPart(of: root, file: file) {
            throw missing
        }
        if !invalid.isEmpty {
            throw RequestError(schema: RelaxNGFindings(streamed: invalid, bytes: FileManager.default.contents(atPath: file).map { [UInt8]($0) }, root: root, schema: schema), document: "MoU")
        }
        guard root.name == "mou", root.namespace == Self.namespace else {
            throw RequestError(file: file, line: root.location.line, message: "root element must be <mou xmlns=\"\(Self.namespace)\">")
        }
        func fail(_ node: XMLElementNode, _ field: String, _ message: String) -> RequestError {
            RequestError(file: file, line: node.location.line, field: field, message: message)
        }
        func text(_ node: XMLElementNode) -> String { normalized(node.text) }
        guard let validity = root.element("validity"), let from = validity["from"].flatMap(LegalDate.init(iso:)),
              let until = validity["until"].flatMap(LegalDate.init(iso:)) else {
            throw RequestError(file: file, line: root.location.line, field: "validity", message: "a validity with ISO dates is required")
        }
        if until < from { throw fail(validity, "validity", "ends (\(until)) before it starts (\(from))") }
        guard let scopeNode = root.element("scope") else { throw fail(root, "scope", "required") }
        var scope = MoUDocument.Scope()
        let artifacts = graph.facts["item.artifact"]?.values ?? []
        let channels = graph.facts["item.channel"]?.values ?? []
        for node in scopeNode.elements() {
            let value = text(node)
            func written(_ values: [String]) {
                for value in values where scope.lines["\(node.name) \(value)"] == nil { scope.lines["\(node.name) \(value)"] = node.location.line }
            }
            switch node.name {
            case "legal-basis":
                guard let id = graph.resolveProvisionReference(value) else { throw fail(node, "legal-basis", "unknown provision '\(value)'") }
                scope.legalBases.append(id)
                written([id])
            case "artifact":
                guard artifacts.contains(value) else { throw fail(node, "artifact", "unknown artifact '\(value)' (expected one of: \(artifacts.joined(separator: ", ")))") }
                scope.artifacts.append(value)
                written([value])
            case "channel":
                guard channels.contains(value) else { throw fail(node, "channel", "unknown channel '\(value)' (expected one of: \(channels.joined(separator: ", ")))") }
                scope.channels.append(value)
                written([value])
            case "recipient-location", "recipient-nationality", "recipient-headquarters", "hosting-location":
                var countries: [String]
                if let set = node["set"] {
                    guard let named = graph.sets[set], named.kind == .country else { throw fail(node, node.name, "unknown country set '\(set)'") }
                    countries = named.members
                } else {
                    if let problem = CountryCodes.problem(value) { throw fail(node, node.name, problem) }
                    countries = [value]
                }
                written(countries)
                switch node.name {
                case "recipient-location": scope.recipientLocations += countries
                case "recipient-nationality": scope.recipientNationalities += countries
                case "hosting-location": scope.hostingLocations += countries
                default: scope.recipientHeadquarters += countries
                }
            case "recipient-organisation":
                var names = [value]
                if let set = node["set"] {
                    guard let named = graph.sets[set], named.kind == .string else { throw fail(node, node.name, "unknown set of names '\(set)'") }
                    names = named.members
                } else if value.isEmpty {
                    throw fail(node, node.name, "an organisation's name, or set=\"…\" naming a set of them")
                }
                written(names)
                scope.recipientOrganisations += names
            case "model":
                scope.models.append(node["name"] ?? "")
                written([node["name"] ?? ""])
            case "compute":
                scope.computeUnit = node["unit"]
                for (attribute, keyPath) in [("min", \MoUDocument.Scope.computeMin), ("max", \MoUDocument.Scope.computeMax)] {
                    guard let written = node[attribute] else { continue }
                    guard let number = ExactDecimal(written), !number.isNegative else {
                        throw fail(node, "compute.\(attribute)", "'\(written)' is not a non-negative finite number")
                    }
                    scope[keyPath: keyPath] = number
                }
                if let low = scope.computeMin, let high = scope.computeMax, high < low { throw fail(node, "compute", "min exceeds max") }
            case "weights-published": scope.weightsPublished = value == "true" || value == "1"
            case "provider": scope.providers.append(value)
            case "instrument":
                let id = node["ref"] ?? ""
                guard graph.instruments[id] != nil else { throw fail(node, "instrument", RequestVocabulary.unknownInstrument(id)) }
                scope.instruments.append(id)
            default: break
            }
        }
        var commitments: [MoUDocument.Commitment] = []
        let claimable = graph.claimableValues
        // An aia-certification means License Exception AIA: found by its citation in the law
        // loaded, never by an id of one encoding.
        let aiaCitation = MoUDocument.Commitment.Kind.aiaCitation
        let aia = graph.resolveProvisionReference(aiaCitation).flatMap { graph.provisions[$0] == nil ? nil : $0 }
        for node in root.elements("commitment") {
            guard let kind = node["kind"].flatMap(MoUDocument.Commitment.Kind.init(rawValue:)) else { continue }
            var provision: String?
            if let written = node["provision"] {
                guard let id = graph.resolveProvisionReference(written), graph.provisions[id] != nil else {
                    throw fail(node, "commitment.provision", "unknown provision '\(written)'")
                }
                provision = id
            }
            // A commitment claims what its kind says, or the MoU is refused: an aia-certification
            // naming another provision would silently claim that one, and an exception-claim of a
            // provision no condition tests as claimed (an EU obligation) would claim nothing.
            switch kind {
            case .aiaCertification:
                guard let aia else {
                    throw fail(node, "commitment.provision", "an aia-certification claims License Exception AIA (\(aiaCitation)), which the regulations loaded do not contain")
                }
                if let written = node["provision"], provision != aia {
                    throw fail(node, "commitment.provision", "an aia-certification claims License Exception AIA (\(aiaCitation), \(aia)), not '\(written)' (claim another exception with kind=\"exception-claim\")")
                }
                provision = aia
            case .exceptionClaim:
                guard let claimed = provision else { throw fail(node, "commitment.provision", "an exception-claim names the provision claimed") }
                if !claimable.contains(claimed) {
                    let citation = graph.provisions[claimed].map { " (\($0.citation))" } ?? ""
                    throw fail(node, "commitment.provision", "'\(node["provision"] ?? claimed)'\(citation) is not an exception an exporter can claim (expected one of: \(claimable.sorted().joined(separator: ", ")))")
                }
            default:
                break
            }
            commitments.append(.init(kind: kind, provision: provision, text: text(node), line: node.location.line))
        }
        return MoUDocument(id: root["id"] ?? "", title: root.element("title").map(text) ?? "",
                           parties: root.elements("party").map { .init(role: $0["role"] ?? "", name: text($0)) },
                           validFrom: from, validUntil: until, scope: scope, commitments: commitments, file: file)
    }
}
