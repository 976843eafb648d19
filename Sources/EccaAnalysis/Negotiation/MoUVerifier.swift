import ClauseGraph
import EccaFormats
import EccaSMT

extension ConflictEngine {
    /// Searches the MoU's scope for a request that still conflicts on some date of `[from, to]`
    /// (within the MoU's validity), under each posture: the scope and the commitments constrain the
    /// request's facts, every other fact ranges over its whole domain, and Z3 looks for a model in
    /// which an obligation and a prohibition clash. A model becomes a concrete request, which is
    /// then analysed again to confirm it.
    ///
    /// A loaded provider-specific instrument (an is-informed letter) that reaches a model and
    /// provider of the scope, but that the scope does not list, is applied all the same: a letter
    /// binds the company it is addressed to whether or not an MoU lists it, so terms that hold only
    /// without it do not hold. The letters addressed to one provider of the MoU are applied
    /// together, never with another company's; where the scope may also cover providers no such
    /// letter addresses, their requests are covered without them. Under each posture the result
    /// is the first of these that fails, else the first. A warning says what the MoU gives as
    /// written.
    ///
    /// Where the terms hold on ecca's reading of the law, the scope is searched again on each wider
    /// reading of a constitutive rule (`otherReadings(holding:_:from:to:)`): a proof that rests on a
    /// contested reading says what the other one gives.
    public func verify(_ written: MoUDocument, from requestedFrom: LegalDate?, to requestedTo: LegalDate?) throws(AnalysisError) -> MoUVerification {
        let (once, repeated) = Self.withoutRepeatedCommitments(written)
        let (mou, respelled) = lawSpelled(once)
        var result = try verifyOnOneReading(mou, from: requestedFrom, to: requestedTo)
        result.assumptions = respelled + result.assumptions
        result.warnings = repeated + result.warnings
        let readings = try otherReadings(holding: result, mou, from: requestedFrom, to: requestedTo)
        for (index, found) in readings.enumerated() where !found.isEmpty { result.outcomes[index].otherReadings = found }
        return result
    }

    /// `verify` on the law as this engine's graph reads it, letters and warnings included.
    func verifyOnOneReading(_ mou: MoUDocument, from requestedFrom: LegalDate?, to requestedTo: LegalDate?) throws(AnalysisError) -> MoUVerification {
        let asWritten = try verifyAsWritten(mou, from: requestedFrom, to: requestedTo)
        var result = asWritten
        let unlisted = unlistedInstruments(reaching: mou)
        if !unlisted.isEmpty {
            let groups = addressees(of: unlisted, in: mou)
            var cases: [MoUVerification] = []
            for group in groups.letters {
                var listing = mou
                listing.scope.instruments += group
                cases.append(try verifyAsWritten(listing, from: requestedFrom, to: requestedTo))
            }
            if !groups.everyProviderAddressed { cases.append(asWritten) }
            result.outcomes = options.postures.indices.map { index in
                cases.first { !$0.outcomes[index].holds }?.outcomes[index] ?? cases[0].outcomes[index]
            }
            result.assumptions = cases[0].assumptions
            result.caveats = caveats.caveats(for: result.outcomes.flatMap(\.caveats))
            let without = unlisted.count == 1 ? "without it" : "without the \(unlisted.count) loaded instruments the scope does not list"
            let them = unlisted.count == 1 ? "it" : "them"
            for id in unlisted {
                let title = graph.instruments[id]?.title ?? id
                let names = (modelNames[id] ?? []).map { "'\($0)'" }.joined(separator: " or ")
                let reaches = names.isEmpty ? "reaches the provider of the scope" : "applies to the model \(names), which the scope covers"
                result.warnings.append("the loaded instrument \(title) (\(id)) \(reaches), but the scope does not list it; "
                                       + "a letter binds the company it is addressed to whether or not an MoU lists it, so the result applies \(them) "
                                       + "(\(without), as written, the MoU gives \(Self.summary(of: asWritten))); list it with <instrument ref=\"\(id)\"/> in the scope")
            }
        }
        // Under Art. 92 the evaluators are the AI Office's or independent experts it appoints
        // (Art. 92(2)): the provider's own staff are neither, and `cures` never names the provider,
        // but a letter's set of trusted partners may list it (for its own foreign-national staff).
        // Names compared as letters and digits ("Helios AI Inc." is "Helios AI, Inc."); a scope
        // with no legal basis covers Art. 92 too.
        let providers = Set(Self.providers(of: mou).map(Self.comparableName))
        let ownStaff = mou.scope.recipientOrganisations.filter { providers.contains(Self.comparableName($0)) }
        if !ownStaff.isEmpty, mou.scope.legalBases.isEmpty || mou.scope.legalBases.contains(where: { $0.hasPrefix("eu.ai-act.art92") }) {
            result.warnings.append("the scope lists the provider itself (\(ownStaff.joined(separator: ", "))) among the recipients' organisations: "
                                   + "under Art. 92 the evaluators are the AI Office's staff or independent experts it appoints (Art. 92(2)), "
                                   + "not the provider's own; list the other organisations by name")
        }
        // A letter the scope lists for a model it names another way (with look-alike letters,
        // "Оrion-7", or a longer name, "Orion-7b"; one differing only in case, spaces or
        // punctuation is the letter's, `lawSpelled`) applies to none of the scope's requests: a
        // proof that rests on that is no proof.
        for id in mou.scope.instruments {
            guard let names = modelNames[id], !names.isEmpty, !mou.scope.models.isEmpty,
                  !mou.scope.models.contains(where: names.contains) else { continue }
            let title = graph.instruments[id]?.title ?? id
            let quoted = names.map { "'\($0)'" }.joined(separator: " or ")
            for model in mou.scope.models {
                result.warnings.append("the scope lists \(title), which applies to the model \(quoted)"
                                       + Self.mismatch(of: model, as: "the scope's model", names: names))
            }
        }
        result.warnings += nearlyReaching(mou, besides: unlisted)
        return result
    }

