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
final class CompiledConditions: Sendable {
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

    /// The atoms with their graph look-ups done (nil only for a non-atom, which reads unknown).
    let compiledAtoms: [CompiledAtom?]
    /// Per atom, the position of its fact among its scope's facts (`FactLayout`); nil for a fact
    /// outside the vocabulary, which is unknown.
    let factPositions: [Int?]
    /// Atom indices by scope (`FactBinding.Scope.rawValue`).
    let atomsByScope: [[Int]]
    /// Atom and rule indices (`compiledAtoms`, `graph.ruleOrder`).
    let atomIndex: [Condition: Int]
    let ruleIndex: [String: Int]
    /// Per checked norm: its condition, and each of its exceptions' (a norm holds where its
    /// condition does and none of its exceptions; grounds say which part fails).
    let conditions: [Program]
    let exceptions: [[Program]]
    let rules: [Program]
    /// Rule indices, each after the rules its condition refers to (rules form no cycle: the lint
    /// rejects one; a reference that would close one reads unknown).
    let ruleOrder: [Int]
    /// The deepest stack any program needs.
    let stackDepth: Int

    init(graph: ClauseGraph, layout: FactLayout, atoms: [Condition], norms: [Norm]) {
        compiledAtoms = atoms.map { CompiledAtom($0, graph: graph) }
        var index: [Condition: Int] = [:]
        for (position, atom) in atoms.enumerated() { index[atom] = position }
        let ruleIDs = graph.ruleOrder
        var ruleIndex: [String: Int] = [:]
        for (position, id) in ruleIDs.enumerated() { ruleIndex[id] = position }

        atomIndex = index
        self.ruleIndex = ruleIndex
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
        conditions = norms.map { compile(condition: $0.condition, exceptions: []) }
        exceptions = norms.map { norm in
            norm.exceptions.map { exception in
                var program = Program()
                compile(exception.condition, into: &program)
                return program
            }
        }
        self.rules = ruleIDs.map { id in
            let rule = graph.rules[id]!
            return compile(condition: rule.condition, exceptions: rule.exceptions.map(\.condition))
        }

        var order: [Int] = []
        var state = Array(repeating: 0, count: self.rules.count)  // 0 new, 1 in progress, 2 done
        func visit(_ index: Int, _ programs: [Program]) {
            guard state[index] == 0 else { return }
            state[index] = 1
            for case .rule(let next) in programs[index].operations { visit(next, programs) }
            state[index] = 2
            order.append(index)
        }
        for index in self.rules.indices { visit(index, self.rules) }
        ruleOrder = order
        stackDepth = (conditions + self.rules + exceptions.joined()).map { program in
            var depth = 0, deepest = 1
            for operation in program.operations {
                switch operation {
                case .atom, .constant, .rule: depth += 1
                case .not: break
                case .and(let count), .or(let count): depth -= count - 1
                }
                deepest = max(deepest, depth)
            }
            return deepest
        }.max() ?? 1
        let positions = atoms.map { atom in atom.facts.first.flatMap { layout.positions[$0] } }
        let atomScopes = positions.map { $0?.scope ?? .request }
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
    func normTruths(atoms: [Truth]) -> [Truth] {
        withScratch { ruleTruths, stack in
            evaluateRules(atoms: atoms, into: ruleTruths, stack: stack)
            return conditions.indices.map { index in
                // condition ∧ ¬exception ∧ …, in Kleene logic; an exception that holds ends it.
                var truth = Self.evaluate(conditions[index], atoms: atoms, rules: ruleTruths, stack: stack)
                for exception in exceptions[index] where truth != .false {
                    switch Self.evaluate(exception, atoms: atoms, rules: ruleTruths, stack: stack) {
                    case .true: truth = .false
                    case .unknown: truth = .unknown
                    case .false: break
                    }
                }
                return truth
            }
        }
    }

    /// The truths of each checked norm's condition and of each of its exceptions, apart, and of
    /// every rule.
    struct PartTruths {
        /// Per checked norm (true for a norm without a condition).
        var conditions: [Truth]
        /// Per checked norm, per exception.
        var exceptions: [[Truth]]
        /// Per rule (`graph.ruleOrder`).
        var rules: [Truth]
    }

    func partTruths(atoms: [Truth]) -> PartTruths {
        withScratch { ruleTruths, stack in
            evaluateRules(atoms: atoms, into: ruleTruths, stack: stack)
            return PartTruths(conditions: conditions.map { Self.evaluate($0, atoms: atoms, rules: ruleTruths, stack: stack) },
                              exceptions: exceptions.map { $0.map { Self.evaluate($0, atoms: atoms, rules: ruleTruths, stack: stack) } },
                              rules: Array(ruleTruths))
        }
    }

    /// Space on the stack for the rules' truths and a program's stack.
    @inline(__always)
    private func withScratch<Result>(_ body: (UnsafeMutableBufferPointer<Truth>, UnsafeMutableBufferPointer<Truth>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Truth.self, capacity: rules.count + stackDepth) { scratch in
            body(UnsafeMutableBufferPointer(rebasing: scratch[..<rules.count]), UnsafeMutableBufferPointer(rebasing: scratch[rules.count...]))
        }
    }

    /// Every rule's truth, each after the rules it refers to.
    private func evaluateRules(atoms: [Truth], into ruleTruths: UnsafeMutableBufferPointer<Truth>, stack: UnsafeMutableBufferPointer<Truth>) {
        ruleTruths.initialize(repeating: .unknown)
        for index in ruleOrder { ruleTruths[index] = Self.evaluate(rules[index], atoms: atoms, rules: ruleTruths, stack: stack) }
    }

    /// Runs one program on a stack of `stack.count` ≥ its depth.
    private static func evaluate(_ program: Program, atoms: [Truth], rules: UnsafeMutableBufferPointer<Truth>,
                                 stack: UnsafeMutableBufferPointer<Truth>) -> Truth {
        var top = 0
        for operation in program.operations {
            switch operation {
            case .atom(let index):
                stack[top] = atoms[index]
                top += 1
            case .constant(let truth):
                stack[top] = truth
                top += 1
            case .rule(let index):
                stack[top] = rules[index]
                top += 1
            case .not:
                stack[top - 1] = stack[top - 1].negated
            case .and(let count), .or(let count):
                // Kleene and/or over the top `count` values: the absorbing value wins, then unknown.
                let isAnd: Bool = if case .and = operation { true } else { false }
                let absorbing: Truth = isAnd ? .false : .true
                var result: Truth = isAnd ? .true : .false
                for value in stack[(top - count)..<top] {
                    if value == absorbing {
                        result = absorbing
                        break
                    }
                    if value == .unknown { result = .unknown }
                }
                top -= count
                stack[top] = result
                top += 1
            }
        }
        return stack[0]
    }
}
