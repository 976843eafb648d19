import EccaTestSupport
import Foundation
import Testing

/// Text a Federal Register rule sets out only in part (importer audit, finding 3): a heading then
/// `* * *`, paragraphs left out between a lead-in and (c) (`<STARS/>`), a section whose heading alone
/// is revised. Only the words set out are compared with the shipped wording: shipped text the rule
/// elides is never reported as deleted, and a pass says what it did not compare.
@Suite struct CiteCheckSetOutInPartTests {
    static let rule = """
            <?xml version="1.0" encoding="UTF-8"?>
            <RULE>
            <PREAMB>
            <AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY>
            <CFR>15 CFR Part 999</CFR>
            <SUBJECT>Partly set-out text (test rule)</SUBJECT>
            <ACT><HD SOURCE="HED">ACTION:</HD><P>Final rule.</P></ACT>
            </PREAMB>
            <SUPLINF>
            <REGTEXT TITLE="15" PART="999">
            <AMDPAR>1. In § 999.1, revise the introductory text and paragraph (c) to read as follows:</AMDPAR>
            <SECTION><SECTNO>§ 999.1</SECTNO><SUBJECT>Plans.</SUBJECT>
            <P>The lead-in reads as follows:</P>
            <STARS/>
            <P>(c) New gamma.</P>
            </SECTION>
            </REGTEXT>
            <REGTEXT TITLE="15" PART="999">
            <AMDPAR>2. In § 999.2, add a heading to paragraph (d) to read as follows:</AMDPAR>
            <SECTION><SECTNO>§ 999.2</SECTNO><SUBJECT>Records.</SUBJECT>
            <STARS/>
            <P>(d) <E T="03">Failure to maintain records.</E> * * *</P>
            </SECTION>
            </REGTEXT>
            <REGTEXT TITLE="15" PART="999">
            <AMDPAR>3. In § 999.3, revise the section heading to read as follows:</AMDPAR>
            <SECTION><SECTNO>§ 999.3</SECTNO><SUBJECT>Reviews and audits.</SUBJECT>
            </SECTION>
            </REGTEXT>
            </SUPLINF>
            <FRDOC>[FR Doc. 2026-99997 Filed 9-1-26; 8:45 am]</FRDOC>
            </RULE>
            """

    static let shipped = Part999Encoding.rules([
        ("999.1", "The lead-in reads as follows: (a) Alpha. (b) Beta. (c) New gamma."),
        ("999.2(d)", "(d) If the records are not kept, action may be taken."),
        ("999.3", "(a) Something."),
    ])

    @Test func onlyTheWordsSetOutAreCompared() throws {
        let folder = try CLI.folder(["rule.xml": Self.rule, "regs/t15.xml": Self.shipped])
        let rule = folder.appendingPathComponent("rule.xml").path
        let rules = folder.appendingPathComponent("regs/t15.xml").path
        let result = try CLI.run(["cite-check", "--official", rule, "--regulations", folder.appendingPathComponent("regs").path, "--list-passed"])
        #expect(result.stdout == """
            \(rules):9: error: qa.t15.999.2.d (15 CFR 999.2(d)): wording differs from \(rule) at '999.2(d)'; the rule sets it out only in part (* * *): the words it sets out are not all in the shipped wording
                (d) {+Failure to maintain records.+} [-If the records are not kept,-] …
            \(rules):6: note: qa.t15.999.1 (15 CFR 999.1): set out only in part in \(rule) at '999.1': the words it sets out match; the text it leaves out (* * *) was not compared
            \(rules):12: note: qa.t15.999.3 (15 CFR 999.3): set out only in part in \(rule) at '999.3': the rule prints its heading alone, so none of its wording was compared
            \(rule): Federal Register rule FR Doc. 2026-99997 (“Partly set-out text (test rule)”; 15 CFR Part 999), undated; amends 15 CFR part 999 (2 instructions): covers 3 shipped provisions, decides 3
            3 provisions checked against 1 official file: 2 pass (all set out only in part: the rest not compared), 1 drifted, 0 missing; 0 not covered by the texts given

            """, "\(result.stdout)")
        #expect(result.status == 1)
    }

    /// The import marks each wording set out in part, with a note, and writes `<STARS/>` as the
    /// `* * *` it prints, so that a lead-in never runs into the (c) after it.
    @Test func theImportMarksWhatIsSetOutInPart() throws {
        let folder = try CLI.folder(["rule.xml": Self.rule])
        let out = folder.appendingPathComponent("out.rules.xml").path
        let result = try CLI.run(["import", folder.appendingPathComponent("rule.xml").path, "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        let partial = "<note kind=\"editorial\">Set out only in part: the rule prints this provision with text left out (* * *), so this wording is not its full text; cite-check compares only the words set out.</note>"
        #expect(written.contains("<wording>The lead-in reads as follows: * * * (c) New gamma.</wording>"), "\(written)")
        #expect(written.contains("<wording>(c) New gamma.</wording>"), "\(written)")
        #expect(written.contains("<wording>(d) Failure to maintain records. * * *</wording>"), "\(written)")
        #expect(written.components(separatedBy: partial).count - 1 == 3, "\(written)")
        #expect(written.contains("<note kind=\"editorial\">Set out only in part: the rule prints only this section's heading, so its wording here is the heading, not the section's text; cite-check compares none of it.</note>"), "\(written)")
    }
}
