import CZ3
@testable import EccaSMT
import Testing

/// The watchdog that stops a check past its timeout when Z3 4.8.12's own timer fires late (on a
/// loaded machine a 1 ms timeout returned after 74-178 s): it interrupts a running check, and a
/// later check on the same context runs as if it had not.
@Suite struct SMTWatchdogTests {
    @Test func aRunningCheckIsInterruptedAndTheContextStaysUsable() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        try solver.assert(pigeonhole(ctx, pigeons: 12))
        // No Z3 timeout: only the watchdog can stop this check.
        let watchdog = SMTWatchdog(interrupting: ctx, after: 1)
        let result = try solver.check()
        #expect(watchdog.disarm())
        #expect(result == .unknown(reason: "interrupted"))
        try solver.reset()
        try solver.assert(ctx.bool("a"))
        #expect(try solver.check() == .sat)
    }

    @Test func aDisarmedWatchdogInterruptsNothing() throws {
        let ctx = SMTContext(options: .init(resourceLimit: 400_000))
        let watchdog = SMTWatchdog(interrupting: ctx, after: 1)
        #expect(!watchdog.disarm())
        // A hard check bounded by its work limit, running past the time the watchdog would have
        // fired, ends by that limit (Z3 says "canceled" for it), not by an interrupt.
        let solver = try SMTSolver(context: ctx)
        try solver.assert(pigeonhole(ctx, pigeons: 12))
        let start = ContinuousClock.now
        let result = try solver.check()
        #expect(ContinuousClock.now - start > .milliseconds(SMTWatchdog.grace + 1), "the check must outlast the watchdog's time for this to test anything")
        #expect(result == .unknown(reason: "canceled"))
    }

    @Test func aTimeoutIsReadFromTheParametersThatSetIt() {
        #expect(SMTWatchdog.timeout(in: [("timeout", .uint(250))], current: nil) == 250)
        #expect(SMTWatchdog.timeout(in: [("timeout", .uint(UInt32.max))], current: 250) == nil)
        #expect(SMTWatchdog.timeout(in: [("timeout", .uint(0))], current: 250) == nil)
        #expect(SMTWatchdog.timeout(in: [("rlimit", .uint(5))], current: 250) == 250)
    }

    /// A solver's timeout holds whichever way it was set: the context's options, or `setTimeout`.
    @Test func aSolversTimeoutFromEitherPlaceArmsTheWatchdog() throws {
        let timed = SMTContext(options: .init(timeoutMilliseconds: 1))
        let fromContext = try SMTSolver(context: timed)
        try fromContext.assert(pigeonhole(timed, pigeons: 12))
        #expect(try fromContext.check() == .unknown(reason: "timeout"))
        let plain = SMTContext()
        let optimizer = try SMTOptimizer(context: plain)
        try optimizer.setTimeout(milliseconds: 1)
        for clause in try pigeonhole(plain, pigeons: 12) { try optimizer.assert(clause) }
        guard case .unknown = try optimizer.check() else {
            Issue.record("the optimizer's check was not stopped")
            return
        }
    }
}


/// A check the watchdog interrupted is a timeout even when Z3 answered first: the interrupt that
/// lands after the answer cancels its model.
@Suite struct LateInterruptTests {
    @Test func anInterruptAfterTheAnswerCancelsItsModel() throws {
        let ctx = SMTContext()
        let solver = try SMTSolver(context: ctx)
        try solver.assert(ctx.bool("a"))
        #expect(try solver.check() == .sat)
        ctx.interrupt()
        #expect(throws: SMTError.self) { _ = try solver.model() }
        // The next check starts afresh.
        #expect(try solver.check() == .sat)
        _ = try solver.model()
    }

    @Test func anInterruptedCheckIsATimeoutWhateverZ3Answered() {
        for outcome in [Z3_L_TRUE, Z3_L_FALSE, Z3_L_UNDEF] {
            #expect(SMTResult(outcome, interrupted: true) { "interrupted" } == .unknown(reason: "timeout"))
        }
        #expect(SMTResult(Z3_L_TRUE, interrupted: false) { "" } == .sat)
        #expect(SMTResult(Z3_L_FALSE, interrupted: false) { "" } == .unsat)
        #expect(SMTResult(Z3_L_UNDEF, interrupted: false) { "canceled" } == .unknown(reason: "canceled"))
    }
}
