/// How a CFR supplement is named in the eCFR (`Supplement No. 1 to Part 774`, its `DIV9`'s `N`)
/// and in a citation (`15 CFR Part 774, Supp. No. 1`): imports cite the way the shipped law does,
/// and `cite-check` looks a citation up by the eCFR's name.
enum SupplementCitation {
    /// `Supplement No. 1 to Part 774` → `Part 774, Supp. No. 1`, as the EAR is cited.
    static func citation(ofSupplement n: String) -> String {
        guard let (supplement, part) = numbers(ofSupplement: n) else { return n }
        return "Part \(part), Supp. No. \(supplement)"
    }

    /// `Part 774, Supp. No. 1, ECCN 4E091` → `Supplement No. 1 to Part 774, ECCN 4E091`: a
    /// citation's path below a CFR title as the supplement's own `N` names it; nil for others.
    static func path(ofCitation path: String) -> String? {
        let pieces = path.split(separator: ",", maxSplits: 2).map { TextNormalizer.trim(String($0)) }
        guard pieces.count >= 2, pieces[0].hasPrefix("Part "), pieces[1].hasPrefix("Supp. No. ") else { return nil }
        let part = pieces[0].dropFirst(5)
        let supplement = pieces[1].dropFirst(10)
        guard !part.isEmpty, part.allSatisfy(\.isNumber), !supplement.isEmpty, supplement.allSatisfy(\.isNumber) else { return nil }
        return (["Supplement No. \(supplement) to Part \(part)"] + pieces.dropFirst(2)).joined(separator: ", ")
    }

    /// `Supplement No. 1 to Part 774` → (1, 774).
    static func numbers(ofSupplement n: String) -> (supplement: Substring, part: Substring)? {
        let words = n.split(separator: " ")
        guard words.count == 6, words[0].lowercased() == "supplement", words[1].lowercased() == "no.", words[3].lowercased() == "to",
              words[4].lowercased() == "part", words[2].allSatisfy(\.isNumber), words[5].allSatisfy(\.isNumber) else { return nil }
        return (words[2], words[5])
    }

    /// The part a supplement path belongs to: `Supplement No. 1 to Part 774, ECCN 4E091` → `774`.
    static func part(ofPath path: String) -> String? {
        // Most paths are sections and paragraphs (`734.13(a)`): turned away by their first letter,
        // since cite-check asks this of every provision of a title.
        guard let first = path.utf8.first(where: { $0 != 0x20 }), first | 0x20 == UInt8(ascii: "s") else { return nil }
        let supplement = path.split(separator: ",", maxSplits: 1).first.map(String.init) ?? path
        return numbers(ofSupplement: TextNormalizer.trim(supplement)).map { String($0.part) }
    }
}
