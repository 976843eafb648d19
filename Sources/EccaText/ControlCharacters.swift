/// Characters that change how a line reads when printed rather than adding text to it: C0 and C1
/// controls (line breaks, ESC starting a terminal colour or cursor move, NUL), DEL, the Unicode
/// line and paragraph separators, and the bidirectional embeddings, overrides and isolates that
/// reorder what follows them. An id or a model name holding one could forge an error line, a
/// summary group or a line of `check`'s text on a terminal, so a request's fields may not hold
/// them, and what ecca prints from its other inputs has them escaped.
public enum ControlCharacters {
    @inlinable public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first such character of `text`, if any.
    /// Inlinable: every field of every request is checked, from another module.
    @inlinable public static func first(in text: String) -> Unicode.Scalar? {
        // Every such character is below 0x20, DEL, or encoded from a lead byte 0xC2 (C1) or 0xE2
        // (the separators and bidirectional marks): most text has none of those bytes, and is
        // read once in UTF-8 rather than decoded (every field of every request is checked).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return nil }
        return text.unicodeScalars.first(where: isControl)
    }

    /// How a character is named in a message: `U+001B`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` with each such character written as a JSON escape (`\n`, `\u001b`, `\u202e`), so
    /// that printing it gives one line that reads as it is; `keeping` characters are left as they
    /// are (a multi-line message keeps its own line breaks).
    public static func escaped(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !keeping.contains($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar), !keeping.contains(scalar) else {
                result.append(scalar)
                continue
            }
            let escape: String
            switch scalar {
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                escape = "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
            result.append(contentsOf: escape.unicodeScalars)
        }
        return String(result)
    }
}
