import ClauseGraph
import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// One way a JSON request reaches ecca, as the attack table sees it.
struct JSONReaderUnderTest: Sendable, CustomTestStringConvertible {
    var name: String
    /// Reads `bytes` (written to `path` first when the reader reads files).
    var read: @Sendable (_ bytes: [UInt8], _ path: String) throws -> Result<DisclosureRequest, RequestError>
    var testDescription: String { name }

    static let vocabulary = RequestVocabulary(graph: XMLReaderUnderTest.shipped)

    static let all: [JSONReaderUnderTest] = [
        JSONReaderUnderTest(name: "request file (RequestLoader)") { bytes, path in
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return Result { () throws(RequestError) in try RequestLoader(vocabulary: vocabulary, schema: nil).load(path) }
        },
        JSONReaderUnderTest(name: "NDJSON line (LineReader + RequestJSONDecoder)") { bytes, path in
            try Data(bytes + [0x0A]).write(to: URL(fileURLWithPath: path))
            let lines = try LineReader(path: path)
            guard let text = lines.next() else { return .failure(RequestError(file: path, line: 0, message: "no line")) }
            if let problem = lines.lastLineProblem { return .failure(RequestError(file: path, line: lines.lineNumber, message: problem.description)) }
            return Result { () throws(RequestError) in try RequestJSONDecoder(vocabulary: vocabulary).decode(text, file: path) }
        },
    ]
}

struct JSONAttack: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: @Sendable () -> [UInt8]
    /// Nil: the request must be read; else a fragment of the error message.
    var refusal: String?
    var testDescription: String { name }

    /// A valid request with `compute` as its training-compute value and `authority` as written.
    static func request(compute: String = "3e26", authority: String = "\"AI Office\"", extra: String = "") -> String {
        """
        {"id": "J-1", "date": "2026-11-24", "requester": {"authority": \(authority), "jurisdiction": "EU"\(extra)},
         "model": {"trainingCompute": {"value": \(compute), "unit": "operations"}},
         "items": [{"artifact": "weights", "channel": "transfer"}]}
        """.replacingOccurrences(of: "\n", with: " ")
    }

    static let all: [JSONAttack] = [
        JSONAttack(name: "10,000-deep nesting", bytes: { Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8) },
                   refusal: "nesting deeper than 64 levels"),
        JSONAttack(name: "10,000-deep nesting inside a request", bytes: {
            Array(request(authority: String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)).utf8)
        }, refusal: "nesting deeper than 64 levels"),
        JSONAttack(name: "a number of 10^400", bytes: { Array(request(compute: "1e400").utf8) }, refusal: "is not a finite number (at most 10^100)"),
        JSONAttack(name: "a number with a million digits", bytes: { Array(request(compute: "1" + String(repeating: "0", count: 1_000_000)).utf8) },
                   refusal: "is not a finite number"),
        JSONAttack(name: "an exponent of a trillion", bytes: { Array(request(compute: "1e1000000000000").utf8) }, refusal: "is not a finite number"),
        JSONAttack(name: "NaN and Infinity as numbers", bytes: { Array(request(compute: "NaN").utf8) }, refusal: "unexpected character 'N'"),
        JSONAttack(name: "NaN as a string", bytes: { Array(request(compute: "\"NaN\"").utf8) }, refusal: "'NaN' is not a finite number"),
        JSONAttack(name: "negative zero (read as zero)", bytes: { Array(request(compute: "-0").utf8) }, refusal: nil),
        JSONAttack(name: "invalid UTF-8 in a string", bytes: {
            var bytes = Array(request(authority: "\"AI XX Office\"").utf8)
            let at = bytes.firstIndex(of: UInt8(ascii: "X"))!
            bytes.replaceSubrange(at...at + 1, with: [0xC3, 0x28])
            return bytes
        }, refusal: "UTF-8"),
        JSONAttack(name: "a lone high surrogate", bytes: { Array(request(authority: "\"\\uD800\"").utf8) }, refusal: "unpaired surrogate"),
        JSONAttack(name: "a lone low surrogate", bytes: { Array(request(authority: "\"\\uDC00x\"").utf8) }, refusal: "unpaired surrogate"),
        JSONAttack(name: "a high surrogate followed by a letter", bytes: { Array(request(authority: "\"\\uD83D\\u0041\"").utf8) }, refusal: "unpaired surrogate"),
        JSONAttack(name: "duplicate keys", bytes: { Array(request(extra: ", \"authority\": \"Someone else\"").utf8) }, refusal: "duplicate member \"authority\""),
        JSONAttack(name: "a UTF-8 byte-order mark (read normally)", bytes: { [0xEF, 0xBB, 0xBF] + Array(request().utf8) }, refusal: nil),
        JSONAttack(name: "a NUL byte in a string", bytes: { Array(request(authority: "\"AI\u{0}Office\"").utf8) }, refusal: "control character in string"),
        JSONAttack(name: "a 20 MB string", bytes: { Array(request(authority: "\"" + String(repeating: "x", count: 20_000_000) + "\"").utf8) },
                   refusal: "limit of 16777216 bytes"),
        JSONAttack(name: "truncated", bytes: { Array(request().utf8.dropLast(3)) }, refusal: "truncated JSON"),
    ]
}

