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
        /// A `<!DOCTYPE` starts at this line and column (1-based).
        case doctype(line: Int, column: Int)
        /// The root element (or something that is not prolog) comes first: no DOCTYPE.
        case none
        /// The bytes end inside the prolog: more are needed to decide.
        case undecided
        /// The whole input was scanned and it ends before any element: it has no bytes (`empty`),
        /// only white space (`blank`), or only an XML declaration, comments and processing
        /// instructions, ending at `line`:`column`. libxml2 calls all three "extra content at the
        /// end of the document".
        case empty, blank
        case noRootElement(line: Int, column: Int)
        /// The input opens with `<` in UTF-16 (`3C 00`, `00 3C`) without a byte-order mark, which
        /// XML requires of UTF-16 (XML 1.0 §4.3.3); refused as every encoding but UTF-8 is.
        case utf16WithoutBOM(bigEndian: Bool)
    }

    /// How much of a file's beginning is scanned; a prolog longer than this (a megabyte of
    /// comments) is left to the reader's document-type check.
    static let scanLimit = 1 << 20

    /// Scans the beginning of the file at `path` (up to `scanLimit` bytes).
    static func scan(file handle: UnsafeMutablePointer<FILE>) -> Finding {
        var collected: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var ended = false
        while collected.count < scanLimit {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count == 0 {
                ended = ferror(handle) == 0
                break
            }
            collected += chunk[0..<count]
            let finding = collected.withUnsafeBytes { scan($0) }
            if finding != .undecided { return finding }
        }
        return collected.withUnsafeBytes { scan($0, complete: ended) }
    }

    /// - Parameter complete: the bytes are the whole input, so one that ends before any element
    ///   is `empty`, `blank` or `noRootElement` rather than `undecided`.
    static func scan(_ bytes: UnsafeRawBufferPointer, complete: Bool = false) -> Finding {
        var index = 0
        var line = 1
        var lineStart = 0
        var blank = true
        /// The 1-based column of `index` on its line, in characters.
        func column() -> Int {
            var count = 1
            for offset in lineStart..<index where bytes[offset] & 0xC0 != 0x80 { count += 1 }
            return count
        }
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
                if bytes[index] == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            return false
        }
        // NUL is no XML character, so UTF-8 never opens with one beside a '<'.
        if bytes.count >= 2, bytes[0] == 0x3C, bytes[1] == 0x00 { return .utf16WithoutBOM(bigEndian: false) }
        if bytes.count >= 2, bytes[0] == 0x00, bytes[1] == 0x3C { return .utf16WithoutBOM(bigEndian: true) }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            lineStart = 3
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                line += 1
                index += 1
                lineStart = index
            case 0x20, 0x09, 0x0D:
                index += 1
            case UInt8(ascii: "<"):
                blank = false
                if starts(with: "<?") {
                    guard skip(past: "?>") else { return .undecided }
                } else if starts(with: "<!--") {
                    guard skip(past: "-->") else { return .undecided }
                } else if starts(with: "<!DOCTYPE") {
                    return .doctype(line: line, column: column())
                } else if bytes.count - index < 9 && isCutShort("<!DOCTYPE", bytes, index) {
                    return .undecided
                } else {
                    return .none
                }
            default:
                return .none
            }
        }
        guard complete else { return .undecided }
        if bytes.isEmpty { return .empty }
        return blank ? .blank : .noRootElement(line: line, column: column())
    }

    /// Whether the bytes from `index` to the end are a prefix of `text` (a declaration cut short).
    private static func isCutShort(_ text: StaticString, _ bytes: UnsafeRawBufferPointer, _ index: Int) -> Bool {
        let available = bytes.count - index
        for offset in 0..<min(available, text.utf8CodeUnitCount) where bytes[index + offset] != text.utf8Start[offset] { return false }
        return true
    }
}
