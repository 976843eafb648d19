import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// A Formex act is one line long, so a provision's element path is all that locates it: each path
/// names its own element, through the enclosing point and the `ALINEA` that hold it, by number where
/// its list numbers it once and by place where it has none (QA fidelity F7). What the importer
/// leaves out of an act, its preamble (citations, recitals) and final formula, is said, not left
/// unsaid (QA fidelity F8).
@Suite struct FormexPathAndPreambleTests {
    /// Article 3's points (45) and (49) each hold a point (a), and an indent has no number: the
    /// shape of the AI Act's Art. 3 and Annex II, cut down (the words invented).
    static let article = """
        <ARTICLE IDENTIFIER="003"><TI.ART>Article 3</TI.ART><STI.ART><P>Definitions</P></STI.ART><ALINEA><P>For the purposes of this Regulation:</P>\
        <LIST TYPE="ARAB"><ITEM><NP><NO.P>(45)</NO.P><TXT>‘law enforcement’ means activities:</TXT><P><LIST TYPE="alpha"><ITEM><NP><NO.P>(a)</NO.P><TXT>by police;</TXT></NP></ITEM></LIST></P></NP></ITEM>\
        <ITEM><NP><NO.P>(49)</NO.P><TXT>‘serious incident’ means an incident:</TXT><P><LIST TYPE="alpha"><ITEM><NP><NO.P>(a)</NO.P><TXT>causing death;</TXT></NP></ITEM></LIST></P></NP></ITEM></LIST></ALINEA></ARTICLE>\
        <ARTICLE IDENTIFIER="005"><TI.ART>Article 5</TI.ART><ALINEA>The offences are:<LIST TYPE="DASH"><ITEM><P>terrorism,</P></ITEM><ITEM><P>sabotage.</P></ITEM></LIST></ALINEA></ARTICLE>
        """

    @Test func eachPointsPathGoesThroughItsParentsAndAnIndentsThroughItsPlace() throws {
        let folder = try AntiDumpingPackage.write(act: AntiDumpingPackage.act(articles: Self.article), manifest: false, annex: false)
        let imported = try Corpus.collect([folder + "/" + AntiDumpingPackage.actName])
        #expect(imported.provisions.map(\.canonicalID) == ["art_3", "art_3__point_45", "art_3__point_45__point_a", "art_3__point_49", "art_3__point_49__point_a",
                                                           "art_5", "art_5__indent_1", "art_5__indent_2"])
        #expect(imported.provisions.map(\.span.pointer) == [
            "ARTICLE[@IDENTIFIER='003']",
            "ARTICLE[@IDENTIFIER='003']/ALINEA/LIST/ITEM[NP/NO.P='(45)']",
            "ARTICLE[@IDENTIFIER='003']/ALINEA/LIST/ITEM[NP/NO.P='(45)']/NP/P/LIST/ITEM[NP/NO.P='(a)']",
            "ARTICLE[@IDENTIFIER='003']/ALINEA/LIST/ITEM[NP/NO.P='(49)']",
            "ARTICLE[@IDENTIFIER='003']/ALINEA/LIST/ITEM[NP/NO.P='(49)']/NP/P/LIST/ITEM[NP/NO.P='(a)']",
            "ARTICLE[@IDENTIFIER='005']",
            "ARTICLE[@IDENTIFIER='005']/ALINEA/LIST/ITEM[1]",
            "ARTICLE[@IDENTIFIER='005']/ALINEA/LIST/ITEM[2]",
        ])
    }

    /// In the real act no two provisions of one file share a path any more: Art. 3(45)(a), 3(49)(a)
    /// and 3(61)(a) shared one, and Annex II's sixteen indents one that matched nothing.
    @Test func noTwoProvisionsOfTheRealActShareAPath() throws {
        guard Corpus.available(Corpus.formexManifest) else { return }
        let imported = try Corpus.collect([Corpus.formexManifest])
        let places = imported.provisions.map { "\($0.span.file) \($0.span.pointer ?? "")" }
        #expect(Dictionary(grouping: places, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted() == [])
        #expect(imported.provision("art_3__point_45__point_a")?.span.pointer
                == "ARTICLE[@IDENTIFIER='003']/ALINEA/LIST/ITEM[NP/NO.P='(45)']/NP/P/LIST/ITEM[NP/NO.P='(a)']")
        #expect(imported.provision("anx_II__indent_1")?.span.pointer == "ANNEX/CONTENTS/LIST/ITEM[1]")
        #expect(imported.provision("anx_II__indent_16")?.span.pointer == "ANNEX/CONTENTS/LIST/ITEM[16]")
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary[.recitalsNotImported] == 180)
        #expect(summary[.preambleCitationsNotImported] == 7)
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.notes.map(\.text).contains(try #require(FormexAdapter.preambleNote(citations: 7, recitals: 180)?.text)))
    }

    /// The preamble is not imported, and the summary and the instrument's note say so.
    @Test func thePreambleIsCountedAndNamedNotImported() throws {
        let act = AntiDumpingPackage.act(articles: AntiDumpingPackage.article24).replacingOccurrences(of: "<ENACTING.TERMS>", with: """
            <PREAMBLE><PREAMBLE.INIT><P>THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,</P></PREAMBLE.INIT>\
            <GR.VISA><VISA>Having regard to the Treaty on the Functioning of the European Union,</VISA><VISA>Having regard to the proposal from the European Commission,</VISA></GR.VISA>\
            <GR.CONSID><GR.CONSID.INIT>Whereas:</GR.CONSID.INIT><CONSID><NP><NO.P>(1)</NO.P><TXT>Regulation (EC) No 1225/2009 has been substantially amended.</TXT></NP></CONSID>\
            <CONSID><NP><NO.P>(2)</NO.P><TXT>It should be codified.</TXT></NP></CONSID><CONSID><NP><NO.P>(3)</NO.P><TXT>Dumping is condemned.</TXT></NP></CONSID></GR.CONSID>\
            <PREAMBLE.FINAL>HAVE ADOPTED THIS REGULATION:</PREAMBLE.FINAL></PREAMBLE><ENACTING.TERMS>
            """).replacingOccurrences(of: "</ENACTING.TERMS>", with: "</ENACTING.TERMS><FINAL><P>This Regulation shall be binding in its entirety.</P></FINAL>")
        let folder = try AntiDumpingPackage.write(act: act, manifest: false, annex: false)
        let imported = try Corpus.collect([folder + "/" + AntiDumpingPackage.actName])
        #expect(imported.provisions.map(\.canonicalID) == ["art_24", "art_24__subpara_1", "art_24__subpara_2"])
        #expect(imported.summary.rendered.contains(
            "  3 recitals not imported (CONSID: not provisions, read them in the Official Journal), 2 citations of the preamble not imported (VISA, “Having regard to …”)"))
        let notes = try #require(imported.instruments.first?.instrument.notes.map(\.text))
        #expect(notes.contains("Not imported: the preamble, its 2 citations (VISA, “Having regard to …”) and 3 recitals (CONSID), and the final formula (“Done at …”, the signatures). They are not provisions; recitals are not binding, but they are cited (“Recital 12”) and used to read the articles: read them in the Official Journal."))
    }
}
