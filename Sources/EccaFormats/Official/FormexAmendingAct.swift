import ClauseGraph

/// The amendment instructions of an EU amending act in Formex (`Regulation (EU) 2026/1744`, whose
/// Art. 1 reads "Regulation (EU) 2024/1689 is amended as follows: … (40) in Article 113, the third
/// paragraph is amended as follows: (a) point (a) is replaced by the following: …").
///
/// `cite-check` does not apply an amending act: it reads where each instruction points (an
/// article, a paragraph, an unnumbered paragraph by its ordinal, points), so that every shipped
/// provision the act changes is reported as not checked against its new wording. An instruction
/// whose target is read only down to some level (`in Article 5, the words … are replaced`) points
/// at that level, and says so; one whose target is not read at all is reported as such.
struct FormexAmendingAct: Sendable {
    /// A place in an EU act, as far as it is known: unknown levels match any.
    struct Address: Sendable, Hashable, CustomStringConvertible {
        var article: String?
        var annex: String?
        /// A numbered paragraph (`paragraph 2`, Formex `111.002`).
        var paragraph: String?
        /// An unnumbered paragraph or subparagraph by its ordinal (`the third paragraph`, Formex `113~3`).
        var subparagraph: Int?
        var points: [String] = []
        /// The units an instruction adds or inserts together with this one, at its deepest level
        /// (`1b`, `1c` with paragraph `1a`; `14b` with point `14a`): named in the description, not
        /// matched on their own, since they share this one's holders.
        var alongside: [String] = []
        /// Unnumbered subparagraphs added at the end of this place ("in Article 40(2), the following
        /// subparagraph is added"): `a subparagraph`, `subparagraphs`. The new ones are a level
        /// below the place and follow its existing subparagraphs, so they hold none of them.
        var appended: String?

        var isEmpty: Bool { article == nil && annex == nil }

        /// How many levels the place gives: a unit is held by places of fewer levels that overlap it.
        var depth: Int {
            (isEmpty ? 0 : 1) + (paragraph == nil ? 0 : 1) + (subparagraph == nil ? 0 : 1) + points.count + (appended == nil ? 0 : 1)
        }

        /// Whether a change at one of the two places changes the wording at the other: one holds
        /// the other, or they are the same (unknown levels match). Subparagraphs appended at the
        /// end of a place overlap only what holds them: what the place held before is not among them.
        func overlaps(_ other: Address) -> Bool {
            if appended != nil, other.depth >= depth { return false }
            if let article, let theirs = other.article { guard Self.bare(article) == Self.bare(theirs) else { return false } }
            else if let annex, let theirs = other.annex { guard annex.uppercased() == theirs.uppercased() else { return false } }
            else { return false }
            if let paragraph, let theirs = other.paragraph, Self.bare(paragraph) != Self.bare(theirs) { return false }
            if let subparagraph, let theirs = other.subparagraph, subparagraph != theirs { return false }
            return zip(points, other.points).allSatisfy { $0.lowercased() == $1.lowercased() }
        }

        static func bare(_ number: String) -> String {
            let stripped = String(number.drop { $0 == "0" })
            return stripped.isEmpty ? "0" : stripped.lowercased()
        }

        /// `Article 113, third paragraph, point (a)`, `Annex XI`; with the units added alongside,
        /// `Article 6(1a), (1b) and (1c)`, `Article 3, points (14a) and (14b)`, `Articles 75a and 75b`;
        /// with subparagraphs appended, `a subparagraph at the end of Article 40(2)`.
        var description: String {
            if let appended {
                var holder = self
                holder.appended = nil
                return "\(appended) at the end of \(holder)"
            }
            let others = alongside.map { Self.bare($0) }
            var parts: [String] = []
            if let article {
                if paragraph == nil, subparagraph == nil, points.isEmpty, !others.isEmpty {
                    parts.append("Articles " + ProseList.joined([Self.bare(article)] + others))
                } else {
                    let paragraphs = paragraph.map { [$0] + (subparagraph == nil && points.isEmpty ? others : []) } ?? []
                    parts.append("Article \(Self.bare(article))" + ProseList.joined(paragraphs.map { "(\(Self.bare($0)))" }))
                }
            }
            if let annex {
                let all = [annex] + (paragraph == nil && subparagraph == nil && points.isEmpty ? alongside : [])
                parts.append((all.count == 1 ? "Annex " : "Annexes ") + ProseList.joined(all))
            }
            if article == nil, let paragraph {
                let all = [Self.bare(paragraph)] + (subparagraph == nil && points.isEmpty ? others : [])
                parts.append((all.count == 1 ? "paragraph " : "paragraphs ") + ProseList.joined(all))
            }
            if let subparagraph { parts.append("\(CanonicalIDs.ordinal(subparagraph)) " + (paragraph == nil ? "paragraph" : "subparagraph")) }
            if !points.isEmpty {
                let path = points.dropLast().map { "(\($0))" }.joined()
                let all = [points.last!] + alongside
                parts.append((all.count == 1 ? "point " : "points ") + ProseList.joined(all.map { path + "(\($0))" }))
            }
            return parts.joined(separator: ", ")
        }

