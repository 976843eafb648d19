import ClauseGraph
import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// A Formex package given whole, as `ecca import folder/*.xml` gives it: the manifest, the act,
/// the annexes and the Official Journal table of contents (law audit: the act was imported twice,
/// the second as `eu.reg-2024-1689-2`, and the table of contents stopped `cite-check`).
struct FormexPackageFilesTests {
    static var packageFiles: [String] {
        get throws {
            try FileManager.default.contentsOfDirectory(atPath: Corpus.formexFolder).filter { $0.hasSuffix(".xml") }.sorted()
                .map { Corpus.formexFolder + "/" + $0 }
        }
    }

    /// The act is read once, through its manifest; the table of contents holds no provisions and is
    /// left out; one note each says so.
    @Test func aPackageGivenWholeIsReadOnceThroughItsManifest() throws {
        guard Corpus.available(Corpus.formexManifest) else { return }
        let files = try Self.packageFiles
        #expect(files.count == 16)
        let imported = try Corpus.collect(files)
        #expect(imported.instruments.map(\.instrument.id) == ["eu.reg-2024-1689"])
        #expect(imported.provisions.count == 1429)
        #expect(imported.provisions.filter { $0.level == .annex }.count == 13)
        #expect(imported.diagnostics.map(\.description) == [
            "\(Corpus.formexFolder)/L_202401689EN.toc.fmx.xml:1: note: a Formex table of contents (PUBLICATION): it lists the Official Journal issue and holds no provisions, so it is not imported",
            "\(Corpus.formexManifest):1: note: this package manifest lists 14 files also given (L_202401689EN.000101.fmx.xml to L_202401689EN.014401.fmx.xml): each is read once, through the manifest",
        ])
        // Given alone, a table of contents is nothing to import.
        let contents = Corpus.formexFolder + "/L_202401689EN.toc.fmx.xml"
        #expect(try Corpus.refusal("toc.fmx.xml", String(contentsOfFile: contents, encoding: .utf8))
            == "toc.fmx.xml: error: no provisions found in this formex file: a table of contents holds no provisions")
    }

    /// The act given with its annex files needs no manifest: it says only which annexes were not given.
    @Test func theActWithItsAnnexesNamesOnlyTheAnnexesNotGiven() throws {
        guard Corpus.available(Corpus.formexManifest) else { return }
        let members = try Self.packageFiles.filter { !$0.hasSuffix(".doc.fmx.xml") && !$0.hasSuffix(".toc.fmx.xml") }
        let whole = try Corpus.collect(members)
        #expect(whole.provisions.count == 1429 && whole.diagnostics.isEmpty)
        let lastLeftOut = try Corpus.collect(members.filter { !$0.hasSuffix("014401.fmx.xml") })
        #expect(lastLeftOut.provisions.filter { $0.level == .annex }.count == 12)
        #expect(lastLeftOut.diagnostics.map(\.description) == [
            "\(Corpus.formexAct):1: note: the package manifest L_202401689EN.doc.fmx.xml lists 1 annex of this act that is not given (L_202401689EN.014401.fmx.xml), not imported with the act alone; import the manifest, or give the annex files after the act, to include it",
        ])
    }

    /// A manifest beside the act that is there but cut short: the act is read without it, and
    /// both import and cite-check say so, since its id and kind change (import audit D5: silent).
    @Test func aManifestBesideTheActThatCannotBeReadIsWarnedOf() throws {
        guard Corpus.available(Corpus.formexManifest) else { return }
        let folder = try TemporaryFolder.make("formats").path
        let act = folder + "/L_202401689EN.000101.fmx.xml"
        try FileManager.default.copyItem(atPath: Corpus.formexAct, toPath: act)
        let manifest = try Data(contentsOf: URL(fileURLWithPath: Corpus.formexManifest))
        try manifest.prefix(2500).write(to: URL(fileURLWithPath: folder + "/L_202401689EN.doc.fmx.xml"))
        let imported = try Corpus.collect([act])
        #expect(imported.instruments.map(\.instrument.id) == ["eu.act-2024-1689"])
        let warning = try #require(imported.diagnostics.first { $0.severity == .warning })
        #expect(warning.description.hasPrefix("\(act):1: warning: the package manifest beside this file, L_202401689EN.doc.fmx.xml, cannot be read (\(folder)/L_202401689EN.doc.fmx.xml:1:2501: error:"))
        #expect(warning.description.hasSuffix("the file is read without it, so the act's kind, ELI, CELEX and publication are not known and its id is minted without them; mend the manifest to read the package"))
        let checker = try CitationChecker(officialFiles: [act])
        #expect(checker.warnings.count == 1 && checker.warnings.first?.hasPrefix("\(act): warning: the package manifest beside this file") == true)
        #expect(checker.warnings.first?.hasSuffix("so the act's publication, and with it the day it entered into force, and the annexes the manifest lists are not known; mend the manifest to read the package") == true)
        // An annex given alone is warned of too (re-audit D9).
        let annex = folder + "/L_202401689EN.014101.fmx.xml"
        try FileManager.default.copyItem(atPath: Corpus.formexFolder + "/L_202401689EN.014101.fmx.xml", toPath: annex)
        #expect(try CitationChecker(officialFiles: [annex]).warnings.map { $0.hasPrefix("\(annex): warning: the package manifest beside this file") } == [true])
    }

    /// `cite-check` given the whole package passes the shipped EU provisions and says what the
    /// table of contents is.
    @Test func citeCheckTakesThePackageWhole() throws {
        guard Corpus.available(Corpus.formexManifest) else { return }
        let shipped = RegulationsLoader().load(directories: [Corpus.regulations])
        let report = try CitationChecker(officialFiles: try Self.packageFiles).check(shipped.graph, on: .citeCheckDay)
        #expect(report.findings.isEmpty && report.passes.count == 57)
        #expect(report.fileLines.contains("\(Corpus.formexFolder)/L_202401689EN.toc.fmx.xml: a Formex table of contents (PUBLICATION), which holds no provisions: covers no shipped provision"))
        // The act and its annexes are read once, through the manifest (re-audit D6: twice).
        #expect(report.fileLines.contains("\(Corpus.formexAct): the act that \(Corpus.formexManifest) lists, read and counted there"))
        #expect(report.fileLines.filter { $0.contains("covers 57 shipped provisions") }.map { String($0.prefix(Corpus.formexManifest.count)) } == [Corpus.formexManifest])
    }
}
