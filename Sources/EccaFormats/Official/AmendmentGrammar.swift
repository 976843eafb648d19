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
        var scope = inherited
        var leadIn: Amendment.Target?
        if let found = Self.context(&rest) {
            scope = found.target
            if found.leadIn { leadIn = found.target }
        }
        // "In § 1006.230, in paragraph (f), remove …": the paragraph narrows the context.
        if rest.lowercased().hasPrefix("in paragraph"), let comma = rest.firstIndex(of: ","),
           let path = Self.paragraphPaths(in: String(rest[..<comma])).first {
            scope = Amendment.Target(kind: .paragraph, section: scope?.section, paragraph: path.path)
            rest = rest[rest.index(after: comma)...].drop { $0 == " " }
        }
        var actions = Self.actions(in: String(rest), scope: scope, part: part)
        if actions.isEmpty, leadIn == nil, let scope, rest.trimmingCharacters().isEmpty || rest.hasPrefix(":") {
            leadIn = scope
        }
        if let leadIn, actions.isEmpty {
            return Amendment(number: number, title: title, part: part, actions: [], effective: effective, timing: timing,
                             text: text, scope: leadIn)
        }
        for index in actions.indices where actions[index].targets.isEmpty {
            if let scope { actions[index].targets = [scope] }
        }
        return Amendment(number: number, title: title, part: part, actions: actions, effective: effective, timing: timing,
                         text: text, scope: nil)
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
        // A letter step is one or two letters; a number step starts with a digit.
        guard token.first!.isNumber || token.count <= 2 else { return "" }
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
            if let kind {
                let leadIn = text[comma] == ":"
                rest = text[text.index(after: comma)...].drop { $0 == " " }
                return (Amendment.Target(kind: kind, detail: unit), leadIn)
            }
        }
        return nil
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

    // MARK: - Actions

    private static let verbs: [String: Amendment.Verb] = [
        "add": .add, "adding": .add, "added": .add,
        "revise": .revise, "revising": .revise, "revised": .revise,
        "remove": .remove, "removing": .remove, "removed": .remove,
        "redesignate": .redesignate, "redesignating": .redesignate, "redesignated": .redesignate,
        "reserve": .reserve, "reserving": .reserve, "reserved": .reserve,
        "transfer": .transfer, "transferring": .transfer, "transferred": .transfer,
        "suspend": .suspend, "suspending": .suspend, "suspended": .suspend,
        "continues": .restate, "continue": .restate,
    ]
    private static let passive: Set<String> = ["added", "revised", "removed", "redesignated", "reserved", "transferred", "suspended", "continues", "continue"]

    /// One action per verb, in order. Verbs inside quotations (“…”) are words, not instructions.
    static func actions(in text: String, scope: Amendment.Target?, part: String?) -> [Amendment.Action] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var quoted = false
        var positions: [(index: Int, verb: Amendment.Verb, word: String)] = []
        for (index, word) in words.enumerated() {
            let opens = word.filter { $0 == "“" }.count
            let closes = word.filter { $0 == "”" }.count
            let wasQuoted = quoted
            if opens > closes { quoted = true } else if closes > opens { quoted = false }
            if wasQuoted || opens > 0 { continue }
            let bare = word.lowercased().filter { $0.isLetter }
            guard let verb = verbs[bare] else { continue }
            // "newly redesignated paragraph (d)" and "the introductory text … to read as follows" are not verbs.
            if index > 0, words[index - 1].lowercased() == "newly" { continue }
            if bare == "reserved", index > 0, words[index - 1].hasPrefix("[") { continue }
            positions.append((index, verb, bare))
        }
        var actions: [Amendment.Action] = []
        var consumedUntil = 0
        var skipNext = false
        for (offset, position) in positions.enumerated() {
            if skipNext { skipNext = false; continue }
            var verb = position.verb
            let nextIndex = offset + 1 < positions.count ? positions[offset + 1].index : words.count
            var end = nextIndex
            // "remove and reserve" is one verb.
            if verb == .remove, offset + 1 < positions.count, positions[offset + 1].verb == .reserve, positions[offset + 1].index == position.index + 2 {
                verb = .removeAndReserve
                skipNext = true
                end = offset + 2 < positions.count ? positions[offset + 2].index : words.count
            }
            let objectWords = words[(skipNext ? position.index + 3 : position.index + 1)..<end]
            var object = objectWords.joined(separator: " ")
            var subject = ""
            if passive.contains(position.word) {
                subject = words[consumedUntil..<position.index].joined(separator: " ")
            }
            // "remove the citation “X” and add in its place the citation “Y”": one word-level edit.
            if verb == .remove || verb == .add, offset + 1 < positions.count, !skipNext {
                let following = words[positions[offset + 1].index...].joined(separator: " ").lowercased()
                if verb == .remove, positions[offset + 1].verb == .add, following.contains("in its place") || following.contains("in their place") {
                    let added = words[(positions[offset + 1].index + 1)..<(offset + 2 < positions.count ? positions[offset + 2].index : words.count)].joined(separator: " ")
                    actions.append(replaceText(removing: object, adding: added, subject: subject, scope: scope, part: part))
                    skipNext = true
                    consumedUntil = offset + 2 < positions.count ? positions[offset + 2].index : words.count
                    continue
                }
            }
            object = TextNormalizer.trim(object, also: ",;.:")
            if object.lowercased().hasSuffix(" and") { object = String(object.dropLast(4)) }
            if (verb == .add || verb == .remove), let edit = wordEdit(verb: verb, object: object, scope: scope, part: part) {
                actions.append(edit)
            } else {
                var targets = Self.targets(in: object, scope: scope, part: part, verb: verb)
                if targets.isEmpty, !subject.isEmpty { targets = Self.targets(in: subject, scope: scope, part: part, verb: verb) }
                actions.append(Amendment.Action(verb: verb, targets: targets, destination: destination(in: object, verb: verb)))
            }
            consumedUntil = end
        }
        return actions
    }

    /// "Adding the word “and” at the end of paragraph (a)(5)", "remove the words “x” from paragraph (b)".
    static func wordEdit(verb: Amendment.Verb, object: String, scope: Amendment.Target?, part: String?) -> Amendment.Action? {
        let lower = object.lowercased()
        let textObjects = ["the word", "the words", "the citation", "the citations", "the phrase", "the reference", "the references",
                           "the semicolon", "the semicolons", "the period", "the periods", "the number", "the date", "the term"]
        guard textObjects.contains(where: { lower.hasPrefix($0) }) else { return nil }
        let quote = quotations(in: object).first ?? object.split(separator: " ").dropFirst().first.map(String.init)
        let targets = Self.targets(in: object, scope: scope, part: part, verb: verb)
        return Amendment.Action(verb: .replaceText, targets: targets.isEmpty ? scope.map { [$0] } ?? [] : targets,
                                removedText: verb == .remove ? quote : nil, addedText: verb == .add ? quote : nil)
    }

    static func replaceText(removing object: String, adding added: String, subject: String, scope: Amendment.Target?, part: String?) -> Amendment.Action {
        var targets = Self.targets(in: object, scope: scope, part: part, verb: .replaceText)
        if targets.isEmpty { targets = Self.targets(in: added, scope: scope, part: part, verb: .replaceText) }
        if targets.isEmpty, let scope { targets = [scope] }
        let removed = quotations(in: object).first ?? Self.objectPhrase(object)
        let addedText = quotations(in: added).first ?? Self.objectPhrase(added)
        return Amendment.Action(verb: .replaceText, targets: targets, removedText: removed, addedText: addedText)
    }

    /// "the semicolons at the ends of paragraphs …" → "semicolons".
    static func objectPhrase(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        if words.first?.lowercased() == "the" { words.removeFirst() }
        let stops: Set<String> = ["at", "from", "in", "of", "after", "before", "to", "and"]
        return words.prefix { !stops.contains($0.lowercased()) }.joined(separator: " ")
    }

    /// `text` without its quotations (“…”), so that a section quoted as words is not a target.
    static func unquoted(_ text: String) -> String {
        var output = ""
        var depth = 0
        for character in text {
            if character == "“" { depth += 1; continue }
            if character == "”" { depth = max(0, depth - 1); continue }
            if depth == 0 { output.append(character) }
        }
        return output
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

    /// "as paragraph (g)", "as paragraphs (c) through (f)", "to subpart E".
    static func destination(in object: String, verb: Amendment.Verb) -> String? {
        let lower = object.lowercased()
        if verb == .redesignate, let range = lower.firstRange(of: " as ") {
            return TextNormalizer.trim(String(object[range.upperBound...]), also: ",;.")
        }
        if verb == .add || verb == .transfer, let range = lower.firstRange(of: " to subpart ") {
            let rest = object[range.upperBound...]
            return "subpart " + (rest.split(separator: " ").first.map { TextNormalizer.trim(String($0), also: ",;.") } ?? "")
        }
        return nil
    }

    // MARK: - Targets

    static func targets(in printed: String, scope: Amendment.Target?, part: String?, verb: Amendment.Verb) -> [Amendment.Target] {
        let lowerPrinted = printed.lowercased()
        if lowerPrinted.contains("definition") {
            let terms = quotations(in: printed)
            if !terms.isEmpty { return terms.map { Amendment.Target(kind: .definition, section: scope?.section, detail: $0) } }
        }
        let object = unquoted(printed)
        let lower = object.lowercased()
        var section = scope?.section
        // A section named in the object: "Add § 1006.227 to read as follows"; failing that, by the
        // word, as the passive writes it: "Section 740.27 is added to read as follows" (not "subsection").
        func sectionsNamed(after opener: (Substring) -> Range<String.Index>?) -> [String] {
            var found: [String] = []
            var from = object.startIndex
            while let range = opener(object[from...]) {
                if let (number, end) = sectionNumber(in: object, from: range.lowerBound) {
                    found.append(number)
                    from = end
                } else {
                    from = range.upperBound
                }
            }
            return found
        }
        var sections = sectionsNamed { rest in rest.firstIndex(of: "§").map { $0..<rest.index(after: $0) } }
        if sections.isEmpty {
            sections = sectionsNamed { rest in
                var from = rest.startIndex
                while let range = rest[from...].range(of: "section ", options: .caseInsensitive) {
                    if range.lowerBound == object.startIndex || !object[object.index(before: range.lowerBound)].isLetter { return range }
                    from = range.upperBound
                }
                return nil
            }
        }
        if let first = sections.first { section = first }
        var targets: [Amendment.Target] = []

        if lower.contains("authority citation") {
            let unit = lower.firstRange(of: "for part ").map { "part " + String(object[$0.upperBound...].prefix { $0.isNumber || $0.isLetter }) }
            return [Amendment.Target(kind: .authority, detail: unit ?? part.map { "part \($0)" })]
        }
        if let range = lower.firstRange(of: "table ") {
            let name = "table " + object[range.upperBound...].prefix { $0.isNumber || $0.isLetter || $0 == "-" }
            let paragraph = paragraphPaths(in: object).first ?? (scope?.paragraph).map { (path: $0, through: String?.none, introductory: false) }
            return [Amendment.Target(kind: .table, section: section, paragraph: paragraph?.path, detail: name)]
        }
        let paths = paragraphPaths(in: object)
        if !paths.isEmpty {
            for path in paths {
                let kind: Amendment.Target.Kind = path.through != nil ? .paragraphRange
                    : path.introductory ? .introductoryText : lower.contains("heading to paragraph") || lower.contains("heading of paragraph") ? .heading : .paragraph
                targets.append(Amendment.Target(kind: kind, section: section, paragraph: path.path, through: path.through))
            }
            return targets
        }
        if lower.contains("section heading") || (lower.hasPrefix("the heading") && section != nil && !lower.contains("subpart") && !lower.contains("chapter")) {
            return [Amendment.Target(kind: .heading, section: section)]
        }
        if !sections.isEmpty, !lower.contains("heading") {
            return sections.map { Amendment.Target(kind: .section, section: $0) }
        }
        for unit in ["subpart", "chapter", "appendix", "supplement", "part"] {
            if let range = lower.firstRange(of: unit + " ") {
                let name = String(object[range.lowerBound...].prefix { $0 != "," && $0 != ";" }).split(separator: " ").prefix(unit == "supplement" || unit == "appendix" ? 6 : 2).joined(separator: " ")
                let kind: Amendment.Target.Kind = unit == "subpart" ? .subpart : unit == "chapter" ? .chapter : unit == "part" ? .part : .appendix
                let isHeading = lower.contains("heading")
                return [Amendment.Target(kind: isHeading ? .heading : kind, section: isHeading ? nil : section, detail: TextNormalizer.trim(name, also: ",;.:"))]
            }
        }
        if lower.contains("introductory text") {
            return [Amendment.Target(kind: .introductoryText, section: section)]
        }
        if !sections.isEmpty {
            return sections.map { Amendment.Target(kind: .section, section: $0) }
        }
        return []
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
