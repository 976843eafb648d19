import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// Per posture of `result`, the wider readings of the constitutive rules
    /// (`CountsAs.otherReadings`) on which terms that hold on ecca's reading would not. The scope
    /// is searched again, as `verify` searches it, on the law with the rule widened by the reading
    /// (`ClauseGraph.widening(rule:by:)`), each reading alone. A request found there is analysed on
    /// ecca's reading too, to say whether `ecca check` names the reading beside it.
    ///
    /// An MoU that limits access to US-person evaluators holds on ecca's reading of 50 U.S.C.
    /// 4801(5), which reads a member of the AI Office's staff by their own nationality; on the
    /// reading that access used on the authority's behalf is the authority's, a foreign government
    /// body's, the letter's licence requirement reaches them, and the terms would not hold.
    func otherReadings(holding result: MoUVerification, _ mou: MoUDocument,
                       from: LegalDate?, to: LegalDate?) throws(AnalysisError) -> [[MoUVerification.ReadingOutcome]] {
        var found = Array(repeating: [MoUVerification.ReadingOutcome](), count: result.outcomes.count)
        // Only the postures under which the terms hold are searched again.
        var holding = options
        holding.postures = result.outcomes.filter(\.holds).map(\.posture)
        guard !holding.postures.isEmpty else { return found }
        // `check` as it reads the requests found, grounds and all: built once, where one is found.
        var checking: ConflictEngine?
        for id in graph.ruleOrder {
            guard let rule = graph.rules[id] else { continue }
            for reading in rule.otherReadings {
                guard let provision = reading.provisionID else { continue }
                let widened = try Self.engine(graph.widening(rule: id, by: reading.condition), holding, for: mou.id)
                for outcome in try widened.verifyOnOneReading(mou, from: from, to: to).outcomes where !outcome.holds {
                    guard let index = result.outcomes.firstIndex(where: { $0.posture == outcome.posture }),
                          let request = outcome.forbidden?.request ?? outcome.counterexample else { continue }
                    let provisions = outcome.forbidden?.provisions ?? outcome.provisions
                    let prohibitions = graph.norms.filter { $0.modality == .prohibition && provisions.contains($0.provisionID) }
                    let readings = prohibitions.map { otherReading(reading, of: provision, norm: $0, engages: true) }
                    // A request found with no prohibition to name is no finding of the other
                    // reading's: a defect of ecca's, said as one, as for a counterexample.
                    guard !readings.isEmpty else {
                        throw .solver(message: "the request found within the scope on another reading of \(graph.provisions[provision]?.citation ?? provision) is forbidden by no prohibition when analysed (a defect in ecca: please report it with the MoU)", requestID: mou.id)
                    }
                    if checking == nil {
                        var grounds = options
                        grounds.groundsForClearVerdicts = true
                        checking = try Self.engine(graph, grounds, for: mou.id)
                    }
                    guard let check = checking else { continue }
                    found[index].append(.init(readings: readings, request: request, forbidden: outcome.forbidden != nil, provisions: provisions,
                                              checkNamesIt: try check.namesReading(readings, request, posture: outcome.posture)))
                }
            }
        }
        return found
    }

    private static func engine(_ graph: ClauseGraph, _ options: AnalysisOptions, for mou: String) throws(AnalysisError) -> ConflictEngine {
        do {
            return try ConflictEngine(graph: graph, options: options)
        } catch {
            throw .solver(message: String(describing: error), requestID: mou)
        }
    }

    /// Whether `ecca check` of `request`, on this engine's reading, gives each of `readings`
    /// beside a ground under `posture`.
    private func namesReading(_ readings: [OtherReading], _ request: DisclosureRequest, posture: Posture) throws(AnalysisError) -> Bool {
        guard let date = request.date, !readings.isEmpty else { return false }
        let analysis = try analyze(request, asOf: date, lookingAhead: false)
        let reasons = Set(analysis.items.flatMap { ($0.postures[posture.rawValue]?.grounds ?? []).flatMap(\.reasons) })
        return readings.allSatisfy { reasons.contains($0.statement) }
    }
}
