#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to its end with bytes on its standard input and collects its standard output,
/// within a time limit, every failure a value: used for Graphviz's `dot`.
///
/// Why not Foundation's `Process` and `Pipe`: `Pipe()` traps when no file descriptor is left
/// (EMFILE), writing to a child that exits without reading kills the whole program with SIGPIPE,
/// there is no time limit, and writing all input before reading dead-locks with a child that
/// writes before it has read everything. Why not swift-subprocess: its API is async only, while
/// the report draws its pictures on a synchronous path, and it leaves SIGPIPE to its caller too.
///
/// So: pipes from `pipe2(O_CLOEXEC)`, which no other child inherits; `posix_spawn` with the
/// child in a process group of its own, so that a timeout kills whatever it started too; `poll`
/// writes the input and reads the output as each side is ready, until a deadline; SIGPIPE is
/// blocked on the calling thread while the child runs (a write to a child that stopped reading
/// then fails with EPIPE instead of killing ecca), and a SIGPIPE raised by that write is taken
/// back before the thread's signal mask is restored. The child gets the mask the thread had and
/// SIGPIPE's default action.
struct ChildProcess {
    /// How the child ended.
    enum Ending: Sendable, Hashable {
        case exited(status: Int32)
        case killed(signal: Int32)
    }

    struct Result: Sendable, Hashable {
        var ending: Ending
        /// Its standard output (and standard error, when merged).
        var output: [UInt8]
        /// False when it closed its standard input before taking all of the input.
        var tookAllInput: Bool
    }

    let executable: String
    let arguments: [String]
    /// Standard error goes with standard output when true, to /dev/null when false.
    var mergeStandardError = false
    /// From the start until the child has exited: past it, the child's process group is killed.
    var timeLimit: Duration
    /// More output than this and the child's process group is killed.
    var outputLimit = 64 << 20

    /// Runs the child to its end (or kills it) and reaps it: no child is left behind, whatever happens.
    func run(input: [UInt8]) throws(ChildProcessError) -> Result {
        let deadline = ContinuousClock.now + timeLimit
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var threadMask = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &threadMask)
        var pendingBefore = sigset_t()
        sigpending(&pendingBefore)
        let pipeWasPending = sigismember(&pendingBefore, SIGPIPE) == 1
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if !pipeWasPending, sigismember(&pending, SIGPIPE) == 1 {
                var now = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&pipeSignal, nil, &now)
            }
            pthread_sigmask(SIG_SETMASK, &threadMask, nil)
        }

        let toChild = try Self.makePipe()
        let fromChild: (read: Int32, write: Int32)
        do {
            fromChild = try Self.makePipe()
        } catch {
            close(toChild.read)
            close(toChild.write)
            throw error
        }
        let pid: pid_t
        do {
            pid = try spawn(stdin: toChild.read, stdout: fromChild.write, mask: threadMask)
        } catch {
            for fd in [toChild.read, toChild.write, fromChild.read, fromChild.write] { close(fd) }
            throw error
        }
        close(toChild.read)
        close(fromChild.write)
        var child = Child(pid: pid, writeEnd: toChild.write, readEnd: fromChild.read)
        defer { child.finish() }
        return try child.exchange(input, until: deadline, timeLimit: timeLimit, outputLimit: outputLimit)
    }

    /// A pipe whose ends are closed on exec and lie above standard input, output and error (when
    /// ecca was started with one of them closed, `pipe2` may hand out 0, 1 or 2).
    private static func makePipe() throws(ChildProcessError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard makeCloseOnExecPipe(&ends) == 0 else { throw .noPipe(errno: errno) }
        var failure: Int32 = 0
        for index in ends.indices where ends[index] <= STDERR_FILENO {
            let lifted = fcntl(ends[index], F_DUPFD_CLOEXEC, STDERR_FILENO + 1)
            if lifted < 0 { failure = errno }
            close(ends[index])
            ends[index] = lifted
        }
        guard failure == 0 else {
            for fd in ends where fd >= 0 { close(fd) }
            throw .noPipe(errno: failure)
        }
        return (ends[0], ends[1])
    }

    private func spawn(stdin: Int32, stdout: Int32, mask: sigset_t) throws(ChildProcessError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else { throw .notStarted(errno: ENOMEM) }
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawnattr_init(&attributes) == 0 else { throw .notStarted(errno: ENOMEM) }
        defer { posix_spawnattr_destroy(&attributes) }

        var mask = mask
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        let flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP
        let setUp = [
            posix_spawn_file_actions_adddup2(&actions, stdin, STDIN_FILENO),
            posix_spawn_file_actions_adddup2(&actions, stdout, STDOUT_FILENO),
            mergeStandardError
                ? posix_spawn_file_actions_adddup2(&actions, stdout, STDERR_FILENO)
                : posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0),
            posix_spawnattr_setsigmask(&attributes, &mask),
            posix_spawnattr_setsigdefault(&attributes, &defaults),
            posix_spawnattr_setpgroup(&attributes, 0),
            posix_spawnattr_setflags(&attributes, Int16(flags)),
        ]
        if let failed = setUp.first(where: { $0 != 0 }) { throw .notStarted(errno: failed) }
        // Descriptors another part of the program opened without O_CLOEXEC stay out of the child.
        if let closeFrom = addCloseFrom, closeFrom(&actions, STDERR_FILENO + 1) != 0 { throw .notStarted(errno: ENOMEM) }

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard code == 0 else { throw .notStarted(errno: code) }
        return pid
    }
}

