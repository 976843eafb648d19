/// The units a Formex locator's first steps name (`053`, `053.001`), and what its further steps
/// (`~K`, `(a)`) look in, found once when a text is loaded for `cite-check`. Each look-up walked the
/// whole act for its article, and the article for its point's label: time that grew with the
/// provisions checked times the act (1,000 points of one article, 19 s in a debug build).
///
/// It finds what the walks found, in the same order: every `ARTICLE` (not inside a quoted
/// amendment, `QUOT.S`), every `PARAG` in it, its `ALINEA`s as `FormexText.grouped` gives them, and
/// its points as `FormexText.points` does.
struct FormexLocatorIndex: Sendable {
    /// An article, or a paragraph of one.
    struct Unit: Sendable {
        var node: OfficialElement
        /// Its own number and heading, which are not its wording.
        var skip: Set<String>
        /// Its unnumbered paragraphs (`~K`), in document order.
        var alineas: [OfficialElement]
        /// Its points by label (`(a)`), the shallowest that carry it.
        var points: [String: [OfficialElement]]
        /// An article's paragraphs by `IDENTIFIER` (`053.001`), in document order; none for a paragraph.
        var paragraphs: [String: [Unit]]

        init(_ node: OfficialElement, skip: Set<String>, paragraphs: [String: [Unit]] = [:]) {
            self.node = node
            self.skip = skip
            alineas = FormexText.grouped("ALINEA", in: node).map(\.element)
            points = FormexText.points(in: node)
            self.paragraphs = paragraphs
        }
    }

    /// Articles by `IDENTIFIER`, in document order: more than one where the act prints one twice.
    let articles: [String: [Unit]]

    init(_ act: OfficialElement) {
        var articles: [String: [Unit]] = [:]
        for article in act.all(where: { $0.name == "ARTICLE" }, barriers: ["QUOT.S"]) {
            guard let identifier = FormexAdapter.identifier(of: article) else { continue }
            var paragraphs: [String: [Unit]] = [:]
            for paragraph in article.all(where: { $0.name == "PARAG" }, barriers: ["QUOT.S"]) {
                guard let number = FormexAdapter.identifier(of: paragraph) else { continue }
                paragraphs[number, default: []].append(Unit(paragraph, skip: ["NO.PARAG"]))
            }
            articles[identifier, default: []].append(Unit(article, skip: ["TI.ART", "STI.ART"], paragraphs: paragraphs))
        }
        self.articles = articles
    }
}
