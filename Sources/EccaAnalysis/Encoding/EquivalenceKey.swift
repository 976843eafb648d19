import ClauseGraph

/// The class of a check: requests whose facts fall on the same side of every threshold and set
/// boundary of the clause graph get the same solver answer, so the answer is solved once per class.
///
/// When the facts decide every checked norm's activation (its provision binds, its condition holds,
/// no exception does), the answer depends on nothing else: the class is that activation vector.
/// Otherwise a fully known fact contributes the truth of the atoms that mention it (3e26 and 4e26
/// operations are the same against `≥ 1e26`) and a partly known fact (unknown, one of several
/// values, a range) its value as given, because which completions are possible depends on it; the
/// as-of date contributes its position among the graph's status breakpoints.
struct EquivalenceKeyBuilder {
    let graph: ClauseGraph
    /// Indices into the engine's atom list, per fact.
    let atomsByFact: [String: [Int]]
    let atoms: [Condition]
    let breakpoints: [LegalDate]
    let norms: [Norm]

    init(graph: ClauseGraph, atoms: [Condition], norms: [Norm]) {
        self.graph = graph
        self.atoms = atoms
        self.norms = norms
        var byFact: [String: [Int]] = [:]
        for (index, atom) in atoms.enumerated() {
            for fact in atom.facts { byFact[fact, default: []].append(index) }
        }
        atomsByFact = byFact
        breakpoints = graph.statusBreakpoints
    }

    func key(_ prepared: ConflictEngine.PreparedSlot, posture: Posture, asOf: LegalDate,
             binds: (String, LegalDate, Posture) -> Bool) -> String {
        var activations = posture == .text ? "AT|" : "AE|"
        var decided = true
        for (index, norm) in norms.enumerated() {
            guard binds(norm.provisionID, asOf, posture) else {
                activations += "0"
                continue
            }
            switch prepared.normTruths[index] {
            case .true: activations += "1"
            case .false: activations += "0"
            case .unknown: decided = false
            }
            if !decided { break }
        }
        if decided { return activations }
        return key(prepared.snapshot, posture: posture)
    }

    func key(_ snapshot: FactSnapshot, posture: Posture) -> String {
        let evaluator = ConditionEvaluator(graph: graph, facts: snapshot)
        var key = posture == .text ? "T" : "E"
        for id in graph.factOrder {
            let value = snapshot[id]
            if graph.facts[id]?.type == .date, case .date(let date) = value, id == "as-of" {
                key += "|@\(breakpoints.firstIndex { $0 > date } ?? breakpoints.count)"
            }
            guard let indices = atomsByFact[id] else { continue }
            if Self.isFullyKnown(value) {
                key += "|"
                for index in indices {
                    switch evaluator.atom(atoms[index]) {
                    case .true: key += "1"
                    case .false: key += "0"
                    case .unknown: key += "?"
                    }
                }
            } else {
                key += "|~" + Self.describe(value)
            }
        }
        return key
    }

    static func isFullyKnown(_ value: FactValue) -> Bool {
        switch value {
        case .unknown, .oneOf: return false
        case .quantity(let byUnit): return byUnit.values.allSatisfy { $0.exact != nil }
        default: return true
        }
    }

    static func describe(_ value: FactValue) -> String {
        switch value {
        case .unknown: return "?"
        case .oneOf(let options): return "oneOf(" + options.sorted().joined(separator: ",") + ")"
        case .quantity(let byUnit):
            return byUnit.keys.sorted().map { unit in
                let bounds = byUnit[unit]!
                return "\(unit):\(bounds.lower?.description ?? "-")..\(bounds.upper?.description ?? "-")"
            }.joined(separator: ";")
        case .boolean(let flag): return String(flag)
        case .date(let date): return date.iso
        case .scalar(let text): return text
        case .set(let elements): return elements.sorted().joined(separator: ",")
        }
    }
}
