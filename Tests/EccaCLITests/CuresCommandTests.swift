import Foundation
import Testing

/// `ecca cures`: what a listed cure promises holds, and its MoU wording fits the request.
@Suite struct CuresCommandTests {
    static let letter = ["--instrument", CLI.letter]

    /// Orion-7's source code transferred to Commission staff in Brussels under Art. 91(1), with the
    /// is-informed letter that forbids any access to Orion-7 for foreign persons.
    static let orionArticle91 = """
        {"id": "ORION-ART91", "date": "2026-11-24", "deadline": "2026-12-15",
         "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 91(1)"},
         "provider": {"name": "Helios AI, Inc.", "establishedIn": "US"},
         "model": {"name": "Orion-7", "trainingCompute": {"value": 4e26, "unit": "FLOP"}, "weightsPublished": false},
         "items": [{"artifact": "source-code", "channel": "transfer",
                    "recipients": [{"organisation": "European Commission (AI Office)", "nationalities": ["FR"], "location": "BE",
                                    "headquarters": "BE", "role": "authority-staff"}]}],
         "instruments": ["us.bis.letter.helios-orion-2026"]}
        """

    func cures(_ files: [String: String], _ file: String, _ arguments: [String] = []) throws -> [String: Any] {
        let folder = try CLI.folder(files)
        let result = try CLI.run(["cures", "--format", "json"] + arguments + [folder.appendingPathComponent(file).path])
        #expect(result.status == 0, "\(result.stderr)")
        return try CLI.json(result.stdout)
    }

