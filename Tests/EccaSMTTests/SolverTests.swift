import EccaSMT
import EccaTestSupport
import Foundation
import Testing

@Suite("Solver")
struct SolverTests {
    @Test("small formulas are sat or unsat as expected")
    func satAndUnsat() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        let a = try ctx.bool("a")
        let b = try ctx.bool("b")
        let x = try ctx.int("x")
        try solver.assert(ctx.implies(a, b))
        try solver.assert(a)
        try solver.assert(ctx.gt(x, ctx.int(value: 3)))
        #expect(try solver.check() == .sat)
        #expect(try solver.check().satisfiable())
        try solver.assert(!b)
        #expect(try solver.check() == .unsat)
        #expect(try solver.check().satisfiable() == false)
    }

    @Test("unsat core names exactly the clashing assumption literals")
    func unsatCore() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        let (a, b, c) = (try ctx.bool("a"), try ctx.bool("b"), try ctx.bool("c"))
        let x = try ctx.int("x")
        let y = try ctx.int("y")
        try solver.assert(ctx.implies(a, ctx.gt(x, ctx.int(value: 5))))
        try solver.assert(ctx.implies(b, ctx.lt(x, ctx.int(value: 3))))
        try solver.assert(ctx.implies(c, ctx.eq(y, ctx.int(value: 1))))

        #expect(try solver.check(assumptions: [a, b, c]) == .unsat)
        let core = try solver.unsatCore()
        #expect(Set(core) == [a, b])
        #expect(Set(core.compactMap(\.name)) == ["a", "b"])

        // Dropping one clashing literal restores satisfiability; the model honours the others.
        #expect(try solver.check(assumptions: [a, c]) == .sat)
        let model = try solver.model()
        #expect(try model.evalInt(x).map { $0 > 5 } == true)
        #expect(try model.evalInt(y) == 1)
    }

    @Test("models and cores are only handed out for the matching result")
    func availability() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        let a = try ctx.bool("a")
        var error = #expect(throws: SMTError.self) { try solver.model() }
        #expect(caseName(error) == "unavailable")
        try solver.assert(a)
        #expect(try solver.check(assumptions: [!a]) == .unsat)
        error = #expect(throws: SMTError.self) { try solver.model() }
        #expect(caseName(error) == "unavailable")
        #expect(try solver.unsatCore().count == 1)
        #expect(try solver.check() == .sat)
        error = #expect(throws: SMTError.self) { try solver.unsatCore() }
        #expect(caseName(error) == "unavailable")
        // Asserting invalidates the last result.
        try solver.assert(ctx.true)
        error = #expect(throws: SMTError.self) { try solver.model() }
        #expect(caseName(error) == "unavailable")
    }

    @Test("push and pop restore satisfiability")
    func pushPop() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        let x = try ctx.int("x")
        try solver.assert(ctx.ge(x, ctx.int(value: 0)))
        #expect(try solver.check() == .sat)
        try solver.push()
        try solver.assert(ctx.lt(x, ctx.int(value: 0)))
        #expect(try solver.check() == .unsat)
        try solver.push()
        try solver.assert(ctx.false)
        #expect(solver.scopeCount == 2)
        try solver.pop(2)
        #expect(solver.scopeCount == 0)
        #expect(try solver.check() == .sat)
        let error = #expect(throws: SMTError.self) { try solver.pop() }
        #expect(caseName(error) == "invalidArgument")
        #expect(try solver.check() == .sat)
    }

    @Test("hundreds of incremental checks with assumptions on one solver stay correct")
    func incremental() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        let x = try ctx.int("x")
        let count = 150
        let selectors = try (0..<count).map { try ctx.bool("s\($0)") }
        for (i, selector) in selectors.enumerated() {
            try solver.assert(ctx.implies(selector, ctx.eq(x, ctx.int(value: i))))
        }
        var checks = 0
        for i in 0..<count {
            #expect(try solver.check(assumptions: [selectors[i]]) == .sat)
            #expect(try solver.model().evalInt(x) == i)
            let j = (i * 7 + 3) % count
            if j != i {
                #expect(try solver.check(assumptions: [selectors[i], selectors[j]]) == .unsat)
                #expect(Set(try solver.unsatCore()) == [selectors[i], selectors[j]])
                checks += 1
            }
            checks += 1
        }
        #expect(checks >= 2 * count - 1)
        #expect(try solver.statistics().isEmpty == false)
    }

    @Test("a 1 ms timeout on a hard problem yields unknown(timeout) quickly")
    func timeout() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        try solver.setTimeout(milliseconds: 1)
        try solver.assert(pigeonhole(ctx, pigeons: 12))
        let start = CPUTime.ofThisThread()
        let result = try solver.check()
        #expect(result == .unknown(reason: "timeout"))
        // A bound against a hang, not a speed test; in CPU time, which other tests do not lengthen.
        #expect(CPUTime.ofThisThread() - start < 10)
        let error = #expect(throws: SMTError.self) { try result.satisfiable() }
        #expect(error == .unknownResult(reason: "timeout"))
        // reset() keeps parameters: the timeout still applies to the re-asserted problem.
        try solver.reset()
        try solver.assert(pigeonhole(ctx, pigeons: 12))
        #expect(try solver.check() == .unknown(reason: "timeout"))
        // The solver remains usable; removing the timeout lets an easy query finish.
        try solver.reset()
        try solver.setTimeout(milliseconds: nil)
        try solver.assert(ctx.bool("a"))
        #expect(try solver.check() == .sat)
    }

    @Test("context options carry timeout, resource and memory limits to new solvers")
    func contextOptions() throws {
        let timed = SMTContext(options: .init(timeoutMilliseconds: 1))
        let timedSolver = try SMTSolver(context: timed)
        try timedSolver.assert(pigeonhole(timed, pigeons: 12))
        #expect(try timedSolver.check() == .unknown(reason: "timeout"))

        let limited = SMTContext(options: .init(resourceLimit: 1000))
        let limitedSolver = try SMTSolver(context: limited)
        try limitedSolver.assert(pigeonhole(limited, pigeons: 12))
        #expect(try limitedSolver.check() == .unknown(reason: "max. resource limit exceeded"))

        let small = SMTContext(options: .init(memoryLimitMegabytes: 1))
        let smallSolver = try SMTSolver(context: small)
        try smallSolver.assert(pigeonhole(small, pigeons: 12))
        #expect(try smallSolver.check() == .unknown(reason: "max. memory exceeded"))

        #expect(throws: SMTError.invalidArgument("a timeout must be at least 1 ms; pass nil for no timeout")) {
            try timedSolver.setTimeout(milliseconds: 0)
        }
    }

    @Test("interrupt from another thread stops a running check with unknown(interrupted)")
    func interrupt() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        // An interrupt while nothing runs is ignored rather than cancelling the next check.
        ctx.interrupt()
        try solver.assert(ctx.bool("easy"))
        #expect(try solver.check() == .sat)
        try solver.reset()
        // Backstop so a broken interrupt fails the test instead of hanging it.
        try solver.setTimeout(milliseconds: 10_000)
        try solver.assert(pigeonhole(ctx, pigeons: 13))
        let done = Flag()
        let interrupter = Thread {
            // Z3 ignores interrupts while no check runs, so keep knocking until it has stopped.
            while !done.isSet {
                Thread.sleep(forTimeInterval: 0.02)
                ctx.interrupt()
            }
        }
        interrupter.start()
        defer { done.set() }
        let result = try solver.check()
        done.set()
        #expect(result == .unknown(reason: "interrupted"))
    }

    @Test("Z3 errors become thrown SMTErrors and the process survives")
    func z3Errors() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        let flag = try ctx.bool("flag")
        let x = try ctx.int("x")

        let sum = #expect(throws: SMTError.self) { try ctx.add(flag, x) }
        guard case let .sortMismatch(message)? = sum else {
            Issue.record("expected sortMismatch, got \(String(describing: sum))")
            return
        }
        #expect(message.contains("add"))
        #expect(message.contains("Sort mismatch"))
        #expect(!message.contains("\n"))

        let conjunction = #expect(throws: SMTError.self) { try ctx.and([flag, x]) }
        #expect(caseName(conjunction) == "sortMismatch")

        let parameter = #expect(throws: SMTError.self) {
            try solver.setParameter("no_such_param", .uint(5))
        }
        guard case let .z3(code, text)? = parameter else {
            Issue.record("expected z3 error, got \(String(describing: parameter))")
            return
        }
        #expect(code != 0)
        #expect(text.contains("unknown parameter 'no_such_param'"))
        #expect(!text.contains("Legal parameters"))

        let mistyped = #expect(throws: SMTError.self) { try solver.setParameter("timeout", .bool(true)) }
        #expect(caseName(mistyped) == "z3")

        // Everything still works after the errors.
        try solver.setParameter("random_seed", .uint(7))
        try solver.assert(ctx.eq(x, ctx.int(value: 4)))
        try solver.assert(flag)
        #expect(try solver.check() == .sat)
        #expect(try solver.model().evalInt(x) == 4)
    }

    @Test("terms from different contexts are refused instead of crashing Z3")
    func contextMismatch() throws {
        let first = SMTContext()
        let second = SMTContext()
        let a = try first.bool("a")
        let b = try second.bool("b")
        let error = #expect(throws: SMTError.self) { try first.and(a, b) }
        #expect(caseName(error) == "contextMismatch")
        let solver = try SMTSolver(context: second)
        let assertError = #expect(throws: SMTError.self) { try solver.assert(a) }
        #expect(caseName(assertError) == "contextMismatch")
        #expect(a != (try second.bool("a")))
    }
}
