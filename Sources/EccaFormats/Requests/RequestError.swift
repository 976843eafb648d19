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
    /// How many more problems the request has past those listed (`listedLimit` in all, the first
    /// by line): counted, not listed (`RequestProblems`).
    public var unlisted = 0
    /// The line of the first of them.
    public var firstUnlistedLine = 0

    /// The most problems one request's error lists.
    public static let listedLimit = 100

    /// - Parameter field: the field's path; an empty one (the record itself: a line that is an
    ///   array, not an object) is none, so that no reader of the error meets an empty field.
    public init(file: String, line: Int, field: String? = nil, message: String, requestID: String? = nil) {
        self.file = file
        self.line = line
        self.field = field?.isEmpty == false ? field : nil
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
        if unlisted > 0 { text += "\n" + ControlCharacters.escaped(unlistedLine) }
        return text
    }

    /// The line that stands for the problems not listed, at the first of them.
    private var unlistedLine: String {
        var text = "\(SourceLocation(file: file, line: firstUnlistedLine)): error: \(unlisted) more problem\(unlisted == 1 ? "" : "s")"
            + ", from this line on, not listed (a request's error lists its first \(Self.listedLimit) by line)"
        if let requestID { text += " [request \(requestID)]" }
        return text
    }
}
