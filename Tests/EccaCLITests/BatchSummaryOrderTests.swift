import Foundation
import Testing

/// The summary's groups come in one order in the text and in the JSON: the largest first, then by
/// example id. The JSON had kept the order they were first met in (QA s27: 201, 80, 14, 63 beside
/// the text's 201, 80, 63, 14).
@Suite struct BatchSummaryOrderTests {
    @Test func textAndJSONListTheGroupsAlike() throws {
        let folder = try CLI.folder([:])
        let requests = folder.appendingPathComponent("r.ndjson")
        #expect(try CLI.run(["sample-requests", "--count", "1000", "--seed", "7", "-o", requests.path]).status == 0)
        let summaryFile = folder.appendingPathComponent("summary.json")
        let result = try CLI.run(["batch", requests.path, "--instrument", CLI.letter, "--summary", summaryFile.path, "-o", folder.appendingPathComponent("o.ndjson").path])
        #expect(result.status == 1, "\(result.stderr)")
        let groups = try #require(try CLI.json(try String(contentsOf: summaryFile, encoding: .utf8))["groups"] as? [[String: Any]])
        #expect(groups.count > 2)
        let counts = groups.compactMap { $0["count"] as? Int }
        #expect(counts == counts.sorted(by: >))
        let fromJSON = groups.compactMap { $0["exampleID"] as? String }
        let fromText = result.stderr.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(" — ") }
            .compactMap { line in line.split(separator: "(e.g. ").last.map { String($0.dropLast()) } }
        #expect(fromText == fromJSON)
    }
}
