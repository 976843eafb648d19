/// A fact of the vocabulary that conditions are written over, and where a request supplies it.
public struct FactDeclaration: Sendable, Hashable, Codable, Identifiable {
    public enum FactType: String, Sendable, Hashable, Codable {
        case boolean, quantity, date, country, `enum`, string, provision
        /// `EU` for the Union or an ISO 3166-1 alpha-2 code (`Jurisdictions`): who asks. Not a
        /// country, since the Commission's `EU` is none, but tested against sets of countries (the
        /// Member States), which a string may not be, so that such a list is written once.
        case jurisdiction
        case setOfCountry = "set-of-country", setOfEnum = "set-of-enum", setOfString = "set-of-string"

        public var isSet: Bool { self == .setOfCountry || self == .setOfEnum || self == .setOfString }
        /// The scalar type of a set's elements.
        public var elementType: FactType {
            switch self {
            case .setOfCountry: .country
            case .setOfEnum: .enum
            case .setOfString: .string
            default: self
            }
        }
    }

    /// The level of the request model the fact lives at: one value per request, item or recipient.
    public enum Scope: String, Sendable, Hashable, Codable { case request, item, recipient, analysis }

    /// What a request that does not give the fact means.
    public enum WhenAbsent: String, Sendable, Hashable, Codable {
        /// Unknown: the solver keeps it free within its domain.
        case unknown
        /// False, by the fact's own definition.
        case `false`
        /// Holds only when the request asserts it (licences, classifications, exception claims).
        case establishedByExporter = "established-by-exporter"
    }

    /// What of its request field a fact reads.
    public enum Reads: String, Sendable, Hashable, Codable {
        /// The field's value.
        case value
        /// Whether the request gives the field at all (a Boolean fact): where the law reads a
        /// request that does not say apart from one that says no (the hosting location, a body
        /// given by where it is incorporated, whether the model is derived from a published one).
        case whetherGiven = "whether-given"
    }

    public var id: String
    public var type: FactType
    public var scope: Scope
    public var suppliedBy: String
    public var units: [String]
    public var values: [String]
    public var whenAbsent: WhenAbsent
    public var reads: Reads
    public var description: String?
    public var location: SourceLocation

    public init(id: String, type: FactType, scope: Scope, suppliedBy: String, units: [String] = [],
                values: [String] = [], whenAbsent: WhenAbsent = .unknown, reads: Reads = .value, description: String? = nil,
                location: SourceLocation) {
        self.id = id
        self.type = type
        self.scope = scope
        self.suppliedBy = suppliedBy
        self.units = units
        self.values = values
        self.whenAbsent = whenAbsent
        self.reads = reads
        self.description = description
        self.location = location
    }
}

/// A unit of measure. `countsToward` makes it a sub-unit: every FLOP is an operation.
public struct UnitDeclaration: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var countsToward: String?
    public var description: String?
    public var location: SourceLocation
    public init(id: String, countsToward: String? = nil, description: String? = nil, location: SourceLocation) {
        self.id = id
        self.countsToward = countsToward
        self.description = description
        self.location = location
    }
}

/// A named set (Tier 1 of Supp. No. 5 to Part 740, the EU-27, a letter's Annex A).
public struct NamedSet: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable { case country, `enum`, string }
    public var id: String
    public var kind: Kind
    public var provisionID: String?
    public var evidence: Evidence?
    public var title: String?
    public var members: [String]
    public var location: SourceLocation
    public init(id: String, kind: Kind, provisionID: String? = nil, evidence: Evidence? = nil, title: String? = nil,
                members: [String], location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.provisionID = provisionID
        self.evidence = evidence
        self.title = title
        self.members = members
        self.location = location
    }
}
