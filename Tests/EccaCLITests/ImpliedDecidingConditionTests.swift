import Foundation
import Testing

/// A deciding condition that another one implies is left out: for weights in an enclave whose
/// hosting location is not given, with License Exception AIA not claimed, hosting anywhere outside
/// the United States conflicts. "Conflict if it is hosted in a Tier 1 destination" beside that said
/// nothing more, and a negotiator reading it as where the risk lies would host in Poland or the
/// UAE, which conflict too (QA s27 M7).
@Suite struct ImpliedDecidingConditionTests {
    static func enclave(claimingAIA: Bool) -> [String: Any] {
        var item: [String: Any] = ["artifact": "weights", "channel": "secure-enclave",
                                   "recipients": [["organisation": "Independent evaluation team appointed under Art. 92(2)", "nationalities": [claimingAIA ? "FR" : "PL"],
                                                   "location": claimingAIA ? "FR" : "PL", "headquarters": claimingAIA ? "FR" : "PL", "role": "independent-expert"]]]
        if claimingAIA { item["licences"] = ["15 CFR 740.27"] }
        return ["id": "ENCLAVE", "date": "2026-11-24",
                "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"],
                "provider": ["name": "Northwind Models, Inc.", "establishedIn": "US"],
                "model": ["name": "Northwind-5", "trainingCompute": ["value": 3e26, "unit": "operations"], "weightsPublished": false,
                          "placedOnEUMarket": "2026-03-01"],
                "items": [item]]
    }

    func deciding(_ request: [String: Any]) throws -> [String]? {
        let result = try CLI.check(request, ["--format", "json", "--posture", "text"])
        let item = (try CLI.json(result.stdout)["items"] as? [[String: Any]])?.first
        return ((item?["postures"] as? [String: Any])?["text"] as? [String: Any])?["decidingConditions"] as? [String]
    }

    @Test func aConditionAnotherImpliesIsLeftOut() throws {
        #expect(try deciding(Self.enclave(claimingAIA: false)) == ["conflict if item.hosting-location is not US"])
    }

    /// With AIA claimed for a French evaluator in France, only hosting outside the United States and
    /// outside Tier 1 conflicts: each condition is needed, and both are said.
    @Test func necessaryConditionsStay() throws {
        let tier1 = "Supp. No. 5 to Part 740, paragraph (a): the 18 destinations of License Exception AIA (\"Tier 1\")"
        #expect(try deciding(Self.enclave(claimingAIA: true)) == ["conflict only if item.hosting-location is not US",
                                                                  "conflict only if item.hosting-location is not in \(tier1)"])
    }

    /// Of the conditions a clash needs, one that another implies is left out: a request that gives
    /// no requester listed "legal-basis is not eu.ai-act.art91", "… is not
    /// eu.ai-act.art53" and three more beside "legal-basis is eu.ai-act.art92", which implies them,
    /// and "jurisdiction is not in the 27 Member States" beside "jurisdiction is EU" (QA s29 L).
    /// Art. 92(7), a dialogue within Art. 92 that is no request for access, is not implied, and stays.
    @Test func aNecessaryConditionAnotherImpliesIsLeftOut() throws {
        let bare: [String: Any] = ["id": "BARE", "date": "2026-11-24", "items": [["artifact": "weights", "channel": "transfer"]]]
        #expect(try deciding(bare) == [
            "conflict only if request.legal-basis is eu.ai-act.art92",
            "conflict only if model.weights-published-unrestricted is not true",
            "conflict only if request.jurisdiction is EU",
            "conflict only if request.legal-basis is not eu.ai-act.art92.7",
            "conflict only if model.training-compute ≥ 1e26 operations",
        ])
    }
}
