import EccaTestSupport
import Foundation
import Testing

/// `ecca cite-check --as-of`: shipped wording is checked against the law in force on one day. A text
/// dated after it, or a Federal Register rule not yet effective, delayed or expired, never decides;
/// where it says otherwise than the text in force, or is all that was given, that is a finding (QA
/// dates7 #1-#3: each of these passed provisions whose law in force said something else, exit 0).
/// A rule that took effect on or before the date of a CFR text given is held in that text (#2).
@Suite struct CiteCheckInForceTests {
    static let day = "2026-12-06"

    /// A Federal Register rule revising § 734.13(a)(2), printing it with `a2`, with the DATES
    /// paragraph `dates` (none when nil): the shape of `CiteCheckTextChoiceTests.rule`, with a
    /// DATES as BIS rules print it (90 FR 4544: "Effective date: This rule is effective …").
    static func rule(dates: String?, a2: String = "in the United States") -> String {
        let section = """
            <SECTION><SECTNO>§ 734.13</SECTNO><SUBJECT>Export.</SUBJECT><P>(a) * * *</P>\
            <P>(2) Releasing or otherwise transferring “technology” or source code (but not object code) to a foreign person \(a2) (a “deemed export”);</P><STARS/></SECTION>
            """
        return CiteCheckTextChoiceTests.rule(part: "734", instruction: "1. Amend § 734.13 by revising paragraph (a)(2) to read as follows:", section: section)
            .replacingOccurrences(of: "</ACT>\n", with: "</ACT>\n" + (dates.map { "<DATES><HD SOURCE=\"HED\">DATES:</HD><P>\($0)</P></DATES>\n" } ?? ""))
    }

    func run(_ files: [String: String], _ order: [String], day: String = Self.day) throws -> (CLI.Result, [String: String], String) {
        let folder = try CLI.folder(files)
        let paths = Dictionary(uniqueKeysWithValues: files.keys.map { ($0, folder.appendingPathComponent($0).path) })
        let result = try CLI.run(["cite-check", "--as-of", day, "--official"] + order.map { paths[$0]! })
        return (result, paths, try CiteCheckAmendmentTests.line("us.ear.734.13.a.2", in: "us-ear.xml"))
    }

    /// #1: the CFR text in force differs from the shipped wording; a rule that prints the shipped
    /// wording but takes effect after the day (or is delayed, or has expired) must not hide that.
    /// The rule also changes § 734.13, shipped as a paraphrase: a change not in force stays a finding
    /// ("re-read the provision"), which the rule decides, and so does an expired rule's, whose end is
    /// never read where it is not the rule's own (QA verify13: read wrongly, it hid the change).
    @Test(arguments: [
        ("Effective date: This rule is effective March 1, 2027.", ", effective 2027-03-01", 1),
        ("The effective date of this rule is delayed indefinitely.", ", its effective date delayed indefinitely", 1),
        ("This rule is effective from December 1, 2026, until December 3, 2026.", ", effective 2026-12-01 until 2026-12-03", 1),
        // Temporary rules as the Coast Guard words them (importer audit, finding 1: each end was read
        // as the start, and the expired rule passed as law).
        ("This rule is effective from 10:30 a.m. until 11:35 a.m. on December 1, 2026.", ", effective 2026-12-01 until 2026-12-01", 1),
        ("This rule is effective without actual notice from December 1, 2026, until 11:59 p.m. on December 3, 2026.", ", effective 2026-12-01 until 2026-12-03", 1),
        ("This rule is effective from 8 a.m. on December 1, 2026, through 5 p.m. on December 3, 2026.", ", effective 2026-12-01 until 2026-12-03", 1),
        ("This rule is effective from December 1, 2025 to December 1, 2026.", ", effective 2025-12-01 until 2026-12-01", 1),
        ("This rule is effective from 10:30 a.m. on December 1, 2026, until the fireworks display ends.", ", its DATES not read", 1),
    ]) func aRuleNotInForceDecidesNothing(dates: String, timing: String, decides: Int) throws {
        let (result, paths, shipped) = try run(["cfr.xml": CiteCheckAmendmentTests.section734_13(date: "2026-11-01", a2: "in the United States or abroad"),
                                               "rule.xml": Self.rule(dates: dates)], ["cfr.xml", "rule.xml"])
        #expect(result.stdout.contains("""
            \(shipped): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): wording differs from \(paths["cfr.xml"]!) (text as of 2026-11-01) at '734.13(a)(2)'
                … foreign person in the United States {+or abroad+} (a "deemed export") …

            """), "\(result.stdout)")
        #expect(result.stdout.contains("""
            \(paths["rule.xml"]!): Federal Register rule FR Doc. 2026-99998 (“Revisions to Definitions of Export and Release (QA test rule)”; 15 CFR Parts 734 and 744), undated\(timing) (not in force on 2026-12-06); \
            amends 15 CFR part 734 (1 instruction): covers 2 shipped provisions, decides \(decides)

