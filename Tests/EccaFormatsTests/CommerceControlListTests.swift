import EccaFormats
import Foundation
import Testing

/// The Commerce Control List read as ECCN entries and notes, and `cite-check` of the shipped
/// ECCN 4E091 provisions against it.
///
/// The corpus has no title 15 file. The fixture is an eCFR title 15 with Supplement No. 1 to
/// Part 774 laid out as FORMATS.md 1.5 records it (entry lines `FP-2`/`FP-1` with `B`, `HD1`
/// category headings: from two parsers' fixtures), with 4E091's control table and both of its
/// notes taken from the eCFR markup that the derived 4E091 copy in the corpus keeps verbatim
/// (ccl-trade, eCFR versioner XML of 2025-09-29). The test skips where that copy is absent.
@Suite struct CommerceControlListTests {
    static let derived = Corpus.officialXML + "/derived/ccl-trade-history-4E091.json"
    static let shipped = RegulationsLoader().load(directories: [Corpus.regulations])

    /// 4E091's `TABLE` and `NOTE` elements as the eCFR writes them, from the derived copy.
    static func officialMarkup() throws -> (table: String, notes: [String]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: derived))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let history = try #require(json?["history"] as? [[String: Any]])
        let latest = try #require(history.last?["structure"] as? [String: Any])
        let content = try #require(latest["content"] as? [[String: Any]])
        let markup = content.filter { $0["type"] as? String == "html" }
        let table = try #require(markup.first { $0["tag"] as? String == "TABLE" }?["html"] as? String)
        let notes = markup.filter { $0["tag"] as? String == "NOTE" }.compactMap { $0["html"] as? String }
        #expect(notes.count == 2)
        return (table, notes)
    }

    static func title15(entry4E091: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
        <TEXT><BODY><ECFRBRWS><AMDDATE>Sep. 29, 2025</AMDDATE>
        <DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15—Commerce and Foreign Trade</HEAD>
        <DIV5 N="774" NODE="15:2.1.3.4.27" TYPE="PART"><HEAD>PART 774—THE COMMERCE CONTROL LIST</HEAD>
        <DIV8 N="§ 774.1" NODE="15:2.1.3.4.27.0.1.1" TYPE="SECTION"><HEAD>§ 774.1   Introduction.</HEAD>
        <P>In this part, references to the EAR are references to 15 CFR chapter VII, subchapter C.</P>
        </DIV8>
        <DIV9 N="Supplement No. 1 to Part 774" NODE="15:2.1.3.4.27.0.1.3.31" TYPE="APPENDIX">
        <HEAD>Supplement No. 1 to Part 774—The Commerce Control List</HEAD>
        <HD1>Category 4—Computers</HD1>
        <HD1>E. “Technology”</HD1>
        <FP-2><B>4E001 “Technology” as follows (see List of Items Controlled).</B></FP-2>
        <FP-1><E T="04">License Requirements</E></FP-1>
        <FP-1><I>Reason for Control:</I> NS, MT, CB, NP, AT</FP-1>
        <HD2>Special Conditions for STA</HD2>
        <HD1>List of Items Controlled</HD1>
        <FP><I>Items:</I> a. “Technology” for computers. See also 4E091 for model weights.</FP>
        \(entry4E091)
        <HD1>Category 5—Part 1—Telecommunications</HD1>
        <HD1>A. “End Items,” “Equipment,” “Accessories,” “Attachments,” “Parts,” “Components,” and “Systems”</HD1>
        <FP-1><B>5A001 Telecommunications systems, equipment, components and accessories, as follows.</B></FP-1>
        <P>a. Any type of telecommunications equipment having any of the following characteristics.</P>
        <NOTE><HED><I>Note:</I></HED><P>5A001.a does not control equipment for civil use.</P></NOTE>
        <FP-1><B>5A002 “Information security” systems, as follows.</B></FP-1>
        <P>a. Designed or modified to use “cryptography for data confidentiality.”</P>
        <NOTE><HED><I>Note:</I></HED><P>A first note to 5A002.a.</P></NOTE>
        <P>b. Designed or modified to enable an item to achieve “cryptographic activation.”</P>
        <NOTE><HED><I>Note:</I></HED><P>A second note, to 5A002.b.</P></NOTE>
        </DIV9>
        </DIV5></DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
        """
    }

    static func entry4E091(table: String, notes: [String], replacing: (String, String)? = nil) -> String {
        var entry = """
            <FP-2><B>4E091 'Parameters' for an artificial intelligence model trained utilizing 10<SU>26</SU> or more 'operations.'</B></FP-2>
            <FP-1><E T="04">License Requirements</E></FP-1>
            <FP-1><I>Reason for Control:</I> RS, AT</FP-1>
            <DIV>\(table)</DIV>
            <FP-1><E T="04">List Based License Exceptions (See Part 740 for a Description of All License Exceptions)</E></FP-1>
            <FP-1><I>TSR:</I> N/A</FP-1>
            <FP-1><I>AIA:</I> Yes</FP-1>
            <FP-1><I>ACM:</I> No</FP-1>
            <FP-1><E T="04">Special Conditions for STA</E></FP-1>
            <FP-1><I>STA:</I> License Exception STA may not be used to ship or transmit “technology” specified by ECCN 4E091 to any of the destinations listed in Country Group A:5 or A:6 (See Supplement No.1 to part 740 of the EAR).</FP-1>
            <FP-1><E T="04">List of Items Controlled</E></FP-1>
            <FP-1><I>Related Controls:</I> N/A</FP-1>
            <FP-1><I>Related Definition:</I> N/A</FP-1>
            <FP-1><I>Items:</I></FP-1>
            <P>The list of items controlled is contained in the ECCN heading.</P>
            \(notes.joined(separator: "\n"))
            """
        if let (old, new) = replacing { entry = entry.replacingOccurrences(of: old, with: new) }
        return entry
    }

    /// A footnote (`FTNT`) among an entry's blocks is left out of its wording, as it is inside any
    /// block; its reference mark is dropped too (QA verify3 W2: the note's text read as item a.'s).
    @Test func aFootnoteAmongAnEntrysBlocksIsLeftOut() throws {
        let markup = Self.title15(entry4E091: "").replacingOccurrences(
            of: "<P>a. Any type of telecommunications equipment having any of the following characteristics.</P>",
            with: "<P>a. Any type of telecommunications equipment<SU>2</SU>\n<FTREF/> having any of the following characteristics.</P>\n"
                + "<FTNT><P><SU>2</SU> See § 772.1 for “telecommunications”.</P></FTNT>")
        #expect(markup.contains("<FTNT>"))
        let imported = try Corpus.collect([try Corpus.fixture("ECFR-title15-ftnt.xml", markup)])
        let entry = try #require(imported.provision("Supplement No. 1 to Part 774, ECCN 5A001"))
        #expect(entry.wording.hasPrefix("5A001 Telecommunications systems, equipment, components and accessories, as follows. "
                                        + "a. Any type of telecommunications equipment having any of the following characteristics."), "\(entry.wording)")
        #expect(!entry.wording.contains("772.1"))
    }

    @Test func entriesAndNotesAreProvisions() throws {
        guard Corpus.available(Self.derived) else { return }
        let (table, notes) = try Self.officialMarkup()
        let file = try Corpus.fixture("ECFR-title15.xml", Self.title15(entry4E091: Self.entry4E091(table: table, notes: notes)))
        let imported = try Corpus.collect([file])

        let supplement = "Supplement No. 1 to Part 774"
        // The supplement is cited as its entries are.
        #expect(imported.provision(supplement)?.citation == "15 CFR Part 774, Supp. No. 1")
        let entry = try #require(imported.provision("\(supplement), ECCN 4E091"))
        #expect(entry.citation == "15 CFR Part 774, Supp. No. 1, ECCN 4E091")
        #expect(entry.parentID == supplement)
        #expect(entry.heading == "4E091 'Parameters' for an artificial intelligence model trained utilizing 10^26 or more 'operations.'")
        #expect(entry.wording.hasPrefix("4E091 'Parameters' for an artificial intelligence model trained utilizing 10^26 or more 'operations.' License Requirements Reason for Control: RS, AT ¶ Control(s) | Country Chart (see Supp. No. 1 to part 738) ¶ RS applies entire entry | To or within any destination worldwide. See § 742.6(a)(13). ¶ AT applies to entire entry (4E091) | AT Column 1. ¶ List Based License Exceptions"))
        #expect(entry.wording.hasSuffix("2.a.2. A classification request to BIS in accordance with the procedures in §§ 748.1 and 748.3 of the EAR."))
        #expect(!entry.wording.contains("Category 5"))

        // The entry before: its cross-reference to 4E091 opens nothing, an `HD1` that is no category
        // or group heading stays inside it (as a parser's fixture has it for 3A090), and the
        // category headings after it are not its text.
        let before = try #require(imported.provision("\(supplement), ECCN 4E001"))
        #expect(before.wording == "4E001 “Technology” as follows (see List of Items Controlled). License Requirements Reason for Control: NS, MT, CB, NP, AT Special Conditions for STA List of Items Controlled Items: a. “Technology” for computers. See also 4E091 for model weights.")

        let labels = imported.provisions.filter { $0.parentID?.hasPrefix("\(supplement), ECCN 4E091") == true }.map(\.canonicalID)
        #expect(labels == ["Technical Note 1", "Technical Note 2", "Technical Note 3", "Note 1", "Note 2", "Note 2.a", "Note 2.a.1", "Note 2.a.2"]
            .map { "\(supplement), ECCN 4E091, \($0)" })
        let note2 = try #require(imported.provision("\(supplement), ECCN 4E091, Note 2"))
        #expect(note2.citation == "15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2")
        #expect(note2.wording.hasPrefix("2. 4E091 does not control"))
        #expect(note2.wording.hasSuffix("2.a.2. A classification request to BIS in accordance with the procedures in §§ 748.1 and 748.3 of the EAR."))
        #expect(imported.provision("\(supplement), ECCN 4E091, Note 2.a.1")?.parentID == "\(supplement), ECCN 4E091, Note 2.a")
        // "For the purposes of 4E091:" belongs to no note.
        #expect(imported.provision("\(supplement), ECCN 4E091, Technical Note 1")?.wording.hasPrefix("1. 'Parameters' refers") == true)
        #expect(imported.provision("\(supplement), ECCN 5A001, Note")?.wording == "5A001.a does not control equipment for civil use.")
        // Two notes an entry labels alike cannot be told apart by citation: neither is a provision, both stay in the entry.
        #expect(!imported.provisions.contains { $0.canonicalID.hasPrefix("\(supplement), ECCN 5A002, ") })
        #expect(imported.provision("\(supplement), ECCN 5A002")?.wording.hasSuffix("A second note, to 5A002.b.") == true)
        // … and that is said: a warning naming both, a count, and a note on the entry.
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):81: warning: 15 CFR Part 774, Supp. No. 1, ECCN 5A002: 2 notes (lines 81 and 83) are all labelled “Note”; a citation cannot tell them apart, so none is a provision of its own and their text stays in the entry's wording [Supplement No. 1 to Part 774, ECCN 5A002]",
        ])
        #expect(imported.summary.instruments.first?[.notesLabelledAlike] == 2)
        #expect(imported.provision("\(supplement), ECCN 5A002")?.notes.filter { $0.kind == .unresolved }.map(\.text)
            == ["2 notes of this entry (at lines 81 and 83 of the official file) are all labelled “Note”: they are in this wording, but none can be cited on its own. Check the official text."])
    }

    @Test func theShipped4E091ProvisionsPassAndAChangeIsFound() throws {
        guard Corpus.available(Self.derived) else { return }
        let (table, notes) = try Self.officialMarkup()
        let shipped4E091 = Self.shipped.graph.provisionOrder.filter { $0.hasPrefix("us.ai-diffusion.4e091") }
        #expect(shipped4E091.count == 7)

        let file = try Corpus.fixture("ECFR-title15.xml", Self.title15(entry4E091: Self.entry4E091(table: table, notes: notes)))
        let report = try CitationChecker(officialFiles: [file]).check(Self.shipped.graph, on: .citeCheckDay)
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(Set(shipped4E091).isSubset(of: Set(report.passed)))
        // Supp. No. 5 to Part 740 is not in the file (and a supplement not divided could not speak for its paragraphs).
        #expect(report.notCovered.contains("us.ai-diffusion.740.supp5.a"))

        // One word of Technical Note 2 changed: the note and the entry drift, nothing else.
        let altered = Self.entry4E091(table: table, notes: notes, replacing: ("or 4N FLOP", "or 5N FLOP"))
        let changed = try CitationChecker(officialFiles: [try Corpus.fixture("ECFR-title15.xml", Self.title15(entry4E091: altered))])
            .check(Self.shipped.graph, on: .citeCheckDay)
        #expect(Set(changed.findings.map(\.provisionID)) == ["us.ai-diffusion.4e091", "us.ai-diffusion.4e091.tn2"])
        #expect(changed.findings.allSatisfy { $0.kind == .drifted })
        #expect(changed.findings.first { $0.provisionID == "us.ai-diffusion.4e091.tn2" }?.officialID
                == "Supplement No. 1 to Part 774, ECCN 4E091, Technical Note 2")
        #expect(changed.findings.first?.diff?.description.contains("[-4N-] {+5N+}") == true)

        // The entry removed: it is missing; its notes, with nothing to divide, are not covered.
        let removed = try CitationChecker(officialFiles: [try Corpus.fixture("ECFR-title15.xml", Self.title15(entry4E091: ""))])
            .check(Self.shipped.graph, on: .citeCheckDay)
        #expect(removed.findings.map(\.provisionID) == ["us.ai-diffusion.4e091"])
        #expect(removed.findings.first?.kind == .missing)
        let missing = try #require(removed.findings.first)
        #expect(missing.description.hasSuffix("error: us.ai-diffusion.4e091 (15 CFR Part 774, Supp. No. 1, ECCN 4E091): 'Supplement No. 1 to Part 774, ECCN 4E091' does not exist in \(missing.officialFile) (text as of 2025-09-29)"), "\(missing)")
        #expect(Set(shipped4E091.dropFirst()).isSubset(of: Set(removed.notCovered)))
    }
}
