import EccaFormats
import EccaTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Outputs are written as `> FILE` writes them: a regular file is replaced whole (or written in
/// place, streamed), a device or FIFO is written to and never replaced, a symbolic link is
/// followed and stays. As root, replacing a device node by a rename replaced `/dev/null` itself.
@Suite struct OutputFileTests {
    func kind(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    func contents(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<none>" }

    func leftovers(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("ecca-partial") }
    }

    @Test func aRegularFileIsReplacedWholeAndKeepsItsPermissions() throws {
        let folder = try TemporaryFolder.make("output")
        let path = folder.appendingPathComponent("out.txt").path
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o640)
        let file = try OutputFile(path: path, mode: .whole)
        try file.write(Array("new\n".utf8))
        #expect(contents(path) == "old\n", "nothing is replaced before the commit")
        try file.commit()
        #expect(contents(path) == "new\n")
        var status = stat()
        stat(path, &status)
        #expect(status.st_mode & 0o777 == 0o640)
        // An abandoned write leaves the old file and no temporary file.
        let failed = try OutputFile(path: path, mode: .whole)
        try failed.write(Array("half".utf8))
        failed.abandon()
        #expect(contents(path) == "new\n")
        #expect(try leftovers(folder) == [])
    }

    @Test func aSymbolicLinkIsFollowedAndStays() throws {
        let folder = try TemporaryFolder.make("output")
        let target = folder.appendingPathComponent("target.txt").path
        let link = folder.appendingPathComponent("link.txt").path
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        symlink("target.txt", link)
        try OutputFile.write(Array("whole\n".utf8), to: link)
        #expect(kind(link) == S_IFLNK)
        #expect(contents(target) == "whole\n")
        let streamed = try OutputFile(path: link, mode: .streamed)
        try streamed.write(Array("streamed\n".utf8))
        try streamed.commit()
        #expect(kind(link) == S_IFLNK)
        #expect(contents(target) == "streamed\n")
        // A link to a file not made yet: the file is made where it points.
        let dangling = folder.appendingPathComponent("dangling.txt").path
        symlink("sub/made.txt", dangling)
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("sub").path, withIntermediateDirectories: false)
        try OutputFile.write(Array("made\n".utf8), to: dangling)
        #expect(kind(dangling) == S_IFLNK)
        #expect(contents(folder.appendingPathComponent("sub/made.txt").path) == "made\n")
        #expect(try leftovers(folder) == [])
    }

    @Test func aFIFOIsWrittenToNotReplaced() throws {
        let folder = try TemporaryFolder.make("output")
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Received()
        let reader = Thread { received.set(FileHandle(forReadingAtPath: fifo).map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) }) }
        reader.start()
        try OutputFile.write(Array("through the pipe\n".utf8), to: fifo)
        for _ in 0..<500 where received.value == nil { usleep(10_000) }
        #expect(received.value == "through the pipe\n")
        #expect(kind(fifo) == S_IFIFO)
        #expect(try leftovers(folder) == [])
    }

    /// Character devices made in a temporary folder (a copy of /dev/null and of /dev/full), never
    /// the system's own: root only.
    @Test(.enabled(if: getuid() == 0)) func aDeviceIsWrittenToAndAFullOneFails() throws {
        let folder = try TemporaryFolder.make("output")
        let null = folder.appendingPathComponent("null").path
        let full = folder.appendingPathComponent("full").path
        // Linux device numbers (major 1 << 8 | minor): 1,3 is null and 1,7 is full.
        #expect(mknod(null, S_IFCHR | 0o666, 0x103) == 0)
        #expect(mknod(full, S_IFCHR | 0o666, 0x107) == 0)
        try OutputFile.write(Array("gone\n".utf8), to: null)
        #expect(kind(null) == S_IFCHR)
        #expect(throws: OutputFileError(path: full, reason: "No space left on device")) {
            try OutputFile.write(Array("no room\n".utf8), to: full)
        }
        #expect(kind(full) == S_IFCHR)
        #expect(throws: OutputFileError(path: null, reason: "it is not a regular file, so it cannot be continued")) {
            _ = try OutputFile(path: null, mode: .resumed(keeping: 0))
        }
        #expect(try leftovers(folder) == [])
    }

    @Test func whatCannotBeWrittenIsSaidBeforehand() throws {
        let folder = try TemporaryFolder.make("output")
        #expect(OutputFile.problem(writing: folder.path) == "it is a directory")
        #expect(OutputFile.problem(writing: folder.appendingPathComponent("missing/out.txt").path)
                == "no such folder: \(folder.appendingPathComponent("missing").path)")
        #expect(OutputFile.problem(writing: folder.appendingPathComponent("out.txt").path) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.txt").path), "asking touches nothing")
    }
}

/// What the reader thread read, handed back to the test.
private final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    var value: String? { lock.withLock { text } }
    func set(_ value: String?) { lock.withLock { text = value ?? "<unreadable>" } }
}
