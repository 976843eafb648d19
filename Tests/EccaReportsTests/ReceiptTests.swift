import ClauseGraph
import EccaFormats
import EccaReports
import Testing

@Suite struct ReceiptTests {
    @Test func receiptTakesDatesAndPosturesFromTheAnalyses() throws {
        let analyses = try ["conflict", "clear"].map { try Fixtures.analyse(sample: $0) }
        let receipt = ReproducibilityReceipt(
            eccaVersion: "9.9.9", source: .analysed,
            regulationFiles: [FileDigest(path: "b.xml", sha256: "22"), FileDigest(path: "a.xml", sha256: "11")],
            inputs: [], analyses: analyses, z3Version: "z", libxml2Version: "x", command: "ecca report r.json")
        #expect(receipt.asOf == [LegalDate(iso: "2026-11-24")!])
        #expect(receipt.postures == ["text", "enforcement"])
        #expect(receipt.regulationFiles.map(\.path) == ["a.xml", "b.xml"])
        #expect(receipt.regulationsSHA256 == SHA256.hexDigest(Array("11\n22\n".utf8)))
        #expect(receipt.graphvizVersion == nil)
    }

    @Test func resultsReceiptsHaveNoRegulationsHash() {
        let receipt = ReproducibilityReceipt(eccaVersion: "1", source: .results, regulationFiles: [], inputs: [],
                                             asOf: [], postures: [], z3Version: "", libxml2Version: "", command: "")
        #expect(receipt.regulationsSHA256 == nil)
    }

    @Test func combinedDigestIgnoresWhereTheFilesAre() {
        let here = [FileDigest(path: "/x/Regulations/a.xml", sha256: "aa"), FileDigest(path: "/x/Regulations/b.xml", sha256: "bb")]
        let there = [FileDigest(path: "/y/Regulations/b.xml", sha256: "bb"), FileDigest(path: "/y/Regulations/a.xml", sha256: "aa")]
        #expect(FileDigest.combined(here) == FileDigest.combined(there))
        #expect(FileDigest.combined(here) != FileDigest.combined([here[0]]))
    }

    @Test func shellCommandQuotesOnlyWhatNeedsIt() {
        #expect(ShellCommand.line(["ecca", "report", "Samples/requests/a.json", "--as-of", "2026-11-24"])
                == "ecca report Samples/requests/a.json --as-of 2026-11-24")
        #expect(ShellCommand.quote("my request.json") == "'my request.json'")
        #expect(ShellCommand.quote("it's") == #"'it'\''s'"#)
        #expect(ShellCommand.quote("") == "''")
        #expect(ShellCommand.quote("a\nb") == #"$'a\nb'"#)
        #expect(ShellCommand.quote("$(rm -rf /)") == "'$(rm -rf /)'")
    }

    @Test func reportsShowTheReceipt() throws {
        let report = try Fixtures.report(sample: "conflict")
        let markdown = try MarkdownReport().render(report)
        #expect(markdown.contains("## Reproducibility receipt"))
        #expect(markdown.contains("| ecca version | 0.0.0-snapshot |"))
        #expect(markdown.contains("| Regulations (SHA-256) | \(report.receipt.regulationsSHA256!) |"))
        #expect(markdown.contains("| As of | 2026-11-24 |"))
        #expect(markdown.contains("| Postures | text, enforcement |"))
        #expect(markdown.contains("```sh\nsha256sum Regulations/eu-ai-act.xml Regulations/facts.xml"))
        #expect(markdown.contains("```sh\necca report --format md Samples/requests/weights-to-ai-office-warsaw.json --as-of 2026-11-24\n```"))
        let html = try HTMLReport().render(report, pictures: [.graphvizMissing])
        #expect(html.contains("<tr><td>Z3</td><td>4.0.0.0 (snapshot)</td></tr>"))
        #expect(html.contains("<tr><td>libxml2</td><td>2.0.0 (snapshot)</td></tr>"))
    }
}