        init(article: String? = nil, annex: String? = nil, paragraph: String? = nil, subparagraph: Int? = nil, points: [String] = [],
             alongside: [String] = [], appended: String? = nil) {
            self.article = article
            self.annex = annex
            self.paragraph = paragraph
            self.subparagraph = subparagraph
            self.points = points
            self.alongside = alongside
            self.appended = appended
        }

        /// A shipped provision's place: its Formex locator (`113(a)`, `053.001(a)`, `113~3`, `096.001(a)~1`, `ANNEX XI`),
        /// with the unnumbered paragraph its citation names where the locator leaves it out
        /// (`113(a)`, "Art. 113, third paragraph, point (a)").
        init?(locator: String, citation: String) {
            // An annex's group or point (`ANNEX XI, Section 1, point 1(d)`) is placed at its annex:
            // instructions are read to the annex only, so any change in the annex may change it.
            if let annex = FormexAnnexLocator(locator) {
                self.init(annex: annex.number)
                return
            }
            // The subparagraph's `~N` ends the locator (`096.001(a)~1`, the import's shape: point (a) of
            // the first subparagraph); read before the points too.
            guard let match = locator.wholeMatch(of: Pattern.locator) else { return nil }
            self.init(article: String(match.1), paragraph: match.2.map(String.init), subparagraph: (match.3 ?? match.5).flatMap { Int($0) },
                      points: match.4.split(separator: ")").map { String($0.dropFirst()) })
            if subparagraph == nil, let ordinal = citation.firstMatch(of: Pattern.ordinalSubparagraphInCitation),
               let index = CanonicalIDs.ordinals.firstIndex(of: String(ordinal.1).lowercased()) {
                subparagraph = index + 1
            }
        }
    }

    struct Instruction: Sendable, Hashable {
        /// `Art. 1, point (40)(a)`.
        var place: String
        /// The instruction's own words (`point (a) is replaced by the following`), with its context
        /// (`in Article 113, the third paragraph is amended as follows`) before it.
        var text: String
        /// `replaced`, `deleted`, `added`, `inserted`, `amended`.
        var action: String
        /// Where it points; nil when not read.
        var target: Address?
        /// The target is read only down to the level it gives; the rest of the words were not read.
        var readInPart: Bool
        /// The act it amends (`2024`, `1689`).
        var amendedYear: String
        var amendedNumber: String
    }

    /// `Regulation (EU) 2026/1744`.
    var name: String
    /// `2026/1744`, as a consolidated text's list of amending acts gives it.
    var key: String?
    var date: LegalDate?
    var instructions: [Instruction]

    /// The acts amended, each once, in order (`2024/1689`).
    var amendedActs: [(year: String, number: String)] {
        var seen = Set<String>()
        return instructions.compactMap { seen.insert("\($0.amendedYear)/\($0.amendedNumber)").inserted ? ($0.amendedYear, $0.amendedNumber) : nil }
    }

    /// Nil for an act that amends nothing (no article says "… is amended as follows" or names
    /// another act's article to change), and for a consolidated text.
    init?(act: OfficialElement) {
        guard act.name == "ACT", let terms = act.first(where: { $0.name == "ENACTING.TERMS" }) else { return nil }
        let number = FormexText.documentNumber(of: act)
        let title = act.element("TITLE").map { FormexText.flatten($0) } ?? ""
        name = title.firstMatch(of: Self.actName).map { String($0.0) }
            ?? "act " + [number.year, number.number].compactMap { $0 }.joined(separator: "/")
        date = FormexText.versionDate(of: act)
        key = number.year.flatMap { year in number.number.map { "\(year)/\(Int($0) ?? 0)" } }
        var instructions: [Instruction] = []
        for article in terms.all(where: { $0.name == "ARTICLE" }, barriers: ["ARTICLE", "QUOT.S"]) {
            let label = "Art. " + Address.bare(article["IDENTIFIER"] ?? "?")
            Self.read(article, place: label, into: &instructions)
        }
        guard !instructions.isEmpty else { return nil }
        self.instructions = instructions
    }

