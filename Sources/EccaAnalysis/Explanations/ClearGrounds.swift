import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// What a checked norm comes to for one check's facts, whatever the posture: worked out once
    /// per recipient and shared by the postures, which differ only in what binds.
    struct NormAssessment {
        /// The condition's truth.
        var applies: Truth
        /// Why the condition fails or may fail (empty when it holds, and when the norm binds under
        /// none of the postures analysed: its ground then gives only its status).
        var failures: [String]
        /// The first exception that holds: its place among the norm's exceptions, and its name.
        var holding: (index: Int, name: String)?
        /// Every exception fails.
        var exceptionsFail: Bool
        /// Why each exception that may hold is open: its name, each with the facts of the request left open that
        /// it turns on ("whether it does depends on model.systemic-risk-designated, …"), if any.
        var openExceptions: [String]
    }

    /// The assessments of every checked norm for one recipient (`encoding.checkedNorms` order); nil
    /// for an obligation that does not engage, unless the request invokes it by its legal basis
    /// (`invokes`): most of a regulation obliges nothing for a request.
    /// Truths come from the compiled conditions; the evaluator walks a condition only to say why
    /// it fails, and only for a norm that binds on `asOf` under one of the postures analysed.
    func assessments(of prepared: PreparedSlot, asOf: LegalDate) -> [NormAssessment?] {
        let truths = compiled.partTruths(atoms: prepared.atomTruths)
        let requested = requestDate(of: prepared, asOf: asOf)
        let bindings = options.postures.map { dated(asOf, requested: requested, $0).binding }
        var explaining: (evaluator: ConditionEvaluator, snapshot: FactSnapshot)?
        func explainer() -> (evaluator: ConditionEvaluator, snapshot: FactSnapshot) {
            if let explaining { return explaining }
            let snapshot = prepared.snapshot
            let known = ConditionEvaluator.Known(compiled: compiled, atoms: prepared.atomTruths, rules: truths.rules)
            let made = (ConditionEvaluator(graph: graph, facts: snapshot, known: known), snapshot)
            explaining = made
            return made
        }
        return encoding.checkedNorms.enumerated().map { index, norm in
            let applies = truths.conditions[index]
            if norm.modality == .obligation && applies == .false && !invokes(index, prepared) { return nil }
            var failures: [String] = []
            // A voluntary norm binds under no posture, but its ground says what it depends on; a
            // norm that does not apply says why whatever its status (`grounds`).
            if applies != .true, let condition = norm.condition,
               applies == .false || bindings.contains(where: { $0[index] })
                || statuses[norm.provisionID]?.asksVoluntarily(on: asOf) == true {
                let (evaluator, snapshot) = explainer()
                failures = failureReasons(condition, evaluator: evaluator, snapshot: snapshot)
            }
            let exceptions = applies == .false ? [] : Array(zip(norm.exceptions, truths.exceptions[index]))
            return NormAssessment(applies: applies, failures: failures,
                                  holding: exceptions.firstIndex { $0.1 == .true }.map { ($0, named(exceptions[$0].0)) },
                                  exceptionsFail: exceptions.allSatisfy { $0.1 == .false },
                                  openExceptions: exceptions.filter { $0.1 == .unknown }.map { exception, _ in
                                      let open = openFactsClause(reading: factsRead(by: exception.condition), in: prepared.snapshot)
                                      return "unknown whether \(named(exception)) holds" + (open.map { "; whether it does \($0)" } ?? "")
                                  })
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
        // The slots are one request's: one request date.
        let requested = slots.first.map { requestDate(of: $0, asOf: asOf) } ?? asOf
        let binding = dated(asOf, requested: requested, posture)
        var perSlot: [[Ground?]] = []
        for (prepared, assessed) in zip(slots, assessments) {
            var grounds: [Ground?] = []
            let bound: Set<String> = if case .set(let listed) = prepared.value(of: FactBinding.FactID.requestInstruments) { listed } else { [] }
            for (index, norm) in encoding.checkedNorms.enumerated() {
                guard let assessment = assessed[index], addressedOnly[index].map(bound.contains) ?? true else {
                    grounds.append(nil)
                    continue
                }
                let outcome: Ground.Outcome
                let reasons: [String]
                var readings: [OtherReading] = []
                if assessment.applies == .false {
                    // Before its status: a rule whose condition fails for the item would not reach
                    // it on any date, and "does not bind" (not yet in force) would read as if it
                    // would (a letter to another provider, lawyer's review). A voluntary measure
                    // the request invokes but whose condition fails asks nothing either.
                    // On a wider reading of a rule it reads it might: said with it, where it binds.
                    readings = binding.binding[index] ? widerReadings(of: norm, snapshot: prepared.snapshot) : []
                    (outcome, reasons) = (.notApplicable, assessment.failures + readings.map(\.statement))
                } else if statuses[norm.provisionID]?.asksVoluntarily(on: asOf) == true {
                    // The facts left open, if any (the provider may not have signed the chapter).
                    (outcome, reasons) = (.voluntary, assessment.applies == .true ? [] : assessment.failures)
                } else if engages(index, prepared, binding: binding) {
                    // On another reading of the law it may not engage: said with it.
                    readings = norm.otherReadings.isEmpty ? [] : otherReadings(of: norm, evaluator: ConditionEvaluator(graph: graph, facts: prepared.snapshot),
                                                                               snapshot: prepared.snapshot)
                    (outcome, reasons) = (norm.modality == .obligation ? .obliges : .forbids, readings.map(\.statement))
                } else if !binding.binding[index] {
                    (outcome, reasons) = (.notBinding, [binding.statusTexts[index] ?? ""])
                } else if let holding = assessment.holding {
                    // On a wider reading of a rule the exception reads it may fail (a letter's
                    // trusted partner whose employee evaluates on the Commission's behalf): said with it.
                    readings = widerReadings(of: norm, snapshot: prepared.snapshot)
                    (outcome, reasons) = (.excepted, [holding.name] + readings.map(\.statement))
                } else {
                    (outcome, reasons) = (.open, assessment.failures + assessment.openExceptions)
                }
                var ground = groundHeads[index]
                ground.outcome = outcome
                ground.inForceButNotEnforced = outcome == .notBinding && binding.notEnforced[index] ? true : nil
                ground.statusEvidence = outcome == .notBinding ? statuses[norm.provisionID].flatMap { StatusEvidence.weakest($0, posture: posture) } : nil
                ground.recipient = prepared.slot.recipient
                ground.reasons = reasons
                ground.caveats = CaveatIndex.merged(groundCaveats[index].ids(for: outcome, holding: assessment.holding?.index),
                                                    caveats.ids(of: readings.map(\.provision)))
                grounds.append(ground)
            }
            // An obligation the request invokes but that does not engage says why nothing obliges
            // the disclosure; where another obliges it (or may), it is beside the point.
            if grounds.contains(where: { $0.map { $0.modality == Norm.Modality.obligation.rawValue && $0.outcome != .notApplicable } ?? false }) {
                grounds = grounds.map { $0.flatMap { $0.modality == Norm.Modality.obligation.rawValue && $0.outcome == .notApplicable ? nil : $0 } }
            }
            perSlot.append(grounds)
        }
        return Self.merged(perSlot)
    }

    /// Whether checked norm `index` engages on a check's facts under a posture: its provision binds
    /// and its condition holds with every exception failing, so that an obligation obliges the
    /// disclosure and a prohibition forbids it. The one test behind a ground's `obliges` and
    /// `forbids` and a compliant channel's `forbiddenBy`, so that the two never disagree.
    func engages(_ index: Int, _ prepared: PreparedSlot, binding: DatedPosture) -> Bool {
        binding.binding[index] && prepared.normTruths[index] == .true
    }

    /// The provisions whose prohibitions engage (`engages`) on a channel's checks (one per
    /// recipient) under a posture, each once, in norm order; nil where none does. On a compliant
    /// channel these forbid a disclosure that nothing obliges (`ChannelOutcome.forbiddenBy`).
    func forbidding(_ slots: [PreparedSlot], posture: Posture, asOf: LegalDate) -> [String]? {
        // The slots are one request's: one request date.
        guard let first = slots.first else { return nil }
        let binding = dated(asOf, requested: requestDate(of: first, asOf: asOf), posture)
        var provisions: [String] = []
        for (index, provisionID) in prohibitions where !provisions.contains(provisionID) {
            if slots.contains(where: { engages(index, $0, binding: binding) }) { provisions.append(provisionID) }
        }
        return provisions.isEmpty ? nil : provisions
    }

    /// An exception as `ExceptionOutcome.name` names it.
    func named(_ exception: Exception) -> String {
        let provision = exception.provisionID.flatMap { graph.provisions[$0] }
        return ExceptionOutcome.name(label: exception.label, citation: provision?.citation, verified: provision?.citationVerified ?? true)
    }

    /// One list in norm order: a norm's ground once, with no recipient, where every recipient has
    /// the same; otherwise each recipient's.
    ///
    /// - Parameter perSlot: per recipient, per checked norm, its ground (nil: the norm does not engage).
    static func merged(_ perSlot: [[Ground?]]) -> [Ground] {
        func unattributed(_ ground: Ground) -> Ground {
            var copy = ground
            copy.recipient = nil
            return copy
        }
        var merged: [Ground] = []
        for index in (perSlot.first ?? []).indices {
            let grounds = perSlot.compactMap { $0[index] }
            guard let first = grounds.first.map(unattributed) else { continue }
            if grounds.count == perSlot.count && grounds.dropFirst().allSatisfy({ unattributed($0) == first }) {
                merged.append(first)
            } else {
                merged += grounds
            }
        }
        return merged
    }
}
