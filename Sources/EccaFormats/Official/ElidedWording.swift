/// How `cite-check` compares a verbatim wording with the official one: equal after normalisation
/// (`TextNormalizer.comparisonKey`), or, where the wording leaves words out with "…", its pieces
/// are the official text's own words, in order, anchored where nothing is left out.
///
/// - Without a leading "…" the first piece starts the official text; without a trailing "…" the
///   last piece ends it. A lead-in ("(a) Except as set forth in § 734.18, release means:") or a
///   paragraph added after the last one quoted is where a scope changes: a wording that neither
///   quotes it nor marks it left out must not pass over it.
/// - Every piece begins and ends at a word boundary: `source code` is not found in `source
///   codebooks`, nor `10` in `10^25` (a power goes on with its number).
enum ElidedWording {
    static func matches(shipped: String, official: String) -> Bool {
        let officialKey = TextNormalizer.comparisonKey(official)
        let shippedKey = TextNormalizer.comparisonKey(shipped)
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
            if start > 0, continuesWord(text[start - 1], needle[0]) { continue }
            if end < text.count, continuesWord(needle[needle.count - 1], text[end]) { continue }
            return end
        }
        return nil
    }

    /// Whether `after` goes on with the word `before` ends: letters and digits run on, and a power
    /// (`^`) goes on with its number.
    private static func continuesWord(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        isWordPart(before) && isWordPart(after)
    }

    /// A letter, a digit or a power's `^`: what a word boundary falls between (also the word
    /// diff's rule for a word cut at an elision, `WordDiff`).
    static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122) || value == 0x5E
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
