import Foundation

/// How `cite-check` compares a verbatim wording with the official one: equal after normalisation
/// (`TextNormalizer.comparisonKey`), or, where the wording leaves words out with "…", its pieces
/// are the official text's own words, in order, anchored where nothing is left out.
///
/// - Without a leading "…" the first piece starts the official text; without a trailing "…" the
///   last piece ends it. A lead-in ("(a) Except as set forth in § 734.18, release means:") or a
///   paragraph added after the last one quoted is where a scope changes: a wording that neither
///   quotes it nor marks it left out must not pass over it.
/// - Every piece begins and ends at a word boundary: `source code` is not found in `source
///   codebooks`, nor `10` in `10^25` (a power goes on with its number), `25` in `0.25` or
///   `§ 734.7` in `§ 734.7(b)` (`runsOn`).
enum ElidedWording {
    static func matches(shipped: String, official: String) -> Bool {
        let officialKey = key(official), shippedKey = key(shipped)
        if shippedKey == officialKey { return true }
        guard shippedKey.contains("…") else { return false }
        let pieces = shippedKey.split(separator: "…", omittingEmptySubsequences: false).map { TextNormalizer.trim(String($0)) }
        // `split` keeps an empty piece before a leading and after a trailing "…".
        let openStart = pieces.first?.isEmpty ?? true
        let openEnd = pieces.last?.isEmpty ?? true
        let quoted = pieces.filter { !$0.isEmpty }
        let text = Array(officialKey.unicodeScalars)
        var position = 0
        for (index, piece) in quoted.enumerated() {
            let needle = Array(piece.unicodeScalars)
            let first = index == 0 && !openStart
            let last = index == quoted.count - 1 && !openEnd
            guard let end = occurrence(of: needle, in: text, from: position, atStart: first, atEnd: last) else { return false }
            position = end
        }
        return true
    }

    /// How many times `shipped`, which matches `official`, leaves official words out with "…": none
    /// where the two are the same text (an official "…" is no elision).
    static func elisions(in shipped: String, comparedWith official: String) -> Int {
        let shippedKey = key(shipped)
        guard shippedKey != key(official) else { return 0 }
        return shippedKey.reduce(0) { $0 + ($1 == "…" ? 1 : 0) }
    }

    /// A wording's comparison key, composed (NFC): pieces are found scalar by scalar, and `é` is
    /// `e` and a combining accent there as it is in a whole wording's comparison (String equality).
    private static func key(_ wording: String) -> String {
        TextNormalizer.comparisonKey(wording).precomposedStringWithCanonicalMapping
    }

    /// The end of the first occurrence of `needle` in `text` at or after `from` that lies between
    /// word boundaries (and starts the text when `atStart`, ends it when `atEnd`).
    private static func occurrence(of needle: [Unicode.Scalar], in text: [Unicode.Scalar], from: Int,
                                   atStart: Bool, atEnd: Bool) -> Int? {
        guard !needle.isEmpty, needle.count <= text.count - from, !atStart || from == 0 else { return nil }
        let latest = atStart ? 0 : text.count - needle.count
        let earliest = atEnd ? latest : from
        guard earliest <= latest else { return nil }
        for start in earliest...latest {
            let end = start + needle.count
            guard text[start..<end].elementsEqual(needle) else { continue }
            if runsOn(text, at: start) || runsOn(text, at: end) { continue }
            return end
        }
        return nil
    }

    /// Whether a word, number or citation runs on across `boundary` (between `text[boundary - 1]`
    /// and `text[boundary]`), so that no piece may begin or end there: letters and digits run on, a
    /// power goes on with its number, a number through a decimal point, comma, slash, hyphen or
    /// dash between digits and from a sign before it (`25` is not in `0.25`, `1,25`, `1/25`,
    /// `−25` or `2–25`, nor `2` in `2.75`: QA normal F6, verify N3), and a citation into the
    /// paragraph it names (`§ 734.7` is not in `§ 734.7(b)`, nor `(a)` in `(a)(2)`). The word diff
    /// cuts a word at an elision by the same rule (`WordDiff`).
    static func runsOn(_ text: [Unicode.Scalar], at boundary: Int) -> Bool {
        guard boundary > 0, boundary < text.count else { return false }
        let before = text[boundary - 1], after = text[boundary]
        if isWordPart(before) && isWordPart(after) { return true }
        if after == "(", isWordPart(before) || before == ")" { return true }
        let isDigit = { (scalar: Unicode.Scalar) in Superscript.isDigit(scalar) }
        // A sign or joiner before a digit belongs to its number (`−25`, `1/25`, `2–25`, `734.7-1`);
        // after a digit, one that a digit follows.
        if numberJoiners.contains(before), isDigit(after) { return true }
        if numberJoiners.contains(after), isDigit(before), boundary + 1 < text.count, isDigit(text[boundary + 1]) { return true }
        return false
    }

    /// What joins digits into one number or citation, or signs one: decimal signs, a fraction's
    /// slashes, hyphens, dashes and minus signs (QA normal F6, verify N3).
    private static let numberJoiners: Set<Unicode.Scalar> = [".", ",", "/", "\u{2044}", "-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2212}", "+"]

    /// A letter, a digit or a power's `^`: what a word boundary falls between.
    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122) || value == 0x5E
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
