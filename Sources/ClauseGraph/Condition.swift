/// The typed condition language of the rules format (docs/rules-format.md, "Conditions").
///
/// Values are kept as written and resolved against the fact vocabulary by the lint and the
/// encoder, because a condition may be read before the file that declares its facts.
public indirect enum Condition: Sendable, Hashable, Codable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case constant(Bool)
    /// A quantity fact against a number in a unit (`training-compute > 1e25 FLOP`), or a date fact
    /// against an ISO date.
    case compare(Comparison)
    /// A scalar fact equals a value (`item.artifact is weights`; provision facts match sub-provisions).
    case equals(fact: String, value: String, at: SourceLocation)
    /// A scalar fact is a member of a named set or of listed values.
    case member(fact: String, of: Members, at: SourceLocation)
    /// A set-valued fact contains a value, or some member of a named set.
    case contains(fact: String, element: Members, at: SourceLocation)
    /// A constitutive rule holds.
    case holds(rule: String, at: SourceLocation)

    public enum Members: Sendable, Hashable, Codable {
        case set(String)
        case values([String])
    }

    public struct Comparison: Sendable, Hashable, Codable {
        public enum Operator: String, Sendable, Hashable, Codable, CaseIterable {
            case gt, ge, lt, le, eq, ne
            public var symbol: String {
                switch self {
                case .gt: ">"
                case .ge: "≥"
                case .lt: "<"
                case .le: "≤"
                case .eq: "="
                case .ne: "≠"
                }
            }
        }
        public var fact: String
        public var op: Operator
        /// The value as written; `number` and `date` are its parsed forms, read once.
        public var value: String {
            didSet {
                number = ExactDecimal(value)
                date = LegalDate(iso: value)
            }
        }
        public private(set) var number: ExactDecimal?
        public private(set) var date: LegalDate?
        public var unit: String?
        public var location: SourceLocation
        /// How well the comparator (`op`) itself is sourced, where the rules say (`op-evidence`):
        /// 4E091's "10^26 or more" (≥) is read from a derived copy of the eCFR, the press says
        /// "more than". Nil: as the provision whose condition it is (`ClauseGraph.comparators`).
        public var opEvidence: Evidence?
        /// Where the comparator comes from and what other sources say (`op-note`: "eCFR text;
        /// secondary sources say "more than""): a comparator with a note is flagged as contested.
        public var opNote: String?

        /// Where a comparison turns true or false as its fact grows past the value: `lt v` and
        /// `ge v` at v itself, `le v` and `gt v` just above v, `eq v` and `ne v` at both.
        public enum Switch: Sendable, Hashable {
            /// Between just below the value and the value.
            case atValue
            /// Between the value and just above it.
            case justAbove
        }

        public var switches: [Switch] {
            switch op {
            case .lt, .ge: [.atValue]
            case .le, .gt: [.justAbove]
            case .eq, .ne: [.atValue, .justAbove]
            }
        }

        /// For a date comparison, the days on which its truth differs from the day before.
        public var switchDays: [LegalDate] {
            guard let date else { return [] }
            return switches.map { $0 == .atValue ? date : date.adding(days: 1) }
        }

        public init(fact: String, op: Operator, value: String, unit: String?, location: SourceLocation,
                    opEvidence: Evidence? = nil, opNote: String? = nil) {
            self.fact = fact
            self.op = op
            self.value = value
            self.number = ExactDecimal(value)
            self.date = LegalDate(iso: value)
            self.unit = unit
            self.location = location
            self.opEvidence = opEvidence
            self.opNote = opNote
        }
    }

    /// Every fact the condition mentions, in order of first mention.
    public var facts: [String] {
        var seen: [String] = []
        visitAtoms { atom in
            let fact: String? = switch atom {
            case .compare(let comparison): comparison.fact
            case .equals(let fact, _, _), .member(let fact, _, _), .contains(let fact, _, _): fact
            default: nil
            }
            if let fact, !seen.contains(fact) { seen.append(fact) }
        }
        return seen
    }

    /// Every constitutive rule the condition refers to.
    public var ruleReferences: [String] {
        var rules: [String] = []
        visitAtoms { atom in
            if case .holds(let rule, _) = atom, !rules.contains(rule) { rules.append(rule) }
        }
        return rules
    }

    /// Calls `body` on every atom (everything but all/any/not).
    public func visitAtoms(_ body: (Condition) -> Void) {
        switch self {
        case .all(let parts), .any(let parts): parts.forEach { $0.visitAtoms(body) }
        case .not(let inner): inner.visitAtoms(body)
        default: body(self)
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .compare(let comparison): comparison.location
        case .equals(_, _, let at), .member(_, _, let at), .contains(_, _, let at), .holds(_, let at): at
        case .all(let parts), .any(let parts): parts.lazy.compactMap(\.location).first
        case .not(let inner): inner.location
        case .constant: nil
        }
    }
}