    /// Loaded letters the scope does not list that are not applied, though they may bind the
    /// MoU's provider: one naming a model of the scope written another way ("Оrion-7" with a
    /// Cyrillic О for "Orion-7"), or one naming the scope's model but none of the MoU's providers
    /// in its title or ids ("Helios AI Incorporated" for "Helios AI, Inc."). Each is said, not
    /// applied: the name may be mistyped, or the model another company's.
    func nearlyReaching(_ mou: MoUDocument, besides applied: [String]) -> [String] {
        let scope = mou.scope
        let providers = Self.providers(of: mou)
        var warnings: [String] = []
        for instrument in graph.instruments.values.sorted(by: { $0.id < $1.id })
        where instrument.appliesWhenNamed && !scope.instruments.contains(instrument.id) && !applied.contains(instrument.id) {
            guard let names = modelNames[instrument.id], !names.isEmpty else { continue }
            let quoted = names.map { "'\($0)'" }.joined(separator: " or ")
            let said = "the loaded instrument \(instrument.title) (\(instrument.id)) applies to the model \(quoted)"
            let unapplied = "the scope does not list it and the result does not apply it"
            if scope.models.contains(where: names.contains) {
                guard !providers.isEmpty, !providers.contains(where: { addresses(instrument.id, to: $0) }) else { continue }
                warnings.append("\(said), which the scope covers, but its title and ids name none of the MoU's providers (\(providers.joined(separator: "; "))): \(unapplied); "
                                + "if it is addressed to the MoU's provider, list it with <instrument ref=\"\(instrument.id)\"/> in the scope")
                continue
            }
            for model in scope.models where names.contains(where: { AddressedInstruments.nearlyNames(model, $0) }) {
                warnings.append("\(said), but \(unapplied)" + Self.mismatch(of: model, as: "the scope's model", names: names))
            }
        }
        return warnings
    }

    /// The loaded instruments that apply only where named (is-informed letters), that the scope
    /// does not list, and whose norms name a model the scope covers (or any, where the scope names
    /// none), addressed to a provider the scope or the MoU's provider party names (by their title
    /// or official ids), where they name one.
    func unlistedInstruments(reaching mou: MoUDocument) -> [String] {
        let scope = mou.scope
        let providers = Self.providers(of: mou)
        return graph.instruments.values.filter { instrument in
            guard instrument.appliesWhenNamed, !scope.instruments.contains(instrument.id) else { return false }
            let names = modelNames[instrument.id] ?? []
            let model = scope.models.isEmpty || names.isEmpty || names.contains { scope.models.contains($0) }
            let provider = providers.isEmpty || providers.contains { addresses(instrument.id, to: $0) }
            return model && provider
        }.map(\.id).sorted()
    }

    /// The letters applied together, one group per provider of the MoU they are addressed to (each
    /// letter alone where the MoU names no provider), and whether every provider the MoU can cover
    /// is addressed by some (false where it names none).
    func addressees(of letters: [String], in mou: MoUDocument) -> (letters: [[String]], everyProviderAddressed: Bool) {
        let providers = Self.providers(of: mou)
        guard !providers.isEmpty else { return (letters.map { [$0] }, false) }
        var groups: [[String]] = []
        var everyProvider = true
        for provider in providers {
            let group = letters.filter { addresses($0, to: provider) }
            if group.isEmpty { everyProvider = false } else if !groups.contains(group) { groups.append(group) }
        }
        return (groups, everyProvider)
    }

    /// The providers the scope and the MoU's provider party name, each once (as first written).
    static func providers(of mou: MoUDocument) -> [String] {
        var seen: Set<String> = []
        return (mou.scope.providers + mou.parties.filter { $0.role == "provider" }.map(\.name)).filter { seen.insert(comparableName($0)).inserted }
    }

