import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaFormats
import EccaReports
import EccaXML
import Foundation

/// `ecca batch`: thousands to millions of requests, streamed, in parallel, grouped by conflict.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Analyse many requests: NDJSON, CSV, request files or folders of them, streamed, in input order.",
        discussion: """
            Each output line (ndjson) is the JSON object `ecca check --format json` gives for that request; an unusable \
            record gives {"error": {...}, "id": ...} and the batch goes on. A summary grouped by conflict signature goes \
            to standard error. See docs/batch.md for CSV columns, --shard and --resume.
            Exit status: 0 all clear, 1 some non-clear verdict, 2 some unusable record or input, 3 internal failure or an output that could not be written, 64 a command-line usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case ndjson, json }
    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case ndjson, csv }

    @Argument(help: ArgumentHelp("NDJSON (.ndjson, .jsonl), CSV (.csv), a request file (.xml, or .json written over several lines) or a folder of them; - reads standard input.", valueName: "input"))
    var inputs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write results here instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Output format.")
    var format: Format = .ndjson

    @Option(name: .customLong("input-format"), help: "Format of standard input.")
    var inputFormat: InputFormat = .ndjson

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Worker threads, each with its own solver context (default: the number of CPUs, at most 8; at most 4 × the number of CPUs). The output is the same whatever the number.",
                               valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Run shard I of N (0 ≤ I < N): a contiguous block of the input, so shard outputs concatenate to the whole.", valueName: "I/N"))
    var shard: String?

    @Flag(help: "Continue an interrupted run from the output file (ndjson only): records already written are not redone. Each kept line is checked against what it records: its postures, --as-of, --grounds and --caveat-texts, its regulations (with --instrument files) and its input record. Resume with the same --timeout-ms and --memory-mb, which lines do not record.")
    var resume = false

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date to analyse (YYYY-MM-DD). Default: each request's date, else today (the local date: TZ sets the time zone).", valueName: "date"))
    var asOf: String?

    @OptionGroup var today: TodayOption

    @Option(help: "text, enforcement, or both.")
    var posture: CheckCommand.PostureChoice = .both

    @Option(name: .customLong("timeout-ms"), parsing: .unconditional, help: "Per solver check.")
    var timeoutMilliseconds: UInt32 = 10_000

    @Option(name: .customLong("memory-mb"), parsing: .unconditional, help: ArgumentHelp("Z3's memory limit in megabytes (the whole process: all workers together); a check that reaches it is undetermined.", valueName: "MB"))
    var memoryMegabytes: UInt32?

    @Option(name: .customLong("summary"), help: ArgumentHelp("Also write the summary as JSON to this file.", valueName: "file"))
    var summaryFile: String?

    @Flag(help: "Give each clear verdict its grounds, as `check` does (several times slower; off by default).")
    var grounds = false

    @Flag(name: .customLong("caveat-texts"), help: "Give each line's caveats their texts, not only their ids and citations (the same readings on every line; off by default).")
    var caveatTexts = false

    @Flag(name: .customLong("no-equivalence-classes"), help: "Solve every check with Z3 instead of reusing the answer of its equivalence class (for cross-checking).")
    var noEquivalenceClasses = false

    @OptionGroup var regulations: RegulationOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let jobs, jobs > Self.maximumJobs {
            throw ValidationError("--jobs \(jobs) is more than \(Self.maximumJobs), 4 × the \(ProcessInfo.processInfo.activeProcessorCount) CPUs here: each job holds its own solver context (about 16 MB) and work in flight, and more jobs than CPUs make no run faster")
        }
        if let asOf, let problem = LegalDate.problem(iso: asOf) { throw ValidationError("--as-of '\(asOf)' \(problem)") }
        try today.validate(asOf: asOf)
        if shard != nil, try parsedShard() == nil { throw ValidationError("--shard must be I/N with 0 ≤ I < N") }
        if resume && output == nil { throw ValidationError("--resume needs -o FILE: it continues from that file") }
        if resume && format != .ndjson { throw ValidationError("--resume works with --format ndjson") }
        if shard != nil && inputs.contains("-") { throw ValidationError("--shard needs inputs it can count; standard input cannot be sharded") }
        // Counting reads an input once before the run reads it again: a FIFO's second open would
        // wait for a writer that has gone.
        if shard != nil, let once = inputs.first(where: { FileKind(path: $0) == .stream }) {
            throw ValidationError("--shard needs inputs it can count; \(once) is a pipe, socket or device, which can be read only once")
        }
    }

    /// More workers than CPUs only add memory (each its own Z3 context with the regulations
    /// asserted, and 8 chunks in flight): 256 on a 2-CPU machine took 4 GB for no gain.
    static var maximumJobs: Int { 4 * max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Without `--jobs`, a worker per CPU, up to 8: a batch is independent requests, and its output
    /// does not depend on how many workers analysed it; 8 keeps the solver contexts (about 16 MB
    /// each) modest on a large shared machine.
    static var defaultJobs: Int { min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    func parsedShard() throws -> (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, (0..<count).contains(index) else { return nil }
        return (index, count)
    }

    func run() throws {
        let loaded = try regulations.loadUsable()
        // What every line records it was made under (the receipt's digest), computed once.
        let regulationsSHA256 = FileDigest.combined(try ReportSupport.regulationDigests(loaded.files))
        let vocabulary = RequestVocabulary(graph: loaded.graph)
        let batchInputs = inputs.map { BatchInput(path: $0, standardInput: inputFormat == .csv ? .csv : .ndjson) }
        for input in batchInputs where input.path != "-" && !FileManager.default.fileExists(atPath: input.path) {
            Output.error("\(input.path): error: no such input")
            throw ExitCode(ExitStatus.unusableInput)
        }

        let progressOnTerminal = isatty(STDERR_FILENO) == 1
        var total: Int?
        var range: Range<Int>?
        if let (index, count) = try parsedShard() {
            let all = BatchRecordSource.count(batchInputs, vocabulary: vocabulary)
            range = (all * index / count)..<(all * (index + 1) / count)
            total = range!.count
        } else if progressOnTerminal && !inputs.contains("-") {
            total = BatchRecordSource.count(batchInputs, vocabulary: vocabulary)
        }

        var options = AnalysisOptions(asOf: asOf.flatMap(LegalDate.init(iso:)), postures: posture.postures,
                                      timeoutMilliseconds: timeoutMilliseconds, memoryLimitMegabytes: memoryMegabytes,
                                      reuseEquivalentChecks: !noEquivalenceClasses, groundsForClearVerdicts: grounds,
                                      caveatTexts: caveatTexts, today: today.day)
        // An output or summary that cannot be written, or would overwrite an input (or the
        // summary the output), is found before the run and before any file is touched.
        let sink: OutputSink
        do throws(OutputSink.Refusal) {
            // The requests and the rules files read: a rules file replaced by results is law lost.
            let inputsRead = batchInputs + regulations.filesRead()
            if let output, let input = OutputTarget.input(overwrittenBy: output, inputs: inputsRead) {
                throw OutputSink.Refusal(description: "error: the output \(output) would overwrite the input \(input)")
            }
            if let output, let problem = OutputFile.problem(writing: output) {
                throw OutputSink.Refusal(description: "error: cannot write \(output): \(problem)")
            }
            if let summaryFile {
                if let input = OutputTarget.input(overwrittenBy: summaryFile, inputs: inputsRead) {
                    throw OutputSink.Refusal(description: "error: the summary \(summaryFile) would overwrite the input \(input)")
                }
                if let output, OutputTarget.same(summaryFile, output) {
                    throw OutputSink.Refusal(description: "error: the summary \(summaryFile) would overwrite the output \(output)")
                }
                if let problem = OutputFile.problem(writing: summaryFile) {
                    throw OutputSink.Refusal(description: "error: cannot write the summary to \(summaryFile): \(problem)")
                }
            }
            sink = try OutputSink(path: output, resume: resume, jsonArray: format == .json, options: options,
                                  todayGiven: today.today.flatMap(LegalDate.init(iso:)),
                                  regulationsSHA256: regulationsSHA256)
        } catch {
            Output.error(error.description)
            throw ExitCode(ExitStatus.unusableInput)
        }
        let kept = sink.resumed?.records ?? []
        if let day = sink.resumed?.today, day != options.today {
            // With --today given they took it (`ResumedOutput` refused them otherwise): the clock's day is replaced.
            Output.error("\(output!): note: --resume: requests that give no date are analysed as of \(day), the day the kept lines took as today, not today (\(options.today)), so that the output is one day's analysis (as --today \(day.iso) would)")
            options.today = day
        }
        let schema = regulations.schema(named: "request.rng")
        let runner = BatchRunner(graph: loaded.graph, analysis: options,
                                 options: .init(jobs: jobs ?? Self.defaultJobs, range: range, kept: kept, regulationsSHA256: regulationsSHA256),
                                 requestSchema: schema)
        var summary = sink.resumed?.summary ?? BatchSummary()
        let progress = Progress(enabled: progressOnTerminal, total: total.map { $0 - kept.count }, resumed: kept.count)
        do {
            // Results and a summary written into an input folder are not warned of as unread files.
            let ownOutputs = [output, summaryFile].compactMap { $0 }.filter { $0 != "-" }
            let source = BatchRecordSource(inputs: batchInputs, vocabulary: vocabulary, outputs: ownOutputs)
            defer { source.passedOver.forEach { Output.error("\($0.path): warning: \($0.reason): a folder's requests are its *.json and *.xml files") } }
            try runner.run(source, idle: sink.flush) { result in
                try sink.write(result.line)
                summary.add(result.entry)
                if let problem = result.problem { Output.error(problem) }
                progress.tick()
            }
            try sink.finish()
        } catch let mismatch as BatchRunner.ResumeMismatch {
            // Found among the records skipped, before anything was appended.
            sink.abandon()
            progress.finish()
            Output.error("\(output!): error: --resume: \(mismatch)")
            throw ExitCode(ExitStatus.unusableInput)
        } catch let unwritable as OutputFileError {
            // A full disk: the lines written whole stay, and --resume continues after them.
            sink.abandon()
            progress.finish()
            let resumable = format == .ndjson && output.map { path in
                if case .file = try? OutputFile.target(of: path) { true } else { false }
            } ?? false
            Output.error("error: \(unwritable)" + (resumable ? " (the complete lines written can be continued with --resume)" : ""))
            throw ExitCode(ExitStatus.internalFailure)
        } catch {
            sink.abandon()
            Output.error("error: batch failed: \(error)")
            throw ExitCode(ExitStatus.internalFailure)
        }
        progress.finish()
        Output.error(summary.render() + "solver: \(runner.checks.solved) checks solved, \(runner.checks.reused) answered from their equivalence class")
        if let summaryFile {
            do {
                try OutputFile.write((AnalysisJSON.encode(summary, pretty: true) + "\n").utf8, to: summaryFile)
            } catch {
                Output.error("error: cannot write the summary to \(summaryFile): \(error.reason)")
                throw ExitCode(ExitStatus.internalFailure)
            }
        }
        if summary.errors > 0 { throw ExitCode(ExitStatus.unusableInput) }
        if summary.verdicts.contains(where: { $0.key != Verdict.clear.rawValue && $0.value > 0 }) { throw ExitCode(ExitStatus.findings) }
    }
}

/// Where batch lines go: a file (appended to on --resume, after dropping a torn last line) or
/// standard output. Every chunk is written straight through, so a killed run loses nothing it
/// reported as decided; a write that fails (a full disk) is thrown, never trapped.
final class OutputSink {
    private let file: OutputFile
    private let jsonArray: Bool
    private var first = true
    private var pending: [UInt8] = []
    private var lastFlush = Date()
    /// The lines already in the output when resuming, read back.
    let resumed: ResumedOutput?

    /// Why the output cannot be written or continued: unusable input (exit 2).
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// - Parameter options: what the resumed lines must have been made with (`ResumedOutput`),
    ///   and `regulationsSHA256` under; `todayGiven`, the `--today` their undated requests must have taken.
    init(path: String?, resume: Bool, jsonArray: Bool, options: AnalysisOptions, todayGiven: LegalDate?, regulationsSHA256: String) throws(Refusal) {
        self.jsonArray = jsonArray
        guard let path else {
            file = OutputFile.standardOutput()
            resumed = nil
            if jsonArray { pending.append(UInt8(ascii: "[")) }
            return
        }
        do {
            if resume, FileManager.default.fileExists(atPath: path) {
                guard case .file(let resolved, _) = try OutputFile.target(of: path) else {
                    throw Refusal(description: "\(path): error: --resume: the output is not a regular file, so it cannot be continued")
                }
                // Read a line at a time: what is kept is the summary and an id per line.
                guard let existing = ByteLineReader(path: resolved) else {
                    throw Refusal(description: "\(path): error: cannot continue the output: \(String(cString: strerror(errno)))")
                }
                let kept: ResumedOutput
                do {
                    kept = try ResumedOutput(existing, expecting: options, regulationsSHA256: regulationsSHA256, todayGiven: todayGiven)
                } catch let unreadable as ByteLineReader.ReadError {
                    throw Refusal(description: "\(path): error: cannot continue the output: \(unreadable)")
                } catch {
                    throw Refusal(description: "\(path): error: --resume: \(error)")
                }
                file = try OutputFile(path: path, mode: .resumed(keeping: kept.completeBytes))
                resumed = kept
            } else {
                resumed = nil
                file = try OutputFile(path: path, mode: .streamed)
                if jsonArray { pending.append(UInt8(ascii: "[")) }
            }
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal(description: "error: \(error)")
        }
    }

    func write(_ line: String) throws(OutputFileError) {
        if jsonArray {
            pending.append(contentsOf: ((first ? "\n" : ",\n") + line).utf8)
        } else {
            pending.append(contentsOf: line.utf8)
            pending.append(UInt8(ascii: "\n"))
        }
        first = false
        // Lines are handed over as they are decided; small writes are coalesced for at most 50 ms.
        if pending.count >= 1 << 16 || Date().timeIntervalSince(lastFlush) > 0.05 { try flush() }
    }

    func flush() throws(OutputFileError) {
        guard !pending.isEmpty else { return }
        defer {
            pending.removeAll(keepingCapacity: true)
            lastFlush = Date()
        }
        try file.write(pending)
    }

    /// Writes what is pending (and a JSON array's end) and closes the file.
    func finish() throws(OutputFileError) {
        if jsonArray { pending.append(contentsOf: (first ? "]\n" : "\n]\n").utf8) }
        try flush()
        try file.commit()
    }

    /// Closes the file without writing what is pending (after an error).
    func abandon() {
        file.abandon()
    }
}

/// Progress on standard error when it is a terminal: done/total, rate, ETA. Silent otherwise.
final class Progress {
    let enabled: Bool
    let total: Int?
    let resumed: Int
    var count = 0
    let start = Date()
    var lastPrint = Date.distantPast

    init(enabled: Bool, total: Int?, resumed: Int) {
        self.enabled = enabled
        self.total = total
        self.resumed = resumed
    }

    func tick() {
        count += 1
        guard enabled, Date().timeIntervalSince(lastPrint) > 0.25 else { return }
        lastPrint = Date()
        Output.toStandardError("\r" + line())
    }

    func finish() {
        guard enabled else { return }
        Output.toStandardError("\r" + line() + "\n")
    }

    private func line() -> String {
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(count) / elapsed
        var text = "\(count)"
        if let total { text += "/\(total)" }
        text += " requests, \(Int(rate))/s"
        if let total, rate > 0 { text += ", ETA \(Int(Double(max(total - count, 0)) / rate))s" }
        if resumed > 0 { text += " (resumed after \(resumed))" }
        return text + "   "
    }
}
