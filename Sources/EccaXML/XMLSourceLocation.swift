import EccaText

/// A place in an input file, for diagnostics that a person can follow (`file:line:column`).
public struct XMLSourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, `file:line`, or `file` alone when no line is known (a file that cannot
    /// be opened). The file name is printed with its control and bidirectional characters escaped
    /// (a name holding a newline cannot forge a line).
    public var description: String {
        let name = ControlCharacters.escaped(file)
        return line <= 0 ? name : column > 0 ? "\(name):\(line):\(column)" : "\(name):\(line)"
    }
}
