/// Which CFR provisions a Federal Register instruction changes (`cite-check`): a target's path
/// (`734.13(a)(2)`, `772.1 (foreign person)`, `Supplement No. 1 to Part 774, ECCN 4E091`) changes
/// itself, what it holds and what holds it, since a shipped CFR wording includes its subdivisions'.
/// An introductory text changes its paragraph's own words and what holds it, not its subdivisions.
enum AmendmentReach {
    /// Whether `target` of an instruction in CFR `title` changes the shipped wording at `path` (a
    /// path as `CitationChecker.officialID` gives it). Nil when the target's kind has no CFR path
    /// (a table, an appendix, a heading): it is not known.
    ///
    /// An addition (`adding`) changes only what holds the unit it adds: a shipped provision that is
    /// that unit, or inside it, is the new text (or a later one), not changed by it.
    static func changes(_ target: Amendment.Target, path: String, adding: Bool = false) -> Bool? {
        let path = CitationChecker.key(path)
        if adding {
            guard let own = ownPath(target) else { return nil }
            return holds(path, own) && path != own
        }
        switch target.kind {
        case .section, .paragraph, .introductoryText, .definition:
            guard let key = ownPath(target) else { return nil }
            // What holds the target, and (save for an introductory text) what the target holds.
            if holds(path, key) { return true }
            return target.kind != .introductoryText && holds(key, path)
        case .paragraphRange:
            guard let section = target.section, let first = target.paragraph, let last = target.through else { return nil }
            let start = CitationChecker.key(section + first)
            let end = CitationChecker.key(section + (last.hasPrefix("(") ? last : "(\(last))"))
            // `(a)(2) through (a)(4)`: the common parent, and each path under it between the two.
            let from = markers(start), to = markers(end)
            let shared = zip(from, to).prefix { $0 == $1 }.count
            guard shared == from.count - 1, shared == to.count - 1 else { return holds(start, path) || holds(path, start) }
            let parent = CitationChecker.key(section + from.prefix(shared).map { "(\($0))" }.joined())
            if holds(path, parent) { return true }
            guard holds(parent, path) else { return false }
            let mine = markers(path)
            guard mine.count > shared else { return true }
            return within(mine[shared], from[shared], to[shared]) ?? true
        case .sectionRange:
            guard let first = target.section, let last = target.through else { return nil }
            let section = String(path.prefix { $0 != "(" && $0 != " " && $0 != "," })
            return within(section, CitationChecker.key(first), CitationChecker.key(last), sections: true) ?? true
        case .eccn, .note, .appendix, .entry:
            guard let key = ownPath(target) else { return nil }
            return holds(key, path) || holds(path, key)
        default:
            return nil
        }
    }

    /// The section (`section(ofKey:)`) of every path `changes` can find `target` changing, so that
    /// a provision is weighed only against the instructions that may reach it (`ChangeIndex`). A
    /// target that changes what holds it or what it holds reaches only its own section's paths,
    /// since a path and what holds it share their section (`holds`). Nil when that cannot be
    /// narrowed (a range, which `changes` reads by the markers' order).
    static func section(reachedBy target: Amendment.Target, adding: Bool) -> String? {
        guard adding || [.section, .paragraph, .introductoryText, .definition, .eccn, .note, .appendix, .entry].contains(target.kind),
              let own = ownPath(target) else { return nil }
        return section(ofKey: own)
    }

    /// A path key's part before its first `(` or `,`: `734.13` of `734.13(a)(2)`, `supplementno.1topart774`
    /// of `supplementno.1topart774,eccn4e091`.
    static func section(ofKey key: String) -> String {
        String(key.prefix { $0 != "(" && $0 != "," })
    }

