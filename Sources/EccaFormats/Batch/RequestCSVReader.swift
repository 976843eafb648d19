import Foundation

/// Reads requests from CSV, one item per row (docs/batch.md, "CSV input"). Consecutive rows with
/// the same `id` form one request; request-level columns are read from its first row. Each request
/// is mapped onto the JSON model and decoded by `RequestJSONDecoder`, so problems are reported the
/// same way, with the row's line.
public struct RequestCSVReader {
    /// A CSV column and the request field it fills (docs/batch.md's table): a dotted path of the
    /// JSON model, `[]` marking the item of the row and its one recipient.
    struct Column {
        enum Kind { case text, list, boolean }
        var name: String
        var path: String
        var kind: Kind = .text
    }

    /// Every column, in the order errors list them. The one table both for building a request from
    /// rows and for naming its problems by column.
    static let layout: [Column] = [
        .init(name: "id", path: "id"), .init(name: "date", path: "date"), .init(name: "deadline", path: "deadline"),
        .init(name: "authority", path: "requester.authority"), .init(name: "jurisdiction", path: "requester.jurisdiction"),
        .init(name: "legal_basis", path: "requester.legalBasis"),
        .init(name: "provider", path: "provider.name"), .init(name: "established_in", path: "provider.establishedIn"),
        .init(name: "code_of_practice", path: "provider.codeOfPractice", kind: .list),
        .init(name: "model", path: "model.name"),
        .init(name: "compute_value", path: "model.trainingCompute.value"), .init(name: "compute_unit", path: "model.trainingCompute.unit"),
        .init(name: "weights_published", path: "model.weightsPublished", kind: .boolean),
        .init(name: "weights_published_without_restriction", path: "model.weightsPublishedWithoutRestriction", kind: .boolean),
        .init(name: "open_source_licence", path: "model.openSourceLicence", kind: .boolean),
        .init(name: "architecture_and_usage_published", path: "model.architectureAndUsagePublished", kind: .boolean),
        .init(name: "systemic_risk_designated", path: "model.systemicRiskDesignated", kind: .boolean),
        .init(name: "derived_from_published_model", path: "model.derivedFromPublishedModel", kind: .boolean),
        .init(name: "placed_on_eu_market", path: "model.placedOnEUMarket"),
        .init(name: "instruments", path: "instruments", kind: .list),
        .init(name: "item_id", path: "items[].id"), .init(name: "artifact", path: "items[].artifact"),
        .init(name: "channel", path: "items[].channel"), .init(name: "alternatives", path: "items[].alternatives", kind: .list),
        .init(name: "hosting_location", path: "items[].hostingLocation"),
        .init(name: "recipient_organisation", path: "items[].recipients[].organisation"),
        .init(name: "recipient_nationalities", path: "items[].recipients[].nationalities", kind: .list),
        .init(name: "recipient_location", path: "items[].recipients[].location"),
        .init(name: "recipient_headquarters", path: "items[].recipients[].headquarters"),
        .init(name: "recipient_incorporated_in", path: "items[].recipients[].incorporatedIn"),
        .init(name: "recipient_role", path: "items[].recipients[].role"),
        .init(name: "licences", path: "items[].licences", kind: .list),
    ]

    public static let columns = layout.map(\.name)

    /// The column a decoder field path names (`items[0].recipients[0].location` →
    /// `recipient_location`; `alternatives, entry 2` for a list's second entry; a field holding
    /// columns, such as `model.trainingCompute`, by its first column), and its place in `layout`.
    static func column(naming field: String) -> (name: String, index: Int)? {
        // The path with indices dropped (`[0]` → `[]`), and a trailing index kept as the entry.
        var path = ""
        var entry: Int?
        var index = field.startIndex
        while index < field.endIndex {
            let character = field[index]
            path.append(character)
            index = field.index(after: index)
            guard character == "[" else { continue }
            let close = field[index...].firstIndex(of: "]") ?? field.endIndex
            let number = Int(field[index..<close])
            index = close
            if index == field.endIndex || field.index(after: index) == field.endIndex {
                path.removeLast()
                entry = number.map { $0 + 1 }
                break
            }
        }
        let found = layout.firstIndex { $0.path == path } ?? layout.firstIndex { $0.path.hasPrefix(path + ".") }
        return found.map { (layout[$0].name + (entry.map { ", entry \($0)" } ?? ""), $0) }
    }

