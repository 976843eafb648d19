import EccaFormats
import EccaTestSupport
import Foundation
import Testing

/// A regulations folder given as a symbolic link is read through it (QA verify14: the enumerator did
/// not descend into a linked folder, so `--regulations LINK` loaded no file and checked nothing).
@Suite struct RegulationsFolderLinkTests {
    @Test func aLinkedFolderIsFollowedAndItsFilesKeepTheNameGiven() throws {
        let folder = try TemporaryFolder.make("regulations-link")
        let link = folder.appendingPathComponent("regs").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Corpus.regulations)
        let direct = RegulationsLoader.rulesFiles(in: Corpus.regulations)
        #expect(!direct.isEmpty)
        #expect(RegulationsLoader.rulesFiles(in: link) == direct.map { link + $0.dropFirst(Corpus.regulations.count) })
    }
}
