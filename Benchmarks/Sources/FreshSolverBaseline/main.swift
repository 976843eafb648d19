import ClauseGraph
import EccaAnalysis
import EccaFormats
import Foundation

/// Times the same generated requests two ways, side by side in one process:
/// - warm: one ConflictEngine (one Z3 context, the regulation base asserted once), requests
///   checked with push/pop and assumptions, answers reused per equivalence class;
/// - fresh: a new ConflictEngine — a new Z3 context and solver with the base asserted again —
///   for every request, solving every check (the baseline of issue 5).
/// Usage: FreshSolverBaseline REGULATIONS_DIR LETTER_FILE WARM_COUNT FRESH_COUNT
let arguments = CommandLine.arguments
guard arguments.count == 5, let warmCount = Int(arguments[3]), let freshCount = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: FreshSolverBaseline REGULATIONS_DIR LETTER_FILE WARM_COUNT FRESH_COUNT\n".utf8))
    exit(2)
}
let loaded = RegulationsLoader().load(directories: [arguments[1]], files: [arguments[2]])
guard !loaded.hasErrors else {
    loaded.diagnostics.forEach { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
    exit(2)
}
let generator = RequestGenerator(seed: 42)
let requests = (0..<max(warmCount, freshCount)).map(generator.request)
let options = AnalysisOptions(timeoutMilliseconds: nil)

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

// Both sides write each analysis as a batch line, as `ecca batch` does.
var warmVerdicts: [Verdict] = []
let warm = try seconds {
    let engine = try ConflictEngine(graph: loaded.graph, options: options)
    let writer = AnalysisJSONWriter()
    for request in requests.prefix(warmCount) {
        let analysis = try engine.analyze(request)
        warmVerdicts.append(analysis.verdict)
        _ = writer.line(analysis)
    }
}
var freshOptions = options
freshOptions.reuseEquivalentChecks = false
var disagreements = 0
let fresh = try seconds {
    let writer = AnalysisJSONWriter()
    for (index, request) in requests.prefix(freshCount).enumerated() {
        let engine = try ConflictEngine(graph: loaded.graph, options: freshOptions)
        let analysis = try engine.analyze(request)
        if index < warmVerdicts.count && analysis.verdict != warmVerdicts[index] { disagreements += 1 }
        _ = writer.line(analysis)
    }
}
let warmRate = Double(warmCount) / warm
let freshRate = Double(freshCount) / fresh
print(String(format: "warm engine:  %8d requests in %7.2f s = %9.0f requests/s (%.1f µs each)", warmCount, warm, warmRate, 1e6 / warmRate))
print(String(format: "fresh solver: %8d requests in %7.2f s = %9.1f requests/s (%.1f ms each)", freshCount, fresh, freshRate, 1e3 / freshRate))
print(String(format: "ratio warm/fresh: %.0f×   verdict disagreements: %d", warmRate / freshRate, disagreements))
exit(disagreements == 0 ? 0 : 1)
