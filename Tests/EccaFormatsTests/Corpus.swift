import ClauseGraph
import EccaFormats
import Foundation
import EccaTestSupport

/// The real official files in `../shared/corpora/` beside the checkout. Tests that need them skip,
/// with a printed message, where they are absent; nothing from them is copied into the project.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let officialXML = root.appendingPathComponent("../shared/corpora/official-xml").standardizedFileURL.path
    static let schema = root.appendingPathComponent("Regulations/schema/rules.rng").path
    static let regulations = root.appendingPathComponent("Regulations").path

    static let formexFolder = officialXML + "/formex-ai-act-2024-1689"
    static let formexAct = formexFolder + "/L_202401689EN.000101.fmx.xml"
    static let formexManifest = formexFolder + "/L_202401689EN.doc.fmx.xml"
    static let ecfrBulk = officialXML + "/ecfr/ECFR-title1.xml"
    static let ecfrVersioner = officialXML + "/ecfr/versioner-title-26-section-1.162-4.xml"
    static let cfrAnnual = officialXML + "/cfr-annual/CFR-2015-title14-vol5.xml"
    static let federalRegister = officialXML + "/federal-register/FR-2024-02-12.rules-excerpt.xml"
    static let akn = officialXML + "/akoma-ntoso/32014L0092.akn"
    static let akn4eu = officialXML + "/akoma-ntoso/akn4eu.xml"
    static let leos = officialXML + "/akoma-ntoso/DIR-cmcxketrh00ca8x00qxqd29bn-en.xml"
    static let legalRuleML = root.appendingPathComponent("../shared/corpora/legalruleml-dapreco/rioKB_GDPR.xml").standardizedFileURL.path

    /// True when `path` exists; otherwise prints why the test is skipped.
    static func available(_ path: String, _ test: String = #function) -> Bool { CorpusFile.available(path, test) }

    /// Writes `contents` to a new temporary file named `name`.
    static func fixture(_ name: String, _ contents: String) throws -> String {
        let path = try TemporaryFolder.make("formats").path + "/" + name
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The error importing a fixture `name` holding `text` gives, its path written as `name`;
    /// `imported` when it imports.
    static func refusal(_ name: String, _ text: String, options: ImportOptions = ImportOptions()) throws -> String {
        let file = try fixture(name, text)
        do {
            _ = try collect([file], options: options)
            return "imported"
        } catch let error as OfficialImportError {
            return error.description.replacingOccurrences(of: file, with: name)
        }
    }

    /// Imports into memory.
    static func collect(_ files: [String], options: ImportOptions = ImportOptions()) throws -> Imported {
        let (collector, result) = try OfficialImporter(options: options).collect(files: files)
        return Imported(instruments: collector.instruments, summary: result.summary, diagnostics: result.diagnostics)
    }
}

/// What an import read, as values tests can share.
struct Imported: Sendable {
    var instruments: [ImportCollector.Entry]
    var summary: ImportSummary
    var diagnostics: [Diagnostic]

    var provisions: [ImportedProvision] { instruments.flatMap(\.provisions) }

    func provision(_ canonicalID: String) -> ImportedProvision? {
        for entry in instruments {
            if let found = entry.provisions.first(where: { $0.canonicalID == canonicalID }) { return found }
        }
        return nil
    }
}
