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
    /// and countries are named in words. Each clause cites only what relies on what it changes,
    /// and a licence clause says what happens if the licence is refused.
    @Test(arguments: [
        ("Art. 91(1)", [
            "The Provider shall make the source code available within a secure enclave whose decryption keys are never given to the staff of the Commission, in place of the requested transfer of a copy of the source code (relying on 15 CFR 734.13); the Commission shall accept this in answer to its request under Article 91 of Regulation (EU) 2024/1689.",
            "The Provider shall give access to the model through an application programming interface (API) in place of the source code, to the extent that it serves the request under Article 91 of Regulation (EU) 2024/1689; the Commission shall accept this in answer to its request under Article 91 of Regulation (EU) 2024/1689.",
            "Access shall be given only to staff of the Commission located in the United States (relying on 15 CFR 734.13).",
            "Access shall be given only to staff of the Commission who are not foreign persons within the meaning of 50 U.S.C. 4801(5) (US nationals or US permanent residents) (relying on 15 CFR 734.13).",
            "The source code shall be hosted in the United States throughout the access.",
            "The Provider shall apply to the Bureau of Industry and Security for a licence covering this disclosure without delay; the Commission shall set the period under Article 91(4) of Regulation (EU) 2024/1689, or extend it, so that it ends no earlier than [N] days after the licence is granted, and the Provider shall supply the information requested within that period; if the licence is refused, or is not granted within [M] days of the application, the disclosure shall not take place under this clause, and the Parties shall consult without delay on another means of meeting the request.",
            "Before the disclosure the Provider shall establish whether 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2 applies and, only where its conditions are met, document it and keep the records; otherwise the disclosure shall not take place under this clause.",
        ]),
        ("Art. 92(3)", [
            "The Provider shall make the source code available within a secure enclave whose decryption keys are never given to the evaluators, in place of the requested transfer of a copy of the source code (relying on 15 CFR 734.13); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689.",
            "The Provider shall give access to the model through an application programming interface (API) in place of the source code, to the extent that it enables the evaluation under Article 92 of Regulation (EU) 2024/1689; the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689.",
            "Access shall be given only to evaluators located in the United States (relying on 15 CFR 734.13).",
            "Access shall be given only to staff of the AI Office conducting the evaluation under Article 92(1) of Regulation (EU) 2024/1689, or independent experts appointed by the Commission under Article 92(2) of Regulation (EU) 2024/1689, who are not foreign persons within the meaning of 50 U.S.C. 4801(5) (US nationals or US permanent residents) (relying on 15 CFR 734.13).",
            "The source code shall be hosted in the United States throughout the evaluation.",
            "The Provider shall apply to the Bureau of Industry and Security for a licence covering this disclosure without delay; the Commission shall set the period under Article 92(4) of Regulation (EU) 2024/1689, or extend it, so that it ends no earlier than [N] days after the licence is granted, and the Provider shall provide the access within that period; if the licence is refused, or is not granted within [M] days of the application, the disclosure shall not take place under this clause, and the Parties shall consult without delay on another means of meeting the request.",
            "Before the disclosure the Provider shall establish whether 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2 applies and, only where its conditions are met, document it and keep the records; otherwise the disclosure shall not take place under this clause.",
        ]),
    ])
    func clausesFollowTheLegalBasisAndNameThingsInWords(_ basis: String, _ expected: [String]) throws {
        let graph = try GraphFixture.shippedWithLetter()
        var request = Self.evaluatorsInWarsaw
        request.requester?.legalBasis = basis
        request.items[0].artifact = "source-code"
        let set = CureFinder.CorrectionSet(changes: [], channel: "secure-enclave", artifact: "api-access", location: "US",
                                           nationalityUS: true, hosting: "US", licence: true, claims: ["us.ai-diffusion.4e091.note2"])
        // 734.13 reads the channel, the location and the nationality: only those clauses cite it.
        let reliance = [ConflictEngine.ReliedProvision(reliance: .init(provision: "us.ear.734.13", citation: "15 CFR 734.13", reason: ""),
                                                       facts: ["item.channel", "recipient.location", "recipient.nationalities"], lapses: false)]
        let clauses = MoUWording(graph: graph).clauses(for: set, item: request.items[0], request: request, reliance: reliance)
        #expect(Array(clauses.dropLast()) == expected)
        #expect(clauses.last == "The Commission shall treat all information and data obtained in accordance with Article 78 of Regulation (EU) 2024/1689, including the protection of public and national security interests (Article 78(1)(c)), and shall request only data strictly necessary (Article 78(2)). The Parties note that this confidentiality protects the interests that Regulation names; it meets no requirement of United States export-control law and makes no disclosure lawful under it.")
    }

    /// A channel clause says what the Provider does in place of the channel asked for, for every
    /// pair of channels: "shall not" before the requested channel's action once bound the Provider
    /// not to use the enclave whose keys the evaluators never get, the opposite of what was meant.
    @Test(arguments: [
        ("secure-enclave", "remote-api", "The Provider shall give access to the model through an application programming interface (API), without transferring the model's parameters, in place of the requested access to the weights within a secure enclave (relying on 15 CFR 734.13); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689."),
        ("transfer", "secure-enclave", "The Provider shall make the weights available within a secure enclave whose decryption keys are never given to the evaluators, in place of the requested transfer of a copy of the weights (relying on 15 CFR 734.13); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689."),
        ("on-site", "remote-api", "The Provider shall give access to the model through an application programming interface (API), without transferring the model's parameters, in place of the requested on-site inspection of the weights (relying on 15 CFR 734.13); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689."),
        ("remote-api", "secure-enclave", "The Provider shall make the weights available within a secure enclave whose decryption keys are never given to the evaluators, in place of the requested access to the model through an application programming interface (API) (relying on 15 CFR 734.13); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689."),
        ("publication", "on-site", "The Provider shall make the weights available for on-site inspection where the evaluators are located, in place of the requested publication of the weights (relying on 15 CFR 734.13); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689."),
        ("secure-enclave", "transfer", "The Provider shall transfer a copy of the weights, in place of the requested access to the weights within a secure enclave (relying on 15 CFR 734.13); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689."),
    ])
    func aChannelClauseReplacesTheChannelAskedFor(_ requested: String, _ offered: String, _ expected: String) throws {
        let graph = try GraphFixture.shippedWithLetter()
        var request = Self.evaluatorsInWarsaw
        request.items[0].channel = requested
        let set = CureFinder.CorrectionSet(changes: [], channel: offered)
        let reliance = [ConflictEngine.ReliedProvision(reliance: .init(provision: "us.ear.734.13", citation: "15 CFR 734.13", reason: ""),
                                                       facts: ["item.channel"], lapses: false)]
        let clauses = MoUWording(graph: graph).clauses(for: set, item: request.items[0], request: request, reliance: reliance)
        #expect(clauses.first == expected)
    }

    /// An on-site inspection is a release where it takes place (15 CFR 734.15(a)(1)), so every
    /// clause that puts one somewhere says where: hosted where a cure puts the weights, the
    /// inspection takes place there; with no hosting location, at the evaluators' new location,
    /// who inspect the weights there; offered in place of another channel, where the weights are
    /// hosted, or else where the evaluators are located (audit H2).
    @Test func anOnSiteClauseSaysWhereTheInspectionTakesPlace() throws {
        let graph = try GraphFixture.shippedWithLetter()
        let wording = MoUWording(graph: graph)
        var request = Self.evaluatorsInWarsaw
        request.items[0].channel = "on-site"
        let hosted = wording.clauses(for: .init(changes: [], hosting: "DE"), item: request.items[0], request: request, reliance: [])
        #expect(hosted.first == "The weights shall be hosted in Germany throughout the evaluation, and the on-site inspection shall take place there.")
        let moved = wording.clauses(for: .init(changes: [], location: "BE"), item: request.items[0], request: request, reliance: [])
        #expect(moved.first == "Access shall be given only to evaluators located in Belgium, who shall inspect the weights there.")
        request.items[0].channel = "transfer"
        request.items[0].hostingLocation = "US"
        let offered = wording.clauses(for: .init(changes: [], channel: "on-site"), item: request.items[0], request: request, reliance: [])
        #expect(offered.first == "The Provider shall make the weights available for on-site inspection in the United States, in place of the requested transfer of a copy of the weights; the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689.")
        // A transfer's location clause and an enclave's hosting clause say nothing of an inspection.
        let transfer = wording.clauses(for: .init(changes: [], location: "BE", hosting: "DE"), item: request.items[0], request: request, reliance: [])
        #expect(Array(transfer.prefix(2)) == ["Access shall be given only to evaluators located in Belgium.",
                                              "The weights shall be hosted in Germany throughout the evaluation."])
    }

    /// Every pair of the channels the law names: the clause offers one positively and names the
    /// other as what it replaces, with no "shall not" a reader could take as a promise not to use it.
    @Test func everyChannelPairIsWordedAsAReplacement() throws {
        let graph = try GraphFixture.shippedWithLetter()
        let channels = ["transfer", "remote-api", "on-site", "secure-enclave", "publication"]
        for requested in channels {
            for offered in channels where offered != requested {
                var request = Self.evaluatorsInWarsaw
                request.items[0].channel = requested
                let set = CureFinder.CorrectionSet(changes: [], channel: offered)
                let clause = MoUWording(graph: graph).clauses(for: set, item: request.items[0], request: request, reliance: []).first ?? ""
                let place = MoUWording.inspectionPlace(set, item: request.items[0], recipients: "evaluators")
                #expect(clause == "The Provider shall \(MoUWording.channelAction(offered, artifact: "weights", place: place)), in place of \(MoUWording.requestedChannel(requested, artifact: "weights")); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689.")
                #expect(!clause.contains("shall not"), "\(requested) → \(offered): \(clause)")
            }
        }
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
        let set = CureFinder.CorrectionSet(changes: [], nationalityUS: true)
        let clauses = MoUWording(graph: graph).clauses(for: set, item: request.items[0], request: request, reliance: [])
        #expect(clauses.first == "Access shall be given only to \(who) are not foreign persons within the meaning of 50 U.S.C. 4801(5) (US nationals or US permanent residents).")
    }

    /// Each clause cites what it relies on, not the whole cure's list: an obligation that lapses
    /// (Art. 92(5) for weights replaced by information) is cited by none, information in place of
    /// weights is named as what it is, and an unverified citation says so.
    @Test func eachClauseCitesOnlyWhatItReliesOn() throws {
        let graph = try GraphFixture.shippedWithLetter()
        let request = Self.evaluatorsInWarsaw
        let set = CureFinder.CorrectionSet(changes: [], channel: "remote-api", artifact: "information", licence: true)
        let reliance = [
            ConflictEngine.ReliedProvision(reliance: .init(provision: "eu.ai-act.art92.5", citation: "Art. 92(5)", reason: "the obligation no longer applies to the changed item"),
                                           facts: ["item.artifact", "item.channel"], lapses: true),
            ConflictEngine.ReliedProvision(reliance: .init(provision: "us.ear.734.13", citation: "15 CFR 734.13", reason: ""), facts: ["item.channel"], lapses: false),
            ConflictEngine.ReliedProvision(reliance: .init(provision: "us.ai-diffusion.4e091", citation: "15 CFR Part 774, Supp. No. 1, ECCN 4E091", reason: ""),
                                           facts: ["item.artifact"], lapses: false),
            ConflictEngine.ReliedProvision(reliance: .init(provision: "us.ai-diffusion.742.6.a.13", citation: "15 CFR 742.6(a)(13)", reason: ""),
                                           facts: ["item.licence-held"], lapses: false),
        ]
        let clauses = MoUWording(graph: graph).clauses(for: set, item: request.items[0], request: request, reliance: reliance)
        #expect(Array(clauses.dropLast()) == [
            "The Provider shall give access to the model through an application programming interface (API), without transferring the model's parameters, in place of the requested transfer of a copy of the weights (relying on 15 CFR 734.13); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689.",
            "The Provider shall supply information about the model other than its parameters in place of the weights, to the extent that it enables the evaluation under Article 92 of Regulation (EU) 2024/1689 (relying on 15 CFR Part 774, Supp. No. 1, ECCN 4E091); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689.",
            "The Provider shall apply to the Bureau of Industry and Security for a licence covering this disclosure without delay (relying on 15 CFR 742.6(a)(13) (citation not verified)); the Commission shall set the period under Article 92(4) of Regulation (EU) 2024/1689, or extend it, so that it ends no earlier than [N] days after the licence is granted, and the Provider shall provide the access within that period; if the licence is refused, or is not granted within [M] days of the application, the disclosure shall not take place under this clause, and the Parties shall consult without delay on another means of meeting the request.",
        ])
    }

    /// A basis other than Arts 91 and 92 has no paragraph 4 to set the period under: the licence
    /// clause extends the period the request set, and still does not run it from the grant.
    @Test func aLicenceClauseOnAnotherBasisExtendsTheRequestsPeriod() throws {
        let graph = try GraphFixture.shippedWithLetter()
        var request = Self.evaluatorsInWarsaw
        request.requester?.legalBasis = "Art. 53(1)"
        let set = CureFinder.CorrectionSet(changes: [], licence: true)
        let clauses = MoUWording(graph: graph).clauses(for: set, item: request.items[0], request: request, reliance: [])
        #expect(clauses.first == "The Provider shall apply to the Bureau of Industry and Security for a licence covering this disclosure without delay; the period set in the request shall be extended where needed so that it ends no earlier than [N] days after the licence is granted, and the Provider shall supply the information requested within that period; if the licence is refused, or is not granted within [M] days of the application, the disclosure shall not take place under this clause, and the Parties shall consult without delay on another means of meeting the request.")
    }

    /// A later date works because something stops binding then; a date after the request's
    /// deadline needs the Commission to move the Art. 92(4) period, and the cure says so.
    @Test func aTimingCureSaysWhatItReliesOnAndMovesThePeriod() throws {
        let graph = try GraphFixture.shippedWithLetter()
        var request = Self.evaluatorsInWarsaw
        request.deadline = LegalDate(iso: "2026-12-20")
        let wording = MoUWording(graph: graph)
        let letter = ConflictEngine.ReliedProvision(
            reliance: .init(provision: "us.bis.letter.helios-orion-2026.1", citation: "BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1",
                            reason: "no longer binds on 2027-03-01: no longer in force"), facts: ["as-of"], lapses: false, statusChange: "no longer in force")
        let later = CureFinder.CorrectionSet(changes: [], date: LegalDate(iso: "2027-03-01"))
        #expect(wording.clauses(for: later, item: request.items[0], request: request, reliance: [letter]).first == "The Commission shall set the period under Article 92(4) of Regulation (EU) 2024/1689 to end no earlier than 2027-03-01, extending the period of the request (which ends on 2026-12-20), and the Provider shall provide the access on or after 2027-03-01 and within that period (the date from which BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1 is no longer in force).")
        #expect(wording.notes(for: later, request: request) == ["2027-03-01 is after the request's deadline (2026-12-20): the cure needs the Commission to set or extend the period under Art. 92(4) to end no earlier than 2027-03-01"])
        let sooner = CureFinder.CorrectionSet(changes: [], date: LegalDate(iso: "2026-12-01"))
        #expect(wording.clauses(for: sooner, item: request.items[0], request: request, reliance: [letter]).first == "The Provider shall provide the access on or after 2026-12-01, within the period set under Article 92(4) of Regulation (EU) 2024/1689 (the date from which BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1 is no longer in force).")
        #expect(wording.notes(for: sooner, request: request).isEmpty)
    }
}
