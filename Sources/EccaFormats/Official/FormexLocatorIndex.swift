/// The units a Formex locator's first steps name (`053`, `053.001`), and what its further steps
/// (`~K`, `(a)`) look in, found once when a text is loaded for `cite-check`. Each look-up walked the
/// whole act for its article, and the article for its point's label: time that grew with the
/// provisions checked times the act (1,000 points of one article, 19 s in a debug build).
///
/// It finds what the walks found, in the same order: every `ARTICLE` (not inside a quoted
/// amendment, `QUOT.S`), every `PARAG` in it, its `ALINEA`s as `FormexText.grouped` gives them, and
/// its points as `FormexText.points` does. An annex's groups and points (`ANNEX XI, Section 1,
/// point 1(d)`) are found by the importer's own walk (`FormexAdapter.annexParts`): their locators
/// are the import's citations, which no grammar of steps could find otherwise.
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

    /// An annex's group or point, and what of it is not its wording (a group's `TITLE`).
    struct AnnexPart: Sendable {
        var node: OfficialElement
        var skip: Set<String>
    }

    /// The groups and points of the annexes by locator (`ANNEX XI, Section 1`), in document order:
    /// more than one where an annex prints two groups of one number.
    let annexParts: [String: [AnnexPart]]

    /// `annexes`: the annexes by their own locator (`ANNEX XI`), each its `ANNEX` or `CONS.ANNEX`.
    init(_ act: OfficialElement, annexes: [String: OfficialElement] = [:]) {
        var parts: [String: [AnnexPart]] = [:]
        for annex in annexes.values {
            guard let contents = annex.element("CONTENTS") else { continue }
            for part in FormexAdapter.annexParts(title: annex.element("TITLE"), contents: contents) {
                parts[part.locator, default: []].append(AnnexPart(node: part.node, skip: part.skip))
            }
        }
        annexParts = parts
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
