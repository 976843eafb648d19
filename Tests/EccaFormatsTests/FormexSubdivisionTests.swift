import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// Paragraphs that an article groups in `SUBDIV`s (Reg. 2016/1036 Art. 2: "A. NORMAL VALUE" …
/// "D. DUMPING MARGIN") are the article's paragraphs, cited as the act cites them ("Article
/// 2(7)(a)"); the group's title is kept as their heading. They were not imported, and their points
/// were hung on the article ("Art. 2(a)" three times, with one eid), QA fmx3 #1.
@Suite struct FormexSubdivisionTests {
    @Test func paragraphsInASubdivisionAreTheArticlesParagraphsWithTheirPoints() throws {
        let folder = try AntiDumpingPackage.write()
        let imported = try Corpus.collect([folder + "/" + AntiDumpingPackage.manifestName])
        let article2 = imported.provisions.filter { $0.canonicalID == "art_2" || $0.canonicalID.hasPrefix("art_2__") }
        #expect(article2.map(\.canonicalID) == ["art_2", "art_2__para_2", "art_2__para_6", "art_2__para_6__point_a", "art_2__para_6__point_b",
                                                "art_2__para_6__point_c", "art_2__para_12"])
        #expect(article2.map(\.citation) == ["Art. 2", "Art. 2(2)", "Art. 2(6)", "Art. 2(6)(a)", "Art. 2(6)(b)", "Art. 2(6)(c)", "Art. 2(12)"])
        #expect(article2.map(\.sourceID) == ["002", "002.002", "002.006", "002.006(a)", "002.006(b)", "002.006(c)", "002.012"])
        #expect(article2.map(\.parentID) == [nil, "art_2", "art_2", "art_2__para_6", "art_2__para_6", "art_2__para_6", "art_2"])
        #expect(article2.map(\.heading) == ["Determination of dumping", "A. NORMAL VALUE", "A. NORMAL VALUE", nil, nil, nil, "D. DUMPING MARGIN"])
        let pointA = try #require(imported.provision("art_2__para_6__point_a"))
        #expect(pointA.wording == "(a) the weighted average of the actual amounts determined for other exporters or producers subject to investigation in respect of production and sales of the like product in the domestic market of the country of origin;")
        #expect(pointA.span.pointer == "ARTICLE[@IDENTIFIER='002']/SUBDIV[1]/PARAG[@IDENTIFIER='002.006']/ALINEA/LIST/ITEM[NP/NO.P='(a)']")
        #expect(imported.provision("art_2__para_12")?.wording == "The dumping margin shall be the amount by which the normal value exceeds the export price. Where dumping margins vary, a weighted average dumping margin may be established.")
        #expect(imported.provision("art_2__para_12")?.span.pointer == "ARTICLE[@IDENTIFIER='002']/SUBDIV[2]/PARAG[@IDENTIFIER='002.012']")
        // Nothing hangs on the article itself any more, and no eid is minted twice.
        #expect(imported.provision("art_2__point_a") == nil)
        let ids = imported.provisions.map(\.canonicalID)
        #expect(Set(ids).count == ids.count)
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary[.paragraph] == 3)
        #expect(summary[.subparagraph] == 2)  // Art. 24's two unnumbered paragraphs
        #expect(summary[.point] == 3)
    }

    /// Hand-made on the shape above (no real act at hand has it): an article without `PARAG`s
    /// whose `ALINEA`s sit in `SUBDIV`s, one nested. They are the article's unnumbered paragraphs,
    /// counted across the groups as `FormexText` counts them (`099~3`).
    @Test func unnumberedParagraphsInNestedSubdivisionsAreCountedAcrossTheGroups() throws {
        let article = """
            <ARTICLE IDENTIFIER="099"><TI.ART>Article 99</TI.ART><SUBDIV><TITLE><TI><P>Part one</P></TI></TITLE><ALINEA>First.</ALINEA>\
            <SUBDIV><TITLE><TI><P>Chapter one</P></TI></TITLE><ALINEA>Second.</ALINEA></SUBDIV></SUBDIV>\
            <SUBDIV><TITLE><TI><P>Part two</P></TI></TITLE><ALINEA>Third: <LIST TYPE="alpha"><ITEM><NP><NO.P>(a)</NO.P><TXT>a point.</TXT></NP></ITEM></LIST></ALINEA></SUBDIV></ARTICLE>
            """
        let folder = try AntiDumpingPackage.write(act: AntiDumpingPackage.act(articles: article), manifest: false, annex: false)
        let path = folder + "/" + AntiDumpingPackage.actName
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.canonicalID) == ["art_99", "art_99__subpara_1", "art_99__subpara_2", "art_99__subpara_3", "art_99__subpara_3__point_a"])
        #expect(imported.provisions.map(\.citation) == ["Art. 99", "Art. 99, first paragraph", "Art. 99, second paragraph", "Art. 99, third paragraph",
                                                        "Art. 99, third paragraph, point (a)"])
        #expect(imported.provisions.map(\.heading) == [nil, "Part one", "Part one — Chapter one", "Part two", nil])
        #expect(imported.provisions.map(\.span.pointer) == [
            "ARTICLE[@IDENTIFIER='099']", "ARTICLE[@IDENTIFIER='099']/SUBDIV[1]/ALINEA[1]", "ARTICLE[@IDENTIFIER='099']/SUBDIV[1]/SUBDIV[1]/ALINEA[1]",
            "ARTICLE[@IDENTIFIER='099']/SUBDIV[2]/ALINEA[1]", "ARTICLE[@IDENTIFIER='099']/SUBDIV[2]/ALINEA[1]/LIST/ITEM[NP/NO.P='(a)']",
        ])
        let text = try FormexText.load(actPath: path)
        for provision in imported.provisions {
            let locator = try #require(provision.sourceID)
            #expect(text.text(at: locator) == provision.wording, "\(locator)")
        }
    }

    /// The round trip (QA fmx3 #2): what the importer writes from a package passes `cite-check`
    /// against the very files it was imported from, every provision with a source id.
    @Test func theImportOfAnActWithSubdivisionsPassesCiteCheckAgainstItsOwnFile() throws {
        let folder = try AntiDumpingPackage.write()
        let manifest = folder + "/" + AntiDumpingPackage.manifestName
        let output = folder + "/r1036.rules.xml"
        _ = try OfficialImporter().run(files: [manifest], output: output)
        let loaded = RegulationsLoader().load(directories: [], files: [output], schemaPath: Corpus.schema)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
        let report = try CitationChecker(officialFiles: [manifest]).check(loaded.graph, on: .citeCheckDay)
        #expect(report.findings.isEmpty, "\(report.findings)")
        // An annex group whose title prints no number ("REPEALED REGULATION WITH LIST OF ITS
        // SUCCESSIVE AMENDMENTS") has no Formex locator (docs/importers.md, "Ids"): nothing to look
        // up, and the report says that is why.
        #expect(report.notCovered == ["eu.reg-2016-1036.anx-I.sec1"])
        #expect(report.withoutLocator == ["eu.reg-2016-1036.anx-I.sec1"])
        let withLocators = loaded.graph.provisionOrder.filter { loaded.graph.provisions[$0]?.sourceID != nil }
        #expect(withLocators.count == 11)
        #expect(report.passed == withLocators)
        #expect(report.passed.contains("eu.reg-2016-1036.art2.6.a"))
        #expect(report.passed.contains("eu.reg-2016-1036.art2.12"))
        #expect(report.passed.contains("eu.reg-2016-1036.anx-I"))
    }
}
