/// Lint checks on exceptions that defeat more than they should (issue 8, semantic attacks).
extension ClauseGraph {
    /// A norm or rule whose exception holds whenever its own condition does can never apply: the
    /// provision defeats itself, and its norm silently drops out of every analysis. Decided on the
    /// conditions' structure (locations aside): the exception is `true`, or each of its conjuncts is
    /// a conjunct of the condition. Subtler implications are left to the solver's analyses.
    func lintSelfDefeat() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for id in provisionOrder {
            let provision = provisions[id]!
            for norm in provision.norms {
                for exception in norm.exceptions where Self.implies(norm.condition, exception.condition) {
                    findings.append(Diagnostic(.error, "exception '\(exception.id)' holds whenever norm '\(norm.id)' applies: the norm can never be active",
                                               at: exception.location, subject: id))
                }
            }
            for rule in provision.countsAs {
                for exception in rule.exceptions where Self.implies(rule.condition, exception.condition) {
                    findings.append(Diagnostic(.error, "exception '\(exception.id)' holds whenever rule '\(rule.id)' would: the rule can never hold",
                                               at: exception.location, subject: id))
                }
            }
        }
        return findings
    }

    /// Whether `condition` (nil: always) structurally implies `exception`.
    static func implies(_ condition: Condition?, _ exception: Condition) -> Bool {
        let required = Set(conjuncts(exception).map(\.withoutLocations))
        if required.contains(.constant(false)) { return false }
        let given = Set((condition.map(conjuncts) ?? []).map(\.withoutLocations))
        return required.subtracting([.constant(true)]).isSubset(of: given)
    }

    /// The parts of a conjunction, flattened (`all` inside `all`).
    static func conjuncts(_ condition: Condition) -> [Condition] {
        if case .all(let parts) = condition { return parts.flatMap(conjuncts) }
        return [condition]
    }

    /// Provisions that create exceptions to each other's norms (A excepts B's norm, B excepts A's)
    /// are legal in form but usually an encoding slip, and a reader of a conflict report cannot
    /// tell which provision yields: a warning, naming the loop.
    func lintMutualDefeat() -> [Diagnostic] {
        var targets: [String: [String]] = [:]
        for edge in edges where edge.kind == .defeats && edge.from != edge.to && provisions[edge.from] != nil {
            if !(targets[edge.from] ?? []).contains(edge.to) { targets[edge.from, default: []].append(edge.to) }
        }
        var findings: [Diagnostic] = []
        var state: [String: Int] = [:]
        var reported: Set<[String]> = []
        func visit(_ id: String, path: [String]) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                guard let start = path.firstIndex(of: id) else { return }
                let loop = Array(path[start...])
                if reported.insert(loop.sorted()).inserted {
                    findings.append(Diagnostic(.warning, "provisions create exceptions to each other's norms: \((loop + [id]).joined(separator: " → "))",
                                               at: provisions[id]?.location, subject: id))
                }
                return
            }
            state[id] = 1
            for next in targets[id] ?? [] { visit(next, path: path + [id]) }
            state[id] = 2
        }
        for id in provisionOrder where targets[id] != nil { visit(id, path: []) }
        return findings
    }
}

extension Condition {
    /// The same condition with every source location cleared, for comparing what conditions say.
    var withoutLocations: Condition {
        let nowhere = SourceLocation(file: "", line: 0)
        switch self {
        case .all(let parts): return .all(parts.map(\.withoutLocations))
        case .any(let parts): return .any(parts.map(\.withoutLocations))
        case .not(let inner): return .not(inner.withoutLocations)
        case .constant: return self
        case .compare(var comparison):
            comparison.location = nowhere
            return .compare(comparison)
        case .equals(let fact, let value, _): return .equals(fact: fact, value: value, at: nowhere)
        case .member(let fact, let members, _): return .member(fact: fact, of: members, at: nowhere)
        case .contains(let fact, let members, _): return .contains(fact: fact, element: members, at: nowhere)
        case .holds(let rule, _): return .holds(rule: rule, at: nowhere)
        }
    }
}
