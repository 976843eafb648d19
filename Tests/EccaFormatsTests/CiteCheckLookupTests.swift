import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// What `cite-check` looks a provision up by: a defined term's numbered points, and a Federal
/// Register rule's own provisions (its DATES, its instructions). QA docs6, findings 3 and 5.
@Suite struct CiteCheckLookupTests {
    /// Loads `instruments` (the insides of `<instrument>` elements) as a regulations folder of one file.
    static func rules(_ instruments: String) throws -> (graph: ClauseGraph, file: String) {
        let regulations = try TemporaryFolder.make("formats").path + "/regulations"
        try FileManager.default.createDirectory(atPath: regulations + "/schema", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Corpus.schema, toPath: regulations + "/schema/rules.rng")
        let file = regulations + "/qa.xml"
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1" version="1">
            \(instruments)
            </rules>
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let loaded = RegulationsLoader().load(directories: [regulations])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return (loaded.graph, file)
    }

    /// The findings' messages; of each diff only its changed words (what context a diff shows is
    /// `WordDiff`'s, tested with it).
    static func printed(_ report: CitationChecker.Report) -> [String] {
        Array(report.findings.map { finding in
            [finding.description] + (finding.diff.map { diff in
                [diff.description.split(separator: " ").filter { $0.hasPrefix("[-") || $0.hasPrefix("{+") }.joined(separator: " ")]
            } ?? [])
        }.joined())
    }

