import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// A section's OMB approval note (`APPRO`, "an OMB number approval note in parentheses", GPO eCFR
/// guide §3.7), set after the section's last paragraph in the annual CFR and the eCFR alike. It is
/// a note on the section, as an `EDNOTE` is, not words of that paragraph (importer audit D3:
/// 14 CFR 1245.116(g) ended "… (Recordkeeping and reporting requirements contained in paragraph
/// (f) were approved by … 2700-0050)", and a shipped (g) as the text reads was reported drifted).
@Suite struct CFRApprovalNoteTests {
    static let approval = "(Recordkeeping and reporting requirements contained in paragraph (f) were approved by the Office of Management and Budget under control number 2700-0050)"

    /// The shape of CFR-2015-title14-vol5.xml:7697-7703, § 1245.116 (f)-(g).
    static let volume = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CFRDOC>
        <FMTR><TITLEPG><TITLENUM>Title 14</TITLENUM><SUBJECT>Aeronautics and Space</SUBJECT><REVISED>Revised as of January 1, 2015</REVISED></TITLEPG></FMTR>
        <TITLE><CHAPTER><PART><EAR>Pt. 1245</EAR><HD SOURCE="HED">PART 1245—PATENTS</HD>
        <SECTION><SECTNO>§ 1245.116</SECTNO><SUBJECT>Conditions.</SUBJECT>
        <P>(f) <E T="03">Utilization reports.</E> The waiver recipient shall provide reports.</P>
        <P>(g) <E T="03">Communications.</E> All communications shall be furnished to the patent representative.</P>
        <APPRO>\(approval)</APPRO>
        </SECTION>
        </PART></CHAPTER></TITLE>
        </CFRDOC>
        """

    @Test func anAnnualApprovalNoteIsANoteOnTheSection() throws {
        let file = try Corpus.fixture("CFR-2015-title14-vol5.xml", Self.volume)
        let imported = try Corpus.collect([file])
        let g = try #require(imported.provision("1245.116(g)"))
        #expect(g.wording == "(g) Communications. All communications shall be furnished to the patent representative.")
        #expect(g.notes.isEmpty)
        #expect(g.span.firstLine == 7 && g.span.lastLine == 7)
        let section = try #require(imported.provision("1245.116"))
        #expect(section.wording == "(f) Utilization reports. The waiver recipient shall provide reports. (g) Communications. All communications shall be furnished to the patent representative.")
        #expect(section.notes.map(\.text) == ["OMB approval: \(Self.approval)"])
        #expect(section.notes.map(\.kind) == [.editorial])
        if Corpus.available(Corpus.cfrAnnual) {
            let real = try Corpus.collect([Corpus.cfrAnnual])
            #expect(real.provision("1245.116(g)")?.wording.hasSuffix("the contract under which the waived invention was made.") == true)
            #expect(real.provision("1245.116")?.notes.contains(Note(kind: .editorial, text: "OMB approval: \(Self.approval)")) == true)
        }
    }

    /// The eCFR bulk dialect sets it alike (`<APPRO TYPE="N">`, the guide's § 1305.3) and reads it
    /// by the same path; one in an appendix is a note on the appendix, not in its wording.
    @Test func anEcfrApprovalNoteIsANoteOnTheSection() throws {
        let file = try Corpus.fixture("ECFR-title5.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">5</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS><AMDDATE>Jan. 2, 2025</AMDDATE>
            <DIV1 N="1" NODE="5:3" TYPE="TITLE"><HEAD>Title 5—Administrative Personnel</HEAD>
            <DIV5 N="1305" NODE="5:3.0.2.2.5" TYPE="PART"><HEAD>PART 1305—RELEASE OF OFFICIAL INFORMATION</HEAD>
            <DIV8 N="§ 1305.3" NODE="5:3.0.2.2.5.0.48.3" TYPE="SECTION">
            <HEAD>§ 1305.3   Procedures in the event of a demand for disclosure.</HEAD>
            <P>(a) Whenever a demand is made upon an employee, the employee shall notify the General Counsel.</P>
            <P>(b) If response to a demand is required before instructions are received, the employee shall appear.</P>
            <APPRO TYPE="N">(Approved by the Office of Management and Budget under control number 0348–0056)</APPRO>
            </DIV8>
            <DIV9 N="Appendix A to Part 1305" NODE="5:3.0.2.2.5.0.48.9" TYPE="APPENDIX"><HEAD>Appendix A to Part 1305—Forms</HEAD>
            <P>Form 1 is used for demands.</P>
            <APPRO TYPE="N">(Approved by the Office of Management and Budget under control number 0348–0057)</APPRO>
            </DIV9>
            </DIV5></DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """)
        let imported = try Corpus.collect([file])
        #expect(imported.provision("1305.3(b)")?.wording == "(b) If response to a demand is required before instructions are received, the employee shall appear.")
        #expect(imported.provision("1305.3")?.notes.map(\.text) == ["OMB approval: (Approved by the Office of Management and Budget under control number 0348–0056)"])
        let appendix = try #require(imported.provision("Appendix A to Part 1305"))
        #expect(appendix.wording == "Form 1 is used for demands.")
        #expect(appendix.notes.map(\.text) == ["OMB approval: (Approved by the Office of Management and Budget under control number 0348–0057)"])
    }
}
