/// Splits RFC 4180 CSV into records, one at a time: quoted fields may hold commas, doubled
/// quotes and line breaks.
public struct CSVRecordReader {
    private let lines: LineReader
    /// The line on which the last record returned started.
    public private(set) var recordLine = 0
    /// Lines read ahead for a record that turned out unusable (a quote never closed), to be read
    /// again as records of their own, with their line numbers.
    private var replay: [(text: String, number: Int)] = []

    public init(lines: LineReader) { self.lines = lines }

    public var name: String { lines.name }

    /// The next line, from the lines read again first.
    private mutating func nextLine() throws(CSVError) -> (text: String, number: Int)? {
        if !replay.isEmpty { return replay.removeFirst() }
        guard let line = lines.next() else { return nil }
        if let problem = lines.lastLineProblem { throw CSVError(line: lines.lineNumber, message: problem.description) }
        return (line, lines.lineNumber)
    }

    /// The next record's fields, or nil at the end. A quote that is never closed (by the end of
    /// input, or within the longest line allowed) is an error for the record it opens; the lines
    /// after that record's first are then read again as records of their own, so one stray quote
    /// costs one record, not the rest of the file.
    public mutating func next() throws(CSVError) -> [String]? {
        guard var (line, number) = try nextLine() else { return nil }
        recordLine = number
        var continuations: [(text: String, number: Int)] = []
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
            guard let continuation = try nextLine() else {
                replay = continuations + replay
                throw CSVError(line: recordLine, message: "unterminated quoted field (truncated CSV?); the lines after it are read as records of their own")
            }
            continuations.append(continuation)
            // A quote that is never closed must not gather the rest of the input into one field.
            recordBytes += continuation.text.utf8.count + 1
            if recordBytes > lines.maximumLineBytes {
                replay = continuations + replay
                throw CSVError(line: recordLine, message: "quoted field runs past \(lines.maximumLineBytes) bytes (an unterminated quote?); the lines after it are read as records of their own")
            }
            field.append("\n")
            (line, number) = continuation
        }
        fields.append(field)
        return fields
    }
}

public struct CSVError: Error, Sendable, Hashable {
    public var line: Int
    public var message: String
}
