import ClauseGraph
import EccaAnalysis
import EccaFormats
import Testing

/// A verdict that rests on a value exactly at a threshold whose comparator is in doubt says so
/// beside the condition and in the item's `exactThresholds`, in both directions: a strict
/// comparator (`>`) fails at the threshold where `≥` would hold. Derived from the encoding (the
/// comparator's `op-evidence`, else its provision's, and its `op-note`), never from ids.
@Suite struct ThresholdEqualityTests {
    /// EU: one obligation to supply the weights. US: a prohibition above 10 operations whose strict
    /// comparator a note flags, and one above 20 operations in a verified provision that no note
    /// flags (as Art. 51(2)'s "greater than" is).
    static let law = GraphFixture.euSuppliesWeights + GraphFixture.instrument("us.test", jurisdiction: "US", """
          <provision id="us.test.p1" citation="§ 1" evidence="verified"><wording>No export of models above 10 operations.</wording>
            <norm id="us.test.p1.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
              <condition><compare fact="model.training-compute" op="gt" value="10" unit="operations" op-note="agency text; a FAQ says &quot;10 or more&quot;"/></condition>
            </norm>
          </provision>
          <provision id="us.test.p2" citation="§ 2" evidence="verified"><wording>No export of models above 20 operations.</wording>
            <norm id="us.test.p2.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
              <condition><compare fact="model.training-compute" op="gt" value="20" unit="operations"/></condition>
            </norm>
          </provision>
        """)

    func analysis(compute: String? = nil, min: String? = nil, max: String? = nil) throws -> RequestAnalysis {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.law), options: .init(postures: [.text], groundsForClearVerdicts: true))
        return try engine.analyze(DisclosureRequest(
            id: "R", date: LegalDate(iso: "2026-11-24"),
            model: .init(trainingCompute: [.init(value: compute.flatMap(ExactDecimal.init), min: min.flatMap(ExactDecimal.init),
                                                 max: max.flatMap(ExactDecimal.init), unit: .operations)]),
            items: [.init(artifact: "weights", channel: "transfer", recipients: [.init(location: "PL")])]))
    }

    @Test func aStrictComparatorInDoubtAtItsThresholdIsSaidBesideTheConditionAndOnTheItem() throws {
        let exact = try analysis(compute: "10")
        let text = try #require(exact.items[0].postures["text"])
        #expect(text.verdict == .clear)
        #expect(text.exactThresholds == [
            "model.training-compute = 10 operations (§ 1): the verdict rests on the comparator > (agency text; a FAQ says \"10 or more\")",
        ])
        #expect(text.grounds?.first { $0.provision == "us.test.p1" }?.reasons == [
            "model.training-compute = 10 operations: not > 10 operations (at exactly the threshold: the verdict rests on the comparator > (agency text; a FAQ says \"10 or more\"))",
        ])
        // § 2's verified comparator, which no note flags, is not in doubt at its own threshold,
        // though § 2 would forbid the transfer on the other reading.
        let verified = try analysis(compute: "20")
        #expect(verified.items[0].postures["text"]?.exactThresholds == [])
        #expect(verified.findings.flatMap(\.triggeringFacts).contains("model.training-compute = 20 operations: > 10 operations"))
        // Off the threshold nothing is said.
        let above = try analysis(compute: "11")
        #expect(above.items[0].postures["text"]?.exactThresholds == [])
        #expect(above.findings.flatMap(\.triggeringFacts).contains("model.training-compute = 11 operations: > 10 operations"))
    }

    /// A range with an end on the threshold rests on the comparator too (law audit of
    /// 2026-12-06, D3): from 10 up, > 10 fails only at 10 itself, so the verdict is open where
    /// "10 or more" would forbid; up to 10, it is clear where "10 or more" would leave it open.
    @Test func aRangeWithAnEndOnTheThresholdRestsOnTheComparator() throws {
        let from = try analysis(min: "10", max: "15")
        #expect(from.items[0].postures["text"]?.verdict == .undetermined)
        #expect(from.items[0].postures["text"]?.exactThresholds == [
            "model.training-compute from 10 to 15 operations, whose lower end is the threshold 10 (§ 1): the verdict rests on the comparator > (agency text; a FAQ says \"10 or more\")",
        ])
        let upTo = try analysis(min: "5", max: "10")
        #expect(upTo.items[0].postures["text"]?.verdict == .clear)
        #expect(upTo.items[0].postures["text"]?.exactThresholds == [
            "model.training-compute from 5 to 10 operations, whose upper end is the threshold 10 (§ 1): the verdict rests on the comparator > (agency text; a FAQ says \"10 or more\")",
        ])
        // A range beside the threshold, not on it, rests on no comparator.
        #expect(try analysis(min: "5", max: "9").items[0].postures["text"]?.exactThresholds == [])
    }
}
