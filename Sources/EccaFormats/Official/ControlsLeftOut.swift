import ClauseGraph
import EccaText

/// Characters of an official text that carry no text and that a rules file may not hold
/// (`RulesControlCharacters`): C1 controls (U+0080–U+009F), DEL, the bidirectional marks,
/// embeddings, overrides and isolates, and the line and paragraph separators where no collapsing
/// of whitespace read them as a space. The importers leave them out of what they write, so that
/// `ecca validate` accepts the output, and report each (`ImportEmitter`): a warning where it
/// stands, a count, and a note on each provision whose text held it. None is replaced by a guess:
/// a C1 control that is more plausibly Windows-1252 read as Latin-1 (U+0092 for `’`) is said to be.
enum ControlsLeftOut {
    /// One character left out of one field of a provision, with the words around it (for finding
    /// it in the official file: `SourceCharacterLocator`).
    struct Removal: Sendable, Hashable {
        var scalar: Unicode.Scalar
        /// Which field held it: `wording`, `heading`, `citation`, `source id`, `note`, `title`.
        var field: String
        /// Up to 16 characters of the field before and after it (other such characters left out).
        var before: String
        var after: String
        /// Whether it begins a run of such characters (false for one right after another).
        var startsRun: Bool
    }

    /// Whether `scalar` is left out: the characters a rules file may not hold, but for the tab and
    /// line breaks, which whitespace collapsing reads as spaces (and XML 1.0 allows no other C0).
    @inline(__always)
    static func isLeftOut(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x7F && ControlCharacters.isControl(scalar) && !isLineBreak(scalar)
    }

    /// U+0085 NEXT LINE, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR: Unicode white space,
    /// which whitespace collapsing reads as a space wherever a text is collapsed; a text that is
    /// not (a citation made from a number) has each read so here too, as no character is lost.
    @inline(__always)
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Whether `text` holds one (or a line or paragraph separator), read in UTF-8, not decoded.
    @inline(__always)
    static func mayHold(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(mayHold(bytes:)) ?? text.unicodeScalars.contains { isLeftOut($0) || isLineBreak($0) }
    }

    /// Whether UTF-8 `bytes` hold one (or a line or paragraph separator), 32 bytes at a time: ASCII
    /// below DEL (almost all of a title) costs under an instruction a byte, and only a stretch
    /// with DEL or a non-ASCII byte is looked at byte by byte
    /// (`§`, `—` and curly quotes are common; what is left out is rare).
    static func mayHold(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        var index = 0
        // A byte of 0x7F or more sets its high bit in `word | (word + 0x01…01)` (a carry out of
        // 0xFF only reaches a byte after one that is set already). Four words at a time: one test
        // and one branch for 32 bytes (callgrind: 1.5 instructions a byte one word at a time).
        @inline(__always) func high(_ offset: Int) -> UInt64 {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            return word | (word &+ 0x0101_0101_0101_0101)
        }
        while index + 32 <= count {
            if (high(index) | high(index + 8) | high(index + 16) | high(index + 24)) & 0x8080_8080_8080_8080 != 0 {
                for offset in index..<(index + 32) where startsOne(base, at: offset, count: count) { return true }
            }
            index += 32
        }
        while index + 8 <= count {
            if high(index) & 0x8080_8080_8080_8080 != 0 {
                for offset in index..<(index + 8) where startsOne(base, at: offset, count: count) { return true }
            }
            index += 8
        }
        while index < count {
            if startsOne(base, at: index, count: count) { return true }
            index += 1
        }
        return false
    }

    /// Whether the character encoded at `index` is one: DEL (7F), a C1 control (C2 80–C2 9F), a
    /// bidirectional mark, embedding or override or a separator (E2 80 8E, 8F, A8–AE), or an
    /// isolate (E2 81 A6–A9).
    @inline(__always)
    private static func startsOne(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Bool {
        switch base[index] {
        case 0x7F: return true
        case 0xC2: return index + 1 < count && base[index + 1] <= 0x9F
        case 0xE2:
            guard index + 2 < count else { return false }
            let second = base[index + 1], third = base[index + 2]
            if second == 0x80 { return third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third) }
            return second == 0x81 && (0xA6...0xA9).contains(third)
        default: return false
        }
    }

    /// Leaves the characters out of `text` in place, adding what was left out to `removed`.
    static func leaveOut(of text: inout String, field: String, into removed: inout [Removal]) {
        let result = removing(from: text, field: field)
        guard !result.removed.isEmpty else { return }
        text = result.text
        removed += result.removed
    }

    /// `text` without such characters, and each one left out, in order; `text` itself, and no
    /// removals, when it holds none. A run left out from between two spaces takes one of them
    /// with it, and one at either end the space beside it: the text stays collapsed.
    static func removing(from text: String, field: String) -> (text: String, removed: [Removal]) {
        guard mayHold(text), text.unicodeScalars.contains(where: { isLeftOut($0) || isLineBreak($0) }) else { return (text, []) }
        var kept = String.UnicodeScalarView()
        var removed: [Removal] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if isLineBreak(scalars[index]) {
                if let last = kept.last, last != " " { kept.append(" ") }
                index += 1
                while index < scalars.count, scalars[index] == " " { index += 1 }
                continue
            }
            guard isLeftOut(scalars[index]) else {
                kept.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isLeftOut(scalars[end]) {
                removed.append(Removal(scalar: scalars[end], field: field, before: context(scalars[max(0, end - 16)..<end]),
                                       after: context(scalars[(end + 1)..<min(scalars.count, end + 17)]), startsRun: end == index))
                end += 1
            }
            let spaceBefore = kept.last.map { $0 == " " } ?? true
            if spaceBefore, end < scalars.count, scalars[end] == " " { end += 1 }
            if end == scalars.count, kept.last == " " { kept.removeLast() }
            index = end
        }
        return (String(kept), removed)
    }

