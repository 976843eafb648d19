import ClauseGraph

/// One atom of a condition with what it needs from the clause graph looked up once: its fact,
/// whether that fact names provisions, and the values it allows. The single statement of what
/// an atom means on a fact's value: `ConditionEvaluator` compiles atoms as it meets them, the
/// engine compiles the graph's atoms once. A class, so that evaluating one retains it rather
/// than copying its strings.
final class CompiledAtom: Sendable {
    enum Test {
        case compare(Condition.Comparison)
        case equals(String, date: LegalDate?)
        /// `namedSet`: the members of a named set, for a scalar fact that does not name provisions.
        case member(allowed: [String], namedSet: Set<String>?)
        case contains([String])
    }

    let fact: String
    /// Provision facts match a value when they name it or a provision within it.
    let isProvision: Bool
    let test: Test

    /// Nil for what is not an atom (all, any, not, constants, rule references).
    init?(_ condition: Condition, graph: ClauseGraph) {
        switch condition {
        case .compare(let comparison):
            fact = comparison.fact
            test = .compare(comparison)
        case .equals(let fact, let value, _):
            self.fact = fact
            test = .equals(value, date: LegalDate(iso: value))
        case .member(let fact, let members, _):
            self.fact = fact
            var named: Set<String>?
            if case .set(let id) = members, graph.facts[fact]?.type != .provision { named = graph.setMembers[id] }
            test = .member(allowed: graph.values(of: members), namedSet: named)
        case .contains(let fact, let members, _):
            self.fact = fact
            test = .contains(graph.values(of: members))
        default:
            return nil
        }
        isProvision = graph.facts[fact]?.type == .provision
    }

    /// The atom's truth on its fact's value.
    func truth(_ value: FactValue) -> Truth {
        switch test {
        case .compare(let comparison):
            return Self.compare(comparison, value)
        case .equals(let expected, let date):
            switch value {
            case .boolean(let flag): return (flag ? "true" : "false") == expected ? .true : .false
            case .scalar(let actual): return matches(actual, anyOf: [expected]) ? .true : .false
            case .oneOf(let candidates):
                let hits = candidates.filter { $0 == expected }
                return hits.isEmpty ? .false : hits.count == candidates.count ? .true : .unknown
            case .date(let actual): return date == actual ? .true : .false
            default: return .unknown
            }
        case .member(let allowed, let namedSet):
            if let namedSet, case .scalar(let actual) = value { return namedSet.contains(actual) ? .true : .false }
            switch value {
            case .scalar(let actual): return matches(actual, anyOf: allowed) ? .true : .false
            case .oneOf(let candidates):
                let hits = candidates.filter { matches($0, anyOf: allowed) }
                return hits.isEmpty ? .false : hits.count == candidates.count ? .true : .unknown
            case .boolean(let flag): return allowed.contains(flag ? "true" : "false") ? .true : .false
            default: return .unknown
            }
        case .contains(let allowed):
            guard case .set(let elements) = value else { return .unknown }
            return allowed.contains(where: elements.contains) ? .true : .false
        }
    }

    private func matches(_ actual: String, anyOf allowed: [String]) -> Bool {
        if isProvision { return allowed.contains { actual == $0 || actual.hasPrefix($0 + ".") } }
        return allowed.contains(actual)
    }

    private static func compare(_ comparison: Condition.Comparison, _ value: FactValue) -> Truth {
        switch value {
        case .date(let date):
            guard let threshold = comparison.date else { return .unknown }
            return compare(lower: date.dayNumber, upper: date.dayNumber, comparison.op, threshold.dayNumber)
        case .quantity(let byUnit):
            guard let unit = comparison.unit, let bounds = byUnit[unit], let threshold = comparison.number else { return .unknown }
            return compare(lower: bounds.lower, upper: bounds.upper, comparison.op, threshold)
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
}
