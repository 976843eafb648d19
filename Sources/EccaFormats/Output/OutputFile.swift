import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file an output is written to (`batch -o`, `--summary`, `report -o`, `import -o`,
/// `sample-requests -o`), written as `> FILE` would write it, never by replacing what is there:
///
/// - a regular file, or none yet, is replaced whole (`.whole`: written under a temporary name
///   beside it and renamed over it by `commit()`, so a reader never sees half of it and a failed
///   run leaves it as it was) or written in place (`.streamed`: batch lines, which a killed run
///   must keep);
/// - a character device, FIFO or socket is opened and written to directly. Renaming a file over
///   it would replace the node itself: as root, `-o /dev/null` would replace `/dev/null` for the
///   whole system, and a reader waiting on a FIFO would never get the data;
/// - a symbolic link is followed: what it points to is written or replaced, and the link stays.
///
/// Every write is checked: a full disk is an `OutputFileError` naming the file, never a trap.
public final class OutputFile {
    public enum Mode: Sendable {
        /// Replaced whole on `commit()`, or left as it was.
        case whole
        /// Truncated and written in place as the bytes come.
        case streamed
        /// Kept up to `keeping` bytes and appended to (a resumed batch). Only a regular file.
        case resumed(keeping: Int)
    }

    /// What is at a path, as an output sees it.
    public enum Target: Sendable, Hashable {
        /// A regular file, or nothing yet, at `path` (every symbolic link followed).
        case file(path: String, exists: Bool)
        /// A character device, FIFO or socket: written to, never replaced.
        case special
    }

    /// The path as given (named in errors).
    public let path: String
    private var descriptor: Int32
    /// The temporary file renamed over `destination` by `commit()` (`.whole` only).
    private var temporary: String?
    private let destination: String
    private let ownsDescriptor: Bool

    /// Standard output, written with the same checks; never closed.
    public static func standardOutput() -> OutputFile { OutputFile(descriptor: STDOUT_FILENO, name: "standard output") }

    /// Standard error, written with the same checks; never closed.
    public static func standardError() -> OutputFile { OutputFile(descriptor: STDERR_FILENO, name: "standard error") }

    private init(descriptor: Int32, name: String) {
        self.path = name
        self.descriptor = descriptor
        self.destination = name
        self.ownsDescriptor = false
    }

    public init(path: String, mode: Mode) throws(OutputFileError) {
        self.path = path
        ownsDescriptor = true
        let target = try Self.target(of: path)
        switch (target, mode) {
        case (.special, .resumed):
            throw OutputFileError(path: path, reason: "it is not a regular file, so it cannot be continued")
        case (.special, _):
            destination = path
            descriptor = try Self.openFile(path, O_WRONLY, name: path)
        case (.file(let resolved, _), .streamed):
            destination = resolved
            descriptor = try Self.openFile(resolved, O_WRONLY | O_CREAT | O_TRUNC, name: path)
        case (.file(let resolved, let exists), .resumed(let keeping)):
            destination = resolved
            guard exists else { throw OutputFileError(path: path, reason: "no such file") }
            descriptor = try Self.openFile(resolved, O_WRONLY, name: path)
            guard ftruncate(descriptor, off_t(keeping)) == 0, lseek(descriptor, 0, SEEK_END) >= 0 else {
                let reason = Self.reason(errno)
                close(descriptor)
                throw OutputFileError(path: path, reason: reason)
            }
        case (.file(let resolved, let exists), .whole):
            destination = resolved
            let slash = resolved.lastIndex(of: "/")
            let folder = slash.map { String(resolved[...$0]) } ?? ""
            let name = slash.map { String(resolved[resolved.index(after: $0)...]) } ?? resolved
            var opened: Int32 = -1
            var candidate = ""
            for attempt in 0..<100 where opened < 0 {
                candidate = "\(folder).\(name).ecca-partial-\(getpid())-\(attempt)"
                opened = posixOpen(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC)
                if opened < 0 && errno != EEXIST { break }
            }
            guard opened >= 0 else { throw OutputFileError(path: path, reason: Self.whyUnwritable(resolved, errno: errno)) }
            // The replacement keeps the permissions of the file it replaces.
            var existing = stat()
            if exists, stat(resolved, &existing) == 0 { fchmod(opened, existing.st_mode & 0o7777) }
            descriptor = opened
            temporary = candidate
            InterruptedOutput.arm(candidate)
        }
    }

    deinit {
        if descriptor >= 0 && ownsDescriptor { abandon() }
    }

    /// What `path` is as an output: a file to write or replace (every symbolic link followed, so
    /// the link itself stays), or a device, FIFO or socket to write to. A folder, a block device
    /// or a folder that does not exist is refused, in words.
    public static func target(of path: String) throws(OutputFileError) -> Target {
        if let kind = FileKind(path: path) {
            switch kind {
            case .regular:
                // realpath resolves every link (also /proc/self/fd/N, which readlink cannot).
                guard let resolved = realpath(path, nil) else { return .file(path: path, exists: true) }
                defer { free(resolved) }
                return .file(path: String(cString: resolved), exists: true)
            case .stream:
                return .special
            case .folder:
                throw OutputFileError(path: path, reason: "it is a directory")
            case .other:
                throw OutputFileError(path: path, reason: "it is not a regular file, character device or pipe")
            }
        }
        guard errno == ENOENT else { throw OutputFileError(path: path, reason: reason(errno)) }
        // "x/" names a folder: writing it fails only after the whole run, with ENOENT.
        if path.hasSuffix("/") { throw OutputFileError(path: path, reason: "a name ending in '/' names a folder, and there is none") }
        // Nothing there yet, or a symbolic link to a file not made yet: the file is made where the
        // last link points.
        var current = path
        for _ in 0..<40 {
            var link = stat()
            guard lstat(current, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else { break }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { break }
            let pointee = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // A relative link is relative to the folder holding it, which for a bare name is the
            // current folder, not the root.
            let holder = PathFolder.of(current)
            current = pointee.hasPrefix("/") || holder.isEmpty ? pointee : holder + "/" + pointee
        }
        let folder = PathFolder.of(current)
        switch FileKind(path: folder.isEmpty ? "." : folder) {
        case nil: throw OutputFileError(path: path, reason: "no such folder: \(URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL.path)")
        case .folder?: break
        default: throw OutputFileError(path: path, reason: "\(folder) is not a directory")
        }
        return .file(path: current, exists: false)
    }

    /// Why `path` could not be written, if that can be told before anything is written: it is a
    /// folder, in a folder that does not exist or cannot be written to. Nil when it can be.
    public static func problem(writing path: String) -> String? {
        do {
            guard case .file(let resolved, _) = try target(of: path) else { return nil }
            let folder = PathFolder.of(resolved)
            return access(folder.isEmpty ? "." : folder, W_OK) == 0 ? nil : "no permission to write in \(folder.isEmpty ? "." : folder)"
        } catch {
            return error.reason
        }
    }

    /// Writes `bytes` whole to `path` (`.whole`): replaced at once, or left as it was.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputFileError) {
        let file = try OutputFile(path: path, mode: .whole)
        do throws(OutputFileError) {
            try file.write(bytes)
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }

    /// Writes all of `bytes`; a short or failed write (a full disk) is an error naming the file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputFileError) {
        try writeAll(bytes, to: descriptor, name: path)
    }

    public func write(_ bytes: some Collection<UInt8>) throws(OutputFileError) {
        let result: Result<Void, OutputFileError>? = bytes.withContiguousStorageIfAvailable { buffer in
            do throws(OutputFileError) {
                try write(UnsafeRawBufferPointer(buffer))
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if let result { return try result.get() }
        try write(ContiguousArray(bytes))
    }

    /// Closes the file; a `.whole` output then replaces its destination.
    public func commit() throws(OutputFileError) {
        guard ownsDescriptor, descriptor >= 0 else { return }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else {
            let reason = Self.reason(errno)
            if let temporary {
                InterruptedOutput.disarm(temporary)
                unlink(temporary)
            }
            throw OutputFileError(path: path, reason: reason)
        }
        if let temporary {
            self.temporary = nil
            // Still armed while renamed: an interrupt in between finds the temporary file gone
            // and says the output was written (`InterruptedOutput`), rather than leaving it.
            guard rename(temporary, destination) == 0 else {
                let reason = Self.reason(errno)
                InterruptedOutput.disarm(temporary)
                unlink(temporary)
                throw OutputFileError(path: path, reason: reason)
            }
            InterruptedOutput.renamed(temporary)
        }
    }

    /// Closes the file without replacing anything: a `.whole` output's temporary file is removed
    /// (what was written in place stays: a batch's complete lines can be resumed).
    public func abandon() {
        guard ownsDescriptor, descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        if let temporary {
            InterruptedOutput.disarm(temporary)
            unlink(temporary)
        }
        temporary = nil
    }

    private static func openFile(_ path: String, _ flags: Int32, name: String) throws(OutputFileError) -> Int32 {
        while true {
            let opened = posixOpen(path, flags | O_CLOEXEC)
            if opened >= 0 { return opened }
            if errno == EINTR { continue }
            throw OutputFileError(path: name, reason: whyUnwritable(path, errno: errno))
        }
    }

    private static func whyUnwritable(_ path: String, errno code: Int32) -> String {
        if code == EACCES || code == EPERM || code == EROFS {
            let folder = PathFolder.of(path)
            return code == EROFS ? reason(code) : "no permission to write in \(folder.isEmpty ? "." : folder)"
        }
        return reason(code)
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// Why an output file could not be written: the path as given and the reason in words
/// ("No space left on device", "it is a directory", "no such folder: /x").
public struct OutputFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The path with its control and bidirectional characters escaped (`ControlCharacters`).
    public var description: String { "cannot write \(ControlCharacters.escaped(path)): \(reason)" }
}

/// The C calls, named apart from `OutputFile`'s own `write`.
private func posixOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags, 0o666) }
/// Writes all of `bytes` to `descriptor` (an output, a scratch file), again after an interrupted
/// or short write; a failed one (a full disk) is an error naming the file as `name`.
func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, name: String) throws(OutputFileError) {
    guard var base = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
        let written = write(descriptor, base, left)
        if written < 0 {
            if errno == EINTR { continue }
            throw OutputFileError(path: name, reason: OutputFile.reason(errno))
        }
        // No error, yet no progress: trying again would spin.
        if written == 0 { throw OutputFileError(path: name, reason: "nothing could be written") }
        left -= written
        base += written
    }
}