    /// With a change that costs 0, a cure and the same cure plus that change cost the same; only
    /// the minimal one is listed, whichever the optimizer finds first. Orion-7's weights
    /// transferred to evaluators in Brussels, a channel change free: a licence alone, not API
    /// access plus a licence; documentation alone, not information through an API.
    @Test func aFreeChangeAddsNoNonMinimalCure() throws {
        let sample = try String(contentsOfFile: CLI.sample("orion-api-access-letter.json"), encoding: .utf8)
        let weights = sample.replacingOccurrences(of: #""artifact": "api-access""#, with: #""artifact": "weights""#)
            .replacingOccurrences(of: #""channel": "remote-api""#, with: #""channel": "transfer""#)
            .replacingOccurrences(of: #""alternatives": ["secure-enclave"]"#, with: #""alternatives": []"#)
        #expect(weights.contains(#""channel": "transfer""#) && weights.contains(#""alternatives": []"#))
        let report = try cures(["r.json": weights, "c.json": #"{"channel": 0}"#], "r.json",
                               Self.letter + ["--top", "10", "--costs", CLI.folder(["c.json": #"{"channel": 0}"#]).appendingPathComponent("c.json").path])
        let found = report["cures"] as? [[String: Any]] ?? []
        // The parts a cure changes: each exception is a part of its own.
        let parts = found.map { cure in
            Set((cure["changes"] as? [[String: Any]] ?? []).map { change in
                let dimension = change["dimension"] as? String ?? ""
                return dimension == "exception" ? "exception \(change["to"] as? String ?? "")" : dimension
            })
        }
        #expect(parts.count >= 5)
        #expect(parts.contains(["licence"]))
        #expect(parts.contains(["artifact"]))
        for (index, cure) in parts.enumerated() {
            for (other, smaller) in parts.enumerated() where other != index {
                #expect(!smaller.isSubset(of: cure), "cure \(index + 1) \(cure.sorted()) contains cure \(other + 1) \(smaller.sorted())")
            }
        }
    }

    /// A letter that ceases to be in force on 2027-03-01 makes waiting a cure; the cure says that
    /// is why, and, the date being after the request's deadline, that the Commission must set or
    /// extend the Art. 92(4) period (its wording does so rather than passing the deadline silently).
    @Test func aTimingCureSaysWhyTheDateWorksAndMovesThePeriod() throws {
        let letter = try String(contentsOfFile: CLI.letter, encoding: .utf8)
            .replacingOccurrences(of: #"<in-force from="2026-09-15" basis"#, with: #"<in-force from="2026-09-15" until="2027-03-01" basis"#)
        #expect(letter.contains(#"until="2027-03-01""#))
        let folder = try CLI.folder(["letter.xml": letter, "c.json": #"{"timing": 0}"#])
        let result = try CLI.run(["cures", "--instrument", folder.appendingPathComponent("letter.xml").path, "--costs", folder.appendingPathComponent("c.json").path,
                                  "--top", "1", "--format", "json", CLI.sample("orion-api-access-letter.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let cure = try #require((try CLI.json(result.stdout)["cures"] as? [[String: Any]])?.first)
        #expect((cure["changes"] as? [[String: Any]])?.first?["to"] as? String == "2027-03-01")
        let relied = (cure["reliesOn"] as? [[String: Any]] ?? []).map { "\($0["citation"] ?? ""): \($0["reason"] ?? "")" }
        #expect(relied == ["BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1: no longer binds on 2027-03-01: no longer in force"])
        #expect(cure["notes"] as? [String] == ["2027-03-01 is after the request's deadline (2026-12-20): the cure needs the Commission to set or extend the period under Art. 92(4) to end no earlier than 2027-03-01"])
        #expect((cure["mouWording"] as? [String])?.first == "The Commission shall set the period under Article 92(4) of Regulation (EU) 2024/1689 to end no earlier than 2027-03-01, extending the period of the request (which ends on 2026-12-20), and the Provider shall provide the access on or after 2027-03-01 and within that period (the date from which BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1 is no longer in force).")
    }

    /// An Art. 91 request for information is cured in its own terms: staff of the Commission, not
    /// evaluators appointed under Art. 92(2); the period set under Art. 91(4).
    @Test func anArticle91CureIsWordedForArticle91() throws {
        let report = try cures(["r.json": Self.orionArticle91], "r.json", Self.letter)
        let wording = (report["cures"] as? [[String: Any]] ?? []).map { $0["mouWording"] as? [String] ?? [] }
        #expect(wording.count >= 2)
        // The licence first: US-person staff clear it only on ecca's reading of 50 U.S.C. 4801(5).
        #expect(wording.dropFirst().first?.first == "Access shall be given only to staff of the Commission who are not foreign persons within the meaning of 50 U.S.C. 4801(5) (US nationals or US permanent residents) (relying on 50 U.S.C. 4801(5)).")
        #expect(wording.first?.first == "The Provider shall apply to the Bureau of Industry and Security for a licence covering this disclosure without delay (relying on BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1); the Commission shall set the period under Article 91(4) of Regulation (EU) 2024/1689, or extend it, so that it ends no earlier than [N] days after the licence is granted, and the Provider shall supply the information requested within that period; if the licence is refused, or is not granted within [M] days of the application, the disclosure shall not take place under this clause, and the Parties shall consult without delay on another means of meeting the request.")
        #expect(!wording.joined().contains { $0.contains("Article 92") })
    }

    /// The period of an Art. 92 request is set in the Commission's request (Art. 92(4)); it does
    /// not run from a licence grant. The licence clause has the Commission set or extend it so that
    /// it ends after the grant, with the lengths left for the Parties to agree.
    @Test func aLicenceClauseHasTheCommissionSetThePeriodRatherThanRunItFromTheGrant() throws {
        // Sixth: a licence for Poland is reviewed under a presumption of denial.
        let result = try CLI.run(["cures", "--top", "6", CLI.sample("weights-to-ai-office-warsaw.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("    1. The Provider shall apply to the Bureau of Industry and Security for a licence covering this disclosure without delay (relying on 15 CFR 742.6(a)(13) (citation not verified)); the Commission shall set the period under Article 92(4) of Regulation (EU) 2024/1689, or extend it, so that it ends no earlier than [N] days after the licence is granted, and the Provider shall provide the access within that period; if the licence is refused, or is not granted within [M] days of the application, the disclosure shall not take place under this clause, and the Parties shall consult without delay on another means of meeting the request."))
        #expect(!result.stdout.contains("after the licence is granted ("))
    }

    /// A cure that limits access to US persons rests on the reading of 50 U.S.C. 4801(5) (whether
    /// a US national on the Commission's staff receives for the Commission itself is not settled),
    /// whichever rule the clashing norm names: through 734.13's release to a foreign person (4E091)
    /// as much as through the letter's own "foreign person". The 4E091 cures cited only 734.13.
    @Test func aUSPersonCureRestsOnTheForeignPersonReading() throws {
        let result = try CLI.run(["cures", CLI.sample("weights-or-api-access.xml")] + Self.letter)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // Fifth, after API access instead of the weights: it clears only on ecca's reading, which costs `contestedReading` more.
        let start = try #require(lines.firstIndex(of: "cure 5 for item 0 (cost 12): clear under text, clear under enforcement after it"))
        #expect(Array(lines[(start + 1)...].prefix(2)) == ["  change recipientLocation: AT → US", "  change recipientNationality: AT → US persons"])
        #expect(lines[start + 4] == "  relies on 50 U.S.C. 4801(5): no longer: foreign person (50 U.S.C. 4801(5); 15 CFR 772.1): a foreign government body or international organisation, an entity \"not incorporated in the United States or organized to do business in the United States\", or a natural person who is neither a US national nor a US permanent resident")
        #expect(lines[start + 5] == "  rests on caveats 1, 7, given at the end")
        // On the other reading of 4801(5), AI Office staff are the Commission: the cure says so.
        #expect(lines[start + 6].hasPrefix("  note: it clears the disclosure only on ecca's reading: on another reading of 50 U.S.C. 4801(5) ("))
        #expect(lines[start + 6].hasSuffix("), the prohibition of 15 CFR Part 774, Supp. No. 1, ECCN 4E091 would apply after it; 4 added to its cost"))
        #expect(lines[start + 9] == "    2. Access shall be given only to staff of the AI Office conducting the evaluation under Article 92(1) of Regulation (EU) 2024/1689 who are not foreign persons within the meaning of 50 U.S.C. 4801(5) (US nationals or US permanent residents) (relying on 15 CFR 734.13; 50 U.S.C. 4801(5)).")
        let caveat = try #require(lines.first { $0.hasPrefix("caveat 7, ") })
        #expect(caveat.hasPrefix("caveat 7, reading of 50 U.S.C. 4801(5): The European Commission, its AI Office,"))
        #expect(caveat.contains("Whether access that a US national or US permanent resident on the staff of the Commission, or of a company incorporated abroad, uses on its behalf is access given to the body itself (a foreign person by 4801(5)(B)) is not settled"))
    }

    /// Every cure of every sample that makes the recipients US persons names that reading.
    @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Samples/requests").path).sorted())
    func everyUSPersonCureOfTheSamplesRestsOnTheForeignPersonReading(_ sample: String) throws {
        let result = try CLI.run(["cures", "--format", "json", "--top", "10", CLI.sample(sample)] + Self.letter)
        let cures = try CLI.json(result.stdout)["cures"] as? [[String: Any]] ?? []
        for cure in cures where (cure["changes"] as? [[String: Any]] ?? []).contains(where: { $0["dimension"] as? String == "recipientNationality" }) {
            #expect((cure["caveats"] as? [String] ?? []).contains("us.ecra.4801.5:reading"), "\(sample), cure \(cure["rank"] ?? "")")
            #expect((cure["reliesOn"] as? [[String: Any]] ?? []).contains { $0["provision"] as? String == "us.ecra.4801.5" }, "\(sample), cure \(cure["rank"] ?? "")")
        }
    }

    /// MoU wording names things in words: the artefact that replaces another as the channel clause
    /// names it, a country by its name, and an exception clause says what happens where the
    /// exception's conditions are not met (the draft has no other clause to fall back on).
    @Test func cureWordingNamesThingsInWords() throws {
        let result = try CLI.run(["cures", "--format", "json", "--top", "8", CLI.sample("weights-to-ai-office-warsaw.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let found = try CLI.json(result.stdout)["cures"] as? [[String: Any]] ?? []
        func wording(_ test: ([[String: Any]]) -> Bool) throws -> [String] {
            let cure = try #require(found.first { test($0["changes"] as? [[String: Any]] ?? []) })
            return cure["mouWording"] as? [String] ?? []
        }
        let artefact = try wording { $0.first?["dimension"] as? String == "artifact" }
        #expect(artefact.first == "The Provider shall give access to the model through an application programming interface (API) in place of the weights, to the extent that it enables the evaluation under Article 92 of Regulation (EU) 2024/1689 (relying on 15 CFR Part 774, Supp. No. 1, ECCN 4E091); the Commission shall accept this in answer to its request under Article 92 of Regulation (EU) 2024/1689.")
        let located = try wording { $0.contains { $0["dimension"] as? String == "recipientLocation" && $0["to"] as? String == "US" } }
        #expect(located.first == "Access shall be given only to evaluators located in the United States (relying on 15 CFR 734.13).")
        let note2 = try wording { $0.first?["to"] as? String == "15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2 established and claimed (only where its conditions are met)" }
        #expect(note2.first == "Before the disclosure the Provider shall establish whether 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2 applies and, only where its conditions are met, document it and keep the records (relying on 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2); otherwise the disclosure shall not take place under this clause.")
    }

    /// Between equally cheap channel changes the one the request already accepts comes first: the
    /// evaluators in Brussels accept a secure enclave hosted in the United States, so the enclave,
    /// not API access, is cure 1.
    @Test func anAcceptedAlternativeChannelIsPreferred() throws {
        let request = """
            {"id": "ALT-ENCLAVE", "date": "2026-11-24",
             "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
             "provider": {"name": "Northwind Models, Inc.", "establishedIn": "US"},
             "model": {"name": "Northwind-5", "trainingCompute": {"value": 3e26, "unit": "operations"}, "weightsPublished": false},
             "items": [{"artifact": "weights", "channel": "transfer", "alternatives": ["secure-enclave"], "hostingLocation": "US",
                        "recipients": [{"organisation": "European Commission (AI Office)", "nationalities": ["BE"], "location": "BE", "headquarters": "BE"}]}]}
            """
        let report = try cures(["r.json": request], "r.json")
        let first = try #require((report["cures"] as? [[String: Any]])?.first)
        #expect(first["cost"] as? Int == 3)
        #expect(first["changes"] as? [[String: String]] == [["dimension": "channel", "from": "transfer", "to": "secure-enclave"]])
        #expect(first["verdicts"] as? [String: String] == ["text": "clear", "enforcement": "clear"])
    }

    func dimensions(_ cure: [String: Any]) -> [String] {
        (cure["changes"] as? [[String: Any]] ?? []).compactMap { $0["dimension"] as? String }
    }

    /// Replacing the source code by API access removes the conflict only because Art. 91(5) no
    /// longer obliges anything; the letter still forbids API access to Orion-7 for foreign
    /// persons, and the MoU clause would commit the provider to exactly that. It is not offered;
    /// a document the letter does not reach (the technical documentation, or a report of the
    /// provider's evaluation results) is (FACTS X-2: "documentation instead of source code or
    /// weights").
    @Test func aCureAfterWhichAProhibitionStillForbidsTheDisclosureIsNotOffered() throws {
        let report = try cures(["r.json": Self.orionArticle91], "r.json", Self.letter + ["--top", "8"])
        let found = report["cures"] as? [[String: Any]] ?? []
        #expect(found.map(dimensions) == [["licence"], ["recipientNationality"], ["artifact"]])
        for cure in found { #expect(cure["verdicts"] as? [String: String] == ["text": "clear", "enforcement": "clear"]) }
        #expect(["technical-documentation", "evaluation-results"].contains((found.last?["changes"] as? [[String: String]])?.first?["to"] ?? ""))
        #expect(!found.contains { ($0["changes"] as? [[String: String]])?.contains { $0["to"] == "api-access" } == true })
        // A refused set with a listed cure of the same parts needs no note.
        #expect(report["notes"] as? [String] == [])
    }

    /// Evaluators in Poland, one of them headquartered there: moving everyone to a Supp. No. 5
    /// destination makes License Exception AIA hold for the AI Office's evaluator but not for the
    /// one headquartered in Poland, so it is no cure for the item and is not listed; every cure
    /// listed clears the item for every recipient.
    @Test func aCureMustClearEveryRecipient() throws {
        let request = """
            {"id": "MIXED-HQ", "date": "2026-11-24",
             "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
             "provider": {"name": "Northwind Models, Inc.", "establishedIn": "US"},
             "model": {"name": "Northwind-5", "trainingCompute": {"value": 3e26, "unit": "operations"}, "weightsPublished": false},
             "items": [{"artifact": "weights", "channel": "transfer", "licences": ["15 CFR 740.27"],
                        "recipients": [{"organisation": "European Commission (AI Office)", "nationalities": ["PL"], "location": "PL", "headquarters": "BE"},
                                       {"organisation": "Independent evaluation team", "nationalities": ["PL"], "location": "PL", "headquarters": "PL",
                                        "role": "independent-expert"}]}]}
            """
        let report = try cures(["r.json": request], "r.json", ["--top", "8"])
        let found = report["cures"] as? [[String: Any]] ?? []
        // Equally cheap cures (a licence, 4E091 Note 1 or 2) come in the solver's order, which
        // no preference fixes: compared as a set, with the costs in order.
        #expect(found.map(dimensions).sorted { $0.joined() < $1.joined() }
            == [["artifact"], ["channel"], ["exception"], ["exception"], ["licence"], ["recipientLocation", "recipientNationality"]])
        let costs = found.compactMap { $0["cost"] as? Int }
        #expect(costs == costs.sorted())
        for cure in found { #expect(cure["verdicts"] as? [String: String] == ["text": "clear", "enforcement": "clear"], "\(dimensions(cure))") }
        #expect(report["notes"] as? [String] == [])
    }

    /// A change of every recipient's location starts from each of their locations. The recipients
    /// are nationals of AIA destinations, so a move into one cures (15 CFR 734.14(a)(2)); among
    /// them, a recipient's own country is preferred.
    @Test func aLocationChangeStartsFromEveryRecipientsLocation() throws {
        let request = """
            {"id": "TWO-LOC", "date": "2026-11-24",
             "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
             "provider": {"name": "Northwind Models, Inc.", "establishedIn": "US"},
             "model": {"name": "Northwind-5", "trainingCompute": {"value": 3e26, "unit": "operations"}, "weightsPublished": false},
             "items": [{"artifact": "weights", "channel": "transfer", "licences": ["15 CFR 740.27"],
                        "recipients": [{"organisation": "European Commission (AI Office)", "nationalities": ["DE"], "location": "PL", "headquarters": "BE"},
                                       {"organisation": "European Commission (AI Office)", "nationalities": ["FR"], "location": "AT", "headquarters": "BE"}]}]}
            """
        let report = try cures(["r.json": request], "r.json")
        let moved = try #require((report["cures"] as? [[String: Any]] ?? []).first { dimensions($0) == ["recipientLocation"] })
        let change = try #require((moved["changes"] as? [[String: String]])?.first)
        #expect(change["from"] == "PL, AT")
        // Germany: the first recipient's own country (the cure searched for the first recipient
        // in conflict), not whichever AIA destination the solver meets first.
        #expect(change["to"] == "DE")
        #expect(moved["verdicts"] as? [String: String] == ["text": "clear", "enforcement": "clear"])
    }

    /// An undetermined item names its deciding conditions once, in posture order, though both
    /// postures give the same.
    @Test func anUndeterminedItemNamesEachDecidingConditionOnce() throws {
        // Whether the evaluators' organisation is one the letter's Annex A exempts decides both
        // postures (the letter is enforced).
        let request = """
            {"id": "UND", "date": "2026-11-24",
             "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
             "model": {"name": "Orion-7", "trainingCompute": {"value": 4e26, "unit": "operations"}, "weightsPublished": false},
             "items": [{"artifact": "api-access", "channel": "remote-api",
                        "recipients": [{"nationalities": ["FR"], "location": "FR", "headquarters": "FR", "role": "independent-expert"}]}],
             "instruments": ["us.bis.letter.helios-orion-2026"]}
            """
        let folder = try CLI.folder(["r.json": request])
        let result = try CLI.run(["cures"] + Self.letter + [folder.appendingPathComponent("r.json").path])
        // Nothing is cured, and the item may be in conflict: 1, as check exits for it.
        #expect(result.status == 1, "\(result.stderr)")
        let json = try CLI.json(try CLI.run(["cures", "--format", "json"] + Self.letter + [folder.appendingPathComponent("r.json").path]).stdout)
        #expect(json["undetermined"] as? [Int] == [0] && json["uncured"] as? [Int] == [])
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(Array(lines.prefix(3)) == [
            "request UND (as of 2026-11-24): undetermined under text, undetermined under enforcement",
            "",
            "note: item 0: undetermined; establish the deciding facts first (conflict if recipient.organisation is not in Annex A to the (fictional) letter: trusted-partner organisations, whose foreign-national employees may receive Orion-7 without a licence. Fictional names.); the readings they rest on are given with the caveats",
        ])
        // The readings the deciding condition rests on, as `ecca check` gives them with it.
        #expect(lines.dropFirst(3).map { String($0.prefix { $0 != ":" }) } == [
            "caveat 1, reading of Art. 92(5)", "caveat 2, reading of Art. 92(5)", "caveat 3, reading of Art. 92(5)",
            "caveat 4, reading of Regulation (EU) 2024/1689 of the European Parliament and of the Council of 13 June 2024 laying down harmonised rules on artificial intelligence and amending Regulations (EC) No 300/2008, (EU) No 167/2013, (EU) No 168/2013, (EU) 2018/858, (EU) 2018/1139 and (EU) 2019/2144 and Directives 2014/90/EU, (EU) 2016/797 and (EU) 2020/1828 (Artificial Intelligence Act)",
            "caveat 5, reading of Art. 3(63)", "caveat 6, reading of Art. 3(47)",
            "caveat 7, reading of BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1",
            "caveat 8, reading of FICTIONAL SAMPLE", "caveat 9, reading of 50 U.S.C. 4801(5)",
            "caveat 10, reading of 15 CFR 734.3(b)(3)", "",
        ])
        let check = try CLI.run(["check", "--format", "json"] + Self.letter + [folder.appendingPathComponent("r.json").path])
        let analysis = try CLI.json(check.stdout)
        let caveats = try #require(analysis["caveats"] as? [[String: Any]])
        #expect(caveats.count == 10)
    }

    /// An avoidable item whose channel asked for only may conflict (its accepted alternative
    /// complies) has no recipient in conflict to cure: `ecca check` calls it avoidable and names the
    /// alternative, so `ecca cures` says so with the deciding facts, as for an undetermined item,
    /// instead of "nothing to cure". Weights of a 3e26-operation model transferred to Poland,
    /// whether they are published not given, API access accepted.
    @Test func anAvoidableItemWhoseChannelMayConflictIsNamedNotPassedOver() throws {
        let request = """
            {"id": "AVU", "date": "2026-11-24",
             "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
             "provider": {"name": "Northwind Models, Inc.", "establishedIn": "US"},
             "model": {"name": "Northwind-5", "trainingCompute": {"value": 3e26, "unit": "operations"}},
             "items": [{"artifact": "weights", "channel": "transfer", "alternatives": ["remote-api"],
                        "recipients": [{"nationalities": ["PL"], "location": "PL", "headquarters": "BE"}]}]}
            """
        let folder = try CLI.folder(["r.json": request])
        let check = try CLI.run(["check", folder.appendingPathComponent("r.json").path])
        #expect(Array(check.stdout.components(separatedBy: "\n").prefix(3)) == [
            "request AVU (as of 2026-11-24): AVOIDABLE under text, CLEAR under enforcement",
            "  item 0: weights via transfer: AVOIDABLE (text) · CLEAR (enforcement)",
            "    alternatives [text]: remote-api compliant",
        ])
        let result = try CLI.run(["cures", folder.appendingPathComponent("r.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Array(result.stdout.components(separatedBy: "\n").prefix(3)) == [
            "request AVU (as of 2026-11-24): avoidable under text, clear under enforcement",
            "",
            "note: item 0: avoidable; the accepted alternative channel 'remote-api' complies, and whether the channel asked for ('transfer') "
                + "conflicts depends on facts the request does not give: to keep it, establish the deciding facts first "
                + "(conflict if model.weights-published-unrestricted is not true); the readings they rest on are given with the caveats",
        ])
        let report = try cures(["r.json": request], "r.json")
        #expect((report["cures"] as? [[String: Any]])?.isEmpty == true && report["uncured"] as? [Int] == [])
        #expect((report["notes"] as? [String])?.count == 1)
    }
}
