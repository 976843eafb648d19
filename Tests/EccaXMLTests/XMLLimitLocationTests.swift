import EccaXML
import Foundation
import Testing
import EccaTestSupport

/// The reader's limits say where they were hit, column too, and in which element (QA scale F7):
/// Formex acts are one line long, where `file:1:` locates nothing. And a start tag with more
/// attributes than the limit is refused before libxml2's duplicate check, whose time grows with
/// their number squared (QA scale F6: 500,000 attributes, a 5.6 MB file, ran past two minutes).
/// Hand-made fixtures.
@Suite struct XMLLimitLocationTests {
    /// The SAX reader's error for `text`, read from memory and from a file (both must agree).
    private func saxError(_ text: String) throws -> XMLReadError {
        let bytes = Array(text.utf8)
        let path = try TemporaryFolder.make("limits").appendingPathComponent("t.xml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var found: [XMLReadError] = []
        for reader in [{ try XMLSAXReader(bytes: bytes, name: path) }, { try XMLSAXReader(path: path) }] {
            do {
                _ = try reader().readAll()
            } catch let error as XMLReadError {
                found.append(error)
            }
        }
        #expect(found.count == 2 && found[0] == found[1])
        return try #require(found.first)
    }

    @Test func aLongTextInAOneLineFileIsPlacedByColumnAndElement() throws {
        let error = try saxError("<ACT><ENACTING.TERMS><ALINEA>" + String(repeating: "x", count: 10_000_001) + "</ALINEA></ENACTING.TERMS></ACT>")
        #expect(error.kind == .forbidden)
        #expect(error.location.line == 1)
        // Where the text passed the limit: libxml2 hands text over in pieces of a few hundred bytes.
        #expect((10_000_000...10_001_000).contains(error.location.column - 30), "\(error.location)")
        #expect(error.message == "a text is longer than 10000000 bytes, the XML reader's limit (inside <ALINEA> opened on line 1, column 22)")
    }

    @Test func tooDeepANestingNamesTheElementAndWhereItsParentOpened() throws {
        let error = try saxError(String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300))
        #expect(error.location == XMLSourceLocation(file: error.location.file, line: 1, column: 769))
        #expect(error.message == "elements are nested deeper than 256 levels, the XML reader's limit: <a> (inside <a> opened on line 1, column 766)")
    }

    /// Names the prefix as the file writes it.
    @Test func aPrefixedElementIsNamedAsWritten() throws {
        let error = try saxError("<r:x xmlns:r=\"urn:r\">" + String(repeating: "<r:a>", count: 300) + String(repeating: "</r:a>", count: 300) + "</r:x>")
        #expect(error.message == "elements are nested deeper than 256 levels, the XML reader's limit: <r:a> (inside <r:a> opened on line 1, column 1292)")
    }

    private func startTag(attributes count: Int) -> String {
        "<P" + (0..<count).map { " a\($0)=\"v\"" }.joined() + "/>"
    }

    /// A tag that comes whole in one 64 KB chunk is refused in libxml2's callback; one still being
    /// gathered, before libxml2 has it all: the same words either way.
    @Test(arguments: [1_001, 200_000]) func aStartTagWithMoreThanAThousandAttributesIsRefused(count: Int) throws {
        let started = CPUTime.ofThisThread()
        let error = try saxError("<SECTION>\n<HEAD>x</HEAD>\n" + startTag(attributes: count) + "</SECTION>")
        #expect(CPUTime.ofThisThread() - started < 5)
        #expect(error.kind == .forbidden)
        #expect(error.location == XMLSourceLocation(file: error.location.file, line: 3, column: 1))
        #expect(error.message == "the start tag <P> has more than 1000 attributes, the XML reader's limit (inside <SECTION> opened on line 1, column 1)")
    }

    @Test func aThousandAttributesAreRead() throws {
        let events = try XMLSAXReader(bytes: Array(("<r>" + startTag(attributes: 1_000) + "</r>").utf8), name: "t.xml").readAll()
        guard case .start(let start) = events[1] else {
            Issue.record("no start: \(events)")
            return
        }
        #expect(start.attributes.count == 1_000)
    }

    /// `=` and quotes inside a quoted value count no attribute.
    @Test func anEqualsSignInsideAValueIsNoAttribute() throws {
        let value = String(repeating: "a=b c='d' ", count: 10_000)
        let events = try XMLSAXReader(bytes: Array("<r><P x=\"\(value)\" y='\(value.replacingOccurrences(of: "'", with: "\""))'/></r>".utf8), name: "t.xml").readAll()
        guard case .start(let start) = events[1] else {
            Issue.record("no start: \(events)")
            return
        }
        #expect(start.attributes.keys.sorted() == ["x", "y"])
    }

    /// libxml2's own limit errors name the open element too; its "Huge input lookup" (one piece of
    /// markup longer than its limit, not a value) says so.
    @Test func libxml2sLimitErrorsSayWhatTheyAreAndWhere() throws {
        let error = try saxError("<r>\n<P a=\"" + String(repeating: "v", count: 10_000_001) + "\"/></r>")
        #expect(error.kind == .forbidden)
        #expect(error.message == "a text, name or attribute value is longer than 10000000 bytes, the XML reader's limit (inside <r> opened on line 1, column 1)")
        #expect(XMLReadError(kind: .forbidden, location: XMLSourceLocation(file: "t.xml", line: 1), message: "").description == "t.xml:1: error: ")
        let deep = try #require(Reader.textReader.error(String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)))
        #expect(deep.message == "elements are nested deeper than 256 levels, the XML reader's limit (inside <a>)")
    }
}
