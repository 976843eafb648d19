import Foundation
import Testing

/// An input that holds no request (an empty file, blank lines, a CSV header alone, an empty pipe)
/// is an error record, as a folder with no request files is: an empty export is no "all clear"
/// (QA s27 M3: `batch` of an empty file said "0 requests" and exited 0, where `check` exits 2).
@Suite struct BatchEmptyInputTests {
    static let csvHeader = "id,date,legal_basis,authority,jurisdiction,model,compute_value,compute_unit,weights_published,artifact,channel,recipient_nationalities,recipient_location,recipient_headquarters\n"

    @Test(arguments: [("empty.ndjson", "", "no request (it is empty, or holds blank lines only)"),
                      ("blank.ndjson", "\n  \n\n", "no request (it is empty, or holds blank lines only)"),
                      ("header.csv", Self.csvHeader, "a header row and no request")])
    func anInputWithNoRequestIsAnErrorRecord(name: String, contents: String, holding: String) throws {
        let folder = try CLI.folder([name: contents])
        let path = folder.appendingPathComponent(name).path
        let result = try CLI.run(["batch", path])
        #expect(result.status == 2)
        let line = try CLI.json(result.stdout.trimmingCharacters(in: .newlines))
        let error = try #require(line["error"] as? [String: Any])
        #expect(error["file"] as? String == path)
        #expect(error["line"] as? Int == 0)
        #expect(error["message"] as? String == "the input holds \(holding)")
        #expect(result.stderr.hasPrefix("\(path): error: the input holds \(holding)\nbatch: 1 request, 0 analysed, 1 unusable: "))
    }

    @Test func anEmptyPipeIsAnErrorRecord() throws {
        let result = try CLI.run(["batch", "-"], stdin: Data())
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("<stdin>: error: the input holds no request (it is empty, or holds blank lines only)\n"))
    }

    /// Beside another input, the empty one is its own record; the other's requests are analysed.
    @Test func theOtherInputsAreStillAnalysed() throws {
        let request = try String(contentsOfFile: CLI.sample("weights-to-ai-office-warsaw.json"), encoding: .utf8)
        let oneLine = String(decoding: try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(request.utf8))), as: UTF8.self)
        let folder = try CLI.folder(["one.ndjson": oneLine + "\n", "empty.ndjson": ""])
        let result = try CLI.run(["batch", folder.appendingPathComponent("one.ndjson").path, folder.appendingPathComponent("empty.ndjson").path])
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(try CLI.json(lines[0])["verdict"] as? String == "conflict")
        #expect((try CLI.json(lines[1])["error"] as? [String: Any])?["message"] as? String == "the input holds no request (it is empty, or holds blank lines only)")
    }
}
