/// One legal text: a regulation, a CFR part, a code of practice, an is-informed letter.
public struct Instrument: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case regulation, statute, codeOfPractice = "code-of-practice", interimFinalRule = "interim-final-rule"
        case cfrPart = "cfr-part", isInformedLetter = "is-informed-letter", guidance, other
    }

    public struct OfficialID: Sendable, Hashable, Codable {
        public var scheme: String
        public var value: String
        public init(scheme: String, value: String) {
            self.scheme = scheme
            self.value = value
        }
    }

    public var id: String
    public var jurisdiction: String
    public var kind: Kind
    public var title: String
    public var officialIDs: [OfficialID]
    public var versionLabel: String?
    public var versionDate: LegalDate?
    public var sourceURL: String?
    public var attribution: String?
    public var status: StatusTimeline
    public var notes: [Note]
    /// Provider-specific instruments (is-informed letters) apply only to requests that name them.
    public var appliesWhenNamed: Bool
    public var provisionIDs: [String]
    public var location: SourceLocation

    public init(id: String, jurisdiction: String, kind: Kind, title: String, officialIDs: [OfficialID] = [],
                versionLabel: String? = nil, versionDate: LegalDate? = nil, sourceURL: String? = nil,
                attribution: String? = nil, status: StatusTimeline = StatusTimeline(), notes: [Note] = [],
                appliesWhenNamed: Bool = false, provisionIDs: [String] = [], location: SourceLocation) {
        self.id = id
        self.jurisdiction = jurisdiction
        self.kind = kind
        self.title = title
        self.officialIDs = officialIDs
        self.versionLabel = versionLabel
        self.versionDate = versionDate
        self.sourceURL = sourceURL
        self.attribution = attribution
        self.status = status
        self.notes = notes
        self.appliesWhenNamed = appliesWhenNamed
        self.provisionIDs = provisionIDs
        self.location = location
    }
}

/// An editorial, interpretive or amendment note attached to an instrument or provision.
public struct Note: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case amendment, interpretation, unresolved, editorial }
    public var kind: Kind
    public var text: String
    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
