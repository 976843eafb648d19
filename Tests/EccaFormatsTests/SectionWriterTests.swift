import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// The rules-XML writer writes a CFR section straight from its laid-out bytes, never making its
/// provisions; what it writes must be, byte for byte, what it writes for the section's
/// `provisions()` one by one (the path every other dialect takes).
@Suite struct SectionWriterTests {
    /// Hands each section to the writer as provisions, one by one.
    private final class OneByOne: ImportSink {
        let writer: RulesXMLWriter
        init(_ writer: RulesXMLWriter) { self.writer = writer }
        func begin(_ instrument: ImportedInstrument) throws(OfficialImportError) { try writer.begin(instrument) }
        func add(_ provision: ImportedProvision) throws(OfficialImportError) { try writer.add(provision) }
        func add(contentsOf batch: ProvisionBatch) throws(OfficialImportError) {
            for provision in batch.provisions() { try writer.add(provision) }
        }
        func end() throws(OfficialImportError) { try writer.end() }
    }

    /// The file written both ways, and how many provisions were written.
    private func writeBothWays(_ files: [String]) throws -> (direct: Data, oneByOne: Data, provisions: Int) {
        let folder = try TemporaryFolder.make("formats").path
        let direct = try RulesXMLWriter(path: folder + "/direct.xml", comment: "same comment")
        _ = try OfficialImporter().run(files: files, into: direct)
        try direct.finish()
        let oneByOne = try RulesXMLWriter(path: folder + "/one-by-one.xml", comment: "same comment")
        _ = try OfficialImporter().run(files: files, into: OneByOne(oneByOne))
        try oneByOne.finish()
        #expect(direct.provisionsWritten == oneByOne.provisionsWritten)
        return (try Data(contentsOf: URL(fileURLWithPath: folder + "/direct.xml")),
                try Data(contentsOf: URL(fileURLWithPath: folder + "/one-by-one.xml")), direct.provisionsWritten)
    }

