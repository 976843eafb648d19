import EccaTestSupport
import Foundation
import Testing

/// `ecca import` then `ecca cite-check` of the real AI Act package, as a legal team bootstrapping an
/// encoding of annex points does (importer audit D5, its repro d5-annex-points.sh): the import's annex
/// groups and points are checked against the package they came from, and a changed word in Annex XI,
/// Section 1, point 1(a) is a finding on that point, also in an encoding without the whole annex.
@Suite struct CiteCheckAnnexPointTests {
    static let folder = CLI.root.appendingPathComponent("../shared/corpora/official-xml/formex-ai-act-2024-1689").standardizedFileURL.path
    static let manifest = folder + "/L_202401689EN.doc.fmx.xml"

    /// A regulations folder (schema and all) with the import of the package in it, and its file.
    static func imported() throws -> (regulations: String, rules: String) {
        let regulations = try CLI.folder(["schema/rules.rng": try String(contentsOfFile: CLI.regulations + "/schema/rules.rng", encoding: .utf8)])
        let rules = regulations.appendingPathComponent("aiact.rules.xml").path
        let result = try CLI.run(["import", manifest, "-o", rules])
        #expect(result.status == 0, "\(result.stderr)")
        return (regulations.path, rules)
    }

    /// The package with Annex XI's point 1(a) saying "designed" for "intended", in a folder of its own.
    static func changedPackage() throws -> String {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        let annexXI = "L_202401689EN.014101.fmx.xml"
        let changed = try #require(files[annexXI]).replacingOccurrences(of: "the tasks that the model is intended to perform",
                                                                       with: "the tasks that the model is designed to perform")
        #expect(changed != files[annexXI])
        files[annexXI] = changed
        return try CLI.folder(files).appendingPathComponent("L_202401689EN.doc.fmx.xml").path
    }

    @Test func theImportsAnnexPointsPassAgainstTheirOwnPackage() throws {
        guard CorpusFile.available(Self.manifest) else { return }
        let (regulations, _) = try Self.imported()
        let result = try CLI.run(["cite-check", "--official", Self.manifest, "--regulations", regulations])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // Was "1205 pass …; 224 not covered": the annexes' groups and points had no locator; then
        // "1413 pass …; 16 not covered": Annex II's 16 indents had none.
        #expect(result.stdout.hasSuffix("1429 provisions checked against 1 official file: 1429 pass (15 of them quoted in part: words left out not compared), 0 drifted, 0 missing; 0 not covered by the texts given\n"),
                "\(result.stdout)")
    }

    /// The changed point drifts with its word diff, as the annex, its section and point 1 that hold it
    /// do; without the whole-annex provision the point alone still fails the check.
    @Test func aChangedAnnexPointDriftsAlsoWithoutTheWholeAnnex() throws {
        guard CorpusFile.available(Self.manifest) else { return }
        let (regulations, rules) = try Self.imported()
        let package = try Self.changedPackage()
        let annexXI = (package as NSString).deletingLastPathComponent + "/L_202401689EN.014101.fmx.xml"
        let result = try CLI.run(["cite-check", "--official", package, "--regulations", regulations])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let point = try #require(lines.firstIndex { $0.contains("eu.reg-2024-1689.anx-XI.sec1.1.a ") })
        #expect(lines[point].hasSuffix(": error: eu.reg-2024-1689.anx-XI.sec1.1.a (Annex XI, Section 1, point 1(a)): wording differs from \(annexXI) (text as of 2024-08-01) at 'ANNEX XI, Section 1, point 1(a)'"))
        #expect(lines[point + 1] == "    (a) the tasks that the model is [-intended-] {+designed+} to perform and the type and …")
        #expect(lines.filter { $0.contains(": error: ") }.map { $0.components(separatedBy: ": error: ")[1].prefix { $0 != " " } }
            == ["eu.reg-2024-1689.anx-XI", "eu.reg-2024-1689.anx-XI.sec1", "eu.reg-2024-1689.anx-XI.sec1.1", "eu.reg-2024-1689.anx-XI.sec1.1.a"])

        // The points without the whole annex: the finding on the point fails the check alone.
        let text = try String(contentsOfFile: rules, encoding: .utf8)
        let start = try #require(text.range(of: "<provision id=\"eu.reg-2024-1689.anx-XI\" "))
        let end = try #require(text.range(of: "</provision>", range: start.upperBound..<text.endIndex))
        try (text[..<start.lowerBound] + text[end.upperBound...]).write(toFile: rules, atomically: true, encoding: .utf8)
        let pointsOnly = try CLI.run(["cite-check", "--official", package, "--regulations", regulations])
        #expect(pointsOnly.status == 1, "\(pointsOnly.stdout)\(pointsOnly.stderr)")
        #expect(pointsOnly.stdout.hasSuffix("1428 provisions checked against 1 official file: 1425 pass (15 of them quoted in part: words left out not compared), 3 drifted, 0 missing; 0 not covered by the texts given\n"),
                "\(pointsOnly.stdout)")
    }
}
