/// How a licence application under a provision is reviewed, as the sources describe it (`<licence-review>`
/// in a provision): 15 CFR 742.6(a)(13)'s policy for ECCN 4E091 is contested, but both secondary
/// sources presume denial for a destination outside Supp. No. 5 to Part 740 paragraph (a). ecca
/// applies only the licence requirement, never the policy: a licence cure still clears the
/// conflict, but one reviewed under a presumption of denial costs more and says so (docs/negotiation.md).
public struct LicenceReview: Sendable, Hashable, Codable {
    public enum Presumption: String, Sendable, Hashable, Codable { case denial }

    /// The provision whose licence requirement the policy reviews applications under: a licence
    /// held defeats a norm through an exception citing it.
    public var provisionID: String
    public var presumption: Presumption
    /// The constitutive rule under which the presumption does not apply: where the export (or
    /// deemed export) goes to a destination the policy favours (`deemed-export-destination-tier1`).
    public var unlessRule: String
    public var evidence: Evidence
    /// What the sources say, in the law's terms, for a cure line.
    public var label: String
    public var location: SourceLocation

    /// What the sources say, the countries it is said for (where known), the provision as cited
    /// inline and the evidence: "both secondary sources presume denial …, as PL is: 15 CFR
    /// 742.6(a)(13) (citation not verified), evidence secondary". The words `check`'s licence hint
    /// and a licence cure share.
    public static func statement(_ label: String, citation: String, evidence: Evidence, destinations: [String] = []) -> String {
        let countries = destinations.isEmpty ? "" : ", as \(ProseList.joined(destinations)) \(destinations.count == 1 ? "is" : "are")"
        return "\(label)\(countries): \(citation), evidence \(evidence.rawValue)"
    }

    /// `statement` of this policy, for no particular destination.
    public func statement(citation: String) -> String { Self.statement(label, citation: citation, evidence: evidence) }

    public init(provisionID: String, presumption: Presumption, unlessRule: String, evidence: Evidence, label: String, location: SourceLocation) {
        self.provisionID = provisionID
        self.presumption = presumption
        self.unlessRule = unlessRule
        self.evidence = evidence
        self.label = label
        self.location = location
    }
}

extension ClauseGraph {
    /// Every provision's licence review policies, in provision order.
    public var licenceReviews: [LicenceReview] {
        provisionOrder.flatMap { provisions[$0]!.licenceReviews }
    }

    /// The norms whose licence requirement `review` reviews applications under: those with a
    /// licence exception (one that reads `item.licence-held`) citing the policy's provision.
    public func norms(reviewedUnder review: LicenceReview) -> [Norm] {
        norms.filter { norm in
            norm.exceptions.contains { $0.provisionID == review.provisionID && $0.condition.facts.contains("item.licence-held") }
        }
    }
}
