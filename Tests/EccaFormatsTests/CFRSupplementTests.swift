import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// EAR supplements across the dialects: an annual-CFR supplement has the eCFR's id, citation and
/// heading; the CCL's entries end at a category's `Part N—` divider; the summary names ECCN
/// entries and notes, and says when a table of many rows is one provision.
///
/// The fixtures copy elements of the QA reviewer cfr5's inputs (/tmp/qa/cfr5/src/
/// annual-15-vol2-excerpt.xml, v-774-supp1-cat5.xml; see their PROVENANCE.md): built in the
/// documented shapes, no real XML of these supplements being in the corpus; the `Part 2—` layout
/// is secondary (a parser of the versioner CCL).
@Suite struct CFRSupplementTests {
    static let annual = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CFRDOC xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="CFRMergedXML.xsd">
        <AMDDATE>January 1, 2024</AMDDATE>
        <FMTR><TITLEPG><TITLENUM>Title 15</TITLENUM><SUBJECT>Commerce and Foreign Trade</SUBJECT><PARTS>Parts 300 to 799</PARTS><REVISED>Revised as of January 1, 2024</REVISED></TITLEPG></FMTR>
        <TITLE><CHAPTER><SUBCHAP>
        <PART>
        <EAR>Pt. 744</EAR>
        <HD SOURCE="HED">PART 744—CONTROL POLICY: END-USER AND END-USE BASED</HD>
        <SECTION>
        <SECTNO>§ 744.16</SECTNO>
        <SUBJECT>Entity List.</SUBJECT>
        <P>The Entity List (supplement no. 4 to part 744) identifies persons reasonably believed to be involved, or to pose a significant risk of being or becoming involved, in activities contrary to the national security or foreign policy interests of the United States.</P>
        </SECTION>
        <APPENDIX>
        <EAR>Pt. 744, Supp. 4</EAR>
        <HD SOURCE="HED">Supplement No. 4 to Part 744—Entity List</HD>
        <P>This Supplement lists certain entities subject to license requirements for specified items under this part 744 of the EAR.</P>
        <GPOTABLE CDEF="s50,r50,r50,r50,r50" COLS="5" OPTS="L2">
        <BOXHD>
        <CHED H="1">Country</CHED>
        <CHED H="1">Entity</CHED>
        <CHED H="1">License requirement</CHED>
        <CHED H="1">License review policy</CHED>
        <CHED H="1">Federal Register citation</CHED>
        </BOXHD>
        <ROW><ENT I="01">AFGHANISTAN</ENT><ENT>Abdul Satar Ghoura, Bagh Bala Road, Kabul, Afghanistan.</ENT><ENT>For all items subject to the EAR.</ENT><ENT>Presumption of denial.</ENT><ENT>76 FR 71869, 11/21/11.</ENT></ROW>
        <ROW><ENT I="01"/><ENT>Mohammad Kamal Rashid, Kabul, Afghanistan.</ENT><ENT>For all items subject to the EAR.</ENT><ENT>Presumption of denial.</ENT><ENT>76 FR 71869, 11/21/11.</ENT></ROW>
        </GPOTABLE>
        </APPENDIX>
        <APPENDIX>
        <EAR>Pt. 744, Supp. 5</EAR>
        <HD SOURCE="HED">Supplement No. 5 to Part 744—Procedures for End-User Review Committee Entity List Decisions</HD>
        <P>(a) <E T="03">Scope.</E> This supplement sets forth the procedures.</P>
        </APPENDIX>
        </PART>
        </SUBCHAP></CHAPTER></TITLE>
        </CFRDOC>
        """

    /// Before: id `Supplement No. 4 to Part 744—Entity List`, cited "15 CFR Supplement No. 4 to
    /// Part 744—Entity List", no heading; the shipped "15 CFR Part 744, Supp. No. 4" was then not
    /// covered by the volume that prints it.
    @Test func anAnnualSupplementIsNamedAndCitedAsTheECFRsIs() throws {
        let file = try Corpus.fixture("CFR-2024-title15-vol2.xml", Self.annual)
        let imported = try Corpus.collect([file])
        let list = try #require(imported.provision("Supplement No. 4 to Part 744"))
        #expect(list.citation == "15 CFR Part 744, Supp. No. 4")
        #expect(list.heading == "Entity List")
        #expect(list.sourceID == "Supplement No. 4 to Part 744")
        #expect(list.wording == "This Supplement lists certain entities subject to license requirements for specified items under this part 744 of the EAR. ¶ Country | Entity | License requirement | License review policy | Federal Register citation ¶ AFGHANISTAN | Abdul Satar Ghoura, Bagh Bala Road, Kabul, Afghanistan. | For all items subject to the EAR. | Presumption of denial. | 76 FR 71869, 11/21/11. ¶ | Mohammad Kamal Rashid, Kabul, Afghanistan. | For all items subject to the EAR. | Presumption of denial. | 76 FR 71869, 11/21/11. ¶")
        let procedures = try #require(imported.provision("Supplement No. 5 to Part 744"))
        #expect(procedures.citation == "15 CFR Part 744, Supp. No. 5")
        #expect(procedures.heading == "Procedures for End-User Review Committee Entity List Decisions")
        // The summary says the table's rows are not provisions of their own.
        #expect(imported.summary.instruments.first?.remarks == ["1 table of 2 rows imported as one provision (Supp. No. 4 to Part 744)"])

        let folder = try TemporaryFolder.make("formats").path
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1" version="1">
              <instrument id="us.earqa" jurisdiction="US" kind="cfr-part">
                <title>EAR supplements (test encoding)</title>
                <official-id scheme="cfr">15 CFR Parts 730-774</official-id>
                <source url="https://www.ecfr.gov/current/title-15/chapter-VII/subchapter-C" attribution="US Government work, public domain"/>
                <provision id="us.earqa.744.supp4" citation="15 CFR Part 744, Supp. No. 4" evidence="verified" eid="Supp. No. 4 to Part 744" wording-kind="paraphrase">
                  <heading>Entity List</heading>
                  <wording>The Entity List.</wording>
                </provision>
              </instrument>
            </rules>
            """.write(toFile: folder + "/supps.xml", atomically: true, encoding: .utf8)
        let shipped = RegulationsLoader().load(directories: [folder], schemaPath: Corpus.schema)
        let report = try CitationChecker(officialFiles: [file]).check(shipped.graph, on: .citeCheckDay)
        #expect(report.passed == ["us.earqa.744.supp4"])
        #expect(report.notCovered.isEmpty)
    }

    @Test func anAppendixHeadingIsSplitAtItsDash() {
        #expect(EcfrAdapterNames.split("Appendix A to Part 1204—Items To Cover in Memoranda of Agreement") == ["Appendix A to Part 1204", "Items To Cover in Memoranda of Agreement"])
        #expect(EcfrAdapterNames.split("Appendix to Part 1274—Listing of Exhibits") == ["Appendix to Part 1274", "Listing of Exhibits"])
        // Not an appendix's name before the dash, or no dash: the heading is the name.
        #expect(EcfrAdapterNames.split("Exhibit A to Part 1274—Contract Provisions") == ["Exhibit A to Part 1274—Contract Provisions"])
        #expect(EcfrAdapterNames.split("Appendix B to Part 51") == ["Appendix B to Part 51"])
        // A spaced hyphen or en dash for the em dash (QA verify-s10 N12, probe/cfr/ann-nodash.xml:
        // before, the whole heading was the name, cited "15 CFR Supplement No. 4 to Part 744 - Entity List").
        #expect(EcfrAdapterNames.split("Supplement No. 4 to Part 744 - Entity List") == ["Supplement No. 4 to Part 744", "Entity List"])
        #expect(EcfrAdapterNames.split("Appendix A to Part 1204 \u{2013} Items To Cover in Memoranda of Agreement") == ["Appendix A to Part 1204", "Items To Cover in Memoranda of Agreement"])
        // A hyphen inside a word or a range is no separator.
        #expect(EcfrAdapterNames.split("Appendix A to Part 1204-Items") == ["Appendix A to Part 1204-Items"])
    }

    /// Category 5's `Part 2—“Information Security”` divider ends 5A001 (before, it was the last
    /// words of 5A001's wording); the summary counts ECCN entries and notes by those names.
    @Test func aCCLEntryEndsAtAPartDivider() throws {
        let file = try Corpus.fixture("v-774-supp1-cat5.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV9 N="Supplement No. 1 to Part 774" TYPE="APPENDIX" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2025-01-16/title-15/appendix-Supplement No. 1 to Part 774&quot;,&quot;citation&quot;:&quot;15 CFR Supplement No. 1 to Part 774&quot;}">
            <HEAD>Supplement No. 1 to Part 774—The Commerce Control List</HEAD>
            <HD1>Category 5—Telecommunications and “Information Security”</HD1>
            <HD1>Part 1—Telecommunications</HD1>
            <HD1>A. “End Items,” “Equipment,” “Accessories,” “Attachments,” “Parts,” “Components,” and “Systems”</HD1>
            <FP-2><B>5A001 Telecommunications systems, “equipment,” “components” and “accessories,” as follows (see List of Items Controlled).</B></FP-2>
            <FP-1><I>Reason for Control:</I> NS, SL, AT</FP-1>
            <P>a. Any type of telecommunications equipment having any of the following characteristics, functions or features:</P>
            <NOTE><HED>Note 1:</HED><P>5A001.a does not control equipment specially designed for underwater operation.</P></NOTE>
            <HD1>Part 2—“Information Security”</HD1>
            <HD1>A. “End Items,” “Equipment,” “Accessories,” “Attachments,” “Parts,” “Components,” and “Systems”</HD1>
            <FP-2><B>5A002 “Information security” systems, “equipment” and “components,” as follows (see List of Items Controlled).</B></FP-2>
            <FP-1><I>Reason for Control:</I> NS, AT, EI</FP-1>
            <HD1>I. Items</HD1>
            <FP-2><B>5A003 An illustrative entry.</B></FP-2>
            <HD1>Annex</HD1>
            <P>Annex text.</P>
            </DIV9>
            """)
        let imported = try Corpus.collect([file])
        let supplement = "Supplement No. 1 to Part 774"
        #expect(imported.provision("\(supplement), ECCN 5A001")?.wording == "5A001 Telecommunications systems, “equipment,” “components” and “accessories,” as follows (see List of Items Controlled). Reason for Control: NS, SL, AT a. Any type of telecommunications equipment having any of the following characteristics, functions or features: Note 1: 5A001.a does not control equipment specially designed for underwater operation.")
        #expect(imported.provision("\(supplement), ECCN 5A002")?.wording == "5A002 “Information security” systems, “equipment” and “components,” as follows (see List of Items Controlled). Reason for Control: NS, AT, EI")
        #expect(imported.provision("\(supplement), ECCN 5A003")?.wording == "5A003 An illustrative entry.")
        #expect(imported.summary.rendered.contains("  5 provisions: 1 annex, 3 ECCN entries, 1 note\n"), "\(imported.summary.rendered)")
        // The CCL is divided: no remark that its tables are one provision.
        #expect(imported.summary.instruments.first?.remarks == [])
    }
}

/// `EcfrAdapter.appendixName(fromHeading:)` as a list, for whole-value comparisons.
enum EcfrAdapterNames {
    static func split(_ head: String) -> [String] {
        let (name, heading) = EcfrAdapter.appendixName(fromHeading: head)
        return [name] + (heading.map { [$0] } ?? [])
    }
}
