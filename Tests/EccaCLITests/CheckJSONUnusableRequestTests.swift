import Foundation
import Testing
import EccaTestSupport

/// `ecca check --format json` over several requests keeps a place for each: one that cannot be
/// read gets the error record `ecca batch` writes, and `ecca report` over the array leaves it out
/// and says so, rather than filing an array of one analysis as the whole.
@Suite struct CheckJSONUnusableRequestTests {
    @Test func anUnusableRequestHasItsErrorRecordInItsPlace() throws {
        let bad = """
            {"id": "BAD-1", "date": "2026-11-24", "requester": {"authority": "AI Office", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
             "model": {"name": "M", "trainingCompute": {"value": 3e26, "unit": "operations"}, "weightsPublished": false},
             "items": [{"artifact": "weights", "channel": "transfer",
                        "recipients": [{"nationalities": ["QQ"], "location": "PL", "headquarters": "PL", "role": "authority-staff"}]}]}
            """
        let folder = try CLI.folder(["bad.json": bad])
        let good = CLI.sample("weights-to-ai-office-warsaw.json")
        let result = try CLI.run(["check", "--format", "json", good, "bad.json"], in: folder)
        #expect(result.status == 2)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["id"] as? String == "AIO-2026-0142" && array[0]["verdict"] as? String == "conflict")
        #expect(array[1]["id"] as? String == "BAD-1")
        let error = try #require(array[1]["error"] as? [String: Any])
        #expect(error["file"] as? String == "bad.json" && error["line"] as? Int == 4)
        #expect(error["field"] as? String == "items[0].recipients[0].nationalities[0]", "\(error)")
        #expect((error["message"] as? String)?.contains("QQ") == true, "\(error)")
        #expect(result.stderr.hasPrefix("bad.json:4: error: items[0].recipients[0].nationalities[0]: "), "\(result.stderr)")

        try Data(result.stdout.utf8).write(to: folder.appendingPathComponent("results.json"))
        let report = try CLI.run(["report", "--format", "md", "results.json"], in: folder)
        #expect(report.status == 2)
        #expect(report.stdout.contains("**Incomplete: 1 record of the input could not be analysed and is left out of this report;"))
        #expect(report.stdout.contains("- results.json element 2 (request BAD-1): bad.json:4: items\\[0\\].recipients\\[0\\].nationalities\\[0\\]: "), "\(report.stdout.suffix(600))")
    }
}
