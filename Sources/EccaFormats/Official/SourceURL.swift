import EccaXML

/// A source URL made from values an official file supplies (a versioner path, a section or
/// article number, an ELI, a CELEX or FR document number, a defined term in a paragraph's
/// address). Those values are untrusted, and the rules schema types the `url` attribute
/// `anyURI`: a value that breaks the URL must not make the import write a file its own schema
/// refuses. One encoding rule, here, serves the URLs adapters make and the paragraph addresses
/// the writer appends to a section's URL.
enum SourceURL {
    /// `text` percent-encoded (`encode`); nil when libxml2 still cannot read it as a URI reference
    /// (an ELI of `http://x:port`), and the provision then has no URL (docs/importers.md, "Limits").
    static func make(_ text: String) -> String? {
        var fragment = false
        let url = encoded(text, inFragment: &fragment)
        return URIReference.isValid(url) ? url : nil
    }

    /// A value from the file put into a URL as one path segment, query value or fragment (a
    /// section or article number, a document number): every byte but the unreserved ones
    /// (letters, digits, `-._~`) percent-encoded, so that a `/`, `?` or `#` in it cannot end the
    /// segment, start a query or open a fragment. Unreserved values come back as they are.
    static func component(_ text: String) -> String {
        if isPlainSegment(text) { return text }
        var output: [UInt8] = []
        for byte in text.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Text that follows a URL's `#` (a paragraph's address, `(a)(2)` or ` (Agency)`), encoded.
    static func fragment(_ text: String) -> String {
        var fragment = true
        return encoded(text, inFragment: &fragment)
    }

    private static func encoded(_ text: String, inFragment: inout Bool) -> String {
        var output: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            output.reserveCapacity(bytes.count)
            encode(bytes, inFragment: &inFragment) { piece in
                switch piece {
                case .asIs(let run): output.append(contentsOf: run)
                case .encoded(let byte): output += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A stretch of a URL: bytes kept as they are, or one byte to percent-encode.
    enum Piece {
        case asIs(UnsafeBufferPointer<UInt8>)
        case encoded(UInt8)
    }

    /// Hands `bytes` to `body` in pieces: the bytes a URI may not hold percent-encoded (spaces,
    /// quotes, angle brackets, backslash, `^`, backquote, braces, `|`, non-ASCII bytes one by
    /// one), and also a `%` that does not start an escape, brackets, and every `#` after the first
    /// (`inFragment` says whether one came before); control characters dropped. A run with
    /// nothing to encode is one piece.
    static func encode(_ bytes: UnsafeBufferPointer<UInt8>, inFragment: inout Bool, _ body: (Piece) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = base[index]
            let encode: Bool
            switch byte {
            case ..<0x20, 0x7F: encode = false  // control characters: dropped (not allowed in XML either)
            case UInt8(ascii: "%"): encode = !(index + 2 < bytes.count && isHexDigit(base[index + 1]) && isHexDigit(base[index + 2]))
            case UInt8(ascii: "["), UInt8(ascii: "]"): encode = true
            case UInt8(ascii: "#"): encode = inFragment; inFragment = true
            default: encode = isUnsafe(byte)
            }
            guard encode || byte < 0x20 || byte == 0x7F else { continue }  // copied with its run
            if index > runStart { body(.asIs(UnsafeBufferPointer(start: base + runStart, count: index - runStart))) }
            runStart = index + 1
            if encode { body(.encoded(byte)) }
        }
        if bytes.count > runStart { body(.asIs(UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart))) }
    }

    /// Whether a value is unreserved characters only (letters, digits, `-._~`): such a value is
    /// put into a URL as it is, with nothing to check (`734.13`, `1.162-4`, `15`).
    static func isPlainSegment(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isUnreserved)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// The bytes a URI may not hold as they are, other than control characters and `%[]#`: two
    /// bit masks, one test per byte (a large title has half a million URLs).
    @inline(__always)
    private static func isUnsafe(_ byte: UInt8) -> Bool {
        let below40: UInt64 = 1 << 0x20 | 1 << 0x22 | 1 << 0x3C | 1 << 0x3E
        let from40: UInt64 = 1 << (0x5C - 0x40) | 1 << (0x5E - 0x40) | 1 << (0x60 - 0x40) | 1 << (0x7B - 0x40)
            | 1 << (0x7C - 0x40) | 1 << (0x7D - 0x40)
        if byte >= 0x80 { return true }
        return ((byte < 0x40 ? below40 : from40) &>> UInt64(byte & 0x3F)) & 1 != 0
    }

    static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }
}
