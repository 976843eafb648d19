import ClauseGraph
import EccaFormats

/// Makes realistic, varied disclosure requests from a seed, for tests and benchmarks
/// (`ecca sample-requests`). The same seed always gives the same requests.
public struct RequestGenerator: Sendable {
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// SplitMix64: small, fast, and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
    }

    static let euCountries = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
                              "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]
    static let otherCountries = ["US", "GB", "CH", "NO", "JP", "CA", "IN", "CN"]
    static let artifacts = ["weights", "source-code", "technical-documentation", "training-data-summary", "api-access",
                            "evaluation-results", "information"]
    static let channels = ["transfer", "remote-api", "on-site", "secure-enclave", "publication"]
    static let computeMantissas = ["1", "2", "3", "5", "8", "9.9", "1.5", "2.5"]
    static let models = ["Northwind-5", "Corvid-2", "Quill-1", "Lumen-3", "Orion-7", "Atlas-4"]

    /// The `index`-th request of the sequence (independent of the others, so shards agree).
    public func request(_ index: Int) -> DisclosureRequest {
        var random = Random(state: seed &+ UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
        _ = random.next()
        let day = 1 + random.below(28)
        let month = 1 + random.below(12)
        let year = random.chance(85) ? 2026 : 2027
        let date = LegalDate(year: year, month: month, day: day)
        let model = random.pick(Self.models)
        var compute: [DisclosureRequest.Compute]?
        if !random.chance(12) {
            let exponent = 23 + random.below(5)
            let value = ExactDecimal("\(random.pick(Self.computeMantissas))e\(exponent)")
            let unit: DisclosureRequest.Compute.Unit = random.chance(50) ? .flop : .operations
            compute = [.init(value: value, unit: unit)]
            if random.chance(5) { compute?.append(.init(value: value, unit: unit == .flop ? .operations : .flop)) }
        }
        let basis = random.pick(["Art. 92(3)", "Art. 92(3)", "Art. 91(1)", "Article 92", "eu.ai-act.art91"])
        let chapters = [["transparency", "copyright", "safety-security"], ["transparency", "copyright"], ["safety-security"], []]
        var items: [DisclosureRequest.Item] = []
        for _ in 0..<(1 + random.below(3)) {
            let artifact = random.pick(Self.artifacts)
            let channel = random.pick(Self.channels)
            var alternatives: [String]?
            if random.chance(30) { alternatives = [random.pick(Self.channels.filter { $0 != channel })] }
            var recipients: [DisclosureRequest.Recipient] = []
            for _ in 0..<(random.chance(20) ? 0 : 1 + random.below(2)) {
                let location = random.chance(75) ? random.pick(Self.euCountries) : random.pick(Self.otherCountries)
                let nationality = random.chance(70) ? location : random.pick(Self.euCountries + Self.otherCountries)
                let organisation = random.chance(70) ? "European Commission (AI Office)" : "Appointed evaluators"
                let nationalities = random.chance(90) ? [nationality] : nil
                let headquarters = random.chance(80) ? "BE" : location
                // The role follows the organisation: the AI Office's staff, or the experts it
                // appoints (QA: staff of "Appointed evaluators" were generated). It is still
                // drawn, so that a seed gives the requests it gave before in everything else.
                _ = random.pick(["authority-staff", "independent-expert"])
                let role = organisation == "European Commission (AI Office)" ? "authority-staff" : "independent-expert"
                recipients.append(.init(organisation: organisation, nationalities: nationalities, location: location,
                                        headquarters: headquarters, role: role))
            }
            var licences: [String]?
            if random.chance(10) { licences = ["15 CFR 740.27"] }
            if random.chance(5) { licences = (licences ?? []) + ["BIS licence D\(100_000 + random.below(900_000))"] }
            items.append(.init(artifact: artifact, channel: channel, alternatives: alternatives,
                               recipients: recipients.isEmpty ? nil : recipients, licences: licences))
        }
        // Drawn in the order they always were, so that a seed gives the requests it gave before.
        let number = random.below(40)
        let establishedInUS = random.chance(80)
        let codeOfPractice = random.chance(10) ? nil : random.pick(chapters)
        // Orion-7 is Helios AI's model, as the sample letter says: a provider that is not its
        // addressee would make the letter a model name only (it binds Helios, not "Provider 3").
        let provider: DisclosureRequest.Provider = model == "Orion-7"
            ? .init(name: "Helios AI, Inc.", establishedIn: "US", codeOfPractice: codeOfPractice)
            : .init(name: "Provider \(number)", establishedIn: establishedInUS ? "US" : "FR", codeOfPractice: codeOfPractice)
        var request = DisclosureRequest(
            id: "GEN-\(seed)-\(index)",
            date: date,
            requester: .init(authority: "European Commission (AI Office)", jurisdiction: "EU", legalBasis: basis),
            provider: provider,
            model: .init(name: model, trainingCompute: compute, weightsPublished: random.chance(8) ? nil : random.chance(15),
                         openSourceLicence: random.chance(10), placedOnEUMarket: LegalDate(year: 2025, month: 1 + random.below(12), day: 1)),
            items: items,
            instruments: model == "Orion-7" && random.chance(70) ? ["us.bis.letter.helios-orion-2026"] : nil)
        // A model released under an open licence is taken to publish its architecture and usage
        // information too (Art. 53(2)), with no draw of its own: a seed gives the requests it gave
        // before the field existed.
        let openSource = request.model?.openSourceLicence
        request.model?.architectureAndUsagePublished = openSource
        return request
    }
}
