import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaFormats
import EccaReports
import EccaXML
import Foundation

/// `ecca check`: the verdict on each request, explained.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Decide whether an EU duty to disclose meets a US export restriction that forbids the disclosure.",
        discussion: """
            REQUEST is a JSON or XML request file (docs/requests.md); - reads standard input.
            CLEAR means that no duty the request invokes meets a restriction that forbids it: where \
            nothing obliges a disclosure that a US restriction forbids, the verdict is clear and says \
            that the disclosure is forbidden.
            Exit status: 0 all clear, 1 some conflict, avoidable or undetermined verdict, 2 unusable input, \
            3 internal or solver failure, 64 a command-line usage error.
            """
    )

    enum PostureChoice: String, ExpressibleByArgument, CaseIterable {
        case text, enforcement, both
        var postures: [Posture] {
            switch self {
            case .text: [.text]
            case .enforcement: [.enforcement]
            case .both: [.text, .enforcement]
            }
        }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, md, html }

    @Argument(help: ArgumentHelp("Request files (JSON or XML); - for standard input.", valueName: "request"))
    var requests: [String]

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date to analyse (YYYY-MM-DD). Default: each request's date, else today (the local date: TZ sets the time zone).", valueName: "date"))
    var asOf: String?

    @OptionGroup var today: TodayOption

    @Option(help: "text (the law in force), enforcement (what is enforced), or both.")
    var posture: PostureChoice = .both

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: .customLong("timeout-ms"), parsing: .unconditional, help: "Per solver check; a check that runs out is undetermined.")
    var timeoutMilliseconds: UInt32 = 10_000

    @Option(name: .customLong("memory-mb"), parsing: .unconditional, help: ArgumentHelp("Z3's memory limit in megabytes (the whole process: all workers together); a check that reaches it is undetermined.", valueName: "MB"))
    var memoryMegabytes: UInt32?

    @Flag(name: .customLong("no-equivalence-classes"), help: "Solve every check with Z3 instead of reusing the answer of its equivalence class (for cross-checking).")
    var noEquivalenceClasses = false

    @OptionGroup var regulations: RegulationOptions

    func validate() throws {
        if let asOf, let problem = LegalDate.problem(iso: asOf) { throw ValidationError("--as-of '\(asOf)' \(problem)") }
        try today.validate(asOf: asOf)
    }

    func run() throws {
        let options = AnalysisOptions(asOf: asOf.flatMap(LegalDate.init(iso:)), postures: posture.postures,
                                      timeoutMilliseconds: timeoutMilliseconds, memoryLimitMegabytes: memoryMegabytes,
                                      reuseEquivalentChecks: !noEquivalenceClasses, groundsForClearVerdicts: true, today: today.day)
        let session = try AnalysisSession(regulations: regulations, options: options)
        let (loaded, engine, loader) = (session.loaded, session.engine, session.loader)

        var status = ExitStatus.clean
        var elements: [CheckJSONElement] = []  // every request, in order: its analysis or why there is none
        var undatedDay: LegalDate?  // the day requests without a date were analysed as of
        // What the report's receipt lists: the bytes analysed, as read (standard input and pipes too).
        var inputs: [FileDigest] = []
        let report = CheckTextReport(style: TextStyle(colour: Output.colourAllowed))
        for path in requests {
            let request: DisclosureRequest
            do {
                let bytes = try RequestLoader.read(path)
                if format == .md || format == .html { inputs.append(FileDigest(path: path, bytes: bytes)) }
                request = try loader.decode(bytes, name: RequestLoader.name(path))
            } catch {
                Output.error(error.description)
                status = max(status, ExitStatus.unusableInput)
                elements.append(.unusable(BatchErrorLine(error)))
                continue
            }
            let analysis: RequestAnalysis
            do {
                analysis = try engine.analyze(request)
            } catch {
                Output.error("\(path): error: \(error)")
                status = max(status, error.exitStatus)
                elements.append(.unusable(BatchErrorLine(id: request.id, file: RequestLoader.name(path), line: 1, message: error.description)))
                continue
            }
            if analysis.verdict != .clear { status = max(status, ExitStatus.findings) }
            if request.date == nil { undatedDay = analysis.asOf }
            elements.append(.analysis(analysis))
            if format == .text { try Output.write(report.render(analysis) + (requests.count > 1 ? "\n" : "")) }
        }
        let analyses = elements.compactMap(\.analysis)
        if format == .json {
            if requests.count == 1, let only = analyses.first {
                try Output.write(JSONReport.encode(only) + "\n")
            } else if requests.count > 1 {
                try Output.write(JSONReport.encode(elements) + "\n")
            }
        }
        if (format == .md || format == .html), analyses.count < requests.count {
            // A report lists what it analysed as its inputs: one written without a request
            // would look complete. `ecca report` refuses the same way.
            let missing = requests.count - analyses.count
            Output.error("error: no report written: \(missing) of \(requests.count) requests could not be analysed (above); fix \(missing == 1 ? "it" : "them") or leave \(missing == 1 ? "it" : "them") out")
        } else if format == .md || format == .html, !analyses.isEmpty {
            // The report renderers (docs/reports.md), fed the same analyses as the JSON above.
            do {
                let report = try ReportWriter(format: format == .md ? .markdown : .html, output: nil, drawPictures: true)
                for analysis in analyses { try report.add(analysis) }
                let receipt = try ReportSupport.receipt(of: report, source: .analysed, regulationFiles: loaded.files, inputs: inputs,
                                                        undatedDay: undatedDay)
                try report.finish(receipt: receipt, to: nil)
            } catch let error as ReportError {
                throw ReportSupport.exit(error)
            }
        }
        if status != ExitStatus.clean { throw ExitCode(status) }
    }
}
