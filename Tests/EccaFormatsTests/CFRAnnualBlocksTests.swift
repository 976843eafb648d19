import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// Annual-CFR blocks whose text was lost or misread (QA fidelity F3, F5): the headings inside an
/// appendix (`HD SOURCE="HD1"`, `"HD2"`), kept as the eCFR's `DIV9` keeps them; and formulas and
/// pictures printed as images (`MATH`/`MID`, `GPH`/`GID`), whose ids are not text.
///
/// The fixture copies elements of CFR-2015-title14-vol5.xml: § 1214.103(g)(3)-(4) (lines
/// 3942-3954, renumbered (a)(1)-(2)) and the shape of the appendices to parts 1271 and 1274
/// (lines 12251-12280, 13939 ff.).
@Suite struct CFRAnnualBlocksTests {
    static let volume = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CFRDOC>
        <FMTR><TITLEPG><TITLENUM>Title 14</TITLENUM><SUBJECT>Aeronautics and Space</SUBJECT><REVISED>Revised as of January 1, 2015</REVISED></TITLEPG></FMTR>
        <TITLE><CHAPTER><PART><EAR>Pt. 1214</EAR><HD SOURCE="HED">PART 1214—SPACE FLIGHT</HD>
        <SECTION><SECTNO>§ 1214.103</SECTNO><SUBJECT>Reimbursement.</SUBJECT>
        <P>(a) Charges.</P>
        <P>(1) The computed charge factor for a payload is defined as:</P>
        <MATH DEEP="24" SPAN="1">
        <MID>EC14NO91.003</MID>
        </MATH>
        <P>If the computed charge factor exceeds 1.0, the charge factor will be 1.0.</P>
        <P>(2) The load factor is defined as the maximum of:</P>
        </SECTION>
        <APPENDIX>
        <EAR>Pt. 1274, App.</EAR>
        <HD SOURCE="HED">Appendix to Part 1274—Listing of Exhibits</HD>
        <HD SOURCE="HD1">Exhibit A to Part 1274—Contract Provisions</HD>
        <P>The Recipient shall include the following provisions.</P>
        <HD SOURCE="HD1">Exhibit B to Part 1274—Reports</HD>
        <HD SOURCE="HD2">1. Property Reporting.</HD>
        <P>The Recipient shall report property.</P>
        </APPENDIX>
        <APPENDIX>
        <EAR>Pt. 1271, App. B</EAR>
        <HD SOURCE="HED">Appendix B to Part 1271—Disclosure Form To Report Lobbying</HD>
        <GPH DEEP="640" SPAN="3">
        <GID>EC09SE91.013</GID>
        </GPH>
        </APPENDIX>
        </PART></CHAPTER></TITLE>
        </CFRDOC>
        """

    /// Before: "Exhibit A…", "Exhibit B…" and "1. Property Reporting." were left out, and the two
    /// exhibits ran together in one wording.
    @Test func headingsInsideAnAnnualAppendixAreItsWording() throws {
        let file = try Corpus.fixture("CFR-2015-title14-vol5.xml", Self.volume)
        let imported = try Corpus.collect([file])
        let appendix = try #require(imported.provision("Appendix to Part 1274"))
        #expect(appendix.heading == "Listing of Exhibits")
        #expect(appendix.wording == "Exhibit A to Part 1274—Contract Provisions The Recipient shall include the following provisions. Exhibit B to Part 1274—Reports 1. Property Reporting. The Recipient shall report property.")
        if Corpus.available(Corpus.cfrAnnual) {
            let real = try Corpus.collect([Corpus.cfrAnnual])
            let lobbying = try #require(real.provision("Appendix A to Part 1271"))
            #expect(lobbying.wording.hasPrefix("Certification for Contracts, Grants, Loans, and Cooperative Agreements The undersigned certifies"))
            #expect(lobbying.wording.contains(" Statement for Loan Guarantees and Loan Insurance The undersigned states"))
            #expect(real.provision("Appendix to Part 1274")?.wording.contains("Exhibit B to Part 1274—Reports") == true)
        }
    }

    /// Before: § 1214.103(g)(3) read "… is defined as: EC14NO91.003 If the computed charge factor
    /// …", an image's file name as legal text, and nothing said the formula was missing. The id is
    /// left out; a warning, a count and a note on the provision that holds the image name it.
    @Test func anImagesIdIsNoWordingAndItsOmissionIsReported() throws {
        let file = try Corpus.fixture("CFR-2015-title14-vol5.xml", Self.volume)
        let imported = try Corpus.collect([file])
        let g3 = try #require(imported.provision("1214.103(a)(1)"))
        #expect(g3.wording == "(1) The computed charge factor for a payload is defined as: If the computed charge factor exceeds 1.0, the charge factor will be 1.0.")
        #expect(g3.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The official text here prints a formula as an image (EC14NO91.003); it is not carried in this wording. Check the official text.",
        ])
        #expect(imported.provision("1214.103(a)(2)")?.notes.contains { $0.kind == .unresolved } == false)
        let form = try #require(imported.provision("Appendix B to Part 1271"))
        #expect(form.wording == "Appendix B to Part 1271—Disclosure Form To Report Lobbying")  // a graphic alone: its heading stands in
        #expect(form.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The official text here prints a picture (EC09SE91.013); it is not carried in this wording. Check the official text.",
        ])
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):9: warning: § 1214.103(a)(1): the official text prints a formula as an image (EC14NO91.003), which is not carried: the id is left out of the wording and what the image shows is not imported [1214.103(a)(1)]",
            "\(file):27: warning: Appendix B to Part 1271: the official text prints a picture (EC09SE91.013), which is not carried: the id is left out of the wording and what the image shows is not imported [Appendix B to Part 1271]",
        ])
        #expect(imported.summary.instruments.first?[.imagesNotCarried] == 2)
        if Corpus.available(Corpus.cfrAnnual) {
            let real = try Corpus.collect([Corpus.cfrAnnual])
            #expect(real.provision("1214.103(g)(3)")?.wording.hasPrefix("(3) The computed charge factor for a payload is defined as: If the computed charge factor exceeds 1.0") == true)
            // 16 formulas in sections, 4 pictures in sections and 3 in an appendix; the front matter's seals are no provision's.
            #expect(real.summary.instruments.first?[.imagesNotCarried] == 23)
            #expect(!real.provisions.contains { $0.wording.contains("EC14NO91") || $0.wording.contains("EC09SE91") })
        }
    }

    /// An appendix's history (`CITA`, CFR-2015-title14-vol5.xml:8094 in Appendix A to Part 1250)
    /// is an amendment note on it, as a section's is and as the eCFR's appendix has it. Before, it
    /// ended the wording of five of the volume's fourteen appendices ("… (TUT). [77 FR 6954, Feb.
    /// 10, 2012]"), with no amendment note, and `cite-check` reported a shipped appendix drifted.
    @Test func anAppendixHistoryIsAnAmendmentNote() throws {
        let file = try Corpus.fixture("CFR-2015-title14-vol5.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <CFRDOC>
            <FMTR><TITLEPG><TITLENUM>Title 14</TITLENUM><SUBJECT>Aeronautics and Space</SUBJECT><REVISED>Revised as of January 1, 2015</REVISED></TITLEPG></FMTR>
            <TITLE><CHAPTER><PART><EAR>Pt. 1250</EAR><HD SOURCE="HED">PART 1250—NONDISCRIMINATION</HD>
            <APPENDIX>
            <EAR>Pt. 1250, App. A</EAR>
            <HD SOURCE="HED">Appendix A to Part 1250—NASA Federal Financial Assistance to Which This Part Applies</HD>
            <P>1. Grants made under the authority of Pub. L. 85-934.</P>
            <P>2. Facilities grants made under authority in annual NASA authorization and appropriation acts.</P>
            <CITA>[30 FR 301, Jan. 9, 1965, as amended at 38 FR 17936, July 5, 1973]</CITA>
            </APPENDIX>
            </PART></CHAPTER></TITLE>
            </CFRDOC>
            """)
        let imported = try Corpus.collect([file])
        let appendix = try #require(imported.provision("Appendix A to Part 1250"))
        #expect(appendix.wording == "1. Grants made under the authority of Pub. L. 85-934. 2. Facilities grants made under authority in annual NASA authorization and appropriation acts.")
        #expect(appendix.notes == [Note(kind: .amendment, text: "Source: [30 FR 301, Jan. 9, 1965, as amended at 38 FR 17936, July 5, 1973]")])
        if Corpus.available(Corpus.cfrAnnual) {
            let real = try Corpus.collect([Corpus.cfrAnnual])
            let appendices = real.provisions.filter { $0.level == .annex }
            #expect(appendices.count == 14)
            #expect(!appendices.contains { $0.wording.hasSuffix("]") })
            #expect(appendices.filter { $0.notes.contains { $0.kind == .amendment } }.map(\.canonicalID) == [
                "Appendix A to Part 1215", "Appendix C to Part 1215", "Appendix A to Part 1250", "Appendix to Part 1274", "Appendix to Part 1275",
            ])
            #expect(real.provision("Appendix C to Part 1215")?.notes.contains(Note(kind: .amendment, text: "Source: [56 FR 28049, June 19, 1991]")) == true)
            #expect(real.provision("Appendix C to Part 1215")?.wording.hasSuffix("assessed the emergency service rate. ¶") == true)
        }
    }
}