    /// The path (a key) of what a target names in a supplement: `supplement No. 5 to part 740` →
    /// the supplement; an ECCN, or a note to one, of the Commerce Control List → `…, ECCN 4E091, Note 1`;
    /// a note to a category → `…, Category 5—Part 2, Note 3`, which no ECCN holds; an entry under a
    /// country of a list (`supplement No. 4 to part 744, under CHINA`) → the supplement. Sections and
    /// paragraphs by their path.
    static func ownPath(_ target: Amendment.Target) -> String? {
        switch target.kind {
        case .section, .paragraph, .introductoryText, .definition:
            guard let section = target.section else { return nil }
            var own = section + (target.paragraph ?? "")
            if target.kind == .definition, let term = target.detail { own += " (\(TextNormalizer.trim(term, also: "\"“”")))" }
            return CitationChecker.key(own)
        case .appendix:
            guard let detail = target.detail else { return nil }
            let name = detail.components(separatedBy: ", under ").first ?? detail
            return SupplementCitation.numbers(ofSupplement: name).map { CitationChecker.key("Supplement No. \($0.supplement) to Part \($0.part)") }
        case .entry:
            guard let within = target.within else { return nil }
            let name = within.components(separatedBy: ", ").first ?? within
            return SupplementCitation.numbers(ofSupplement: name).map { CitationChecker.key("Supplement No. \($0.supplement) to Part \($0.part)") }
        case .eccn, .note:
            guard let within = target.within?.lowercased(), within.hasPrefix("supplement no. 1 to part 774"), let detail = target.detail else { return nil }
            var name = "ECCN " + (detail.hasPrefix("ECCN ") ? String(detail.dropFirst(5)) : detail)
            if target.kind == .note {
                // "Note 1 to ECCN 4E091" → `ECCN 4E091, Note 1`; "Note 3 to Category 5—Part 2" → `Category 5—Part 2, Note 3`.
                guard let match = detail.firstMatch(of: #/^(Note \d+) to (.+)$/#) else { return nil }
                name = "\(match.2), \(match.1)"
            }
            return CitationChecker.key("Supplement No. 1 to Part 774, " + name)
        default:
            return nil
        }
    }

    /// `outer` is `inner` or holds it: `734.13(a)` holds `734.13(a)(2)` and `734.13(a)introductory…`
    /// never `734.13(a)x`; `772.1` holds `772.1(foreignperson)` (keys, whitespace removed).
    static func holds(_ outer: String, _ inner: String) -> Bool {
        guard inner.hasPrefix(outer) else { return false }
        guard let next = inner.dropFirst(outer.count).first else { return true }
        return next == "(" || next == ","
    }

    /// `(a)(2)(ii)` → `a`, `2`, `ii` (after the section).
    private static func markers(_ key: String) -> [String] {
        guard let open = key.firstIndex(of: "(") else { return [] }
        return key[open...].split(separator: ")").map { String($0.drop { $0 == "(" }) }
    }

    /// Whether `value` lies between `first` and `last`, when the three are markers of one style
    /// (numbers, letters, roman numerals) or sections of one part; nil when that cannot be told
    /// (`(i) through (v)` may be letters or roman numerals).
    private static func within(_ value: String, _ first: String, _ last: String, sections: Bool = false) -> Bool? {
        let three = [first, value, last]
        let ranks: [Int]?
        if sections {
            let pairs = three.map { $0.split(separator: ".") }
            guard pairs.allSatisfy({ $0.count == 2 && Int($0[1]) != nil }), Set(pairs.map { $0[0] }).count == 1 else { return nil }
            ranks = pairs.map { Int($0[1])! }
        } else if three.allSatisfy({ Int($0) != nil }) {
            ranks = three.map { Int($0)! }
        } else {
            let letters = three.allSatisfy { $0.count == 1 && $0.first!.isLetter }
            let romans = three.map(roman)
            switch (letters, romans.allSatisfy { $0 != nil }) {
            case (true, true): return nil
            case (true, false): ranks = three.map { Int($0.unicodeScalars.first!.value) }
            case (false, true): ranks = romans.map { $0! }
            case (false, false): return nil
            }
        }
        guard let ranks else { return nil }
        return ranks[0] <= ranks[1] && ranks[1] <= ranks[2]
    }

    private static func roman(_ marker: String) -> Int? {
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50]
        guard !marker.isEmpty, marker.allSatisfy({ values[$0] != nil }) else { return nil }
        var total = 0, previous = 0
        for character in marker.reversed() {
            let value = values[character]!
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total
    }
}
