import ClauseGraph
import EccaFormats
import Foundation
import Testing

/// Where each provision of a Federal Register rule stands in the file (importer audit, finding 7): a
/// paragraph's lines end where its `<P>` ends, not at the end of the next paragraph, whose line break
/// before its marker had been counted as the paragraph's; and each rule's DATES is pointed to as the
/// rule of the issue it is (`RULE[2]/PREAMB/EFFDATE`), not all as `RULE/PREAMB/EFFDATE`. So is each
/// instruction and section (`RULE[2]/SUPLINF[1]/REGTEXT[3]/AMDPAR[1]`), not all as `REGTEXT/…`.
@Suite struct FederalRegisterSourceSpanTests {
    static let rule = """
        <RULE>
        <PREAMB><AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY><SUBJECT>Spans</SUBJECT>
        <EFFDATE><HD SOURCE="HED">DATES:</HD><P>Effective March 1, 2027.</P></EFFDATE>
        </PREAMB>
        <SUPLINF>
        <REGTEXT TITLE="15" PART="999">
        <AMDPAR>1. Add § 999.1 to read as follows:</AMDPAR>
        <SECTION>
        <SECTNO>§ 999.1</SECTNO>
        <SUBJECT>Spans.</SUBJECT>
        <P>
        (a)
        Alpha text.
        </P>
        <P>
        (b)
        Beta text.
        </P>
        <P>(c) Gamma.</P>
        </SECTION>
        </REGTEXT>
        </SUPLINF>
        <FRDOC>[FR Doc. 2026-99996 Filed 9-1-26; 8:45 am]</FRDOC>
        </RULE>
        """

    /// A provision's place as its source note gives it: its lines and element path.
    static func place(_ provision: ImportedProvision) -> String { provision.span.lines + ", " + (provision.span.pointer ?? "") }

    @Test func aParagraphsLinesAreItsOwn() throws {
        let path = try Corpus.fixture("FR-spans.xml", Self.rule)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.filter { $0.canonicalID.hasPrefix("999.1") }.map(Self.place) == [
            "lines 8-20, RULE/SUPLINF[1]/REGTEXT[1]/SECTION[SECTNO='§ 999.1']",
            "lines 11-14, RULE/SUPLINF[1]/REGTEXT[1]/SECTION[SECTNO='§ 999.1']/*[3]",
            "lines 15-18, RULE/SUPLINF[1]/REGTEXT[1]/SECTION[SECTNO='§ 999.1']/*[4]",
            "line 19, RULE/SUPLINF[1]/REGTEXT[1]/SECTION[SECTNO='§ 999.1']/*[5]",
        ])
        // An instruction is pointed to by its place among its REGTEXT's instructions.
        #expect(imported.provision("amd_1").map(Self.place) == "line 7, RULE/SUPLINF[1]/REGTEXT[1]/AMDPAR[1]")
        // A file that is one rule: its DATES are the rule's.
        #expect(imported.provision("dates").map(Self.place) == "line 3, RULE/PREAMB/EFFDATE")
    }

    /// In the corpus issue: 33 CFR 165.T11-157(a) is lines 135-139 (its (b) starts on 140), and the
    /// three rules' DATES are told apart.
    @Test func theCorpusIssuesSpans() throws {
        guard Corpus.available(Corpus.federalRegister) else { return }
        let imported = try Corpus.collect([Corpus.federalRegister])
        #expect(imported.provision("165.T11-157(a)").map(Self.place) == "lines 135-139, RULE[1]/SUPLINF[1]/REGTEXT[2]/SECTION[SECTNO='§ 165.T11-157']/*[3]")
        #expect(imported.provisions.filter { $0.level == .amendment }.prefix(3).map(Self.place) == [
            "line 123, RULE[1]/SUPLINF[1]/REGTEXT[1]/AMDPAR[1]", "line 131, RULE[1]/SUPLINF[1]/REGTEXT[2]/AMDPAR[1]",
            "line 387, RULE[2]/SUPLINF[1]/REGTEXT[1]/AMDPAR[1]",
        ])
        #expect(imported.provision("165.T11-157(b)")?.span.firstLine == 140)
        #expect(imported.provisions.filter { $0.canonicalID == "dates" }.map(Self.place) == [
            "lines 34-37, RULE[1]/PREAMB/EFFDATE", "lines 192-195, RULE[2]/PREAMB/EFFDATE", "lines 895-898, RULE[3]/PREAMB/EFFDATE",
        ])
    }
}
