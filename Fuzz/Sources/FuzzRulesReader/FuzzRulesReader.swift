import ClauseGraph
import EccaAnalysis
import EccaFormats
import FuzzSupport

/// Rules XML from an untrusted hand: read (schema, builder), joined with the shipped rules (the
/// fuzzed document's ids win), linted, and, when the lint finds no error, encoded for Z3 and used
/// to analyse the sample requests. Nothing may crash or hang; a lint-clean graph must encode.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard case .document(let document) = RulesReader(schema: Shipped.rulesSchema).read(bytes: bytes, name: "fuzz.xml") else { return 0 }
    let graph = ClauseGraph(documents: [document] + Shipped.documents)
    let findings = graph.lint(suppliableFields: FactBinding.suppliableFields)
    _ = graph.edges
    _ = graph.statusBreakpoints
    let errors = findings.filter { $0.severity == .error && !$0.message.hasPrefix("duplicate ") }
    guard errors.isEmpty else { return 0 }
    let engine: ConflictEngine
    do {
        engine = try ConflictEngine(graph: graph, options: Shipped.options)
    } catch {
        invariant(false, "a lint-clean graph failed to encode: \(error)")
        return 0
    }
    for request in Shipped.requests {
        if let analysis = try? engine.analyze(request, today: Shipped.today) {
            _ = AnalysisJSON.encode(analysis, pretty: false)
        }
    }
    return 0
}
