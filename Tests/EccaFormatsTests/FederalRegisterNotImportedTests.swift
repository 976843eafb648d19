import ClauseGraph
import EccaFormats
import Foundation
import Testing

/// A daily issue's documents that ecca does not import (notices, corrections, presidential
/// documents) are named in the summary by their FR Doc. numbers, and a correction of regulatory
/// text is warned of (QA fr5, finding 2). The shapes are the reviewer's mut/daily-issue.xml (a
/// BIS notice and a correction written in GPO markup, hand-made: no real BIS FR XML is in the
/// indexes) and a presidential document in the GPO wrapper.
@Suite struct FederalRegisterNotImportedTests {
    static let rule = """
        <RULES><RULE><PREAMB><AGENCY TYPE="N">DEPARTMENT OF TRANSPORTATION</AGENCY><SUBJECT>A rule</SUBJECT></PREAMB>
        <SUPLINF><PRTPAGE P="9741"/><REGTEXT TITLE="14" PART="39">
        <AMDPAR>1. The authority citation for part 39 continues to read as follows:</AMDPAR><AUTH><P>49 U.S.C. 106(g).</P></AUTH></REGTEXT></SUPLINF>
        <FRDOC>[FR Doc. 2024-02930 Filed 2-8-24; 2:00 pm]</FRDOC></RULE></RULES>
        """
    static let others = """
        <UNITNAME>Notices</UNITNAME>
        <NOTICES>
        <NOTICE>
        <PREAMB>
        <PRTPAGE P="9820"/>
        <AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY>
        <SUBAGY>Bureau of Industry and Security</SUBAGY>
        <SUBJECT>Order Denying Export Privileges</SUBJECT>
        </PREAMB>
        <FRDOC>[FR Doc. 2024-09999 Filed 2-9-24; 8:45 am]</FRDOC>
        </NOTICE>
        </NOTICES>
        <UNITNAME>Corrections</UNITNAME>
        <CORRECT>
        <RULE>
        <PREAMB>
        <AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY>
        <SUBAGY>Bureau of Industry and Security</SUBAGY>
        <CFR>15 CFR Part 744</CFR>
        <SUBJECT>Additions to the Entity List</SUBJECT>
        <PRTPAGE P="9919"/>
        </PREAMB>
        <P>In rule document 2024-01111 beginning on page 9001 in the issue of Monday, February 5, 2024, make the following correction:</P>
        <REGTEXT TITLE="15" PART="744">
        <AMDPAR>On page 9003, in the first column, in amendatory instruction 2, “Supplement No. 4” should read “Supplement No. 6”.</AMDPAR>
        </REGTEXT>
        <FRDOC>[FR Doc. C1-2024-01111 Filed 2-9-24; 8:45 am]</FRDOC>
        </RULE>
        </CORRECT>
        <PRESDOCU><PROCLA><PRES>Proclamation 10700 of February 8, 2024</PRES><P>Text.</P>
        <FRDOC>[FR Doc. 2024-03000 Filed 2-9-24; 11:15 am]</FRDOC></PROCLA></PRESDOCU>
        """
    static let head = "<FEDREG><VOL>89</VOL><NO>29</NO><DATE>Monday, February 12, 2024</DATE>\n"

    @Test func documentsNotImportedAreNamedAndACorrectionOfRegulatoryTextIsWarnedOf() throws {
        let path = try Corpus.fixture("FR-daily.xml", Self.head + Self.rule + "\n" + Self.others + "\n</FEDREG>")
        let imported = try Corpus.collect([path])
        #expect(imported.instruments.map(\.instrument.id) == ["us.fr-2024-02930"])
        #expect(imported.summary.notImported == [
            .init(file: path, kind: .notice, documentNumber: "2024-09999", line: 8),
            .init(file: path, kind: .correction, documentNumber: "C1-2024-01111", line: 19),
            .init(file: path, kind: .presidentialDocument, documentNumber: "2024-03000", line: 35),
        ])
        #expect(imported.summary.rendered.hasSuffix("""
            \(path): not imported (ecca imports rules and proposed rules): 1 notice (FR Doc. 2024-09999); 1 correction (FR Doc. C1-2024-01111); 1 presidential document (FR Doc. 2024-03000)

            """))
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):29: warning: FR Doc. C1-2024-01111 corrects the regulatory text of a rule (“On page 9003, in the first column, in amendatory instruction 2, “Supplement No. 4” should read “Supplement No. 6”.”) and is not applied: ecca does not import corrections, and the rule as imported from its own issue does not show it",
        ])
        // The warning is the file's, not the rule's.
        #expect(imported.summary.instruments.first?.diagnostics == [:])
    }

    /// The page markers of documents not imported still count: a rule after them with no marker
    /// of its own is on their last page (9919, the correction's), not on the page of the rule
    /// before them.
    @Test func theNoticesPagesPlaceTheDocumentAfterThem() throws {
        let path = try Corpus.fixture("FR-after-notice.xml", Self.head + Self.rule + "\n" + Self.others + """
            <RULES><RULE><PREAMB><AGENCY TYPE="N">DEPARTMENT OF TRANSPORTATION</AGENCY><SUBJECT>No marker</SUBJECT></PREAMB>
            <FRDOC>[FR Doc. 2024-02931 Filed 2-8-24; 2:00 pm]</FRDOC></RULE></RULES></FEDREG>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.instruments.map { $0.instrument.officialIDs.first { $0.scheme == "fr" }?.value } == ["89 FR 9740", "89 FR 9919"])
    }

    @Test func anIssueWithoutRulesSaysWhatItHolds() throws {
        let path = try Corpus.fixture("FR-notices.xml", Self.head + Self.others + "\n</FEDREG>")
        #expect(throws: OfficialImportError.nothingToImport(file: path, dialect: .fr,
                                                           why: "it holds no rule or proposed rule, only 1 notice, 1 correction, 1 presidential document, which ecca does not import")) {
            try Corpus.collect([path])
        }
    }
}
