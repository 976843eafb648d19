import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `batch -o`, `--summary`, `report -o`, `import -o` and `sample-requests -o` write to what the
/// path names as `> FILE` would: a device or FIFO is written to, never replaced by a rename (as
/// root, `-o /dev/null` replaced the system's `/dev/null`); a symbolic link is followed and stays;
/// a write that fails (a full disk) is an error naming the file with the documented status, not
/// a trap. Devices are made in temporary folders, never the system's own.
@Suite(.serialized) struct OutputTargetCLITests {
    static let letter = ["--instrument", CLI.letter]

    func kind(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    func requests(_ count: Int, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("requests.ndjson").path
        #expect(try CLI.run(["sample-requests", "--count", "\(count)", "--seed", "3", "-o", path]).status == 0)
        return path
    }

    /// A one-character name is a file in the current folder: Foundation's path splitting trapped
    /// on it, so `-o b` crashed (SIGILL) before anything was written (importer audit D4). A name
    /// ending in '/' names a folder, said before the run; `import -o -` is refused, since
    /// standard output carries the import's summary.
    @Test func shortNamesAreFilesAndAFolderNameIsRefused() throws {
        let folder = try CLI.folder([:])
        let written = try CLI.run(["sample-requests", "--count", "2", "--seed", "3", "-o", "b"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        #expect((try? String(contentsOfFile: folder.appendingPathComponent("b").path, encoding: .utf8))?.split(separator: "\n").count == 2)
        let official = try CLI.folder(["t.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV8 N="1.1" TYPE="SECTION"><HEAD>§ 1.1 One.</HEAD><P>(a) Text.</P></DIV8>
            """])
        let imported = try CLI.run(["import", "t.xml", "-o", "a"], in: official)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(FileManager.default.fileExists(atPath: official.appendingPathComponent("a").path))
        let toFolder = try CLI.run(["sample-requests", "--count", "2", "-o", "x/"], in: folder)
        #expect(toFolder.status == 2)
        #expect(toFolder.stderr.contains("a name ending in '/' names a folder, and there is none"), "\(toFolder.stderr)")
        let dash = try CLI.run(["import", "t.xml", "-o", "-"], in: official)
        #expect(dash.status == 64)
        #expect(dash.stderr.contains("-o -: the import writes a rules XML file and prints its summary on standard output"), "\(dash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: official.appendingPathComponent("-").path))
    }

    /// A relative link to a file not made yet, named without a folder, points from the current
    /// folder: the output was made relative to the root (`/made.ndjson`), and as root could
    /// land in any system folder (QA tools review 2, N1).
    @Test func aBareRelativeLinkToAFileNotMadeYetIsWrittenBesideIt() throws {
        let folder = try CLI.folder([:])
        let input = try requests(3, in: folder)
        let name = "made-\(getpid())-\(UInt32.random(in: 0..<UInt32.max)).ndjson"
        #expect(symlink(name, folder.appendingPathComponent("out.ndjson").path) == 0)
        let result = try CLI.run(["batch", input, "-o", "out.ndjson"] + Self.letter, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(kind(folder.appendingPathComponent("out.ndjson").path) == S_IFLNK)
        #expect((try? String(contentsOfFile: folder.appendingPathComponent(name).path, encoding: .utf8))?.split(separator: "\n").count == 3)
        #expect(kind("/" + name) == 0)
    }

    /// An output that is the input under another name (a hard link; a bind mount alike) is
    /// refused: the check compares files, not paths (QA tools review 2, N2).
    @Test func anOutputThatIsAHardLinkOfTheInputIsRefused() throws {
        let folder = try CLI.folder([:])
        let input = try requests(3, in: folder)
        let linked = folder.appendingPathComponent("linked.ndjson").path
        #expect(link(input, linked) == 0)
        let before = try String(contentsOfFile: input, encoding: .utf8)
        let result = try CLI.run(["batch", input, "-o", linked] + Self.letter)
        #expect(result.status == 2)
        #expect(result.stderr.contains("would overwrite the input"), "\(result.stderr)")
        #expect(try String(contentsOfFile: input, encoding: .utf8) == before)
        let summary = try CLI.run(["batch", input, "-o", folder.appendingPathComponent("out.ndjson").path, "--summary", linked] + Self.letter)
        #expect(summary.status == 2)
        #expect(try String(contentsOfFile: input, encoding: .utf8) == before)
    }

    /// A pipe among a folder's request files blocked the batch for ever; it is an error record
    /// of its own, and the folder's other requests are analysed (QA tools review 2, N12).
    @Test func aPipeInAnInputFolderIsAnErrorNotAWait() throws {
        let folder = try CLI.folder(["a.json": try String(contentsOfFile: CLI.sample("weights-to-ai-office-warsaw.json"), encoding: .utf8)])
        #expect(mkfifo(folder.appendingPathComponent("b.json").path, 0o600) == 0)
        let result = try CLI.run(["batch", folder.path, "-o", folder.appendingPathComponent("out.ndjson").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("b.json: error: not a regular file (a pipe, device or socket): a folder's requests are read from its regular files only"), "\(result.stderr)")
        #expect(result.stderr.contains("batch: 2 requests, 1 analysed, 1 unusable"))
    }

    /// Reads a FIFO to its end on a thread of its own, as a downstream process would.
    final class FIFOReader: @unchecked Sendable {
        private let lock = NSLock()
        private var text: String?
        init(_ path: String) {
            Thread { [self] in
                let read = FileHandle(forReadingAtPath: path).map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) }
                lock.withLock { text = read ?? "<unreadable>" }
            }.start()
        }
        var received: String? {
            for _ in 0..<1000 where lock.withLock({ text }) == nil { usleep(10_000) }
            return lock.withLock { text }
        }
    }

    @Test func symbolicLinksAreFollowedAndStay() throws {
        let folder = try CLI.folder([:])
        let input = try requests(4, in: folder)
        let whole = try CLI.run(["batch", input] + Self.letter)
        for name in ["out.ndjson", "sum.json", "report.md", "generated.ndjson"] {
            try "old\n".write(to: folder.appendingPathComponent("shared-" + name), atomically: false, encoding: .utf8)
            symlink("shared-" + name, folder.appendingPathComponent(name).path)
        }
        let batch = try CLI.run(["batch", input, "-o", "out.ndjson", "--summary", "sum.json"] + Self.letter, in: folder)
        #expect(batch.status == whole.status, "\(batch.stderr)")
        let report = try CLI.run(["report", "shared-out.ndjson", "-o", "report.md"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let generated = try CLI.run(["sample-requests", "--count", "2", "-o", "generated.ndjson"], in: folder)
        #expect(generated.status == 0)
        for name in ["out.ndjson", "sum.json", "report.md", "generated.ndjson"] {
            #expect(kind(folder.appendingPathComponent(name).path) == S_IFLNK, "\(name) is still the link")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("shared-out.ndjson"), encoding: .utf8) == whole.stdout)
        #expect(try String(contentsOf: folder.appendingPathComponent("shared-sum.json"), encoding: .utf8).hasPrefix("{\n  \"analysed\" : 4,"))
        #expect(try String(contentsOf: folder.appendingPathComponent("shared-report.md"), encoding: .utf8).hasPrefix("# "))
        #expect(try String(contentsOf: folder.appendingPathComponent("shared-generated.ndjson"), encoding: .utf8).split(separator: "\n").count == 2)
    }

    @Test func fifosAreWrittenToNotReplaced() throws {
        let folder = try CLI.folder([:])
        let input = try requests(3, in: folder)
        let whole = try CLI.run(["batch", input] + Self.letter)
        let out = folder.appendingPathComponent("out.fifo").path
        let summary = folder.appendingPathComponent("summary.fifo").path
        let report = folder.appendingPathComponent("report.fifo").path
        for fifo in [out, summary, report] { #expect(mkfifo(fifo, 0o600) == 0) }
        let lines = FIFOReader(out)
        let summaryText = FIFOReader(summary)
        let batch = try CLI.run(["batch", input, "-o", out, "--summary", summary] + Self.letter)
        #expect(batch.status == whole.status, "\(batch.stderr)")
        #expect(lines.received == whole.stdout)
        #expect(summaryText.received?.hasPrefix("{\n  \"analysed\" : 3,") == true)
        try whole.stdout.write(to: folder.appendingPathComponent("results.ndjson"), atomically: true, encoding: .utf8)
        let reportText = FIFOReader(report)
        let reported = try CLI.run(["report", folder.appendingPathComponent("results.ndjson").path, "--format", "csv", "-o", report])
        #expect(reported.status == 0, "\(reported.stderr)")
        #expect(reportText.received?.hasPrefix("request_id,") == true, "\(reportText.received ?? "")")
        for fifo in [out, summary, report] { #expect(kind(fifo) == S_IFIFO) }
        // A FIFO cannot be continued.
        let resumed = try CLI.run(["batch", input, "-o", out, "--resume"] + Self.letter)
        #expect(resumed.status == 2)
        #expect(resumed.stderr == "\(out): error: --resume: the output is not a regular file, so it cannot be continued\n")
    }

    /// A copy of /dev/full made in a temporary folder (root only): every output that goes to it
    /// fails with its command's status and says why; the node stays a device.
    @Test(.enabled(if: getuid() == 0)) func aFullDeviceIsAnErrorNotASuccessOrATrap() throws {
        let folder = try CLI.folder([:])
        let input = try requests(3, in: folder)
        let full = folder.appendingPathComponent("full").path
        let null = folder.appendingPathComponent("null").path
        // Linux device numbers (major 1 << 8 | minor): 1,7 is full and 1,3 is null.
        #expect(mknod(full, S_IFCHR | 0o666, 0x107) == 0)
        #expect(mknod(null, S_IFCHR | 0o666, 0x103) == 0)
        let batch = try CLI.run(["batch", input, "-o", full] + Self.letter)
        #expect(batch.status == 3)
        #expect(batch.stderr == "error: cannot write \(full): No space left on device\n")
        let summary = try CLI.run(["batch", input, "-o", null, "--summary", full] + Self.letter)
        #expect(summary.status == 3)
        #expect(summary.stderr.hasSuffix("error: cannot write the summary to \(full): No space left on device\n"), "\(summary.stderr)")
        let whole = try CLI.run(["batch", input] + Self.letter)
        try whole.stdout.write(to: folder.appendingPathComponent("results.ndjson"), atomically: true, encoding: .utf8)
        let report = try CLI.run(["report", "results.ndjson", "-o", full], in: folder)
        // Written but not to its end: 3, as for batch and every other command's output.
        #expect(report.status == 3)
        #expect(report.stderr == "\(full): error: cannot write the report: No space left on device\n")
        // Standard output on a full device: the same error, not a trap (exit 132).
        let toStdout = try run(["batch", input] + Self.letter, standardOutput: full)
        #expect(toStdout.status == 3)
        #expect(toStdout.stderr.hasSuffix("error: cannot write standard output: No space left on device\n"), "\(toStdout.stderr)")
        let reportToStdout = try run(["report", folder.appendingPathComponent("results.ndjson").path], standardOutput: full)
        #expect(reportToStdout.status == 3)
        #expect(reportToStdout.stderr == "error: cannot write standard output: No space left on device\n")
        #expect(kind(full) == S_IFCHR)
        #expect(kind(null) == S_IFCHR)
    }

    /// A file-size limit (`ulimit -f`) is a write error like a full disk (QA scale F8): the import
    /// says so with status 3, leaves no hidden temporary file and the old output as it was; it was
    /// killed by SIGXFSZ, silently, with its partial file left behind.
    @Test func aFileSizeLimitIsAWriteErrorThatLeavesNothingBehind() throws {
        let paragraphs = (1...3000).map { "<P>(\($0)) Paragraph \($0) of this section, with words enough to fill a line of text.</P>" }.joined(separator: "\n")
        let folder = try CLI.folder(["v-701.1.xml": """
            <DIV8 N="701.1" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;99 CFR 701.1&quot;}">
            <HEAD>§ 701.1 Many paragraphs.</HEAD>
            \(paragraphs)
            </DIV8>
            """, "out.xml": "old output\n"])
        let ecca = CLI.productsDirectory.appendingPathComponent("ecca").path
        // The shell sets the limit (1024-byte blocks in bash, 512 in dash: either is far below the output).
        let limited = try CLI.run(["-c", "ulimit -f 64 && exec \"$0\" import v-701.1.xml -o out.xml", ecca], in: folder, executable: "/bin/sh")
        #expect(limited.status == 3, "\(limited.stderr)")
        #expect(limited.stderr == "out.xml: error: cannot write the output: File too large\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("out.xml"), encoding: .utf8) == "old output\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out.xml", "v-701.1.xml"])
    }

    /// Runs ecca with standard output on `standardOutput`.
    func run(_ arguments: [String], standardOutput: String) throws -> (status: Int32, stderr: String) {
        let process = CLI.process(arguments)
        let output = try #require(FileHandle(forWritingAtPath: standardOutput))
        process.standardOutput = output
        let error = Pipe()
        process.standardError = error
        try process.run()
        let text = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try output.close()
        return (process.terminationStatus, text)
    }

    /// `--summary` naming an input or the `-o` file is refused before the run (it replaced the
    /// requests, or every result line, with the summary).
    @Test func aSummaryThatWouldOverwriteAnInputOrTheOutputIsRefused() throws {
        let folder = try CLI.folder([:])
        let input = try requests(3, in: folder)
        let original = try String(contentsOfFile: input, encoding: .utf8)
        let output = folder.appendingPathComponent("out.ndjson").path
        let onInput = try CLI.run(["batch", input, "-o", output, "--summary", input] + Self.letter)
        #expect(onInput.status == 2)
        #expect(onInput.stderr == "error: the summary \(input) would overwrite the input \(input)\n")
        #expect(try String(contentsOfFile: input, encoding: .utf8) == original)
        #expect(!FileManager.default.fileExists(atPath: output), "refused before the output is made")
        try "kept\n".write(toFile: output, atomically: false, encoding: .utf8)
        symlink(output, folder.appendingPathComponent("alias.json").path)
        let onOutput = try CLI.run(["batch", "requests.ndjson", "-o", "out.ndjson", "--summary", "alias.json"] + Self.letter, in: folder)
        #expect(onOutput.status == 2)
        #expect(onOutput.stderr == "error: the summary alias.json would overwrite the output out.ndjson\n")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "kept\n")
        // One new file named by both, by two spellings: the summary, written last, had replaced
        // every result line.
        let other = "../\(folder.lastPathComponent)/new.ndjson"
        let fresh = try CLI.run(["batch", "requests.ndjson", "-o", "new.ndjson", "--summary", other] + Self.letter, in: folder)
        #expect(fresh.status == 2)
        #expect(fresh.stderr == "error: the summary \(other) would overwrite the output new.ndjson\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new.ndjson").path))
        // A request file in an input folder, as for -o.
        let requestsFolder = try CLI.folder(["r1.json": try String(contentsOfFile: CLI.sample("weights-to-ai-office-warsaw.json"), encoding: .utf8)])
        let inFolder = try CLI.run(["batch", requestsFolder.path, "--summary", requestsFolder.appendingPathComponent("new.json").path] + Self.letter)
        #expect(inFolder.status == 2)
        #expect(inFolder.stderr == "error: the summary \(requestsFolder.appendingPathComponent("new.json").path) would overwrite the input \(requestsFolder.path)\n")
    }
}
