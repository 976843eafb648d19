import EccaXML

/// A source URL made from values an official file supplies (a versioner path, a section or
/// article number, an ELI, a CELEX or FR document number). Those values are untrusted, and the
/// rules schema types the `url` attribute `anyURI`: a value that breaks the URL must not make the
/// import write a file its own schema refuses.
enum SourceURL {
    /// `text` with the bytes a URI may not hold percent-encoded (as the writer encodes them), and
    /// also a `%` that does not start an escape, brackets, and every `#` after the first; nil when
    /// libxml2 still cannot read it as a URI reference (an ELI of `http://x:port`), and the
    /// provision then has no URL (docs/importers.md, "Limits").
    static func make(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var seenFragment = false
        for (index, byte) in bytes.enumerated() {
            let encode: Bool
            switch byte {
            case ..<0x20, 0x7F: continue  // control characters: dropped, as the writer drops them
            case UInt8(ascii: "&"): encode = false
            case UInt8(ascii: "%"): encode = !(index + 2 < bytes.count && isHexDigit(bytes[index + 1]) && isHexDigit(bytes[index + 2]))
            case UInt8(ascii: "["), UInt8(ascii: "]"): encode = true
            case UInt8(ascii: "#"): encode = seenFragment; seenFragment = true
            default: encode = XMLOutput.isURISpecial(byte)
            }
            if encode {
                output += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            } else {
                output.append(byte)
            }
        }
        let url = String(decoding: output, as: UTF8.self)
        return URIReference.isValid(url) ? url : nil
    }

    /// Whether a value is unreserved characters only (letters, digits, `-._~`): such a value is
    /// put into a URL as it is, with nothing to check (`734.13`, `1.162-4`, `15`).
    static func isPlainSegment(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
            default: false
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }
}
