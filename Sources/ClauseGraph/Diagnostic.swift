/// A finding about an input, as a value: library code never prints.
///
/// Rendered as `file:line: error: message [provision-id]`, the shape compilers use, so editors and
/// CI annotate it.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// The provision (or other clause-graph id) the finding is about, when there is one.
    public var subject: String?
    /// For a reference to something the graph does not hold: what it names.
    public var unresolved: UnresolvedReference?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, subject: String? = nil,
                unresolved: UnresolvedReference? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.subject = subject
        self.unresolved = unresolved
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let subject { text += " [\(subject)]" }
        return text
    }
}
