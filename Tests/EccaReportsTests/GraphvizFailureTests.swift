@testable import EccaReports
import EccaTestSupport
import Foundation
import Testing

/// Every way a `dot` can misbehave gives a picture not drawn with its reason, in bounded time, and
/// never kills or hangs ecca: fake `dot` scripts stand in for a broken, wrapped or hung Graphviz.
@Suite struct GraphvizFailureTests {
    static let follows = "; the conflict graph's DOT source follows."

    /// A `dot` that is `script` (a /bin/sh script body). The time limit is short only where the
    /// test is about it; elsewhere it leaves room for a loaded machine to start a shell.
    static func fakeDot(_ script: String, timeLimit: Duration = .seconds(10)) throws -> Graphviz {
        let path = try TemporaryFolder.make("dot").appendingPathComponent("dot").path
        try ExecutableScript.write(script, to: path)
        return Graphviz(executable: path, timeLimit: timeLimit)
    }

    /// 400 KB of DOT: more than a pipe holds (64 KiB), so a `dot` that does not read it all makes
    /// ecca's write fail, and one that writes first would dead-lock a writer that does not read.
    static let largeGraph = "digraph conflict {\n" + (0..<20_000).map { "n\($0) -> n\($0 + 1);\n" }.joined() + "}\n"

    /// Whether SIGPIPE is blocked on this thread or pending: the run must leave neither behind.
    static func sigpipeLeftBehind() -> Bool {
        var mask = sigset_t(), pending = sigset_t()
        pthread_sigmask(SIG_SETMASK, nil, &mask)
        sigpending(&pending)
        return sigismember(&mask, SIGPIPE) == 1 || sigismember(&pending, SIGPIPE) == 1
    }

