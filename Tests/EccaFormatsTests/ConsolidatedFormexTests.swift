import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// A consolidated Formex text (`CONS.ACT`: the AI Act as amended by Regulation 2026/1744, FORMATS.md
/// §3.4). The corpus holds no consolidated file, so these fixtures are hand-made in its real shape: the
/// header, markers and wording are copied from the official consolidated file
/// (`CL2024R1689EN0010010.0001.xml`, version of 27 July 2026), a few elements at a time. Where a
/// fixture is made up (the text-level marker in Art. 1(2)(f), the range opening inside Art. 57(1), a
/// deleted Art. 113 point (b)) its doc comment says so.
@Suite struct ConsolidatedFormexTests {
    static let header = """
        <?xml version="1.0" encoding="utf-8"?><CONS.ACT><INFO.CONSLEG CONSLEG.REF="2024R1689" CONSLEG.DATE="20260715" DATE.LAST.MOD="20260724" PROD.SEQ="001.001.0" START.DATE="20260727" END.DATE="99999999" END="NONE" LEG.VAL="REG"/><CONS.DOC><BIB.INSTANCE><DOCUMENT.REF FILE="CL2024R1689EN0010010.0001.doc.xml"><LG.OJ>EN</LG.OJ></DOCUMENT.REF><DATE ISO="20260727">20260727</DATE><LG.DOC>EN</LG.DOC></BIB.INSTANCE><FAM.COMP LEG.VAL="REG"><BIB.DATA><BIB.INSTANCE.CONS><DOCUMENT.REF.CONS><COLL>L</COLL><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>1689</NO.CURRENT><YEAR>2024</YEAR><COM>EU</COM></NO.DOC></DOCUMENT.REF.CONS><DATE ISO="20240712">20240712</DATE></BIB.INSTANCE.CONS><NO.CELEX>32024R1689</NO.CELEX><DATE ISO="20240613">20240613</DATE><TITLE><TI><P>Regulation (EU) 2024/1689</P></TI></TITLE></BIB.DATA><GR.MOD.ACT><MOD.ACT TYPE="MOD" LEG.VAL="REG" EXISTS="YES"><BIB.DATA><BIB.INSTANCE.CONS><DOCUMENT.REF.CONS><COLL>L</COLL><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>1744</NO.CURRENT><YEAR>2026</YEAR><COM>EU</COM></NO.DOC></DOCUMENT.REF.CONS><DATE ISO="20260724">20260724</DATE></BIB.INSTANCE.CONS><NO.CELEX>32026R1744</NO.CELEX><DATE ISO="20260708">20260708</DATE><TITLE><TI><P>Regulation (EU) 2026/1744</P></TI></TITLE></BIB.DATA></MOD.ACT></GR.MOD.ACT></FAM.COMP><TITLE><TI><P>Regulation (EU) 2024/1689 of the European Parliament and of the Council</P></TI></TITLE><PREAMBLE><PREAMBLE.INIT/><PREAMBLE.FINAL/></PREAMBLE><ENACTING.TERMS><DIVISION><TITLE><TI><P>CHAPTER I</P></TI></TITLE>
        """

    static func open(_ id: String, _ action: String, _ location: String, level: String = "STRUCTURE") -> String {
        "<?CLG.MDFO ID=\"O001001M\(id)000\" IDREF=\"C001001M\(id)000\" ACTION=\"\(action)\" LEVEL=\"\(level)\" COMMAND=\"EXPLICIT\" ACTIVE.DOC=\"32026R1744\" ACTIVE.LOC=\"\(location)\" MOD.LEVEL=\"1\"?>"
    }

    static func close(_ id: String) -> String { "<?CLG.MDFC ID=\"C001001M\(id)000\" IDREF=\"O001001M\(id)000\"?>" }

    /// Art. 113 as consolidated: point (a) replaced, point (d) inserted (2026/1744 Art. 1 point (40));
    /// `deletingB` wraps point (b) in a deleted range, which the real file does not.
    static func article113(deletingB: Bool = false) -> String {
        let b = "<ITEM><NP><NO.P>(b)</NO.P><TXT>Chapter III Section 4, Chapter V, Chapter VII and Chapter XII and Article 78 shall apply from <DATE ISO=\"20250802\">2 August 2025</DATE>, with the exception of Article 101;</TXT></NP></ITEM>"
        return """
            <ARTICLE IDENTIFIER="113"><TI.ART>Article 113</TI.ART><STI.ART>Entry into force and application</STI.ART><ALINEA>This Regulation shall enter into force on the twentieth day following that of its publication in the <HT TYPE="ITALIC">Official Journal of the European Union</HT>.</ALINEA><ALINEA>It shall apply from <DATE ISO="20260802">2 August 2026</DATE>.</ALINEA><ALINEA><P>However:</P><LIST TYPE="alpha">\
            \(open("066", "REPLACED", "AR:1;PT:40;PT:a"))<ITEM><NP><NO.P>(a)</NO.P><TXT>Chapters I and II shall apply from <DATE ISO="20250202">2 February 2025</DATE>, with the exception of Article 5(1), first subparagraph, points (ba) and (bb), and Article 5(1a) and (1b) which shall apply from <DATE ISO="20261202">2 December 2026</DATE>;</TXT></NP></ITEM>\(close("066"))\
            \(deletingB ? open("099", "DELETED", "AR:1;PT:40;PT:z") + b + close("099") : b)\
            \(open("068", "INSERTED", "AR:1;PT:40;PT:c"))<ITEM><NP><NO.P>(d)</NO.P><TXT>Articles 102 to 110 shall apply from <DATE ISO="20260727">27 July 2026</DATE>.</TXT></NP></ITEM>\(close("068"))</LIST></ALINEA></ARTICLE>
            """
    }

