import CZ3

/// The linked Z3 version, recorded in reproducibility receipts: verdicts can differ between Z3
/// releases, so a receipt must say which one produced them.
public enum SMTVersion {
    /// Z3's full version string, e.g. "4.8.12.0" (plus a commit hash on source builds).
    public static var string: String {
        Z3_get_full_version().map { String(cString: $0) } ?? "unknown"
    }

    /// Major, minor, build and revision numbers.
    public static var components: (major: Int, minor: Int, build: Int, revision: Int) {
        var major: UInt32 = 0
        var minor: UInt32 = 0
        var build: UInt32 = 0
        var revision: UInt32 = 0
        Z3_get_version(&major, &minor, &build, &revision)
        return (Int(major), Int(minor), Int(build), Int(revision))
    }
}
