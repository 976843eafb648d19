import EccaAnalysis
@testable import EccaReports
import Foundation
import Testing

/// A report written a request at a time (`ReportWriter`, `ReportPages`, `JSONReport`'s pieces)
/// is, byte for byte, the report rendered from all its analyses at once.
@Suite struct ReportWriterTests {
    /// The four samples, the conflict twice: one, two and several requests, with findings and
    /// without (an empty array is a blank line in pretty JSON).
    static func analyses() throws -> [RequestAnalysis] {
        try ["conflict", "clear", "avoidable", "undetermined", "conflict"].map { try Fixtures.analyse(sample: $0) }
    }

    /// A path in a folder of its own: what a writer leaves beside its output is looked for there,
    /// where no parallel test case or other process writes (the temporary folder is shared).
    static func scratch(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecca-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        return folder.appendingPathComponent(name).path
    }

    @Test(arguments: [1, 2, 5])
    func jsonPiecesAreTheWholeReport(count: Int) throws {
        let analyses = Array(try Self.analyses().prefix(count))
        let receipt = Fixtures.receipt(for: analyses, input: "several.json")
        var pieces = JSONReport.head
        for (index, analysis) in analyses.enumerated() { pieces += JSONReport.element(analysis, first: index == 0) }
        pieces += JSONReport.end(receipt: receipt)
        #expect(pieces == JSONReport.encode(ConflictReport(analyses: analyses, receipt: receipt)))
    }

    @Test(arguments: [ReportWriter.Format.markdown, .html, .csv, .json], [1, 2, 5])
    func writerWritesWhatTheWholeRendererMakes(format: ReportWriter.Format, count: Int) throws {
        let analyses = Array(try Self.analyses().prefix(count))
        let receipt = Fixtures.receipt(for: analyses, input: "several.json")
        let report = ConflictReport(analyses: analyses, receipt: receipt)
        let expected = switch format {
        case .markdown: try MarkdownReport().render(report)
        case .html: try HTMLReport().render(report, pictures: analyses.map { _ in .turnedOff })
        case .csv: CSVReport().render(analyses)
        case .json: JSONReport.encode(report) + "\n"
        }
        let path = try Self.scratch("report")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let writer = try ReportWriter(format: format, output: path, drawPictures: false)
        for analysis in analyses { try writer.add(analysis) }
        #expect(writer.count == count)
        #expect(writer.dates == Set(analyses.map(\.asOf)))
        try writer.finish(receipt: receipt, to: path)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == expected)
        // Nothing is left beside the output: the scratch file was unlinked when it was made.
        let folder = (path as NSString).deletingLastPathComponent
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".ecca-spool-") || $0.contains("ecca-partial") }
        #expect(left.isEmpty)
    }

    /// A report is not written until it is finished: an input found unusable halfway leaves the
    /// output as it was.
    @Test func anUnfinishedReportLeavesTheOutputAsItWas() throws {
        let path = try Self.scratch("kept")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try "an earlier report\n".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            let writer = try ReportWriter(format: .markdown, output: path, drawPictures: false)
            for analysis in try Self.analyses() { try writer.add(analysis) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "an earlier report\n")
    }

    /// Requests are rendered a chunk at a time, side by side: how they are cut into chunks
    /// changes nothing, and they come out numbered and in order.
    @Test func chunksRenderedSideBySideKeepTheOrder() throws {
        let samples = try Self.analyses()
        let analyses = (0..<130).map { samples[$0 % samples.count] }
        let report = ConflictReport(analyses: analyses, receipt: Fixtures.receipt(for: analyses, input: "many.ndjson"))
        for format in [ReportPages.Format.markdown, .html] {
            let whole = try ReportPages.render(report, format: format)
            #expect(try ReportPages.render(report, format: format, chunk: 2) == whole)
            #expect(try ReportPages.render(report, format: format, chunk: 7) == whole)
            if format == .markdown {
                let numbers = whole.components(separatedBy: "\n## ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
                #expect(numbers == Array(1...130))
            }
        }
    }
}
