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
}