    @Test func aDotThatExitsWithoutReadingDoesNotKillEcca() throws {
        let dot = try Self.fakeDot("exit 3")
        #expect(dot.picture(ofDOT: Self.largeGraph)
            == .notDrawn(reason: "Graphviz (\(dot.executable)) failed with exit status 3 without reading the whole graph" + Self.follows))
        #expect(!Self.sigpipeLeftBehind())
    }

    @Test func aDotThatExitsWellWithoutReadingDrawsNothing() throws {
        let dot = try Self.fakeDot("printf '<svg></svg>'")
        #expect(dot.picture(ofDOT: Self.largeGraph)
            == .notDrawn(reason: "Graphviz (\(dot.executable)) stopped reading the graph before its end" + Self.follows))
    }

    @Test func aDotThatHangsIsStoppedAtTheTimeLimit() throws {
        let folder = try TemporaryFolder.make("hang")
        let pidFile = folder.appendingPathComponent("sleeper").path
        // The shell starts `sleep` as a child of its own: killing the shell alone would leave it.
        let dot = try Self.fakeDot("sleep 1000 &\necho $! > '\(pidFile)'\nwait", timeLimit: .milliseconds(300))
        let start = ContinuousClock.now
        let picture = dot.picture(ofDOT: Self.largeGraph)
        let elapsed = ContinuousClock.now - start
        #expect(picture == .notDrawn(reason: "Graphviz (\(dot.executable)) did not finish within 300 ms and was stopped" + Self.follows))
        #expect(elapsed < .seconds(10))
        let sleeper = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(Self.isGone(sleeper), "the hung dot's own child was left running")
    }

    @Test func aDotThatClosesItsOutputButGoesOnIsStoppedToo() throws {
        let dot = try Self.fakeDot("cat > /dev/null\nexec > /dev/null\nsleep 1000", timeLimit: .milliseconds(400))
        #expect(dot.picture(ofDOT: "digraph conflict {}")
            == .notDrawn(reason: "Graphviz (\(dot.executable)) did not finish within 400 ms and was stopped" + Self.follows))
    }

    @Test func aDotThatWritesBeforeReadingAllDoesNotDeadLock() throws {
        // 300 KB out before it reads anything: a writer that reads only after writing all 400 KB
        // in would wait on a full pipe forever (then the time limit, 10 s here, would stop it).
        // The SVG element after the text is what is kept (SVGEmbedding).
        let dot = try Self.fakeDot("head -c 300000 /dev/zero | tr '\\0' x\ncat > /dev/null\nprintf '<svg></svg>'")
        #expect(dot.picture(ofDOT: Self.largeGraph) == .svg("<svg></svg>"))
    }

    @Test func garbageIsNotEmbedded() throws {
        let dot = try Self.fakeDot("cat > /dev/null\necho 'Segmentation fault, or anything but SVG'")
        #expect(dot.picture(ofDOT: "digraph conflict {}")
            == .notDrawn(reason: "Graphviz's SVG output was not embeddable" + Self.follows))
    }

    @Test func aDotThatWritesWithoutEndIsStopped() throws {
        let dot = try Self.fakeDot("cat > /dev/null\nexec yes", timeLimit: .seconds(60))
        #expect(dot.picture(ofDOT: "digraph conflict {}")
            == .notDrawn(reason: "Graphviz (\(dot.executable)) wrote more than 64 MiB and was stopped" + Self.follows))
    }

    @Test func aDotKilledBySignalIsNamed() throws {
        let dot = try Self.fakeDot("cat > /dev/null\nkill -SEGV $$")
        #expect(dot.picture(ofDOT: "digraph conflict {}")
            == .notDrawn(reason: "Graphviz (\(dot.executable)) was killed by signal 11 (Segmentation fault)" + Self.follows))
    }

    @Test func aDotThatCannotBeStartedIsNamed() throws {
        let missing = Graphviz(executable: "/nonexistent/dot")
        #expect(missing.picture(ofDOT: "digraph conflict {}")
            == .notDrawn(reason: "Graphviz (/nonexistent/dot) could not be started (No such file or directory)" + Self.follows))
        #expect(missing.version() == nil)
    }

    @Test func aDotThatSucceedsIsDrawn() throws {
        let dot = try Self.fakeDot("cat > /dev/null\nprintf '<?xml version=\"1.0\"?>\\n<svg width=\"1pt\"><g></g></svg>\\n'")
        #expect(dot.picture(ofDOT: Self.largeGraph) == .svg("<svg width=\"1pt\"><g></g></svg>"))
    }

    @Test func versionIsReadFromStandardErrorWithinTheLimit() throws {
        let dot = try Self.fakeDot("echo 'dot - graphviz version 9.1.0 (20240101.0000)' >&2")
        #expect(dot.version() == "9.1.0")
        let hung = try Self.fakeDot("sleep 1000", timeLimit: .milliseconds(200))
        #expect(hung.version() == nil)
    }

    /// A `dot` that ignores `-V` (a wrapper that draws whatever it is given) put its whole output
    /// into the receipt; one whose version is not one word of version characters, as much.
    @Test func aVersionDotDoesNotNameIsSaidToBeUnknown() throws {
        let drawing = try Self.fakeDot("printf '<?xml version=\"1.0\"?>\\n<svg width=\"1pt\"><g></g></svg>\\n'")
        #expect(drawing.version() == "unknown (dot -V named no version)")
        let silent = try Self.fakeDot("exit 0")
        #expect(silent.version() == "unknown (dot -V named no version)")
        let markup = try Self.fakeDot("echo 'dot - graphviz version <b>9</b>' >&2")
        #expect(markup.version() == "unknown (dot -V named no version)")
    }

    /// No such process, or a zombie waiting for init (killed, not running).
    static func isGone(_ pid: Int32) -> Bool {
        let deadline = ContinuousClock.now + .seconds(1)
        while ContinuousClock.now < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return kill(pid, 0) != 0 }
            if let state = stat.split(separator: ")").last?.split(separator: " ").first, state == "Z" { return true }
            usleep(10_000)
        }
        return false
    }
}

/// A `dot` that hangs costs its time limit once per report, not once per request with findings
/// (for a large batch, hours): after the first timeout the report does not run it again.
@Suite struct GraphvizGiveUpTests {
    @Test func aReportStopsRunningDotAfterItTimedOut() throws {
        let dot = try GraphvizFailureTests.fakeDot("sleep 1000", timeLimit: .milliseconds(300))
        let analysis = try Fixtures.analyse(sample: "conflict")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ecca-giveup-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try ReportWriter(format: .html, output: path, drawPictures: true, graphviz: dot)
        for _ in 0..<3 { try writer.add(analysis) }
        try writer.finish(receipt: Fixtures.receipt(for: [analysis, analysis, analysis], input: "three.json"), to: path)
        let html = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "&#39;", with: "'")
        let stopped = "Graphviz (\(dot.executable)) did not finish within 300 ms and was stopped" + GraphvizFailureTests.follows
        let notRunAgain = "Graphviz (\(dot.executable)) was not run again, since it did not finish an earlier picture within 300 ms"
            + GraphvizFailureTests.follows
        #expect(html.components(separatedBy: stopped).count - 1 == 1)
        #expect(html.components(separatedBy: notRunAgain).count - 1 == 2)
    }
}
