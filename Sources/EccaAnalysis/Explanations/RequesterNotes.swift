import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// Notes on a requester who cannot make the request it makes: an obligation that needs a
    /// request of a particular authority (Arts 91(5) and 92(5) a request of the Commission) does
    /// not apply to one from another, and a clear verdict lists only the obligations that engage,
    /// so without this note a third country's "Art. 92(3)" request would be cleared in silence.
    func requesterNotes(_ request: DisclosureRequest, asOf: LegalDate) -> [String] {
        guard let jurisdiction = request.requester?.jurisdiction, let first = request.items.first else { return [] }
        let facts = facts.layout.snapshot([self.facts.facts(.request, of: request, slot: CheckSlot(item: 0, recipient: nil, channel: first.channel),
                                                            asOf: asOf)])
        let evaluator = ConditionEvaluator(graph: graph, facts: facts)
        var notes: [String] = []
        for id in graph.ruleOrder {
            guard let rule = graph.rules[id], Self.reads(rule.condition, only: FactBinding.FactID.requesterJurisdiction),
                  evaluator.evaluate(rule.condition) == .false else { continue }
            let needing = encoding.checkedNorms.filter { norm in
                guard norm.modality == .obligation, statuses[norm.provisionID]?.asksVoluntarily(on: asOf) != true,
                      case .all(let parts)? = norm.condition else { return false }
                return parts.contains { if case .holds(id, _) = $0 { true } else { false } }
            }
            guard !needing.isEmpty else { continue }
            let citations = needing.map { graph.provisions[$0.provisionID]?.citation ?? $0.provisionID }
            let source = graph.provisions[rule.provisionID]?.citation ?? rule.provisionID
            notes.append("the requester's jurisdiction is '\(jurisdiction)', so the request is not \(rule.label) (\(source)): "
                         + "no duty under \(citations.joined(separator: " or ")) arises from it")
        }
        return notes
    }

    /// Whether every atom of `condition` reads `fact`.
    static func reads(_ condition: Condition, only fact: String) -> Bool {
        var only = true
        condition.visitAtoms { atom in
            switch atom {
            case .equals(let read, _, _), .member(let read, _, _), .contains(let read, _, _): if read != fact { only = false }
            case .compare(let comparison): if comparison.fact != fact { only = false }
            default: only = false
            }
        }
        return only
    }
}
