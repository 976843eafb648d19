/// An element read whole, as a flat list of nodes in document order over one buffer of bytes.
///
/// The importers read a 200 MB eCFR title one section at a time. As events, a section costs a
/// string, a location and a queue slot per element and per text; as a subtree it is a few
/// appends to three arrays, made straight from libxml2's callbacks (`XMLSAXReader(capturing:)`).
/// The same type is built from events (`XMLSubtreeBuilder`) where a reader did not capture, so
/// consumers read one shape.
public struct XMLSubtree: Sendable, Equatable {
    public enum Kind: UInt8, Sendable, Equatable {
        case element, text, instruction
    }

    public struct Node: Sendable, Equatable {
        public var kind: Kind
        /// The element's local name or the instruction's target; empty for text.
        public var name: String
        public var namespace: String?
        /// The index after this node's last descendant: its next sibling's, if it has one.
        public var end: Int
        /// The lines an element spans (start tag to end tag); a text's or instruction's line.
        public var firstLine: Int
        public var lastLine: Int
        /// A text's bytes or an instruction's data, in `bytes`.
        public var content: Range<Int>
        /// The element's attributes, in `attributes`.
        public var attributeRange: Range<Int>
    }

    public struct Attribute: Sendable, Equatable {
        /// The qualified name as written (`xml:id`, `N`).
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The root element first, then every node below it in document order.
    public private(set) var nodes: [Node] = []
    public private(set) var attributes: [Attribute] = []
    /// Text and instruction data, as libxml2 decoded it (UTF-8).
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// An empty subtree with room for as many nodes, attributes and bytes as `other` has.
    init(capacityLike other: XMLSubtree) {
        nodes.reserveCapacity(other.nodes.count)
        attributes.reserveCapacity(other.attributes.count)
        bytes.reserveCapacity(other.bytes.count)
    }

    public var root: Node { nodes[0] }

    /// Empties the subtree, keeping its buffers (`XMLSubtreePool`).
    mutating func removeAll() {
        nodes.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    /// The indices of `index`'s children, in order. Inlinable, with its iterator: the section
    /// readers walk every paragraph's children, and a call per step into this module cost 2% of an
    /// import's time.
    @inlinable
    public func children(of index: Int) -> Children { Children(nodes: nodes, parent: index) }

    /// The first child element of `index` named `name`.
    public func child(named name: String, of index: Int) -> Int? {
        children(of: index).first { nodes[$0].kind == .element && nodes[$0].name == name }
    }

    /// The value of an element's attribute.
    public func attribute(_ name: String, of index: Int) -> String? {
        for attribute in attributes[nodes[index].attributeRange] where attribute.name == name { return attribute.value }
        return nil
    }

    /// All character data below the node at `index`, as written.
    public func text(of index: Int) -> String {
        var text: [UInt8] = []
        for inner in (index + 1)..<nodes[index].end where nodes[inner].kind == .text { text.append(contentsOf: bytes[nodes[inner].content]) }
        return String(decoding: text, as: UTF8.self)
    }

    /// A text node's bytes, or an instruction's data.
    public func content(of index: Int) -> ArraySlice<UInt8> { bytes[nodes[index].content] }

    public struct Children: Sequence {
        @usableFromInline let nodes: [Node]
        @usableFromInline let parent: Int

        @inlinable init(nodes: [Node], parent: Int) {
            self.nodes = nodes
            self.parent = parent
        }

        @inlinable
        public func makeIterator() -> Iterator { Iterator(nodes: nodes, upcoming: parent + 1, end: nodes[parent].end) }

        public struct Iterator: IteratorProtocol {
            @usableFromInline let nodes: [Node]
            @usableFromInline var upcoming: Int
            @usableFromInline let end: Int

            @inlinable init(nodes: [Node], upcoming: Int, end: Int) {
                self.nodes = nodes
                self.upcoming = upcoming
                self.end = end
            }

            @inlinable
            public mutating func next() -> Int? {
                guard upcoming < end else { return nil }
                defer { upcoming = nodes[upcoming].end }
                return upcoming
            }
        }
    }

    // MARK: - Building

    mutating func appendElement(name: String, namespace: String?, attributes new: [Attribute], line: Int) -> Int {
        let first = attributes.count
        attributes.append(contentsOf: new)
        nodes.append(Node(kind: .element, name: name, namespace: namespace, end: nodes.count + 1, firstLine: line, lastLine: line,
                          content: 0..<0, attributeRange: first..<attributes.count))
        return nodes.count - 1
    }

    /// Adds an attribute to the element appended last (before anything else is appended).
    mutating func appendAttribute(_ attribute: Attribute, toLast index: Int) {
        precondition(index == nodes.count - 1 && nodes[index].attributeRange.upperBound == attributes.count,
                     "attributes go to the element appended last")
        attributes.append(attribute)
        nodes[index].attributeRange = nodes[index].attributeRange.lowerBound..<attributes.count
    }

    /// Appends text to the open element; with `merge`, to the text node appended last (libxml2
    /// hands over character data in pieces).
    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>, merge: Bool, line: Int) {
        let start = bytes.count
        bytes.append(contentsOf: text)
        if merge, nodes.last?.kind == .text {
            nodes[nodes.count - 1].content = nodes[nodes.count - 1].content.lowerBound..<bytes.count
            return
        }
        nodes.append(Node(kind: .text, name: "", namespace: nil, end: nodes.count + 1, firstLine: line, lastLine: line,
                          content: start..<bytes.count, attributeRange: 0..<0))
    }

