import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// A Formex package manifest names its act and annexes by bare file names in its own folder; one
/// that names a file elsewhere (`../x.xml`, `sub/x.xml`) is refused at its line, in import and
/// cite-check alike, and nothing outside the package is opened (QA robust6 #3). The package is
/// `AntiDumpingPackage` (verbatim elements of Reg. 2016/1036), its manifest's annex `FILE` changed.
@Suite struct FormexManifestMemberTests {
    /// The package with Annex I moved to `sub/` and the manifest naming it there.
    private func tamperedPackage(naming member: String) throws -> (folder: String, manifest: String) {
        let folder = try AntiDumpingPackage.write()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: folder + "/" + AntiDumpingPackage.annexName, toPath: folder + "/sub/" + AntiDumpingPackage.annexName)
        let manifest = folder + "/" + AntiDumpingPackage.manifestName
        try AntiDumpingPackage.manifest.replacingOccurrences(of: "FILE=\"\(AntiDumpingPackage.annexName)\"", with: "FILE=\"\(member)\"")
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        return (folder, manifest)
    }

    @Test func aMemberOutsideTheManifestsFolderIsRefusedInImportAndCiteCheck() throws {
        let (folder, manifest) = try tamperedPackage(naming: "sub/" + AntiDumpingPackage.annexName)
        let expected = "\(manifest):2: error: the package manifest names the member file 'sub/\(AntiDumpingPackage.annexName)' (FMX/DOC.SUB.PUB[1]/REF.PHYS FILE), "
            + "which is not in the manifest's folder; a member is named by its bare file name, so a name holding '/', '\\' or '..' is refused and nothing outside the package is read"
        #expect(throws: OfficialImportError.self) { try OfficialImporter().collect(files: [manifest]) }
        do {
            _ = try OfficialImporter().run(files: [manifest], output: folder + "/out.rules.xml")
            Issue.record("imported")
        } catch {
            #expect(error.description == expected)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.rules.xml"))
        // cite-check: through the manifest, and through the act given alone (its manifest beside it).
        for official in [manifest, folder + "/" + AntiDumpingPackage.actName] {
            do {
                _ = try CitationChecker(officialFiles: [official])
                Issue.record("loaded \(official)")
            } catch {
                #expect(error.description == expected)
            }
        }
    }

    /// The act given alone reads the manifest beside it, which lists the annex: `-o` naming the
    /// annex, or the manifest, would replace official text of the package, as `-o` naming the act
    /// would, and is refused the same way before anything is written (QA verify11 N5).
    @Test func anOutputThatIsAFileOfTheActsPackageIsRefused() throws {
        let folder = try AntiDumpingPackage.write()
        let act = folder + "/" + AntiDumpingPackage.actName
        let manifest = folder + "/" + AntiDumpingPackage.manifestName
        let annex = folder + "/" + AntiDumpingPackage.annexName
        let link = folder + "/link.xml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: AntiDumpingPackage.annexName)
        let before = try [annex, manifest].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        for (output, file) in [(annex, annex), (manifest, manifest), (link, annex)] {
            do {
                _ = try OfficialImporter().run(files: [act], output: output)
                Issue.record("wrote \(output)")
            } catch {
                let what = file == manifest ? "the package manifest read beside the input \(act)"
                    : "a file of the package of the input \(act) (its manifest \(manifest), read beside it, lists it)"
                #expect(error.description == "error: the output \(output) is \(file), \(what): writing it would replace the official text with ecca's output (give another -o)")
            }
        }
        #expect(try [annex, manifest].map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            == [AntiDumpingPackage.manifestName, AntiDumpingPackage.actName, AntiDumpingPackage.annexName, "link.xml"].sorted())
        // Another file beside it is written as before.
        _ = try OfficialImporter().run(files: [act], output: folder + "/out.rules.xml")
        #expect(FileManager.default.fileExists(atPath: folder + "/out.rules.xml"))
    }

    @Test func memberNamesAreBareFileNames() {
        #expect(FormexAdapter.isMemberName("L_202401689EN.013401.fmx.xml"))
        for name in ["../canary-annex.xml", "..\\x.xml", "sub/x.xml", "/etc/x.xml", "..", ""] {
            #expect(!FormexAdapter.isMemberName(name), "\(name)")
        }
    }
}
