import CLibXML2

/// One message of libxml2's RELAX NG validator, with the element it is about.
public struct RelaxNGViolation: Sendable, Hashable {
    /// An element by name, with its `id` attribute and the line its start tag is on.
    public struct Element: Sendable, Hashable {
        public var name: String
        public var id: String?
        public var line: Int
        public init(name: String, id: String? = nil, line: Int) {
            self.name = name
            self.id = id
            self.line = line
        }
    }

    /// libxml2's message, trimmed.
    public var message: String
    /// Where libxml2 places it: the line of the element it is about, else 0 (libxml2 gives some
    /// messages without a node).
    public var location: XMLSourceLocation
    /// The element the message is about, then its ancestors up to the root; empty without a node.
    public var elements: [Element]
    /// The attributes of the element the message is about, as written.
    public var attributes: [String: String]

    public init(message: String, location: XMLSourceLocation, elements: [Element] = [], attributes: [String: String] = [:]) {
        self.message = message
        self.location = location
        self.elements = elements
        self.attributes = attributes
    }
}

extension RelaxNGSchema {
    /// Every violation of this schema in a whole document, by libxml2's validator of a parsed
    /// tree. The streaming validator that `XMLStreamReader` runs loses its place after the first
    /// violation inside an element and then refuses every later sibling and child of it ("Did not
    /// expect element heading there", "Did not expect text in element TODO content": 110 messages
    /// for one stray element), which also hides a second, distinct violation among them; the tree
    /// validator reports each violation once, where it is.
    ///
    /// Only for a document the streaming reader has already read to its end: well-formed, UTF-8,
    /// without a DTD or entity references, within libxml2's limits. It is parsed again under the
    /// same policy (no entity substituted, no DTD loaded, no network). Nil when libxml2 cannot
    /// parse it or validate it (it then says nothing the streaming reader did not).
    public func violations(inDocument bytes: [UInt8], name: String) -> [RelaxNGViolation]? {
        LibXML2.initializeOnce()
        guard bytes.count <= Int(Int32.max) else { return nil }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let document = bytes.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), name, nil, options)
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let context = xmlRelaxNGNewValidCtxt(pointer) else { return nil }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        let collector = ViolationCollector(fileName: name)
        let retained = Unmanaged.passRetained(collector)
        defer { retained.release() }
        xmlRelaxNGSetValidStructuredErrors(context, violationCallback, retained.toOpaque())
        let status = xmlRelaxNGValidateDoc(context, document)
        guard status >= 0 else { return nil }
        return collector.violations
    }
}

/// Collects the validator's messages for one document.
private final class ViolationCollector {
    let fileName: String
    var violations: [RelaxNGViolation] = []
    init(fileName: String) { self.fileName = fileName }

    func record(message raw: String, node: xmlNodePtr?, line: Int32) {
        let message = raw.trimmingCharacters(inSet: "\n ")
        var elements: [RelaxNGViolation.Element] = []
        var attributes: [String: String] = [:]
        // A message about an element's attributes may come with one of its children as its node
        // (libxml2 was validating the content when it gave up): it is about the element it names.
        var current = node
        let named: String? = switch RelaxNGMessageKind(message) {
        case .attributesNotValid(let element), .invalidAttribute(_, let element): element
        default: nil
        }
        if let named {
            var ancestor = node
            while let here = ancestor, here.pointee.type != XML_ELEMENT_NODE || here.pointee.name.map({ String(cString: $0) }) != named {
                ancestor = here.pointee.parent
            }
            if ancestor != nil { current = ancestor }
        }
        while let here = current {
            if here.pointee.type == XML_ELEMENT_NODE, let name = here.pointee.name {
                if elements.isEmpty { attributes = Self.attributes(of: here) }
                elements.append(.init(name: String(cString: name), id: Self.attribute("id", of: here), line: Int(xmlGetLineNo(here))))
            }
            current = here.pointee.parent
        }
        let place = elements.first?.line ?? Int(line)
        violations.append(RelaxNGViolation(message: message,
                                           location: XMLSourceLocation(file: fileName, line: max(place, 0)),
                                           elements: elements, attributes: attributes))
    }

    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { ecca_xml_free(value) }
        return String(cString: value)
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var found: [String: String] = [:]
        var property = node.pointee.properties
        while let here = property {
            if let name = here.pointee.name, here.pointee.ns == nil {
                let key = String(cString: name)
                found[key] = attribute(key, of: node)
            }
            property = here.pointee.next
        }
        return found
    }
}

private let violationCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let collector = Unmanaged<ViolationCollector>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) } ?? "schema violation"
    collector.record(message: message, node: error.pointee.node?.assumingMemoryBound(to: xmlNode.self), line: error.pointee.line)
}
