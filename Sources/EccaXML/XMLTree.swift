/// A small in-memory element tree, built from the streaming reader, for documents that are read
/// whole (rules files, requests, MoU drafts). Large official files are processed as streams instead.
public struct XMLElementNode: Sendable, Equatable {
    public enum Child: Sendable, Equatable {
        case element(XMLElementNode)
        case text(String)
        case processingInstruction(target: String, data: String)
    }

    public var name: String
    public var namespace: String?
    public var attributes: [String: String]
    public var location: XMLSourceLocation
    public var children: [Child]

    public subscript(attribute: String) -> String? { attributes[attribute] }

    /// Child elements, optionally only those with a given local name.
    public func elements(_ name: String? = nil) -> [XMLElementNode] {
        children.compactMap {
            if case .element(let element) = $0, name == nil || element.name == name { return element }
            return nil
        }
    }

    public func element(_ name: String) -> XMLElementNode? { elements(name).first }

    /// All text below this element, concatenated in document order.
    public var text: String {
        children.map {
            switch $0 {
            case .text(let text): text
            case .element(let element): element.text
            case .processingInstruction: ""
            }
        }.joined()
    }

    /// Reads a whole document into a tree. Errors carry file, line and column.
    public static func parse(_ reader: XMLStreamReader) throws(XMLReadError) -> XMLElementNode {
        var stack: [XMLElementNode] = []
        var root: XMLElementNode?
        while let event = try reader.next() {
            switch event {
            case .start(let start):
                let node = XMLElementNode(name: start.name, namespace: start.namespace, attributes: start.attributes,
                                          location: start.location, children: [])
                if start.isEmpty {
                    if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(.element(node)) }
                } else {
                    stack.append(node)
                }
            case .end:
                let node = stack.removeLast()
                if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(.element(node)) }
            case .text(let text, _):
                if !stack.isEmpty { stack[stack.count - 1].children.append(.text(text)) }
            case .processingInstruction(let target, let data, _):
                if !stack.isEmpty { stack[stack.count - 1].children.append(.processingInstruction(target: target, data: data)) }
            case .subtree:
                break  // only an `XMLSAXReader` asked to capture delivers subtrees; this reads an `XMLStreamReader`
            }
        }
        guard let root else {
            throw XMLReadError(kind: .malformed, location: XMLSourceLocation(file: reader.fileName, line: 1), message: "document has no root element")
        }
        return root
    }
}
