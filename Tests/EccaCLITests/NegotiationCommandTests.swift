import Foundation
import Testing

/// `ecca cures`, `mou verify`, `timeline` and `thresholds` end to end.
@Suite struct NegotiationCommandTests {
    static let letter = ["--instrument", CLI.letter]

    func cures(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try CLI.run(["cures", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try CLI.json(result.stdout)["cures"] as? [[String: Any]] ?? []
    }

    func dimensions(_ cure: [String: Any]) -> [String] {
        (cure["changes"] as? [[String: Any]] ?? []).compactMap { $0["dimension"] as? String }
    }

    func to(_ cure: [String: Any], _ dimension: String) -> String? {
        (cure["changes"] as? [[String: Any]] ?? []).first { $0["dimension"] as? String == dimension }?["to"] as? String
    }

    /// Weights to an evaluator in Poland (a Tier-2 destination): the cheapest cure is API access;
    /// a Tier-1 location with License Exception AIA claimed also cures it, at a higher cost, since
    /// the evaluator is a national of a Tier-1 country (else the release there would be a deemed
    /// reexport to a country AIA does not cover, 15 CFR 734.14(a)(2)).
    @Test func weightsToATier2RecipientAreCuredByAPIAccessOrATier1Recipient() throws {
        let request = """
            {"id": "T2", "date": "2026-11-24", "requester": {"authority": "AI Office", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
             "provider": {"codeOfPractice": []}, "model": {"name": "M", "trainingCompute": {"value": 3e26, "unit": "operations"}, "weightsPublished": false},
             "items": [{"artifact": "weights", "channel": "transfer",
                        "recipients": [{"nationalities": ["DE"], "location": "PL", "headquarters": "BE", "role": "authority-staff"}]}]}
            """
        let folder = try CLI.folder(["r.json": request])
        let found = try cures(["--top", "8", folder.appendingPathComponent("r.json").path])
        let first = try #require(found.first)
        #expect(dimensions(first) == ["channel"])
        #expect(to(first, "channel") == "remote-api")
        #expect((first["verdicts"] as? [String: String]) == ["text": "clear", "enforcement": "clear"])
        let reliance = (first["reliesOn"] as? [[String: Any]] ?? []).compactMap { $0["provision"] as? String }
        #expect(reliance == ["us.ear.734.13"])
        // That API access is no release of the parameters is ecca's reading, not settled: the cure says so.
        #expect(first["caveats"] as? [String] == ["us.ear.734.13:reading"])
        #expect((first["mouWording"] as? [String])?.first == "The Provider shall give access to the model through an application programming interface (API), without transferring the model's parameters, in place of the requested transfer of a copy of the weights (relying on 15 CFR 734.13); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689.")
        let tier1 = found.first { dimensions($0).contains("recipientLocation") && dimensions($0).contains("exception") }
        let location = try #require(tier1.flatMap { to($0, "recipientLocation") })
        #expect(["AU", "BE", "CA", "DK", "FI", "FR", "DE", "IE", "IT", "JP", "NL", "NZ", "NO", "KR", "ES", "SE", "TW", "GB"].contains(location))
        #expect(tier1.flatMap { to($0, "exception") }?.contains("15 CFR 740.27") == true)
        #expect((tier1?["cost"] as? Int ?? 0) > (first["cost"] as? Int ?? 0))
        let costs = found.compactMap { $0["cost"] as? Int }
        #expect(costs == costs.sorted(), "best first")
        #expect(Set(found.map { dimensions($0).joined(separator: "+") + (to($0, "exception") ?? "") }).count == found.count, "no repeats")
    }

    /// `--top` counts cures across the request's items: an item none of whose cures is among
    /// them still conflicts, and the report says so rather than leaving it out.
    @Test func anItemWhoseCuresAllRankBelowTopIsNamed() throws {
        let item = { (country: String) in
            #"{"artifact": "weights", "channel": "transfer", "recipients": [{"nationalities": ["\#(country)"], "location": "\#(country)", "headquarters": "\#(country)", "role": "independent-expert"}]}"#
        }
        let request = """
            {"id": "TWO", "date": "2026-11-24", "requester": {"authority": "AI Office", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
             "provider": {"codeOfPractice": []}, "model": {"name": "M", "trainingCompute": {"value": 3e26, "unit": "operations"}, "weightsPublished": false},
             "items": [\(item("PL")), \(item("AT"))]}
            """
        let path = try CLI.folder(["r.json": request]).appendingPathComponent("r.json").path
        let result = try CLI.run(["cures", "--format", "json", "--top", "1", path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try CLI.json(result.stdout)
        #expect((json["cures"] as? [[String: Any]])?.compactMap { $0["item"] as? Int } == [0])
        #expect(json["notes"] as? [String] == [
            "item 0: it has more cures than those among the 1 listed (cheapest first, across the request's items); raise `--top` to see them",
            "item 1: it conflicts, but none of its cures is among the 1 listed (cheapest first, across the request's items); raise `--top` to see them",
        ])
        let two = try CLI.json(CLI.run(["cures", "--format", "json", "--top", "2", path]).stdout)
        #expect((two["cures"] as? [[String: Any]])?.compactMap { $0["item"] as? Int } == [0, 1])
        #expect(two["notes"] as? [String] == [
            "item 0: it has more cures than those among the 2 listed (cheapest first, across the request's items); raise `--top` to see them",
            "item 1: it has more cures than those among the 2 listed (cheapest first, across the request's items); raise `--top` to see them",
        ])
        let all = try cures(["--top", "50", path])
        #expect(Set(all.compactMap { $0["item"] as? Int }) == [0, 1])
        #expect(try CLI.json(CLI.run(["cures", "--format", "json", "--top", "50", path]).stdout)["notes"] as? [String] == [])
    }

    /// A cure that supplies another artefact works because the EU obligation no longer applies
    /// to the changed item, which holds only once the Commission accepts the change: the clause
    /// binds the Commission to accept it, and a note names the sanction for a request left unmet.
    @Test func aSubstitutionNeedsTheCommissionsAcceptanceAndNamesTheSanction() throws {
        let result = try CLI.run(["cures", "--format", "json", "--top", "8"] + Self.letter + [CLI.sample("orion-api-access-letter.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let found = try CLI.json(result.stdout)["cures"] as? [[String: Any]] ?? []
        // The two substitutions the letter leaves open cost the same, and the solver picks one
        // (which one moved when the 734.7(a) fact joined the vocabulary): the technical
        // documentation falls outside Art. 92(5), evaluation results are "the information
        // requested" (caveat 1 of Art. 92(5)) and need no note.
        let substitution = try #require(found.first { ["technical-documentation", "evaluation-results"].contains(to($0, "artifact")) })
        #expect(substitution["notes"] as? [String] == (to(substitution, "artifact") == "evaluation-results" ? [] : [
            "the cure relies on Art. 92(5) no longer obliging the changed item: that holds only once the Commission accepts the change in answer to its request; without that, supplying the changed item leaves the request unmet, which Art. 101(1)(d) sanctions where the failure is intentional or negligent",
        ]))
        #expect((substitution["mouWording"] as? [String])?.first?.hasSuffix("; the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689.") == true)
    }

