import EccaText

/// Where a clause-graph element was written: `file:line`, or `file:line:column` when a finding
/// points at one character of a long line (an importer's control character in a one-line act).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The character on the line, from 1; 0 when the finding is about the whole line. Encoded
    /// only when set, so results written before it existed still read.
    public var column: Int
    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    private enum CodingKeys: String, CodingKey { case file, line, column }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        line = try container.decode(Int.self, forKey: .line)
        column = try container.decodeIfPresent(Int.self, forKey: .column) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        if column > 0 { try container.encode(column, forKey: .column) }
    }

    /// The file name with its control and bidirectional characters escaped (`ControlCharacters`).
    public var description: String {
        let name = ControlCharacters.escaped(file)
        guard line > 0 else { return name }
        return column > 0 ? "\(name):\(line):\(column)" : "\(name):\(line)"
    }
}
