import ClauseGraph

/// Writes condition atoms and fact values the way a lawyer reads them:
/// "model.training-compute 3e26 operations ≥ 1e26 operations".
public struct AtomRenderer: Sendable {
    public let graph: ClauseGraph
    /// The comparisons whose comparator is in doubt, said beside a value exactly at their threshold.
    public let thresholds: ThresholdEquality

    public init(graph: ClauseGraph) {
        self.graph = graph
        thresholds = ThresholdEquality(graph: graph)
    }

    /// The atom as a statement ("recipient.location is in Supp. No. 5 to Part 740 (a)").
    public func statement(_ atom: Condition, negated: Bool = false) -> String {
        switch atom {
        case .compare(let c):
            let op = negated ? c.op.negatedSymbol : c.op.symbol
            return "\(c.fact) \(op) \(display(c.value))\(c.unit.map { " " + $0 } ?? "")"
        case .equals(let fact, let value, _):
            return "\(fact) \(negated ? "is not" : "is") \(value)"
        case .member(let fact, let members, _):
            return "\(fact) \(negated ? "is not in" : "is in") \(describe(members))"
        case .contains(let fact, let members, _):
            return "\(fact) \(negated ? "does not include" : "includes") \(describe(members))"
        case .holds(let rule, _):
            let label = graph.inlineLabel(ofRule: rule)
            return negated ? "not: \(label)" : label
        case .constant(let flag): return String(flag != negated)
        default: return "condition"
        }
    }

    /// The atom with the request's own value, e.g. "recipient.location PL is not in Tier 1 …".
    /// An atom the request leaves open says so ("unknown whether …"), so that an unknown value
    /// never reads as if it met the test; a value exactly at a threshold whose comparator is in
    /// doubt says that the verdict rests on it (`ThresholdEquality`).
    public func finding(_ atom: Condition, truth: Truth, facts: FactSnapshot) -> String {
        let negated = truth == .false
        let open = truth == .unknown ? "unknown whether " : ""
        switch atom {
        case .compare(let c):
            return "\(c.fact) = \(value(facts[c.fact], unit: c.unit))\(assumed(c.fact, unit: c.unit, facts: facts)): "
                + "\(open)\(negated ? "not " : "")\(c.op.symbol) \(display(c.value))\(c.unit.map { " " + $0 } ?? "")"
                + (thresholds.note(c, value: facts[c.fact]).map { " (\($0))" } ?? "")
        case .equals(let fact, _, _), .member(let fact, _, _), .contains(let fact, _, _):
            return "\(open)\(statement(atom, negated: negated)) (request: \(value(facts[fact], unit: nil)))"
        default:
            return open + statement(atom, negated: negated)
        }
    }

    /// " (taken from the FLOP figure given)" when the request gave the quantity in another unit
    /// only and the figure in `unit` is the request's assumption: every explanation resting on it
    /// says so, not only the request's list of assumptions.
    private func assumed(_ fact: String, unit: String?, facts: FactSnapshot) -> String {
        guard let unit, facts.assumptions.contains(where: { $0.fact == fact && $0.unit == unit }),
              case .quantity(let byUnit) = facts[fact] else { return "" }
        let given = byUnit.keys.filter { given in !facts.assumptions.contains { $0.fact == fact && $0.unit == given } }.sorted()
        return given.isEmpty ? " (assumed)" : " (taken from the \(given.joined(separator: " and ")) figure given)"
    }

    public func value(_ value: FactValue, unit: String?) -> String {
        switch value {
        case .unknown: return "unknown"
        case .boolean(let flag): return String(flag)
        case .date(let date): return date.iso
        case .scalar(let text): return text
        case .oneOf(let values): return "one of " + values.joined(separator: ", ")
        case .set(let elements): return elements.isEmpty ? "none" : elements.sorted().joined(separator: ", ")
        case .quantity(let byUnit):
            // Without a unit (a rule's facts), every unit the request gives.
            let units = unit.map { [$0] } ?? byUnit.keys.sorted()
            let known = units.compactMap { unit in byUnit[unit].map { Self.quantity($0, unit: unit) } }
            return known.isEmpty ? "unknown" : known.joined(separator: " and ")
        }
    }

    private static func quantity(_ bounds: QuantityBounds, unit: String) -> String {
        if let exact = bounds.exact { return "\(exact) \(unit)" }
        return "\(bounds.lower.map(\.description) ?? "?")…\(bounds.upper.map(\.description) ?? "?") \(unit)"
    }

    private func describe(_ members: Condition.Members) -> String {
        switch members {
        case .values(let values): return values.count == 1 ? values[0] : "{" + values.joined(separator: ", ") + "}"
        case .set(let id):
            guard let set = graph.sets[id] else { return id }
            return set.title ?? id
        }
    }

    private func display(_ literal: String) -> String {
        ExactDecimal(literal)?.description ?? literal
    }
}

extension Condition.Comparison.Operator {
    public var negatedSymbol: String {
        switch self {
        case .gt: "≤"
        case .ge: "<"
        case .lt: "≥"
        case .le: ">"
        case .eq: "≠"
        case .ne: "="
        }
    }
}
