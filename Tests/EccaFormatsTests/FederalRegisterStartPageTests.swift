import ClauseGraph
import EccaFormats
import Foundation
import Testing

/// The page a Federal Register document starts on, which is its legal citation ("89 FR 9741") and
/// the prefix of every provision's citation (QA fr5, finding 1).
@Suite struct FederalRegisterStartPageTests {
    /// The FAA rule FR Doc. 2024-02930 opens with `<PRTPAGE P="9741"/>` before any text: it starts
    /// on page 9741 (its contents entry reads 9741-9743), not on the page before. Elements copied
    /// from usgpo/bulk-data ndash-changes-March2024/updated/FR-2024-02-12.xml (the contents' last
    /// marker `vi`, the rule's wrapper, preamble head and instruction 1), shortened.
    @Test func aDocumentWhoseFirstPageMarkerComesBeforeItsTextStartsOnThatPage() throws {
        let path = try Corpus.fixture("FR-start-page.xml", """
            <FEDREG><VOL>89</VOL><NO>29</NO><DATE>Monday, February 12, 2024</DATE>
            <CNTNTS><PRTPAGE P="vi"/><AGCY><EAR>Transportation</EAR></AGCY></CNTNTS>
            <UNITNAME>Rules and Regulations</UNITNAME>
            <RULES>
            <RULE>
            <PREAMB>
            <PRTPAGE P="9741"/>
            <AGENCY TYPE="F">DEPARTMENT OF TRANSPORTATION</AGENCY>
            <SUBAGY>Federal Aviation Administration</SUBAGY>
            <CFR>14 CFR Part 39</CFR>
            <SUBJECT>Airworthiness Directives; The Boeing Company Airplanes</SUBJECT>
            <EFFDATE><HD SOURCE="HED">DATES:</HD><P>This AD is effective February 12, 2024.</P></EFFDATE>
            </PREAMB>
            <SUPLINF>
            <P>Accordingly, under the authority delegated to me by the Administrator, the FAA amends 14 CFR part 39 as follows:</P>
            <PART><PRTPAGE P="9743"/><HD SOURCE="HED">PART 39—AIRWORTHINESS DIRECTIVES</HD></PART>
            <REGTEXT TITLE="14" PART="39">
            <AMDPAR>1. The authority citation for part 39 continues to read as follows:</AMDPAR>
            <AUTH><HD SOURCE="HED">Authority:</HD><P> 49 U.S.C. 106(g), 40113, 44701.</P></AUTH>
            </REGTEXT>
            </SUPLINF>
            <FRDOC>[FR Doc. 2024-02930 Filed 2-8-24; 2:00 pm]</FRDOC>
            </RULE>
            <RULE>
            <PREAMB><AGENCY TYPE="S">DEPARTMENT OF TRANSPORTATION</AGENCY><SUBJECT>Second rule, mid-page</SUBJECT></PREAMB>
            <SUPLINF><P>Text on page 9743.</P><PRTPAGE P="9744"/>
            <REGTEXT TITLE="14" PART="39"><AMDPAR>1. The authority citation for part 39 continues to read as follows:</AMDPAR></REGTEXT>
            </SUPLINF>
            <FRDOC>[FR Doc. 2024-02931 Filed 2-8-24; 2:00 pm]</FRDOC>
            </RULE>
            <RULE>
            <PREAMB><AGENCY TYPE="S">DEPARTMENT OF TRANSPORTATION</AGENCY><SUBJECT>Third rule, no marker of its own</SUBJECT></PREAMB>
            <FRDOC>[FR Doc. 2024-02932 Filed 2-8-24; 2:00 pm]</FRDOC>
            </RULE>
            </RULES></FEDREG>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.instruments.map { $0.instrument.officialIDs.first { $0.scheme == "fr" }?.value }
                == ["89 FR 9741", "89 FR 9743", "89 FR 9744"])
        #expect(imported.instruments.map { $0.instrument.notes.map(\.text).filter { $0.contains("PRTPAGE") } } == [
            ["The document starts on page 9741: its first page marker (PRTPAGE) comes before any of its text."],
            ["The document starts on page 9743: its text begins before its first page marker (PRTPAGE), for page 9744."],
            ["The document has no page marker (PRTPAGE) of its own: it is taken to be on page 9744, the page of the last marker before it."],
        ])
        let faa = imported.instruments[0].provisions
        #expect(faa.map(\.citation) == ["89 FR 9741, DATES", "89 FR 9741, 9743, amendatory instruction 1"])
        #expect(imported.instruments[1].provisions.map(\.citation) == ["89 FR 9743, 9744, amendatory instruction 1"])
    }

    /// An issue's file with a volume but no page marker at all (QA verify-s10 N9: probe
    /// /tmp/s10/verify/probe/fr/p7b-no-page.xml, the BIS shape with every PRTPAGE removed) has no
    /// FR citation, and a note says why, as a single document without VOL does.
    @Test func aDocumentWithAVolumeButNoPageMarkerSaysWhyItHasNoCitation() throws {
        let path = try Corpus.fixture("FR-no-page.xml", """
            <FEDREG><VOL>89</VOL><NO>39</NO><DATE>Tuesday, February 27, 2024</DATE>
            <RULES><RULE>
            <PREAMB><AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY><SUBAGY>Bureau of Industry and Security</SUBAGY>
            <SUBJECT>Additions of Entities, Revisions of Entries, and Removal of an Entity From the Entity List</SUBJECT>
            <EFFDATE><HD SOURCE="HED">DATES:</HD><P>This rule is effective February 27, 2024.</P></EFFDATE></PREAMB>
            <FRDOC>[FR Doc. 2024-03674 Filed 2-26-24; 8:45 am]</FRDOC>
            </RULE></RULES></FEDREG>
            """)
        let imported = try Corpus.collect([path])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.officialIDs.map(\.value) == ["FR Doc. 2024-03674"])
        #expect(instrument.notes.filter { $0.kind == .editorial }.map(\.text).dropFirst() == [
            "The file has no page marker (PRTPAGE) in or before this document: the page it starts on, and so its Federal Register citation (volume and page), could not be formed. Its provisions are cited by FR Doc. number.",
        ])
        #expect(imported.instruments[0].provisions.map(\.citation) == ["FR Doc. 2024-03674, DATES"])
    }

    /// The three rules of the corpus excerpt all begin mid-page, before their first marker: their
    /// citations (89 FR 9769, 9757, 9784, as printed in the contents) stay as they were.
    @Test func theCorpusRulesThatBeginMidPageKeepThePageBeforeTheirFirstMarker() throws {
        guard Corpus.available(Corpus.federalRegister) else { return }
        let imported = try Corpus.collect([Corpus.federalRegister])
        #expect(imported.instruments.map { $0.instrument.officialIDs.first { $0.scheme == "fr" }?.value }
                == ["89 FR 9769", "89 FR 9757", "89 FR 9784"])
    }
}
