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

    /// A malformed or forbidden construct: it stops reading, where a schema violation does not.
    var isFatal: Bool { kind == .malformed || kind == .forbidden }
}

extension XMLReadError {
    /// What a document that ends inside an element is called, by every reader (libxml2 itself
    /// says "extra content at the end of the document").
    /// `column` (0: unknown) matters in official files that are one line long.
    public static func truncationMessage(inside element: String, openedOn line: Int?, column: Int = 0) -> String {
        "the document ends inside <\(element)>\(opened(line: line, column: column)): the file is truncated or an end tag is missing"
    }

    /// What is said of a document that ends before its root element's start tag is complete, in
    /// the words `truncationMessage` uses for one that ends inside an element.
    static func unfinishedMessage(_ what: XMLProlog.Unfinished, line: Int, column: Int) -> String {
        let opened = opened(line: line, column: column)
        switch what {
        case .tag(let name?):
            return "the document ends inside the start tag of its root element <\(name)>\(opened): the file is truncated"
        case .tag(nil):
            return "the document ends inside its first tag\(opened), before its root element: the file is truncated"
        case .declaration:
            return "the document ends inside its XML declaration\(opened), before its root element: the file is truncated"
        case .comment:
            return "the document ends inside a comment\(opened), before its root element: the file is truncated"
        case .processingInstruction:
            return "the document ends inside a processing instruction\(opened), before its root element: the file is truncated"
        }
    }

    /// ` (opened on line L, column C)`, or less where less is known: how messages place an open element.
    static func opened(line: Int?, column: Int) -> String {
        line.map { " (opened on line \($0)\(column > 0 ? ", column \(column)" : ""))" } ?? ""
    }

    /// ` (inside <X> opened on line L, column C)`, or nothing for no element: where a limit was
    /// hit, in a one-line Formex act too, where the line alone finds nothing.
    static func inside(_ open: XMLOpenElement?) -> String {
        guard let open else { return "" }
        return " (inside <\(open.name)>" + (open.line.map { " opened on line \($0)\(open.column > 0 ? ", column \(open.column)" : "")" } ?? "") + ")"
    }

    /// Why a document is refused before it is parsed, from its prolog: a DOCTYPE (unless
    /// `allowDoctype`), or an input that ends before any element, said in words a person
    /// recognises (libxml2 says "extra content at the end of the document"). Nil otherwise.
    static func refusal(_ finding: XMLProlog.Finding, file: String, allowDoctype: Bool = false) -> XMLReadError? {
        switch finding {
        case .doctype(let line, let column):
            allowDoctype ? nil : XMLRefusal.doctype(at: XMLSourceLocation(file: file, line: line, column: column))
        case .empty:
            XMLReadError(kind: .malformed, location: XMLSourceLocation(file: file, line: 1, column: 1), message: "the file is empty")
        case .blank:
            XMLReadError(kind: .malformed, location: XMLSourceLocation(file: file, line: 1, column: 1),
                         message: "the file holds only white space")
        case .noRootElement(let line, let column):
            XMLReadError(kind: .malformed, location: XMLSourceLocation(file: file, line: line, column: column),
                         message: "the document ends before its root element (it holds only an XML declaration, comments or processing instructions)")
        case .utf16WithoutBOM(let bigEndian):
            XMLReadError(kind: .forbidden, location: XMLSourceLocation(file: file, line: 1, column: 1),
                         message: "the file is UTF-16 (\(bigEndian ? "big" : "little")-endian, without a byte-order mark); ecca reads UTF-8 only "
                            + "(convert it, e.g. with iconv -f UTF-16\(bigEndian ? "BE" : "LE") -t UTF-8, and declare encoding=\"UTF-8\")")
        case .utf32(let bigEndian, let byteOrderMark):
            XMLReadError(kind: .forbidden, location: XMLSourceLocation(file: file, line: 1, column: 1),
                         message: "the file is UTF-32 (\(bigEndian ? "big" : "little")-endian, \(byteOrderMark ? "with" : "without") a byte-order mark); ecca reads UTF-8 only "
                            + "(convert it, e.g. with iconv -f UTF-32\(byteOrderMark ? "" : bigEndian ? "BE" : "LE") -t UTF-8, and declare encoding=\"UTF-8\")")
        case .unfinished(let what, let line, let column):
            XMLReadError(kind: .malformed, location: XMLSourceLocation(file: file, line: line, column: column), message: unfinishedMessage(what, line: line, column: column))
        case .notMarkup(let line, let column):
            XMLReadError(kind: .malformed, location: XMLSourceLocation(file: file, line: line, column: column),
                         message: "the file is not XML: text stands where its root element should begin, with '<'")
        case .none, .undecided:
            nil
        }
    }
}
