import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// Annex groups and points carry a Formex locator, the annex's and the path of their citation
/// (`ANNEX XI, Section 1, point 1(d)`), and `cite-check` checks them as it checks an article's points
/// (importer audit D5: they had none, so an import checked against its own package left 224 of them
/// "not covered", and a changed word in Annex XI, Section 1, point 1(a) was reported on the whole annex only).
@Suite struct AnnexPointCiteCheckTests {
    static let annexXI = Corpus.formexFolder + "/L_202401689EN.014101.fmx.xml"

    /// The AI Act's annex files, as the package lists them.
    static func annexFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Corpus.formexFolder)
            .filter { $0.range(of: #"\.01\d{4}\.fmx\.xml$"#, options: .regularExpression) != nil }
            .sorted().map { Corpus.formexFolder + "/" + $0 }
    }

    /// A locator is the annex's and the path of the citation after it; the annex number ends at the
    /// first comma. An article's locator names no annex.
    @Test func anAnnexLocatorIsTheAnnexAndThePathOfItsCitation() {
        let point = FormexAnnexLocator("ANNEX XI, Section 1, point 1(d)")
        #expect(point == FormexAnnexLocator(annex: "ANNEX XI", path: "Section 1, point 1(d)"))
        #expect(point?.number == "XI")
        #expect(FormexAnnexLocator("ANNEX XI") == FormexAnnexLocator(annex: "ANNEX XI"))
        #expect(FormexAnnexLocator("ANNEX, point 2") == FormexAnnexLocator(annex: "ANNEX", path: "point 2"))
        #expect(FormexAnnexLocator("ANNEX")?.number == "")
        #expect(FormexAnnexLocator("053.001(a)") == nil)
        #expect(FormexAnnexLocator("ANNEXES") == nil)
        #expect(FormexAnnexLocator(annex: "ANNEX VII", annexCitation: "Annex VII", citation: "Annex VII, point 3.1(a)").description == "ANNEX VII, point 3.1(a)")
        #expect(FormexAnnexLocator(annex: "ANNEX VII", annexCitation: "Annex VII", citation: "Annex VII").description == "ANNEX VII")
    }

    /// The locators minted for named points of the real AI Act: the section is in the path, since
    /// Annex XI numbers its points afresh in Section 2; Annex VII's point 3.1 sits in the numbered
    /// group 3 and is cited (and located) as the act cites it. Annex II's indents are located by
    /// their place (`AnnexIndentCiteCheckTests`), so every group, point and indent has a locator.
    @Test func theRealAnnexPointsAreLocatedByTheirCitation() throws {
        guard Corpus.available(Corpus.formexManifest) else { return }
        let imported = try Corpus.collect([Corpus.formexManifest])
        let located = [
            "anx_XI__sec_1__point_1__point_d": "ANNEX XI, Section 1, point 1(d)",
            "anx_XI__sec_1": "ANNEX XI, Section 1",
            "anx_XI__sec_2__point_1": "ANNEX XI, Section 2, point 1",
            "anx_III__point_1__point_a": "ANNEX III, point 1(a)",
            "anx_III__point_8": "ANNEX III, point 8",
            "anx_VII__sec_3__point_3-1__point_a": "ANNEX VII, point 3.1(a)",
            "anx_XIII__point_b": "ANNEX XIII, point (b)",
            "anx_II__indent_1": "ANNEX II, first indent",
            "anx_II__indent_16": "ANNEX II, sixteenth indent",
        ]
        for (canonical, locator) in located {
            #expect(imported.provision(canonical)?.sourceID == locator, "\(canonical)")
        }
        let annexParts = imported.provisions.filter { $0.canonicalID.hasPrefix("anx_") && $0.level != .annex }
        #expect(annexParts.count == 224)
        #expect(annexParts.filter { $0.sourceID == nil }.map(\.citation) == [])

        let formex = try FormexText.load(actPath: Corpus.formexAct, annexPaths: try Self.annexFiles())
        #expect(formex.text(at: "ANNEX XI, Section 1, point 1(d)") == "(d) the architecture and number of parameters;")
        #expect(formex.text(at: "ANNEX XI, Section 1, point 1")?.hasPrefix("1. A general description of the general-purpose AI model including:") == true)
        #expect(formex.text(at: "ANNEX XI, Section 2, point 1")?.hasPrefix("1. A detailed description of the evaluation strategies") == true)
        #expect(formex.text(at: "ANNEX XI, Section 1")?.hasPrefix("The technical documentation referred to in Article 53(1), point (a)") == true)
        #expect(formex.text(at: "ANNEX XI, Section 1, point 1(g)") == nil)
        #expect(formex.text(at: "ANNEX XI, point 1(d)") == nil)
    }

    /// An encoding of annex points, checked against the real package: one that quotes its point
    /// passes, a changed word drifts with a word diff against the annex's own file, and a point the
    /// annex does not have does not exist there.
    @Test func anAnnexPointPassesDriftsOrIsMissing() throws {
        guard Corpus.available(Corpus.formexManifest) else { return }
        let (graph, file) = try CiteCheckLookupTests.rules("""
              <instrument id="qa.aia" jurisdiction="EU" kind="regulation">
                <title>Regulation (EU) 2024/1689 (annex points)</title>
                <official-id scheme="celex">32024R1689</official-id>
                <provision id="qa.aia.anx11.1.d" citation="Annex XI, Section 1, point 1(d)" evidence="verified" source-id="ANNEX XI, Section 1, point 1(d)" wording-kind="verbatim">
                  <wording>(d) the architecture and number of parameters;</wording>
                </provision>
                <provision id="qa.aia.anx3.1.a" citation="Annex III, point 1(a)" evidence="verified" source-id="ANNEX III, point 1(a)" wording-kind="verbatim">
                  <wording>(a) remote biometric identification systems. This shall not include AI systems designed to be used for biometric verification the sole purpose of which is to confirm that a specific natural person is the person he or she claims to be;</wording>
                </provision>
                <provision id="qa.aia.anx11.1.g" citation="Annex XI, Section 1, point 1(g)" evidence="verified" source-id="ANNEX XI, Section 1, point 1(g)" wording-kind="verbatim">
                  <wording>(g) a point the annex does not have.</wording>
                </provision>
              </instrument>
            """)
        let report = try CitationChecker(officialFiles: [Corpus.formexManifest]).check(graph, on: .citeCheckDay)
        #expect(report.passed == ["qa.aia.anx11.1.d"])
        #expect(report.notCovered.isEmpty)
        let annexIII = Corpus.formexFolder + "/L_202401689EN.012701.fmx.xml"
        #expect(CiteCheckLookupTests.printed(report) == [
            "\(file):9: error: qa.aia.anx3.1.a (Annex III, point 1(a)): wording differs from \(annexIII) (text as of 2024-08-01) at 'ANNEX III, point 1(a)'",
            "[-designed-] {+intended+}",
            "\(file):12: error: qa.aia.anx11.1.g (Annex XI, Section 1, point 1(g)): 'ANNEX XI, Section 1, point 1(g)' does not exist in \(Self.annexXI) (text as of 2024-08-01)",
        ])
    }

    /// Points restart in each section: a shipped Section 2, point 1 is compared with Section 2's
    /// point 1, never Section 1's. A hand-made annex file given alone (the real Annex XI's shape).
    @Test func aPointIsComparedWithThePointOfItsOwnSection() throws {
        let annex = try Corpus.fixture("L_202401689EN.014101.fmx.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <ANNEX><BIB.INSTANCE><DOCUMENT.REF FILE="L_202401689EN.doc.fmx.xml"><COLL>L</COLL><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2024</YEAR><NO.CURRENT>1689</NO.CURRENT></NO.DOC></DOCUMENT.REF><DATE ISO="20240613">20240613</DATE></BIB.INSTANCE><TITLE><TI><P>ANNEX XI</P></TI></TITLE><CONTENTS>\
            <GR.SEQ LEVEL="1"><TITLE><TI><P>Section 1</P></TI></TITLE><NP><NO.P>1.</NO.P><TXT>A general description of the model.</TXT></NP></GR.SEQ>\
            <GR.SEQ LEVEL="1"><TITLE><TI><P>Section 2</P></TI></TITLE><NP><NO.P>1.</NO.P><TXT>A detailed description of the evaluation strategies.</TXT></NP></GR.SEQ>\
            </CONTENTS></ANNEX>
            """)
        let imported = try Corpus.collect([annex])
        #expect(imported.provisions.map { $0.sourceID ?? "-" } == ["ANNEX XI", "ANNEX XI, Section 1", "ANNEX XI, Section 1, point 1",
                                                                    "ANNEX XI, Section 2", "ANNEX XI, Section 2, point 1"])
        let (graph, file) = try CiteCheckLookupTests.rules("""
              <instrument id="qa.aia" jurisdiction="EU" kind="regulation">
                <title>Regulation (EU) 2024/1689 (annex points)</title>
                <official-id scheme="celex">32024R1689</official-id>
                <provision id="qa.aia.anx11.s2.1" citation="Annex XI, Section 2, point 1" evidence="verified" source-id="ANNEX XI, Section 2, point 1" wording-kind="verbatim">
                  <wording>1. A detailed description of the evaluation strategies.</wording>
                </provision>
                <provision id="qa.aia.anx11.s2.1-as-s1" citation="Annex XI, Section 2, point 1" evidence="verified" source-id="ANNEX XI, Section 2, point 1" wording-kind="verbatim">
                  <wording>1. A general description of the model.</wording>
                </provision>
              </instrument>
            """)
        let report = try CitationChecker(officialFiles: [annex]).check(graph, on: .citeCheckDay)
        #expect(report.passed == ["qa.aia.anx11.s2.1"])
        #expect(CiteCheckLookupTests.printed(report) == [
            "\(file):9: error: qa.aia.anx11.s2.1-as-s1 (Annex XI, Section 2, point 1): wording differs from \(annex) (text as of 2024-06-13) at 'ANNEX XI, Section 2, point 1'",
            "[-general-] {+detailed+} [-model.-] {+evaluation",
        ])
    }

    /// A group whose title carries no number is numbered by its position, which the text does not
    /// print: it and what it holds get no locator. Two groups printed with one number share theirs,
    /// and cite-check weighs both, as a unit printed twice: copies that differ are a finding.
    @Test func groupsNumberedByPositionHaveNoLocatorAndGroupsNumberedAlikeShareOne() throws {
        let annex = try Corpus.fixture("annex.fmx.xml", FormexImportTests.groupsNumberedByPosition)
        let imported = try Corpus.collect([annex])
        #expect(imported.provisions.map { $0.sourceID ?? "-" } == ["ANNEX II", "-", "-", "ANNEX II, Part B", "ANNEX II, Part B, point 1",
                                                                    "ANNEX II, Part B", "ANNEX II, Part B, point 1"])
        let formex = try FormexText.load(annexPaths: [annex])
        #expect(formex.repeatedTexts(at: "ANNEX II, Part B, point 1").map(\.text) == ["1. Second.", "1. Third."])
        #expect(formex.text(at: "ANNEX II, Section 1") == nil)
        let (graph, _) = try CiteCheckLookupTests.rules("""
              <instrument id="qa.aia" jurisdiction="EU" kind="regulation">
                <title>Regulation (EU) 2024/1689 (annex points)</title>
                <official-id scheme="celex">32024R1689</official-id>
                <provision id="qa.aia.anx2.b.1" citation="Annex II, Part B, point 1" evidence="verified" source-id="ANNEX II, Part B, point 1" wording-kind="verbatim">
                  <wording>1. Second.</wording>
                </provision>
              </instrument>
            """)
        let report = try CitationChecker(officialFiles: [annex]).check(graph, on: .citeCheckDay)
        let finding = try #require(report.findings.first)
        #expect(finding.kind == .repeated)
        #expect(finding.detail == "copy 1 (line 4): passes; copy 2 (line 5): differs (1. [-Second.-] {+Third.+})")
    }

    /// In a consolidated act, an annex point found only in text a range marks deleted is missing,
    /// naming the act that deleted it; the point after it is found (Annex I, Section A, point 1,
    /// deleted by 2026/1744, in `ConsolidatedFormexTests`' fixture).
    @Test func aDeletedAnnexPointOfAConsolidatedActIsMissingAndSaysWhoDeletedIt() throws {
        let (imported, path) = try ConsolidatedFormexTests.imported()
        #expect(imported.provision("anx_I__sec_A__point_2")?.sourceID == "ANNEX I, Section A, point 2")
        #expect(imported.provision("anx_I__sec_A__point_1") == nil)
        let formex = try FormexText.load(actPath: path)
        #expect(formex.text(at: "ANNEX I, Section A, point 2")?.hasPrefix("2. Directive 2009/48/EC") == true)
        guard case .deleted(let marker) = formex.lookup("ANNEX I, Section A, point 1") else {
            Issue.record("ANNEX I, Section A, point 1: not found as deleted")
            return
        }
        #expect(marker.amendingAct == "32026R1744")
        #expect(formex.lookup("ANNEX I, Section A, point 3") == .absent)
    }
}
