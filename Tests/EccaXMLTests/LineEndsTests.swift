import EccaXML
import EccaTestSupport
import Foundation
import Testing

/// Old Mac line ends (a carriage return alone) are line ends, as XML 1.0 §2.11 says: errors and
/// source spans get their lines (QA robust6, finding 11: every one was "line 1"), in memory and in
/// a file read a chunk at a time, also where a chunk ends between a CR and its LF.
@Suite struct LineEndsTests {
    func lines(_ events: [XMLEvent]) -> [String: Int] {
        var found: [String: Int] = [:]
        for event in events { if case .start(let start) = event { found[start.name] = start.location.line } }
        return found
    }

    @Test func aCarriageReturnAloneEndsALine() throws {
        let events = try XMLSAXReader(bytes: Array("<a>\r<b>x</b>\r\r<c/>\r\n<d/>\n</a>".utf8), name: "cr.xml").readAll()
        #expect(lines(events) == ["a": 1, "b": 2, "c": 4, "d": 5])
        #expect(events.contains(.text("x", location: XMLSourceLocation(file: "cr.xml", line: 2))))
        let failure = try #require(Reader.sax.error("<a>\r<b>\r</a>"))
        #expect(failure.location.line == 3)
    }

    /// The first chunk read from a file is 64 KB: a CR as its last byte is carried to the next.
    @Test(arguments: ["\r\n", "\r<", "\r"]) func aCarriageReturnAtTheEndOfAChunk(tail: String) throws {
        let head = "<a>" + String(repeating: "x", count: (1 << 16) - 3 - 1)  // the CR is byte 65,536
        let text = head + tail + (tail == "\r<" ? "b/>" : "") + "<c/>\r</a>"
        let file = try TemporaryFolder.make("cr").appendingPathComponent("cr.xml")
        try Data(text.utf8).write(to: file)
        let events = try XMLSAXReader(path: file.path).readAll()
        #expect(lines(events)["c"] == 2)
        let characters = events.compactMap { if case .text(let text, _) = $0 { text } else { nil } }.joined()
        #expect(!characters.contains("\r"))
        #expect(characters.filter { $0 == "\n" }.count == 2)  // the one at the seam and the one after <c/>
    }
}
