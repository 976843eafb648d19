import ClauseGraph

/// One Federal Register amendment instruction (`AMDPAR`), read by `AmendmentGrammar`.
public struct Amendment: Sendable, Hashable {
    public enum Verb: String, Sendable, Hashable, CaseIterable {
        case add, revise, remove, redesignate, reserve
        /// "remove and reserve": the paragraph stays as `[Reserved]`.
        case removeAndReserve = "remove-and-reserve"
        /// A word-level edit: "remove the word X and add in its place Y".
        case replaceText = "replace-text"
        case transfer, suspend
        /// "continues to read as follows" (authority citations): no change.
        case restate
    }

    /// What an instruction acts on, resolved to a CFR address where the text gives one.
    public struct Target: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable {
            case section, paragraph, paragraphRange = "paragraph-range", introductoryText = "introductory-text"
            case heading, definition, authority, subpart, appendix, table, part, chapter, other
            /// `§§ 64.2010 through 64.2015`.
            case sectionRange = "section-range"
            /// An entry of a table or appendix ("the entries for “Section 1.2” and “Section 3.4”").
            case entry
            /// An ECCN of the Commerce Control List (Supplement No. 1 to part 774).
            case eccn
            /// A numbered note of the Commerce Control List, named by its category or ECCN ("Note 3
            /// to Category 5—Part 2", "Note 1 to ECCN 4E091").
            case note
        }
        public var kind: Kind
        /// The CFR section (`1006.215`), when the instruction names one.
        public var section: String?
        /// The paragraph path (`(a)(2)(ii)`), or the first of a range.
        public var paragraph: String?
        /// The last paragraph of a range (`(h)` in "(f) through (h)").
        public var through: String?
        /// Free text: the defined term, the table, the subpart, the entry, the ECCN.
        public var detail: String?
        /// The unit an entry or ECCN sits in ("the table in § 52.2020(c)", "Supplement No. 1 to
        /// part 774, Category 4").
        public var within: String?

        public init(kind: Kind, section: String? = nil, paragraph: String? = nil, through: String? = nil, detail: String? = nil,
                    within: String? = nil) {
            self.kind = kind
            self.section = section
            self.paragraph = paragraph
            self.through = through
            self.detail = detail
            self.within = within
        }

        /// Whether the target names, by itself, the unit it is in: a section or one of its parts, a
        /// supplement, part or subpart, an ECCN or entry with its list; not a bare paragraph or ECCN,
        /// whose unit a lead-in would have named.
        public var namesItsUnit: Bool {
            switch kind {
            case .sectionRange, .appendix, .part, .subpart, .chapter: true
            case .eccn, .entry, .paragraph, .paragraphRange, .introductoryText: within != nil || section != nil
            case .authority: detail != nil
            case .heading: section != nil || detail != nil
            default: section != nil
            }
        }

        /// Whether the target says where it is: a paragraph, definition or table needs its section.
        public var isPlaced: Bool {
            switch kind {
            case .paragraph, .paragraphRange, .introductoryText: section != nil || within != nil
            case .definition, .table: section != nil
            case .heading: section != nil || detail != nil
            case .entry: section != nil || within != nil
            default: true
            }
        }

        /// Whether this is the Entity List under a country heading ("supplement No. 4 to part 744,
        /// under CHINA"), where only entries sit; a quoted heading ("Appendix A to part 70, under
        /// “Connecticut”") has paragraphs.
        var isUnderACountry: Bool {
            guard kind == .appendix, let detail, let under = detail.range(of: ", under ") else { return false }
            return !detail[under.upperBound...].hasPrefix("“")
        }

