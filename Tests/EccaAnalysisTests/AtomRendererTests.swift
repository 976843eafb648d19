import ClauseGraph
@testable import EccaAnalysis
import Testing

/// The words an explanation gives for one atom: the request's own value beside the test, and an
/// atom the request leaves open never worded as if it were met.
@Suite struct AtomRendererTests {
    let at = SourceLocation(file: "test", line: 1)

    func finding(_ atom: Condition, _ facts: FactSnapshot) throws -> String {
        let graph = try GraphFixture.graph("")
        let truth = ConditionEvaluator(graph: graph, facts: facts).evaluate(atom)
        return AtomRenderer(graph: graph).finding(atom, truth: truth, facts: facts)
    }

    @Test func aComparisonSaysTheValueAndWhetherItMeetsTheThreshold() throws {
        let atom = Condition.compare(.init(fact: "model.training-compute", op: .ge, value: "1e26", unit: "operations", location: at))
        func compute(_ bounds: QuantityBounds?) -> FactSnapshot {
            FactSnapshot(values: bounds.map { ["model.training-compute": .quantity(["operations": $0])] } ?? [:])
        }
        #expect(try finding(atom, compute(.exactly(ExactDecimal("3e26")!)))
                == "model.training-compute = 3e26 operations: ≥ 1e26 operations")
        #expect(try finding(atom, compute(.exactly(ExactDecimal("5e25")!)))
                == "model.training-compute = 5e25 operations: not ≥ 1e26 operations")
        #expect(try finding(atom, compute(QuantityBounds(lower: ExactDecimal("5e25")!, upper: ExactDecimal("2e26")!)))
                == "model.training-compute = 5e25…2e26 operations: unknown whether ≥ 1e26 operations")
        #expect(try finding(atom, compute(nil))
                == "model.training-compute = unknown: unknown whether ≥ 1e26 operations")
    }

    /// A figure the request gave only in the other unit says it rests on that figure.
    @Test func aComparisonWithAnAssumedFigureSaysSo() throws {
        let atom = Condition.compare(.init(fact: "model.training-compute", op: .ge, value: "1e26", unit: "operations", location: at))
        let figure = QuantityBounds.exactly(ExactDecimal("5e25")!)
        let facts = FactSnapshot(values: ["model.training-compute": .quantity(["FLOP": figure, "operations": figure])],
                                 assumptions: [.init(fact: "model.training-compute", unit: "operations", text: "operations taken as FLOP")])
        #expect(try finding(atom, facts)
                == "model.training-compute = 5e25 operations (taken from the FLOP figure given): not ≥ 1e26 operations")
    }

    @Test func aMembershipSaysTheRequestsValue() throws {
        let atom = Condition.member(fact: "recipient.location", of: .values(["US", "JP"]), at: at)
        #expect(try finding(atom, FactSnapshot(values: ["recipient.location": .scalar("JP")]))
                == "recipient.location is in {US, JP} (request: JP)")
        #expect(try finding(atom, FactSnapshot(values: ["recipient.location": .scalar("PL")]))
                == "recipient.location is not in {US, JP} (request: PL)")
        #expect(try finding(atom, FactSnapshot())
                == "unknown whether recipient.location is in {US, JP} (request: unknown)")
    }
}
