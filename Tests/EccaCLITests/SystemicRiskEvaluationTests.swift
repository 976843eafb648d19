import Foundation
import Testing

/// A request for access that relies on Art. 92(1)(b), evaluations "to investigate systemic risks
/// at Union level of general-purpose AI models with systemic risk", obliges only for a model with
/// systemic risk: presumed (Art. 51(2): "greater than 10^25" FLOP) or designated by the Commission
/// (Art. 51(1)(b)). Below the presumption and with no designation stated, the verdict depends on
/// the designation and a note says why; point (a), the whole article and a presumed model are as
/// before (law audit of 2026-12-07, M3: probe p15 was a certain conflict under both postures).
@Suite struct SystemicRiskEvaluationTests {
    /// The audit's probe p15: Orion-7 under the fictional letter, API access for the AI Office.
    private func request(basis: String, flop: Double, designated: Bool? = nil) -> [String: Any] {
        var model: [String: Any] = ["name": "Orion-7", "trainingCompute": [["value": flop, "unit": "FLOP"], ["value": flop, "unit": "operations"]],
                                    "weightsPublished": false, "placedOnEUMarket": "2026-03-01"]
        if let designated { model["systemicRiskDesignated"] = designated }
        return ["id": "P15", "date": "2026-11-24",
                "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": basis],
                "provider": ["name": "Helios AI, Inc.", "establishedIn": "US"],
                "model": model,
                "items": [["artifact": "api-access", "channel": "remote-api", "hostingLocation": "US",
                           "recipients": [["organisation": "European Commission (AI Office)", "nationalities": ["FR"], "location": "BE",
                                           "headquarters": "BE", "role": "authority-staff"]]]],
                "instruments": ["us.bis.letter.helios-orion-2026"]]
    }

    private struct Outcome: Equatable {
        var verdict: String
        var deciding: [String: [String]]
        var signatures: [String]
        var notes: [String]
    }

    private func check(_ request: [String: Any]) throws -> Outcome {
        let result = try CLI.check(request, ["--format", "json", "--instrument", CLI.letter])
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        let json = try CLI.json(result.stdout)
        let postures = ((json["items"] as? [[String: Any]])?.first?["postures"] as? [String: [String: Any]]) ?? [:]
        return Outcome(verdict: json["verdict"] as? String ?? "",
                       // A decided posture lists none: left out, so that an outcome names only open ones.
                       deciding: postures.compactMapValues { ($0["decidingConditions"] as? [String]).flatMap { $0.isEmpty ? nil : $0 } },
                       signatures: (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["signature"] as? String },
                       notes: json["notes"] as? [String] ?? [])
    }

    private static let rule = "an evaluation \"to investigate systemic risks at Union level of general-purpose AI models with systemic risk\" (Art. 92(1)(b)) "
        + "of a model that is neither presumed to have high impact capabilities (Art. 51(2): training compute greater than 10^25 floating-point operations) "
        + "nor designated by the Commission as a model with systemic risk (Art. 51(1)(b)): a model point (b) does not reach, so no duty under Art. 92(5) arises from the request"
    private static let conflict = ["eu.ai-act.art92.5 + us.bis.letter.helios-orion-2026.1", "eu.ai-act.art92.5 + us.bis.letter.helios-orion-2026.1"]

    /// 5e24 FLOP (and exactly 10^25, which is not "greater than"), no designation stated: open on it.
    @Test(arguments: [5e24, 1e25]) func belowThePresumptionTheDutyDependsOnADesignation(flop: Double) throws {
        #expect(try check(request(basis: "Art. 92(1)(b)", flop: flop)) == Outcome(
            verdict: "undetermined",
            deciding: ["text": ["conflict if model.systemic-risk-designated is true"], "enforcement": ["conflict if model.systemic-risk-designated is true"]],
            signatures: [],
            notes: ["the legal basis 'Art. 92(1)(b)' may be \(Self.rule); whether it is depends on model.systemic-risk-designated, which the request does not give (model.systemicRiskDesignated)"]))
    }

    /// The request says the model is not designated: nothing obliges, and the note says why.
    @Test func notDesignatedNothingObliges() throws {
        #expect(try check(request(basis: "Art. 92(1)(b)", flop: 5e24, designated: false)) == Outcome(
            verdict: "clear", deciding: [:], signatures: [], notes: ["the legal basis 'Art. 92(1)(b)' is \(Self.rule)"]))
    }

    /// Designated (Art. 51(1)(b)), or presumed (3e25 FLOP): the conflict of before, with no note.
    @Test(arguments: [(5e24, true), (3e25, nil)] as [(Double, Bool?)])
    func aModelWithSystemicRiskIsAsBefore(flop: Double, designated: Bool?) throws {
        #expect(try check(request(basis: "Art. 92(1)(b)", flop: flop, designated: designated)) == Outcome(
            verdict: "conflict", deciding: [:], signatures: Self.conflict, notes: []))
    }

    /// Point (a), the paragraph, the article and Art. 92(3): a conflict below the presumption too.
    @Test(arguments: ["Art. 92(1)(a)", "Art. 92(1)", "Art. 92", "Art. 92(3)"])
    func otherBasesAreAsBefore(basis: String) throws {
        #expect(try check(request(basis: basis, flop: 5e24)) == Outcome(verdict: "conflict", deciding: [:], signatures: Self.conflict, notes: []))
    }
}
