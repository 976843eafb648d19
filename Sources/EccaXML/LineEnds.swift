import Glibc

/// XML's line-end rule, applied before libxml2 sees the bytes: a carriage return not followed by
/// a line feed is a line end (XML 1.0 §2.11). libxml2 treats it as one in text, but counts only
/// line feeds for its line numbers, so a file with old Mac line ends (CR alone) had every error
/// and every source span on "line 1". Turning each lone CR into a line feed, byte for byte, keeps
/// columns and offsets, and is what the specification says a processor must behave as if it did.
/// A CR followed by a line feed is left alone (libxml2 counts that pair as one line).
enum LineEnds {
    static let carriageReturn = UInt8(ascii: "\r")
    static let lineFeed = UInt8(ascii: "\n")

    /// Makes each lone carriage return among the first `count` bytes a line feed. A carriage
    /// return at the end, unless the input ends there (`atEnd`), is left as it is and `true`
    /// returned: the caller carries it to the front of the next chunk, where what follows it is known.
    static func normalize(_ bytes: UnsafeMutableBufferPointer<UInt8>, count: Int, atEnd: Bool) -> Bool {
        guard count > 0, let base = bytes.baseAddress else { return false }
        // Most files have no CR at all, or only CRLF pairs: one fast scan finds the first.
        var cursor = base
        let end = base + count
        while cursor < end, let found = memchr(cursor, Int32(carriageReturn), end - cursor) {
            let at = found.assumingMemoryBound(to: UInt8.self)
            let next = at + 1
            if next == end {
                if !atEnd { return true }
                at.pointee = lineFeed
                return false
            }
            if next.pointee != lineFeed { at.pointee = lineFeed }
            cursor = next
        }
        return false
    }

    /// `bytes` with each lone carriage return made a line feed (an input held in memory).
    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        var copy = bytes
        _ = copy.withUnsafeMutableBufferPointer { normalize($0, count: $0.count, atEnd: true) }
        return copy
    }
}
