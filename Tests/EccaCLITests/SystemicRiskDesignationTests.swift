import Foundation
import Testing

/// "General-purpose AI models with systemic risk" are those of Art. 51(1): presumed under its
/// paragraph 2 (more than 10^25 FLOP) or designated by the Commission under point (b). The
/// open-source exemption of Art. 53(2) ("This exception shall not apply to general-purpose AI
/// models with systemic risks") and Measure 3.5 of the Code, whose Safety and Security chapter is
/// for providers of such models, read both (they read the presumption alone before): a designated
/// model below the presumption loses the exemption and is within the measure, an undesignated one
/// keeps it and is outside, and one whose designation the request does not give is open on it,
/// as an Art. 92(1)(b) request is (SystemicRiskEvaluationTests).
@Suite struct SystemicRiskDesignationTests {
    /// A ground as a request's JSON gives it: the same under both postures, or a failure.
    private struct Ground: Equatable {
        var outcome: String
        var reasons: [String]
    }

    private struct Outcome: Equatable {
        var verdict: String
        var ground: Ground?
        var notes: [String]
    }

    /// An open-source model of 5e24 FLOP (or `flop`), its weights and its architecture and usage
    /// information public, whose documentation the AI Office asks for under Art. 53 itself.
    private func documentationRequest(flop: Double, designated: Bool?) -> [String: Any] {
        var model: [String: Any] = ["name": "Small-1", "trainingCompute": ["value": flop, "unit": "FLOP"], "weightsPublished": true,
                                    "openSourceLicence": true, "architectureAndUsagePublished": true, "placedOnEUMarket": "2026-01-10"]
        if let designated { model["systemicRiskDesignated"] = designated }
        return ["id": "OS-D", "date": "2026-11-24",
                "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 53"],
                "provider": ["name": "Open Lab", "establishedIn": "US", "codeOfPractice": [String]()],
                "model": model,
                "items": [["artifact": "technical-documentation", "channel": "transfer",
                           "recipients": [["organisation": "European Commission (AI Office)", "location": "BE", "headquarters": "BE", "governmentBody": true]]]]]
    }

    /// The same model's provider, a signatory of the Safety and Security chapter, asked for API
    /// access by an external evaluator under Measure 3.5 itself.
    private func evaluatorRequest(designated: Bool?) -> [String: Any] {
        var request = documentationRequest(flop: 5e24, designated: designated)
        request["requester"] = ["authority": "Evaluator Ltd", "jurisdiction": "FR", "legalBasis": "eu.gpai-code.safety-security.m3-5"]
        request["provider"] = ["name": "Open Lab", "establishedIn": "US", "codeOfPractice": ["safety-security"]]
        request["items"] = [["artifact": "api-access", "channel": "remote-api", "hostingLocation": "US",
                             "recipients": [["organisation": "Evaluator Ltd", "nationalities": ["FR"], "location": "FR", "headquarters": "FR",
                                             "role": "independent-expert"]]]]
        return request
    }

    private func check(_ request: [String: Any], ground provision: String) throws -> Outcome {
        let result = try CLI.check(request, ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try CLI.json(result.stdout)
        let postures = ((json["items"] as? [[String: Any]])?.first?["postures"] as? [String: [String: Any]]) ?? [:]
        let grounds = postures.mapValues { posture in
            ((posture["grounds"] as? [[String: Any]]) ?? []).first { $0["provision"] as? String == provision }.map {
                Ground(outcome: $0["outcome"] as? String ?? "", reasons: $0["reasons"] as? [String] ?? [])
            }
        }
        #expect(Set(grounds.keys) == ["text", "enforcement"] && grounds["text"] == grounds["enforcement"], "\(grounds)")
        return Outcome(verdict: json["verdict"] as? String ?? "", ground: grounds["text"] ?? nil, notes: json["notes"] as? [String] ?? [])
    }

    private static let exemption = "Open-source exemption (Art. 53(2)): released under a free and open-source licence, with the parameters including the weights, "
        + "the information on the model architecture and the information on model usage publicly available, and not a general-purpose AI model with systemic risk "
        + "(\"This exception shall not apply to general-purpose AI models with systemic risks\"): neither presumed to have high impact capabilities (Art. 51(2)) "
        + "nor designated by the Commission (Art. 51(1)(b))"

    /// Designated: the exemption does not apply and Art. 53(1)(a) obliges, below the presumption
    /// and at exactly 10^25 FLOP (not "greater than"). The verdict is clear, since no shipped
    /// prohibition reaches technical documentation.
    @Test(arguments: [5e24, 1e25]) func aDesignatedOpenSourceModelLosesTheExemption(flop: Double) throws {
        #expect(try check(documentationRequest(flop: flop, designated: true), ground: "eu.ai-act.art53.1.a")
            == Outcome(verdict: "clear", ground: Ground(outcome: "obliges", reasons: []), notes: []))
    }

    /// Not designated: the exemption holds, as it did on the presumption alone.
    @Test func anUndesignatedOpenSourceModelKeepsTheExemption() throws {
        #expect(try check(documentationRequest(flop: 5e24, designated: false), ground: "eu.ai-act.art53.1.a")
            == Outcome(verdict: "clear", ground: Ground(outcome: "excepted", reasons: [Self.exemption]), notes: []))
    }

    /// Not given: the ground is open on it and says on which fact, in the words of the
    /// Art. 92(1)(b) note; above the presumption the designation does not matter.
    @Test func anUnstatedDesignationLeavesTheExemptionOpenOnIt() throws {
        #expect(try check(documentationRequest(flop: 5e24, designated: nil), ground: "eu.ai-act.art53.1.a")
            == Outcome(verdict: "clear", ground: Ground(outcome: "open", reasons: [
                "unknown whether \(Self.exemption) holds; whether it does depends on model.systemic-risk-designated, "
                    + "which the request does not give (model.systemicRiskDesignated)"]), notes: []))
        #expect(try check(documentationRequest(flop: 3e25, designated: nil), ground: "eu.ai-act.art53.1.a")
            == Outcome(verdict: "clear", ground: Ground(outcome: "obliges", reasons: []), notes: []))
    }

    private static let withSystemicRisk = "a general-purpose AI model with systemic risk (Art. 51(1)): presumed to have high impact capabilities "
        + "(Art. 51(2): training compute greater than 10^25 floating-point operations) or designated by a decision of the Commission (Art. 51(1)(b))"
    private static let notPresumed = "not: presumed to have high-impact capabilities, hence a general-purpose AI model with systemic risk (Art. 51(2)): "
        + "cumulative training compute greater than 10^25 floating-point operations, since model.training-compute = 5e24 FLOP: not > 1e25 FLOP"
    private static let designation = "designated as a general-purpose AI model with systemic risk by a decision of the Commission (Art. 51(1)(b)), as the request states"

    /// An evaluator's request is no Commission request: Arts 91 and 92 oblige nothing, as before.
    private static let noDuty = ["no duty under Art. 91(5) or Art. 92(5) arises from this request: not: a request of the Commission (its AI Office), "
        + "identified by the requester’s jurisdiction EU (Art. 3(47)), since request.jurisdiction is not EU (request: FR); "
        + "this rests on the readings “Who may ask” and “Date of the request”, given with the caveats"]

    /// Measure 3.5 asks a signatory whose model is designated, not one whose model is not, and
    /// may ask one whose designation the request does not give; as a voluntary commitment always.
    @Test func measure35FollowsTheDesignation() throws {
        #expect(try check(evaluatorRequest(designated: true), ground: "eu.gpai-code.safety-security.m3-5")
            == Outcome(verdict: "clear", ground: Ground(outcome: "voluntary", reasons: []), notes: Self.noDuty))
        #expect(try check(evaluatorRequest(designated: false), ground: "eu.gpai-code.safety-security.m3-5")
            == Outcome(verdict: "clear", ground: Ground(outcome: "not-applicable", reasons: [
                "not: \(Self.withSystemicRisk), since \(Self.notPresumed); not: \(Self.designation), since model.systemic-risk-designated is not true (request: false)"]), notes: Self.noDuty))
        #expect(try check(evaluatorRequest(designated: nil), ground: "eu.gpai-code.safety-security.m3-5")
            == Outcome(verdict: "clear", ground: Ground(outcome: "voluntary", reasons: [
                "unknown whether \(Self.withSystemicRisk), since \(Self.notPresumed); unknown whether \(Self.designation), "
                    + "since unknown whether model.systemic-risk-designated is true (request: unknown)"]), notes: Self.noDuty))
    }
}
