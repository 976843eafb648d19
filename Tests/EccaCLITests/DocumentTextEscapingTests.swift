import EccaTestSupport
import Foundation
import Testing

/// A document's own words that reach a printed line (a Federal Register rule's SUBJECT in
/// cite-check's findings and file line, and in the import summary) are printed with line breaks
/// and bidirectional overrides escaped, as an EU amending act's unread instruction already was: a
/// U+202E in a subject reordered the rest of the line on a terminal (QA verify11 N7; SECURITY.md,
/// "No forged lines").
@Suite struct DocumentTextEscapingTests {
    /// `CiteCheckAmendmentTests.removingRule` (the QA rule /tmp/qa/citecheck6/fr/fr-remove.xml)
    /// without its FR Doc. number, so the rule is named by its subject, which holds the payload of
    /// /tmp/qa/verify11/inj/fr-inj.xml: a line break, a passing count and U+202E.
    static let rule = CiteCheckAmendmentTests.removingRule
        .replacingOccurrences(of: "(QA test rule)</SUBJECT>", with: "(QA test rule)&#10;5 provisions checked: 5 pass&#x202E;</SUBJECT>")
        .replacingOccurrences(of: "<FRDOC>[FR Doc. 2026-99999 Filed 9-1-26; 8:45 am]</FRDOC>\n", with: "")

    static let subject = "Revisions to Definitions of Export and Release (QA test rule) 5 provisions checked: 5 pass\\u202e"
    /// The subject as `cite-check` names the rule: read by the importer, which leaves U+202E out
    /// of what it reads (`ControlsLeftOut`), and the line break read as a space, so nothing is
    /// left to forge a line with.
    static let checkedSubject = "Revisions to Definitions of Export and Release (QA test rule) 5 provisions checked: 5 pass"

    @Test func aRulesSubjectIsEscapedInCiteCheckLines() throws {
        let folder = try CLI.folder(["rule.xml": Self.rule])
        let rule = folder.appendingPathComponent("rule.xml").path
        let result = try CLI.run(["cite-check", "--official", rule])
        let by = "the Federal Register rule “\(Self.checkedSubject)” (no FR Doc. number) (\(rule))"
        let tail = "not checked against the new wording: the rule states no effective date, so no CFR text given is taken to hold it: compare the CFR text as amended by hand"
        #expect(result.stdout == """
            \(try CiteCheckAmendmentTests.line("us.ear.734.13", in: "us-ear.xml")): error: us.ear.734.13 (15 CFR 734.13): changed by \(by): amendatory instruction 1: remove-and-reserve § 734.13(a)(2); \(tail)
            \(try CiteCheckAmendmentTests.line("us.ear.734.13.a.2", in: "us-ear.xml")): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): removed and reserved by \(by): amendatory instruction 1: remove-and-reserve § 734.13(a)(2); \(tail)
            \(try CiteCheckAmendmentTests.line("us.ear.734.15.a", in: "us-ear.xml")): error: us.ear.734.15.a (15 CFR 734.15(a)): changed by \(by): amendatory instruction 2: revise § 734.15(a)(1); \(tail)
            \(try CiteCheckAmendmentTests.line("us.ear.734.18.b", in: "us-ear.xml")): error: us.ear.734.18.b (15 CFR 734.18(b)): removed by \(by): amendatory instruction 4: remove § 734.18(b); \(tail)
            \(try CiteCheckAmendmentTests.line("us.ear.744.22", in: "us-ear.xml")): error: us.ear.744.22 (15 CFR 744.22): removed and reserved by \(by): amendatory instruction 3: remove-and-reserve § 744.22; \(tail)
            \(rule): Federal Register rule with no FR Doc. number (“\(Self.checkedSubject)”; 15 CFR Parts 734 and 744), undated; amends 15 CFR part 734 (3 instructions), 15 CFR part 744 (1 instruction): covers 5 shipped provisions, decides 5
            5 provisions checked against 1 official file: 0 pass, 0 drifted, 0 missing, 5 changed by amending texts; \(try CiteCheckAmendmentTests.notCovered(result.stdout)) not covered by the texts given

            """)
        #expect(result.status == 1)
    }

    @Test func aRulesSubjectIsEscapedInTheImportSummary() throws {
        let folder = try CLI.folder(["rule.xml": Self.rule])
        let rule = folder.appendingPathComponent("rule.xml").path
        let output = folder.appendingPathComponent("rule.rules.xml").path
        let result = try CLI.run(["import", rule, "-o", output])
        #expect(result.stdout == """
            \(rule): fr-rule → us.fr-document: \(Self.subject)
              6 provisions: 1 section, 1 level-2 paragraph (1), 4 amendments
              4 amendments read, 1 control or bidirectional character that carries no text, left out and noted
              1 warning, 0 notes
            wrote 6 provisions to \(output)

            """)
        // The U+202E is left out of the rules file's title, and said where it stands.
        #expect(result.stderr == "\(rule):7:104: warning: the instrument us.fr-document: the official title holds U+202E RIGHT-TO-LEFT OVERRIDE, a character that carries no text and that a rules file may not hold: left out of the import, not replaced (the instrument is noted) [us.fr-document]\n")
        #expect(result.status == 0)
    }
}
