import ClauseGraph
import EccaFormats
import EccaXML
import Foundation
import Testing
import EccaTestSupport

/// The real AI Act Formex (Official Journal, L 2024/1689): structure, thresholds, quoted amendments.
@Suite struct FormexImportTests {
    static let imported: Imported? = {
        guard FileManager.default.fileExists(atPath: Corpus.formexManifest) else { return nil }
        return try? Corpus.collect([Corpus.formexManifest])
    }()

    struct Act {
        var collector: Imported
        var summary: ImportSummary.InstrumentSummary
    }

    private func act(_ test: String = #function) throws -> Act? {
        guard Corpus.available(Corpus.formexManifest, test) else { return nil }
        let imported = try #require(Self.imported)
        return Act(collector: imported, summary: try #require(imported.summary.instruments.first))
    }

    @Test func findsAll113ArticlesAndThe500ParagraphsOfTheAct() throws {
        guard let act = try act() else { return }
        let (collector, summary) = (act.collector, act.summary)
        #expect(summary[.article] == 113)
        // 509 PARAG elements, 9 of them inside quoted amendments to other acts.
        #expect(summary[.paragraph] == 500)
        #expect(summary[.annex] == 13)
        #expect(collector.provisions.filter { $0.level == .article }.map(\.canonicalID).last == "art_113")
        #expect(summary.id == "eu.reg-2024-1689")
    }

    @Test func article92HasItsSevenParagraphs() throws {
        guard let collector = try act()?.collector else { return }
        let paragraphs = collector.provisions.filter { $0.parentID == "art_92" && $0.level == .paragraph }
        #expect(paragraphs.map(\.canonicalID) == (1...7).map { "art_92__para_\($0)" })
        #expect(paragraphs.map(\.sourceID) == (1...7).map { "092.00\($0)" })
        let third = try #require(collector.provision("art_92__para_3"))
        #expect(third.citation == "Art. 92(3)")
        #expect(third.wording == "For the purposes of paragraph 1, the Commission may request access to the general-purpose AI model concerned through APIs or further appropriate technical means and tools, including source code.")
        #expect(third.sourceURL == "https://eur-lex.europa.eu/eli/reg/2024/1689/oj#092.003")
        #expect(third.evidence == .verified)
        #expect(collector.provision("art_92")?.heading == "Power to conduct evaluations")
    }

    @Test func article51ParagraphTwoReadsTheSuperscriptAsAPower() throws {
        guard let collector = try act()?.collector else { return }
        let threshold = try #require(collector.provision("art_51__para_2"))
        #expect(threshold.wording.hasSuffix("measured in floating point operations is greater than 10^25."))
        #expect(!threshold.wording.contains("1025"))
    }

    @Test func quotedAmendmentsOfArticles102To110AreNotTheActsText() throws {
        guard let act = try act() else { return }
        let (collector, summary) = (act.collector, act.summary)
        #expect(summary[.quotedStructures] == 14)
        // Text that only occurs inside QUOT.S (Art. 102 amending Regulation (EC) No 300/2008).
        let quoted = "When adopting detailed measures related to technical specifications and procedures for approval and use of security equipment"
        #expect(!collector.provisions.contains { $0.wording.contains(quoted) })
        let article102 = try #require(collector.provision("art_102"))
        #expect(article102.wording == "In Article 4(3) of Regulation (EC) No 300/2008, the following subparagraph is added: …")
        #expect(article102.notes.contains { $0.text.contains("QUOT.S") })
        // No provision of Arts 102-110 comes from a PARAG inside a quotation.
        for number in 102...110 {
            #expect(!collector.provisions.contains { $0.parentID == "art_\(number)" && $0.level == .paragraph }, "Art. \(number)")
        }
    }

    @Test func fourteenArticlesHaveNoParagraphs() throws {
        guard let collector = try act()?.collector else { return }
        let articles = collector.provisions.filter { $0.level == .article }
        let withoutParagraphs = articles.filter { article in !collector.provisions.contains { $0.parentID == article.canonicalID && $0.level == .paragraph } }
        // The 14 articles without PARAG (FORMATS.md §3.2), and Arts 105-109, whose only PARAGs are
        // quoted paragraphs of the acts they amend.
        let expected = [3, 4, 16, 32, 39, 66, 85, 87, 94, 102, 103, 104, 105, 106, 107, 108, 109, 110, 113]
        #expect(withoutParagraphs.map(\.canonicalID) == expected.map { "art_\($0)" })
        #expect(collector.provision("art_105")?.wording.hasSuffix("the following paragraph is added: …") == true)
        // Art. 3's definitions are points of the article itself.
        let provider = try #require(collector.provision("art_3__point_3"))
        #expect(provider.sourceID == "003(3)")
        #expect(provider.citation == "Art. 3(3)")
        #expect(provider.wording.hasPrefix("(3) ‘provider’ means a natural or legal person"))
    }

    @Test func pointsThatRestartPerSubparagraphGetASubparagraphSegment() throws {
        guard let collector = try act()?.collector else { return }
        let first = try #require(collector.provision("art_43__para_1__subpara_1__point_a"))
        let second = try #require(collector.provision("art_43__para_1__subpara_2__point_a"))
        #expect(first.wording == "(a) the internal control referred to in Annex VI; or")
        #expect(second.wording.hasPrefix("(a) harmonised standards referred to in Article 40 do not exist"))
        #expect(second.sourceID == "043.001(a)~2")
        #expect(second.citation == "Art. 43(1), second subparagraph, point (a)")
        #expect(collector.provision("art_43__para_1__point_a") == nil)
        // One subparagraph: the points hang on the paragraph.
        #expect(collector.provision("art_53__para_1__point_a")?.sourceID == "053.001(a)")
        #expect(collector.provision("art_53__para_1__point_b__point_i")?.citation == "Art. 53(1)(b)(i)")
    }

    @Test func datesComeFromTheISOAttribute() throws {
        guard let collector = try act()?.collector else { return }
        let application = try #require(collector.provision("art_113__subpara_2"))
        #expect(application.wording == "It shall apply from 2 August 2026.")
        #expect(application.dates.map(\.date.iso) == ["2026-08-02"])
        #expect(collector.provision("art_113__subpara_3__point_b")?.dates.map(\.date.iso) == ["2025-08-02"])
    }

    @Test func annexesComeThroughTheManifestWithSectionsAndPoints() throws {
        guard let collector = try act()?.collector else { return }
        let annex = try #require(collector.provision("anx_XI"))
        #expect(annex.sourceID == "ANNEX XI")
        #expect(annex.heading?.hasPrefix("Technical documentation referred to in Article 53(1), point (a)") == true)
        let point = try #require(collector.provision("anx_XI__sec_1__point_2__point_d"))
        #expect(point.citation == "Annex XI, Section 1, point 2(d)")
        #expect(point.wording.hasPrefix("(d) the computational resources used to train the model (e.g. number of floating point operations)"))
        // Numbering restarts in Section 2, whose points are bare numbered NPs.
        let restarted = try #require(collector.provision("anx_XI__sec_2__point_1"))
        #expect(restarted.wording.hasPrefix("1. A detailed description of the evaluation strategies"))
        #expect(collector.provision("anx_XI__sec_1__point_1")?.wording.hasPrefix("1. A general description of the general-purpose AI model") == true)
    }

    /// Every imported wording with a Formex locator equals what `FormexText` (the shipped-wording
    /// rule) extracts at that locator, except where a quoted amendment is left out.
    @Test func importedWordingEqualsFormexTextAtEverySourceID() throws {
        guard let collector = try act()?.collector else { return }
        let annexes = try FileManager.default.contentsOfDirectory(atPath: Corpus.formexFolder)
            .filter { $0.range(of: #"\.01\d{4}\.fmx\.xml$"#, options: .regularExpression) != nil }
            .map { Corpus.formexFolder + "/" + $0 }
        let formex = try FormexText.load(actPath: Corpus.formexAct, annexPaths: annexes)
        var compared = 0
        for provision in collector.provisions {
            guard let locator = provision.sourceID, !provision.notes.contains(where: { $0.text.contains("QUOT.S") }) else { continue }
            let official = try #require(formex.text(at: locator), "\(provision.canonicalID): nothing at \(locator)")
            #expect(provision.wording == official, "\(provision.canonicalID) at \(locator)")
            compared += 1
        }
        #expect(compared > 1150)
    }

    @Test func theActAloneImportsWithoutAnnexesAndFindsTheELIInTheManifestBesideIt() throws {
        guard Corpus.available(Corpus.formexAct) else { return }
        let collector = try Corpus.collect([Corpus.formexAct])
        #expect(collector.summary.instruments.first?[.annex] == 0)
        let instrument = try #require(collector.instruments.first?.instrument)
        #expect(instrument.officialIDs.contains { $0.scheme == "eli" && $0.value == "http://data.europa.eu/eli/reg/2024/1689/oj" })
        #expect(instrument.officialIDs.contains { $0.scheme == "celex" && $0.value == "32024R1689" })
        #expect(instrument.versionDate == LegalDate(iso: "2024-07-12"))
    }

    @Test func aChosenInstrumentIDMakesIdsMatchTheShippedEncoding() throws {
        guard Corpus.available(Corpus.formexAct) else { return }
        let folder = try TemporaryFolder.make("formats").path
        let output = folder + "/ai-act.xml"
        _ = try OfficialImporter(options: ImportOptions(instrumentID: "eu.ai-act")).run(files: [Corpus.formexAct], output: output)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains(#"<provision id="eu.ai-act.art92.3" citation="Art. 92(3)" evidence="verified" source-id="092.003" eid="art_92__para_3" wording-kind="verbatim">"#))
        #expect(text.contains(#"id="eu.ai-act.art43.1.sub2.a""#))
    }

    /// The parser reads 64 KB at a time, so a fault further on is met only if the file is read to
    /// its end: both the cite-check reader and the importer must, and refuse the file.
    @Test func aFileBrokenPastTheFirstChunkIsRefusedByEveryFormexReader() throws {
        let act = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ACT><ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA>Text.</ALINEA></ARTICLE></ENACTING.TERMS></ACT>
            """ + "\n<!--" + String(repeating: "x", count: 200_000) + "-->\n<EXTRA/>garbage<<\n"
        let path = try Corpus.fixture("act-broken-late.fmx.xml", act)
        #expect(throws: XMLReadError.self) { try FormexText.load(actPath: path) }
        #expect(throws: OfficialImportError.self) { try OfficialImporter().collect(files: [path]) }
    }
}