    /// The requesting authority: the MoU's EU party, else the AI Office.
    static func authority(of mou: MoUDocument) -> String {
        mou.parties.first { $0.role == "eu-authority" }?.name ?? "European Commission (AI Office)"
    }

    /// The names the authority's staff may give as their organisation: those of the scope's
    /// organisations that name the authority, or the authority itself where the scope lists none;
    /// empty where the scope lists organisations and none of them is the authority. A name names
    /// the authority written alike, or written within the other ("European Commission" or "AI
    /// Office" for the party "European Commission (AI Office)"; references to the AI Office are
    /// references to the Commission, Art. 3(47)), compared as letters and digits and at least
    /// eight of them long, so that "Office" names no one.
    static func authorityNames(of mou: MoUDocument) -> [String] {
        let authority = comparableName(authority(of: mou))
        guard !mou.scope.recipientOrganisations.isEmpty else { return [Self.authority(of: mou)] }
        return mou.scope.recipientOrganisations.filter { organisation in
            let name = comparableName(organisation)
            let (shorter, longer) = name.count <= authority.count ? (name, authority) : (authority, name)
            return shorter.count >= 8 && longer.contains(shorter)
        }
    }

    /// "HOLDS under the text posture, COUNTEREXAMPLE under the enforcement posture".
    static func summary(of verification: MoUVerification) -> String {
        verification.outcomes.map { outcome in
            let verdict = outcome.forbidden != nil ? "FORBIDDEN" : !outcome.holds ? "COUNTEREXAMPLE" : "HOLDS"
            return "\(verdict) under the \(outcome.posture.rawValue) posture"
        }.joined(separator: ", ")
    }

