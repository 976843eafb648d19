import ClauseGraph
import EccaFormats

/// The checked norms' conditions compiled once per engine into flat programs over atom indices,
/// so that a check's norm truths come from an array of atom truths rather than from walking
/// condition trees over string-keyed facts. Each atom mentions one fact, and each fact belongs to
/// one scope of a request (`FactBinding.Scope`): atoms are evaluated once per request, item,
/// channel or recipient, and a check only combines them.
///
/// Gives the same truths as `ConditionEvaluator` (Kleene logic, rules followed, a rule reached
/// again while it is being evaluated is unknown); a test holds the two together.
struct CompiledConditions {
    /// A condition as postfix operations over atom and rule indices.
    struct Program {
        enum Operation {
            case atom(Int)
            case rule(Int)
            case constant(Truth)
            case not
            case and(Int)
            case or(Int)
        }
        var operations: [Operation] = []
    }

    let atoms: [Condition]
    /// The atoms with their graph look-ups done (nil only for a non-atom, which reads unknown).
    let compiledAtoms: [CompiledAtom?]
    /// Per atom, the position of its fact among its scope's facts (`FactLayout`); nil for a fact
    /// outside the vocabulary, which is unknown.
    let factPositions: [Int?]
    /// The scope of each atom's fact.
    let atomScopes: [FactBinding.Scope]
    /// Atom indices by scope (`FactBinding.Scope.rawValue`).
    let atomsByScope: [[Int]]
    /// Per checked norm: its condition and none of its exceptions.
    let norms: [Program]
    let rules: [Program]

    init(graph: ClauseGraph, layout: FactLayout, atoms: [Condition], norms: [Norm]) {
        self.atoms = atoms
        compiledAtoms = atoms.map { CompiledAtom($0, graph: graph) }
        var index: [Condition: Int] = [:]
        for (position, atom) in atoms.enumerated() { index[atom] = position }
        let ruleIDs = graph.ruleOrder
        var ruleIndex: [String: Int] = [:]
        for (position, id) in ruleIDs.enumerated() { ruleIndex[id] = position }

        func compile(_ condition: Condition, into program: inout Program) {
            switch condition {
            case .all(let parts):
                parts.forEach { compile($0, into: &program) }
                program.operations.append(.and(parts.count))
            case .any(let parts):
                parts.forEach { compile($0, into: &program) }
                program.operations.append(.or(parts.count))
            case .not(let inner):
                compile(inner, into: &program)
                program.operations.append(.not)
            case .constant(let flag):
                program.operations.append(.constant(flag ? .true : .false))
            case .holds(let rule, _):
                program.operations.append(ruleIndex[rule].map(Program.Operation.rule) ?? .constant(.unknown))
            default:
                program.operations.append(index[condition].map(Program.Operation.atom) ?? .constant(.unknown))
            }
        }
        func compile(condition: Condition?, exceptions: [Condition]) -> Program {
            var program = Program()
            if let condition { compile(condition, into: &program) } else { program.operations.append(.constant(.true)) }
            for exception in exceptions {
                compile(exception, into: &program)
                program.operations.append(.not)
            }
            program.operations.append(.and(1 + exceptions.count))
            return program
        }
        self.norms = norms.map { compile(condition: $0.condition, exceptions: $0.exceptions.map(\.condition)) }
        self.rules = ruleIDs.map { id in
            let rule = graph.rules[id]!
            return compile(condition: rule.condition, exceptions: rule.exceptions.map(\.condition))
        }

        let positions = atoms.map { atom in atom.facts.first.flatMap { layout.positions[$0] } }
        atomScopes = positions.map { $0?.scope ?? .request }
        factPositions = positions.map { $0?.index }
        var byScope = Array(repeating: [Int](), count: FactBinding.Scope.allCases.count)
        for (position, scope) in atomScopes.enumerated() { byScope[scope.rawValue].append(position) }
        atomsByScope = byScope
    }

    /// The truths of the atoms of a scope (in `atomsByScope` order), on that scope's facts.
    func truths(on facts: ScopedFacts) -> [Truth] {
        atomsByScope[facts.scope.rawValue].map { index in
            guard let atom = compiledAtoms[index] else { return .unknown }
            return atom.truth(factPositions[index].map { facts.values[$0] } ?? .unknown)
        }
    }

    /// The truth of every checked norm (condition ∧ ¬exceptions) given every atom's truth.
    func normTruths(atoms truths: [Truth]) -> [Truth] {
        var run = Run(conditions: self, atoms: truths)
        return norms.map { run.evaluate($0) }
    }

    /// One evaluation: rule truths are worked out once and remembered.
    private struct Run {
        let conditions: CompiledConditions
        let atoms: [Truth]
        /// nil: not yet evaluated; `.some(nil)`: being evaluated (a cycle reads unknown).
        var ruleTruths: [Truth??]
        var stack: [Truth] = []

        init(conditions: CompiledConditions, atoms: [Truth]) {
            self.conditions = conditions
            self.atoms = atoms
            ruleTruths = Array(repeating: nil, count: conditions.rules.count)
            stack.reserveCapacity(16)
        }

        mutating func evaluate(_ program: Program) -> Truth {
            let base = stack.count
            for operation in program.operations {
                switch operation {
                case .atom(let index): stack.append(atoms[index])
                case .constant(let truth): stack.append(truth)
                case .rule(let index): stack.append(rule(index))
                case .not: stack[stack.count - 1] = stack[stack.count - 1].negated
                case .and(let count): combine(count, absorbing: .false, identity: .true)
                case .or(let count): combine(count, absorbing: .true, identity: .false)
                }
            }
            let result = stack[base]
            stack.removeSubrange(base...)
            return result
        }

        /// Kleene and/or over the top `count` values: the absorbing value wins, then unknown.
        private mutating func combine(_ count: Int, absorbing: Truth, identity: Truth) {
            var result = identity
            for value in stack[(stack.count - count)...] {
                if value == absorbing {
                    result = absorbing
                    break
                }
                if value == .unknown { result = .unknown }
            }
            stack.removeLast(count)
            stack.append(result)
        }

        private mutating func rule(_ index: Int) -> Truth {
            switch ruleTruths[index] {
            case .some(.some(let truth)): return truth
            case .some(.none): return .unknown
            case .none:
                ruleTruths[index] = .some(nil)
                let truth = evaluate(conditions.rules[index])
                ruleTruths[index] = truth
                return truth
            }
        }
    }
}
