import ClauseGraph

extension ConflictEngine {
    /// Why a channel is clear under a posture, norm by norm, for each recipient (`Ground`): the
    /// obligations that engage (their condition holds or may hold), whether each binds or is
    /// excepted; and every restriction, with the reason it does not forbid the disclosure (not
    /// binding on the date, its condition fails, an exception holds). A legal team files a clear
    /// verdict with its grounds as it files a conflict with its findings.
    ///
    /// Grounds the same for every recipient are given once, without a recipient.
    func grounds(of slots: [PreparedSlot], posture: Posture, asOf: LegalDate) -> [Ground] {
        let binding = binding(on: asOf, posture: posture)
        var perSlot: [[Ground]] = []
        for prepared in slots {
            let snapshot = prepared.snapshot
            let evaluator = ConditionEvaluator(graph: graph, facts: snapshot)
            var grounds: [Ground] = []
            for (index, norm) in encoding.checkedNorms.enumerated() {
                let applies = norm.condition.map(evaluator.evaluate) ?? .true
                // Obligations that do not engage are not grounds: most of a regulation obliges
                // nothing for a given request.
                if norm.modality == .obligation && applies == .false { continue }
                var outcome: Ground.Outcome
                var reasons: [String] = []
                if !binding[index] {
                    outcome = .notBinding
                    reasons = [statusText(norm.provisionID, asOf: asOf)]
                } else if applies == .false {
                    outcome = .notApplicable
                    reasons = norm.condition.map { failureReasons($0, evaluator: evaluator, snapshot: snapshot) } ?? []
                } else {
                    let exceptions = norm.exceptions.map { self.outcome($0, norm: norm.id, evaluator: evaluator, snapshot: snapshot) }
                    if let holding = exceptions.first(where: { $0.holds == .true }) {
                        outcome = .excepted
                        reasons = [Self.named(holding)]
                    } else if applies == .true && exceptions.allSatisfy({ $0.holds == .false }) {
                        outcome = norm.modality == .obligation ? .obliges : .forbids
                    } else {
                        outcome = .open
                        if let condition = norm.condition, applies == .unknown {
                            reasons += failureReasons(condition, evaluator: evaluator, snapshot: snapshot)
                        }
                        for exception in exceptions where exception.holds == .unknown {
                            reasons.append("unknown whether " + Self.named(exception) + " holds")
                        }
                    }
                }
                let provision = graph.provisions[norm.provisionID]
                let instrument = provision.flatMap { graph.instruments[$0.instrumentID] }
                grounds.append(Ground(provision: norm.provisionID, citation: provision?.citation ?? norm.provisionID,
                                      jurisdiction: instrument?.jurisdiction ?? "", modality: norm.modality.rawValue,
                                      outcome: outcome, recipient: prepared.slot.recipient, reasons: reasons))
            }
            perSlot.append(grounds)
        }
        return Self.merged(perSlot)
    }

    /// An exception by its label, with its citation unless the label gives it.
    static func named(_ exception: ExceptionOutcome) -> String {
        guard let citation = exception.citation, !exception.label.contains(citation) else { return exception.label }
        return "\(exception.label) (\(citation))"
    }

    /// One list in norm order: a ground every recipient shares once, with no recipient; the others
    /// per recipient.
    static func merged(_ perSlot: [[Ground]]) -> [Ground] {
        func unattributed(_ ground: Ground) -> Ground {
            var copy = ground
            copy.recipient = nil
            return copy
        }
        guard perSlot.count > 1 else { return perSlot.first?.map(unattributed) ?? [] }
        let shared = perSlot.dropFirst().reduce(Set(perSlot[0].map(unattributed))) { $0.intersection($1.map(unattributed)) }
        var merged: [Ground] = []
        var given: Set<Ground> = []
        for slot in perSlot {
            for ground in slot {
                let common = unattributed(ground)
                if shared.contains(common) {
                    if given.insert(common).inserted { merged.append(common) }
                } else {
                    merged.append(ground)
                }
            }
        }
        return merged
    }
}
