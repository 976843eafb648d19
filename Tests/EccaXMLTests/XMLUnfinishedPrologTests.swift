import EccaTestSupport
@testable import EccaXML
import Foundation
import Testing

/// A file that ends before its root element's start tag is complete (importer audit D6): a file
/// holding just `<` got libxml2's "Extra content at the end of the document (the file ends here: it
/// is truncated)", which contradicts itself (nothing follows the document: it is cut inside its
/// first tag), and a cut XML declaration "XML declaration allowed only at the start of the
/// document". Both readers, from bytes or from a file, now say where it ends and that it is truncated.
@Suite struct XMLUnfinishedPrologTests {
    static let cases: [(String, String)] = [
        ("<", "test.xml:1:1: error: the document ends inside its first tag (opened on line 1, column 1), before its root element: the file is truncated"),
        ("<?xml version=\"1.0\"?>\n<", "test.xml:2:1: error: the document ends inside its first tag (opened on line 2, column 1), before its root element: the file is truncated"),
        ("\u{FEFF}<!-- a -->\n  <!D", "test.xml:2:3: error: the document ends inside its first tag (opened on line 2, column 3), before its root element: the file is truncated"),
        ("<r", "test.xml:1:1: error: the document ends inside the start tag of its root element <r> (opened on line 1, column 1): the file is truncated"),
        ("<?xml version=\"1.0\"?>\n<DIV8 N=\"1.162-4\" TYPE=\"SEC", "test.xml:2:1: error: the document ends inside the start tag of its root element <DIV8> (opened on line 2, column 1): the file is truncated"),
        ("<?xml version=\"1.0\" enco", "test.xml:1:1: error: the document ends inside its XML declaration (opened on line 1, column 1), before its root element: the file is truncated"),
        ("<?xml version=\"1.0\"?><!-- cut", "test.xml:1:22: error: the document ends inside a comment (opened on line 1, column 22), before its root element: the file is truncated"),
        ("<?xml-stylesheet href=", "test.xml:1:1: error: the document ends inside a processing instruction (opened on line 1, column 1), before its root element: the file is truncated"),
        // Not XML at all (QA M4: libxml2 said "Document is empty").
        ("hello world\n<p>", "test.xml:1:1: error: the file is not XML: text stands where its root element should begin, with '<'"),
        ("<?xml version=\"1.0\"?>\n  %PDF-1.7", "test.xml:2:3: error: the file is not XML: text stands where its root element should begin, with '<'"),
    ]

    @Test(arguments: Reader.allCases) func aFileThatEndsBeforeItsRootElementSaysWhereItIsCut(reader: Reader) throws {
        let folder = try TemporaryFolder.make("unfinished")
        for (text, expected) in Self.cases {
            let fromBytes = try #require(reader.error(text), "\(text.debugDescription)")
            #expect(fromBytes.description == expected, "\(text.debugDescription)")
            #expect(fromBytes.kind == .malformed)
            let file = folder.appendingPathComponent("test.xml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            do {
                _ = try reader.readAll(path: file.path)
                Issue.record("\(text.debugDescription) was read")
            } catch {
                #expect(error.description == expected.replacingOccurrences(of: "test.xml:", with: file.path + ":"), "\(text.debugDescription)")
            }
        }
    }

    /// A start tag that closes is the reader's to judge, as before: the scan decides nothing more.
    @Test func aClosedStartTagOrAPrologStillBeingReadIsLeftToTheReader() {
        func scan(_ text: String, complete: Bool) -> XMLProlog.Finding {
            Array(text.utf8).withUnsafeBytes { XMLProlog.scan($0, complete: complete) }
        }
        #expect(scan("<DIV8 N=\"1\">", complete: true) == .none)
        #expect(scan("<DIV8 N=\"1\"", complete: false) == .undecided)
        #expect(scan("<", complete: false) == .undecided)
        #expect(scan("<?xml version=\"1.0\"?><a/>", complete: true) == .none)
    }
}
