import ClauseGraph

/// Why a request cannot be used, with the field and the line (exit status 2).
public struct RequestError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// JSON-pointer-like path of the field (`items[0].artifact`), or nil for syntax errors.
    public var field: String?
    public var message: String
    /// The request id, when it was read before the error.
    public var requestID: String?
    /// The request's other problems, in the order found: a request is read to its end, so that one
    /// run names every problem in it.
    public var further: [RequestError] = []

    public init(file: String, line: Int, field: String? = nil, message: String, requestID: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.requestID = requestID
    }

    /// One line per problem, the first first. What comes from the input (a file name, a field
    /// name, a quoted value, an id) has its control characters escaped, so that it cannot break
    /// the line or forge another (`ControlCharacters`).
    public var description: String {
        // Line 0: the problem is the file's as a whole (unreadable, too large), not one line's.
        var text = "\(SourceLocation(file: file, line: line)): error: "
        if let field { text += "\(field): " }
        text += message
        if let requestID { text += " [request \(requestID)]" }
        text = ControlCharacters.escaped(text)
        for other in further { text += "\n" + other.description }
        return text
    }
}