    mutating func appendInstruction(target: String, data: UnsafeBufferPointer<UInt8>, line: Int) {
        let start = bytes.count
        bytes.append(contentsOf: data)
        nodes.append(Node(kind: .instruction, name: target, namespace: nil, end: nodes.count + 1, firstLine: line, lastLine: line,
                          content: start..<bytes.count, attributeRange: 0..<0))
    }

    /// Closes the element at `index`: it ends after the last node appended.
    mutating func close(_ index: Int, line: Int) {
        nodes[index].end = nodes.count
        nodes[index].lastLine = max(line, nodes[index].firstLine)
    }
}

/// Builds an `XMLSubtree` one start, text and end at a time: from libxml2's callbacks in
/// `XMLSAXReader`, and from events where they were read before capturing began.
public struct XMLSubtreeBuilder: Sendable {
    public private(set) var tree = XMLSubtree()
    /// The open elements, innermost last.
    private var open: [Int] = []
    /// Bytes of attribute values held (text's are `tree.bytes`), for the unit limit.
    private var attributeBytes = 0
    /// Whether the last node appended is text that more text would continue.
    private var inText = false
    /// The most the unit may hold (`isOversized`).
    public let limit: XMLUnitLimit

    public init(limit: XMLUnitLimit = .standard) {
        self.limit = limit
    }

    /// True once the root element has been closed.
    public var isComplete: Bool { open.isEmpty && !tree.nodes.isEmpty }

    public mutating func start(name: String, namespace: String?, attributes: [XMLSubtree.Attribute], line: Int) {
        open.append(tree.appendElement(name: name, namespace: namespace, attributes: attributes, line: line))
        for attribute in attributes { attributeBytes += attribute.value.utf8.count }
        inText = false
    }

    /// Adds an attribute to the element just started (libxml2's callbacks hand them over one by
    /// one: no array per element).
    public mutating func attribute(_ attribute: XMLSubtree.Attribute) {
        guard let last = open.last else { return }
        tree.appendAttribute(attribute, toLast: last)
        attributeBytes += attribute.value.utf8.count
    }

    /// Whether the unit has grown past the import's limit: the one check made for every node.
    var isOversized: Bool {
        tree.nodes.count + tree.attributes.count > limit.nodes || tree.bytes.count + attributeBytes > limit.bytes
    }

