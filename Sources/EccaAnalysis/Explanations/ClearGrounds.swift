import ClauseGraph

extension ConflictEngine {
    /// What a checked norm comes to for one check's facts, whatever the posture: worked out once
    /// per recipient and shared by the postures, which differ only in what binds.
    struct NormAssessment {
        /// The condition's truth.
        var applies: Truth
        /// Why the condition fails or may fail (empty when it holds).
        var failures: [String]
        /// The first exception that holds, by name.
        var holding: String?
        /// Every exception fails.
        var exceptionsFail: Bool
        /// Exceptions that may hold, by name.
        var openExceptions: [String]
    }

    /// The assessments of every checked norm for one recipient (`encoding.checkedNorms` order); nil
    /// for an obligation that does not engage: most of a regulation obliges nothing for a request.
    func assessments(of prepared: PreparedSlot) -> [NormAssessment?] {
        let snapshot = prepared.snapshot
        let evaluator = ConditionEvaluator(graph: graph, facts: snapshot)
        return encoding.checkedNorms.map { norm in
            let applies = norm.condition.map(evaluator.evaluate) ?? .true
            if norm.modality == .obligation && applies == .false { return nil }
            let failures = applies == .true ? [] : norm.condition.map { failureReasons($0, evaluator: evaluator, snapshot: snapshot) } ?? []
            let exceptions = applies == .false ? [] : norm.exceptions.map { outcome($0, norm: norm.id, evaluator: evaluator, snapshot: snapshot) }
            return NormAssessment(applies: applies, failures: failures, holding: exceptions.first { $0.holds == .true }.map(Self.named),
                                  exceptionsFail: exceptions.allSatisfy { $0.holds == .false },
                                  openExceptions: exceptions.filter { $0.holds == .unknown }.map(Self.named))
        }
    }

    /// Why a channel is clear under a posture, norm by norm, for each recipient (`Ground`): the
    /// obligations that engage (their condition holds or may hold), whether each binds or is
    /// excepted; and every restriction, with the reason it does not forbid the disclosure (not
    /// binding on the date, its condition fails, an exception holds). A legal team files a clear
    /// verdict with its grounds as it files a conflict with its findings. Grounds the same for
    /// every recipient are given once, without a recipient.
    ///
    /// - Parameter assessments: per recipient of the channel, `assessments(of:)`.
    func grounds(of slots: [PreparedSlot], assessments: [[NormAssessment?]], posture: Posture, asOf: LegalDate) -> [Ground] {
        let binding = binding(on: asOf, posture: posture)
        var perSlot: [[Ground]] = []
        for (prepared, assessed) in zip(slots, assessments) {
            var grounds: [Ground] = []
            for (index, norm) in encoding.checkedNorms.enumerated() {
                guard let assessment = assessed[index] else { continue }
                let outcome: Ground.Outcome
                let reasons: [String]
                if !binding[index] {
                    (outcome, reasons) = (.notBinding, [statusText(norm.provisionID, asOf: asOf)])
                } else if assessment.applies == .false {
                    (outcome, reasons) = (.notApplicable, assessment.failures)
                } else if let holding = assessment.holding {
                    (outcome, reasons) = (.excepted, [holding])
                } else if assessment.applies == .true && assessment.exceptionsFail {
                    (outcome, reasons) = (norm.modality == .obligation ? .obliges : .forbids, [])
                } else {
                    (outcome, reasons) = (.open, assessment.failures + assessment.openExceptions.map { "unknown whether \($0) holds" })
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
