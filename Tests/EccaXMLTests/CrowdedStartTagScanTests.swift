@testable import EccaXML
import Foundation
import Testing
import EccaTestSupport

/// The text reader (`XMLStreamReader`: rules, requests, MoU terms) refuses a start tag of more than
/// 1,000 attributes before libxml2 parses it: libxml2 checks a tag's attributes for duplicates in
/// time that grows with their number squared (a request of 60,000 attributes took 6 s of CPU; one
/// at the 16 MiB request cap would take hours and stall a batch). The scan skips what holds `=`
/// without holding attributes. Hand-made fixtures.
@Suite struct CrowdedStartTagScanTests {
    private func startTag(_ name: String = "request", attributes count: Int) -> String {
        "<\(name)" + (0..<count).map { " a\($0)=\"v\"" }.joined() + "/>"
    }

    /// The text reader's error for `text`, read from memory and from a file (both must agree).
    private func streamError(_ text: String) throws -> XMLReadError? {
        let bytes = Array(text.utf8)
        let path = try TemporaryFolder.make("crowded").appendingPathComponent("t.xml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        func error(_ open: () throws -> XMLStreamReader) -> XMLReadError? {
            do {
                _ = try open().readAll()
                return nil
            } catch {
                return error as? XMLReadError
            }
        }
        let found = [error { try XMLStreamReader(bytes: bytes, name: path) }, error { try XMLStreamReader(path: path) }]
        #expect(found[0] == found[1])
        return found[0]
    }

    @Test(arguments: [1_001, 200_000]) func aCrowdedStartTagIsRefusedBeforeLibxml2ParsesIt(count: Int) throws {
        let started = CPUTime.ofThisThread()
        let error = try #require(try streamError("<?xml version=\"1.0\"?>\n<r>\n  é " + startTag("x:item", attributes: count) + "</r>"))
        #expect(CPUTime.ofThisThread() - started < 5)
        #expect(error.kind == .forbidden)
        #expect(error.location == XMLSourceLocation(file: error.location.file, line: 3, column: 5))
        #expect(error.message == "the start tag <x:item> has more than 1000 attributes, the XML reader's limit")
    }

    @Test func aThousandAttributesAreRead() throws {
        #expect(try streamError("<r>" + startTag(attributes: 1_000) + "</r>") == nil)
    }

    /// What looks like a crowded tag inside quoted values, comments, instructions, CDATA, end tags
    /// and a DOCTYPE is none.
    @Test func equalsSignsOutsideStartTagsCountNothing() {
        let many = "<y " + String(repeating: "a=b ", count: 1_500)
        let text = "<?xml version=\"1.0\"?><?pi \(many)?><!DOCTYPE r SYSTEM \"x>\(many)\" [<!ENTITY e \"\(many)\">]>"
            + "<r v=\"\(many)\" w='\(many)>'><!-- \(many) -> --><![CDATA[\(many)]]></r \(many)>"
        var scan = CrowdedStartTagScan()
        #expect(text.utf8.withContiguousStorageIfAvailable { scan.read(UnsafeRawBufferPointer($0)) } == .some(nil))
    }

    /// Fed a byte at a time (a file read in chunks splits anything anywhere), the same finding.
    @Test func aByteAtATimeFindsTheSameTag() {
        let text = Array(("<!-- <b c=d> -->\n<?p q=r?><![CDATA[<s t=u>]]>\n" + startTag("item", attributes: 1_001)).utf8)
        var whole = CrowdedStartTagScan()
        var pieces = CrowdedStartTagScan()
        let expected = CrowdedStartTagScan.Finding(name: "item", line: 3, column: 1)
        #expect(text.withUnsafeBytes { whole.read($0) } == expected)
        var found: CrowdedStartTagScan.Finding?
        for index in text.indices where found == nil {
            found = text.withUnsafeBytes { pieces.read(UnsafeRawBufferPointer(rebasing: $0[index...index])) }
        }
        #expect(found == expected)
    }
}
