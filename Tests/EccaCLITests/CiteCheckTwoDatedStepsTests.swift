import EccaTestSupport
import Foundation
import Testing

/// `ecca cite-check` with a rule whose instruction dates each of its two steps: the revision of
/// (a)(9) takes effect on January 1, 2025, the removal of (b) on March 1, 2025 (the rule itself on
/// December 2, 2024). A CFR text of February 3, 2025 holds the revision and still holds (b): on
/// June 1, 2025 (a)(9) passes, and (b) is a finding, removed after the text's date. Read with the
/// dates on the wrong steps, or the removal's on the whole instruction, (a)(9) would be flagged.
@Suite struct CiteCheckTwoDatedStepsTests {
    static func rule(_ instructions: String) -> String {
        StepTimingFixture.rule(subject: "Two steps dated apart (test rule)", effective: "December 2, 2024", document: 99996, filed: "11-1-24",
                               instructions: instructions)
    }
    static let cfr = StepTimingFixture.cfr(on: "2025-02-03")
    static let shipped = StepTimingFixture.shipped

    func check(_ instructions: String) throws -> (result: CLI.Result, rule: String, cfr: String, rules: String) {
        let folder = try CLI.folder(["rule.xml": Self.rule(instructions), "cfr.xml": Self.cfr, "regs/t15.xml": Self.shipped])
        let rule = folder.appendingPathComponent("rule.xml").path, cfr = folder.appendingPathComponent("cfr.xml").path
        let result = try CLI.run(["cite-check", "--as-of", "2025-06-01", "--official", cfr, rule,
                                  "--regulations", folder.appendingPathComponent("regs").path, "--list-passed"])
        return (result, rule, cfr, folder.appendingPathComponent("regs/t15.xml").path)
    }

    /// The wordings of one instruction that date each step unambiguously.
    @Test(arguments: [
        "5. Section 999.5 is amended by revising paragraph (a)(9), effective January 1, 2025, and removing paragraph (b), effective March 1, 2025.",
        "5. Section 999.5 is amended by revising paragraph (a)(9), effective January 1, 2025; and by removing paragraph (b), effective March 1, 2025.",
        "5. Section 999.5 is amended by revising paragraph (a)(9) effective January 1, 2025, and by removing paragraph (b) effective March 1, 2025.",
        "5. In § 999.5, revise paragraph (a)(9), effective January 1, 2025, and remove paragraph (b), effective March 1, 2025.",
        "5. In § 999.5, paragraph (a)(9) is revised, effective January 1, 2025, and paragraph (b) is removed, effective March 1, 2025.",
    ]) func eachStepTakesEffectOnItsOwnDate(instruction: String) throws {
        let (result, rule, cfr, rules) = try check("<AMDPAR>\(instruction)</AMDPAR>")
        #expect(result.stdout == """
            \(rules):9: error: qa.t15.999.5.b (15 CFR 999.5(b)): removed by FR Doc. 2026-99996 (\(rule)): amendatory instruction 5: remove § 999.5(b) (effective March 1, 2025); not checked against the new wording: give the CFR text as amended
            \(rules):6: note: qa.t15.999.5.a.9 (15 CFR 999.5(a)(9)): wording matches \(cfr) at '999.5(a)(9)'
            \(cfr): 15 CFR 999.5 (eCFR), text as of 2025-02-03: covers 2 shipped provisions, decides 2
            \(rule): Federal Register rule FR Doc. 2026-99996 (“Two steps dated apart (test rule)”; 15 CFR Part 999), undated, effective 2024-12-02 (amendatory instruction 5, effective 2025-01-01; amendatory instruction 5, effective 2025-03-01); amends 15 CFR part 999 (2 instructions): covers 2 shipped provisions, decides 1
            2 provisions checked against 2 official files: 1 pass, 0 drifted, 0 missing, 1 changed by amending texts; 0 not covered by the texts given

            """, "\(result.stdout)")
        #expect(result.stderr == "")
        #expect(result.status == 1)
    }

    /// Closing three steps of which one has no date, the March date may be the addition's or the
    /// removal's too: the import warns at the instruction's line quoting it, and cite-check reports
    /// the instruction not read rather than date either step.
    @Test func aClosingDateThatCouldDateMoreThanOneStepIsReportedNotPicked() throws {
        let instruction = "5. In § 999.5, revise paragraph (a)(9), effective January 1, 2025, and remove paragraph (b) and add paragraph (c), effective March 1, 2025."
        let folder = try CLI.folder(["rule.xml": Self.rule("<AMDPAR>\(instruction)</AMDPAR>")])
        let rule = folder.appendingPathComponent("rule.xml").path
        let result = try CLI.run(["import", rule, "-o", folder.appendingPathComponent("out.xml").path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("""
            \(rule):12: warning: amendment 5 not understood (could not read: “effective March 1, 2025”): “\(instruction)” [amd_5]
            """), "\(result.stderr)")
        let (checked, checkedRule, cfr, rules) = try check("<AMDPAR>\(instruction)</AMDPAR>")
        #expect(checked.stdout == """
            \(rules):6: note: qa.t15.999.5.a.9 (15 CFR 999.5(a)(9)): wording matches \(cfr) at '999.5(a)(9)'
            \(rules):9: note: qa.t15.999.5.b (15 CFR 999.5(b)): wording matches \(cfr) at '999.5(b)'
            \(checkedRule): error: FR Doc. 2026-99996, amendatory instruction 5: what it changes in 15 CFR part 999 was not read (“\(instruction)”): the shipped provisions it may change are not known; give the CFR text as amended
            \(cfr): 15 CFR 999.5 (eCFR), text as of 2025-02-03: covers 2 shipped provisions, decides 2
            \(checkedRule): Federal Register rule FR Doc. 2026-99996 (“Two steps dated apart (test rule)”; 15 CFR Part 999), undated, effective 2024-12-02; amends 15 CFR part 999 (1 instruction): covers 1 shipped provision, decides 0
            2 provisions checked against 2 official files: 2 pass, 0 drifted, 0 missing, 1 amending instruction not read; 0 not covered by the texts given

            """, "\(checked.stdout)")
        #expect(checked.status == 1)
    }
}
