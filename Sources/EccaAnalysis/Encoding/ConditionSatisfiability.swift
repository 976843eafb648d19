import ClauseGraph
import EccaSMT

/// What the structural lint (`ClauseGraph.lint`) cannot see, asked of Z3 over the facts' domains
/// and the rules' definitions: a condition that can never hold or holds whatever the facts, and
/// exceptions that together hold whenever their norm or rule applies. Each decided verdicts in
/// silence: an exception "the artefact is the weights" on 4E091's licence requirement, a
/// contradiction, a threshold below zero, an empty `<any/>` or an empty set passed `validate` and
/// turned conflicts clear or clear requests into conflicts (authoring QA 2026-12-07, H1, H2).
///
/// Each part of a condition is asked about, and only the first cause is reported: not the `all`
/// that a contradictory part makes contradictory, nor the norm whose rule can never hold. A rule
/// whose whole condition is `<false/>` and that carries an other reading is ecca's reading of a
/// contested rule (docs/rules-format.md), not a slip.
public enum ConditionSatisfiability {
    /// The findings for a graph the structural lint passed: rules in their order, then each
    /// provision's norms.
    public static func findings(in graph: ClauseGraph, timeoutMilliseconds: UInt32 = 10_000) throws -> [Diagnostic] {
        var checker = try Checker(graph: graph, timeoutMilliseconds: timeoutMilliseconds)
        for id in graph.ruleOrder {
            guard let rule = graph.rules[id] else { continue }
            try checker.check(.rule, rule.id, condition: rule.condition, exceptions: rule.exceptions,
                              otherReadings: rule.otherReadings, provision: rule.provisionID, at: rule.location)
        }
        for id in graph.provisionOrder {
            for norm in graph.provisions[id]?.norms ?? [] {
                try checker.check(.norm, norm.id, condition: norm.condition, exceptions: norm.exceptions,
                                  otherReadings: norm.otherReadings, provision: id, at: norm.location)
            }
        }
        return checker.findings
    }

    /// What carries a condition: named so in the findings ("norm 'n'", "rule 'r'").
    private enum Kind: String, CustomStringConvertible {
        case norm, rule
        var description: String { rawValue }
    }

    private struct Checker {
        let encoding: RegulationEncoding
        /// The facts' domains and the rules' definitions, without the norms' activations: what a
        /// condition's terms mean. With every norm's definition beside them each check grew with
        /// the law (2,000 norms on one quantity took 52 s to validate).
        let solver: SMTSolver
        var findings: [Diagnostic] = []
        /// Rules reported as never holding, or never active: what refers to them is not reported again.
        var dead: Set<String> = []

        init(graph: ClauseGraph, timeoutMilliseconds: UInt32) throws {
            encoding = try RegulationEncoding(graph: graph, timeoutMilliseconds: timeoutMilliseconds)
            solver = try SMTSolver(context: encoding.context)
            try solver.setTimeout(milliseconds: timeoutMilliseconds)
            try solver.setParameter("arith.propagation_mode", .uint(0))
            try solver.assert(Array(encoding.baseAssertions[..<encoding.normsStart]))
        }

        /// Whether the domains and rules with `terms` have a model; nil when Z3 could not tell in time.
        func satisfiable(_ terms: [SMTTerm]) throws -> Bool? {
            try solver.push()
            defer { try? solver.pop() }
            try solver.assert(terms)
            switch try solver.check() {
            case .sat: return true
            case .unsat: return false
            case .unknown: return nil
            }
        }

        mutating func check(_ kind: Kind, _ id: String, condition: Condition?, exceptions: [Exception], otherReadings: [Exception],
                            provision: String, at location: SourceLocation) throws {
            let context = encoding.context
            let contested = !otherReadings.isEmpty
            // What refers to a rule already reported is that rule's finding.
            let referenced = (condition?.ruleReferences ?? []) + exceptions.flatMap(\.condition.ruleReferences)
            if referenced.contains(where: dead.contains) {
                dead.insert(id)
                return
            }
            if let condition {
                // Not dead: what refers to it is checked as ever (it holds on the other reading).
                if case .constant(false) = condition, contested { return }
                let reported = try parts(of: condition, in: kind, id, provision: provision, fallback: location)
                let holds = try encoding.term(condition)
                if try satisfiable([holds]) == false {
                    if !reported.never {
                        findings.append(Diagnostic(.error, "the condition of \(kind) '\(id)' can never hold: it contradicts itself or the domains of its facts, so the \(kind) never applies",
                                                   at: location, subject: provision))
                    }
                    dead.insert(id)
                    return
                }
                if !reported.always, !Self.isConstant(condition), try satisfiable([try context.not(holds)]) == false {
                    findings.append(Diagnostic(.warning, "the condition of \(kind) '\(id)' holds whatever the facts: the \(kind) applies to every request",
                                               at: location, subject: provision))
                }
            }
            let holds = try condition.map { try encoding.term($0) } ?? context.true
            let none = try exceptions.map { try context.not(encoding.term($0.condition)) }
            try checkReadings(otherReadings, kind, id, active: [holds] + none, provision: provision)
            guard !exceptions.isEmpty else { return }
            if let covering = try covering(exceptions, of: holds) {
                let named = covering.count == 1 ? "its exception '\(covering[0].id)' holds" : "its exceptions \(covering.map { "'\($0.id)'" }.joined(separator: " and ")) together hold"
                findings.append(Diagnostic(.error, "\(named) whenever \(kind) '\(id)' would apply: it can never be active",
                                           at: covering.count == 1 ? covering[0].location : location, subject: provision))
                dead.insert(id)
            }
        }

