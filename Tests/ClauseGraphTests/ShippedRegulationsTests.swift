import ClauseGraph
import EccaFormats
import EccaTestSupport
import Foundation
import Testing

/// The shipped encodings checked against the law (FACTS.md): thresholds, comparators, sets, dates.
@Suite struct ShippedRegulationsTests {
    static let loaded = RegulationsLoader().load(directories: [Paths.regulations])
    var graph: ClauseGraph { Self.loaded.graph }

    @Test func shippedRegulationsLoadWithoutFindings() {
        let findings = Self.loaded.diagnostics.map(\.description)
        #expect(findings == [])
        #expect(Self.loaded.unusableFiles.isEmpty)
        #expect(graph.instruments.keys.sorted().contains("eu.ai-act"))
        #expect(graph.instruments["us.ai-diffusion"] != nil)
        #expect(graph.norms.count >= 6)
    }

    /// Art. 111(3) [V]: models placed on the market before 2 August 2025 have until 2 August 2027.
    /// Analyses (the timeline, the MoU verifier's witness) read these dates from the graph. The
    /// obligations of Chapter V it defers (Art. 53(1)(a) and (d)) each carry the exception.
    @Test func legacyModelDatesAreArticle111Paragraph3s() {
        #expect(Set(graph.comparisons(of: "model.placed-on-eu-market").map { "\($0.op.rawValue) \($0.value)" }) == ["lt 2025-08-02"])
        // A compliance period, judged on the date of the disclosure, not on the request's; and
        // the day from which the letter of 26 June 2026 lifts the Mythos 5 licence requirement.
        #expect(Set(graph.comparisons(of: "as-of").map { "\($0.op.rawValue) \($0.value)" }) == ["lt 2027-08-02", "ge 2026-06-26"])
        #expect(graph.comparisons(of: "request.date").isEmpty)
    }

    /// The wider reading of Art. 111(3), under which the duties to answer the Commission (Arts
    /// 91(5) and 92(5)) are deferred too, is another reading on those norms alone, deciding nothing,
    /// with the same comparisons as the legacy exception of Art. 53(1)(a): no date typed twice.
    @Test func theWiderReadingOfArticle111Paragraph3IsAnotherReadingWithTheSameDates() throws {
        func said(_ condition: Condition) -> [String] {
            var atoms: [String] = []
            condition.visitAtoms { atom in
                if case .compare(let comparison) = atom { atoms.append("\(comparison.fact) \(comparison.op.rawValue) \(comparison.value)") }
            }
            return atoms
        }
        let legacy = try #require(graph.norms.first { $0.id == "eu.ai-act.art53.1.a.provide-documentation" }?.exceptions.first { $0.id.hasSuffix(".legacy") })
        #expect(said(legacy.condition) == ["model.placed-on-eu-market lt 2025-08-02", "as-of lt 2027-08-02"])
        let read = graph.norms.filter { $0.otherReadings.contains { $0.provisionID == "eu.ai-act.art111.3" } }
        #expect(read.map(\.id) == ["eu.ai-act.art91.5.supply-information", "eu.ai-act.art92.5.supply-access"])
        for norm in read {
            #expect(norm.otherReadings.map(\.id) == [norm.id + ".legacy-reading"])
            #expect(norm.otherReadings.map(\.provisionID) == ["eu.ai-act.art111.3"])
            #expect(norm.otherReadings.map { said($0.condition) } == [said(legacy.condition)])
            #expect(!norm.exceptions.contains { $0.provisionID == "eu.ai-act.art111.3" })
        }
    }

