/// How an EU act cites the points below an article, paragraph or subparagraph (Joint Practical
/// Guide, point 16.13): a numbered point is `point (a)` or `point 3.1`; an unnumbered dash item is
/// an indent, cited by its place and never called a point: "Annex II, first indent", "Art. 5(1),
/// first subparagraph, point (h), second indent".
enum PointCitation {
    /// The `number`th unnumbered item of a list (from 1): `first indent`.
    static func indent(_ number: Int) -> String { "\(CanonicalIDs.ordinal(number)) indent" }

    /// The citation's tail for `path` after `base` (an article, paragraph or subparagraph, with the
    /// subparagraph phrase if any). `short`: the base ends in a number that a parenthesised point
    /// closes up to (`Art. 3(1)` + `(a)` is `Art. 3(1)(a)`).
    static func cite(_ path: String, after base: String, short: Bool) -> String {
        if path.isEmpty { return base }
        if startsWithIndent(path) { return base + ", " + path }
        if short, path.hasPrefix("(") { return base + path }
        return base + ", point " + path
    }

    /// `path` joined below `parent`: `(a)` after `1` is `1(a)`, an indent is a level of its own
    /// (`(h), first indent`).
    static func join(_ parent: String, _ segment: String) -> String {
        if parent.isEmpty { return segment }
        if segment.hasPrefix("(") { return parent + segment }
        return parent + ", " + segment
    }

    private static func startsWithIndent(_ path: String) -> Bool {
        (path.firstRange(of: ", ").map { path[..<$0.lowerBound] } ?? path[...]).hasSuffix(" indent")
    }
}
