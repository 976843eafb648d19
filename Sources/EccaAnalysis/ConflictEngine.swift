import ClauseGraph
import EccaFormats
import EccaSMT
import Foundation

/// Decides disclosure requests against a clause graph with Z3.
///
/// One engine owns one Z3 context with the regulation base asserted once; each request is
/// checked with `push`/`pop` and assumption literals, never with a fresh solver. Not thread-safe:
/// use one engine per worker.
public final class ConflictEngine {
    public let graph: ClauseGraph
    public let options: AnalysisOptions
    let encoding: RegulationEncoding
    let mapSolver: SMTSolver
    let facts: FactReader
    let renderer: AtomRenderer
    private var atomTerms: [(atom: Condition, term: SMTTerm)] = []

    public init(graph: ClauseGraph, options: AnalysisOptions = AnalysisOptions()) throws {
        self.graph = graph
        self.options = options
        encoding = try RegulationEncoding(graph: graph, timeoutMilliseconds: options.timeoutMilliseconds,
                                          resourceLimit: options.resourceLimit)
        mapSolver = try SMTSolver(context: encoding.context)
        facts = FactReader(graph: graph)
        renderer = AtomRenderer(graph: graph)
        var seen: Set<Condition> = []
        for condition in encoding.checkedNorms.flatMap({ [$0.condition].compactMap { $0 } + $0.exceptions.map(\.condition) })
            + graph.ruleOrder.flatMap({ [graph.rules[$0]!.condition] + graph.rules[$0]!.exceptions.map(\.condition) }) {
            var atoms: [Condition] = []
            condition.visitAtoms { atom in
                if case .holds = atom { return }
                if case .constant = atom { return }
                atoms.append(atom)
            }
            for atom in atoms where seen.insert(atom).inserted {
                atomTerms.append((atom, try encoding.term(atom)))
            }
        }
    }