    /// The refusal of a unit grown past the import's limit (`limit`), or nil. `start` is where its
    /// start tag is, `line` where it grew past.
    public func refusalIfOversized(at start: XMLSourceLocation, reachedOn line: Int) -> XMLReadError? {
        guard isOversized, let root = tree.nodes.first else { return nil }
        let tooManyNodes = tree.nodes.count + tree.attributes.count > limit.nodes
        return XMLRefusal.unitTooLarge(root.name, at: start, reachedOn: line,
                                       holding: tooManyNodes ? "\(limit.nodes) nodes (elements, attributes and runs of text)"
                                                             : "\(limit.bytes) bytes of text and attribute values",
                                       raisedBy: tooManyNodes ? "--max-unit-nodes" : "--max-unit-mib")
    }

    public mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        guard !open.isEmpty, bytes.count > 0 else { return }
        tree.appendText(bytes, merge: inText, line: line)
        inText = true
    }

    public mutating func text(_ text: String, line: Int) {
        var text = text
        text.withUTF8 { self.text($0, line: line) }
    }

    public mutating func instruction(target: String, data: String, line: Int) {
        guard !open.isEmpty else { return }
        var data = data
        data.withUTF8 { tree.appendInstruction(target: target, data: $0, line: line) }
        inText = false
    }

    /// Closes the innermost open element.
    public mutating func end(line: Int) {
        guard let index = open.popLast() else { return }
        tree.close(index, line: line)
        inText = false
    }

    /// The finished tree (the builder starts afresh, in a tree from `pool` if it has one).
    public mutating func take(reusing pool: XMLSubtreePool? = nil) -> XMLSubtree {
        defer {
            // The next subtree (the next section) is likely about as large: no regrowing from one.
            tree = pool?.take() ?? XMLSubtree(capacityLike: tree)
            open.removeAll(keepingCapacity: true)
            inText = false
            attributeBytes = 0
        }
        return tree
    }
}

extension XMLSubtreeBuilder {
    /// Appends a whole subtree inside the open element (a captured element met inside one being
    /// built from events).
    public mutating func append(_ other: XMLSubtree) {
        func visit(_ index: Int) {
            let entry = other.nodes[index]
            switch entry.kind {
            case .element:
                start(name: entry.name, namespace: entry.namespace, attributes: Array(other.attributes[entry.attributeRange]), line: entry.firstLine)
                for child in other.children(of: index) { visit(child) }
                end(line: entry.lastLine)
            case .text:
                other.bytes[entry.content].withUnsafeBufferPointer { text($0, line: entry.firstLine) }
            case .instruction:
                instruction(target: entry.name, data: String(decoding: other.bytes[entry.content], as: UTF8.self), line: entry.firstLine)
            }
        }
        guard !other.nodes.isEmpty else { return }
        visit(0)
    }
}

extension XMLSubtreeBuilder {
    /// Adds one event of the element being built, as a reader that was not capturing delivers it
    /// (an empty element's `.start` opens and closes it).
    public mutating func add(_ event: XMLEvent) {
        switch event {
        case .start(let element):
            start(name: element.name, namespace: element.namespace, attributes: element.subtreeAttributes, line: element.location.line)
            if element.isEmpty { end(line: element.location.line) }
        case .end(_, let location):
            end(line: location.line)
        case .text(let content, let location):
            text(content, line: location.line)
        case .processingInstruction(let target, let data, let location):
            instruction(target: target, data: data, line: location.line)
        case .subtree(let subtree):
            append(subtree)
        }
    }
}

extension XMLElementStart {
    /// The attributes in document order, as a subtree keeps them.
    public var subtreeAttributes: [XMLSubtree.Attribute] {
        attributeOrder.compactMap { name in attributes[name].map { XMLSubtree.Attribute(name: name, value: $0) } }
    }
}
