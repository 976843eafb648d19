import ClauseGraph
import EccaAnalysis
import EccaFormats
import Foundation
import Testing

/// The caveats of deciding conditions in JSON: carried beside the conditions, and absent from
/// results written before they existed, which must still load.
@Suite struct DecidingConditionCaveatsTests {
    /// An undetermined item as `ecca check --format json` wrote it before deciding conditions
    /// carried caveats: no `decidingConditionCaveats`.
    static let oldPosture = """
        {"channels":[{"channel":"transfer","outcome":"undetermined"}],"compliantAlternatives":[],"cures":[],
         "decidingConditions":["conflict if model.training-compute ≥ 1e26 operations"],"findings":[],"verdict":"undetermined"}
        """

    @Test func resultsWrittenBeforeDecodeWithNoCaveatsForTheirConditions() throws {
        let posture = try JSONDecoder().decode(ItemPostureAnalysis.self, from: Data(Self.oldPosture.utf8))
        #expect(posture.decidingConditions == ["conflict if model.training-compute ≥ 1e26 operations"])
        #expect(posture.decidingConditionCaveats == [[]])
        #expect(posture.caveats(ofDecidingCondition: 0) == [])
        #expect(posture.grounds == nil)
        // Written again, it says the condition rests on no caveat rather than dropping the condition.
        #expect(AnalysisJSON.encode(posture, pretty: false).contains(#""decidingConditionCaveats":[[]]"#))
    }

    @Test func aWholeOldAnalysisDecodes() throws {
        let old = """
            {"asOf":"2026-11-24","assumptions":[],"findings":[],"id":"AIO-2026-0150","items":[{"artifact":"weights","channel":"transfer",
             "index":0,"postures":{"text":\(Self.oldPosture)},"verdict":"undetermined"}],"notes":[],"postures":{"text":"undetermined"},
             "verdict":"undetermined"}
            """
        let analysis = try JSONDecoder().decode(RequestAnalysis.self, from: Data(old.utf8))
        #expect(analysis.items[0].postures["text"]?.decidingConditionCaveats == [[]])
        #expect(analysis.caveats.isEmpty)
    }

    /// One list per condition: a file with another count is not what ecca wrote.
    @Test func aListOfCaveatsPerConditionOrTheFileIsRefused() throws {
        let mismatched = Self.oldPosture.replacingOccurrences(of: #""findings":[]"#, with: #""findings":[],"decidingConditionCaveats":[[],[]]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ItemPostureAnalysis.self, from: Data(mismatched.utf8)) }
    }

    /// EU: one obligation to supply the weights. US: two prohibitions, one on compute and one on
    /// unpublished weights, each with a reading of its own. With both facts open, each condition
    /// decides the clash of the obligation with one prohibition, and rests on those two alone.
    static let twoProhibitions = GraphFixture.instrument("eu.test", jurisdiction: "EU", """
          <provision id="eu.test.o1" citation="Art. 1" evidence="verified"><wording>The provider shall supply the weights.</wording>
            <note kind="interpretation">Weights are what the provider supplies.</note>
            <norm id="eu.test.o1.supply" modality="obligation"><bearer>provider</bearer><action>supply</action>
              <condition><is fact="item.artifact" value="weights"/></condition></norm>
          </provision>
        """) + GraphFixture.instrument("us.test", jurisdiction: "US", """
          <provision id="us.test.p1" citation="§ 1" evidence="verified"><wording>No export of large models.</wording>
            <note kind="unresolved">Whether the threshold is inclusive.</note>
            <norm id="us.test.p1.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
              <condition><compare fact="model.training-compute" op="ge" value="10" unit="operations"/></condition>
            </norm>
          </provision>
          <provision id="us.test.p2" citation="§ 2" evidence="verified"><wording>No export of unpublished weights.</wording>
            <note kind="interpretation">What counts as published.</note>
            <norm id="us.test.p2.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
              <condition><is fact="model.weights-published" value="false"/></condition>
            </norm>
          </provision>
        """)

    @Test func eachConditionRestsOnTheNormsWhoseClashItDecides() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.twoProhibitions), options: .init(postures: [.text]))
        let request = DisclosureRequest(id: "R1", date: LegalDate(iso: "2026-11-24"), model: .init(),
                                        items: [.init(artifact: "weights", channel: "transfer", recipients: [.init(location: "PL")])])
        let analysis = try engine.analyze(request)
        let text = try #require(analysis.items[0].postures["text"])
        #expect(analysis.verdict == .undetermined)
        #expect(text.decidingConditions.count == 2)
        let compute = try #require(text.decidingConditions.firstIndex { $0.contains("model.training-compute") })
        let published = try #require(text.decidingConditions.firstIndex { $0.contains("model.weights-published") })
        #expect(text.caveats(ofDecidingCondition: compute) == ["eu.test.o1:reading", "us.test.p1:open-question"])
        #expect(text.caveats(ofDecidingCondition: published) == ["eu.test.o1:reading", "us.test.p2:reading"])
        // Each once, in the order the conditions name them.
        #expect(analysis.caveats.map(\.id) == CaveatIndexOrder.merged(text.decidingConditionCaveats))
    }

    /// The analysis round-trips, and the fast batch writer writes the new field as JSONEncoder does.
    @Test func undeterminedAnalysisRoundTrips() throws {
        let graph = try GraphFixture.shippedWithLetter()
        let engine = try ConflictEngine(graph: graph, options: AnalysisOptions())
        let loader = RequestLoader(vocabulary: RequestVocabulary(graph: graph), schema: nil)
        let sample = GraphFixture.root.appendingPathComponent("Samples/requests/unknown-compute.json").path
        let analysis = try engine.analyze(try loader.load(sample), today: LegalDate(iso: "2026-11-24")!)
        let text = try #require(analysis.items[0].postures["text"])
        #expect(text.decidingConditionCaveats.count == 1)
        #expect(text.decidingConditionCaveats[0].count == 17)
        #expect(Array(analysis.caveats.map(\.id).prefix(17)) == text.decidingConditionCaveats[0])
        let line = AnalysisJSONWriter().line(analysis)
        #expect(line == AnalysisJSON.encode(analysis, pretty: false))
        #expect(try JSONDecoder().decode(RequestAnalysis.self, from: Data(line.utf8)) == analysis)
    }
}

/// Ids each once, in the order first named (what `RequestAnalysis.caveats` holds).
enum CaveatIndexOrder {
    static func merged(_ lists: [[String]]) -> [String] {
        var seen: Set<String> = []
        return lists.joined().filter { seen.insert($0).inserted }
    }
}
