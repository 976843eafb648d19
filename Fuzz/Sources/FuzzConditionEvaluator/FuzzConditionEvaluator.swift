import ClauseGraph
import EccaAnalysis
import FuzzSupport

/// The three-valued condition evaluator behind explanations, on conditions and fact snapshots
/// built from the input over the shipped vocabulary, with hostile values mixed in (unknown facts,
/// sets and rules; `NaN`, `1e400`, `-0`, impossible dates; values of the wrong type).
///
/// Invariants: Kleene logic holds (`not`, `all` and `any` with a neutral element), an atom
/// evaluates the same through `atom` and `evaluate`, and rendering an atom never fails.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(fuzzBytes(data, size))
    let graph = Shipped.graph
    var builder = ConditionBuilder(graph: graph)
    let snapshot = builder.snapshot(&input)
    let evaluator = ConditionEvaluator(graph: graph, facts: snapshot)
    let renderer = AtomRenderer(graph: graph)
    var conditions: [Condition] = []
    while !input.isExhausted && conditions.count < 16 { conditions.append(builder.condition(&input, depth: 0)) }
    for condition in conditions {
        let truth = evaluator.evaluate(condition)
        invariant(evaluator.evaluate(.not(condition)) == truth.negated, "not")
        invariant(evaluator.evaluate(.all([condition, .constant(true)])) == truth, "all with true")
        invariant(evaluator.evaluate(.any([condition, .constant(false)])) == truth, "any with false")
        invariant(evaluator.evaluate(.all([condition, .not(condition)])) != .true, "c and not c")
        for (atom, value) in evaluator.atoms(of: condition) {
            invariant(evaluator.atom(atom) == value, "atoms(of:) and atom disagree")
            _ = renderer.statement(atom)
            _ = renderer.statement(atom, negated: true)
        }
        if case .holds = condition {} else if case .all = condition {} else if case .any = condition {} else if case .not = condition {} else {
            invariant(evaluator.atom(condition) == truth, "atom and evaluate disagree on an atom")
        }
    }
    for id in graph.ruleOrder { _ = evaluator.holds(rule: id) }
    return 0
}

/// Builds conditions and snapshots from fuzz input over a graph's vocabulary.
struct ConditionBuilder {
    let graph: ClauseGraph
    let facts: [String]
    let rules: [String]
    let sets: [String]
    let values: [String]
    let units = ["FLOP", "operations", "parameters", ""]
    let numbers = ["1e25", "1e26", "1e400", "-0", "0", "NaN", "inf", "-1e26", "1e-140", "2.5e25", "99999999999999999999999999", "1e", ".", "+7"]
    let dates = ["2026-08-02", "2025-05-13", "0000-01-01", "9999-12-31", "2026-02-30", "2024-02-29", "2023-02-29", "2026-13-01", "26-01-01", "2026-1-1"]

    init(graph: ClauseGraph) {
        self.graph = graph
        facts = graph.factOrder + ["no.such.fact", ""]
        rules = graph.ruleOrder + ["no-such-rule"]
        sets = graph.sets.keys.sorted() + ["no-such-set"]
        var collected: Set<String> = ["true", "false", "US", "PL", "CN", "XX", "weights", "transfer", "", "eu.ai-act.art92"]
        for fact in graph.facts.values { collected.formUnion(fact.values) }
        for set in graph.sets.values { collected.formUnion(set.members) }
        values = collected.sorted()
    }

    mutating func condition(_ input: inout FuzzInput, depth: Int) -> Condition {
        let here = SourceLocation(file: "fuzz", line: depth)
        let kind = depth > 6 ? 3 + input.below(7) : input.below(10)
        switch kind {
        case 0: return .all((0..<input.below(4)).map { _ in condition(&input, depth: depth + 1) })
        case 1: return .any((0..<input.below(4)).map { _ in condition(&input, depth: depth + 1) })
        case 2: return .not(condition(&input, depth: depth + 1))
        case 3: return .constant(input.byte() & 1 == 1)
        case 4:
            let useDate = input.byte() & 1 == 1
            let value = input.byte() < 32 ? input.rawString() : (useDate ? input.pick(dates)! : input.pick(numbers)!)
            let unit = input.pick(units)!
            return .compare(.init(fact: input.pick(facts)!, op: input.pick(Condition.Comparison.Operator.allCases)!, value: value,
                                  unit: unit.isEmpty ? nil : unit, location: here))
        case 5: return .equals(fact: input.pick(facts)!, value: value(&input), at: here)
        case 6: return .member(fact: input.pick(facts)!, of: members(&input), at: here)
        case 7: return .contains(fact: input.pick(facts)!, element: members(&input), at: here)
        default: return .holds(rule: input.pick(rules)!, at: here)
        }
    }

    mutating func value(_ input: inout FuzzInput) -> String {
        input.byte() < 24 ? input.rawString() : input.pick(values)!
    }

    mutating func members(_ input: inout FuzzInput) -> Condition.Members {
        if input.byte() & 1 == 1 { return .set(input.pick(sets)!) }
        return .values((0..<input.below(4)).map { _ in value(&input) })
    }

    /// A snapshot with a value, of any type, for some of the facts.
    mutating func snapshot(_ input: inout FuzzInput) -> FactSnapshot {
        var snapshot = FactSnapshot()
        for fact in graph.factOrder {
            switch input.below(8) {
            case 0: snapshot.values[fact] = .unknown
            case 1: snapshot.values[fact] = .boolean(input.byte() & 1 == 1)
            case 2: snapshot.values[fact] = LegalDate(iso: input.pick(dates)!).map(FactValue.date) ?? .unknown
            case 3: snapshot.values[fact] = .scalar(value(&input))
            case 4: snapshot.values[fact] = .oneOf((0..<input.below(4)).map { _ in value(&input) })
            case 5: snapshot.values[fact] = .set(Set((0..<input.below(4)).map { _ in value(&input) }))
            case 6:
                var bounds: [String: QuantityBounds] = [:]
                for unit in units where input.byte() & 1 == 1 {
                    let lower = ExactDecimal(input.pick(numbers)!)
                    let upper = input.byte() & 1 == 1 ? lower : ExactDecimal(input.pick(numbers)!)
                    bounds[unit] = QuantityBounds(lower: lower, upper: upper)
                }
                snapshot.values[fact] = .quantity(bounds)
            default: break
            }
        }
        return snapshot
    }
}