    func verifyAsWritten(_ mou: MoUDocument, from requestedFrom: LegalDate?, to requestedTo: LegalDate?) throws(AnalysisError) -> MoUVerification {
        let from = max(requestedFrom ?? mou.validFrom, mou.validFrom)
        let to = min(requestedTo ?? mou.validUntil, mou.validUntil)
        // An empty search space would make every MoU hold: said instead, as unusable input.
        if to < from {
            throw .noRequestInScope(mou: mou.id, reason: "no date from \(requestedFrom ?? mou.validFrom) to \(requestedTo ?? mou.validUntil) lies within the MoU's validity (\(mou.validFrom) to \(mou.validUntil)), so no request lies within the scope and commitments: the terms hold vacuously")
        }
        var outcomes: [MoUVerification.PostureOutcome] = []
        var ruledOut: [MoUVerification.RuledOutValue] = []
        do {
            var terms = try terms(mou, from: from, to: to)
            if let contradicting = try contradictingTerms(terms, mou: mou, from: from, to: to) {
                throw AnalysisError.noRequestInScope(mou: mou.id, reason: "no request lies within the scope and commitments: the terms hold vacuously (\(contradicting))")
            }
            // Values the scope lists that the commitments rule out are covered too.
            terms.ruledOut = try findRuledOut(terms, mou: mou)
            ruledOut = terms.ruledOut.map(\.value)
            let covered = try terms.covered()
            var proof: ProofSolver?
            // Requests of the scope that a prohibition forbids though nothing clashes, by outcome:
            // explained once the scope's constraints are off the solver.
            var forbiddenRequests: [(outcome: Int, request: DisclosureRequest)] = []
            for posture in options.postures {
                let solver = encoding.solver
                try solver.push()
                defer { try? solver.pop() }
                try solver.assert(covered)
                try solver.assert(encoding.posture(posture))
                if try !solver.check(assumptions: [encoding.clash]).satisfiable(verifying: mou.id) {
                    let prover = try proof ?? ProofSolver(engine: self, terms: terms, mou: mou.id, from: from, to: to)
                    proof = prover
                    let basis = try prover.basis(posture: posture)
                    var outcome = MoUVerification.PostureOutcome(posture: posture, holds: true, counterexample: nil, provisions: [], analysis: nil,
                                                                 caveats: basis.caveats, forbidden: nil, grounds: basis.grounds)
                    // No clash; but the MoU commits the provider to every request of its scope.
                    if try solver.check(assumptions: [encoding.forbidden]).satisfiable(verifying: mou.id) {
                        let model = try plausibleModel(covered, from: from, posture: posture, goal: encoding.forbidden) ?? solver.model()
                        forbiddenRequests.append((outcomes.count, try counterexample(from: model, mou: mou)))
                        outcome.ruledOutValue = try terms.ruledOutValue(in: model)
                    }
                    outcomes.append(outcome)
                } else {
                    let model = try plausibleModel(covered, from: from, posture: posture) ?? solver.model()
                    let request = try counterexample(from: model, mou: mou)
                    let date = request.date!
                    var single = self.options
                    single.postures = [posture]
                    let confirm = try ConflictEngine(graph: graph, options: single)
                    let analysis = try confirm.analyze(request, asOf: date, lookingAhead: false)
                    // A counterexample is printed only as `check` reproduces it: one that does not is
                    // a defect of ecca's, said as one, never a verdict on the terms.
                    guard !analysis.findings.isEmpty else {
                        throw AnalysisError.solver(message: "the request found to conflict within the scope does not conflict when analysed (a defect in ecca: please report it with the MoU)", requestID: mou.id)
                    }
                    let provisions = Array(Set(analysis.findings.flatMap { $0.provisions.map(\.id) })).sorted()
                    // The readings of the clashing provisions, the rules applied and the exceptions that failed.
                    outcomes.append(.init(posture: posture, holds: false, counterexample: request, provisions: provisions, analysis: analysis,
                                          caveats: analysis.caveats.map(\.id), forbidden: nil, ruledOutValue: try terms.ruledOutValue(in: model)))
                }
            }
            // The prohibitions that forbid each such request, as `cures` finds them (on this engine,
            // with no scope asserted), and their caveats.
            for (index, request) in forbiddenRequests {
                let posture = outcomes[index].posture
                var provisions: [String] = []
                for slot in itemSlots(request, item: 0, asOf: request.date!) {
                    for found in try forbidding(slot, posture: posture, asOf: request.date!) where !provisions.contains(found.provision) {
                        provisions.append(found.provision)
                    }
                }
                outcomes[index].forbidden = .init(request: request, provisions: provisions)
                outcomes[index].holds = false
                outcomes[index].caveats = CaveatIndex.merged(outcomes[index].caveats, caveats.ids(of: provisions))
            }
        } catch let error as AnalysisError {
            throw error
        } catch {
            throw .solver(message: String(describing: error), requestID: mou.id)
        }
        var assumptions = [
            "the regulations loaded (\(graph.files.count) files, \(graph.provisions.count) provisions); no rule outside them",
            // Each date of the period is judged on the statuses encoded today: a HOLDS under the
            // enforcement posture projects today's non-enforcement to the end of the MoU.
            "statuses as the regulations loaded give them (enforcement postures and is-informed letters as known): a change of enforcement posture or a new is-informed letter during the period is not foreseen",
            "dates from \(from) to \(to) (the MoU's validity is \(mou.validFrom) to \(mou.validUntil))",
            "facts the scope and commitments do not fix range over all their values (for example Code of Practice chapters, recipient roles, placement on the market)",
            "one item and one recipient per request: a request with several is covered when each of its items and recipients is",
        ]
        if mou.scope.instruments.isEmpty {
            assumptions.append("no provider-specific instrument (is-informed letter) applies: the scope names none")
        }
        if mou.commitments.contains(where: { $0.kind == .art78Confidentiality }) {
            assumptions.append("Art. 78 confidentiality binds the Commission and changes no US-law outcome")
        }
        // The scope pins this fact (`MoUTerms`): said where a claim committed to reads it.
        let claimed = Set(mou.commitments.compactMap(\.provision))
        if graph.conditionSites.contains(where: { site in
            claimed.contains(site.provisionID) && site.condition.facts.contains(FactBinding.FactID.derivedFromPublishedGiven)
        }) {
            assumptions.append("the requests do not say whether the model is derived from a published model: a committed claim of ECCN 4E091 Note 1 is the provider's to establish, as in a request that claims it")
        }

        return MoUVerification(mou: mou.id, from: from, to: to, outcomes: outcomes, assumptions: assumptions, ruledOut: ruledOut,
                               caveats: caveats.caveats(for: outcomes.flatMap(\.caveats)))
    }

    /// What a proof that no request of an MoU's scope clashes rests on. Each constitutive rule's
    /// definition, each checked norm's status (that its provision binds on the date under the
    /// posture) and each commitment is asserted under a literal of its own; a minimal set of those
    /// that still excludes a clash (an unsat core made minimal by deletion) names the commitments,
    /// rules and statuses the result depends on: that API access and a US-hosted enclave release no parameters
    /// (the rule of 15 CFR 734.13), that the AI Diffusion rule does not bind under the enforcement
    /// posture (its instrument's status). Exceptions that hold for every request of the scope
    /// where their norm or rule could otherwise apply are relied on too (4E091 Note 1 where an
    /// exception-claim commits to it), with the commitment that claims them.
    struct ProofSolver {
        let engine: ConflictEngine
        let solver: SMTSolver
        let mou: String
        let terms: MoUTerms
        /// The period searched, for the status grounds.
        let from: LegalDate
        let to: LegalDate
        /// Per definition of `encoding.definitions`, its literal: the rule's definition, or the
        /// norm's status; then one per commitment of `terms`.
        let literals: [SMTTerm]

