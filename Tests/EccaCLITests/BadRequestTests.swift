import Foundation
import Testing

/// Unusable requests get exit status 2 with the field and line named; other files still run.
@Suite struct BadRequestTests {
    static let base = """
        {
          "id": "BAD-1",
          "date": "2026-11-24",
          "requester": { "jurisdiction": "EU", "legalBasis": "Art. 92(3)" },
          "provider": { "codeOfPractice": [] },
          "model": { "trainingCompute": { "value": 3e26, "unit": "operations" }, "weightsPublished": false },
          "items": [
            { "artifact": "weights", "channel": "transfer", "recipients": [ { "nationalities": ["PL"], "location": "PL" } ] }
          ]
        }
        """

    func check(_ files: [String: String]) throws -> CLI.Result {
        let folder = try CLI.folder(files)
        return try CLI.run(["check", "--format", "json"] + files.keys.sorted().map { folder.appendingPathComponent($0).path })
    }

    @Test func malformedJSONNamesTheLine() throws {
        let result = try check(["bad.json": "{\n  \"id\": \"X\",\n  \"items\": [\n"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.json:4: error: malformed JSON: unexpected end of input"))
    }

    @Test func unknownArtifactNamesFieldAndLine() throws {
        let result = try check(["r.json": Self.base.replacingOccurrences(of: "\"artifact\": \"weights\"", with: "\"artifact\": \"blueprints\"")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("r.json:8: error: items[0].artifact: unknown artifact 'blueprints'"))
        #expect(result.stderr.contains("[request BAD-1]"))
    }

    @Test func negativeComputeNamesFieldAndLine() throws {
        let result = try check(["r.json": Self.base.replacingOccurrences(of: "3e26", with: "-3e26")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("r.json:6: error: model.trainingCompute.value: training compute cannot be negative (-3e26)"))
    }

    @Test func unknownUnitNamesFieldAndLine() throws {
        let result = try check(["r.json": Self.base.replacingOccurrences(of: "\"operations\"", with: "\"petaflop-days\"")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("r.json:6: error: model.trainingCompute.unit: unknown unit 'petaflop-days' (expected FLOP or operations)"))
    }

    @Test func aMisspeltFieldIsAnErrorNotAnUnknown() throws {
        let result = try check(["r.json": Self.base.replacingOccurrences(of: "\"artifact\"", with: "\"artefact\"")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("items[0].artefact: unknown field"))
    }

    /// A request is read to its end: every problem is named, in the order of the lines, and a
    /// batch's error record carries them all.
    @Test func everyProblemOfARequestIsNamedInLineOrder() throws {
        let request = Self.base
            .replacingOccurrences(of: "\"2026-11-24\"", with: "\"2026-11-31\"")
            .replacingOccurrences(of: "\"operations\"", with: "\"petaflop-days\"")
            .replacingOccurrences(of: "\"transfer\"", with: "\"fax\"")
            .replacingOccurrences(of: "\"location\": \"PL\"", with: "\"location\": \"Poland\"")
        let result = try check(["r.json": request])
        #expect(result.status == 2)
        let path = result.stderr.split(separator: "\n").first.map { String($0.prefix { $0 != ":" }) } ?? ""
        #expect(result.stderr == """
            \(path):3: error: date: '2026-11-31' is not a calendar date: 2026-11 has 30 days [request BAD-1]
            \(path):6: error: model.trainingCompute.unit: unknown unit 'petaflop-days' (expected FLOP or operations) [request BAD-1]
            \(path):8: error: items[0].channel: unknown channel 'fax' (expected one of: transfer, remote-api, on-site, secure-enclave, publication) [request BAD-1]
            \(path):8: error: items[0].recipients[0].location: 'Poland' is not an ISO 3166-1 alpha-2 country code [request BAD-1]

            """)

        let folder = try CLI.folder(["r.json": request])
        let batch = try CLI.run(["batch", folder.appendingPathComponent("r.json").path])
        let record = try CLI.json(String(batch.stdout.split(separator: "\n")[0]))
        #expect((record["error"] as? [String: Any])?["field"] as? String == "date")
        #expect((record["further"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
            == ["model.trainingCompute.unit", "items[0].channel", "items[0].recipients[0].location"])
    }

    /// A request with thousands of problems (a generated file gone wrong) lists the first hundred
    /// by line and counts the rest, at the line of the first not listed: one bad record must not
    /// flood a terminal or a batch line, nor hold every problem in memory. The bad date is found
    /// last but stands first; the unknown fields are found in rounds of the list being cut.
    @Test func aRequestListsItsFirstHundredProblemsAndCountsTheRest() throws {
        let unknown = (0..<450).map { "  \"x\($0)\": 0," }.joined(separator: "\n")
        let request = Self.base
            .replacingOccurrences(of: "\"2026-11-24\",", with: "\"2026-11-31\",\n" + unknown)
        let result = try check(["r.json": request])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let path = String(lines.first?.prefix { $0 != ":" } ?? "")
        #expect(lines.count == 101)
        #expect(lines.first == "\(path):3: error: date: '2026-11-31' is not a calendar date: 2026-11 has 30 days [request BAD-1]")
        #expect(lines[1] == "\(path):4: error: x0: unknown field (expected one of: id, date, deadline, requester, provider, model, items, instruments) [request BAD-1]")
        #expect(lines[99].hasPrefix("\(path):102: error: x98: unknown field"))
        #expect(lines.last == "\(path):103: error: 351 more problems, from this line on, not listed (a request's error lists its first 100 by line) [request BAD-1]")

        let folder = try CLI.folder(["r.json": request])
        let batch = try CLI.run(["batch", folder.appendingPathComponent("r.json").path])
        let record = try CLI.json(String(batch.stdout.split(separator: "\n")[0]))
        #expect((record["error"] as? [String: Any])?["field"] as? String == "date")
        #expect((record["further"] as? [[String: Any]])?.count == 99)
        #expect(record["unlisted"] as? Int == 351)
    }

    /// A figure with a problem is left out: two figures with unknown units are two unit problems,
    /// not also "two figures in the same unit"; a one-line request's problems come in the model's order.
    @Test func aBadComputeFigureCausesNoSecondProblem() throws {
        let request = #"{"id": "C", "date": "2026-11-31", "model": {"trainingCompute": [{"value": 1, "unit": "flops"}, {"vaule": 2, "unit": "FLOP"}]}, "items": [{"artifact": "blueprints", "channel": "transfer"}]}"#
        let result = try check(["r.json": request])
        #expect(result.status == 2)
        // "r.json:1: error: FIELD: message": the field of each line.
        let fields = result.stderr.split(separator: "\n").map { $0.components(separatedBy: ": ")[2] }
        #expect(fields == ["date", "model.trainingCompute[0].unit", "model.trainingCompute[1].vaule", "items[0].artifact"])
    }

    /// Every FLOP is an operation: a FLOP figure above the operations figure is a contradiction,
    /// refused like any other bad field, never analysed (it once came out a conflict with no
    /// provisions, and in a batch the answer spread to every request of its class).
    @Test func moreFLOPThanOperationsIsRefused() throws {
        let request = #"{"id": "C2", "date": "2026-11-24", "model": {"trainingCompute": [{"value": 3e26, "unit": "FLOP"}, {"min": 1e26, "max": 2e26, "unit": "operations"}]}, "items": [{"artifact": "weights", "channel": "transfer"}]}"#
        let result = try check(["r.json": request])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasSuffix(":1: error: model.trainingCompute: the FLOP figure (3e26) is above the operations figure (at most 2e26); ecca counts every FLOP as an operation, so it cannot analyse the two together: give figures counted the same way, or one of them [request C2]\n"), "\(result.stderr)")
        // A FLOP range that may lie below the operations figure is no contradiction.
        let overlapping = request.replacingOccurrences(of: #"{"value": 3e26, "unit": "FLOP"}"#, with: #"{"min": 1.5e26, "max": 3e26, "unit": "FLOP"}"#)
        #expect(try check(["r.json": overlapping]).status != 2)
    }

    /// A file that is not there is named as such, with no line (the problem is the whole file's).
    @Test func aMissingFileIsNamedWithoutALine() throws {
        let folder = try CLI.folder([:])
        let missing = folder.appendingPathComponent("missing.json").path
        let result = try CLI.run(["check", missing])
        #expect(result.status == 2)
        #expect(result.stderr == "\(missing): error: no such file\n")
    }

    @Test func otherFilesAreStillCheckedInAMultiFileRun() throws {
        let result = try check(["a-bad.json": "not json", "b-good.json": Self.base])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a-bad.json:1: error: malformed JSON"))
        // The bad file keeps its place, with the error record batch would write for it.
        let analyses = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(analyses?.count == 2)
        let error = analyses?.first?["error"] as? [String: Any]
        #expect((error?["file"] as? String)?.hasSuffix("a-bad.json") == true && error?["line"] as? Int == 1)
        #expect((error?["message"] as? String)?.hasPrefix("malformed JSON") == true, "\(String(describing: error))")
        #expect(analyses?.last?["id"] as? String == "BAD-1")
        #expect(analyses?.last?["verdict"] as? String == "conflict")
    }

    @Test func anInvalidXMLRequestNamesTheLine() throws {
        let xml = """
            <?xml version="1.0"?>
            <request xmlns="urn:ecca:request:1" id="X-1" date="2026-11-24">
              <item artifact="weights" channel="transfer">
                <recipient location="Poland"/>
              </item>
            </request>
            """
        let result = try check(["r.xml": xml])
        #expect(result.status == 2)
        // The field's own problem, as JSON requests get it, not the validator's expectation.
        #expect(result.stderr.hasSuffix("r.xml:4: error: items[0].recipients[0].location: 'Poland' is not an ISO 3166-1 alpha-2 country code [request X-1]\n"), "\(result.stderr)")
        let boolean = try check(["b.xml": xml.replacingOccurrences(of: "location=\"Poland\"", with: "location=\"PL\"")
            .replacingOccurrences(of: "<item ", with: "<model name=\"M\" weights-published=\"yes\"/>\n  <item ")])
        #expect(boolean.status == 2)
        #expect(boolean.stderr.hasSuffix("b.xml:3: error: model.weightsPublished: expected true or false, found a string [request X-1]\n"), "\(boolean.stderr)")
        // What only the schema refuses is still named by the schema.
        let unknown = try check(["u.xml": xml.replacingOccurrences(of: "location=\"Poland\"", with: "location=\"PL\"")
            .replacingOccurrences(of: "</item>", with: "</item>\n  <colour/>")])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("u.xml:6: error: not a valid request"), "\(unknown.stderr)")
        #expect(unknown.stderr.hasSuffix(" [request X-1]\n"), "the id is read, so the error names it")
    }

    /// What only the schema refuses is named as the stray element it is, at its line, where
    /// libxml2 says three things of it: that the request "failed to validate content", that an
    /// "Invalid sequence in interleave" (naming nothing) is at its line, and that the request lacks
    /// an item it has. The first repeats the second; the last is untrue: both are counted, not said.
    @Test func aStrayElementOfAnXMLRequestIsNamedOnce() throws {
        let xml = """
            <?xml version="1.0"?>
            <request xmlns="urn:ecca:request:1" id="X-2" date="2026-11-24">
              <colour/>
              <item artifact="weights" channel="transfer">
                <recipient location="PL"/>
              </item>
            </request>
            """
        let result = try check(["v.xml": xml])
        #expect(result.status == 2)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains("v.xml") }.map { String($0.split(separator: "/").last!) }
        #expect(errors == ["v.xml:3: error: not a valid request: Did not expect element colour there (2 further schema messages left out: 1 repeats an error above, and 1 expects an element that is there (libxml2 says so once it has stopped reading an interleave at an element it does not allow)) [request X-2]"], "\(result.stderr)")
    }
}
