import ClauseGraph

/// Reads Federal Register amendment instructions (`AMDPAR`), which are English prose
/// (FORMATS.md §2.2): "5. In § 1006.205, revise paragraph (a)(9) to read as follows:",
/// "b. Removing paragraphs (a)(2)(iv) and (v).", "2. Effective March 13, 2024, the heading for
/// subpart U is revised …".
///
/// It finds the instruction's number, its own timing, the section in context (from the
/// instruction or from a lead-in such as "In § 1006.215:"), and one action per verb with its
/// targets. Paragraph lists are completed ("(a)(2)(iv) and (v)" → `(a)(2)(v)`), ranges kept
/// ("(f) through (h)"). What it cannot read comes back with no actions, for the caller to report.
public struct AmendmentGrammar: Sendable {
    public init() {}

    /// Reads one instruction. `scope` is the lead-in's target for lettered steps.
    public func read(_ printed: String, title: String? = nil, part: String? = nil, scope inherited: Amendment.Target? = nil) -> Amendment {
        let text = TextNormalizer.collapse(printed)
        var rest = Substring(text)
        let number = Self.number(&rest)
        var timing: String?
        var effective: LegalDate?
        Self.timing(&rest, timing: &timing, effective: &effective)
        let opening = Opening(number: number, timing: timing, effective: effective, text: text, title: title, part: part)
        if let subject = PluralSubject.read(&rest) { return Self.readEach(subject, rest: rest, opening: opening) }
        var scope = inherited
        var leadIn: Amendment.Target?
        if let found = Self.context(&rest) {
            scope = found.target
            if found.leadIn { leadIn = found.target }
        }
        return Self.body(rest, scope: scope, leadIn: leadIn, opening: opening).amendment
    }

    /// What an instruction says before its context: its number, its own timing, and the text and
    /// CFR title and part that every reading of it carries.
    private struct Opening {
        var number: String
        var timing: String?
        var effective: LegalDate?
        var text: String
        var title: String?
        var part: String?
    }

    /// The instruction after its context (`scope`, and `leadIn` when that context only leads in),
    /// with the words of each step as printed (`ReadActions.printed`).
    private static func body(_ rest: Substring, scope: Amendment.Target?, leadIn: Amendment.Target?,
                             opening: Opening) -> (amendment: Amendment, steps: [String]) {
        var rest = rest, scope = scope, leadIn = leadIn
        var timing = opening.timing, effective = opening.effective
        let (number, text, title, part) = (opening.number, opening.text, opening.title, opening.part)
        // "In Supplement No. 1 to part 774, Category 4, add ECCN 4E091 …": the category narrows it.
        if let unit = scope, unit.kind == .appendix, let category = Self.category(&rest) {
            scope?.detail = (unit.detail ?? "") + ", " + category
            if leadIn != nil || rest.trimmingCharacters().isEmpty { leadIn = scope }
        }
        // "Under CANADA, by adding …", "Under CHINA, PEOPLE'S REPUBLIC OF:": a step of the Entity
        // List works under a country heading of the supplement in context.
        if let unit = scope, unit.kind == .appendix, let found = Self.country(&rest) {
            scope?.detail = (unit.detail ?? "") + ", under " + found.country
            if found.leadIn { leadIn = scope }
        }
        // "In § 1006.230, in paragraph (f), remove …": the paragraph narrows the context.
        if rest.lowercased().hasPrefix("in paragraph"), let comma = rest.firstIndex(of: ","),
           let path = Self.paragraphPaths(in: String(rest[..<comma])).first {
            scope = Amendment.Target(kind: .paragraph, section: scope?.section, paragraph: path.path)
            rest = rest[rest.index(after: comma)...].drop { $0 == " " }
        }
        // "the table in paragraph (c) is amended by …", "Amend part 64 by …", "Appendix A to part 64 is amended by …".
        if let found = Self.amendedUnit(&rest, scope: scope, part: part) {
            scope = found.target
            if found.leadIn { leadIn = found.target }
        }
        let read = Self.actions(in: String(rest), scope: scope, part: part)
        var unaccounted = read.unaccounted
        if let own = read.timing {
            if timing == nil { (timing, effective) = (own.text, own.date) } else { unaccounted.append(own.text) }
        }
        // The instruction's timing when every step has its own dates none of them: which did it mean?
        if let timing, read.actions.count > 1, read.actions.allSatisfy({ $0.timing != nil }) { unaccounted.append(timing) }
        if read.actions.isEmpty, unaccounted.isEmpty, leadIn == nil, let scope, rest.trimmingCharacters().isEmpty || rest.hasPrefix(":") {
            leadIn = scope
        }
        if let leadIn, read.actions.isEmpty, unaccounted.isEmpty {
            return (Amendment(number: number, title: title, part: part, actions: [], effective: effective, timing: timing,
                              text: text, scope: leadIn), [])
        }
        var amendment = Amendment(number: number, title: title, part: part, actions: read.actions, effective: effective, timing: timing,
                                  text: text, scope: nil)
        amendment.unaccounted = unaccounted
        return (amendment, read.printed)
    }

    // MARK: - Several sections

