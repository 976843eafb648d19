import EccaFormats
import Foundation
import Testing

/// Akoma Ntoso 3.0 (CIRSFID's Directive 2014/92) and AKN4EU (Publications Office, LEOS).
@Suite struct AkomaNtosoImportTests {
    @Test func directive2014_92WithRawNumberEIds() throws {
        guard Corpus.available(Corpus.akn) else { return }
        let imported = try Corpus.collect([Corpus.akn])
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary.id == "eu.directive-2014-92")
        #expect(summary[.article] == 31)
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.officialIDs.contains { $0.scheme == "celex" && $0.value == "32014L0092" })
        #expect(instrument.versionDate?.iso == "2014-07-23")
        let article = try #require(imported.provision("art_1"))
        #expect(article.sourceID == "chp_I__art_1")
        #expect(article.heading == "Subject matter and scope")  // the second <num>
        let point = try #require(imported.provision("art_1__para_6__point_a"))
        #expect(point.sourceID == "chp_I__art_1__para_6.__list_1__point_(a)")
        #expect(point.parentID == "art_1__para_6")
        #expect(point.citation == "Art. 1(6)(a)")
        #expect(point.wording == "(a) place funds in a payment account;")
        let paragraph = try #require(imported.provision("art_1__para_6"))
        #expect(paragraph.wording.hasPrefix("This Directive applies to payment accounts through which consumers are able at least to: (a) place funds"))
    }

    @Test func akn4euUsesXmlIdsAndNestedLists() throws {
        guard Corpus.available(Corpus.akn4eu) else { return }
        let imported = try Corpus.collect([Corpus.akn4eu])
        #expect(imported.summary.instruments.first?.variant == "akn4eu")
        let point = try #require(imported.provision("art_1__point_a__point_i"))
        #expect(point.sourceID == "d1e270")
        #expect(point.citation == "Art. 1(a)(i)")
        #expect(point.wording.hasPrefix("(i) the negotiation or arrangement of transactions for the purchase, sale or supply of goods"))
        #expect(imported.provision("art_1")?.sourceID == "d1e236")
    }

    /// A paragraph of two lists (AKN4EU sets each subparagraph, its lead-in and its points, as one
    /// `list`): each list is a subparagraph provision that its points name as their parent, cited as
    /// the act cites it (QA fidelity F6; akn4eu.xml Art. 4(1), cut down to one point a list).
    @Test func eachListOfAParagraphIsASubparagraphItsPointsHangOn() throws {
        let path = try Corpus.fixture("akn4eu-lists.xml", """
            <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="fixture">
            <meta><identification source="#ecca"><FRBRWork><FRBRthis value="/akn/eu/act/2025/1/main"/><FRBRuri value="/akn/eu/act/2025/1"/>
            <FRBRdate date="2025-01-01" name="adoption"/><FRBRauthor href="#eu"/><FRBRcountry value="eu"/></FRBRWork></identification></meta>
            <body><article xml:id="d1e771"><num xml:id="d1e773">Article 4</num>
            <paragraph xml:id="d1e776"><num xml:id="d1e778">1.</num>
            <list xml:id="d1e781"><subparagraph xml:id="d1e783" refersTo="~INP"><content><p>It shall be prohibited to sell goods as listed in Annex II:</p></content></subparagraph>
            <point xml:id="d1e792"><num>(a)</num><content><p>to any natural or legal person in the specified territories, or</p></content></point></list>
            <list xml:id="d1e817"><subparagraph xml:id="d1e819" refersTo="~INP"><content><p>Annex II shall include certain goods suited for use in the following key sectors:</p></content></subparagraph>
            <point xml:id="d1e828"><num>(i)</num><content><p>transport;</p></content></point></list>
            </paragraph></article></body></act></akomaNtoso>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.canonicalID) == ["art_4", "art_4__para_1", "art_4__para_1__subpara_1", "art_4__para_1__subpara_1__point_a",
                                                           "art_4__para_1__subpara_2", "art_4__para_1__subpara_2__point_i"])
        #expect(imported.provisions.map(\.parentID) == [nil, "art_4", "art_4__para_1", "art_4__para_1__subpara_1",
                                                        "art_4__para_1", "art_4__para_1__subpara_2"])
        let second = try #require(imported.provision("art_4__para_1__subpara_2"))
        #expect(second.citation == "Art. 4(1), second subparagraph")
        #expect(second.level == .subparagraph)
        #expect(second.sourceID == "d1e817")
        #expect(second.wording == "Annex II shall include certain goods suited for use in the following key sectors: (i) transport;")
        #expect(imported.provision("art_4__para_1__subpara_2__point_i")?.citation == "Art. 4(1), second subparagraph, point (i)")

        guard Corpus.available(Corpus.akn4eu) else { return }
        let corpus = try Corpus.collect([Corpus.akn4eu])
        let real = try #require(corpus.provision("art_4__para_1__subpara_2"))
        #expect(real.wording == "Annex II shall include certain goods and technologies suited for use in the following key sectors: (i) transport; (ii) telecommunications; (iii) energy; (iv) the prospection, exploration and production of oil, gas and mineral resources.")
        #expect(real.span.firstLine == 512)
        // Every parent a provision names is imported.
        let ids = Set(corpus.provisions.map(\.canonicalID))
        #expect(corpus.provisions.compactMap(\.parentID).filter { !ids.contains($0) } == [])
    }

    @Test func aLeosDraftImports() throws {
        guard Corpus.available(Corpus.leos) else { return }
        let imported = try Corpus.collect([Corpus.leos])
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary[.article] == 20)
        #expect(imported.provisions.allSatisfy { $0.sourceID != nil })
    }

    /// Unnumbered items are indents, cited by their place ("first indent"), below an article or a
    /// point; a point numbered `1.` is cited "point 1", never closed up to the article's number.
    /// Hand-made in the AKN 3.0 shape (FORMATS.md §4): the corpus files have no indents.
    @Test func indentsAndPlainNumberedPointsAreCitedAsTheActCitesThem() throws {
        let path = try Corpus.fixture("akn-indents.xml", """
            <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="fixture">
            <meta><identification source="#ecca"><FRBRWork><FRBRthis value="/akn/eu/act/2025/1/main"/><FRBRuri value="/akn/eu/act/2025/1"/>
            <FRBRdate date="2025-01-01" name="adoption"/><FRBRauthor href="#eu"/><FRBRcountry value="eu"/></FRBRWork></identification></meta>
            <body><article eId="art_3"><num>Article 3</num><heading>Lists</heading>
            <list eId="art_3__list_1"><intro><p>The offences are:</p></intro>
            <indent eId="art_3__list_1__indent_1"><content><p>terrorism,</p></content></indent>
            <indent eId="art_3__list_1__indent_2"><content><p>sabotage.</p></content></indent></list></article>
            <article eId="art_4"><num>Article 4</num><list eId="art_4__list_1">
            <point eId="art_4__list_1__point_1"><num>1.</num><content><p>One.</p></content></point></list></article>
            </body></act></akomaNtoso>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.summary.instruments.first?.id == "eu.act-2025-1")  // a FRBRuri without a subtype
        #expect(imported.provision("art_3__indent_1")?.citation == "Art. 3, first indent")
        #expect(imported.provision("art_3__indent_2")?.citation == "Art. 3, second indent")
        #expect(imported.provision("art_4__point_1")?.citation == "Art. 4, point 1")
    }
}