        init(engine: ConflictEngine, terms: MoUTerms, mou: String, from: LegalDate, to: LegalDate) throws {
            self.engine = engine
            self.from = from
            self.to = to
            self.mou = mou
            self.terms = terms
            let encoding = engine.encoding
            let context = encoding.context
            solver = try SMTSolver(context: context)
            if let timeout = engine.options.timeoutMilliseconds, timeout > 0 { try solver.setTimeout(milliseconds: timeout) }
            try solver.setParameter("arith.propagation_mode", .uint(0))
            let defined = Set(encoding.definitions.map(\.assertion))
            for (index, assertion) in encoding.baseAssertions.enumerated() where !defined.contains(index) { try solver.assert(assertion) }
            var literals: [SMTTerm] = []
            for definition in encoding.definitions {
                if let norm = definition.norm {
                    // Active only where its condition holds and no exception does; only where it
                    // binds, under the literal.
                    let literal = try context.bool("proof:status:\(definition.id)")
                    try solver.assert(context.implies(norm.active, norm.rest))
                    try solver.assert(context.implies(context.and(norm.binds, norm.rest), norm.active))
                    try solver.assert(context.implies(literal, context.implies(norm.active, norm.binds)))
                    literals.append(literal)
                } else {
                    let literal = try context.bool("proof:rule:\(definition.id)")
                    try solver.assert(context.implies(literal, encoding.baseAssertions[definition.assertion]))
                    literals.append(literal)
                }
            }
            let commitments = try terms.commitments.indices.map { try context.bool("proof:commitment:\($0)") }
            try solver.assert(terms.covered(enabled: commitments))
            self.literals = literals + commitments
        }

        private func unsat(_ assumed: [SMTTerm]) throws -> Bool { try !solver.check(assumptions: assumed).satisfiable(verifying: mou) }

        /// The grounds of the proof under `posture`, and the caveat ids of their provisions.
        func basis(posture: Posture) throws -> (caveats: [String], grounds: [MoUVerification.Ground]) {
            let encoding = engine.encoding
            let context = encoding.context
            let graph = engine.graph
            let stance = try encoding.posture(posture)
            guard try unsat([stance, encoding.clash] + literals) else { return ([], []) }
            // What keeps every request of the scope from clashing, and, where none is forbidden,
            // what keeps each from being forbidden: a HOLDS under the enforcement posture rests on a
            // prohibition not being enforced, and said nothing of it (negotiation audit 2).
            var core: [Int] = []
            for goal in [encoding.clash, encoding.forbidden] {
                guard try unsat([stance, goal] + literals) else { continue }
                let found = try minimalUnsatisfiable(try solver.unsatCore().compactMap { literals.firstIndex(of: $0) }.sorted()) {
                    try unsat([stance, goal] + $0.map { literals[$0] })
                }
                core += found.filter { !core.contains($0) }
            }
            var ids: [String] = []
            var grounds: [MoUVerification.Ground] = []
            func add(_ more: [String]) {
                for id in more where !ids.contains(id) { ids.append(id) }
            }
            func ground(_ provision: String?, _ source: String, _ reason: String) {
                let new = MoUVerification.Ground(provision: provision, source: source, reason: reason)
                if !grounds.contains(new) { grounds.append(new) }
            }
            func citation(_ provision: String) -> String { graph.inlineCitation(of: provision) }
            // The commitments the proof needs, as the MoU words them.
            let definitions = encoding.definitions.count
            for index in core where index >= definitions {
                let commitment = terms.commitments[index - definitions]
                ground(nil, commitment.name, "the proof needs it: \"\(commitment.text)\"")
            }
            // An exception that holds for every request of the scope, where what it defeats could
            // otherwise apply; with the commitment that claims it, if one does.
            func relied(_ exceptions: [Exception], otherwise applies: SMTTerm) throws -> [String] {
                guard !exceptions.isEmpty, try !unsat([stance, applies] + literals) else { return [] }
                var provisions: [String] = []
                for exception in exceptions {
                    guard let provision = exception.provisionID,
                          try unsat([stance, context.not(encoding.term(exception.condition))] + literals) else { continue }
                    provisions.append(provision)
                    let claimed = terms.commitments.filter { $0.claims.contains(provision) }.map(\.name)
                    let licensed = terms.commitments.filter(\.licence).map(\.name)
                    var reason = "holds for every request of the scope: \(exception.label)"
                    if !claimed.isEmpty {
                        reason += "; claimed under \(ProseList.joined(claimed)): that its conditions are met is the exporter's to establish"
                    } else if !licensed.isEmpty, exception.condition.facts.contains("item.licence-held") {
                        reason += "; held under \(ProseList.joined(licensed)): the licence must be granted and cover each disclosure"
                    }
                    ground(provision, citation(provision), reason)
                }
                return provisions
            }
            for (index, definition) in encoding.definitions.enumerated() {
                if let norm = definition.norm {
                    guard let checked = encoding.checkedNorms.first(where: { $0.id == definition.id }) else { continue }
                    if core.contains(index) {
                        add(engine.caveats.instrumentIDs(of: checked.provisionID))
                        let binding = stride(from: from.dayNumber, through: to.dayNumber, by: 1)
                            .filter { engine.binds(checked.provisionID, on: LegalDate(dayNumber: $0), posture: posture) }
                        let when = binding.isEmpty ? "on no date of the period"
                            : "only from \(LegalDate(dayNumber: binding.first!)) to \(LegalDate(dayNumber: binding.last!))"
                        ground(checked.provisionID, citation(checked.provisionID),
                               "its status: under the \(posture.rawValue) posture it binds \(when)" + StatusEvidence.resting(engine.statuses[checked.provisionID] ?? graph.effectiveStatus(ofProvision: checked.provisionID), posture: posture))
                    }
                    let condition = try checked.condition.map { try encoding.term($0) } ?? context.true
                    add(engine.caveats.ids(of: try relied(checked.exceptions, otherwise: context.and(norm.binds, condition))))
                } else if core.contains(index), let rule = graph.rules[definition.id] {
                    add(engine.caveats.ids(of: [rule.provisionID]))
                    ground(rule.provisionID, citation(rule.provisionID), "its rule as ecca reads it: \(rule.label)")
                    add(engine.caveats.ids(of: try relied(rule.exceptions, otherwise: encoding.term(rule.condition))))
                }
            }
            return (ids, grounds)
        }
    }

