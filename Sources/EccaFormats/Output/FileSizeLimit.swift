#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file-size limit (`ulimit -f`, as CI containers set) is an ordinary write failure, not a signal.
public enum FileSizeLimit {
    /// Ignores SIGXFSZ from now on: a write past the limit then fails with EFBIG, which every
    /// output reports (status 3) and cleans up after, instead of killing ecca silently with its
    /// hidden temporary file left behind (QA scale F8).
    public static func failWritesInsteadOfSignalling() {
        signal(SIGXFSZ, SIG_IGN)
    }
}
