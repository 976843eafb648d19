import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaReports

/// `ecca graph --conflict REQUEST`: the request's conflicts as a graph instead of the clause graph.
struct ConflictGraphOptions: ParsableArguments {
    @Option(name: .customLong("conflict"), help: ArgumentHelp("Draw this request's conflicts (items, obliging and forbidding provisions, failed exceptions, triggering facts).", valueName: "request"))
    var request: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("With --conflict: the date to analyse (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @OptionGroup var today: TodayOption

    @Option(help: "With --conflict: text, enforcement, or both (default both).")
    var posture: CheckCommand.PostureChoice?

    func validate() throws {
        if let asOf, let problem = LegalDate.problem(iso: asOf) { throw ValidationError("--as-of '\(asOf)' \(problem)") }
        try today.validate(asOf: asOf)
        if request == nil, asOf != nil { throw ValidationError("--as-of applies with --conflict REQUEST") }
        if request == nil, today.today != nil { throw ValidationError("--today applies with --conflict REQUEST") }
        if request == nil, posture != nil { throw ValidationError("--posture applies with --conflict REQUEST") }
    }

    /// Analyses the request and prints its conflict graph as DOT, or JSON with `json`.
    func run(regulations: RegulationOptions, json: Bool) throws {
        guard let request else { return }
        let analyser = try ReportSupport.Analyser(regulations: regulations, asOf: asOf.flatMap(LegalDate.init(iso:)), today: today.day,
                                                  postures: (posture ?? .both).postures, timeoutMilliseconds: 10_000, grounds: false)
        let analysis = try analyser.analyse(try ReportSupport.read(request), name: request == "-" ? "<stdin>" : request).analysis
        let graph = ConflictGraph(analysis)
        try Output.write(json ? JSONReport.encode(graph) + "\n" : graph.dot())
    }
}
