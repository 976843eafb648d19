import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, through every symbolic link, as ecca's inputs and outputs tell files apart:
/// a regular file is read or replaced, a folder holds requests, and a stream (a FIFO, socket or
/// character device) can be read only once and is written to, never replaced.
public enum FileKind: Sendable, Hashable {
    case regular
    case folder
    /// A FIFO, socket or character device.
    case stream
    /// A block device, or anything else.
    case other

    /// What `path` names; nil when nothing is there or it cannot be looked at (`errno` says which).
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFCHR, S_IFIFO, S_IFSOCK: self = .stream
        default: self = .other
        }
    }
}