    /// The patterns the reading matches, compiled once: a regex literal in a function is a new
    /// `Regex` at each call, compiled again each time (QA scale F11: cite-check took 1.6 s per MB of
    /// Formex). A `Regex` is not `Sendable`; these are never changed, and the program each one
    /// compiles lazily is set atomically.
    enum Pattern {
        nonisolated(unsafe) static let actName = #/(?:(?:Commission|Council) )?(?:(?:Implementing|Delegated) )?(?:Regulation|Directive|Decision) (?:\((?:EU|EC|EEC|Euratom)\) )?(?:No )?\d{4}/\d+(?:/(?:EU|EC|EEC))?/#
        nonisolated(unsafe) static let locator = #/(\d+[a-z]*)(?:\.(\d+[a-z]*))?(?:~(\d+))?((?:\([^()]+\))*)(?:~(\d+))?/#
        nonisolated(unsafe) static let ordinalSubparagraphInCitation = #/, (\w+) (?:sub)?paragraph/#
        nonisolated(unsafe) static let numberBeforeYear = #/No (\d+)/(\d{4})\b/#
        nonisolated(unsafe) static let yearBeforeNumber = #/(\d{4})/(\d+)/#
        nonisolated(unsafe) static let leadVerb = #/\b(?:is|are) (?:replaced|deleted|added|inserted|amended)/#
        nonisolated(unsafe) static let articlePlace = #/(?i)article (\d+[a-z]*)(?:\((\d+[a-z]*)\))?((?:\([a-z0-9]+\))*)/#
        nonisolated(unsafe) static let annexPlace = #/(?i)annex ([IVXLC]+[a-z]*)\b/#
        nonisolated(unsafe) static let paragraphPlace = #/(?i)paragraph (\d+[a-z]*)((?:\([a-z0-9]+\))*)/#
        nonisolated(unsafe) static let ordinalSubparagraphPlace = #/(?i)([a-z]+) (?:sub)?paragraph\b/#
        nonisolated(unsafe) static let pointPlace = #/(?i)point ((?:\([a-z0-9]+\))+)/#
        nonisolated(unsafe) static let verbAfterPlace = #/(?:is|are) (replaced|deleted|amended|added|inserted)/#
        nonisolated(unsafe) static let followingUnitsAdded = #/the following (point|paragraph|subparagraph|article|annex)(s?) (?:is |are )?(added|inserted)/#
        nonisolated(unsafe) static let anyVerb = #/\b(replaced|deleted|added|inserted)\b/#
        nonisolated(unsafe) static let parenthesisedNumber = #/\(([A-Za-z0-9]+)\)/#
        nonisolated(unsafe) static let unitNumber = #/\d+[a-z]*/#
        nonisolated(unsafe) static let annexNumber = #/(?i)annex ([IVXLC]+[a-z]*)/#
    }

    /// `Regulation (EU) 2024/1689`, `Regulation (EC) No 300/2008`, `Directive (EU) 2016/797`, `Directive 2014/90/EU`.
    static var actName: Regex<Substring> { Pattern.actName }

    /// The year and number an act's name gives (`Regulation (EU) 2024/1689` → 2024, 1689), also in
    /// the numbering before 2015, number first (`Regulation (EC) No 300/2008` → 2008, 300).
    static func yearAndNumber(_ name: Substring) -> (year: String, number: String)? {
        if let match = name.firstMatch(of: Pattern.numberBeforeYear) { return (String(match.2), String(match.1)) }
        guard let match = name.firstMatch(of: Pattern.yearBeforeNumber) else { return nil }
        return (String(match.1), String(match.2))
    }

    /// An article's instructions: a lead ("Regulation (EU) 2024/1689 is amended as follows:") with a
    /// list of points, or one instruction ("In Article 17 of Regulation (EU) 2018/1139, paragraph 1 is replaced …").
    private static func read(_ article: OfficialElement, place: String, into instructions: inout [Instruction]) {
        // The lead: the article's own words, without its heading, lists and quotations.
        for block in article.all(where: { ["ALINEA", "PARAG"].contains($0.name) }, barriers: ["QUOT.S", "LIST"]) where block.name == "ALINEA" {
            let lead = FormexText.flatten(block.removingChildren(named: ["LIST", "QUOT.S", "NO.PARAG"]))
            guard let named = lead.firstMatch(of: actName), let act = yearAndNumber(named.0) else { continue }
            let lists = block.all(where: { $0.name == "LIST" }, barriers: ["LIST", "QUOT.S"])
            if lead.contains("is amended as follows"), !lists.isEmpty {
                for list in lists {
                    for item in list.elements("ITEM") { readItem(item, context: Address(), contextText: nil, place: place + ", point ", act: act, into: &instructions) }
                }
            } else if lead.firstMatch(of: Pattern.leadVerb) != nil {
                // `In Article 17 of Regulation (EU) 2018/1139, …`: the act named after the article.
                let words = lead.replacing(" of " + named.0, with: "")
                let quotation = block.first(where: { $0.name == "QUOT.S" })
                instructions.append(instruction(words, context: Address(), contextText: nil, quotation: quotation, place: place, act: act))
            }
        }
    }

