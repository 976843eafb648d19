import ClauseGraph
import EccaFormats
import EccaTestSupport
import Foundation
import Testing

/// A date whose `DATE ISO` disagrees with the date the Official Journal prints (a no-break space
/// between its words) is noted on every provision that holds it, never recorded in silence
/// (import audit, doubt 1), and warned of once; the real act's 81 dates all agree.
struct FormexDateMarkupTests {
    @Test func aDateMarkedOtherwiseThanPrintedIsNoted() throws {
        guard Corpus.available(Corpus.formexManifest) else { return }
        let prefix = "A date in this text is marked 2026-08-02 (DATE ISO) but printed as 2025-08-02"
        #expect(try !Corpus.collect([Corpus.formexManifest]).provisions.contains { $0.notes.contains { $0.text.hasPrefix("A date in this text") } })
        let folder = try TemporaryFolder.make("formats").path
        for name in try FileManager.default.contentsOfDirectory(atPath: Corpus.formexFolder) where name.hasSuffix(".fmx.xml") {
            var text = try String(contentsOfFile: Corpus.formexFolder + "/" + name, encoding: .utf8)
            if name == "L_202401689EN.000101.fmx.xml" {
                let article = try #require(text.range(of: "IDENTIFIER=\"113\""))
                let date = try #require(text.range(of: "<DATE ISO=\"20250802\">2\u{A0}August 2025</DATE>", range: article.upperBound..<text.endIndex))
                text.replaceSubrange(date, with: "<DATE ISO=\"20260802\">2\u{A0}August 2025</DATE>")
            }
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        let imported = try Corpus.collect([folder + "/L_202401689EN.doc.fmx.xml"])
        let noted = imported.provisions.filter { $0.notes.contains { $0.kind == .unresolved && $0.text.hasPrefix(prefix) } }
        #expect(noted.map(\.canonicalID) == ["art_113", "art_113__subpara_3", "art_113__subpara_3__point_b"])
        // Said once, as a warning and a count, not only in the notes (importer QA 2026-12-07, M2).
        #expect(imported.diagnostics.map(\.message) == [
            "Art. 113: a date is marked 2026-08-02 (DATE ISO) but printed as 2025-08-02 (“2 August 2025”); the provisions that hold it are marked unresolved",
        ])
        #expect(imported.summary.instruments.first?[.misdatedDates] == 1)
    }
}
