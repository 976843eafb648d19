/// The pieces ecca's canonical ids are made of (docs/importers.md, "Ids").
///
/// Canonical ids follow the OASIS Akoma Ntoso naming convention as bluebell applies it:
/// `art_53__para_1__point_a`, numbers cleaned of their punctuation (`(a)` → `a`, `1.` → `1`,
/// `1.2.` → `1-2`). They are minted from the numbering, never read from the source, so that the
/// same provision gets the same id from Formex, Akoma Ntoso or EUR-Lex HTML.
enum CanonicalIDs {
    /// `(a)` → `a`, `1.` → `1`, `(63)` → `63`, `3a bis` → `3abis`, `1.2.` → `1-2`.
    static func clean(_ number: String) -> String {
        let trimmed = TextNormalizer.trim(number, also: "().,;:[]{}—–-")
        var output = ""
        var pendingDash = false
        for character in trimmed {
            if character.isLetter || character.isNumber {
                if pendingDash, !output.isEmpty { output += "-" }
                pendingDash = false
                output.append(character)
            } else if character.isWhitespace {
                continue
            } else {
                pendingDash = true
            }
        }
        return output
    }

    /// Joins segments with `__` (`art_53`, `para_1` → `art_53__para_1`).
    static func join(_ parent: String?, _ segment: String) -> String {
        guard let parent, !parent.isEmpty else { return segment }
        return parent + "__" + segment
    }

    /// A rules-XML id segment: only `[A-Za-z0-9._:-]`, other characters become `-` (those left out
    /// of text, `ControlsLeftOut`, are left out).
    static func idSegment(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, isAlphanumeric(first), last != UInt8(ascii: "-"), last != UInt8(ascii: "."),
           text.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "-") }) {
            return text
        }
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", ":", "-": output.unicodeScalars.append(scalar)
            case "_": output += "-"
            case " ", "§", "(", ")": if !output.isEmpty, output.last != "-" { output += "-" }
            // Left out of the text it is minted from (`ControlsLeftOut`), so of the id too: a term
            // `Ex<U+202E>port` is `def-Export`, not `def-Ex-port`.
            case _ where ControlsLeftOut.isLeftOut(scalar): continue
            default: if !output.isEmpty, output.last != "-" { output += "-" }
            }
        }
        while output.last == "-" || output.last == "." { output.removeLast() }
        while let first = output.first, !(first.isLetter || first.isNumber) { output.removeFirst() }
        return output.isEmpty ? "x" : output
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    static let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                           "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                           "eighteenth", "nineteenth", "twentieth"]

    /// `twentieth`, `forty-fifth` or `20th` → 20, 45, 20: the days an act or a rule counts from its
    /// publication ("the twentieth day following", "the thirtieth day after"); nil for another word.
    static func number(ofOrdinal word: String) -> Int? {
        let word = word.lowercased()
        if let digits = Int(word.prefix { $0.isNumber }), ["st", "nd", "rd", "th"].contains(String(word.drop { $0.isNumber })) { return digits }
        return ordinals.firstIndex(of: word).map { $0 + 1 }
            ?? ["thirtieth": 30, "forty-fifth": 45, "forty fifth": 45, "sixtieth": 60, "ninetieth": 90][word]
    }

    /// `2` → `second` (subparagraph citations), `21` → `21st`.
    static func ordinal(_ number: Int) -> String {
        if number >= 1, number <= ordinals.count { return ordinals[number - 1] }
        let suffix: String
        switch (number % 10, number % 100) {
        case (1, let h) where h != 11: suffix = "st"
        case (2, let h) where h != 12: suffix = "nd"
        case (3, let h) where h != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }

    /// A Formex article `IDENTIFIER` (`053`, `060a`) as the number people cite (`53`, `60a`).
    static func articleNumber(_ identifier: String) -> String {
        var slice = Substring(identifier)
        while slice.count > 1, slice.first == "0", slice.dropFirst().first?.isNumber == true { slice = slice.dropFirst() }
        return String(slice)
    }
}
