import ArgumentParser
import ClauseGraph
import EccaFormats
import EccaReports

/// `ecca graph`: the clause graph, or one provision's neighbourhood, as DOT or JSON.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the clause graph (or the neighbourhood of one provision) as Graphviz DOT or JSON.",
        discussion: "Exit status: 0 printed (with --conflict, whatever the request's verdict: `ecca check` gives a verdict's status), 2 unusable input, 3 internal or solver failure, or an output that could not be written, 64 a command-line usage error."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case dot, json }

    @OptionGroup var regulations: RegulationOptions

    @Option(help: "Output format.")
    var format: Format = .dot

    @Option(help: ArgumentHelp("Only this provision and its neighbours.", valueName: "id"))
    var provision: String?

    @Option(parsing: .unconditional, help: "Neighbourhood radius in edges, 0 or more (with --provision; default 1).")
    var radius: Int?

    @OptionGroup var conflict: ConflictGraphOptions

    /// An option the graph asked for would not use is refused, as `--as-of` without `--conflict`
    /// is, rather than ignored: `--radius 2` without `--provision` printed the whole clause graph,
    /// and `--provision` with `--conflict` the conflict graph, exit 0.
    func validate() throws {
        if let radius, provision == nil { throw ValidationError("--radius \(radius) applies with --provision ID") }
        if let radius, radius < 0 { throw ValidationError("--radius \(radius) is below 0: give the number of edges to go out from the provision") }
        if provision != nil, conflict.request != nil {
            throw ValidationError("--provision draws a provision's neighbourhood in the clause graph, --conflict a request's conflicts: give one of them")
        }
    }

    func run() throws {
        if conflict.request != nil { return try conflict.run(regulations: regulations, json: format == .json) }
        let result = try regulations.loadUsable()
        var selection: Set<String>?
        if let provision {
            guard result.graph.provisions[provision] != nil else {
                Output.error("error: unknown provision '\(provision)'")
                throw ExitCode(ExitStatus.unusableInput)
            }
            selection = result.graph.neighbourhood(of: provision, radius: radius ?? 1)
        }
        let export = GraphExport(graph: result.graph, provisions: selection)
        switch format {
        case .dot: try Output.write(export.dot())
        case .json: try Output.write(JSONReport.encode(export.document()) + "\n")
        }
    }
}
