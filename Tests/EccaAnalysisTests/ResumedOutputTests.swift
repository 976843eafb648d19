import ClauseGraph
@testable import EccaAnalysis
import EccaFormats
import Foundation
import Testing

/// A resumed output is read a line at a time: what is kept is the summary, and an id and a
/// record digest per line.
@Suite struct ResumedOutputTests {
    static let regulations = SHA256.hexDigest(Array("regulations".utf8))
    static func record(_ text: String) -> String { SHA256.hexDigest(Array(text.utf8)) }

    /// A line of an analysis of `asOf`; `dated` says what the line records of the request's date:
    /// nil that it is undated, else its date (`requestDate` where it is not `asOf`).
    static func analysis(_ id: String, verdict: String = "clear", regulations: String? = Self.regulations,
                         asOf: String = "2026-09-01", dated: String? = "2026-09-01") -> String {
        let provenance = regulations.map { #","recordSHA256":"\#(record(id))","regulationsSHA256":"\#($0)""# } ?? ""
        let date = dated.map { $0 == asOf ? "" : #","requestDate":"\#($0)""# } ?? #","undated":true"#
        return #"{"id":"\#(id)","asOf":"\#(asOf)","verdict":"\#(verdict)","postures":{"text":"\#(verdict)","enforcement":"\#(verdict)"},"items":[{"index":0,"artifact":"weights","verdict":"\#(verdict)","postures":{"text":{"verdict":"\#(verdict)","channels":[]},"enforcement":{"verdict":"\#(verdict)","channels":[]}}}],"findings":[]\#(provenance)\#(date)}"#
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

    /// A kept line whose verdict was edited would be counted as it says: one whose postures are
    /// clear but which says conflict is refused by its number.
    @Test func aLineWhoseVerdictsContradictEachOtherIsRefusedByItsNumber() throws {
        let edited = Self.analysis("R-2").replacingOccurrences(of: #""verdict":"clear","postures""#, with: #""verdict":"conflict","postures""#)
        #expect(edited != Self.analysis("R-2"))
        let path = try write(Self.analysis("R-1") + "\n" + edited + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try resumed(path)
        } throws: { error in
            (error as? ResumedOutput.Refusal)?.description == "line 2 of the output contradicts itself: its verdict conflict is not the most severe of its postures' (text: clear, enforcement: clear); a line edited since the run would be counted as it says, so start again without --resume"
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

    /// A run fixes today once; a resumed run takes the day its kept lines took, so that the
    /// output is one day's analysis, and refuses lines that already mix two.
    @Test func theDayKeptLinesTookAsTodayIsTheResumedRunsToday() throws {
        let lines = [Self.analysis("R-1"), Self.analysis("R-2", asOf: "2026-12-06", dated: nil), Self.error, Self.analysis("R-4", asOf: "2026-12-06", dated: nil)]
        let path = try write(lines.map { $0 + "\n" }.joined())
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try resumed(path).today == LegalDate(iso: "2026-12-06"))
        // Dated requests alone say nothing of today.
        let dated = try write(Self.analysis("R-1") + "\n")
        defer { try? FileManager.default.removeItem(atPath: dated) }
        #expect(try resumed(dated).today == nil)
        // With --as-of the undated requests are analysed on that day, as the kept lines were.
        let undated = try write(Self.analysis("R-2", asOf: "2026-12-06", dated: nil) + "\n")
        defer { try? FileManager.default.removeItem(atPath: undated) }
        let options = AnalysisOptions(asOf: LegalDate(iso: "2026-12-06"))
        #expect(try ResumedOutput(try #require(ByteLineReader(path: undated)), expecting: options, regulationsSHA256: Self.regulations).today == nil)
    }

    @Test func keptLinesOfTwoTodaysOrOfAnAsOfAreRefused() throws {
        let twoDays = try write([Self.analysis("R-1", asOf: "2026-12-06", dated: nil), Self.analysis("R-2", asOf: "2026-12-07", dated: nil)].map { $0 + "\n" }.joined())
        defer { try? FileManager.default.removeItem(atPath: twoDays) }
        #expect {
            try resumed(twoDays)
        } throws: { error in
            (error as? ResumedOutput.Refusal)?.description == "line 2 of the output analyses a request that gives no date as of 2026-12-07, but earlier lines analysed such requests as of 2026-12-06: the output already mixes two days' analyses, so start again without --resume (or with --as-of)"
        }
        // Given --today, the kept lines must have taken it.
        let oneDay = try write(Self.analysis("R-1", asOf: "2026-12-06", dated: nil) + "\n")
        defer { try? FileManager.default.removeItem(atPath: oneDay) }
        #expect {
            try ResumedOutput(try #require(ByteLineReader(path: oneDay)), expecting: AnalysisOptions(), regulationsSHA256: Self.regulations,
                              todayGiven: LegalDate(iso: "2026-12-07"))
        } throws: { error in
            (error as? ResumedOutput.Refusal)?.description == "line 1 of the output analyses a request that gives no date as of 2026-12-06, not --today 2026-12-07: resume with --today 2026-12-06, or start again without --resume"
        }
        // A dated request analysed on another day than its own was analysed with --as-of.
        let asOf = try write(Self.analysis("R-1", asOf: "2026-12-06", dated: "2026-09-01") + "\n")
        defer { try? FileManager.default.removeItem(atPath: asOf) }
        #expect {
            try resumed(asOf)
        } throws: { error in
            (error as? ResumedOutput.Refusal)?.description == "line 1 of the output was made with --as-of 2026-12-06 (its request is dated otherwise); resume with the options of the run that made it"
        }
    }
}
