import ClauseGraph
import EccaFormats
import EccaSMT

extension ConflictEngine {
    /// Searches the MoU's scope for a request that still conflicts on some date of `[from, to]`
    /// (within the MoU's validity), under each posture: the scope and the commitments constrain the
    /// request's facts, every other fact ranges over its whole domain, and Z3 looks for a model in
    /// which an obligation and a prohibition clash. A model becomes a concrete request, which is
    /// then analysed again to confirm it.
    public func verify(_ mou: MoUDocument, from requestedFrom: LegalDate?, to requestedTo: LegalDate?) throws(AnalysisError) -> MoUVerification {
        let from = max(requestedFrom ?? mou.validFrom, mou.validFrom)
        let to = min(requestedTo ?? mou.validUntil, mou.validUntil)
        // An empty search space would make every MoU hold: said instead, as unusable input.
        if to < from {
            throw .noRequestInScope(mou: mou.id, reason: "no date from \(requestedFrom ?? mou.validFrom) to \(requestedTo ?? mou.validUntil) lies within the MoU's validity (\(mou.validFrom) to \(mou.validUntil)), so no request lies within the scope and commitments: the terms hold vacuously")
        }
        var outcomes: [MoUVerification.PostureOutcome] = []
        do {
            if let contradicting = try contradictingTerms(mou, from: from, to: to) {
                throw AnalysisError.noRequestInScope(mou: mou.id, reason: "no request lies within the scope and commitments: the terms hold vacuously (\(contradicting))")
            }
            var proof: ProofSolver?
            // Requests of the scope that a prohibition forbids though nothing clashes, by outcome:
            // explained once the scope's constraints are off the solver.
            var forbiddenRequests: [(outcome: Int, request: DisclosureRequest)] = []
            for posture in options.postures {
                let solver = encoding.solver
                try solver.push()
                defer { try? solver.pop() }
                for constraint in try scopeConstraints(mou, from: from, to: to) { try solver.assert(constraint) }
                try solver.assert(encoding.posture(posture))
                switch try solver.check(assumptions: [encoding.clash]) {
                case .unsat:
                    let prover = try proof ?? ProofSolver(engine: self, scope: scopeConstraints(mou, from: from, to: to), mou: mou.id)
                    proof = prover
                    // No clash; but the MoU commits the provider to every request of its scope.
                    if case .sat = try solver.check(assumptions: [encoding.forbidden]) {
                        let model = try plausibleModel(mou, from: from, to: to, posture: posture, goal: encoding.forbidden) ?? solver.model()
                        forbiddenRequests.append((outcomes.count, try counterexample(from: model, mou: mou)))
                    }
                    outcomes.append(.init(posture: posture, holds: true, counterexample: nil, provisions: [], analysis: nil,
                                          caveats: try prover.caveats(posture: posture), forbidden: nil))
                case .unknown(let reason):
                    throw AnalysisError.solver(message: "the search did not finish: \(reason)", requestID: mou.id)
                case .sat:
                    let model = try plausibleModel(mou, from: from, to: to, posture: posture) ?? solver.model()
                    let request = try counterexample(from: model, mou: mou)
                    let date = request.date!
                    var single = self.options
                    single.postures = [posture]
                    let confirm = try ConflictEngine(graph: graph, options: single)
                    let analysis = try confirm.analyze(request, asOf: date)
                    let provisions = Array(Set(analysis.findings.flatMap { $0.provisions.map(\.id) })).sorted()
                    // The readings of the clashing provisions, the rules applied and the exceptions that failed.

                    outcomes.append(.init(posture: posture, holds: false, counterexample: request, provisions: provisions, analysis: analysis,
                                          caveats: analysis.caveats.map(\.id), forbidden: nil))
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
                outcomes[index].caveats = CaveatIndex.merged(outcomes[index].caveats, caveats.ids(of: provisions))
            }
        } catch let error as AnalysisError {
            throw error
        } catch {
            throw .solver(message: String(describing: error), requestID: mou.id)
        }
        var assumptions = [
            "the regulations loaded (\(graph.files.count) files, \(graph.provisions.count) provisions); no rule outside them",
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

        return MoUVerification(mou: mou.id, from: from, to: to, outcomes: outcomes, assumptions: assumptions,
                               caveats: caveats.caveats(for: outcomes.flatMap(\.caveats)))
    }

    /// The readings a proof that no request of an MoU's scope clashes rests on. Each constitutive
    /// rule's definition, and each checked norm's status (that its provision binds on the date
    /// under the posture), is asserted under a literal of its own; a minimal set of those that
    /// still excludes a clash (an unsat core made minimal by deletion) names the rules and
    /// statuses the result depends on: that API access and a US-hosted enclave release no parameters (the
    /// rule of 15 CFR 734.13), that the AI Diffusion rule does not bind under the enforcement
    /// posture (its instrument's status). Exceptions that hold for every request of the scope
    /// where their norm or rule could otherwise apply are relied on too (License Exception AIA
    /// where AIA is certified).
    struct ProofSolver {
        let engine: ConflictEngine
        let solver: SMTSolver
        let mou: String
        /// Per definition of `encoding.definitions`, its literal: the rule's definition, or the
        /// norm's status.
        let literals: [SMTTerm]

        init(engine: ConflictEngine, scope: [SMTTerm], mou: String) throws {
            self.engine = engine
            self.mou = mou
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
            self.literals = literals
            for constraint in scope { try solver.assert(constraint) }
        }

        private func unsat(_ assumed: [SMTTerm]) throws -> Bool {
            switch try solver.check(assumptions: assumed) {
            case .unsat: return true
            case .sat: return false
            case .unknown(let reason): throw AnalysisError.solver(message: "the search did not finish: \(reason)", requestID: mou)
            }
        }

        /// The caveat ids of the provisions the proof under `posture` rests on.
        func caveats(posture: Posture) throws -> [String] {
            let encoding = engine.encoding
            let context = encoding.context
            let graph = engine.graph
            let stance = try encoding.posture(posture)
            guard try unsat([stance, encoding.clash] + literals) else { return [] }
            let core = try minimalUnsatisfiable(try solver.unsatCore().compactMap { literals.firstIndex(of: $0) }.sorted()) {
                try unsat([stance, encoding.clash] + $0.map { literals[$0] })
            }
            var ids: [String] = []
            func add(_ more: [String]) {
                for id in more where !ids.contains(id) { ids.append(id) }
            }
            // An exception that holds for every request of the scope, where what it defeats could
            // otherwise apply.
            func relied(_ exceptions: [Exception], otherwise applies: SMTTerm) throws -> [String] {
                guard !exceptions.isEmpty, try !unsat([stance, applies] + literals) else { return [] }
                var provisions: [String] = []
                for exception in exceptions {
                    guard let provision = exception.provisionID else { continue }
                    if try unsat([stance, context.not(encoding.term(exception.condition))] + literals) { provisions.append(provision) }
                }
                return provisions
            }
            for (index, definition) in encoding.definitions.enumerated() {
                if let norm = definition.norm {
                    guard let checked = encoding.checkedNorms.first(where: { $0.id == definition.id }) else { continue }
                    if core.contains(index) { add(engine.caveats.instrumentIDs(of: checked.provisionID)) }
                    let condition = try checked.condition.map { try encoding.term($0) } ?? context.true
                    add(engine.caveats.ids(of: try relied(checked.exceptions, otherwise: context.and(norm.binds, condition))))
                } else if core.contains(index), let rule = graph.rules[definition.id] {
                    add(engine.caveats.ids(of: [rule.provisionID]))
                    add(engine.caveats.ids(of: try relied(rule.exceptions, otherwise: encoding.term(rule.condition))))
                }
            }
            return ids
        }
    }

    /// Among the clashing requests of the scope, one that reads like a real request: recipients of
    /// one nationality sitting where they are nationals, in an EU member state, a US provider, a
    /// model placed on the market after the GPAI rules applied. Soft preferences only: nil if the
    /// optimizer cannot say.
    /// - Parameter goal: what the request must do: clash (a counterexample), or be forbidden.
    func plausibleModel(_ mou: MoUDocument, from: LegalDate, to: LegalDate, posture: Posture, goal: SMTTerm? = nil) throws -> SMTModel? {
        let context = encoding.context
        let optimizer = try SMTOptimizer(context: context)
        if let timeout = options.timeoutMilliseconds, timeout > 0 { try optimizer.setTimeout(milliseconds: timeout) }
        for assertion in encoding.baseAssertions { try optimizer.assert(assertion) }
        for constraint in try scopeConstraints(mou, from: from, to: to) { try optimizer.assert(constraint) }
        try optimizer.assert(encoding.posture(posture))
        try optimizer.assert(goal ?? encoding.clash)
        func prefer(_ term: SMTTerm?) throws {
            if let term { try optimizer.assertSoft(term, weight: 1, group: "plausible") }
        }
        let eu = graph.sets["eu.member-states"]?.members ?? []
        if let location = encoding.scalars["recipient.location"], let latest = encoding.scalars["recipient.latest-citizenship"] {
            try prefer(context.eq(location, latest))
        }
        for fact in ["recipient.location", "recipient.latest-citizenship"] where !eu.isEmpty {
            try prefer(encoding.constraints(fact: fact, value: .oneOf(eu)).first)
        }
        try prefer(encoding.constraints(fact: "recipient.headquarters", value: .scalar("BE")).first)
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

    /// Nil when some request lies within the scope and commitments of an MoU on some date of
    /// `[from, to]`; otherwise which of its terms contradict one another ("the scope and the
    /// us-person-evaluators commitment (line 21) contradict each other"), from an unsat core over
    /// them made minimal.
    func contradictingTerms(_ mou: MoUDocument, from: LegalDate, to: LegalDate) throws -> String? {
        let context = encoding.context
        let solver = encoding.solver
        try solver.push()
        defer { try? solver.pop() }
        let groups = try scopeConstraintGroups(mou, from: from, to: to)
        var literals: [SMTTerm] = []
        for (index, group) in groups.enumerated() {
            let literal = try context.bool("mou-term:\(index)")
            literals.append(literal)
            if !group.constraints.isEmpty { try solver.assert(context.implies(literal, context.and(group.constraints))) }
        }
        func consistent(_ assumed: [SMTTerm]) throws -> Bool {
            switch try solver.check(assumptions: assumed) {
            case .sat: return true
            case .unsat: return false
            case .unknown(let reason): throw AnalysisError.solver(message: "the search did not finish: \(reason)", requestID: mou.id)
            }
        }
        guard try !consistent(literals) else { return nil }
        let unsatCore = try solver.unsatCore().filter { literals.contains($0) }
        let core = try minimalUnsatisfiable(unsatCore.isEmpty ? literals : unsatCore) { try !consistent($0) }
        let names = core.compactMap { literals.firstIndex(of: $0) }.sorted().map { groups[$0].name }
        switch names.count {
        case 0: return "the regulations loaded admit no request"
        case 1: return "\(names[0]) admits no request on its own"
        default: return names.dropLast().joined(separator: ", ") + " and \(names.last!) contradict each other"
        }
    }

    /// The scope and commitments of an MoU as constraints on one request's facts.
    func scopeConstraints(_ mou: MoUDocument, from: LegalDate, to: LegalDate) throws -> [SMTTerm] {
        try scopeConstraintGroups(mou, from: from, to: to).flatMap(\.constraints)
    }

    /// `scopeConstraints` by the term of the MoU they come from: the period, the scope (with the
    /// closure "licences and claims only where committed"), each commitment.
    func scopeConstraintGroups(_ mou: MoUDocument, from: LegalDate, to: LegalDate) throws -> [(name: String, constraints: [SMTTerm])] {
        let context = encoding.context
        var groups: [(name: String, constraints: [SMTTerm])] = []
        var constraints: [SMTTerm] = []
        func oneOf(_ fact: String, _ values: [String]) throws {
            guard !values.isEmpty, let constraint = try encoding.constraints(fact: fact, value: .oneOf(values)).first else { return }
            constraints.append(constraint)
        }
        if let asOf = encoding.dates["as-of"] {
            constraints.append(try context.ge(asOf, context.int(value: from.dayNumber)))
            constraints.append(try context.le(asOf, context.int(value: to.dayNumber)))
        }
        // Whether the model is yet to be placed is read from its placing date and the as-of date.
        for (id, fact) in graph.facts where fact.suppliedBy == FactBinding.Source.placedOnEUMarket.rawValue && fact.type == .boolean {
            if let flag = encoding.booleans[id], let placed = encoding.dates["model.placed-on-eu-market"], let asOf = encoding.dates["as-of"] {
                constraints.append(try context.iff(flag, context.gt(placed, asOf)))
            }
        }
        groups.append(("the period \(from) to \(to)", constraints))
        constraints = []
        let scope = mou.scope
        // An MoU is made with the AI Office: its requests are the Commission's (the counterexample
        // says so).
        constraints += try encoding.constraints(fact: FactBinding.FactID.requesterJurisdiction, value: .scalar("EU"))
        if !scope.legalBases.isEmpty {
            let matches = scope.legalBases.map { Condition.equals(fact: "request.legal-basis", value: $0, at: SourceLocation(file: mou.file, line: 0)) }
            constraints.append(try encoding.term(.any(matches)))
        }
        try oneOf("item.artifact", scope.artifacts)
        try oneOf("item.channel", scope.channels)
        try oneOf("recipient.location", scope.recipientLocations)
        try oneOf("model.name", scope.models)
        if !scope.recipientNationalities.isEmpty {
            // Each recipient's nationalities are among those listed, and so is the latest.
            try oneOf("recipient.latest-citizenship", scope.recipientNationalities)
            for (element, literal) in encoding.memberLiterals(of: "recipient.nationalities") where !scope.recipientNationalities.contains(element) {
                constraints.append(try context.not(literal))
            }
            constraints += try encoding.constraints(fact: "recipient.government-body", value: .boolean(false))
        }
        if let unit = scope.computeUnit {
            let bounds = QuantityBounds(lower: scope.computeMin, upper: scope.computeMax)
            constraints += try encoding.constraints(fact: "model.training-compute", value: .quantity([unit: bounds]))
        }
        if let published = scope.weightsPublished {
            constraints += try encoding.constraints(fact: "model.weights-published", value: .boolean(published))
        }
        // Instruments in force for the provider: those the scope names, and no others.
        constraints += try encoding.constraints(fact: "request.instruments", value: .set(Set(scope.instruments)))
        var claims: Set<String> = []
        var licence = false
        for commitment in mou.commitments {
            var constraints: [SMTTerm] = []
            defer { groups.append(("the \(commitment.kind.rawValue) commitment (line \(commitment.line))", constraints)) }
            switch commitment.kind {
            case .usPersonEvaluators:
                constraints += try encoding.constraints(fact: "recipient.latest-citizenship", value: .scalar("US"))
                constraints += try encoding.constraints(fact: "recipient.government-body", value: .boolean(false))
                for (element, literal) in encoding.memberLiterals(of: "recipient.nationalities") {
                    constraints.append(element == "US" ? literal : try context.not(literal))
                }
            case .usHostedEnclave:
                constraints += try encoding.constraints(fact: "item.channel", value: .scalar("secure-enclave"))
                constraints += try encoding.constraints(fact: "item.hosting-location", value: .scalar("US"))
            case .licenceHeld: licence = true
            case .aiaCertification, .exceptionClaim: if let provision = commitment.provision { claims.insert(provision) }
            case .art78Confidentiality: break
            }
        }
        // Licences and claims hold only where the MoU commits to them (as in a request).
        constraints += try encoding.constraints(fact: "item.licence-held", value: .boolean(licence))
        constraints += try encoding.constraints(fact: "item.claims", value: .set(claims))
        groups.insert(("the scope", constraints), at: 1)
        return groups
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
        let latest = try scalar("recipient.latest-citizenship") ?? "FR"
        var nationalities = try elements("recipient.nationalities")
        if !nationalities.contains(latest) { nationalities.append(latest) }
        let authority = mou.parties.first { $0.role == "eu-authority" }?.name ?? "European Commission (AI Office)"
        let recipient = DisclosureRequest.Recipient(
            organisation: try scalar("recipient.organisation") ?? "Evaluation team",
            nationalities: nationalities, location: try scalar("recipient.location"),
            headquarters: try scalar("recipient.headquarters"), latestCitizenship: latest,
            usPermanentResident: try flag("recipient.us-permanent-resident") ?? false,
            governmentBody: try flag("recipient.government-body") ?? false, role: try scalar("recipient.role"))
        var licences = try elements("item.claims")
        if try flag("item.licence-held") == true { licences.append("BIS licence (as committed in \(mou.id))") }
        let item = DisclosureRequest.Item(id: "counterexample", artifact: try scalar("item.artifact") ?? "weights",
                                          channel: try scalar("item.channel") ?? "transfer", recipients: [recipient],
                                          licences: licences.isEmpty ? nil : licences, hostingLocation: try scalar("item.hosting-location"))
        let basis = try scalar("request.legal-basis")
        return DisclosureRequest(
            id: "\(mou.id)-counterexample",
            date: asOf,
            requester: .init(authority: authority, jurisdiction: "EU", legalBasis: basis),
            provider: .init(name: mou.parties.first { $0.role == "provider" }?.name, establishedIn: try scalar("provider.established-in"),
                            codeOfPractice: try elements("provider.code-of-practice")),
            model: .init(name: try scalar("model.name") ?? mou.scope.models.first, trainingCompute: try computeFigures(model),
                         weightsPublished: try flag("model.weights-published"), openSourceLicence: try flag("model.open-source-licence"),
                         placedOnEUMarket: try date("model.placed-on-eu-market")),
            items: [item],
            instruments: try elements("request.instruments").nilIfEmpty)
    }

    /// Compute figures, one per unit, chosen among exact decimals around the thresholds so that each
    /// threshold compares as it does in the model (Z3's value may be any rational).
    func computeFigures(_ model: SMTModel) throws -> [DisclosureRequest.Compute]? {
        guard let perUnit = encoding.quantities["model.training-compute"] else { return nil }
        let thresholds = computeThresholds()
        var figures: [DisclosureRequest.Compute] = []
        var chosen: [String: ExactDecimal] = [:]
        for unit in ["operations", "FLOP"] where perUnit[unit] != nil {
            let atoms = thresholds.filter { $0.comparison.unit == unit }
            var candidates: [ExactDecimal] = [.zero]
            for atom in atoms {
                guard let value = atom.comparison.number else { continue }
                candidates += [value, value.neighbours.below, value.neighbours.above]
            }
            candidates.append(ExactDecimal("1e30")!)
            var wanted: [Bool] = []
            for atom in atoms { wanted.append(try model.evalBool(try encoding.term(.compare(atom.comparison))) ?? false) }
            let bound = unit == "FLOP" ? chosen["operations"] : nil
            let pick = candidates.sorted().first { candidate in
                if let bound, bound < candidate { return false }
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
