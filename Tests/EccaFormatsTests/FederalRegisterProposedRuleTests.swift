import ClauseGraph
import EccaFormats
import Foundation
import Testing

/// A proposed rule (`PRORULE`) is not law: its instructions say how it would amend the CFR, the
/// text it sets out is proposed wording, and `cite-check` never checks shipped provisions against it
/// (QA fr5, finding 3).
@Suite struct FederalRegisterProposedRuleTests {
    /// The EPA rule FR Doc. 2024-02700 (usgpo/bulk-data ndash-changes-March2024/updated/
    /// FR-2024-02-12.xml, 89 FR 9771) as the reviewer's PRORULE copy: its instructions 1-2 and the
    /// § 52.370 it sets out, verbatim; the wrapper and ACTION as a proposed rule prints them.
    static let proposal = """
        <FEDREG><VOL>89</VOL><NO>29</NO><DATE>Monday, February 12, 2024</DATE>
        <PRORULES><PRORULE>
        <PREAMB><AGENCY TYPE="N">ENVIRONMENTAL PROTECTION AGENCY</AGENCY><CFR>40 CFR Parts 52 and 70</CFR>
        <SUBJECT>Air Plan Approval and Operating Permit Program Approval; Connecticut; Revision to Definitions</SUBJECT>
        <ACT><HD SOURCE="HED">ACTION:</HD><P>Proposed rule.</P></ACT></PREAMB>
        <SUPLINF><PRTPAGE P="9773"/>
        <REGTEXT TITLE="40" PART="52">
        <AMDPAR>1. The authority citation for part 52 continues to read as follows:</AMDPAR>
        <AUTH><HD SOURCE="HED">Authority: </HD><P>42 U.S.C. 7401 <E T="03">et seq.</E></P></AUTH>
        </REGTEXT>
        <REGTEXT TITLE="40" PART="52">
        <AMDPAR>2. Section 52.370 is amended by adding paragraph (c)(130) to read as follows:</AMDPAR>
        <SECTION>
        <SECTNO>§ 52.370 </SECTNO>
        <SUBJECT> Identification of plan.</SUBJECT>
        <STARS/>
        <P>(c) * * *</P>
        <P>(130) Revisions to the State Implementation Plan submitted by the Connecticut Department of Environmental Protection on November 30, 2023.</P>
        <P>(i) <E T="03">Incorporation by reference.</E></P>
        <P>(A) Regulations of Connecticut State Agencies Section 22a-174-1, “Definitions,” (106), definition of “Severe non-attainment area for ozone.”</P>
        </SECTION>
        </REGTEXT>
        </SUPLINF>
        <FRDOC>[FR Doc. 2024-02700 Filed 2-9-24; 8:45 am]</FRDOC>
        </PRORULE></PRORULES></FEDREG>
        """

    /// Whether a rule is proposed is its element's kind, not words of its ACTION: a final rule that
    /// withdraws a proposal is a regulation, a proposed rule is not, whatever either's ACTION says.
    @Test func theKindOfARuleIsItsElementNotWordsOfItsAction() throws {
        let withdrawal = Self.proposal.replacingOccurrences(of: "PRORULE", with: "RULE")
            .replacingOccurrences(of: "<P>Proposed rule.</P>", with: "<P>Final rule; withdrawal of proposed rule.</P>")
        let final = try Corpus.collect([try Corpus.fixture("FR-withdrawal.xml", withdrawal)])
        #expect(final.instruments.first?.instrument.kind == .regulation)
        #expect(final.instruments.first?.instrument.isProposedRule == false)
        let interim = Self.proposal.replacingOccurrences(of: "PRORULE", with: "RULE")
            .replacingOccurrences(of: "<P>Proposed rule.</P>", with: "<P>Interim final rule.</P>")
        #expect(try Corpus.collect([try Corpus.fixture("FR-interim.xml", interim)]).instruments.first?.instrument.kind == .interimFinalRule)
        let proposal = try Corpus.collect([try Corpus.fixture("FR-prorule.xml", Self.proposal.replacingOccurrences(of: "<P>Proposed rule.</P>", with: "<P>Supplemental notice of proposed rulemaking.</P>"))])
        #expect(proposal.instruments.first?.instrument.kind == .other)
    }

