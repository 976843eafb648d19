import EccaFormats

/// Cyrillic and Greek letters drawn like Latin ones, so that a model name written with one
/// ("Оrion-7" with U+041E) can be told from another model's: it prints like the letter's name,
/// and a note that quoted both showed two names that looked the same. The table holds only
/// letters most fonts draw alike, not Unicode's whole confusables list. Foundation's
/// `applyingTransform(.toLatin)` (ICU, on Linux too) will not do: it transliterates by sound, so
/// "НРС" becomes "NRS" where the eye reads "HPC". A look-alike is only ever said, never taken as
/// the name.
enum LookAlikeLetters {
    /// Each look-alike letter and the Latin letter it is drawn like.
    static let latin: [Unicode.Scalar: Unicode.Scalar] = [
        // Cyrillic capitals: А В Е К М Н О Р С Т Х Ѕ І Ј Ԛ Ԝ
        "\u{0410}": "A", "\u{0412}": "B", "\u{0415}": "E", "\u{041A}": "K", "\u{041C}": "M", "\u{041D}": "H",
        "\u{041E}": "O", "\u{0420}": "P", "\u{0421}": "C", "\u{0422}": "T", "\u{0425}": "X", "\u{0405}": "S",
        "\u{0406}": "I", "\u{0408}": "J", "\u{051A}": "Q", "\u{051C}": "W",
        // Cyrillic small letters: а е о р с у х ѕ і ј һ ԁ ԛ ԝ
        "\u{0430}": "a", "\u{0435}": "e", "\u{043E}": "o", "\u{0440}": "p", "\u{0441}": "c", "\u{0443}": "y",
        "\u{0445}": "x", "\u{0455}": "s", "\u{0456}": "i", "\u{0458}": "j", "\u{04BB}": "h", "\u{0501}": "d",
        "\u{051B}": "q", "\u{051D}": "w",
        // Greek capitals: Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ, and small omicron ο
        "\u{0391}": "A", "\u{0392}": "B", "\u{0395}": "E", "\u{0396}": "Z", "\u{0397}": "H", "\u{0399}": "I",
        "\u{039A}": "K", "\u{039C}": "M", "\u{039D}": "N", "\u{039F}": "O", "\u{03A1}": "P", "\u{03A4}": "T",
        "\u{03A5}": "Y", "\u{03A7}": "X", "\u{03BF}": "o",
    ]

    /// `name` with each look-alike letter replaced by the Latin letter it is drawn like.
    static func latinized(_ name: String) -> String {
        // The table holds no ASCII letter, so an ASCII name (nearly all) is read without a look-up.
        guard !name.utf8.allSatisfy({ $0 < 0x80 }), name.unicodeScalars.contains(where: { latin[$0] != nil }) else { return name }
        return String(String.UnicodeScalarView(name.unicodeScalars.map { latin[$0] ?? $0 }))
    }

    /// Where `name` has a look-alike letter and `other` the letter it looks like, or the other way
    /// round: the pairs of characters, `name`'s first, each once, in order. The two are compared
    /// letter by letter and digit by digit, so spaces and punctuation between do not matter.
    static func differences(_ name: String, _ other: String) -> [(Unicode.Scalar, Unicode.Scalar)] {
        func letters(_ text: String) -> [Unicode.Scalar] {
            text.unicodeScalars.filter { Character($0).isLetter || Character($0).isNumber }
        }
        var pairs: [(Unicode.Scalar, Unicode.Scalar)] = []
        for (mine, theirs) in zip(letters(name), letters(other))
        where mine != theirs && (latin[mine] != nil || latin[theirs] != nil) && !pairs.contains(where: { $0 == (mine, theirs) }) {
            pairs.append((mine, theirs))
        }
        return pairs
    }

    /// "U+041E CYRILLIC CAPITAL LETTER O": the code point and its Unicode name.
    static func described(_ scalar: Unicode.Scalar) -> String {
        let code = ControlCharacters.name(scalar)
        return scalar.properties.name.map { "\(code) \($0)" } ?? code
    }
}
