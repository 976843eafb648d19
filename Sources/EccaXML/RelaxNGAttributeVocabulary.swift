/// The attributes a RELAX NG schema (XML syntax) lets each element carry: which are required and
/// which values each allows. libxml2 says only "Invalid attribute op for element compare", or
/// "Element provision failed to validate attributes" with no line, and never the value given or
/// the values allowed; this says them.
public struct RelaxNGAttributeVocabulary: Sendable, Hashable {
    public struct Attribute: Sendable, Hashable {
        public var name: String
        /// Required wherever the element is declared (not inside `optional`, `zeroOrMore` or `choice`).
        public var isRequired: Bool
        /// The values the schema lists (`<choice><value>gt</value>…`), or nil for any value of a datatype.
        public var values: [String]?
        /// What a value must be when the schema lists none: `a string matching [A-Za-z0-9]…`, `a valid anyURI`.
        public var datatype: String?

        public init(name: String, isRequired: Bool, values: [String]?, datatype: String?) {
            self.name = name
            self.isRequired = isRequired
            self.values = values
            self.datatype = datatype
        }
    }

    /// By element name, then attribute name; an element declared in several places has the
    /// attributes of all of them.
    public var elements: [String: [String: Attribute]]

    /// Reads the schema at `path`.
    public init(schemaPath path: String) throws(XMLReadError) {
        try self.init(XMLElementNode.parse(XMLStreamReader(path: path)))
    }

    init(_ grammar: XMLElementNode) {
        var defines: [String: [XMLElementNode]] = [:]
        var declarations: [XMLElementNode] = []
        var pending = [grammar]
        while let node = pending.popLast() {
            if node.name == "define", let name = node["name"] { defines[name, default: []].append(node) }
            if node.name == "element", node["name"] != nil { declarations.append(node) }
            pending += node.elements()
        }
        var elements: [String: [String: Attribute]] = [:]
        for declaration in declarations {
            var attributes: [String: Attribute] = [:]
            Self.collect(declaration, required: true, defines: defines, visiting: [], into: &attributes)
            let name = declaration["name"]!
            guard let known = elements[name] else {
                elements[name] = attributes
                continue
            }
            var merged: [String: Attribute] = [:]
            for key in Set(known.keys).union(attributes.keys) {
                switch (known[key], attributes[key]) {
                case (let one?, let other?):
                    merged[key] = Attribute(name: key, isRequired: one.isRequired && other.isRequired,
                                            values: one.values.flatMap { values in other.values.map { values + $0.filter { !values.contains($0) } } },
                                            datatype: one.datatype ?? other.datatype)
                case (var only?, nil), (nil, var only?):
                    only.isRequired = false
                    merged[key] = only
                case (nil, nil):
                    break
                }
            }
            elements[name] = merged
        }
        self.elements = elements
    }

    /// The attributes declared in a pattern, not descending into nested elements.
    private static func collect(_ pattern: XMLElementNode, required: Bool, defines: [String: [XMLElementNode]], visiting: Set<String>,
                                into attributes: inout [String: Attribute]) {
        for child in pattern.elements() {
            switch child.name {
            case "attribute":
                guard let name = child["name"] else { continue }
                var values: [String] = []
                var datatype: String?
                var isFree = false
                describe(child, defines: defines, visiting: [], values: &values, datatype: &datatype, isFree: &isFree)
                attributes[name] = Attribute(name: name, isRequired: required, values: isFree || values.isEmpty ? nil : values,
                                             datatype: datatype)
            case "ref":
                guard let name = child["name"], !visiting.contains(name) else { continue }
                for define in defines[name] ?? [] {
                    collect(define, required: required, defines: defines, visiting: visiting.union([name]), into: &attributes)
                }
            case "optional", "zeroOrMore", "choice":
                collect(child, required: false, defines: defines, visiting: visiting, into: &attributes)
            case "oneOrMore", "group", "interleave", "mixed":
                collect(child, required: required, defines: defines, visiting: visiting, into: &attributes)
            default:
                continue  // a nested element, text, data: no attribute of this element
            }
        }
    }

    /// The values an attribute's pattern lists, or what its datatype is when it lists none.
    private static func describe(_ pattern: XMLElementNode, defines: [String: [XMLElementNode]], visiting: Set<String>,
                                 values: inout [String], datatype: inout String?, isFree: inout Bool) {
        for child in pattern.elements() {
            switch child.name {
            case "value":
                values.append(child.text)
            case "data":
                isFree = true
                let type = child["type"] ?? "string"
                let pattern = child.elements("param").first { $0["name"] == "pattern" }?.text
                datatype = datatype ?? (pattern.map { "a \(type) matching \($0)" } ?? "a valid \(type)")
            case "text":
                isFree = true
            case "list":
                isFree = true
                datatype = datatype ?? "a list of values separated by spaces"
            case "ref":
                guard let name = child["name"], !visiting.contains(name) else { continue }
                for define in defines[name] ?? [] {
                    describe(define, defines: defines, visiting: visiting.union([name]), values: &values, datatype: &datatype, isFree: &isFree)
                }
            default:
                describe(child, defines: defines, visiting: visiting, values: &values, datatype: &datatype, isFree: &isFree)
            }
        }
    }

    /// What is wrong with an element's attributes that the schema says plainly: one it requires
    /// and lacks, one it does not declare, a value it does not list. Not datatypes and patterns,
    /// which libxml2 checks; empty for an element the schema does not declare.
    public func problems(element: String, attributes: [String: String]) -> [RelaxNGAttributeProblem] {
        guard let declared = elements[element] else { return [] }
        var problems: [RelaxNGAttributeProblem] = []
        for attribute in declared.values.sorted(by: { $0.name < $1.name }) where attribute.isRequired && attributes[attribute.name] == nil {
            problems.append(.missing(element: element, attribute: attribute.name))
        }
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if let problem = problem(element: element, attribute: name, value: value, listedOnly: true) { problems.append(problem) }
        }
        return problems
    }

    /// Why the schema refuses `value` for `attribute` of `element`, which libxml2 has found
    /// invalid: not declared, not a listed value, or (unless `listedOnly`) not of its datatype.
    /// Nil when the schema does not declare the element, or (with `listedOnly`) finds nothing.
    public func problem(element: String, attribute: String, value: String, listedOnly: Bool = false) -> RelaxNGAttributeProblem? {
        guard let declared = elements[element] else { return nil }
        guard let known = declared[attribute] else {
            return .notDeclared(element: element, attribute: attribute, declared: declared.keys.sorted())
        }
        if let values = known.values {
            return values.contains(value) ? nil : .notListed(element: element, attribute: attribute, value: value, allowed: values)
        }
        return listedOnly ? nil : .notOfDatatype(element: element, attribute: attribute, value: value, datatype: known.datatype)
    }
}