    /// Every shape the section reader makes: definitions (ids and anchors with spaces), an italic
    /// heading with a child in the same paragraph, levels down to (A), an ambiguous (i), an
    /// elided paragraph, text that needs escaping, a section repeated (`-2` ids), terms whose ids
    /// fold alike (`def-R-D`, `def-R-D-2`, reported with a note), an empty
    /// section (its heading stands in for its wording), and a section without paragraphs.
    private static let shapes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
        <TEXT><BODY><ECFRBRWS><AMDDATE>Jan. 2, 2025</AMDDATE>
        <DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15—Commerce</HEAD>
        <DIV5 N="772" NODE="15:2.1.3.4.1" TYPE="PART"><HEAD>PART 772—DEFINITIONS</HEAD>
        <DIV8 N="§ 772.1" NODE="15:2.1.3.4.1.0.1.1" TYPE="SECTION">
        <HEAD>§ 772.1   Definitions of terms as used in the EAR.</HEAD>
        <P>As used in this section:</P>
        <P><I>Foreign person</I> means any natural person who is not a lawful permanent resident &amp; “protected” &lt;individual&gt;:</P>
        <P>(1) Any corporation;</P>
        <P>(2) Any government.</P>
        <P><I>Export.</I> See § 734.13.</P>
        <P><I>R&amp;D</I> means research &amp; development.</P>
        <P><I>R D</I> means a term whose id folds like the one before.</P>
        <CITA TYPE="N">[61 FR 12786, Mar. 25, 1996]</CITA>
        </DIV8>
        <DIV8 N="§ 772.2" NODE="15:2.1.3.4.1.0.1.2" TYPE="SECTION">
        <HEAD>§ 772.2   Scope.</HEAD>
        <P>(a) <I>General.</I>—(1) <I>In general.</I> Text of (a)(1) with a "quote" and a tab\there.</P>
        <P>(2)(i) First roman under (a)(2).</P>
        <P>(ii) Second roman.</P>
        <P>(A) Capital under (ii).</P>
        <P>(B) Second capital.</P>
        <P>(b) * * *</P>
        <P>(c) Paragraph (c).</P>
        <P>(d) Paragraph (d).</P>
        <P>(e) Paragraph (e).</P>
        <P>(f) Paragraph (f).</P>
        <P>(g) Paragraph (g).</P>
        <P>(h) Paragraph (h).</P>
        <P>(1) Under (h).</P>
        <P>(i) Ambiguous: a letter after (h) or a roman under (h)(1).</P>
        <EXTRACT><FP>Extract text after the paragraphs.</FP></EXTRACT>
        </DIV8>
        <DIV8 N="§ 772.2" NODE="15:2.1.3.4.1.0.1.3" TYPE="SECTION">
        <HEAD>§ 772.2   Scope (repeated).</HEAD>
        <P>(a) Again (a).</P>
        <P>(a) And (a) twice in one section.</P>
        </DIV8>
        <DIV8 N="§ 772.3" NODE="15:2.1.3.4.1.0.1.4" TYPE="SECTION">
        <HEAD>§ 772.3   [Reserved]</HEAD>
        </DIV8>
        <DIV8 N="§ 772.4" NODE="15:2.1.3.4.1.0.1.5" TYPE="SECTION">
        <HEAD>§ 772.4   Unnumbered.</HEAD>
        <P>Text without markers, 10<SU>25</SU> operations.</P>
        </DIV8>
        </DIV5></DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
        """

    @Test func sectionsAreWrittenAsTheirProvisionsWouldBe() throws {
        let shapes = try Corpus.fixture("ECFR-title15-shapes.xml", Self.shapes)
        let written = try writeBothWays([shapes])
        // 772.1: the section, the four defined terms (one run in with a period, one with `&`, so
        // its ids and citations need escaping) and the first one's (1) and (2); 772.2: the section
        // and 15 paragraphs ((b) is elided); the repeated 772.2: 3; 772.3 and 772.4: the section alone.
        #expect(written.provisions == 28)
        #expect(written.direct == written.oneByOne)
        let text = String(decoding: written.direct, as: UTF8.self)
        #expect(text.contains(#"<provision id="us.cfr-15.772.2-2.a-2" citation="15 CFR 772.2(a)""#))
        #expect(text.contains(#"<source url="https://www.ecfr.gov/current/title-15/section-772.1#p-772.1%20(Foreign%20person)(1)"/>"#))
        #expect(text.contains(#"<provision id="us.cfr-15.772.1.def-R-D" citation="15 CFR 772.1, “R&amp;D”" evidence="verified" source-id="§ 772.1 (R&amp;D)""#))
        #expect(text.contains(#"<provision id="us.cfr-15.772.1.def-R-D-2" citation="15 CFR 772.1, “R D”""#))
        #expect(text.contains("<note kind=\"unresolved\">This provision would have had the id us.cfr-15.772.1.def-R-D, which the provision at line 13 of the official file already has: the two were given one number or name. It is written as us.cfr-15.772.1.def-R-D-2 instead. Check the official text.</note>"))
        #expect(text.contains("<wording>Foreign person means any natural person who is not a lawful permanent resident &amp; “protected” &lt;individual&gt;: (1) Any corporation; (2) Any government.</wording>"))
        #expect(text.contains(#"<provision id="us.cfr-15.772.1.def-Export" citation="15 CFR 772.1, “Export”""#))
    }

    /// Hands each section on whole or one by one, and after each, one more provision that
    /// continues the section under its first paragraph's id, as a later amendment could.
    private final class ContinuingEachSection: ImportSink {
        let writer: RulesXMLWriter
        let whole: Bool
        init(_ writer: RulesXMLWriter, whole: Bool) {
            self.writer = writer
            self.whole = whole
        }
        func begin(_ instrument: ImportedInstrument) throws(OfficialImportError) { try writer.begin(instrument) }
        func add(_ provision: ImportedProvision) throws(OfficialImportError) { try writer.add(provision) }
        func add(contentsOf batch: ProvisionBatch) throws(OfficialImportError) {
            let provisions = batch.provisions()
            if whole { try writer.add(contentsOf: batch) } else { for provision in provisions { try writer.add(provision) } }
            if provisions.count > 1 { try writer.add(provisions[1]) }
        }
        func end() throws(OfficialImportError) { try writer.end() }
    }

    /// Ids a section written whole did not list must still count when a later provision
    /// continues the section: the repeat gets `-2` as it does when every provision is listed.
    @Test func aProvisionContinuingASectionWrittenWholeGetsAUniqueID() throws {
        let shapes = try Corpus.fixture("ECFR-title15-shapes.xml", Self.shapes)
        let folder = try TemporaryFolder.make("formats").path
        var written: [String] = []
        for whole in [true, false] {
            let path = folder + "/continued-\(whole).xml"
            let writer = try RulesXMLWriter(path: path, comment: "same comment")
            _ = try OfficialImporter().run(files: [shapes], into: ContinuingEachSection(writer, whole: whole))
            try writer.finish()
            written.append(try String(contentsOfFile: path, encoding: .utf8))
        }
        #expect(written[0] == written[1])
        #expect(written[0].contains(#"<provision id="us.cfr-15.772.2.a-2" citation="15 CFR 772.2(a)""#))
        #expect(written[0].contains(#"<provision id="us.cfr-15.772.1.def-Foreign-person-2""#))
    }

    /// A source URL is made an `anyURI` (`SourceURL.make`) and written, byte by byte: every ASCII
    /// character and a few non-ASCII ones against a plain rule (controls dropped, `&` escaped, the
    /// characters an `anyURI` should not hold, a `%` that starts no escape, brackets and every
    /// non-ASCII byte percent-encoded, the rest as they are).
    @Test func sourceURLsArePercentEncodedByteByByte() throws {
        let url = String(decoding: Array(1...0x7F), as: UTF8.self) + "§é—"
        var expected = ""
        for byte in url.utf8 {
            switch byte {
            case ..<0x20, 0x7F: continue
            case 0x26: expected += "&amp;"
            case 0x20, 0x22, 0x25, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D, 0x5E, 0x60, 0x7B, 0x7C, 0x7D, 0x80...: expected += String(format: "%%%02X", byte)
            default: expected += String(UnicodeScalar(byte))
            }
        }
        let sourceURL: String = try #require(SourceURL.make(url))
        let path = try TemporaryFolder.make("formats").path + "/url.xml"
        let writer = try RulesXMLWriter(path: path, comment: "url")
        try writer.begin(ImportedInstrument(id: "us.cfr-15", dialect: .ecfr, variant: "ecfr-bulk", title: "Title 15",
                                            jurisdiction: "US", kind: .regulation, file: "in.xml"))
        try writer.add(ImportedProvision(canonicalID: "1.1", sourceID: "1.1", idPath: ["1.1"], level: .section, citation: "15 CFR 1.1",
                                         wording: "Text.", span: SourceSpan(file: "in.xml", firstLine: 1, lastLine: 1), sourceURL: sourceURL))
        try writer.end()
        try writer.finish()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("<source url=\"\(expected)\"/>"))
    }

    /// Wording and attribute values are escaped byte by byte, at every offset the eight-byte scan
    /// can meet a special byte: against a plain rule (`& < >` escaped, `"` too in attributes,
    /// tab, newline and CR kept in text and spaces in attributes, other controls dropped).
    @Test func textAndAttributesAreEscapedAtEveryOffset() throws {
        func escaped(_ text: String, attribute: Bool) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += attribute ? "&quot;" : "\""
                case "\t", "\n", "\r": out += attribute ? " " : String(scalar)
                case "\u{0}"..."\u{1F}": continue
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let specials = String(decoding: Array(1...0x7F), as: UTF8.self)
        let path = try TemporaryFolder.make("formats").path + "/escaping.xml"
        let writer = try RulesXMLWriter(path: path, comment: "escaping")
        try writer.begin(ImportedInstrument(id: "us.cfr-15", dialect: .ecfr, variant: "ecfr-bulk", title: "Title 15",
                                            jurisdiction: "US", kind: .regulation, file: "in.xml"))
        var expected: [String] = []
        for offset in 0..<17 {
            let text = String(repeating: "x", count: offset) + specials + "é—" + String(repeating: "y", count: 16 - offset)
            try writer.add(ImportedProvision(canonicalID: "1.\(offset)", sourceID: "1.\(offset)", idPath: ["1.\(offset)"], level: .section,
                                             citation: text, wording: text,
                                             span: SourceSpan(file: "in.xml", firstLine: 1, lastLine: 1)))
            expected.append(" citation=\"\(escaped(text, attribute: true))\"")
            expected.append("<wording>\(escaped(text, attribute: false))</wording>")
        }
        try writer.end()
        try writer.finish()
        let written = try String(contentsOfFile: path, encoding: .utf8)
        for piece in expected { #expect(written.contains(piece)) }
    }

    /// A section holding control and bidirectional characters (`ControlsLeftOut`) is written
    /// provision by provision, each with its own left out and noted: byte for byte what the
    /// streaming path writes for the same section without them, but for the notes saying so, and
    /// the same whichever way the sink takes the section.
    @Test func aSectionHoldingControlCharactersIsWrittenAsTheSectionWithoutThem() throws {
        func section(_ override: String, _ quote: String, _ embedding: String) -> String {
            Self.shapes.replacingOccurrences(of: "<HEAD>§ 772.2   Scope.</HEAD>", with: "<HEAD>§ 772.2   Scope\(override).</HEAD>")
                .replacingOccurrences(of: "<P>(2)(i) First roman under (a)(2).</P>", with: "<P>(2)(i) First roman\(quote) under \(embedding)(a)(2).</P>")
                .replacingOccurrences(of: "<P><I>Export.</I> See", with: "<P><I>Ex\(override)port.</I> See")
        }
        let clean = try writeBothWays([try Corpus.fixture("ECFR-title15-clean.xml", section("", "", ""))])
        let held = try writeBothWays([try Corpus.fixture("ECFR-title15-held.xml", section("\u{202E}", "\u{0092}", "&#x202A;&#x202C;"))])
        #expect(held.provisions == clean.provisions)
        #expect(held.direct == held.oneByOne)
        let heldText = String(decoding: held.direct, as: UTF8.self)
        let cleanText = String(decoding: clean.direct, as: UTF8.self)
        #expect(!heldText.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{0092}" || $0 == "\u{202A}" || $0 == "\u{202C}" })
        #expect(!heldText.contains("&#x202"))
        // 772.2, its (a), (a)(2) and (a)(2)(i) held them, (a) and the section in their wordings as
        // well; 772.1 and its term “Export” held one in the term (its citation, source id and
        // wording), which the section's wording holds, so the term's id and citation lose it too.
        let notes = heldText.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.contains("holds characters that carry no text") }
        #expect(notes.count == 6)
        #expect(notes.contains { $0.contains(": U+202E RIGHT-TO-LEFT OVERRIDE in the wording; U+202E RIGHT-TO-LEFT OVERRIDE in the heading; U+202E RIGHT-TO-LEFT OVERRIDE in the citation; U+202E RIGHT-TO-LEFT OVERRIDE in the source id; U+202E RIGHT-TO-LEFT OVERRIDE in the number.") })
        // The term's URL keeps it, percent-encoded: an address, which the eCFR makes from the term as printed.
        #expect(heldText.contains("#p-772.1%20(Ex%E2%80%AEport)\"/>"))
        let provisions = { (text: String) in
            text.replacingOccurrences(of: "Ex%E2%80%AEport", with: "Export").split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("holds characters that carry no text") && !$0.contains("ECFR-title15-") }
        }
        #expect(provisions(heldText) == provisions(cleanText))
    }

    @Test func realCFRAndFederalRegisterFilesAreWrittenAsTheirProvisionsWouldBe() throws {
        for file in [Corpus.ecfrBulk, Corpus.ecfrVersioner, Corpus.cfrAnnual, Corpus.federalRegister] where Corpus.available(file) {
            let written = try writeBothWays([file])
            #expect(written.provisions > 0, "\(file)")
            #expect(written.direct == written.oneByOne, "\(file)")
        }
    }
}
