/// Why an XML input could not be read. Every case carries the place it happened.
public struct XMLReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The file could not be opened or read.
        case io
        /// Not well-formed XML (libxml2's parser error).
        case malformed
        /// Well-formed but not valid against the schema.
        case invalid
        /// A construct ecca refuses for safety: DTDs, entity references, excessive size or depth.
        case forbidden
    }

    public var kind: Kind
    public var location: XMLSourceLocation
    public var message: String

    public init(kind: Kind, location: XMLSourceLocation, message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}

extension XMLReadError {
    /// What a document that ends inside an element is called, by every reader (libxml2 itself
    /// says "extra content at the end of the document").
    public static func truncationMessage(inside element: String, openedOn line: Int?) -> String {
        let opened = line.map { " (opened on line \($0))" } ?? ""
        return "the document ends inside <\(element)>\(opened): the file is truncated or an end tag is missing"
    }
}
