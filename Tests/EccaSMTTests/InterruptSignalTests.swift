import EccaSMT
import Foundation
import Testing

/// Z3 leaves SIGINT alone while it checks: a handler it installed per check, restored when the
/// check ends, raced between a batch's worker threads, so that Ctrl-C was ignored or crashed the
/// process.
@Suite struct InterruptSignalTests {
    /// The address of the process's SIGINT handler (0 for the default action).
    private static func interruptHandler() -> UInt {
        var action = sigaction()
        sigaction(SIGINT, nil, &action)
        #if canImport(Glibc)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: UInt.self)
        #else
        return unsafeBitCast(action.__sigaction_u.__sa_handler, to: UInt.self)
        #endif
    }

    /// What SIGINT's handler is while a long check runs on another thread.
    private static func handlerDuringCheck(_ run: @escaping @Sendable () throws -> Void) throws -> UInt {
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            try? run()
            finished.signal()
        }
        thread.start()
        Thread.sleep(forTimeInterval: 0.2)
        let during = interruptHandler()
        finished.wait()
        return during
    }

    @Test func aSolverCheckInstallsNoInterruptHandler() throws {
        let before = Self.interruptHandler()
        let during = try Self.handlerDuringCheck {
            let ctx = SMTContext(options: .init(timeoutMilliseconds: 1_000))
            let solver = try SMTSolver(context: ctx)
            try solver.assert(pigeonhole(ctx, pigeons: 12))
            _ = try solver.check()
        }
        #expect(during == before)
    }

    @Test func anOptimizerCheckInstallsNoInterruptHandler() throws {
        let before = Self.interruptHandler()
        let during = try Self.handlerDuringCheck {
            let ctx = SMTContext(options: .init(timeoutMilliseconds: 1_000))
            let optimizer = try SMTOptimizer(context: ctx)
            for clause in try pigeonhole(ctx, pigeons: 12) { try optimizer.assert(clause) }
            _ = try optimizer.check()
        }
        #expect(during == before)
    }
}
