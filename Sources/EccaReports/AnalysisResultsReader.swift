import EccaAnalysis
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

        init(analyses: [RequestAnalysis], leftOut: [ReproducibilityReceipt.LeftOutRecord] = [], byLine: Bool = false) {
            self.analyses = analyses
            self.leftOut = leftOut
            self.byLine = byLine
        }
    }

    /// The analyses in `bytes`, or nil when they are not analysis results (a request, say).
    public static func read(_ bytes: [UInt8], name: String) throws(ReportError) -> Results? {
        let data = Data(bytes)
        if let whole = try? JSONSerialization.jsonObject(with: data) {
            switch whole {
            case let object as [String: Any] where object["analyses"] != nil && object["receipt"] != nil:
                let report = try decode(ConflictReport.self, data, name: name, line: nil)
                var results = Results(analyses: report.analyses)
                results.receipt = report.receipt
                return results
            case let object as [String: Any] where looksLikeAnalysis(object):
                return Results(analyses: [try decode(RequestAnalysis.self, data, name: name, line: nil)])
            case let object as [String: Any] where isErrorRecord(object):
                return Results(analyses: [], leftOut: [leftOutRecord(object, record: 1)])
            case let array as [Any] where !array.isEmpty && array.allSatisfy(isRecord):
                var results = Results(analyses: [])
                for (index, element) in array.enumerated() {
                    let object = element as! [String: Any]
                    if isErrorRecord(object) {
                        results.leftOut.append(leftOutRecord(object, record: index + 1))
                    } else {
                        let elementData = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
                        results.analyses.append(try decode(RequestAnalysis.self, elementData, name: name, line: nil))
                    }
                }
                return results
            default:
                return nil
            }
        }
        // NDJSON: one record per non-blank line.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first(where: { !$0.allSatisfy(\.isWhitespace) }),
              let object = try? JSONSerialization.jsonObject(with: Data(first.utf8)), isRecord(object) else { return nil }
        var results = Results(analyses: [], byLine: true)
        for (number, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            let data = Data(line.utf8)
            if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], isErrorRecord(object) {
                results.leftOut.append(leftOutRecord(object, record: number + 1))
                continue
            }
            results.analyses.append(try decode(RequestAnalysis.self, data, name: name, line: number + 1))
        }
        return results
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
        if let field = error?["field"] as? String, let message = reason { reason = "\(field): \(message)" }
        if let file = error?["file"] as? String, let message = reason {
            reason = file + ((error?["line"] as? Int).map { $0 > 0 ? ":\($0)" : "" } ?? "") + ": " + message
        }
        return .init(record: record, requestID: object["id"] as? String, reason: reason)
    }

    private static func isRecord(_ value: Any) -> Bool {
        guard let object = value as? [String: Any] else { return false }
        return looksLikeAnalysis(object) || isErrorRecord(object)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data, name: String, line: Int?) throws(ReportError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
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
