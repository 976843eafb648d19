import ClauseGraph
import EccaAnalysis
import EccaFormats
import Foundation
import Testing

/// The fast batch-line writer must write exactly what JSONEncoder writes for the same analysis.
@Suite struct AnalysisJSONWriterTests {
    @Test func writesWhatJSONEncoderWritesForGeneratedRequestsAndSamples() throws {
        // With grounds for clear verdicts, so that the writer is held to those too.
        let engine = try ConflictEngine(graph: try GraphFixture.shippedWithLetter(), options: AnalysisOptions(groundsForClearVerdicts: true))
        let writer = AnalysisJSONWriter()
        let generator = RequestGenerator(seed: 3)
        var conflicts = 0
        var grounded = 0
        var deciding = 0
        for index in 0..<400 {
            let analysis = try engine.analyze(generator.request(index))
            if analysis.verdict == .conflict { conflicts += 1 }
            if analysis.items.contains(where: { $0.postures.values.contains { $0.grounds?.isEmpty == false } }) { grounded += 1 }
            // Deciding conditions with the caveats they rest on.
            if analysis.items.contains(where: { $0.postures.values.contains { $0.decidingConditionCaveats.contains { !$0.isEmpty } } }) { deciding += 1 }
            #expect(writer.line(analysis) == AnalysisJSON.encode(analysis, pretty: false), "request \(index)")
        }
        #expect(conflicts > 5)
        #expect(grounded > 5)
        #expect(deciding > 0)
        // Strings that need escaping.
        var tricky = generator.request(1)
        tricky.id = "quote \" backslash \\ tab \t newline \n bell \u{07} slash / non-ASCII é 🙂"
        let analysis = try engine.analyze(tricky)
        #expect(writer.line(analysis) == AnalysisJSON.encode(analysis, pretty: false))
        // Analysed after the day it was made: the request's date is written beside the as-of date.
        let later = try engine.analyze(generator.request(2), asOf: try #require(generator.request(2).date).adding(days: 30))
        #expect(later.requestDate == generator.request(2).date)
        #expect(writer.line(later) == AnalysisJSON.encode(later, pretty: false))
        #expect(try JSONDecoder().decode(RequestAnalysis.self, from: Data(writer.line(later).utf8)) == later)
        // A model of exactly 10^26 operations weighed by 4E091's comparator in doubt, and a weights
        // transfer forbidden where nothing obliges it (before Art. 92 applies), in one request: the
        // item's exactThresholds, a channel's forbiddenBy and unverified citations are written too.
        var exact = generator.request(0)
        exact.requester = .init(authority: "European Commission (AI Office)", jurisdiction: "EU", legalBasis: "Art. 92(3)")
        exact.model = .init(trainingCompute: [.init(value: ExactDecimal("1e26"), unit: .operations)], weightsPublished: false)
        exact.items = [.init(artifact: "weights", channel: "transfer", recipients: [.init(location: "PL")])]
        exact.instruments = nil
        exact.date = LegalDate(iso: "2026-06-15")
        let early = try engine.analyze(exact)
        exact.date = LegalDate(iso: "2026-11-24")
        let after = try engine.analyze(exact)
        #expect(early.items[0].postures["text"]?.channels[0].forbiddenBy == ["us.ai-diffusion.4e091"])
        #expect(early.items[0].postures["text"]?.exactThresholds.isEmpty == false)
        #expect(after.findings.contains { $0.exceptions.contains { $0.citationNotVerified == true } })
        for analysis in [early, after] {
            #expect(writer.line(analysis) == AnalysisJSON.encode(analysis, pretty: false))
            #expect(try JSONDecoder().decode(RequestAnalysis.self, from: Data(writer.line(analysis).utf8)) == analysis)
        }
    }
}

extension AnalysisJSONWriterTests {
    /// Checks the solver gives up on (a resource limit of a few steps) come out undetermined, with
    /// their reasons: the writer must write those as JSONEncoder does too.
    @Test func writesWhatJSONEncoderWritesForUndeterminedChecks() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.shippedWithLetter(),
                                        options: AnalysisOptions(timeoutMilliseconds: nil, resourceLimit: 1))
        let writer = AnalysisJSONWriter()
        let generator = RequestGenerator(seed: 3)
        var undetermined = 0
        for index in 0..<100 {
            let analysis = try engine.analyze(generator.request(index))
            undetermined += analysis.items.flatMap { $0.postures.values.flatMap(\.channels) }.filter { $0.outcome == .undetermined }.count
            #expect(writer.line(analysis) == AnalysisJSON.encode(analysis, pretty: false), "request \(index)")
        }
        #expect(undetermined > 0)
    }

    /// A batch line is the analysis with its provenance in key order, as JSONEncoder would place
    /// two more members; it still decodes as the analysis (`ecca report` reads it so).
    @Test func aBatchLineAddsItsProvenanceInKeyOrder() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.shippedWithLetter(), options: AnalysisOptions())
        let writer = AnalysisJSONWriter()
        let generator = RequestGenerator(seed: 4)
        let regulations = SHA256.hexDigest(Array("regulations".utf8))
        let record = SHA256.digest(of: "record")
        /// The analysis with the two members, encoded by JSONEncoder.
        struct Line: Encodable {
            var analysis: RequestAnalysis
            var recordSHA256: String?
            var regulationsSHA256: String?
            enum Keys: String, CodingKey { case recordSHA256, regulationsSHA256 }
            func encode(to encoder: any Encoder) throws {
                try analysis.encode(to: encoder)
                var container = encoder.container(keyedBy: Keys.self)
                try container.encodeIfPresent(recordSHA256, forKey: .recordSHA256)
                try container.encodeIfPresent(regulationsSHA256, forKey: .regulationsSHA256)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for index in 0..<20 {
            let analysis = try engine.analyze(generator.request(index))
            for digest in [record, nil] {
                let line = writer.line(analysis, provenance: LineProvenance(regulationsSHA256: regulations, recordSHA256: digest))
                let expected = String(decoding: try encoder.encode(Line(analysis: analysis, recordSHA256: digest?.description, regulationsSHA256: regulations)), as: UTF8.self)
                #expect(line == expected, "request \(index)")
                #expect(try JSONDecoder().decode(RequestAnalysis.self, from: Data(line.utf8)) == analysis)
            }
        }
    }
}
