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
        /// The bytes end inside the prolog, or inside the root element's start tag: more are needed to decide.
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
        /// The input is UTF-32 (XML 1.0 Appendix F: a byte-order mark `00 00 FE FF`, `FF FE 00 00`,
        /// or `<` as `00 00 00 3C`, `3C 00 00 00`). libxml2 said "Document is empty" of it, or read
        /// it as UTF-16, or read it; refused as every encoding but UTF-8 is.
        case utf32(bigEndian: Bool, byteOrderMark: Bool)
        /// The whole input was scanned and it ends inside what opens at `line`:`column`, before its
        /// root element's start tag is complete. libxml2 said "extra content at the end of the
        /// document" of a lone `<`, and "XML declaration allowed only at the start of the document"
        /// of a declaration cut short.
        case unfinished(Unfinished, line: Int, column: Int)
        /// Text stands at `line`:`column`, before any root element, where only white space or
        /// markup (`<`) may: the input is not XML (a text file, a PDF, random bytes). libxml2 said
        /// "Document is empty" of it.
        case notMarkup(line: Int, column: Int)
    }

    /// What a document that ends before its root element's start tag is complete ends inside.
    enum Unfinished: Equatable {
        /// A tag: the root element's start tag (`<root a="1"`), or one whose name is cut off (`<`, `<!D`).
        case tag(name: String?)
        case declaration, comment, processingInstruction
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
        // NUL is no XML character, so UTF-8 never opens with one beside a '<' (UTF-32 first: its
        // `3C 00 00 00` opens like UTF-16's `3C 00`, and its byte-order mark `FF FE 00 00` like UTF-16's `FF FE`).
        if bytes.count >= 4 {
            let head = (bytes[0], bytes[1], bytes[2], bytes[3])
            if head == (0x00, 0x00, 0xFE, 0xFF) { return .utf32(bigEndian: true, byteOrderMark: true) }
            if head == (0xFF, 0xFE, 0x00, 0x00) { return .utf32(bigEndian: false, byteOrderMark: true) }
            if head == (0x00, 0x00, 0x00, 0x3C) { return .utf32(bigEndian: true, byteOrderMark: false) }
            if head == (0x3C, 0x00, 0x00, 0x00) { return .utf32(bigEndian: false, byteOrderMark: false) }
        }
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
                let (openLine, openColumn) = (line, column())
                /// What a complete input that ends inside this construct is; undecided until it is complete.
                func unfinished(_ what: Unfinished) -> Finding { complete ? .unfinished(what, line: openLine, column: openColumn) : .undecided }
                if starts(with: "<?") {
                    // `<?xml` and a space, `?` or the end: the declaration; any other target, an instruction.
                    let what: Unfinished = starts(with: "<?xml") && (index + 5 == bytes.count || " \t\r\n?".utf8.contains(bytes[index + 5]))
                        ? .declaration : .processingInstruction
                    guard skip(past: "?>") else { return unfinished(what) }
                } else if starts(with: "<!--") {
                    guard skip(past: "-->") else { return unfinished(.comment) }
                } else if starts(with: "<!DOCTYPE") {
                    return .doctype(line: line, column: column())
                } else if bytes.count - index < 9 && isCutShort("<!DOCTYPE", bytes, index) {
                    return unfinished(.tag(name: nil))
                } else if !bytes[index...].contains(UInt8(ascii: ">")) {
                    // The root element's start tag, not closed in the bytes read: the file may end inside it.
                    var end = index + 1
                    while end < bytes.count, !" \t\r\n/>".utf8.contains(bytes[end]) { end += 1 }
                    let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
                    return unfinished(.tag(name: name.isEmpty ? nil : name))
                } else {
                    return .none
                }
            default:
                // A byte-order mark of UTF-16 is left to libxml2, which refuses the encoding.
                if index == 0, bytes.count >= 2, (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF) { return .none }
                return .notMarkup(line: line, column: column())
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