    /// An instruction whose subject names several sections ("Sections 734.3 and 734.4 are amended
    /// by revising paragraph (a) in each"): its steps are read in each section named, and each
    /// target is that section's, one per section (`§ 734.3(a), § 734.4(a)`), so that every section
    /// is reached. A step that does not read the same in each (it names a section of its own: "paragraph
    /// (b) of § 734.3"; or a unit no section holds: an appendix, the authority citation) could
    /// belong to one section or to all, and the instruction is not understood, with that step's
    /// words; so is a lead-in naming several sections, and a range that cannot be spelled out.
    private static func readEach(_ subject: PluralSubject, rest: Substring, opening: Opening) -> Amendment {
        var unread = Amendment(number: opening.number, title: opening.title, part: opening.part, actions: [], effective: opening.effective,
                               timing: opening.timing, text: opening.text, scope: nil)
        unread.unaccounted = [subject.printed]
        guard let sections = subject.sections, !subject.leadIn else { return unread }
        let rest = PluralSubject.withoutDistributive(rest)
        let readings = sections.map { body(rest, scope: Amendment.Target(kind: .section, section: $0), leadIn: nil, opening: opening) }
        var merged = readings[0].amendment
        guard !merged.isLeadIn else { return unread }
        for reading in readings.dropFirst() {
            for words in reading.amendment.unaccounted where !merged.unaccounted.contains(words) { merged.unaccounted.append(words) }
        }
        // Not understood, no step is given a target: those read would be one section's, not all of them.
        func untargeted(_ amendment: Amendment) -> Amendment {
            var amendment = amendment
            for step in amendment.actions.indices { amendment.actions[step].targets = [] }
            return amendment
        }
        guard merged.isUnderstood, readings.allSatisfy({ $0.amendment.actions.count == merged.actions.count }) else { return untargeted(merged) }
        for step in merged.actions.indices {
            let own = zip(sections, readings).map { section, reading in (section, reading.amendment.actions[step]) }
            let shape = own.map { section, action in action.targets.allSatisfy { $0.section == section } ? inSomeSection(action, section) : nil }
            if shape.contains(nil) || Set(shape).count != 1 {
                merged.unaccounted.append(readings[0].steps[step])
                continue
            }
            merged.actions[step].targets = own.flatMap(\.1.targets)
        }
        return merged.isUnderstood ? merged : untargeted(merged)
    }

    /// `action` with the section it was read in (`section`) taken out of its targets, to compare
    /// its readings in several sections.
    private static func inSomeSection(_ action: Amendment.Action, _ section: String) -> Amendment.Action {
        var action = action
        action.targets = action.targets.map { target in
            var target = target
            target.section = nil
            let named = "§ \(section)"
            if let within = target.within, within.hasPrefix(named), within.dropFirst(named.count).first.map({ "(,".contains($0) }) ?? true {
                target.within = "§ …" + within.dropFirst(named.count)
            }
            return target
        }
        return action
    }

    // MARK: - Prefixes

    /// `7.`, `7a.`, `b.` at the start.
    static func number(_ rest: inout Substring) -> String {
        var index = rest.startIndex
        var token = ""
        while index < rest.endIndex, rest[index].isLetter || rest[index].isNumber, token.count < 4 {
            token.append(rest[index])
            index = rest.index(after: index)
        }
        guard !token.isEmpty, index < rest.endIndex, rest[index] == "." else { return "" }
        // A letter step is one or two letters, a roman sub-step (`iii.`, `viii.`) up to four; a
        // number step starts with a digit.
        guard token.first!.isNumber || token.count <= 2 || token.allSatisfy({ "ivx".contains($0) }) else { return "" }
        rest = rest[rest.index(after: index)...].drop { $0 == " " }
        return token
    }

    /// "Effective March 13, 2024, …", "Delayed indefinitely, …", "Under the authority … , …".
    static func timing(_ rest: inout Substring, timing: inout String?, effective: inout LegalDate?) {
        let lower = rest.lowercased()
        if lower.hasPrefix("effective ") {
            // Through the comma after the year.
            let words = rest.split(separator: " ", omittingEmptySubsequences: true)
            var consumed = 0
            var prefix = ""
            for word in words {
                prefix += (prefix.isEmpty ? "" : " ") + word
                consumed += 1
                if word.count == 5, word.hasSuffix(","), Int(word.dropLast()) != nil { break }
                if consumed > 8 { return }
            }
            // "Effective <Month> <day>, <year>," and nothing else; otherwise the words stay unread.
            guard consumed == 4, USDates.first(in: prefix) != nil else { return }
            timing = String(prefix.dropLast())
            effective = USDates.first(in: prefix)
            rest = rest.dropFirst(prefix.count).drop { $0 == " " }
        } else if lower.hasPrefix("delayed indefinitely") {
            timing = "Delayed indefinitely"
            rest = rest.dropFirst("delayed indefinitely".count).drop { $0 == "," || $0 == " " }
        } else if lower.hasPrefix("under the authority"), let close = rest.firstIndex(of: ")") {
            rest = rest[rest.index(after: close)...].drop { $0 == "," || $0 == " " }
        }
    }

    /// The section (or appendix, part) an instruction works in, and whether the instruction is only
    /// a lead-in for steps that follow ("In § 1006.215:", "Section 309.130 is amended by:").
    static func context(_ rest: inout Substring) -> (target: Amendment.Target, leadIn: Bool)? {
        let text = String(rest)
        let lower = text.lowercased()
        // "In § X, …" / "In § X:" / "In §§ X and Y, …"
        if lower.hasPrefix("in §") {
            guard let (section, end) = sectionNumber(in: text, from: text.index(text.startIndex, offsetBy: 2)) else { return nil }
            var after = text[end...].drop { $0 == " " }
            let leadIn = after.hasPrefix(":") || after.isEmpty
            after = after.drop { $0 == "," || $0 == ":" || $0 == " " }
            rest = after
            return (Amendment.Target(kind: .section, section: section), leadIn)
        }
        // "The FAA amends § 39.13 by …": an agency as the subject, read as "Amend § 39.13 by …".
        if lower.hasPrefix("the "), let amends = text.range(of: " amends § "), agencyName(text[text.index(text.startIndex, offsetBy: 4)..<amends.lowerBound]) {
            var restated = Substring("Amend § " + text[amends.upperBound...])
            if let found = context(&restated) {
                rest = restated
                return found
            }
        }
        // "Section X is amended by …", "§ X is amended by …", "Amend § X by …"
        for opener in ["section ", "§ ", "amend § ", "amending § ", "amend section "] where lower.hasPrefix(opener) {
            guard let (section, end) = sectionNumber(in: text, from: text.index(text.startIndex, offsetBy: opener.count - (opener.hasSuffix("§ ") ? 2 : 0))) else { continue }
            let after = text[end...]
            let afterLower = after.lowercased()
            for link in [" is amended by", " by", " are amended by", " is amended"] where afterLower.hasPrefix(link) {
                let remaining = after.dropFirst(link.count).drop { $0 == " " || $0 == ":" }
                rest = remaining
                let leadIn = after.dropFirst(link.count).trimmingCharacters().hasPrefix(":") || remaining.isEmpty
                return (Amendment.Target(kind: .section, section: section), leadIn)
            }
        }
        // "In appendix A to part 50, …", "In Supplement No. 1 to part 774, …", "In part 165, …"
        if lower.hasPrefix("in "), let comma = text.firstIndex(where: { $0 == "," || $0 == ":" }) {
            let unit = String(text[text.index(text.startIndex, offsetBy: 3)..<comma])
            let unitLower = unit.lowercased()
            let kind: Amendment.Target.Kind? = unitLower.hasPrefix("appendix") || unitLower.hasPrefix("supplement") ? .appendix
                : unitLower.hasPrefix("part ") ? .part : unitLower.hasPrefix("subpart") ? .subpart : nil
            // The unit must read whole ("Supplement No. 1 to part 774"), not just start like one.
            if let kind, let phrase = AmendmentPhrase.read(unit, scope: nil, part: nil, verb: nil),
               phrase.targets.count == 1, phrase.targets[0].kind == kind, phrase.destination == nil, phrase.position == nil {
                let leadIn = text[comma] == ":"
                rest = text[text.index(after: comma)...].drop { $0 == " " }
                return (phrase.targets[0], leadIn)
            }
        }
        return nil
    }

