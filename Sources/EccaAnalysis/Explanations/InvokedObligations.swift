import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// Per checked norm, the places among the engine's atoms of the conditions on the request's
    /// legal basis that its condition requires (not under a `not`): an obligation the request
    /// invokes by its legal basis. Such an obligation that does not engage is given among a clear
    /// verdict's grounds with the reason and the readings it rests on (an Art. 91 request for the
    /// weights: "Art. 91(5) does not apply: item.artifact is not in {…}"), where any other that does
    /// not engage is left out, since most of a regulation obliges nothing for a request (law audit
    /// of 2026-12-07: "no obligation requires this disclosure" said nothing of the reading of
    /// Art. 91 that left the weights out).
    static func invokingAtoms(norms: [Norm], atoms: [Condition], graph: ClauseGraph) -> [[Int]] {
        let bases = Set(graph.facts.values.filter { $0.suppliedBy == FactBinding.Source.legalBasis.rawValue }.map(\.id))
        guard !bases.isEmpty else { return norms.map { _ in [] } }
        var index: [Condition: Int] = [:]
        for (place, atom) in atoms.enumerated() where index[atom] == nil { index[atom] = place }
        func required(_ condition: Condition) -> [Condition] {
            switch condition {
            case .all(let parts), .any(let parts): parts.flatMap(required)
            case .equals(let fact, _, _) where bases.contains(fact): [condition]
            default: []
            }
        }
        return norms.map { norm in (norm.condition.map(required) ?? []).compactMap { index[$0] } }
    }

    /// Whether the request invokes `norm` (the norm at `index` of the checked norms) by its legal basis.
    func invokes(_ index: Int, _ prepared: PreparedSlot) -> Bool {
        invokingAtoms[index].contains { prepared.atomTruths[$0] == .true }
    }
}
