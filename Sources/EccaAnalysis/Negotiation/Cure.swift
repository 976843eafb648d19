import ClauseGraph

/// One way to remove a conflict: the changes to the request, what they cost, the verdict after
/// them under each posture, the provisions the cure relies on, and MoU-ready wording.
public struct Cure: Sendable, Hashable, Codable {
    public struct Change: Sendable, Hashable, Codable {
        /// channel, artifact, recipientLocation, recipientNationality, recipientOrganisation,
        /// hostingLocation, licence, exception, timing.
        public var dimension: String
        public var from: String
        public var to: String
    }

    public struct Reliance: Sendable, Hashable, Codable, CitesProvision {
        public var provision: String
        public var citation: String
        /// Why the cure works under this provision.
        public var reason: String
        /// True where ecca's encoding does not verify the citation (`InlineCitation`); absent otherwise.
        public var citationNotVerified: Bool? = nil
    }

    /// A rule the changes make hold that bars an exception the request could claim (`ClaimBar`):
    /// hosted in the United States, the weights are an item in the United States, subject to the EAR
    /// (15 CFR 734.3(a)(1)), and can no longer be claimed as not subject to it (734.3(a)). The cure's
    /// cost includes the barred claim's: the position it gives up is worth what establishing it
    /// costs, and whether the provider holds that position is the same inquiry.
    public struct Bar: Sendable, Hashable, Codable, CitesProvision {
        public var rule: String
        /// The rule's provision and label.
        public var provision: String
        public var citation: String
        public var label: String
        /// The exception barred: the provision that grants it, and its label.
        public var barredProvision: String
        public var barredCitation: String
        public var barredLabel: String
        public var cost: Int
        /// True where ecca's encoding does not verify the citation, or the barred one (`InlineCitation`); absent otherwise.
        public var citationNotVerified: Bool? = nil
        public var barredCitationNotVerified: Bool? = nil

        /// The barred provision's citation as running text gives it.
        public var barredInlineCitation: String { InlineCitation.text(barredCitation, verified: barredCitationNotVerified != true) }
    }

    /// A licence the cure obtains that would be reviewed under a presumption of denial
    /// (`LicenceReview`): both secondary sources presume BIS denies a 4E091 licence for a
    /// destination outside Supp. No. 5 to Part 740 paragraph (a). The cure's cost includes `cost`,
    /// and its licence change says so.
    public struct PresumedDenial: Sendable, Hashable, Codable, CitesProvision {
        /// The provision whose licence requirement the policy reviews applications under.
        public var provision: String
        public var citation: String
        public var presumption: LicenceReview.Presumption
        /// What the sources say, in the law's terms.
        public var label: String
        /// The countries outside the favoured destinations that the cured request names.
        public var destinations: [String]
        /// How well the policy is sourced (secondary: law-firm and trade-compliance summaries).
        public var evidence: Evidence
        public var cost: Int
        public var citationNotVerified: Bool? = nil

        init(review: LicenceReview, citation: String, destinations: [String], cost: Int, citationNotVerified: Bool?) {
            provision = review.provisionID
            self.citation = citation
            presumption = review.presumption
            label = review.label
            self.destinations = destinations
            evidence = review.evidence
            self.cost = cost
            self.citationNotVerified = citationNotVerified
        }

        /// As a cure line gives it after the licence it concerns: the policy's statement
        /// (`LicenceReview.statement`) and what it adds to the cost.
        public var text: String {
            "(\(LicenceReview.statement(label, citation: inlineCitation, evidence: evidence, destinations: destinations)); \(cost) added to its cost)"
        }
    }

    public var rank: Int
    public var item: Int
    public var cost: Int
    public var changes: [Change]
    public var verdicts: [String: Verdict]
    public var reliesOn: [Reliance]
    public var mouWording: [String]
    /// The readings and open questions of the provisions it relies on, by id (`CureReport.caveats`):
    /// a cure that works only on ecca's reading of a provision must say so to the negotiator.
    public var caveats: [String]
    /// What the cure needs beyond the MoU's clauses: a date after the request's deadline needs
    /// the Commission to set or extend the period.
    public var notes: [String] = []
    /// What the changes bring the item under, and the claims that then no longer hold.
    public var bars: [Bar] = []
    /// The presumptions of denial the licence it obtains would be reviewed under.
    public var presumedDenials: [PresumedDenial] = []
}

/// The cures of a request, best first.
public struct CureReport: Sendable, Hashable, Codable {
    public var id: String
    public var asOf: LegalDate
    public var verdict: Verdict
    public var postures: [String: Verdict]
    public var cures: [Cure]
    /// Items that were clear already, or for which no cure within the negotiable parts exists.
    public var notes: [String]
    /// The items in conflict that no change within the negotiable parts cures (their note says
    /// why): what `ecca cures`' exit status 1 means.
    public var uncured: [Int]
    /// The items whose verdict depends on facts the request does not give, so that no cure can be
    /// sought until they are established (their note names the deciding facts): `ecca cures`
    /// exits 1 for them too, since they may be in conflict.
    public var undetermined: [Int]
    /// The caveats the cures rest on, and those of the deciding conditions of undetermined items
    /// (which their note names), each once, in that order.
    public var caveats: [Caveat]
}