    /// Among the clashing requests of the scope, one that reads like a real request: recipients of
    /// one nationality sitting where they are nationals, in an EU member state, a US provider, a
    /// model placed on the market after the GPAI rules applied. Soft preferences only: nil if the
    /// optimizer cannot say.
    /// - Parameter goal: what the request must do: clash (a counterexample), or be forbidden.
    /// - Parameter covered: the requests the MoU covers (`MoUTerms.covered`); `from` the first day searched.
    func plausibleModel(_ covered: SMTTerm, from: LegalDate, posture: Posture, goal: SMTTerm? = nil) throws -> SMTModel? {
        let context = encoding.context
        let optimizer = try SMTOptimizer(context: context)
        if let timeout = options.timeoutMilliseconds, timeout > 0 { try optimizer.setTimeout(milliseconds: timeout) }
        for assertion in encoding.baseAssertions { try optimizer.assert(assertion) }
        try optimizer.assert(covered)
        try optimizer.assert(encoding.posture(posture))
        try optimizer.assert(goal ?? encoding.clash)
        func prefer(_ term: SMTTerm?) throws {
            if let term { try optimizer.assertSoft(term, weight: 1, group: "plausible") }
        }
        let eu = graph.sets["eu.member-states"]?.members ?? []
        if let location = encoding.scalars["recipient.location"], let latest = encoding.scalars["recipient.latest-citizenship"] {
            try prefer(context.eq(location, latest))
        }
        // The most recent citizenship is one of the person's nationalities, as for most people.
        var citizenOf: [SMTTerm] = []
        for (element, literal) in encoding.memberLiterals(of: "recipient.nationalities") {
            if let isLatest = try encoding.constraints(fact: "recipient.latest-citizenship", value: .scalar(element)).first {
                citizenOf.append(try context.implies(isLatest, literal))
            }
        }
        if !citizenOf.isEmpty { try prefer(context.and(citizenOf)) }
        // An organisation the law does not name, where the scope leaves it open: a named one (a
        // letter's partner, another provider) reads as a request of another kind.
        if let organisation = encoding.scalars["recipient.organisation"], let sort = encoding.scalarSorts["recipient.organisation"],
           let other = sort.valueNames.firstIndex(of: RegulationEncoding.otherValue) {
            try prefer(context.eq(organisation, sort.values[other]))
        }
        for fact in ["recipient.location", "recipient.latest-citizenship"] where !eu.isEmpty {
            try prefer(encoding.constraints(fact: fact, value: .oneOf(eu)).first)
        }
        try prefer(encoding.constraints(fact: "recipient.headquarters", value: .scalar("BE")).first)
        // Natural persons rather than a government body: a request cannot give a body's recipient
        // nationalities (they describe a person), so a body is the witness only where persons are not.
        if let body = encoding.booleans["recipient.government-body"] { try prefer(context.not(body)) }
        if let entity = encoding.booleans["recipient.incorporated-in-given"] { try prefer(context.not(entity)) }
        try prefer(encoding.constraints(fact: "provider.established-in", value: .scalar("US")).first)
        try prefer(encoding.constraints(fact: "item.hosting-location", value: .scalar("US")).first)
        // Placed on the market on or after the last day on which a comparison of the placing
        // changes (Art. 111(3): 2 August 2025), so the witness is no legacy model whatever the
        // comparator; and not after the MoU's start.
        if let placed = encoding.dates["model.placed-on-eu-market"] {
            let switches = graph.comparisons(of: "model.placed-on-eu-market").flatMap(\.switchDays)
            if let latest = switches.max() { try prefer(context.ge(placed, context.int(value: latest.dayNumber))) }
            try prefer(context.le(placed, context.int(value: from.dayNumber)))
        }
        guard try optimizer.check() == .sat else { return nil }
        return try optimizer.model()
    }