    /// The words around a character, without other characters left out.
    static func context(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        for scalar in scalars where !isLeftOut(scalar) { text.append(scalar) }
        return String(text)
    }

    /// How a message names it: `U+202E RIGHT-TO-LEFT OVERRIDE`, and for a C1 control that stands
    /// where Windows-1252 prints a character, that reading (`U+0092 PRIVATE USE TWO (in
    /// Windows-1252, byte 0x92 is ’ RIGHT SINGLE QUOTATION MARK: the file may have been decoded wrongly)`).
    static func name(_ scalar: Unicode.Scalar) -> String {
        let name = ControlCharacters.name(scalar) + (characterName(scalar).map { " " + $0 } ?? "")
        guard let windows = windows1252(scalar) else { return name }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return name + " (in Windows-1252, byte 0x\(hex) is \(windows) \(windows.unicodeScalars.first!.properties.name ?? ""): the file may have been decoded wrongly)"
    }

    /// The Unicode name, or for a control (which has none) its name alias.
    private static func characterName(_ scalar: Unicode.Scalar) -> String? {
        if let name = scalar.properties.name { return name }
        if scalar.value == 0x7F { return "DELETE" }
        guard (0x80...0x9F).contains(scalar.value) else { return nil }
        return c1Names[Int(scalar.value - 0x80)]
    }

    private static let c1Names = [
        "PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE", "INDEX", "NEXT LINE",
        "START OF SELECTED AREA", "END OF SELECTED AREA", "CHARACTER TABULATION SET", "CHARACTER TABULATION WITH JUSTIFICATION",
        "LINE TABULATION SET", "PARTIAL LINE FORWARD", "PARTIAL LINE BACKWARD", "REVERSE LINE FEED", "SINGLE SHIFT TWO",
        "SINGLE SHIFT THREE", "DEVICE CONTROL STRING", "PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE",
        "CANCEL CHARACTER", "MESSAGE WAITING", "START OF GUARDED AREA", "END OF GUARDED AREA", "START OF STRING",
        "SINGLE GRAPHIC CHARACTER INTRODUCER", "SINGLE CHARACTER INTRODUCER", "CONTROL SEQUENCE INTRODUCER",
        "STRING TERMINATOR", "OPERATING SYSTEM COMMAND", "PRIVACY MESSAGE", "APPLICATION PROGRAM COMMAND",
    ]

    /// What Windows-1252 prints for the byte of a C1 control's number (nil for the five bytes it
    /// leaves undefined, and for any other character).
    static func windows1252(_ scalar: Unicode.Scalar) -> String? {
        guard (0x80...0x9F).contains(scalar.value) else { return nil }
        let printed: [UInt32] = [0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                                 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178]
        let value = printed[Int(scalar.value - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value).map { String(Character($0)) }
    }

    /// Whether the character may stand for text the wording has lost (a C1 control or DEL), rather
    /// than direction or line formatting, which changes no word.
    static func mayHaveBeenText(_ scalar: Unicode.Scalar) -> Bool { scalar.value <= 0x9F }

    /// The warning for a run of such characters (adjacent in one field), `subject` naming the
    /// provision (`§ 1.1(a)`, `Art. 2(1)`) or the instrument.
    static func message(subject: String, run: [Removal], noted: String = "the provision") -> String {
        let names = run.map { name($0.scalar) }.joined(separator: ", ")
        let what = run.count == 1 ? "a character that carries no text and that a rules file may not hold"
            : "\(run.count) characters that carry no text and that a rules file may not hold"
        return "\(subject): the official \(run[0].field) holds \(names), \(what): left out of the import, not replaced (\(noted) is noted)"
    }

    /// The note on a provision (or instrument) whose text held such characters: which, and where.
    /// `unresolved` when one may have stood for text (a C1 control: a mis-decoded quotation mark
    /// is a character the wording lacks), else `editorial` (direction marks change no word).
    static func note(for removed: [Removal]) -> Note {
        var named: [String] = []
        for removal in removed {
            let entry = "\(name(removal.scalar)) in the \(removal.field)"
            if !named.contains(entry) { named.append(entry) }
        }
        let lostText = removed.contains { mayHaveBeenText($0.scalar) }
        return Note(kind: lostText ? .unresolved : .editorial,
                    text: "The official text here holds characters that carry no text, which a rules file may not hold: \(named.joined(separator: "; ")). "
                        + "They are left out, so this text is not a byte-for-byte copy of the official one."
                        + (lostText ? " A control character may stand for a character the file lost in decoding; check the official text." : ""))
    }
}
