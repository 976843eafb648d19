import Foundation
import Testing

/// A US national on the AI Office's staff given API access to a model an is-informed letter
/// names: ecca reads them by their own nationality, no foreign person, so the letter does not
/// apply; whether access they use on the Commission's behalf is access given to the Commission (a
/// foreign government body, 50 U.S.C. 4801(5)(B)) is not settled, and the ground says so (law
/// audit of 2026-12-07, M3: the clear verdict and the first cure rested on that reading unsaid).
@Suite struct AuthorityStaffReadingTests {
    /// The audit's probe o01: AI Office staff of US nationality, API access to Orion-7.
    static func o01(role: String = "authority-staff", nationality: String = "US", jurisdiction: String = "EU",
                    legalBasis: String = "Art. 92(3)") -> [String: Any] {
        ["id": "O01", "date": "2026-11-24",
         "requester": ["authority": "European Commission (AI Office)", "jurisdiction": jurisdiction, "legalBasis": legalBasis],
         "provider": ["name": "Helios AI, Inc.", "establishedIn": "US"],
         "model": ["name": "Orion-7", "trainingCompute": ["value": 4e26, "unit": "FLOP"], "weightsPublished": false,
                   "placedOnEUMarket": "2026-07-01"],
         "items": [["artifact": "api-access", "channel": "remote-api", "hostingLocation": "US",
                    "recipients": [["organisation": "European Commission (AI Office)", "role": role, "nationalities": [nationality],
                                    "location": "BE", "headquarters": "BE"]]]]]
    }

    static let label = "access that a member of the requesting authority's staff, or an independent expert the Commission appoints to "
        + "carry out an evaluation under Art. 92 on its behalf (Art. 92(2)), uses on the authority's behalf is access given to the "
        + "authority, a foreign government body or agency (paragraph (B)), whatever their own nationality or residence"
    static let letter = "BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1"
    static let foreignPerson = "not: foreign person (50 U.S.C. 4801(5); 15 CFR 772.1): a foreign government body or international "
        + "organisation, an entity \"not incorporated in the United States or organized to do business in the United States\", or a "
        + "natural person who is neither a US national nor a US permanent resident, since recipient.government-body is not true "
        + "(request: false); recipient.incorporated-in-given is not true (request: false); recipient.nationalities includes US (request: US); "
        + "item.channel is not publication (request: remote-api)"

