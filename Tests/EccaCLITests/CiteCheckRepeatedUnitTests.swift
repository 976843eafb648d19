import EccaTestSupport
import Foundation
import Testing

/// `ecca cite-check`: a unit one official text prints twice, with different wordings, is a finding
/// whichever copy comes first (QA verify11, N4: only the first copy was checked, so a changed
/// second copy passed). The section is 15 CFR 734.13 in the versioner shape, its words as
/// lexbuild.dev's eCFR copy prints them, with paragraph (b) printed twice (hand-made).
@Suite struct CiteCheckRepeatedUnitTests {
    static func section(_ paragraphs: String) -> String {
        """
        <DIV8 N="734.13" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;15 CFR 734.13&quot;}">
        <HEAD>§ 734.13 Export.</HEAD>
        <P>(a) Except as set forth in § 734.17 or § 734.18, <I>Export</I> means:</P>
        <P>(1) An actual shipment or transmission out of the United States, including the sending or taking of an item out of the United States, in any manner;</P>
        <P>(2) Releasing or otherwise transferring “technology” or source code (but not object code) to a foreign person in the United States (a “deemed export”);</P>
        \(paragraphs)
        </DIV8>
        """
    }

    static let official = "<P>(b) Any release in the United States of “technology” or source code to a foreign person is a deemed export to the foreign person's most recent country of citizenship or permanent residency.</P>"
    static let changed = "<P>(b) Any release in the United States of “technology” or source code to a foreign person is not an export to the foreign person's most recent country of citizenship or permanent residency.</P>"

    @Test(arguments: [false, true]) func copiesThatDifferAreAFindingInEitherOrder(changedFirst: Bool) throws {
        let paragraphs = changedFirst ? Self.changed + "\n" + Self.official : Self.official + "\n" + Self.changed
        let folder = try CLI.folder(["v-734.13.xml": Self.section(paragraphs)])
        let file = folder.appendingPathComponent("v-734.13.xml").path
        let result = try CLI.run(["cite-check", "--official", file])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let lines = changedFirst ? ["copy 1 (line 6): differs", "copy 2 (line 7): passes"] : ["copy 1 (line 6): passes", "copy 2 (line 7): differs"]
        #expect(result.stdout.contains("us.ear.734.13.b (15 CFR 734.13(b)): \(file) prints '734.13(b)' more than once, and the copies differ: \(lines[0])"),
                "\(result.stdout)")
        #expect(result.stdout.contains("; \(lines[1])"), "\(result.stdout)")
        #expect(result.stdout.contains("[-a deemed-] {+not an+} export"), "\(result.stdout)")
    }

    /// Copies that say the same are one text: nothing to report.
    @Test func copiesThatAgreeAreOne() throws {
        let folder = try CLI.folder(["v-734.13.xml": Self.section(Self.official + "\n" + Self.official)])
        let result = try CLI.run(["cite-check", "--official", folder.appendingPathComponent("v-734.13.xml").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    /// The real AI Act with Art. 92 printed a second time, its paragraph 3 saying "object code"
    /// (QA verify11's dup92): the article's copies differ, in either order.
    @Test(arguments: [false, true]) func aFormexArticlePrintedTwiceIsCheckedInBothCopies(changedFirst: Bool) throws {
        guard CorpusFile.available(CiteCheckCommandTests.act) else { return }
        var text = try String(contentsOfFile: CiteCheckCommandTests.act, encoding: .utf8)
        let start = try #require(text.range(of: "<ARTICLE IDENTIFIER=\"092\">"))
        let end = try #require(text.range(of: "</ARTICLE>", range: start.upperBound..<text.endIndex))
        let article = String(text[start.lowerBound..<end.upperBound])
        let changed = article.replacingOccurrences(of: "including source code.</ALINEA>", with: "including object code.</ALINEA>")
        #expect(changed != article)
        text.replaceSubrange(start.lowerBound..<end.upperBound, with: changedFirst ? changed + article : article + changed)
        let folder = try CLI.folder(["L_202401689EN.000101.fmx.xml": text])
        let copy = folder.appendingPathComponent("L_202401689EN.000101.fmx.xml").path
        let result = try CLI.run(["cite-check", "--official", copy])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let says = changedFirst ? ("differs (", "); copy 2 (line 1): passes") : ("passes; copy 2 (line 1): differs (", "[-source-] {+object+} code.)")
        #expect(result.stdout.contains("eu.ai-act.art92.3 (Art. 92(3)): \(copy) (text as of 2024-06-13) prints '092.003' more than once, and the copies differ: copy 1 (line 1): \(says.0)"),
                "\(result.stdout)")
        #expect(result.stdout.contains(says.1), "\(result.stdout)")
        // Without its manifest beside it, the act's Annex XI is not covered: 56 provisions checked.
        #expect(result.stdout.contains("56 provisions checked against 1 official file: 54 pass, 0 drifted, 0 missing, 2 where the texts disagree;"), "\(result.stdout)")
    }

    /// A paragraph or a point printed twice inside its article (QA verify11: only the first copy
    /// was read, so a changed second copy passed): the real AI Act with Art. 92(3), or Art. 101(1)(d),
    /// given a second copy beside the first that says "object code" / "model and general-purpose".
    @Test(arguments: [
        ("<PARAG IDENTIFIER=\"092.003\">", "</PARAG>", "including source code.</ALINEA>", "including object code.</ALINEA>",
         "eu.ai-act.art92.3 (Art. 92(3))", "'092.003'", "[-source-] {+object+} code."),
        ("<ITEM><NP><NO.P>(d)</NO.P><TXT>failed to make available to the Commission access",
         "</ITEM>", "general-purpose AI model or general-purpose", "general-purpose AI model and general-purpose",
         "eu.ai-act.art101.1.d (Art. 101(1)(d))", "'101.001(d)'", "model [-or-] {+and+} general-purpose"),
    ]) func aUnitPrintedTwiceInsideItsArticleIsCheckedInBothCopies(
        start: String, end: String, from: String, to: String, provision: String, locator: String, diff: String) throws {
        guard CorpusFile.available(CiteCheckCommandTests.act) else { return }
        var text = try String(contentsOfFile: CiteCheckCommandTests.act, encoding: .utf8)
        let first = try #require(text.range(of: start))
        let last = try #require(text.range(of: end, range: first.upperBound..<text.endIndex))
        let unit = String(text[first.lowerBound..<last.upperBound])
        let changed = unit.replacingOccurrences(of: from, with: to)
        #expect(changed != unit)
        text.insert(contentsOf: changed, at: last.upperBound)
        let folder = try CLI.folder(["L_202401689EN.000101.fmx.xml": text])
        let copy = folder.appendingPathComponent("L_202401689EN.000101.fmx.xml").path
        let result = try CLI.run(["cite-check", "--official", copy])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\(provision): \(copy) (text as of 2024-06-13) prints \(locator) more than once, and the copies differ: copy 1 (line 1): passes; copy 2 (line 1): differs ("),
                "\(result.stdout)")
        #expect(result.stdout.contains(diff), "\(result.stdout)")
    }
}
