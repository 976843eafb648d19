import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// `cite-check` against a consolidated Formex text, with the hand-made fixtures of
/// `ConsolidatedFormexTests` (the real consolidated shape and wording, a few elements at a time).
@Suite struct ConsolidatedCiteCheckTests {
    /// The importer and cite-check read the same wording at every source id of a consolidated act,
    /// deleted text left out of both.
    @Test func importedWordingEqualsFormexTextAtEverySourceID() throws {
        let (imported, path) = try ConsolidatedFormexTests.imported()
        let formex = try FormexText.load(actPath: path)
        #expect(formex.isConsolidated)
        // 24, and Annex I's Section A and its point 2 (`ANNEX I, Section A, point 2`).
        #expect(imported.provisions.filter { $0.sourceID != nil }.count == 26)
        for provision in imported.provisions {
            guard let locator = provision.sourceID else { continue }
            #expect(formex.text(at: locator) == provision.wording, "\(locator)")
        }
    }

    /// cite-check against a consolidated text: drift names the text as consolidated and the act and
    /// place that changed the provision; unchanged provisions pass.
    @Test func citeCheckNamesTheConsolidatedTextAndTheAmendingAct() throws {
        let (_, path) = try ConsolidatedFormexTests.imported()
        let report = try CitationChecker(officialFiles: [path]).check(CitationCheckerTests.shipped.graph, on: .citeCheckDay)
        #expect(report.passed.contains("eu.ai-act.art113.3.b"))
        #expect(report.passed.contains("eu.ai-act.art113.1"))
        let drift = try #require(report.findings.first { $0.provisionID == "eu.ai-act.art113.3.a" })
        #expect(drift.kind == .drifted)
        #expect(drift.description == "\(drift.location): error: eu.ai-act.art113.3.a (Art. 113, third paragraph, point (a)): wording differs from \(path) (consolidated text of 2026-07-27; changed by 32026R1744, Art. 1, point (40)(a)) at '113(a)'")
        let article = try #require(report.findings.first { $0.provisionID == "eu.ai-act.art113" })
        #expect(article.amendment == "changed by 32026R1744, Art. 1, point (40)(a); Art. 1, point (40)(c)")
        // The consolidated act covers only its own act (2024/1689), found by BIB.INSTANCE.CONS.
        let missing = try #require(report.findings.first { $0.provisionID == "eu.ai-act.art92.3" })
        #expect(missing.description == "\(missing.location): error: eu.ai-act.art92.3 (Art. 92(3)): '092.003' does not exist in \(path) (consolidated text of 2026-07-27)")
    }

    /// A shipped provision found only in deleted text is missing, and the message says which act
    /// deleted it (point (b) of Art. 113 wrapped in a made-up deleted range).
    @Test func citeCheckReportsAProvisionFoundOnlyInDeletedTextAsMissing() throws {
        let (_, path) = try ConsolidatedFormexTests.imported(ConsolidatedFormexTests.act(deletingB: true))
        let report = try CitationChecker(officialFiles: [path]).check(CitationCheckerTests.shipped.graph, on: .citeCheckDay)
        let missing = try #require(report.findings.first { $0.provisionID == "eu.ai-act.art113.3.b" })
        #expect(missing.kind == .missing)
        #expect(missing.description == "\(missing.location): error: eu.ai-act.art113.3.b (Art. 113, third paragraph, point (b)): '113(b)' does not exist in \(path) (consolidated text of 2026-07-27; deleted by 32026R1744, Art. 1, point (40)(z))")
        let text = try FormexText.load(actPath: path)
        #expect(text.text(at: "113(b)") == nil)
        #expect(text.text(at: "113~3")?.contains("Chapter XII") == false)
    }

    /// The shipped Annex XI is checked against the Annex XI a consolidated act holds, and passes:
    /// the real Official Journal Annex XI, put in a `CONS.ANNEX` as the consolidated file has it.
    @Test func citeCheckFindsTheAnnexesOfAConsolidatedAct() throws {
        let file = Corpus.formexFolder + "/L_202401689EN.014101.fmx.xml"
        guard Corpus.available(file) else { return }
        let oj = try String(contentsOfFile: file, encoding: .utf8)
        let title = try #require(oj.range(of: "<TITLE><TI><P>ANNEX")), end = try #require(oj.range(of: "</CONTENTS>"))
        let consolidated = "<CONS.ANNEX>" + oj[title.lowerBound..<end.upperBound] + "</CONS.ANNEX>"
        let (_, path) = try ConsolidatedFormexTests.imported(ConsolidatedFormexTests.act(annexXI: consolidated))
        let report = try CitationChecker(officialFiles: [path]).check(CitationCheckerTests.shipped.graph, on: .citeCheckDay)
        #expect(report.passed.contains("eu.ai-act.annex11"))
        #expect(!report.notCovered.contains("eu.ai-act.annex11"))
        #expect(!report.findings.contains { $0.provisionID == "eu.ai-act.annex11" })
    }
}
