/// How a subscript (GPO `<E T="52">`, italic `<E T="54">`; Formex `<HT TYPE="SUB">`; Akoma Ntoso
/// `<sub>`) reads in the wording: `_` before its text, closed up to what it stands under, as a
/// power is written `^` (`L<E T="52">c</E>=Chargeable payload length` reads `L_c=…`). Without the
/// mark, the annual CFR's `W<E T="52">c</E>` read as the word "Wc", and a pretty-printed line break
/// before one (`<E T="03">L</E>⏎<E T="52">C</E>`) as "L C", two symbols: a formula's variable is
/// one symbol, and a subscript is never set apart from what it stands under.
enum Subscript {
    /// Written before the subscript's text.
    static let mark: UInt8 = 0x5F  // "_"

    /// Whether a GPO `E` element of type `type` is a subscript (`52`, `54` italic).
    static func isGPO(type: String?) -> Bool { type == "52" || type == "54" }

    /// How many whitespace elements ending `text` the subscript closes up over: a run that breaks
    /// the line (the file's pretty-printing) after a letter or a digit, as in `L⏎<E T="52">C</E>`.
    /// None otherwise: a space on one line is meant, and a block's or a table cell's separator, a
    /// marker's bracket or a sentence's end is never what a subscript stands under (re-audit:
    /// `(a) <E T="52">2</E>` read `(a)_2`, two Formex paragraphs ran together as `text._2`).
    static func spaces<Text: BidirectionalCollection>(before text: Text, isSpace: (Text.Element) -> Bool,
                                                      isLineBreak: (Text.Element) -> Bool, isWordCharacter: (Text.Element) -> Bool) -> Int {
        let trailing = TrailingSpace(of: text, isSpace: isSpace, isLineBreak: isLineBreak)
        return trailing.breaksLine && trailing.before.map(isWordCharacter) == true ? trailing.count : 0
    }
}