    /// The cure text points to the readings it rests on and gives them once, at the end.
    @Test func aCureSaysWhichReadingsItRestsOn() throws {
        let result = try CLI.run(["cures", CLI.sample("weights-to-ai-office-warsaw.json")])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("cure 1 ") })
        #expect(lines[first + 1] == "  change channel: transfer → remote-api")
        #expect(lines[first + 3] == "  rests on caveat 1, given at the end")
        #expect(lines.contains { $0.hasPrefix("caveat 1, reading of 15 CFR 734.13: ") && $0.contains("Whether prompt-and-response API access is itself an export or release is unsettled in the literature") })
    }

    /// A licence cure rests on what the licence requirement leaves open (its paragraph and its
    /// contested review policy: the licence may well be refused), not on how 4E091 counts
    /// operations, which a held licence makes moot.
    @Test func aLicenceCureNamesTheContestedReviewPolicy() throws {
        let result = try CLI.run(["cures", "--format", "json", "--top", "6", CLI.sample("weights-to-ai-office-warsaw.json")])
        let json = try CLI.json(result.stdout)
        let licence = try #require((json["cures"] as? [[String: Any]] ?? []).first { dimensions($0) == ["licence"] })
        #expect((licence["reliesOn"] as? [[String: Any]] ?? []).compactMap { $0["provision"] as? String } == ["us.ai-diffusion.742.6.a.13"])
        #expect(licence["caveats"] as? [String] == ["us.ai-diffusion.742.6.a.13:open-question", "us.ai-diffusion:open-question", "us.ai-diffusion:reading"])
        let text = (json["caveats"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "us.ai-diffusion.742.6.a.13:open-question" }?["text"] as? String
        #expect(text?.contains("The licence review policy is contested") == true)
    }

    /// Equally cheap cures come in one order, run after run: each run of `ecca` hashes with a
    /// different seed, and the solver's input must not follow a dictionary's order.
    @Test func theSameCuresComeOutOfEveryRun() throws {
        for sample in ["weights-to-ai-office-warsaw.json", "weights-to-brussels-aia-unclaimed.json"] {
            let path = CLI.root.appendingPathComponent("Samples/requests/\(sample)").path
            var outputs: Set<String> = []
            for _ in 0..<6 {
                let result = try CLI.run(["cures", "--as-of", "2026-11-25", "--top", "8", path])
                #expect(result.status == 0, "\(result.stderr)")
                outputs.insert(result.stdout)
            }
            #expect(outputs.count == 1, "\(sample): \(outputs.count) different outputs in 6 runs")
        }
    }

    /// An is-informed-letter model: a licence, US-person evaluators, or evaluators from a trusted
    /// partner its Annex A lists. The last two clear only on ecca's reading of 50 U.S.C. 4801(5), so
    /// they cost `contestedReading` (4) more than their change (4) and rank after the licence (6).
    @Test func aLetterModelIsCuredByAnAnnexAPartnerUSPersonEvaluatorsOrALicence() throws {
        let found = try cures(Self.letter + ["--top", "3", CLI.sample("orion-api-access-letter.json")])
        #expect(found.map(dimensions) == [["licence"], ["recipientNationality"], ["recipientOrganisation"]])
        #expect(found.map { $0["cost"] as? Int } == [6, 8, 8])
        #expect((found[1]["mouWording"] as? [String])?.first?.contains("not foreign persons within the meaning of 50 U.S.C. 4801(5) (US nationals or US permanent residents)") == true)
        #expect((found[0]["verdicts"] as? [String: String]) == ["text": "clear", "enforcement": "clear"])
    }

    @Test func aCureIsRejectedWhenItsCostIsHigher() throws {
        // No surcharge for the presumption of denial a licence for Poland is reviewed under.
        let folder = try CLI.folder(["costs.json": "{\"channel\": 20, \"licence\": 2, \"licenceUnderPresumptionOfDenial\": 0}"])
        let found = try cures(["--costs", folder.appendingPathComponent("costs.json").path, "--top", "3", CLI.sample("weights-to-ai-office-warsaw.json")])
        #expect(dimensions(found[0]) == ["licence"])
        #expect(!found.contains { dimensions($0) == ["channel"] }, "API access now costs more than three other cures")
    }

    @Test func badCostFilesNameThePlace() throws {
        let folder = try CLI.folder(["a.json": "{\n  \"chanel\": 2\n}", "b.json": "{\"licence\": -1}", "c.json": "[1"])
        for (file, message) in [("a.json", "a.json:2: error: chanel: unknown cost"), ("b.json", "b.json:1: error: licence: a cost must be a whole number"),
                                ("c.json", "c.json:1: error: malformed JSON")] {
            let result = try CLI.run(["cures", "--costs", folder.appendingPathComponent(file).path, CLI.sample("weights-to-ai-office-warsaw.json")])
            #expect(result.status == 2)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    func mou(_ name: String) -> String { CLI.root.appendingPathComponent("Samples/mous/\(name)").path }

    /// A draft committing the provider to transfer weights under Art. 92 before it applies.
    static let earlyWeights = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mou xmlns="urn:ecca:mou:1" id="EARLY">
          <title>Weights before Art. 92 applies</title>
          <party role="eu-authority">European Commission (AI Office)</party>
          <party role="provider">Northwind Models, Inc.</party>
          <validity from="2025-06-01" until="2025-07-01"/>
          <scope><legal-basis>Art. 92(3)</legal-basis><artifact>weights</artifact><channel>transfer</channel></scope>
        </mou>
        """

    /// Text where an MoU draft allows none is refused naming the element, not with the
    /// placeholder libxml2's streaming validator puts where it names none ("Did not expect text in
    /// element  TODO  content"): the draft is validated again as a tree, which names it.
    @Test func textWhereAnMoUAllowsNoneIsSaidWithoutPlaceholder() throws {
        let draft = Self.earlyWeights.replacingOccurrences(of: "id=\"EARLY\">", with: "id=\"TEXT\">stray words")
        let folder = try CLI.folder(["text.xml": draft])
        let path = folder.appendingPathComponent("text.xml").path
        let result = try CLI.run(["mou", "verify", path])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "\(path):2: error: not a valid MoU: Did not expect text in element mou content\n")
    }

    /// A draft that lacks a part every MoU has is told which, at the line where it belongs, not
    /// only that the element standing there was not expected (QA M5).
    @Test func aMissingPartOfAnMoUIsNamed() throws {
        let cases = [
            ("no-validity.xml", Self.earlyWeights.replacingOccurrences(of: "  <validity from=\"2025-06-01\" until=\"2025-07-01\"/>\n", with: ""),
             ":6: error: validity: the MoU has no <validity from=\"YYYY-MM-DD\" until=\"YYYY-MM-DD\"/>: it is required, after <party> and before <scope>\n"),
            ("no-scope.xml", Self.earlyWeights.replacingOccurrences(of: "  <scope><legal-basis>Art. 92(3)</legal-basis><artifact>weights</artifact><channel>transfer</channel></scope>\n", with: ""),
             ":2: error: scope: the MoU has no <scope>: it is required, after <validity>\n"),
            ("no-title.xml", Self.earlyWeights.replacingOccurrences(of: "  <title>Weights before Art. 92 applies</title>\n", with: ""),
             ":3: error: title: the MoU has no <title>: it is required, first\n"),
        ]
        for (name, draft, expected) in cases {
            #expect(draft != Self.earlyWeights, "\(name)")
            let path = try CLI.folder([name: draft]).appendingPathComponent(name).path
            let result = try CLI.run(["mou", "verify", path])
            #expect(result.status == 2)
            #expect(result.stderr == path + expected, "\(result.stderr)")
        }
    }

    /// Terms under which nothing clashes still fail when US law forbids a disclosure they commit
    /// the provider to: weights transferred before Art. 92 applies, which 4E091 forbids under the
    /// text in force (and which nothing obliges).
    @Test func termsCommittingToAForbiddenDisclosureDoNotHold() throws {
        let draft = Self.earlyWeights
        let folder = try CLI.folder(["early.xml": draft])
        let text = try CLI.run(["mou", "verify", folder.appendingPathComponent("early.xml").path])
        #expect(text.status == 1, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("  text posture: FORBIDDEN: no request within the scope conflicts, but US law forbids one the terms commit the provider to"))
        #expect(lines.contains("    forbidden by: us.ai-diffusion.4e091"))
        // Why nothing clashes, as the JSON's grounds say (re-audit: the text left it out).
        #expect(lines.contains("    no clash, resting on Art. 92(5): its status: under the text posture it binds on no date of the period"), "\(text.stdout)")
        #expect(lines.contains("  enforcement posture: HOLDS: no request within the scope conflicts, or is forbidden, on any date of the period"))
        // The request printed is one check finds forbidden and unobliged.
        let json = try CLI.json(try CLI.run(["mou", "verify", "--format", "json", "--posture", "text", folder.appendingPathComponent("early.xml").path]).stdout)
        let outcome = try #require((json["outcomes"] as? [[String: Any]])?.first)
        let forbidden = try #require(outcome["forbidden"] as? [String: Any])
        let request = try JSONSerialization.data(withJSONObject: try #require(forbidden["request"]))
        let check = try CLI.folder(["forbidden.json": String(decoding: request, as: UTF8.self)])
        let checked = try CLI.run(["check", "--posture", "text", check.appendingPathComponent("forbidden.json").path])
        #expect(checked.stdout.contains("    clear: US 15 CFR Part 774, Supp. No. 1, ECCN 4E091 forbids it, but nothing obliges it"), "\(checked.stdout)")
        // The JSON says it does not hold (negotiation audit 1: `holds` was true beside `forbidden`).
        #expect(outcome["holds"] as? Bool == false)
        // Before Art. 92 applies nothing clashes, and nothing is forbidden under the enforcement
        // posture only because 4E091 is not enforced: the proof names both (audit 2: it named
        // Art. 92(5)'s status alone).
        let enforcement = try CLI.run(["mou", "verify", "--posture", "enforcement", folder.appendingPathComponent("early.xml").path])
        #expect(enforcement.stdout.contains("""
                rests on Art. 92(5): its status: under the enforcement posture it binds on no date of the period
                rests on 15 CFR Part 774, Supp. No. 1, ECCN 4E091: its status: under the enforcement posture it binds on no date of the period (secondary: BIS announcement of 13 May 2025: the Under Secretary instructed enforcement officials not to enforce the rule (Kirkland, Baker McKenzie, Akin))

            """), "\(enforcement.stdout)")
    }

    /// A counterexample is inside the draft: its recipients belong to an organisation the scope
    /// lists (negotiation audit 3: "Evaluation team", which the other side could dismiss as outside
    /// it), and a request `check` accepts (audit 4: a government body with nationalities).
    @Test func aCounterexampleIsInsideTheScope() throws {
        let draft = try String(contentsOfFile: mou("weights-transfer-eu-evaluators.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<channel>transfer</channel>", with: "<channel>transfer</channel>\n    <recipient-organisation>Lindqvist Evaluation AB</recipient-organisation>")
        #expect(draft.contains("Lindqvist"))
        let folder = try CLI.folder(["named.xml": draft])
        let result = try CLI.run(["mou", "verify", "--format", "json", "--posture", "text", folder.appendingPathComponent("named.xml").path])
        #expect(result.status == 1, "\(result.stderr)")
        let outcome = try #require((try CLI.json(result.stdout)["outcomes"] as? [[String: Any]])?.first)
        let request = try #require(outcome["counterexample"] as? [String: Any])
        let recipients = ((request["items"] as? [[String: Any]])?.first?["recipients"] as? [[String: Any]]) ?? []
        #expect(recipients.map { $0["organisation"] as? String } == ["Lindqvist Evaluation AB"])
        #expect(recipients.allSatisfy { $0["governmentBody"] as? Bool != true || $0["nationalities"] == nil })
        // Its compute is clear of the thresholds, whose comparators may be in doubt (audit 12: 1e26 exactly).
        let compute = ((request["model"] as? [String: Any])?["trainingCompute"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(compute == ["1.0000000001e26", "9.999999999e24"], "\(compute)")
    }

    /// US nationals located in the United States receive no export: the MoU holds. The scope's
    /// nationalities now include the latest citizenship (re-audit: a recipient of no nationality,
    /// latest citizenship US, was a COUNTEREXAMPLE that `check` then found clear). A FLOP minimum
    /// bounds the counterexample's FLOP figure, and its operations figure is not below it
    /// (re-audit: operations alone, below the scope).
    @Test func nationalityAndComputeScopesBoundTheCounterexample() throws {
        let draft = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mou xmlns="urn:ecca:mou:1" id="T-US">
              <title>Weights for US nationals in the United States</title>
              <party role="eu-authority">European Commission (AI Office)</party>
              <party role="provider">Northwind Models, Inc.</party>
              <validity from="2026-09-01" until="2027-07-31"/>
              <scope>
                <legal-basis>Art. 92(3)</legal-basis><artifact>weights</artifact><channel>transfer</channel>
                <recipient-location>US</recipient-location><recipient-nationality>US</recipient-nationality>
              </scope>
            </mou>
            """
        let flop = draft.replacingOccurrences(of: "<recipient-location>US</recipient-location><recipient-nationality>US</recipient-nationality>",
                                              with: "<compute unit=\"FLOP\" min=\"2e26\"/>")
        #expect(flop != draft)
        let folder = try CLI.folder(["us.xml": draft, "flop.xml": flop])
        let us = try CLI.run(["mou", "verify", "--posture", "text", folder.appendingPathComponent("us.xml").path])
        #expect(us.status == 0, "\(us.stdout)")
        let result = try CLI.run(["mou", "verify", "--format", "json", "--posture", "text", folder.appendingPathComponent("flop.xml").path])
        #expect(result.status == 1)
        let request = try #require((try CLI.json(result.stdout)["outcomes"] as? [[String: Any]])?.first?["counterexample"] as? [String: Any])
        let compute = ((request["model"] as? [String: Any])?["trainingCompute"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? "") \($0["unit"] ?? "")" }
        #expect(compute == ["2e26 FLOP", "2e26 operations"])
        let data = try JSONSerialization.data(withJSONObject: request)
        let check = try CLI.folder(["cx.json": String(decoding: data, as: UTF8.self)])
        #expect(try CLI.run(["check", "--posture", "text", check.appendingPathComponent("cx.json").path]).status == 1)
    }

    /// A clear item that a US prohibition forbids, which nothing obliges, has nothing to cure, and
    /// `cures` says not to offer it (negotiation audit 8: "nothing to cure" alone).
    @Test func aForbiddenClearItemIsNotOffered() throws {
        let request = try String(contentsOfFile: CLI.sample("orion-api-access-letter.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"Art. 92(3)\"", with: "\"Art. 91(1)\"")
        let folder = try CLI.folder(["r.json": request])
        let result = try CLI.run(["cures"] + Self.letter + [folder.appendingPathComponent("r.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("note: item 0: clear, since nothing obliges the disclosure, but BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1 forbids it: do not offer it;"), "\(result.stdout)")
    }

    @Test func theSampleMoUsHoldFailOrHoldOnlyUnderEnforcement() throws {
        let holds = try CLI.run(["mou", "verify", mou("api-and-enclave-access.xml")])
        #expect(holds.status == 0)
        // Under the enforcement posture nothing is forbidden because 4E091 is not enforced: the
        // proof says so (negotiation audit 2: that HOLDS named no ground).
        let enforcement = holds.stdout.components(separatedBy: "  enforcement posture: ").last ?? ""
        #expect(enforcement.contains("    rests on 15 CFR Part 774, Supp. No. 1, ECCN 4E091: its status: under the enforcement posture it binds on no date of the period (secondary: BIS announcement of 13 May 2025: the Under Secretary instructed enforcement officials not to enforce the rule (Kirkland, Baker McKenzie, Akin))\n"), "\(holds.stdout)")
        let letter = try CLI.run(["mou", "verify", "--format", "json"] + Self.letter + [mou("orion-api-access.xml")])
        #expect(letter.status == 1)
        let outcomes = try CLI.json(letter.stdout)["outcomes"] as? [[String: Any]] ?? []
        #expect(outcomes.map { $0["holds"] as? Bool } == [false, false])
        #expect(try CLI.run(["mou", "verify", "--posture", "enforcement", mou("weights-transfer-eu-evaluators.xml")]).status == 0)
        #expect(try CLI.run(["mou", "verify", "--posture", "text", mou("weights-transfer-eu-evaluators.xml")]).status == 1)
    }

    /// A scope that writes its letter's model another way ("orion-7") names that model, as a
    /// request that writes it so does in `check`: the proof is on Orion-7, and an assumption says so.
    @Test func aScopesModelWrittenAnotherWayIsTheLettersModel() throws {
        let text = draft(id: "W5", scope: ["<legal-basis>Art. 92(3)</legal-basis>", "<artifact>api-access</artifact>", "<channel>remote-api</channel>",
                                           #"<model name="orion-7"/>"#, #"<instrument ref="us.bis.letter.helios-orion-2026"/>"#],
                         provider: "Helios AI, Inc.")
        let folder = try CLI.folder(["w5.xml": text])
        let result = try CLI.run(["mou", "verify", "--format", "json"] + Self.letter + [folder.appendingPathComponent("w5.xml").path])
        // Read as `check` reads a request's model: the letter applies, and the terms fail as they
        // do for "Orion-7" (they had held, with a warning, QA s27 H1).
        #expect(result.status == 1, "\(result.stderr)")
        let json = try CLI.json(result.stdout)
        #expect(json["warnings"] as? [String] == [], "\(result.stdout)\(result.stderr)")
        #expect((json["assumptions"] as? [String])?.first == "the scope's model 'orion-7' is taken to be 'Orion-7', the name the law loaded tests: the two differ only in case, spaces or punctuation (if they are different models, correct the MoU)")
        let outcomes = json["outcomes"] as? [[String: Any]] ?? []
        #expect(outcomes.map { $0["holds"] as? Bool } == [false, false])
        #expect(outcomes.allSatisfy { (($0["counterexample"] as? [String: Any])?["model"] as? [String: Any])?["name"] as? String == "Orion-7" })
    }

    /// A counterexample is a request within the scope: its compute lies in the scope's range (it
    /// was 1e26 operations for a scope from 2e26), and its FLOP figure is no filler 0.
    @Test func aCounterexamplesComputeLiesWithinTheScope() throws {
        let draft = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mou xmlns="urn:ecca:mou:1" id="RANGE">
              <title>t</title>
              <party role="eu-authority">European Commission (AI Office)</party>
              <party role="provider">Northwind Models, Inc.</party>
              <validity from="2026-09-01" until="2027-08-31"/>
              <scope>
                <legal-basis>Art. 92(3)</legal-basis>
                <artifact>weights</artifact>
                <channel>transfer</channel>
                <recipient-location>PL</recipient-location>
                <compute unit="operations" min="2e26" max="3e26"/>
                <weights-published>false</weights-published>
              </scope>
            </mou>
            """
        let folder = try CLI.folder(["range.xml": draft])
        let result = try CLI.run(["mou", "verify", "--posture", "text", "--format", "json", folder.appendingPathComponent("range.xml").path])
        #expect(result.status == 1, "\(result.stderr)")
        let outcome = try #require((try CLI.json(result.stdout)["outcomes"] as? [[String: Any]])?.first)
        let model = try #require((outcome["counterexample"] as? [String: Any])?["model"] as? [String: Any])
        let figures = try #require(model["trainingCompute"] as? [[String: Any]])
        let operations = try #require(figures.first { $0["unit"] as? String == "operations" }?["value"] as? String).flatMap(Double.init)
        #expect(operations.map { $0 >= 2e26 && $0 <= 3e26 } == true, "\(figures)")
        let flop = figures.first { $0["unit"] as? String == "FLOP" }?["value"] as? String
        #expect(flop != "0", "\(figures)")
    }

    /// Every result, holding or not, says that the statuses are today's: a HOLDS under the
    /// enforcement posture through 2027 does not foresee enforcement resuming or a new letter.
    @Test(arguments: ["api-and-enclave-access.xml", "orion-api-access.xml", "weights-transfer-eu-evaluators.xml"])
    func mouResultsSayTheStatusesAreThoseKnownToday(_ file: String) throws {
        let result = try CLI.run(["mou", "verify", "--format", "json", "--instrument", CLI.letter, mou(file)])
        let assumptions = try CLI.json(result.stdout)["assumptions"] as? [String] ?? []
        #expect(assumptions.dropFirst().first == "statuses as the regulations loaded give them (enforcement postures and is-informed letters as known): a change of enforcement posture or a new is-informed letter during the period is not foreseen")
    }

    /// A result names the readings it rests on, once, at the end: a proof that the MoU holds
    /// those of the rules and statuses it needs (API access and a US-hosted enclave release no parameters:
    /// ecca's reading of 15 CFR 734.13; under the enforcement posture, that the AI Diffusion rule
    /// does not bind), a counterexample those of its findings.
    @Test func mouResultsNameTheReadingsTheyRestOn() throws {
        let holds = try CLI.run(["mou", "verify", mou("api-and-enclave-access.xml")])
        #expect(holds.status == 0, "\(holds.stderr)")
        #expect(holds.stdout == """
            MoU MOU-2026-NW-01 from 2026-09-01 to 2027-12-31
              the scope lists values its commitments rule out; requests with them are covered too, and were verified without those commitments:
                - the scope's channel remote-api (line 19) is ruled out by the us-hosted-enclave commitment (line 24)
              text posture: HOLDS: no request within the scope (including the values its commitments rule out) conflicts, or is forbidden, on any date of the period
                rests on the us-hosted-enclave commitment (line 24): the proof needs it: "Where the evaluation needs more than API access, the Provider hosts an attested enclave in the United States whose decryption keys are never given to the evaluators."
                rests on 15 CFR 734.13: its rule as ecca reads it: an export, reexport, deemed export or release of the model's parameters (15 CFR 734.13(a)(1)-(2), 734.14(a), 734.15(a)): transferred to a recipient outside the United States or to a foreign person; inspected on site where they are hosted outside the United States, or by a foreign person (where the request does not say where they are hosted, where the recipient is located); or run in a secure enclave hosted outside the United States, where they are decrypted (734.18(a)(5) excludes only encrypted sending and storage)
                rests on caveat 1, given at the end
              enforcement posture: HOLDS: no request within the scope (including the values its commitments rule out) conflicts, or is forbidden, on any date of the period
                rests on 15 CFR Part 774, Supp. No. 1, ECCN 4E091: its status: under the enforcement posture it binds on no date of the period (secondary: BIS announcement of 13 May 2025: the Under Secretary instructed enforcement officials not to enforce the rule (Kirkland, Baker McKenzie, Akin))
                rests on caveats 2, 3, given at the end
            assumed:
              - the regulations loaded (6 files, 98 provisions); no rule outside them
              - statuses as the regulations loaded give them (enforcement postures and is-informed letters as known): a change of enforcement posture or a new is-informed letter during the period is not foreseen
              - dates from 2026-09-01 to 2027-12-31 (the MoU's validity is 2026-09-01 to 2027-12-31)
              - facts the scope and commitments do not fix range over all their values (for example Code of Practice chapters, recipient roles, placement on the market)
              - one item and one recipient per request: a request with several is covered when each of its items and recipients is
              - no provider-specific instrument (is-informed letter) applies: the scope names none
              - Art. 78 confidentiality binds the Commission and changes no US-law outcome

            caveat 1, reading of 15 CFR 734.13: The model's parameters reach a recipient by an export, reexport, deemed export or release when they are transferred or inspected on site (channels transfer and on-site), outside the United States (an export or reexport) or to a foreign person (a deemed export or release, 734.13(a)(2), 734.14(a)(2), 734.15(a)). A transfer takes place where the recipient is located. An on-site inspection is a release by "visual or other inspection" (734.15(a)(1)) where the parameters are hosted, wherever the inspector normally works: inspected in the United States by a foreign person, it is a deemed export to the person's most recent country of citizenship or permanent residency (734.13(b)); inspected abroad, ecca reads it as an export or reexport to the country where they are hosted, as it reads an enclave hosted there, and, to a foreign person of another country, as a deemed reexport to theirs too (734.14(a)(2), (b)). Where the request does not say where the parameters are hosted, ecca takes the inspection to take place where the recipient is located, reading that as where the inspector will be when inspecting them (an inspector must be where the parameters are); if the inspection will take place elsewhere, the place of hosting decides, and the verdict may change. API access returns outputs, not parameters, so ecca reads it as no export or release of them; publication makes them published (734.7). Secure enclaves: an attested enclave hosted in the United States whose decryption keys are never given to the recipient releases nothing to the recipient (734.15), and ecca reads it as no export. An enclave hosted outside the United States ecca reads as an export or reexport of the parameters to the country where it is hosted, whoever holds the keys: 734.18(a)(5) excludes only sending, taking or storing technology secured with end-to-end encryption, and an enclave that runs the model decrypts the weights inside it, so they are held in usable form abroad; in Russia or a Country Group D:5 country even encrypted storage is not excluded (734.18(a)(5)(iv)). An enclave whose hosting location is not given leaves the verdict open. This is ecca's reading, not verified against authority. On the other reading, under which an attested enclave abroad whose keys stay with the provider is still only encrypted storage, an enclave hosted outside the United States, Russia and Country Group D:5 would be no export, and ecca's conflicts over enclaves hosted in, for example, Poland would be clear (ecca has no list of D:5: its membership is unverified). Whether prompt-and-response API access is itself an export or release is unsettled in the literature; the June 2026 is-informed letters reach model access expressly, so where such a letter applies, it reaches API access.
            caveat 2, open question on Framework for Artificial Intelligence Diffusion (interim final rule, Bureau of Industry and Security): No rescission published: no Federal Register document rescinding the rule was found in the sources reviewed (to about October 2026). GAO decision B-337935 (12 May 2026) holds that the BIS press release of 13 May 2025 is itself a "rule" under the Congressional Review Act (verified, gao.gov); Pillsbury (28 May 2026) concludes that the rule "remains legally in effect … notwithstanding the stated non-enforcement posture" (secondary). So ecca keeps the text in force, with enforcement ended on 13 May 2025 and no rescission.
            caveat 3, reading of Framework for Artificial Intelligence Diffusion (interim final rule, Bureau of Industry and Security): Posture: the enforcement window (13 January to 12 May 2025) ends before the compliance date (15 May 2025), so under the enforcement posture the rule's norms bind on no date since 13 May 2025; under the text posture they bind from 15 May 2025 with no end date. ecca reports both ("conflict under the text in force; clear under the enforcement posture"). A verdict that is clear under the enforcement posture is no licence, no authorisation and no safe harbour: the text remains in force (GAO B-337935; Pillsbury), the instruction not to enforce it is a policy that can be withdrawn at any time, and an export made meanwhile without the licence the text requires stays exposed if enforcement resumes.

            """)

        let result = try CLI.run(["mou", "verify", "--format", "json", mou("weights-transfer-eu-evaluators.xml")])
        #expect(result.status == 1, "\(result.stderr)")
        let json = try CLI.json(result.stdout)
        let outcomes = json["outcomes"] as? [[String: Any]] ?? []
        #expect(outcomes.compactMap { $0["posture"] as? String } == ["text", "enforcement"])
        let counterexample = try #require(outcomes.first)
        let findingCaveats = ((counterexample["analysis"] as? [String: Any])?["caveats"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(counterexample["caveats"] as? [String] == findingCaveats)
        #expect(findingCaveats == ["eu.ai-act.art92.5:reading", "eu.ai-act.art92.5:reading-2", "eu.ai-act.art92.5:reading-3", "eu.ai-act:reading", "us.ai-diffusion.4e091:open-question",
                                   "us.ai-diffusion.4e091:reading", "us.ai-diffusion.4e091:reading-2", "us.ai-diffusion:open-question",
                                   "us.ai-diffusion:reading", "eu.ai-act.art3.63:reading", "eu.ai-act.art3.47:reading", "us.ear.734.13:reading",
                                   "us.ecra.4801.5:reading", "us.ai-diffusion.742.6.a.13:open-question", "us.ai-diffusion.740.27:open-question",
                                   "us.ai-diffusion.740.27:reading"])
        #expect(outcomes.last?["caveats"] as? [String] == ["us.ai-diffusion:open-question", "us.ai-diffusion:reading"])
        #expect((json["caveats"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } == findingCaveats)
    }

    /// Every counterexample `mou verify` prints is a request that `ecca check` accepts and finds not clear.
    @Test(arguments: [("orion-api-access.xml", "both"), ("weights-transfer-eu-evaluators.xml", "text")])
    func everyCounterexampleReproducesWithCheck(_ sample: String, _ posture: String) throws {
        let result = try CLI.run(["mou", "verify", "--format", "json", "--posture", posture] + Self.letter + [mou(sample)])
        #expect(result.status == 1)
        let outcomes = try CLI.json(result.stdout)["outcomes"] as? [[String: Any]] ?? []
        var checked = 0
        for outcome in outcomes where outcome["holds"] as? Bool == false && outcome["forbidden"] == nil {
            let request = try #require(outcome["counterexample"] as? [String: Any])
            // A recipient's role fits its organisation: the authority's staff only at the authority.
            for item in request["items"] as? [[String: Any]] ?? [] {
                for recipient in item["recipients"] as? [[String: Any]] ?? [] where recipient["role"] as? String == "authority-staff" {
                    #expect(recipient["organisation"] as? String == (request["requester"] as? [String: Any])?["authority"] as? String, "\(recipient)")
                }
            }
            let data = try JSONSerialization.data(withJSONObject: request)
            let folder = try CLI.folder(["counterexample.json": String(decoding: data, as: UTF8.self)])
            let check = try CLI.run(["check", "--format", "json", "--posture", outcome["posture"] as! String]
                                    + Self.letter + [folder.appendingPathComponent("counterexample.json").path])
            #expect(check.status == 1, "\(check.stderr)")
            let verdict = try CLI.json(check.stdout)["verdict"] as? String
            #expect(verdict != "clear")
            let cited = Set((try CLI.json(check.stdout)["findings"] as? [[String: Any]] ?? [])
                .flatMap { ($0["provisions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } })
            #expect(cited == Set(outcome["provisions"] as? [String] ?? []))
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test func badMoUFilesNameThePlace() throws {
        let base = try String(contentsOfFile: mou("api-and-enclave-access.xml"), encoding: .utf8)
        let folder = try CLI.folder([
            "artifact.xml": base.replacingOccurrences(of: "<artifact>weights</artifact>", with: "<artifact>blueprints</artifact>"),
            "malformed.xml": String(base.prefix(400)),
            "dates.xml": base.replacingOccurrences(of: "until=\"2027-12-31\"", with: "until=\"2026-01-01\""),
        ])
        let cases = [("artifact.xml", "artifact.xml:15: error: artifact: unknown artifact 'blueprints'"),
                     ("malformed.xml", "malformed.xml:"), ("dates.xml", "error: validity: ends (2026-01-01) before it starts (2026-09-01)")]
        for (file, message) in cases {
            let result = try CLI.run(["mou", "verify", folder.appendingPathComponent(file).path])
            #expect(result.status == 2, "\(file)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    /// A commitment claims what its kind says: an `aia-certification` naming another provision
    /// (4E091 Note 2) is refused rather than read as a claim of that provision, and so is an
    /// `exception-claim` of a provision no exporter can claim (an EU obligation).
    @Test func aCommitmentClaimingTheWrongProvisionIsRefused() throws {
        let base = try String(contentsOfFile: mou("weights-transfer-eu-evaluators.xml"), encoding: .utf8)
        func with(_ commitment: String) -> String {
            base.replacingOccurrences(of: "  <commitment kind=\"art78", with: "  \(commitment)\n  <commitment kind=\"art78")
        }
        let folder = try CLI.folder([
            "note2.xml": with(#"<commitment kind="aia-certification" provision="us.ai-diffusion.4e091.note2">AIA</commitment>"#),
            "obligation.xml": with(#"<commitment kind="exception-claim" provision="eu.ai-act.art92.5">claim</commitment>"#),
            "aia.xml": with(#"<commitment kind="aia-certification" provision="15 CFR 740.27">AIA</commitment>"#),
        ])
        let cases = [
            ("note2.xml", "note2.xml:21: error: commitment.provision: an aia-certification claims License Exception AIA (15 CFR 740.27, us.ai-diffusion.740.27), not 'us.ai-diffusion.4e091.note2' (claim another exception with kind=\"exception-claim\")\n"),
            ("obligation.xml", "obligation.xml:21: error: commitment.provision: 'eu.ai-act.art92.5' (Art. 92(5)) is not an exception an exporter can claim (expected one of: us.ai-diffusion.4e091.note1, us.ai-diffusion.4e091.note2, us.ai-diffusion.740.27, us.bis.letter.anthropic-2026-06-26.1, us.ear.734.20, us.ear.734.3.a)\n"),
        ]
        for (file, message) in cases {
            let path = folder.appendingPathComponent(file).path
            let result = try CLI.run(["mou", "verify", path])
            #expect(result.status == 2, "\(file)")
            #expect(result.stdout == "")
            #expect(result.stderr == folder.path + "/" + message)
        }
        // The AIA provision named by its citation is what an aia-certification claims anyway.
        let aia = try CLI.run(["mou", "verify", "--posture", "enforcement", folder.appendingPathComponent("aia.xml").path])
        #expect(aia.status == 0, "\(aia.stderr)")
    }

    /// Terms no request satisfies would hold vacuously: a period outside the MoU's validity, or
    /// commitments that contradict the whole scope (an enclave where the scope lists only
    /// transfers and on-site inspection), are refused as unusable input; a reversed period is a
    /// usage error, as in `ecca timeline`.
    @Test func termsNoRequestSatisfiesDoNotHold() throws {
        let sample = mou("weights-transfer-eu-evaluators.xml")
        let base = try String(contentsOfFile: sample, encoding: .utf8)
        let folder = try CLI.folder(["enclave.xml": base.replacingOccurrences(
            of: "  <commitment kind=\"art78", with: "  <commitment kind=\"us-hosted-enclave\">An enclave in the United States.</commitment>\n  <commitment kind=\"art78")])
        let contradictory = folder.appendingPathComponent("enclave.xml").path
        let vacuous = try CLI.run(["mou", "verify", contradictory])
        #expect(vacuous.status == 2)
        #expect(vacuous.stdout == "")
        #expect(vacuous.stderr == "\(contradictory): error: MoU MOU-2026-NW-02: no request lies within the scope and commitments: the terms hold vacuously (the scope and the us-hosted-enclave commitment (line 21) contradict each other)\n")

        let outside = try CLI.run(["mou", "verify", "--format", "json", "--from", "2028-01-01", "--to", "2028-02-01", sample])
        #expect(outside.status == 2)
        #expect(outside.stdout == "")
        #expect(outside.stderr == "\(sample): error: MoU MOU-2026-NW-02: no date from 2028-01-01 to 2028-02-01 lies within the MoU's validity (2026-09-01 to 2027-08-31), so no request lies within the scope and commitments: the terms hold vacuously\n")

        let reversed = try CLI.run(["mou", "verify", "--from", "2027-05-01", "--to", "2027-01-01", sample])
        #expect(reversed.status == 64)
        #expect(reversed.stdout == "")
        #expect(reversed.stderr.hasPrefix("Error: --to 2027-01-01 is before --from 2027-05-01\n"), "\(reversed.stderr)")
    }

    /// A draft MoU with the given scope and commitments (one line each), Northwind as provider.
    func draft(id: String, scope: [String], commitments: [String] = [], provider: String = "Northwind Models, Inc.") -> String {
        ([#"<?xml version="1.0" encoding="UTF-8"?>"#, #"<mou xmlns="urn:ecca:mou:1" id="\#(id)">"#, "  <title>\(id)</title>",
          #"  <party role="eu-authority">European Commission (AI Office)</party>"#, #"  <party role="provider">\#(provider)</party>"#,
          #"  <validity from="2026-10-01" until="2027-08-31"/>"#, "  <scope>"]
         + scope.map { "    " + $0 } + ["  </scope>"] + commitments.map { "  " + $0 } + ["</mou>", ""]).joined(separator: "\n")
    }

    /// A commitment that rules out a value the scope lists (an enclave commitment beside a
    /// `transfer` channel) does not narrow what the MoU covers: the scope still lists the value,
    /// so the value is reported with its line and requests with it are verified without that
    /// commitment. Weights of a model of 2e26 operations transferred to Poland clash under the
    /// text posture; before, the MoU was reported to hold.
    @Test func aValueTheCommitmentsRuleOutIsStillVerified() throws {
        let text = draft(id: "ENC-TRAP", scope: [
            "<legal-basis>Art. 92(3)</legal-basis>", "<artifact>weights</artifact>", "<channel>transfer</channel>",
            "<channel>secure-enclave</channel>", "<recipient-location>PL</recipient-location>", #"<model name="Northwind-5"/>"#,
            #"<compute unit="operations" min="2e26"/>"#, "<weights-published>false</weights-published>",
        ], commitments: [#"<commitment kind="us-hosted-enclave">Where the evaluation needs more than API access, the Provider hosts an attested enclave in the United States.</commitment>"#])
        let folder = try CLI.folder(["trap.xml": text])
        let path = folder.appendingPathComponent("trap.xml").path
        let result = try CLI.run(["mou", "verify", "--posture", "text", path])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(6)) == [
            "MoU ENC-TRAP from 2026-10-01 to 2027-08-31",
            "  the scope lists values its commitments rule out; requests with them are covered too, and were verified without those commitments:",
            "    - the scope's channel transfer (line 10) is ruled out by the us-hosted-enclave commitment (line 17)",
            "  text posture: COUNTEREXAMPLE: a request within the scope still conflicts",
            "    clash: eu.ai-act.art92.5 + us.ai-diffusion.4e091",
            "    on the scope's channel transfer (line 10), which the us-hosted-enclave commitment (line 17) rules out",
        ])
        let json = try CLI.json(try CLI.run(["mou", "verify", "--format", "json", "--posture", "text", path]).stdout)
        let ruledOut = try #require((json["ruledOut"] as? [[String: Any]])?.first)
        #expect(ruledOut["term"] as? String == "channel")
        #expect(ruledOut["value"] as? String == "transfer")
        #expect(ruledOut["line"] as? Int == 10)
        #expect(ruledOut["commitments"] as? [String] == ["the us-hosted-enclave commitment (line 17)"])
        let outcome = try #require((json["outcomes"] as? [[String: Any]])?.first)
        #expect((outcome["ruledOutValue"] as? [String: Any])?["value"] as? String == "transfer")
        // The counterexample is a transfer that `ecca check` finds in conflict.
        let request = try #require(outcome["counterexample"] as? [String: Any])
        #expect(((request["items"] as? [[String: Any]])?.first?["channel"]) as? String == "transfer")
        let data = try JSONSerialization.data(withJSONObject: request)
        let check = try CLI.folder(["cx.json": String(decoding: data, as: UTF8.self)])
        #expect(try CLI.run(["check", "--posture", "text", check.appendingPathComponent("cx.json").path]).status == 1)
        // Without the transfer channel nothing is ruled out and the MoU holds.
        let enclaveOnly = try CLI.folder(["enclave.xml": text.replacingOccurrences(of: "    <channel>transfer</channel>\n", with: "")])
        let holds = try CLI.run(["mou", "verify", "--format", "json", enclaveOnly.appendingPathComponent("enclave.xml").path])
        #expect(holds.status == 0, "\(holds.stdout)")
        #expect((try CLI.json(holds.stdout)["ruledOut"] as? [Any])?.isEmpty == true)
    }

    /// `us-person-evaluators` means not foreign persons (50 U.S.C. 4801(5)): US nationals or US
    /// permanent residents. EU nationals holding US permanent residence satisfy it, so an MoU for
    /// them is verified, not refused as contradictory: API access to the letter's model holds;
    /// weights transferred to Poland still clash (a transfer abroad is an export whoever receives it).
    @Test func usPersonEvaluatorsIncludeUSPermanentResidents() throws {
        let orion = draft(id: "LPR-1", scope: [
            "<legal-basis>Art. 92(3)</legal-basis>", "<artifact>api-access</artifact>", "<channel>remote-api</channel>",
            #"<recipient-nationality set="eu.member-states"/>"#, #"<model name="Orion-7"/>"#, #"<instrument ref="us.bis.letter.helios-orion-2026"/>"#,
        ], commitments: [#"<commitment kind="us-person-evaluators">Only evaluators who are US permanent residents.</commitment>"#], provider: "Helios AI, Inc.")
        let weights = draft(id: "LPR-2", scope: [
            "<legal-basis>Art. 92(3)</legal-basis>", "<artifact>weights</artifact>", "<channel>transfer</channel>",
            "<recipient-nationality>PL</recipient-nationality>", #"<compute unit="operations" min="2e26"/>"#,
        ], commitments: [#"<commitment kind="us-person-evaluators">US persons only.</commitment>"#])
        let folder = try CLI.folder(["orion.xml": orion, "weights.xml": weights])
        let api = try CLI.run(["mou", "verify", "--format", "json"] + Self.letter + [folder.appendingPathComponent("orion.xml").path])
        #expect(api.status == 0, "\(api.stderr)")
        #expect((try CLI.json(api.stdout)["outcomes"] as? [[String: Any]] ?? []).map { $0["holds"] as? Bool } == [true, true])
        let transfer = try CLI.run(["mou", "verify", "--format", "json", "--posture", "text", folder.appendingPathComponent("weights.xml").path])
        #expect(transfer.status == 1, "\(transfer.stderr)")
        let outcome = try #require((try CLI.json(transfer.stdout)["outcomes"] as? [[String: Any]])?.first)
        let recipient = try #require((((outcome["counterexample"] as? [String: Any])?["items"] as? [[String: Any]])?.first?["recipients"] as? [[String: Any]])?.first)
        #expect(recipient["nationalities"] as? [String] == ["PL"])
        #expect(recipient["usPermanentResident"] as? Bool == true)
    }

    /// A proof that the MoU holds names what it rests on: here the exporter's claim of 4E091
    /// Note 1, committed in the MoU, for unpublished weights of a 5e27-operation model.
    @Test func aProofNamesTheCommitmentsAndExceptionsItRestsOn() throws {
        let text = draft(id: "N1", scope: [
            "<legal-basis>Art. 92(3)</legal-basis>", "<artifact>weights</artifact>", "<channel>transfer</channel>",
            "<recipient-location>PL</recipient-location>", #"<compute unit="operations" min="5e27"/>"#, "<weights-published>false</weights-published>",
        ], commitments: [#"<commitment kind="exception-claim" provision="us.ai-diffusion.4e091.note1">The Provider claims Note 1 to ECCN 4E091.</commitment>"#])
        let folder = try CLI.folder(["n1.xml": text])
        let result = try CLI.run(["mou", "verify", "--posture", "text", folder.appendingPathComponent("n1.xml").path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(#"    rests on the exception-claim commitment (line 15): the proof needs it: "The Provider claims Note 1 to ECCN 4E091.""#), "\(result.stdout)")
        #expect(lines.contains("    rests on 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 1: holds for every request of the scope: 4E091 Note 1: the parameters are published (15 CFR 734.7(a)), or the model is derived from a published model within Note 1's limits (claimed by the exporter, unless the request says the model is not derived from a published one); claimed under the exception-claim commitment (line 15): that its conditions are met is the exporter's to establish"))
        // The proof does not let a request deny the derivation the claim rests on, and says so.
        #expect(lines.contains("  - the requests do not say whether the model is derived from a published model: a committed claim of ECCN 4E091 Note 1 is the provider's to establish, as in a request that claims it"))
        let json = try CLI.json(try CLI.run(["mou", "verify", "--format", "json", "--posture", "text", folder.appendingPathComponent("n1.xml").path]).stdout)
        let grounds = try #require((json["outcomes"] as? [[String: Any]])?.first?["grounds"] as? [[String: Any]])
        #expect(grounds.compactMap { $0["provision"] as? String }.contains("us.ai-diffusion.4e091.note1"))
        #expect(grounds.contains { $0["source"] as? String == "the exception-claim commitment (line 15)" && $0["provision"] == nil })
    }

    /// A loaded is-informed letter that names the scope's model and provider, but that the scope
    /// does not list, is applied all the same (it binds its addressee whether or not the MoU lists
    /// it); a warning says so, in text, JSON and on stderr, with what the MoU gives as written.
    @Test func aLoadedLetterForTheScopesModelAppliesThoughTheScopeDoesNotListIt() throws {
        let text = draft(id: "HE-NOLETTER", scope: [
            "<legal-basis>Art. 92(3)</legal-basis>", "<artifact>api-access</artifact>", "<channel>remote-api</channel>",
            #"<model name="Orion-7"/>"#, "<provider>Helios AI, Inc.</provider>",
        ], provider: "Helios AI, Inc.")
        let folder = try CLI.folder(["he.xml": text])
        let path = folder.appendingPathComponent("he.xml").path
        let warning = "the loaded instrument FICTIONAL SAMPLE: BIS is-informed letter to Helios AI, Inc. concerning the Orion-7 model (15 September 2026) (us.bis.letter.helios-orion-2026) applies to the model 'Orion-7', which the scope covers, but the scope does not list it; a letter binds the company it is addressed to whether or not an MoU lists it, so the result applies it (without it, as written, the MoU gives HOLDS under the text posture, HOLDS under the enforcement posture); list it with <instrument ref=\"us.bis.letter.helios-orion-2026\"/> in the scope"
        let result = try CLI.run(["mou", "verify"] + Self.letter + [path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[1] == "  warning: " + warning)
        #expect(lines[2] == "  text posture: COUNTEREXAMPLE: a request within the scope still conflicts")
        #expect(result.stderr == "\(path): warning: \(warning)\n")
        let json = try CLI.json(try CLI.run(["mou", "verify", "--format", "json"] + Self.letter + [path]).stdout)
        #expect(json["warnings"] as? [String] == [warning])
        let outcomes = try #require(json["outcomes"] as? [[String: Any]])
        #expect(outcomes.map { $0["holds"] as? Bool } == [false, false])
        // The counterexample names the letter, so `check` with it loaded reproduces the conflict.
        let counterexample = try #require(outcomes.first?["counterexample"] as? [String: Any])
        #expect(counterexample["instruments"] as? [String] == ["us.bis.letter.helios-orion-2026"])
        // Listed in the scope, the letter gives the same outcomes and no warning.
        let listed = try CLI.folder(["he.xml": text.replacingOccurrences(of: "<provider>Helios AI, Inc.</provider>", with: "<provider>Helios AI, Inc.</provider><instrument ref=\"us.bis.letter.helios-orion-2026\"/>")])
        let asListed = try CLI.run(["mou", "verify"] + Self.letter + [listed.appendingPathComponent("he.xml").path])
        #expect(asListed.status == 1)
        #expect(asListed.stderr == "")
        // An MoU of two providers: the letter binds only its addressee, so the counterexample that
        // lists it is Helios's, not the other party's.
        let two = try CLI.folder(["two.xml": draft(id: "HE-NW", scope: [
            "<legal-basis>Art. 92(3)</legal-basis>", "<artifact>api-access</artifact>", "<channel>remote-api</channel>",
            #"<model name="Orion-7"/>"#, "<provider>Helios AI, Inc.</provider>",
        ])])
        let shared = try CLI.json(try CLI.run(["mou", "verify", "--format", "json"] + Self.letter + [two.appendingPathComponent("two.xml").path]).stdout)
        let sharedCounterexample = try #require((shared["outcomes"] as? [[String: Any]])?.first?["counterexample"] as? [String: Any])
        #expect((sharedCounterexample["provider"] as? [String: Any])?["name"] as? String == "Helios AI, Inc.")
        #expect(sharedCounterexample["instruments"] as? [String] == ["us.bis.letter.helios-orion-2026"])
        // Another provider's model is no concern of the letter's.
        let northwind = try CLI.folder(["nw.xml": text.replacingOccurrences(of: "Orion-7", with: "Northwind-5").replacingOccurrences(of: "Helios AI, Inc.", with: "Northwind Models, Inc.")])
        let other = try CLI.run(["mou", "verify"] + Self.letter + [northwind.appendingPathComponent("nw.xml").path])
        #expect(other.stderr == "")
        #expect(!other.stdout.contains("warning"))
        // A scope naming no model covers Orion-7 only where the MoU is Helios's: its provider party says.
        let open = ["<legal-basis>Art. 92(3)</legal-basis>", "<artifact>api-access</artifact>", "<channel>remote-api</channel>"]
        let parties = try CLI.folder(["nw.xml": draft(id: "NW", scope: open), "he.xml": draft(id: "HE", scope: open, provider: "Helios AI, Inc.")])
        #expect(try CLI.run(["mou", "verify"] + Self.letter + [parties.appendingPathComponent("nw.xml").path]).stderr == "")
        #expect(try CLI.run(["mou", "verify"] + Self.letter + [parties.appendingPathComponent("he.xml").path]).stderr.contains("warning: the loaded instrument"))
    }

    /// A loaded letter that may bind the MoU's provider but is not applied is said: one naming the
    /// scope's model but not the MoU's provider as the letter writes it. The result is the MoU's
    /// without it. A model written another way only in case, spaces or punctuation is the letter's.
    @Test func aLoadedLetterNearlyReachingTheScopeIsSaid() throws {
        let letter = "FICTIONAL SAMPLE: BIS is-informed letter to Helios AI, Inc. concerning the Orion-7 model (15 September 2026) (us.bis.letter.helios-orion-2026)"
        let scope = ["<legal-basis>Art. 92(3)</legal-basis>", "<artifact>api-access</artifact>", "<channel>remote-api</channel>"]
        let folder = try CLI.folder([
            "spaced.xml": draft(id: "SPACED", scope: scope + [#"<model name="Orion 7"/>"#], provider: "Helios AI, Inc."),
            "incorporated.xml": draft(id: "INC", scope: scope + [#"<model name="Orion-7"/>"#], provider: "Helios AI Incorporated"),
        ])
        // "Orion 7" is Orion-7, as `check` reads it: the letter is applied, unlisted, as for "Orion-7".
        let spaced = try CLI.run(["mou", "verify"] + Self.letter + [folder.appendingPathComponent("spaced.xml").path])
        #expect(spaced.status == 1, "\(spaced.stderr)")
        #expect(spaced.stdout.split(separator: "\n").map(String.init)[1].hasPrefix("  warning: the loaded instrument \(letter) applies to the model 'Orion-7', which the scope covers, but the scope does not list it"))
        let incorporated = try CLI.run(["mou", "verify"] + Self.letter + [folder.appendingPathComponent("incorporated.xml").path])
        #expect(incorporated.status == 0, "\(incorporated.stderr)")
        #expect(incorporated.stderr == "\(folder.appendingPathComponent("incorporated.xml").path): warning: the loaded instrument \(letter) applies to the model 'Orion-7', which the scope covers, but its title and ids name none of the MoU's providers (Helios AI Incorporated): the scope does not list it and the result does not apply it; if it is addressed to the MoU's provider, list it with <instrument ref=\"us.bis.letter.helios-orion-2026\"/> in the scope\n")
    }

    /// A scope's model written with a look-alike letter ("\u{041E}rion-7", Cyrillic О) is said
    /// as `check` says it, with the code points, whether or not the scope lists the letter.
    @Test func aLookAlikeModelNameInTheScopeIsSaidWithItsCodePoints() throws {
        let letter = "FICTIONAL SAMPLE: BIS is-informed letter to Helios AI, Inc. concerning the Orion-7 model (15 September 2026)"
        let said = "the scope's model '\u{041E}rion-7' differs only in look-alike characters (it has U+041E CYRILLIC CAPITAL LETTER O where the letter has U+004F LATIN CAPITAL LETTER O), so the letter does not apply: is the name mistyped?"
        let scope = ["<legal-basis>Art. 92(3)</legal-basis>", "<artifact>api-access</artifact>", "<channel>remote-api</channel>", "<model name=\"\u{041E}rion-7\"/>"]
        let folder = try CLI.folder([
            "unlisted.xml": draft(id: "UNLISTED", scope: scope, provider: "Helios AI, Inc."),
            "listed.xml": draft(id: "LISTED", scope: scope + [#"<instrument ref="us.bis.letter.helios-orion-2026"/>"#], provider: "Helios AI, Inc."),
        ])
        func warnings(_ file: String) throws -> [String]? {
            let result = try CLI.run(["mou", "verify", "--format", "json"] + Self.letter + [folder.appendingPathComponent(file).path])
            return try CLI.json(result.stdout)["warnings"] as? [String]
        }
        #expect(try warnings("unlisted.xml") == ["the loaded instrument \(letter) (us.bis.letter.helios-orion-2026) applies to the model 'Orion-7', but the scope does not list it and the result does not apply it; \(said)"])
        #expect(try warnings("listed.xml") == ["the scope lists \(letter), which applies to the model 'Orion-7'; \(said)"])
    }

    /// An `aia-certification` claims the loaded law's License Exception AIA (found by its citation,
    /// 15 CFR 740.27): a counterexample then carries the claim and must defeat AIA otherwise (a
    /// recipient headquartered outside the AIA list), unless the scope bounds the headquarters.
    /// Without that provision the MoU is refused.
    @Test func anAIACertificationClaimsTheLoadedLawsLicenceException() throws {
        let base = try String(contentsOfFile: mou("weights-transfer-eu-evaluators.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<recipient-location set=\"eu.member-states\"/>", with: "<recipient-location>FR</recipient-location>")
            .replacingOccurrences(of: "<recipient-nationality set=\"eu.member-states\"/>", with: "<recipient-nationality>FR</recipient-nationality>")
        let certified = base.replacingOccurrences(
            of: "</mou>", with: "  <commitment kind=\"aia-certification\">The provider certifies for License Exception AIA.</commitment>\n</mou>")
        #expect(certified != base)
        let folder = try CLI.folder(["plain.xml": base, "certified.xml": certified])
        func counterexample(_ file: String) throws -> [String: Any] {
            let result = try CLI.run(["mou", "verify", "--format", "json", "--posture", "text", folder.appendingPathComponent(file).path])
            #expect(result.status == 1, "\(result.stderr)")
            let outcomes = try CLI.json(result.stdout)["outcomes"] as? [[String: Any]] ?? []
            let request = outcomes.first?["counterexample"] as? [String: Any] ?? [:]
            return (request["items"] as? [[String: Any]])?.first ?? [:]
        }
        #expect(try counterexample("plain.xml")["licences"] == nil)
        let item = try counterexample("certified.xml")
        #expect(item["licences"] as? [String] == ["us.ai-diffusion.740.27"])
        let headquarters = try #require((item["recipients"] as? [[String: Any]])?.first?["headquarters"] as? String)
        let law = try String(contentsOfFile: CLI.regulations + "/us-ai-diffusion.xml", encoding: .utf8)
        let start = try #require(law.range(of: "<set id=\"us.ai-diffusion.tier1\""))
        let end = try #require(law.range(of: "</set>", range: start.upperBound..<law.endIndex))
        let tier1 = law[start.lowerBound..<end.lowerBound]
        #expect(tier1.contains("<member>FR</member>"))
        // AIA fails for it: headquartered outside the destinations, or inspected where the weights are
        // hosted in the United States, where the recipient is located in none.
        let inspectedInUS = item["channel"] as? String == "on-site" && item["hostingLocation"] as? String == "US"
        #expect(inspectedInUS || !tier1.contains("<member>\(headquarters)</member>"), "headquarters \(headquarters)")
        // With the evaluators' organisation headquartered in a paragraph (a) destination, AIA holds
        // for every transfer of the scope, and the MoU does too. An on-site inspection takes place
        // where the weights are hosted, which this scope does not bound (audit H2; a
        // `<hosting-location>` would, MoUHostingScopeTests): hosted outside the
        // paragraph (a) destinations (in the United States among them), it is an export or deemed
        // export that AIA does not cover, so the
        // bounded scope keeps transfers only, and with on-site inspection the MoU does not hold.
        let bounded = certified.replacingOccurrences(of: "<recipient-nationality>FR</recipient-nationality>",
                                                     with: "<recipient-nationality>FR</recipient-nationality>\n    <recipient-headquarters>BE</recipient-headquarters>")
            .replacingOccurrences(of: "    <channel>on-site</channel>\n", with: "")
        #expect(bounded != certified)
        let inspected = bounded.replacingOccurrences(of: "<channel>transfer</channel>", with: "<channel>transfer</channel>\n    <channel>on-site</channel>")
        let inspectedFolder = try CLI.folder(["inspected.xml": inspected])
        let abroad = try CLI.run(["mou", "verify", "--format", "json", "--posture", "text", inspectedFolder.appendingPathComponent("inspected.xml").path])
        #expect(abroad.status == 1, "\(abroad.stdout)\(abroad.stderr)")
        let witness = ((try CLI.json(abroad.stdout)["outcomes"] as? [[String: Any]])?.first?["counterexample"] as? [String: Any])?["items"] as? [[String: Any]]
        #expect(witness?.first?["channel"] as? String == "on-site")
        let host = try #require(witness?.first?["hostingLocation"] as? String)
        #expect(!tier1.contains("<member>\(host)</member>"), "hosted in \(host)")
        let boundedFolder = try CLI.folder(["bounded.xml": bounded])
        let holds = try CLI.run(["mou", "verify", "--posture", "text", boundedFolder.appendingPathComponent("bounded.xml").path])
        #expect(holds.status == 0, "\(holds.stdout)\(holds.stderr)")
        #expect(holds.stdout.contains("text posture: HOLDS"), "\(holds.stdout)")

        // The same MoU against law without 15 CFR 740.27.
        let shipped = URL(fileURLWithPath: CLI.regulations)
        var files: [String: String] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: shipped.path)
        where name.hasSuffix(".xml") || name.hasSuffix(".rng") {
            guard name != "us-ai-diffusion.xml" else { continue }
            files["law/" + name] = try String(contentsOf: shipped.appendingPathComponent(name), encoding: .utf8)
        }
        files["certified.xml"] = certified
        let withoutAIA = try CLI.folder(files)
        let result = try CLI.run(["mou", "verify", "--regulations", withoutAIA.appendingPathComponent("law").path,
                                  withoutAIA.appendingPathComponent("certified.xml").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("certified.xml:22: error: commitment.provision: an aia-certification claims License Exception AIA (15 CFR 740.27), which the regulations loaded do not contain"), "\(result.stderr)")
    }

    /// The breakpoints are status dates of the shipped regulations, each tied to the status
    /// changes of the provisions that engage the request: Art. 92(5)'s, not those of Art. 91(5)
    /// or Art. 53(1)(a), which an Art. 92 request for weights never engages, and not the Code of
    /// Practice's, which binds by commitment only. The request is undated, so that it is taken as
    /// made on each date and its obligations move with the timeline.
    @Test func timelineBreakpointsAreTheStatusDates() throws {
        let sample = try String(contentsOfFile: CLI.sample("weights-to-ai-office-warsaw.json"), encoding: .utf8)
        let folder = try CLI.folder(["undated.json": sample.replacingOccurrences(of: "\"date\": \"2026-11-24\",", with: "")])
        let result = try CLI.run(["timeline", "--format", "json", "--from", "2025-01-01", "--to", "2027-12-31",
                                  folder.appendingPathComponent("undated.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try CLI.json(result.stdout)
        let breakpoints = json["breakpoints"] as? [[String: Any]] ?? []
        #expect(breakpoints.compactMap { $0["date"] as? String } == ["2026-08-02"])
        #expect(breakpoints.first?["causes"] as? [String] == [
            "Art. 92(5): applicable from 2026-08-02 (eu.ai-act.art113.2: Chapter IX is not among the early-application exceptions of the third paragraph)",
            "Art. 92(5): enforced from 2026-08-02 (eu.ai-act.art113.2)",
        ])
        let pieces = json["pieces"] as? [[String: Any]] ?? []
        #expect(pieces.compactMap { $0["verdicts"] as? [String: String] } == [
            ["text": "clear", "enforcement": "clear"], ["text": "conflict", "enforcement": "clear"],
        ])
        let graph = try CLI.run(["graph", "--format", "json"])
        #expect(graph.status == 0)
    }

    /// A dated request's obligations are judged on its date: the request of 15 June 2026, made
    /// before Art. 92 applied, stays clear after 2 August 2026, while the same request dated after
    /// it conflicts from its date on, whatever the day of the disclosure.
    @Test func aDatedRequestsTimelineMovesOnlyTheDisclosure() throws {
        let early = try CLI.run(["timeline", "--posture", "text", "--from", "2026-06-15", "--to", "2026-12-31", CLI.sample("before-art92-applies.json")])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(early.stdout == """
            request AIO-2026-0007 from 2026-06-15 to 2026-12-31
              from 2026-06-15 to 2026-12-31: clear (text)

            """)
        let sample = try String(contentsOfFile: CLI.sample("before-art92-applies.json"), encoding: .utf8)
        let folder = try CLI.folder(["late.json": sample.replacingOccurrences(of: "\"date\": \"2026-06-15\"", with: "\"date\": \"2026-08-03\"")])
        let late = try CLI.run(["timeline", "--posture", "text", "--from", "2026-08-03", "--to", "2026-12-31", folder.appendingPathComponent("late.json").path])
        #expect(late.stdout == """
            request AIO-2026-0007 from 2026-08-03 to 2026-12-31
              from 2026-08-03 to 2026-12-31: conflict (text)
                clash [text]: eu.ai-act.art92.5 + us.ai-diffusion.4e091

            """, "\(late.stdout)")
    }

    /// The text timeline: each piece with what clashes in it, and a breakpoint where only the
    /// clashing provisions change (the letter joins 4E091 on 15 September 2026) said to leave the
    /// verdict as it was.
    @Test func timelineTextGivesEachPiecesClashes() throws {
        let request = """
            {"id": "TL", "requester": {"authority": "AI Office", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
             "model": {"name": "Orion-7", "trainingCompute": {"value": 4e26, "unit": "operations"}, "weightsPublished": false},
             "items": [{"artifact": "weights", "channel": "transfer",
                        "recipients": [{"organisation": "European Commission (AI Office)", "nationalities": ["PL"], "location": "PL", "headquarters": "PL", "role": "authority-staff"}]}],
             "instruments": ["us.bis.letter.helios-orion-2026"]}
            """
        let folder = try CLI.folder(["tl.json": request])
        let result = try CLI.run(["timeline", "--posture", "text", "--instrument", CLI.letter, "--from", "2026-07-01", "--to", "2026-12-31",
                                  folder.appendingPathComponent("tl.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            request TL from 2026-07-01 to 2026-12-31
              from 2026-07-01 until 2026-08-02: clear (text)
              from 2026-08-02 until 2026-09-15: conflict (text)
                clash [text]: eu.ai-act.art92.5 + us.ai-diffusion.4e091
              from 2026-09-15 to 2026-12-31: conflict (text)
                clash [text]: eu.ai-act.art92.5 + us.ai-diffusion.4e091
                clash [text]: eu.ai-act.art92.5 + us.bis.letter.helios-orion-2026.1
            breakpoints:
              2026-08-02: clear (text) → conflict (text)
                because Art. 92(5): applicable from 2026-08-02 (eu.ai-act.art113.2: Chapter IX is not among the early-application exceptions of the third paragraph)
                because Art. 92(5): enforced from 2026-08-02 (eu.ai-act.art113.2)
              2026-09-15: conflict (text), unchanged; the clashing provisions change
                because BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1: in force, applicable and enforced from 2026-09-15 (secondary: date of the (fictional) letter)

            """)
    }

    /// A compute range on one side of a threshold has no flip at its edge: everything in
    /// [1e24, 1e25] FLOP is not > 1e25, everything in [1e26, 1e27] operations is ≥ 1e26 (but the
    /// lower end is 4E091's threshold, whose comparator is in doubt, and a note says so). A range
    /// across 4E091's threshold flips at it. (Art. 51(2)'s threshold no longer flips a verdict of
    /// the shipped law: only the voluntary Code of Practice measure depends on it.)
    @Test func aThresholdAtARangesEdgeIsNoFlipWithinIt() throws {
        func request(_ id: String, compute: String) -> String {
            """
            {"id": "\(id)", "date": "2026-11-24",
             "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 91(1)"},
             "provider": {"name": "Helios AI, Inc.", "establishedIn": "US", "codeOfPractice": ["safety-security"]},
             "model": {"name": "Orion-7", "trainingCompute": \(compute), "weightsPublished": false},
             "items": [{"artifact": "api-access", "channel": "remote-api",
                        "recipients": [{"organisation": "Independent evaluators", "nationalities": ["FR"], "location": "FR",
                                        "headquarters": "FR", "role": "independent-expert"}]}],
             "instruments": ["us.bis.letter.helios-orion-2026"]}
            """
        }
        let folder = try CLI.folder([
            "eu-max.json": request("EU-MAX", compute: #"{"min": 1e24, "max": 1e25, "unit": "FLOP"}"#),
            "inside.json": """
                {"id": "INSIDE", "date": "2026-11-24",
                 "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
                 "model": {"name": "Northwind-5", "trainingCompute": {"min": 5e25, "max": 1e27, "unit": "operations"}, "weightsPublished": false},
                 "items": [{"artifact": "weights", "channel": "transfer",
                            "recipients": [{"organisation": "Independent evaluation team", "nationalities": ["PL"], "location": "PL",
                                            "headquarters": "PL", "role": "independent-expert"}]}]}
                """,
            "edge.json": """
                {"id": "EDGE", "date": "2026-11-24",
                 "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
                 "provider": {"name": "Northwind Models, Inc.", "establishedIn": "US", "codeOfPractice": ["transparency", "copyright", "safety-security"]},
                 "model": {"name": "Northwind-5", "trainingCompute": {"min": 1e26, "max": 1e27, "unit": "operations"}, "weightsPublished": false,
                           "placedOnEUMarket": "2026-03-01"},
                 "items": [{"artifact": "weights", "channel": "transfer",
                            "recipients": [{"organisation": "Independent evaluation team", "nationalities": ["PL"], "location": "PL",
                                            "headquarters": "PL", "role": "independent-expert"}]}]}
                """,
        ])
        func thresholds(_ file: String) throws -> String {
            let result = try CLI.run(["thresholds"] + Self.letter + [folder.appendingPathComponent(file).path])
            #expect(result.status == 0, "\(result.stderr)")
            return Self.withoutCaveatTexts(result.stdout)
        }
        #expect(try thresholds("eu-max.json") == """
            request EU-MAX (as of 2026-11-24; training compute: 1e24…1e25 FLOP)
            note: the compute is given in FLOP only and taken as the operations count; the operations count can only be higher, \
            so model.training-compute ≥ 1e26 operations (15 CFR Part 774, Supp. No. 1, ECCN 4E091) may be met: give the operations count (caveats 1-5)
            note: no threshold within the compute given changes the verdict

            """)
        #expect(try thresholds("edge.json") == """
            request EDGE (as of 2026-11-24; training compute: 1e26…1e27 operations)
            note: the compute given starts at 1e26 operations, the threshold of 15 CFR Part 774, Supp. No. 1, ECCN 4E091 \
            (model.training-compute ≥ 1e26 operations): there the verdict is conflict (text) · clear (enforcement) on the comparator ≥, \
            and would be clear (text) · clear (enforcement) on the other reading (eCFR text; secondary sources say "more than") (caveats 1-5)
            note: the compute is given in operations only and taken as the FLOP count; the FLOP count can only be lower, \
            so model.training-compute > 1e25 FLOP (Art. 51(2)) may not be met: give the FLOP count (caveats 6, 7)
            note: no threshold within the compute given changes the verdict

            """)
        #expect(try thresholds("inside.json") == """
            request INSIDE (as of 2026-11-24; training compute: 5e25…1e27 operations)
              at model.training-compute ≥ 1e26 operations: clear (text) · clear (enforcement) → conflict (text) · clear (enforcement)
                threshold of 15 CFR Part 774, Supp. No. 1, ECCN 4E091 (eccn-4e091; evidence secondary; \
            comparator secondary: eCFR text; secondary sources say "more than") (caveats 1-5)
            note: the compute is given in operations only and taken as the FLOP count; the FLOP count can only be lower, \
            so model.training-compute > 1e25 FLOP (Art. 51(2)) may not be met: give the FLOP count (caveats 6, 7)

            """)
    }

    /// With two compute figures, each threshold is tried within the figure in its own unit, and
    /// the other figure is kept: 4E091's 10^26 operations lies outside 2e26…5e26 operations.
    @Test func twoComputeFiguresBoundEachThresholdByItsOwnUnit() throws {
        func request(operations: String) -> String {
            """
            {"id": "TWO", "date": "2026-11-24", "requester": {"authority": "AI Office", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
             "model": {"name": "M", "trainingCompute": [{"min": \(operations), "max": 5e26, "unit": "operations"}, {"min": 1e25, "max": 2e25, "unit": "FLOP"}],
                       "weightsPublished": false},
             "items": [{"artifact": "weights", "channel": "transfer",
                        "recipients": [{"nationalities": ["PL"], "location": "PL", "headquarters": "PL", "role": "authority-staff"}]}]}
            """
        }
        let folder = try CLI.folder(["above.json": request(operations: "2e26"), "across.json": request(operations: "5e25")])
        let above = try CLI.run(["thresholds", folder.appendingPathComponent("above.json").path])
        #expect(above.stdout == """
            request TWO (as of 2026-11-24; training compute: 2e26…5e26 operations, 1e25…2e25 FLOP)
            note: two compute figures given; each threshold is tried within the figure in its own unit
            note: no threshold within the compute given changes the verdict

            """)
        let across = try CLI.run(["thresholds", folder.appendingPathComponent("across.json").path])
        #expect(Self.withoutCaveatTexts(across.stdout) == """
            request TWO (as of 2026-11-24; training compute: 5e25…5e26 operations, 1e25…2e25 FLOP)
              at model.training-compute ≥ 1e26 operations: clear (text) · clear (enforcement) → conflict (text) · clear (enforcement)
                threshold of 15 CFR Part 774, Supp. No. 1, ECCN 4E091 (eccn-4e091; evidence secondary; \
            comparator secondary: eCFR text; secondary sources say "more than") (caveats 1-5)
            note: two compute figures given; each threshold is tried within the figure in its own unit

            """)
    }

    /// A figure, or an end of the range, on 4E091's threshold: no flip lies strictly within, but
    /// the verdict there rests on the comparator ≥, and `thresholds` says what it would be on the
    /// other reading (law audit of 2026-12-06, D3: it said nothing).
    @Test func aComputeOnTheThresholdSaysWhatTheOtherReadingGives() throws {
        let folder = try CLI.folder([
            "exact.json": try Self.computeRequest(#"{"value": 1e26, "unit": "operations"}"#),
            "from.json": try Self.computeRequest(#"{"min": 1e26, "max": 2e26, "unit": "operations"}"#),
            "both.json": try Self.computeRequest(#"[{"value": 1e26, "unit": "FLOP"}, {"value": 1e26, "unit": "operations"}]"#),
        ])
        // With 1e26 FLOP given too, the number just below 1e26 operations contradicts it (every FLOP
        // is an operation): the other reading is still said (law audit of 2026-12-07, D5).
        let both = try CLI.run(["thresholds", "--posture", "text", folder.appendingPathComponent("both.json").path])
        #expect(both.stdout.contains("\nnote: the compute given is exactly 1e26 operations, the threshold of 15 CFR Part 774, Supp. No. 1, ECCN 4E091 (model.training-compute ≥ 1e26 operations): there the verdict is conflict (text) on the comparator ≥, and would be clear (text) on the other reading"), "\(both.stdout)")
        let exact = try CLI.run(["thresholds", folder.appendingPathComponent("exact.json").path])
        #expect(Self.withoutCaveatTexts(exact.stdout) == """
            request EDGE (as of 2026-11-24; training compute: 1e26 operations)
            note: the compute given is exactly 1e26 operations, the threshold of 15 CFR Part 774, Supp. No. 1, ECCN 4E091 \
            (model.training-compute ≥ 1e26 operations): there the verdict is conflict (text) · clear (enforcement) on the comparator ≥, \
            and would be clear (text) · clear (enforcement) on the other reading (eCFR text; secondary sources say "more than") (caveats 1-5)
            note: the compute is given in operations only and taken as the FLOP count; the FLOP count can only be lower, \
            so model.training-compute > 1e25 FLOP (Art. 51(2)) may not be met: give the FLOP count (caveats 6, 7)
            note: the compute is given exactly; no threshold lies strictly within it

            """)
        let from = try CLI.run(["thresholds", folder.appendingPathComponent("from.json").path])
        #expect(from.stdout.contains("\nnote: the compute given starts at 1e26 operations, the threshold of 15 CFR Part 774, Supp. No. 1, ECCN 4E091 "), "\(from.stdout)")
        #expect(from.stdout.contains("\nnote: no threshold within the compute given changes the verdict\n"), "\(from.stdout)")
        let check = try CLI.run(["check", folder.appendingPathComponent("from.json").path])
        #expect(check.stdout.contains("; on the threshold [text]: model.training-compute from 1e26 to 2e26 operations, whose lower end is the threshold 1e26 (15 CFR Part 774, Supp. No. 1, ECCN 4E091): the verdict rests on the comparator ≥ "), "\(check.stdout)")
    }

    /// `thresholds` says the date its verdicts are for, and what the analysis assumed of an
    /// undated request and of a letter it applies unlisted: its flips differ by date, since
    /// Art. 92 obliges nothing before 2 August 2026 (law audit of 2026-12-07, D6).
    @Test func thresholdsSayTheirDateAndWhatTheyAssumed() throws {
        var request = try CLI.json(try Self.computeRequest(#"{"min": 5e25, "max": 5e26, "unit": "operations"}"#))
        request["date"] = nil
        let folder = try CLI.folder(["undated.json": String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)])
        let before = try CLI.run(["thresholds", "--as-of", "2026-07-15", folder.appendingPathComponent("undated.json").path])
        #expect(Self.withoutCaveatTexts(before.stdout) == """
            request EDGE (as of 2026-07-15; training compute: 5e25…5e26 operations)
            note: the request gives no date: it is taken as made on 2026-07-15, the date analysed
            note: the compute is given in operations only and taken as the FLOP count; the FLOP count can only be lower, \
            so model.training-compute > 1e25 FLOP (Art. 51(2)) may not be met: give the FLOP count (caveats 1, 2)
            note: no threshold within the compute given changes the verdict

            """)
        let after = try CLI.run(["thresholds", "--as-of", "2026-09-01", folder.appendingPathComponent("undated.json").path])
        #expect(after.stdout.hasPrefix("request EDGE (as of 2026-09-01; training compute: 5e25…5e26 operations)\n  at model.training-compute ≥ 1e26 operations: "), "\(after.stdout)")
        var unlisted = try CLI.json(try String(contentsOfFile: CLI.sample("orion-api-access-letter.json"), encoding: .utf8))
        unlisted["instruments"] = nil
        let orionFolder = try CLI.folder(["o.json": String(decoding: try JSONSerialization.data(withJSONObject: unlisted), as: UTF8.self)])
        let orion = try CLI.run(["thresholds"] + Self.letter + [orionFolder.appendingPathComponent("o.json").path])
        #expect(orion.stdout.contains("\nnote: the loaded instrument FICTIONAL SAMPLE: BIS is-informed letter to Helios AI, Inc. concerning the Orion-7 model (15 September 2026) (us.bis.letter.helios-orion-2026) applies to the model 'Orion-7', the request's model, and is addressed to the request's provider ('Helios AI, Inc.'): it is applied though the request does not list it"), "\(orion.stdout)")
    }

    /// An Art. 92 request from the AI Office for the weights of a model trained with `compute`,
    /// to an official in Warsaw.
    static func computeRequest(_ compute: String) throws -> String {
        """
        {"id": "EDGE", "date": "2026-11-24",
         "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
         "provider": {"name": "P, Inc.", "establishedIn": "US"},
         "model": {"name": "M", "weightsPublished": false, "trainingCompute": \(compute)},
         "items": [{"artifact": "weights", "channel": "transfer",
                    "recipients": [{"organisation": "European Commission (AI Office)", "nationalities": ["PL"], "location": "PL", "headquarters": "BE"}]}]}
        """
    }

    /// One figure is taken as the other, as the analysis does, but every FLOP is an operation: the
    /// thresholds in the other unit that the count not given may cross are named, so that "given
    /// exactly" does not read as settled (lawyer's review).
    @Test func aFigureInOneUnitNamesTheThresholdsOfTheOther() throws {
        let flop = try CLI.run(["thresholds", CLI.sample("mid-compute-model.json")])
        #expect(Self.withoutCaveatTexts(flop.stdout) == """
            request AIO-2026-0115 (as of 2026-11-24; training compute: 5e25 FLOP)
            note: the compute is given in FLOP only and taken as the operations count; the operations count can only be higher, \
            so model.training-compute ≥ 1e26 operations (15 CFR Part 774, Supp. No. 1, ECCN 4E091) may be met: give the operations count (caveats 1-5)
            note: the compute is given exactly; no threshold lies strictly within it

            """)
        let operations = try CLI.run(["thresholds", CLI.sample("weights-to-ai-office-warsaw.json")])
        #expect(operations.stdout.contains("""
            note: the compute is given in operations only and taken as the FLOP count; the FLOP count can only be lower, \
            so model.training-compute > 1e25 FLOP (Art. 51(2)) may not be met: give the FLOP count (caveats 1, 2)\n
            """))
    }

    /// The output without the caveats' own lines, for tests about the rest.
    static func withoutCaveatTexts(_ output: String) -> String {
        output.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("caveat ") }.joined(separator: "\n")
    }

    /// The thresholds a sweep names carry the evidence and caveats of their provisions, as `check`
    /// gives them: the flip at 4E091's 10^26 says its comparator is read from the eCFR text where
    /// secondary sources say "more than", and numbers the readings it rests on, given at the end.
    @Test func aThresholdGivesItsEvidenceComparatorAndCaveats() throws {
        let result = try CLI.run(["thresholds", CLI.sample("unknown-compute.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(3)) == [
            "request AIO-2026-0150 (as of 2026-11-24; training compute: unknown)",
            "  at model.training-compute ≥ 1e26 operations: clear (text) · clear (enforcement) → conflict (text) · clear (enforcement)",
            "    threshold of 15 CFR Part 774, Supp. No. 1, ECCN 4E091 (eccn-4e091; evidence secondary; comparator secondary: eCFR text; secondary sources say \"more than\") (caveats 1-5)",
        ])
        #expect(lines[3] == "caveat 1, open question on 15 CFR Part 774, Supp. No. 1, ECCN 4E091: Comparator: the eCFR heading reads \"10^26 or more 'operations'\" (≥), unchanged at four versions from 2025-01-16 to 2025-09-29; press releases and law-firm alerts say \"more than 10^26\". ecca follows the eCFR text (≥). On the other reading a model trained with exactly 10^26 operations would not be caught; no other verdict changes.")
        #expect(lines.dropFirst(3).map { String($0.prefix { $0 != ":" }) } == [
            "caveat 1, open question on 15 CFR Part 774, Supp. No. 1, ECCN 4E091",
            "caveat 2, reading of 15 CFR Part 774, Supp. No. 1, ECCN 4E091",
            "caveat 3, reading of 15 CFR Part 774, Supp. No. 1, ECCN 4E091",
            "caveat 4, open question on Framework for Artificial Intelligence Diffusion (interim final rule, Bureau of Industry and Security)",
            "caveat 5, reading of Framework for Artificial Intelligence Diffusion (interim final rule, Bureau of Industry and Security)",
        ])
        let json = try CLI.json(try CLI.run(["thresholds", "--format", "json", CLI.sample("unknown-compute.json")]).stdout)
        let flip = try #require((json["flips"] as? [[String: Any]])?.first)
        #expect(flip["evidence"] as? String == "secondary")
        #expect(flip["comparatorNote"] as? String == "eCFR text; secondary sources say \"more than\"")
        #expect((flip["caveats"] as? [String])?.first == "us.ai-diffusion.4e091:open-question")
        #expect((json["caveats"] as? [[String: Any]])?.count == 5)
    }

    @Test func unknownComputeFlipsAtTheECCN4E091Threshold() throws {
        let result = try CLI.run(["thresholds", "--format", "json", CLI.sample("unknown-compute.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let flips = try CLI.json(result.stdout)["flips"] as? [[String: Any]] ?? []
        #expect(flips.count == 1)
        #expect(flips.first?["value"] as? String == "1e26")
        #expect(flips.first?["unit"] as? String == "operations")
        #expect(flips.first?["provision"] as? String == "us.ai-diffusion.4e091")
        #expect(flips.first?["below"] as? [String: String] == ["text": "clear", "enforcement": "clear"])
        #expect(flips.first?["atOrAbove"] as? [String: String] == ["text": "conflict", "enforcement": "clear"])
    }
}