    /// `ecca check` with the sample letter; a conflict exits 1, anything else 0.
    private func lines(_ request: [String: Any]) throws -> [String] {
        let result = try CLI.check(request, ["--instrument", CLI.letter])
        #expect(result.status == (result.stdout.contains("): CONFLICT") ? 1 : 0), "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// The verdict stays clear (ecca's reading decides); the letter's ground gives the other reading.
    @Test func theLettersGroundGivesTheOtherReading() throws {
        let out = try lines(Self.o01())
        #expect(out.first == "request O01 (as of 2026-11-24): CLEAR (both postures)")
        #expect(out.contains("    clear [both]: US \(Self.letter) does not apply: \(Self.foreignPerson); on another reading of 50 U.S.C. "
            + "4801(5) (\(Self.label)), the prohibition of \(Self.letter) would apply (caveats 13-16)"))
        // Only there: ECCN 4E091 does not reach API access on either reading.
        #expect(CLI.otherReadingLines(out).count == 1)
    }

    /// JSON: the reading is among the letter ground's `reasons`, as a duty's ground carries one.
    @Test func theGroundCarriesItInJSON() throws {
        let result = try CLI.check(Self.o01(), ["--instrument", CLI.letter, "--format", "json"])
        let json = try CLI.json(result.stdout)
        let item = try #require((json["items"] as? [[String: Any]])?.first)
        let postures = try #require(item["postures"] as? [String: [String: Any]])
        let grounds = try #require(postures["text"]?["grounds"] as? [[String: Any]])
        let ground = try #require(grounds.first { $0["provision"] as? String == "us.bis.letter.helios-orion-2026.1" })
        #expect(ground["outcome"] as? String == "not-applicable")
        #expect((ground["reasons"] as? [String])?.last == "on another reading of 50 U.S.C. 4801(5) (\(Self.label)), the prohibition of \(Self.letter) would apply")
    }

    /// Two cures of the Orion sample clear only on ecca's reading, and say so: the French and
    /// German evaluators made US persons, and the Annex A experts, whose access is, on the other
    /// reading, the Commission's (second law audit of 2026-12-07, M4). Each costs
    /// `contestedReading` (4) more, so the licence, which holds on both readings, ranks first
    /// (the same audit, M3: a cure that may not hold is no cheaper than a licence).
    @Test func theCureThatRestsOnItSaysSo() throws {
        let result = try CLI.run(["cures", "--instrument", CLI.letter, "--top", "3", CLI.sample("orion-api-access-letter.json")])
        #expect(result.status == 0, "\(result.stderr)")
        let cures = result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("cure ") || $0.hasPrefix("  change ") || $0.hasPrefix("  note: ") }
        #expect(cures == [
            "cure 1 for item 0 (cost 6): clear under text, clear under enforcement after it",
            "  change licence: no licence → a BIS licence for this disclosure",
            "cure 2 for item 0 (cost 8): clear under text, clear under enforcement after it",
            "  change recipientNationality: FR; DE → US persons",
            "  note: it clears the disclosure only on ecca's reading: on another reading of 50 U.S.C. 4801(5) (\(Self.label)), "
                + "the prohibition of \(Self.letter) would apply after it; 4 added to its cost",
            "cure 3 for item 0 (cost 8): clear under text, clear under enforcement after it",
            "  change recipientOrganisation: European Commission (AI Office) → Kestrel AI Assurance GmbH",
            "  note: it clears the disclosure only on ecca's reading: on another reading of 50 U.S.C. 4801(5) (\(Self.label)), "
                + "the prohibition of \(Self.letter) would apply after it; 4 added to its cost",
        ])
        // Without the surcharge they rank as before, first, at the price of their change alone.
        let folder = try CLI.folder(["costs.json": #"{"contestedReading": 0}"#])
        let free = try CLI.run(["cures", "--instrument", CLI.letter, "--top", "3", "--costs", folder.appendingPathComponent("costs.json").path,
                                CLI.sample("orion-api-access-letter.json")])
        #expect(free.stdout.split(separator: "\n").filter { $0.hasPrefix("cure ") } == [
            "cure 1 for item 0 (cost 4): clear under text, clear under enforcement after it",
            "cure 2 for item 0 (cost 4): clear under text, clear under enforcement after it",
            "cure 3 for item 0 (cost 6): clear under text, clear under enforcement after it",
        ])
        #expect(free.stdout.contains("would apply after it; 0 added to its cost"))
    }

    /// The surcharge is known only once a cure is verified, after the solver found it by the price
    /// of its changes: the search goes on past the two cures at 4 (8 once verified) to the licence
    /// at 6, so that `--top 1` lists the licence, not the first cure found.
    @Test func theSearchGoesOnPastCuresTheSurchargeMakesDearer() throws {
        let result = try CLI.run(["cures", "--instrument", CLI.letter, "--top", "1", CLI.sample("orion-api-access-letter.json")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix("cure ") || $0.hasPrefix("  change ") } == [
            "cure 1 for item 0 (cost 6): clear under text, clear under enforcement after it",
            "  change licence: no licence → a BIS licence for this disclosure",
        ])
    }

    /// An independent expert the Commission appoints "to carry out evaluations on its behalf"
    /// (Art. 92(2)) uses the access on its behalf as its staff do: the same reading is given.
    @Test func anIndependentExpertAppointedUnderArticle92_2IsReadAlike() throws {
        let out = try lines(Self.o01(role: "independent-expert"))
        #expect(out.first == "request O01 (as of 2026-11-24): CLEAR (both postures)")
        #expect(CLI.otherReadingLines(out) == ["    clear [both]: US \(Self.letter) does not apply: \(Self.foreignPerson); on another reading of "
            + "50 U.S.C. 4801(5) (\(Self.label)), the prohibition of \(Self.letter) would apply (caveats 13-16)"])
    }

    /// Only the Commission appoints experts under Art. 92(2), for an evaluation under Art. 92: an
    /// expert of US nationality under Art. 91, a Code of Practice evaluator the provider engages
    /// (Measure 3.5), or one a national authority names, is read by their own nationality alone
    /// (QA of 2026-12-07: the reading was given for all three).
    @Test func anExpertOutsideAnArticle92EvaluationIsNotReadAlike() throws {
        for request in [Self.o01(role: "independent-expert", legalBasis: "Art. 91(1)"),
                        Self.o01(role: "independent-expert", legalBasis: "eu.gpai-code.safety-security.m3-5"),
                        Self.o01(role: "independent-expert", jurisdiction: "DE")] {
            let out = try lines(request)
            #expect(CLI.otherReadingLines(out).isEmpty, "\(out)")
        }
    }

    /// Where the reading would change nothing, or does not hold, nothing is said: a French
    /// official is a foreign person on both readings (the letter forbids it), a recipient of
    /// another role (the provider's staff, whom a letter reads apart) acts for no authority, and
    /// a US requester is no foreign body.
    @Test func nothingIsSaidWhereTheReadingChangesNothing() throws {
        for request in [Self.o01(nationality: "FR"), Self.o01(role: "other"), Self.o01(jurisdiction: "US")] {
            let out = try lines(request)
            #expect(CLI.otherReadingLines(out).isEmpty, "\(out)")
        }
        #expect(try lines(Self.o01(nationality: "FR")).first == "request O01 (as of 2026-11-24): CONFLICT (both postures)")
    }
}
