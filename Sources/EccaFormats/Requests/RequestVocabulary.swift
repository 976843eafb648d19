import ClauseGraph

/// The values a request may use for enumerated fields, taken from the clause graph's fact
/// vocabulary (Regulations/facts.xml), so the rules and the request reader never disagree.
public struct RequestVocabulary: Sendable {
    public var artifacts: [String]
    public var channels: [String]
    public var codeOfPracticeChapters: [String]
    public var recipientRoles: [String]
    /// The instruments loaded, which a request may name (`instruments`); nil: not checked.
    public var instruments: Set<String>?
    /// How `items[].licences` entries are read against the law loaded; nil: not checked.
    public var licences: LicenceEntries?

    public init(artifacts: [String], channels: [String], codeOfPracticeChapters: [String], recipientRoles: [String],
                instruments: Set<String>? = nil) {
        self.artifacts = artifacts
        self.channels = channels
        self.codeOfPracticeChapters = codeOfPracticeChapters
        self.recipientRoles = recipientRoles
        self.instruments = instruments
    }

    /// What is said of an instrument a request or an MoU names but the law loaded does not hold.
    public static func unknownInstrument(_ id: String) -> String {
        "unknown instrument '\(id)' (load its rules file with --instrument FILE)"
    }

    public init(graph: ClauseGraph) {
        func values(_ fact: String) -> [String] { graph.facts[fact]?.values ?? [] }
        self.init(artifacts: values(FactBinding.FactID.artifact), channels: values(FactBinding.FactID.channel),
                  codeOfPracticeChapters: values(FactBinding.FactID.codeOfPractice),
                  recipientRoles: values(FactBinding.FactID.recipientRole), instruments: Set(graph.instruments.keys))
        licences = LicenceEntries(graph: graph)
    }
}
