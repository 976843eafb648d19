import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// An act in the package layout used before October 2023 (`L_2016176EN.01002101.xml` with its
/// manifest `L_2016176EN.01002101.doc.xml`, which the act names in `DOCUMENT.REF`), given alone:
/// it keeps the identity the package import gives it, and cite-check finds its annexes through
/// the manifest, as the docs say (QA fmx3 #4); its version cites the OJ issue (QA fmx3 #5).
@Suite struct FormexOldPackageTests {
    @Test func theActAloneFindsItsManifestAndKeepsItsCELEXAndId() throws {
        let folder = try AntiDumpingPackage.write()
        let act = folder + "/" + AntiDumpingPackage.actName
        let alone = try Corpus.collect([act])
        let instrument = try #require(alone.instruments.first?.instrument)
        #expect(instrument.id == "eu.reg-2016-1036")
        #expect(instrument.kind == .regulation)
        #expect(instrument.officialIDs == [Instrument.OfficialID(scheme: "celex", value: "32016R1036")])
        #expect(instrument.versionLabel == "OJ L 176, 30.6.2016, p. 21")
        #expect(instrument.versionDate == LegalDate(iso: "2016-06-30"))
        // The same instrument as through the manifest, which also brings Annex I.
        let package = try Corpus.collect([folder + "/" + AntiDumpingPackage.manifestName])
        let packaged = try #require(package.instruments.first?.instrument)
        #expect(packaged.id == instrument.id)
        #expect(packaged.officialIDs == instrument.officialIDs)
        #expect(packaged.versionLabel == "OJ L 176, 30.6.2016, p. 21")
        #expect(package.provision("anx_I")?.citation == "Annex I")
        // Alone, the annexes are not imported, and the import says so, on standard error and in
        // the rules file, where whoever opens it later reads which files hold them (QA docs6, finding 10).
        #expect(alone.provision("anx_I") == nil)
        #expect(instrument.notes.map(\.text).contains("The act was read from its own file, not through its package manifest L_2016176EN.01002101.doc.xml, which lists 1 annex of it (L_2016176EN.01005001.xml): only those given as files with the act are imported with it."))
        #expect(!packaged.notes.map(\.text).contains { $0.hasPrefix("The act was read from its own file") })
        #expect(alone.diagnostics.map(\.description) == [
            "\(act):2: note: the package manifest L_2016176EN.01002101.doc.xml lists 1 annex of this act (L_2016176EN.01005001.xml), not imported with the act alone; import the manifest, or give the annex files after the act, to include it",
        ])
    }

    @Test func citeCheckOfTheActAloneBringsTheAnnexesItsManifestLists() throws {
        let folder = try AntiDumpingPackage.write()
        let act = folder + "/" + AntiDumpingPackage.actName
        let output = folder + "/package.rules.xml"
        _ = try OfficialImporter().run(files: [folder + "/" + AntiDumpingPackage.manifestName], output: output)
        let loaded = RegulationsLoader().load(directories: [], files: [output], schemaPath: Corpus.schema)
        let report = try CitationChecker(officialFiles: [act]).check(loaded.graph, on: .citeCheckDay)
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.passed.contains("eu.reg-2016-1036.anx-I"))
        #expect(!report.notCovered.contains("eu.reg-2016-1036.anx-I"))
    }

    /// Without a manifest, nothing says which kind of act the file is: the import does not guess.
    @Test func anActWithoutItsManifestKeepsItsNumberAndSaysTheKindIsUnknown() throws {
        let folder = try AntiDumpingPackage.write(manifest: false, annex: false)
        let imported = try Corpus.collect([folder + "/" + AntiDumpingPackage.actName])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.id == "eu.act-2016-1036")
        #expect(instrument.kind == .other)
        #expect(instrument.versionLabel == nil)
        #expect(instrument.notes.map(\.text).contains("The files read do not say which kind of act this is (the package manifest, whose LEGAL.VALUE gives it, was not read); its kind is given as “other”."))
        #expect(imported.diagnostics.isEmpty)
    }

    @Test func manifestCandidatesFollowBothLayouts() {
        #expect(FormexAdapter.manifestCandidates(for: "/p/L_2016176EN.01002101.xml", named: nil)
            == ["/p/L_2016176EN.doc.fmx.xml", "/p/L_2016176EN.01002101.doc.xml"])
        #expect(FormexAdapter.manifestCandidates(for: "/p/L_2016176EN.01005001.xml", named: "L_2016176EN.01002101.doc.xml")
            == ["/p/L_2016176EN.01002101.doc.xml", "/p/L_2016176EN.doc.fmx.xml", "/p/L_2016176EN.01005001.doc.xml"])
        #expect(FormexAdapter.manifestCandidates(for: "/p/L_202401689EN.000101.fmx.xml", named: "L_202401689EN.doc.fmx.xml")
            == ["/p/L_202401689EN.doc.fmx.xml"])
        // A name with a folder in it is not followed out of the package's folder.
        #expect(FormexAdapter.manifestCandidates(for: "/p/a.xml", named: "../etc/x.doc.xml") == ["/p/a.doc.fmx.xml", "/p/a.doc.xml"])
    }
}
