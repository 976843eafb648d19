import ClauseGraph
import EccaFormats
import EccaSMT

/// An MoU's terms as constraints on one request's facts: the period, the scope, and each
/// commitment apart, so that a proof can name the commitments it needs, and a value the scope
/// lists but the commitments rule out is still verified.
///
/// The scope says which requests the MoU covers; the commitments are the provider's promises about
/// how it meets them. Where a commitment cannot hold for a value the scope lists (a `transfer`
/// beside a `us-hosted-enclave` commitment), the scope still lists it: the AI Office may send such
/// a request, and a negotiator reading "holds" believes every listed value was checked. Those
/// requests are therefore verified too, under the commitments they admit (the others are dropped
/// for them), and the value is reported with its line.
struct MoUTerms {
    struct Commitment {
        /// "the us-hosted-enclave commitment (line 17)".
        var name: String
        var kind: MoUDocument.Commitment.Kind
        var line: Int
        var text: String
        var constraints: [SMTTerm]
        /// The exceptions it claims (`item.claims` holds them only where a commitment does).
        var claims: [String]
        /// Whether it makes a licence held (`item.licence-held`, likewise).
        var licence: Bool
    }

    /// A value the scope lists that the commitments rule out, and the commitments that requests
    /// with it keep (a maximal set of them in the MoU's order that admits it).
    struct RuledOut {
        var value: MoUVerification.RuledOutValue
        var constraint: SMTTerm
        var kept: [Int]
    }

    let context: SMTContext
    var period: [SMTTerm]
    var scope: [SMTTerm]
    var commitments: [Commitment]
    var claimLiterals: [(element: String, literal: SMTTerm)]
    var licenceHeld: SMTTerm?
    var ruledOut: [RuledOut] = []

    /// Each commitment in force (the MoU as written).
    var everyCommitment: [SMTTerm] { commitments.map { _ in context.true } }

    /// Requests under the commitments `kept` (each only where its `enabled` term holds: true, or a
    /// literal of a proof or of an unsat core), with `extra` if given. Licences and claims hold only
    /// where a kept and enabled commitment makes them, as in a request.
    func body(kept: [Int], enabled: [SMTTerm], extra: SMTTerm? = nil) throws -> SMTTerm {
        var terms: [SMTTerm] = extra.map { [$0] } ?? []
        for index in kept where !commitments[index].constraints.isEmpty {
            terms.append(try context.implies(enabled[index], context.and(commitments[index].constraints)))
        }
        for (element, literal) in claimLiterals {
            terms.append(try context.iff(literal, context.or(kept.filter { commitments[$0].claims.contains(element) }.map { enabled[$0] })))
        }
        if let licenceHeld {
            terms.append(try context.iff(licenceHeld, context.or(kept.filter { commitments[$0].licence }.map { enabled[$0] })))
        }
        return try context.and(terms)
    }

    /// The requests the MoU covers: within the period and the scope, and under every commitment or
    /// on a value the commitments rule out, under those it keeps.
    func covered(enabled: [SMTTerm]? = nil) throws -> SMTTerm {
        let enabled = enabled ?? everyCommitment
        var cases = [try body(kept: Array(commitments.indices), enabled: enabled)]
        for value in ruledOut { cases.append(try body(kept: value.kept, enabled: enabled, extra: value.constraint)) }
        return try context.and(period + scope + [context.or(cases)])
    }

    /// Whether a model of `covered()` lies on a value the commitments rule out, and which.
    func ruledOutValue(in model: SMTModel) throws -> MoUVerification.RuledOutValue? {
        guard try model.evalBool(body(kept: Array(commitments.indices), enabled: everyCommitment)) != true else { return nil }
        for value in ruledOut where try model.evalBool(value.constraint) == true { return value.value }
        return nil
    }
}

