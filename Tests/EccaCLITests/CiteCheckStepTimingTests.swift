import EccaTestSupport
import Foundation
import Testing

/// `ecca cite-check` with a rule whose instruction dates one step apart (importer audit D1): "revise
/// paragraph (a)(9) and, effective March 1, 2025, remove paragraph (b)". The removal takes effect on
/// March 1, 2025, the revision with the rule (March 13, 2024). Read the other way round, a CFR text
/// of June 2024 that still holds (b) passed (b) on June 1, 2025, after its removal, and flagged (a)(9).
@Suite struct CiteCheckStepTimingTests {
    static let rule = StepTimingFixture.rule(
        subject: "Steps dated apart (test rule)", effective: "March 13, 2024", document: 99995, filed: "2-9-24",
        instructions: "<AMDPAR>5. In § 999.5, revise paragraph (a)(9) and, effective March 1, 2025, remove paragraph (b).</AMDPAR>")
    static let cfr = StepTimingFixture.cfr(on: "2024-06-03")
    static let shipped = StepTimingFixture.shipped

    @Test func theRemovalDatedApartIsAFindingAndTheRevisionPasses() throws {
        let folder = try CLI.folder(["rule.xml": Self.rule, "cfr.xml": Self.cfr, "regs/t15.xml": Self.shipped])
        let rule = folder.appendingPathComponent("rule.xml").path, cfr = folder.appendingPathComponent("cfr.xml").path
        let rules = folder.appendingPathComponent("regs/t15.xml").path
        let result = try CLI.run(["cite-check", "--as-of", "2025-06-01", "--official", cfr, rule,
                                  "--regulations", folder.appendingPathComponent("regs").path, "--list-passed"])
        #expect(result.stdout == """
            \(rules):9: error: qa.t15.999.5.b (15 CFR 999.5(b)): removed by FR Doc. 2026-99995 (\(rule)): amendatory instruction 5: remove § 999.5(b) (effective March 1, 2025); not checked against the new wording: give the CFR text as amended
            \(rules):6: note: qa.t15.999.5.a.9 (15 CFR 999.5(a)(9)): wording matches \(cfr) at '999.5(a)(9)'
            \(cfr): 15 CFR 999.5 (eCFR), text as of 2024-06-03: covers 2 shipped provisions, decides 2
            \(rule): Federal Register rule FR Doc. 2026-99995 (“Steps dated apart (test rule)”; 15 CFR Part 999), undated, effective 2024-03-13 (amendatory instruction 5, effective 2025-03-01); amends 15 CFR part 999 (2 instructions): covers 2 shipped provisions, decides 1
            2 provisions checked against 2 official files: 1 pass, 0 drifted, 0 missing, 1 changed by amending texts; 0 not covered by the texts given

            """, "\(result.stdout)")
        #expect(result.stderr == "")
        #expect(result.status == 1)
    }

    /// Worded so that the timing may date the removal alone or the removal and the addition, the
    /// instruction is not understood: a warning at its line quoting the words, and no step is dated.
    @Test func aTimingThatCouldDateMoreThanOneStepIsReportedNotPicked() throws {
        let ambiguous = Self.rule.replacingOccurrences(of: "remove paragraph (b).</AMDPAR>", with: "remove paragraph (b) and add paragraph (c).</AMDPAR>")
        let folder = try CLI.folder(["rule.xml": ambiguous])
        let rule = folder.appendingPathComponent("rule.xml").path
        let result = try CLI.run(["import", rule, "-o", folder.appendingPathComponent("out.xml").path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("""
            \(rule):12: warning: amendment 5 not understood (could not read: “effective March 1, 2025”): “5. In § 999.5, revise paragraph (a)(9) and, effective March 1, 2025, remove paragraph (b) and add paragraph (c).” [amd_5]
            """), "\(result.stderr)")
        let written = try String(contentsOfFile: folder.appendingPathComponent("out.xml").path, encoding: .utf8)
        #expect(!written.contains("(effective March 1, 2025)"))
    }
}
