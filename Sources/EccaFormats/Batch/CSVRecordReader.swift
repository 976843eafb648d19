/// Splits RFC 4180 CSV into rows, one line each: quoted fields may hold commas and doubled
/// quotes, but not line breaks. No column of ecca's CSV takes a line break, and a quote left
/// open must not gather the lines after it into one field: with quoted fields further on, it
/// would close on one of them and silently swallow the rows between.
public struct CSVRecordReader {
    /// One line's fields, or why they cannot be read.
    public struct Row {
        public var line: Int
        /// The fields; for a row with a problem, the ones complete before it (so the row's id
        /// can still be told), or none for a line that could not be read at all.
        public var fields: [String]
        public var problem: String?
        /// The line as read, without its line ending; nil for a line that could not be read
        /// (over the length limit, not UTF-8).
        public var text: String?
    }

    private let lines: LineReader

    public init(lines: LineReader) { self.lines = lines }

    public var name: String { lines.name }

    /// The next row, or nil at the end.
    public mutating func next() -> Row? {
        guard let line = lines.next() else { return nil }
        let number = lines.lineNumber
        if let problem = lines.lastLineProblem { return Row(line: number, fields: [], problem: problem.description, text: nil) }
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var characters = line.makeIterator()
        var pending: Character? = nil
        var problem: String?
        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    if let following = characters.next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            // RFC 4180: a closing quote ends the field. Text after it ("N"x) would
                            // be read into the value unnoticed, so the row is an error; the rest of
                            // the row is still read, so that its id names the request it fails.
                            var trailing = String(following)
                            while trailing.last != ",", let next = characters.next() { trailing.append(next) }
                            let text = trailing.last == "," ? String(trailing.dropLast()) : trailing
                            if problem == nil, !text.allSatisfy({ $0 == " " || $0 == "\t" }) {
                                problem = "text after the closing quote of field \(fields.count + 1) (\"\(field)\"\(text)): quote the whole field, doubling the quotes inside it"
                            }
                            field += text
                            if trailing.last == "," { pending = "," }
                        }
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
        if inQuotes {
            return Row(line: number, fields: fields,
                       problem: "a quoted field is not closed on its line (an unclosed quote?); no column holds a line break", text: line)
        }
        if let problem {
            fields.append(field)
            return Row(line: number, fields: fields, problem: problem, text: line)
        }
        fields.append(field)
        return Row(line: number, fields: fields, problem: nil, text: line)
    }
}
