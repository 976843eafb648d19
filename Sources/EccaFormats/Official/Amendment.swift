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
        }
        public var kind: Kind
        /// The CFR section (`1006.215`), when the instruction names one.
        public var section: String?
        /// The paragraph path (`(a)(2)(ii)`), or the first of a range.
        public var paragraph: String?
        /// The last paragraph of a range (`(h)` in "(f) through (h)").
        public var through: String?
        /// Free text: the defined term, the table, the subpart.
        public var detail: String?

        public init(kind: Kind, section: String? = nil, paragraph: String? = nil, through: String? = nil, detail: String? = nil) {
            self.kind = kind
            self.section = section
            self.paragraph = paragraph
            self.through = through
            self.detail = detail
        }

        /// `§ 1006.215(e)`, `§ 309.130(f) through (h)`, `§ 1006.10 definition "Income"`.
        public var description: String {
            var text = section.map { "§ \($0)" } ?? ""
            if let paragraph { text += paragraph }
            if let through { text += " through \(through)" }
            switch kind {
            case .introductoryText: text += " introductory text"
            case .heading: text += detail.map { (text.isEmpty ? "" : " ") + "heading of \($0)" } ?? " heading"
            case .definition: text += " definition \(detail.map { "“\($0)”" } ?? "")"
            case .authority: text = "authority citation" + (detail.map { " for \($0)" } ?? "")
            case .subpart, .appendix, .table, .part, .chapter, .other:
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
    /// The section (or other unit) a lead-in such as "In § 1006.215:" or "Section 309.130 is
    /// amended by:" names for the lettered steps after it.
    public var scope: Target?

    /// One verb with its targets; an instruction can carry several.
    public struct Action: Sendable, Hashable, CustomStringConvertible {
        public var verb: Verb
        public var targets: [Target]
        /// Where a redesignation or transfer goes ("as paragraph (g)", "to subpart E").
        public var destination: String?
        /// The words removed and added by a word-level edit.
        public var removedText: String?
        public var addedText: String?

        public init(verb: Verb, targets: [Target], destination: String? = nil, removedText: String? = nil, addedText: String? = nil) {
            self.verb = verb
            self.targets = targets
            self.destination = destination
            self.removedText = removedText
            self.addedText = addedText
        }

        public var description: String {
            var text = verb.rawValue
            if !targets.isEmpty { text += " " + targets.map(\.description).joined(separator: ", ") }
            if let destination { text += (verb == .redesignate ? " as " : " to ") + destination }
            switch (removedText, addedText) {
            case let (removed?, added?): text += ": “\(removed)” → “\(added)”"
            case let (removed?, nil): text += ": remove “\(removed)”"
            case let (nil, added?): text += ": add “\(added)”"
            default: break
            }
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

    /// True when the grammar read a verb and a target for every step, or a lead-in that names
    /// its section.
    public var isUnderstood: Bool {
        (!actions.isEmpty && actions.allSatisfy { !$0.targets.isEmpty }) || isLeadIn
    }

    /// True for a lead-in ("In § 1006.215:") whose steps follow in the next instructions.
    public var isLeadIn: Bool { actions.isEmpty && scope != nil }

    /// The CFR sections the instruction touches.
    public var sections: [String] {
        var seen: [String] = scope?.section.map { [$0] } ?? []
        for action in actions {
            for target in action.targets {
                if let section = target.section, !seen.contains(section) { seen.append(section) }
            }
        }
        return seen
    }
}
