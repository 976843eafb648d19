import EccaText

/// Where a clause-graph element was written: `file:line`.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    /// The file name with its control and bidirectional characters escaped (`ControlCharacters`).
    public var description: String {
        let name = ControlCharacters.escaped(file)
        return line > 0 ? "\(name):\(line)" : name
    }
}
