import EccaFormats
import Foundation
import Testing

/// Every batch line records the regulations it was made under and the input record it was made
/// from, and `--resume` continues only an output whose lines match this run on both.
@Suite(.serialized) struct BatchProvenanceTests {
    static let letter = ["--instrument", CLI.letter]

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    /// A folder with `count` generated requests as in.ndjson.
    func generated(_ count: Int, seed: Int) throws -> (folder: URL, input: URL) {
        let folder = try CLI.folder([:])
        let input = folder.appendingPathComponent("in.ndjson")
        let result = try CLI.run(["sample-requests", "--count", "\(count)", "--seed", "\(seed)", "-o", input.path])
        #expect(result.status == 0)
        return (folder, input)
    }

    /// The regulations digest the reproducibility receipt gives for a run with `arguments`.
    func receiptDigest(_ arguments: [String]) throws -> String {
        let report = try CLI.run(["report", "--format", "json"] + arguments + [CLI.sample("weights-to-ai-office-warsaw.json")])
        let receipt = try #require(CLI.json(report.stdout)["receipt"] as? [String: Any], "\(report.stderr)")
        return try #require(receipt["regulationsSHA256"] as? String)
    }

    @Test func eachLineRecordsTheReceiptsRegulationsDigestAndItsRecordsDigest() throws {
        let (folder, input) = try generated(4, seed: 21)
        let requests = lines(try String(contentsOf: input, encoding: .utf8))
        // A record that cannot be used has its line too, with both digests.
        let broken = #"{"id":"BROKEN","items":[{"artifact":"x-ray","channel":"transfer"}]}"#
        let file = folder.appendingPathComponent("with-error.ndjson")
        try (requests + [broken]).map { $0 + "\n" }.joined().write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["batch", file.path] + Self.letter)
        let out = lines(result.stdout)
        #expect(out.count == 5, "\(result.stderr)")
        let withLetter = try receiptDigest(Self.letter)
        for (line, record) in zip(out, requests + [broken]) {
            let object = try CLI.json(line)
            #expect(object["regulationsSHA256"] as? String == withLetter)
            #expect(object["recordSHA256"] as? String == SHA256.hexDigest(Array(record.utf8)))
        }
        #expect(try CLI.json(out[4])["error"] != nil)
        // The --instrument files are in the digest: without the letter it is another one.
        let withoutLetter = try receiptDigest([])
        #expect(withoutLetter != withLetter)
        let plain = try CLI.json(lines(try CLI.run(["batch", file.path]).stdout)[0])
        #expect(plain["regulationsSHA256"] as? String == withoutLetter)
    }

    /// A CSV request is its header and its rows: the header says what each field means.
    @Test func aCSVRequestsDigestIsItsHeaderAndRows() throws {
        let header = "id,date,legal_basis,authority,jurisdiction,model,compute_value,compute_unit,weights_published,artifact,channel,recipient_nationalities,recipient_location,recipient_headquarters"
        let rows = [
            "C-1,2026-11-24,Art. 92(3),AI Office,EU,M,3e26,operations,false,weights,transfer,PL,PL,PL",
            "C-1,2026-11-24,Art. 92(3),AI Office,EU,M,3e26,operations,false,weights,remote-api,PL,PL,PL",
            "C-2,2026-11-24,Art. 91(1),AI Office,EU,M,3e26,operations,false,technical-documentation,transfer,IT,BE,BE",
        ]
        let folder = try CLI.folder(["in.csv": ([header] + rows).joined(separator: "\r\n") + "\r\n"])
        let out = lines(try CLI.run(["batch", "--posture", "text", folder.appendingPathComponent("in.csv").path]).stdout)
        #expect(out.count == 2)
        #expect(try CLI.json(out[0])["recordSHA256"] as? String == SHA256.hexDigest(Array((header + "\n" + rows[0] + "\n" + rows[1] + "\n").utf8)))
        #expect(try CLI.json(out[1])["recordSHA256"] as? String == SHA256.hexDigest(Array((header + "\n" + rows[2] + "\n").utf8)))
    }

    /// A request file's digest is that of its bytes, as `sha256sum` gives it.
    @Test func aRequestFilesDigestIsThatOfItsBytes() throws {
        let path = CLI.sample("weights-or-api-access.xml")
        let line = try CLI.json(try CLI.run(["batch", path]).stdout)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(line["recordSHA256"] as? String == SHA256.hexDigest(bytes))
    }

    @Test func aResumeUnderOtherRegulationsIsRefusedAndNothingAppended() throws {
        let (folder, input) = try generated(6, seed: 22)
        let whole = try CLI.run(["batch", input.path] + Self.letter)
        let output = folder.appendingPathComponent("out.ndjson")
        let kept = lines(whole.stdout).prefix(3).map { $0 + "\n" }.joined()
        try kept.write(to: output, atomically: true, encoding: .utf8)
        // A copy of the shipped regulations with one byte of a note changed.
        let regulations = folder.appendingPathComponent("Regulations")
        try FileManager.default.copyItem(atPath: CLI.regulations, toPath: regulations.path)
        let act = regulations.appendingPathComponent("eu-ai-act.xml")
        let text = try String(contentsOf: act, encoding: .utf8)
        let note = try #require(text.range(of: "<note kind=\"interpretation\">"))
        try text.replacingCharacters(in: note, with: "<note kind=\"interpretation\"> ").write(to: act, atomically: true, encoding: .utf8)
        let changed = try receiptDigest(["--regulations", regulations.path] + Self.letter)
        let original = try receiptDigest(Self.letter)
        #expect(changed != original)
        let resumed = try CLI.run(["batch", "--resume", "--regulations", regulations.path, "-o", output.path, input.path] + Self.letter)
        #expect(resumed.status == 2)
        #expect(resumed.stderr == "\(output.path): error: --resume: line 1 of the output was made under other regulations (SHA-256 \(original)) than this run's (SHA-256 \(changed)): other rules folders (--regulations, ECCA_REGULATIONS), other --instrument files, or files changed since; resume with the regulations of the run that made it, or start again without --resume\n")
        #expect(try String(contentsOf: output, encoding: .utf8) == kept)
        // Without the letter the run that made the lines had: refused as well.
        let noLetter = try CLI.run(["batch", "--resume", "-o", output.path, input.path])
        #expect(noLetter.status == 2)
        #expect(noLetter.stderr.contains("line 1 of the output was made under other regulations (SHA-256 \(original)) than this run's (SHA-256 \(try receiptDigest([])))"), "\(noLetter.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8) == kept)
    }

    @Test func aResumeWithAChangedInputRecordIsRefusedAndNothingAppended() throws {
        let (folder, input) = try generated(6, seed: 23)
        let whole = try CLI.run(["batch", input.path] + Self.letter)
        let output = folder.appendingPathComponent("out.ndjson")
        let kept = lines(whole.stdout).prefix(4).map { $0 + "\n" }.joined()
        try kept.write(to: output, atomically: true, encoding: .utf8)
        // Record 3 changed after its line was written, its id kept: a space that changes nothing
        // in the request still makes it another record.
        var requests = lines(try String(contentsOf: input, encoding: .utf8))
        let before = requests[2]
        requests[2] = "{ " + requests[2].dropFirst()
        try requests.map { $0 + "\n" }.joined().write(to: input, atomically: true, encoding: .utf8)
        let resumed = try CLI.run(["batch", "--resume", "-o", output.path, input.path] + Self.letter)
        #expect(resumed.status == 2)
        #expect(resumed.stderr == "\(output.path): error: --resume: line 3 of the output was not made from record 3 of the input as it is now (\(input.path) line 3): the record had SHA-256 \(SHA256.hexDigest(Array(before.utf8))), it has SHA-256 \(SHA256.hexDigest(Array(requests[2].utf8))); the input has changed since the line was written, so start again without --resume\n")
        #expect(try String(contentsOf: output, encoding: .utf8) == kept)
        // A record after the kept lines may change: it has not been analysed yet.
        requests[2] = before
        requests[5] = "{ " + requests[5].dropFirst()
        try requests.map { $0 + "\n" }.joined().write(to: input, atomically: true, encoding: .utf8)
        let later = try CLI.run(["batch", "--resume", "-o", output.path, input.path] + Self.letter)
        #expect([0, 1].contains(later.status), "\(later.stderr)")
        #expect(lines(try String(contentsOf: output, encoding: .utf8)).count == 6)
    }

    /// Lines written before lines recorded their regulations and record cannot be checked: the
    /// run is refused rather than continued on trust.
    @Test func linesOfAnEarlierEccaAreRefused() throws {
        let (folder, input) = try generated(4, seed: 24)
        let whole = try CLI.run(["batch", input.path] + Self.letter)
        let output = folder.appendingPathComponent("out.ndjson")
        // What an earlier ecca wrote: the same lines without the two members.
        let earlier = try lines(whole.stdout).prefix(2).map { line -> String in
            var object = try CLI.json(line)
            #expect(object.removeValue(forKey: "regulationsSHA256") != nil && object.removeValue(forKey: "recordSHA256") != nil)
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self) + "\n"
        }.joined()
        try earlier.write(to: output, atomically: true, encoding: .utf8)
        let resumed = try CLI.run(["batch", "--resume", "-o", output.path, input.path] + Self.letter)
        #expect(resumed.status == 2)
        #expect(resumed.stderr == "\(output.path): error: --resume: line 1 of the output does not record the regulations and the input record it was made from (it was written by an earlier ecca), so it cannot be checked against this run; start again without --resume\n")
        #expect(try String(contentsOf: output, encoding: .utf8) == earlier)
        // ecca report still reads them, and says their regulations are not recorded.
        let report = try CLI.run(["report", "--format", "md", output.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("| Regulations (SHA-256) | not read by this run |"))
    }

    /// A report made from batch results names the regulations their lines record, and says so
    /// when they are not all the same.
    @Test func aReportFromBatchResultsNamesTheRegulationsTheLinesRecord() throws {
        let (folder, input) = try generated(4, seed: 25)
        let output = folder.appendingPathComponent("out.ndjson")
        let made = try CLI.run(["batch", input.path, "-o", output.path] + Self.letter)
        #expect([0, 1].contains(made.status), "\(made.stderr)")
        let digest = try receiptDigest(Self.letter)
        let report = try CLI.run(["report", "--format", "md", output.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("| Regulations (SHA-256) | \(digest), as recorded in each analysis by the run that made it; not read by this run |"), "\(report.stdout)")
        #expect(!report.stderr.contains("warning"))
        // Lines made without the letter, put with them: each digest with its count, and a warning.
        let other = folder.appendingPathComponent("other.ndjson")
        let without = try receiptDigest([])
        try lines(try CLI.run(["batch", input.path]).stdout).filter { $0.contains("\"verdict\"") }.prefix(1)
            .map { $0 + "\n" }.joined().write(to: other, atomically: true, encoding: .utf8)
        let mixed = try CLI.run(["report", "--format", "md", output.path, other.path])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        #expect(mixed.stdout.contains("| Regulations (SHA-256) | different for different analyses: \(digest) (4 analyses), \(without) (1 analysis); not read by this run |"), "\(mixed.stdout)")
        #expect(mixed.stderr.contains("warning: the analyses were not all made under the same regulations (4 under SHA-256 \(digest), 1 under SHA-256 \(without)); the receipt lists them"), "\(mixed.stderr)")
        // The JSON report carries them, and a report made from it says where they came from.
        let json = try CLI.run(["report", "--format", "json", output.path, other.path])
        let receipt = try #require(CLI.json(json.stdout)["receipt"] as? [String: Any])
        let recorded = try #require(receipt["recordedRegulations"] as? [[String: Any]])
        #expect(recorded.map { $0["sha256"] as? String } == [digest, without])
        #expect(recorded.map { $0["analyses"] as? Int } == [4, 1])
        let reportJSON = folder.appendingPathComponent("report.json")
        try json.stdout.write(to: reportJSON, atomically: true, encoding: .utf8)
        let again = try CLI.run(["report", "--format", "md", reportJSON.path])
        #expect(again.stdout.contains("regulations SHA-256 different for different analyses: \(digest) (4 analyses), \(without) (1 analysis);"), "\(again.stdout)")
        // A report's JSON put with batch lines counts its analyses under the regulations its
        // receipt gives: the one request analysed without the letter is not taken for the lines'.
        let checked = folder.appendingPathComponent("checked.json")
        try CLI.run(["report", "--format", "json", CLI.sample("weights-to-ai-office-warsaw.json")]).stdout
            .write(to: checked, atomically: true, encoding: .utf8)
        let withReport = try CLI.run(["report", "--format", "md", output.path, checked.path])
        #expect(withReport.status == 0, "\(withReport.stderr)")
        #expect(withReport.stdout.contains("| Regulations (SHA-256) | different for different analyses: \(digest) (4 analyses), \(without) (1 analysis); not read by this run |"), "\(withReport.stdout)")
        #expect(withReport.stderr.contains("warning: the analyses were not all made under the same regulations"), "\(withReport.stderr)")
    }

    /// The regulations hash is of the files' contents: the same files from another folder, given
    /// in another order, are the same regulations (a resumed run compares it).
    @Test func theRegulationsHashIsOfContentsNotPaths() throws {
        let folder = try CLI.folder([:])
        let copy = folder.appendingPathComponent("a-letter.xml")
        try FileManager.default.copyItem(atPath: Self.letter[1], toPath: copy.path)
        let regulations = folder.appendingPathComponent("zz-regulations")
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("Regulations").path, toPath: regulations.path)
        #expect(try receiptDigest(Self.letter) == receiptDigest(["--regulations", regulations.path, "--instrument", copy.path]))
    }
}
