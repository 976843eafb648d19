import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaReports

/// `ecca thresholds`: where the verdict flips as training compute varies.
struct ThresholdsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thresholds",
        abstract: "For a request with unknown or uncertain compute, the exact values at which the verdict changes.",
        discussion: "Exit status: 0 when the result is printed, whatever the verdicts it shows (`ecca check` gives a verdict's status), 2 unusable input, 3 internal or solver failure, 64 a command-line usage error."
    )

    @Argument(help: ArgumentHelp("A request file (JSON or XML).", valueName: "request"))
    var request: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date to analyse (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @OptionGroup var today: TodayOption

    @OptionGroup var output: PlainOutputOptions

    @OptionGroup var regulations: RegulationOptions

    func validate() throws {
        if let asOf, let problem = LegalDate.problem(iso: asOf) { throw ValidationError("--as-of '\(asOf)' \(problem)") }
        try today.validate(asOf: asOf)
    }

    func run() throws {
        let session = try AnalysisSession(regulations: regulations, asOf: asOf, today: today.day, postures: output.posture.postures)
        let loaded = try session.request(request)
        let text: String
        do {
            let report = try session.engine.thresholdFlips(for: loaded)
            switch output.format {
            case .json: text = JSONReport.encode(report) + "\n"
            case .text: text = NegotiationTextReports(style: TextStyle(colour: Output.colourAllowed)).render(report)
            }
        } catch {
            Output.error("\(request): error: \(error)")
            throw ExitCode(error.exitStatus)
        }
        try Output.write(text)
    }
}
