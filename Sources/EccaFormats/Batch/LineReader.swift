import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a text file (or standard input) line by line without loading it whole, counting lines,
/// so that memory stays flat however long the input is.
public final class LineReader {
    public let name: String
    private let file: UnsafeMutablePointer<FILE>
    private let closeOnDeinit: Bool
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    /// The number of the line last returned (1-based).
    public private(set) var lineNumber = 0
    /// Whether the last line returned ended without a newline (a truncated last record).
    public private(set) var lastLineUnterminated = false

    /// Opens `path`; `-` reads standard input.
    public init(path: String) throws {
        if path == "-" {
            guard let input = fdopen(dup(STDIN_FILENO), "rb") else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: "<stdin>"])
            }
            file = input
            name = "<stdin>"
            closeOnDeinit = true
        } else {
            guard let opened = fopen(path, "rb") else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
            }
            file = opened
            name = path
            closeOnDeinit = true
        }
    }

    deinit {
        free(buffer)
        if closeOnDeinit { fclose(file) }
    }

    /// The next line without its line terminator, or nil at the end.
    public func next() -> String? {
        let length = getline(&buffer, &capacity, file)
        guard length >= 0, let buffer else { return nil }
        lineNumber += 1
        var end = length
        lastLineUnterminated = true
        if end > 0 && buffer[end - 1] == 0x0A {
            end -= 1
            lastLineUnterminated = false
        }
        if end > 0 && buffer[end - 1] == 0x0D { end -= 1 }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: end) {
            String(decoding: UnsafeBufferPointer(start: $0, count: end), as: UTF8.self)
        }
    }
}
