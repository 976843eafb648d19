import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaFormats
import EccaReports
import Foundation

/// `ecca report`: a report legal teams can file, from requests (analysed first) or from results.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report legal teams can file: Markdown, HTML (with the conflict graph), CSV or JSON, with a reproducibility receipt.",
        discussion: """
            Each INPUT is a request file (JSON or XML, analysed as `ecca check` does) or analysis results: the JSON of \
            `ecca check --format json` (one analysis or an array), the NDJSON of `ecca batch`, or `ecca report --format json`. \
            Which it is, is read from its content; - reads standard input. Give requests or results, not both. \
            The HTML embeds the conflict graph as SVG when Graphviz's dot is installed (docs/reports.md).
            Exit status: 0 report written, 2 unusable input (or results holding records the analysis could not use: the \
            report is written, says so at its head and lists them), 3 internal or solver failure, or a report that could not be \
            written (a full disk), 64 a command-line usage error.
            """
    )

    @Argument(help: ArgumentHelp("Request files, or results files (JSON, JSON array, NDJSON); - for standard input.", valueName: "input"))
    var inputs: [String]

    @Option(help: "Output format.")
    var format: ReportWriter.Format = .markdown

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report here instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date to analyse requests on (YYYY-MM-DD). Default: each request's date, else today (the local date: TZ sets the time zone).", valueName: "date"))
    var asOf: String?

    @OptionGroup var today: TodayOption

    @Option(help: "text, enforcement, or both (requests only). Default: both.")
    var posture: CheckCommand.PostureChoice?

    @Option(name: .customLong("timeout-ms"), parsing: .unconditional, help: "Per solver check; a check that runs out is undetermined.")
    var timeoutMilliseconds: UInt32 = 10_000

    @Flag(name: .customLong("no-svg"), help: "Do not draw the conflict graph with Graphviz in the HTML report (its DOT source is given instead).")
    var noSVG = false

    @OptionGroup var regulations: RegulationOptions

    func validate() throws {
        if let asOf, let problem = LegalDate.problem(iso: asOf) { throw ValidationError("--as-of '\(asOf)' \(problem)") }
        try today.validate(asOf: asOf)
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        // Refused before anything is read or analysed: the report would replace what it was made
        // from, or could not be written at all (as batch finds it before its run).
        if let output, let input = OutputTarget.input(overwrittenBy: output, inputs: inputs.map { BatchInput(path: $0, kind: .file) } + regulations.filesRead()) {
            Output.error("error: the output \(output) would overwrite the input \(input)")
            throw ExitCode(ExitStatus.unusableInput)
        }
        if let output, let problem = OutputFile.problem(writing: output) {
            Output.error("\(output): error: cannot write the report: \(problem)")
            throw ExitCode(ExitStatus.unusableInput)
        }
        // Each analysis is rendered as it is read, and the report written once all are
        // (ReportWriter): memory holds one analysis, whatever the number of lines.
        let report: ReportWriter
        do {
            report = try ReportWriter(format: format, output: output, drawPictures: !noSVG)
        } catch {
            throw ReportSupport.exit(error)
        }
        var digests: [FileDigest] = []
        // The first input of each kind, to name when both are given.
        var firstResults: String?
        var firstRequest: String?
        var analyser: ReportSupport.Analyser?
        var leftOut: [ReproducibilityReceipt.LeftOut] = []
        var undatedDay: LegalDate?  // the day requests without a date were analysed as of
        var originals: [ReproducibilityReceipt] = []
        var recordedRegulations: [ReproducibilityReceipt.RecordedRegulations] = []
        var timesSeen: [String: Int] = [:]  // per request id of the results read, as batch's summary counts them
        for path in inputs {
            let name = path == "-" ? "<stdin>" : path
            // Read a line at a time and hashed as it is read: the file is never held whole
            // unless it is one JSON document (a request, an array, a whole report).
            let lines = try ReportSupport.open(path)
            var hasher = SHA256()
            lines.observe = { hasher.update($0) }
            let content: AnalysisResultsReader.Content
            do {
                content = try AnalysisResultsReader.read(lines, path: path, name: name) { analysis throws(ReportError) in
                    timesSeen[analysis.id, default: 0] += 1
                    try report.add(analysis)
                }
            } catch {
                throw ReportSupport.exit(error)
            }
            digests.append(FileDigest(path: path, sha256: SHA256.hex(hasher.finalize())))
            switch content {
            case .results(let results):
                if firstResults == nil { firstResults = name }
                if !results.leftOut.isEmpty {
                    // A batch of 10^5 requests can hold thousands of error records: the warning
                    // names the first ten, and the report's receipt lists every one with its reason.
                    let unit = results.byLine ? "line" : "record"
                    let records = results.errorRecords
                    let named = records.prefix(10).map(String.init).joined(separator: ", ")
                        + (records.count > 10 ? " and \(records.count - 10) more, listed in the report's receipt" : "")
                    Output.error("\(name): warning: left out \(records.count) record(s) the analysis could not use (\(unit) \(named))")
                    leftOut.append(.init(path: path, records: results.errorRecords, byLine: results.byLine, details: results.leftOut))
                }
                originals += results.receipt?.analysingReceipts ?? []
                recordedRegulations = ReproducibilityReceipt.RecordedRegulations.merged(recordedRegulations, results.recordedRegulations)
            case .other(let bytes):
                if firstRequest == nil { firstRequest = name }
                if analyser == nil {
                    analyser = try ReportSupport.Analyser(
                        regulations: regulations, asOf: asOf.flatMap(LegalDate.init(iso:)), today: today.day,
                        postures: (posture ?? .both).postures, timeoutMilliseconds: timeoutMilliseconds)
                }
                let analysed = try analyser!.analyse(bytes, name: name)
                if !analysed.dated { undatedDay = analysed.analysis.asOf }
                do {
                    try report.add(analysed.analysis)
                } catch {
                    throw ReportSupport.exit(error)
                }
            }
        }
        if let firstResults, let firstRequest {
            Output.error("error: give request files or analysis results, not both (\(firstResults) holds analysis results, \(firstRequest) is a request)")
            throw ExitCode(ExitStatus.unusableInput)
        }
        // An option the command would not use is a usage error (64), as everywhere; it is known
        // only once the inputs are read.
        if firstResults != nil && (asOf != nil || today.today != nil || posture != nil) {
            Output.error("Error: --as-of, --today and --posture apply when analysing requests; results already hold their date and postures\n"
                         + "Usage: " + Ecca.usageString(for: ReportCommand.self) + "\n  See 'ecca report --help' for more information.")
            throw ExitCode.validationFailure
        }
        // The same request analysed twice (results joined twice, or a batch input with a repeated
        // id) is reported twice: said, as batch's summary says it, so that it is not read as two requests.
        let repeated = timesSeen.filter { $0.value > 1 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        if !repeated.isEmpty {
            let named = repeated.prefix(10).map { "\($0.key) (\($0.value) times)" }.joined(separator: ", ")
                + (repeated.count > 10 ? " and \(repeated.count - 10) more" : "")
            Output.error("warning: \(repeated.count) request id\(repeated.count == 1 ? "" : "s") appear\(repeated.count == 1 ? "s" : "") more than once in the results, each analysis reported as read: \(named)")
        }
        if report.count == 0 {
            Output.error("error: nothing to report: the results hold no analysis, only records the analysis could not use")
            throw ExitCode(ExitStatus.unusableInput)
        }
        // Analyses made under different regulations are one report only with a word of warning:
        // the receipt lists each digest with its count.
        if ReproducibilityReceipt.RecordedRegulations.differ(recordedRegulations) {
            let each = recordedRegulations.map { "\($0.analyses) \($0.sha256.map { "under SHA-256 " + $0 } ?? "recording none")" }
            Output.error("warning: the analyses were not all made under the same regulations (\(each.joined(separator: ", "))); the receipt lists them")
        }
        let receipt = try ReportSupport.receipt(
            of: report, source: firstRequest != nil ? .analysed : .results, regulationFiles: analyser?.loaded.files ?? [], inputs: digests,
            undatedDay: undatedDay, leftOut: leftOut, originals: originals, recordedRegulations: recordedRegulations)
        do {
            try report.finish(receipt: receipt, to: output)
        } catch {
            throw ReportSupport.exit(error)
        }
        // Written, and saying at its head that records are missing; a pipeline that files reports
        // by their exit status must not take it for complete (batch exits 2 for the same records).
        if !leftOut.isEmpty { throw ExitCode(ExitStatus.unusableInput) }
    }
}
