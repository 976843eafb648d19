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

    /// A linked folder inside the regulations folder that leads out of it is read too (re-audit: it
    /// was left out without a word, while a real subfolder was read); a link back up the tree, or
    /// an alias of a subfolder, is not followed: the tree is read anyway.
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
        // An alias of a subfolder would read its files twice (re-audit: duplicate ids).
        let sub = regs.appendingPathComponent("us")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "<rules/>".write(to: sub.appendingPathComponent("ear.xml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: regs.appendingPathComponent("a-alias").path, withDestinationPath: sub.path)
        #expect(RegulationsLoader.rulesFiles(in: regs.path) == [regs.path + "/letters/letter.xml", regs.path + "/own.xml", regs.path + "/us/ear.xml"])
    }
}
