import Foundation
import Testing

/// `ecca check` end to end on the shipped samples: verdicts, postures and cited provisions.
@Suite struct CheckCommandTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var sample: String
        var text: String
        var enforcement: String
        var provisions: Set<String>
        var status: Int32
        var description: String { sample }
    }

    static let expectations: [Expectation] = [
        .init(sample: "weights-to-ai-office-warsaw.json", text: "conflict", enforcement: "clear",
              provisions: ["eu.ai-act.art92.5", "eu.gpai-code.safety-security.m3-5", "us.ai-diffusion.4e091"], status: 1),
        .init(sample: "weights-or-api-access.xml", text: "avoidable", enforcement: "clear",
              provisions: ["eu.ai-act.art92.5", "us.ai-diffusion.4e091"], status: 1),
        .init(sample: "orion-api-access-letter.json", text: "conflict", enforcement: "conflict",
              provisions: ["eu.ai-act.art92.5", "us.bis.letter.helios-orion-2026.1"], status: 1),
        .init(sample: "orion-api-access-licensed.json", text: "clear", enforcement: "clear", provisions: [], status: 0),
        .init(sample: "open-weight-model.json", text: "clear", enforcement: "clear", provisions: [], status: 0),
        .init(sample: "mid-compute-model.json", text: "clear", enforcement: "clear", provisions: [], status: 0),
        .init(sample: "before-art92-applies.json", text: "clear", enforcement: "clear", provisions: [], status: 0),
        .init(sample: "unknown-compute.json", text: "undetermined", enforcement: "clear", provisions: [], status: 1),
        .init(sample: "technical-documentation-art91.xml", text: "clear", enforcement: "clear", provisions: [], status: 0),
        .init(sample: "weights-to-brussels-aia-claimed.json", text: "clear", enforcement: "clear", provisions: [], status: 0),
        .init(sample: "weights-to-brussels-aia-unclaimed.json", text: "conflict", enforcement: "clear",
              provisions: ["eu.ai-act.art92.5", "us.ai-diffusion.4e091"], status: 1),
        .init(sample: "weights-licence-held.xml", text: "clear", enforcement: "clear", provisions: [], status: 0),
    ]

    @Test(arguments: expectations)
    func sampleVerdicts(_ expected: Expectation) throws {
        let result = try CLI.run(["check", "--format", "json", "--instrument", CLI.letter, CLI.sample(expected.sample)])
        #expect(result.status == expected.status, "\(result.stderr)")
        let json = try CLI.json(result.stdout)
        let postures = json["postures"] as? [String: String]
        #expect(postures == ["text": expected.text, "enforcement": expected.enforcement])
        let verdicts = ["clear", "avoidable", "undetermined", "conflict"]
        let worst = [expected.text, expected.enforcement].max { verdicts.firstIndex(of: $0)! < verdicts.firstIndex(of: $1)! }
        #expect(json["verdict"] as? String == worst)
        let findings = json["findings"] as? [[String: Any]] ?? []
        let cited = Set(findings.flatMap { ($0["provisions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } })
        #expect(cited == expected.provisions)
        for finding in findings {
            for provision in finding["provisions"] as? [[String: Any]] ?? [] {
                #expect(provision["citation"] is String)
                #expect(["EU", "US"].contains(provision["jurisdiction"] as? String))
                #expect(["obligation", "prohibition"].contains(provision["modality"] as? String))
            }
        }
    }

    @Test func textReportExplainsTheConflictInTheLawsWords() throws {
        let result = try CLI.run(["check", CLI.sample("weights-to-ai-office-warsaw.json")])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "request AIO-2026-0142 (as of 2026-11-24): CONFLICT under text, CLEAR under enforcement")
        #expect(lines.contains("  item 0 [weights]: weights via transfer: CONFLICT (text) · CLEAR (enforcement)"))
        #expect(result.stdout.contains("EU Art. 92(5) obliges"))
        #expect(result.stdout.contains("“The providers of the general-purpose AI model concerned or its representative shall supply the information requested."))
        #expect(result.stdout.contains("US 15 CFR Part 774, Supp. No. 1, ECCN 4E091 forbids"))
        #expect(result.stdout.contains("because recipient.headquarters is not in Supp. No. 5 to Part 740"))
        #expect(result.stdout.contains("not enforced since 2025-05-13"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when NO_COLOR is set or output is not a terminal")
    }

    @Test func unknownComputeNamesTheDecidingCondition() throws {
        let result = try CLI.run(["check", "--format", "json", CLI.sample("unknown-compute.json")])
        let json = try CLI.json(result.stdout)
        let item = (json["items"] as? [[String: Any]])?.first
        let text = (item?["postures"] as? [String: Any])?["text"] as? [String: Any]
        #expect(text?["decidingConditions"] as? [String] == ["conflict if model.training-compute ≥ 1e26 operations"])
    }

    @Test func notYetBindingObligationIsReportedAsSuch() throws {
        let result = try CLI.run(["check", CLI.sample("before-art92-applies.json")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("note: item 0: Art. 92(5) would oblige this disclosure but does not bind on 2026-06-15"))
    }

    @Test func asOfOverridesTheRequestDate() throws {
        let result = try CLI.run(["check", "--format", "json", "--as-of", "2026-09-01", "--posture", "text", CLI.sample("before-art92-applies.json")])
        let json = try CLI.json(result.stdout)
        #expect(json["asOf"] as? String == "2026-09-01")
        #expect(json["postures"] as? [String: String] == ["text": "conflict"])
        #expect(result.status == 1)
    }

    @Test func aLetterNamedButNotLoadedIsUnusableInput() throws {
        let result = try CLI.run(["check", CLI.sample("orion-api-access-letter.json")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown instrument 'us.bis.letter.helios-orion-2026' (load its rules file with --instrument FILE)"))
    }
}
