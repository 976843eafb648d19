/// One LegalRuleML statement (`lrml:PrescriptiveStatement`, `lrml:ConstitutiveStatement`,
/// `lrml:PenaltyStatement`, `lrml:ReparationStatement`, `lrml:OverrideStatement`,
/// `lrml:FactualStatement`, or an `lrml:Override` qualifying a group) with each of its rules read
/// as if/then and the deontic modalities its conclusions carry.
public struct LegalRuleMLStatement: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case prescriptive, constitutive, penalty, reparation, override, factual }
    public enum Modality: String, Sendable, Hashable { case obligation, permission, prohibition }
    /// A rule's strength (`strength="defeater"`, `lrml:hasStrength/lrml:Defeater`): a defeater
    /// only blocks the contrary conclusion, it never concludes anything itself.
    public enum Strength: String, Sendable, Hashable { case defeasible, defeater, strict }

    /// One `ruleml:Rule`: its condition (nil when it has none) and conclusion as formulas.
    public struct Rule: Sendable, Hashable {
        public var condition: String?
        public var conclusion: String
        public var strength: Strength?

        public init(condition: String?, conclusion: String, strength: Strength? = nil) {
            self.condition = condition
            self.conclusion = conclusion
            self.strength = strength
        }

        /// `IF c THEN t`, or `t` for a rule without condition.
        public var rendered: String {
            guard let condition, !condition.isEmpty else { return conclusion }
            return "IF \(condition) THEN \(conclusion)"
        }
    }

    /// An element inside the statement that ecca does not model: shown as written (`Right[…]`,
    /// `?Negation[…]`), its meaning not read.
    public struct Unmodelled: Sendable, Hashable {
        /// `ruleml:Negation`, `lrml:Right`.
        public var name: String
        /// How the wording shows it (`?Negation[…]`).
        public var shownAs: String
        /// Whether the name is an element of the OASIS LegalRuleML or RuleML vocabularies.
        public var standard: Bool
        public var line: Int
    }

    /// What an override or reparation statement says of another statement, written in that
    /// statement's note.
    public struct Tie: Sendable, Hashable {
        /// The key of the statement it is said of (`cs1`).
        public var statement: String
        /// `Overridden by cs2 where both apply (lrml:Override, line 19).`
        public var text: String
    }

    /// The statement's `key` (`statements1Formula1`); empty when it has none.
    public var key: String
    public var kind: Kind
    /// Modalities in the rules' conclusions (not their conditions), in document order.
    public var modalities: [Modality]
    /// The `iri` of each modality element (`rioOnto:Obligation`), same order.
    public var modalityIRIs: [String]
    /// Each `ruleml:Rule` of the statement, in order.
    public var rules: [Rule]
    /// What a statement without rules says (a penalty, a reparation, an override, a fact).
    public var text: String
    public var unmodelled: [Unmodelled]
    /// What it says of other statements, by their keys (overrides and reparations only).
    public var ties: [Tie]
    /// The line the statement starts on.
    public var line: Int

    public init(key: String, kind: Kind, modalities: [Modality], modalityIRIs: [String], rules: [Rule], text: String = "",
                unmodelled: [Unmodelled] = [], ties: [Tie] = [], line: Int = 0) {
        self.key = key
        self.kind = kind
        self.modalities = modalities
        self.modalityIRIs = modalityIRIs
        self.rules = rules
        self.text = text
        self.unmodelled = unmodelled
        self.ties = ties
        self.line = line
    }

    /// The first rule's condition and conclusion (empty when it has none).
    public var condition: String { rules.first?.condition ?? "" }
    public var conclusion: String { rules.first?.conclusion ?? text }
    /// Number of `ruleml:Rule` elements in the statement.
    public var ruleCount: Int { rules.count }
    public var isDefeater: Bool { rules.contains { $0.strength == .defeater } }

    /// `Obligation (statements1Formula1): IF … THEN …`, the wording ecca writes for it; every rule
    /// of it, a defeater labelled as one.
    public var rendered: String {
        var labels: [String] = isDefeater ? ["Defeater"] : []
        switch kind {
        case .prescriptive, .constitutive:
            if modalities.isEmpty { labels.append(kind == .constitutive ? "Constitutive" : "Prescriptive") }
            labels += modalities.map { $0.rawValue.capitalized }
        case .penalty: labels.append("Penalty")
        case .reparation: labels.append("Reparation")
        case .override: labels.append("Override")
        case .factual: labels.append("Fact")
        }
        let head = labels.joined(separator: ", ") + (key.isEmpty ? "" : " (\(key))")
        let body: String
        switch rules.count {
        case 0: body = text
        case 1: body = rules[0].rendered
        default:
            body = rules.enumerated().map { index, rule in
                "rule \(index + 1)\(rule.strength == .defeater && rules.count > 1 ? " (defeater)" : ""): \(rule.rendered)"
            }.joined(separator: "; ")
        }
        return "\(head): \(body)"
    }
}
