import ClauseGraph
import EccaAnalysis
import EccaFormats
import EccaXML
import Foundation

/// The shipped regulations and samples, loaded once per fuzzing process: the context every fuzzed
/// input is read and analysed in. Set `ECCA_ROOT` to the checkout when the binary has moved.
public enum Shipped {
    public static let root: String = ProcessInfo.processInfo.environment["ECCA_ROOT"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    public static let regulations = root + "/Regulations"
    public static let letter = root + "/Samples/instruments/is-informed-letter-orion.xml"

    public static let rulesSchema: RelaxNGSchema = load { try RelaxNGSchema(path: regulations + "/schema/rules.rng") }
    public static let requestSchema: RelaxNGSchema = load { try RelaxNGSchema(path: regulations + "/schema/request.rng") }

    /// Every shipped rules document, the is-informed letter included.
    public static let documents: [RulesDocument] = {
        let reader = RulesReader(schema: rulesSchema)
        return (RegulationsLoaderFiles.all(in: regulations) + [letter]).map { file in
            guard case .document(let document) = reader.read(file: file) else { fatalError("harness: cannot read \(file)") }
            return document
        }
    }()

    public static let graph = ClauseGraph(documents: documents)
    public static let vocabulary = RequestVocabulary(graph: graph)

    /// Tight limits, so that no input can keep the fuzzer in the solver for long; a check that
    /// runs out is an `undetermined` verdict, which is a correct answer.
    public static let options = AnalysisOptions(postures: [.text, .enforcement], timeoutMilliseconds: 2_000, resourceLimit: 2_000_000,
                                                maximumFindingsPerCheck: 8)

    /// The engine over the shipped graph, reused across inputs as a batch worker reuses it.
    nonisolated(unsafe) public static let engine: ConflictEngine = load { try ConflictEngine(graph: graph, options: options) }

    /// The sample requests, for analysing fuzzed rules.
    public static let requests: [DisclosureRequest] = {
        let loader = RequestLoader(vocabulary: vocabulary, schema: requestSchema)
        let folder = root + "/Samples/requests"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { try? loader.load(folder + "/" + $0) }
    }()

    /// A fixed "today", so that runs are reproducible.
    public static let today = LegalDate(iso: "2026-11-24")!

    private static func load<T>(_ body: () throws -> T) -> T {
        do {
            return try body()
        } catch {
            fatalError("harness: \(error)")
        }
    }
}

/// The rules files of a folder, as the loader finds them.
enum RegulationsLoaderFiles {
    static func all(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { folder + "/" + $0 }
    }
}

/// The bytes of one fuzz input.
public func fuzzBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops the process the way libFuzzer records as a crash, naming the broken invariant.
public func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant broken: \(message())") }
}
