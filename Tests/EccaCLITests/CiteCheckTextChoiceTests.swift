import EccaTestSupport
import Foundation
import Testing

/// `ecca cite-check`: texts that cannot be ranked and rules that rewrite a paraphrase are never a
/// quiet pass (QA verify11, N2 and N3).
@Suite struct CiteCheckTextChoiceTests {
    /// A Federal Register rule of one REGTEXT, in the shape of QA's /tmp/qa/verify11/fr/gen.py
    /// (the preamble of /tmp/qa/citecheck6/fr/fr-remove.xml, itself in the shape of the BIS rule
    /// 2025-00636): `instruction` and the printed `section`.
    static func rule(part: String, instruction: String, section: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <RULE>
        <PREAMB>
        <AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY>
        <SUBAGY>Bureau of Industry and Security</SUBAGY>
        <CFR>15 CFR Parts 734 and 744</CFR>
        <SUBJECT>Revisions to Definitions of Export and Release (QA test rule)</SUBJECT>
        <ACT><HD SOURCE="HED">ACTION:</HD><P>Interim final rule; request for comments.</P></ACT>
        </PREAMB>
        <SUPLINF>
        <REGTEXT TITLE="15" PART="\(part)">
        <AMDPAR>\(instruction)</AMDPAR>
        \(section)
        </REGTEXT>
        </SUPLINF>
        <FRDOC>[FR Doc. 2026-99998 Filed 9-1-26; 8:45 am]</FRDOC>
        </RULE>
        """
    }

    /// N2: a rule that revises § 744.22 (a paraphrase) and prints its new text decided it, so it was a
    /// pass ("found"): what the rule did to it is a finding, because its wording was never compared.
    @Test func aRuleThatRewritesAParaphraseIsAFindingThoughItPrintsTheText() throws {
        let folder = try CLI.folder(["rule.xml": Self.rule(part: "744", instruction: "1. Revise § 744.22 to read as follows:",
                                                           section: "<SECTION><SECTNO>§ 744.22</SECTNO><SUBJECT>Restrictions.</SUBJECT><P>(a) No restriction applies.</P></SECTION>")])
        let rule = folder.appendingPathComponent("rule.xml").path
        let result = try CLI.run(["cite-check", "--official", rule])
        #expect(result.stdout == """
            \(try CiteCheckAmendmentTests.line("us.ear.744.22", in: "us-ear.xml")): error: us.ear.744.22 (15 CFR 744.22): revised by FR Doc. 2026-99998 (\(rule)): amendatory instruction 1: revise § 744.22; the rule prints the new text, but a paraphrase cannot be compared with it: re-read the provision against it
            \(rule): Federal Register rule FR Doc. 2026-99998 (“Revisions to Definitions of Export and Release (QA test rule)”; 15 CFR Parts 734 and 744), undated; amends 15 CFR part 744 (1 instruction): covers 1 shipped provision, decides 1
            1 provision checked against 1 official file: 0 pass, 0 drifted, 0 missing, 1 changed by amending texts; \(try CiteCheckAmendmentTests.notCovered(result.stdout)) not covered by the texts given

            """)
        #expect(result.status == 1)
    }

    /// N2: adding § 734.13(c) changes § 734.13, which ecca ships as a paraphrase: a finding. A
    /// verbatim provision the printed text decides is still compared (here § 734.13(b), printed as it is).
    @Test func aRuleThatAddsToAParaphrasedSectionIsAFinding() throws {
        let folder = try CLI.folder(["rule.xml": Self.rule(part: "734", instruction: "1. Amend § 734.13 by adding paragraph (c) to read as follows:",
                                                           section: "<SECTION><SECTNO>§ 734.13</SECTNO><SUBJECT>Export.</SUBJECT><STARS/><P>(c) Any new thing.</P></SECTION>")])
        let rule = folder.appendingPathComponent("rule.xml").path
        let result = try CLI.run(["cite-check", "--official", rule])
        #expect(result.stdout == """
            \(try CiteCheckAmendmentTests.line("us.ear.734.13", in: "us-ear.xml")): error: us.ear.734.13 (15 CFR 734.13): changed by FR Doc. 2026-99998 (\(rule)): amendatory instruction 1: add § 734.13(c); the rule prints the new text, but a paraphrase cannot be compared with it: re-read the provision against it
            \(rule): Federal Register rule FR Doc. 2026-99998 (“Revisions to Definitions of Export and Release (QA test rule)”; 15 CFR Parts 734 and 744), undated; amends 15 CFR part 734 (1 instruction): covers 1 shipped provision, decides 1
            1 provision checked against 1 official file: 0 pass, 0 drifted, 0 missing, 1 changed by amending texts; \(try CiteCheckAmendmentTests.notCovered(result.stdout)) not covered by the texts given

            """)
        #expect(result.status == 1)
    }

    /// N3: an undated text (a versioner response that kept `_SUBSTITUTE_DATE_`) that says something
    /// else than an older dated one is a disagreement, in either order; it was set aside unseen.
    @Test func anUndatedTextThatDiffersIsAFinding() throws {
        let folder = try CLI.folder(["old.xml": CiteCheckAmendmentTests.section734_13(date: "2024-01-01"),
                                     "new.xml": CiteCheckAmendmentTests.section734_13(date: "_SUBSTITUTE_DATE_", a2: "in the United States or abroad")])
        let old = folder.appendingPathComponent("old.xml").path, new = folder.appendingPathComponent("new.xml").path
        let shipped = try CiteCheckAmendmentTests.line("us.ear.734.13.a.2", in: "us-ear.xml")
        for order in [[old, new], [new, old]] {
            let result = try CLI.run(["cite-check", "--official"] + order)
            let lines = [old: "\(old): 15 CFR 734.13 (eCFR), text as of 2024-01-01: covers 4 shipped provisions, decides 4",
                         new: "\(new): 15 CFR 734.13 (eCFR), undated: covers 4 shipped provisions, decides 1"]
            #expect(result.stdout == """
                \(shipped): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): the official texts given disagree at '734.13(a)(2)': \
                \(old) (text as of 2024-01-01): passes; \(new) (undated): differs (… foreign person in the United States {+or abroad+} (a "deemed export") …); \
                an undated text cannot be placed before or after a dated one: which of them is in force cannot be told
                \(lines[order[0]]!)
                \(lines[order[1]]!)
                4 provisions checked against 2 official files: 3 pass (1 of them a quotation in part: words left out not compared; 1 of them a paraphrase: found, wording not compared), 0 drifted, 0 missing, 1 where the texts disagree; \(try CiteCheckAmendmentTests.notCovered(result.stdout)) not covered by the texts given

                """)
            #expect(result.status == 1)
        }
    }

    /// N3: an undated text that agrees with the dated one is weighed and agrees: the dated one decides.
    @Test func anUndatedTextThatAgreesLeavesTheDatedOneDeciding() throws {
        let folder = try CLI.folder(["old.xml": CiteCheckAmendmentTests.section734_13(date: "2024-01-01"),
                                     "new.xml": CiteCheckAmendmentTests.section734_13(date: "_SUBSTITUTE_DATE_")])
        let old = folder.appendingPathComponent("old.xml").path, new = folder.appendingPathComponent("new.xml").path
        let result = try CLI.run(["cite-check", "--official", new, old])
        #expect(result.stdout == """
            \(new): 15 CFR 734.13 (eCFR), undated: covers 4 shipped provisions, decides 0
            \(old): 15 CFR 734.13 (eCFR), text as of 2024-01-01: covers 4 shipped provisions, decides 4
            4 provisions checked against 1 official file: 4 pass (2 of them quoted in part: words left out not compared; 1 of them a paraphrase: found, wording not compared), 0 drifted, 0 missing; \(try CiteCheckAmendmentTests.notCovered(result.stdout)) not covered by the texts given

            """)
        #expect(result.status == 0)
    }
}
