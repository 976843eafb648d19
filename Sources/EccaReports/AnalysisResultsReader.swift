import EccaAnalysis
import EccaFormats
import Foundation

/// Reads analysis results back: one `RequestAnalysis` (what `ecca check --format json` prints for
/// one request), a JSON array of them, NDJSON with one per line (`ecca batch`), or a whole
/// `ConflictReport` (`ecca report --format json`). Decided by content, not by file name.
public enum AnalysisResultsReader {
    public struct Results: Sendable, Hashable {
        public var analyses: [RequestAnalysis]
        /// Records `ecca batch` could not use (`{"error": …}`): their line (NDJSON) or 1-based
        /// position (array), so a report can say what it leaves out.
        public var errorRecords: [Int] { leftOut.map(\.record) }
        /// Those records with the request id and the reason they hold.
        public var leftOut: [ReproducibilityReceipt.LeftOutRecord]
        /// Whether `record` counts lines (NDJSON) rather than positions in an array.
        public var byLine: Bool
        /// The receipt of a whole report read back (`ecca report --format json`): how the analyses
        /// were made, which a report made from them carries forward.
        public var receipt: ReproducibilityReceipt?
        /// The regulations digests the analyses record (`Records.recordedRegulations`).
        public var recordedRegulations: [ReproducibilityReceipt.RecordedRegulations] = []

        init(analyses: [RequestAnalysis], leftOut: [ReproducibilityReceipt.LeftOutRecord] = [], byLine: Bool = false) {
            self.analyses = analyses
            self.leftOut = leftOut
            self.byLine = byLine
        }
    }

    /// What a results file held besides its analyses, which `read(_:path:name:each:)` hands
    /// over one at a time as they are read.
    public struct Records: Sendable, Hashable {
        /// How many analyses were handed over.
        public var analysed = 0
        /// Records `ecca batch` could not use, with where they are and why (`Results.leftOut`).
        public var leftOut: [ReproducibilityReceipt.LeftOutRecord] = []
        /// Whether `leftOut` counts lines (NDJSON) rather than positions in an array.
        public var byLine = false
        /// The receipt of a whole report read back.
        public var receipt: ReproducibilityReceipt?
        /// The regulations digests the analyses record (`ecca batch` lines), with how many
        /// analyses give each; a count under nil for those that give none.
        public var recordedRegulations: [ReproducibilityReceipt.RecordedRegulations] = []
        public var errorRecords: [Int] { leftOut.map(\.record) }

        /// Counts one analysis under the digest it records.
        mutating func count(regulations sha256: String?) {
            if let index = recordedRegulations.firstIndex(where: { $0.sha256 == sha256 }) {
                recordedRegulations[index].analyses += 1
            } else {
                recordedRegulations.append(.init(sha256: sha256, analyses: 1))
            }
        }
    }

    /// What an input turned out to be.
    public enum Content {
        /// Analysis results: their analyses were handed over as they were read.
        case results(Records)
        /// Not analysis results (a request, say): all its bytes, for the caller to read as such.
        case other([UInt8])
    }

    /// The analyses in `bytes`, or nil when they are not analysis results (a request, say).
    public static func read(_ bytes: [UInt8], name: String) throws(ReportError) -> Results? {
        var analyses: [RequestAnalysis] = []
        let content = try read(ByteLineReader(bytes: bytes), path: name, name: name) { analyses.append($0) }
        guard case .results(let records) = content else { return nil }
        var results = Results(analyses: analyses, leftOut: records.leftOut, byLine: records.byLine)
        results.receipt = records.receipt
        results.recordedRegulations = records.recordedRegulations
        return results
    }

