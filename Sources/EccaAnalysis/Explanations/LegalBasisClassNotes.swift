import ClauseGraph

extension ConflictEngine {
    /// What the provision a request's legal basis names makes of the request, where it says so by
    /// a constitutive rule that holds on the legal basis alone (Art. 92(7): "a structured dialogue
    /// before a request for access, which is no request for access"). The clear verdict such a
    /// request gets says only that nothing obliges the disclosure; this says why.
    func legalBasisClassNotes(_ basis: String, provision id: String) -> [String] {
        let evaluator = ConditionEvaluator(graph: graph, facts: FactSnapshot(values: ["request.legal-basis": .scalar(id)]))
        return graph.ruleOrder.compactMap { ruleID in
            guard let rule = graph.rules[ruleID], rule.provisionID == id, evaluator.holds(rule: ruleID) == .true else { return nil }
            return "the legal basis '\(basis)' is \(rule.label)"
        }
    }
}
