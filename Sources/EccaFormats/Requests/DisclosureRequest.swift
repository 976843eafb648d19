import ClauseGraph

/// A disclosure request from an authority to a model provider (docs/requests.md).
///
/// Every optional field is *unknown* when absent, never false; the analysis keeps unknown facts
/// free and says what the verdict depends on.
public struct DisclosureRequest: Sendable, Hashable, Codable {
    public var id: String
    public var date: LegalDate?
    public var deadline: LegalDate?
    public var requester: Requester?
    public var provider: Provider?
    public var model: Model?
    public var items: [Item]
    /// Extra instruments in force for this provider (an is-informed letter), by instrument id.
    public var instruments: [String]?

    public init(id: String, date: LegalDate? = nil, deadline: LegalDate? = nil, requester: Requester? = nil,
                provider: Provider? = nil, model: Model? = nil, items: [Item], instruments: [String]? = nil) {
        self.id = id
        self.date = date
        self.deadline = deadline
        self.requester = requester
        self.provider = provider
        self.model = model
        self.items = items
        self.instruments = instruments
    }

    public struct Requester: Sendable, Hashable, Codable {
        public var authority: String?
        public var jurisdiction: String?
        /// A provision id or a citation ("Art. 92(3)").
        public var legalBasis: String?
        public init(authority: String? = nil, jurisdiction: String? = nil, legalBasis: String? = nil) {
            self.authority = authority
            self.jurisdiction = jurisdiction
            self.legalBasis = legalBasis
        }
    }

    public struct Provider: Sendable, Hashable, Codable {
        public var name: String?
        /// ISO 3166-1 alpha-2.
        public var establishedIn: String?
        /// Code of Practice chapters signed: `transparency`, `copyright`, `safety-security`.
        public var codeOfPractice: [String]?
        public init(name: String? = nil, establishedIn: String? = nil, codeOfPractice: [String]? = nil) {
            self.name = name
            self.establishedIn = establishedIn
            self.codeOfPractice = codeOfPractice
        }
    }

    public struct Model: Sendable, Hashable, Codable {
        public var name: String?
        /// One or more compute figures; each names its unit (FLOP or operations).
        public var trainingCompute: [Compute]?
        /// The parameters are made publicly available (Art. 53(2)), under whatever licence.
        public var weightsPublished: Bool?
        /// The parameters are published within 15 CFR 734.7(a): made available to the public
        /// without restrictions upon their further dissemination, which publicly available
        /// weights under a restrictive licence may not be. Nil: read from the other fields
        /// (facts.xml, `model.weights-published-unrestricted`).
        public var weightsPublishedWithoutRestriction: Bool?
        public var openSourceLicence: Bool?
        /// The information on the model's architecture and on its usage is made publicly available
        /// (Art. 53(2) asks for it beside the weights and the licence).
        public var architectureAndUsagePublished: Bool?
        /// The Commission has designated the model as one with systemic risk (Art. 51(1)(b)): for a
        /// model below the compute presumption, what the law's "with systemic risk" turns on
        /// (Arts 53(2) and 92(1)(b), Measure 3.5 of the Code).
        public var systemicRiskDesignated: Bool?
        /// The model is derived from a model whose parameters have been published (ECCN 4E091
        /// Note 1's second branch, within its limits on additional training). Nil: not said, and a
        /// Note 1 claim decides; false rules that branch out.
        public var derivedFromPublishedModel: Bool?
        public var placedOnEUMarket: LegalDate?
        public init(name: String? = nil, trainingCompute: [Compute]? = nil, weightsPublished: Bool? = nil,
                    weightsPublishedWithoutRestriction: Bool? = nil, openSourceLicence: Bool? = nil, architectureAndUsagePublished: Bool? = nil, systemicRiskDesignated: Bool? = nil,
                    derivedFromPublishedModel: Bool? = nil, placedOnEUMarket: LegalDate? = nil) {
            self.name = name
            self.trainingCompute = trainingCompute
            self.weightsPublished = weightsPublished
            self.weightsPublishedWithoutRestriction = weightsPublishedWithoutRestriction
            self.openSourceLicence = openSourceLicence
            self.architectureAndUsagePublished = architectureAndUsagePublished
            self.systemicRiskDesignated = systemicRiskDesignated
            self.derivedFromPublishedModel = derivedFromPublishedModel
            self.placedOnEUMarket = placedOnEUMarket
        }
    }

    /// A training-compute figure: an exact `value`, or a range `min`…`max` when it is uncertain.
    public struct Compute: Sendable, Hashable, Codable {
        public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
            case flop = "FLOP"
            case operations
        }
        public var value: ExactDecimal?
        public var min: ExactDecimal?
        public var max: ExactDecimal?
        public var unit: Unit
        public init(value: ExactDecimal? = nil, min: ExactDecimal? = nil, max: ExactDecimal? = nil, unit: Unit) {
            self.value = value
            self.min = min
            self.max = max
            self.unit = unit
        }
    }

    public struct Item: Sendable, Hashable, Codable {
        public var id: String?
        public var artifact: String
        public var channel: String
        /// Other channels the requester accepts.
        public var alternatives: [String]?
        public var recipients: [Recipient]?
        /// Licences or authorisations held: licence numbers, or provision ids of exceptions,
        /// exclusions and classifications the exporter asserts (`us.ai-diffusion.740.27`).
        public var licences: [String]?
        /// Where the artefact stays while accessed (enclave, on-site inspection, API servers).
        public var hostingLocation: String?
        public init(id: String? = nil, artifact: String, channel: String, alternatives: [String]? = nil,
                    recipients: [Recipient]? = nil, licences: [String]? = nil, hostingLocation: String? = nil) {
            self.id = id
            self.artifact = artifact
            self.channel = channel
            self.alternatives = alternatives
            self.recipients = recipients
            self.licences = licences
            self.hostingLocation = hostingLocation
        }
    }

    public struct Recipient: Sendable, Hashable, Codable {
        public var organisation: String?
        public var nationalities: [String]?
        /// ISO code of the country where the recipient sits.
        public var location: String?
        public var headquarters: String?
        /// Most recent citizenship or permanent residency (15 CFR 734.13(b)).
        public var latestCitizenship: String?
        public var usPermanentResident: Bool?
        public var governmentBody: Bool?
        /// ISO code of the country where a body recipient (a company, partnership or other entity)
        /// is incorporated or organised to do business: one of another country than the United
        /// States is a foreign person whoever its staff are (50 U.S.C. 4801(5)(B)).
        public var incorporatedIn: String?
        public var role: String?
        public init(organisation: String? = nil, nationalities: [String]? = nil, location: String? = nil,
                    headquarters: String? = nil, latestCitizenship: String? = nil, usPermanentResident: Bool? = nil,
                    governmentBody: Bool? = nil, incorporatedIn: String? = nil, role: String? = nil) {
            self.organisation = organisation
            self.nationalities = nationalities
            self.location = location
            self.headquarters = headquarters
            self.latestCitizenship = latestCitizenship
            self.usPermanentResident = usPermanentResident
            self.governmentBody = governmentBody
            self.incorporatedIn = incorporatedIn
            self.role = role
        }
    }
}
