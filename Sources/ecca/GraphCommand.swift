import ArgumentParser
import ClauseGraph
import EccaFormats
import EccaReports

/// `ecca graph`: the clause graph, or one provision's neighbourhood, as DOT or JSON.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the clause graph (or the neighbourhood of one provision) as Graphviz DOT or JSON."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, json }

    @OptionGroup var regulations: RegulationOptions

    @Option(help: "Output format.")
    var format: Format = .dot

    @Option(help: ArgumentHelp("Only this provision and its neighbours.", valueName: "id"))
    var provision: String?

    @Option(help: "Neighbourhood radius in edges (with --provision).")
    var radius: Int = 1

    @OptionGroup var conflict: ConflictGraphOptions

    func run() throws {
        if conflict.request != nil { return try conflict.run(regulations: regulations, json: format == .json) }
        let result = try regulations.loadUsable()
        var selection: Set<String>?
        if let provision {
            guard result.graph.provisions[provision] != nil else {
                Output.error("error: unknown provision '\(provision)'")
                throw ExitCode(ExitStatus.unusableInput)
            }
            selection = result.graph.neighbourhood(of: provision, radius: radius)
        }
        let export = GraphExport(graph: result.graph, provisions: selection)
        switch format {
        case .dot: try Output.write(export.dot())
        case .json: try Output.write(JSONReport.encode(export.document()) + "\n")
        }
    }
}
