import ClauseGraph
@testable import EccaAnalysis
import EccaFormats
import EccaSMT
import Foundation
import Testing

/// Issue 8, solver faults: limits make a request undetermined with the reason; a Z3 error is a
/// typed error on its request alone; the engine (and a batch worker) goes on.
@Suite struct SolverFaultTests {
    static var graph: ClauseGraph { get throws { try GraphFixture.graph(EncodingTests.twoConflicts) } }

    func request(_ id: String = "R1", compute: String = "20") -> DisclosureRequest {
        var request = EncodingTests().request(compute: compute)
        request.id = id
        return request
    }

    func reasons(_ analysis: RequestAnalysis) -> [String] {
        analysis.items.flatMap { $0.postures.values.flatMap { $0.channels.compactMap(\.reason) } }
    }

    @Test func aMemoryLimitReachedIsUndeterminedWithTheReasonNotACrashOrAnError() throws {
        // Z3 counts the memory of the whole process, which already exceeds 1 MB: every check
        // reaches the limit.
        let engine = try ConflictEngine(graph: try Self.graph, options: .init(postures: [.text], memoryLimitMegabytes: 1))
        for id in ["M1", "M2"] {
            let analysis = try engine.analyze(request(id))
            #expect(analysis.verdict == .undetermined)
            #expect(reasons(analysis).contains("solver: max. memory exceeded (limit 1 MB)"), "\(reasons(analysis))")
            #expect(analysis.items[0].postures["text"]?.decidingConditions.contains("the solver could not decide: solver: max. memory exceeded (limit 1 MB)") == true)
        }
        #expect(engine.statistics.cached == 0, "a check the solver gave up on must not answer its class")
    }

    /// Facts that contradict each other before any norm applies (here more FLOP than operations,
    /// which the readers refuse, given to the engine directly) are an error on their request,
    /// never a conflict without provisions, and never an answer for the class of the next one.
    @Test func contradictoryFactsAreAnErrorNotAnAnswerForTheClass() throws {
        let engine = try ConflictEngine(graph: try Self.graph, options: .init(postures: [.text]))
        var contradictory = request("C1")
        contradictory.model?.trainingCompute = [.init(value: ExactDecimal("3e26"), unit: .flop), .init(value: ExactDecimal("2e26"), unit: .operations)]
        #expect(throws: AnalysisError.contradictoryFacts(requestID: "C1")) { try engine.analyze(contradictory) }
        var consistent = request("C2")
        consistent.model?.trainingCompute = [.init(value: ExactDecimal("1e20"), unit: .flop), .init(value: ExactDecimal("2e20"), unit: .operations)]
        let fresh = try ConflictEngine(graph: try Self.graph, options: .init(postures: [.text]))
        #expect(try engine.analyze(consistent) == fresh.analyze(consistent))
        // Nor, the other way round, can the class's cached answer stand in for the refusal.
        #expect(throws: AnalysisError.contradictoryFacts(requestID: "C1")) { try fresh.analyze(contradictory) }
    }

    @Test func aGenerousMemoryLimitChangesNothing() throws {
        let engine = try ConflictEngine(graph: try Self.graph, options: .init(postures: [.text], memoryLimitMegabytes: 16_384))
        #expect(try engine.analyze(request()).verdict == .conflict)
    }

    @Test func aTimeLimitReachedIsUndeterminedWithTheReason() throws {
        // The deterministic work limit stands in for the clock, which a fast machine may beat.
        let engine = try ConflictEngine(graph: try Self.graph, options: .init(postures: [.text], resourceLimit: 1))
        let analysis = try engine.analyze(request())
        #expect(analysis.verdict == .undetermined)
        #expect(reasons(analysis) == ["solver: resource limit reached (rlimit 1)"])
    }

    @Test func aZ3ErrorIsATypedErrorOnThatRequestOnly() throws {
        let engine = try ConflictEngine(graph: try Self.graph, options: .init(postures: [.text], reuseEquivalentChecks: false))
        engine.injectedFault = .z3(code: 12, message: "check: injected fault")
        do {
            _ = try engine.analyze(request("BROKEN"))
            Issue.record("the fault was not reported")
        } catch {
            #expect(error == .solver(message: "Z3 error 12 (exception): check: injected fault", requestID: "BROKEN"))
            #expect(error.description == "request BROKEN: solver failure: Z3 error 12 (exception): check: injected fault")
        }
        engine.injectedFault = nil
        #expect(try engine.analyze(request("NEXT")).verdict == .conflict)
    }

    @Test func aBatchWorkerReportsASolverFailureAsThatRecordsLineAndGoesOnWithAFreshEngine() throws {
        let runner = BatchRunner(graph: try Self.graph, analysis: .init(postures: [.text], reuseEquivalentChecks: false),
                                 options: .init(), requestSchema: nil)
        let worker = try BatchRunner.Worker(runner: runner)
        worker.engine.injectedFault = .z3(code: 12, message: "check: injected fault")
        let broken = worker.process(BatchRecord(index: 0, file: "in.ndjson", line: 1, payload: .request(request("BROKEN"))))
        #expect(broken.problem == "in.ndjson:1: error: request BROKEN: solver failure: Z3 error 12 (exception): check: injected fault")
        #expect(broken.line.contains("\"error\""))
        #expect(broken.line.contains("\"id\":\"BROKEN\""))
        let next = worker.process(BatchRecord(index: 1, file: "in.ndjson", line: 2, payload: .request(request("NEXT"))))
        #expect(next.problem == nil)
        #expect(next.line.contains("\"verdict\":\"conflict\""))
        #expect(worker.engine.injectedFault == nil, "the worker should have renewed its engine")
    }
}
