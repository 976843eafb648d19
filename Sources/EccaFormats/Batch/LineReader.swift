import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a text file (or standard input) line by line without loading it whole, counting lines,
/// so that memory stays flat however long the input is.
///
/// Hostile input is bounded and never passed on silently: a line longer than `maximumLineBytes`
/// is skipped (only its length is counted) and a line that is not UTF-8 is not decoded with
/// replacement characters; both come back as an empty line with `lastLineProblem` set, so the
/// caller reports that record and goes on.
public final class LineReader {
    /// Why the last line returned could not be used.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case tooLong(bytes: Int, limit: Int)
        case notUTF8

        public var description: String {
            switch self {
            case .tooLong(let bytes, let limit): "line of \(bytes) bytes is longer than the limit of \(limit) bytes"
            case .notUTF8: "line is not valid UTF-8 (save the input as UTF-8)"
            }
        }
    }

    /// The default longest line: a request is a few kilobytes; the same limit as a request file.
    public static let defaultMaximumLineBytes = 16 << 20

    public let name: String
    public let maximumLineBytes: Int
    private let descriptor: Int32
    /// A regular file never makes a read wait; a pipe, a terminal or a socket can.
    private let canWait: Bool
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var chunkStart = 0
    private var chunkEnd = 0
    private var line: [UInt8] = []
    /// The number of the line last returned (1-based).
    public private(set) var lineNumber = 0
    /// Whether the last line returned ended without a newline (a truncated last record).
    public private(set) var lastLineUnterminated = false
    /// Set when the last line returned (then empty) was too long or not UTF-8.
    public private(set) var lastLineProblem: Problem?

    /// Opens `path`; `-` reads standard input.
    public init(path: String, maximumLineBytes: Int = LineReader.defaultMaximumLineBytes) throws {
        self.maximumLineBytes = maximumLineBytes
        // Read with read(2), not fread: fread waits until its whole buffer is full, so records
        // from a pipe would wait for 64 KiB more input or its end.
        if path == "-" {
            descriptor = dup(STDIN_FILENO)
            guard descriptor >= 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: "<stdin>"]) }
            name = "<stdin>"
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
            name = path
        }
        var status = stat()
        canWait = fstat(descriptor, &status) != 0 || status.st_mode & S_IFMT != S_IFREG
    }

    deinit {
        close(descriptor)
    }

    /// Whether the next line would wait for input not there yet (a pipe whose writer pauses):
    /// a batch then writes out what it has decided before it waits.
    public var wouldWait: Bool {
        guard canWait, chunkStart == chunkEnd else { return false }
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&ready, 1, 0) == 0
    }

    /// The next line without its line terminator, or nil at the end.
    public func next() -> String? {
        // A buffer grown by one long line is given back rather than kept for the rest of the run.
        line.removeAll(keepingCapacity: line.capacity <= 1 << 20)
        lastLineProblem = nil
        var length = 0
        var sawByte = false
        var sawNewline = false
        while !sawNewline {
            if chunkStart == chunkEnd {
                var count = -1
                while count < 0 {
                    count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count < 0 && errno != EINTR { count = 0 }  // a read error ends the input, as fread's did
                }
                chunkEnd = count
                chunkStart = 0
                if chunkEnd == 0 { break }
            }
            sawByte = true
            let end = chunk.withUnsafeBytes { bytes -> Int in
                guard let base = bytes.baseAddress, let found = memchr(base + chunkStart, 0x0A, chunkEnd - chunkStart) else { return chunkEnd }
                return UnsafeRawPointer(found) - base
            }
            let piece = end - chunkStart
            if line.count + piece <= maximumLineBytes {
                line += chunk[chunkStart..<end]
            }
            length += piece
            if end < chunkEnd {
                sawNewline = true
                chunkStart = end + 1
            } else {
                chunkStart = chunkEnd
            }
        }
        guard sawByte else { return nil }
        lineNumber += 1
        lastLineUnterminated = !sawNewline
        if length > maximumLineBytes {
            lastLineProblem = .tooLong(bytes: length, limit: maximumLineBytes)
            return ""
        }
        if line.last == 0x0D { line.removeLast() }
        guard let text = String(validating: line, as: UTF8.self) else {
            lastLineProblem = .notUTF8
            return ""
        }
        return text
    }
}
