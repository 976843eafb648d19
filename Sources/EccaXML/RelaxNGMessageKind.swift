/// What one of libxml2's RELAX NG messages says, read from its English text (libxml2 gives the
/// validator's messages no code of their own that tells them apart), so that a message that only
/// repeats another can be told from a distinct violation.
public enum RelaxNGMessageKind: Sendable, Hashable {
    /// "Did not expect element X there"
    case unexpectedElement(String)
    /// "Element P has extra content: X": said of the parent, after `unexpectedElement` of X.
    case extraContent(parent: String, child: String)
    /// "Element E failed to validate attributes": said before `invalidAttribute` for E when there is one.
    case attributesNotValid(element: String)
    /// "Invalid attribute A for element E"
    case invalidAttribute(attribute: String, element: String)
    /// "Extra element X in interleave": said before `contentNotValid` of the parent.
    case extraInInterleave(String)
    /// "Element E failed to validate content"
    case contentNotValid(element: String)
    /// "Invalid sequence in interleave", said of an element an interleave does not allow, before
    /// `contentNotValid` of its parent: the element is not named in the text, only by the node.
    case invalidInterleave
    /// "Expecting an element E, got nothing", said of a parent; after an interleave it gave up
    /// on, libxml2 says it of elements that are there.
    case expectedElement(String)
    /// "Expecting element E, got X": an element X where the content allows only E (a stray element
    /// after those of a list); libxml2 then says the parent "has extra content: E".
    case expectedInstead(expected: String, got: String)
    case other

    /// A message that says only that an element's content, or an interleave in it, did not
    /// validate, naming no mistake of its own: a violation inside the element explains it.
    public var summarisesContent: Bool {
        switch self {
        case .contentNotValid, .invalidInterleave, .extraInInterleave: true
        default: false
        }
    }

    /// A message that names the element or attribute that is wrong, so that one summarising the
    /// content it is in says nothing more. libxml2's others ("Error validating datatype token")
    /// do not, and the summary that names the element stays beside them.
    public var namesTheMistake: Bool {
        switch self {
        case .unexpectedElement, .extraContent, .invalidAttribute, .expectedElement, .expectedInstead: true
        default: false
        }
    }

    public init(_ message: String) {
        func between(_ prefix: String, _ suffix: String) -> String? {
            guard message.hasPrefix(prefix), message.hasSuffix(suffix), message.count >= prefix.count + suffix.count else { return nil }
            return String(message.dropFirst(prefix.count).dropLast(suffix.count))
        }
        if let name = between("Did not expect element ", " there") {
            self = .unexpectedElement(name)
        } else if let rest = between("Element ", ""), let range = rest.firstRange(of: " has extra content: ") {
            self = .extraContent(parent: String(rest[..<range.lowerBound]), child: String(rest[range.upperBound...]))
        } else if let name = between("Element ", " failed to validate attributes") {
            self = .attributesNotValid(element: name)
        } else if let rest = between("Invalid attribute ", ""), let range = rest.firstRange(of: " for element ") {
            self = .invalidAttribute(attribute: String(rest[..<range.lowerBound]), element: String(rest[range.upperBound...]))
        } else if let name = between("Extra element ", " in interleave") {
            self = .extraInInterleave(name)
        } else if let name = between("Element ", " failed to validate content") {
            self = .contentNotValid(element: name)
        } else if message == "Invalid sequence in interleave" {
            self = .invalidInterleave
        } else if let name = between("Expecting an element ", ", got nothing") {
            self = .expectedElement(name)
        } else if let rest = between("Expecting element ", ""), let range = rest.firstRange(of: ", got ") {
            self = .expectedInstead(expected: String(rest[..<range.lowerBound]), got: String(rest[range.upperBound...]))
        } else {
            self = .other
        }
    }
}
