import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaFormats
import EccaReports
import EccaXML
import Foundation

/// `ecca cures`: the cheapest changes of terms that remove a request's conflicts.
struct CuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cures",
        abstract: "Rank the changes of terms that remove a request's conflicts (MaxSMT over the negotiable parts).",
        discussion: """
            Costs come from a JSON file (docs/negotiation.md), e.g. {"licence": 8, "channel": 2}; missing keys keep their \
            defaults. Exit status: 0 cures found or nothing to cure, 1 a conflict no negotiable change removes, or an item undetermined (establish its deciding facts first: it may be in conflict), 2 unusable input, 3 internal or solver failure, or an output that could not be written, 64 a command-line usage error.
            """
    )

    @Argument(help: ArgumentHelp("A request file (JSON or XML).", valueName: "request"))
    var request: String

    @Option(help: ArgumentHelp("A JSON file of costs per kind of change.", valueName: "file"))
    var costs: String?

    @Option(parsing: .unconditional, help: "How many cures to list in all, across the request's items (the cheapest first).")
    var top: Int = 5

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date to analyse (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @OptionGroup var today: TodayOption

    @OptionGroup var output: PlainOutputOptions

    @OptionGroup var regulations: RegulationOptions

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if let asOf, let problem = LegalDate.problem(iso: asOf) { throw ValidationError("--as-of '\(asOf)' \(problem)") }
        try today.validate(asOf: asOf)
    }

    func run() throws {
        let session = try AnalysisSession(regulations: regulations, asOf: asOf, today: today.day, postures: output.posture.postures)
        var table = CureCosts()
        if let costs {
            guard let text = try? String(contentsOfFile: costs, encoding: .utf8) else {
                Output.error("\(costs): error: cannot read the cost file")
                throw ExitCode(ExitStatus.unusableInput)
            }
            do {
                table = try CureCosts.read(text, file: costs)
            } catch {
                Output.error(error.description)
                throw ExitCode(ExitStatus.unusableInput)
            }
        }
        let loaded = try session.request(request)
        let report: CureReport
        do {
            report = try session.engine.cures(for: loaded, costs: table, top: top)
        } catch {
            Output.error("\(request): error: \(error)")
            throw ExitCode(error.exitStatus)
        }
        switch output.format {
        case .json: try Output.write(JSONReport.encode(report) + "\n")
        case .text: try Output.write(CureTextReport(style: TextStyle(colour: Output.colourAllowed)).render(report))
        }
        if !report.uncured.isEmpty || !report.undetermined.isEmpty {
            throw ExitCode(ExitStatus.findings)
        }
    }
}
