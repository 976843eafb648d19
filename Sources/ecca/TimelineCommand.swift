import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaReports

/// `ecca timeline`: the verdict as a piecewise function of the date.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Show a request's verdict over a date range, with each breakpoint tied to the status change that causes it.",
        discussion: "Exit status: 0 when the result is printed, whatever the verdicts it shows (`ecca check` gives a verdict's status), 2 unusable input, 3 internal or solver failure, 64 a command-line usage error."
    )

    @Argument(help: ArgumentHelp("A request file (JSON or XML).", valueName: "request"))
    var request: String

    @Option(help: ArgumentHelp("First date (YYYY-MM-DD).", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("Last date (YYYY-MM-DD).", valueName: "date"))
    var to: String

    @OptionGroup var output: PlainOutputOptions

    @OptionGroup var regulations: RegulationOptions

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let problem = LegalDate.problem(iso: value) { throw ValidationError("\(name) '\(value)' \(problem)") }
        }
        guard let start = LegalDate(iso: from), let end = LegalDate(iso: to) else { return }
        if end < start { throw ValidationError("--to \(to) is before --from \(from)") }
    }

    func run() throws {
        let session = try AnalysisSession(regulations: regulations, asOf: nil, postures: output.posture.postures)
        let loaded = try session.request(request)
        let text: String
        do {
            let timeline = try session.engine.timeline(for: loaded, from: LegalDate(iso: from)!, to: LegalDate(iso: to)!)
            switch output.format {
            case .json: text = JSONReport.encode(timeline) + "\n"
            case .text: text = NegotiationTextReports(style: TextStyle(colour: Output.colourAllowed)).render(timeline)
            }
        } catch {
            Output.error("\(request): error: \(error)")
            throw ExitCode(error.exitStatus)
        }
        try Output.write(text)
    }
}
