/// The object (or passive subject) of one verb of an amendment instruction, read word by word:
/// what it acts on, where a redesignation or transfer goes, and where an addition is placed.
///
/// A phrase is read only when every word of it is accounted for (FORMATS.md §2.2): a paragraph
/// path the grammar does not place, a `§§` range, a table entry or a trailing clause it does not
/// know makes the whole phrase unread, so that an instruction is never taken for something
/// broader ("remove § 64.2016" for "Remove § 64.2016(c)(2)") or narrower than it says.
struct AmendmentPhrase: Sendable, Hashable {
    var targets: [Amendment.Target] = []
    /// "paragraph (g)" in "as paragraph (g)"; "subpart E" in "to subpart E".
    var destination: String?
    /// "after ECCN 4E001", "in alphabetical order", "as the sixth entry".
    var position: String?

    /// Reads `text`; nil when a word is left that the grammar cannot place. `scope` is the unit
    /// the instruction works in ("In § 52.2020, the table in paragraph (c) is amended by …").
    static func read(_ text: String, scope: Amendment.Target?, part: String?, verb: Amendment.Verb?) -> AmendmentPhrase? {
        var parser = Parser(tokens: Token.split(text), scope: scope, part: part, verb: verb)
        return parser.phrase()
    }

    // MARK: - Tokens

    enum Token: Hashable {
        /// A word as printed (compared lower-cased).
        case word(String)
        /// `(a)(2)(ii)(B)( 3 )` → `["a", "2", "ii", "B", "3"]`.
        case path([String])
        case quote(String)
        /// `§` or `§§`.
        case sign(plural: Bool)
        case comma, semicolon, colon, period

        var lower: String? { if case .word(let word) = self { word.lowercased() } else { nil } }

        var printed: String {
            switch self {
            case .word(let word): word
            case .path(let labels): "(" + labels.joined(separator: ")(") + ")"
            case .quote(let text): "“\(text)”"
            case .sign(let plural): plural ? "§§" : "§"
            case .comma: ","
            case .semicolon: ";"
            case .colon: ":"
            case .period: "."
            }
        }

        static func split(_ text: String) -> [Token] {
            var tokens: [Token] = []
            let characters = Array(text)
            var index = 0
            var word = ""
            func flush() {
                guard !word.isEmpty else { return }
                // A sentence's last period is punctuation; "No." and section numbers keep theirs.
                if word.hasSuffix("."), word.count > 1, word.lowercased() != "no." {
                    tokens.append(.word(String(word.dropLast())))
                    tokens.append(.period)
                } else if word == "." {
                    tokens.append(.period)
                } else {
                    tokens.append(.word(word))
                }
                word = ""
            }
            while index < characters.count {
                let character = characters[index]
                switch character {
                case " ", "\t", "\n":
                    flush()
                case ",", ";", ":":
                    flush()
                    tokens.append(character == "," ? .comma : character == ";" ? .semicolon : .colon)
                case "“":
                    flush()
                    var quoted = ""
                    index += 1
                    while index < characters.count, characters[index] != "”" { quoted.append(characters[index]); index += 1 }
                    // An unclosed or nested quotation is left as a word no rule reads.
                    tokens.append(index < characters.count && !quoted.contains("“") ? .quote(quoted) : .word("“" + quoted))
                case "§":
                    flush()
                    let plural = index + 1 < characters.count && characters[index + 1] == "§"
                    if plural { index += 1 }
                    tokens.append(.sign(plural: plural))
                case "(":
                    flush()
                    var labels: [String] = []
                    var cursor = index
                    while cursor < characters.count, characters[cursor] == "(" {
                        guard let close = characters[cursor...].firstIndex(of: ")") else { break }
                        let label = String(characters[(cursor + 1)..<close].filter { !$0.isWhitespace })
                        guard !label.isEmpty, label.count <= 4, label.allSatisfy({ $0.isLetter || $0.isNumber }) else { break }
                        labels.append(label)
                        cursor = close + 1
                    }
                    if labels.isEmpty {
                        word.append(character)
                    } else {
                        tokens.append(.path(labels))
                        index = cursor
                        continue
                    }
                default:
                    word.append(character)
                }
                index += 1
            }
            flush()
            return tokens
        }
    }

    // MARK: - Parser

