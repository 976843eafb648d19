import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file, standard input or bytes already in memory line by line, as raw bytes, without
/// holding more than one chunk and one line: for results files of 10^5–10^6 analyses (`ecca
/// report`, `ecca batch --resume`), which held whole took several times their size.
///
/// Unlike `LineReader` (requests), a line is given back exactly as it is in the file, without
/// any check: the callers decide what a line means, and `observe` sees every byte read, in
/// order, so that a digest of the input can be taken while it is read.
public final class ByteLineReader {
    /// A read(2) that failed.
    public struct ReadError: Error, CustomStringConvertible {
        public var code: Int32
        public var description: String { String(cString: strerror(code)) }
    }

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end: Int
    private var atEnd: Bool
    /// Called with each chunk as it is read, before any line of it is given back.
    public var observe: ((UnsafeRawBufferPointer) -> Void)?
    /// Bytes given back so far, line terminators included.
    public private(set) var offset = 0
    /// Whether the last line given back ended with a line feed (a torn last line does not).
    public private(set) var lastLineTerminated = true

    /// Reads `path`; nil when it cannot be opened (errno says why).
    public init?(path: String, chunkBytes: Int = 1 << 20) {
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { return nil }
        descriptor = opened
        ownsDescriptor = true
        buffer = [UInt8](repeating: 0, count: chunkBytes)
        end = 0
        atEnd = false
    }

    /// Reads standard input (left open).
    public init(standardInputWithChunkBytes chunkBytes: Int = 1 << 20) {
        descriptor = STDIN_FILENO
        ownsDescriptor = false
        buffer = [UInt8](repeating: 0, count: chunkBytes)
        end = 0
        atEnd = false
    }

    /// Reads bytes already in memory (given to `observe` as one chunk, on the first read).
    public init(bytes: [UInt8]) {
        descriptor = -1
        ownsDescriptor = false
        buffer = bytes
        end = bytes.count
        atEnd = true
        pendingObservation = true
    }

    private var pendingObservation = false

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The next line without its line feed (a carriage return before it is kept), or nil at the end.
    public func next() throws(ReadError) -> [UInt8]? {
        observePending()
        var scanned = start
        while true {
            if let newline = firstNewline(from: scanned) {
                let line = Array(buffer[start..<newline])
                offset += newline + 1 - start
                start = newline + 1
                lastLineTerminated = true
                return line
            }
            scanned = end
            if atEnd {
                guard start < end else { return nil }
                let line = Array(buffer[start..<end])
                offset += end - start
                start = end
                lastLineTerminated = false
                return line
            }
            let kept = end - start
            try fill()
            scanned = start + kept
        }
    }

    /// Everything not read yet.
    public func rest() throws(ReadError) -> [UInt8] {
        observePending()
        while !atEnd { try fill() }
        let bytes = Array(buffer[start..<end])
        offset += end - start
        start = end
        return bytes
    }

    private func observePending() {
        guard pendingObservation else { return }
        pendingObservation = false
        buffer.withUnsafeBytes { observe?($0) }
    }

    private func firstNewline(from index: Int) -> Int? {
        guard index < end else { return nil }
        return buffer.withUnsafeBytes { bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base + index, 0x0A, end - index) else { return nil }
            return UnsafeRawPointer(found) - base
        }
    }

    /// Moves what is left to the front (growing the buffer for a long line) and reads once more.
    private func fill() throws(ReadError) {
        if start > 0 {
            buffer.withUnsafeMutableBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                memmove(base, base + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        var count = -1
        while count < 0 {
            count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + end, $0.count - end) }
            if count < 0 && errno != EINTR { throw ReadError(code: errno) }
        }
        if count == 0 {
            atEnd = true
            return
        }
        buffer.withUnsafeBytes { observe?(UnsafeRawBufferPointer(rebasing: $0[end..<end + count])) }
        end += count
    }
}
