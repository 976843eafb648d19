import ClauseGraph
import EccaXML
@testable import EccaFormats
import Testing

/// A unit (an element read whole: a section, an article, an annex, a rule) past the import's limit
/// is refused where it starts, naming it (QA scale F2, F3: a 200 MB Federal Register rule or
/// Formex annex held whole peaked at 1.5-2.5 GB, a 40 MB paragraph of tiny inline elements at up
/// to 3 GB; the largest real units hold a few thousand nodes). Both ways a unit is captured are
/// held to it: in the parser's callbacks (eCFR sections after the first 64 KB) and from events
/// (everything else). The limit is set low here (`ImportOptions.unitLimit`, `--max-unit-nodes`),
/// so the fixtures stay small; the standard limit is the same code with larger numbers.
/// Hand-made fixtures.
@Suite struct UnitSizeLimitTests {

    private static let inline = String(repeating: "<I/>", count: 2_000)
    private static let low = ImportOptions(unitLimit: XMLUnitLimit(nodes: 1_000, bytes: 1 << 20))
    private static let limitWords = "the import's limit for one unit (an element read whole into memory: a section, an article, an annex, a rule)"
    private static let raising = "a unit this large that is real can be read with a higher"

    private static let formexHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ANNEX><BIB.INSTANCE><DOCUMENT.REF FILE=\"L_202401689EN.doc.fmx.xml\"><COLL>L</COLL>"
        + "<NO.DOC FORMAT=\"YN\" TYPE=\"OJ\"><YEAR>2024</YEAR><NO.CURRENT>1689</NO.CURRENT></NO.DOC></DOCUMENT.REF></BIB.INSTANCE>"
        + "<TITLE><TI><P>ANNEX II</P></TI></TITLE>"

    private static func formexAnnex(_ text: String) -> String {
        formexHead + "<CONTENTS><NP><NO.P>1.</NO.P><TXT>" + text + "</TXT></NP></CONTENTS></ANNEX>"
    }

    /// A one-line Formex annex: the column finds the unit.
    @Test func aFormexAnnexPastTheLimitIsRefusedAtItsColumn() throws {
        let refused = try Corpus.refusal("annex.fmx.xml", Self.formexAnnex(Self.inline.replacingOccurrences(of: "<I/>", with: "<HT/>")), options: Self.low)
        #expect(refused == "annex.fmx.xml:2:\(Self.formexHead.split(separator: "\n")[1].utf8.count + 1): error: <CONTENTS> holds more than 1000 nodes "
                + "(elements, attributes and runs of text), \(Self.limitWords); the limit was reached on line 2; "
                + "\(Self.raising) --max-unit-nodes, at some hundreds of bytes of memory per node")
    }

    /// Text counts apart from nodes: one run of text past the byte limit.
    @Test func aFormexAnnexPastTheTextLimitIsRefusedNamingTheTextOption() throws {
        let refused = try Corpus.refusal("annex.fmx.xml", Self.formexAnnex(String(repeating: "annex text ", count: 100_000)), options: Self.low)
        #expect(refused == "annex.fmx.xml:2:\(Self.formexHead.split(separator: "\n")[1].utf8.count + 1): error: <CONTENTS> holds more than 1048576 bytes "
                + "of text and attribute values, \(Self.limitWords); the limit was reached on line 2; "
                + "\(Self.raising) --max-unit-mib, at some hundreds of bytes of memory per node")
    }

    private static func ecfrTitle(lastSection paragraph: String) -> String {
        let sections = (1...2_400).map { "<DIV8 N=\"§ 701.\($0)\" NODE=\"99:1.0.1.701.0.0.\($0)\" TYPE=\"SECTION\">\n<HEAD>§ 701.\($0)   Section.</HEAD>\n<P>(a) Text.</P>\n</DIV8>\n" }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<DLPSTEXTCLASS>\n<HEADER>\n<FILEDESC>\n<TITLESTMT>\n<TITLE>Title 99: Test</TITLE>\n"
            + "</TITLESTMT>\n<PUBLICATIONSTMT>\n<IDNO TYPE=\"title\">99</IDNO>\n</PUBLICATIONSTMT>\n</FILEDESC>\n</HEADER>\n<TEXT>\n<BODY>\n<ECFRBRWS>\n"
            + "<AMDDATE>Jan. 2, 2025</AMDDATE>\n<DIV1 N=\"99\" NODE=\"99:1\" TYPE=\"TITLE\">\n<HEAD>Title 99—Test</HEAD>\n"
            + "<DIV5 N=\"701\" NODE=\"99:1.0.1.701\" TYPE=\"PART\">\n<HEAD>PART 701—GENERAL</HEAD>\n" + sections.joined()
            + "<DIV8 N=\"§ 701.999\" NODE=\"99:1.0.1.701.0.0.999\" TYPE=\"SECTION\">\n<HEAD>§ 701.999   Big.</HEAD>\n<P>(a) \(paragraph)</P>\n</DIV8>\n"
            + "</DIV5>\n</DIV1>\n</ECFRBRWS>\n</BODY>\n</TEXT>\n</DLPSTEXTCLASS>\n"
    }

    /// An eCFR title: its sections past the first 64 KB are captured in libxml2's callbacks.
    @Test func anECFRSectionPastTheLimitIsRefusedWhereItStarts() throws {
        let text = Self.ecfrTitle(lastSection: Self.inline)
        #expect(text.utf8.count > 4 * 65_536)
        let line = 21 + 4 * 2_400
        let refused = try Corpus.refusal("ecfr.xml", text, options: Self.low)
        #expect(refused == "ecfr.xml:\(line):1: error: <DIV8> holds more than 1000 nodes "
                + "(elements, attributes and runs of text), \(Self.limitWords); the limit was reached on line \(line + 2); "
                + "\(Self.raising) --max-unit-nodes, at some hundreds of bytes of memory per node")
    }

    /// The same file under the standard limit: the section is read, all 2,000 inline elements of it.
    @Test func theSameSectionIsReadUnderTheStandardLimit() throws {
        let file = try Corpus.fixture("ecfr.xml", Self.ecfrTitle(lastSection: Self.inline + " Text."))
        let imported = try Corpus.collect([file])
        #expect(imported.provision("701.999(a)")?.wording == "(a) Text.")
        #expect(imported.summary.provisions == 4_802)
    }
}
