/// A Formex locator of an annex, or of a group or point in one: `ANNEX XI`, and below it the annex's
/// locator followed by the path its citation gives, `ANNEX XI, Section 1, point 1(d)`, `ANNEX III,
/// point 1(a)`, `ANNEX VII, point 3.1(a)`, `ANNEX I, Section A` (docs/rules-format.md, "Source ids").
///
/// Formex gives annex groups and points no identifier of their own (`GR.SEQ` and `ITEM` carry
/// none), so the locator is made from their numbers as a lawyer cites them: the section is part of
/// the path because numbering restarts in each (Annex XI, Sections 1 and 2 both have a point 1).
/// The importer mints the path from the citation it writes (`FormexAdapter`), and `cite-check`
/// finds it by the same walk (`FormexLocatorIndex`), so the two agree by construction.
struct FormexAnnexLocator: Sendable, Hashable, CustomStringConvertible {
    /// The annex: `ANNEX XI`, or `ANNEX` for an annex printed without a number.
    var annex: String
    /// The groups and points below it, as cited (`Section 1, point 1(d)`); nil for the whole annex.
    var path: String?

    init(annex: String, path: String? = nil) {
        self.annex = annex
        self.path = path
    }

    /// Reads a locator; nil for one that names no annex (an article's, `053.001(a)`).
    init?(_ locator: String) {
        guard locator.hasPrefix("ANNEX") else { return nil }
        let rest = locator.dropFirst("ANNEX".count)
        guard rest.isEmpty || rest.hasPrefix(" ") || rest.hasPrefix(", ") else { return nil }
        // An annex number holds no comma: the first one ends it.
        if let comma = locator.firstRange(of: ", ") {
            annex = String(locator[..<comma.lowerBound])
            path = String(locator[comma.upperBound...])
        } else {
            annex = locator
            path = nil
        }
    }

    /// The locator of a group or point whose citation is `citation`, in the annex whose own
    /// locator and citation are `annex` and `annexCitation` (`ANNEX XI`, `Annex XI`): the citation's
    /// path after the annex's (`Annex XI, Section 1, point 1(d)` → `ANNEX XI, Section 1, point 1(d)`).
    init(annex: String, annexCitation: String, citation: String) {
        self.annex = annex
        path = citation.hasPrefix(annexCitation + ", ") ? String(citation.dropFirst(annexCitation.count + 2)) : nil
    }

    /// The annex's number alone (`XI`; empty for an unnumbered annex).
    var number: String { String(annex.dropFirst("ANNEX".count).drop { $0 == " " }) }

    var description: String { path.map { "\(annex), \($0)" } ?? annex }
}
