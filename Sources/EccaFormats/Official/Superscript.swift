import ClauseGraph

/// How a GPO or Akoma Ntoso superscript (`<SU>`, `<sup>`, `<E T="51">`) holding a number reads in
/// the wording (FORMATS.md §0.10, §7.6: a threshold's exponent must be read from the markup).
///
/// - A signed number (`10<SU>−3</SU>`, `cm<SU>−1</SU>`) is always a power: a footnote mark is never
///   signed. It is written `^−3`, as the Formex reader writes `10<HT TYPE="SUP">−3</HT>`.
/// - An unsigned number is a power right after a digit, or after a digit and whitespace that breaks
///   the line (`10<SU>26</SU>`, the eCFR's `2.5 × 10⏎<SU>25</SU>`).
/// - A unit's exponent or a mass number (`cm<SU>3</SU>`, `(<SU>2</SU>H)`) stays (`isPartOfText`).
/// - Otherwise it is a footnote mark and is dropped. After a word (`requirements<SU>1</SU>`) that
///   is certain; after a number and a space on one line (`2019 <SU>2</SU>`, but also a mistyped
///   `10 <SU>26</SU>`) it is not, and the reader reports it (`Dropped`), so that a 10^26 can never
///   become 10 without a word.
enum Superscript {
    /// Whether a GPO `E` element of type `type` is a superscript (`51`; `53` italic, the twin of
    /// the italic subscript `54`).
    static func isGPO(type: String?) -> Bool { type == "51" || type == "53" }

    /// What a superscript after some text is.
    enum Placement: Equatable {
        /// A power: drop this much whitespace before the `^`.
        case power(spaces: Int)
        /// A footnote mark after a number and a space on the same line: dropped, and reported.
        case markAfterNumber
        /// A footnote mark after a word (or at the start): dropped.
        case mark
    }

    /// Where an unsigned numeric superscript after `text` belongs. Both readers (the tree, the
    /// section's bytes) pass ASCII predicates, so they read alike.
    static func placement<Text: BidirectionalCollection>(after text: Text, isSpace: (Text.Element) -> Bool,
                                                         isLineBreak: (Text.Element) -> Bool,
                                                         isDigit: (Text.Element) -> Bool) -> Placement {
        let trailing = TrailingSpace(of: text, isSpace: isSpace, isLineBreak: isLineBreak)
        guard let before = trailing.before, isDigit(before) else { return .mark }
        return trailing.count == 0 || trailing.breaksLine ? .power(spaces: trailing.count) : .markAfterNumber
    }

    /// Whether an unsigned numeric superscript that follows no number is still part of the text and
    /// not a footnote mark: a unit's exponent closed up to its symbol (`40 cm<SU>3</SU>`,
    /// `W/m<SU>2</SU>`, `(m<SU>2</SU>)`) or a mass number closed up to an element's symbol
    /// (`(<SU>2</SU>H)`, `<SU>235</SU>U`, as 10 CFR 810 and the CCL print isotopes). Dropping either
    /// changes the law's quantities and names: "2 m" for 2 m², hydrogen for deuterium. `tail` is the
    /// text before the superscript (its last few characters do), `next` the character right after it.
    /// A footnote mark follows a word or punctuation (`requirements<SU>1</SU>`, `items.<SU>2</SU>`),
    /// or stands before a word (`<SU>1</SU>Under`, `(<SU>3</SU>See`), which no test accepts: an
    /// element's symbol is a capital and at most one small letter (`H`, `He`, `U`), then no letter.
    static func isPartOfText(after tail: Substring, before head: Substring) -> Bool {
        if isElementSymbol(head) {
            guard let last = tail.last else { return true }
            if last.isWhitespace || "([/-\u{2013}".contains(last) { return true }
        }
        let symbol = tail.reversed().prefix { $0.isLetter }.count
        guard symbol > 0, unitSymbols.contains(String(tail.suffix(symbol))) else { return false }
        let before = tail.dropLast(symbol)
        guard let closeUp = before.last else { return false }
        if "/\u{00B7}\u{22C5}×(".contains(closeUp) { return true }
        return before.reversed().first { !$0.isWhitespace }?.isNumber == true
    }

    /// Whether `head` opens with a chemical element's symbol: `H)`, `He,`, `U` (a capital, at most
    /// one small letter, then no letter).
    static func isElementSymbol(_ head: Substring) -> Bool {
        var characters = head.makeIterator()
        guard let first = characters.next(), first.isASCII, first.isUppercase else { return false }
        guard let second = characters.next() else { return true }
        if !second.isLetter { return true }
        guard second.isASCII, second.isLowercase else { return false }
        return characters.next().map { !$0.isLetter } ?? true
    }

    /// Unit symbols that take an exponent in the CFR's and the CCL's quantities (lengths for areas
    /// and volumes, seconds for accelerations, radians).
    static let unitSymbols: Set<String> = ["m", "cm", "mm", "km", "nm", "\u{00B5}m", "\u{03BC}m", "in", "ft", "yd", "s", "rad"]

