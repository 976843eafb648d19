import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 8: `kill -9` in the middle of a batch, then `--resume`: the output equals an uninterrupted
/// run's, with no record lost or duplicated. Real processes, real signals.
@Suite(.serialized) struct BatchCrashSafetyTests {
    static let count = 3000

    func lines(_ url: URL) throws -> [Substring] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    }

    /// Starts `ecca batch` writing to `output`, waits until the file holds at least `atLeast`
    /// newlines, and kills it with SIGKILL. Returns the number of complete lines it left.
    func startAndKill(_ arguments: [String], output: URL, atLeast: Int) throws -> Int {
        let process = CLI.process(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        var written = 0
        while Date() < deadline && process.isRunning {
            let data = (try? Data(contentsOf: output)) ?? Data()
            written = data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            if written >= atLeast { break }
            usleep(20_000)
        }
        #expect(process.isRunning, "the batch finished before it could be killed (\(written) lines)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)
        return try lines(output).count
    }

    @Test func killedTwiceAndResumedTheOutputEqualsAnUninterruptedRun() throws {
        let folder = try CLI.folder([:])
        let input = folder.appendingPathComponent("requests.ndjson")
        #expect(try CLI.run(["sample-requests", "--count", "\(Self.count)", "--seed", "8", "-o", input.path]).status == 0)
        let common = ["--instrument", CLI.letter, input.path]

        let reference = folder.appendingPathComponent("reference.ndjson")
        let whole = try CLI.run(["batch", "-o", reference.path] + common)
        #expect([0, 1].contains(whole.status), "\(whole.stderr)")
        let expected = try lines(reference)
        #expect(expected.count == Self.count)

        let output = folder.appendingPathComponent("out.ndjson")
        let first = try startAndKill(["batch", "--jobs", "2", "-o", output.path] + common, output: output, atLeast: 300)
        #expect(first > 0 && first < Self.count, "killed after \(first) lines")
        let second = try startAndKill(["batch", "--jobs", "2", "--resume", "-o", output.path] + common, output: output, atLeast: first + 600)
        #expect(second > first && second < Self.count, "killed after \(second) lines")

        let resumed = try CLI.run(["batch", "--jobs", "2", "--resume", "-o", output.path] + common)
        #expect([0, 1].contains(resumed.status), "\(resumed.stderr)")
        let got = try lines(output)
        #expect(got.count == Self.count)
        #expect(got == expected, "the resumed output differs from an uninterrupted run")
        let ids = got.compactMap { line in (try? CLI.json(String(line)))?["id"] as? String }
        #expect(Set(ids).count == Self.count, "a record is duplicated or lost")
    }
}