    /// A concrete request from a model of the scope: every fact the rules read is set explicitly,
    /// so that `ecca check` reproduces the clash without depending on defaults.
    func counterexample(from model: SMTModel, mou: MoUDocument) throws -> DisclosureRequest {
        func scalar(_ fact: String) throws -> String? {
            guard let term = encoding.scalars[fact], let sort = encoding.scalarSorts[fact],
                  let value = try model.evalEnum(term, sort: sort), value != RegulationEncoding.otherValue else { return nil }
            return value
        }
        func flag(_ fact: String) throws -> Bool? {
            guard let term = encoding.booleans[fact] else { return nil }
            return try model.evalBool(term)
        }
        func date(_ fact: String) throws -> LegalDate? {
            guard let term = encoding.dates[fact], let day = try model.evalInt(term) else { return nil }
            return LegalDate(dayNumber: day)
        }
        func elements(_ fact: String) throws -> [String] {
            var result: [String] = []
            for (element, literal) in encoding.memberLiterals(of: fact) where try model.evalBool(literal) == true {
                result.append(element)
            }
            return result
        }
        let asOf = try date("as-of") ?? mou.validFrom
        // The latest citizenship is added to the nationalities only where the law loaded does not
        // tell them apart (no rule tests that nationality): where it does, the model's answer
        // stands, since adding it could change the verdict (re-audit: a US latest citizenship
        // added to no nationality made a US national, whom `check` found clear).
        let latest = try scalar("recipient.latest-citizenship") ?? "FR"
        var nationalities = try elements("recipient.nationalities")
        if !nationalities.contains(latest), encoding.members["recipient.nationalities"]?[latest] == nil { nationalities.append(latest) }
        let authority = Self.authority(of: mou)
        // An organisation the law does not name: one the scope lists, where it lists any, so that
        // the counterexample is inside the draft (an unlisted "Evaluation team" could be dismissed
        // as outside it); one the law loaded does not name either, so `check` reads it alike.
        let named = Set(encoding.scalarSorts["recipient.organisation"]?.valueNames ?? [])
        // A member of the authority's staff belongs to the authority, as the scope's terms require
        // (`MoUTerms`): the wider reading of 50 U.S.C. 4801(5) reads such a member by the authority.
        var role = try scalar("recipient.role")
        let authorityNames = Self.authorityNames(of: mou)
        let staffOrganisation = role == "authority-staff" ? authorityNames.first ?? authority : nil
        let organisation = try scalar("recipient.organisation") ?? staffOrganisation
            ?? mou.scope.recipientOrganisations.first { !named.contains($0) } ?? "Evaluation team"
        // A government body has no nationalities, citizenship or residency: a request that gave
        // them beside the flag is refused by `check` (they describe a person).
        let body = try flag("recipient.government-body") ?? false
        // A company given by where it is incorporated is tested as the entity, and has no persons
        // either; where the model leaves the country to those the law does not name, any such one.
        var incorporatedIn: String?
        if try flag("recipient.incorporated-in-given") == true {
            let named = Set(encoding.scalarSorts["recipient.incorporated-in"]?.valueNames ?? [])
            incorporatedIn = try scalar("recipient.incorporated-in") ?? ["GB", "CH", "CA"].first { !named.contains($0) }
        }
        let entity = body || incorporatedIn != nil
        // A role the organisation contradicts (the provider's staff at another organisation; the
        // authority's, which the scope's terms rule out) is "other" (negotiation audit). The
        // request is analysed again before it is printed, so a changed role cannot make a
        // counterexample `check` does not reproduce.
        // A letter binds the company it is addressed to: a request that lists letters is that of
        // an MoU provider they are addressed to, where the MoU names one.
        let instruments = try elements("request.instruments")
        let party = mou.parties.first { $0.role == "provider" }?.name
        let provider = instruments.isEmpty ? party
            : Self.providers(of: mou).first { name in instruments.allSatisfy { addresses($0, to: name) } } ?? party
        if (role == "authority-staff" && organisation != authority && !authorityNames.contains(organisation))
            || (role == "provider-staff" && organisation != provider) { role = "other" }
        let recipient = DisclosureRequest.Recipient(
            organisation: organisation,
            nationalities: entity ? nil : nationalities, location: try scalar("recipient.location"),
            headquarters: try scalar("recipient.headquarters"), latestCitizenship: entity ? nil : latest,
            usPermanentResident: entity ? nil : try flag("recipient.us-permanent-resident") ?? false,
            governmentBody: body, incorporatedIn: incorporatedIn, role: role)
        var licences = try elements("item.claims")
        if try flag("item.licence-held") == true { licences.append("BIS licence (as committed in \(mou.id))") }
        let item = DisclosureRequest.Item(id: "counterexample", artifact: try scalar("item.artifact") ?? "weights",
                                          channel: try scalar("item.channel") ?? "transfer", recipients: [recipient],
                                          licences: licences.isEmpty ? nil : licences,
                                          hostingLocation: try flag(FactBinding.FactID.hostingLocationGiven) == false ? nil : try scalar("item.hosting-location"))
        let basis = try scalar("request.legal-basis")
        return DisclosureRequest(
            id: "\(mou.id)-counterexample",
            date: asOf,
            requester: .init(authority: authority, jurisdiction: "EU", legalBasis: basis),
            provider: .init(name: provider, establishedIn: try scalar("provider.established-in"),
                            codeOfPractice: try elements("provider.code-of-practice")),
            model: .init(name: try scalar("model.name") ?? mou.scope.models.first, trainingCompute: try computeFigures(model, scope: mou.scope),
                         weightsPublished: try flag("model.weights-published"),
                         weightsPublishedWithoutRestriction: try flag("model.weights-published-unrestricted"),
                         openSourceLicence: try flag("model.open-source-licence"),
                         architectureAndUsagePublished: try flag("model.architecture-and-usage-published"),
                         systemicRiskDesignated: try flag("model.systemic-risk-designated"),
                         derivedFromPublishedModel: try flag(FactBinding.FactID.derivedFromPublishedGiven) == true
                             ? try flag("model.derived-from-published") : nil,
                         placedOnEUMarket: try date("model.placed-on-eu-market")),
            items: [item],
            instruments: instruments.nilIfEmpty)
    }