    /// Where a digit follows a power (`10<HT TYPE="SUP">2</HT>5`, printed 10²5), its end is marked
    /// (`10^{2}5`): written `10^25`, it would read as the exponent 25, and Art. 51(2)'s threshold
    /// with it. Anywhere else a power is written as it always was (`10^25`, `cm^3`), so that no
    /// wording changes. The importers (`TextFlattening`, the CFR section reader) and
    /// `TextNormalizer.foldTypography` (for Unicode `10²5`) follow this one rule.
    static let powerOpen = UInt8(ascii: "{")
    static let powerClose = UInt8(ascii: "}")

    /// An ASCII digit: what, right after a power, makes its end marked.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && isDigit(UInt8(scalar.value)) }

    /// What a superscript's text is: a number, a signed number, or anything else.
    enum Content: Equatable {
        case unsigned, signed, other
    }

    /// `26`, `−3` (U+2212 minus, `-`, `+`, or an en dash for a minus), or other text.
    static func content(_ text: some StringProtocol) -> Content {
        var rest = Substring(text)
        var signed = false
        if let first = rest.first, first == "\u{2212}" || first == "-" || first == "+" || first == "\u{2013}" {
            signed = true
            rest = rest.dropFirst()
            if rest.isEmpty { return .other }
        }
        // Characters, as the readers have always judged digits (`Character.isNumber`).
        guard !rest.isEmpty, rest.allSatisfy(\.isNumber) else { return .other }
        return signed ? .signed : .unsigned
    }

    /// What a GPO or Akoma Ntoso superscript is where it stands: the one rule both readers (the
    /// tree, the CFR section's bytes) follow.
    enum Reading: Equatable {
        /// A power: drop this much whitespace before the `^`.
        case power(spaces: Int)
        /// A footnote mark: written as the mark of the note the text keeps, or left out.
        case mark
        /// A number spaced from a number on its line: a footnote mark by the rule, and reported (`Dropped`).
        case markAfterNumber
        /// Neither a number nor a mark (`<SU>TM</SU>`): its text as written.
        case text
    }

    /// How a superscript holding `text` reads at `placement` (`placement(after:)`, or `.mark` when it
    /// opens a block). `closedUp`: a letter or a closing bracket comes right before it; `hasNote`:
    /// the text keeps a note with its mark (then written ` [1]`, so it stays seen); `isPartOfText`:
    /// it is a unit's exponent or a mass number (`isPartOfText(after:before:)`). A footnote left out
    /// elsewhere with the same number does not count: it silenced `2N<SU>2</SU>` (QA verify2 V1).
    /// One GPO tags as a footnote reference (`<SU>1</SU><FTREF/>`) is a mark before any of this:
    /// the readers never ask.
    ///
    /// - A signed number is a power wherever it is.
    /// - An unsigned number is a power after a digit, a unit or an element's symbol.
    /// - Closed up to a letter or a bracket, anything is a power unless the text has a note with
    ///   that mark: `2N<SU>2</SU>` is 2N², `2N<SU>n</SU>` 2Nⁿ, `(2N)<SU>2</SU>` (2N)², `Hz<SU>1/2</SU>`
    ///   Hz^1/2 (QA normal F2, verify N2: each lost its exponent, and 2N² passed cite-check against
    ///   2N). A mark whose note is not in the text read
    ///   (`Cuba<SU>a</SU>`) is then written `Cuba^a`: seen, where a lost exponent is not.
    /// - Any other text closed up to a digit is a power too (`10<SU>2.5</SU>`, `10<SU>n</SU>` ran into
    ///   the number as `102.5`, `10n`, QA normal F3), unless it is a one-character mark (`a`, `*`,
    ///   `†`) whose note the text has (a table's `100<SU>c</SU>`).
    /// - After a word and a space, after other punctuation, or at a block's start, a number or a
    ///   one-character mark is a footnote mark; other text is written as it is.
    static func reading(of text: some StringProtocol, at placement: Placement, closedUp: Bool, hasNote: Bool,
                        isPartOfText: () -> Bool) -> Reading {
        switch content(text) {
        case .signed:
            if case .power(let spaces) = placement { return .power(spaces: spaces) }
            return .power(spaces: 0)
        case .unsigned:
            switch placement {
            case .power(let spaces): return .power(spaces: spaces)
            case .markAfterNumber: return .markAfterNumber
            case .mark: return isPartOfText() || (closedUp && !hasNote) ? .power(spaces: 0) : .mark
            }
        case .other:
            let oneCharacterMark = isOneCharacterMark(text)
            if oneCharacterMark && hasNote { return .mark }
            if text.isEmpty { return .text }
            if case .power(let spaces) = placement { return .power(spaces: spaces) }
            if closedUp && !hasNote { return .power(spaces: 0) }
            return oneCharacterMark ? .mark : .text
        }
    }