/// Issue 8: hostile JSON requests get a clear error naming the file and line, in bounded time.
@Suite struct JSONAttackTests {
    @Test(arguments: JSONReaderUnderTest.all, JSONAttack.all)
    func attack(_ reader: JSONReaderUnderTest, _ attack: JSONAttack) throws {
        let folder = try TemporaryFolder.make("hostile")
        let path = folder.appendingPathComponent("attack.json").path
        let bytes = attack.bytes()
        let start = CPUTime.ofThisThread()
        let outcome = try reader.read(bytes, path)
        #expect(CPUTime.ofThisThread() - start < 5)
        switch (attack.refusal, outcome) {
        case (nil, .success(let request)):
            #expect(request.id == "J-1")
        case (let fragment?, .failure(let error)):
            #expect(error.description.contains(fragment), "unexpected message: \(error.description.prefix(300))")
            #expect(error.file == path)
            #expect(error.line >= 1 || fragment.contains("limit"))
        case (nil, .failure(let error)):
            Issue.record("refused: \(error.description.prefix(300))")
        case (let fragment?, .success):
            Issue.record("accepted, expected a refusal containing \(fragment)")
        }
    }

    @Test func negativeZeroComputeIsZero() throws {
        let request = try RequestJSONDecoder(vocabulary: JSONReaderUnderTest.vocabulary).decode(JSONAttack.request(compute: "-0"), file: "z.json")
        #expect(request.model?.trainingCompute?.first?.value == ExactDecimal.zero)
    }
}

/// Lines and CSV records from hostile input: bounded, and never decoded with replacement characters.
@Suite struct LineAndCSVAttackTests {
    func write(_ bytes: [UInt8]) throws -> String {
        let path = try TemporaryFolder.make("hostile").appendingPathComponent("in.txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aLineLongerThanTheLimitIsSkippedAndTheNextOneIsRead() throws {
        let path = try write(Array(("short\n" + String(repeating: "x", count: 5000) + "\r\nafter\n").utf8))
        let lines = try LineReader(path: path, maximumLineBytes: 1000)
        #expect(lines.next() == "short")
        #expect(lines.next() == "")
        #expect(lines.lastLineProblem == .tooLong(bytes: 5001, limit: 1000))
        #expect(lines.lineNumber == 2)
        #expect(lines.next() == "after")
        #expect(lines.lastLineProblem == nil)
        #expect(lines.next() == nil)
    }

    @Test func invalidUTF8IsReportedNotReplaced() throws {
        let path = try write([0x61, 0xC3, 0x28, 0x0A, 0x62])
        let lines = try LineReader(path: path)
        #expect(lines.next() == "")
        #expect(lines.lastLineProblem == .notUTF8)
        #expect(lines.next() == "b")
        #expect(lines.lastLineUnterminated)
    }

    func csvRecords(_ text: [UInt8], limit: Int = LineReader.defaultMaximumLineBytes) throws -> (records: [RequestCSVReader.Record], error: RequestError?) {
        let path = try write(text)
        do {
            var reader = try RequestCSVReader(lines: try LineReader(path: path, maximumLineBytes: limit), vocabulary: JSONReaderUnderTest.vocabulary)
            var records: [RequestCSVReader.Record] = []
            while let record = reader.next() { records.append(record) }
            return (records, nil)
        } catch let error as RequestError {
            return ([], error)
        }
    }

    static let header = "id,artifact,channel,recipient_organisation\n"

    @Test func anUnterminatedQuoteIsAnErrorWithItsLine() throws {
        let (records, _) = try csvRecords(Array((Self.header + "C-1,weights,transfer,ok\nC-2,weights,transfer,\"never closed\nC-3,weights,transfer,x\n").utf8))
        try #require(records.count == 3, "the error after the first request, or the request after it, was dropped")
        #expect(records[0].id == "C-1")
        guard case .failure(let error) = records[1].result else { Issue.record("the unterminated quote was accepted"); return }
        #expect(error.line == 3)
        #expect(error.message.contains("a quoted field is not closed on its line"))
        #expect(records[1].id == "C-2", "the id before the quote is still read")
        // The line after it is a record of its own.
        #expect(records[2].id == "C-3")
        #expect(records[2].line == 4)
    }

    /// A quote left open swallows nothing: not the lines after it, and not, where a later field is
    /// quoted, the rows up to that field (which once vanished without a word).
    @Test func anUnterminatedQuoteCannotSwallowTheLinesAfterIt() throws {
        let body = Self.header + "C-1,weights,transfer,\"open\n" + String(repeating: "line of text\n", count: 1000)
            + "C-2,weights,transfer,\"Acme, Inc.\"\n"
        let (records, _) = try csvRecords(Array(body.utf8), limit: 4096)
        guard case .failure(let error)? = records.first?.result else { Issue.record("accepted"); return }
        #expect(error.message.contains("a quoted field is not closed on its line"))
        #expect(error.line == 2)
        #expect(records.last?.id == "C-2")
        #expect((try? records.last?.result.get())?.items.first?.recipients?.first?.organisation == "Acme, Inc.", "read as its own request")
    }

    @Test func invalidUTF8InACSVRowIsAnError() throws {
        let (records, _) = try csvRecords(Array((Self.header + "C-1,weights,transfer,").utf8) + [0xC3, 0x28, 0x0A])
        guard case .failure(let error)? = records.first?.result else { Issue.record("accepted"); return }
        #expect(error.message.contains("not valid UTF-8"))
        #expect(error.line == 2)
    }

    @Test func aByteOrderMarkBeforeTheHeaderIsRead() throws {
        let (records, error) = try csvRecords([0xEF, 0xBB, 0xBF] + Array((Self.header + "C-1,weights,transfer,ok\n").utf8))
        #expect(error == nil)
        #expect(records.count == 1)
        if case .failure(let failure) = records.first?.result { Issue.record("\(failure)") }
    }
}
