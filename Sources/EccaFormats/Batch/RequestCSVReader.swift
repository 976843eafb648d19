import Foundation

/// Reads requests from CSV, one item per row (docs/batch.md, "CSV input"). Consecutive rows with
/// the same `id` form one request; request-level columns are read from its first row. Each request
/// is mapped onto the JSON model and decoded by `RequestJSONDecoder`, so problems are reported the
/// same way, with the row's line.
public struct RequestCSVReader {
    public static let columns = [
        "id", "date", "deadline", "authority", "jurisdiction", "legal_basis", "provider", "established_in",
        "code_of_practice", "model", "compute_value", "compute_unit", "weights_published", "open_source_licence",
        "placed_on_eu_market", "instruments", "item_id", "artifact", "channel", "alternatives", "hosting_location",
        "recipient_organisation", "recipient_nationalities", "recipient_location", "recipient_headquarters",
        "recipient_role", "licences",
    ]

    /// The request field each column fills (docs/batch.md's table), with `[]` for any item or
    /// recipient: problems are named by column, as the CSV's author wrote it.
    static let fields: [String: String] = [
        "id": "id", "date": "date", "deadline": "deadline", "instruments": "instruments",
        "requester.authority": "authority", "requester.jurisdiction": "jurisdiction", "requester.legalBasis": "legal_basis",
        "provider.name": "provider", "provider.establishedIn": "established_in", "provider.codeOfPractice": "code_of_practice",
        "model.name": "model", "model.trainingCompute": "compute_value", "model.trainingCompute.value": "compute_value",
        "model.trainingCompute.unit": "compute_unit", "model.weightsPublished": "weights_published",
        "model.openSourceLicence": "open_source_licence", "model.placedOnEUMarket": "placed_on_eu_market",
        "items[].id": "item_id", "items[].artifact": "artifact", "items[].channel": "channel",
        "items[].alternatives": "alternatives", "items[].hostingLocation": "hosting_location", "items[].licences": "licences",
        "items[].recipients[].organisation": "recipient_organisation", "items[].recipients[].nationalities": "recipient_nationalities",
        "items[].recipients[].location": "recipient_location", "items[].recipients[].headquarters": "recipient_headquarters",
        "items[].recipients[].role": "recipient_role",
    ]