    /// `error` with its problems named by CSV column, in the order of rows and, within a row, of
    /// the columns.
    static func namingColumns(_ error: RequestError) -> RequestError {
        var named: [(problem: RequestError, column: Int)] = []
        for var problem in [error] + error.further {
            problem.further = []
            problem.unlisted = 0
            let column = problem.field.flatMap(Self.column(naming:))
            if let column { problem.field = column.name }
            named.append((problem, column?.index ?? Int.max))
        }
        let ordered = named.enumerated().sorted {
            ($0.element.problem.line, $0.element.column, $0.offset) < ($1.element.problem.line, $1.element.column, $1.offset)
        }.map(\.element.problem)
        var first = ordered[0]
        first.further = Array(ordered.dropFirst())
        first.unlisted = error.unlisted
        first.firstUnlistedLine = error.firstUnlistedLine
        return first
    }

    /// One request read from CSV: decoded, or the error that made it unusable.
    public struct Record {
        public var line: Int
        public var id: String?
        public var result: Result<DisclosureRequest, RequestError>
        /// The request as read: the header row, then its rows, each followed by a line feed (a
        /// batch line's `recordSHA256` is the digest of this: the header names what each field
        /// means). Nil when one of its rows could not be read.
        public var text: String?
    }

    private var records: CSVRecordReader
    private let decoder: RequestJSONDecoder
    private var header: [String: Int] = [:]
    /// The header row as read, without its line ending.
    private let headerText: String
    /// The header's number of fields: every row must have as many (RFC 4180), or its values would
    /// be read into the wrong columns.
    private var width = 0
    /// The first row of the next request, read while the rows of the one before were gathered.
    private var pending: CSVRecordReader.Row?
    private var finished = false

    public init(lines: LineReader, vocabulary: RequestVocabulary) throws(RequestError) {
        records = CSVRecordReader(lines: lines)
        decoder = RequestJSONDecoder(vocabulary: vocabulary)
        guard let headerRow = records.next() else {
            throw RequestError(file: lines.name, line: 1, message: "empty CSV: a header row is required")
        }
        if let problem = headerRow.problem { throw RequestError(file: lines.name, line: headerRow.line, message: problem) }
        headerText = headerRow.text ?? ""
        let names = headerRow.fields
        for (index, name) in names.enumerated() {
            let column = name.trimmingCharacters(in: CharacterSet(charactersIn: " \u{FEFF}"))
            guard Self.columns.contains(column) else {
                throw RequestError(file: lines.name, line: 1, field: column,
                                   message: "unknown CSV column (expected: \(Self.columns.joined(separator: ", ")))")
            }
            guard header[column] == nil else {
                throw RequestError(file: lines.name, line: 1, field: column, message: "CSV column named twice (columns \(header[column]! + 1) and \(index + 1))")
            }
            header[column] = index
        }
        width = names.count
        for required in ["id", "artifact", "channel"] where header[required] == nil {
            throw RequestError(file: lines.name, line: 1, field: required, message: "required CSV column is missing")
        }
    }

    /// The next request, or nil at the end of the input. A row that cannot be read (an unclosed
    /// quote, invalid UTF-8, an overlong line) or whose fields do not line up with the header
    /// makes its request unusable, all its rows: where the row's id can still be read, it is that
    /// request's; where not, the row is a record of its own.
    public mutating func next() -> Record? {
        var rows: [CSVRecordReader.Row] = []
        if let pending { rows.append(pending) }
        pending = nil
        while !finished, !(rows.last.map(Self.unreadable) ?? false) {
            guard let row = records.next() else { finished = true; break }
            if row.problem == nil && row.fields.count == 1 && row.fields[0].isEmpty { continue }  // blank line
            // Rows without an id are each a request of their own (an error): two are not one request.
            if let first = rows.first, value(first.fields, "id") == nil || value(first.fields, "id") != value(row.fields, "id") || Self.unreadable(row) {
                pending = row
                break
            }
            rows.append(row)
        }
        guard let first = rows.first else { return nil }
        let id = value(first.fields, "id")
        let text = rows.allSatisfy { $0.text != nil } ? rows.reduce(headerText + "\n") { $0 + $1.text! + "\n" } : nil
        // A row that cannot be read or told apart makes the request unusable, but its other rows
        // are still read, so that one run names all the request's problems (when its first row,
        // which gives the request-level columns, is sound).
        var problems = RequestProblems()
        for row in rows {
            if let problem = row.problem ?? misalignment(row) {
                problems.record(RequestError(file: records.name, line: row.line, message: problem, requestID: id))
            }
        }
        let sound = rows.filter { $0.problem == nil && $0.fields.count == width }
        guard sound.first?.line == first.line else {
            return Record(line: first.line, id: id, result: .failure(problems.error!), text: text)
        }
        do {
            let request = try decoder.decode(json(sound), file: records.name)
            if let error = problems.error { return Record(line: first.line, id: id, result: .failure(error), text: text) }
            return Record(line: first.line, id: id, result: .success(request), text: text)
        } catch {
            problems.record(every: Self.namingColumns(error))
            return Record(line: first.line, id: id, result: .failure(problems.error!), text: text)
        }
    }

