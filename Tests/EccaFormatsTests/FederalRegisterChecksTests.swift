import ClauseGraph
import EccaFormats
import Foundation
import Testing

/// Small checks on a Federal Register document (QA fr5, findings 7-9): an instruction whose text
/// "reads as follows" with nothing set out is reported; a single document without the issue's
/// volume and date says why it has no FR citation or date; the ACTION ends in one period. Elements
/// from the EPA rule FR Doc. 2024-02700 and the FAA rule FR Doc. 2024-02930 (usgpo/bulk-data
/// ndash-changes-March2024/updated/FR-2024-02-12.xml), cut down.
@Suite struct FederalRegisterChecksTests {
    @Test func anInstructionThatPromisesTextWithNothingSetOutIsReported() throws {
        let path = try Corpus.fixture("FR-no-section.xml", """
            <FEDREG><VOL>89</VOL><NO>29</NO><DATE>Monday, February 12, 2024</DATE>
            <RULES><RULE><PREAMB><AGENCY TYPE="N">ENVIRONMENTAL PROTECTION AGENCY</AGENCY><SUBJECT>Damaged copy</SUBJECT>
            <ACT><HD SOURCE="HED">ACTION:</HD><P>Final rule.</P></ACT></PREAMB>
            <SUPLINF><PRTPAGE P="9773"/>
            <REGTEXT TITLE="40" PART="52">
            <AMDPAR>1. The authority citation for part 52 continues to read as follows:</AMDPAR>
            <AUTH><HD SOURCE="HED">Authority: </HD><P>42 U.S.C. 7401 <E T="03">et seq.</E></P></AUTH>
            </REGTEXT>
            <REGTEXT TITLE="40" PART="52">
            <AMDPAR>2. Section 52.370 is amended by adding paragraph (c)(130) to read as follows:</AMDPAR>
            </REGTEXT>
            </SUPLINF><FRDOC>[FR Doc. 2024-02700 Filed 2-9-24; 8:45 am]</FRDOC></RULE></RULES></FEDREG>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):10: warning: amendatory instruction 2 says its text reads as follows, but nothing is set out after it before the next instruction (a damaged or mis-nested file?) [amd_2]",
        ])
        #expect(imported.provision("amd_2")?.notes.filter { $0.kind == .unresolved }.map(\.text)
                == ["The instruction says its text reads as follows, but the official file sets out nothing after it; check the official text."])
        #expect(imported.provision("amd_1")?.notes.contains { $0.kind == .unresolved } == false)
        #expect(imported.instruments.first?.instrument.notes.first?.text.contains("Action: Final rule. Amendment instructions") == true)
    }

    @Test func aSingleDocumentSaysWhyItHasNoCitationOrDate() throws {
        let path = try Corpus.fixture("FR-single.xml", """
            <RULE>
            <PREAMB>
            <PRTPAGE P="9741"/>
            <AGENCY TYPE="F">DEPARTMENT OF TRANSPORTATION</AGENCY>
            <SUBAGY>Federal Aviation Administration</SUBAGY>
            <SUBJECT>Airworthiness Directives; The Boeing Company Airplanes</SUBJECT>
            <ACT><HD SOURCE="HED">ACTION:</HD><P>Final rule; request for comments.</P></ACT>
            </PREAMB>
            <SUPLINF><PART><PRTPAGE P="9743"/><HD SOURCE="HED">PART 39—AIRWORTHINESS DIRECTIVES</HD></PART>
            <REGTEXT TITLE="14" PART="39"><AMDPAR>1. The authority citation for part 39 continues to read as follows:</AMDPAR>
            <AUTH><HD SOURCE="HED">Authority:</HD><P> 49 U.S.C. 106(g), 40113, 44701.</P></AUTH></REGTEXT></SUPLINF>
            <FRDOC>[FR Doc. 2024-02930 Filed 2-8-24; 2:00 pm]</FRDOC>
            </RULE>
            """)
        let imported = try Corpus.collect([path])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.notes.map(\.text) == [
            "Imported by ecca from the Federal Register XML file FR-single.xml. Agency: DEPARTMENT OF TRANSPORTATION, Federal Aviation Administration. Action: Final rule; request for comments. Amendment instructions are read by ecca's grammar (docs/importers.md); the CFR text the rule sets out is verbatim.",
            "The file has no issue volume (VOL) or date (DATE) (a single document, as federalregister.gov serves it, has none): the Federal Register citation (volume and page) and the publication date could not be formed. Its page markers put its start on page 9741. Its provisions are cited by FR Doc. number.",
        ])
        #expect(instrument.officialIDs.contains { $0.scheme == "fr" } == false)
        #expect(imported.provision("amd_1")?.citation == "FR Doc. 2024-02930, amendatory instruction 1")
    }
}