    /// Reads `lines` to their end, handing each analysis to `each` as it is read: NDJSON (what
    /// `ecca batch` writes, up to millions of lines) is read line by line, each line parsed
    /// once, so memory holds one line, not the file. Anything else (one analysis, an array, a
    /// whole report, a request) is one JSON document, read whole as before.
    ///
    /// A line ends at a line feed; a carriage return before it is part of the line end (NDJSON
    /// that went through a Windows tool), and JSON whitespace to a document read whole.
    /// - Parameter path: the input as given, for `ReportError.unreadableFile`.
    public static func read(_ lines: ByteLineReader, path: String, name: String,
                            each: (RequestAnalysis) throws(ReportError) -> Void) throws(ReportError) -> Content {
        func nextLine() throws(ReportError) -> (bytes: [UInt8], terminated: Bool)? {
            do {
                guard let line = try lines.next() else { return nil }
                return (line, lines.lastLineTerminated)
            } catch {
                throw .unreadableFile(path: path)
            }
        }
        // Everything read while the input may still be one JSON document.
        var consumed: [UInt8] = []
        func keep(_ line: (bytes: [UInt8], terminated: Bool)) {
            consumed += line.bytes
            if line.terminated { consumed.append(UInt8(ascii: "\n")) }
        }
        var number = 0
        var leadingJSONWhitespace = true
        var first: (bytes: [UInt8], number: Int)?
        while let line = try nextLine() {
            number += 1
            keep(line)
            if isBlank(line.bytes) {
                leadingJSONWhitespace = leadingJSONWhitespace && isJSONWhitespace(line.bytes)
                continue
            }
            first = (line.bytes, number)
            break
        }
        // NDJSON when the first line is a record and more than JSON whitespace follows it (then
        // the whole is not one JSON value); a first line alone is one document.
        if let first, let object = try? JSONSerialization.jsonObject(with: Data(withoutCarriageReturn(first.bytes))), isRecord(object) {
            var following: (bytes: [UInt8], terminated: Bool)?
            while let line = try nextLine() {
                number += 1
                if leadingJSONWhitespace && isJSONWhitespace(line.bytes) {
                    keep(line)
                    continue
                }
                following = line
                break
            }
            if let following {
                consumed = []
                var ndjson = NDJSON(name: name)
                try ndjson.take(first.bytes, number: first.number, each: each)
                try ndjson.take(following.bytes, number: number, terminated: following.terminated, each: each)
                while let line = try nextLine() {
                    number += 1
                    try ndjson.take(line.bytes, number: number, terminated: line.terminated, each: each)
                }
                return .results(ndjson.records)
            }
        }
        do {
            consumed += try lines.rest()
        } catch {
            throw .unreadableFile(path: path)
        }
        return try document(consumed, name: name, each: each)
    }

    /// An input held whole: one JSON value (an analysis, an array, a report), else NDJSON.
    private static func document(_ bytes: [UInt8], name: String,
                                 each: (RequestAnalysis) throws(ReportError) -> Void) throws(ReportError) -> Content {
        let data = Data(bytes)
        if let whole = try? JSONSerialization.jsonObject(with: data) {
            var records = Records()
            switch whole {
            case let object as [String: Any] where object["analyses"] != nil && object["receipt"] != nil:
                let report = try decode(ConflictReport.self, data, name: name, line: nil)
                for analysis in report.analyses { try each(analysis) }
                records.analysed = report.analyses.count
                records.receipt = report.receipt
                records.recordedRegulations = ReproducibilityReceipt.RecordedRegulations.merged(
                    records.recordedRegulations, regulations(of: report))
            case let object as [String: Any] where looksLikeAnalysis(object):
                try each(try decode(RequestAnalysis.self, data, name: name, line: nil))
                records.analysed = 1
                records.count(regulations: object["regulationsSHA256"] as? String)
            case let object as [String: Any] where isErrorRecord(object):
                records.leftOut = [leftOutRecord(object, record: 1)]
            case let array as [Any] where !array.isEmpty && array.allSatisfy(isRecord):
                for (index, element) in array.enumerated() {
                    let object = element as! [String: Any]
                    if isErrorRecord(object) {
                        records.leftOut.append(leftOutRecord(object, record: index + 1))
                    } else {
                        let elementData = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
                        try each(try decode(RequestAnalysis.self, elementData, name: name, line: nil))
                        records.analysed += 1
                        records.count(regulations: object["regulationsSHA256"] as? String)
                    }
                }
            default:
                return .other(bytes)
            }
            return .results(records)
        }
        // NDJSON: one record per non-blank line.
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { withoutCarriageReturn(Array($0)) }
        guard let first = lines.first(where: { !isBlank($0) }),
              let object = try? JSONSerialization.jsonObject(with: Data(first)), isRecord(object) else { return .other(bytes) }
        var ndjson = NDJSON(name: name)
        for (number, line) in lines.enumerated() {
            try ndjson.take(line, number: number + 1, each: each)
        }
        return .results(ndjson.records)
    }

    /// The records of NDJSON, a line at a time.
    private struct NDJSON {
        let name: String
        let decoder = JSONDecoder()
        var records = Records(byLine: true)

        init(name: String) { self.name = name }