    private struct Parser {
        let tokens: [Token]
        let scope: Amendment.Target?
        let part: String?
        let verb: Amendment.Verb?
        var index = 0
        /// The Entity List country the entries that follow are under.
        var under: String?
        /// "sixth" in "adding a sixth entry for “X”": where the entry goes, kept with the position.
        var ordinal: String?

        init(tokens: [Token], scope: Amendment.Target?, part: String?, verb: Amendment.Verb?) {
            self.tokens = tokens
            self.scope = scope
            self.part = part
            self.verb = verb
        }

        var atEnd: Bool { index >= tokens.count }
        var current: Token? { index < tokens.count ? tokens[index] : nil }

        func word(at offset: Int = 0) -> String? {
            index + offset < tokens.count ? tokens[index + offset].lower : nil
        }

        /// Consumes the words `sequence` (lower case) when they come next.
        mutating func take(_ sequence: String...) -> Bool {
            for (offset, expected) in sequence.enumerated() where word(at: offset) != expected { return false }
            index += sequence.count
            return true
        }

        mutating func takeSeparator() -> Bool {
            switch current {
            case .comma?, .semicolon?, .colon?, .period?: index += 1; return true
            case .word(let word)? where ["and", "or", "also"].contains(word.lowercased()): index += 1; return true
            default: return false
            }
        }

        // MARK: Phrase

        mutating func phrase() -> AmendmentPhrase? {
            var result = AmendmentPhrase()
            // Two targets with nothing between them ("paragraph (f) paragraph (g)") are not a list.
            var separated = true
            // An "under <country>" must be followed by the entries it places.
            var countryWithoutEntries = false
            while !atEnd {
                if takeSeparator() { separated = true; continue }
                if filler() { separated = false; continue }
                if let country = country() {
                    guard separated, !countryWithoutEntries else { return nil }
                    under = country
                    countryWithoutEntries = true
                    continue
                }
                if let position = position() {
                    // "under CHINA, …, in alphabetical order, …; and under RUSSIA, in alphabetical order, …"
                    guard result.position == nil || result.position == position else { return nil }
                    result.position = position
                    // "add alphabetically definitions for …", "adding in alphabetical order an entry
                    // for …": the placement stands before its target.
                    if !Self.orders.contains(position) { separated = false }
                    continue
                }
                if let destination = destination() {
                    guard result.destination == nil else { return nil }
                    result.destination = destination
                    separated = false
                    continue
                }
                guard separated, let targets = targets() else { return nil }
                // Only entries sit under a country, and only in a supplement (the Entity List).
                if under != nil, !targets.allSatisfy({ $0.kind == .entry }) { return nil }
                if !targets.isEmpty { countryWithoutEntries = false }
                result.targets += targets
                separated = false
            }
            guard !countryWithoutEntries else { return nil }
            if let ordinal { result.position = ["as the \(ordinal) entry", result.position].compactMap { $0 }.joined(separator: ", ") }
            return result
        }

        /// Positions that name an order rather than a neighbour; they may stand before their target.
        static let orders: Set<String> = ["alphabetically", "in alphabetical order", "in numerical order"]

        /// "a sixth entry for": EPA's tables of approved state rules (e.g. 40 CFR 52.385, 89 FR 9771)
        /// say which entry an addition becomes.
        static let ordinals = Set(CanonicalIDs.ordinals + ["last"])

        /// "under CHINA, PEOPLE’S REPUBLIC OF," and "under RUSSIA,": the country heading of the
        /// Entity List (Supplement No. 4 to part 744) that entries are added under. The name is in
        /// capitals or title case ("of", "and", "the" excepted), and may hold commas; it needs a
        /// supplement in context. Without commas around it ("removing under RUSSIA the entry for
        /// …") the name ends before a lower-case "the", "of" or "and" that no capitalised word
        /// follows: that word begins the object, not the name.
        mutating func country() -> String? {
            guard word() == "under", scope?.kind == .appendix else { return nil }
            let start = index
            index += 1
            // "under the destination of RUSSIA": BIS's way of naming the same heading.
            _ = take("the", "destination", "of")
            var name = ""
            let connectors: Set<String> = ["of", "and", "the"]
            func isNameWord(_ token: Token?) -> Bool {
                guard case .word(let word)? = token, !connectors.contains(word.lowercased()) else { return false }
                // Not the words that end the name: "in alphabetical order", "entries for".
                return word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || "’'-.".contains($0) }
            }
            func isName(at position: Int) -> Bool {
                guard position < tokens.count, case .word(let word) = tokens[position] else { return false }
                guard connectors.contains(word.lowercased()) else { return isNameWord(tokens[position]) }
                guard !name.isEmpty else { return false }
                // "REPUBLIC OF" in capitals is the name's own; "Bosnia and Herzegovina", "Republic
                // of the Congo" go on to a name word.
                if word == word.uppercased() { return true }
                var next = position + 1
                while next < tokens.count, let lower = tokens[next].lower, connectors.contains(lower) { next += 1 }
                return next < tokens.count && isNameWord(tokens[next])
            }
            while true {
                if isName(at: index), case .word(let word)? = current {
                    name += (name.isEmpty ? "" : " ") + word
                    index += 1
                } else if current == .comma, !name.isEmpty, index + 1 < tokens.count, isNameWord(tokens[index + 1]) {
                    name += ","
                    index += 1
                } else {
                    break
                }
            }
            guard !name.isEmpty else { index = start; return nil }
            return name
        }