    /// Analyses one request. Throws only for requests that cannot be analysed at all.
    public func analyze(_ request: DisclosureRequest, today: LegalDate = ConflictEngine.today()) throws(AnalysisError) -> RequestAnalysis {
        for instrument in request.instruments ?? [] where graph.instruments[instrument] == nil {
            throw .unknownInstrument(id: instrument, requestID: request.id)
        }
        let asOf = options.asOf ?? request.date ?? today
        var items: [ItemAnalysis] = []
        var findings: [Finding] = []
        var findingIDs: Set<String> = []
        var notes: [String] = []
        var assumptions: [String] = []
        do {
            for (index, item) in request.items.enumerated() {
                var channels = [item.channel]
                for alternative in item.alternatives ?? [] where !channels.contains(alternative) { channels.append(alternative) }
                let recipients = facts.recipients(of: item, in: request)
                var perPosture: [String: ItemPostureAnalysis] = [:]
                for posture in options.postures {
                    var outcomes: [ChannelOutcome] = []
                    var postureFindings: [String] = []
                    var deciding: [String] = []
                    var cures: [String] = []
                    for channel in channels {
                        var slotOutcomes: [ChannelOutcome.Outcome] = []
                        var reason: String?
                        for recipientIndex in recipients.indices {
                            let slot = CheckSlot(item: index, recipient: recipients[recipientIndex] == nil ? nil : recipientIndex, channel: channel)
                            let snapshot = facts.snapshot(request, slot: slot, asOf: asOf)
                            for assumption in snapshot.assumptions where !assumptions.contains(assumption.text) {
                                assumptions.append(assumption.text)
                            }
                            notes += notBindingNotes(snapshot: snapshot, asOf: asOf, posture: posture, item: index)
                                .filter { !notes.contains($0) }
                            let result = try check(snapshot, posture: posture, slot: slot, asOf: asOf)
                            slotOutcomes.append(result.outcome)
                            if let why = result.reason { reason = why }
                            for finding in result.findings {
                                if findingIDs.insert(finding.id).inserted { findings.append(finding) }
                                if !postureFindings.contains(finding.id) { postureFindings.append(finding.id) }
                                for cure in finding.exceptions.flatMap(\.wouldHoldIfEstablished) where !cures.contains(cure) {
                                    cures.append(cure)
                                }
                            }
                            if channel == item.channel {
                                for condition in result.deciding where !deciding.contains(condition) { deciding.append(condition) }
                            }
                        }
                        let combined: ChannelOutcome.Outcome =
                            slotOutcomes.contains(.conflicting) ? .conflicting
                            : slotOutcomes.allSatisfy { $0 == .compliant } ? .compliant : .undetermined
                        outcomes.append(ChannelOutcome(channel: channel, outcome: combined, reason: combined == .compliant ? nil : reason))
                    }
                    let asked = outcomes[0]
                    let compliantAlternatives = outcomes.dropFirst().filter { $0.outcome == .compliant }.map(\.channel)
                    let verdict: Verdict
                    switch asked.outcome {
                    case .compliant: verdict = .clear
                    case .conflicting:
                        verdict = !compliantAlternatives.isEmpty ? .avoidable
                            : outcomes.dropFirst().contains { $0.outcome == .undetermined } ? .undetermined : .conflict
                    case .undetermined:
                        verdict = compliantAlternatives.isEmpty ? .undetermined : .avoidable
                    }
                    if verdict == .undetermined, deciding.isEmpty, let reason = outcomes.compactMap(\.reason).first {
                        deciding.append("the solver could not decide: \(reason)")
                    }
                    perPosture[posture.rawValue] = ItemPostureAnalysis(
                        verdict: verdict, channels: outcomes, compliantAlternatives: compliantAlternatives,
                        decidingConditions: verdict == .undetermined ? deciding : [],
                        cures: verdict == .conflict || verdict == .avoidable ? cures : [], findings: postureFindings)
                }
                let itemVerdict = perPosture.values.map(\.verdict).max() ?? .clear
                items.append(ItemAnalysis(index: index, id: item.id, artifact: item.artifact, channel: item.channel,
                                          verdict: itemVerdict, postures: perPosture))
            }
        } catch let error as SMTError {
            throw .solver(message: String(describing: error), requestID: request.id)
        } catch {
            throw .solver(message: String(describing: error), requestID: request.id)
        }
        var postures: [String: Verdict] = [:]
        for posture in options.postures {
            postures[posture.rawValue] = items.compactMap { $0.postures[posture.rawValue]?.verdict }.max() ?? .clear
        }
        return RequestAnalysis(id: request.id, asOf: asOf, verdict: postures.values.max() ?? .clear, postures: postures,
                               items: items, findings: findings, assumptions: assumptions, notes: notes)
    }

