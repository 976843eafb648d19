import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// An Akoma Ntoso file that names no country gets `unknown`, a warning and an unresolved note,
/// never a guess (QA docs6, finding 11). Hand-made in the shapes of the reviewer's
/// /tmp/qa/docs6/akn/nocountry*.xml.
@Suite struct AkomaNtosoCountryTests {
    static func file(_ name: String, work: String, act: String = "<act>") throws -> String {
        try Corpus.fixture(name, """
            <?xml version="1.0" encoding="UTF-8"?>
            <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
              \(act)
                <meta><identification source="#x"><FRBRWork>\(work)<FRBRdate date="2020-01-01" name="x"/></FRBRWork></identification></meta>
                <body>
                  <article eId="art_1"><num>Article 1</num><heading>Scope</heading>
                    <paragraph eId="art_1__para_1"><num>1.</num><content><p>First paragraph.</p></content></paragraph>
                  </article>
                </body>
              </act>
            </akomaNtoso>
            """)
    }

    static let noCountry = "The file does not name the country whose law this is (its FRBRcountry is empty and its FRBR URI names none); the jurisdiction is written as “unknown”. Check the official text."

    /// `/akn/act/2020/1` begins with the document type: no country. It was read as the country
    /// "ACT" (`act.act-2020-1`, jurisdiction `ACT`).
    @Test func aURIWithoutACountryNamesNone() throws {
        let path = try Self.file("nocountry3.xml", work: #"<FRBRthis value="/akn/act/2020/1/!main"/><FRBRuri value="/akn/act/2020/1"/>"#)
        let imported = try Corpus.collect([path])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.id == "akn.act-2020-1")
        #expect(instrument.jurisdiction == "unknown")
        #expect(instrument.notes.filter { $0.kind == .unresolved }.map(\.text) == [Self.noCountry])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):1: warning: the file names no country (FRBRcountry is empty, the FRBR URI names none): the jurisdiction is written as \"unknown\"",
        ])
    }

    /// A bare `#w` is a reference that names nothing, not a UK Lawmaker placeholder (`#var…`): the
    /// file was called "a UK Lawmaker draft of a series ecca does not know" whose FRBRcountry
    /// ("FRBRcountry  is", empty) "is its template's".
    @Test func aBareReferenceIsNoLawmakerDraft() throws {
        let path = try Self.file("nocountry.xml", work: ##"<FRBRthis value="#w"/>"##)
        let imported = try Corpus.collect([path])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.id == "akn.nocountry")
        #expect(instrument.jurisdiction == "unknown")
        #expect(instrument.notes.filter { $0.kind == .unresolved }.map(\.text) == [Self.noCountry])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):1: warning: the file has no FRBR URI or number to mint the instrument id from: it is minted from the file's name, akn.nocountry, and changes if the file is renamed (give --instrument-id to fix it)",
            "\(path):1: warning: the file names no country (FRBRcountry is empty, the FRBR URI names none): the jurisdiction is written as \"unknown\"",
        ])
    }

    /// A real Lawmaker placeholder with no FRBRcountry and a series ecca does not know: the
    /// messages say it names none (no double space, no template's country).
    @Test func aLawmakerDraftWithoutACountrySaysSo() throws {
        let path = try Self.file("lawmaker.xml", work: ##"<FRBRthis value="#varWorkUri"/>"##, act: #"<act name="xyz">"#)
        let imported = try Corpus.collect([path])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.jurisdiction == "unknown")
        #expect(instrument.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The file is a UK Lawmaker draft of a series ecca does not know, and it names no FRBRcountry; the jurisdiction is written as “unknown”. Check the official text.",
        ])
        #expect(imported.diagnostics.map(\.description).contains(
            "\(path):1: warning: the file is a UK Lawmaker draft of a series ecca does not know (xyz); it names no FRBRcountry: the jurisdiction is written as \"unknown\""))
    }
}