    /// Art. 88(1) [V: Formex 088.001]: the Commission's "exclusive powers to supervise and enforce
    /// Chapter V". Read as leaving a national authority's own request without effect, it is another
    /// reading on the Art. 53(1)(a) duty alone, holding for a Member State's request (the set of
    /// the Member States, as in the norm's own national branch) and never for the Commission's
    /// ("EU"); the Art. 3(47) note that states ecca's reading cites both paragraphs of Art. 88 (law
    /// audit M2).
    @Test func article88ParagraphOneIsAnotherReadingOfTheNationalAuthoritysRequest() throws {
        let read = graph.norms.filter { $0.otherReadings.contains { $0.provisionID == "eu.ai-act.art88.1" } }
        #expect(read.map(\.id) == ["eu.ai-act.art53.1.a.provide-documentation"])
        let reading = try #require(read.first?.otherReadings.first { $0.provisionID == "eu.ai-act.art88.1" })
        guard case .member(let fact, .set(let set), _) = reading.condition else {
            Issue.record("expected one membership test, got \(reading.condition)")
            return
        }
        #expect(fact == "request.jurisdiction")
        #expect(set == "eu.member-states")
        #expect(graph.sets[set]?.members.contains("EU") == false)
        #expect(graph.provisions["eu.ai-act.art3.47"]?.cites.map(\.id) == ["eu.ai-act.art88.1", "eu.ai-act.art88.2"])
        #expect(graph.provisions["eu.ai-act.art88.1"]?.wording.hasPrefix("The Commission shall have exclusive powers to supervise and enforce Chapter V") == true)
        #expect(graph.provisions["eu.ai-act.art88.2"]?.wording.contains("market surveillance authorities may request the Commission to exercise the powers laid down in this Section") == true)
    }

    /// The Member States are listed once, in `eu.member-states`, which the cure finder and the MoU
    /// verifier read too: every test of who asks names the Commission ("EU") or that set, never a
    /// list of its own that could drift from it (law audit L5).
    @Test func everyTestOfTheJurisdictionNamesEUOrTheSetOfMemberStates() {
        var tests: [String] = []
        for condition in graph.conditions {
            condition.visitAtoms { atom in
                switch atom {
                case .equals("request.jurisdiction", let value, _): tests.append("is \(value)")
                case .member("request.jurisdiction", .set(let id), _): tests.append("in set \(id)")
                case .member("request.jurisdiction", .values(let values), _): tests.append("in \(values.joined(separator: " "))")
                default: break
                }
            }
        }
        #expect(Set(tests) == ["is EU", "in set eu.member-states"])
        #expect(graph.facts["request.jurisdiction"]?.type == .jurisdiction)
        #expect(graph.sets["eu.member-states"]?.members.count == 27)
    }

    /// Art. 92(2) [V]: evaluators "shall meet the criteria outlined in Article 68(2)", whose point
    /// (b) is "independence from any provider of AI systems or general-purpose AI models". The MoU
    /// clause for an Annex-A organisation's experts quotes point (b) in its own drafting words
    /// (`MoUWording`, as its other clauses cite Articles 78, 91 and 92), which must be the law's
    /// (law audit M5).
    @Test func article92ParagraphTwoCitesTheCriteriaTheMoUClauseQuotes() throws {
        #expect(graph.provisions["eu.ai-act.art92.2"]?.cites.map(\.id) == ["eu.ai-act.art68.2"])
        let pointB = try #require(graph.provisions["eu.ai-act.art68.2.b"])
        #expect(pointB.citation == "Art. 68(2)(b)")
        #expect(pointB.wording == "(b) independence from any provider of AI systems or general-purpose AI models;")
        #expect(graph.provisions["eu.ai-act.art68.2"]?.wording.contains(pointB.wording) == true)
        // The words the clause gives after "including under its point (b)" (AnnexACureTests).
        #expect(pointB.wording.contains("independence from any provider of AI systems or general-purpose AI models"))
    }

    /// Users name provisions as the law cites them; every spelling finds the same provision.
    @Test func citationsResolveHoweverTheyAreSpelt() {
        for spelling in ["Art. 92(3)", "Article 92(3)", "article 92 (3)", "ART.92(3)", "eu.ai-act.art92.3"] {
            #expect(graph.resolveProvisionReference(spelling) == "eu.ai-act.art92.3", "\(spelling)")
        }
        for spelling in ["15 CFR 734.13", "15 CFR § 734.13", "15\u{A0}CFR\u{2009}§\u{A0}734.13", "734.13"] {
            #expect(graph.resolveProvisionReference(spelling) == "us.ear.734.13", "\(spelling)")
        }
        #expect(graph.resolveProvisionReference("Article 999") == nil)
    }