    private static func readItem(_ item: OfficialElement, context: Address, contextText: String?, place: String,
                                 act: (year: String, number: String), into instructions: inout [Instruction]) {
        let point = item.element("NP") ?? item
        let label = point.element("NO.P").map { FormexText.flatten($0) } ?? "?"
        let words = point.element("TXT").map { FormexText.flatten($0) }
            ?? FormexText.flatten(point.removingChildren(named: ["NO.P", "LIST", "QUOT.S"]))
        let here = place + label
        let lists = point.all(where: { $0.name == "LIST" }, barriers: ["LIST", "QUOT.S"])
        let quotation = point.first(where: { $0.name == "QUOT.S" }, barriers: ["LIST"])
        let read = instruction(words, context: context, contextText: contextText, quotation: quotation, place: here, act: act)
        guard !lists.isEmpty, read.action == "amended" else {
            instructions.append(read)
            return
        }
        // "in Article 113, the third paragraph is amended as follows:" gives its steps their context.
        // A lead whose place is not read gives none, and each step stands on its own words.
        let before = instructions.count
        for list in lists {
            for step in list.elements("ITEM") {
                readItem(step, context: read.target ?? context, contextText: read.text, place: here, act: act, into: &instructions)
            }
        }
        if instructions.count == before { instructions.append(read) }
    }

    /// Reads one instruction's place and action. Only the words before the action are read as its
    /// place, so that an article its new text names ("… the reference to Article 3 …") is not taken for it.
    static func instruction(_ words: String, context: Address, contextText: String?, quotation: OfficialElement?, place: String,
                            act: (year: String, number: String)) -> Instruction {
        var text = TextNormalizer.trim(words, also: ":;")
        var rest = Substring(text)
        if rest.lowercased().hasPrefix("in ") { rest = rest.dropFirst(3) }
        var target = context
        var readAny = false
        var added: String?
        // The place: components separated by commas, read while they are places.
        while true {
            rest = rest.drop { $0 == " " || $0 == "," }
            if rest.lowercased().hasPrefix("the ") && !rest.lowercased().hasPrefix("the following ") { rest = rest.dropFirst(4) }
            if let match = rest.prefixMatch(of: Pattern.articlePlace) {
                target = Address(article: String(match.1), paragraph: match.2.map(String.init),
                                 points: match.3.split(separator: ")").map { String($0.dropFirst()) })
                rest = rest[match.range.upperBound...]
            } else if let match = rest.prefixMatch(of: Pattern.annexPlace) {
                target = Address(annex: String(match.1))
                rest = rest[match.range.upperBound...]
            } else if let match = rest.prefixMatch(of: Pattern.paragraphPlace) {
                target = Address(article: target.article, annex: target.annex, paragraph: String(match.1),
                                 points: match.2.split(separator: ")").map { String($0.dropFirst()) })
                rest = rest[match.range.upperBound...]
            } else if let match = rest.prefixMatch(of: Pattern.ordinalSubparagraphPlace),
                      let index = CanonicalIDs.ordinals.firstIndex(of: String(match.1).lowercased()) {
                target.subparagraph = index + 1
                target.points = []
                rest = rest[match.range.upperBound...]
            } else if let match = rest.prefixMatch(of: Pattern.pointPlace) {
                target.points = match.1.split(separator: ")").map { String($0.dropFirst()) }
                rest = rest[match.range.upperBound...]
            } else {
                break
            }
            readAny = true
        }
        rest = rest.drop { $0 == " " || $0 == "," }
        let lower = rest.lowercased()
        var action = "amended"
        var whole = false
        if let match = lower.prefixMatch(of: Pattern.verbAfterPlace) {
            action = String(match.1)
            whole = true
        } else if let match = lower.prefixMatch(of: Pattern.followingUnitsAdded) {
            // The new units' numbers are the quotation's: `(d)`, `4.`, `Article 4a`; every one is
            // named (`1a`, `1b` and `1c`), the first is the place.
            action = String(match.3)
            whole = true
            readAny = readAny || !context.isEmpty
            let labels = quotation.map { quoted in Self.labels(of: String(match.1), in: quoted) } ?? []
            added = labels.first
            // A new article or annex is a place of its own, read from the quotation (point (6) of
            // 2026/1744: "the following Article is inserted", Article 4a, with no article before it).
            readAny = readAny || (added != nil && ["article", "annex"].contains(String(match.1)))
            switch (String(match.1), added) {
            case ("point", let label?): target.points.append(label)
            case ("paragraph", let label?): target.paragraph = label; target.subparagraph = nil; target.points = []
            case ("article", let label?): target = Address(article: label)
            case ("annex", let label?): target = Address(annex: label)
            case ("subparagraph", _) where action == "added" && target.subparagraph == nil:
                // Added at the end of the place, after its existing subparagraphs, which it does
                // not change (an inserted one renumbers those after it: not read below the place).
                target.appended = match.2.isEmpty ? "a subparagraph" : "subparagraphs"
            default: whole = false
            }
            if whole, target.appended == nil { target.alongside = Array(labels.dropFirst()) }
        } else if let match = lower.firstMatch(of: Pattern.anyVerb) {
            action = String(match.1)
        }
        if let contextText { text = contextText + ": " + text }
        // Words that name no place of their own ("paragraphs 2 and 3 are replaced", "the title is
        // replaced") still sit in their context's place ("Article 97 is amended as follows:"): read
        // down to it, so that what it holds is a finding, never a pass (QA amend7 #2).
        let known = (readAny || !context.isEmpty) && !target.isEmpty
        return Instruction(place: place, text: text, action: action, target: known ? target : nil,
                           readInPart: known && (!whole || !readAny), amendedYear: act.year, amendedNumber: act.number)
    }

