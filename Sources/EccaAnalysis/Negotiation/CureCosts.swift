import ClauseGraph
import EccaFormats

/// What each kind of change to a request costs a negotiator (docs/negotiation.md). Cures are ranked
/// by total cost; a cure that changes what is handed over costs more than one that changes how.
public struct CureCosts: Sendable, Hashable, Codable {
    /// Use another channel (API access instead of a transfer).
    public var channel = 3
    /// Hand over a different artefact (documentation or API access instead of weights).
    public var artifact = 10
    /// Have the recipients sit elsewhere (a Supp. No. 5 to Part 740 (a) destination).
    public var recipientLocation = 4
    /// Use evaluators who are not foreign persons (US nationals or US permanent residents).
    public var recipientNationality = 4
    /// Have the evaluation done by experts of another organisation (one a letter's Annex A lists),
    /// whom the Commission appoints under Art. 92(2).
    public var recipientOrganisation = 4
    /// Keep the artefact hosted elsewhere.
    public var hostingLocation = 2
    /// Apply for and obtain a licence.
    public var licence = 6
    /// Added to `licence` where the application would be reviewed under a presumption of denial
    /// (`LicenceReview`: 4E091 outside Supp. No. 5 to Part 740 paragraph (a)): a licence BIS is
    /// expected to refuse is a worse cure than one it is expected to grant, so it ranks after
    /// moving the disclosure to where the presumption does not apply.
    public var licenceUnderPresumptionOfDenial = 8
    /// Added to a cure that clears the disclosure only on ecca's reading of a rule, where another
    /// reading ecca reports (`OtherReading`: access that the Commission's staff or the experts it
    /// appoints use is the Commission's, 50 U.S.C. 4801(5)(B)) would leave a prohibition applying:
    /// a cure that may not hold is a worse cure than a licence (second law audit, M3).
    public var contestedReading = 4
    /// Establish and claim an exception, exclusion or classification (AIA, 4E091 Note 2).
    public var exception = 6
    /// Provide it later.
    public var timing = 12

    public init() {}

    /// The keys of a cost file: the kinds of change (`Cure.Change.dimension`), and the surcharges
    /// on a licence under a presumption of denial and on a cure that rests on a contested reading.
    static let keys = ["channel", "artifact", "recipientLocation", "recipientNationality", "recipientOrganisation", "hostingLocation",
                       "licence", "licenceUnderPresumptionOfDenial", "contestedReading", "exception", "timing"]

    /// The cost of each key of `keys`.
    static func field(_ key: String) -> WritableKeyPath<CureCosts, Int>? {
        switch key {
        case "channel": \.channel
        case "artifact": \.artifact
        case "recipientLocation": \.recipientLocation
        case "recipientNationality": \.recipientNationality
        case "recipientOrganisation": \.recipientOrganisation
        case "hostingLocation": \.hostingLocation
        case "licence": \.licence
        case "licenceUnderPresumptionOfDenial": \.licenceUnderPresumptionOfDenial
        case "contestedReading": \.contestedReading
        case "exception": \.exception
        case "timing": \.timing
        default: nil
        }
    }

    /// A JSON number that is a whole number from 0 to 1,000,000, however written (`100`, `1e2`,
    /// `100.0`): JSON does not tell them apart.
    static func wholeNumber(_ text: String) -> Int? {
        guard let number = ExactDecimal(text), !number.isNegative, number.isZero || number.exponent >= 0,
              !(ExactDecimal(1_000_000) < number) else { return nil }
        return Int(number.rationalString)
    }

    /// Reads a JSON cost file: an object with any of the keys above and non-negative integer costs.
    /// Missing keys keep their defaults. Errors name the line and the key.
    public static func read(_ text: String, file: String) throws(RequestError) -> CureCosts {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            throw RequestError(file: file, line: error.line, message: "malformed JSON: \(error.message) (column \(error.column))")
        }
        guard case .object(let members, _) = value else {
            throw RequestError(file: file, line: value.line, message: "a cost file is a JSON object, e.g. {\"licence\": 8}")
        }
        var costs = CureCosts()
        for (key, member) in members {
            guard let field = field(key) else {
                throw RequestError(file: file, line: member.line, field: key, message: "unknown cost (expected one of: \(keys.joined(separator: ", ")))")
            }
            guard case .number(let text, _) = member, let cost = wholeNumber(text) else {
                throw RequestError(file: file, line: member.line, field: key, message: "a cost must be a whole number from 0 to 1000000")
            }
            costs[keyPath: field] = cost
        }
        return costs
    }
}
