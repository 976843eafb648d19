import Foundation

/// Reads a text file (or standard input) line by line without loading it whole, counting lines,
/// so that memory stays flat however long the input is: `ByteLineReader`, with each line checked
/// and decoded.
///
/// Hostile input is bounded and never passed on silently: a line longer than `maximumLineBytes`
/// is skipped (only its length is counted) and a line that is not UTF-8 is not decoded with
/// replacement characters; both come back as an empty line with `lastLineProblem` set, so the
/// caller reports that record and goes on.
public final class LineReader {
    /// Why the last line returned could not be used.
    /// What a last line without a line end whose JSON is incomplete is called, by batch (a record
    /// it cannot use) and by report (results cut short): a run stopped while writing leaves one.
    public static let truncatedLastLine = "truncated last line (no newline, incomplete JSON)"

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
    public var maximumLineBytes: Int { bytes.maximumLineBytes }
    private let bytes: ByteLineReader
    /// The number of the line last returned (1-based).
    public var lineNumber: Int { bytes.lineNumber }
    /// Whether the last line returned ended without a newline (a truncated last record).
    public var lastLineUnterminated: Bool { !bytes.lastLineTerminated }
    /// Set when the last line returned (then empty) was too long or not UTF-8.
    public private(set) var lastLineProblem: Problem?

    /// Opens `path`; `-` reads standard input.
    public init(path: String, maximumLineBytes: Int = LineReader.defaultMaximumLineBytes) throws {
        // Read with read(2), not fread: fread waits until its whole buffer is full, so records
        // from a pipe would wait for 64 KiB more input or its end.
        if path == "-" {
            bytes = ByteLineReader(standardInputWithChunkBytes: 1 << 16, maximumLineBytes: maximumLineBytes)
            name = "<stdin>"
        } else {
            guard let reader = ByteLineReader(path: path, chunkBytes: 1 << 16, maximumLineBytes: maximumLineBytes) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
            }
            bytes = reader
            name = path
        }
    }

    /// Whether the next line would wait for input not there yet (a pipe whose writer pauses):
    /// a batch then writes out what it has decided before it waits.
    public var wouldWait: Bool { bytes.wouldWait }

    /// The next line without its line terminator, or nil at the end. A read error ends the input.
    public func next() -> String? {
        lastLineProblem = nil
        guard var line = (try? bytes.next()) ?? nil else { return nil }
        if bytes.lastLineLength > maximumLineBytes {
            lastLineProblem = .tooLong(bytes: bytes.lastLineLength, limit: maximumLineBytes)
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