        /// "to read as follows", and "unchanged" after "remains".
        mutating func filler() -> Bool {
            take("to", "read", "as", "follows") || take("as", "follows") || (verb == .restate && take("unchanged"))
        }

        /// "after ECCN 4E001", "before the entry for “X”", "in alphabetical order", "alphabetically".
        mutating func position() -> String? {
            if take("in", "alphabetical", "order") { return "in alphabetical order" }
            if take("in", "numerical", "order") { return "in numerical order" }
            if take("alphabetically") { return "alphabetically" }
            guard let preposition = word(), preposition == "after" || preposition == "before" else { return nil }
            let start = index
            index += 1
            let save = index
            if let targets = targets(), targets.count == 1 {
                return printed(from: start)
            }
            index = save - 1
            return nil
        }

        /// "as paragraph (g)", "as paragraphs (c) through (f)" (redesignations); "to subpart E".
        mutating func destination() -> String? {
            let start = index
            if verb == .redesignate, take("as") {
                let from = index
                _ = take("new")
                if word() == "paragraph" || word() == "paragraphs" { index += 1 }
                guard case .path? = current, !pathList(section: nil).isEmpty else { index = start; return nil }
                return printed(from: from)
            }
            if word() == "to", word(at: 1) == "subpart" || word(at: 1) == "part" {
                index += 1
                let from = index
                guard unit() != nil else { index = start; return nil }
                return printed(from: from)
            }
            return nil
        }

        func printed(from start: Int) -> String {
            var text = ""
            for token in tokens[start..<index] {
                switch token {
                case .comma, .semicolon, .colon, .period: text += token.printed
                default: text += (text.isEmpty ? "" : " ") + token.printed
                }
            }
            return TextNormalizer.trim(text, also: ",;:.")
        }

        // MARK: Targets

