import ClauseGraph
import EccaFormats
import Foundation
import Testing

/// Set-out text under elided parents (importer audit, finding 2): the Federal Register prints the
/// parents of a changed paragraph as stubs (`(h) * * *`, `(1) * * *`), and the paragraph after a stub
/// is its child, so `(i)` there is the roman (h)(1)(i), not the letter after (h). The instruction's
/// target says the same; where the two disagree, that is reported.
@Suite struct FederalRegisterSetOutPathTests {
    static func rule(_ regtexts: String) -> String {
        """
        <RULE><PREAMB><AGENCY TYPE="S">DEPARTMENT OF HOUSING AND URBAN DEVELOPMENT</AGENCY><SUBJECT>Set-out paths</SUBJECT></PREAMB>
        <SUPLINF>
        \(regtexts)
        </SUPLINF><FRDOC>[FR Doc. 2024-02447 Filed 2-9-24; 8:45 am]</FRDOC></RULE>
        """
    }

    static func regtext(_ instruction: String, _ section: String, _ paragraphs: String) -> String {
        """
        <REGTEXT TITLE="24" PART="1006">
        <AMDPAR>\(instruction)</AMDPAR>
        <SECTION><SECTNO>§ \(section)</SECTNO><SUBJECT>Test section.</SUBJECT><STARS/>\(paragraphs)<STARS/></SECTION>
        </REGTEXT>
        """
    }

    @Test func aParagraphAfterStarredParentsIsTheirChild() throws {
        let path = try Corpus.fixture("FR-stubs.xml", Self.rule(
            Self.regtext("1. In § 1006.420, revise paragraph (h)(1)(i) to read as follows:", "1006.420",
                         "<P>(h) * * *</P><P>(1) * * *</P><P>(i) The DHHL shall keep records for three years.</P>")
            + Self.regtext("2. In § 1006.305, revise paragraph (u)(2)(v) to read as follows:", "1006.305",
                           "<P>(u) * * *</P><P>(2) * * *</P><P>(v) Roman five text.</P>")
            + Self.regtext("3. In § 1006.310, add paragraphs (h)(1)(i) and (ii) to read as follows:", "1006.310",
                           "<P>(h) * * *</P><P>(1) * * *</P><P>(i) First roman.</P><P>(ii) Second roman.</P>")))
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.filter { [.paragraph, .level2, .level3].contains($0.level) }.map(\.citation) == [
            "24 CFR 1006.420(h)(1)(i)", "24 CFR 1006.305(u)(2)(v)", "24 CFR 1006.310(h)(1)(i)", "24 CFR 1006.310(h)(1)(ii)",
        ])
        #expect(imported.diagnostics.map(\.description) == [], "\(imported.diagnostics)")
    }

    /// The instruction names (h)(2)(i), the starred parents place the text at (h)(1)(i): the
    /// citation is the markers', with a warning and an unresolved note naming both.
    @Test func anInstructionThatNamesAnotherPathIsReported() throws {
        let path = try Corpus.fixture("FR-stubs.xml", Self.rule(
            Self.regtext("1. In § 1006.420, revise paragraph (h)(2)(i) to read as follows:", "1006.420",
                         "<P>(h) * * *</P><P>(1) * * *</P><P>(i) The DHHL shall keep records for three years.</P>")))
        let imported = try Corpus.collect([path])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):5: warning: § 1006.420(h)(1)(i): the rule sets out this paragraph, read from its markers and starred parents, but amendatory instruction 1 names (h)(2)(i), which it is not, nor part of, nor holds: its citation (or the instruction) may be wrong [1006.420(h)(1)(i)]",
        ])
        #expect(imported.provision("1006.420(h)(1)(i)")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The rule sets out this paragraph as § 1006.420(h)(1)(i), as its markers and starred parents (* * *) place it, but amendatory instruction 1 names (h)(2)(i): the two disagree, so this citation may be wrong. Check the official text.",
        ])
    }

    /// Where the stubs' reading contradicts the instruction and reading them as plain elisions
    /// fits it ("add paragraph (i)" after `(h) * * *`: the letter after (h), not (h)(i)), the
    /// instruction wins, with nothing to report (re-audit: the stubs' reading minted (h)(i)).
    @Test func anInstructionThatAPlainReadingFitsWins() throws {
        let path = try Corpus.fixture("FR-stubs.xml", Self.rule(
            Self.regtext("1. In § 1006.305, add paragraph (i) to read as follows:", "1006.305",
                         "<P>(h) * * *</P><P>(i) Added letter paragraph.</P>")
            + Self.regtext("2. In § 1006.315, add paragraph (v) to read as follows:", "1006.315",
                           "<P>(u) * * *</P><P>(v) Added letter v.</P>")))
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.filter { [.paragraph, .level2, .level3].contains($0.level) }.map(\.citation) == [
            "24 CFR 1006.305(i)", "24 CFR 1006.315(v)",
        ])
        #expect(imported.diagnostics.filter { $0.message.contains("starred parents") }.isEmpty, "\(imported.diagnostics)")
    }

    /// The real rule's set-out text agrees with its instructions throughout: nothing is reported.
    @Test func theCorpusRuleAgreesWithItsInstructions() throws {
        guard Corpus.available(Corpus.federalRegister) else { return }
        let imported = try Corpus.collect([Corpus.federalRegister])
        #expect(!imported.diagnostics.contains { $0.message.contains("starred parents") }, "\(imported.diagnostics)")
        #expect(imported.provision("1006.410(c)(1)")?.citation == "24 CFR 1006.410(c)(1)")
        #expect(imported.provision("309.15(a)(2)(iii)")?.citation == "45 CFR 309.15(a)(2)(iii)")
    }
}
