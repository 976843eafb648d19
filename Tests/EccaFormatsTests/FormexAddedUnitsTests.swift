import ClauseGraph
@testable import EccaFormats
import EccaTestSupport
import Foundation
import Testing

/// What an EU amending act's "the following … is/are added/inserted" instructions add (QA amend7
/// #4, #5): every unit its quotation adds is named, and a subparagraph added at the end of a
/// paragraph is said to be that, changing what holds it (the paragraph, the article) and none of
/// the subparagraphs the paragraph already has.
///
/// The instructions are verbatim from Art. 1 of Regulation (EU) 2026/1744, points (4)(b), (8),
/// (14) and (17) (the OJ Formex, josesiqueira/tere4ai @f880753a,
/// data/snapshots/formex/L_202601744EN.000101.fmx.xml, as QA amend7 fetched it whole); the quoted
/// new text is cut to its first words ("…"), its numbering and elements kept. The shipped
/// provisions are those `ecca import` mints from the OJ text of 2024/1689, wording cut likewise.
@Suite struct FormexAddedUnitsTests {
    typealias Address = FormexAmendingAct.Address

    static let act = """
        <?xml version="1.0" encoding="UTF-8"?><ACT><BIB.INSTANCE><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2026</YEAR><NO.CURRENT>1744</NO.CURRENT></NO.DOC><DATE ISO="20260708">20260708</DATE></BIB.INSTANCE>
        <TITLE><TI><P>Regulation (EU) 2026/1744 of the European Parliament and of the Council</P><P>amending Regulation (EU) 2024/1689</P></TI></TITLE>
        <ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA><P>Regulation (EU) 2024/1689 is amended as follows:</P><LIST TYPE="ARAB">
        <ITEM><NP><NO.P>(4)</NO.P><TXT>Article 3 is amended as follows:</TXT><P><LIST TYPE="alpha"><ITEM><NP><NO.P>(b)</NO.P><TXT>the following points are inserted:</TXT><P><QUOT.S LEVEL="1"><LIST TYPE="OTHER"><ITEM><NP><NO.P><QUOT.START CODE="2018" ID="QS0021" REF.END="QE0021"/>(14a)</NO.P><TXT>‘micro, small and medium-sized enterprise’ or ‘SME’ means …</TXT></NP></ITEM><ITEM><NP><NO.P>(14b)</NO.P><TXT>‘small mid-cap enterprise’ or ‘SMC’ means …<QUOT.END CODE="2019" ID="QE0024" REF.START="QS0021"/></TXT></NP></ITEM></LIST></QUOT.S>;</P></NP></ITEM></LIST></P></NP></ITEM>
        <ITEM><NP><NO.P>(8)</NO.P><TXT>in Article 6, the following paragraphs are inserted:</TXT><P><QUOT.S LEVEL="1"><PARAG IDENTIFIER="006.001A"><NO.PARAG><QUOT.START CODE="2018" ID="QS0031" REF.END="QE0031"/>1a.</NO.PARAG><ALINEA>For the purposes of this Regulation, …</ALINEA></PARAG><PARAG IDENTIFIER="006.001B"><NO.PARAG>1b.</NO.PARAG><ALINEA>Notwithstanding paragraph 1a, …</ALINEA></PARAG><PARAG IDENTIFIER="006.001C"><NO.PARAG>1c.</NO.PARAG><ALINEA>A product that is required to undergo a third-party conformity assessment …<QUOT.END CODE="2019" ID="QE0031" REF.START="QS0031"/></ALINEA></PARAG></QUOT.S>;</P></NP></ITEM>
        <ITEM><NP><NO.P>(14)</NO.P><TXT>in Article 28, the following paragraphs are added:</TXT><P><QUOT.S LEVEL="1"><PARAG IDENTIFIER="028.008"><NO.PARAG><QUOT.START CODE="2018" ID="QS0040" REF.END="QE0040"/>8.</NO.PARAG><ALINEA>Notifying authorities designated pursuant to this Regulation …</ALINEA></PARAG><PARAG IDENTIFIER="028.009"><NO.PARAG>9.</NO.PARAG><ALINEA>…<QUOT.END CODE="2019" ID="QE0040" REF.START="QS0040"/></ALINEA></PARAG></QUOT.S>;</P></NP></ITEM>
        <ITEM><NP><NO.P>(17)</NO.P><TXT>in Article 40(2), the following subparagraph is added:</TXT><P><QUOT.S LEVEL="1"><ALINEA><QUOT.START CODE="2018" ID="QS0043" REF.END="QE0043"/>The Commission shall request, in accordance with Regulation (EU) No 1025/2012 …<QUOT.END CODE="2019" ID="QE0043" REF.START="QS0043"/></ALINEA></QUOT.S>;</P></NP></ITEM>
        </LIST></ALINEA></ARTICLE></ENACTING.TERMS></ACT>
        """

    static func instructions() throws -> [FormexAmendingAct.Instruction] {
        let file = try TemporaryFolder.make("added").appendingPathComponent("L_202601744EN.000101.fmx.xml")
        try act.write(to: file, atomically: true, encoding: .utf8)
        return try #require(FormexAmendingAct(act: try FormexText.load(actPath: file.path).act)).instructions
    }

