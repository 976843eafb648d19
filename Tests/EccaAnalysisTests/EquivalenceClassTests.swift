import ClauseGraph
@testable import EccaAnalysis
import EccaFormats
import Foundation
import Testing

/// Answers reused per equivalence class must be the answers the solver gives each check on its
/// own, and the compiled norm truths must be the evaluator's.
@Suite struct EquivalenceClassTests {
    /// Requests with facts left open, so that classes of open norms are exercised: no
    /// nationality, unknown publication, no code-of-practice answer and no compute figure,
    /// compute given as a range.
    static func varied(_ generator: RequestGenerator, _ index: Int) -> DisclosureRequest {
        var request = generator.request(index)
        switch index % 5 {
        case 1: request.model?.weightsPublished = nil
        case 2:
            request.provider?.codeOfPractice = nil
            request.model?.trainingCompute = nil
        case 3:
            for item in request.items.indices {
                for recipient in request.items[item].recipients?.indices ?? 0..<0 {
                    request.items[item].recipients?[recipient].nationalities = nil
                }
            }
        case 4:
            request.model?.trainingCompute = [.init(min: ExactDecimal("5e25"), max: ExactDecimal("\(1 + index % 3)e26"), unit: .operations)]
        default: break
        }
        return request
    }

    @Test func reusedAnswersEqualAnswersSolvedForEveryCheck() throws {
        let graph = try GraphFixture.shippedWithLetter()
        let warm = try ConflictEngine(graph: graph, options: AnalysisOptions(timeoutMilliseconds: nil))
        var freshOptions = AnalysisOptions(timeoutMilliseconds: nil)
        freshOptions.reuseEquivalentChecks = false
        let fresh = try ConflictEngine(graph: graph, options: freshOptions)
        let writer = AnalysisJSONWriter()
        let generator = RequestGenerator(seed: 5)
        var undetermined = 0  // checks left open by the facts
        for index in 0..<300 {
            let request = Self.varied(generator, index)
            let reused = try warm.analyze(request)
            let solved = try fresh.analyze(request)
            undetermined += reused.items.flatMap { $0.postures.values.flatMap(\.channels) }.filter { $0.outcome == .undetermined }.count
            #expect(writer.line(reused) == writer.line(solved), "request \(index)")
        }
        #expect(warm.statistics.cached > warm.statistics.solved)
        #expect(fresh.statistics.cached == 0)
        #expect(undetermined > 3, "\(undetermined)")
    }

    @Test func compiledTruthsEqualTheEvaluatorsOnEveryCheck() throws {
        let graph = try GraphFixture.shippedWithLetter()
        let engine = try ConflictEngine(graph: graph)
        let generator = RequestGenerator(seed: 9)
        var checked = 0
        var unknown = 0
        var explained = 0  // failure reasons compared
        for index in 0..<200 {
            let request = Self.varied(generator, index)
            let asOf = request.date ?? LegalDate(iso: "2026-11-25")!
            for (itemIndex, item) in request.items.enumerated() {
                for recipient in 0..<max(1, item.recipients?.count ?? 0) {
                    let slot = CheckSlot(item: itemIndex, recipient: item.recipients == nil ? nil : recipient, channel: item.channel)
                    let prepared = engine.prepare(request, slot: slot, asOf: asOf)
                    let evaluator = ConditionEvaluator(graph: graph, facts: prepared.snapshot)
                    let expected = engine.encoding.checkedNorms.map { norm -> Truth in
                        let condition = norm.condition.map { evaluator.evaluate($0) } ?? .true
                        return Truth.and([condition] + norm.exceptions.map { evaluator.evaluate($0.condition).negated })
                    }
                    #expect(prepared.normTruths == expected, "request \(index), item \(itemIndex), recipient \(recipient)")
                    // The parts apart (for grounds), and an evaluator reading them, agree too.
                    let parts = engine.compiled.partTruths(atoms: prepared.atomTruths)
                    #expect(parts.conditions == engine.encoding.checkedNorms.map { $0.condition.map(evaluator.evaluate) ?? .true })
                    #expect(parts.exceptions == engine.encoding.checkedNorms.map { $0.exceptions.map { evaluator.evaluate($0.condition) } })
                    #expect(parts.rules == graph.ruleOrder.map { evaluator.holds(rule: $0) })
                    let known = ConditionEvaluator(graph: graph, facts: prepared.snapshot,
                                                   known: .init(compiled: engine.compiled, atoms: prepared.atomTruths, rules: parts.rules))
                    for norm in engine.encoding.checkedNorms {
                        for condition in [norm.condition].compactMap({ $0 }) + norm.exceptions.map(\.condition) {
                            let reasons = engine.failureReasons(condition, evaluator: evaluator, snapshot: prepared.snapshot)
                            #expect(engine.failureReasons(condition, evaluator: known, snapshot: prepared.snapshot) == reasons)
                            explained += reasons.count
                        }
                    }
                    checked += 1
                    unknown += expected.filter { $0 == .unknown }.count
                }
            }
        }
        #expect(checked > 300)
        #expect(unknown > 20)
        #expect(explained > 1000, "\(explained)")
    }

    @Test func enginesSharingSolvedClassesSolveEachClassOnce() throws {
        let graph = try GraphFixture.shippedWithLetter()
        let shared = SolvedClasses()
        let first = try ConflictEngine(graph: graph, options: AnalysisOptions(timeoutMilliseconds: nil), shared: shared)
        let second = try ConflictEngine(graph: graph, options: AnalysisOptions(timeoutMilliseconds: nil), shared: shared)
        let alone = try ConflictEngine(graph: graph, options: AnalysisOptions(timeoutMilliseconds: nil))
        let writer = AnalysisJSONWriter()
        let generator = RequestGenerator(seed: 13)
        let requests = (0..<100).map { Self.varied(generator, $0) }
        for request in requests { _ = try first.analyze(request) }
        for request in requests {
            #expect(writer.line(try second.analyze(request)) == writer.line(try alone.analyze(request)))
        }
        #expect(first.statistics.solved > 0)
        #expect(second.statistics.solved == 0)
        #expect(second.statistics.cached == alone.statistics.solved + alone.statistics.cached)
    }

    /// Z3's models and cores depend on what the solver ran before, and with them the order in
    /// which clashing sets are met (a batch with two workers listed one request's findings in
    /// two orders). Findings of one check are listed in clause-graph order, whatever the history.
    @Test func findingsOfOneCheckAreListedInClauseGraphOrder() throws {
        let graph = try GraphFixture.shippedWithLetter()
        let position = Dictionary(uniqueKeysWithValues: graph.provisionOrder.enumerated().map { ($1, $0) })
        let engine = try ConflictEngine(graph: graph, options: AnalysisOptions(timeoutMilliseconds: nil))
        // The request that showed it, then a sweep.
        let requests = [RequestGenerator(seed: 1).request(7206)] + (0..<300).map { Self.varied(RequestGenerator(seed: 21), $0) }
        var checksWithSeveral = 0
        for request in requests {
            let findings = try engine.analyze(request).findings
            let byCheck = Dictionary(grouping: findings) { "\($0.item) \($0.channel) \($0.recipient ?? -1) \($0.posture)" }
            for group in byCheck.values where group.count > 1 {
                checksWithSeveral += 1
                let keys = group.map { $0.provisions.map { position[$0.id] ?? -1 }.sorted() }
                #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) }, "\(request.id): \(group.map(\.signature))")
            }
        }
        #expect(checksWithSeveral > 0)
    }
}