    /// A term numbers its own points afresh; the importer cites them `1 CFR 457.103, “Handicapped
    /// person” (1)`. The look-up kept the closing quotation mark (`457.103 (Handicapped person”
    /// (1))`), so the import's own provisions did "not exist" in the file they came from. The
    /// section is 1 CFR 457.103 as in the corpus's ECFR-title1.xml (GovInfo bulk eCFR, lines
    /// 4010-4032, elements verbatim, fewer of them), in the versioner shape.
    @Test func aDefinedTermsPointsAreFoundInTheTextTheyCameFrom() throws {
        let section = try Corpus.fixture("v-457.103.xml", """
            <DIV8 N="457.103" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;1 CFR 457.103&quot;}">
            <HEAD>§ 457.103   Definitions.</HEAD>
            <P>For purposes of this part, the term—
            </P>
            <P><I>Handicapped person</I> means any person who has a physical or mental impairment that substantially limits one or more major life activities, has a record of such an impairment, or is regarded as having such an impairment.
            </P>
            <P>As used in this definition, the phrase: 
            </P>
            <P>(1) <I>Physical or mental impairment</I> includes—
            </P>
            <P>(2) <I>Major life activities</I> includes functions such as caring for one's self, performing manual tasks, walking, seeing, hearing, speaking, breathing, learning, and working. 
            </P>
            <P>(3) <I>Has a record of such an impairment</I> means has a history of, or has been misclassified as having, a mental or physical impairment that substantially limits one or more major life activities.
            </P>
            </DIV8>
            """)
        let (graph, file) = try Self.rules("""
              <instrument id="qa.t1" jurisdiction="US" kind="cfr-part">
                <title>1 CFR Part 457 (test encoding)</title>
                <provision id="qa.t1.hp.2" citation="1 CFR 457.103, “Handicapped person” (2)" evidence="verified" eid="457.103 (Handicapped person)(2)" wording-kind="verbatim">
                  <wording>(2) Major life activities includes functions such as caring for one's self, performing manual tasks, walking, seeing, hearing, speaking, breathing, learning, and working.</wording>
                </provision>
                <provision id="qa.t1.hp.3" citation="1 CFR 457.103, &quot;Handicapped person&quot; (3)" evidence="verified" eid="457.103 (Handicapped person)(3)" wording-kind="verbatim">
                  <wording>(3) Has a record of such an impairment means has a history of, or has been classified as having, a mental or physical impairment that substantially limits one or more major life activities.</wording>
                </provision>
                <provision id="qa.t1.hp.9" citation="1 CFR 457.103, “Handicapped person” (9)" evidence="verified" eid="457.103 (Handicapped person)(9)" wording-kind="paraphrase">
                  <wording>A point the section does not have.</wording>
                </provision>
              </instrument>
            """)
        let report = try CitationChecker(officialFiles: [section]).check(graph, on: .citeCheckDay)
        #expect(report.passed == ["qa.t1.hp.2"])
        #expect(Self.printed(report) == [
            "\(file):8: error: qa.t1.hp.3 (1 CFR 457.103, \"Handicapped person\" (3)): wording differs from \(section) at '457.103 (Handicapped person)(3)'",
            "[-classified-] {+misclassified+}",
            "\(file):11: error: qa.t1.hp.9 (1 CFR 457.103, “Handicapped person” (9)): '457.103 (Handicapped person)(9)' does not exist in \(section)",
        ])
        #expect(report.notCovered.isEmpty)
        #expect(CitationChecker.definedTerm(" “Handicapped person” (1)(i)") == " (Handicapped person)(1)(i)")
        #expect(CitationChecker.definedTerm(" \"foreign person\"") == " (foreign person)")
        #expect(CitationChecker.definedTerm(" foreign person") == " (foreign person)")
    }

    /// FR Doc. 2024-02447 (89 FR 9757), elements verbatim from the corpus's
    /// FR-2024-02-12.rules-excerpt.xml (usgpo/bulk-data, FR-2024-02-12.xml; fewer of them, and
    /// instruction 2's definitions cut to "Annual income" (2)(i)).
    static let hud = """
        <FEDREG><VOL>89</VOL><NO>29</NO><DATE>Monday, February 12, 2024</DATE><UNITNAME>Rules and Regulations</UNITNAME>
        <RULES><RULE>
        <PREAMB>
        <AGENCY TYPE="N">DEPARTMENT OF HOUSING AND URBAN DEVELOPMENT</AGENCY>
        <CFR>24 CFR Part 1006</CFR>
        <DEPDOC>[Docket No. FR-6273-F-02]</DEPDOC>
        <RIN>RIN 2577-AD13</RIN>
        <SUBJECT>Implementing Rental Housing Assistance for the Native Hawaiian Housing Block Grant Program</SUBJECT>
        <ACT><HD SOURCE="HED">ACTION:</HD><P>Final rule.</P></ACT>
        <EFFDATE><HD SOURCE="HED">DATES:</HD><P>Effective March 13, 2024.</P></EFFDATE>
        </PREAMB>
        <SUPLINF>
        <PRTPAGE P="9758"/>
        <REGTEXT TITLE="24" PART="1006">
        <AMDPAR>1. The authority citation for part 1006 is revised to read as follows:</AMDPAR>
        <AUTH><HD SOURCE="HED">Authority:</HD><P>12 U.S.C. 1701x, 1701x-1; 25 U.S.C. 4221 <E T="03">et seq.;</E> 42 U.S.C. 3535(d), Pub. L. 115-141, Pub. L. 116-6, Pub. L. 116-94, Pub. L. 116-260, Pub. L. 117-103, Pub. L. 117-328.</P></AUTH>
        </REGTEXT>
        <REGTEXT TITLE="24" PART="1006">
        <AMDPAR>2. In § 1006.10, add alphabetically definitions for “Annual income”, “Income”, “NAHASDA”, “Person with a disability”, and “Project-based rental assistance” to read as follows:</AMDPAR>
        <SECTION>
        <SECTNO>§ 1006.10</SECTNO>
        <SUBJECT> Definitions.</SUBJECT>
        <STARS/>
        <P><E T="03">Annual income</E> has one or more of the following meanings, as determined by the Department of Hawaiian Home Lands:</P>
        <P>(2) The definition of income as used by the U.S. Census Bureau. This definition includes:</P>
        <P>(i) Wages, salaries, tips, commissions, etc.;</P>
        <STARS/>
        </SECTION>
        </REGTEXT>
        </SUPLINF>
        <FRDOC>[FR Doc. 2024-02447 Filed 2-9-24; 8:45 am]</FRDOC>
        </RULE></RULES></FEDREG>
        """

    /// A rule prints its DATES and its instructions: cited by the rule's FR citation (with or
    /// without the page printed on) or its FR Doc. number, they are checked against the rule, and
    /// one the rule does not have is missing. They were never covered, so the shipped `90 FR 4544,
    /// DATES` could not be checked at all (QA docs6, finding 5). A term's point that the rule sets
    /// out is found too (finding 3: it was left out as "not covered").
    @Test func aRulesOwnProvisionsAreCheckedAgainstTheRule() throws {
        let issue = try Corpus.fixture("FR-hud.xml", Self.hud)
        let (graph, file) = try Self.rules("""
              <instrument id="qa.hud" jurisdiction="US" kind="regulation">
                <title>Native Hawaiian Housing Block Grant Program (test encoding)</title>
                <official-id scheme="fr">89 FR 9757</official-id>
                <official-id scheme="other">FR Doc. 2024-02447</official-id>
                <provision id="qa.hud.dates" citation="89 FR 9757, DATES" evidence="verified" eid="dates" wording-kind="verbatim">
                  <wording>Effective March 13, 2024.</wording>
                </provision>
                <provision id="qa.hud.amd1" citation="FR Doc. 2024-02447, amendatory instruction 1" evidence="verified" eid="amd_1" wording-kind="verbatim">
                  <wording>1. The authority citation for part 1006 is revised to read as follows:</wording>
                </provision>
                <provision id="qa.hud.amd2" citation="89 FR 9757, 9758, amendatory instruction 2" evidence="verified" eid="amd_2" wording-kind="verbatim">
                  <wording>2. In § 1006.10, insert alphabetically definitions for “Annual income”, …</wording>
                </provision>
                <provision id="qa.hud.amd3" citation="89 FR 9757, amendatory instruction 3" evidence="verified" eid="amd_3" wording-kind="paraphrase">
                  <wording>An instruction the rule does not have.</wording>
                </provision>
                <provision id="qa.hud.1006.10.ai.2.i" citation="24 CFR 1006.10, “Annual income” (2)(i)" evidence="verified" eid="1006.10 (Annual income)(2)(i)" wording-kind="verbatim">
                  <wording>(i) Wages, salaries, tips, commissions, etc.;</wording>
                </provision>
              </instrument>
            """)
        let report = try CitationChecker(officialFiles: [issue]).check(graph, on: .citeCheckDay)
        #expect(report.passed == ["qa.hud.dates", "qa.hud.amd1", "qa.hud.1006.10.ai.2.i"])
        #expect(Self.printed(report) == [
            "\(file):13: error: qa.hud.amd2 (89 FR 9757, 9758, amendatory instruction 2): wording differs from \(issue) (text as of 2024-03-13) at '89 FR 9757, amendatory instruction 2'",
            "[-insert-] {+add+}",
            "\(file):16: error: qa.hud.amd3 (89 FR 9757, amendatory instruction 3): '89 FR 9757, amendatory instruction 3' does not exist in \(issue) (text as of 2024-03-13)",
        ])
        #expect(report.notCovered.isEmpty)
    }

    /// The shipped `us.ai-diffusion.dates` (90 FR 4544, DATES), on which the AI Diffusion rule's
    /// in-force and compliance dates rest, against an issue holding that rule (hand-made, as QA
    /// docs6 made fr/fr-90-4544.xml: VOL 90, page 4544, FR Doc. 2025-00636, its DATES).
    @Test func theShippedAIDiffusionDatesAreChecked() throws {
        let issue = try Corpus.fixture("FR-90-4544.xml", """
            <FEDREG><VOL>90</VOL><NO>9</NO><DATE>Wednesday, January 15, 2025</DATE>
            <RULES><RULE><PRTPAGE P="4544"/>
            <PREAMB><AGENCY TYPE="N">DEPARTMENT OF COMMERCE</AGENCY><SUBAGY>Bureau of Industry and Security</SUBAGY><CFR>15 CFR Parts 740, 742, 744, 748, 758, 772, and 774</CFR><RIN>RIN 0694-AJ90</RIN><SUBJECT>Framework for Artificial Intelligence Diffusion</SUBJECT>
            <ACT><HD SOURCE="HED">ACTION:</HD><P>Interim final rule.</P></ACT>
            <EFFDATE><HD SOURCE="HED">DATES:</HD><P><E T="03">Effective date:</E> This rule is effective January 13, 2025.</P><P><E T="03">Compliance date:</E> May 15, 2025.</P></EFFDATE></PREAMB>
            <SUPLINF><P>Text.</P></SUPLINF><FRDOC>[FR Doc. 2025-00636 Filed 1-13-25; 8:45 am]</FRDOC></RULE></RULES></FEDREG>
            """)
        let shipped = RegulationsLoader().load(directories: [Corpus.regulations]).graph
        let report = try CitationChecker(officialFiles: [issue]).check(shipped, on: .citeCheckDay)
        #expect(report.passed == ["us.ai-diffusion.dates"])
        #expect(report.findings.isEmpty)
    }

    /// An annex file given alone speaks for its own annex only: Annex I of the AI Act cannot hold
    /// Annex XI, which is not covered, not missing (QA docs6, finding 4: "'ANNEX XI' does not
    /// exist in …012401.fmx.xml", status 1). Given with Annex XI, Annex XI is checked.
    @Test func anAnnexFileAloneDoesNotSpeakForAnotherAnnex() throws {
        let annexI = Corpus.formexFolder + "/L_202401689EN.012401.fmx.xml"
        let annexXI = Corpus.formexFolder + "/L_202401689EN.014101.fmx.xml"
        guard Corpus.available(annexI), Corpus.available(annexXI) else { return }
        let shipped = RegulationsLoader().load(directories: [Corpus.regulations]).graph
        let alone = try CitationChecker(officialFiles: [annexI]).check(shipped, on: .citeCheckDay)
        #expect(alone.findings.isEmpty, "\(alone.findings)")
        #expect(alone.checkedNothing)
        #expect(alone.notCovered.contains("eu.ai-act.annex11"))
        let both = try CitationChecker(officialFiles: [annexI, annexXI]).check(shipped, on: .citeCheckDay)
        #expect(both.findings.isEmpty, "\(both.findings)")
        #expect(both.passed == ["eu.ai-act.annex11"])
    }
}