    /// A request may cite a point finer than the encoding ("Art. 92(3)(a)"), write paragraphs out,
    /// or name the act: each reads as the encoded paragraph or point (Art. 92(1)'s points are
    /// encoded: point (b) reaches only models with systemic risk). A paragraph not encoded ("Art. 92(9)",
    /// which Art. 92 does not have) is not widened to its article, whose other paragraphs impose
    /// duties it may not; another act's article is no AI Act provision.
    @Test func finerCitationsAndNamedActsResolveToTheirParagraph() {
        #expect(graph.reading(of: "Art. 92(1)(b)") == .provision("eu.ai-act.art92.1.b"))
        #expect(graph.reading(of: "Art. 92(1)(b)(i)") == .provision("eu.ai-act.art92.1.b"))
        #expect(graph.reading(of: "Art. 92(1)") == .provision("eu.ai-act.art92.1"))
        #expect(graph.reading(of: "Article 92(3)(a)") == .provision("eu.ai-act.art92.3"))
        #expect(graph.reading(of: "Article 92, paragraph 3") == .provision("eu.ai-act.art92.3"))
        #expect(graph.reading(of: "Article 92, paragraph 1, point (b)") == .provision("eu.ai-act.art92.1.b"))
        #expect(graph.reading(of: "Article 92, paragraph 1, point (a)") == .provision("eu.ai-act.art92.1.a"))
        #expect(graph.reading(of: "Article 92 of Regulation (EU) 2024/1689") == .provision("eu.ai-act.art92"))
        #expect(graph.reading(of: "Art. 92(3) of Regulation 2024/1689") == .provision("eu.ai-act.art92.3"))
        #expect(graph.reading(of: "Art. 92(3) of Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744") == .provision("eu.ai-act.art92.3"))
        #expect(graph.reading(of: "Art. 92(3) AI Act") == .provision("eu.ai-act.art92.3"))
        #expect(graph.reading(of: "Article 92(3) of the AI Act") == .provision("eu.ai-act.art92.3"))
        #expect(graph.reading(of: "Art. 92(7)") == .provision("eu.ai-act.art92.7"))
        #expect(graph.reading(of: "Art. 91(2)") == .provision("eu.ai-act.art91.2"))
        #expect(graph.reading(of: "Art. 92(9)") == .unknown)
        #expect(graph.reading(of: "Art. 29(3)") == .unknown)
        #expect(graph.reading(of: "Article 92 of Regulation (EU) 2016/679") == .otherAct)
        #expect(graph.reading(of: "Article 6 of the GDPR") == .unknown)
        #expect(graph.reading(of: "15 CFR 734.13(a)(2)(ii)") == .provision("us.ear.734.13.a.2"))
        #expect(graph.reading(of: "Art. 999(1)") == .unknown)
    }

    private func comparisons(ofRule id: String) -> [Condition.Comparison] {
        var found: [Condition.Comparison] = []
        graph.rules[id]?.condition.visitAtoms { atom in
            if case .compare(let comparison) = atom { found.append(comparison) }
        }
        return found
    }

    @Test func euPresumptionIsStrictlyGreaterThan1e25FLOP() throws {
        let comparison = try #require(comparisons(ofRule: "systemic-risk-presumed").first)
        #expect(comparison.fact == "model.training-compute")
        #expect(comparison.op == .gt)
        #expect(ExactDecimal(comparison.value) == ExactDecimal("1e25"))
        #expect(comparison.unit == "FLOP")
        #expect(graph.rules["systemic-risk-presumed"]?.provisionID == "eu.ai-act.art51.2")
    }

    @Test func eccn4E091IsTenToTheTwentySixOrMoreOperations() throws {
        let comparison = try #require(comparisons(ofRule: "eccn-4e091").first)
        #expect(comparison.op == .ge)
        #expect(ExactDecimal(comparison.value) == ExactDecimal("100000000000000000000000000"))
        #expect(comparison.unit == "operations")
    }

    @Test func tierOneListHasExactlyTheEighteenCountries() throws {
        let tier1 = try #require(graph.sets.values.first { $0.kind == .country && $0.members.contains("JP") && $0.members.contains("TW") })
        #expect(Set(tier1.members) == Set(["AU", "BE", "CA", "DK", "FI", "FR", "DE", "IE", "IT", "JP", "NL", "NZ", "NO", "KR", "ES", "SE", "TW", "GB"]))
        #expect(tier1.members.count == 18)
        #expect(!tier1.members.contains("US"))
        #expect(!tier1.members.contains("PL"))
    }

