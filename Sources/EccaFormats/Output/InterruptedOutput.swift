import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an interrupt (SIGINT, SIGTERM, SIGHUP) does to an output being written whole: its
/// temporary file (`.OUT.ecca-partial-PID-N`, `OutputFile`) is removed and the command says so,
/// rather than leaving hundreds of megabytes of a hidden partial file that no later run removes
/// (each name holds the pid). The existing `OUT` is never touched either way.
///
/// Once the temporary file has been renamed into place the output is complete: an interrupt
/// then (while the summary is printed) says so (`writtenMessage`) and exits 0, the status of an
/// import that wrote its output, rather than 130 and "nothing was written" (QA verify11 N9).
///
/// The handler is a plain signal handler, so it does only what is safe there: `unlink` of a path
/// copied beforehand into memory it owns, `write` of a message prepared beforehand, `_exit`.
/// SIGKILL cannot be caught: a killed run may still leave the temporary file (docs/importers.md).
public enum InterruptedOutput {
    /// The temporary file's path, a C string; read by the handler only while `armed` is 1.
    nonisolated(unsafe) private static let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    /// The messages, C strings with their lengths: when a temporary file was removed, and when none was.
    nonisolated(unsafe) private static var removedMessage: (pointer: UnsafeMutablePointer<CChar>, count: Int)?
    /// The message when the output was renamed into place before the interrupt.
    nonisolated(unsafe) private static var writtenMessage: (pointer: UnsafeMutablePointer<CChar>, count: Int)?
    private static let otherMessage: StaticString = "interrupted\n"
    /// 1 while `path` names a temporary file being written, 2 once it was renamed into place.
    private static let armed = Atomic<Int>(0)
    private static let installed = Atomic<Bool>(false)

    /// Handles SIGINT, SIGTERM and SIGHUP from now on: the temporary file being written is
    /// removed, `message` (one line) is printed to standard error, and the process exits with
    /// 128 + the signal (130 for SIGINT, 143 for SIGTERM). After the output was renamed into
    /// place, `written` (one line) is printed instead and the process exits 0: the output is
    /// complete. Once per process; later calls do nothing.
    public static func install(message: String, written: String) {
        guard !installed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        removedMessage = cString(message)
        writtenMessage = cString(written)
        path[0] = 0
        handle([SIGINT, SIGTERM, SIGHUP], with: interrupted)
    }

    /// Installs `handler` for `signals` and unblocks them in the calling thread: a parent may have
    /// started ecca with them blocked (a test runner, a CI agent). `sigaction` and `pthread_sigmask`
    /// are async-signal-safe, so the interrupt handler uses this too.
    private static func handle(_ signals: [Int32], with handler: @convention(c) (Int32) -> Void) {
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signal in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
            sigaddset(&unblocked, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// `line` with its line end, as a C string the handler can write.
    private static func cString(_ line: String) -> (pointer: UnsafeMutablePointer<CChar>, count: Int) {
        let bytes = Array((line.hasSuffix("\n") ? line : line + "\n").utf8)
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
        return (pointer, bytes.count)
    }

    /// `temporary` is being written: an interrupt removes it. A path too long to copy is not armed.
    static func arm(_ temporary: String) {
        let bytes = Array(temporary.utf8)
        guard bytes.count <= Int(PATH_MAX), armed.load(ordering: .sequentiallyConsistent) == 0 else { return }
        for (index, byte) in bytes.enumerated() { path[index] = CChar(bitPattern: byte) }
        path[bytes.count] = 0
        armed.store(1, ordering: .sequentiallyConsistent)
    }

    /// `temporary` is no longer a partial file: it is removed, or will be.
    static func disarm(_ temporary: String) {
        guard armed.load(ordering: .sequentiallyConsistent) == 1, String(cString: path) == temporary else { return }
        armed.store(0, ordering: .sequentiallyConsistent)
    }

    /// `temporary` was renamed into place: the output is complete.
    static func renamed(_ temporary: String) {
        guard armed.load(ordering: .sequentiallyConsistent) == 1, String(cString: path) == temporary else { return }
        armed.store(2, ordering: .sequentiallyConsistent)
    }
}

/// The signal handler: async-signal-safe calls only, on memory prepared before it was installed.
private func interrupted(_ signal: Int32) {
    InterruptedOutput.handle(signal)
}

/// The second handler, for SIGALRM: the message could not be written in time (standard error is
/// a full pipe nobody reads), so the process leaves with the status it was leaving with.
private func messageTimedOut(_ signal: Int32) {
    _exit(InterruptedOutput.leavingStatus.load(ordering: .sequentiallyConsistent))
}

extension InterruptedOutput {
    /// The status the handler exits with, for `messageTimedOut`.
    fileprivate static let leavingStatus = Atomic<Int32>(0)

    fileprivate static func handle(_ signal: Int32) {
        let state = armed.exchange(0, ordering: .sequentiallyConsistent)
        // Still armed, yet the temporary file is gone: it was renamed between the rename and
        // `renamed(_:)` (every other path that removes it disarms first).
        if state == 2 || (state == 1 && unlink(path) != 0 && errno == ENOENT), let message = writtenMessage {
            leave(0, saying: message.pointer, message.count)
        }
        if state == 1, let message = removedMessage {
            leave(128 + signal, saying: message.pointer, message.count)
        }
        otherMessage.withUTF8Buffer { leave(128 + signal, saying: $0.baseAddress!, $0.count) }
    }

    /// Writes the message and exits with `status`. The file is already removed by now; a write to a
    /// full pipe that nobody reads would block for ever, and a run stopped by SIGTERM must still
    /// stop: after two seconds SIGALRM ends it with the same status (`alarm` is async-signal-safe).
    private static func leave(_ status: Int32, saying message: UnsafeRawPointer, _ count: Int) -> Never {
        leavingStatus.store(status, ordering: .sequentiallyConsistent)
        handle([SIGALRM], with: messageTimedOut)
        alarm(2)
        _ = write(STDERR_FILENO, message, count)
        _exit(status)
    }
}
