/// A citable unit of a legal text, with the norms and constitutive rules it carries.
public struct Provision: Sendable, Hashable, Codable, Identifiable {
    public enum WordingKind: String, Sendable, Hashable, Codable { case verbatim, paraphrase }

    /// Stable id minted by ecca (`eu.ai-act.art92.3`).
    public var id: String
    public var instrumentID: String
    /// Official citation (`Art. 92(3)`, `15 CFR 734.13(a)(2)`).
    public var citation: String
    public var evidence: Evidence
    /// The source's own id (Formex `IDENTIFIER` such as `092.003`), kept beside ours.
    public var sourceID: String?
    /// Official element id: canonical Akoma Ntoso eId or CFR section/paragraph.
    public var eid: String?
    public var wordingKind: WordingKind
    public var heading: String?
    public var wording: String
    public var sourceURL: String?
    /// The provision's own status; axes it leaves unset come from its instrument.
    public var status: StatusTimeline?
    public var notes: [Note]
    public var norms: [Norm]
    public var countsAs: [CountsAs]
    /// How licence applications under it are reviewed, where the sources say (`LicenceReview`).
    public var licenceReviews: [LicenceReview]
    public var cites: [Reference]
    public var implements: [Reference]
    public var location: SourceLocation

    public init(id: String, instrumentID: String, citation: String, evidence: Evidence, sourceID: String? = nil,
                eid: String? = nil, wordingKind: WordingKind = .verbatim, heading: String? = nil, wording: String,
                sourceURL: String? = nil, status: StatusTimeline? = nil, notes: [Note] = [], norms: [Norm] = [],
                countsAs: [CountsAs] = [], licenceReviews: [LicenceReview] = [], cites: [Reference] = [], implements: [Reference] = [],
                location: SourceLocation) {
        self.id = id
        self.instrumentID = instrumentID
        self.citation = citation
        self.evidence = evidence
        self.sourceID = sourceID
        self.eid = eid
        self.wordingKind = wordingKind
        self.heading = heading
        self.wording = wording
        self.sourceURL = sourceURL
        self.status = status
        self.notes = notes
        self.norms = norms
        self.countsAs = countsAs
        self.licenceReviews = licenceReviews
        self.cites = cites
        self.implements = implements
        self.location = location
    }
}