    /// `error` with its problems named by CSV column (`recipient_location` for
    /// `items[0].recipients[0].location`; `alternatives, entry 2` for a list's second entry), in
    /// the order of rows and, within a row, of the header's columns.
    func namingColumns(_ error: RequestError) -> RequestError {
        var named: [(problem: RequestError, column: Int)] = []
        for var problem in [error] + error.further {
            problem.further = []
            var column = Int.max
            if let field = problem.field {
                var path = field.replacingOccurrences(of: #"\[[0-9]+\]\."#, with: "[].", options: .regularExpression)
                var entry: Int?
                if let last = path.range(of: #"\[[0-9]+\]$"#, options: .regularExpression) {
                    entry = Int(path[last].dropFirst().dropLast()).map { $0 + 1 }
                    path.removeSubrange(last)
                }
                if let name = Self.fields[path] {
                    problem.field = name + (entry.map { ", entry \($0)" } ?? "")
                    column = header[name] ?? Int.max
                }
            }
            named.append((problem, column))
        }
        let ordered = named.enumerated().sorted {
            ($0.element.problem.line, $0.element.column, $0.offset) < ($1.element.problem.line, $1.element.column, $1.offset)
        }.map(\.element.problem)
        var first = ordered[0]
        first.further = Array(ordered.dropFirst())
        return first
    }

    /// One request read from CSV: decoded, or the error that made it unusable.
    public struct Record {
        public var line: Int
        public var id: String?
        public var result: Result<DisclosureRequest, RequestError>
    }

    private var records: CSVRecordReader
    private let decoder: RequestJSONDecoder
    private var header: [String: Int] = [:]
    private var pending: (line: Int, fields: [String])?
    /// An error met while the rows of the request before it were being gathered: it is that
    /// request's successor, returned by the next call, never dropped.
    private var pendingError: CSVError?
    private var finished = false

    public init(lines: LineReader, vocabulary: RequestVocabulary) throws(RequestError) {
        records = CSVRecordReader(lines: lines)
        decoder = RequestJSONDecoder(vocabulary: vocabulary)
        let names: [String]?
        do {
            names = try records.next()
        } catch {
            throw RequestError(file: lines.name, line: error.line, message: error.message)
        }
        guard let names else { throw RequestError(file: lines.name, line: 1, message: "empty CSV: a header row is required") }
        for (index, name) in names.enumerated() {
            let column = name.trimmingCharacters(in: CharacterSet(charactersIn: " \u{FEFF}"))
            guard Self.columns.contains(column) else {
                throw RequestError(file: lines.name, line: 1, field: column,
                                   message: "unknown CSV column (expected: \(Self.columns.joined(separator: ", ")))")
            }
            header[column] = index
        }
        for required in ["id", "artifact", "channel"] where header[required] == nil {
            throw RequestError(file: lines.name, line: 1, field: required, message: "required CSV column is missing")
        }
    }

    /// The next request, or nil at the end of the input.
    public mutating func next() -> Record? {
        if let error = pendingError {
            pendingError = nil
            return Record(line: error.line, id: nil, result: .failure(RequestError(file: records.name, line: error.line, message: error.message)))
        }
        var rows: [(line: Int, fields: [String])] = []
        if let pending { rows.append(pending) }
        pending = nil
        while !finished {
            let fields: [String]?
            do {
                fields = try records.next()
            } catch {
                finished = true
                if rows.isEmpty {
                    return Record(line: error.line, id: nil,
                                  result: .failure(RequestError(file: records.name, line: error.line, message: error.message)))
                }
                pendingError = error
                break
            }
            guard let fields else { finished = true; break }
            if fields.count == 1 && fields[0].isEmpty { continue }  // blank line
            let row = (line: records.recordLine, fields: fields)
            if let first = rows.first, value(first.fields, "id") != value(fields, "id") {
                pending = row
                break
            }
            rows.append(row)
        }
        guard let first = rows.first else { return nil }
        let id = value(first.fields, "id")
        let json = self.json(rows)
        do {
            return Record(line: first.line, id: id, result: .success(try decoder.decode(json, file: records.name)))
        } catch {
            return Record(line: first.line, id: id, result: .failure(namingColumns(error)))
        }
    }

    private func value(_ fields: [String], _ column: String) -> String? {
        guard let index = header[column], index < fields.count else { return nil }
        let text = fields[index].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    private func json(_ rows: [(line: Int, fields: [String])]) -> JSONValue {
        let first = rows[0]
        let line = first.line
        func string(_ fields: [String], _ column: String, _ line: Int) -> JSONValue? {
            value(fields, column).map { .string($0, line: line) }
        }
        func list(_ fields: [String], _ column: String, _ line: Int) -> JSONValue? {
            value(fields, column).map { text in
                .array(text.split(separator: ";").map { .string(String($0).trimmingCharacters(in: .whitespaces), line: line) }, line: line)
            }
        }
        func boolean(_ fields: [String], _ column: String, _ line: Int) -> JSONValue? {
            guard let text = value(fields, column) else { return nil }
            switch text.lowercased() {
            case "true", "yes", "1": return .bool(true, line: line)
            case "false", "no", "0": return .bool(false, line: line)
            default: return .string(text, line: line)  // the decoder names the field and the problem
            }
        }
        func object(_ members: [(String, JSONValue?)], _ line: Int) -> JSONValue? {
            let present = members.compactMap { key, value in value.map { (key: key, value: $0) } }
            return present.isEmpty ? nil : .object(present, line: line)
        }
        let fields = first.fields
        var compute: JSONValue?
        if value(fields, "compute_value") != nil || value(fields, "compute_unit") != nil {
            compute = object([("value", string(fields, "compute_value", line)), ("unit", string(fields, "compute_unit", line))], line)
        }
        let items: [JSONValue] = rows.map { row in
            let recipient = object([
                ("organisation", string(row.fields, "recipient_organisation", row.line)),
                ("nationalities", list(row.fields, "recipient_nationalities", row.line)),
                ("location", string(row.fields, "recipient_location", row.line)),
                ("headquarters", string(row.fields, "recipient_headquarters", row.line)),
                ("role", string(row.fields, "recipient_role", row.line)),
            ], row.line)
            return object([
                ("id", string(row.fields, "item_id", row.line)),
                ("artifact", string(row.fields, "artifact", row.line)),
                ("channel", string(row.fields, "channel", row.line)),
                ("alternatives", list(row.fields, "alternatives", row.line)),
                ("hostingLocation", string(row.fields, "hosting_location", row.line)),
                ("recipients", recipient.map { .array([$0], line: row.line) }),
                ("licences", list(row.fields, "licences", row.line)),
            ], row.line) ?? .object([], line: row.line)
        }
        let members: [(String, JSONValue?)] = [
            ("id", string(fields, "id", line)),
            ("date", string(fields, "date", line)),
            ("deadline", string(fields, "deadline", line)),
            ("requester", object([("authority", string(fields, "authority", line)), ("jurisdiction", string(fields, "jurisdiction", line)),
                                  ("legalBasis", string(fields, "legal_basis", line))], line)),
            ("provider", object([("name", string(fields, "provider", line)), ("establishedIn", string(fields, "established_in", line)),
                                 ("codeOfPractice", list(fields, "code_of_practice", line))], line)),
            ("model", object([("name", string(fields, "model", line)), ("trainingCompute", compute),
                              ("weightsPublished", boolean(fields, "weights_published", line)),
                              ("openSourceLicence", boolean(fields, "open_source_licence", line)),
                              ("placedOnEUMarket", string(fields, "placed_on_eu_market", line))], line)),
            ("items", .array(items, line: line)),
            ("instruments", list(fields, "instruments", line)),
        ]
        return .object(members.compactMap { key, value in value.map { (key: key, value: $0) } }, line: line)
    }
}
