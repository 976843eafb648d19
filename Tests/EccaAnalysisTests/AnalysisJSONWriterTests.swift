import ClauseGraph
import EccaAnalysis
import EccaFormats
import Foundation
import Testing

/// The fast batch-line writer must write exactly what JSONEncoder writes for the same analysis.
@Suite struct AnalysisJSONWriterTests {
    @Test func writesWhatJSONEncoderWritesForGeneratedRequestsAndSamples() throws {
        let root = GraphFixture.root
        let loaded = RegulationsLoader().load(directories: [root.appendingPathComponent("Regulations").path],
                                              files: [root.appendingPathComponent("Samples/instruments/is-informed-letter-orion.xml").path])
        #expect(!loaded.hasErrors)
        let engine = try ConflictEngine(graph: loaded.graph)
        let writer = AnalysisJSONWriter()
        let generator = RequestGenerator(seed: 3)
        var conflicts = 0
        for index in 0..<400 {
            let analysis = try engine.analyze(generator.request(index))
            if analysis.verdict == .conflict { conflicts += 1 }
            #expect(writer.line(analysis) == AnalysisJSON.encode(analysis, pretty: false), "request \(index)")
        }
        #expect(conflicts > 5)
        // Strings that need escaping.
        var tricky = generator.request(1)
        tricky.id = "quote \" backslash \\ tab \t newline \n bell \u{07} slash / non-ASCII é 🙂"
        let analysis = try engine.analyze(tricky)
        #expect(writer.line(analysis) == AnalysisJSON.encode(analysis, pretty: false))
    }
}