    public static func today() -> LegalDate {
        LegalDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    // MARK: One check

    struct SlotResult {
        var outcome: ChannelOutcome.Outcome
        var findings: [Finding]
        var deciding: [String]
        var reason: String?
    }

    private func check(_ snapshot: FactSnapshot, posture: Posture, slot: CheckSlot, asOf: LegalDate) throws -> SlotResult {
        let solver = encoding.solver
        try solver.push()
        defer { try? solver.pop() }
        try encoding.assert(snapshot)
        try solver.assert(encoding.posture(posture))
        let tracks = encoding.tracks.map(\.literal)
        switch try solver.check(assumptions: tracks) {
        case .unsat:
            let sets = try minimalClashingSets()
            let findings = sets.sets.map { explain($0, snapshot: snapshot, posture: posture, slot: slot, asOf: asOf) }
            return SlotResult(outcome: .conflicting, findings: findings, deciding: [],
                              reason: sets.truncated ? "more than \(options.maximumFindingsPerCheck) minimal clashing sets; the first ones are listed" : nil)
        case .unknown(let reason):
            return SlotResult(outcome: .undetermined, findings: [], deciding: [], reason: "solver: \(reason)")
        case .sat:
            let consistent = try solver.model()
            switch try solver.check(assumptions: [encoding.clash]) {
            case .unsat:
                return SlotResult(outcome: .compliant, findings: [], deciding: [], reason: nil)
            case .unknown(let reason):
                return SlotResult(outcome: .undetermined, findings: [], deciding: [], reason: "solver: \(reason)")
            case .sat:
                let clashing = try solver.model()
                return SlotResult(outcome: .undetermined, findings: [],
                                  deciding: try decidingConditions(consistent: consistent, clashing: clashing, snapshot: snapshot),
                                  reason: nil)
            }
        }
    }

    /// Atoms over facts the request leaves open whose value separates a consistent completion from
    /// a clashing one; those that alone force the conflict are preferred.
    private func decidingConditions(consistent: SMTModel, clashing: SMTModel, snapshot: FactSnapshot) throws -> [String] {
        let evaluator = ConditionEvaluator(graph: graph, facts: snapshot)
        var candidates: [(atom: Condition, term: SMTTerm, value: Bool)] = []
        for (atom, term) in atomTerms where evaluator.atom(atom) == .unknown {
            guard let inClash = try clashing.evalBool(term), let inConsistent = try consistent.evalBool(term), inClash != inConsistent else { continue }
            candidates.append((atom, term, inClash))
        }
        var sufficient: [String] = []
        let solver = encoding.solver
        for candidate in candidates {
            try solver.push()
            try solver.assert(candidate.value ? candidate.term : encoding.context.not(candidate.term))
            let result = try solver.check(assumptions: encoding.tracks.map(\.literal))
            try solver.pop()
            if result == .unsat { sufficient.append("conflict if " + renderer.statement(candidate.atom, negated: !candidate.value)) }
        }
        if !sufficient.isEmpty { return sufficient }
        return candidates.map { "conflict possible if " + renderer.statement($0.atom, negated: !$0.value) }
    }

    /// Every minimal unsatisfiable subset of the tracking literals (MARCO-style enumeration with
    /// a map solver), given the facts asserted in the current scope.
    private func minimalClashingSets() throws -> (sets: [[String]], truncated: Bool) {
        let solver = encoding.solver
        let tracks = encoding.tracks
        try mapSolver.push()
        defer { try? mapSolver.pop() }
        var found: [[String]] = []
        var iterations = 0
        while iterations < 4 * (options.maximumFindingsPerCheck + tracks.count) {
            iterations += 1
            guard try mapSolver.check() == .sat else { return (found, false) }
            let model = try mapSolver.model()
            var seed: [Int] = []
            for (index, track) in tracks.enumerated() where try model.evalBool(track.literal) != false { seed.append(index) }
            func consistent(_ indices: [Int]) throws -> Bool {
                try solver.check(assumptions: indices.map { tracks[$0].literal }) == .sat
            }
            if try consistent(seed) {
                var grown = seed
                for index in tracks.indices where !grown.contains(index) {
                    if try consistent(grown + [index]) { grown.append(index) }
                }
                let outside = tracks.indices.filter { !grown.contains($0) }.map { tracks[$0].literal }
                try mapSolver.assert(encoding.context.or(outside))
            } else {
                let core = Set(try solver.unsatCore().compactMap { literal in tracks.firstIndex { $0.literal == literal } })
                var mus = seed.filter(core.contains)
                var position = 0
                while position < mus.count {
                    var trial = mus
                    trial.remove(at: position)
                    if try consistent(trial) {
                        position += 1
                    } else {
                        mus = trial
                    }
                }
                found.append(mus.map { tracks[$0].provision })
                if found.count >= options.maximumFindingsPerCheck { return (found, true) }
                try mapSolver.assert(encoding.context.or(mus.map { try encoding.context.not(tracks[$0].literal) }))
            }
        }
        return (found, true)
    }
}
