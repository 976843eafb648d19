import ClauseGraph
@testable import EccaAnalysis
import EccaFormats
import Testing

/// What the law compares a fact with is read from every condition of the graph, exceptions
/// included: a threshold or date that sits in an exception changes verdicts too.
@Suite struct GraphConditionsTests {
    /// EU: supply the weights. US: no export at 10 operations or more, except at 100 or more
    /// (a hand-made exemption) and after 2030-01-01.
    static let exemptionAbove100 = GraphFixture.euSuppliesWeights + GraphFixture.instrument("us.test", jurisdiction: "US", """
          <provision id="us.test.p1" citation="§ 1" evidence="verified"><wording>No export at 10 operations or more.</wording>
            <norm id="us.test.p1.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
              <condition><compare fact="model.training-compute" op="ge" value="10" unit="operations"/></condition>
              <exception id="us.test.p1.large"><label>at 100 operations or more</label><compare fact="model.training-compute" op="ge" value="100" unit="operations"/></exception>
              <exception id="us.test.p1.later"><label>after 2030</label><compare fact="as-of" op="ge" value="2030-01-01"/></exception>
            </norm>
          </provision>
        """)

    @Test func comparisonsOfAFactIncludeThoseInExceptions() throws {
        let graph = try GraphFixture.graph(Self.exemptionAbove100)
        #expect(graph.comparisons(of: "model.training-compute").map(\.value) == ["10", "100"])
        #expect(graph.comparisons(of: "as-of").map { "\($0.op.rawValue) \($0.value)" } == ["ge 2030-01-01"])
        #expect(graph.comparisons(of: "item.artifact").isEmpty)
    }

    @Test func aComputeThresholdInAnExceptionIsAFlip() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.exemptionAbove100), options: .init(postures: [.text]))
        #expect(engine.computeThresholds().map { "\($0.owner) \($0.provision)" } == ["us.test.p1.forbid us.test.p1", "us.test.p1.large us.test.p1"])
        let request = DisclosureRequest(
            id: "R1", date: LegalDate(iso: "2026-11-24"),
            model: .init(trainingCompute: [.init(min: ExactDecimal("1"), max: ExactDecimal("1000"), unit: .operations)]),
            items: [.init(artifact: "weights", channel: "transfer", recipients: [.init(location: "PL")])])
        let flips = try engine.thresholdFlips(for: request, today: LegalDate(iso: "2026-11-24")!).flips
        #expect(flips.map(\.value) == ["10", "100"])
        #expect(flips.map { $0.atOrAbove["text"] } == [.conflict, .clear])
    }

    /// A prohibition that applies at exactly 50 operations changes the verdict twice: at 50 and just
    /// above it. One that applies above 200 changes it just above 200, not at 200.
    @Test func anEqualityThresholdFlipsOnBothSidesAndAStrictOneJustAbove() throws {
        let graph = try GraphFixture.graph(GraphFixture.euSuppliesWeights + GraphFixture.instrument("us.test", jurisdiction: "US", """
              <provision id="us.test.p1" citation="§ 1" evidence="verified"><wording>No export at exactly 50 operations.</wording>
                <norm id="us.test.p1.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
                  <condition><compare fact="model.training-compute" op="eq" value="50" unit="operations"/></condition></norm>
              </provision>
              <provision id="us.test.p2" citation="§ 2" evidence="verified"><wording>No export above 200 operations.</wording>
                <norm id="us.test.p2.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
                  <condition><compare fact="model.training-compute" op="gt" value="200" unit="operations"/></condition></norm>
              </provision>
            """))
        let engine = try ConflictEngine(graph: graph, options: .init(postures: [.text]))
        let request = DisclosureRequest(
            id: "R1", date: LegalDate(iso: "2026-11-24"),
            model: .init(trainingCompute: [.init(min: ExactDecimal("1"), max: ExactDecimal("1000"), unit: .operations)]),
            items: [.init(artifact: "weights", channel: "transfer", recipients: [.init(location: "PL")])])
        let flips = try engine.thresholdFlips(for: request, today: LegalDate(iso: "2026-11-24")!).flips
        #expect(flips.map { "\($0.value) \($0.crossing.rawValue) \($0.below["text"]!) → \($0.atOrAbove["text"]!)" } == [
            "50 at clear → conflict",
            "50 just-above conflict → clear",
            "200 just-above clear → conflict",
        ])
    }

    /// A term used in the exception of a constitutive rule is defined for that rule's provision,
    /// as one used in a norm's exception is for the norm's.
    @Test func aTermInARuleExceptionMakesADefinesEdge() throws {
        let graph = try GraphFixture.graph(GraphFixture.euSuppliesWeights + GraphFixture.instrument("us.test", jurisdiction: "US", """
              <provision id="us.test.d" citation="§ 1" evidence="verified"><wording>Published weights are public.</wording>
                <counts-as id="us.test.public"><label>public</label><condition><is fact="model.weights-published" value="true"/></condition></counts-as>
              </provision>
              <provision id="us.test.r" citation="§ 2" evidence="verified"><wording>Weights are controlled unless public.</wording>
                <counts-as id="us.test.controlled"><label>controlled</label><condition><is fact="item.artifact" value="weights"/></condition>
                  <exception id="us.test.r.public"><label>public</label><holds rule="us.test.public"/></exception></counts-as>
              </provision>
            """))
        #expect(graph.edges.filter { $0.kind == .defines }.map { "\($0.from) → \($0.to) via \($0.via ?? "")" } == ["us.test.d → us.test.r via us.test.public"])
    }
}
