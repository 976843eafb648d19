@testable import EccaAnalysis
import EccaFormats
import Foundation
import Testing

/// A resumed output is read a line at a time: what is kept is the summary and an id per line.
@Suite struct ResumedOutputTests {
    static func analysis(_ id: String, verdict: String = "clear") -> String {
        #"{"id":"\#(id)","asOf":"2026-09-01","verdict":"\#(verdict)","postures":{"text":"\#(verdict)","enforcement":"\#(verdict)"},"items":[{"index":0,"artifact":"weights","postures":{}}],"findings":[]}"#
    }
    static let error = #"{"error":{"file":"in.ndjson","line":2,"message":"not valid JSON"}}"#

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
        let kept = try ResumedOutput(try #require(ByteLineReader(path: path, chunkBytes: 16)), expecting: AnalysisOptions())
        #expect(kept.ids == ["R-1", nil, "R-3"])
        #expect(kept.completeBytes == complete.utf8.count)
        #expect(kept.summary.records == 3 && kept.summary.errors == 1)
        #expect(kept.summary.verdicts == ["clear": 1, "undetermined": 1])
    }

    @Test func aLineBatchDoesNotWriteIsRefusedByItsNumber() throws {
        let path = try write(Self.analysis("R-1") + "\n\n" + Self.analysis("R-3") + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try ResumedOutput(try #require(ByteLineReader(path: path, chunkBytes: 16)), expecting: AnalysisOptions())
        } throws: { error in
            (error as? ResumedOutput.Refusal)?.description == "line 2 of the output is not a line ecca batch writes; is it this batch's output?"
        }
    }
}
