import ClauseGraph

/// A reading ecca took, or a question the sources leave open, that a finding rests on: a note of
/// kind `interpretation` or `unresolved` on a provision the finding uses (a clashing provision,
/// a rule applied, an exception considered) or on its instrument. A filed report must say where
/// a verdict depends on ecca's reading of the law rather than on the law's letter.
public struct Caveat: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// ecca's reading of the text, where another is arguable (an `interpretation` note).
        case reading
        /// A point the sources leave open (an `unresolved` note).
        case openQuestion = "open-question"
    }

    /// `source:kind`, then `-2`, `-3` for further notes of the same kind on the same source.
    public var id: String
    /// The provision or instrument the note is on.
    public var source: String
    /// The provision's citation, or the instrument's title.
    public var citation: String
    public var kind: Kind
    /// Nil in results written without the texts (`ecca batch` without `--caveat-texts`).
    public var text: String?

    public init(id: String, source: String, citation: String, kind: Kind, text: String?) {
        self.id = id
        self.source = source
        self.citation = citation
        self.kind = kind
        self.text = text
    }

    /// "reading of Art. 92(5)", "open question on 15 CFR Part 774, Supp. No. 1, ECCN 4E091".
    public var name: String {
        switch kind {
        case .reading: "reading of \(citation)"
        case .openQuestion: "open question on \(citation)"
        }
    }
}