    @Test func article92AppliesFrom2August2026() throws {
        let id = try #require(graph.provisions(within: "eu.ai-act.art92").first { graph.provisions[$0]?.norms.isEmpty == false })
        for posture in Posture.allCases {
            #expect(!graph.binds(provision: id, on: LegalDate(iso: "2026-08-01")!, posture: posture))
            #expect(graph.binds(provision: id, on: LegalDate(iso: "2026-08-02")!, posture: posture))
        }
    }

    @Test func eccn4E091IsInForceButNotEnforcedOn24November2026() throws {
        let day = LegalDate(iso: "2026-11-24")!
        let status = graph.effectiveStatus(ofProvision: "us.ai-diffusion.4e091")
        #expect(status.isInForce(on: day))
        #expect(status.isApplicable(on: day))
        #expect(!status.isEnforced(on: day))
        #expect(graph.binds(provision: "us.ai-diffusion.4e091", on: day, posture: .text))
        #expect(!graph.binds(provision: "us.ai-diffusion.4e091", on: day, posture: .enforcement))
        #expect(status.rescissionAnnounced?.on == LegalDate(iso: "2025-05-13"))
        #expect(status.rescissionPublished == nil)
        #expect(status.inForce?.from == LegalDate(iso: "2025-01-13"))
        #expect(status.enforced.first?.until == LegalDate(iso: "2025-05-13"))
    }

    @Test func selectionOnADateUnderAPosture() {
        let ids = { (date: String, posture: Posture) in Set(graph.applicableNorms(on: LegalDate(iso: date)!, posture: posture).map(\.id)) }
        #expect(!ids("2026-08-01", .text).contains("eu.ai-act.art92.5.supply-access"))
        #expect(ids("2026-08-02", .text).contains("eu.ai-act.art92.5.supply-access"))
        #expect(ids("2026-11-24", .text).contains("us.ai-diffusion.4e091.licence-requirement"))
        #expect(!ids("2026-11-24", .enforcement).contains("us.ai-diffusion.4e091.licence-requirement"))
    }

    @Test func everyProvisionCarriesCitationSourceAndEvidence() {
        for id in graph.provisionOrder {
            let provision = graph.provisions[id]!
            #expect(!provision.citation.isEmpty, "\(id) has no citation")
            #expect(provision.sourceURL != nil || graph.instruments[provision.instrumentID]?.sourceURL != nil, "\(id) has no source URL")
        }
    }

    /// Every shipped EU provision quotes the Official Journal Formex verbatim (whitespace and
    /// typography normalised). Skipped where the corpus is not beside the checkout.
    @Test func everyShippedEUProvisionEqualsTheOfficialFormexText() throws {
        let act = Paths.formex + "/L_202401689EN.000101.fmx.xml"
        guard CorpusFile.available(act) else { return }
        let annexes = try FileManager.default.contentsOfDirectory(atPath: Paths.formex)
            .filter { $0.hasSuffix(".fmx.xml") && $0.range(of: #"\.01\d{4}\.fmx\.xml$"#, options: .regularExpression) != nil }
            .map { Paths.formex + "/" + $0 }
        let formex = try FormexText.load(actPath: act, annexPaths: annexes)
        let eu = graph.provisionOrder.compactMap { graph.provisions[$0] }.filter { $0.instrumentID == "eu.ai-act" }
        #expect(eu.count >= 25)
        for provision in eu {
            let locator = try #require(provision.sourceID, "\(provision.id) has no source id")
            let official = try #require(formex.text(at: locator), "\(provision.id): no Formex element at \(locator)")
            #expect(TextNormalizer.comparable(provision.wording) == TextNormalizer.comparable(official), "\(provision.id) (\(locator)) differs from the Official Journal")
        }
    }

    @Test func article51ParagraphTwoReadsTheSuperscriptAsAPower() throws {
        let act = Paths.formex + "/L_202401689EN.000101.fmx.xml"
        guard FileManager.default.fileExists(atPath: act) else { return }
        let formex = try FormexText.load(actPath: act)
        let text = try #require(formex.text(at: "051.002"))
        #expect(text.hasSuffix("is greater than 10^25."))
    }
}
