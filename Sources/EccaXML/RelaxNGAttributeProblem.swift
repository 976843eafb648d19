import EccaText

/// One thing wrong with an element's attributes, said with the value given and what the schema
/// allows (`<compare op="gte">: 'gte' is not one of gt, ge, lt, le, eq, ne`), where libxml2 says
/// "Invalid attribute op for element compare".
public enum RelaxNGAttributeProblem: Sendable, Hashable, CustomStringConvertible {
    case missing(element: String, attribute: String)
    case notDeclared(element: String, attribute: String, declared: [String])
    case notListed(element: String, attribute: String, value: String, allowed: [String])
    case notOfDatatype(element: String, attribute: String, value: String, datatype: String?)

    /// Values come from the file as written: control and bidirectional characters are escaped.
    public var description: String {
        switch self {
        case .missing(let element, let attribute):
            "<\(element)> lacks the attribute \(attribute), which it requires"
        case .notDeclared(let element, let attribute, let declared):
            "<\(element)> takes no attribute \(attribute)" + (declared.isEmpty ? " (it takes none)" : " (it takes \(declared.joined(separator: ", ")))")
        case .notListed(let element, let attribute, let value, let allowed):
            "<\(element) \(attribute)=\"\(ControlCharacters.escaped(value))\">: '\(ControlCharacters.escaped(value))' is not one of \(allowed.joined(separator: ", "))"
        case .notOfDatatype(let element, let attribute, let value, let datatype):
            "<\(element) \(attribute)=\"\(ControlCharacters.escaped(value))\">: not " + (datatype ?? "a valid value")
        }
    }
}