extension ConflictEngine {
    /// The terms of an MoU for the period `[from, to]`; `ruledOut` is still empty
    /// (`findRuledOut`).
    func terms(_ mou: MoUDocument, from: LegalDate, to: LegalDate) throws -> MoUTerms {
        let context = encoding.context
        var period: [SMTTerm] = []
        let asOf = encoding.dates["as-of"]
        if let asOf {
            period.append(try context.ge(asOf, context.int(value: from.dayNumber)))
            period.append(try context.le(asOf, context.int(value: to.dayNumber)))
        }
        // Each request is taken as answered on the day it is made, so that a counterexample is a
        // dated request `ecca check` reproduces as it stands. A clash that needs the two days apart
        // (an obligation that lapses after the request while a prohibition starts) is missed; the
        // law shipped has no such obligation. So is an answer after the period, once a prohibition
        // has started (docs/negotiation.md).
        let requested = encoding.dates[FactBinding.FactID.requestDate]
        if let requested, let asOf { period.append(try context.eq(requested, asOf)) }
        // A Boolean read from a date of the request against the request's date (whether the model
        // is yet to be placed) ranges with both here, where the reader supplies it in an analysis.
        for (flag, date) in graph.datesAfterRequest {
            if let flagTerm = encoding.booleans[flag], let dateTerm = encoding.dates[date], let day = requested ?? asOf {
                period.append(try context.iff(flagTerm, context.gt(dateTerm, day)))
            }
        }
        var constraints: [SMTTerm] = []
        func among(_ fact: String, _ values: [String]) throws -> SMTTerm? {
            values.isEmpty ? nil : try encoding.constraints(fact: fact, value: .oneOf(values)).first
        }
        func oneOf(_ fact: String, _ values: [String]) throws {
            if let constraint = try among(fact, values) { constraints.append(constraint) }
        }
        let scope = mou.scope
        // An MoU is made with the AI Office: its requests are the Commission's (the counterexample
        // says so).
        constraints += try encoding.constraints(fact: FactBinding.FactID.requesterJurisdiction, value: .scalar("EU"))
        if !scope.legalBases.isEmpty {
            constraints.append(try encoding.term(.any(scope.legalBases.map(legalBasis))))
        }
        try oneOf("item.artifact", scope.artifacts)
        try oneOf("item.channel", scope.channels)
        // Every request of the scope is taken to say where the artefact is hosted, so that a
        // counterexample `ecca check` reproduces names it. None is lost where, as in the law
        // shipped, only an on-site inspection reads whether it is given, and reads a request that
        // does not give it as the request hosting the artefact where the recipient is (facts.xml).
        constraints += try encoding.constraints(fact: FactBinding.FactID.hostingLocationGiven, value: .boolean(true))
        try oneOf("recipient.location", scope.recipientLocations)
        // A company incorporated in the United States, named with no persons, is open on the
        // persons who receive (us-foreign-person): `check` cannot reproduce a clash on it, so the
        // search names its persons instead; those requests are the ones that cover it.
        if let entity = encoding.booleans["recipient.incorporated-in-given"],
           let us = try encoding.constraints(fact: "recipient.incorporated-in", value: .scalar("US")).first {
            constraints.append(try context.implies(entity, context.not(us)))
        }
        // Hosted where the scope bounds it; a request that gives no hosting location is read as
        // hosting the artefact where its recipients are located, so it is within the scope only
        // if they are located inside the bound. Every request here gives one (above), so the
        // second case holds of none: the request that gives no hosting location is covered by the
        // one that gives its recipients' location, inside the bound exactly when they are.
        // Law that does not declare whether a location is given bounds the hosting location alone,
        // rather than dropping the bound.
        if let hosted = try among("item.hosting-location", scope.hostingLocations) {
            if let located = try among("recipient.location", scope.hostingLocations),
               let given = encoding.booleans[FactBinding.FactID.hostingLocationGiven] {
                constraints.append(try context.ite(given, then: hosted, else: located))
            } else {
                constraints.append(hosted)
            }
        }
        try oneOf("recipient.headquarters", scope.recipientHeadquarters)
        try oneOf("recipient.organisation", scope.recipientOrganisations)
        // A member of the requesting authority's staff belongs to the authority: where the scope's
        // organisations leave it out (`authorityNames`), no recipient of the scope is its staff,
        // and otherwise such a recipient's organisation is the authority (as the counterexample
        // names it). ecca's reading does not ask whether a recipient is the authority's staff; the
        // wider reading of 50 U.S.C. 4801(5) does, and on it a member of the authority's staff at
        // another organisation would be no request `check` reproduces.
        if let staff = try encoding.constraints(fact: "recipient.role", value: .scalar("authority-staff")).first {
            let names = Self.authorityNames(of: mou)
            if names.isEmpty {
                constraints.append(try context.not(staff))
            } else if let organisation = try encoding.constraints(fact: "recipient.organisation", value: .oneOf(names)).first {
                constraints.append(try context.implies(staff, organisation))
            }
        }
        // Permanent residence is a status of those who are not US nationals: a US national is not
        // also given it. The law loaded reads it only in conditions that clear a disclosure (no
        // foreign person; AIA), so no conflict needs it beside US nationality and none is lost
        // (QA: a counterexample gave a US national permanent residence too).
        if let usNational = encoding.members["recipient.nationalities"]?["US"], let resident = encoding.booleans["recipient.us-permanent-resident"] {
            constraints.append(try context.implies(usNational, context.not(resident)))
        }
        try oneOf("model.name", scope.models)
        if !scope.recipientNationalities.isEmpty {
            // Each recipient's nationalities are among those listed, and so is the latest.
            try oneOf("recipient.latest-citizenship", scope.recipientNationalities)
            for (element, literal) in encoding.memberLiterals(of: "recipient.nationalities") where !scope.recipientNationalities.contains(element) {
                constraints.append(try context.not(literal))
            }
            // The latest is one they hold: a person of no listed nationality whose latest
            // citizenship is listed is no recipient of that nationality (re-audit: "US nationals"
            // gave a counterexample of no nationality, latest citizenship US).
            for value in scope.recipientNationalities {
                guard let member = encoding.members["recipient.nationalities"]?[value],
                      let isLatest = try encoding.constraints(fact: "recipient.latest-citizenship", value: .scalar(value)).first else { continue }
                constraints.append(try context.implies(isLatest, member))
            }
            constraints += try encoding.constraints(fact: "recipient.government-body", value: .boolean(false))
            constraints += try encoding.constraints(fact: "recipient.incorporated-in-given", value: .boolean(false))
        }
        if let unit = scope.computeUnit {
            let bounds = QuantityBounds(lower: scope.computeMin, upper: scope.computeMax)
            constraints += try encoding.constraints(fact: "model.training-compute", value: .quantity([unit: bounds]))
        }
        if let published = scope.weightsPublished {
            constraints += try encoding.constraints(fact: "model.weights-published", value: .boolean(published))
        }
        // An MoU says nothing of whether the model is derived from a published one, and its
        // requests do not either: a commitment to claim ECCN 4E091 Note 1 is then the provider's,
        // as a request's claim is, rather than refuted by a request that says otherwise of a
        // model the MoU does not describe.
        constraints += try encoding.constraints(fact: FactBinding.FactID.derivedFromPublishedGiven, value: .boolean(false))
        // Instruments in force for the provider: those the scope names, and no others.
        constraints += try encoding.constraints(fact: "request.instruments", value: .set(Set(scope.instruments)))
        var commitments: [MoUTerms.Commitment] = []
        for commitment in mou.commitments {
            var fixed: [SMTTerm] = []
            var claims: [String] = []
            switch commitment.kind {
            case .usPersonEvaluators:
                // Not foreign persons (50 U.S.C. 4801(5)): no government body, and a US national or
                // a US permanent resident, whatever other nationalities they hold.
                fixed += try encoding.constraints(fact: "recipient.government-body", value: .boolean(false))
                fixed += try encoding.constraints(fact: "recipient.incorporated-in-given", value: .boolean(false))
                var usPerson: [SMTTerm] = []
                if let us = encoding.members["recipient.nationalities"]?["US"] { usPerson.append(us) }
                if let resident = encoding.booleans["recipient.us-permanent-resident"] { usPerson.append(resident) }
                if !usPerson.isEmpty { fixed.append(try context.or(usPerson)) }
            case .usHostedEnclave:
                fixed += try encoding.constraints(fact: "item.channel", value: .scalar("secure-enclave"))
                fixed += try encoding.constraints(fact: "item.hosting-location", value: .scalar("US"))
            case .aiaCertification, .exceptionClaim:
                if let provision = commitment.provision { claims.append(provision) }
            case .licenceHeld, .art78Confidentiality:
                break
            }
            commitments.append(.init(name: "the \(commitment.kind.rawValue) commitment (line \(commitment.line))", kind: commitment.kind,
                                     line: commitment.line, text: commitment.text, constraints: fixed, claims: claims,
                                     licence: commitment.kind == .licenceHeld))
        }
        return MoUTerms(context: context, period: period, scope: constraints, commitments: commitments,
                        claimLiterals: encoding.memberLiterals(of: "item.claims"), licenceHeld: encoding.booleans["item.licence-held"])
    }

