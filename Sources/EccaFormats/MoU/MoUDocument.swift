import ClauseGraph

/// A draft Memorandum of Understanding (docs/negotiation.md): who agrees, for how long, which
/// requests it covers, and what the parties commit to.
public struct MoUDocument: Sendable, Hashable, Codable {
    public struct Party: Sendable, Hashable, Codable {
        public var role: String
        public var name: String
    }

    /// The requests covered; an empty list admits any value.
    public struct Scope: Sendable, Hashable, Codable {
        public var legalBases: [String] = []
        public var artifacts: [String] = []
        public var channels: [String] = []
        /// Countries, or ids of named country sets, where recipients may sit.
        public var recipientLocations: [String] = []
        public var recipientNationalities: [String] = []
        /// Countries where the recipients' organisations are headquartered (License Exception AIA
        /// tests the headquarters, 15 CFR 740.27).
        public var recipientHeadquarters: [String] = []
        /// Countries, or ids of named country sets, where the artefact may be hosted: where an
        /// on-site inspection takes place (15 CFR 734.15(a)(1)), an enclave or an API runs. A
        /// request that gives no hosting location is read as hosting it where its recipients are
        /// located, so it is within the scope only if they are located here too.
        public var hostingLocations: [String] = []
        /// Organisations the recipients belong to (a letter's Annex A partners), as requests name
        /// them.
        public var recipientOrganisations: [String] = []
        public var models: [String] = []
        public var computeUnit: String?
        public var computeMin: ExactDecimal?
        public var computeMax: ExactDecimal?
        public var weightsPublished: Bool?
        public var providers: [String] = []
        public var instruments: [String] = []
        /// The line of each listed value, by its term and value ("channel transfer", "recipient-location
        /// PL", "hosting-location DK"; a country of a named set has the set's line): a value the commitments rule out is
        /// reported where it is written.
        public var lines: [String: Int] = [:]
        public init() {}

        /// The line where `value` of `term` (an element name of the scope) is written.
        public func line(of term: String, _ value: String) -> Int? { lines["\(term) \(value)"] }
    }

    public struct Commitment: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            case usPersonEvaluators = "us-person-evaluators"
            case usHostedEnclave = "us-hosted-enclave"
            case licenceHeld = "licence-held"
            case aiaCertification = "aia-certification"
            case exceptionClaim = "exception-claim"
            case art78Confidentiality = "art78-confidentiality"

            /// The provision an `aia-certification` claims: License Exception AIA.
            public static let aiaCitation = "15 CFR 740.27"
        }
        public var kind: Kind
        /// The provision claimed: written for an `exception-claim`; for an `aia-certification`,
        /// the loaded law's provision for ``Kind/aiaCitation``.
        public var provision: String?
        public var text: String
        public var line: Int
    }

    public var id: String
    public var title: String
    public var parties: [Party]
    public var validFrom: LegalDate
    public var validUntil: LegalDate
    public var scope: Scope
    public var commitments: [Commitment]
    public var file: String
}
