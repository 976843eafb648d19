/// Whitespace and typography normalisation shared by the importers and `cite-check`.
///
/// Works on UTF-8 bytes: the importers run it on every paragraph of a 200 MB file.
public enum TextNormalizer {
    /// Runs of whitespace (every scalar with Unicode's White_Space property: ASCII spaces and
    /// controls, no-break and typographic spaces, line and paragraph separators) become one space;
    /// leading and trailing whitespace is dropped. The last step of every `TextFlattening`, and the
    /// whitespace rule of the rules reader: one rule for all wording ecca reads.
    public static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8(collapsed)
    }

    /// `collapse` on UTF-8 bytes, made into a string once (a captured element's text, without a
    /// string of the raw text first). The readers hand over valid UTF-8 only (they refuse any
    /// other), so this is `collapse(String(decoding: bytes, as: UTF8.self))`.
    static func collapse(utf8 bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer(collapsed)
    }

    private static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { collapse(bytes, into: $0) }
    }

    /// `collapse` on bytes, appended to `output` (the CFR section reader builds a section's
    /// wording this way, with no string per paragraph); returns the number of bytes appended.
    @discardableResult
    static func appendCollapsed(_ bytes: ArraySlice<UInt8>, to output: inout [UInt8]) -> Int {
        let old = output.count
        // Copied, then collapsed where it lies: a plain copy, where filling the room first and
        // collapsing into it would go through the bytes twice.
        output.append(contentsOf: bytes)
        let written = output.withUnsafeMutableBufferPointer { all in
            let region = UnsafeMutableBufferPointer(rebasing: all[old...])
            return collapse(UnsafeBufferPointer(region), into: region)
        }
        output.removeLast(bytes.count - written)
        return written
    }

    /// The collapsing loop: writes into `output` (at least as long as `bytes`), returns the length.
    /// `output` may be `bytes` itself: it never writes a byte past the ones it has already read.
    private static func collapse(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, let out = output.baseAddress else { return 0 }
        // Plain locals and pointers only (no helper closing over them), so that the loop keeps
        // its state in registers.
        var written = 0
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes of printable ASCII with no two spaces in a row (most of a legal text)
            // are copied in one store; a space at their end becomes the pending one.
            if index + 8 <= count {
                let word = ByteWord.load(base + index)
                let spaces = ByteWord.mask(word, 0x20)
                if ByteWord.isASCII(word), !ByteWord.hasControl(word), spaces & (spaces >> 8) == 0,
                   spaces & 0x80 == 0 || (!pendingSpace && written > 0) {
                    if pendingSpace, written > 0 {
                        out[written] = 0x20
                        written += 1
                    }
                    UnsafeMutableRawPointer(out + written).storeBytes(of: word.littleEndian, as: UInt64.self)
                    // The last byte's mask bit is the word's top bit: a space there is held back.
                    let trailingSpace = Int(truncatingIfNeeded: spaces >> 63)
                    written += 8 - trailingSpace
                    pendingSpace = trailingSpace != 0
                    index += 8
                    continue
                }
            }
            let byte = base[index]
            var width = 1
            var isSpace = false
            if byte < 0x80 {
                isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            } else if byte == 0xC2, index + 1 < count, base[index + 1] == 0x85 || base[index + 1] == 0xA0 {
                // U+0085 and U+00A0 (C2 85, C2 A0); U+1680 (E1 9A 80); U+2000–U+200A, U+2028,
                // U+2029, U+202F, U+205F (E2 80 xx, E2 81 9F); U+3000 (E3 80 80): Unicode's White_Space.
                isSpace = true
                width = 2
            } else if byte == 0xE2, index + 2 < count, isUnicodeSpace(base[index + 1], base[index + 2]) {
                isSpace = true
                width = 3
            } else if byte == 0xE1, index + 2 < count, base[index + 1] == 0x9A, base[index + 2] == 0x80 {
                isSpace = true
                width = 3
            } else if byte == 0xE3, index + 2 < count, base[index + 1] == 0x80, base[index + 2] == 0x80 {
                isSpace = true
                width = 3
            }
            if isSpace {
                pendingSpace = true
            } else {
                if pendingSpace, written > 0 {
                    out[written] = 0x20
                    written += 1
                }
                pendingSpace = false
                out[written] = byte
                written += 1
            }
            index += width
        }
        return written
    }

    private static func isUnicodeSpace(_ second: UInt8, _ third: UInt8) -> Bool {
        if second == 0x80 {
            return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF
        }
        return second == 0x81 && third == 0x9F
    }

    /// Normalisation for comparing wordings: typographic quotes and dashes mapped to ASCII,
    /// control and bidirectional characters that carry no text left out, and whitespace of every
    /// kind collapsed.
    public static func comparable(_ text: String) -> String {
        var mapped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            // Curly quotation marks are their straight kind, single or double: the CCL tells them
            // apart (a term in double ones is defined in part 772, in single ones in its entry).
            // Primes (U+2032, U+2033) are units, not quotation marks: 5′ of arc is not 5″.
            case "\u{2018}", "\u{2019}", "\u{201A}": mapped += "'"
            case "\u{201C}", "\u{201D}", "\u{201E}": mapped += "\""
            case "\u{2013}", "\u{2014}", "\u{2212}": mapped += "-"
            default:
                // Control and bidirectional characters that carry no text are left out, as the
                // importers leave them out of what they write (`ControlsLeftOut`); spaces of every
                // kind are `collapse`'s.
                if scalar.value < 0x7F || !ControlsLeftOut.isLeftOut(scalar) { mapped.unicodeScalars.append(scalar) }
            }
        }
        return collapse(mapped)
    }

    /// `comparable`, then typography folded that a consolidated text or another typesetting may
    /// change without changing the law: the hyphens U+2010 and U+2011 are `-`, and a run of Unicode superscript digits is a power as the
    /// importers write one (`10²⁵` is `10^25`, ecfr.gov's `(²H)` is the import's `(^2H)`, `10⁻³` is
    /// `10^-3`; `102` stays `102`, never `10^2`), and a run of subscript digits a subscript
    /// (`CO₂` is `CO_2`). For deciding whether two wordings are the same
    /// only (and for a word diff's comparisons); never for imported or shown wording. Format
    /// characters that print nothing are left out (`isInvisible`), and the spacing inside a number
    /// (`3 %`, `15 000 000`) with them (`words`); no other space is added or removed, so its words
    /// line up with `words`'.
    public static func comparisonKey(_ text: String) -> String {
        let normalised = comparable(text)
        guard mayGroupNumbers(normalised) else { return foldTypography(normalised) }
        return words(normalised: normalised).map(wordKey).joined(separator: " ")
    }

    /// A word's comparison key (`words`): typography folded, and the spaces inside a number dropped.
    static func wordKey(_ word: some StringProtocol) -> String {
        foldTypography(word.contains(" ") ? String(word.filter { $0 != " " }) : String(word))
    }

    /// Whether a digit is followed by a space (a number's spacing might be grouped): most texts'
    /// keys need no word splitting.
    private static func mayGroupNumbers(_ text: String) -> Bool {
        var afterDigit = false
        for byte in text.utf8 {
            if byte == 0x20, afterDigit { return true }
            afterDigit = byte >= 48 && byte <= 57
        }
        return false
    }

    static func foldTypography(_ comparable: String) -> String {
        guard comparable.unicodeScalars.contains(where: { $0 == "\u{2010}" || $0 == "\u{2011}" || superscriptDigit($0) != nil || isInvisible($0) || isSubscriptDigit($0) })
        else { return comparable }
        var folded = String.UnicodeScalarView()
        let scalars = Array(comparable.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            // A run of superscript digits is a power; a superscript sign opens one only before a
            // superscript digit (`⁻³`), as the importers read a signed superscript
            // (`Superscript.content`); an ion's lone `⁺` stays.
            let signed = (scalar == "\u{207B}" || scalar == "\u{207A}") && index + 1 < scalars.count && superscriptDigit(scalars[index + 1]) != nil
            if signed || superscriptDigit(scalar) != nil {
                var end = signed ? index + 1 : index
                while end < scalars.count, superscriptDigit(scalars[end]) != nil { end += 1 }
                // Ended where a digit follows (`10²5`), as the importers end one (`Superscript.power`).
                let closed = end < scalars.count && Superscript.isDigit(scalars[end])
                folded.append("^")
                if closed { folded.append("{") }
                if signed { folded.append(scalar == "\u{207B}" ? "-" : "+") }  // `comparable` writes the importers' U+2212 minus as `-`
                for digit in scalars[(signed ? index + 1 : index)..<end] { folded.append(superscriptDigit(digit)!) }
                if closed { folded.append("}") }
                index = end
                continue
            }
            // A run of subscript digits is a subscript as the importers write one (`CO₂` is `CO_2`).
            if isSubscriptDigit(scalar) {
                folded.append("_")
                while index < scalars.count, isSubscriptDigit(scalars[index]) {
                    folded.append(Unicode.Scalar(scalars[index].value - 0x2080 + 0x30)!)
                    index += 1
                }
                continue
            }
            switch scalar {
            case "\u{2010}", "\u{2011}": folded.append("-")
            default: if !isInvisible(scalar) { folded.append(scalar) }
            }
            index += 1
        }
        return String(folded)
    }

    /// Format characters that print nothing, which an HTML-derived or re-typeset text carries
    /// (U+00AD soft hyphen, U+200B zero-width space, U+2060 word joiner, U+FEFF zero-width no-break
    /// space): typography, so the comparison key leaves them out (a diff shows them, `WordDiff`).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{00AD}" || scalar == "\u{200B}" || scalar == "\u{2060}" || scalar == "\u{FEFF}"
    }

    /// A Unicode subscript digit, U+2080–U+2089.
    private static func isSubscriptDigit(_ scalar: Unicode.Scalar) -> Bool { (0x2080...0x2089).contains(scalar.value) }

    /// The ASCII digit a Unicode superscript digit stands for (`²` → `2`): U+2070, U+00B9, U+00B2,
    /// U+00B3, U+2074–U+2079.
    private static func superscriptDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x2070: return "0"
        case 0x00B9: return "1"
        case 0x00B2: return "2"
        case 0x00B3: return "3"
        case 0x2074...0x2079: return Unicode.Scalar(scalar.value - 0x2074 + 0x34)
        default: return nil
        }
    }

    /// `text` without leading and trailing whitespace and without the characters in `extra`.
    /// The first eight words of `text`, with `…` when there are more: how a warning quotes a
    /// passage for a person to find it in the official text.
    static func opening(of text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.prefix(8).joined(separator: " ") + (words.count > 8 ? " …" : "")
    }

    public static func trim(_ text: String, also extra: String = "") -> String {
        // Most texts start and end with a letter or digit: nothing to trim, no characters to compare.
        if let first = text.utf8.first, let last = text.utf8.last, isASCIIAlphanumeric(first), isASCIIAlphanumeric(last),
           !extra.utf8.contains(where: isASCIIAlphanumeric) { return text }
        // Ends in ASCII (a heading's closing period): trimmed byte by byte, without looking up
        // Unicode properties. A non-ASCII byte at either end takes the general path below.
        if let kept = asciiTrimmed(text.utf8, also: extra) {
            return kept == text.utf8.startIndex..<text.utf8.endIndex ? text : String(text[kept])
        }
        // Scalars, not characters: no grapheme breaking, and `extra` is a handful of punctuation.
        let unwanted = extra.unicodeScalars
        @inline(__always) func drop(_ scalar: Unicode.Scalar) -> Bool {
            isWhitespace(scalar) || unwanted.contains(scalar)
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, drop(scalars[start]) { start = scalars.index(after: start) }
        while end > start, drop(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex, end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    /// Unicode's White_Space, answered for ASCII without looking up the scalar's properties.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }

    /// `trim` on UTF-8 bytes, made into a string once (a paragraph heading collapsed into a
    /// scratch buffer: no string of the untrimmed text first).
    static func trim(utf8 bytes: [UInt8], also extra: String = "") -> String {
        // No early return for letters at both ends as `trim` has: either way one string is made.
        if let kept = asciiTrimmed(bytes, also: extra) { return String(decoding: bytes[kept], as: UTF8.self) }
        return trim(String(decoding: bytes, as: UTF8.self), also: extra)
    }

    /// The bytes `trim` keeps when its trimming stops at ASCII bytes at both ends; nil when it
    /// would meet a non-ASCII byte (which may be whitespace or one of `extra`).
    private static func asciiTrimmed<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes, also extra: String) -> Range<Bytes.Index>? {
        // The ASCII bytes of `extra` as a bit set, made once: searching the string for every byte
        // tried cost more than the rest of the trimming.
        var extraLow: UInt64 = 0
        var extraHigh: UInt64 = 0
        for byte in extra.utf8 where byte < 0x80 {
            if byte < 64 { extraLow |= 1 << UInt64(byte) } else { extraHigh |= 1 << UInt64(byte - 64) }
        }
        @inline(__always) func drop(_ byte: UInt8) -> Bool? {
            guard byte < 0x80 else { return nil }
            let inExtra = byte < 64 ? extraLow & (1 << UInt64(byte)) != 0 : extraHigh & (1 << UInt64(byte - 64)) != 0
            return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || inExtra
        }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end {
            guard let dropped = drop(bytes[start]) else { return nil }
            if !dropped { break }
            start = bytes.index(after: start)
        }
        while end > start {
            guard let dropped = drop(bytes[bytes.index(before: end)]) else { return nil }
            if !dropped { break }
            end = bytes.index(before: end)
        }
        return start..<end
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// The words of a text as it prints them (for word diffs), where a number set with spaces is
    /// one word: its groups of three digits (`15 000 000`, as the Official Journal prints an
    /// amount) and a percent or per-mille sign set apart from it (`3 %`, the OJ's no-break space).
    /// Such spacing is typesetting: `15 000 000` is `15000000`, `3 %` is `3%`, whatever the text.
    /// Commas and points in numbers are not folded: a decimal sign in some languages. The words are
    /// those of `comparable`'s text (which maps one character to one, never to or from a space),
    /// shown unfolded.
    public static func printedWords(_ text: String) -> [Substring] {
        words(normalised: collapse(text))
    }

    private static func words(normalised: String) -> [Substring] {
        let tokens = normalised.split(separator: " ")
        var words: [Substring] = []
        for token in tokens {
            if let last = words.last, continuesNumber(last, with: token) {
                words[words.count - 1] = normalised[last.startIndex..<token.endIndex]
            } else {
                words.append(token)
            }
        }
        return words
    }

    /// Whether `next` goes on with the number `word` ends: a `%` or `‰` after a digit, or a group
    /// of exactly three digits after one to three digits (or a group before them) that no digit,
    /// point or comma comes before.
    private static func continuesNumber(_ word: Substring, with next: Substring) -> Bool {
        guard let lastDigit = word.utf8.last, lastDigit >= 48, lastDigit <= 57, let first = next.unicodeScalars.first else { return false }
        if first == "%" || first == "\u{2030}" { return true }
        let leading = next.utf8.prefix { $0 >= 48 && $0 <= 57 }.count
        guard leading == 3 else { return false }
        // The digits `word` ends with: one to three, or a whole group already joined (`15 000`).
        let run = word.utf8.reversed().prefix { $0 >= 48 && $0 <= 57 }.count
        let before = word.utf8.dropLast(run).last
        if before == 0x20 { return run == 3 }
        guard run <= 3 else { return false }
        return before.map { $0 != 0x2E && $0 != 0x2C } ?? true
    }
}
