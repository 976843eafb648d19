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

    public init(graph: ClauseGraph, facts: FactSnapshot) {
        self.graph = graph
        self.facts = facts
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
        if let known = memo.rules[id] { return known }
        guard let rule = graph.rules[id], visiting.insert(id).inserted else { return .unknown }
        defer { visiting.remove(id) }
        let base = evaluate(rule.condition, visiting: &visiting)
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

    /// The truth of one atom.
    public func atom(_ condition: Condition) -> Truth {
        switch condition {
        case .compare(let comparison): return compare(comparison)
        case .equals(let fact, let value, _): return equals(fact: fact, value: value)
        case .member(let fact, let members, _):
            if case .set(let id) = members, case .scalar(let actual) = facts[fact], graph.facts[fact]?.type != .provision,
               let set = graph.setMembers[id] {
                return set.contains(actual) ? .true : .false
            }
            let allowed = values(of: members)
            switch facts[fact] {
            case .scalar(let actual): return matches(fact: fact, actual: actual, anyOf: allowed) ? .true : .false
            case .oneOf(let candidates):
                let hits = candidates.filter { matches(fact: fact, actual: $0, anyOf: allowed) }
                return hits.isEmpty ? .false : hits.count == candidates.count ? .true : .unknown
            case .boolean(let flag): return allowed.contains(flag ? "true" : "false") ? .true : .false
            default: return .unknown
            }
        case .contains(let fact, let members, _):
            guard case .set(let elements) = facts[fact] else { return .unknown }
            return values(of: members).contains(where: elements.contains) ? .true : .false
        default: return evaluate(condition)
        }
    }

    private func equals(fact: String, value: String) -> Truth {
        switch facts[fact] {
        case .boolean(let flag): return (flag ? "true" : "false") == value ? .true : .false
        case .scalar(let actual): return matches(fact: fact, actual: actual, anyOf: [value]) ? .true : .false
        case .oneOf(let candidates):
            let hits = candidates.filter { $0 == value }
            return hits.isEmpty ? .false : hits.count == candidates.count ? .true : .unknown
        case .date(let date): return LegalDate(iso: value) == date ? .true : .false
        default: return .unknown
        }
    }

    /// Provision facts match a value when they name it or a provision within it.
    private func matches(fact: String, actual: String, anyOf allowed: [String]) -> Bool {
        if graph.facts[fact]?.type == .provision {
            return allowed.contains { actual == $0 || actual.hasPrefix($0 + ".") }
        }
        return allowed.contains(actual)
    }

    func values(of members: Condition.Members) -> [String] {
        switch members {
        case .values(let values): values
        case .set(let id): graph.sets[id]?.members ?? []
        }
    }

    private func compare(_ comparison: Condition.Comparison) -> Truth {
        switch facts[comparison.fact] {
        case .date(let date):
            guard let threshold = comparison.date else { return .unknown }
            return Self.compare(lower: date.dayNumber, upper: date.dayNumber, comparison.op, threshold.dayNumber)
        case .quantity(let byUnit):
            guard let unit = comparison.unit, let bounds = byUnit[unit], let threshold = comparison.number else { return .unknown }
            return Self.compare(lower: bounds.lower, upper: bounds.upper, comparison.op, threshold)
        default:
            return .unknown
        }
    }

    /// Compares an interval [lower, upper] (nil = unbounded) with a threshold.
    static func compare<T: Comparable>(lower: T?, upper: T?, _ op: Condition.Comparison.Operator, _ threshold: T) -> Truth {
        func always(_ test: (T) -> Bool, _ point: T?) -> Bool { point.map(test) ?? false }
        switch op {
        case .gt:
            if always({ $0 > threshold }, lower) { return .true }
            if always({ $0 <= threshold }, upper) { return .false }
        case .ge:
            if always({ $0 >= threshold }, lower) { return .true }
            if always({ $0 < threshold }, upper) { return .false }
        case .lt:
            if always({ $0 < threshold }, upper) { return .true }
            if always({ $0 >= threshold }, lower) { return .false }
        case .le:
            if always({ $0 <= threshold }, upper) { return .true }
            if always({ $0 > threshold }, lower) { return .false }
        case .eq:
            if let lower, let upper, lower == upper { return lower == threshold ? .true : .false }
            if always({ $0 > threshold }, lower) || always({ $0 < threshold }, upper) { return .false }
        case .ne:
            if let lower, let upper, lower == upper { return lower != threshold ? .true : .false }
            if always({ $0 > threshold }, lower) || always({ $0 < threshold }, upper) { return .true }
        }
        return .unknown
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
