import EccaSMT
import EccaTestSupport
import Testing

@Suite("Optimizer")
struct OptimizerTests {
    @Test("MaxSMT drops the cheaper of two conflicting soft constraints")
    func cheapestViolation() throws {
        let ctx = SMTContext()
        let optimizer = try SMTOptimizer(context: ctx)
        let x = try ctx.int("x")
        let y = try ctx.int("y")
        let expensive = try ctx.ge(x, ctx.int(value: 10))
        let cheap = try ctx.le(x, ctx.int(value: 3))
        let independent = try ctx.eq(y, ctx.int(value: 1))
        let objective = try optimizer.assertSoft(expensive, weight: 5, group: "norms")
        try optimizer.assertSoft(cheap, weight: 2, group: "norms")
        try optimizer.assertSoft(independent, weight: 4, group: "norms")

        #expect(try optimizer.check() == .sat)
        let model = try optimizer.model()
        #expect(try model.evalBool(expensive) == true)
        #expect(try model.evalBool(cheap) == false)
        #expect(try model.evalBool(independent) == true)
        #expect(try optimizer.value(of: objective) == "2")

        // Flip the weights: now the other one is dropped.
        let flipped = try SMTOptimizer(context: ctx)
        try flipped.assertSoft(expensive, weight: 1)
        try flipped.assertSoft(cheap, weight: 3)
        #expect(try flipped.check() == .sat)
        #expect(try flipped.model().evalBool(cheap) == true)
        #expect(try flipped.model().evalBool(expensive) == false)
    }

    @Test("minimal correction set over norm switches, ranked by cost")
    func correctionSetOverSwitches() throws {
        let ctx = SMTContext()
        let optimizer = try SMTOptimizer(context: ctx)
        let (a, b, c) = (try ctx.bool("a"), try ctx.bool("b"), try ctx.bool("c"))
        let x = try ctx.int("x")
        try optimizer.assert(ctx.implies(a, ctx.gt(x, ctx.int(value: 5))))
        try optimizer.assert(ctx.implies(b, ctx.lt(x, ctx.int(value: 3))))
        try optimizer.assert(ctx.implies(c, ctx.eq(x, ctx.int(value: 7))))
        try optimizer.assertSoft(a, weight: 3)
        try optimizer.assertSoft(b, weight: 4)
        try optimizer.assertSoft(c, weight: 2)
        // Keeping b costs dropping a and c (5); keeping a and c costs dropping b (4).
        #expect(try optimizer.check() == .sat)
        let model = try optimizer.model()
        #expect(try [a, b, c].map { try model.evalBool($0) } == [true, false, true])
        #expect(try model.evalInt(x) == 7)
    }

    @Test("minimize and maximize, push and pop, assumptions and cores")
    func objectivesAndScopes() throws {
        let ctx = SMTContext()
        let optimizer = try SMTOptimizer(context: ctx)
        let x = try ctx.int("x")
        try optimizer.assert(ctx.ge(x, ctx.int(value: 7)))
        try optimizer.push()
        try optimizer.assert(ctx.le(x, ctx.int(value: 20)))
        let low = try optimizer.minimize(x)
        #expect(try optimizer.check() == .sat)
        #expect(try optimizer.value(of: low) == "7")
        #expect(try optimizer.model().evalInt(x) == 7)
        try optimizer.pop()
        #expect(optimizer.scopeCount == 0)
        #expect(caseName(#expect(throws: SMTError.self) { try optimizer.pop() }) == "invalidArgument")

        try optimizer.push()
        try optimizer.assert(ctx.le(x, ctx.int(value: 20)))
        let high = try optimizer.maximize(x)
        #expect(try optimizer.check() == .sat)
        #expect(try optimizer.value(of: high) == "20")
        try optimizer.pop()

        let a = try ctx.bool("a")
        try optimizer.assert(ctx.implies(a, ctx.lt(x, ctx.int(value: 0))))
        #expect(try optimizer.check(assumptions: [a]) == .unsat)
        #expect(try optimizer.unsatCore() == [a])
        #expect(caseName(#expect(throws: SMTError.self) { try optimizer.model() }) == "unavailable")
        #expect(caseName(#expect(throws: SMTError.self) { try optimizer.assertSoft(a, weight: 0) }) == "invalidArgument")

        let other = try SMTOptimizer(context: ctx)
        #expect(caseName(#expect(throws: SMTError.self) { try other.lowerBound(low) }) == "invalidArgument")
    }

    @Test("a 1 ms optimizer timeout yields unknown rather than hanging")
    func timeout() throws {
        let ctx = SMTContext()
        let optimizer = try SMTOptimizer(context: ctx)
        try optimizer.setTimeout(milliseconds: 1)
        for clause in try pigeonhole(ctx, pigeons: 12) {
            try optimizer.assert(clause)
        }
        let start = CPUTime.ofThisThread()
        let result = try optimizer.check()
        // A bound against a hang, not a speed test; in CPU time, which other tests do not lengthen.
        #expect(CPUTime.ofThisThread() - start < 10)
        guard case let .unknown(reason) = result else {
            Issue.record("expected unknown, got \(result)")
            return
        }
        #expect(!reason.isEmpty)
    }
}

@Suite("Version")
struct VersionTests {
    @Test("reports the linked Z3 version")
    func version() {
        #expect(SMTVersion.string.hasPrefix("\(SMTVersion.components.major).\(SMTVersion.components.minor)."))
        #expect(SMTVersion.components.major >= 4)
    }
}