        /// One target, or a list of them sharing a keyword ("paragraphs (c) and (d)").
        mutating func targets() -> [Amendment.Target]? {
            let start = index
            while take("the") || take("a") || take("an") || take("new") || take("existing") || take("newly", "redesignated") {}
            let section = scope?.section
            if take("introductory", "text") {
                return [Amendment.Target(kind: .introductoryText, section: section)]
            }
            if take("section", "heading") {
                return [Amendment.Target(kind: .heading, section: section)]
            }
            if take("heading") {
                if take("to") || take("of") || take("for") {
                    if take("paragraph"), case .path(let labels)? = current {
                        index += 1
                        return [Amendment.Target(kind: .heading, section: section, paragraph: Self.path(labels))]
                    }
                    if let sections = sectionReference(), sections.count == 1, sections[0].kind == .section {
                        return [Amendment.Target(kind: .heading, section: sections[0].section)]
                    }
                    if let unit = unit() { return [Amendment.Target(kind: .heading, detail: unit.detail)] }
                    index = start
                    return nil
                }
                guard section != nil else { index = start; return nil }
                return [Amendment.Target(kind: .heading, section: section)]
            }
            if take("definition") || take("definitions") {
                _ = take("of") || take("for")
                let terms = quotes()
                guard !terms.isEmpty else { index = start; return nil }
                return terms.map { Amendment.Target(kind: .definition, section: section, detail: $0) }
            }
            if take("authority", "citation") {
                if take("for") {
                    guard let unit = unit(), unit.kind == .part else { index = start; return nil }
                    return [Amendment.Target(kind: .authority, detail: unit.detail)]
                }
                return [Amendment.Target(kind: .authority, detail: part.map { "part \($0)" })]
            }
            if take("table") {
                var name = "table"
                if case .word(let number)? = current, number.first?.isNumber == true { name += " " + number; index += 1 }
                var paragraph = scope?.paragraph
                if take("in", "paragraph") || take("to", "paragraph") || take("of", "paragraph") {
                    guard case .path(let labels)? = current else { index = start; return nil }
                    index += 1
                    paragraph = Self.path(labels)
                }
                return [Amendment.Target(kind: .table, section: section, paragraph: paragraph, detail: name)]
            }
            // "the following new airworthiness directive" (14 CFR 39.13 lists the FAA's ADs): set out
            // after the instruction, in the section in context; "(AD)" or "AD" abbreviates it.
            if take("following", "new", "airworthiness", "directive") || take("following", "airworthiness", "directive")
                || take("following", "new", "ad") {
                if case .path(let labels)? = current, labels == ["AD"] { index += 1 }
                guard let section else { index = start; return nil }
                return [Amendment.Target(kind: .other, section: section, detail: "a new airworthiness directive", within: "§ \(section)")]
            }
            // "Airworthiness Directive (AD) 2023-01-02, Amendment 39-22301 (88 FR 1000, January 5,
            // 2023)": the AD a superseding one removes, cited whole as the FAA cites it.
            if word() == "airworthiness" || word() == "ad" {
                guard let cited = supersededAD(), let section else { index = start; return nil }
                return [Amendment.Target(kind: .other, section: section, detail: cited, within: "§ \(section)")]
            }
            if let number = word(), Self.ordinals.contains(number), word(at: 1) == "entry", word(at: 2) == "for", ordinal == nil {
                ordinal = number
                index += 1
            }
            if take("entry", "for") || take("entries", "for") {
                var names = quotes()
                if names.isEmpty { names = eccns().map { "ECCN \($0)" } }
                guard !names.isEmpty else { index = start; return nil }
                let within = scope.map { $0.description + (under.map { ", under \($0)" } ?? "") }
                return names.map { Amendment.Target(kind: .entry, section: section, paragraph: scope?.paragraph, detail: $0, within: within) }
            }
            // "Note 3 to Category 5—Part 2", "Note 1 to ECCN 4E091": a note of the CCL (§ 742.15(a)(1)
            // cites the first); the category or ECCN names it, the supplement is the scope.
            if word() == "note", index + 1 < tokens.count, case .word(let number) = tokens[index + 1], number.allSatisfy(\.isNumber),
               word(at: 2) == "to" {
                index += 3
                var owner: String?
                if take("category"), case .word(let first)? = current {
                    var name = "Category " + first
                    index += 1
                    if first.hasSuffix("—Part"), case .word(let partNumber)? = current { name += " " + partNumber; index += 1 }
                    owner = AmendmentGrammar.categoryName(name)
                } else if take("eccn"), case .word(let eccn)? = current, AmendmentPhrase.isECCN(eccn) {
                    owner = "ECCN \(eccn)"
                    index += 1
                }
                guard let owner else { index = start; return nil }
                return [Amendment.Target(kind: .note, detail: "Note \(number) to \(owner)", within: scope?.description)]
            }
            if word() == "eccn" || word() == "eccns" {
                index += 1
                let numbers = eccns()
                guard !numbers.isEmpty else { index = start; return nil }
                return numbers.map { Amendment.Target(kind: .eccn, detail: "ECCN \($0)", within: scope?.description) }
            }
            if var unit = unit() {
                // "subpart V, consisting of §§ 64.2100 through 64.2110"
                if unit.kind == .subpart {
                    let save = index
                    if current == .comma { index += 1 }
                    if take("consisting", "of"), let sections = sectionReference(), sections.count == 1,
                       sections[0].kind == .sectionRange || sections[0].kind == .section {
                        unit.section = sections[0].section
                        unit.through = sections[0].through
                    } else {
                        index = save
                    }
                }
                return [unit]
            }
            if let sections = sectionReference() { return sections }
            if take("paragraph") || take("paragraphs") {
                var found = pathList(section: section)
                guard !found.isEmpty else { index = start; return nil }
                // "Amend Appendix A to Part 70 under “Connecticut” by adding paragraph (b)": a
                // paragraph of an appendix is placed by the appendix.
                if section == nil, let scope, scope.kind == .appendix, !scope.isUnderACountry {
                    for offset in found.indices { found[offset].within = scope.description }
                }
                // "paragraphs (a) and (b) of § 64.2020", "paragraph (a) of this section"
                if take("of", "this", "section") { return found }
                let save = index
                if take("of") || take("in") {
                    if let sections = sectionReference(), sections.count == 1, sections[0].kind == .section,
                       sections[0].paragraph == nil {
                        for offset in found.indices { found[offset].section = sections[0].section }
                        return found
                    }
                    index = save
                }
                return found
            }
            index = start
            return nil
        }

