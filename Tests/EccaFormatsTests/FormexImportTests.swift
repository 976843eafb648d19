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

    /// Annex II's dash items have no number: each is an indent, cited by its place as the act cites
    /// such items ("first indent"), never called a point, and located by that place.
    @Test func unnumberedItemsAreCitedAsIndents() throws {
        guard let collector = try act()?.collector else { return }
        let indents = collector.provisions.filter { $0.parentID == "anx_II" }
        #expect(indents.count == 16)
        #expect(indents.first?.canonicalID == "anx_II__indent_1")
        #expect(indents.first?.citation == "Annex II, first indent")
        #expect(indents.first?.sourceID == "ANNEX II, first indent")
        #expect(indents.last?.sourceID == "ANNEX II, sixteenth indent")
        #expect(indents.first?.wording == "terrorism,")
        #expect(indents.last?.citation == "Annex II, sixteenth indent")
        #expect(indents.last?.wording == "participation in a criminal organisation involved in one or more of the offences listed above.")
    }

    /// Annex VII's points 3.1 and 4.2 hold their own lists ((a)-(f), (a)-(c)) inside the numbered
    /// `NP`: they are the points of 3.1 and 4.2 only, not also points of sections 3 and 4.
    @Test func annexPointsInsideANumberedPointAreImportedOnce() throws {
        guard let collector = try act()?.collector else { return }
        let section3 = collector.provisions.filter { $0.canonicalID.hasPrefix("anx_VII__sec_3") }
        #expect(section3.map(\.canonicalID) == ["anx_VII__sec_3", "anx_VII__sec_3__point_3-1"]
            + "abcdef".map { "anx_VII__sec_3__point_3-1__point_\($0)" } + ["anx_VII__sec_3__point_3-2", "anx_VII__sec_3__point_3-3", "anx_VII__sec_3__point_3-4"])
        let section4 = collector.provisions.filter { $0.parentID == "anx_VII__sec_4" }.map(\.canonicalID)
        #expect(section4 == (1...7).map { "anx_VII__sec_4__point_4-\($0)" })
        #expect(collector.provisions.filter { $0.parentID == "anx_VII__sec_4__point_4-2" }.map(\.citation)
            == ["Annex VII, point 4.2(a)", "Annex VII, point 4.2(b)", "Annex VII, point 4.2(c)"])
        // No two provisions of the act share a canonical id.
        let ids = collector.provisions.map(\.canonicalID)
        #expect(Set(ids).count == ids.count, "\(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
    }

    /// Annex groups are numbered by their number (Section A, numbered heading 3.), never by their
    /// title's words; an annex's subtitle is its heading, not part of its number; citations are
    /// written as the act itself cites annexes ("Section A of Annex I", "points 4.3., 4.4. … of Annex VII").
    @Test func annexGroupsAreNumberedAndCitedByTheirNumbers() throws {
        guard let collector = try act()?.collector else { return }
        let groups = collector.provisions.filter { $0.level == .annexSection }
        #expect(groups.map(\.canonicalID) == ["anx_I__sec_A", "anx_I__sec_B", "anx_VII__sec_1", "anx_VII__sec_2", "anx_VII__sec_3",
                                              "anx_VII__sec_4", "anx_VII__sec_5", "anx_VIII__sec_A", "anx_VIII__sec_B", "anx_VIII__sec_C",
                                              "anx_X__sec_1", "anx_X__sec_2", "anx_X__sec_3", "anx_X__sec_4", "anx_X__sec_5",
                                              "anx_X__sec_6", "anx_X__sec_7", "anx_XI__sec_1", "anx_XI__sec_2"])
        #expect(groups.map(\.citation) == ["Annex I, Section A", "Annex I, Section B", "Annex VII, point 1", "Annex VII, point 2",
                                           "Annex VII, point 3", "Annex VII, point 4", "Annex VII, point 5", "Annex VIII, Section A",
                                           "Annex VIII, Section B", "Annex VIII, Section C", "Annex X, point 1", "Annex X, point 2",
                                           "Annex X, point 3", "Annex X, point 4", "Annex X, point 5", "Annex X, point 6",
                                           "Annex X, point 7", "Annex XI, Section 1", "Annex XI, Section 2"])
        #expect(collector.provision("anx_I__sec_A")?.heading == "List of Union harmonisation legislation based on the New Legislative Framework")
        #expect(collector.provision("anx_VIII__sec_A")?.heading == "Information to be submitted by providers of high-risk AI systems in accordance with Article 49(1)")
        #expect(collector.provision("anx_VII__sec_5")?.heading == "Surveillance of the approved quality management system.")
        #expect(collector.provision("anx_X__sec_4")?.heading == "Entry/Exit System")
        #expect(collector.provision("anx_XI__sec_2")?.heading == "Additional information to be provided by providers of general-purpose AI models with systemic risk")
        let annexX = try #require(collector.provision("anx_X"))
        #expect(annexX.citation == "Annex X")
        #expect(annexX.sourceID == "ANNEX X")
        #expect(annexX.heading == "Union legislative acts on large-scale IT systems in the area of Freedom, Security and Justice")
        #expect(collector.provision("anx_X__sec_5__point_b")?.citation == "Annex X, point 5(b)")
        #expect(collector.provision("anx_VII__sec_3__point_3-1")?.citation == "Annex VII, point 3.1")
        #expect(collector.provision("anx_VII__sec_3__point_3-1__point_f")?.citation == "Annex VII, point 3.1(f)")
        #expect(collector.provision("anx_VIII__sec_A__point_3")?.citation == "Annex VIII, Section A, point 3")
        #expect(collector.provision("anx_I__sec_B__point_13")?.citation == "Annex I, Section B, point 13")
        #expect(!collector.provisions.contains { $0.citation.contains("..") || $0.citation.contains(".,") })
        #expect(Self.imported?.diagnostics.isEmpty == true)
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

    /// `--instrument-id eu.ai-act`: the import of the real act and annexes has every shipped AI Act
    /// provision under its shipped id and eid, except the shapes docs/importers.md names: Art.
    /// 101(1)(a), (b), (d), which the act would cite "Article 101(1), first subparagraph, point (a)"
    /// (as it cites Art. 5(1), of the same shape), and Annex XI, whose shipped id is `annex11`.
    @Test func aChosenInstrumentIDMakesIdsMatchTheShippedEncoding() throws {
        guard Corpus.available(Corpus.formexManifest) else { return }
        let folder = try TemporaryFolder.make("formats").path
        let output = folder + "/ai-act.xml"
        _ = try OfficialImporter(options: ImportOptions(instrumentID: "eu.ai-act")).run(files: [Corpus.formexManifest], output: output)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains(#"<provision id="eu.ai-act.art92.3" citation="Art. 92(3)" evidence="verified" source-id="092.003" eid="art_92__para_3" wording-kind="verbatim">"#))
        #expect(text.contains(#"<provision id="eu.ai-act.art113.3.a" citation="Art. 113, third paragraph, point (a)" evidence="verified" source-id="113(a)~3" eid="art_113__subpara_3__point_a" wording-kind="verbatim">"#))
        #expect(text.contains(#"id="eu.ai-act.art43.1.sub2.a""#))
        let imported = Set(text.matches(of: #/<provision id="([^"]+)"[^>]* eid="([^"]+)"/#).map { "\($0.1) \($0.2)" })
        let shipped = RegulationsLoader().load(directories: [Corpus.regulations]).graph
        let ai = shipped.provisionOrder.compactMap { shipped.provisions[$0] }.filter { $0.instrumentID == "eu.ai-act" }
        #expect(ai.count == 57)
        let apart = ai.filter { !imported.contains("\($0.id) \($0.eid ?? "")") }.map { "\($0.id) \($0.eid ?? "")" }
        #expect(apart == ["eu.ai-act.art68.2.b art_68__para_2__point_b", "eu.ai-act.art101.1.a art_101__para_1__point_a", "eu.ai-act.art101.1.b art_101__para_1__point_b",
                          "eu.ai-act.art101.1.d art_101__para_1__point_d", "eu.ai-act.annex11 anx_XI"])
        #expect(imported.contains("eu.ai-act.art101.1.sub1.a art_101__para_1__subpara_1__point_a"))
        #expect(imported.contains("eu.ai-act.anx-XI anx_XI"))
        // A date a provision states twice alike is listed once (Art. 111's 2 August 2027 was twice).
        let dateNotes = text.matches(of: #/Dates in the text: ([^<]*)</#).map { String($0.1).components(separatedBy: "; ") }
        #expect(dateNotes.count > 50)
        #expect(dateNotes.filter { Set($0).count != $0.count } == [])
    }

    /// An annex whose first group's title carries no number, and whose second and third are both
    /// "Part B" (the corpus has no such titles).
    static let groupsNumberedByPosition = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ANNEX><BIB.INSTANCE><DOCUMENT.REF FILE="L_202401689EN.doc.fmx.xml"><COLL>L</COLL><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2024</YEAR><NO.CURRENT>1689</NO.CURRENT></NO.DOC></DOCUMENT.REF></BIB.INSTANCE><TITLE><TI><P>ANNEX II</P></TI><STI><P>Lists</P></STI></TITLE><CONTENTS>
        <GR.SEQ LEVEL="1"><TITLE><TI><P>General provisions</P></TI></TITLE><NP><NO.P>1.</NO.P><TXT>First.</TXT></NP></GR.SEQ>
        <GR.SEQ LEVEL="1"><TITLE><TI><P>Part B: Other provisions</P></TI></TITLE><NP><NO.P>1.</NO.P><TXT>Second.</TXT></NP></GR.SEQ>
        <GR.SEQ LEVEL="1"><TITLE><TI><P>Part B</P></TI></TITLE><NP><NO.P>1.</NO.P><TXT>Third.</TXT></NP></GR.SEQ>
        </CONTENTS></ANNEX>
        """

    /// A hand-made annex (the corpus has no such titles): a group whose title carries no number is
    /// numbered by its position and reported (warning, unresolved note), never named after a word of
    /// its title; `Part B: …` is a part, its rest the heading; a second `Part B` keeps a unique id
    /// by its position, and is reported with the place of the first and counted.
    @Test func anAnnexGroupWithoutANumberIsNumberedByPositionAndReported() throws {
        let path = try Corpus.fixture("annex.fmx.xml", Self.groupsNumberedByPosition)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.canonicalID) == ["anx_II", "anx_II__sec_1", "anx_II__sec_1__point_1", "anx_II__part_B", "anx_II__part_B__point_1",
                                                           "anx_II__part_B-3", "anx_II__part_B-3__point_1"])
        #expect(imported.provisions.map(\.citation) == ["Annex II", "Annex II, Section 1", "Annex II, Section 1, point 1", "Annex II, Part B", "Annex II, Part B, point 1",
                                                        "Annex II, Part B", "Annex II, Part B, point 1"])
        #expect(imported.provision("anx_II__part_B")?.heading == "Other provisions")
        #expect(imported.provision("anx_II__sec_1")?.heading == "General provisions")
        #expect(imported.provision("anx_II__sec_1")?.notes.filter { $0.kind == .unresolved }.map(\.text)
            == ["The title of this group of the annex carries no number ecca can read; it is numbered by its position (1). EU texts cite a group by the number it prints, never by its place (only indents and unnumbered paragraphs and subparagraphs are cited by their place), so it and what it holds have no Formex locator (source-id), and cite-check cannot find them in the official text. Check the official text."])
        #expect(imported.provision("anx_II__part_B-3")?.notes.filter { $0.kind == .unresolved }.map(\.text)
            == ["Another group of this annex, at line 4 of the official file, is numbered B too; this one, the third group, would have had its id anx_II__part_B and is told apart by its position, anx_II__part_B-3. Check the official text."])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):3: warning: annex group 1 of Annex II has no number in its title; numbered by its position [anx_II__sec_1]",
            "\(path):5: warning: two groups of Annex II are numbered B, the first at \(path):4; the third is told apart by its position, anx_II__part_B-3 (not anx_II__part_B) [anx_II__part_B-3]",
        ])
        #expect(imported.summary.instruments.first?.diagnostics[.warning] == 2)
        #expect(imported.summary.instruments.first?.counters == [.renamedIDs: 1])
    }

    /// Formex raises an ordinal's suffix and a trade mark with the same `HT TYPE="SUP"` as a power:
    /// `2<HT TYPE="SUP">nd</HT>` is "2nd" and `Acme<HT TYPE="SUP">TM</HT>` "Acme™", not `2^nd`;
    /// `10<HT TYPE="SUP">25</HT>` stays 10^25.
    @Test func ordinalSuffixesAndTradeMarksAreTextNotPowers() throws {
        let path = try Corpus.fixture("act-ordinals.fmx.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <ACT><ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA>On the 2<HT TYPE="SUP">nd</HT> day, Acme<HT TYPE="SUP">TM</HT> models above 10<HT TYPE="SUP">25</HT> FLOP.</ALINEA></ARTICLE></ENACTING.TERMS></ACT>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provision("art_1")?.wording == "On the 2nd day, Acme\u{2122} models above 10^25 FLOP.")
    }

    /// A subscript (`HT TYPE="SUB"`) is written `_2`, as a superscript is `^25`: CO<sub>2</sub>
    /// is not the word "CO2" in the shipped wording and "CO 2" in the official text.
    @Test func aSubscriptIsMarked() throws {
        let path = try Corpus.fixture("act-subscript.fmx.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <ACT><ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA>Emissions of CO<HT TYPE="SUB">2</HT> and of CH
            <HT TYPE="SUB">4</HT> above 10<HT TYPE="SUP">25</HT>.</ALINEA></ARTICLE></ENACTING.TERMS></ACT>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provision("art_1")?.wording == "Emissions of CO_2 and of CH_4 above 10^25.")
        // Across a paragraph's end, nothing is closed up.
        let blocks = try Corpus.fixture("act-subscript-blocks.fmx.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <ACT><ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><PARAG IDENTIFIER="001.001"><NO.PARAG>1.</NO.PARAG><ALINEA><P>First text.</P>
            <P><HT TYPE="SUB">2</HT> second text.</P></ALINEA></PARAG></ARTICLE></ENACTING.TERMS></ACT>
            """)
        #expect(try Corpus.collect([blocks]).provision("art_1")?.wording == "1. First text. _2 second text.")
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
