/// Counts a start tag's attributes from its bytes, by the `=` outside quoted values, so that a tag
/// holding too many is refused before libxml2 parses it (`XMLResourceLimit.maximumAttributes`):
/// libxml2 checks a tag's attributes for duplicates pair by pair, in time that grows with their
/// number squared, and no callback comes before that check.
struct StartTagAttributes {
    private(set) var count = 0
    private var quote: UInt8 = 0

    /// Reads the tag's next byte; true when it ends the tag (a `>` outside quoted values).
    @inline(__always)
    mutating func read(_ byte: UInt8) -> Bool {
        if quote != 0 {
            if byte == quote { quote = 0 }
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            quote = byte
        } else if byte == UInt8(ascii: "=") {
            count += 1
        } else if byte == UInt8(ascii: ">") {
            return true
        }
        return false
    }

    var isCrowded: Bool { count > XMLResourceLimit.maximumAttributes }
}