    /// Why a row's fields cannot be told apart: it has more or fewer than the header.
    private func misalignment(_ row: CSVRecordReader.Row) -> String? {
        let count = row.fields.count
        guard count != width else { return nil }
        return "the row has \(count) field\(count == 1 ? "" : "s") but the header has \(width) (a missing or extra comma?), so its values cannot be told apart"
    }

    /// A line whose fields could not be read at all: it belongs to no request.
    private static func unreadable(_ row: CSVRecordReader.Row) -> Bool {
        row.problem != nil && row.fields.isEmpty
    }

    private func value(_ fields: [String], _ column: String) -> String? {
        guard let index = header[column], index < fields.count else { return nil }
        let text = FieldSpaces.trimmed(fields[index])
        return text.isEmpty ? nil : text
    }

    private func json(_ rows: [CSVRecordReader.Row]) -> JSONValue {
        let first = rows[0]
        /// The column's value in `fields` as JSON, nil when empty.
        func value(_ column: Column, _ fields: [String], _ line: Int) -> JSONValue? {
            guard let text = self.value(fields, column.name) else { return nil }
            switch column.kind {
            case .text: return .string(text, line: line)
            case .list:
                // An empty cell leaves the list unknown; `none` says it is empty (no chapter signed).
                if text.lowercased() == "none" { return .array([], line: line) }
                return .array(text.split(separator: ";").map { .string(FieldSpaces.trimmed($0), line: line) }, line: line)
            case .boolean:
                switch text.lowercased() {
                case "true", "yes", "1": return .bool(true, line: line)
                case "false", "no", "0": return .bool(false, line: line)
                default: return .string(text, line: line)  // the decoder names the field and the problem
                }
            }
        }
        /// The `columns` with a value in `fields` as one object, their paths without `prefix`.
        func object(_ columns: [Column], under prefix: String, _ fields: [String], _ line: Int) -> [(key: String, value: JSONValue)] {
            let entries = columns.compactMap { column -> (path: [Substring], value: JSONValue)? in
                value(column, fields, line).map { (column.path.dropFirst(prefix.count).split(separator: "."), $0) }
            }
            return Self.nest(entries, line: line)
        }
        let items: [JSONValue] = rows.map { row in .object(object(Self.itemColumns, under: Self.itemPrefix, row.fields, row.line), line: row.line) }
        let members = object(Self.requestColumns, under: "", first.fields, first.line)
        return .object(members + [(key: "items", value: .array(items, line: first.line))], line: first.line)
    }

    /// The columns of the request (read from its first row) and of each row's item.
    static let itemPrefix = "items[]."
    static let requestColumns = layout.filter { !$0.path.hasPrefix(itemPrefix) }
    static let itemColumns = layout.filter { $0.path.hasPrefix(itemPrefix) }

    /// The members of an object holding each value at its path, nested along the paths' keys in
    /// the order they first appear; a key `k[]` holds an array of its one object (a row's recipient).
    static func nest(_ entries: [(path: [Substring], value: JSONValue)], line: Int) -> [(key: String, value: JSONValue)] {
        var keys: [Substring] = []
        var groups: [Substring: [(path: [Substring], value: JSONValue)]] = [:]
        for entry in entries {
            let key = entry.path[0]
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append((Array(entry.path.dropFirst()), entry.value))
        }
        return keys.map { key -> (key: String, value: JSONValue) in
            let group = groups[key]!
            if group.count == 1 && group[0].path.isEmpty { return (String(key), group[0].value) }
            let object = JSONValue.object(nest(group, line: line), line: line)
            return key.hasSuffix("[]") ? (String(key.dropLast(2)), .array([object], line: line)) : (String(key), object)
        }
    }
}
