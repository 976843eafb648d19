import ClauseGraph

/// The contract between the request model and the rules' fact vocabulary: which request fields
/// (and analysis inputs) can supply a fact. A rules file whose fact names anything else is
/// rejected by the lint ("facts that no request can supply").
public enum FactBinding {
    /// The request fields and analysis inputs that can supply a fact, as `supplied-by` names them.
    public enum Source: String, Sendable, CaseIterable {
        case asOf = "analysis.asOf", requestDate = "date", legalBasis = "requester.legalBasis", authority = "requester.authority"
        case jurisdiction = "requester.jurisdiction", providerName = "provider.name"
        case establishedIn = "provider.establishedIn", codeOfPractice = "provider.codeOfPractice"
        case instruments, modelName = "model.name", weightsPublished = "model.weightsPublished"
        case weightsPublishedWithoutRestriction = "model.weightsPublishedWithoutRestriction"
        case openSourceLicence = "model.openSourceLicence", architectureAndUsagePublished = "model.architectureAndUsagePublished"
        case systemicRiskDesignated = "model.systemicRiskDesignated"
        case derivedFromPublishedModel = "model.derivedFromPublishedModel"
        case placedOnEUMarket = "model.placedOnEUMarket"
        case trainingCompute = "model.trainingCompute", artifact = "items[].artifact", channel = "items[].channel"
        case hostingLocation = "items[].hostingLocation", licences = "items[].licences"
        case nationalities = "items[].recipients[].nationalities", latestCitizenship = "items[].recipients[].latestCitizenship"
        case location = "items[].recipients[].location", headquarters = "items[].recipients[].headquarters"
        case organisation = "items[].recipients[].organisation", usPermanentResident = "items[].recipients[].usPermanentResident"
        case governmentBody = "items[].recipients[].governmentBody", role = "items[].recipients[].role"
        case incorporatedIn = "items[].recipients[].incorporatedIn"

        public var scope: Scope {
            switch self {
            case .asOf, .requestDate, .legalBasis, .authority, .jurisdiction, .providerName, .establishedIn, .codeOfPractice, .instruments,
                 .modelName, .weightsPublished, .weightsPublishedWithoutRestriction, .openSourceLicence, .architectureAndUsagePublished, .systemicRiskDesignated, .derivedFromPublishedModel,
                 .placedOnEUMarket, .trainingCompute:
                .request
            case .artifact, .hostingLocation, .licences: .item
            case .channel: .channel
            case .nationalities, .latestCitizenship, .location, .headquarters, .organisation, .usPermanentResident,
                 .governmentBody, .incorporatedIn, .role:
                .recipient
            }
        }

        /// The types a fact this field supplies may be declared with: what the fact reader gives
        /// for it (`FactSnapshot`). Another type was accepted, and then read wrongly or failed in
        /// the solver (authoring QA 2026-12-07, H3: a boolean read from a country field lost the
        /// Art. 53(2) exemption in silence; a country read from a string stopped `check` with a
        /// solver failure). A fact that reads whether the field is given is a boolean whatever it is.
        public var types: Set<FactDeclaration.FactType> {
            switch self {
            case .asOf, .requestDate: [.date]
            case .legalBasis: [.provision]
            case .authority, .providerName, .modelName, .organisation: [.string]
            case .jurisdiction: [.jurisdiction]
            case .establishedIn, .hostingLocation, .latestCitizenship, .location, .headquarters, .incorporatedIn: [.country]
            case .codeOfPractice: [.setOfEnum]
            case .instruments: [.setOfString]
            case .weightsPublished, .weightsPublishedWithoutRestriction, .openSourceLicence, .architectureAndUsagePublished,
                 .systemicRiskDesignated, .derivedFromPublishedModel, .usPermanentResident, .governmentBody: [.boolean]
            // Whether the model is yet to be placed on the request's date, or the date itself.
            case .placedOnEUMarket: [.boolean, .date]
            case .trainingCompute: [.quantity]
            case .artifact, .channel, .role: [.enum]
            // Whether a licence number is listed, or the exceptions claimed.
            case .licences: [.boolean, .setOfString]
            case .nationalities: [.setOfCountry]
            }
        }

        /// The scope a rules file declares for a fact this field supplies (`scope=` in
        /// `facts.xml`): the part of the request it comes from, except that the analysis date is
        /// the analysis's own and a channel is declared with its item (it is read per channel only
        /// because an item may name several).
        public var declaredScope: FactDeclaration.Scope {
            if self == .asOf { return .analysis }
            return switch scope {
            case .request: .request
            case .item, .channel: .item
            case .recipient: .recipient
            }
        }
    }

    /// Which part of a request a fact comes from. Facts of the request are the same for every
    /// item, recipient and channel of it, so the analysis reads and evaluates them once per request,
    /// those of an item once per item, and so on, rather than once per check.
    public enum Scope: Int, Sendable, CaseIterable {
        case request, item, channel, recipient
    }

    /// Every field that can supply a fact, with the scope such a fact is declared with.
    public static let suppliableFields = Dictionary(uniqueKeysWithValues: Source.allCases.map { ($0.rawValue, $0.declaredScope) })

    /// The fields whose values the fact reader reads as ids of the law: the claims among an item's
    /// licences as provision ids (`FactSnapshot`: others are licence numbers), the instruments as
    /// instrument ids.
    public static let idValuedFields: [String: ClauseGraph.IdKind] = [Source.licences.rawValue: .provision, Source.instruments.rawValue: .instrument]

    /// Every field that can supply a fact, with the types such a fact may be declared with.
    public static let fieldTypes = Dictionary(uniqueKeysWithValues: Source.allCases.map { ($0.rawValue, $0.types) })

    /// Fact ids the request reader and the analysis rely on by name.
    public enum FactID {
        public static let artifact = "item.artifact"
        public static let channel = "item.channel"
        public static let codeOfPractice = "provider.code-of-practice"
        /// Whether the request gives where an item's artefact is hosted: a cure or a
        /// counterexample that names a hosting location gives it.
        public static let hostingLocationGiven = "item.hosting-location-given"
        /// Whether the request says if the model is derived from a published model: only a
        /// request that says it is not rules out ECCN 4E091 Note 1's derived branch.
        public static let derivedFromPublishedGiven = "model.derived-from-published-given"
        public static let recipientRole = "recipient.role"
        public static let requesterJurisdiction = "request.jurisdiction"
        /// The date the request was made, on which obligations are judged; where the law loaded
        /// declares no such fact, every norm is judged on the as-of date.
        public static let requestDate = "request.date"
        /// The provider-specific instruments (is-informed letters) the request is bound by.
        public static let requestInstruments = "request.instruments"
    }
}
