import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file as the system knows it: its device and inode, through every symbolic link. Two paths
/// name one file when their identities are equal, whatever the paths say: a relative path, a
/// symbolic link, a hard link or a bind mount. How ecca tells that an input is given twice, or
/// that an output would overwrite an input.
public struct FileIdentity: Sendable, Hashable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity of what `path` names; nil when nothing is there (or it cannot be looked at).
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
