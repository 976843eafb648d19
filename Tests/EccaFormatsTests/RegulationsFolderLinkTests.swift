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

    /// A linked folder inside the regulations folder is read too (re-audit: it was left out without
    /// a word, while a real subfolder was read), and a link back up the tree is read once.
    @Test func aLinkedSubfolderIsFollowedOnce() throws {
        let folder = try TemporaryFolder.make("regulations-sublink")
        let regs = folder.appendingPathComponent("regs")
        let shared = folder.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: regs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try "<rules/>".write(to: regs.appendingPathComponent("own.xml"), atomically: true, encoding: .utf8)
        try "<rules/>".write(to: shared.appendingPathComponent("letter.xml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: regs.appendingPathComponent("letters").path, withDestinationPath: shared.path)
        try FileManager.default.createSymbolicLink(atPath: regs.appendingPathComponent("loop").path, withDestinationPath: regs.path)
        #expect(RegulationsLoader.rulesFiles(in: regs.path) == [regs.path + "/letters/letter.xml", regs.path + "/own.xml"])
    }
}
