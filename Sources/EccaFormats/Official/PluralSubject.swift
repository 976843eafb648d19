/// The subject of an instruction that names several CFR sections at once: "Sections 734.3 and
/// 734.4 are amended by …", "§§ 740.2 and 740.7 are amended by …", "In §§ 772.1 and 774.1, revise
/// …", "Amend §§ 744.21 through 744.23 by …". Each step of such an instruction acts in each section
/// named (`AmendmentGrammar`), so the subject is kept as the list of those sections.
///
/// A subject naming a single section is not one: it is read as the grammar always read it.
struct PluralSubject: Sendable, Hashable {
    /// The sections, in the order named, a range spelled out; nil when a range cannot be spelled
    /// out unambiguously (`Amendment.spelledOut`: its ends in two parts, "§§ 744.21 through
    /// 746.2"; tails of different widths; given backwards).
    var sections: [String]?
    /// The sections as printed ("§§ 744.21 through 746.2"), quoted when they are not read.
    var printed: String
    /// It only leads in the steps that follow ("In §§ 772.1 and 774.1:", "Sections 734.3 and 734.4
    /// are amended by:").
    var leadIn: Bool

    /// Reads the subject at the start of `rest` and leaves what follows it; nil, with `rest`
    /// untouched, when the instruction does not open with several sections in one of these forms.
    static func read(_ rest: inout Substring) -> PluralSubject? {
        let words = rest.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let lower = words.map { $0.lowercased() }
        // "In §§ X and Y, …": the list ends at its comma (or a colon, for a lead-in).
        if lower.count > 1, lower[0] == "in", ["§§", "sections"].contains(lower[1]), let list = SectionList.read(words, from: 2) {
            let last = words[list.end - 1]
            guard last.hasSuffix(",") || last.hasSuffix(":") || list.end == words.count else { return nil }
            rest = Substring(words[list.end...].joined(separator: " "))
            return PluralSubject(sections: list.sections, printed: list.printed, leadIn: !last.hasSuffix(","))
        }
        // "Sections X and Y are amended by …", "§§ X and Y are each amended by …", "Amend §§ X and Y by …".
        let amend = lower.first.map { ["amend", "amending"].contains($0) } ?? false
        let opener = amend ? 1 : 0
        guard lower.count > opener + 1, ["§§", "sections"].contains(lower[opener]),
              let list = SectionList.read(words, from: opener + 1), !words[list.end - 1].hasSuffix(",") else { return nil }
        let links: [[String]] = amend ? [["by"], ["by:"]] : [["are", "amended", "by"], ["are", "amended", "by:"], ["are", "each", "amended", "by"],
                                                            ["are", "each", "amended", "by:"], ["are", "amended:"]]
        guard let link = links.first(where: { Array(lower[list.end...].prefix($0.count)) == $0 }) else { return nil }
        let after = list.end + link.count
        rest = Substring(words[after...].joined(separator: " "))
        return PluralSubject(sections: list.sections, printed: list.printed, leadIn: link.last!.hasSuffix(":") || after == words.count)
    }
}

extension PluralSubject {
    /// "in each", "of each section", "from both sections": words after a step that say it acts in
    /// each section named, which the subject already says; taken out so the steps read as in one
    /// section. They count only before a comma, a semicolon, "and", "to read", or the end, and
    /// not inside a quotation: "in each place" is a place in the section.
    static func withoutDistributive(_ rest: Substring) -> Substring {
        var words = rest.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let tails: [[String]] = [["each", "of", "these", "sections"], ["each", "of", "the", "sections"], ["each", "section"], ["each"],
                                 ["both", "sections"], ["both"]]
        var index = 0
        var depths = AmendmentGrammar.quoteDepths(words)
        while index < words.count {
            guard depths[index] == 0, ["in", "of", "to", "from"].contains(words[index].lowercased()),
                  let tail = tails.first(where: { tail in
                      let said = words[(index + 1)..<min(words.count, index + 1 + tail.count)]
                      guard said.count == tail.count, said.dropLast().allSatisfy({ $0 == $0.filter(\.isLetter) }),
                            zip(said, tail).allSatisfy({ TextNormalizer.trim($0.lowercased(), also: ",;:.") == $1 }) else { return false }
                      let last = said.last!, after = index + 1 + tail.count
                      return last != last.filter(\.isLetter) || after == words.count || ["and", "to", "but"].contains(words[after].lowercased())
                  }) else {
                index += 1
                continue
            }
            // The punctuation after the words stays with the word before them.
            let last = words[index + tail.count]
            let trailing = String(last.reversed().prefix { ",;:.".contains($0) }.reversed())
            words.removeSubrange(index...(index + tail.count))
            depths.removeSubrange(index...(index + tail.count))
            if index > 0 { words[index - 1] += trailing }
        }
        return Substring(words.joined(separator: " "))
    }
}

/// "§§ 734.3 and 734.4", "742.4, 742.6, and 744.23", "744.21 through 744.23": two or more sections,
/// listed or as a range, read from words.
private struct SectionList {
    var sections: [String]?
    var printed: String
    /// The index of the first word after the list.
    var end: Int

    /// The list whose first number is `words[start]`; nil when fewer than two sections are named.
    static func read(_ words: [String], from start: Int) -> SectionList? {
        var index = start
        var named: [String] = []
        var spelled: [String]? = []
        /// The section number at `index`, with a "§" or "§§" before it, and any comma after it.
        func number() -> String? {
            var at = index
            if at < words.count, words[at] == "§" || words[at] == "§§" { at += 1 }
            guard at < words.count else { return nil }
            let bare = TextNormalizer.trim(words[at], also: ",:")
            guard bare.first?.isNumber == true, bare.contains("."), bare.last?.isNumber == true || bare.last?.isLetter == true,
                  bare.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "–" }) else { return nil }
            index = at + 1
            return bare
        }
        guard let first = number() else { return nil }
        named.append(first)
        spelled?.append(first)
        while index < words.count {
            let save = index
            // Once a number carries a colon, or no comma and no conjunction follows it, the list is over.
            if words[index - 1].hasSuffix(":") { break }
            if !words[index - 1].hasSuffix(","), words[index].lowercased() == "through" {
                index += 1
                guard let last = number(), let from = named.last else { index = save; break }
                let run = Amendment.spelledOut(from, through: last)
                if let run, run.count > 1 { spelled? += run.dropFirst() } else { spelled = nil }
                named.append(last)
                continue
            }
            if words[index].lowercased() == "and" { index += 1 } else if !words[index - 1].hasSuffix(",") { break }
            guard let next = number() else { index = save; break }
            named.append(next)
            spelled?.append(next)
        }
        // One section, or a range of one, is not a list.
        guard named.count > 1 else { return nil }
        // The same section named twice: which of its steps were meant twice is not known.
        if let sections = spelled, Set(sections).count != sections.count { spelled = nil }
        let printed = TextNormalizer.trim(words[(start > 0 && ["§§", "sections"].contains(words[start - 1].lowercased()) ? start - 1 : start)..<index]
            .joined(separator: " "), also: ",:")
        return SectionList(sections: spelled, printed: printed, end: index)
    }
}
