import ClauseGraph

extension ConflictEngine {
    /// The deciding conditions less those that name a provision within one another of them names
    /// for the same fact: "conflict if request.legal-basis is eu.ai-act.art92" reads "that
    /// provision or one within it", so a further "… is eu.ai-act.art92.1.b" says nothing more. The
    /// solver finds both where a point of the article has a rule of its own (Art. 92(1)(b), an
    /// evaluation of a model with systemic risk), though the wider one is what the reader acts on.
    /// `atoms[i]` is the literal that forces `conditions[i]`.
    static func withoutNarrowerProvisions(_ conditions: [DecidingCondition], atoms: [Condition], graph: ClauseGraph) -> [DecidingCondition] {
        func provision(_ atom: Condition) -> (fact: String, value: String)? {
            guard case .equals(let fact, let value, _) = atom, graph.facts[fact]?.type == .provision else { return nil }
            return (fact, value)
        }
        let named = atoms.compactMap(provision)
        return zip(conditions, atoms).filter { _, atom in
            guard let (fact, value) = provision(atom) else { return true }
            return !named.contains { $0.fact == fact && value.hasPrefix($0.value + ".") }
        }.map(\.0)
    }
}
