import ClauseGraph
@testable import EccaAnalysis
import EccaFormats
import Testing

/// Cures hold for the whole item: checked on hand-made law where each recipient needs a
/// different change.
@Suite struct CureVerificationTests {
    /// Supplying the weights is obliged; exporting to Poland is forbidden unless exception A is
    /// claimed, and to a recipient headquartered in Poland unless a licence is held.
    static let perRecipientProhibitions = """
        <fact id="recipient.headquarters" type="country" scope="recipient" supplied-by="items[].recipients[].headquarters"/>
        """ + GraphFixture.euSuppliesWeights + GraphFixture.instrument("us.test", jurisdiction: "US", """
          <provision id="us.test.p1" citation="§ 1" evidence="verified"><wording>No export to Poland.</wording>
            <norm id="us.test.p1.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
              <condition><is fact="recipient.location" value="PL"/></condition>
              <exception id="us.test.p1.a" provision="us.test.p1"><label>exception A claimed</label><has fact="item.claims" value="us.test.p1"/></exception>
            </norm>
          </provision>
          <provision id="us.test.p2" citation="§ 2" evidence="verified"><wording>No export to firms headquartered in Poland.</wording>
            <norm id="us.test.p2.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
              <condition><is fact="recipient.headquarters" value="PL"/></condition>
              <exception id="us.test.p2.licence"><label>licence held</label><is fact="item.licence-held" value="true"/></exception>
            </norm>
          </provision>
        """)

    /// Recipient 0 sits in Poland (§ 1), recipient 1 is headquartered there (§ 2): moving the
    /// recipients, or claiming exception A, cures only recipient 0, and a licence only recipient
    /// 1. Each cure found for one recipient is extended with the other's cheapest, so the cures
    /// listed are the pairs; replacing the weights ends the obligation but leaves both
    /// prohibitions, so it is not offered.
    @Test func aCureForOneRecipientIsExtendedToTheOthers() throws {
        let engine = try ConflictEngine(graph: try GraphFixture.graph(Self.perRecipientProhibitions), options: .init(postures: [.text]))
        let request = DisclosureRequest(
            id: "R-TWO", date: LegalDate(iso: "2026-11-24"),
            items: [.init(artifact: "weights", channel: "transfer",
                          recipients: [.init(location: "PL", headquarters: "BE"), .init(location: "DE", headquarters: "PL")])])
        let report = try engine.cures(for: request, top: 5, today: LegalDate(iso: "2026-11-24")!)
        #expect(report.cures.map { $0.changes.map(\.dimension) } == [["licence", "recipientLocation"], ["exception", "licence"]])
        #expect(report.cures.map(\.cost) == [10, 12])
        #expect(report.cures.map(\.verdicts) == [["text": .clear], ["text": .clear]])
        #expect(report.cures.first?.changes.last?.from == "PL, DE")
        #expect(report.cures.map { $0.reliesOn.map(\.provision) } == [["us.test.p1", "us.test.p2"], ["us.test.p1", "us.test.p2"]])
        // Each artefact the law names is tried, and each leaves both prohibitions.
        #expect(report.notes == [
            "item 0: not offered: change artifact weights → api-access, after which § 1 and § 2 still forbid the disclosure the MoU would commit the provider to",
            "item 0: not offered: change artifact weights → technical-documentation, after which § 1 and § 2 still forbid the disclosure the MoU would commit the provider to",
        ])
    }

    /// A prohibition on what no negotiable part changes (the weights being unpublished) leaves the
    /// item uncured: the report says which item, as `ecca cures`' exit status 1 reads it, and
    /// why in its note. Only changing the weights ends the obligation, and that is not offered.
    @Test func anItemNoNegotiableChangeCuresIsListedAsUncured() throws {
        let law = GraphFixture.euSuppliesWeights + GraphFixture.instrument("us.test", jurisdiction: "US", """
              <provision id="us.test.p1" citation="§ 1" evidence="verified"><wording>No export of unpublished weights.</wording>
                <norm id="us.test.p1.forbid" modality="prohibition"><bearer>exporter</bearer><action>export</action>
                  <condition><is fact="model.weights-published" value="false"/></condition>
                </norm>
              </provision>
            """)
        let engine = try ConflictEngine(graph: try GraphFixture.graph(law), options: .init(postures: [.text]))
        let request = DisclosureRequest(id: "R-NONE", date: LegalDate(iso: "2026-11-24"), model: .init(weightsPublished: false),
                                        items: [.init(artifact: "weights", channel: "transfer", recipients: [.init(location: "PL")])])
        let report = try engine.cures(for: request, top: 5, today: LegalDate(iso: "2026-11-24")!)
        #expect(report.cures.isEmpty)
        #expect(report.uncured == [0])
        #expect(report.notes.first == "item 0: no change within the negotiable parts removes the conflict without the disclosure staying forbidden")
    }

    /// What a later set changes again keeps the request's own value as its start, and is paid once.
    @Test func aMergedSetStartsFromTheRequestAndPaysEachPartOnce() {
        let first = CureFinder.CorrectionSet(changes: [.init(dimension: "recipientLocation", from: "PL", to: "DE")],
                                             parts: ["recipientLocation": 4], location: "DE")
        let then = CureFinder.CorrectionSet(changes: [.init(dimension: "licence", from: "no licence", to: "a BIS licence for this disclosure"),
                                                      .init(dimension: "recipientLocation", from: "DE", to: "FR")],
                                            parts: ["licence": 6, "recipientLocation": 4], location: "FR", licence: true)
        let merged = CureFinder.merged(first, then: then)
        #expect(merged.changes == [.init(dimension: "licence", from: "no licence", to: "a BIS licence for this disclosure"),
                                   .init(dimension: "recipientLocation", from: "PL", to: "FR")])
        #expect(merged.cost == 10)
        #expect(merged.location == "FR")
        #expect(merged.licence)
    }
}
