import ClauseGraph
import EccaFormats

/// The class of a check: requests whose facts fall on the same side of every threshold and set
/// boundary that matters get the same solver answer, so the answer is solved once per class.
///
/// When the facts decide every checked norm's activation (its provision binds, its condition holds,
/// no exception does), the answer depends on nothing else: the class is that activation vector.
/// Otherwise the norms the facts leave open are what the solver works on. The facts their
/// conditions mention (through constitutive rules too) are the relevant facts, and the class is
/// the activation of the decided norms, which norms are open, the truth of every atom over a
/// relevant fact (3e26 and 4e26 operations are the same against `≥ 1e26`), and the value as given
/// of each relevant fact that is only partly known (unknown, one of several values, a range),
/// because which completions are possible depends on it. The encoding never relates two facts to
/// each other, so facts outside this set cannot change the answer; the deciding conditions the
/// solver reports are looked for among the relevant facts too.
struct CheckClass: Hashable {
    /// Posture and whether every activation is decided; then per checked norm 0, 1 or 2 (open);
    /// then, for open classes, the truth of each atom over a relevant fact.
    var code: [UInt8]
    /// The relevant facts that are partly known, as given (open classes only).
    var partial: String
}

struct EquivalenceKeyBuilder {
    let graph: ClauseGraph
    /// Per checked norm, the facts (indices into `graph.factOrder`) its condition and exceptions
    /// mention, following rules.
    let factsByNorm: [[Int]]
    /// Per fact of `graph.factOrder`, the indices of the atoms over it.
    let atomsByFactIndex: [[Int]]
    /// Per atom, the facts it reads (indices into `graph.factOrder`).
    let factsByAtom: [[Int]]

    init(graph: ClauseGraph, atoms: [Condition], norms: [Norm]) {
        self.graph = graph
        var byFact: [String: [Int]] = [:]
        for (index, atom) in atoms.enumerated() {
            for fact in atom.facts { byFact[fact, default: []].append(index) }
        }
        var factIndex: [String: Int] = [:]
        for (index, id) in graph.factOrder.enumerated() { factIndex[id] = index }
        atomsByFactIndex = graph.factOrder.map { byFact[$0] ?? [] }
        factsByAtom = atoms.map { atom in atom.facts.compactMap { factIndex[$0] } }
        factsByNorm = norms.map { norm in
            var facts: Set<Int> = []
            var visited: Set<String> = []
            func walk(_ condition: Condition) {
                condition.visitAtoms { atom in
                    if case .holds(let rule, _) = atom {
                        guard visited.insert(rule).inserted, let definition = graph.rules[rule] else { return }
                        walk(definition.condition)
                        definition.exceptions.forEach { walk($0.condition) }
                    } else {
                        for fact in atom.facts { if let index = factIndex[fact] { facts.insert(index) } }
                    }
                }
            }
            norm.condition.map(walk)
            norm.exceptions.forEach { walk($0.condition) }
            return facts.sorted()
        }
    }

    /// - Parameter binding: whether each checked norm's provision binds on the check's date under
    ///   its posture (`ConflictEngine.binding(on:requested:posture:)`).
    func key(_ prepared: ConflictEngine.PreparedSlot, posture: Posture, binding: [Bool]) -> CheckClass {
        var code: [UInt8] = [posture == .text ? 0 : 1, 1]
        code.reserveCapacity(2 + binding.count)
        var open = false
        for index in binding.indices {
            guard binding[index] else {
                code.append(0)
                continue
            }
            switch prepared.normTruths[index] {
            case .true: code.append(1)
            case .false: code.append(0)
            case .unknown:
                code.append(2)
                open = true
            }
        }
        guard open else { return CheckClass(code: code, partial: "") }
        code[1] = 0
        var partial = ""
        for fact in relevantFacts(prepared, binding: binding) {
            for atom in atomsByFactIndex[fact] {
                let truth = prepared.atomTruths[atom]
                code.append(truth == .true ? 1 : truth == .false ? 0 : 2)
            }
            let id = graph.factOrder[fact]
            let value = prepared.value(of: id)
            if !Self.isFullyKnown(value) { partial += id + "=" + Self.describe(value) + "|" }
        }
        return CheckClass(code: code, partial: partial)
    }

    /// The facts (indices into `graph.factOrder`, ascending) mentioned by the binding norms whose
    /// activation the facts leave open.
    func relevantFacts(_ prepared: ConflictEngine.PreparedSlot, binding: [Bool]) -> [Int] {
        var relevant = Set<Int>()
        for index in binding.indices where prepared.normTruths[index] == .unknown && binding[index] {
            relevant.formUnion(factsByNorm[index])
        }
        return relevant.sorted()
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
