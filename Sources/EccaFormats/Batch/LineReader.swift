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
    private let file: UnsafeMutablePointer<FILE>
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
        if path == "-" {
            guard let input = fdopen(dup(STDIN_FILENO), "rb") else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: "<stdin>"])
            }
            file = input
            name = "<stdin>"
        } else {
            guard let opened = fopen(path, "rb") else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
            }
            file = opened
            name = path
        }
    }

    deinit {
        fclose(file)
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
                chunkEnd = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
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
