import EccaAnalysis
import EccaFormats
import EccaReports
import Foundation
import Testing

/// RESULTS inputs are told from requests by content, in every shape `check`, `batch` and `report` print.
@Suite struct AnalysisResultsReaderTests {
    static func analyses() throws -> [RequestAnalysis] {
        try ["conflict", "clear"].map { try Fixtures.analyse(sample: $0) }
    }

    @Test func oneAnalysisAsCheckPrintsIt() throws {
        let analysis = try Self.analyses()[0]
        let results = try #require(try AnalysisResultsReader.read(Array(JSONReport.encode(analysis).utf8), name: "one.json"))
        #expect(results.analyses == [analysis])
    }

    /// Batch lines record the regulations they were made under: each digest is counted, in the
    /// order first met, and analyses that record none (older lines, `check`) under nil, whether
    /// the lines are NDJSON or a JSON array; the analyses are read as before.
    @Test func theRegulationsBatchLinesRecordAreCounted() throws {
        let analyses = try Self.analyses()
        let writer = AnalysisJSONWriter()
        let (first, second) = (SHA256.hexDigest(Array("first".utf8)), SHA256.hexDigest(Array("second".utf8)))
        func line(_ analysis: RequestAnalysis, _ regulations: String?) -> String {
            regulations.map { writer.line(analysis, provenance: LineProvenance(regulationsSHA256: $0, recordSHA256: SHA256.digest(of: "r"))) }
                ?? writer.line(analysis)
        }
        let lines = [line(analyses[0], first), line(analyses[1], nil), line(analyses[1], first), line(analyses[0], second)]
        let error = #"{"error":{"file":"in.ndjson","line":5,"message":"malformed JSON"},"regulationsSHA256":"\#(first)"}"#
        let expected: [ReproducibilityReceipt.RecordedRegulations] = [.init(sha256: first, analyses: 2), .init(sha256: nil, analyses: 1), .init(sha256: second, analyses: 1)]
        let ndjson = try #require(try AnalysisResultsReader.read(Array((lines + [error]).map { $0 + "\n" }.joined().utf8), name: "out.ndjson"))
        #expect(ndjson.analyses == [analyses[0], analyses[1], analyses[1], analyses[0]])
        #expect(ndjson.recordedRegulations == expected)
        #expect(ndjson.errorRecords == [5])
        let array = try #require(try AnalysisResultsReader.read(Array(("[\n" + (lines + [error]).joined(separator: ",\n") + "\n]\n").utf8), name: "out.json"))
        #expect(array.analyses == ndjson.analyses)
        #expect(array.recordedRegulations == expected)
        #expect(ReproducibilityReceipt.RecordedRegulations.merged(expected, [.init(sha256: second, analyses: 2), .init(sha256: "x", analyses: 1)])
            == [.init(sha256: first, analyses: 2), .init(sha256: nil, analyses: 1), .init(sha256: second, analyses: 3), .init(sha256: "x", analyses: 1)])
    }

    /// Results written before clear verdicts carried grounds still load, with none.
    @Test func resultsWithoutGroundsStillLoad() throws {
        let analysis = try Self.analyses()[1]
        #expect(analysis.items[0].postures["text"]?.grounds?.isEmpty == false)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.encode(analysis).utf8)) as? [String: Any])
        var items = try #require(object["items"] as? [[String: Any]])
        var postures = try #require(items[0]["postures"] as? [String: [String: Any]])
        for key in postures.keys { postures[key]?.removeValue(forKey: "grounds") }
        items[0]["postures"] = postures
        object["items"] = items
        let older = try JSONSerialization.data(withJSONObject: object)
        let results = try #require(try AnalysisResultsReader.read(Array(older), name: "older.json"))
        var expected = analysis
        for key in expected.items[0].postures.keys { expected.items[0].postures[key]?.grounds = nil }
        #expect(results.analyses == [expected])
    }

    /// Results written before findings and grounds named their caveats still load, with none.
    @Test func resultsWithoutCaveatsStillLoad() throws {
        let analysis = try Self.analyses()[0]
        #expect(!analysis.caveats.isEmpty && !analysis.findings[0].caveats.isEmpty)
        /// Every `caveats` key, at any depth, removed.
        func older(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { $0.key != "caveats" }.mapValues(older)
            }
            if let array = value as? [Any] { return array.map(older) }
            return value
        }
        let data = try JSONSerialization.data(withJSONObject: older(try JSONSerialization.jsonObject(with: Data(JSONReport.encode(analysis).utf8))))
        let results = try #require(try AnalysisResultsReader.read(Array(data), name: "older.json"))
        var expected = analysis
        expected.caveats = []
        for index in expected.findings.indices { expected.findings[index].caveats = [] }
        for (key, posture) in expected.items[0].postures {
            expected.items[0].postures[key]?.grounds = posture.grounds?.map { ground in
                var ground = ground
                ground.caveats = []
                return ground
            }
        }
        #expect(results.analyses == [expected])
    }

    @Test func anArrayOfAnalyses() throws {
        let analyses = try Self.analyses()
        let results = try #require(try AnalysisResultsReader.read(Array(JSONReport.encode(analyses).utf8), name: "many.json"))
        #expect(results.analyses == analyses)
    }

    @Test func ndjsonWithErrorRecords() throws {
        let analyses = try Self.analyses()
        let lines = [JSONReport.encode(analyses[0], pretty: false),
                     #"{"error":{"message":"not valid JSON"},"id":"broken"}"#,
                     "",
                     JSONReport.encode(analyses[1], pretty: false)]
        let results = try #require(try AnalysisResultsReader.read(Array(lines.joined(separator: "\n").utf8), name: "batch.ndjson"))
        #expect(results.analyses == analyses)
        #expect(results.errorRecords == [2])
    }

    @Test func aWholeReport() throws {
        let report = try Fixtures.report(sample: "avoidable")
        let results = try #require(try AnalysisResultsReader.read(Array(JSONReport.encode(report).utf8), name: "report.json"))
        #expect(results.analyses == report.analyses)
    }

    @Test func requestsAreNotResults() throws {
        for sample in ["weights-to-ai-office-warsaw.json", "weights-or-api-access.xml"] {
            let bytes = try #require(FileManager.default.contents(atPath: Fixtures.samplePath(sample)))
            #expect(try AnalysisResultsReader.read([UInt8](bytes), name: sample) == nil)
        }
    }

    @Test func brokenResultsNameTheLineAndField() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.encode(try Self.analyses()[0]).utf8)) as? [String: Any])
        object["verdict"] = "maybe"
        let broken = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let text = JSONReport.encode(try Self.analyses()[1], pretty: false) + "\n" + broken + "\n"
        #expect(throws: ReportError.self) { try AnalysisResultsReader.read(Array(text.utf8), name: "bad.ndjson") }
        do {
            _ = try AnalysisResultsReader.read(Array(text.utf8), name: "bad.ndjson")
        } catch {
            #expect(error.description.hasPrefix("bad.ndjson:2: error: not analysis results:"))
            #expect(error.description.contains("verdict"))
        }
    }

    /// NDJSON from a pipe is read a line at a time in chunks smaller than a line, each analysis
    /// handed over as it is read, error records and broken lines named by their line, and the
    /// digest taken while reading is that of all the bytes.
    @Test func ndjsonStreamsFromAPipe() throws {
        let analyses = try Self.analyses()
        var lines: [String] = []
        for index in 0..<300 {
            if index == 4 { lines.append(#"{"error":{"file":"in.ndjson","line":5,"field":"items[0]","message":"unknown artifact"},"id":"bad"}"#) }
            if index == 10 { lines.append("  ") }
            lines.append(JSONReport.encode(analyses[index % 2], pretty: false))
        }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("results-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)!
            handle.write(Data(bytes))
            try? handle.close()
        }
        writer.start()
        let reader = try #require(ByteLineReader(path: fifo, chunkBytes: 1024))
        var hasher = SHA256()
        reader.observe = { hasher.update($0) }
        var read: [RequestAnalysis] = []
        let content = try AnalysisResultsReader.read(reader, path: fifo, name: "in.ndjson") { read.append($0) }
        guard case .results(let records) = content else {
            Issue.record("not read as results")
            return
        }
        #expect(read.count == 300 && records.analysed == 300)
        #expect(read == (0..<300).map { analyses[$0 % 2] })
        #expect(records.byLine && records.errorRecords == [5])
        #expect(records.leftOut.first?.reason == "in.ndjson:5: items[0]: unknown artifact")
        #expect(SHA256.hex(hasher.finalize()) == SHA256.hexDigest(bytes))
    }

    /// A broken line far into a file read in chunks is named by its own line number.
    @Test func aBrokenLineIsNamedByItsLineWhenStreamed() throws {
        let good = JSONReport.encode(try Self.analyses()[1], pretty: false)
        let text = Array(repeating: good, count: 40).joined(separator: "\n") + "\n\n" + #"{"verdict":"clear"}"# + "\n" + good + "\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).ndjson")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        let reader = try #require(ByteLineReader(path: url.path, chunkBytes: 512))
        var count = 0
        #expect {
            _ = try AnalysisResultsReader.read(reader, path: url.path, name: "big.ndjson") { _ in count += 1 }
        } throws: { error in
            (error as? ReportError)?.description.hasPrefix("big.ndjson:42: error: not analysis results: missing \"id\"") == true
        }
        #expect(count == 40)
    }

    /// One record alone is one JSON document (a record, not a line), as it was before reading streamed.
    @Test func aSingleLineIsOneDocument() throws {
        let line = #"{"error":{"message":"not valid JSON"},"id":"broken"}"# + "\n\n"
        let results = try #require(try AnalysisResultsReader.read(Array(line.utf8), name: "one.ndjson"))
        #expect(!results.byLine && results.errorRecords == [1])
    }

    /// NDJSON with CR LF line ends (through a Windows tool, or git's autocrlf) is read line by
    /// line as with LF, error records named by their line; pretty JSON with CR LF line ends is
    /// still one document, and a request with them is still not results.
    @Test func crlfLineEndsAreLineEnds() throws {
        let analyses = try Self.analyses()
        let lines = [JSONReport.encode(analyses[0], pretty: false), #"{"error":{"message":"not valid JSON"},"id":"broken"}"#, "",
                     JSONReport.encode(analyses[1], pretty: false), ""]
        let results = try #require(try AnalysisResultsReader.read(Array(lines.joined(separator: "\r\n").utf8), name: "batch.ndjson"))
        #expect(results.analyses == analyses)
        #expect(results.byLine && results.errorRecords == [2])
        let pretty = JSONReport.encode(analyses).replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        let array = try #require(try AnalysisResultsReader.read(Array(pretty.utf8), name: "many.json"))
        #expect(array.analyses == analyses && !array.byLine)
        let request = try #require(FileManager.default.contents(atPath: Fixtures.samplePath("weights-to-ai-office-warsaw.json")))
        let crlfRequest = String(decoding: request, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try AnalysisResultsReader.read(Array(crlfRequest.utf8), name: "request.json") == nil)
    }
}
