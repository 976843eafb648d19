import ClauseGraph
import EccaFormats
import EccaSMT

extension CureFinder {
    /// A licence review policy (`LicenceReview`) under which the licence a cure obtains would be
    /// reviewed with a presumption of denial, as a term of the optimizer: true where the licence
    /// is changed (not kept), the licence requirement the policy reviews applies to the item, and
    /// the export does not go to a destination the policy favours.
    struct DenialTerm {
        var review: LicenceReview
        var denied: SMTTerm
    }

    /// The terms of the graph's presumptions of denial, for the licence part `licenceKept`.
    ///
    /// "The destination" the licence would authorise is what the policy's `unless` rule reads
    /// (`deemed-export-destination-tier1`, the same rule License Exception AIA reads): where the
    /// recipient is located or, for an on-site inspection of parameters hosted where the request
    /// says, where they are hosted; for a natural person of another country, their most recent
    /// country of citizenship too (a deemed reexport, 15 CFR 734.14(a)(2)); for a release in the
    /// United States, that country (15 CFR 734.13(b)). The rule is a term over the same facts the
    /// cure changes, so a cure that also moves the recipients, the hosting or the nationality
    /// into the favoured destinations pays no surcharge, and the ranking stays the optimum's: the
    /// surcharge is a soft constraint beside the parts' prices, not a re-sort afterwards. A fact
    /// the request leaves open takes whichever value the optimum gives it, as every open fact
    /// does, so an unknown citizenship is not presumed outside the list.
    ///
    /// The requirement applies where the condition of a norm holds whose licence exception cites
    /// the policy's provision (4E091's licence requirement, 15 CFR 742.6(a)(13)): a licence under
    /// another requirement (an is-informed letter's) is not reviewed under this policy.
    func denialTerms(licenceKept: SMTTerm) throws -> [DenialTerm] {
        let encoding = engine.encoding
        let context = encoding.context
        var terms: [DenialTerm] = []
        for (review, reviewed) in engine.reviewedLicences {
            guard let favoured = encoding.ruleTerms[review.unlessRule] else { continue }
            guard !reviewed.isEmpty else { continue }
            let applies = try context.or(reviewed.map { try $0.condition.map(encoding.term) ?? context.true })
            terms.append(DenialTerm(review: review, denied: try context.and([context.not(licenceKept), applies, context.not(favoured)])))
        }
        return terms
    }

    /// The countries a presumption of denial is stated for, as the cure line names them: the
    /// values the cured check gives the facts that the policy's rule tests against a list, that
    /// the list does not include and that the rule does not name for the fact itself (the United
    /// States, which it tests apart). A changed part's value is the cure's; any other the
    /// request's (a fact it leaves open names nothing).
    func deniedDestinations(_ review: LicenceReview, facts: FactSnapshot, set: CorrectionSet) -> [String] {
        let graph = engine.graph
        guard let rule = graph.rules[review.unlessRule] else { return [] }
        var listed: [(fact: String, members: Set<String>)] = []
        var named: [String: Set<String>] = [:]
        func walk(_ condition: Condition) {
            switch condition {
            case .all(let parts), .any(let parts): parts.forEach(walk)
            case .not(let inner): walk(inner)
            case .member(let fact, let members, _):
                if !listed.contains(where: { $0.fact == fact }) { listed.append((fact, Set(graph.values(of: members)))) }
            case .equals(let fact, let value, _): named[fact, default: []].insert(value)
            default: break
            }
        }
        walk(rule.condition)
        var destinations: [String] = []
        for (fact, members) in listed {
            let value: String?
            if let part = Part(fact: fact), part.valuedFact == fact, let changed = set[value: part] {
                value = changed
            } else if Part(fact: fact) == .recipientNationality, set.nationalityUS {
                value = nil  // US persons: no foreign country of citizenship
            } else if Part(fact: fact) == .recipientOrganisation, set.organisation != nil {
                value = nil  // another organisation, whose headquarters the request does not give
            } else if case .scalar(let given) = facts[fact] {
                value = given
            } else {
                value = nil
            }
            guard let value, !members.contains(value), named[fact]?.contains(value) != true, value != RegulationEncoding.otherValue,
                  !destinations.contains(value) else { continue }
            destinations.append(value)
        }
        return destinations
    }

    /// Records that the licence `set` obtains is reviewed under `review`'s presumption of denial,
    /// for `destinations` beside any already recorded, as a part of its own (`denial:<provision>`)
    /// priced `licenceUnderPresumptionOfDenial`.
    func record(_ review: LicenceReview, destinations: [String], in set: inout CorrectionSet) {
        if let index = set.presumedDenials.firstIndex(where: { $0.provision == review.provisionID }) {
            set.presumedDenials[index].destinations += destinations.filter { !set.presumedDenials[index].destinations.contains($0) }
            return
        }
        set.presumedDenials.append(Cure.PresumedDenial(review: review, citation: engine.graph.provisions[review.provisionID]?.citation ?? review.provisionID,
                                                       destinations: destinations, cost: costs.licenceUnderPresumptionOfDenial,
                                                       citationNotVerified: engine.graph.citationNotVerified(review.provisionID)))
        set.parts["denial:\(review.provisionID)"] = costs.licenceUnderPresumptionOfDenial
    }

    /// A licence covers the item, every recipient of it: the optimizer priced the presumption for
    /// the recipient whose check it searched, and a cure verified on the whole item is priced for
    /// the others too, on the cured request's checks (`slots`), where the licence requirement
    /// applies and the policy's rule is false (not merely open) for them.
    func coveringEveryRecipient(_ set: CorrectionSet, slots: [ConflictEngine.PreparedSlot]) -> CorrectionSet {
        guard set.licence else { return set }
        var set = set
        let graph = engine.graph
        for (review, reviewed) in engine.reviewedLicences {
            for slot in slots {
                let evaluator = ConditionEvaluator(graph: graph, facts: slot.snapshot)
                guard reviewed.contains(where: { $0.condition.map(evaluator.evaluate) ?? .true == .true }),
                      evaluator.holds(rule: review.unlessRule) == .false else { continue }
                record(review, destinations: deniedDestinations(review, facts: slot.snapshot, set: set), in: &set)
            }
        }
        return set
    }
}
