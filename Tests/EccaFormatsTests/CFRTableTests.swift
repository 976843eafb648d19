import ClauseGraph
import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// Tables in GPO text keep their cell positions (`TableText`): each row's cells joined by " | ",
/// an empty cell an empty position, rows set apart by " ¶ "; and a footnote mark whose note is
/// kept is written as the note's number is ("Cuba [1]", "[1] See part 746 …").
///
/// The fixtures copy elements of the QA reviewer cfr5's inputs (/tmp/qa/cfr5/src/v-738-supp1.xml,
/// bulk-15-738-744-excerpt.xml, v-744-supp4.xml; see their PROVENANCE.md): the table markup is
/// the versioner's HTML `TABLE` and GPO's `GPOTABLE` as the derived 4E091 copy and FORMATS.md 1.5
/// show them; the Country Chart's X patterns and the Entity List's rows are illustrative, not the
/// official ones. No real XML of these supplements is in the corpus.
@Suite struct CFRTableTests {
    /// Supplement No. 1 to Part 738 as the versioner serves it: two header rows, empty cells `<TD/>`.
    static func countryChart(canada: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV9 N="Supplement No. 1 to Part 738" TYPE="APPENDIX" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2025-01-16/title-15/appendix-Supplement No. 1 to Part 738&quot;,&quot;citation&quot;:&quot;15 CFR Supplement No. 1 to Part 738&quot;}">
        <HEAD>Supplement No. 1 to Part 738—Commerce Country Chart</HEAD>
        <HD1>Reason for Control</HD1>
        <DIV>
        <TABLE border="1" cellpadding="1" cellspacing="1" class="gpo_table" frame="void" width="100%">
        <THEAD>
        <TR>
        <TH class="center" rowspan="2">Countries</TH>
        <TH class="center" colspan="3">Chemical &amp; biological weapons</TH>
        <TH class="center" colspan="2">Nuclear nonproliferation</TH>
        </TR>
        <TR>
        <TH class="center">CB 1</TH>
        <TH class="center">CB 2</TH>
        <TH class="center">CB 3</TH>
        <TH class="center">NP 1</TH>
        <TH class="center">NP 2</TH>
        </TR>
        </THEAD>
        <TBODY>
        <TR><TD class="left">Afghanistan</TD><TD class="center">X</TD><TD class="center">X</TD><TD class="center"/><TD class="center">X</TD><TD class="center"/></TR>
        \(canada)
        <TR><TD class="left">Cuba <sup>1</sup></TD><TD class="center"/><TD class="center"/><TD class="center"/><TD class="center"/><TD class="center"/></TR>
        </TBODY>
        </TABLE>
        </DIV>
        <P><SU>1</SU> See part 746 of the EAR to determine whether a license is required in order to export or reexport to this destination.</P>
        <CITA TYPE="N">[61 FR 12734, Mar. 25, 1996]</CITA>
        </DIV9>
        """
    }

    static let canada = #"<TR><TD class="left">Canada</TD><TD class="center">X</TD><TD class="center"/><TD class="center"/><TD class="center"/><TD class="center"/></TR>"#
    /// Canada's X moved from CB 1 to NP 1 (the reviewer's mut/v-738-supp1-canada-moved.xml).
    static let canadaMoved = #"<TR><TD class="left">Canada</TD><TD class="center"/><TD class="center"/><TD class="center"/><TD class="center">X</TD><TD class="center"/></TR>"#

    static let headerNote = Note(kind: .unresolved, text: "A table here has a header of two or more levels or with cells spanning columns or rows; it is written one header row at a time, so its headings do not line up with the columns of the rows below. Check the official text for which column each cell is in.")

    static let chartWording = "Reason for Control ¶ Countries | Chemical & biological weapons | Nuclear nonproliferation ¶ CB 1 | CB 2 | CB 3 | NP 1 | NP 2 ¶ Afghanistan | X | X | | X | ¶ Canada | X | | | | ¶ Cuba [1] | | | | | ¶ [1] See part 746 of the EAR to determine whether a license is required in order to export or reexport to this destination."

    @Test func aVersionerTableKeepsItsCellPositionsAndFootnotes() throws {
        let file = try Corpus.fixture("v-738-supp1.xml", Self.countryChart(canada: Self.canada))
        let imported = try Corpus.collect([file])
        let chart = try #require(imported.provision("Supplement No. 1 to Part 738"))
        #expect(chart.wording == Self.chartWording)
        // The header's spans are not expanded: said where, counted, and noted (QA verify-s10 N4).
        #expect(imported.diagnostics.map(\.description) == ["\(file):8: warning: Supplement No. 1 to Part 738: a table's header has levels or spanning cells (rowspan=\"2\"), which are not expanded: it is written as one row per header row, so its cells do not line up with the columns below it [Supplement No. 1 to Part 738]"])
        #expect(chart.notes.filter { $0.kind == .unresolved } == [Self.headerNote])
        #expect(imported.summary.instruments.first?[.tableHeadersNotAligned] == 1)

        let moved = try Corpus.collect([try Corpus.fixture("v-738-supp1-canada-moved.xml", Self.countryChart(canada: Self.canadaMoved))])
        #expect(moved.provision("Supplement No. 1 to Part 738")?.wording
                == Self.chartWording.replacingOccurrences(of: "Canada | X | | | |", with: "Canada | | | | X |"))
    }

    /// A provision quoting the chart as ecca writes it passes against the chart, and drifts when
    /// BIS moves an X to another column (before, both read "Canada X" and it passed).
    @Test func citeCheckSeesAMovedX() throws {
        let folder = try TemporaryFolder.make("formats").path
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1" version="1">
              <instrument id="us.chartqa" jurisdiction="US" kind="cfr-part">
                <title>Country Chart (test encoding)</title>
                <official-id scheme="cfr">15 CFR Parts 730-774</official-id>
                <source url="https://www.ecfr.gov/current/title-15/part-738" attribution="US Government work, public domain"/>
                <provision id="us.chartqa.738.supp1" citation="15 CFR Part 738, Supp. No. 1" evidence="verified" eid="Supp. No. 1 to Part 738" wording-kind="verbatim">
                  <heading>Commerce Country Chart</heading>
                  <wording>\(Self.chartWording.replacingOccurrences(of: "&", with: "&amp;"))</wording>
                </provision>
              </instrument>
            </rules>
            """.write(toFile: folder + "/chart.xml", atomically: true, encoding: .utf8)
        let shipped = RegulationsLoader().load(directories: [folder], schemaPath: Corpus.schema)
        #expect(shipped.diagnostics.filter { $0.severity == .error }.isEmpty, "\(shipped.diagnostics)")
        let original = try CitationChecker(officialFiles: [try Corpus.fixture("v-738-supp1.xml", Self.countryChart(canada: Self.canada))]).check(shipped.graph, on: .citeCheckDay)
        #expect(original.passed == ["us.chartqa.738.supp1"])
        #expect(original.findings.isEmpty)

