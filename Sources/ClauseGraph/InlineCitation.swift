/// How running text gives a provision's citation. One that ecca's encoding marks `unverified`
/// (from memory, not checked against the text: FACTS.md [M]) is followed by "(citation not
/// verified)" wherever a report names it inline (a ground, an exception's or a rule's name, a
/// cure, an MoU clause), not only in the numbered caveat that explains it: "15 CFR 742.6(a)(13)"
/// is the eCFR's cross-reference, and another source places the paragraph elsewhere. The one
/// place that says how; `secondary` evidence is about where the wording was read, and marks
/// nothing.
public enum InlineCitation {
    public static let notVerifiedMark = " (citation not verified)"

    /// `citation`, marked where it is not verified.
    public static func text(_ citation: String, verified: Bool) -> String {
        verified ? citation : citation + notVerifiedMark
    }

    /// `label` with `citation` marked where the label names it ("Not subject to the EAR (15 CFR
    /// 734.3(a) (citation not verified)): …"); nil where it does not name it.
    public static func marked(_ label: String, naming citation: String, verified: Bool) -> String? {
        guard let range = label.range(of: citation) else { return nil }
        return verified ? label : label.replacingCharacters(in: range, with: text(citation, verified: false))
    }
}

extension Provision {
    /// Whether its citation may be given without the mark (`InlineCitation`).
    public var citationVerified: Bool { evidence != .unverified }
}

extension ClauseGraph {
    /// Provision `id`'s citation as running text gives it (`InlineCitation`); the id itself where
    /// the law loaded has no such provision.
    public func inlineCitation(of id: String) -> String {
        guard let provision = provisions[id] else { return id }
        return InlineCitation.text(provision.citation, verified: provision.citationVerified)
    }

    /// For a result that gives a provision's citation as a value of its own (JSON
    /// `citationNotVerified`), so that a report read back from it marks the citation as `check`
    /// does: true where the encoding marks the provision unverified, else nil (left out).
    public func citationNotVerified(_ id: String?) -> Bool? {
        id.flatMap { provisions[$0] }?.citationVerified == false ? true : nil
    }

    /// A constitutive rule's or an exception's label as running text gives it where no citation
    /// follows it ("not: published information, not subject to the EAR (15 CFR 734.3(b)(3) …"):
    /// the citation of its provision marked where the label names it.
    public func inlineLabel(_ label: String, provision id: String?) -> String {
        guard let provision = id.flatMap({ provisions[$0] }) else { return label }
        return InlineCitation.marked(label, naming: provision.citation, verified: provision.citationVerified) ?? label
    }

    /// Constitutive rule `id`'s label as running text gives it (`inlineLabel`); the id itself
    /// where the law loaded has no such rule.
    public func inlineLabel(ofRule id: String) -> String {
        rules[id].map { inlineLabel($0.label, provision: $0.provisionID) } ?? id
    }
}