        /// - Parameter terminated: whether the line ended with a line feed; one that did not, and
        ///   whose JSON is incomplete, is the last line of a file cut short, and said to be.
        mutating func take(_ line: [UInt8], number: Int, terminated: Bool = true,
                           each: (RequestAnalysis) throws(ReportError) -> Void) throws(ReportError) {
            let line = withoutCarriageReturn(line)
            guard !isBlank(line) else { return }
            // Decoded as a String of the file decoded it: bytes that are not UTF-8 become U+FFFD.
            let data = Data(String(decoding: line, as: UTF8.self).utf8)
            let record: Record
            do {
                record = try AnalysisResultsReader.decode(Record.self, data, name: name, line: number, with: decoder)
            } catch {
                if !terminated, (try? JSONSerialization.jsonObject(with: data)) == nil {
                    throw .invalidResults(file: name, line: number, message: LineReader.truncatedLastLine + ": the file was cut short, as by a batch that was stopped; `ecca batch --resume` completes it")
                }
                throw error
            }
            switch record {
            case .analysis(let analysis, let regulations):
                try each(analysis)
                records.analysed += 1
                records.count(regulations: regulations)
            case .error:
                let object = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
                records.leftOut.append(leftOutRecord(object, record: number))
            }
        }
    }

    /// One NDJSON line, parsed once: an error record (`isErrorRecord`), else an analysis, whose
    /// errors are those of decoding `RequestAnalysis` from the line, with the digest of the
    /// regulations it records it was made under (`ecca batch` lines), if any.
    private enum Record: Decodable {
        case analysis(RequestAnalysis, regulationsSHA256: String?)
        case error

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            if container.contains(Key(stringValue: "error")) && !container.contains(Key(stringValue: "verdict")) {
                self = .error
            } else {
                self = .analysis(try RequestAnalysis(from: decoder),
                                 regulationsSHA256: try container.decodeIfPresent(String.self, forKey: Key(stringValue: "regulationsSHA256")))
            }
        }
    }

    /// A blank line as a Swift `String` tells it (`Character.isWhitespace`), without decoding
    /// one when the line is ASCII.
    private static func isBlank(_ line: [UInt8]) -> Bool {
        for byte in line {
            if byte >= 0x80 { return String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace) }
            if !(byte == 0x20 || (0x09...0x0D).contains(byte)) { return false }
        }
        return true
    }

    /// The regulations a whole report's analyses were made under, as its receipt says: those the
    /// run read, else those its analyses recorded (a report made from batch lines), else none
    /// recorded. A report mixed with batch lines is then counted with them.
    private static func regulations(of report: ConflictReport) -> [ReproducibilityReceipt.RecordedRegulations] {
        let count = report.analyses.count
        if let read = report.receipt.regulationsSHA256 { return [.init(sha256: read, analyses: count)] }
        if let recorded = report.receipt.recordedRegulations, recorded.reduce(0, { $0 + $1.analyses }) == count { return recorded }
        return [.init(sha256: nil, analyses: count)]
    }

    /// A line without the carriage return of a CR LF line end.
    private static func withoutCarriageReturn(_ line: [UInt8]) -> [UInt8] {
        line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : line
    }

    /// Only what JSON itself counts as whitespace between values.

    private static func isJSONWhitespace(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Requests never carry a verdict or findings; analyses always do.
    private static func looksLikeAnalysis(_ object: [String: Any]) -> Bool {
        object["verdict"] != nil && object["findings"] != nil && object["items"] != nil
    }

    /// `ecca batch` writes `{"error": {...}, "id": ...}` for a record it could not use.
    private static func isErrorRecord(_ object: [String: Any]) -> Bool {
        object["error"] != nil && object["verdict"] == nil
    }

    /// An error record's request id and reason: `{"error": {"file", "line", "field", "message"}, "id"}`
    /// as `ecca batch` writes it ("orion.json:28: instruments[0]: unknown instrument …").
    private static func leftOutRecord(_ object: [String: Any], record: Int) -> ReproducibilityReceipt.LeftOutRecord {
        let error = object["error"] as? [String: Any]
        var reason = (error?["message"] as? String) ?? (object["error"] as? String)
        if let field = error?["field"] as? String, !field.isEmpty, let message = reason { reason = "\(field): \(message)" }
        if let file = error?["file"] as? String, let message = reason {
            reason = file + ((error?["line"] as? Int).map { $0 > 0 ? ":\($0)" : "" } ?? "") + ": " + message
        }
        return .init(record: record, requestID: object["id"] as? String, reason: reason)
    }

    private static func isRecord(_ value: Any) -> Bool {
        guard let object = value as? [String: Any] else { return false }
        return looksLikeAnalysis(object) || isErrorRecord(object)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data, name: String, line: Int?,
                                             with decoder: JSONDecoder = JSONDecoder()) throws(ReportError) -> T {
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw .invalidResults(file: name, line: line, message: describe(error))
        } catch {
            throw .invalidResults(file: name, line: line, message: "\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\"\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.debugDescription + path(context)
        @unknown default: return "\(error)"
        }
    }
}
