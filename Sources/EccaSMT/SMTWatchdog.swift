import Dispatch
import Synchronization

/// Stops a check that runs past its timeout when Z3's own timer does not. Z3 4.8.12 (Debian 12)
/// runs the `timeout` parameter on a pool of timer threads that, on a loaded machine, fired far
/// too late: a 1 ms timeout on a hard problem returned after 74-178 s with three busy loops on two
/// cores and two checks timing at once (the SMT timeout tests, 2026-12-06). A check past its
/// timeout by `grace` is interrupted (`SMTContext.interrupt`) from a Dispatch timer instead. Z3 interrupts
/// only a check that is running, and a later check on the context runs as if it had not been
/// (tested: `SMTWatchdogTests`); the lock keeps a late timer from reaching a later check.
final class SMTWatchdog: Sendable {
    /// How long after its timeout a check is interrupted: Z3's timer, when it works, says "timeout"
    /// first.
    static let grace = 100

    /// A queue of its own: a serial queue gets a thread even when every thread of the global
    /// queues is busy, as the workers running long checks make them (a timer on
    /// `DispatchQueue.global()` waited for a check to end before it could stop it).
    private static let queue = DispatchQueue(label: "ecca.smt.watchdog")

    private struct State {
        var armed = true
        var fired = false
    }

    private let state = Mutex(State())
    /// The context whose check to interrupt (from any thread, as Z3 allows).
    private let context: SMTContext
    private nonisolated(unsafe) var timer: DispatchWorkItem?

    /// Arms the watchdog for a check on `context` about to start, with a timeout of `milliseconds`.
    init(interrupting context: SMTContext, after milliseconds: UInt32) {
        self.context = context
        let timer = DispatchWorkItem { [weak self] in
            guard let self else { return }
            state.withLock { state in
                guard state.armed else { return }
                state.fired = true
                self.context.interrupt()
            }
        }
        self.timer = timer
        Self.queue.asyncAfter(deadline: .now() + .milliseconds(Int(milliseconds) + Self.grace), execute: timer)
    }

    /// Disarms the watchdog once the check has returned; whether it interrupted the check.
    func disarm() -> Bool {
        let fired = state.withLock { state in
            state.armed = false
            return state.fired
        }
        timer?.cancel()
        timer = nil
        return fired
    }

    /// The timeout `parameters` set, where they set one (`nil` inside: none); `current` otherwise.
    static func timeout(in parameters: [(name: String, value: SMTParameterValue)], current: UInt32?) -> UInt32? {
        var timeout = current
        for parameter in parameters where parameter.name == "timeout" {
            if case .uint(let milliseconds) = parameter.value {
                // Z3 reads 0 and the largest value as no timeout.
                timeout = milliseconds == 0 || milliseconds == UInt32.max ? nil : milliseconds
            }
        }
        return timeout
    }
}
