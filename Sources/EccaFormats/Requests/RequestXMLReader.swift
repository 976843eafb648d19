import EccaXML
import Foundation

/// Reads the XML request format (Regulations/schema/request.rng) by mapping it onto the JSON
/// request model, so both formats go through one decoder and report problems the same way.
public struct RequestXMLReader: Sendable {
    public static let namespace = "urn:ecca:request:1"
    public let schema: RelaxNGSchema?
    public let decoder: RequestJSONDecoder

    public init(schema: RelaxNGSchema?, vocabulary: RequestVocabulary) {
        self.schema = schema
        self.decoder = RequestJSONDecoder(vocabulary: vocabulary)
    }

    public func read(file: String) throws(RequestError) -> DisclosureRequest {
        try read(bytes: { FileManager.default.contents(atPath: file).map { [UInt8]($0) } }) { () throws(XMLReadError) in try XMLStreamReader(path: file, options: .init(schema: schema)) }
    }

    public func read(bytes: [UInt8], name: String) throws(RequestError) -> DisclosureRequest {
        try read(bytes: { bytes }) { () throws(XMLReadError) in try XMLStreamReader(bytes: bytes, name: name, options: .init(schema: schema)) }
    }

    /// - Parameter bytes: the document, to validate again as a tree when the schema refuses it.
    private func read(bytes: () -> [UInt8]?, _ open: () throws(XMLReadError) -> XMLStreamReader) throws(RequestError) -> DisclosureRequest {
        let root: XMLElementNode
        let reader: XMLStreamReader
        do {
            reader = try open()
            root = try XMLElementNode.parse(reader)
        } catch {
            throw RequestError(file: error.location.file, line: error.location.line, message: error.message)
        }
        guard root.name == "request", root.namespace == RequestXMLReader.namespace else {
            throw RequestError(file: root.location.file, line: root.location.line,
                               message: "root element must be <request xmlns=\"\(RequestXMLReader.namespace)\">")
        }
        // libxml2's RELAX NG validator names a bad value by what it expected next ("Expecting an
        // element training-compute, got nothing" for weights-published="yes"): where the decoder
        // finds the problems itself, its field errors say what is wrong, all of them; the schema's
        // message is given only for what it alone refuses.
        let request = try decoder.decode(Self.json(root), file: root.location.file)
        let invalid = reader.validationErrors
        if !invalid.isEmpty {
            throw RequestError(schema: RelaxNGFindings(streamed: invalid, bytes: bytes(), root: root, schema: schema), document: "request",
                               requestID: root.attributes["id"])
        }
        return request
    }

    /// The XML tree as the equivalent JSON value, keeping line numbers.
    static func json(_ root: XMLElementNode) -> JSONValue {
        func line(_ node: XMLElementNode) -> Int { node.location.line }
        func attributes(_ node: XMLElementNode, booleans: Set<String> = []) -> [(key: String, value: JSONValue)] {
            node.attributes.keys.sorted().map { key in
                let name = camelCase(key)
                let text = node.attributes[key]!
                if booleans.contains(key), text == "true" || text == "false" || text == "1" || text == "0" {
                    return (name, .bool(text == "true" || text == "1", line: line(node)))
                }
                return (name, .string(text, line: line(node)))
            }
        }
        var members = attributes(root)
        if let requester = root.element("requester") {
            members.append(("requester", .object(attributes(requester), line: line(requester))))
        }
        if let provider = root.element("provider") {
            var fields = attributes(provider)
            let chapters = provider.elements("code-of-practice")
            if !chapters.isEmpty {
                let values = chapters.map { JSONValue.string($0["chapter"] ?? "", line: line($0)) }
                fields.append(("codeOfPractice", .array(emptyMarked(values), line: line(provider))))
            }
            members.append(("provider", .object(fields, line: line(provider))))
        }
        if let model = root.element("model") {
            var fields = attributes(model, booleans: ["weights-published", "weights-published-without-restriction", "open-source-licence", "architecture-and-usage-published", "systemic-risk-designated",
                                                          "derived-from-published-model"])
            let figures = model.elements("training-compute")
            if !figures.isEmpty {
                fields.append(("trainingCompute", .array(figures.map { .object(attributes($0), line: line($0)) }, line: line(model))))
            }
            members.append(("model", .object(fields, line: line(model))))
        }
        let items = root.elements("item").map { item -> JSONValue in
            var fields = attributes(item)
            let alternatives = item.elements("alternative")
            if !alternatives.isEmpty {
                fields.append(("alternatives", .array(alternatives.map { .string($0["channel"] ?? "", line: line($0)) }, line: line(item))))
            }
            let licences = item.elements("licence")
            if !licences.isEmpty {
                fields.append(("licences", .array(licences.map { .string(normalized($0.text), line: line($0)) }, line: line(item))))
            }
            let recipients = item.elements("recipient")
            if !recipients.isEmpty {
                fields.append(("recipients", .array(recipients.map { recipient in
                    var recipientFields = attributes(recipient, booleans: ["us-permanent-resident", "government-body"])
                    let nationalities = recipient.elements("nationality")
                    if !nationalities.isEmpty {
                        let values = nationalities.map { JSONValue.string(normalized($0.text), line: line($0)) }
                        recipientFields.append(("nationalities", .array(emptyMarked(values), line: line(recipient))))
                    }
                    return .object(recipientFields, line: line(recipient))
                }, line: line(item))))
            }
            return .object(fields, line: line(item))
        }
        members.append(("items", .array(items, line: line(root))))
        let instruments = root.elements("instrument")
        if !instruments.isEmpty {
            members.append(("instruments", .array(instruments.map { .string($0["ref"] ?? "", line: line($0)) }, line: line(root))))
        }
        return .object(members, line: line(root))
    }

    /// A list an element can only write by repetition cannot be written empty, where JSON writes
    /// `[]`: so one element holding `none` (as a CSV cell) is the empty list, which for some
    /// lists differs from an absent one (a provider that signed no chapter of the Code of Practice,
    /// where absent is unknown; a recipient with no nationality, a foreign person, where absent
    /// leaves it open). `none` beside other values stays a value, which the decoder refuses.
    static func emptyMarked(_ values: [JSONValue]) -> [JSONValue] {
        if values.count == 1, case .string(let text, _) = values[0], text == "none" { return [] }
        return values
    }

    static func camelCase(_ kebab: String) -> String {
        let parts = kebab.split(separator: "-")
        guard let first = parts.first else { return kebab }
        let rest = parts.dropFirst().map { part -> String in
            part == "eu" ? "EU" : part.prefix(1).uppercased() + part.dropFirst()
        }
        return String(first) + rest.joined()
    }
}
