import ClauseGraph
@testable import EccaAnalysis
import EccaFormats
import Testing

/// MoU clauses drafted for cures on the shipped law: what they name comes from the encoding.
@Suite struct CureWordingTests {
    /// The AI Office's evaluators in Warsaw, nationals of and headquartered in Belgium: License
    /// Exception AIA needs a Supp. No. 5 destination, so one cure moves them and claims AIA.
    static let evaluatorsInWarsaw = DisclosureRequest(
        id: "R-PL", date: LegalDate(iso: "2026-11-24"),
        requester: .init(authority: "European Commission (AI Office)", jurisdiction: "EU", legalBasis: "Art. 92(3)"),
        provider: .init(name: "Northwind Models, Inc.", establishedIn: "US"),
        model: .init(trainingCompute: [.init(value: ExactDecimal("3e26"), unit: .operations)], weightsPublished: false),
        items: [.init(artifact: "weights", channel: "transfer",
                      recipients: [.init(organisation: "European Commission (AI Office)", nationalities: ["BE"], location: "PL", headquarters: "BE")])])

    @Test func aLocationCureNamesTheListItsExceptionTestsByItsCitation() throws {
        let graph = try GraphFixture.shippedWithLetter()
        let engine = try ConflictEngine(graph: graph, options: .init())
        let report = try engine.cures(for: Self.evaluatorsInWarsaw, top: 10, today: LegalDate(iso: "2026-11-24")!)
        let aia = try #require(report.cures.first { $0.reliesOn.map(\.provision) == ["us.ai-diffusion.740.27"] })
        let moved = try #require(aia.changes.first { $0.dimension == "recipientLocation" })
        // The tie-break prefers an EU member state on the AIA list.
        #expect(CureFinder.preferredLocations(in: graph) == ["BE", "DK", "FI", "FR", "DE", "IE", "IT", "NL", "ES", "SE"])
        #expect(CureFinder.preferredLocations(in: graph).contains(moved.to))
        #expect(aia.mouWording.first == "Access shall be given only to evaluators located in \(CountryCodes.name(moved.to)), a destination listed in 15 CFR Part 740, Supp. No. 5, para. (a) (relying on 15 CFR 740.27).")
    }

    /// The clauses follow the request's legal basis: an Art. 91 request for information has no
    /// Art. 92(2) evaluators, its period is set under Art. 91(4), and what replaces the artefact
    /// serves that request; an Art. 92 request keeps the evaluation's terms. Artefacts, channels
    /// and countries are named in words.
    @Test(arguments: [
        ("Art. 91(1)", [
            "The Provider shall make the source code available within a secure enclave whose decryption keys are never given to the staff of the Commission, and shall not transfer a copy of the source code (relying on 15 CFR 734.13).",
            "The Provider shall give access to the model through an application programming interface (API) in place of the source code, to the extent that it serves the request under Article 91 of Regulation (EU) 2024/1689 (relying on 15 CFR 734.13).",
            "Access shall be given only to staff of the Commission located in the United States (relying on 15 CFR 734.13).",
            "Access shall be given only to staff of the Commission who are not foreign persons within the meaning of 50 U.S.C. 4801(5) (US nationals or US permanent residents) (relying on 15 CFR 734.13).",
            "The source code shall remain hosted in the United States throughout the access.",
            "The Provider shall apply to the Bureau of Industry and Security for a licence covering this disclosure without delay, and shall supply the information requested within the period set under Article 91(4) of Regulation (EU) 2024/1689 after the licence is granted (relying on 15 CFR 734.13).",
            "Before the disclosure the Provider shall establish whether 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2 applies and, only where its conditions are met, document it and keep the records (relying on 15 CFR 734.13); otherwise the disclosure shall not take place under this clause.",
        ]),
        ("Art. 92(3)", [
            "The Provider shall make the source code available within a secure enclave whose decryption keys are never given to the evaluators, and shall not transfer a copy of the source code (relying on 15 CFR 734.13).",
            "The Provider shall give access to the model through an application programming interface (API) in place of the source code, to the extent that it enables the evaluation under Article 92 of Regulation (EU) 2024/1689 (relying on 15 CFR 734.13).",
            "Access shall be given only to evaluators located in the United States (relying on 15 CFR 734.13).",
            "Access shall be given only to staff of the AI Office conducting the evaluation under Article 92(1) of Regulation (EU) 2024/1689, or independent experts appointed by the Commission under Article 92(2) of Regulation (EU) 2024/1689, who are not foreign persons within the meaning of 50 U.S.C. 4801(5) (US nationals or US permanent residents) (relying on 15 CFR 734.13).",
            "The source code shall remain hosted in the United States throughout the evaluation.",
            "The Provider shall apply to the Bureau of Industry and Security for a licence covering this disclosure without delay, and shall provide the access within the period set under Article 92(4) of Regulation (EU) 2024/1689 after the licence is granted (relying on 15 CFR 734.13).",
            "Before the disclosure the Provider shall establish whether 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2 applies and, only where its conditions are met, document it and keep the records (relying on 15 CFR 734.13); otherwise the disclosure shall not take place under this clause.",
        ]),
    ])
    func clausesFollowTheLegalBasisAndNameThingsInWords(_ basis: String, _ expected: [String]) throws {
        let graph = try GraphFixture.shippedWithLetter()
        var request = Self.evaluatorsInWarsaw
        request.requester?.legalBasis = basis
        request.items[0].artifact = "source-code"
        let set = CureFinder.CorrectionSet(changes: [], cost: 0, channel: "secure-enclave", artifact: "api-access", location: "US",
                                           nationalityUS: true, hosting: "US", licence: true, claims: ["us.ai-diffusion.4e091.note2"])
        let reliance = [Cure.Reliance(provision: "us.ear.734.13", citation: "15 CFR 734.13", reason: "")]
        let clauses = MoUWording(graph: graph).clauses(for: set, item: request.items[0], request: request, reliance: reliance)
        #expect(Array(clauses.dropLast()) == expected)
        #expect(clauses.last?.hasPrefix("The Commission shall treat all information and data obtained in accordance with Article 78") == true)
    }

    /// A U.S.-person clause names who evaluates: the AI Office's own staff (Art. 92(1)), the
    /// independent experts the Commission appoints (Art. 92(2)), or both where the request says
    /// neither. Naming only the experts would shut the Office's staff out.
    @Test(arguments: [("authority-staff", "staff of the AI Office conducting the evaluation under Article 92(1) of Regulation (EU) 2024/1689 who"),
                      ("independent-expert", "independent experts appointed by the Commission under Article 92(2) of Regulation (EU) 2024/1689 who")])
    func aUSPersonClauseNamesWhoEvaluates(_ role: String, _ who: String) throws {
        let graph = try GraphFixture.shippedWithLetter()
        var request = Self.evaluatorsInWarsaw
        request.items[0].recipients?[0].role = role
        let set = CureFinder.CorrectionSet(changes: [], cost: 0, nationalityUS: true)
        let clauses = MoUWording(graph: graph).clauses(for: set, item: request.items[0], request: request, reliance: [])
        #expect(clauses.first == "Access shall be given only to \(who) are not foreign persons within the meaning of 50 U.S.C. 4801(5) (US nationals or US permanent residents).")
    }
}
