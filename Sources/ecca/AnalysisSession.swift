import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaFormats
import EccaXML
import Foundation

/// What every analysing subcommand sets up the same way: the regulations loaded and linted, an
/// engine with the regulation base asserted, and a request loader with the request schema.
struct AnalysisSession {
    let loaded: RegulationsLoader.Result
    let engine: ConflictEngine
    let loader: RequestLoader

    init(regulations: RegulationOptions, asOf: String?, today: LegalDate = ConflictEngine.today(), postures: [Posture],
         timeoutMilliseconds: UInt32 = 10_000) throws {
        try self.init(regulations: regulations, options: AnalysisOptions(asOf: asOf.flatMap(LegalDate.init(iso:)), postures: postures,
                                                                        timeoutMilliseconds: timeoutMilliseconds, today: today))
    }

    init(regulations: RegulationOptions, options: AnalysisOptions) throws {
        loaded = try regulations.loadUsable()
        do {
            engine = try ConflictEngine(graph: loaded.graph, options: options)
        } catch {
            Output.error("error: cannot encode the regulations for the solver: \(error)")
            throw ExitCode(ExitStatus.internalFailure)
        }
        loader = RequestLoader(vocabulary: RequestVocabulary(graph: loaded.graph), schema: regulations.schema(named: "request.rng"))
    }

    /// Loads a request, or reports why not and exits with status 2.
    func request(_ path: String) throws -> DisclosureRequest {
        do {
            return try loader.load(path)
        } catch {
            Output.error(error.description)
            throw ExitCode(ExitStatus.unusableInput)
        }
    }
}

extension AnalysisError {
    var exitStatus: Int32 {
        switch self {
        case .unknownInstrument, .contradictoryFacts, .disclosureBeforeRequest, .noRequestInScope: ExitStatus.unusableInput
        case .solver: ExitStatus.internalFailure
        }
    }
}
