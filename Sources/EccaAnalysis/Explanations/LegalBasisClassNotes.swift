import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// What the provision a request's legal basis names makes of the request, where it says so by
    /// a constitutive rule of its own, judged on the facts of the request as a whole: Art. 92(7),
    /// "a structured dialogue before a request for access, which is no request for access";
    /// Art. 92(1)(b), an evaluation of a model with systemic risk, where the model is neither
    /// presumed to have systemic risk nor designated. The clear verdict such a request gets says
    /// only that nothing obliges the disclosure; this says why. Where the rule turns on facts of
    /// the request that it leaves open, the note says that it may be so and on which facts it
    /// depends, since the verdict then depends on them too (law audit of 2026-12-07, M3: an
    /// Art. 92(1)(b) request for a model below 10^25 FLOP was a certain conflict).
    func legalBasisClassNotes(_ basis: String, provision id: String, request: DisclosureRequest, asOf: LegalDate) -> [String] {
        let rules = graph.ruleOrder.filter { graph.rules[$0]?.provisionID == id }
        guard !rules.isEmpty, let first = request.items.first else { return [] }
        let snapshot = facts.layout.snapshot([facts.facts(.request, of: request, slot: CheckSlot(item: 0, recipient: nil, channel: first.channel),
                                                          asOf: asOf)])
        let evaluator = ConditionEvaluator(graph: graph, facts: snapshot)
        return rules.compactMap { ruleID in
            guard let rule = graph.rules[ruleID] else { return nil }
            switch evaluator.holds(rule: ruleID) {
            case .true:
                return "the legal basis '\(basis)' is \(rule.label)"
            case .unknown:
                // Only a rule on facts of the request as a whole is judged here: one that reads an
                // item's or a recipient's is for the verdict of each check to say.
                let read = factsRead(by: .all([rule.condition] + rule.exceptions.map(\.condition)))
                guard read.allSatisfy({ graph.facts[$0]?.scope == .request || graph.facts[$0]?.scope == .analysis }),
                      let open = openFactsClause(reading: read, in: snapshot) else { return nil }
                return "the legal basis '\(basis)' may be \(rule.label); whether it is \(open)"
            case .false:
                return nil
            }
        }
    }
}