    @Test func everyUnitAddedIsNamed() throws {
        let read = try Self.instructions()
        #expect(read.map(\.place) == ["Art. 1, point (4)(b)", "Art. 1, point (8)", "Art. 1, point (14)", "Art. 1, point (17)"])
        #expect(read.map(\.action) == ["inserted", "inserted", "added", "added"])
        #expect(read.map(\.readInPart) == [false, false, false, false])
        #expect(read.map(\.target) == [
            Address(article: "3", points: ["14a"], alongside: ["14b"]),
            Address(article: "6", paragraph: "001A", alongside: ["001B", "001C"]),
            Address(article: "28", paragraph: "008", alongside: ["009"]),
            Address(article: "40", paragraph: "2", appended: "a subparagraph"),
        ])
        #expect(read.map { $0.target?.description ?? "" } == [
            "Article 3, points (14a) and (14b)",
            "Article 6(1a), (1b) and (1c)",
            "Article 28(8) and (9)",
            "a subparagraph at the end of Article 40(2)",
        ])
    }

    /// A subparagraph added at the end of Article 40(2) changes Article 40 and 40(2), and none of
    /// 40(2)'s three subparagraphs; paragraphs inserted in Article 6 change Article 6, not 6(1).
    @Test func aSubparagraphAddedAtTheEndChangesWhatHoldsItOnly() throws {
        let folder = try TemporaryFolder.make("added-regs")
        func provision(_ id: String, _ citation: String, _ sourceID: String, _ wording: String) -> String {
            """
                <provision id="eu.ai-act.\(id)" citation="\(citation)" evidence="verified" source-id="\(sourceID)" wording-kind="verbatim">
                  <wording>\(wording)</wording>
                </provision>
            """
        }
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1" version="1">
              <instrument id="eu.ai-act" jurisdiction="EU" kind="regulation">
                <title>Regulation (EU) 2024/1689 (Artificial Intelligence Act)</title>
                <official-id scheme="celex">32024R1689</official-id>
            \(provision("art6", "Art. 6", "006", "Article 6 Classification rules for high-risk AI systems 1. Irrespective of …"))
            \(provision("art6.1", "Art. 6(1)", "006.001", "1. Irrespective of whether an AI system is placed on the market …"))
            \(provision("art40", "Art. 40", "040", "Article 40 Harmonised standards and standardisation deliverables …"))
            \(provision("art40.2", "Art. 40(2)", "040.002", "2. In accordance with Article 10 of Regulation (EU) No 1025/2012, …"))
            \(provision("art40.2.sub1", "Art. 40(2), first subparagraph", "040.002~1", "In accordance with Article 10 of Regulation (EU) No 1025/2012, …"))
            \(provision("art40.2.sub3", "Art. 40(2), third subparagraph", "040.002~3", "The participants in the standardisation process shall …"))
              </instrument>
            </rules>
            """.write(to: folder.appendingPathComponent("eu-ai-act.xml"), atomically: true, encoding: .utf8)
        let loaded = RegulationsLoader().load(directories: [folder.path], schemaPath: Corpus.regulations + "/" + RegulationsLoader.schemaRelativePath)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        let file = try TemporaryFolder.make("added-act").appendingPathComponent("L_202601744EN.000101.fmx.xml")
        try Self.act.write(to: file, atomically: true, encoding: .utf8)
        let report = try CitationChecker(officialFiles: [file.path]).check(loaded.graph, on: .citeCheckDay)
        let changed = report.findings.filter { $0.kind == .amended }
        let act = "Regulation (EU) 2026/1744 of 2026-07-08 (\(file.path))"
        let unchecked = "not checked against the new wording: give the consolidated text"
        #expect(changed.map(\.provisionID) == ["eu.ai-act.art6", "eu.ai-act.art40", "eu.ai-act.art40.2"])
        #expect(changed.map(\.detail) == [
            "changed by \(act): Art. 1, point (8): inserts Article 6(1a), (1b) and (1c); \(unchecked)",
            "changed by \(act): Art. 1, point (17): adds a subparagraph at the end of Article 40(2); \(unchecked)",
            "changed by \(act): Art. 1, point (17): adds a subparagraph at the end of Article 40(2); \(unchecked)",
        ])
        #expect(!report.findings.contains { ["eu.ai-act.art6.1", "eu.ai-act.art40.2.sub1", "eu.ai-act.art40.2.sub3"].contains($0.provisionID) })
    }

    /// An inserted subparagraph renumbers those after it: not read below its place, as before.
    @Test func anInsertedSubparagraphIsStillNotReadBelowItsPlace() throws {
        let read = FormexAmendingAct.instruction("in Article 40(2), the following subparagraph is inserted after the first subparagraph:",
                                                 context: Address(), contextText: nil, quotation: nil, place: "Art. 1, point (1)", act: ("2024", "1689"))
        #expect(read.target == Address(article: "40", paragraph: "2"))
        #expect(read.readInPart)
        #expect(read.action == "inserted")
    }
}
