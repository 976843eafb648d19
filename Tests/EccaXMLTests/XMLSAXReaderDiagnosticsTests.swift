import EccaXML
import Foundation
import Testing
import EccaTestSupport

/// What the importers' reader says about a file that is not what it claims (QA robust6 #5, #9):
/// the fault in words a person can act on, where libxml2 would name a token or say nothing.
@Suite struct XMLSAXReaderDiagnosticsTests {
    /// Reads `text` from memory and from a file; both must fail alike.
    private func errors(_ text: String, name: String = "t.xml") throws -> [XMLReadError] {
        let bytes = Array(text.utf8)
        let folder = try TemporaryFolder.make("sax")
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var found: [XMLReadError] = []
        for fromFile in [false, true] {
            do throws(XMLReadError) {
                _ = try (fromFile ? XMLSAXReader(path: path) : XMLSAXReader(bytes: bytes, name: path)).readAll()
                Issue.record("read without error")
            } catch {
                found.append(error)
            }
        }
        return found
    }

    /// A versioner section declared US-ASCII whose "§" is UTF-8 (`ecfr/versioner-title-26-section-1.162-4.xml`
    /// with `encoding="US-ASCII"`, the QA set's `enc/ver-decl-US-ASCII.xml`): libxml2 stops at the
    /// byte without a word and then reports the file as ending inside <HEAD>. It is not truncated.
    @Test func aNonASCIIByteInAFileDeclaredASCIIIsNamedNotCalledTruncated() throws {
        for (declared, text) in [("US-ASCII", "<?xml version=\"1.0\" encoding=\"US-ASCII\"?> \n<DIV8 N=\"1.162-4\" TYPE=\"SECTION\">\n<HEAD>§ 1.162-4 Repairs.</HEAD>\n</DIV8>\n"),
                                 ("ascii", "<?xml version=\"1.0\" encoding=\"ascii\"?>\r\n<DIV8 N=\"1.162-4\" TYPE=\"SECTION\">\r\n<HEAD>§ 1.162-4 Repairs.</HEAD>\r\n</DIV8>\r\n")] {
            for error in try errors(text) {
                #expect(error.kind == .forbidden)
                #expect(error.location.line == 3)
                #expect(error.location.column == 7)
                #expect(error.message == "byte 0xC2 is not ASCII, which the file declares (encoding '\(declared)'); ecca reads UTF-8 only "
                    + "(if the file is UTF-8, declare encoding=\"UTF-8\"; else convert it to UTF-8, e.g. with iconv -f WINDOWS-1252 -t UTF-8)")
            }
        }
        // An earlier fault is still the one reported; an ASCII file declared ASCII is read.
        for error in try errors("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n<a>\n<b></c>\n<d>§</d></a>\n") {
            #expect(error.location.line == 3)
            #expect(error.message.hasPrefix("Opening and ending tag mismatch: b line 3 and c"))
        }
        #expect(try XMLSAXReader(bytes: Array("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n<a>x</a>".utf8), name: "t.xml").readAll().count == 3)
    }

    /// UTF-16 without a byte-order mark (`enc/ver-utf16le-nobom-decl8.xml` in the QA set, which
    /// even declares UTF-8) was read, by libxml2's guess, while UTF-16 with one is refused: XML
    /// requires the mark of UTF-16 (XML 1.0 §4.3.3), and ecca reads UTF-8 only, so both are refused
    /// alike, by both readers (QA robust6 #12).
    @Test(arguments: Reader.allCases) func utf16WithoutAByteOrderMarkIsRefused(reader: Reader) throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DIV8 N=\"1.162-4\" TYPE=\"SECTION\"><HEAD>§ 1.162-4 Repairs.</HEAD></DIV8>\n"
        for bigEndian in [false, true] {
            var bytes: [UInt8] = []
            for unit in text.utf16 { bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            let error = try #require(reader.error(bytes))
            #expect(error.kind == .forbidden)
            #expect(error.location == XMLSourceLocation(file: "test.xml", line: 1, column: 1))
            #expect(error.message == "the file is UTF-16 (\(bigEndian ? "big" : "little")-endian, without a byte-order mark); ecca reads UTF-8 only "
                + "(convert it, e.g. with iconv -f UTF-16\(bigEndian ? "BE" : "LE") -t UTF-8, and declare encoding=\"UTF-8\")")
        }
    }

    /// Files cut inside a token (shapes of the QA set's truncation sweep, `scripts/trunc_sweep.py`:
    /// a versioner section cut in an attribute, in a start tag, in an entity reference, in a UTF-8
    /// character, after its first byte): libxml2's word for the token, and that the file ends there.
    @Test func aFileCutInsideATokenSaysItEndsThere() throws {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DIV8 N=\"1.162-4\" TYPE=\"SECTION\">\n<HEAD>§ 1.162-4 Repairs.</HEAD>\n"
        let cases: [(String, String)] = [
            (head + "<P N=", "4:6: error: AttValue: \" or ' expected (the file ends here: it is truncated)"),
            (head + "<P N=\"a", "4:8: error: AttValue: ' expected (the file ends here: it is truncated)"),
            (head + "<P>(a) <I", "4:10: error: Couldn't find end of Start Tag I (the file ends here: it is truncated)"),
            (head + "<P>(a) repairs &am", "4:19: error: EntityRef: expecting ';' (the file ends here: it is truncated)"),
            // Cut inside its first tag: no "extra content" follows the document (importer audit D6).
            ("<", "1:1: error: the document ends inside its first tag (opened on line 1, column 1), before its root element: the file is truncated"),
            // The Formex manifest cut after `<EEA/` (its offset 371 in the sweep).
            (head + "<EEA/", "4:5: error: error parsing attribute name (the file ends here: it is truncated)"),
        ]
        for (text, expected) in cases {
            for error in try errors(text) {
                #expect(error.description.hasSuffix(expected), "\(error.description)")
            }
        }
        // A fault before the end is not said to be one, nor is content after the root element.
        for (text, expected) in [("<a>x & y</a>\n", "1:7: error: xmlParseEntityRef: no name"), ("<a/>x", "1:5: error: Extra content at the end of the document"), ("<a/>/", "1:5: error: Extra content at the end of the document")] {
            for error in try errors(text) {
                #expect(error.description.hasSuffix(expected), "\(error.description)")
            }
        }
    }

    /// An element of a LegalRuleML file is named as the file writes it, prefix and all (the
    /// shape of `legalruleml-dapreco/rioKB_GDPR.xml`, cut inside a `ruleml:Var`).
    @Test func aTruncatedElementIsNamedWithItsPrefix() throws {
        let text = "<?xml version=\"1.0\"?>\n<lrml:LegalRuleML xmlns:lrml=\"http://docs.oasis-open.org/legalruleml/ns/v1.0/\" xmlns:ruleml=\"http://ruleml.org/spec\">\n"
            + "<ruleml:Atom><ruleml:Var>x"
        for error in try errors(text) {
            #expect(error.description.hasSuffix("3:26: error: the document ends inside <ruleml:Var> (opened on line 3, column 14): the file is truncated or an end tag is missing"), "\(error.description)")
        }
    }
}