        let moved = try CitationChecker(officialFiles: [try Corpus.fixture("v-738-supp1.xml", Self.countryChart(canada: Self.canadaMoved))]).check(shipped.graph, on: .citeCheckDay)
        let finding = try #require(moved.findings.first)
        #expect(moved.findings.count == 1)
        #expect(finding.kind == .drifted)
        #expect(finding.diff?.description == "… | X | ¶ Canada | [-X-] | | | {+X+} | ¶ Cuba [1] | | …")
    }

    /// The bulk eCFR's `GPOTABLE`: the header (`BOXHD`) is a row of its `CHED`s, each `ROW` a row
    /// of its `ENT`s, `<ENT/>` an empty position; the table note (`TNOTE`) keeps its number.
    /// Inside a section (the section reader's bytes) and in an appendix (the tree) alike.
    @Test func aGPOTableReadsAlikeInASectionAndInAnAppendix() throws {
        let table = """
            <GPOTABLE CDEF="s50,4,4,4" COLS="4" OPTS="L2">
            <BOXHD>
            <CHED H="1">Countries</CHED>
            <CHED H="1">Chemical &amp; biological weapons</CHED>
            <CHED H="2">CB 1</CHED>
            <CHED H="2">CB 2</CHED>
            <CHED H="2">CB 3</CHED>
            </BOXHD>
            <ROW><ENT I="01">Afghanistan</ENT><ENT>X</ENT><ENT>X</ENT><ENT/></ROW>
            <ROW><ENT I="01">Canada</ENT><ENT>X</ENT><ENT/><ENT/></ROW>
            <ROW><ENT I="01">Cuba <SU>1</SU></ENT><ENT/><ENT/><ENT/></ROW>
            <TNOTE><SU>1</SU> See part 746 of the EAR to determine whether a license is required in order to export or reexport to this destination.</TNOTE>
            </GPOTABLE>
            """
        let file = try Corpus.fixture("ECFR-title15-chart.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS><DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15</HEAD>
            <DIV8 N="§ 738.9" TYPE="SECTION"><HEAD>§ 738.9   Table probe.</HEAD>
            <P>(a) The chart:</P>
            \(table)
            </DIV8>
            <DIV9 N="Supplement No. 1 to Part 738" TYPE="APPENDIX"><HEAD>Supplement No. 1 to Part 738—Commerce Country Chart</HEAD>
            \(table)
            </DIV9>
            </DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """)
        let imported = try Corpus.collect([file])
        let expected = "¶ Countries | Chemical & biological weapons | CB 1 | CB 2 | CB 3 ¶ Afghanistan | X | X | ¶ Canada | X | | ¶ Cuba [1] | | | ¶ [1] See part 746 of the EAR to determine whether a license is required in order to export or reexport to this destination."
        #expect(imported.provision("738.9(a)")?.wording == "(a) The chart: " + expected)
        #expect(imported.provision("Supplement No. 1 to Part 738")?.wording == expected)
        // The header's levels are not expanded: said for each table, on either path (QA verify-s10 N4).
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):7: warning: § 738.9(a): a table's header has levels or spanning cells (CHED H=\"2\"), which are not expanded: it is written as one row per header row, so its cells do not line up with the columns below it [738.9(a)]",
            "\(file):22: warning: Supplement No. 1 to Part 738: a table's header has levels or spanning cells (CHED H=\"2\"), which are not expanded: it is written as one row per header row, so its cells do not line up with the columns below it [Supplement No. 1 to Part 738]",
        ])
        #expect(imported.provision("738.9(a)")?.notes.filter { $0.kind == .unresolved } == [Self.headerNote])
        #expect(imported.provision("Supplement No. 1 to Part 738")?.notes.filter { $0.kind == .unresolved } == [Self.headerNote])
        #expect(imported.summary.instruments.first?[.tableHeadersNotAligned] == 2)
    }

    /// A body row whose cell spans columns or rows (HTML `colspan`/`rowspan`, GPO's `A="L01"`
    /// straddle and `EXPSTB` stub) is written with the cell once, so the row's positions do not
    /// match the columns: each such row is warned at its line, counted, and noted on its provision,
    /// in a section (the section reader's bytes) and in an appendix (the tree) alike. A row of one
    /// cell across the table (a heading within it, `<ROW EXPSTB="02"><ENT I="21">Dedicated
    /// Flights…`, CFR-2015-title14-vol5 1214.119(f)(4)) misplaces nothing and is not warned.
    /// Before (QA verify-s10 N4, probe/cfr/t1.xml), nothing was said. The `A` and `EXPSTB` forms
    /// follow the federalregister.gov table compiler's reading of them (a public spec, not the corpus).
    @Test func aBodyRowWithASpanningCellIsReported() throws {
        let html = """
            <TABLE><TBODY>
            <TR><TD>Alpha</TD><TD colspan="2">X</TD><TD/></TR>
            <TR><TD>Beta</TD><TD/><TD colspan="2">X</TD></TR>
            <TR><TD rowspan="2">Gamma</TD><TD>X</TD><TD/><TD/></TR>
            <TR><TD>X</TD><TD/><TD/></TR>
            <TR><TD colspan="4">A heading across the table</TD></TR>
            </TBODY></TABLE>
            """
        let gpo = """
            <GPOTABLE CDEF="s50,4,4,4" COLS="4" OPTS="L2">
            <ROW EXPSTB="02" RUL="s"><ENT I="21">Dedicated Flights</ENT></ROW>
            <ROW EXPSTB="00"><ENT I="01">Delta</ENT><ENT A="L01">5</ENT><ENT>10</ENT></ROW>
            <ROW EXPSTB="01"><ENT I="01">Epsilon</ENT><ENT>5</ENT><ENT>10</ENT></ROW>
            <ROW><ENT I="01">Zeta</ENT><ENT A="L0">5</ENT><ENT>10</ENT></ROW>
            <ROW EXPSTB="00"><ENT I="01">Eta</ENT><ENT A="0">5</ENT><ENT>10</ENT><ENT/></ROW>
            </GPOTABLE>
            """
        let file = try Corpus.fixture("ECFR-title15-spans.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS><DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15</HEAD>
            <DIV8 N="§ 738.9" TYPE="SECTION"><HEAD>§ 738.9   Table probe.</HEAD>
            <P>(a) The chart:</P>
            \(html)
            \(gpo)
            </DIV8>
            <DIV9 N="Supplement No. 1 to Part 738" TYPE="APPENDIX"><HEAD>Supplement No. 1 to Part 738—Commerce Country Chart</HEAD>
            \(html)
            \(gpo)
            </DIV9>
            </DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """)
        let imported = try Corpus.collect([file])
        // The wording convention is unchanged: each cell once, where the markup has it.
        let expected = "¶ Alpha | X | ¶ Beta | | X ¶ Gamma | X | | ¶ X | | ¶ A heading across the table ¶ Dedicated Flights ¶ Delta | 5 | 10 ¶ Epsilon | 5 | 10 ¶ Zeta | 5 | 10 ¶ Eta | 5 | 10 | ¶"
        #expect(imported.provision("738.9(a)")?.wording == "(a) The chart: " + expected)
        #expect(imported.provision("Supplement No. 1 to Part 738")?.wording == expected)
        func warnings(_ subject: String, _ id: String, lines: [Int]) -> [String] {
            [
                "\(file):\(lines[0]): warning: \(subject): a table cell spans 2 columns (colspan=\"2\"), which is not expanded: it is written once, in the first of them, and the cell after it in its row stands one position left of its column [\(id)]",
                "\(file):\(lines[1]): warning: \(subject): a table cell spans 2 columns (colspan=\"2\"), which is not expanded: it is written once, in the first of them, so the row has fewer positions than the table has columns [\(id)]",
                "\(file):\(lines[2]): warning: \(subject): a table cell spans 2 rows (rowspan=\"2\"), which is not expanded: it is written once, in the first of them, so in the 1 row below it the cells from its column on stand one position left of their columns [\(id)]",
                "\(file):\(lines[3]): warning: \(subject): a table cell spans 2 columns (A=\"L01\"), which is not expanded: it is written once, in the first of them, and the cell after it in its row stands one position left of its column [\(id)]",
                "\(file):\(lines[4]): warning: \(subject): a table cell spans 2 columns (EXPSTB=\"01\"), which is not expanded: it is written once, in the first of them, and the 2 cells after it in its row stand one position left of their columns [\(id)]",
                // EXPSTB holds for the rows after it until a row sets another.
                "\(file):\(lines[5]): warning: \(subject): a table cell spans 2 columns (EXPSTB=\"1\"), which is not expanded: it is written once, in the first of them, and the 2 cells after it in its row stand one position left of their columns [\(id)]",
            ]
        }
        #expect(imported.diagnostics.map(\.description)
                == warnings("§ 738.9(a)", "738.9(a)", lines: [7, 8, 9, 15, 16, 17]) + warnings("Supplement No. 1 to Part 738", "Supplement No. 1 to Part 738", lines: [23, 24, 25, 31, 32, 33]))
        let notes = [
            "A table here has a cell spanning 2 columns; it is written once, in the first of them, and the cell after it in its row stands one position left of its column. Check the official text for which column each cell is in.",
            "A table here has a cell spanning 2 columns; it is written once, in the first of them, so the row has fewer positions than the table has columns. Check the official text for which column each cell is in.",
            "A table here has a cell spanning 2 rows; it is written once, in the first of them, so in the 1 row below it the cells from its column on stand one position left of their columns. Check the official text for which column each cell is in.",
            "A table here has a cell spanning 2 columns; it is written once, in the first of them, and the 2 cells after it in its row stand one position left of their columns. Check the official text for which column each cell is in.",
        ].map { Note(kind: .unresolved, text: $0) }
        #expect(imported.provision("738.9(a)")?.notes.filter { $0.kind == .unresolved } == notes)
        #expect(imported.provision("Supplement No. 1 to Part 738")?.notes.filter { $0.kind == .unresolved } == notes)
        #expect(imported.summary.instruments.first?[.tableSpans] == 12)
    }

    /// On the Entity List the footnote mark is the legal content (the entity is subject to a
    /// foreign-direct-product rule): a mark whose note is kept is written as the note's number,
    /// after a parenthesis too; one whose note is not there is still left out, and reported where
    /// it follows a number (`89 FR 30 <sup>4</sup>`, the reviewer's probe).
    @Test func footnoteMarksWhoseNotesAreKeptAreLinked() throws {
        let file = try Corpus.fixture("v-744-supp4.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV9 N="Supplement No. 4 to Part 744" TYPE="APPENDIX" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2025-01-16/title-15/appendix-Supplement No. 4 to Part 744&quot;,&quot;citation&quot;:&quot;15 CFR Supplement No. 4 to Part 744&quot;}">
            <HEAD>Supplement No. 4 to Part 744—Entity List</HEAD>
            <DIV>
            <TABLE border="1" cellpadding="1" cellspacing="1" class="gpo_table" frame="void" width="100%">
            <TBODY>
            <TR>
            <TD class="left">CHINA, PEOPLE'S REPUBLIC OF</TD>
            <TD class="left">Huawei Technologies Co., Ltd., Bantian, Longgang District, Shenzhen, 518129, China.</TD>
            <TD class="left">For all items subject to the EAR, see §§ 734.9(e)(1)<sup>1</sup> and 744.11(a)(2)(ii) of the EAR.</TD>
            <TD class="left">Presumption of denial for items subject to the EAR.</TD>
            <TD class="left">84 FR 22963, 5/21/19. 89 FR 30 <sup>4</sup></TD>
            </TR>
            <TR>
            <TD class="left"/>
            <TD class="left">[Reserved]</TD>
            <TD class="left"/>
            <TD class="left"/>
            <TD class="left"/>
            </TR>
            </TBODY>
            </TABLE>
            </DIV>
            <P><SU>1</SU> For this entity, “items subject to the EAR” includes foreign-produced items that are subject to the EAR under § 734.9(e)(1) of the EAR.</P>
            </DIV9>
            """)
        let imported = try Corpus.collect([file])
        let list = try #require(imported.provision("Supplement No. 4 to Part 744"))
        #expect(list.wording == "¶ CHINA, PEOPLE'S REPUBLIC OF | Huawei Technologies Co., Ltd., Bantian, Longgang District, Shenzhen, 518129, China. | For all items subject to the EAR, see §§ 734.9(e)(1) [1] and 744.11(a)(2)(ii) of the EAR. | Presumption of denial for items subject to the EAR. | 84 FR 22963, 5/21/19. 89 FR 30 ¶ | [Reserved] | | | ¶ [1] For this entity, “items subject to the EAR” includes foreign-produced items that are subject to the EAR under § 734.9(e)(1) of the EAR.")
        #expect(imported.diagnostics.map(\.description) == ["\(file):12: warning: Supplement No. 4 to Part 744: the superscript 4 after the number 30 is read as a footnote mark and left out of the wording (it is spaced from the number); if it is an exponent, the text means 30^4 [Supplement No. 4 to Part 744]"])
    }
}
