import ClauseGraph
@testable import EccaFormats
import EccaXML
import Foundation
import Testing
import EccaTestSupport

/// What `ecca import` writes: rules XML valid against the schema, loadable by ecca, and never a
/// partial file when an input is malformed or truncated.
@Suite struct RulesOutputTests {
    private func validate(_ path: String) throws -> [XMLReadError] {
        let schema = try RelaxNGSchema(path: Corpus.schema)
        let reader = try XMLStreamReader(path: path, options: .init(schema: schema))
        _ = try reader.readAll()
        return reader.validationErrors
    }

    private static let sample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="734.13" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/_SUBSTITUTE_DATE_/title-15/section-734.13&quot;,&quot;citation&quot;:&quot;15 CFR 734.13&quot;}">
        <HEAD>§ 734.13 Export.</HEAD>
        <P>(a) Except as set forth in § 734.17 or § 734.18, <I>Export</I> means:</P>
        <P>(1) An actual shipment or transmission out of the United States, including the sending or taking of an item out of the United States, in any manner;</P>
        <P>(2) Releasing or otherwise transferring “technology” or source code (but not object code) to a foreign person in the United States (a “deemed export”);</P>
        <P>(b) Any release in the United States of “technology” or source code to a foreign person is a deemed export to the foreign person's most recent country of citizenship or permanent residency.</P>
        <CITA TYPE="N">[81 FR 35603, June 3, 2016]</CITA>
        </DIV8>
        """

    @Test func importedRulesAreValidAgainstTheSchemaAndLoad() throws {
        let input = try Corpus.fixture("section-734.13.xml", Self.sample)
        let folder = try TemporaryFolder.make("formats").path
        let output = folder + "/imported.xml"
        let result = try OfficialImporter().run(files: [input], output: output)
        #expect(result.summary.provisions == 5)
        #expect(try validate(output).isEmpty)
        let loaded = RegulationsLoader().load(directories: [], files: [output], schemaPath: Corpus.schema)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        let provision = try #require(loaded.graph.provisions["us.cfr-15.734.13.a.2"])
        #expect(provision.citation == "15 CFR 734.13(a)(2)")
        #expect(provision.eid == "734.13(a)(2)")
        #expect(provision.sourceID == "734.13(a)(2)")
        #expect(provision.evidence == .verified)
        #expect(provision.wording == "(2) Releasing or otherwise transferring “technology” or source code (but not object code) to a foreign person in the United States (a “deemed export”);")
        #expect(provision.sourceURL == "https://www.ecfr.gov/current/title-15/section-734.13#p-734.13(a)(2)")
        #expect(provision.norms.isEmpty)
        #expect(loaded.graph.instruments["us.cfr-15"]?.provisionIDs.count == 5)
    }

    /// The writer builds CFR sections' provisions on its own thread, between single provisions
    /// (Federal Register amendments): the file must hold what was read, in reading order.
    @Test func theWrittenFileListsTheProvisionsInReadingOrder() throws {
        for file in [Corpus.federalRegister, Corpus.ecfrBulk, Corpus.cfrAnnual] where Corpus.available(file) {
            let read = try Corpus.collect([file]).provisions.map(\.citation)
            let output = try TemporaryFolder.make("formats").path + "/out.xml"
            _ = try OfficialImporter().run(files: [file], output: output)
            let loaded = RegulationsLoader().load(directories: [], files: [output], schemaPath: Corpus.schema)
            let written = loaded.graph.provisionOrder.compactMap { loaded.graph.provisions[$0]?.citation }
            #expect(written.count == read.count, "\(file)")
            #expect(written == read, "\(file)")
            // The in-memory import gives each provision the URL the file gets.
            let readURLs = try Corpus.collect([file]).provisions.map(\.sourceURL)
            #expect(loaded.graph.provisionOrder.map { loaded.graph.provisions[$0]?.sourceURL } == readURLs, "\(file)")
        }
    }

    @Test func everyCorpusImportIsValidRulesXML() throws {
        let files = [Corpus.formexManifest, Corpus.ecfrBulk, Corpus.ecfrVersioner, Corpus.cfrAnnual, Corpus.federalRegister,
                     Corpus.akn, Corpus.akn4eu, Corpus.leos, Corpus.legalRuleML]
        for file in files where Corpus.available(file) {
            let output = try TemporaryFolder.make("formats").path + "/out.xml"
            _ = try OfficialImporter().run(files: [file], output: output)
            let errors = try validate(output)
            #expect(errors.isEmpty, "\(file): \(errors.prefix(3))")
            let loaded = RegulationsLoader().load(directories: [], files: [output], schemaPath: Corpus.schema)
            #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(file): \(loaded.diagnostics.prefix(3))")
        }
    }

    /// An output too large for the rules reader is written whole, and the import says it cannot
    /// be loaded, rather than leaving that to be found later.
    @Test func anOutputTooLargeToLoadIsWrittenWithAWarning() throws {
        let input = try Corpus.fixture("section-734.13.xml", Self.sample)
        let output = try TemporaryFolder.make("formats").path + "/imported.xml"
        let fits = try OfficialImporter().run(files: [input], output: output)
        #expect(fits.diagnostics.isEmpty)
        let size = try #require(FileManager.default.attributesOfItem(atPath: output)[.size] as? Int)
        let tooLarge = try OfficialImporter().run(files: [input], output: output, largestLoadable: size - 1)
        #expect(tooLarge.diagnostics.map(\.description) == [
            "\(output): warning: the output is \(size) bytes, more than the \(size - 1) bytes ecca loads as a rules file: it is complete, "
                + "but --regulations and --instrument will refuse it; import only the parts you need (docs/importers.md, \"Limits\")"])
        #expect(try validate(output).isEmpty)
        #expect(try FileManager.default.attributesOfItem(atPath: output)[.size] as? Int == size)
    }

    /// Source URLs are made from values the file gives (found by fuzzing: a versioner path of
    /// `/titl%-26/…` was written as it stood, and the schema refused the output).
    @Test func urlsMadeFromHostileValuesKeepTheOutputValid() throws {
        let versioner = Self.sample.replacingOccurrences(of: "/title-15/section-734.13", with: "/titl%-26/section-[734.13]")
        let section = versioner.replacingOccurrences(of: "N=\"734.13\"", with: "N=\"734.13%#x?/y\"")
        let elsewhere = Self.sample.replacingOccurrences(of: "/on/_SUBSTITUTE_DATE_/title-15", with: "example.org/title-15")
        let formex = """
            <ACT><BIB.INSTANCE><NO.ELI ID="http://x:port/%zz"/><DATE ISO="20240712">20240712</DATE></BIB.INSTANCE>
            <ENACTING.TERMS><ARTICLE IDENTIFIER="0 1#%"><TI.ART>Article 1</TI.ART><ALINEA>Text.</ALINEA></ARTICLE></ENACTING.TERMS></ACT>
            """
        var urls: [String: [String?]] = [:]
        for (name, text) in [("versioner", versioner), ("section", section), ("elsewhere", elsewhere), ("formex", formex)] {
            let output = try TemporaryFolder.make("formats").path + "/out.xml"
            _ = try OfficialImporter().run(files: [try Corpus.fixture("\(name).xml", text)], output: output)
            #expect(try validate(output).isEmpty, "\(name)")
            let loaded = RegulationsLoader().load(directories: [], files: [output], schemaPath: Corpus.schema)
            #expect(!loaded.hasErrors, "\(name): \(loaded.diagnostics)")
            urls[name] = loaded.graph.instruments.values.map(\.sourceURL) + loaded.graph.provisionOrder.prefix(2).map { loaded.graph.provisions[$0]?.sourceURL }
        }
        #expect(urls["versioner"] == ["https://www.ecfr.gov/current/titl%25-26/section-%5B734.13%5D",
                                      "https://www.ecfr.gov/current/title-15/section-734.13",
                                      "https://www.ecfr.gov/current/title-15/section-734.13#p-734.13(a)"])
        // A number with `%`, `#`, `?` or `/` is one path segment, encoded as such: it opens no
        // fragment, query or further segment, and its paragraphs keep their anchors.
        #expect(urls["section"]?.suffix(2) == ["https://www.ecfr.gov/current/title-15/section-734.13%25%23x%3F%2Fy",
                                               "https://www.ecfr.gov/current/title-15/section-734.13%25%23x%3F%2Fy#p-734.13%25%23x%3F%2Fy(a)"])
        // A path that does not start with `/` would name another host: no URL for the instrument.
        #expect(urls["elsewhere"]?.first == .some(nil))
        // An ELI that is no URI even encoded (a port that is not a number): no URL at all.
        #expect(urls["formex"] == [nil, nil])
    }

    @Test func aTruncatedFileIsAnErrorWithLineAndColumnAndLeavesNoOutput() throws {
        let truncated = String(Self.sample.prefix(Self.sample.count - 120))
        let input = try Corpus.fixture("truncated.xml", truncated)
        let folder = try TemporaryFolder.make("formats").path
        let output = folder + "/never.xml"
        #expect(throws: OfficialImportError.self) { try OfficialImporter().run(files: [input], output: output) }
        do {
            _ = try OfficialImporter().run(files: [input], output: output)
        } catch {
            let location = try #require(error.location)
            #expect(location.line > 1)
            #expect(location.column > 0)
            #expect(error.description.contains("truncated.xml:\(location.line):\(location.column): error:"))
        }
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aMalformedSecondFileLeavesNoOutputEvenAfterAGoodFirstOne() throws {
        let good = try Corpus.fixture("good.xml", Self.sample)
        let bad = try Corpus.fixture("bad.xml", "<DIV8 N=\"1.1\" TYPE=\"SECTION\"><HEAD>§ 1.1 X.</HEAD><P>(a) one</Q></DIV8>")
        let folder = try TemporaryFolder.make("formats").path
        let output = folder + "/out.xml"
        do {
            _ = try OfficialImporter().run(files: [good, bad], output: output)
            Issue.record("a malformed file must fail the import")
        } catch {
            #expect(error.location?.file.hasSuffix("bad.xml") == true)
            #expect(error.location?.line == 1)
            #expect((error.location?.column ?? 0) > 0)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func anUnknownRootOrTheWrongFormatIsRefused() throws {
        let unknown = try Corpus.fixture("x.xml", "<html><body/></html>")
        #expect(throws: OfficialImportError.unknownDialect(root: "html", location: XMLSourceLocation(file: unknown, line: 1))) {
            try OfficialImporter().collect(files: [unknown])
        }
        let section = try Corpus.fixture("s.xml", Self.sample)
        do {
            _ = try OfficialImporter(options: ImportOptions(format: .formex)).collect(files: [section])
            Issue.record("--format formex must refuse eCFR XML")
        } catch {
            #expect(error.description.contains("--format formex was given, but this file is ecfr XML"))
        }
    }

    @Test func dialectsAreDetectedFromTheRootElement() throws {
        let roots: [(String, OfficialDialect)] = [
            ("<DLPSTEXTCLASS/>", .ecfr), ("<CFRDOC/>", .ecfr), ("<DIV5 N=\"774\" TYPE=\"PART\"/>", .ecfr),
            ("<FEDREG/>", .fr), ("<ACT/>", .formex), ("<DOC/>", .formex),
            ("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>", .akn),
            ("<lrml:LegalRuleML xmlns:lrml=\"http://docs.oasis-open.org/legalruleml/ns/v1.0/\"/>", .legalruleml),
        ]
        for (xml, dialect) in roots {
            let path = try Corpus.fixture("root.xml", xml)
            #expect(try OfficialDialect.detect(path: path).dialect == dialect, "\(xml)")
        }
    }
}
