/// The contract between the request model and the rules' fact vocabulary: which request fields
/// (and analysis inputs) can supply a fact. A rules file whose fact names anything else is
/// rejected by the lint ("facts that no request can supply").
public enum FactBinding {
    public static let suppliableFields: Set<String> = [
        "analysis.asOf",
        "requester.legalBasis", "requester.authority", "requester.jurisdiction",
        "provider.name", "provider.establishedIn", "provider.codeOfPractice",
        "instruments",
        "model.name", "model.trainingCompute", "model.weightsPublished", "model.openSourceLicence", "model.placedOnEUMarket",
        "items[].artifact", "items[].channel", "items[].hostingLocation", "items[].licences",
        "items[].recipients[].nationalities", "items[].recipients[].latestCitizenship", "items[].recipients[].location",
        "items[].recipients[].headquarters", "items[].recipients[].organisation", "items[].recipients[].usPermanentResident",
        "items[].recipients[].governmentBody", "items[].recipients[].role",
    ]

    /// Fact ids the request reader and the analysis rely on by name.
    public enum FactID {
        public static let artifact = "item.artifact"
        public static let channel = "item.channel"
        public static let codeOfPractice = "provider.code-of-practice"
        public static let recipientRole = "recipient.role"
    }
}