    private func legalBasis(_ id: String) -> Condition {
        .equals(fact: "request.legal-basis", value: id, at: SourceLocation(file: "", line: 0))
    }

    /// The values the scope lists (each legal basis, artefact, channel, recipient location,
    /// hosting location, nationality and organisation, model) that some request of the scope has, but none under every commitment;
    /// each with the commitments that requests with it keep.
    func findRuledOut(_ terms: MoUTerms, mou: MoUDocument) throws -> [MoUTerms.RuledOut] {
        let context = encoding.context
        let solver = encoding.solver
        try solver.push()
        defer { try? solver.pop() }
        try solver.assert(context.and(terms.period + terms.scope))
        func satisfiable(_ assumed: [SMTTerm]) throws -> Bool { try solver.check(assumptions: assumed).satisfiable(verifying: mou.id) }
        let scope = mou.scope
        var values: [(term: String, value: String, shown: String, constraint: SMTTerm)] = []
        func scalar(_ term: String, _ fact: String, _ listed: [String]) throws {
            for value in listed {
                guard let constraint = try encoding.constraints(fact: fact, value: .scalar(value)).first else { continue }
                values.append((term, value, value, constraint))
            }
        }
        for id in scope.legalBases { values.append(("legal-basis", id, graph.provisions[id]?.citation ?? id, try encoding.term(legalBasis(id)))) }
        try scalar("artifact", "item.artifact", scope.artifacts)
        try scalar("channel", "item.channel", scope.channels)
        try scalar("recipient-location", "recipient.location", scope.recipientLocations)
        try scalar("hosting-location", "item.hosting-location", scope.hostingLocations)
        try scalar("recipient-headquarters", "recipient.headquarters", scope.recipientHeadquarters)
        for value in scope.recipientNationalities {
            let constraint = try encoding.members["recipient.nationalities"]?[value]
                ?? encoding.constraints(fact: "recipient.latest-citizenship", value: .scalar(value)).first
            if let constraint { values.append(("recipient-nationality", value, value, constraint)) }
        }
        try scalar("recipient-organisation", "recipient.organisation", scope.recipientOrganisations)
        try scalar("model", "model.name", scope.models)
        let all = Array(terms.commitments.indices)
        let every = try terms.body(kept: all, enabled: terms.everyCommitment)
        var found: [MoUTerms.RuledOut] = []
        for (term, value, shown, constraint) in values {
            // Ruled out by the law or the rest of the scope is not the commitments' doing.
            guard try satisfiable([constraint]), try !satisfiable([constraint, every]) else { continue }
            var kept: [Int] = []
            for index in all where try satisfiable([constraint, terms.body(kept: kept + [index], enabled: terms.everyCommitment)]) {
                kept.append(index)
            }
            let dropped = all.filter { !kept.contains($0) }.map { terms.commitments[$0].name }
            found.append(.init(value: .init(term: term, value: shown, line: scope.line(of: term, value), commitments: dropped),
                               constraint: constraint, kept: kept))
        }
        return found
    }

