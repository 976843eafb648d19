/// Splits RFC 4180 CSV into records, one at a time: quoted fields may hold commas, doubled
/// quotes and line breaks.
public struct CSVRecordReader {
    private let lines: LineReader
    /// The line on which the last record returned started.
    public private(set) var recordLine = 0

    public init(lines: LineReader) { self.lines = lines }

    public var name: String { lines.name }

    /// The next record's fields, or nil at the end. An unterminated quote at the end of input is an error.
    public mutating func next() throws(CSVError) -> [String]? {
        guard var line = lines.next() else { return nil }
        recordLine = lines.lineNumber
        if let problem = lines.lastLineProblem { throw CSVError(line: lines.lineNumber, message: problem.description) }
        var recordBytes = line.utf8.count
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        while true {
            var characters = line.makeIterator()
            var pending: Character? = nil
            while let character = pending ?? characters.next() {
                pending = nil
                if inQuotes {
                    if character == "\"" {
                        if let following = characters.next() {
                            if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                        } else {
                            inQuotes = false
                        }
                    } else {
                        field.append(character)
                    }
                } else if character == "," {
                    fields.append(field)
                    field = ""
                } else if character == "\"" && field.isEmpty {
                    inQuotes = true
                } else {
                    field.append(character)
                }
            }
            if !inQuotes { break }
            guard let continuation = lines.next() else {
                throw CSVError(line: recordLine, message: "unterminated quoted field (truncated CSV?)")
            }
            if let problem = lines.lastLineProblem { throw CSVError(line: lines.lineNumber, message: problem.description) }
            // A quote that is never closed must not gather the rest of the input into one field.
            recordBytes += continuation.utf8.count + 1
            if recordBytes > lines.maximumLineBytes {
                throw CSVError(line: recordLine, message: "quoted field runs past \(lines.maximumLineBytes) bytes (an unterminated quote?)")
            }
            field.append("\n")
            line = continuation
        }
        fields.append(field)
        return fields
    }
}

public struct CSVError: Error, Sendable, Hashable {
    public var line: Int
    public var message: String
}