    /// Annex I, Section A as consolidated: point 1 (the Machinery Directive) deleted by 2026/1744
    /// Art. 1 point (41)(a), its wording kept in the file inside the deleted range.
    static let annexI = """
        <CONS.ANNEX><TITLE><TI><P>ANNEX I</P></TI><STI><P>List of Union harmonisation legislation</P></STI></TITLE><CONTENTS><GR.SEQ LEVEL="1"><TITLE><TI><P>Section A. List of Union harmonisation legislation based on the New Legislative Framework</P></TI></TITLE>\
        \(open("069", "DELETED", "AR:1;PT:41;PT:a"))<NP><NO.P>1.</NO.P><TXT>Directive 2006/42/EC of the European Parliament and of the Council of <DATE ISO="20060517">17 May 2006</DATE> on machinery, and amending Directive 95/16/EC (<REF.DOC.OJ COLL="L" DATE.PUB="20060609" NO.OJ="157" PAGE.FIRST="24">OJ L 157, 9.6.2006, p. 24</REF.DOC.OJ>);</TXT></NP>\(close("069"))\
        <NP><NO.P>2.</NO.P><TXT>Directive 2009/48/EC of the European Parliament and of the Council of <DATE ISO="20090618">18 June 2009</DATE> on the safety of toys (<REF.DOC.OJ COLL="L" DATE.PUB="20090630" NO.OJ="170" PAGE.FIRST="1">OJ L 170, 30.6.2009, p. 1</REF.DOC.OJ>);</TXT></NP></GR.SEQ></CONTENTS></CONS.ANNEX>
        """

    /// The act: Art. 1(2) with a text-level marker in point (f) (made up; the real file has one in
    /// Art. 96(1)(f)) and point (g) replaced inside the `LIST`; Art. 4 replaced and Art. 4a inserted
    /// as whole articles; Art. 56(6) replaced as a `PARAG`; Art. 57(1) with a range opening inside
    /// the `PARAG`, around its number and first subparagraph (the shape the real file has, wording
    /// shortened); Art. 113; Annex I; an Annex XI.
    static func act(deletingB: Bool = false, annexXI: String? = nil) -> String {
        header + """
            <ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><STI.ART>Subject matter</STI.ART><PARAG IDENTIFIER="001.002"><NO.PARAG>2.</NO.PARAG><ALINEA><P>This Regulation lays down:</P><LIST TYPE="alpha">\
            <ITEM><NP><NO.P>(f)</NO.P><TXT>rules on market monitoring, market surveillance, \(open("090", "REPLACED", "AR:1;PT:1", level: "TEXT"))governance and enforcement\(close("090"));</TXT></NP></ITEM>\
            \(open("001", "REPLACED", "AR:1;PT:1"))<ITEM><NP><NO.P>(g)</NO.P><TXT>measures to support innovation, with a particular focus on small mid-cap enterprises (SMCs) and small and medium-sized enterprises (SMEs), including start-ups.</TXT></NP></ITEM>\(close("001"))</LIST></ALINEA></PARAG></ARTICLE>\
            \(open("007", "REPLACED", "AR:1;PT:5"))<ARTICLE IDENTIFIER="004"><TI.ART>Article 4</TI.ART><STI.ART>AI literacy</STI.ART><PARAG IDENTIFIER="004.001"><NO.PARAG>1.</NO.PARAG><ALINEA>Providers and deployers of AI systems shall take measures to support the development of AI literacy.</ALINEA></PARAG></ARTICLE>\(close("007"))\
            \(open("008", "INSERTED", "AR:1;PT:6"))<ARTICLE IDENTIFIER="004A"><TI.ART>Article 4a</TI.ART><STI.ART>Processing of special categories of personal data for bias detection and correction</STI.ART><PARAG IDENTIFIER="004A.001"><NO.PARAG>1.</NO.PARAG><ALINEA>To the extent strictly necessary for the purpose of ensuring bias detection and correction, providers may exceptionally process special categories of personal data.</ALINEA></PARAG></ARTICLE>\(close("008"))\
            </DIVISION><DIVISION><TITLE><TI><P>CHAPTER V</P></TI></TITLE>\
            <ARTICLE IDENTIFIER="056"><TI.ART>Article 56</TI.ART><STI.ART>Codes of practice</STI.ART><PARAG IDENTIFIER="056.005"><NO.PARAG>5.</NO.PARAG><ALINEA>The AI Office shall aim to ensure that participants to the codes of practice report regularly to the AI Office.</ALINEA></PARAG>\
            \(open("028", "REPLACED", "AR:1;PT:21"))<PARAG IDENTIFIER="056.006"><NO.PARAG>6.</NO.PARAG><ALINEA>The Commission shall publish its assessment of the adequacy of the codes of practice.</ALINEA></PARAG>\(close("028"))</ARTICLE>\
            <ARTICLE IDENTIFIER="057"><TI.ART>Article 57</TI.ART><STI.ART>AI regulatory sandboxes</STI.ART><PARAG IDENTIFIER="057.001">\(open("030", "REPLACED", "AR:1;PT:23;PT:a"))<NO.PARAG>1.</NO.PARAG><ALINEA>Member States shall ensure that their competent authorities establish at least one AI regulatory sandbox at national level.</ALINEA>\(close("030"))<ALINEA>Additional AI regulatory sandboxes may also be established.</ALINEA></PARAG></ARTICLE>\
            </DIVISION><DIVISION><TITLE><TI><P>CHAPTER XIII</P></TI></TITLE>\(article113(deletingB: deletingB))</DIVISION></ENACTING.TERMS><FINAL><P>This Regulation shall be binding in its entirety and directly applicable in all Member States.</P></FINAL>\
            \(annexI)\(annexXI ?? "")</CONS.DOC></CONS.ACT>
            """
    }