    /// The numbers of the units a quotation adds, in order: each point's `NO.P` (`d`), each
    /// paragraph's `IDENTIFIER` or `NO.PARAG` (`4`), each article's `IDENTIFIER` or `TI.ART` (`4a`),
    /// an annex's number. Only the quotation's own units count, not those inside them (a new
    /// point's subpoints, a new article's paragraphs); empty when the first has no number.
    static func labels(of unit: String, in quotation: OfficialElement) -> [String] {
        switch unit {
        case "point":
            func label(_ number: OfficialElement) -> String? {
                FormexText.flatten(number).firstMatch(of: Pattern.parenthesisedNumber).map { String($0.1) }
            }
            guard let first = quotation.first(where: { $0.name == "NO.P" }).flatMap(label) else { return [] }
            // The items of the quotation's first list, when the first point is its first item (a
            // point quoted outside a list has its own subpoints in the first list: not counted).
            let items = quotation.first(where: { $0.name == "LIST" })?.elements("ITEM").map { ($0.element("NP") ?? $0).element("NO.P").flatMap(label) } ?? []
            guard items.first == first, !items.contains(nil) else { return [first] }
            return items.compactMap { $0 }
        case "paragraph":
            let paragraphs = quotation.all(where: { $0.name == "PARAG" }, barriers: ["PARAG"])
            let identifiers = paragraphs.compactMap { paragraph in
                paragraph["IDENTIFIER"].flatMap { identifier in identifier.firstIndex(of: ".").map { String(identifier[identifier.index(after: $0)...]) } }
            }
            if !identifiers.isEmpty, identifiers.count == paragraphs.count { return identifiers }
            return quotation.first(where: { $0.name == "NO.PARAG" }).flatMap { FormexText.flatten($0).firstMatch(of: Pattern.unitNumber).map { String($0.0) } }.map { [$0] } ?? []
        case "article":
            let articles = quotation.all(where: { $0.name == "ARTICLE" }, barriers: ["ARTICLE"])
            let identifiers = articles.compactMap { $0["IDENTIFIER"] }
            if !identifiers.isEmpty, identifiers.count == articles.count { return identifiers }
            return quotation.first(where: { $0.name == "TI.ART" }).flatMap { FormexText.flatten($0).firstMatch(of: Pattern.unitNumber).map { String($0.0) } }.map { [$0] } ?? []
        case "annex":
            return quotation.first(where: { $0.name == "TI" }).flatMap { FormexText.flatten($0).firstMatch(of: Pattern.annexNumber).map { String($0.1) } }.map { [$0] } ?? []
        default:
            return []
        }
    }
}
