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
