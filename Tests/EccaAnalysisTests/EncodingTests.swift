import ClauseGraph
import EccaAnalysis
import EccaFormats
import Testing

/// The encoding on small graphs whose answers can be worked out by hand.
@Suite struct EncodingTests {
    /// EU: one obligation to hand over weights. US: two independent prohibitions, one on compute
    /// (≥ 10 operations) and one on unpublished weights. Both clashes must be reported.
    static let twoConflicts = GraphFixture.euSuppliesWeights + GraphFixture.instrument("us.test", jurisdiction: "US", """
          <provision id="us.test.p1" citation="§ 1" evidence="verified"><wording>No export of large models.</wording>
            <norm id="us.test.p1.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
              <condition><compare fact="model.training-compute" op="ge" value="10" unit="operations"/></condition>
              <exception id="us.test.p1.licence"><label>licence held</label><is fact="item.licence-held" value="true"/></exception>
            </norm>
          </provision>
          <provision id="us.test.p2" citation="§ 2" evidence="secondary"><wording>No export of unpublished weights.</wording>
            <norm id="us.test.p2.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
              <condition><all><is fact="item.artifact" value="weights"/><is fact="model.weights-published" value="false"/><is fact="item.channel" value="transfer"/></all></condition>
              <exception id="us.test.p2.claim" provision="us.test.p1"><label>claimed exception</label><has fact="item.claims" value="us.test.p2"/></exception>
            </norm>
          </provision>
        """)

    func request(compute: String?, published: Bool? = false, channel: String = "transfer", alternatives: [String]? = nil,
                 licences: [String]? = nil, date: String = "2026-11-24") -> DisclosureRequest {
        DisclosureRequest(
            id: "R1", date: LegalDate(iso: date),
            model: .init(trainingCompute: compute.map { [.init(value: ExactDecimal($0), unit: .operations)] }, weightsPublished: published),
            items: [.init(artifact: "weights", channel: channel, alternatives: alternatives,
                          recipients: [.init(location: "PL")], licences: licences)])
    }

    @Test func twoIndependentConflictsAreBothReported() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.twoConflicts), options: .init(postures: [.text]))
        let analysis = try engine.analyze(request(compute: "20"))
        #expect(analysis.verdict == .conflict)
        let signatures = Set(analysis.findings.map(\.signature))
        #expect(signatures == ["eu.test.o1 + us.test.p1", "eu.test.o1 + us.test.p2"])
        let first = try #require(analysis.findings.first { $0.signature == "eu.test.o1 + us.test.p1" })
        #expect(first.provisions.map(\.modality) == ["obligation", "prohibition"])
        #expect(first.provisions.map(\.jurisdiction) == ["EU", "US"])
        #expect(first.triggeringFacts.contains("model.training-compute = 20 operations: ≥ 10 operations"))
        #expect(first.exceptions.map(\.id) == ["us.test.p1.licence"])
        #expect(first.exceptions.first?.holds == .false)
    }

    @Test func belowTheThresholdOnlyTheOtherConflictRemains() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.twoConflicts), options: .init(postures: [.text]))
        let analysis = try engine.analyze(request(compute: "9.99"))
        #expect(analysis.findings.map(\.signature) == ["eu.test.o1 + us.test.p2"])
    }

    @Test func curedWhenBothExceptionsAreEstablished() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.twoConflicts), options: .init(postures: [.text]))
        let uncured = try engine.analyze(request(compute: "20"))
        #expect(uncured.items[0].postures["text"]?.cures.contains { $0.contains("obtain a licence") } == true)
        #expect(uncured.items[0].postures["text"]?.cures.contains { $0.contains("us.test.p2") } == true)
        let cured = try engine.analyze(request(compute: "20", licences: ["LIC-1", "us.test.p2"]))
        #expect(cured.verdict == .clear)
        #expect(cured.findings.isEmpty)
    }

    @Test func unknownComputeIsUndeterminedWithTheDecidingThreshold() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.twoConflicts), options: .init(postures: [.text]))
        let analysis = try engine.analyze(request(compute: nil, published: true))
        #expect(analysis.verdict == .undetermined)
        #expect(analysis.items[0].postures["text"]?.decidingConditions == ["conflict if model.training-compute ≥ 10 operations"])
    }

    @Test func anAcceptedAlternativeChannelMakesItAvoidable() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.twoConflicts), options: .init(postures: [.text]))
        let analysis = try engine.analyze(request(compute: "5", channel: "transfer", alternatives: ["remote-api"]))
        #expect(analysis.verdict == .avoidable)
        #expect(analysis.items[0].postures["text"]?.compliantAlternatives == ["remote-api"])
    }

    @Test func anObligationNotYetApplicableIsNotBinding() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.twoConflicts), options: .init(postures: [.text]))
        let analysis = try engine.analyze(request(compute: "20", date: "2026-08-01"))
        #expect(analysis.verdict == .clear)
        #expect(analysis.notes.contains { $0.contains("Art. 1 would oblige this disclosure but does not bind on 2026-08-01") })
    }

    @Test func aFLOPFigureIsComparedWithAnOperationsThresholdAsAStatedAssumption() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.twoConflicts), options: .init(postures: [.text]))
        var flop = request(compute: nil, published: true)
        flop.model?.trainingCompute = [.init(value: ExactDecimal("20"), unit: .flop)]
        let analysis = try engine.analyze(flop)
        #expect(analysis.verdict == .conflict)
        let finding = try #require(analysis.findings.first)
        #expect(finding.assumptions.count == 1)
        #expect(finding.assumptions[0].contains("given in FLOP only; the operations count is taken to equal it"))
    }

    @Test func bothFiguresEachServeTheirOwnThreshold() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.twoConflicts), options: .init(postures: [.text]))
        var both = request(compute: nil, published: true)
        both.model?.trainingCompute = [.init(value: ExactDecimal("8"), unit: .flop), .init(value: ExactDecimal("12"), unit: .operations)]
        let analysis = try engine.analyze(both)
        #expect(analysis.verdict == .conflict)
        #expect(analysis.assumptions.isEmpty)
    }

    @Test func aSolverLimitYieldsUndeterminedWithTheReason() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.twoConflicts),
                                        options: .init(postures: [.text], resourceLimit: 1))
        let analysis = try engine.analyze(request(compute: "20"))
        #expect(analysis.verdict == .undetermined)
        let reasons = analysis.items[0].postures["text"]?.channels.compactMap(\.reason) ?? []
        #expect(reasons.contains { $0.hasPrefix("solver: ") })
    }

    @Test func theEnforcementPostureDropsAnUnenforcedProhibition() throws {
        let status = "<status><enforced until=\"2025-05-13\" basis=\"announcement\"/></status>"
        let graph = try GraphFixture.graph(GraphFixture.instrument("eu.test", jurisdiction: "EU", """
              <provision id="eu.test.o1" citation="Art. 1" evidence="verified"><wording>Supply.</wording>
                <norm id="eu.test.o1.n" modality="obligation"><bearer>provider</bearer><action>supply</action></norm></provision>
            """) + GraphFixture.instrument("us.test", jurisdiction: "US", status: status, """
              <provision id="us.test.p1" citation="§ 1" evidence="verified"><wording>Forbidden.</wording>
                <norm id="us.test.p1.n" modality="prohibition"><bearer>exporter</bearer><action>export</action></norm></provision>
            """))
        let engine = try ConflictEngine(graph: graph)
        let analysis = try engine.analyze(request(compute: "1"))
        #expect(analysis.postures == ["text": .conflict, "enforcement": .clear])
        #expect(analysis.verdict == .conflict)
    }
}
