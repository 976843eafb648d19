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
        guard result.outcomes.contains(where: \.holds) else { return found }
        for id in graph.ruleOrder {
            guard let rule = graph.rules[id] else { continue }
            for reading in rule.otherReadings {
                guard let provision = reading.provisionID else { continue }
                let widened: ConflictEngine
                do {
                    widened = try ConflictEngine(graph: graph.widening(rule: id, by: reading.condition), options: options)
                } catch {
                    throw .solver(message: String(describing: error), requestID: mou.id)
                }
                let other = try widened.verifyOnOneReading(mou, from: from, to: to)
                for (index, outcome) in other.outcomes.enumerated() where result.outcomes[index].holds && !outcome.holds {
                    guard let request = outcome.forbidden?.request ?? outcome.counterexample else { continue }
                    let provisions = outcome.forbidden?.provisions ?? outcome.provisions
                    let prohibitions = graph.norms.filter { $0.modality == .prohibition && provisions.contains($0.provisionID) }
                    let readings = prohibitions.map { otherReading(reading, of: provision, norm: $0, engages: true) }
                    found[index].append(.init(readings: readings, request: request, forbidden: outcome.forbidden != nil, provisions: provisions,
                                              checkNamesIt: try namesReading(readings, request, posture: outcome.posture)))
                }
            }
        }
        return found
    }

    /// Whether `ecca check` of `request` under `posture`, on ecca's reading, gives each of
    /// `readings` beside a ground.
    private func namesReading(_ readings: [OtherReading], _ request: DisclosureRequest, posture: Posture) throws(AnalysisError) -> Bool {
        guard let date = request.date, !readings.isEmpty else { return false }
        var single = options
        single.postures = [posture]
        single.groundsForClearVerdicts = true
        let engine: ConflictEngine
        do {
            engine = try ConflictEngine(graph: graph, options: single)
        } catch {
            throw .solver(message: String(describing: error), requestID: request.id)
        }
        let analysis = try engine.analyze(request, asOf: date)
        let reasons = Set(analysis.items.flatMap { $0.postures.values.flatMap { ($0.grounds ?? []).flatMap(\.reasons) } })
        return readings.allSatisfy { reasons.contains($0.statement) }
    }
}
