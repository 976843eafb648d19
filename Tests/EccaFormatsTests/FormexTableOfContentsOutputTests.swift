import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// `-o` naming the package's Official Journal table of contents (importer audit D3): the manifest
/// names it (`PUBLICATION.REF FILE="L_2016176EN.toc.xml"`) though ecca never reads it, and an import
/// of the package, its act or an annex overwrote it with the rules file, exit 0. Every file the
/// manifest names is official text of the package, refused as an output as the act and annexes are.
@Suite struct FormexTableOfContentsOutputTests {
    static let tocName = "L_2016176EN.toc.xml"
    /// The head of a table of contents, in the shape of the AI Act's `L_202401689EN.toc.fmx.xml`.
    static let toc = """
        <?xml version="1.0" encoding="UTF-8"?><PUBLICATION><OJ><BIB.OJ><COLL>L</COLL><NO.OJ>176</NO.OJ><DATE ISO="20160630">30 June 2016</DATE><LG.OJ>EN</LG.OJ></BIB.OJ></OJ></PUBLICATION>
        """

    @Test func theTableOfContentsTheManifestNamesIsRefusedAsTheOutput() throws {
        let folder = try AntiDumpingPackage.write()
        let manifest = folder + "/" + AntiDumpingPackage.manifestName
        let act = folder + "/" + AntiDumpingPackage.actName
        let annex = folder + "/" + AntiDumpingPackage.annexName
        let toc = folder + "/" + Self.tocName
        try Self.toc.write(toFile: toc, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: toc))
        let link = folder + "/toc-link.xml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Self.tocName)
        let originals = try [toc, act, manifest].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        // An old package's annex names its manifest only in its `DOCUMENT.REF`: found so, the
        // manifest and the act beside it are refused too, as they are when the act is given.
        for (input, output, file) in [(manifest, toc, toc), (act, toc, toc), (annex, toc, toc), (manifest, link, toc), (annex, act, act), (annex, manifest, manifest)] {
            do {
                _ = try OfficialImporter().run(files: [input], output: output)
                Issue.record("wrote \(output) importing \(input)")
            } catch {
                let what = file == manifest ? "the package manifest read beside the input \(input)"
                    : input == manifest ? "a file the package manifest \(manifest) names"
                    : "a file of the package of the input \(input) (its manifest \(manifest), read beside it, lists it)"
                #expect(error.description == "error: the output \(output) is \(file), \(what): writing it would replace the official text with ecca's output (give another -o)")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: toc)) == before)
        #expect(try [toc, act, manifest].map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == originals)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            == [AntiDumpingPackage.manifestName, AntiDumpingPackage.actName, AntiDumpingPackage.annexName, Self.tocName, "toc-link.xml"].sorted())
    }

    /// Every `FILE` the manifest gives, read or not, and only bare names in its folder.
    @Test func theManifestsReferencedFilesAreEveryFileItNames() throws {
        let folder = try AntiDumpingPackage.write()
        let metadata = try FormexAdapter.readManifest(folder + "/" + AntiDumpingPackage.manifestName)
        #expect(metadata.referencedPaths() == [Self.tocName, AntiDumpingPackage.actName, AntiDumpingPackage.annexName].map { folder + "/" + $0 })
    }
}