        /// `§ 1006.215(e)`, `§ 309.130(f) through (h)`, `§ 1006.10 definition "Income"`.
        public var description: String {
            switch kind {
            case .sectionRange: return "§§ \(section ?? "?") through \(through ?? "?")"
            case .subpart where section != nil:
                return (detail ?? "subpart") + " (" + (through.map { "§§ \(section!) through \($0)" } ?? "§ \(section!)") + ")"
            case .table:
                let place = (section.map { "§ \($0)" } ?? "") + (paragraph ?? "")
                return (detail ?? "table") + (place.isEmpty ? "" : " in \(place)")
            case .entry: return "entry “\(detail ?? "")”" + (within.map { " in \($0)" } ?? "")
            case .eccn, .note: return (detail ?? kind.rawValue) + (within.map { " in \($0)" } ?? "")
            case .other where within != nil: return (detail ?? "") + " in " + within!
            default: break
            }
            // A paragraph of an appendix: "paragraph (b) in Appendix A to part 70, under “Connecticut”".
            if section == nil, let within, [.paragraph, .paragraphRange, .introductoryText].contains(kind) {
                return "paragraph \(paragraph ?? "")" + (through.map { " through \($0)" } ?? "")
                    + (kind == .introductoryText ? " introductory text" : "") + " in " + within
            }
            var text = section.map { "§ \($0)" } ?? ""
            if let paragraph { text += paragraph }
            if let through { text += " through \(through)" }
            switch kind {
            case .introductoryText: text += " introductory text"
            case .heading: text += detail.map { (text.isEmpty ? "" : " ") + "heading of \($0)" } ?? " heading"
            case .definition: text += " definition \(detail.map { "“\($0)”" } ?? "")"
            case .authority: text = "authority citation" + (detail.map { " for \($0)" } ?? "")
            case .subpart, .appendix, .part, .chapter, .other:
                if let detail { text += (text.isEmpty ? "" : " ") + detail }
            default: break
            }
            return TextNormalizer.trim(text)
        }
    }

    /// The instruction's number as printed (`7`, `7.b`).
    public var number: String
    /// The CFR title and part from the enclosing `REGTEXT`.
    public var title: String?
    public var part: String?
    /// Nil when the grammar could not read the instruction: it is reported, never dropped.
    public var verb: Verb?
    /// A second verb in one instruction ("remove paragraph (g) and redesignate paragraph (h)").
    public var actions: [Action]
    /// The instruction's own timing ("Effective March 13, 2024, …"; "Delayed indefinitely, …").
    public var effective: LegalDate?
    public var timing: String?
    /// The instruction as printed, whitespace collapsed.
    public var text: String
    /// The words of the instruction the grammar could not account for; an instruction with any
    /// is not understood.
    public var unaccounted: [String] = []
    /// The section (or other unit) a lead-in such as "In § 1006.215:" or "Section 309.130 is
    /// amended by:" names for the lettered steps after it.
    public var scope: Target?
    /// For a lettered step: the number of its lead-in when the grammar could not read that lead-in.
    /// The step's context is then unknown, and it is read only when it names its whole target.
    public var unreadLeadIn: String?

    /// One verb with its targets; an instruction can carry several.
    public struct Action: Sendable, Hashable, CustomStringConvertible {
        public var verb: Verb
        public var targets: [Target]
        /// Where a redesignation or transfer goes ("as paragraph (g)", "to subpart E").
        public var destination: String?
        /// The words removed and added by a word-level edit.
        public var removedText: String?
        public var addedText: String?
        /// Where an addition goes ("after ECCN 4E001", "in alphabetical order"), or where a
        /// word-level edit applies when no target says it ("in the second sentence").
        public var position: String?
        /// This action's own timing when the instruction gives one for it alone ("remove
        /// paragraph (c) effective June 1, 2025, and revise paragraph (d)").
        public var timing: String?
        public var effective: LegalDate?
        /// The part of the targets the action adds, where it is not the whole ("a sentence at the
        /// end" of paragraph (a)(1)).
        public var portion: String?

        public init(verb: Verb, targets: [Target], destination: String? = nil, removedText: String? = nil, addedText: String? = nil,
                    position: String? = nil, timing: String? = nil, effective: LegalDate? = nil, portion: String? = nil) {
            self.verb = verb
            self.targets = targets
            self.destination = destination
            self.removedText = removedText
            self.addedText = addedText
            self.position = position
            self.timing = timing
            self.effective = effective
            self.portion = portion
        }

        public var description: String {
            var text = verb.rawValue
            if let portion { text += " " + portion + " of" }
            if !targets.isEmpty { text += " " + targets.map(\.description).joined(separator: ", ") }
            if let destination { text += (verb == .redesignate ? " as " : " to ") + destination }
            switch (removedText, addedText) {
            case let (removed?, added?): text += ": “\(removed)” → “\(added)”"
            case let (removed?, nil): text += ": remove “\(removed)”"
            case let (nil, added?): text += ": add “\(added)”"
            default: break
            }
            if let position { text += (targets.isEmpty ? " " : ", ") + position }
            if let timing { text += " (\(timing))" }
            return text
        }
    }

    public init(number: String, title: String?, part: String?, actions: [Action], effective: LegalDate? = nil,
                timing: String? = nil, text: String, scope: Target? = nil) {
        self.number = number
        self.title = title
        self.part = part
        self.actions = actions
        self.verb = actions.first?.verb
        self.effective = effective
        self.timing = timing
        self.text = text
        self.scope = scope
    }

    /// The instruction's effective dates: its own, then those of single actions.
    public var dates: [LegalDate] {
        ([effective] + actions.map(\.effective)).compactMap { $0 }
    }

    /// True when the grammar read a verb and a target for every step, or a lead-in that names
    /// its section.
    public var isUnderstood: Bool {
        unaccounted.isEmpty && unreadLeadIn == nil && ((!actions.isEmpty && actions.allSatisfy { !$0.targets.isEmpty }) || isLeadIn)
    }

    /// True for a lead-in ("In § 1006.215:") whose steps follow in the next instructions.
    public var isLeadIn: Bool { actions.isEmpty && scope != nil }

    /// The CFR sections the instruction touches, ranges ("§§ 64.2010 through 64.2015") spelled out.
    public var sections: [String] {
        var seen: [String] = scope?.section.map { [$0] } ?? []
        for action in actions {
            for target in action.targets {
                let range = target.kind == .sectionRange || target.kind == .subpart
                let sections = range ? Self.spell(target.section, through: target.through) : target.section.map { [$0] } ?? []
                for section in sections where !seen.contains(section) {
                    seen.append(section)
                }
            }
        }
        return seen
    }

    /// `64.2010` through `64.2015` → the six numbers; a range whose ends do not share a part and a
    /// numeric tail of the same width is given by its ends.
    static func spell(_ first: String?, through last: String?) -> [String] {
        guard let first else { return [] }
        guard let last else { return [first] }
        return spelledOut(first, through: last) ?? [first, last]
    }

    /// The sections from `first` through `last` when the range says them unambiguously: both in
    /// one part, numeric tails of the same width (so `744.9` through `744.11` is not spelled out:
    /// the tails might be read as decimals), ascending, and at most 501 of them; nil otherwise.
    static func spelledOut(_ first: String, through last: String) -> [String]? {
        let a = first.split(separator: ".", maxSplits: 1), b = last.split(separator: ".", maxSplits: 1)
        guard a.count == 2, b.count == 2, a[0] == b[0], a[1].count == b[1].count, let low = Int(a[1]), let high = Int(b[1]),
              low <= high, high - low <= 500 else { return nil }
        return (low...high).map { "\(a[0])." + String(repeating: "0", count: max(0, a[1].count - String($0).count)) + String($0) }
    }
}
