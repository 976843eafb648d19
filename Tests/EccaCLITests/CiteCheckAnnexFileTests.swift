import EccaTestSupport
import Foundation
import Testing

/// `ecca cite-check` with annex files given on their own: each is a text of its own date that
/// competes with the others (and with a package's annex) as acts do, and each file's line names its
/// own date. The inputs are the corpus Annex XI (shared/corpora/official-xml/formex-ai-act-2024-1689,
/// L_202401689EN.014101.fmx.xml) and copies of it altered as in QA verify11's annex/ folder
/// ("training methodologies" → "training methods"; its DATE set to 2026-01-01, a date before any
/// day the tests run on: a text dated after the day checked never decides).
@Suite struct CiteCheckAnnexFileTests {
    static let folder = CLI.root.appendingPathComponent("../shared/corpora/official-xml/formex-ai-act-2024-1689").standardizedFileURL.path
    static let annexXI = folder + "/L_202401689EN.014101.fmx.xml"
    static let annexI = folder + "/L_202401689EN.012401.fmx.xml"

    /// The altered Annex XI, dated `date` (as `20260101`), in a folder of its own.
    func alteredAnnex(date: String) throws -> String {
        let text = try String(contentsOfFile: Self.annexXI, encoding: .utf8)
            .replacingOccurrences(of: "training methodologies", with: "training methods")
            .replacingOccurrences(of: "<DATE ISO=\"20240613\">20240613</DATE>", with: "<DATE ISO=\"\(date)\">\(date)</DATE>")
        return try CLI.folder(["L_202401689EN.014101.fmx.xml": text]).path + "/L_202401689EN.014101.fmx.xml"
    }

    func shippedLine() throws -> (file: String, line: Int) {
        let shipped = CLI.regulations + "/eu-ai-act.xml"
        let line = try #require(try String(contentsOfFile: shipped, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("<provision id=\"eu.ai-act.annex11\"") }) + 1
        return (shipped, line)
    }

    /// A later Annex XI decides whatever the order: it was hidden when given before an earlier one,
    /// and its line named the earlier file's date (QA verify11, N1).
    @Test(arguments: [false, true]) func aLaterAnnexDecidesInEitherOrder(laterFirst: Bool) throws {
        guard CorpusFile.available(Self.annexXI) else { return }
        let later = try alteredAnnex(date: "20260101")
        let (shipped, line) = try shippedLine()
        let result = try CLI.run(["cite-check", "--official"] + (laterFirst ? [later, Self.annexXI] : [Self.annexXI, later]))
        let lines = laterFirst
            ? ["\(later): annexes of act 2024/1689 of 2026-01-01: covers 1 shipped provision, decides 1",
               "\(Self.annexXI): annexes of act 2024/1689 of 2024-06-13, with the act its package lists, published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication): covers 1 shipped provision, decides 0"]
            : ["\(Self.annexXI): annexes of act 2024/1689 of 2024-06-13, with the act its package lists, published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication): covers 1 shipped provision, decides 0",
               "\(later): annexes of act 2024/1689 of 2026-01-01: covers 1 shipped provision, decides 1"]
        #expect(result.stdout == """
            \(shipped):\(line): error: eu.ai-act.annex11 (Annex XI): wording differs from \(later) (text as of 2026-01-01) at 'ANNEX XI'
                … model and training process, including training [-methodologies-] {+methods+} and techniques, the key design choices …
            \(lines[0])
            \(lines[1])
            1 provision checked against 1 official file: 0 pass, 1 drifted, 0 missing; 90 not covered by the texts given

            """)
        #expect(result.status == 1)
    }

    /// Two Annex XIs of one date that disagree are a finding in either order, the package's included
    /// (the package's annex was replaced by a separate one given after it).
    @Test(arguments: [false, true]) func sameDateAnnexesThatDisagreeAreAFinding(packageFirst: Bool) throws {
        guard CorpusFile.available(Self.folder + "/L_202401689EN.doc.fmx.xml") else { return }
        let altered = try alteredAnnex(date: "20240613")
        let package = Self.folder + "/L_202401689EN.doc.fmx.xml"
        let result = try CLI.run(["cite-check", "--official"] + (packageFirst ? [package, altered] : [altered, package]))
        let (shipped, line) = try shippedLine()
        // Texts of one date are listed by path, whatever the order given; where the test's folder
        // sorts depends on the machine (CI's checkout sorts before /tmp, a developer's after it).
        let texts = [(altered, "differs (… model and training process, including training [-methodologies-] {+methods+} and techniques, the key design choices …)"),
                     (Self.annexXI, "passes")].sorted { $0.0 < $1.0 }.map { "\($0.0) (text as of 2024-08-01): \($0.1)" }
        #expect(result.stdout.hasPrefix("""
            \(shipped):\(line): error: eu.ai-act.annex11 (Annex XI): the official texts given disagree at 'ANNEX XI': \(texts[0]); \(texts[1]); which of them is in force cannot be told from texts of one date

            """), "\(result.stdout)")
        #expect(result.stdout.contains("\(altered): annexes of act 2024/1689 of 2024-06-13, with the act given, published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication): covers 1 shipped provision, decides 1\n"))
        #expect(result.status == 1)
    }

    /// Annex I holds no provision ecca ships: its line says so, and it is not counted among the files
    /// checked against (QA verify11, N8: "checked against 2 official files", "decides 1").
    @Test func anAnnexThatDecidesNothingIsNotCounted() throws {
        guard CorpusFile.available(Self.annexI) else { return }
        let result = try CLI.run(["cite-check", "--official", Self.annexI, Self.annexXI])
        #expect(result.stdout == """
            \(Self.annexI): annexes of act 2024/1689 of 2024-06-13, with the act its package lists, published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication): covers no shipped provision (no shipped provision cites these annexes of a shipped act)
            \(Self.annexXI): annexes of act 2024/1689 of 2024-06-13, with the act its package lists, published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication): covers 1 shipped provision, decides 1
            1 provision checked against 1 official file: 1 pass, 0 drifted, 0 missing; 90 not covered by the texts given

            """)
        #expect(result.status == 0)
    }

    /// An annex file the package given lists is read there, once, and not counted as a file of its own.
    @Test func anAnnexThePackageListsIsReadThere() throws {
        guard CorpusFile.available(Self.folder + "/L_202401689EN.doc.fmx.xml") else { return }
        let package = Self.folder + "/L_202401689EN.doc.fmx.xml"
        let result = try CLI.run(["cite-check", "--official", Self.annexXI, package])
        #expect(result.stdout.hasPrefix("""
            \(Self.annexXI): an annex that \(package) lists, read and counted there
            \(package): Regulation (EU) 2024/1689, Official Journal text published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication): covers 57 shipped provisions, decides 57
            57 provisions checked against 1 official file: 57 pass, 0 drifted, 0 missing;
            """), "\(result.stdout)")
        #expect(result.status == 0)
    }
}
