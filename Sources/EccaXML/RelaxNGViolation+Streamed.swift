extension RelaxNGViolation {
    /// A message of the streaming validator, which gives only a line, placed on an element of the
    /// document (`root`): the first on that line that the message names (an element whose
    /// attributes it refuses), else the first on that line, so that it can be explained and said
    /// with the provision it is in as a message of the tree validator is.
    public init(streamed error: XMLReadError, in root: XMLElementNode) {
        let named: String? = switch RelaxNGMessageKind(error.message) {
        case .attributesNotValid(let element), .invalidAttribute(_, let element), .contentNotValid(let element): element
        case .unexpectedElement(let element), .extraInInterleave(let element), .extraContent(_, let element), .expectedInstead(_, let element): element
        case .invalidInterleave, .expectedElement, .other: nil
        }
        var found: (node: XMLElementNode, path: [Element])?
        var first: (node: XMLElementNode, path: [Element])?
        func search(_ node: XMLElementNode, ancestors: [Element]) {
            guard found == nil else { return }
            let path = [Element(name: node.name, id: node["id"], line: node.location.line)] + ancestors
            if node.location.line == error.location.line {
                if first == nil { first = (node, path) }
                if node.name == named { found = (node, path) }
            }
            for child in node.elements() where found == nil { search(child, ancestors: path) }
        }
        search(root, ancestors: [])
        let place = found ?? first
        self.init(message: error.message, location: error.location, elements: place?.path ?? [], attributes: place?.node.attributes ?? [:])
    }
}