        /// An other reading is reported where it differs from ecca's: a norm's where the norm is
        /// active on ecca's reading (`active`) and the reading's condition holds; a rule's where it
        /// holds and the rule does not. One that never differs can never be said, and is dead
        /// encoding (authoring QA 2026-12-07, M4).
        mutating func checkReadings(_ readings: [Exception], _ kind: Kind, _ id: String, active: [SMTTerm], provision: String) throws {
            for reading in readings {
                let holds = try encoding.term(reading.condition)
                let differs: [SMTTerm]
                if kind == .rule, let rule = encoding.ruleTerms[id] {
                    differs = [holds, try encoding.context.not(rule)]
                } else {
                    differs = active + [holds]
                }
                if try satisfiable(differs) == false {
                    let where_ = kind == .rule ? "the rule already holds wherever it does" : "it holds only where the norm does not apply on ecca's reading"
                    findings.append(Diagnostic(.warning, "the other reading '\(reading.id)' of \(kind) '\(id)' can never be reported: \(where_)",
                                               at: reading.location, subject: provision))
                }
            }
        }

        /// The exceptions that together hold wherever `holds` does (a core Z3 finds: often the one
        /// too wide, or the two that contradict), or nil when the norm or rule can be active.
        func covering(_ exceptions: [Exception], of holds: SMTTerm) throws -> [Exception]? {
            let context = encoding.context
            try solver.push()
            defer { try? solver.pop() }
            try solver.assert(holds)
            var literals: [SMTTerm] = []
            for (index, exception) in exceptions.enumerated() {
                let literal = try context.bool("lint:exception:\(index)")
                try solver.assert(try context.implies(literal, context.not(encoding.term(exception.condition))))
                literals.append(literal)
            }
            guard case .unsat = try solver.check(assumptions: literals) else { return nil }
            let core = try solver.unsatCore()
            let named = exceptions.indices.filter { index in core.contains { $0 == literals[index] } }.map { exceptions[$0] }
            return named.isEmpty ? exceptions : named
        }

        /// Reports each part of `condition` (not a constant, not a rule's `holds`, which its rule's
        /// own check covers) that can never hold or holds whatever the facts, below the parts that
        /// already make it so; says whether any such was reported, to leave the whole unsaid.
        mutating func parts(of condition: Condition, in kind: Kind, _ id: String, provision: String,
                            fallback: SourceLocation) throws -> (never: Bool, always: Bool) {
            var below = (never: false, always: false)
            switch condition {
            case .constant, .holds: return below
            case .all(let parts), .any(let parts):
                for part in parts {
                    let reported = try self.parts(of: part, in: kind, id, provision: provision, fallback: fallback)
                    below.never = below.never || reported.never
                    below.always = below.always || reported.always
                }
            case .not(let inner):
                // What never holds inside always holds outside.
                let reported = try parts(of: inner, in: kind, id, provision: provision, fallback: fallback)
                below = (reported.always, reported.never)
            default:
                break
            }
            let term = try encoding.term(condition)
            let at = condition.location ?? fallback
            if !below.never, try satisfiable([term]) == false {
                findings.append(Diagnostic(.error, "\(Self.describe(condition)) in \(kind) '\(id)' can never hold: it contradicts itself or the domains of its facts",
                                           at: at, subject: provision))
                return (true, below.always)
            }
            if !below.always, try satisfiable([try encoding.context.not(term)]) == false {
                findings.append(Diagnostic(.warning, "\(Self.describe(condition)) in \(kind) '\(id)' holds whatever the facts",
                                           at: at, subject: provision))
                return (below.never, true)
            }
            return below
        }

        static func isConstant(_ condition: Condition) -> Bool {
            if case .constant = condition { return true }
            return false
        }

        /// The part as its element names it: `<compare fact="model.training-compute" op="ge">`.
        static func describe(_ condition: Condition) -> String {
            switch condition {
            case .all(let parts): parts.isEmpty ? "an empty <all>" : "an <all>"
            case .any(let parts): parts.isEmpty ? "an empty <any>" : "an <any>"
            case .not: "a <not>"
            case .constant(let value): "<\(value)/>"
            case .compare(let comparison): "<compare fact=\"\(comparison.fact)\" op=\"\(comparison.op.rawValue)\" value=\"\(comparison.value)\">"
            case .equals(let fact, let value, _): "<is fact=\"\(fact)\" value=\"\(value)\">"
            case .member(let fact, let members, _): "<in fact=\"\(fact)\"\(describe(members))>"
            case .contains(let fact, let members, _): "<has fact=\"\(fact)\"\(describe(members))>"
            case .holds(let rule, _): "<holds rule=\"\(rule)\">"
            }
        }

        static func describe(_ members: Condition.Members) -> String {
            switch members {
            case .set(let set): " set=\"\(set)\""
            case .values(let values): " values=\"\(values.joined(separator: " "))\""
            }
        }
    }
}