    /// Nil when some request lies within the scope and commitments of an MoU on some date of its
    /// period; otherwise which of its terms contradict one another ("the scope and the
    /// us-hosted-enclave commitment (line 21) contradict each other"), from an unsat core over
    /// them made minimal.
    func contradictingTerms(_ terms: MoUTerms, mou: MoUDocument, from: LegalDate, to: LegalDate) throws -> String? {
        let context = encoding.context
        let solver = encoding.solver
        try solver.push()
        defer { try? solver.pop() }
        let period = try context.bool("mou-term:period")
        let scope = try context.bool("mou-term:scope")
        let commitments = try terms.commitments.indices.map { try context.bool("mou-term:commitment:\($0)") }
        try solver.assert(context.implies(period, context.and(terms.period)))
        try solver.assert(context.implies(scope, context.and(terms.scope)))
        try solver.assert(terms.body(kept: Array(terms.commitments.indices), enabled: commitments))
        let literals = [period, scope] + commitments
        let names = ["the period \(from) to \(to)", "the scope"] + terms.commitments.map(\.name)
        func consistent(_ assumed: [SMTTerm]) throws -> Bool { try solver.check(assumptions: assumed).satisfiable(verifying: mou.id) }
        guard try !consistent(literals) else { return nil }
        let unsatCore = try solver.unsatCore().filter { literals.contains($0) }
        let core = try minimalUnsatisfiable(unsatCore.isEmpty ? literals : unsatCore) { try !consistent($0) }
        let named = core.compactMap { literals.firstIndex(of: $0) }.sorted().map { names[$0] }
        switch named.count {
        case 0: return "the regulations loaded admit no request"
        case 1: return "\(named[0]) admits no request on its own"
        default: return ProseList.joined(named) + " contradict each other"
        }
    }
}

extension SMTResult {
    /// Sat or unsat; a search that did not finish fails the verification of the MoU `mou`.
    func satisfiable(verifying mou: String) throws(AnalysisError) -> Bool {
        switch self {
        case .sat: return true
        case .unsat: return false
        case .unknown(let reason): throw .solver(message: "the search did not finish: \(reason)", requestID: mou)
        }
    }
}
