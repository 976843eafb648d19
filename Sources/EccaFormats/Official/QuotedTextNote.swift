import ClauseGraph

/// The note on a provision whose wording quotes text an amending act inserts in another act
/// (Formex `QUOT.S`, Akoma Ntoso `quotedStructure`): the quotation is not this act's, and the
/// flattening shows it as "…". One wording for every dialect that leaves quotations out.
enum QuotedTextNote {
    /// "Quotes amending text for another act (2 QUOT.S elements); …", counting `count` of `noun`.
    static func note(_ count: Int, of noun: CountedNoun) -> Note {
        Note(kind: .editorial, text: "Quotes amending text for another act (\(noun(count))); the quotation is not part of this act and is shown as “…”.")
    }
}
