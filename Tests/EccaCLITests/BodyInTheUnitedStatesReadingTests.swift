import Foundation
import Testing

/// License Exception AIA authorises export "to entities located in" the paragraph (a) destinations
/// (15 CFR 740.27). A government body or company that sits in the United States is located in none,
/// so AIA does not hold for it; the wider reading, under which the release to it is a deemed export
/// to the country it belongs to (its headquarters), is reported beside the conflict it would undo,
/// not applied (law audit of 2026-12-07, M2: probe u04, an EU delegation in Washington, was CLEAR
/// under the text posture on that wider reading, with the literal one only in a caveat).
@Suite struct BodyInTheUnitedStatesReadingTests {
    /// The audit's probe u04: weights transferred to the EU Delegation to the United States, AIA claimed.
    static func u04(_ recipient: [String: Any] = ["organisation": "EU Delegation to the United States", "governmentBody": true,
                                                  "location": "US", "headquarters": "BE", "role": "authority-staff"],
                    channel: String = "transfer", hosting: String? = nil) -> [String: Any] {
        var item: [String: Any] = ["artifact": "weights", "channel": channel, "licences": ["15 CFR 740.27"], "recipients": [recipient]]
        item["hostingLocation"] = hosting
        return ["id": "U04", "date": "2026-11-24",
                "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"],
                "provider": ["name": "Northwind Models, Inc.", "establishedIn": "US"],
                "model": ["name": "Northwind-5", "trainingCompute": ["value": 3e26, "unit": "operations"], "weightsPublished": false,
                          "placedOnEUMarket": "2026-03-01"],
                "items": [item]]
    }

    static let label = "a release in the United States to a foreign government body, or to a body given by where it is incorporated, "
        + "taken as a deemed export to the country the body belongs to, read as its headquarters (15 CFR 734.13(b) read for a body as for "
        + "a person), so that License Exception AIA, claimed, holds for a body headquartered in a paragraph (a) destination though it is "
        + "not located in one"
    /// A prohibition's other reading: the licence requirement would not apply.
    static let reading = "on another reading of 15 CFR 740.27 (\(label)), the prohibition of 15 CFR Part 774, Supp. No. 1, ECCN 4E091 would not apply"

    @Test func u04IsAConflictUnderTheTextWithTheWiderReadingBesideIt() throws {
        let out = CLI.lines(try CLI.check(Self.u04()))
        #expect(out.prefix(6) == [
            "request U04 (as of 2026-11-24): CONFLICT under text, CLEAR under enforcement",
            "  item 0: weights via transfer: CONFLICT (text) · CLEAR (enforcement)",
            "    other reading [text]: \(Self.reading), nor this conflict",
            "    cure [text]: establish and claim 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 1 (list \"us.ai-diffusion.4e091.note1\" in the item's licences)",
            "    cure [text]: establish and claim 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2 (list \"us.ai-diffusion.4e091.note2\" in the item's licences)",
            "    cure [text]: obtain a licence for this disclosure and list its number in the item's licences" + CLI.presumedDenial,
        ])
        #expect(CLI.otherReadingLines(out) == [
            "    other reading [text]: \(Self.reading), nor this conflict",
            "  other reading: \(Self.reading), nor this conflict",
        ])
        // The licence requirement is not enforced: under that posture nothing forbids, on either reading.
        #expect(out.contains { $0.hasPrefix("    clear [enforcement]: US 15 CFR Part 774, Supp. No. 1, ECCN 4E091 is not enforced: ") })
    }

    @Test func theFindingCarriesTheReadingInJSON() throws {
        let json = try CLI.json(try CLI.check(Self.u04(), ["--format", "json"]).stdout)
        let findings = json["findings"] as? [[String: Any]] ?? []
        #expect(findings.map { $0["id"] as? String } == ["i0.transfer.r0.text:eu.ai-act.art92.5 + us.ai-diffusion.4e091"])
        #expect(findings.first?["otherReadings"] as? [[String: String]] == [[
            "id": "us.ai-diffusion.4e091.licence-requirement.aia-body-in-us-reading", "label": Self.label,
            "provision": "us.ai-diffusion.740.27", "citation": "15 CFR 740.27",
            "norm": "us.ai-diffusion.4e091.licence-requirement", "normProvision": "us.ai-diffusion.4e091",
            "normCitation": "15 CFR Part 774, Supp. No. 1, ECCN 4E091", "modality": "prohibition",
        ]])
    }

    /// Where nothing obliges the disclosure, the ground that the licence requirement forbids it says so.
    @Test func aGroundThatTheLicenceRequirementForbidsSaysIt() throws {
        var request = Self.u04()
        request["requester"] = ["authority": "AI Security Institute", "jurisdiction": "GB", "legalBasis": "other"]
        let out = CLI.lines(try CLI.check(request, ["--posture", "text"]))
        let ground = try #require(out.first { $0.hasPrefix("    clear: US 15 CFR Part 774") })
        #expect(ground.hasPrefix("    clear: US 15 CFR Part 774, Supp. No. 1, ECCN 4E091 forbids it, but nothing obliges it; \(Self.reading) (caveats "))
        #expect(CLI.otherReadingLines(out) == [ground])
    }

    /// Every release in the United States to a body headquartered in a paragraph (a) destination, a
    /// company given by where it is incorporated and an on-site inspection of parameters hosted there
    /// among them: a conflict, the wider reading beside it. One headquartered in China: a conflict on
    /// either reading.
    @Test(arguments: [
        (#"{"organisation": "EU Delegation to the United States", "governmentBody": true, "location": "US", "headquarters": "FR"}"#,
         "transfer", nil as String?, true),
        (#"{"organisation": "Evaluator SA", "incorporatedIn": "BE", "location": "US", "headquarters": "BE", "role": "independent-expert"}"#,
         "transfer", nil, true),
        (#"{"organisation": "European Commission (AI Office)", "governmentBody": true, "location": "PL", "headquarters": "BE"}"#,
         "on-site", "US", true),
        (#"{"organisation": "European Commission (AI Office)", "governmentBody": true, "location": "US", "headquarters": "BE"}"#,
         "on-site", nil, true),
        (#"{"organisation": "Embassy of China", "governmentBody": true, "location": "US", "headquarters": "CN"}"#, "transfer", nil, false),
    ])
    func aBodyInTheUnitedStatesIsLocatedInNoAIADestination(recipient: String, channel: String, hosting: String?, reported: Bool) throws {
        let out = CLI.lines(try CLI.check(Self.u04(try CLI.json(recipient), channel: channel, hosting: hosting), ["--posture", "text"]))
        #expect(out.prefix(2) == [
            "request U04 (as of 2026-11-24): CONFLICT (text posture; the enforcement posture was not analysed)",
            "  item 0: weights via \(channel): CONFLICT (text)",
        ])
        #expect(CLI.otherReadingLines(out) == (reported ? ["    other reading: \(Self.reading), nor this conflict",
                                                  "  other reading: \(Self.reading), nor this conflict"] : []))
    }

    /// A natural person in the United States is located in no paragraph (a) destination either: the
    /// release to them is a deemed export to their country (15 CFR 734.13(b)), which AIA covers only on
    /// the wider reading, reported beside the conflict (second law audit of 2026-12-07, H2: probe r05,
    /// a French official in the United States, was CLEAR while the same official's delegation was a
    /// conflict). The same for one based in Warsaw who inspects weights hosted in the United States.
    @Test(arguments: [
        (#"{"organisation": "Evaluator LLC", "role": "independent-expert", "nationalities": ["FR"], "location": "US", "headquarters": "US"}"#,
         "transfer", nil as String?),
        (#"{"organisation": "European Commission (AI Office)", "nationalities": ["FR"], "location": "US", "headquarters": "BE", "role": "authority-staff"}"#,
         "transfer", nil),
        (#"{"organisation": "European Commission (AI Office)", "nationalities": ["FR"], "location": "PL", "headquarters": "BE", "role": "authority-staff"}"#,
         "on-site", "US"),
    ])
    func aPersonInTheUnitedStatesIsLocatedInNoAIADestination(recipient: String, channel: String, hosting: String?) throws {
        let out = CLI.lines(try CLI.check(Self.u04(try CLI.json(recipient), channel: channel, hosting: hosting), ["--posture", "text"]))
        #expect(out.prefix(2) == [
            "request U04 (as of 2026-11-24): CONFLICT (text posture; the enforcement posture was not analysed)",
            "  item 0: weights via \(channel): CONFLICT (text)",
        ])
        let label = "a release in the United States to a natural person, a deemed export to their most recent country of citizenship or "
            + "permanent residency (15 CFR 734.13(b)), taken as an export to an entity located in that country, so that License Exception "
            + "AIA, claimed, holds where it is a paragraph (a) destination though the person is in the United States"
        let reading = "on another reading of 15 CFR 740.27 (\(label)), the prohibition of 15 CFR Part 774, Supp. No. 1, ECCN 4E091 would not apply"
        #expect(CLI.otherReadingLines(out) == ["    other reading: \(reading), nor this conflict", "  other reading: \(reading), nor this conflict"])
    }

    /// Unchanged: a body located in Poland (not a paragraph (a) destination, probe u05), a Chinese
    /// national in the United States (u09), both conflicts with no other reading; a body located in Belgium.
    @Test(arguments: [
        (#"{"organisation": "European Commission (AI Office)", "governmentBody": true, "location": "PL", "headquarters": "BE"}"#, "CONFLICT"),
        (#"{"organisation": "Evaluator LLC", "role": "independent-expert", "nationalities": ["CN"], "location": "US", "headquarters": "US"}"#, "CONFLICT"),
        (#"{"organisation": "European Commission (AI Office)", "governmentBody": true, "location": "BE", "headquarters": "BE"}"#, "CLEAR"),
    ])
    func otherRecipientsAreAsBefore(recipient: String, verdict: String) throws {
        let out = CLI.lines(try CLI.check(Self.u04(try CLI.json(recipient)), ["--posture", "text"]))
        #expect(out.prefix(2) == [
            "request U04 (as of 2026-11-24): \(verdict) (text posture; the enforcement posture was not analysed)",
            "  item 0: weights via transfer: \(verdict) (text)",
        ])
        #expect(CLI.otherReadingLines(out) == [])
    }

    /// The reading decides nothing: without it the verdicts, cures and findings are the same.
    @Test func verdictsAreTheSameWithoutTheReading() throws {
        let shipped = try String(contentsOfFile: CLI.regulations + "/us-ai-diffusion.xml", encoding: .utf8)
        let stripped = shipped.replacing(#/\n *<!-- [^>]*-->\n *<exception [^>]*reading="other">(?:.|\n)*?</exception>/#, with: "")
        #expect(shipped.components(separatedBy: "reading=\"other\"").count == 3)
        #expect(stripped.components(separatedBy: "reading=\"other\"").count == 1)
        let without = try CLI.regulations(replacing: "us-ai-diffusion.xml", with: stripped)
        let requests = [Self.u04(), Self.u04(["organisation": "European Commission (AI Office)", "governmentBody": true, "location": "PL",
                                              "headquarters": "BE"], channel: "on-site", hosting: "US"),
                        Self.u04(["organisation": "European Commission (AI Office)", "nationalities": ["FR"], "location": "US",
                                  "headquarters": "BE", "role": "authority-staff"])]
        let input = try requests.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n")
        let folder = try CLI.folder(["r.ndjson": input + "\n"])
        func decided(_ regulations: [String]) throws -> [String] {
            let result = try CLI.run(["batch", folder.appendingPathComponent("r.ndjson").path] + regulations)
            #expect(result.status == 1, "\(result.stderr)")
            return try result.stdout.split(separator: "\n").map { line in
                var json = try CLI.json(String(line))
                json["findings"] = (json["findings"] as? [[String: Any]] ?? []).map { $0.filter { $0.key == "id" || $0.key == "signature" } }
                for key in ["caveats", "regulationsSHA256"] { json[key] = nil }
                return String(decoding: try JSONSerialization.data(withJSONObject: json, options: .sortedKeys), as: UTF8.self)
            }
        }
        let with = try decided([])
        #expect(with.count == 3)
        #expect(try decided(["--regulations", without.path]) == with)
    }
}