    static let annexXI = """
        <CONS.ANNEX><TITLE><TI><P>ANNEX XI</P></TI><STI><P>Technical documentation</P></STI></TITLE><CONTENTS><P>The technical documentation shall contain at least the following information:</P></CONTENTS></CONS.ANNEX>
        """

    static func imported(_ text: String = act(annexXI: annexXI), name: String = "CL2024R1689EN0010010.0001.xml") throws -> (Imported, String) {
        let path = try Corpus.fixture(name, text)
        return (try Corpus.collect([path]), path)
    }

    static func amendments(_ imported: Imported, _ id: String) -> [String] {
        imported.provision(id)?.notes.filter { $0.kind == .amendment }.map(\.text) ?? ["(no provision \(id))"]
    }

    @Test func activeLocationsAreWrittenAsALawyerCitesTheAmendingAct() {
        #expect(ConsolidationMarker.words(forLocation: "AR:1;PT:40;PT:c") == "Art. 1, point (40)(c)")
        #expect(ConsolidationMarker.words(forLocation: "AR:1;PT:21") == "Art. 1, point (21)")
        #expect(ConsolidationMarker.words(forLocation: "AR:1") == "Art. 1")
        #expect(ConsolidationMarker.words(forLocation: "AR:1;XX:3") == nil)
        let marker = ConsolidationMarker(instruction: #"ID="O1" IDREF="C1" ACTION="INSERTED" LEVEL="STRUCTURE" ACTIVE.DOC="32026R1744" ACTIVE.LOC="AR:1;XX:3""#)
        #expect(marker?.note == "Inserted by 32026R1744, location code \"AR:1;XX:3\" (not read by ecca) (consolidation marker O1).")
    }

    /// Each provision a range covers carries the amendment note, on the provision itself: a point in
    /// a `LIST`, a whole `PARAG`, whole articles (markers outside the `ARTICLE`), a range opening
    /// inside a `PARAG`, words inside a `TXT`. The containers that only hold a changed provision do not.
    @Test func consolidationMarkersNoteTheProvisionsTheyChange() throws {
        let (imported, _) = try Self.imported()
        let replacedG = "Replaced by 32026R1744, Art. 1, point (1) (consolidation marker O001001M001000)."
        #expect(Self.amendments(imported, "art_1__para_2__point_g") == [replacedG])
        #expect(Self.amendments(imported, "art_1__para_2__point_f") == ["Replaced by 32026R1744, Art. 1, point (1) (consolidation marker O001001M090000)."])
        #expect(Self.amendments(imported, "art_1__para_2") == [])
        #expect(Self.amendments(imported, "art_1") == [])
        let replaced4 = "Replaced by 32026R1744, Art. 1, point (5) (consolidation marker O001001M007000)."
        #expect(Self.amendments(imported, "art_4") == [replaced4])
        #expect(Self.amendments(imported, "art_4__para_1") == [replaced4])
        let inserted4a = "Inserted by 32026R1744, Art. 1, point (6) (consolidation marker O001001M008000)."
        #expect(Self.amendments(imported, "art_4a") == [inserted4a])
        #expect(Self.amendments(imported, "art_4a__para_1") == [inserted4a])
        #expect(Self.amendments(imported, "art_56") == [])
        #expect(Self.amendments(imported, "art_56__para_5") == [])
        #expect(Self.amendments(imported, "art_56__para_6") == ["Replaced by 32026R1744, Art. 1, point (21) (consolidation marker O001001M028000)."])
        let replaced57 = "Replaced by 32026R1744, Art. 1, point (23)(a) (consolidation marker O001001M030000)."
        #expect(Self.amendments(imported, "art_57") == [])
        #expect(Self.amendments(imported, "art_57__para_1") == [replaced57])
        #expect(Self.amendments(imported, "art_57__para_1__subpara_1") == [replaced57])
        #expect(Self.amendments(imported, "art_57__para_1__subpara_2") == [])
        #expect(Self.amendments(imported, "art_113") == [])
        #expect(Self.amendments(imported, "art_113__subpara_3") == [])
        #expect(Self.amendments(imported, "art_113__subpara_3__point_a") == ["Replaced by 32026R1744, Art. 1, point (40)(a) (consolidation marker O001001M066000)."])
        #expect(Self.amendments(imported, "art_113__subpara_3__point_b") == [])
        #expect(Self.amendments(imported, "art_113__subpara_3__point_d") == ["Inserted by 32026R1744, Art. 1, point (40)(c) (consolidation marker O001001M068000)."])
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary[.consolidationRanges] == 8)
        #expect(summary[.deletedRanges] == 1)
        #expect(imported.diagnostics.isEmpty)
    }