    @Test func aProposedRuleWouldAmendAndItsTextIsMarkedProposedOnEveryProvision() throws {
        let imported = try Corpus.collect([try Corpus.fixture("FR-prorule.xml", Self.proposal)])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.isProposedRule)
        #expect(instrument.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "A proposed rule: nothing in it is law. Its instructions say how it would amend the CFR, and the text it sets out is proposed wording, not in the CFR and not in force; a final rule may adopt it, change it or drop it.",
        ])
        func amendmentNotes(_ id: String) -> [String] { imported.provision(id)?.notes.filter { $0.kind == .amendment }.map(\.text) ?? [] }
        #expect(amendmentNotes("amd_1") == ["Would amend 40 CFR part 52: restate authority citation for part 52 (proposed rule).",
                                           "Text set out with this instruction: Authority: 42 U.S.C. 7401 et seq."])
        #expect(amendmentNotes("amd_2") == ["Would amend 40 CFR part 52: add § 52.370(c)(130) (proposed rule)."])
        #expect(amendmentNotes("52.370") == ["Text proposed for the CFR by 89 FR 9772, amendatory instruction 2 (a proposed rule)."])
        // The instructions are the proposal's own text, cited to it; the wording set out for the
        // CFR is not the CFR's, and every provision of it says so.
        let setOut = imported.provisions.filter { $0.level != .amendment }
        #expect(setOut.map(\.canonicalID) == ["52.370", "52.370(c)(130)", "52.370(c)(130)(i)", "52.370(c)(130)(i)(A)"])
        let proposed = Note(kind: .unresolved, text: "Proposed text, not in force: 89 FR 9772, a proposed rule, would set out this wording in 40 CFR; it is not CFR text unless a final rule adopts it, and the final wording may differ.")
        #expect(setOut.map { $0.notes.filter { $0.kind == .unresolved } } == Array(repeating: [proposed], count: 4))
        #expect(setOut.map(\.evidence) == Array(repeating: .unverified, count: 4))
        #expect(imported.provisions.filter { $0.level == .amendment }.map(\.evidence) == [.verified, .verified])
    }

    /// The same rule as a final `RULE` keeps the wording of law.
    @Test func theSameTextInAFinalRuleAmendsTheCFR() throws {
        let final = Self.proposal.replacingOccurrences(of: "PRORULE", with: "RULE").replacingOccurrences(of: "Proposed rule.", with: "Final rule.")
        let imported = try Corpus.collect([try Corpus.fixture("FR-rule.xml", final)])
        #expect(imported.provision("amd_2")?.notes.filter { $0.kind == .amendment }.map(\.text) == ["Amends 40 CFR part 52: add § 52.370(c)(130)."])
        #expect(imported.provisions.filter { $0.level != .amendment }.allSatisfy { $0.evidence == .verified && !$0.notes.contains { $0.kind == .unresolved } })
    }

    @Test func citeCheckRefusesAFileOfProposedRulesOnly() throws {
        let path = try Corpus.fixture("FR-prorule.xml", Self.proposal)
        #expect(throws: OfficialImportError.proposedRuleOnly(file: path, documents: ["2024-02700"])) {
            try CitationChecker(officialFiles: [path])
        }
        #expect(OfficialImportError.proposedRuleOnly(file: "p.xml", documents: ["2024-02700"]).description
            == "p.xml: error: this Federal Register file holds only a proposed rule (FR Doc. 2024-02700): a proposal is not law, and the text it sets out is not the official text of any provision; check against the final rule, the eCFR or the annual CFR")
    }

    /// A file of proposed rules given with other official files is set aside with a note, and
    /// the others are checked; only proposals and nothing else are refused (QA verify-s10 N11:
    /// one PRORULE file refused the whole run).
    @Test func citeCheckSetsAsideAFileOfProposedRulesGivenWithOthers() throws {
        let proposal = try Corpus.fixture("FR-prorule.xml", Self.proposal)
        let final = Self.proposal.replacingOccurrences(of: "PRORULE", with: "RULE").replacingOccurrences(of: "2024-02700", with: "2024-02699")
        let rule = try Corpus.fixture("FR-rule.xml", final)
        for files in [[proposal, rule], [rule, proposal]] {
            let checker = try CitationChecker(officialFiles: files)
            #expect(checker.files == files)
            #expect(checker.setAside == ["\(proposal): note: FR Doc. 2024-02700 is a proposed rule, not law: its text is not checked against"])
        }
        let again = Self.proposal.replacingOccurrences(of: "2024-02700", with: "2024-02701")
        let second = try Corpus.fixture("FR-prorule2.xml", again)
        #expect(throws: OfficialImportError.proposedRuleOnly(file: proposal, documents: ["2024-02700"])) {
            try CitationChecker(officialFiles: [proposal, second])
        }
    }

    /// A daily issue holds final and proposed rules: the final ones are checked against, the
    /// proposed ones set aside, each with a note.
    @Test func citeCheckSetsAsideTheProposedRulesOfADailyIssue() throws {
        let final = Self.proposal.replacingOccurrences(of: "PRORULE", with: "RULE").replacingOccurrences(of: "2024-02700", with: "2024-02699")
        let inner = { (text: String) in text.components(separatedBy: "<DATE>Monday, February 12, 2024</DATE>")[1].components(separatedBy: "</FEDREG>")[0] }
        let issue = "<FEDREG><VOL>89</VOL><NO>29</NO><DATE>Monday, February 12, 2024</DATE>" + inner(final) + inner(Self.proposal) + "</FEDREG>"
        let path = try Corpus.fixture("FR-issue.xml", issue)
        let checker = try CitationChecker(officialFiles: [path])
        #expect(checker.setAside == ["\(path): note: FR Doc. 2024-02700 is a proposed rule, not law: its text is not checked against"])
    }
}
