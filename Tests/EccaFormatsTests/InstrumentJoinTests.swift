import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// Files that are parts of one CFR title (ecfr.gov versioner sections, a bulk title, an annual
/// volume) join one instrument, so that their ids are the ids of the whole title. The sections of
/// title 15 are hand-made in the versioner's shape (FORMATS.md §1.3): the corpus has only one
/// versioner file, of title 26, which is used as the other title.
@Suite struct InstrumentJoinTests {
    static func section(_ number: String, date: String = "_SUBSTITUTE_DATE_", _ paragraphs: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="\(number)" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/\(date)/title-15/section-\(number)&quot;,&quot;citation&quot;:&quot;15 CFR \(number)&quot;}">
        <HEAD>§ \(number) Heading.</HEAD>
        \(paragraphs)
        </DIV8>
        """
    }

    static let s734_13 = section("734.13", """
        <P>(a) Except as set forth in § 734.17 or § 734.18, <I>Export</I> means:</P>
        <P>(1) An actual shipment or transmission out of the United States;</P>
        <P>(2) Releasing or otherwise transferring “technology” or source code (but not object code) to a foreign person in the United States (a “deemed export”);</P>
        """)
    static func s734_3(date: String = "_SUBSTITUTE_DATE_") -> String {
        section("734.3", date: date, """
            <P>(a) Except for items excluded in paragraph (b) of this section, the following items are subject to the EAR:</P>
            <P>(1) All items in the United States.</P>
            <P>(b) The following are not subject to the EAR:</P>
            <P>(1) Prerecorded phonograph records.</P>
            <P>(2) Printed books.</P>
            <P>(3) Information and “software” that are published.</P>
            """)
    }

    static func ids(_ output: String) throws -> [String] {
        try String(contentsOfFile: output, encoding: .utf8).matches(of: #/<provision id="([^"]+)"/#).map { String($0.1) }
    }

    /// The QA case: `ecca import v-734.13.xml v-734.3.xml --instrument-id us.ear` gave § 734.3 the
    /// ids `us.ear-2.734.3…`; they are the shipped encoding's `us.ear.734.3…`, in the order given.
    @Test func sectionsOfOneTitleJoinOneInstrumentWithTheTitlesIds() throws {
        let first = try Corpus.fixture("v-734.13.xml", Self.s734_13)
        let second = try Corpus.fixture("v-734.3.xml", Self.s734_3())
        let output = try TemporaryFolder.make("formats").path + "/ear.rules.xml"
        let result = try OfficialImporter(options: ImportOptions(instrumentID: "us.ear")).run(files: [first, second], output: output)
        #expect(try Self.ids(output) == ["us.ear.734.13", "us.ear.734.13.a", "us.ear.734.13.a.1", "us.ear.734.13.a.2",
                                         "us.ear.734.3", "us.ear.734.3.a", "us.ear.734.3.a.1", "us.ear.734.3.b",
                                         "us.ear.734.3.b.1", "us.ear.734.3.b.2", "us.ear.734.3.b.3"])
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("""
              <instrument id="us.ear" jurisdiction="US" kind="cfr-part">
                <title>15 CFR 734.13 (eCFR); 15 CFR 734.3 (eCFR)</title>
                <official-id scheme="cfr">15 CFR 734.13</official-id>
                <official-id scheme="cfr">15 CFR 734.3</official-id>
                <version label="eCFR versioner API (ecfr.gov)"/>
                <source url="https://www.ecfr.gov/current/title-15" attribution="US Government Publishing Office / Office of the Federal Register; US Government work, public domain"/>
                <note kind="editorial">Imported by ecca from the eCFR versioner XML file v-734.13.xml: wording verbatim (footnotes dropped unless their notes are kept, then marked [1], a section's footnote (FTNT) carried as a note on the provision it follows; tables row by row, cells joined by " | ", rows set apart by " ¶ ", a cell spanning columns or rows and a header of two or more levels written once where the markup has them, so they do not line up with the columns (each marked unresolved); formulas and pictures printed as images not carried, their ids left out (each marked unresolved); superscripts after a number, a letter or a bracket as ^ unless they mark a footnote, subscripts as _, whitespace collapsed); the paragraph hierarchy rebuilt from the markers (docs/importers.md).</note>
                <note kind="editorial">One instrument joined from 2 files of 15 CFR, their provisions in this order: 1. v-734.13.xml: 15 CFR 734.13 (eCFR), eCFR versioner API (ecfr.gov), no date in the file; 2. v-734.3.xml: 15 CFR 734.3 (eCFR), eCFR versioner API (ecfr.gov), no date in the file. A provision from a file other than the first names its file in its source note (“… of FILE”).</note>
                <note kind="editorial">Source file: \(first). Each provision's note gives its lines and an element path in it.</note>
            """))
        // The second file's provisions name it; the first's do not.
        #expect(text.contains("<note kind=\"editorial\">Source: lines 2-10, DIV8[@N='734.3'] of \(second)</note>"))
        #expect(text.contains("<note kind=\"editorial\">Source: lines 2-7, DIV8[@N='734.13']</note>"))
        #expect(result.summary.instruments.map { "\($0.file) \($0.id) \($0.joins ?? "-") \($0.provisions)" }
                == ["\(first) us.ear - 4", "\(second) us.ear \(first) 7"])
        #expect(result.summary.rendered.contains("\(second): ecfr-versioner → us.ear (joins the instrument begun by \(first)): 15 CFR 734.3 (eCFR)\n"))
        let loaded = RegulationsLoader().load(directories: [], files: [output], schemaPath: Corpus.schema)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        #expect(loaded.graph.instruments.keys.sorted() == ["us.ear"])
    }

    /// Another title, and a Federal Register rule, stay instruments of their own; the sections of
    /// title 15 are read together at the place of the first, in the order given.
    @Test func otherTitlesAndOtherDocumentsStayApart() throws {
        guard Corpus.available(Corpus.ecfrVersioner) && Corpus.available(Corpus.federalRegister) else { return }
        let first = try Corpus.fixture("v-734.13.xml", Self.s734_13)
        let second = try Corpus.fixture("v-734.3.xml", Self.s734_3())
        let imported = try Corpus.collect([second, Corpus.federalRegister, Corpus.ecfrVersioner, first])
        #expect(imported.instruments.map(\.instrument.id) == ["us.cfr-15", "us.fr-2024-02701", "us.fr-2024-02447", "us.fr-2024-02110", "us.cfr-26"])
        #expect(imported.instruments[0].provisions.map(\.canonicalID) == ["734.3", "734.3(a)", "734.3(a)(1)", "734.3(b)", "734.3(b)(1)", "734.3(b)(2)", "734.3(b)(3)",
                                                                         "734.13", "734.13(a)", "734.13(a)(1)", "734.13(a)(2)"])
        #expect(imported.summary.instruments.map(\.file) == [second, first, Corpus.federalRegister, Corpus.federalRegister, Corpus.federalRegister, Corpus.ecfrVersioner])
    }

    /// Files of different dates: the header says that they differ and gives no date; the note
    /// names each file's version.
    @Test func filesOfDifferentDatesSayWhichIsWhich() throws {
        let first = try Corpus.fixture("v-734.13.xml", Self.s734_13)
        let second = try Corpus.fixture("v-734.3-dated.xml", Self.s734_3(date: "2025-03-01"))
        let imported = try Corpus.collect([first, second])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(imported.instruments.count == 1)
        #expect(instrument.versionLabel == "Joined from files of different versions: eCFR versioner API (ecfr.gov); eCFR versioner API (ecfr.gov), text as of 2025-03-01")
        #expect(instrument.versionDate == nil)
        #expect(instrument.notes.last?.text == "One instrument joined from 2 files of 15 CFR, their provisions in this order: "
            + "1. v-734.13.xml: 15 CFR 734.13 (eCFR), eCFR versioner API (ecfr.gov), no date in the file; "
            + "2. v-734.3-dated.xml: 15 CFR 734.3 (eCFR), eCFR versioner API (ecfr.gov), text as of 2025-03-01. "
            + "A provision from a file other than the first names its file in its source note (“… of FILE”).")
        #expect(imported.provision("734.3(b)(3)")?.span.file == second)
    }

    /// The same section from two files is refused with both places, never told apart by a silent
    /// `-2`; so is a file given twice. Nothing is written.
    @Test func aSectionGivenByTwoFilesIsAnError() throws {
        let first = try Corpus.fixture("v-734.3.xml", Self.s734_3())
        let again = try Corpus.fixture("v-734.3-dated.xml", Self.s734_3(date: "2025-03-01"))
        let other = try Corpus.fixture("v-734.13.xml", Self.s734_13)
        let output = try TemporaryFolder.make("formats").path + "/dup.rules.xml"
        #expect(throws: OfficialImportError.givenTwice(citation: "15 CFR 734.3", instrument: "us.cfr-15",
                                                       first: SourceLocation(file: first, line: 2), again: SourceLocation(file: again, line: 2))) {
            try OfficialImporter().run(files: [first, other, again], output: output)
        }
        #expect(!FileManager.default.fileExists(atPath: output))
        do {
            _ = try OfficialImporter().collect(files: [first, other, again])
            Issue.record("no error")
        } catch {
            #expect(error.description == "\(again):2: error: 15 CFR 734.3 was already imported from \(first):2; files of one CFR title join one instrument (us.cfr-15), so a section may come from one file only: leave one of them out, or import them separately")
        }
        do {
            _ = try OfficialImporter().collect(files: [other, other])
            Issue.record("no error")
        } catch {
            #expect(error == .fileGivenTwice(file: other, first: other))
        }
    }

    /// The real AI Act act and two annex files still make one instrument (annexes join their act
    /// by document number), and three rules of one Federal Register issue stay three.
    @Test func formexAnnexesAndFederalRegisterRulesAreUnchanged() throws {
        guard Corpus.available(Corpus.formexAct) && Corpus.available(Corpus.federalRegister) else { return }
        let annexes = ["L_202401689EN.012401.fmx.xml", "L_202401689EN.012601.fmx.xml"].map { Corpus.formexFolder + "/" + $0 }
        let formex = try Corpus.collect([Corpus.formexAct] + annexes)
        #expect(formex.instruments.map(\.instrument.id) == ["eu.reg-2024-1689"])
        let rules = try Corpus.collect([Corpus.federalRegister])
        #expect(rules.instruments.map(\.instrument.id) == ["us.fr-2024-02701", "us.fr-2024-02447", "us.fr-2024-02110"])
    }
}
