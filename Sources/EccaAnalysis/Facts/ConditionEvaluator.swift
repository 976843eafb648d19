import ClauseGraph

/// Kleene three-valued truth: a condition over unknown facts may be neither true nor false.
public enum Truth: String, Sendable, Hashable, Codable {
    case `true`, `false`, unknown

    public static func and(_ values: [Truth]) -> Truth {
        if values.contains(.false) { return .false }
        return values.contains(.unknown) ? .unknown : .true
    }
    public static func or(_ values: [Truth]) -> Truth {
        if values.contains(.true) { return .true }
        return values.contains(.unknown) ? .unknown : .false
    }
    public var negated: Truth {
        switch self {
        case .true: .false
        case .false: .true
        case .unknown: .unknown
        }
    }
}

/// Evaluates conditions over a fact snapshot without the solver, for explanations: which facts
/// triggered a norm, why an exception failed, what an unclaimed exception would change.
public struct ConditionEvaluator {
    public let graph: ClauseGraph
    public let facts: FactSnapshot
    /// Rule truths already worked out for these facts: conditions refer to the same rules often.
    private let memo = Memo()

    final class Memo {
        var rules: [String: Truth] = [:]
    }

    /// Truths the engine's compiled conditions already worked out for these facts (a class, so
    /// that looking at it costs one reference).
    final class Known {
        let compiled: CompiledConditions
        let atoms: [Truth]
        let rules: [Truth]

        init(compiled: CompiledConditions, atoms: [Truth], rules: [Truth]) {
            self.compiled = compiled
            self.atoms = atoms
            self.rules = rules
        }
    }
    private let known: Known?
    /// Per constitutive rule, a condition under which it holds besides its own: a wider reading of
    /// the law (`CountsAs.otherReadings`), whose consequences reports give and no verdict rests on.
    private let widened: [String: Condition]

    public init(graph: ClauseGraph, facts: FactSnapshot) {
        self.init(graph: graph, facts: facts, known: nil)
    }

    /// An evaluator that reads atoms and rules the engine compiled from `known` rather than
    /// working them out again (the same truths: a test holds them together).
    init(graph: ClauseGraph, facts: FactSnapshot, known: Known?, widened: [String: Condition] = [:]) {
        self.graph = graph
        self.facts = facts
        self.known = known
        self.widened = widened
    }

    /// The same facts on a reading under which `rule` holds also where `condition` does: rules
    /// are worked out again (the compiled truths are ecca's reading's), atoms are still read.
    public func widening(rule: String, by condition: Condition) -> ConditionEvaluator {
        ConditionEvaluator(graph: graph, facts: facts, known: nil, widened: widened.merging([rule: condition]) { .any([$0, $1]) })
    }

    public func evaluate(_ condition: Condition) -> Truth {
        var visiting: Set<String> = []
        return evaluate(condition, visiting: &visiting)
    }

    /// Whether a constitutive rule holds: its condition and none of its exceptions.
    public func holds(rule id: String) -> Truth {
        var visiting: Set<String> = []
        return holds(rule: id, visiting: &visiting)
    }

    private func holds(rule id: String, visiting: inout Set<String>) -> Truth {
        if let known, let index = known.compiled.ruleIndex[id] { return known.rules[index] }
        if let known = memo.rules[id] { return known }
        guard let rule = graph.rules[id], visiting.insert(id).inserted else { return .unknown }
        defer { visiting.remove(id) }
        var base = evaluate(rule.condition, visiting: &visiting)
        if let wider = widened[id] { base = Truth.or([base, evaluate(wider, visiting: &visiting)]) }
        let exceptions = rule.exceptions.map { evaluate($0.condition, visiting: &visiting) }
        let truth = Truth.and([base] + exceptions.map(\.negated))
        // Only a complete evaluation is remembered; one cut short by a cycle is not.
        if visiting.count == 1 { memo.rules[id] = truth }
        return truth
    }

    private func evaluate(_ condition: Condition, visiting: inout Set<String>) -> Truth {
        switch condition {
        case .all(let parts):
            var results: [Truth] = []
            for part in parts { results.append(evaluate(part, visiting: &visiting)) }
            return Truth.and(results)
        case .any(let parts):
            var results: [Truth] = []
            for part in parts { results.append(evaluate(part, visiting: &visiting)) }
            return Truth.or(results)
        case .not(let inner): return evaluate(inner, visiting: &visiting).negated
        case .constant(let flag): return flag ? .true : .false
        case .holds(let rule, _): return holds(rule: rule, visiting: &visiting)
        default: return atom(condition)
        }
    }

    /// The truth of one atom (`CompiledAtom` says what atoms mean).
    public func atom(_ condition: Condition) -> Truth {
        if let known, let index = known.compiled.atomIndex[condition] { return known.atoms[index] }
        guard let compiled = CompiledAtom(condition, graph: graph) else { return evaluate(condition) }
        return compiled.truth(facts[compiled.fact])
    }

    /// The atoms of `condition` (following rule references) with their truth, in order.
    public func atoms(of condition: Condition) -> [(atom: Condition, truth: Truth)] {
        var result: [(Condition, Truth)] = []
        var visiting: Set<String> = []
        func walk(_ condition: Condition) {
            condition.visitAtoms { atom in
                if case .holds(let rule, _) = atom, let definition = graph.rules[rule], visiting.insert(rule).inserted {
                    walk(definition.condition)
                } else if case .holds = atom {
                } else {
                    result.append((atom, self.atom(atom)))
                }
            }
        }
        walk(condition)
        return result
    }
}
