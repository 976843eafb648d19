import EccaAnalysis
import EccaReports
import Foundation
import Testing
import EccaTestSupport

/// Findings that repeat the same clashing provisions (several recipients, several channels) are
/// grouped by signature in the summary and the provisions shown once, yet every finding stays in.
@Suite struct GroupingTests {
    static let request = """
        {
          "id": "AIO-2026-0300",
          "date": "2026-11-24",
          "requester": { "authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)" },
          "provider": { "name": "Northwind Models, Inc.", "establishedIn": "US" },
          "model": { "name": "Northwind-5", "trainingCompute": { "value": 3e26, "unit": "operations" }, "weightsPublished": false },
          "items": [
            { "id": "weights", "artifact": "weights", "channel": "transfer", "alternatives": ["on-site"],
              "recipients": [
                { "organisation": "Evaluator A", "nationalities": ["PL"], "location": "PL", "headquarters": "PL" },
                { "organisation": "Evaluator B", "nationalities": ["CZ"], "location": "CZ", "headquarters": "CZ" }
              ] }
          ]
        }
        """

    static func analysis() throws -> RequestAnalysis {
        let folder = try TemporaryFolder.make("grouping")
        let file = folder.appendingPathComponent("request.json")
        try Self.request.write(to: file, atomically: true, encoding: .utf8)
        return try Fixtures.analyse(file.path, postures: [.text])
    }

    @Test func repeatedProvisionsAreGroupedAndEveryFindingKept() throws {
        let analysis = try Self.analysis()
        let signatures = Set(analysis.findings.map(\.signature))
        try #require(analysis.findings.count > signatures.count, "the request should repeat a signature: \(analysis.findings.map(\.id))")
        let report = ConflictReport(analyses: [analysis], receipt: Fixtures.receipt(for: [analysis], input: "request.json"))
        let markdown = try MarkdownReport().render(report)
        let html = try HTMLReport().render(report, pictures: [.graphvizMissing])
        // One conflict section per signature; the long US wording once per conflict, not per finding.
        #expect(markdown.components(separatedBy: "\n#### Conflict ").count - 1 == signatures.count)
        #expect(html.components(separatedBy: "<section class=\"conflict\"").count - 1 == signatures.count)
        #expect(html.components(separatedBy: "<blockquote").count - 1
                == Set(analysis.findings.map(\.signature)).map { signature in analysis.findings.first { $0.signature == signature }!.provisions.count }.reduce(0, +))
        // Every finding is reachable: its id, its number and (in HTML) its anchor.
        for (index, finding) in analysis.findings.enumerated() {
            #expect(markdown.contains("Finding id: " + MarkdownEscaping.escape(finding.id)))
            #expect(markdown.contains("##### Finding \(index + 1): "))
            #expect(html.contains("<section class=\"finding\" id=\"request-1-finding-\(index + 1)\">"))
            #expect(html.contains("<a href=\"#request-1-finding-\(index + 1)\">\(index + 1)</a>"))
        }
        #expect(html.contains("recipient 1"))
    }

    @Test func severalRequestsInOneReport() throws {
        let analyses = try ["conflict", "avoidable", "clear"].map { try Fixtures.analyse(sample: $0) }
        let report = ConflictReport(analyses: analyses, receipt: Fixtures.receipt(for: analyses, input: "batch.ndjson"))
        let html = try HTMLReport().render(report, pictures: [])
        #expect(html.contains("<title>Export-control conflict report</title>"))
        for (index, analysis) in analyses.enumerated() {
            #expect(html.contains("<li><a href=\"#request-\(index + 1)\">Request \(analysis.id)</a>"))
            #expect(html.contains("<section class=\"request\" id=\"request-\(index + 1)\">"))
        }
        // Anchors are unique across requests.
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count)
        let markdown = try MarkdownReport().render(report)
        #expect(markdown.contains("## 1. Request AIO-2026-0142: CONFLICT"))
        #expect(markdown.contains("## 3. Request AIO-2026-0188: CLEAR"))
        #expect(markdown.components(separatedBy: "## Reproducibility receipt").count == 2, "one receipt for the whole report")
    }
}
