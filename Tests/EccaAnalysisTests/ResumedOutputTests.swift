@testable import EccaAnalysis
import EccaFormats
import Foundation
import Testing

/// A resumed output is read a line at a time: what is kept is the summary, and an id and a
/// record digest per line.
@Suite struct ResumedOutputTests {
    static let regulations = SHA256.hexDigest(Array("regulations".utf8))
    static func record(_ text: String) -> String { SHA256.hexDigest(Array(text.utf8)) }

    static func analysis(_ id: String, verdict: String = "clear", regulations: String? = Self.regulations) -> String {
        let provenance = regulations.map { #","recordSHA256":"\#(record(id))","regulationsSHA256":"\#($0)""# } ?? ""
        return #"{"id":"\#(id)","asOf":"2026-09-01","verdict":"\#(verdict)","postures":{"text":"\#(verdict)","enforcement":"\#(verdict)"},"items":[{"index":0,"artifact":"weights","postures":{}}],"findings":[]\#(provenance)}"#
    }
    /// An error line for a record that could not be read: it has no record digest.
    static let error = #"{"error":{"file":"in.ndjson","line":2,"message":"line is not valid UTF-8"},"regulationsSHA256":"\#(regulations)"}"#

    func resumed(_ path: String, regulations: String = Self.regulations) throws -> ResumedOutput {
        try ResumedOutput(try #require(ByteLineReader(path: path, chunkBytes: 16)), expecting: AnalysisOptions(), regulationsSHA256: regulations)
    }

    func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("resumed-\(UUID().uuidString).ndjson")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func aTornLastLineIsLeftOutAndTheRestCounted() throws {
        let complete = [Self.analysis("R-1"), Self.error, Self.analysis("R-3", verdict: "undetermined")].map { $0 + "\n" }.joined()
        let path = try write(complete + String(Self.analysis("R-4").prefix(30)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Chunks smaller than a line: lines are put together across reads.
        let kept = try resumed(path)
        #expect(kept.records.map(\.id) == ["R-1", nil, "R-3"])
        #expect(kept.records.map(\.recordSHA256) == [SHA256.Digest(hex: Self.record("R-1")), nil, SHA256.Digest(hex: Self.record("R-3"))])
        #expect(kept.completeBytes == complete.utf8.count)
        #expect(kept.summary.records == 3 && kept.summary.errors == 1)
        #expect(kept.summary.verdicts == ["clear": 1, "undetermined": 1])
    }

    @Test func aLineBatchDoesNotWriteIsRefusedByItsNumber() throws {
        let path = try write(Self.analysis("R-1") + "\n\n" + Self.analysis("R-3") + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try resumed(path)
        } throws: { error in
            (error as? ResumedOutput.Refusal)?.description == "line 2 of the output is not a line ecca batch writes; is it this batch's output?"
        }
    }

    @Test func aLineMadeUnderOtherRegulationsIsRefusedByItsNumber() throws {
        let other = SHA256.hexDigest(Array("other regulations".utf8))
        let path = try write(Self.analysis("R-1") + "\n" + Self.analysis("R-2", regulations: other) + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try resumed(path)
        } throws: { error in
            (error as? ResumedOutput.Refusal)?.description == "line 2 of the output was made under other regulations (SHA-256 \(other)) than this run's (SHA-256 \(Self.regulations)): other rules folders (--regulations, ECCA_REGULATIONS), other --instrument files, or files changed since; resume with the regulations of the run that made it, or start again without --resume"
        }
        // An error line is checked as an analysis is.
        let error = try write(Self.error + "\n")
        defer { try? FileManager.default.removeItem(atPath: error) }
        #expect(throws: ResumedOutput.Refusal.self) { try resumed(error, regulations: other) }
    }

    @Test func aLineThatDoesNotRecordItsRegulationsCannotBeChecked() throws {
        for line in [Self.analysis("R-1", regulations: nil), #"{"error":{"file":"in.ndjson","line":2,"message":"malformed JSON"}}"#] {
            let path = try write(Self.analysis("R-0") + "\n" + line + "\n")
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect {
                try resumed(path)
            } throws: { error in
                (error as? ResumedOutput.Refusal)?.description == "line 2 of the output does not record the regulations and the input record it was made from (it was written by an earlier ecca), so it cannot be checked against this run; start again without --resume"
            }
        }
    }

    /// A digest that is not 64 hexadecimal digits is not one ecca wrote.
    @Test func aMalformedDigestIsNotABatchLine() throws {
        let line = Self.analysis("R-1").replacingOccurrences(of: Self.record("R-1"), with: "abc")
        let path = try write(line + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try resumed(path)
        } throws: { error in
            (error as? ResumedOutput.Refusal)?.description == "line 1 of the output is not a line ecca batch writes; is it this batch's output?"
        }
    }
}