        /// "Airworthiness Directive (AD) 2023-01-02, Amendment 39-22301 (88 FR 1000, January 5,
        /// 2023)", or "AD 2023-01-02, …": the AD number, then optionally its amendment number of
        /// part 39 and the Federal Register page and date that published it. What follows the
        /// number must read whole, or nothing is read. As the FAA cites it: "AD 2023-01-02,
        /// Amendment 39-22301 (88 FR 1000, January 5, 2023)".
        mutating func supersededAD() -> String? {
            guard take("airworthiness", "directive") || take("ad") else { return nil }
            if case .path(let labels)? = current, labels == ["AD"] { index += 1 }
            func digits(_ text: Substring) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
            // `2023-01-02`, and before 2000 `96-12-05`.
            guard case .word(let number)? = current, case let pieces = number.split(separator: "-", omittingEmptySubsequences: false),
                  pieces.count == 3, [2, 4].contains(pieces[0].count), pieces.allSatisfy(digits) else { return nil }
            index += 1
            var cited = "AD \(number)"
            if current == .comma, index + 2 < tokens.count, tokens[index + 1].lower == "amendment" {
                guard case .word(let amendment) = tokens[index + 2], case let pieces = amendment.split(separator: "-", omittingEmptySubsequences: false),
                      pieces.count == 2, pieces[0] == "39", digits(pieces[1]) else { return nil }
                index += 3
                cited += ", Amendment \(amendment)"
            }
            // "(88 FR 1000, January 5, 2023)", split as "(88" "FR" "1000" "," "January" "5" "," "2023)".
            if case .word(let open)? = current, open.hasPrefix("(") {
                guard index + 7 < tokens.count, digits(open.dropFirst()), tokens[index + 1].lower == "fr",
                      case .word(let page) = tokens[index + 2], digits(Substring(page)), tokens[index + 3] == .comma,
                      case .word(let month) = tokens[index + 4], case .word(let day) = tokens[index + 5], digits(Substring(day)),
                      tokens[index + 6] == .comma, case .word(let close) = tokens[index + 7], close.hasSuffix(")"),
                      digits(close.dropLast()), close.count == 5,
                      case let date = "\(month) \(day), \(close.dropLast())", USDates.first(in: date) != nil else { return nil }
                index += 8
                cited += " (\(open.dropFirst()) FR \(page), \(date))"
            }
            return cited
        }

        /// `§ 64.2016`, `§ 64.2016(c)(2)`, `§§ 64.2010 through 64.2015`, `§§ 1.1 and 1.2`,
        /// "Sections 64.2010 and 64.2011", "section 309.15".
        mutating func sectionReference() -> [Amendment.Target]? {
            let start = index
            switch current {
            case .sign?: index += 1
            case .word(let word)? where ["section", "sections"].contains(word.lowercased()): index += 1
            default: return nil
            }
            guard let first = sectionNumber() else { index = start; return nil }
            if case .path? = current {
                let paragraphs = pathList(section: first)
                return paragraphs
            }
            if take("through") {
                if case .sign? = current { index += 1 }
                guard let last = sectionNumber(), Amendment.spell(first, through: last).count != 2 || Self.ascending(first, last)
                else { index = start; return nil }
                return [Amendment.Target(kind: .sectionRange, section: first, through: last)]
            }
            var numbers = [first]
            while true {
                let save = index
                var separated = false
                while current == .comma || word() == "and" { index += 1; separated = true }
                if case .sign? = current { index += 1 }
                if separated, let next = sectionNumber() { numbers.append(next) } else { index = save; break }
            }
            return numbers.map { Amendment.Target(kind: .section, section: $0) }
        }

