import ClauseGraph
import EccaAnalysis
import EccaFormats
import EccaReports
import Foundation

/// Analyses of the shipped samples, made with the shipped regulations exactly as `ecca check`
/// makes them, and a receipt with fixed versions so that snapshots do not move with the machine.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let regulations = root.appendingPathComponent("Regulations").path
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// The four verdict shapes the snapshots cover.
    static let samples = ["conflict": "weights-to-ai-office-warsaw.json",
                          "avoidable": "weights-or-api-access.xml",
                          "clear": "weights-to-brussels-aia-claimed.json",
                          "undetermined": "unknown-compute.json"]

    static func samplePath(_ file: String) -> String { root.appendingPathComponent("Samples/requests/\(file)").path }

    struct FixtureError: Error, CustomStringConvertible { var description: String }

    /// Analyses a request file with a fresh engine (engines are not thread-safe; tests run in parallel).
    static func analyse(_ path: String, postures: [Posture] = [.text, .enforcement]) throws -> RequestAnalysis {
        let loaded = RegulationsLoader().load(directories: [regulations])
        guard !loaded.hasErrors else {
            throw FixtureError(description: loaded.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))
        }
        let engine = try ConflictEngine(graph: loaded.graph, options: AnalysisOptions(postures: postures, resourceLimit: nil, groundsForClearVerdicts: true))
        let loader = RequestLoader(vocabulary: RequestVocabulary(graph: loaded.graph), schema: nil)
        return try engine.analyze(try loader.load(path), today: LegalDate(iso: "2026-11-24")!)
    }

    static func analyse(sample key: String) throws -> RequestAnalysis {
        try analyse(samplePath(samples[key]!))
    }

    /// A receipt with the real structure and fixed values: version strings and regulation
    /// digests would otherwise change the snapshots on every machine and every rules edit.
    static func receipt(for analyses: [RequestAnalysis], input: String) -> ReproducibilityReceipt {
        let files = ["us-ear.xml", "eu-ai-act.xml", "facts.xml", "gpai-code-of-practice.xml", "us-ai-diffusion.xml"].map {
            FileDigest(path: "Regulations/\($0)", sha256: SHA256.hexDigest(Array("snapshot placeholder for \($0)".utf8)))
        }
        return ReproducibilityReceipt(
            eccaVersion: "0.0.0-snapshot", source: .analysed, regulationFiles: files,
            inputs: [FileDigest(path: "Samples/requests/\(input)", sha256: SHA256.hexDigest(Array("snapshot placeholder for \(input)".utf8)))],
            analyses: analyses, z3Version: "4.0.0.0 (snapshot)", libxml2Version: "2.0.0 (snapshot)",
            command: "ecca report --format md Samples/requests/\(input) --as-of \(analyses.first?.asOf.iso ?? "2026-11-24")")
    }

    static func report(sample key: String) throws -> ConflictReport {
        let analysis = try analyse(sample: key)
        return ConflictReport(analyses: [analysis], receipt: receipt(for: [analysis], input: samples[key]!))
    }
}
