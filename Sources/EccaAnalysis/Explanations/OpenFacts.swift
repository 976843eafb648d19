import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// "whether it … depends on F, which the request does not give (field)": how a rule or an
    /// exception left open by facts of the request says which, so that a reader knows what to
    /// state. One wording for the legal basis a rule classifies (Art. 92(1)(b)) and the exceptions
    /// of a ground that may hold (Art. 53(2) for a model whose designation under Art. 51(1)(b) is
    /// not given); nil where no fact it reads is open (it is open for a reason of its own).
    func openFactsClause(reading facts: [String], in snapshot: FactSnapshot) -> String? {
        let open = facts.filter { !EquivalenceKeyBuilder.isFullyKnown(snapshot[$0]) }
        guard !open.isEmpty else { return nil }
        let fields = open.compactMap { graph.facts[$0]?.suppliedBy }
        return "depends on \(open.joined(separator: ", ")), which the request does not give"
            + (fields.isEmpty ? "" : " (\(fields.joined(separator: ", ")))")
    }

    /// The facts a condition reads, and those of the rules it refers to (their conditions and
    /// exceptions, and the rules those refer to), each once, in the order met.
    func factsRead(by condition: Condition) -> [String] {
        var result: [String] = []
        var visited: Set<String> = []
        var queue: [Condition] = [condition]
        var index = 0
        while index < queue.count {
            let next = queue[index]
            index += 1
            for fact in next.facts where !result.contains(fact) { result.append(fact) }
            for rule in next.ruleReferences where visited.insert(rule).inserted {
                guard let definition = graph.rules[rule] else { continue }
                queue += [definition.condition] + definition.exceptions.map(\.condition)
            }
        }
        return result
    }
}
