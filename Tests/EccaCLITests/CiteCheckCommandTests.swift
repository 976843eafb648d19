import Foundation
import Testing

/// `ecca cite-check`: the shipped EU provisions against the real AI Act Formex, and against a
/// copy with one altered word and one removed provision.
@Suite struct CiteCheckCommandTests {
    static let act = CLI.root.appendingPathComponent("../shared/corpora/official-xml/formex-ai-act-2024-1689/L_202401689EN.000101.fmx.xml")
        .standardizedFileURL.path

    @Test func theShippedEUProvisionsPassAgainstTheOfficialJournal() throws {
        guard FileManager.default.fileExists(atPath: Self.act) else {
            print("skipped: official Formex not found at \(Self.act)")
            return
        }
        let result = try CLI.run(["cite-check", "--official", Self.act])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.range(of: #"^\d+ provisions checked against 1 official file: (\d+) pass, 0 drifted, 0 missing"#, options: .regularExpression) != nil, "\(result.stdout)")
    }

    @Test func anAlteredWordAndARemovedProvisionExitOne() throws {
        guard FileManager.default.fileExists(atPath: Self.act) else {
            print("skipped: official Formex not found at \(Self.act)")
            return
        }
        var text = try String(contentsOfFile: Self.act, encoding: .utf8)
        text = text.replacingOccurrences(of: "including source code.</ALINEA>", with: "including object code.</ALINEA>")
        let start = try #require(text.range(of: "<PARAG IDENTIFIER=\"092.005\">"))
        let end = try #require(text.range(of: "</PARAG>", range: start.upperBound..<text.endIndex))
        text.removeSubrange(start.lowerBound..<end.upperBound)
        let folder = try CLI.folder(["L_202401689EN.000101.fmx.xml": text])
        let copy = folder.appendingPathComponent("L_202401689EN.000101.fmx.xml").path

        let result = try CLI.run(["cite-check", "--official", copy])
        #expect(result.status == 1)
        #expect(result.stdout.contains("eu.ai-act.art92.3 (Art. 92(3)): wording differs from \(copy) at '092.003'"))
        #expect(result.stdout.contains("including [-source-] {+object+} code."))
        #expect(result.stdout.contains("eu.ai-act.art92.5 (Art. 92(5)): '092.005' does not exist in \(copy)"))
        #expect(result.stdout.contains("eu-ai-act.xml:"))
        #expect(result.stdout.contains(" drifted, 1 missing;"))
    }

    @Test func aMalformedOfficialFileExitsTwo() throws {
        let folder = try CLI.folder(["act.xml": "<ACT><ARTICLE IDENTIFIER=\"001\">"])
        let result = try CLI.run(["cite-check", "--official", folder.appendingPathComponent("act.xml").path])
        #expect(result.status == 2)
        #expect(result.stderr.range(of: #"act\.xml:1:\d+: error: "#, options: .regularExpression) != nil, "\(result.stderr)")
    }
}
