import ClauseGraph
import EccaFormats
import Foundation
import Testing

/// An `AMDPAR` printed outside any `REGTEXT` is read as an instruction, never dropped: its CFR
/// title and part come from the REGTEXT after it (or, after the last, the one before), with a
/// warning and an unresolved note (QA fr5, finding 4). The elements are the EPA rule FR Doc.
/// 2024-02700's (usgpo/bulk-data ndash-changes-March2024/updated/FR-2024-02-12.xml), instruction 4
/// moved before its REGTEXT as in the reviewer's mut/epa-amdpar-outside.xml.
@Suite struct FederalRegisterLooseInstructionTests {
    @Test func anInstructionOutsideRegulatoryTextIsReadWithTheNearestOne() throws {
        let path = try Corpus.fixture("FR-loose.xml", """
            <FEDREG><VOL>89</VOL><NO>29</NO><DATE>Monday, February 12, 2024</DATE>
            <RULES><RULE><PREAMB><AGENCY TYPE="N">ENVIRONMENTAL PROTECTION AGENCY</AGENCY><SUBJECT>Loose instructions</SUBJECT></PREAMB>
            <SUPLINF><PRTPAGE P="9773"/>
            <PART>
            <HD SOURCE="HED">PART 70—STATE OPERATING PERMIT PROGRAMS</HD>
            </PART>
            <AMDPAR>4. The authority citation for part 70 continues to read as follows:</AMDPAR>
            <REGTEXT TITLE="40" PART="70">
            <AUTH>
            <HD SOURCE="HED">Authority:</HD>
            <P>42 U.S.C. 7401, <E T="03">et seq.</E></P>
            </AUTH>
            </REGTEXT>
            <AMDPAR>5. In § 70.1, revise paragraph (b).</AMDPAR>
            </SUPLINF>
            <FRDOC>[FR Doc. 2024-02700 Filed 2-9-24; 8:45 am]</FRDOC></RULE></RULES></FEDREG>
            """)
        let imported = try Corpus.collect([path])
        let amendments = imported.provisions.filter { $0.level == .amendment }
        #expect(amendments.map(\.canonicalID) == ["amd_4", "amd_5"])
        #expect(amendments.map { $0.notes.filter { $0.kind != .editorial }.map(\.text) } == [
            ["Amends 40 CFR part 70: restate authority citation for part 70.",
             "This instruction stands outside the regulatory text (REGTEXT) in the official file: its CFR title and part (40 CFR part 70) are taken from the REGTEXT after it. Check the official text.",
             "Text set out with this instruction: Authority: 42 U.S.C. 7401, et seq."],
            ["Amends 40 CFR part 70: revise § 70.1(b).",
             "This instruction stands outside the regulatory text (REGTEXT) in the official file: its CFR title and part (40 CFR part 70) are taken from the REGTEXT before it. Check the official text."],
        ])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):7: warning: amendatory instruction 4 stands outside any REGTEXT; read with the REGTEXT after it (40 CFR part 70) [amd_4]",
            "\(path):14: warning: amendatory instruction 5 stands outside any REGTEXT; read with the REGTEXT before it (40 CFR part 70) [amd_5]",
        ])
        #expect(imported.summary.instruments.first?[.amendmentsRead] == 2)
    }

    @Test func anInstructionWithNoRegulatoryTextAtAllHasAnUnknownPart() throws {
        let path = try Corpus.fixture("FR-loose-only.xml", """
            <RULE><PREAMB><AGENCY TYPE="N">ENVIRONMENTAL PROTECTION AGENCY</AGENCY><SUBJECT>No REGTEXT</SUBJECT></PREAMB>
            <SUPLINF><AMDPAR>1. In § 70.1, revise paragraph (b).</AMDPAR></SUPLINF>
            <FRDOC>[FR Doc. 2024-02700 Filed 2-9-24; 8:45 am]</FRDOC></RULE>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provision("amd_1")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "This instruction stands outside the regulatory text (REGTEXT) in the official file: its CFR title and part are unknown. Check the official text.",
        ])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):2: warning: amendatory instruction 1 stands outside any REGTEXT, and the rule has none: its CFR part is unknown [amd_1]",
        ])
    }
}
