import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scratch file for output written before what must come ahead of it is known (a report's
/// requests, before its head, which lists them), so that it is kept on disk rather than in
/// memory. Made in a folder and unlinked at once: nothing is left behind, whatever ends the run.
public final class SpoolFile {
    private var descriptor: Int32
    /// How errors name it.
    private let name: String

    /// - Parameter folder: where to make it: beside the output it is for (the same file system,
    ///   not a memory-backed /tmp), or the temporary folder for standard output.
    public init(folder: String) throws(OutputFileError) {
        var template = Array((folder.isEmpty ? "." : folder).utf8CString.dropLast()) + Array("/.ecca-spool-XXXXXX".utf8CString)
        // Not inherited by the processes the report starts (Graphviz).
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else {
            throw OutputFileError(path: "a scratch file in \(folder.isEmpty ? "." : folder)", reason: OutputFile.reason(errno))
        }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        _ = fcntl(opened, F_SETFD, FD_CLOEXEC)
        descriptor = opened
        name = "a scratch file in \(folder.isEmpty ? "." : folder)"
    }

    /// The folder for a spool beside `output` (`-o`), or the temporary folder (`TMPDIR` where it
    /// is a folder that can be written to, else /tmp) for standard output, a device or a pipe.
    public static func folder(for output: String?) -> String {
        if let output, case .file(let resolved, _)? = try? OutputFile.target(of: output) {
            let folder = PathFolder.of(resolved)
            return folder.isEmpty ? "." : folder
        }
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        return !temporary.isEmpty && FileKind(path: temporary) == .folder && access(temporary, W_OK) == 0 ? temporary : "/tmp"
    }

    deinit {
        close(descriptor)
    }

    public func write(_ text: String) throws(OutputFileError) {
        var text = text
        let result: Result<Void, OutputFileError> = text.withUTF8 { bytes in
            do throws(OutputFileError) {
                try writeAll(UnsafeRawBufferPointer(bytes), to: descriptor, name: name)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Writes everything spooled so far to `output`, from the start.
    public func copy(to output: OutputFile) throws(OutputFileError) {
        var offset: off_t = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let read = pread(descriptor, buffer.baseAddress, buffer.count, offset)
            if read < 0 {
                if errno == EINTR { continue }
                throw OutputFileError(path: name, reason: OutputFile.reason(errno))
            }
            if read == 0 { return }
            try output.write(UnsafeRawBufferPointer(rebasing: buffer[..<read]))
            offset += off_t(read)
        }
    }
}
