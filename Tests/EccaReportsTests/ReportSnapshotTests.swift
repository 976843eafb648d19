import EccaAnalysis
import EccaReports
import Foundation
import Testing

/// The Markdown and HTML reports of the conflict, avoidable, clear and undetermined samples, byte for byte.
/// The HTML is the Graphviz-free variant (SVG output varies between Graphviz versions); SVG
/// embedding has its own tests.
@Suite struct ReportSnapshotTests {
    static let samples = ["conflict", "avoidable", "clear", "undetermined"]

    @Test(arguments: samples)
    func markdown(_ sample: String) throws {
        let report = try Fixtures.report(sample: sample)
        try Snapshot.expectMatches(try MarkdownReport().render(report), named: "\(sample).md")
    }

    @Test(arguments: samples)
    func html(_ sample: String) throws {
        let report = try Fixtures.report(sample: sample)
        try Snapshot.expectMatches(try HTMLReport().render(report, pictures: [.graphvizMissing]), named: "\(sample).html")
    }

    /// What an undetermined verdict depends on rests on readings as a finding or a ground does: its
    /// deciding condition names them, numbered with the others.
    @Test func markdownGivesTheCaveatsOfADecidingCondition() throws {
        let markdown = try MarkdownReport().render(try Fixtures.report(sample: "undetermined"))
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("- depends on: conflict if model.training-compute ≥ 1e26 operations (caveats 1-17)"))
        #expect(lines.contains("- clear because: EU Art. 92(5) obliges the disclosure (caveats 1-6)"))
        #expect(lines.contains { $0.hasPrefix("7. **open question on 15 CFR Part 774, Supp. No. 1, ECCN 4E091**: Comparator:") })
        #expect(lines.contains { $0.hasPrefix("17. **reading of 15 CFR 740.27**: Deemed reexports.") })
        #expect(!lines.contains { $0.hasPrefix("18. ") })
    }

    @Test func samplesHaveTheVerdictsTheirNamesSay() throws {
        for sample in Self.samples {
            #expect(try Fixtures.analyse(sample: sample).verdict.rawValue == sample)
        }
    }

    /// Rendering is a pure function of the report: the same bytes sequentially, from 1, 4 or 16
    /// concurrent workers, and from a fresh analysis of the same request.
    @Test func renderingIsDeterministicAcrossRunsAndWorkers() async throws {
        let reports = try Self.samples.map { try Fixtures.report(sample: $0) }
        let sequential = try reports.map { (try MarkdownReport().render($0), try HTMLReport().render($0, pictures: [.graphvizMissing])) }
        for workers in [1, 4, 16] {
            let results = try await withThrowingTaskGroup(of: (Int, String, String).self) { group in
                for _ in 0..<workers {
                    for (index, report) in reports.enumerated() {
                        group.addTask { (index, try MarkdownReport().render(report), try HTMLReport().render(report, pictures: [.graphvizMissing])) }
                    }
                }
                var results: [(Int, String, String)] = []
                for try await result in group { results.append(result) }
                return results
            }
            #expect(results.count == workers * reports.count)
            for (index, markdown, html) in results {
                #expect(markdown == sequential[index].0)
                #expect(html == sequential[index].1)
            }
        }
        let again = try Fixtures.report(sample: "conflict")
        #expect(again == reports[0])
        #expect(try MarkdownReport().render(again) == sequential[0].0)
    }

    @Test func reportsCarryNoCurrentTime() throws {
        let report = try Fixtures.report(sample: "conflict")
        let html = try HTMLReport().render(report, pictures: [.graphvizMissing])
        let markdown = try MarkdownReport().render(report)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let today = formatter.string(from: Date())
        if today != "2026-11-24" {
            #expect(!html.contains(today))
            #expect(!markdown.contains(today))
        }
    }
}
