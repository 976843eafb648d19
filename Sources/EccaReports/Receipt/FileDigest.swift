import EccaFormats
import Foundation

/// A file that went into a report, with the SHA-256 of its bytes: `sha256sum PATH` prints the same.
public struct FileDigest: Sendable, Hashable, Codable {
    /// The path as it was given to ecca (so `sha256sum` can be run on it from the same folder).
    public var path: String
    /// Lower-case hexadecimal SHA-256 of the file's bytes.
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    /// The digest of bytes already read (standard input, or a file read for another purpose).
    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, sha256: SHA256.hexDigest(bytes))
    }

    /// Reads and hashes the file at `path`.
    public static func of(file path: String) throws(ReportError) -> FileDigest {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadableFile(path: path) }
        return FileDigest(path: path, bytes: [UInt8](data))
    }

    /// One digest for a set of files: the SHA-256 of their digests, one `<hex>\n` line each,
    /// sorted (byte order). Neither paths nor the order the files were given in enter it, so the
    /// same files hash the same from any folder (a resumed batch compares it);
    /// `sha256sum FILES | cut -c1-64 | LC_ALL=C sort | sha256sum` prints it.
    public static func combined(_ files: [FileDigest]) -> String {
        let lines = files.map(\.sha256).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { $0 + "\n" }.joined()
        return SHA256.hexDigest(Array(lines.utf8))
    }
}
