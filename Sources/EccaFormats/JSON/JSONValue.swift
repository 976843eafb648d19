/// A parsed JSON value that remembers the line it started on, so that request errors can name
/// the field and the line (Foundation's decoders give neither).
public enum JSONValue: Sendable, Equatable {
    case null(line: Int)
    case bool(Bool, line: Int)
    /// Numbers are kept as written, so `1e26` stays exact.
    case number(String, line: Int)
    case string(String, line: Int)
    case array([JSONValue], line: Int)
    /// Members in document order (duplicates are rejected by the parser).
    case object([(key: String, value: JSONValue)], line: Int)

    public var line: Int {
        switch self {
        case .null(let line), .bool(_, let line), .number(_, let line), .string(_, let line),
             .array(_, let line), .object(_, let line): line
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members, _) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The value as a string, integer, boolean, array or object; nil when it is something else.
    public var string: String? {
        if case .string(let text, _) = self { return text }
        return nil
    }

    public var int: Int? {
        if case .number(let text, _) = self { return Int(text) }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let value, _) = self { return value }
        return nil
    }

    public var elements: [JSONValue]? {
        if case .array(let elements, _) = self { return elements }
        return nil
    }

    public var members: [(key: String, value: JSONValue)]? {
        if case .object(let members, _) = self { return members }
        return nil
    }

    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a, _), .bool(b, _)): a == b
        case let (.number(a, _), .number(b, _)): a == b
        case let (.string(a, _), .string(b, _)): a == b
        case let (.array(a, _), .array(b, _)): a == b
        case let (.object(a, _), .object(b, _)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}

/// A JSON syntax error with its line and column.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "line \(line), column \(column): \(message)" }
}
