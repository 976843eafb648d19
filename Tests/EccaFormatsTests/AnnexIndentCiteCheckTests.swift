import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// An annex's indents (Formex `LIST TYPE="DASH"` items, "—") carry a locator by their place, as EU
/// texts cite an item with no number (Interinstitutional Style Guide 2.7: "in the first, second
/// indent"): `ANNEX II, first indent`, `ANNEX II, Section 1, point 1(a), second indent`. They had
/// none, so an import of the AI Act package checked against that package left Annex II's 16
/// indents "not covered", and a changed or removed indent was seen on the whole annex only.
@Suite struct AnnexIndentCiteCheckTests {
    /// Each indent's locator is the annex's and its citation's path; the annex file's lookup finds
    /// every locator the import gave at the very wording the import read.
    @Test func anAnnexIndentIsLocatedByItsPlace() throws {
        let path = try Corpus.fixture("L_202401689EN.012601.fmx.xml", AnnexIndentFixture.annex())
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map { "\($0.sourceID ?? "-") | \($0.citation)" } == [
            "ANNEX II | Annex II",
            "ANNEX II, first indent | Annex II, first indent",
            "ANNEX II, second indent | Annex II, second indent",
            "ANNEX II, third indent | Annex II, third indent",
            "ANNEX II, Section 1 | Annex II, Section 1",
            "ANNEX II, Section 1, point 1 | Annex II, Section 1, point 1",
            "ANNEX II, Section 1, point 1(a) | Annex II, Section 1, point 1(a)",
            "ANNEX II, Section 1, point 1(a), first indent | Annex II, Section 1, point 1(a), first indent",
            "ANNEX II, Section 1, point 1(a), second indent | Annex II, Section 1, point 1(a), second indent",
        ])
        let formex = try FormexText.load(annexPaths: [path])
        for provision in imported.provisions {
            #expect(formex.text(at: try #require(provision.sourceID)) == provision.wording, "\(provision.citation)")
        }
        #expect(formex.text(at: "ANNEX II, Section 1, point 1(a), second indent") == "kidnapping.")
        #expect(formex.text(at: "ANNEX II, fourth indent") == nil)
    }

    /// Against a later text that changed a word of an indent and removed another: the indent kept
    /// passes, the changed one drifts with its word diff, the removed one does not exist.
    @Test func anAnnexIndentPassesDriftsOrIsMissing() throws {
        let official = try Corpus.fixture("L_202401689EN.012601.fmx.xml", AnnexIndentFixture.annex(kidnapping: "abduction.", rape: false))
        let (graph, file) = try CiteCheckLookupTests.rules("""
              <instrument id="qa.aia" jurisdiction="EU" kind="regulation">
                <title>Regulation (EU) 2024/1689 (annex indents)</title>
                <official-id scheme="celex">32024R1689</official-id>
                <provision id="qa.aia.anx2.i1" citation="Annex II, first indent" evidence="verified" source-id="ANNEX II, first indent" wording-kind="verbatim">
                  <wording>terrorism,</wording>
                </provision>
                <provision id="qa.aia.anx2.s1.1.a.i2" citation="Annex II, Section 1, point 1(a), second indent" evidence="verified" source-id="ANNEX II, Section 1, point 1(a), second indent" wording-kind="verbatim">
                  <wording>kidnapping.</wording>
                </provision>
                <provision id="qa.aia.anx2.i3" citation="Annex II, third indent" evidence="verified" source-id="ANNEX II, third indent" wording-kind="verbatim">
                  <wording>rape.</wording>
                </provision>
              </instrument>
            """)
        let report = try CitationChecker(officialFiles: [official]).check(graph, on: .citeCheckDay)
        #expect(report.passed == ["qa.aia.anx2.i1"])
        #expect(report.notCovered.isEmpty)
        #expect(report.findings.map(\.kind) == [.drifted, .missing])
        #expect(CiteCheckLookupTests.printed(report) == [
            "\(file):9: error: qa.aia.anx2.s1.1.a.i2 (Annex II, Section 1, point 1(a), second indent): wording differs from \(official) (text as of 2024-06-13) at 'ANNEX II, Section 1, point 1(a), second indent'",
            "[-kidnapping.-] {+abduction.+}",
            "\(file):12: error: qa.aia.anx2.i3 (Annex II, third indent): 'ANNEX II, third indent' does not exist in \(official) (text as of 2024-06-13)",
        ])
    }

    /// A group whose title prints no number has no locator (EU texts cite no group by its place),
    /// nor has what it holds: a Formex text of its act leaves them not covered for that reason,
    /// which the report says apart from an eid-only provision no Formex text was given for.
    @Test func aProvisionWithoutALocatorIsNotCoveredForThatReason() throws {
        // Numbered 2024/1689 in its Official Journal reference (`DOCUMENT.REF/NO.DOC`), as the real
        // annex files are: it speaks for that act only, not for every EU act.
        let annex = try Corpus.fixture("annex.fmx.xml", FormexImportTests.groupsNumberedByPosition)
        let (graph, _) = try CiteCheckLookupTests.rules("""
              <instrument id="qa.aia" jurisdiction="EU" kind="regulation">
                <title>Regulation (EU) 2024/1689 (an unnumbered group)</title>
                <official-id scheme="celex">32024R1689</official-id>
                <provision id="qa.aia.anx2.sec1" citation="Annex II, Section 1" evidence="verified" eid="anx_II__sec_1" wording-kind="verbatim">
                  <wording>1. First.</wording>
                </provision>
              </instrument>
              <instrument id="qa.other" jurisdiction="EU" kind="regulation">
                <title>Regulation (EU) 2016/679 (no text given)</title>
                <official-id scheme="celex">32016R0679</official-id>
                <provision id="qa.other.art6" citation="Art. 6" evidence="verified" eid="art_6" wording-kind="verbatim">
                  <wording>Lawfulness of processing.</wording>
                </provision>
              </instrument>
            """)
        let report = try CitationChecker(officialFiles: [annex]).check(graph, on: .citeCheckDay)
        #expect(report.notCovered == ["qa.aia.anx2.sec1", "qa.other.art6"])
        #expect(report.withoutLocator == ["qa.aia.anx2.sec1"])
    }
}
