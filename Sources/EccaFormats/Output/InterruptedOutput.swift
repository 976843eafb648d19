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
/// The handler is a plain signal handler, so it does only what is safe there: `unlink` of a path
/// copied beforehand into memory it owns, `write` of a message prepared beforehand, `_exit`.
/// SIGKILL cannot be caught: a killed run may still leave the temporary file (docs/importers.md).
public enum InterruptedOutput {
    /// The temporary file's path, a C string; read by the handler only while `armed` is 1.
    nonisolated(unsafe) private static let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    /// The messages, C strings with their lengths: when a temporary file was removed, and when none was.
    nonisolated(unsafe) private static var removedMessage: (pointer: UnsafeMutablePointer<CChar>, count: Int)?
    private static let otherMessage: StaticString = "interrupted\n"
    /// 1 while `path` names a temporary file being written.
    private static let armed = Atomic<Int>(0)
    private static let installed = Atomic<Bool>(false)

    /// Handles SIGINT, SIGTERM and SIGHUP from now on: the temporary file being written is
    /// removed, `message` (one line) is printed to standard error, and the process exits with
    /// 128 + the signal (130 for SIGINT, 143 for SIGTERM). Once per process; later calls do nothing.
    public static func install(message: String) {
        guard !installed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        let bytes = Array((message.hasSuffix("\n") ? message : message + "\n").utf8)
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
        removedMessage = (pointer, bytes.count)
        path[0] = 0
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = interrupted
            #else
            action.__sigaction_u.__sa_handler = interrupted
            #endif
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        // A parent may have started ecca with these signals blocked (a test runner, a CI agent).
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblocked, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// `temporary` is being written: an interrupt removes it. A path too long to copy is not armed.
    static func arm(_ temporary: String) {
        let bytes = Array(temporary.utf8)
        guard bytes.count <= Int(PATH_MAX), armed.load(ordering: .sequentiallyConsistent) == 0 else { return }
        for (index, byte) in bytes.enumerated() { path[index] = CChar(bitPattern: byte) }
        path[bytes.count] = 0
        armed.store(1, ordering: .sequentiallyConsistent)
    }

    /// `temporary` is no longer a partial file: renamed into place, or removed.
    static func disarm(_ temporary: String) {
        guard armed.load(ordering: .sequentiallyConsistent) == 1, String(cString: path) == temporary else { return }
        armed.store(0, ordering: .sequentiallyConsistent)
    }
}

/// The signal handler: async-signal-safe calls only, on memory prepared before it was installed.
private func interrupted(_ signal: Int32) {
    InterruptedOutput.handle(signal)
}

extension InterruptedOutput {
    fileprivate static func handle(_ signal: Int32) {
        if armed.exchange(0, ordering: .sequentiallyConsistent) == 1, let message = removedMessage {
            unlink(path)
            _ = write(STDERR_FILENO, message.pointer, message.count)
        } else {
            _ = otherMessage.withUTF8Buffer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
        _exit(128 + signal)
    }
}