    /// "FAA", "Coast Guard", "EPA": an agency's short name, one to four capitalised words.
    static func agencyName(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        return (1...4).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "." } }
    }

    /// "Under CANADA, by …" or "Under CHINA, PEOPLE'S REPUBLIC OF:" at the start: the country
    /// heading of the Entity List, in capitals as the list prints it or title case, as the phrase
    /// reader takes it (commas, "of", "and", "the" inside), and whether the step is only a lead-in
    /// for sub-steps.
    static func country(_ rest: inout Substring) -> (country: String, leadIn: Bool)? {
        guard rest.lowercased().hasPrefix("under ") else { return nil }
        let text = rest.dropFirst("under ".count)
        let name: Substring
        let after: Substring
        let leadIn: Bool
        if let by = text.range(of: ", by ") {
            name = text[..<by.lowerBound]
            after = text[by.upperBound...]
            leadIn = false
        } else if text.hasSuffix(":") {
            name = text.dropLast()
            after = ""
            leadIn = true
        } else {
            return nil
        }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "," })
        guard let first = words.first, !["of", "and", "the"].contains(first.lowercased()), words.allSatisfy({ word in
            ["of", "and", "the"].contains(word.lowercased())
                || (word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || "’'-.".contains($0) })
        }) else { return nil }
        rest = after
        return (String(name), leadIn)
    }

    /// `§ 1006.215`, `§§ 1006.370`, `section 309.15`: the number after the sign, from `start`.
    static func sectionNumber(in text: String, from start: String.Index) -> (String, String.Index)? {
        var index = start
        while index < text.endIndex, text[index] == "§" || text[index] == " " { index = text.index(after: index) }
        if text[index...].lowercased().hasPrefix("section ") { index = text.index(index, offsetBy: 8) }
        var number = ""
        while index < text.endIndex, text[index].isNumber || text[index].isLetter || text[index] == "." || text[index] == "-" || text[index] == "–" {
            number.append(text[index])
            index = text.index(after: index)
        }
        while let last = number.last, last == "." || last == "-" {
            number.removeLast()
            index = text.index(before: index)
        }
        guard number.first?.isNumber == true, number.contains(".") else { return nil }
        return (number, index)
    }

    // MARK: - Context inside the sentence

    /// "Category 4," after "In Supplement No. 1 to part 774,".
    static func category(_ rest: inout Substring) -> String? {
        guard rest.lowercased().hasPrefix("category "), let comma = rest.firstIndex(where: { $0 == "," || $0 == ":" }),
              let name = categoryName(String(rest[..<comma])) else { return nil }
        rest = rest[rest.index(after: comma)...].drop { $0 == " " }
        return name
    }

    /// A category of the Commerce Control List as the EAR names it: `Category 4`, and the two
    /// parts of Category 5, `Category 5—Part 2` (§ 742.15(a)(1): "Note 3 to Category 5—Part 2").
    static func categoryName(_ text: String) -> String? {
        let name = TextNormalizer.trim(text)
        guard name.lowercased().hasPrefix("category ") else { return nil }
        let rest = Array(name.dropFirst("category ".count))
        guard let digit = rest.first, digit.isASCII, digit.isNumber else { return nil }
        if rest.count == 1 { return name }
        // "5—Part 2": an em dash, the word and the part's number.
        let part = String(rest.dropFirst())
        guard part.hasPrefix("—Part "), part.count == 7, let number = part.last, number.isASCII, number.isNumber else { return nil }
        return name
    }

    /// "supplement no. 1 to part 774, Category 4," → ("supplement no. 1 to part 774", "Category 4"):
    /// the subject of "Amend … by" may name the category of the Commerce Control List it works in.
    static func splitCategory(_ subject: String) -> (unit: String, category: String?) {
        let trimmed = TextNormalizer.trim(subject, also: ",")
        guard let comma = trimmed.range(of: ", Category ", options: .backwards) else { return (subject, nil) }
        let unit = String(trimmed[..<comma.lowerBound])
        let name = String(trimmed[trimmed.index(after: comma.lowerBound)...])
        guard let category = categoryName(name) else { return (subject, nil) }
        return (unit, category)
    }

    /// "Appendix A to Part 70 under “Connecticut”" → ("Appendix A to Part 70", "under “Connecticut”"):
    /// an appendix printed under headings (40 CFR part 70, appendix A, lists each State's program)
    /// is amended under one of them (89 FR 9771, FR Doc. 2024-02700, instruction 5).
    static func splitHeading(_ subject: String) -> (unit: String, heading: String?) {
        let trimmed = TextNormalizer.trim(subject, also: ",")
        guard trimmed.hasSuffix("”"), let under = trimmed.range(of: " under “", options: .backwards),
              !trimmed[under.upperBound...].dropLast().contains(where: { $0 == "“" || $0 == "”" }) else { return (subject, nil) }
        return (TextNormalizer.trim(String(trimmed[..<under.lowerBound]), also: ","), String(trimmed[trimmed.index(after: under.lowerBound)...]))
    }

    /// The unit an instruction amends when it names it as the subject ("the table in paragraph (c)
    /// is amended by removing …") or after "Amend" ("Amend part 64 by adding …"): it must read as
    /// exactly one target.
    static func amendedUnit(_ rest: inout Substring, scope: Amendment.Target?, part: String?) -> (target: Amendment.Target, leadIn: Bool)? {
        let words = rest.split(separator: " ", omittingEmptySubsequences: true)
        let depths = quoteDepths(words)
        var subject: Range<Int>?
        var after = 0
        // "amended" as EPA once printed it: "In § 52.385 amended Table 52.385 by adding …" (89 FR 9771).
        if words.first?.lowercased() == "amend" || words.first?.lowercased() == "amended" {
            if let by = words.indices.dropFirst().first(where: { depths[$0] == 0 && ["by", "by:"].contains(words[$0].lowercased()) }) {
                subject = 1..<by
                after = by + 1
            }
        } else if let amended = words.indices.dropFirst().first(where: { index in
            depths[index] == 0 && ["is", "are"].contains(words[index - 1].lowercased()) && words[index].lowercased() == "amended"
                && index + 1 < words.count && ["by", "by:"].contains(words[index + 1].lowercased())
        }) {
            subject = 0..<(amended - 1)
            after = amended + 2
        } else if words.count >= 3, words[words.count - 1].lowercased() == "amended:", depths[words.count - 1] == 0,
                  ["is", "are"].contains(words[words.count - 2].lowercased()) {
            // "Supplement No. 4 to part 744 is amended:", lettered steps follow.
            subject = 0..<(words.count - 2)
            after = words.count
        }
        guard let subject, !subject.isEmpty else { return nil }
        // "Amend supplement no. 1 to part 774, Category 4, by …": the category narrows a supplement;
        // "Amend Appendix A to Part 70 under “Connecticut” by …": a heading narrows an appendix.
        let (named, heading) = splitHeading(words[subject].joined(separator: " "))
        let (unit, category) = splitCategory(named)
        guard let phrase = AmendmentPhrase.read(unit, scope: scope, part: part, verb: nil),
              phrase.targets.count == 1, phrase.destination == nil, phrase.position == nil,
              category == nil && heading == nil || phrase.targets[0].kind == .appendix else { return nil }
        let leadIn = words[after - 1].hasSuffix(":") || after >= words.count
        rest = Substring(words[min(after, words.count)...].joined(separator: " "))
        var target = phrase.targets[0]
        for narrowing in [category, heading].compactMap({ $0 }) { target.detail = (target.detail ?? "") + ", " + narrowing }
        if target.section == nil, target.kind != .appendix, target.kind != .part, target.kind != .subpart { target.section = scope?.section }
        return (target, leadIn)
    }

    /// For each word, whether it is inside a quotation (“…”) or opens one.
    static func quoteDepths<S: StringProtocol>(_ words: [S]) -> [Int] {
        var depth = 0
        return words.map { word in
            let opens = word.filter { $0 == "“" }.count
            let closes = word.filter { $0 == "”" }.count
            let inside = depth > 0 || opens > 0 ? 1 : 0
            depth = max(0, depth + opens - closes)
            return inside
        }
    }

    // MARK: - Actions

    private static let verbs: [String: Amendment.Verb] = [
        "add": .add, "adding": .add, "added": .add,
        "revise": .revise, "revising": .revise, "revised": .revise,
        "remove": .remove, "removing": .remove, "removed": .remove,
        "redesignate": .redesignate, "redesignating": .redesignate, "redesignated": .redesignate,
        "reserve": .reserve, "reserving": .reserve, "reserved": .reserve,
        "transfer": .transfer, "transferring": .transfer, "transferred": .transfer,
        "suspend": .suspend, "suspending": .suspend, "suspended": .suspend,
        "continues": .restate, "continue": .restate, "remains": .restate, "remain": .restate,
    ]
    private static let passive: Set<String> = ["added", "revised", "removed", "redesignated", "reserved", "transferred", "suspended"]
    /// Verbs whose subject comes first without "is"/"are": "continues to read", "remains unchanged".
    private static let intransitive: Set<String> = ["continues", "continue", "remains", "remain"]

    /// What `actions(in:)` read: the actions, a timing for the whole instruction found after the
    /// verbs ("…, effective July 1, 2025."), and the words it could not account for.
    struct ReadActions {
        var actions: [Amendment.Action] = []
        var timing: (text: String, date: LegalDate?)?
        var unaccounted: [String] = []
        /// The words of each action's step as printed, its joiner and timings left out.
        var printed: [String] = []
    }

    /// One verb (or a verb pair read as one: "remove and reserve", "remove … and add in its place …").
    private struct Clause {
        var verb: Amendment.Verb
        var first: Int
        var end: Int
        var passive: Bool
        /// The "add" of a word-level replacement.
        var added: Int?
        var subject: Range<Int> = 0..<0
        var object: Range<Int> = 0..<0
    }

    /// One action per verb, in order; the words between verbs are each verb's object (or, for a
    /// passive verb, its subject). Verbs inside quotations (“…”) are words, not instructions.
    static func actions(in text: String, scope: Amendment.Target?, part: String?) -> ReadActions {
        var result = ReadActions()
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let timings = Self.timings(&words)
        let depths = quoteDepths(words)
        var positions: [(index: Int, verb: Amendment.Verb, word: String)] = []
        for (index, word) in words.enumerated() where depths[index] == 0 {
            let bare = word.lowercased().filter { $0.isLetter }
            guard let verb = verbs[bare] else { continue }
            // "newly redesignated paragraph (d)" is not a verb, nor "[Reserved]".
            if index > 0, words[index - 1].lowercased() == "newly" { continue }
            if bare == "reserved", word.hasPrefix("[") { continue }
            positions.append((index, verb, bare))
        }
        // Verbs, with "remove and reserve" and word replacements joined.
        var clauses: [Clause] = []
        var offset = 0
        while offset < positions.count {
            let position = positions[offset]
            let isPassive = (passive.contains(position.word) && position.index > 0 && ["is", "are", "be"].contains(words[position.index - 1].lowercased()))
                || intransitive.contains(position.word)
            var clause = Clause(verb: position.verb, first: position.index, end: position.index + 1, passive: isPassive)
            if offset + 1 < positions.count {
                let next = positions[offset + 1]
                let nextEnd = offset + 2 < positions.count ? positions[offset + 2].index : words.count
                if position.verb == .remove, next.verb == .reserve, next.index == position.index + 2 {
                    clause.verb = .removeAndReserve
                    clause.end = next.index + 1
                    offset += 1
                } else if position.verb == .remove, next.verb == .add,
                          words[next.index..<nextEnd].joined(separator: " ").lowercased().contains(" in its place")
                            || words[next.index..<nextEnd].joined(separator: " ").lowercased().contains(" in their place") {
                    clause.verb = .replaceText
                    clause.added = next.index
                    clause.end = next.index + 1
                    offset += 1
                }
            }
            clauses.append(clause)
            offset += 1
        }
        guard !clauses.isEmpty else {
            if !words.isEmpty { result.unaccounted.append(words.joined(separator: " ")) }
            return result
        }
        // Where each clause starts: an active verb right after the last one's object; a passive
        // one's subject after the first ", and", "; and", ", but" or "," that lets both sides read.
        if clauses[0].passive {
            clauses[0].subject = 0..<clauses[0].first
        } else if !words[0..<clauses[0].first].allSatisfy(isSeparator), words[0..<clauses[0].first].map({ $0.lowercased() }) != ["by"] {
            // A step's "By revising …" after a lead-in ("b. Under CHINA, …:" then "i. By revising …") is read.
            result.unaccounted.append(words[0..<clauses[0].first].joined(separator: " "))
        }
        for index in clauses.indices {
            let end = index + 1 < clauses.count ? clauses[index + 1].first : words.count
            guard index + 1 < clauses.count, clauses[index + 1].passive else {
                clauses[index].object = clauses[index].end..<(index + 1 < clauses.count ? joinedBy(before: end, words: words, after: clauses[index].end) : end)
                continue
            }
            var candidates: [(objectEnd: Int, subjectStart: Int)] = []
            for split in clauses[index].end..<end {
                let before = words[split - 1]
                guard before.hasSuffix(",") || before.hasSuffix(";") else { continue }
                if ["and", "but"].contains(words[split].lowercased()) { candidates.append((split, split + 1)) } else { candidates.append((split, split)) }
            }
            let chosen = candidates.first { candidate in
                var trial = clauses[index]
                trial.object = trial.end..<candidate.objectEnd
                var next = clauses[index + 1]
                next.subject = candidate.subjectStart..<next.first
                return action(trial, words: words, scope: scope, part: part) != nil
                    && action(next, words: words, scope: scope, part: part) != nil
            } ?? candidates.first ?? (clauses[index].end, clauses[index].end)
            clauses[index].object = clauses[index].end..<chosen.objectEnd
            clauses[index + 1].subject = chosen.subjectStart..<clauses[index + 1].first
        }
        for clause in clauses {
            let range = (clause.passive ? clause.subject.lowerBound : clause.first)..<max(clause.object.upperBound, clause.end)
            result.printed.append(trimJoiner(words[range].joined(separator: " ")))
            if let action = action(clause, words: words, scope: scope, part: part) {
                result.actions.append(action)
            } else {
                result.actions.append(Amendment.Action(verb: clause.verb, targets: []))
                result.unaccounted.append(words[range].joined(separator: " "))
            }
        }
        for (timing, owner) in zip(timings, owners(of: timings, in: clauses, words: words)) {
            switch owner {
            case .instruction:
                if result.timing == nil { result.timing = (timing.text, timing.date) } else { result.unaccounted.append(timing.text) }
            case .action(let index):
                result.actions[index].timing = timing.text
                result.actions[index].effective = timing.date
            case .unclear:
                result.unaccounted.append(timing.text)
            }
        }
        return result
    }

    /// Whom a timing after the first verb qualifies.
    private enum TimingOwner: Hashable {
        /// The whole instruction.
        case instruction
        /// One action, by its index among the clauses.
        case action(Int)
        /// It could belong to one action or to more: the instruction is not understood.
        case unclear
    }

    /// A timing belongs to the step it introduces, set off after a conjunction or a semicolon
    /// before the step's verb or subject ("revise … and, effective D, remove …": the removal
    /// only); to the action it follows ("remove … effective D, and revise …"); before every verb,
    /// or at the very end when set off by a comma or after the only action, to the whole
    /// instruction. At the very end of several steps each of the others dated by its own, it is
    /// the last step's ("revising …, effective D1, and removing …, effective D2": the removal
    /// takes effect on D2, not the revision). Set off by commas between two steps with nothing to
    /// join them ("revise …, effective D, remove …"), at the end of several steps only some of
    /// whose others are dated, or not set off at the end of several undated ones, or
    /// introducing a step that untimed steps follow ("…and, effective D, remove … and add …": the
    /// removal, or both?), it could belong to either, and the grammar does not pick.
    private static func owners(of timings: [Timing], in clauses: [Clause], words: [String]) -> [TimingOwner] {
        /// Where a clause starts: a passive verb's subject, or an active verb with the "by" that
        /// may stand before it ("…, and, effective D, by removing …").
        func start(_ clause: Clause) -> Int {
            if clause.passive { return clause.subject.lowerBound }
            return clause.first > 0 && isBy(words[clause.first - 1]) ? clause.first - 1 : clause.first
        }
        func closes(_ timing: Timing) -> Bool { timing.at >= words.count || words[timing.at...].allSatisfy(isSeparator) }
        var owners: [TimingOwner] = timings.map { timing in
            guard let before = clauses.lastIndex(where: { $0.first < timing.at }) else { return .instruction }
            if before + 1 < clauses.count, timing.at == start(clauses[before + 1]) {
                if timing.joined { return .action(before + 1) }
                return timing.setOff ? .unclear : .action(before)
            }
            // Between the "by" of a step and its verb ("… and by, effective D, removing …"): inside
            // that step, when a conjunction or semicolon before the "by" opens it.
            if before + 1 < clauses.count, timing.at == clauses[before + 1].first, timing.at > start(clauses[before + 1]) {
                let opener = start(clauses[before + 1]) - 1
                return opener >= 0 && (isSeparator(words[opener]) || words[opener].hasSuffix(";")) ? .action(before + 1) : .unclear
            }
            if before == clauses.count - 1, closes(timing) {
                return clauses.count == 1 || timing.setOff ? .instruction : .unclear
            }
            return .action(before)
        }
        // Closing several steps whose others are each dated by a timing of their own, a timing is
        // the last step's; when only some of them are, it may be the last step's or the undated ones' too.
        let last = clauses.count - 1
        for (index, timing) in timings.enumerated() where clauses.count > 1 && closes(timing) && timing.at > clauses[last].first {
            let others = owners.enumerated().filter { $0.offset != index && $0.element != .instruction }.map(\.element)
            guard !others.isEmpty else { continue }
            owners[index] = others.count == last && Set(others) == Set((0..<last).map(TimingOwner.action)) ? .action(last) : .unclear
        }
        // A step that a timing introduces is its only one when the step after it has a timing of its own.
        for (index, timing) in timings.enumerated() {
            guard case .action(let step) = owners[index], step + 1 < clauses.count,
                  let before = clauses.lastIndex(where: { $0.first < timing.at }), before + 1 == step else { continue }
            if !owners.contains(.action(step + 1)) { owners[index] = .unclear }
        }
        return owners
    }

    /// Where the object before an active verb ends: before the "by" of "revising … and by removing
    /// …" (the Document Drafting Handbook's "is amended by revising … and by adding …"), which
    /// repeats the "by" of "is amended by" and names nothing; `end` otherwise.
    private static func joinedBy(before end: Int, words: [String], after start: Int) -> Int {
        guard end - 2 >= start, isBy(words[end - 1]) else { return end }
        let joiner = words[end - 2]
        return ["and", "but"].contains(TextNormalizer.trim(joiner.lowercased(), also: ",;")) || joiner.hasSuffix(";") ? end - 1 : end
    }

    private static func isBy(_ word: String) -> Bool { TextNormalizer.trim(word.lowercased(), also: ",") == "by" }

    private static func isSeparator(_ word: String) -> Bool {
        let bare = TextNormalizer.trim(word.lowercased(), also: ",;:.")
        return bare.isEmpty || ["and", "also", "but"].contains(bare)
    }

    /// A timing found among the verbs: where it stood in the words left, what it says, and what
    /// came before it.
    struct Timing {
        var at: Int
        var text: String
        var date: LegalDate?
        /// A comma before it: "…, effective …".
        var setOff: Bool
        /// A conjunction or a semicolon before it ("… and, effective …", "…; effective …"): it opens what follows.
        var joined: Bool
    }

    /// "effective May 13, 2025" and "until further notice" after a verb: taken out of `words`, with
    /// the place they stood and what came before them.
    static func timings(_ words: inout [String]) -> [Timing] {
        var found: [Timing] = []
        let depths = quoteDepths(words)
        var index = 0
        var output: [String] = []
        while index < words.count {
            let lower = words[index].lowercased()
            var length = 0
            var text = ""
            var date: LegalDate?
            if depths[index] == 0, lower == "effective", index + 3 < words.count,
               let first = USDates.first(in: words[(index + 1)...(index + 3)].joined(separator: " ")) {
                length = 4
                date = first
                text = "effective " + TextNormalizer.trim(words[(index + 1)...(index + 3)].joined(separator: " "), also: ",;:.")
            } else if depths[index] == 0, lower == "until", index + 2 < words.count,
                      words[index + 1].lowercased() == "further", TextNormalizer.trim(words[index + 2].lowercased(), also: ",;:.") == "notice" {
                length = 3
                text = "until further notice"
            }
            guard length > 0 else {
                output.append(words[index])
                index += 1
                continue
            }
            let previous = output.last ?? ""
            let setOff = previous.hasSuffix(",")
            let joined = previous.hasSuffix(";") || isSeparator(previous)
            // The punctuation after the date still separates what follows.
            let trailing = String(words[index + length - 1].reversed().prefix { ",;:.".contains($0) }.reversed())
            if !trailing.isEmpty, !output.isEmpty { output[output.count - 1] = TextNormalizer.trim(output[output.count - 1], also: ",") + trailing }
            found.append(Timing(at: output.count, text: text, date: date, setOff: setOff, joined: joined))
            index += length
        }
        words = output
        return found
    }

    /// The action of one clause, or nil when a word of it cannot be accounted for.
    private static func action(_ clause: Clause, words: [String], scope: Amendment.Target?, part: String?) -> Amendment.Action? {
        var subject = Array(words[clause.subject])
        while let last = subject.last, ["is", "are", "be"].contains(last.lowercased()) { subject.removeLast() }
        let object = words[clause.object].joined(separator: " ")
        if clause.verb == .replaceText, let added = clause.added {
            let removed = words[(clause.first + 1)..<added].joined(separator: " ")
            return replaceText(removing: removed, adding: object, scope: scope, part: part).flatMap { $0.targets.allSatisfy(\.isPlaced) ? $0 : nil }
        }
        let trimmed = TextNormalizer.trim(object, also: ",;.:")
        if clause.verb == .add || clause.verb == .remove, !clause.passive, let edit = wordEdit(verb: clause.verb, object: trimmed, scope: scope, part: part) {
            return edit.targets.isEmpty || !edit.targets.allSatisfy(\.isPlaced) ? nil : edit
        }
        if clause.verb == .add, !clause.passive, let sentences = sentenceAddition(object: trimmed, scope: scope, part: part) {
            return sentences.targets.isEmpty || !sentences.targets.allSatisfy(\.isPlaced) ? nil : sentences
        }
        guard let read = AmendmentPhrase.read(object, scope: scope, part: part, verb: clause.verb) else { return nil }
        var targets = read.targets
        if clause.passive {
            guard read.targets.isEmpty else { return nil }
            if !subject.isEmpty {
                guard let named = AmendmentPhrase.read(subject.joined(separator: " "), scope: scope, part: part, verb: clause.verb),
                      named.destination == nil, named.position == nil else { return nil }
                targets = named.targets
            }
        }
        // A verb with nothing after it ("… to read as follows: Revise") names no target; the
        // section in context would be a guess far broader than the text. Nor can a paragraph,
        // definition or table be placed without the section it is in.
        guard !targets.isEmpty, targets.allSatisfy(\.isPlaced) else { return nil }
        // A redesignation or transfer that does not say where to is only half read.
        if clause.verb == .redesignate || clause.verb == .transfer, read.destination == nil { return nil }
        return Amendment.Action(verb: clause.verb, targets: targets, destination: read.destination, position: read.position)
    }

    /// "Adding the word “and” at the end of paragraph (a)(5)", "removing the word “revise” in the
    /// second sentence": the words, and where (a paragraph, or a place kept as printed).
    static func wordEdit(verb: Amendment.Verb, object: String, scope: Amendment.Target?, part: String?) -> Amendment.Action? {
        let lower = object.lowercased()
        let textObjects = ["the word", "the words", "the citation", "the citations", "the phrase", "the reference", "the references",
                           "the semicolon", "the semicolons", "the period", "the periods", "the number", "the date", "the term"]
        guard textObjects.contains(where: { lower.hasPrefix($0) }) else { return nil }
        guard let (quote, remainder, named) = textObject(object) else {
            return Amendment.Action(verb: .replaceText, targets: [])
        }
        let (targets, position) = location(remainder, scope: scope, part: part) ?? ([], nil)
        guard !named || isAtTheEnd(position) else { return Amendment.Action(verb: .replaceText, targets: []) }
        return Amendment.Action(verb: .replaceText, targets: targets,
                                removedText: verb == .remove ? quote : nil, addedText: verb == .add ? quote : nil, position: position)
    }

    static func replaceText(removing object: String, adding added: String, scope: Amendment.Target?, part: String?) -> Amendment.Action? {
        // "… and add in its place the citation “Y”", "… and adding periods in their places"; the
        // "and" that joins the next verb ("…, and adding paragraph (b)(2)(iv)") is no part of it.
        var addedPhrase = trimJoiner(added)
        for place in ["in its place", "in their places", "in their place"] {
            if addedPhrase.lowercased().hasPrefix(place) { addedPhrase = TextNormalizer.trim(String(addedPhrase.dropFirst(place.count))); break }
            if addedPhrase.lowercased().hasSuffix(place) { addedPhrase = TextNormalizer.trim(String(addedPhrase.dropLast(place.count))); break }
        }
        guard let (removed, removedRest, removedNamed) = textObject(trimJoiner(object)),
              let (addedText, addedRest, addedNamed) = textObject(addedPhrase) else { return nil }
        // Where: after the removed words ("the citation “X” in paragraph (f)"), or after the added
        // ones ("the phrase “X” and adding in its place the phrase “Y” in paragraph (a)"), not both.
        let removedPlace = TextNormalizer.trim(removedRest, also: ",;.:"), addedPlace = TextNormalizer.trim(addedRest, also: ",;.:")
        guard removedPlace.isEmpty || addedPlace.isEmpty,
              let (targets, position) = location(removedPlace.isEmpty ? addedPlace : removedPlace, scope: scope, part: part),
              !targets.isEmpty, !(removedNamed || addedNamed) || isAtTheEnd(position) else { return nil }
        return Amendment.Action(verb: .replaceText, targets: targets, removedText: removed, addedText: addedText, position: position)
    }

    /// Punctuation and a last "and" or "but" that joins the next verb, taken off the end.
    static func trimJoiner(_ text: String) -> String {
        var words = TextNormalizer.trim(text, also: ",;.:").split(separator: " ").map(String.init)
        while let last = words.last, ["and", "but"].contains(last.lowercased()) {
            words.removeLast()
            if let end = words.last { words[words.count - 1] = TextNormalizer.trim(end, also: ",;") }
        }
        return TextNormalizer.trim(words.joined(separator: " "), also: ",;.:")
    }

    /// "adding a sentence at the end of paragraph (a)(1)", "adding two sentences at the beginning of
    /// § 744.1(b)": the sentences and the paragraph they go in, which must be named.
    static func sentenceAddition(object: String, scope: Amendment.Target?, part: String?) -> Amendment.Action? {
        let lower = object.lowercased()
        let counts = ["a new sentence", "new sentences", "a sentence", "sentences", "two sentences", "two new sentences", "three sentences"]
        guard let count = counts.first(where: { lower.hasPrefix($0 + " ") }) else { return nil }
        let after = lower.dropFirst(count.count + 1)
        guard let place = ["at the end of ", "at the beginning of "].first(where: { after.hasPrefix($0) }) else {
            return Amendment.Action(verb: .add, targets: [])
        }
        let rest = String(object.dropFirst(count.count + 1 + place.count))
        guard let read = AmendmentPhrase.read(rest, scope: scope, part: part, verb: .add), !read.targets.isEmpty,
              read.destination == nil, read.position == nil else { return Amendment.Action(verb: .add, targets: []) }
        return Amendment.Action(verb: .add, targets: read.targets,
                                portion: String(object.prefix(count.count)) + " " + place.dropLast(" of ".count))
    }

    /// The words a word-level edit removes or adds, and what follows them: "the citation “X” from
    /// …" → ("X", "from …"). Only quoted words are text; a mark of punctuation may be named instead
    /// ("the semicolons at the ends of …" → (";", "at the ends of …"), `named`), and any other
    /// unquoted word is nil: "removing the semicolons" never removes the word "semicolons".
    static func textObject(_ text: String) -> (text: String, rest: String, named: Bool)? {
        if let open = text.firstIndex(of: "“") {
            let lead = text[..<open].lowercased().split(separator: " ")
            guard lead.count <= 2, lead.first.map({ $0 == "the" }) ?? true,
                  let close = text[open...].firstIndex(of: "”") else { return nil }
            let quoted = String(text[text.index(after: open)..<close])
            guard !quoted.isEmpty, !quoted.contains("“") else { return nil }
            return (quoted, String(text[text.index(after: close)...]), false)
        }
        var words = text.split(separator: " ").map(String.init)
        if let article = words.first?.lowercased(), ["the", "a"].contains(article) { words.removeFirst() }
        guard let noun = words.first?.lowercased(), let mark = punctuationMarks[noun] else { return nil }
        return (mark, words.dropFirst().joined(separator: " "), true)
    }

    /// Marks of punctuation an instruction names rather than quotes ("removing the period … and
    /// adding a semicolon in its place"), and the mark each name stands for.
    private static let punctuationMarks: [String: String] = [
        "period": ".", "periods": ".", "semicolon": ";", "semicolons": ";", "comma": ",", "commas": ",", "colon": ":", "colons": ":",
    ]

    /// Whether a word-level edit's place is the end of its paragraphs ("at the end of paragraph
    /// (a)(5)", "at the ends of paragraphs …", or "at the end" of the paragraph in context): the only
    /// place where a mark named, not quoted, says which mark of the paragraph is meant.
    static func isAtTheEnd(_ position: String?) -> Bool {
        position == "at the end" || position == "at the ends"
    }

    /// Where a word-level edit applies: "at the end of paragraph (a)(5)", "from paragraphs (b) and
    /// (c)" (targets), or a place the grammar keeps as printed ("in the second sentence") in the
    /// unit in context. Nil when it names something it cannot place.
    static func location(_ text: String, scope: Amendment.Target?, part: String?) -> (targets: [Amendment.Target], position: String?)? {
        let words = TextNormalizer.trim(text, also: ",;.:").split(separator: " ").map(String.init)
        let stripped = words.last?.lowercased() == "and" ? Array(words.dropLast()) : words
        guard !stripped.isEmpty else { return scope.map { ([$0], nil) } }
        if let keyword = stripped.firstIndex(where: { ["paragraph", "paragraphs"].contains($0.lowercased()) }) {
            let lead = stripped[..<keyword].joined(separator: " ").lowercased()
            guard ["", "at the end of", "at the ends of", "in", "from", "of", "to"].contains(lead),
                  let read = AmendmentPhrase.read(stripped[keyword...].joined(separator: " "), scope: scope, part: part, verb: .replaceText),
                  !read.targets.isEmpty, read.destination == nil, read.position == nil else { return nil }
            // "at the end of paragraph (a)(5)": the place in the paragraph is part of what is read.
            return (read.targets, lead.hasPrefix("at the end") ? String(lead.dropLast(" of".count)) : nil)
        }
        let place = stripped.joined(separator: " ")
        let lower = place.lowercased()
        let places = ["in the ", "at the end", "at the beginning", "each place", "wherever ", "where it appears", "where they appear"]
        guard let scope, places.contains(where: { lower.hasPrefix($0) }), !place.contains("§"), !place.contains("("),
              !place.contains("“"), !lower.contains("paragraph") else { return nil }
        return ([scope], place)
    }

    /// Texts between “ and ”.
    static func quotations(in text: String) -> [String] {
        var found: [String] = []
        var current: String?
        for character in text {
            if character == "“" { current = ""; continue }
            if character == "”", let text = current { found.append(text); current = nil; continue }
            current?.append(character)
        }
        return found
    }

    /// Paragraph paths in `text`: `(a)(2)(ii)(B)( 3 )`, lists and ranges, short forms completed from
    /// the path before them ("(a)(2)(iv) and (v)" → `(a)(2)(v)`).
    static func paragraphPaths(in text: String) -> [(path: String, through: String?, introductory: Bool)] {
        guard let keyword = text.lowercased().firstRange(of: "paragraph") else { return [] }
        var found: [(path: String, through: String?, introductory: Bool)] = []
        var previous: [String] = []
        var index = keyword.upperBound
        var pendingThrough = false
        while index < text.endIndex {
            // Skip to the next "(".
            guard let open = text[index...].firstIndex(of: "(") else { break }
            let between = text[index..<open].lowercased()
            // Stop at words that end the paragraph list ("as paragraph", "of this section", "to read").
            if between.contains(" as ") || between.contains(" to ") || between.contains(" in ") || between.contains(" of ")
                || between.contains(" from ") || between.contains("“") { break }
            if between.contains("through") { pendingThrough = true }
            var labels: [String] = []
            var cursor = open
            while cursor < text.endIndex, text[cursor] == "(" {
                guard let close = text[cursor...].firstIndex(of: ")") else { break }
                let label = text[text.index(after: cursor)..<close].filter { !$0.isWhitespace }
                guard !label.isEmpty, label.count <= 4, label.allSatisfy({ $0.isLetter || $0.isNumber }) else { break }
                labels.append(label)
                cursor = text.index(after: close)
            }
            if labels.isEmpty { break }
            let full = complete(labels, after: previous)
            let path = "(" + full.joined(separator: ")(") + ")"
            if pendingThrough, !found.isEmpty {
                found[found.count - 1].through = path
                pendingThrough = false
            } else {
                let after = text[cursor...].lowercased()
                found.append((path, nil, after.hasPrefix(" introductory text")))
            }
            previous = full
            index = cursor
        }
        return found
    }

    /// `(v)` after `(a)(2)(iv)` is `(a)(2)(v)`: a short path replaces the tail from the first level
    /// of the same kind.
    static func complete(_ labels: [String], after previous: [String]) -> [String] {
        guard !previous.isEmpty, labels.count == 1, let first = labels.first else { return labels }
        let kinds = Set(ParagraphMarker(label: first, italic: false).candidates)
        // A lone letter that cannot be a roman numeral names a top-level paragraph.
        if kinds == [.lower] { return labels }
        for level in stride(from: previous.count - 1, through: 1, by: -1) {
            let previousKinds = Set(ParagraphMarker(label: previous[level], italic: false).candidates)
            if !previousKinds.isDisjoint(with: kinds) { return Array(previous[..<level]) + labels }
        }
        return labels
    }
}

private extension StringProtocol {
    func trimmingCharacters() -> String { TextNormalizer.trim(String(self)) }
}