    /// Compute figures, one per unit, chosen among exact decimals around the thresholds so that each
    /// threshold compares as it does in the model (Z3's value may be any rational).
    /// - Parameter scope: its compute range, which the figure in its unit stays within: a
    ///   counterexample outside the scope would be no counterexample to the MoU.
    func computeFigures(_ model: SMTModel, scope: MoUDocument.Scope) throws -> [DisclosureRequest.Compute]? {
        guard let perUnit = encoding.quantities["model.training-compute"] else { return nil }
        let thresholds = computeThresholds()
        var figures: [DisclosureRequest.Compute] = []
        var chosen: [String: ExactDecimal] = [:]
        // The unit the scope bounds first, so that the other is chosen beside it: a FLOP minimum
        // chosen after the operations figure found no FLOP figure at or under it, and the
        // counterexample gave operations alone, below the scope (re-audit).
        let units = scope.computeUnit == "FLOP" ? ["FLOP", "operations"] : ["operations", "FLOP"]
        for unit in units where perUnit[unit] != nil {
            let atoms = thresholds.filter { $0.comparison.unit == unit }
            let (low, high) = scope.computeUnit == unit ? (scope.computeMin, scope.computeMax) : (nil, nil)
            var candidates: [ExactDecimal] = [.zero]
            for atom in atoms {
                guard let value = atom.comparison.number else { continue }
                candidates += [value, value.neighbours.below, value.neighbours.above]
            }
            // Every FLOP is an operation: the FLOP figure is at most the operations figure, the
            // operations figure at least the FLOP one, each as close to the other as the law's
            // thresholds allow (a FLOP count of 0 reads as filler).
            let upper = unit == "FLOP" ? chosen["operations"] : nil
            let lower = unit == "operations" ? chosen["FLOP"] : nil
            candidates += [low, high, upper, lower].compactMap { $0 }
            candidates.append(ExactDecimal("1e30")!)
            var wanted: [Bool] = []
            for atom in atoms { wanted.append(try model.evalBool(try encoding.term(.compare(atom.comparison))) ?? false) }
            // A figure exactly at a threshold rests on its comparator, which may be in doubt
            // (4E091's "10^26 or more"), and 0 reads as filler: a neighbour of the threshold is
            // chosen first, where one compares the same way (negotiation audit 12).
            let thresholdValues = atoms.compactMap(\.comparison.number)
            let odd = { (candidate: ExactDecimal) in candidate == .zero || thresholdValues.contains(candidate) }
            let sorted = upper == nil ? candidates.sorted() : candidates.sorted().reversed()
            let ordered = sorted.filter { !odd($0) } + sorted.filter(odd)
            let pick = ordered.first { candidate in
                if let upper, upper < candidate { return false }
                if let lower, candidate < lower { return false }
                if let low, candidate < low { return false }
                if let high, high < candidate { return false }
                return zip(atoms, wanted).allSatisfy { atom, truth in
                    CompiledAtom.compare(lower: candidate, upper: candidate, atom.comparison.op, atom.comparison.number!) == (truth ? .true : .false)
                }
            }
            guard let pick else { continue }
            chosen[unit] = pick
            figures.append(.init(value: pick, unit: unit == "FLOP" ? .flop : .operations))
        }
        return figures.isEmpty ? nil : figures
    }
}

extension Array {
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
