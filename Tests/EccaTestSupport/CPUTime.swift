import Foundation

/// CPU time, for the tests that bound how much work something takes (a hostile input refused
/// before the work that grows with its size squared, a solver timeout that holds). Such a bound in
/// wall-clock seconds fails when other tests, the ecca processes they start and a sanitizer share a
/// two-core CI machine: a test's thread can wait far longer than it works. CPU time counts only
/// the work.
public enum CPUTime {
    /// CPU seconds used by the calling thread. Right for work done on that thread; a test body
    /// without suspension points runs on one.
    public static func ofThisThread() -> Double {
        seconds(CLOCK_THREAD_CPUTIME_ID)
    }

    /// CPU seconds used by every thread of this process: for work done on threads of its own (a
    /// read-ahead parser, an import's writer). It also counts tests running beside, so it errs
    /// high; bound it generously.
    public static func ofThisProcess() -> Double {
        seconds(CLOCK_PROCESS_CPUTIME_ID)
    }

    private static func seconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