/// `pipe2(fds, O_CLOEXEC)`: atomic, so a child another thread starts meanwhile cannot inherit the
/// pipe (which would keep it open past our child's exit). Glibc has it, but Swift's Glibc module
/// leaves it out (it is a GNU extension), so it is looked up; where it is missing, `pipe` and then
/// `FD_CLOEXEC` on each end.
private func makeCloseOnExecPipe(_ ends: UnsafeMutablePointer<Int32>) -> Int32 {
    if let pipe2 = closeOnExecPipe { return pipe2(ends, O_CLOEXEC) }
    guard pipe(ends) == 0 else { return -1 }
    for index in 0..<2 { _ = fcntl(ends[index], F_SETFD, FD_CLOEXEC) }
    return 0
}

private let closeOnExecPipe: (@convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32)? = {
    #if !canImport(Glibc)
    return nil  // macOS has no pipe2
    #endif
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32).self)
}()

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), looked up for the same reason.
private let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? = {
    #if !canImport(Glibc)
    return nil
    #endif
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self)
}()

/// A started child: its pipes' parent ends, and whether it has been reaped.
private struct Child {
    let pid: pid_t
    var writeEnd: Int32?
    var readEnd: Int32?
    var reaped = false

    init(pid: pid_t, writeEnd: Int32, readEnd: Int32) {
        self.pid = pid
        self.writeEnd = writeEnd
        self.readEnd = readEnd
        for fd in [writeEnd, readEnd] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    /// Writes `input` and reads the output as the pipes are ready, then waits for the exit.
    mutating func exchange(_ input: [UInt8], until deadline: ContinuousClock.Instant, timeLimit: Duration,
                           outputLimit: Int) throws(ChildProcessError) -> ChildProcess.Result {
        var output: [UInt8] = []
        var written = 0
        var tookAllInput = input.isEmpty
        if input.isEmpty { closeWriteEnd() }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while let readEnd {
            let wait = Self.milliseconds(until: deadline)
            guard wait > 0 else { throw .timedOut(limit: timeLimit) }
            var fds = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
            if let writeEnd { fds.append(pollfd(fd: writeEnd, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .failed(call: "poll", errno: errno)
            }
            if fds.count > 1, let writeEnd, fds[1].revents != 0 {
                let count = input[written...].withUnsafeBytes { write(writeEnd, $0.baseAddress, min($0.count, 1 << 16)) }
                if count >= 0 {
                    written += count
                    if written == input.count {
                        tookAllInput = true
                        closeWriteEnd()
                    }
                } else if errno == EPIPE {
                    closeWriteEnd()  // it stopped reading: its exit status tells why
                } else if errno != EAGAIN && errno != EINTR {
                    throw .failed(call: "write", errno: errno)
                }
            }
            if fds[0].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if count > 0 {
                    guard output.count + count <= outputLimit else { throw .tooMuchOutput(limit: outputLimit) }
                    output += buffer[..<count]
                } else if count == 0 {
                    close(readEnd)
                    self.readEnd = nil
                } else if errno != EAGAIN && errno != EINTR {
                    throw .failed(call: "read", errno: errno)
                }
            }
        }
        closeWriteEnd()
        let ending = try waitForExit(until: deadline, timeLimit: timeLimit)
        return ChildProcess.Result(ending: ending, output: output, tookAllInput: tookAllInput)
    }

    /// Waits for the exit after the output ended (a child may close its output and go on).
    private mutating func waitForExit(until deadline: ContinuousClock.Instant, timeLimit: Duration) throws(ChildProcessError) -> ChildProcess.Ending {
        var pause: useconds_t = 500
        while true {
            var status: Int32 = 0
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid {
                reaped = true
                return Self.ending(status)
            }
            if done < 0, errno != EINTR {
                reaped = errno == ECHILD  // someone else reaped it; there is nothing to kill
                throw .failed(call: "waitpid", errno: errno)
            }
            guard Self.milliseconds(until: deadline) > 0 else { throw .timedOut(limit: timeLimit) }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// Closes what is open, and kills and reaps the child's process group unless it was reaped.
    mutating func finish() {
        closeWriteEnd()
        if let readEnd { close(readEnd) }
        readEnd = nil
        guard !reaped else { return }
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
    }

    private mutating func closeWriteEnd() {
        if let writeEnd { close(writeEnd) }
        writeEnd = nil
    }

    private static func ending(_ status: Int32) -> ChildProcess.Ending {
        let signal = status & 0x7f
        return signal == 0 ? .exited(status: (status >> 8) & 0xff) : .killed(signal: signal)
    }

    /// Milliseconds left until `deadline`, rounded up (0 when it has passed).
    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}

/// Why a child process gave no result. Each reads after the program's name
/// ("Graphviz (/usr/bin/dot) did not finish within 30 seconds and was stopped").
enum ChildProcessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No pipe could be made: EMFILE when ecca has no file descriptor left.
    case noPipe(errno: Int32)
    /// `posix_spawn` failed: not found, not executable, no memory, no process left.
    case notStarted(errno: Int32)
    /// It ran past the time limit and was killed.
    case timedOut(limit: Duration)
    /// It wrote more than the limit and was killed.
    case tooMuchOutput(limit: Int)
    /// A system call on its pipes failed; it was killed.
    case failed(call: String, errno: Int32)

    var description: String {
        switch self {
        case .noPipe(let code):
            "could not be started: no pipe to it could be made (\(Self.words(code)))"
        case .notStarted(let code):
            "could not be started (\(Self.words(code)))"
        case .timedOut(let limit):
            "did not finish within \(Self.words(limit)) and was stopped"
        case .tooMuchOutput(let limit):
            "wrote more than \(limit >> 20) MiB and was stopped"
        case .failed(let call, let code):
            "was stopped because \(call) failed (\(Self.words(code)))"
        }
    }

    private static func words(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return code == EMFILE ? "\(text), EMFILE" : text
    }

    /// "30 seconds", "1 second", "250 ms".
    static func words(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard attoseconds != 0 else { return seconds == 1 ? "1 second" : "\(seconds) seconds" }
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
    }
}