    /// Whether a superscript after `character` is closed up to a word or a bracketed term (`N`,
    /// `(2N)`, `[x]`), where an exponent stands.
    static func closesUp(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character == ")" || character == "]"
    }

    /// What a superscript prints that is neither a power nor a footnote mark, and how it is
    /// written: an ordinal's suffix closed up to its number (`2<SU>nd</SU>`, `21<HT TYPE="SUP">st</HT>`,
    /// `11<SU>th</SU>`) as printed ("2nd"), and a trade or service mark (`Acme<SU>TM</SU>`) as its
    /// sign ("Acme™"), and `n<SU>th</SU>` ("nth"). Read as powers they were `2^nd` and `Acme^TM`, which a shipped "2nd" fails
    /// cite-check against. `tail` is the text before the superscript (its last two characters do).
    /// A suffix that does not fit its number (`10<SU>st</SU>`) is left to the other rules.
    static func printedText(_ text: some StringProtocol, after tail: some StringProtocol) -> String? {
        switch text {
        case "TM": return "\u{2122}"
        case "SM": return "\u{2120}"
        // Signs that are superscript by nature: a trademark, a degree (`5<E T="51">°</E>` is 5°,
        // not 5 to the power °), a prime.
        case "\u{2122}", "\u{2120}", "\u{00AE}", "\u{00A9}", "\u{00B0}", "\u{2032}", "\u{2033}", "\u{00BA}": return String(text)
        default: break
        }
        // A degree with its scale raised with it (`10<SU>°C</SU>`): 10°C.
        if text.first == "\u{00B0}", text.dropFirst().allSatisfy({ $0 == "C" || $0 == "F" || $0 == "K" }) { return String(text) }
        // `n<SU>th</SU>`, `(n+1)<SU>th</SU>`: the nth, never a power of "th".
        if text.lowercased() == "th", let last = tail.last, last == ")" || (last.isLetter && !(tail.dropLast().last?.isLetter ?? false)) {
            return String(text)
        }
        let digits = tail.reversed().prefix { $0.isASCII && $0.isNumber }
        guard let last = digits.first else { return nil }
        let tens = digits.dropFirst().first
        let fitting = tens == "1" ? "th" : ["1": "st", "2": "nd", "3": "rd"][last] ?? "th"
        return text.lowercased() == fitting ? String(text) : nil
    }

    /// GPO's footnote reference tag, after a footnote's mark (`<SU>1</SU><FTREF/>`, white space may
    /// come between): a superscript it follows is a mark wherever it stands, never a power.
    static let footnoteReference = "FTREF"

    /// A footnote mark of one letter or sign (`a`, `*`, `†`, `‡`), as GPO tables mark their notes.
    static func isOneCharacterMark(_ text: some StringProtocol) -> Bool {
        guard text.count == 1, let character = text.first else { return false }
        return (character.isASCII && character.isLetter) || "*\u{2020}\u{2021}".contains(character)
    }

    /// A numeric superscript after a number and a space read as a footnote mark: dropped, or
    /// linked to its note (` [26]`) when the text keeps a note of that number. Either way it is
    /// reported (`TextFinding`), as a mistyped `10 <SU>26</SU>` is 10^26 whether a note 26 is kept or not.
    struct Dropped: Sendable, Hashable {
        /// The number before it (`10`, `2019`).
        var number: String
        /// The superscript's text (`26`).
        var superscript: String
        /// Written ` [26]`, the mark of a note the text keeps, rather than left out.
        var linked = false

        /// For the warning: what was read, and what it would be as a power.
        func message(subject: String) -> String {
            let read = linked ? "written [\(superscript)], the mark of the footnote the text keeps with that number" : "left out of the wording"
            return "\(subject): the superscript \(superscript) after the number \(number) is read as a footnote mark and \(read) (it is spaced from the number); if it is an exponent, the text means \(number)^\(superscript)"
        }

        /// For the provision, in words for the reader of a report.
        var note: Note {
            let read = linked ? "written [\(superscript)], linking it to the footnote numbered \(superscript) that the text keeps" : "left out of this wording"
            return Note(kind: .unresolved, text: "The official text prints a raised “\(superscript)” after the number \(number), set apart by a space. It is read as a footnote mark and \(read); if it is an exponent, the number is \(number)^\(superscript). Check the official text.")
        }

        /// The summary's count for it.
        var counter: ImportSummary.Counter { linked ? .linkedSuperscripts : .droppedSuperscripts }

        /// The number that ends `text`, after trailing whitespace (`2.5 × 10 ` → `10`).
        static func number<Text: BidirectionalCollection>(before text: Text, isSpace: (Text.Element) -> Bool,
                                                          isDigit: (Text.Element) -> Bool) -> [Text.Element] {
            var end = text.endIndex
            while end > text.startIndex, isSpace(text[text.index(before: end)]) { end = text.index(before: end) }
            var start = end
            while start > text.startIndex, isDigit(text[text.index(before: start)]) { start = text.index(before: start) }
            return Array(text[start..<end])
        }
    }
}
