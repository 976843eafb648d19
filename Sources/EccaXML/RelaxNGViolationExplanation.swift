extension RelaxNGDistinctViolations {
    /// The violations with libxml2's words about attributes replaced by what is wrong, from the
    /// schema's `vocabulary`: the value given and those allowed, the attribute that is missing.
    /// libxml2 gives "Element compare failed to validate attributes" of a `<compare>` that lacks
    /// its `op` with no line at all: it is placed on the first such element of the document
    /// (`root`) not placed already.
    public func explained(by vocabulary: RelaxNGAttributeVocabulary, in root: XMLElementNode) -> [RelaxNGViolation] {
        var placed = Set(violations.compactMap { $0.elements.first })
        // Per element name, the elements whose attributes the vocabulary finds wrong, in document
        // order, and how far they have been taken: found with one walk of the tree per name, so a
        // file of many such messages is not walked once for each.
        var candidates: [String: [(node: XMLElementNode, path: [RelaxNGViolation.Element])]] = [:]
        var taken: [String: Int] = [:]
        func nextUnplaced(named element: String) -> (node: XMLElementNode, path: [RelaxNGViolation.Element])? {
            let elements = candidates[element] ?? Self.all(named: element, in: root) {
                !vocabulary.problems(element: element, attributes: $0.attributes).isEmpty
            }
            candidates[element] = elements
            var index = taken[element, default: 0]
            defer { taken[element] = index }
            while index < elements.count {
                index += 1
                if !placed.contains(elements[index - 1].path[0]) { return elements[index - 1] }
            }
            return nil
        }
        var explained: [RelaxNGViolation] = []
        for violation in violations {
            switch RelaxNGMessageKind(violation.message) {
            case .invalidAttribute(let attribute, let element):
                var violation = violation
                if let value = violation.attributes[attribute],
                   let problem = vocabulary.problem(element: element, attribute: attribute, value: value) {
                    violation.message = problem.description
                }
                explained.append(violation)
            case .attributesNotValid(let element):
                var located = violation
                if violation.elements.isEmpty, let found = nextUnplaced(named: element) {
                    placed.insert(found.path[0])
                    located.elements = found.path
                    located.attributes = found.node.attributes
                    located.location = XMLSourceLocation(file: violation.location.file, line: found.path[0].line)
                }
                let problems = located.elements.isEmpty ? [] : vocabulary.problems(element: element, attributes: located.attributes)
                if problems.isEmpty {
                    explained.append(located)
                } else {
                    explained += problems.map {
                        var one = located
                        one.message = $0.description
                        return one
                    }
                }
            default:
                explained.append(violation)
            }
        }
        return explained
    }

    /// Every element named `name` that `accept`s, in document order, with its path (it, then its
    /// ancestors).
    private static func all(named name: String, in root: XMLElementNode, where accept: (XMLElementNode) -> Bool)
        -> [(node: XMLElementNode, path: [RelaxNGViolation.Element])] {
        var found: [(node: XMLElementNode, path: [RelaxNGViolation.Element])] = []
        func search(_ node: XMLElementNode, ancestors: [RelaxNGViolation.Element]) {
            let path = [RelaxNGViolation.Element(name: node.name, id: node["id"], line: node.location.line)] + ancestors
            if node.name == name, accept(node) { found.append((node, path)) }
            for child in node.elements() { search(child, ancestors: path) }
        }
        search(root, ancestors: [])
        return found
    }
}
