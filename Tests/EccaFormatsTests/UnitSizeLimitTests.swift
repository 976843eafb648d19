import ClauseGraph
@testable import EccaFormats
import Testing

/// A unit (an element read whole: a section, an article, an annex, a rule) past the import's limit
/// is refused where it starts, naming it (QA scale F2, F3: a 200 MB Federal Register rule or
/// Formex annex held whole peaked at 1.5-2.5 GB, a 40 MB paragraph of tiny inline elements at up
/// to 3 GB; the largest real units hold a few thousand nodes). Both ways a unit is captured are
/// held to it: in the parser's callbacks (eCFR sections after the first 64 KB) and from events
/// (everything else). Hand-made fixtures.
@Suite struct UnitSizeLimitTests {

    private static let inline = String(repeating: "<I/>", count: 2_000_000)
    private static let limitWords = "the import's limit for one unit (an element read whole into memory: a section, an article, an annex, a rule)"

    /// A one-line Formex annex: the column finds the unit.
    @Test func aFormexAnnexPastTheLimitIsRefusedAtItsColumn() throws {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ANNEX><BIB.INSTANCE><DOCUMENT.REF FILE=\"L_202401689EN.doc.fmx.xml\"><COLL>L</COLL>"
            + "<NO.DOC FORMAT=\"YN\" TYPE=\"OJ\"><YEAR>2024</YEAR><NO.CURRENT>1689</NO.CURRENT></NO.DOC></DOCUMENT.REF></BIB.INSTANCE>"
            + "<TITLE><TI><P>ANNEX II</P></TI></TITLE>"
        let refused = try Corpus.refusal("annex.fmx.xml", head + "<CONTENTS><NP><NO.P>1.</NO.P><TXT>"
            + Self.inline.replacingOccurrences(of: "<I/>", with: "<HT/>") + "</TXT></NP></CONTENTS></ANNEX>")
        #expect(refused == "annex.fmx.xml:2:\(head.split(separator: "\n")[1].utf8.count + 1): error: <CONTENTS> holds more than 2000000 nodes "
                + "(elements, attributes and runs of text), \(Self.limitWords); the limit was reached on line 2")
    }

    /// An eCFR title: its sections past the first 64 KB are captured in libxml2's callbacks.
    @Test func anECFRSectionPastTheLimitIsRefusedWhereItStarts() throws {
        let sections = (1...600).map { "<DIV8 N=\"§ 701.\($0)\" NODE=\"99:1.0.1.701.0.0.\($0)\" TYPE=\"SECTION\">\n<HEAD>§ 701.\($0)   Section.</HEAD>\n<P>(a) Text.</P>\n</DIV8>\n" }
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<DLPSTEXTCLASS>\n<HEADER>\n<FILEDESC>\n<TITLESTMT>\n<TITLE>Title 99: Test</TITLE>\n"
            + "</TITLESTMT>\n<PUBLICATIONSTMT>\n<IDNO TYPE=\"title\">99</IDNO>\n</PUBLICATIONSTMT>\n</FILEDESC>\n</HEADER>\n<TEXT>\n<BODY>\n<ECFRBRWS>\n"
            + "<AMDDATE>Jan. 2, 2025</AMDDATE>\n<DIV1 N=\"99\" NODE=\"99:1\" TYPE=\"TITLE\">\n<HEAD>Title 99—Test</HEAD>\n"
            + "<DIV5 N=\"701\" NODE=\"99:1.0.1.701\" TYPE=\"PART\">\n<HEAD>PART 701—GENERAL</HEAD>\n" + sections.joined()
            + "<DIV8 N=\"§ 701.999\" NODE=\"99:1.0.1.701.0.0.999\" TYPE=\"SECTION\">\n<HEAD>§ 701.999   Big.</HEAD>\n<P>(a) \(Self.inline)</P>\n</DIV8>\n"
            + "</DIV5>\n</DIV1>\n</ECFRBRWS>\n</BODY>\n</TEXT>\n</DLPSTEXTCLASS>\n"
        #expect(text.utf8.count > 4 * 65_536)
        let line = 21 + 4 * sections.count
        let refused = try Corpus.refusal("ecfr.xml", text)
        #expect(refused == "ecfr.xml:\(line):1: error: <DIV8> holds more than 2000000 nodes "
                + "(elements, attributes and runs of text), \(Self.limitWords); the limit was reached on line \(line + 2)")
    }
}
