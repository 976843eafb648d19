import EccaTestSupport
import Foundation
import Testing

/// `ecca cite-check` with a rule whose one instruction names two sections: "Sections 999.5 and
/// 999.6 are amended by removing paragraph (b) in each." The removal is made in both: each
/// section's (b) is a finding against CFR texts printed before the rule, and § 999.7(b), which
/// the instruction does not name, passes. Read as § 999.5's alone (or not at all), § 999.6(b)
/// would pass, or both would be reported not read.
@Suite struct CiteCheckSeveralSectionsTests {
    static func rule(_ instruction: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <RULE>
        <PREAMB>
        <AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY>
        <CFR>15 CFR Part 999</CFR>
        <SUBJECT>Two sections amended at once (test rule)</SUBJECT>
        <ACT><HD SOURCE="HED">ACTION:</HD><P>Final rule.</P></ACT>
        <DATES><HD SOURCE="HED">DATES:</HD><P>This rule is effective December 2, 2024.</P></DATES>
        </PREAMB>
        <SUPLINF>
        <REGTEXT TITLE="15" PART="999">
        <AMDPAR>\(instruction)</AMDPAR>
        </REGTEXT>
        </SUPLINF>
        <FRDOC>[FR Doc. 2026-99997 Filed 11-1-24; 8:45 am]</FRDOC>
        </RULE>
        """
    }

    /// One section as the eCFR printed it on June 3, 2024, before the rule.
    static func cfr(_ section: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="\(section)" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2024-06-03/title-15/section-\(section)&quot;,&quot;citation&quot;:&quot;15 CFR \(section)&quot;}">
        <HEAD>§ \(section) Development.</HEAD>
        <P>(a) Eligible activities are those the plan lists.</P>
        <P>(b) Other development is eligible as the plan sets out.</P>
        </DIV8>
        """
    }

    static let shipped = Part999Encoding.rules([
        ("999.5(b)", "(b) Other development is eligible as the plan sets out."),
        ("999.6(b)", "(b) Other development is eligible as the plan sets out."),
        ("999.7(b)", "(b) Other development is eligible as the plan sets out."),
    ])

    @Test func aRemovalInTwoSectionsIsAFindingInEach() throws {
        let instruction = "5. Sections 999.5 and 999.6 are amended by removing paragraph (b) in each."
        let folder = try CLI.folder(["rule.xml": Self.rule(instruction), "cfr5.xml": Self.cfr("999.5"), "cfr6.xml": Self.cfr("999.6"),
                                     "cfr7.xml": Self.cfr("999.7"), "regs/t15.xml": Self.shipped])
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let (rule, rules) = (path("rule.xml"), path("regs/t15.xml"))
        let (cfr5, cfr6, cfr7) = (path("cfr5.xml"), path("cfr6.xml"), path("cfr7.xml"))
        let result = try CLI.run(["cite-check", "--as-of", "2025-06-01", "--official", cfr5, cfr6, cfr7, rule,
                                  "--regulations", path("regs"), "--list-passed"])
        #expect(result.stdout == """
            \(rules):6: error: qa.t15.999.5.b (15 CFR 999.5(b)): removed by FR Doc. 2026-99997 (\(rule)): amendatory instruction 5: remove § 999.5(b), § 999.6(b); not checked against the new wording: give the CFR text as amended
            \(rules):9: error: qa.t15.999.6.b (15 CFR 999.6(b)): removed by FR Doc. 2026-99997 (\(rule)): amendatory instruction 5: remove § 999.5(b), § 999.6(b); not checked against the new wording: give the CFR text as amended
            \(rules):12: note: qa.t15.999.7.b (15 CFR 999.7(b)): wording matches \(cfr7) at '999.7(b)'
            \(cfr5): 15 CFR 999.5 (eCFR), text as of 2024-06-03: covers 1 shipped provision, decides 1
            \(cfr6): 15 CFR 999.6 (eCFR), text as of 2024-06-03: covers 1 shipped provision, decides 1
            \(cfr7): 15 CFR 999.7 (eCFR), text as of 2024-06-03: covers 1 shipped provision, decides 1
            \(rule): Federal Register rule FR Doc. 2026-99997 (“Two sections amended at once (test rule)”; 15 CFR Part 999), undated, effective 2024-12-02; amends 15 CFR part 999 (2 instructions): covers 2 shipped provisions, decides 2
            3 provisions checked against 4 official files: 1 pass, 0 drifted, 0 missing, 2 changed by amending texts; 0 not covered by the texts given

            """, "\(result.stdout)")
        #expect(result.stderr == "")
        #expect(result.status == 1)
    }

    /// A step that names one of the sections may be that section's or both: the import warns at
    /// the instruction quoting it, and cite-check reports the instruction not read rather than
    /// attach the removal to § 999.5 alone.
    @Test func aStepNamingOneOfTheSectionsIsReportedNotRead() throws {
        let instruction = "5. Sections 999.5 and 999.6 are amended by removing paragraph (b) of § 999.5."
        let folder = try CLI.folder(["rule.xml": Self.rule(instruction), "regs/t15.xml": Self.shipped])
        let (rule, rules) = (folder.appendingPathComponent("rule.xml").path, folder.appendingPathComponent("regs").path)
        let imported = try CLI.run(["import", rule, "-o", folder.appendingPathComponent("out.xml").path])
        #expect(imported.status == 0)
        #expect(imported.stderr == """
            \(rule):12: warning: amendment 5 not understood (could not read: “removing paragraph (b) of § 999.5”): “\(instruction)” [amd_5]

            """, "\(imported.stderr)")
        let checked = try CLI.run(["cite-check", "--as-of", "2025-06-01", "--official", rule, "--regulations", rules])
        #expect(checked.stdout == """
            \(rule): error: FR Doc. 2026-99997, amendatory instruction 5: what it changes in 15 CFR part 999 was not read (“\(instruction)”): the shipped provisions it may change are not known; give the CFR text as amended
            \(rule): Federal Register rule FR Doc. 2026-99997 (“Two sections amended at once (test rule)”; 15 CFR Part 999), undated, effective 2024-12-02; amends 15 CFR part 999 (1 instruction): covers no shipped provision it could read (see its errors)
            0 provisions checked against 1 official file: 0 pass, 0 drifted, 0 missing, 1 amending instruction not read; 3 not covered by the texts given

            """, "\(checked.stdout)")
        #expect(checked.status == 1)
    }
}