        /// `1006.215`, `165.T11-157`: digits first, with a period.
        mutating func sectionNumber() -> String? {
            guard case .word(let number)? = current, number.first?.isNumber == true, number.contains("."),
                  number.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "–" }) else { return nil }
            index += 1
            return number
        }

        /// "subpart V", "appendix A to part 50", "Supplement No. 1 to part 774", "part 64", "chapter III".
        mutating func unit() -> Amendment.Target? {
            let start = index
            guard let keyword = word() else { return nil }
            func name() -> String? {
                guard case .word(let name)? = current, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else { return nil }
                index += 1
                return name
            }
            func toPart() -> String? {
                guard take("to", "part"), let number = name() else { return nil }
                return number
            }
            let printedKeyword: String = if case .word(let printed)? = current { printed } else { keyword }
            switch keyword {
            case "subpart", "part", "chapter":
                index += 1
                guard let name = name() else { index = start; return nil }
                let kind: Amendment.Target.Kind = keyword == "subpart" ? .subpart : keyword == "part" ? .part : .chapter
                return Amendment.Target(kind: kind, detail: "\(keyword) \(name)")
            case "appendix":
                index += 1
                guard let name = name() else { index = start; return nil }
                let part = toPart()
                return Amendment.Target(kind: .appendix, detail: "\(printedKeyword) \(name)" + (part.map { " to part \($0)" } ?? ""))
            case "supplement":
                index += 1
                guard take("no."), let number = name(), let part = toPart() else { index = start; return nil }
                return Amendment.Target(kind: .appendix, detail: "\(printedKeyword) No. \(number) to part \(part)")
            default:
                return nil
            }
        }

        /// Paragraph paths with their lists and ranges, short forms completed from the path before
        /// them ("(a)(2)(iv) and (v)" → `(a)(2)(v)`), each optionally "introductory text".
        mutating func pathList(section: String?) -> [Amendment.Target] {
            var found: [Amendment.Target] = []
            var previous: [String] = []
            while case .path(let labels)? = current {
                index += 1
                let full = AmendmentGrammar.complete(labels, after: previous)
                previous = full
                let introductory = take("introductory", "text")
                found.append(Amendment.Target(kind: introductory ? .introductoryText : .paragraph, section: section, paragraph: Self.path(full)))
                if !introductory, word() == "through", index + 1 < tokens.count, case .path(let last) = tokens[index + 1] {
                    index += 2
                    let through = AmendmentGrammar.complete(last, after: full)
                    previous = through
                    found[found.count - 1].kind = .paragraphRange
                    found[found.count - 1].through = Self.path(through)
                }
                // The list goes on: ", (b)", "and (c)", ", and paragraphs (d)".
                let save = index
                var separated = false
                while current == .comma || word() == "and" { index += 1; separated = true }
                if separated, word() == "paragraph" || word() == "paragraphs", index + 1 < tokens.count, case .path = tokens[index + 1] { index += 1 }
                guard separated, case .path? = current else { index = save; break }
            }
            return found
        }

        /// “A”, “B”, and “C”.
        mutating func quotes() -> [String] {
            var found: [String] = []
            while case .quote(let text)? = current {
                index += 1
                // US style sets the list's comma inside the closing quote: “Data center,” names
                // the term "Data center".
                found.append(text.hasSuffix(",") ? String(text.dropLast()) : text)
                let save = index
                while current == .comma || word() == "and" { index += 1 }
                guard case .quote? = current else { index = save; break }
            }
            return found
        }

        /// `4E091`, `3A090 and 4A090`: an ECCN is a digit, a capital letter and three digits.
        mutating func eccns() -> [String] {
            var found: [String] = []
            while case .word(let number)? = current, AmendmentPhrase.isECCN(number) {
                index += 1
                found.append(number)
                let save = index
                while current == .comma || word() == "and" { index += 1 }
                if word() == "eccn" { index += 1 }
                guard case .word(let next)? = current, AmendmentPhrase.isECCN(next) else { index = save; break }
            }
            return found
        }

        /// A range given backwards ("§§ 64.2015 through 64.2010") is not read.
        static func ascending(_ first: String, _ last: String) -> Bool {
            let a = first.split(separator: "."), b = last.split(separator: ".")
            guard a.count == 2, b.count == 2, a[0] == b[0], let low = Int(a[1]), let high = Int(b[1]) else { return true }
            return low < high
        }

        static func path(_ labels: [String]) -> String { "(" + labels.joined(separator: ")(") + ")" }
    }

    static func isECCN(_ text: String) -> Bool {
        let characters = Array(text)
        return characters.count == 5 && characters[0].isNumber && characters[1].isUppercase && characters[1].isLetter
            && characters[2...].allSatisfy(\.isNumber)
    }
}
