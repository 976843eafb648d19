#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds, before libxml2's text reader parses a document, a start tag with more attributes than
/// the reader's limit (`XMLResourceLimit.maximumAttributes`). `XMLStreamReader` (rules, requests,
/// MoU terms) hands libxml2 a whole file, which parses each start tag whole, checking its
/// attributes for duplicates pair by pair: a request of 60,000 attributes on one tag (650 KB) took
/// 6 s of CPU, and one at the 16 MiB request cap would take hours, stalling a batch. The streaming
/// import stops such a tag between chunks instead (`XMLSAXReader.refuseCrowdedStartTag`).
///
/// One pass over the bytes, fed in order in pieces of any size; comments, processing instructions,
/// CDATA sections, end tags and declarations are skipped, as `=` there is no attribute.
struct CrowdedStartTagScan {
    private enum State {
        case text, afterLess, afterBang, startTag, endTag, instruction, comment, cdata, declaration
    }

    private var state = State.text
    private var line = 1
    /// The column of the last byte read, in characters.
    private var column = 0
    /// The last two bytes read inside the construct being skipped (for `?>`, `-->`, `]]>`).
    private var last: UInt8 = 0
    private var beforeLast: UInt8 = 0
    private var declarationQuote: UInt8 = 0
    private var attributes = StartTagAttributes()
    /// Where the start tag being read begins (its `<`), and the first bytes of its name.
    private var tagLine = 0
    private var tagColumn = 0
    private var name: [UInt8] = []
    private var nameEnded = false

    /// A crowded start tag: its name and where its `<` is.
    struct Finding: Equatable {
        var name: String
        var line: Int
        var column: Int
    }

    /// Reads the next bytes; the first crowded start tag, once its limit is passed.
    mutating func read(_ bytes: UnsafeRawBufferPointer) -> Finding? {
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") {
                    state = .afterLess
                    tagLine = line
                    tagColumn = column
                }
            case .afterLess:
                switch byte {
                case UInt8(ascii: "/"): state = .endTag
                case UInt8(ascii: "?"): enter(.instruction)
                case UInt8(ascii: "!"): state = .afterBang
                default:
                    state = .startTag
                    attributes = StartTagAttributes()
                    name.removeAll(keepingCapacity: true)
                    nameEnded = false
                    readTag(byte)
                }
            case .afterBang:
                switch byte {
                case UInt8(ascii: "-"): enter(.comment)
                case UInt8(ascii: "["): enter(.cdata)
                default:
                    declarationQuote = 0
                    state = .declaration
                }
            case .startTag:
                readTag(byte)
                if attributes.isCrowded {
                    return Finding(name: String(decoding: name, as: UTF8.self), line: tagLine, column: tagColumn)
                }
            case .endTag:
                if byte == UInt8(ascii: ">") { state = .text }
            case .instruction:
                if byte == UInt8(ascii: ">"), last == UInt8(ascii: "?") { state = .text }
            case .comment:
                if byte == UInt8(ascii: ">"), last == UInt8(ascii: "-"), beforeLast == UInt8(ascii: "-") { state = .text }
            case .cdata:
                if byte == UInt8(ascii: ">"), last == UInt8(ascii: "]"), beforeLast == UInt8(ascii: "]") { state = .text }
            case .declaration:
                // A DOCTYPE's quoted ids may hold `>`; its internal subset's declarations are read
                // as markup of their own once it ends at its `[`.
                if declarationQuote != 0 {
                    if byte == declarationQuote { declarationQuote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    declarationQuote = byte
                } else if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "[") {
                    state = .text
                }
            }
            beforeLast = last
            last = byte
        }
        return nil
    }

    private mutating func enter(_ skipped: State) {
        state = skipped
        last = 0
        beforeLast = 0
    }

    private mutating func readTag(_ byte: UInt8) {
        if attributes.read(byte) {
            state = .text
            return
        }
        if !nameEnded {
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == UInt8(ascii: "/") {
                nameEnded = true
            } else if name.count < 200 {
                name.append(byte)
            }
        }
    }

    /// The refusal of `file`'s first crowded start tag, reading it from `handle` (from where it
    /// stands; the caller rewinds or closes it), or nil.
    static func refusal(reading handle: UnsafeMutablePointer<FILE>, file: String) -> XMLReadError? {
        var scan = CrowdedStartTagScan()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let finding: Finding? = chunk.withUnsafeMutableBytes { buffer in
                let count = fread(buffer.baseAddress, 1, buffer.count, handle)
                return count == 0 ? nil : scan.read(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            }
            if let finding { return refusal(finding, file: file) }
            if feof(handle) != 0 || ferror(handle) != 0 { return nil }
        }
    }

    /// The refusal of the first crowded start tag in `bytes`, or nil.
    static func refusal(in bytes: UnsafeRawBufferPointer, file: String) -> XMLReadError? {
        var scan = CrowdedStartTagScan()
        return scan.read(bytes).map { refusal($0, file: file) }
    }

    private static func refusal(_ finding: Finding, file: String) -> XMLReadError {
        XMLRefusal.tooManyAttributes(finding.name, at: XMLSourceLocation(file: file, line: finding.line, column: finding.column), inside: nil)
    }
}
