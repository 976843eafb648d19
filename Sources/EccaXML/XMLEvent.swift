/// One step of a streaming read: what the reader met, where.
public enum XMLEvent: Sendable, Equatable {
    case start(XMLElementStart)
    case end(name: String, location: XMLSourceLocation)
    /// Character data (text or CDATA), as libxml2 decoded it; whitespace is kept.
    case text(String, location: XMLSourceLocation)
    /// A processing instruction such as Formex `<?PAGE NO="85"?>` or consolidation markers.
    case processingInstruction(target: String, data: String, location: XMLSourceLocation)
    /// An element read whole, for a reader asked to capture it (`XMLSAXReader.capturing`): no
    /// `.start`, `.end` or other event is delivered for it or anything inside it.
    case subtree(XMLSubtree)
}

/// An element's start tag with its attributes.
public struct XMLElementStart: Sendable, Equatable {
    /// The local name (without prefix).
    public var name: String
    /// The namespace URI, or nil for none.
    public var namespace: String?
    /// Attributes by qualified name as written (`xml:id`, `IDENTIFIER`); namespace declarations excluded.
    public var attributes: [String: String]
    /// Attribute names in document order, for deterministic diagnostics.
    public var attributeOrder: [String]
    /// True for `<x/>`: no `.end` event follows.
    public var isEmpty: Bool
    public var location: XMLSourceLocation
    /// The column of the start tag's `<` (0: not known), apart from `location`, whose line is the
    /// tag's end's: for errors about the element as a whole (a unit past the import's limit).
    public var column = 0

    public init(name: String, namespace: String?, attributes: [String: String], attributeOrder: [String],
                isEmpty: Bool, location: XMLSourceLocation) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.attributeOrder = attributeOrder
        self.isEmpty = isEmpty
        self.location = location
    }

    public subscript(attribute: String) -> String? { attributes[attribute] }
}

extension XMLEvent {
    /// The line the event ends on (a subtree's: its root's end tag's).
    public var line: Int {
        switch self {
        case .start(let start): start.location.line
        case .end(_, let location), .text(_, let location), .processingInstruction(_, _, let location): location.line
        case .subtree(let subtree): subtree.nodes.first?.lastLine ?? 0
        }
    }
}