    /// Inserted articles are cited as the act prints them (`Article 4a`), not as the identifier
    /// spells them (`004A`), which stays the source id.
    @Test func insertedArticlesAreCitedAsPrinted() throws {
        let (imported, _) = try Self.imported()
        let article = try #require(imported.provision("art_4a"))
        #expect(article.citation == "Art. 4a")
        #expect(article.sourceID == "004A")
        #expect(article.idPath == ["art4a"])
        #expect(imported.provision("art_4a__para_1")?.citation == "Art. 4a(1)")
        #expect(imported.provision("art_4a__para_1")?.sourceID == "004A.001")
        #expect(imported.provision("art_4A") == nil)
    }

    /// The annexes a consolidated act holds are imported like an Official Journal package's; text
    /// in a deleted range is not law: left out of the provisions and of the wording, and said so.
    @Test func annexesOfTheConsolidatedActAreImportedAndDeletedTextIsLeftOut() throws {
        let (imported, _) = try Self.imported()
        #expect(imported.provisions.filter { $0.canonicalID.hasPrefix("anx") }.map(\.canonicalID)
            == ["anx_I", "anx_I__sec_A", "anx_I__sec_A__point_2", "anx_XI"])
        let annex = try #require(imported.provision("anx_XI"))
        #expect(annex.sourceID == "ANNEX XI")
        #expect(annex.citation == "Annex XI")
        #expect(annex.wording == "The technical documentation shall contain at least the following information:")
        #expect(annex.span.pointer == "CONS.ANNEX[TITLE/TI/P='ANNEX XI']/CONTENTS")
        let section = try #require(imported.provision("anx_I__sec_A"))
        #expect(section.wording == "2. Directive 2009/48/EC of the European Parliament and of the Council of 18 June 2009 on the safety of toys (OJ L 170, 30.6.2009, p. 1);")
        #expect(Self.amendments(imported, "anx_I__sec_A") == [
            "Deleted by 32026R1744, Art. 1, point (41)(a) (consolidation marker O001001M069000): point 1 is no longer in force. The consolidated text keeps its former wording, marked deleted; ecca leaves it out.",
        ])
        #expect(imported.provision("anx_I")?.wording.contains("machinery") == false)
    }

    /// A whole article in a deleted range (made up: the real file has none in the excerpt read) is not
    /// imported, and a note says why.
    @Test func anArticleInADeletedRangeIsNotImported() throws {
        let text = Self.act().replacingOccurrences(of: Self.open("008", "INSERTED", "AR:1;PT:6"), with: Self.open("008", "DELETED", "AR:1;PT:6"))
        let (imported, path) = try Self.imported(text)
        #expect(imported.provisions.filter { $0.canonicalID.hasPrefix("art_4") }.map(\.canonicalID) == ["art_4", "art_4__para_1"])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):1: note: Article 4a lies in a range deleted by 32026R1744, Art. 1, point (6) (consolidation marker O001001M008000); it is no longer in force and is not imported",
        ])
    }

    /// Markers that do not pair are warned of at the line they stand on: a range never closed (here
    /// Art. 113's point (d), inside the captured article, two lines down) and a closing marker with no
    /// range open (between chapters, a line further; both made up).
    @Test func unpairedMarkersAreWarnedOfWhereTheyStand() throws {
        let text = Self.act()
            .replacingOccurrences(of: Self.close("068"), with: "")
            .replacingOccurrences(of: Self.open("068", "INSERTED", "AR:1;PT:40;PT:c"), with: "\n\n" + Self.open("068", "INSERTED", "AR:1;PT:40;PT:c"))
            .replacingOccurrences(of: "</ARTICLE></DIVISION></ENACTING.TERMS>", with: "</ARTICLE></DIVISION>\n" + Self.close("077") + "</ENACTING.TERMS>")
        let (imported, path) = try Self.imported(text)
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):3: warning: consolidation marker O001001M068000 is never closed (no CLG.MDFC with IDREF=\"O001001M068000\"): the provisions after it are noted as changed by it; check the file",
            "\(path):4: warning: consolidation marker C001001M077000 closes no open range; it is ignored",
        ])
    }

    /// The instrument is the act consolidated: its id from `BIB.INSTANCE.CONS`, its date the act's
    /// (13 June 2024, not the consolidation's 27 July 2026), its page the consolidated version's, and a note that the text is
    /// documentation whose authentic texts are the Official Journal acts named in `GR.MOD.ACT`.
    @Test func theInstrumentIsTheConsolidatedActAndSaysTheTextIsNotAuthentic() throws {
        let (imported, _) = try Self.imported()
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.id == "eu.reg-2024-1689")
        #expect(instrument.variant == "formex-consolidated")
        #expect(instrument.versionLabel == "Consolidated text 2024R1689 from 20260727")
        // The consolidated version's own EUR-Lex page (its CELEX number), not the Official Journal act's.
        #expect(instrument.sourceURL == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02024R1689-20260727")
        #expect(imported.provision("art_4a")?.sourceURL == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:02024R1689-20260727#art_4a")
        #expect(instrument.notes.map(\.text) == [
            "Imported by ecca from the Formex 4 file CL2024R1689EN0010010.0001.xml: a consolidated text (CONSLEG 2024R1689, version from 2026-07-27), which is documentation only and has no legal effect; the authentic texts are the acts published in the Official Journal: Regulation (EU) 2024/1689 of 2024-06-13 (CELEX 32024R1689, Official Journal of 2024-07-12), as amended by Regulation (EU) 2026/1744 of 2026-07-08 (CELEX 32026R1744, Official Journal of 2026-07-24). Wording verbatim from the consolidated XML (footnotes dropped, superscripts as ^, subscripts as _, whitespace collapsed, text marked deleted left out); each change the consolidation marks is an amendment note on the provisions it covers; ids minted by ecca from the numbering. Reuse: Commission Decision 2011/833/EU.",
            "Date of the act: 2024-06-13.",
        ])
    }

    /// The same file given through its manifest (`DOC`, whose `DOC.MAIN.PUB` names the act) is the
    /// same instrument.
    @Test func theManifestGivesTheSameInstrument() throws {
        let folder = try TemporaryFolder.make("formats").path
        try Self.act().write(toFile: folder + "/CL2024R1689EN0010010.0001.xml", atomically: true, encoding: .utf8)
        try """
            <?xml version="1.0" encoding="utf-8"?><DOC><PUBLICATION.REF FILE="NA"><COLL>L</COLL><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>1689</NO.CURRENT><YEAR>2024</YEAR></NO.DOC><LG.OJ>EN</LG.OJ></PUBLICATION.REF><FMX><DOC.MAIN.PUB NO.SEQ="0001"><LG.DOC>EN</LG.DOC><LEGAL.VALUE>REG</LEGAL.VALUE><NO.CELEX>32024R1689</NO.CELEX><DATE ISO="20240613">20240613</DATE><REF.PHYS FILE="CL2024R1689EN0010010.0001.xml" TYPE="DOC.XML"/></DOC.MAIN.PUB></FMX></DOC>
            """.write(toFile: folder + "/CL2024R1689EN0010010.0001.doc.xml", atomically: true, encoding: .utf8)
        let imported = try Corpus.collect([folder + "/CL2024R1689EN0010010.0001.doc.xml"])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.id == "eu.reg-2024-1689")
        #expect(instrument.notes.map(\.text).contains("Date of the act: 2024-06-13."))
    }
    /// A Formex 5 consolidation (EUR-Lex CONSLEG files before 2023) puts the act's number in
    /// `BIB.INSTANCE.CONS/NO.DOC`, not in `DOCUMENT.REF.CONS`: the instrument is still the act
    /// consolidated (`eu.reg-2016-1036`, not `eu.reg-formex`), and each amending act is named by its
    /// number. The header is verbatim from Regulation (EU) 2016/1036 as amended by 2017/2321 and
    /// 2018/825 (eur-lex-rs/eur-lex-lib, CL2016R1036EN0020010.0001.xml; QA findings-eu5 §5), the
    /// article its first paragraph.
    @Test func aFormex5ConsolidationIsTheActItConsolidates() throws {
        let text = #"""
            <?xml version="1.0" encoding="utf-8"?><CONS.ACT><INFO.CONSLEG CONSLEG.DATE="20180607" CONSLEG.REF="2016R1036" DATE.LAST.MOD="20180607" END="NONE" END.DATE="99999999" LEG.VAL="REG" PROD.SEQ="002.001.0" START.DATE="20180608"/><CONS.DOC><BIB.INSTANCE><DOCUMENT.REF FILE="CL2016R1036EN0020010.0001.doc.xml"><LG.OJ>EN</LG.OJ><PAGE.FIRST>1</PAGE.FIRST></DOCUMENT.REF><DATE ISO="20180608">20180608</DATE><LG.DOC>EN</LG.DOC></BIB.INSTANCE><FAM.COMP LEG.VAL="REG"><BIB.DATA><BIB.INSTANCE.CONS><DOCUMENT.REF.CONS><COLL>L</COLL><NO.OJ>176</NO.OJ><YEAR>2016</YEAR><LG.OJ>EN</LG.OJ><PAGE.FIRST>21</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><VOLUME.REF>01</VOLUME.REF></DOCUMENT.REF.CONS><DATE ISO="20160630">20160630</DATE><LG.DOC>EN</LG.DOC><NO.SEQ>0002</NO.SEQ><PAGE.FIRST>21</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><PAGE.LAST>54</PAGE.LAST><PAGE.TOTAL>34</PAGE.TOTAL><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>1036</NO.CURRENT><YEAR>2016</YEAR><COM>EU</COM></NO.DOC></BIB.INSTANCE.CONS><NO.CELEX>32016R1036</NO.CELEX><DATE ISO="20160608">20160608</DATE><TITLE><TI><P><HT TYPE="UC">Regulation</HT> (EU) 2016/1036 <HT TYPE="UC">of the European Parliament and of the Council</HT></P><P>of <DATE ISO="20160608">8 June 2016</DATE></P><P>on protection against dumped imports from countries not members of the European Union</P><P>(codification)</P></TI></TITLE></BIB.DATA><GR.MOD.ACT><MOD.ACT EXISTS="YES" LEG.VAL="REG" TYPE="MOD"><BIB.DATA><BIB.INSTANCE.CONS><DOCUMENT.REF.CONS><COLL>L</COLL><NO.OJ>338</NO.OJ><YEAR>2017</YEAR><LG.OJ>EN</LG.OJ><PAGE.FIRST>1</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><VOLUME.REF>01</VOLUME.REF></DOCUMENT.REF.CONS><DATE ISO="20171219">20171219</DATE><LG.DOC>EN</LG.DOC><NO.SEQ>0001</NO.SEQ><PAGE.FIRST>1</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><PAGE.LAST>7</PAGE.LAST><PAGE.TOTAL>7</PAGE.TOTAL><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>2321</NO.CURRENT><YEAR>2017</YEAR><COM>EU</COM></NO.DOC></BIB.INSTANCE.CONS><NO.CELEX>32017R2321</NO.CELEX><DATE ISO="20171212">20171212</DATE><TITLE><TI><P><HT TYPE="UC">Regulation</HT> (EU) 2017/2321 <HT TYPE="UC">of the European Parliament and of the Council</HT></P><P>of <DATE ISO="20171212">12 December 2017</DATE></P><P>amending Regulation (EU) 2016/1036 on protection against dumped imports from countries not members of the European Union and Regulation (EU) 2016/1037 on protection against subsidised imports from countries not members of the European Union</P></TI></TITLE></BIB.DATA></MOD.ACT><MOD.ACT EXISTS="YES" LEG.VAL="REG" TYPE="MOD"><BIB.DATA><BIB.INSTANCE.CONS><DOCUMENT.REF.CONS><COLL>L</COLL><NO.OJ>143</NO.OJ><YEAR>2018</YEAR><LG.OJ>EN</LG.OJ><PAGE.FIRST>1</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><VOLUME.REF>01</VOLUME.REF></DOCUMENT.REF.CONS><DATE ISO="20180607">20180607</DATE><LG.DOC>EN</LG.DOC><NO.SEQ>0001</NO.SEQ><PAGE.FIRST>1</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><PAGE.LAST>18</PAGE.LAST><PAGE.TOTAL>18</PAGE.TOTAL><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>825</NO.CURRENT><YEAR>2018</YEAR><COM>EU</COM></NO.DOC></BIB.INSTANCE.CONS><NO.CELEX>32018R0825</NO.CELEX><DATE ISO="20180530">20180530</DATE><TITLE><TI><P><HT TYPE="UC">Regulation</HT> (EU) 2018/825 <HT TYPE="UC">of the European Parliament and of the Council</HT></P><P>of <DATE ISO="20180530">30 May 2018</DATE></P><P>amending Regulation (EU) 2016/1036 on protection against dumped imports from countries not members of the European Union and Regulation (EU) 2016/1037 on protection against subsidised imports from countries not members of the European Union</P></TI></TITLE></BIB.DATA></MOD.ACT></GR.MOD.ACT></FAM.COMP><ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><STI.ART>Principles</STI.ART><PARAG IDENTIFIER="001.001"><NO.PARAG>1.</NO.PARAG><ALINEA>An anti-dumping duty may be imposed on any dumped product whose release for free circulation in the Union causes injury.</ALINEA></PARAG></ARTICLE></ENACTING.TERMS></CONS.DOC></CONS.ACT>
            """#
        let (imported, _) = try Self.imported(text, name: "CL2016R1036EN0020010.0001.xml")
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.id == "eu.reg-2016-1036")
        #expect(instrument.versionLabel == "Consolidated text 2016R1036 from 20180608")
        #expect(instrument.versionDate == LegalDate(iso: "2018-06-08"))
        let note = try #require(instrument.notes.first?.text)
        #expect(note.contains("the authentic texts are the acts published in the Official Journal: Regulation (EU) 2016/1036 of 2016-06-08 (CELEX 32016R1036, Official Journal of 2016-06-30), as amended by Regulation (EU) 2017/2321 of 2017-12-12 (CELEX 32017R2321, Official Journal of 2017-12-19) and Regulation (EU) 2018/825 of 2018-05-30 (CELEX 32018R0825, Official Journal of 2018-06-07)."))
        #expect(imported.provision("art_1__para_1")?.wording == "An anti-dumping duty may be imposed on any dumped product whose release for free circulation in the Union causes injury.")
    }
    /// Without any `NO.DOC` (QA verify-s10 N1: the same header with them removed), the act is still
    /// named by its CELEX number, and so are the acts amending it; with no number at all, the id is
    /// the file's name, and a warning says it changes when the file is renamed.
    @Test func aConsolidationWithoutNODOCIsNamedByItsCELEXNumber() throws {
        let text = #"""
            <?xml version="1.0" encoding="utf-8"?><CONS.ACT><INFO.CONSLEG CONSLEG.DATE="20180607" CONSLEG.REF="2016R1036" DATE.LAST.MOD="20180607" END="NONE" END.DATE="99999999" LEG.VAL="REG" PROD.SEQ="002.001.0" START.DATE="20180608"/><CONS.DOC><BIB.INSTANCE><DOCUMENT.REF FILE="CL2016R1036EN0020010.0001.doc.xml"><LG.OJ>EN</LG.OJ><PAGE.FIRST>1</PAGE.FIRST></DOCUMENT.REF><DATE ISO="20180608">20180608</DATE><LG.DOC>EN</LG.DOC></BIB.INSTANCE><FAM.COMP LEG.VAL="REG"><BIB.DATA><BIB.INSTANCE.CONS><DOCUMENT.REF.CONS><COLL>L</COLL><NO.OJ>176</NO.OJ><YEAR>2016</YEAR><LG.OJ>EN</LG.OJ><PAGE.FIRST>21</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><VOLUME.REF>01</VOLUME.REF></DOCUMENT.REF.CONS><DATE ISO="20160630">20160630</DATE><LG.DOC>EN</LG.DOC><NO.SEQ>0002</NO.SEQ><PAGE.FIRST>21</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><PAGE.LAST>54</PAGE.LAST><PAGE.TOTAL>34</PAGE.TOTAL><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>1036</NO.CURRENT><YEAR>2016</YEAR><COM>EU</COM></NO.DOC></BIB.INSTANCE.CONS><NO.CELEX>32016R1036</NO.CELEX><DATE ISO="20160608">20160608</DATE><TITLE><TI><P><HT TYPE="UC">Regulation</HT> (EU) 2016/1036 <HT TYPE="UC">of the European Parliament and of the Council</HT></P><P>of <DATE ISO="20160608">8 June 2016</DATE></P><P>on protection against dumped imports from countries not members of the European Union</P><P>(codification)</P></TI></TITLE></BIB.DATA><GR.MOD.ACT><MOD.ACT EXISTS="YES" LEG.VAL="REG" TYPE="MOD"><BIB.DATA><BIB.INSTANCE.CONS><DOCUMENT.REF.CONS><COLL>L</COLL><NO.OJ>338</NO.OJ><YEAR>2017</YEAR><LG.OJ>EN</LG.OJ><PAGE.FIRST>1</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><VOLUME.REF>01</VOLUME.REF></DOCUMENT.REF.CONS><DATE ISO="20171219">20171219</DATE><LG.DOC>EN</LG.DOC><NO.SEQ>0001</NO.SEQ><PAGE.FIRST>1</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><PAGE.LAST>7</PAGE.LAST><PAGE.TOTAL>7</PAGE.TOTAL><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>2321</NO.CURRENT><YEAR>2017</YEAR><COM>EU</COM></NO.DOC></BIB.INSTANCE.CONS><NO.CELEX>32017R2321</NO.CELEX><DATE ISO="20171212">20171212</DATE><TITLE><TI><P><HT TYPE="UC">Regulation</HT> (EU) 2017/2321 <HT TYPE="UC">of the European Parliament and of the Council</HT></P><P>of <DATE ISO="20171212">12 December 2017</DATE></P><P>amending Regulation (EU) 2016/1036 on protection against dumped imports from countries not members of the European Union and Regulation (EU) 2016/1037 on protection against subsidised imports from countries not members of the European Union</P></TI></TITLE></BIB.DATA></MOD.ACT><MOD.ACT EXISTS="YES" LEG.VAL="REG" TYPE="MOD"><BIB.DATA><BIB.INSTANCE.CONS><DOCUMENT.REF.CONS><COLL>L</COLL><NO.OJ>143</NO.OJ><YEAR>2018</YEAR><LG.OJ>EN</LG.OJ><PAGE.FIRST>1</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><VOLUME.REF>01</VOLUME.REF></DOCUMENT.REF.CONS><DATE ISO="20180607">20180607</DATE><LG.DOC>EN</LG.DOC><NO.SEQ>0001</NO.SEQ><PAGE.FIRST>1</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><PAGE.LAST>18</PAGE.LAST><PAGE.TOTAL>18</PAGE.TOTAL><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>825</NO.CURRENT><YEAR>2018</YEAR><COM>EU</COM></NO.DOC></BIB.INSTANCE.CONS><NO.CELEX>32018R0825</NO.CELEX><DATE ISO="20180530">20180530</DATE><TITLE><TI><P><HT TYPE="UC">Regulation</HT> (EU) 2018/825 <HT TYPE="UC">of the European Parliament and of the Council</HT></P><P>of <DATE ISO="20180530">30 May 2018</DATE></P><P>amending Regulation (EU) 2016/1036 on protection against dumped imports from countries not members of the European Union and Regulation (EU) 2016/1037 on protection against subsidised imports from countries not members of the European Union</P></TI></TITLE></BIB.DATA></MOD.ACT></GR.MOD.ACT></FAM.COMP><ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><STI.ART>Principles</STI.ART><PARAG IDENTIFIER="001.001"><NO.PARAG>1.</NO.PARAG><ALINEA>An anti-dumping duty may be imposed on any dumped product whose release for free circulation in the Union causes injury.</ALINEA></PARAG></ARTICLE></ENACTING.TERMS></CONS.DOC></CONS.ACT>
            """#
        let stripped = text.replacing(#/<NO.DOC [^>]*>.*?</NO.DOC>/#, with: "")
        #expect(!stripped.contains("NO.DOC"))
        let (imported, _) = try Self.imported(stripped, name: "CL2016R1036EN0020010.0001.xml")
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.id == "eu.reg-2016-1036")
        #expect(instrument.notes.first?.text.contains("as amended by Regulation (EU) 2017/2321 of 2017-12-12 (CELEX 32017R2321, Official Journal of 2017-12-19) and Regulation (EU) 2018/825 of 2018-05-30") == true)
        #expect(imported.diagnostics.isEmpty)

        let nameless = stripped.replacing(#/<NO.CELEX>[^<]*</NO.CELEX>/#, with: "").replacing(" CONSLEG.REF=\"2016R1036\"", with: "")
        let (unnamed, path) = try Self.imported(nameless, name: "consolidated-copy.xml")
        #expect(unnamed.instruments.first?.instrument.id == "eu.reg-consolidated-copy")
        #expect(unnamed.diagnostics.map(\.description) == [
            "\(path):1: warning: the file names no act number (no NO.DOC, NO.CELEX or CONSLEG.REF): the instrument id is minted from the file's name, eu.reg-consolidated-copy, and changes if the file is renamed (give --instrument-id to fix it)",
        ])
    }

    @Test func celexNumbersGiveTheActsNumber() {
        #expect(CELEXNumber("32016R1036") == CELEXNumber(year: "2016", number: "1036"))
        #expect(CELEXNumber("32018R0825")?.number == "825")
        #expect(CELEXNumber("2016R1036")?.year == "2016")
        #expect(CELEXNumber("32014L0092")?.number == "92")
        #expect(CELEXNumber("C2016R1036") == nil)
        #expect(CELEXNumber("formex") == nil)
    }
}
