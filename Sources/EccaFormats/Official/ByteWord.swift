/// Eight bytes tested at once: the word-at-a-time checks of the importers' byte loops
/// (`TextNormalizer.collapse`, `XMLOutput`'s escaping), kept in one place.
enum ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `pointer`, the first in the lowest byte on any platform (the masks below
    /// count bytes from the low end).
    @inline(__always)
    static func load(_ pointer: UnsafeRawPointer) -> UInt64 {
        UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))
    }

    /// Whether every byte is ASCII.
    @inline(__always)
    static func isASCII(_ word: UInt64) -> Bool { word & highs == 0 }

    /// Whether any byte is below 0x20 (a control character).
    @inline(__always)
    static func hasControl(_ word: UInt64) -> Bool { controlBytes(word) != 0 }

    /// Not zero when any byte is below 0x20 (exactly: a word with none gives zero).
    @inline(__always)
    static func controlBytes(_ word: UInt64) -> UInt64 { (word &- ones &* 0x20) & ~word & highs }

    /// Not zero when any byte is zero (exactly: a word with none gives zero).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    /// The high bit of each byte of `word` that is exactly `byte`, and no other bit.
    @inline(__always)
    static func mask(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & lows) &+ lows) | x | lows)
    }
}
