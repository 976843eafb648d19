import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file, standard input or bytes already in memory line by line, as raw bytes, with read(2)
/// a chunk at a time, holding one chunk and the line in progress: the one chunked reader of
/// line-based input. Results files of 10^5–10^6 analyses (`ecca report`, `ecca batch --resume`)
/// use it directly; requests (`LineReader`) through a layer that decodes and checks each line.
///
/// A line is given back as it is in the file, without its line feed. `observe` sees every byte
/// read, in order, so that a digest of the input can be taken while it is read. A line longer
/// than `maximumLineBytes` is read past without being held, and given back empty with its length
/// in `lastLineLength`, so that hostile input cannot make memory grow.
public final class ByteLineReader {
    /// A read(2) that failed.
    public struct ReadError: Error, CustomStringConvertible {
        public var code: Int32
        public var description: String { String(cString: strerror(code)) }
    }

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// A regular file (or bytes in memory) never makes a read wait; a pipe, a terminal or a
    /// socket can.
    private let canWait: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end: Int
    private var atEnd: Bool
    /// The longest line held and given back; a longer one comes back empty.
    public let maximumLineBytes: Int
    /// Called with each chunk as it is read, before any line of it is given back.
    public var observe: ((UnsafeRawBufferPointer) -> Void)?
    /// Bytes given back so far, line terminators included.
    public private(set) var offset = 0
    /// Whether the last line given back ended with a line feed (a torn last line does not).
    public private(set) var lastLineTerminated = true
    /// The number of the line last given back (1-based).
    public private(set) var lineNumber = 0
    /// The length of the line last given back, in bytes, as it is in the input: above
    /// `maximumLineBytes` when the line came back empty for being too long.
    public private(set) var lastLineLength = 0

    /// Reads `path`; nil when it cannot be opened (errno says why).
    public convenience init?(path: String, chunkBytes: Int = 1 << 20, maximumLineBytes: Int = .max) {
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { return nil }
        self.init(descriptor: opened, owned: true, chunkBytes: chunkBytes, maximumLineBytes: maximumLineBytes)
    }

    /// Reads standard input (left open).
    public convenience init(standardInputWithChunkBytes chunkBytes: Int = 1 << 20, maximumLineBytes: Int = .max) {
        self.init(descriptor: STDIN_FILENO, owned: false, chunkBytes: chunkBytes, maximumLineBytes: maximumLineBytes)
    }

    private init(descriptor: Int32, owned: Bool, chunkBytes: Int, maximumLineBytes: Int) {
        self.descriptor = descriptor
        ownsDescriptor = owned
        var status = stat()
        canWait = fstat(descriptor, &status) != 0 || status.st_mode & S_IFMT != S_IFREG
        buffer = [UInt8](repeating: 0, count: chunkBytes)
        end = 0
        atEnd = false
        self.maximumLineBytes = maximumLineBytes
    }

    /// Reads bytes already in memory (given to `observe` as one chunk, on the first read).
    public init(bytes: [UInt8]) {
        descriptor = -1
        ownsDescriptor = false
        canWait = false
        buffer = bytes
        end = bytes.count
        atEnd = true
        maximumLineBytes = .max
        pendingObservation = true
    }

    private var pendingObservation = false

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Whether the next line would wait for input not there yet (a pipe whose writer pauses):
    /// a batch then writes out what it has decided before it waits.
    public var wouldWait: Bool {
        guard canWait, start == end, !atEnd else { return false }
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&ready, 1, 0) == 0
    }

    /// The next line without its line feed (a carriage return before it is kept), or nil at the
    /// end; empty when it is longer than `maximumLineBytes` (`lastLineLength` says so).
    public func next() throws(ReadError) -> [UInt8]? {
        observePending()
        var scanned = start
        // Bytes of the line in progress already read past: it is too long to hold.
        var dropped = 0
        while true {
            if let newline = firstNewline(from: scanned) {
                return give(upTo: newline, dropped: dropped, terminated: true)
            }
            scanned = end
            if atEnd {
                guard start < end || dropped > 0 else { return nil }
                return give(upTo: end, dropped: dropped, terminated: false)
            }
            if dropped > 0 || end - start > maximumLineBytes {
                dropped += end - start
                offset += end - start
                start = end
            }
            let kept = end - start
            try fill()
            scanned = start + kept
        }
    }

    /// Gives back the line from `start` to `lineEnd` (after `dropped` bytes read past), and
    /// moves past it and its line feed.
    private func give(upTo lineEnd: Int, dropped: Int, terminated: Bool) -> [UInt8] {
        let length = dropped + lineEnd - start
        let line = length > maximumLineBytes ? [] : Array(buffer[start..<lineEnd])
        let next = terminated ? lineEnd + 1 : lineEnd
        offset += next - start
        start = next
        lineNumber += 1
        lastLineLength = length
        lastLineTerminated = terminated
        return line
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
