#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a document type declaration in the prolog of an XML document before libxml2 sees it,
/// so that a DOCTYPE, and with it every entity and DTD trick, is refused before any of it is
/// parsed. The reader's own check of document-type nodes stays behind it as a second line.
///
/// The prolog is: an optional byte-order mark, the XML declaration, whitespace, comments and
/// processing instructions, then the DOCTYPE or the root element. Anything else ends the scan and
/// is left to libxml2 (a UTF-16 document, for one, is refused for its encoding).
enum XMLProlog {
    enum Finding: Equatable {
        /// A `<!DOCTYPE` starts on this line (1-based).
        case doctype(line: Int)
        /// The root element (or something that is not prolog) comes first: no DOCTYPE.
        case none
        /// The bytes end inside the prolog: more are needed to decide.
        case undecided
    }

    /// How much of a file's beginning is scanned; a prolog longer than this (a megabyte of
    /// comments) is left to the reader's document-type check.
    static let scanLimit = 1 << 20

    /// Scans the beginning of the file at `path` (up to `scanLimit` bytes).
    static func scan(file handle: UnsafeMutablePointer<FILE>) -> Finding {
        var collected: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while collected.count < scanLimit {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count == 0 { break }
            collected += chunk[0..<count]
            let finding = collected.withUnsafeBytes { scan($0) }
            if finding != .undecided { return finding }
        }
        return collected.withUnsafeBytes { scan($0) }
    }

    static func scan(_ bytes: UnsafeRawBufferPointer) -> Finding {
        var index = 0
        var line = 1
        func starts(with text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
            return true
        }
        /// Skips to just after `terminator`, counting lines; false when the bytes end first.
        func skip(past terminator: StaticString) -> Bool {
            while index < bytes.count {
                if starts(with: terminator) {
                    index += terminator.utf8CodeUnitCount
                    return true
                }
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
            return false
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                line += 1
                index += 1
            case 0x20, 0x09, 0x0D:
                index += 1
            case UInt8(ascii: "<"):
                if starts(with: "<?") {
                    guard skip(past: "?>") else { return .undecided }
                } else if starts(with: "<!--") {
                    guard skip(past: "-->") else { return .undecided }
                } else if starts(with: "<!DOCTYPE") {
                    return .doctype(line: line)
                } else if bytes.count - index < 9 && isCutShort("<!DOCTYPE", bytes, index) {
                    return .undecided
                } else {
                    return .none
                }
            default:
                return .none
            }
        }
        return .undecided
    }

    /// Whether the bytes from `index` to the end are a prefix of `text` (a declaration cut short).
    private static func isCutShort(_ text: StaticString, _ bytes: UnsafeRawBufferPointer, _ index: Int) -> Bool {
        let available = bytes.count - index
        for offset in 0..<min(available, text.utf8CodeUnitCount) where bytes[index + offset] != text.utf8Start[offset] { return false }
        return true
    }
}
