/// A deontic rule: who must, must not, or may do what, under which condition, unless which exception.
public struct Norm: Sendable, Hashable, Codable, Identifiable {
    public enum Modality: String, Sendable, Hashable, Codable { case obligation, prohibition, permission }

    public var id: String
    public var provisionID: String
    public var modality: Modality
    /// The role that bears the norm: `provider`, `exporter`, `commission`.
    public var bearer: String
    public var action: String
    public var object: String?
    public var manner: String?
    /// Nil: the norm holds whenever its provision binds.
    public var condition: Condition?
    public var exceptions: [Exception]
    /// Exceptions on another reading of the law than the one ecca applies (`<exception
    /// reading="other">`): Art. 111(3) read as deferring the duties of Arts 91(5) and 92(5) for a
    /// model placed before 2 August 2025. They decide nothing (no verdict, cure or proof reads
    /// them); reports say where one would hold, so a contested reading is shown where it matters
    /// rather than only in a general caveat.
    public var otherReadings: [Exception]
    /// Provisions that sanction a breach (Art. 101(1)).
    public var sanctions: [String]
    public var location: SourceLocation

    /// Roles whose duties ecca checks against each other: the model provider under the AI Act and
    /// the same company as exporter under the EAR.
    public static let checkedBearers: Set<String> = ["provider", "exporter"]

    public init(id: String, provisionID: String, modality: Modality, bearer: String, action: String,
                object: String? = nil, manner: String? = nil, condition: Condition? = nil,
                exceptions: [Exception] = [], otherReadings: [Exception] = [], sanctions: [String] = [], location: SourceLocation) {
        self.id = id
        self.provisionID = provisionID
        self.modality = modality
        self.bearer = bearer
        self.action = action
        self.object = object
        self.manner = manner
        self.condition = condition
        self.exceptions = exceptions
        self.otherReadings = otherReadings
        self.sanctions = sanctions
        self.location = location
    }
}

/// A constitutive rule: when its condition holds and no exception does, `id` holds
/// (release of parameters to a foreign person *counts as* a deemed export).
public struct CountsAs: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var provisionID: String
    public var label: String
    public var condition: Condition
    public var exceptions: [Exception]
    /// Wider readings of the law than the one ecca applies (`<other-reading>`): on each, the rule
    /// holds also where its condition holds (a US national on the Commission's staff is the
    /// Commission, a foreign person, when using access on its behalf). Like a norm's
    /// `otherReadings` they decide nothing; reports say where one would make a norm engage that
    /// does not on ecca's reading, so that a clear verdict resting on a contested reading says so.
    public var otherReadings: [Exception]
    public var location: SourceLocation

    public init(id: String, provisionID: String, label: String, condition: Condition, exceptions: [Exception] = [],
                otherReadings: [Exception] = [], location: SourceLocation) {
        self.id = id
        self.provisionID = provisionID
        self.label = label
        self.condition = condition
        self.exceptions = exceptions
        self.otherReadings = otherReadings
        self.location = location
    }
}

/// An exception or exclusion that defeats a norm or a constitutive rule when its condition holds.
public struct Exception: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// The provision that creates the exception (License Exception AIA, 15 CFR 740.27), if any.
    public var provisionID: String?
    public var label: String
    public var condition: Condition
    public var location: SourceLocation

    public init(id: String, provisionID: String?, label: String, condition: Condition, location: SourceLocation) {
        self.id = id
        self.provisionID = provisionID
        self.label = label
        self.condition = condition
        self.location = location
    }
}
