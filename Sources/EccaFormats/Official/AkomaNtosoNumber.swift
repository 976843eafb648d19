/// The number of an Akoma Ntoso unit as its `num` prints it, and the word the jurisdiction cites it
/// by. A `num` may carry its own word (`Art. 1` in Swiss and Italian acts, `§ 1` in German federal
/// law, `Artikel 2`, `Section 3`): the citation keeps that word as printed, never "Art. Art-1"; the
/// EU's `Article 1` stays "Art. 1", as EUR-Lex cites it. An empty `<num/>` is no number.
struct AkomaNtosoNumber: Sendable, Hashable {
    /// The word printed before the number (`§`, `Art.`, `Artikel`, `Section`), nil for none.
    var word: String?
    /// The number as printed, without its word and closing punctuation: `1`, `3-bis`, `unique`.
    var printed: String
    /// The number cleaned for ids (`CanonicalIDs.clean`).
    var clean: String { CanonicalIDs.clean(printed) }

    /// Words a `num` may begin with, lowercased, without their closing period.
    private static let words: Set<String> = ["article", "art", "artikel", "articolo", "artículo", "artigo", "artikkel",
                                             "section", "sec", "s", "§", "§§", "regulation", "reg", "rule", "r"]

    /// Nil when the `num` holds nothing but spaces and punctuation (`<num/>`).
    init?(_ label: String) {
        let text = TextNormalizer.collapse(label)
        guard !CanonicalIDs.clean(text).isEmpty else { return nil }
        var word: String?
        var rest = Substring(text)
        if rest.hasPrefix("§") {
            let end = rest.firstIndex { $0 != "§" } ?? rest.endIndex
            word = String(rest[..<end])
            rest = rest[end...]
        } else if let space = rest.firstIndex(where: { $0 == " " || $0 == "." }) {
            let candidate = rest[..<space]
            if Self.words.contains(candidate.lowercased()), rest[space...].contains(where: { $0.isNumber || $0.isLetter }) {
                let afterPeriod = rest[space] == "." ? rest.index(after: space) : space
                word = String(rest[..<afterPeriod])
                rest = rest[afterPeriod...]
            }
        } else if let first = rest.firstIndex(where: \.isNumber), first != rest.startIndex,
                  Self.words.contains(rest[..<first].lowercased()) {
            // `Artikel2`, `Section3`: the word closed up to its number.
            word = String(rest[..<first])
            rest = rest[first...]
        }
        let printed = TextNormalizer.trim(String(rest), also: ".:")
        guard !CanonicalIDs.clean(printed).isEmpty else { return nil }
        self.word = word
        self.printed = printed
    }

    /// Whether it reads as a number rather than as words: printed after its word (`Article 5`,
    /// `Art. unique`), or holding a digit (`3-bis`), or a roman numeral or a letter alone (`IV`,
    /// `A`). CIRSFID conversions set an article's heading as a second `num`; where the first is
    /// missing, the heading ("Statement of fees", "Review") must stay a heading, never a number.
    var readsAsNumber: Bool {
        word != nil || printed.contains(where: \.isNumber) || MarkerKind.romanValue(printed.lowercased()) != nil
            || (printed.count == 1 && printed.first?.isLetter == true)
    }

    /// How an article is cited: "Art. 1" for the EU's `Article 1` or a bare number (the EU
    /// corpus's form), otherwise the printed word and number: "§ 1", "Art. 3-bis", "Artikel 2".
    var articleCitation: String {
        guard let word, word.lowercased() != "article" else { return "Art. \(clean)" }
        return "\(word) \(printed)"
    }

    /// How a section is cited: "section 3" (South Africa, Kenya, the UK: "section 3(2)(a)"), or
    /// another word as printed ("Regulation 5").
    var sectionCitation: String {
        guard let word, !["section", "sec", "sec.", "s", "s."].contains(word.lowercased()) else { return "section \(printed)" }
        return "\(word) \(printed)"
    }

    /// Whether the article's sub-units are cited the German way (`§ 3 Abs. 2 Nr. 1 Buchst. a`).
    var isParagraphSign: Bool { word?.hasPrefix("§") == true }
}
