/// One LegalRuleML statement (`lrml:PrescriptiveStatement` or `lrml:ConstitutiveStatement`) with
/// its rule read as if/then and the deontic modalities its conclusion carries.
public struct LegalRuleMLStatement: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case prescriptive, constitutive }
    public enum Modality: String, Sendable, Hashable { case obligation, permission, prohibition }

    /// The statement's `key` (`statements1Formula1`).
    public var key: String
    public var kind: Kind
    /// Modalities in the rule's conclusion, in document order (`lrml:Obligation` → obligation).
    public var modalities: [Modality]
    /// The `iri` of each modality element (`rioOnto:Obligation`), same order.
    public var modalityIRIs: [String]
    /// The rule's condition and conclusion, rendered as formulas over the `ruleml:Rel` iris.
    public var condition: String
    public var conclusion: String
    /// Number of `ruleml:Rule` elements in the statement.
    public var ruleCount: Int

    public init(key: String, kind: Kind, modalities: [Modality], modalityIRIs: [String], condition: String,
                conclusion: String, ruleCount: Int) {
        self.key = key
        self.kind = kind
        self.modalities = modalities
        self.modalityIRIs = modalityIRIs
        self.condition = condition
        self.conclusion = conclusion
        self.ruleCount = ruleCount
    }

    /// `Obligation: IF … THEN …`, the wording ecca writes for it.
    public var rendered: String {
        let label = modalities.isEmpty ? (kind == .constitutive ? "Constitutive" : "Prescriptive")
            : modalities.map { $0.rawValue.capitalized }.joined(separator: ", ")
        return "\(label) (\(key)): IF \(condition) THEN \(conclusion)"
    }
}