            """), "\(result.stdout)")
        #expect(result.status == 1)
    }

    /// #1, reversed: the text in force is the shipped wording, and a rule taking effect later changes
    /// it: today's law passes, and the coming change is a finding that says when it comes.
    @Test func aRuleTakingEffectLaterThatChangesTheWordingIsAFinding() throws {
        let (result, paths, shipped) = try run(["cfr.xml": CiteCheckAmendmentTests.section734_13(date: "2026-11-01"),
                                               "rule.xml": Self.rule(dates: "This rule is effective March 1, 2027.", a2: "in the United States or abroad")],
                                              ["rule.xml", "cfr.xml"])
        #expect(result.stdout.contains("""
            \(shipped): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): a text not in force on 2026-12-06 says otherwise than the text in force \
            (\(paths["cfr.xml"]!)), which passes: \(paths["rule.xml"]!) (takes effect on 2027-03-01, after 2026-12-06): \
            differs (… foreign person in the United States {+or abroad+} (a "deemed export") …)

            """), "\(result.stdout)")
        #expect(result.stdout.contains(", 1 with texts not in force on 2026-12-06; "), "\(result.stdout)")
        #expect(result.status == 1)
    }

    /// #2: a rule removing and reserving § 734.13(a)(2) that took effect on 2026-01-15 is held in
    /// the CFR text of 2026-02-01 given with it: no finding for it. One that took effect after that
    /// text's date, or whose DATES give no effective date (a publication date says nothing of when a
    /// rule took effect), stays a finding.
    @Test(arguments: [
        ("This rule is effective January 15, 2026.", true),
        ("This rule is effective March 15, 2026.", false),
        (nil, false),
    ]) func aRuleInForceBeforeTheCFRTextGivenIsHeldInIt(dates: String?, held: Bool) throws {
        let rule = CiteCheckTextChoiceTests.rule(part: "734", instruction: "1. Amend § 734.13 by removing and reserving paragraph (a)(2).", section: "")
            .replacingOccurrences(of: "</ACT>\n", with: "</ACT>\n" + (dates.map { "<DATES><HD SOURCE=\"HED\">DATES:</HD><P>\($0)</P></DATES>\n" } ?? ""))
        let (result, paths, shipped) = try run(["cfr.xml": CiteCheckAmendmentTests.section734_13(date: "2026-02-01"), "rule.xml": rule], ["cfr.xml", "rule.xml"])
        let finding = "\(shipped): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): removed and reserved by FR Doc. 2026-99998 (\(paths["rule.xml"]!))"
        #expect(result.stdout.contains(finding) == !held, "\(result.stdout)")
        #expect(result.status == (held ? 0 : 1), "\(result.stdout)")
    }

    /// #3: a CFR text dated after the day never decides: the one in force does, and its drift is found
    /// whatever the later text says. Given alone, a later text is all there is: a finding for each
    /// provision, never a pass.
    @Test func aTextDatedAfterTheDayDecidesNothing() throws {
        let files = ["now.xml": CiteCheckAmendmentTests.section734_13(date: "2026-11-01", a2: "in the United States or abroad"),
                     "later.xml": CiteCheckAmendmentTests.section734_13(date: "2027-06-01")]
        let (result, paths, shipped) = try run(files, ["later.xml", "now.xml"])
        #expect(result.stdout.hasPrefix("\(shipped): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): wording differs from \(paths["now.xml"]!) (text as of 2026-11-01)"),
                "\(result.stdout)")
        #expect(result.stdout.contains("\(paths["later.xml"]!): 15 CFR 734.13 (eCFR), text as of 2027-06-01 (not in force on 2026-12-06): covers 4 shipped provisions, decides 0\n"), "\(result.stdout)")
        #expect(result.status == 1)

        let (alone, alonePaths, _) = try run(files, ["later.xml"])
        #expect(alone.stdout.contains("""
            \(shipped): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): no text in force on 2026-12-06 was given for it, only: \
            \(alonePaths["later.xml"]!) (text as of 2027-06-01, after 2026-12-06): quoted words pass (words left out with … not compared)

            """), "\(alone.stdout)")
        #expect(alone.stdout.contains("4 provisions checked against 1 official file: 0 pass, 0 drifted, 0 missing, 4 with texts not in force on 2026-12-06; "),
                "\(alone.stdout)")
        #expect(!alone.stdout.contains(": note: ") && alone.status == 1, "\(alone.stdout)")
        // On the day it takes effect, it is the law, and decides.
        let (then, _, _) = try run(files, ["later.xml", "now.xml"], day: "2027-06-01")
        #expect(then.status == 0, "\(then.stdout)")
    }

    /// An instruction's own timing ("1. Effective March 1, 2027, amend …") places the rule's text
    /// for the provisions it reaches, and the rule's file line says it (QA verify12 N8).
    @Test func anInstructionsOwnTimingIsOnTheRulesLine() throws {
        let rule = Self.rule(dates: nil).replacingOccurrences(of: "1. Amend § 734.13", with: "1. Effective March 1, 2027, amend § 734.13")
        let (result, paths, shipped) = try run(["cfr.xml": CiteCheckAmendmentTests.section734_13(date: "2026-11-01", a2: "in the United States or abroad"),
                                               "rule.xml": rule], ["cfr.xml", "rule.xml"])
        #expect(result.stdout.contains("\(shipped): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): wording differs from \(paths["cfr.xml"]!) (text as of 2026-11-01)"),
                "\(result.stdout)")
        #expect(result.stdout.contains("15 CFR Parts 734 and 744), undated (amendatory instruction 1, effective 2027-03-01); amends 15 CFR part 734"), "\(result.stdout)")
        #expect(result.status == 1)
    }

    /// An expired temporary rule given alone, whose only word on the provision is an instruction:
    /// the instruction stays a finding, saying the rule expired (it crashed, "no finding, and no text
    /// that passed it", QA verify13 #6).
    @Test func anExpiredRuleAloneIsAFindingNotACrash() throws {
        let rule = CiteCheckTextChoiceTests.rule(part: "734", instruction: "1. Amend § 734.13 by removing and reserving paragraph (a)(2).", section: "")
            .replacingOccurrences(of: "</ACT>\n", with: "</ACT>\n<DATES><HD SOURCE=\"HED\">DATES:</HD><P>This rule is effective from November 16, 2026, through November 30, 2026.</P></DATES>\n")
        let (result, paths, shipped) = try run(["rule.xml": rule], ["rule.xml"])
        #expect(result.stdout.contains("""
            \(shipped): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): removed and reserved by FR Doc. 2026-99998 (\(paths["rule.xml"]!)): \
            amendatory instruction 1: remove-and-reserve § 734.13(a)(2) (not in force: expired on 2026-11-30, before 2026-12-06); \
            it has expired: check that the CFR text in force no longer holds it

            """), "\(result.stdout)")
        #expect(result.status == 1)
    }

    /// The real temporary rule of the corpus, 33 CFR 165.T11-157 (FR Doc. 2024-02701: "effective
    /// from 10:30 a.m. until 11:35 a.m. on February 10, 2024"): the safety zone expired that day, so
    /// its text decides nothing after it, and on the day it is the law (importer audit, finding 1).
    @Test func theCorpusSafetyZoneExpiredTheDayItTookEffect() throws {
        let official = CLI.root.appendingPathComponent("../shared/corpora/official-xml/federal-register/FR-2024-02-12.rules-excerpt.xml").standardizedFileURL.path
        guard CorpusFile.available(official) else { return }
        let folder = try CLI.folder(["regs/t33.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1" version="1">
              <instrument id="qa.t33" jurisdiction="US" kind="cfr-part">
                <title>33 CFR Part 165 (test encoding)</title>
                <provision id="qa.t33.zone.c.2" citation="33 CFR 165.T11-157(c)(2)" evidence="verified" eid="165.T11-157(c)(2)" wording-kind="verbatim">
                  <wording>(2) The safety zone is closed to all vessel traffic, except as may be permitted by the COTP or the COTP's designated representative.</wording>
                </provision>
              </instrument>
            </rules>
            """])
        let rules = folder.appendingPathComponent("regs/t33.xml").path
        let regulations = folder.appendingPathComponent("regs").path
        let after = try CLI.run(["cite-check", "--as-of", "2026-12-06", "--official", official, "--regulations", regulations])
        #expect(after.stdout.hasPrefix("""
            \(rules):5: error: qa.t33.zone.c.2 (33 CFR 165.T11-157(c)(2)): no text in force on 2026-12-06 was given for it, only: \
            \(official) (expired on 2024-02-10, before 2026-12-06): passes

            """), "\(after.stdout)")
        #expect(after.stdout.contains("33 CFR Part 165), published 2024-02-12, effective 2024-02-10 until 2024-02-10 (not in force on 2026-12-06); "), "\(after.stdout)")
        #expect(after.status == 1)
        let onTheDay = try CLI.run(["cite-check", "--as-of", "2024-02-10", "--official", official, "--regulations", regulations])
        #expect(onTheDay.stdout.hasSuffix("1 provision checked against 1 official file: 1 pass, 0 drifted, 0 missing; 0 not covered by the texts given\n"), "\(onTheDay.stdout)")
        #expect(onTheDay.status == 0)
    }

    @Test func anImpossibleDayIsRefused() throws {
        let result = try CLI.run(["cite-check", "--as-of", "2026-02-30", "--official", "x.xml"])
        #expect(result.stderr.contains("--as-of '2026-02-30' is not a calendar date: 2026-02 has 28 days"), "\(result.stderr)")
        #expect(result.status == 64)
    }
}
