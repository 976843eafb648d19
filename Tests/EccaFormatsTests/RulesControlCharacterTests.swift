import ClauseGraph
import EccaFormats
import EccaXML
import Testing

/// A rules file may not carry control or bidirectional formatting characters to the terminal and
/// the reports (reports audit §3), as a request may not: each attribute or text holding one is an
/// error at its line, with the provision it is in, and nothing else the file says is lost.
@Suite struct RulesControlCharacterTests {
    static let letter = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rules xmlns="urn:ecca:rules:1">
        <instrument id="us.x" jurisdiction="US" kind="is-informed-letter" applies-when-named="true">
          <title>Letter&#x2028;to Helios</title>
          <provision id="us.x.1" citation="Letter&#x202E;para. 1" evidence="secondary" wording-kind="paraphrase">
            <heading>h</heading>
            <wording>a first line,
        a second &#x9B;31m line
        and a third,\twith a tab</wording>
            <status><in-force from="2026-02-30"/></status>
          </provision>
          <provision id="us.x.2" citation="para. 2&#10;forged line" evidence="secondary"><wording>fine</wording></provision>
        </instrument>
        </rules>
        """

    static func read(_ text: String) throws -> RulesReader.Outcome {
        RulesReader(schema: try RelaxNGSchema(path: Corpus.schema)).read(bytes: Array(text.utf8), name: "letter.xml")
    }

    @Test func eachIsAnErrorAtItsLineWithItsProvision() throws {
        guard case .document(let document) = try Self.read(Self.letter) else {
            Issue.record("the letter was not read")
            return
        }
        let attribute = "an attribute may not hold line breaks, escapes or other control or bidirectional formatting characters"
        let text = "a rules file's text may not hold escapes or other control or bidirectional formatting characters (only the file's own line breaks and tabs)"
        #expect(document.diagnostics.map(\.description) == [
            "letter.xml:10: error: <in-force from=\"2026-02-30\">: not a calendar date (YYYY-MM-DD, years 0001 to 9999) [us.x.1]",
            "letter.xml:4: error: <title>…</title>: contains a control character (U+2028); \(text) [us.x]",
            "letter.xml:5: error: <provision citation=\"…\">: contains a control character (U+202E); \(attribute) [us.x.1]",
            "letter.xml:8: error: <wording>…</wording>: contains a control character (U+009B); \(text) [us.x.1]",
            "letter.xml:12: error: <provision citation=\"…\">: contains a control character (U+000A); \(attribute) [us.x.2]",
        ])
        // The rest is read as before: both provisions, and the tab in a wording is whitespace.
        #expect(document.provisions.map(\.id) == ["us.x.1", "us.x.2"])
        #expect(document.provisions.last?.wording == "fine")
    }

    /// A file the schema refuses is not used, and its characters are said beside its schema errors.
    @Test func aFileNotUsedHasThemSaidToo() throws {
        guard case .invalid(let findings, _) = try Self.read(Self.letter.replacingOccurrences(of: " evidence=\"secondary\"><wording>fine", with: "><wording>fine")) else {
            Issue.record("the letter without an evidence attribute was used")
            return
        }
        #expect(findings.count == 5, "\(findings)")
        #expect(findings.first?.description == "letter.xml:12: error: <provision> lacks the attribute evidence, which it requires [us.x.2]", "\(findings)")
        #expect(findings.dropFirst().map { "\($0.location!.line) \($0.subject!)" } == ["4 us.x", "5 us.x.1", "8 us.x.1", "12 us.x.2"])
    }

    /// The shipped rules and the sample letter hold none.
    @Test func theShippedRulesHoldNone() throws {
        let loaded = RegulationsLoader().load(directories: [Corpus.regulations],
                                              files: [Corpus.root.appendingPathComponent("Samples/instruments/is-informed-letter-orion.xml").path])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.files.count == 7)
    }
}
