import EccaXML

/// One element of an official document, captured whole from the stream: an article, a section,
/// a heading. Adapters capture one unit at a time, so memory is bounded by the largest unit, not
/// by the document.
public struct OfficialElement: Sendable, Hashable {
    public enum Child: Sendable, Hashable {
        case element(OfficialElement)
        case text(String)
        /// A processing instruction, with the line it stands on (a consolidation marker's warning names it).
        case instruction(target: String, data: String, line: Int)
    }

    public var name: String
    public var namespace: String?
    public var attributes: [String: String]
    public var children: [Child]
    /// The lines the element spans in its file.
    public var span: SourceSpan

    public init(name: String, namespace: String? = nil, attributes: [String: String] = [:], children: [Child] = [],
                span: SourceSpan) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.span = span
    }

    public subscript(attribute: String) -> String? { attributes[attribute] }

    /// Child elements, optionally only those with a given local name.
    public func elements(_ name: String? = nil) -> [OfficialElement] {
        children.compactMap {
            if case .element(let element) = $0, name == nil || element.name == name { return element }
            return nil
        }
    }

    public func element(_ name: String) -> OfficialElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }

    /// Depth-first search below this element, not descending into elements named in `barriers`.
    public func first(where predicate: (OfficialElement) -> Bool, barriers: Set<String> = []) -> OfficialElement? {
        for case .element(let child) in children {
            if predicate(child) { return child }
            if barriers.contains(child.name) { continue }
            if let found = child.first(where: predicate, barriers: barriers) { return found }
        }
        return nil
    }

    /// Every element below this one (document order) that matches, not descending into `barriers`.
    public func all(where predicate: (OfficialElement) -> Bool, barriers: Set<String> = []) -> [OfficialElement] {
        var found: [OfficialElement] = []
        func walk(_ element: OfficialElement) {
            for case .element(let child) in element.children {
                if predicate(child) { found.append(child) }
                if !barriers.contains(child.name) { walk(child) }
            }
        }
        walk(self)
        return found
    }

    /// A copy without the direct children named in `names` (an article's own `num` and
    /// `heading`, not those of its points).
    public func removingChildren(named names: Set<String>) -> OfficialElement {
        var copy = self
        copy.children.removeAll { child in
            if case .element(let element) = child { return names.contains(element.name) }
            return false
        }
        return copy
    }

    /// A copy without its first direct child named `name` (an annual-CFR appendix's own `HD`,
    /// read as its name and heading, not the `HD`s that head its parts).
    public func removingFirstChild(named name: String) -> OfficialElement {
        var copy = self
        if let index = copy.children.firstIndex(where: { if case .element(let element) = $0 { element.name == name } else { false } }) {
            copy.children.remove(at: index)
        }
        return copy
    }

    /// All character data below this element, as written (no flattening).
    public var rawText: String {
        var output = ""
        func walk(_ element: OfficialElement) {
            for child in element.children {
                switch child {
                case .text(let text): output += text
                case .element(let inner): walk(inner)
                case .instruction: break
                }
            }
        }
        walk(self)
        return output
    }

    /// The text below this element with whitespace collapsed: for short fields (headings, numbers).
    public var plainText: String { TextNormalizer.collapse(rawText) }
}

/// Where a provision's text sits in its source: the file, the lines its element spans, and a
/// pointer to the element (an XPath-like path) for files that put everything on one line.
public struct SourceSpan: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var firstLine: Int
    public var lastLine: Int
    /// An XPath-like pointer to the element, such as `ARTICLE[@IDENTIFIER='053']/PARAG[@IDENTIFIER='053.001']`.
    public var pointer: String?

    public init(file: String, firstLine: Int, lastLine: Int, pointer: String? = nil) {
        self.file = file
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.pointer = pointer
    }

    public var lines: String { firstLine == lastLine ? "line \(firstLine)" : "lines \(firstLine)-\(lastLine)" }

    public var description: String {
        var text = "\(file), \(lines)"
        if let pointer { text += ", \(pointer)" }
        return text
    }

    func with(pointer: String?) -> SourceSpan {
        var copy = self
        copy.pointer = pointer
        return copy
    }
}

extension OfficialElement {
    /// The element at `index` of a captured subtree, as a tree (for the few elements of a
    /// section, such as its heading and history, that are read as trees).
    public init(_ subtree: XMLSubtree, at index: Int, file: String) {
        let node = subtree.nodes[index]
        var attributes: [String: String] = [:]
        for attribute in subtree.attributes[node.attributeRange] { attributes[attribute.name] = attribute.value }
        var children: [Child] = []
        for child in subtree.children(of: index) {
            let inner = subtree.nodes[child]
            switch inner.kind {
            case .element: children.append(.element(OfficialElement(subtree, at: child, file: file)))
            case .text: children.append(.text(String(decoding: subtree.content(of: child), as: UTF8.self)))
            case .instruction: children.append(.instruction(target: inner.name, data: String(decoding: subtree.content(of: child), as: UTF8.self), line: inner.firstLine))
            }
        }
        self.init(name: node.name, namespace: node.namespace, attributes: attributes, children: children,
                  span: SourceSpan(file: file, firstLine: node.firstLine, lastLine: node.lastLine))
    }

    /// This element as a subtree (the shape the CFR section reader reads).
    public var subtree: XMLSubtree {
        var builder = XMLSubtreeBuilder()
        func visit(_ element: OfficialElement) {
            let attributes = element.attributes.keys.sorted().map { XMLSubtree.Attribute(name: $0, value: element.attributes[$0]!) }
            builder.start(name: element.name, namespace: element.namespace, attributes: attributes, line: element.span.firstLine)
            for child in element.children {
                switch child {
                case .element(let inner): visit(inner)
                case .text(let text): builder.text(text, line: element.span.firstLine)
                case .instruction(let target, let data, let line): builder.instruction(target: target, data: data, line: line)
                }
            }
            builder.end(line: element.span.lastLine)
        }
        visit(self)
        return builder.take()
    }
}
