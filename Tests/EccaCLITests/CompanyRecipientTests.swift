import Foundation
import Testing

/// A company recipient given by where it is incorporated or organised to do business is tested as
/// the entity: one of another country than the United States is a foreign person whoever its
/// staff are (50 U.S.C. 4801(5)(B)); a US one leaves the question on the persons who receive the
/// access (audit M5: a UK evaluation company named with no persons was asked whether it was a
/// government body).
@Suite struct CompanyRecipientTests {
    /// The audit's probe o06: API access to Orion-7, under Helios's letter, for a UK evaluation
    /// company with no persons named.
    static func apolloEvals(incorporatedIn: String?, location: String = "GB", headquarters: String = "GB") -> [String: Any] {
        var recipient: [String: Any] = ["organisation": "Apollo Evals Ltd", "location": location,
                                        "headquarters": headquarters, "role": "independent-expert"]
        if let incorporatedIn { recipient["incorporatedIn"] = incorporatedIn }
        return [
            "id": "O06", "date": "2026-11-24",
            "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"],
            "provider": ["name": "Helios AI, Inc.", "establishedIn": "US"],
            "model": ["name": "Orion-7", "trainingCompute": ["value": 4e26, "unit": "FLOP"], "weightsPublished": false,
                      "placedOnEUMarket": "2026-07-01"],
            "items": [["artifact": "api-access", "channel": "remote-api", "hostingLocation": "US", "recipients": [recipient]]],
        ]
    }

    /// The verdict block of a text report: the lines before the first blank one.
    static func verdict(_ stdout: String) -> [String] {
        Array(stdout.components(separatedBy: "\n").prefix { !$0.isEmpty })
    }

    @Test func aCompanyIncorporatedAbroadIsAForeignPerson() throws {
        let result = try CLI.check(Self.apolloEvals(incorporatedIn: "GB"), ["--instrument", CLI.letter])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(Self.verdict(result.stdout) == [
            "request O06 (as of 2026-11-24): CONFLICT (both postures)",
            "  item 0: api-access via remote-api: CONFLICT (text) · CONFLICT (enforcement)",
            "    cure [text]: obtain a licence for this disclosure and list its number in the item's licences",
            "    cure [enforcement]: obtain a licence for this disclosure and list its number in the item's licences",
        ])
        #expect(result.stdout.contains("finding 1 [text] item 0, remote-api, recipient 0: eu.ai-act.art92.5 + us.bis.letter.helios-orion-2026.1"))
    }

    @Test func aCompanyIncorporatedInTheUSLeavesTheQuestionOnItsPersons() throws {
        let result = try CLI.check(Self.apolloEvals(incorporatedIn: "US", location: "US", headquarters: "US"), ["--instrument", CLI.letter])
        #expect(result.status == 1, "\(result.stderr)")
        // Not a foreign person by 4801(5)(B), and no government body: only who receives the access is open.
        #expect(Self.verdict(result.stdout) == [
            "request O06 (as of 2026-11-24): UNDETERMINED (both postures)",
            "  item 0: api-access via remote-api: UNDETERMINED (text) · UNDETERMINED (enforcement)",
            "    depends [text]: conflict if recipient.nationalities does not include US (caveats 1-10)",
            "    depends [enforcement]: conflict if recipient.nationalities does not include US (caveats 1-10)",
        ])
    }

    @Test func withoutWhereItIsIncorporatedTheVerdictDependsAsBefore() throws {
        let result = try CLI.check(Self.apolloEvals(incorporatedIn: nil), ["--instrument", CLI.letter])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(Self.verdict(result.stdout) == [
            "request O06 (as of 2026-11-24): UNDETERMINED (both postures)",
            "  item 0: api-access via remote-api: UNDETERMINED (text) · UNDETERMINED (enforcement)",
            "    depends [text]: conflict if recipient.government-body is true (caveats 1-10)",
            "    depends [text]: conflict if recipient.nationalities does not include US (caveats 1-10)",
            "    depends [enforcement]: conflict if recipient.government-body is true (caveats 1-10)",
            "    depends [enforcement]: conflict if recipient.nationalities does not include US (caveats 1-10)",
        ])
    }

    /// The weights of a model no letter names, transferred to the UK company: ECCN 4E091, and
    /// License Exception AIA tested for the body by where it sits and is headquartered, as for a
    /// government body, not by a citizenship a company does not have.
    @Test func licenceExceptionAIAIsTestedForTheCompanyWhereItSits() throws {
        var request = Self.apolloEvals(incorporatedIn: "GB")
        request["provider"] = ["name": "Acme AI", "establishedIn": "US"]
        request["model"] = ["name": "Atlas-9", "trainingCompute": ["value": 4e26, "unit": "FLOP"], "weightsPublished": false,
                            "placedOnEUMarket": "2026-07-01"]
        var item: [String: Any] = ["artifact": "weights", "channel": "transfer",
                                   "recipients": [["organisation": "Apollo Evals Ltd", "location": "GB", "headquarters": "GB",
                                                   "incorporatedIn": "GB", "role": "independent-expert"]]]
        request["items"] = [item]
        let unclaimed = try CLI.check(request, ["--posture", "text"])
        #expect(unclaimed.status == 1, "\(unclaimed.stderr)")
        #expect(Self.verdict(unclaimed.stdout).first == "request O06 (as of 2026-11-24): CONFLICT (text posture; the enforcement posture was not analysed)")
        #expect(unclaimed.stdout.contains("cure: establish and claim 15 CFR 740.27 (list \"us.ai-diffusion.740.27\" in the item's licences)"), "\(unclaimed.stdout)")
        item["licences"] = ["us.ai-diffusion.740.27"]
        request["items"] = [item]
        let claimed = try CLI.check(request, ["--posture", "text"])
        #expect(claimed.status == 0, "\(claimed.stdout)\(claimed.stderr)")
        let lines = Self.verdict(claimed.stdout)
        #expect(lines.count == 4)
        #expect(lines.prefix(3) == [
            "request O06 (as of 2026-11-24): CLEAR (text posture; the enforcement posture was not analysed)",
            "  item 0: weights via transfer: CLEAR (text)",
            "    clear: EU Art. 92(5) obliges the disclosure (caveats 1-6)",
        ])
        #expect(lines.last?.hasPrefix("    clear: US 15 CFR Part 774, Supp. No. 1, ECCN 4E091 would forbid it, but an exception holds: License Exception AIA (15 CFR 740.27)") == true)
        // Headquartered outside the paragraph (a) destinations and the United States, it is not covered.
        item["recipients"] = [["organisation": "Apollo Evals Ltd", "location": "GB", "headquarters": "CN", "incorporatedIn": "GB"]]
        request["items"] = [item]
        let abroad = try CLI.check(request, ["--posture", "text"])
        #expect(Self.verdict(abroad.stdout).first == "request O06 (as of 2026-11-24): CONFLICT (text posture; the enforcement posture was not analysed)", "\(abroad.stdout)")
    }

    @Test func aCompanyWithNamedPersonsIsRefused() throws {
        var request = Self.apolloEvals(incorporatedIn: "GB")
        request["items"] = [["artifact": "api-access", "channel": "remote-api", "hostingLocation": "US",
                             "recipients": [["organisation": "Apollo Evals Ltd", "location": "GB", "incorporatedIn": "GB", "nationalities": ["US"]]]]]
        let result = try CLI.check(request, ["--instrument", CLI.letter])
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("error: items[0].recipients[0].incorporatedIn: a recipient is either a body or natural persons, not both (nationalities describes a person): for the staff of a company, leave incorporatedIn out and name each person, or each group of one nationality, as a recipient of its own with their nationalities (they are tested by their own nationality, 50 U.S.C. 4801(5)(A)); for the company itself, leave out what describes a person"), "\(result.stderr)")
    }

    /// The XML form gives the same field as an attribute, and the schema accepts it.
    @Test func theXMLFormGivesWhereACompanyIsIncorporated() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <request xmlns="urn:ecca:request:1" id="O06" date="2026-11-24">
              <requester authority="European Commission (AI Office)" jurisdiction="EU" legal-basis="Art. 92(3)"/>
              <provider name="Helios AI, Inc." established-in="US"/>
              <model name="Orion-7" weights-published="false">
                <training-compute value="4e26" unit="FLOP"/>
              </model>
              <item artifact="api-access" channel="remote-api" hosting-location="US">
                <recipient organisation="Apollo Evals Ltd" location="GB" headquarters="GB" incorporated-in="GB" role="independent-expert"/>
              </item>
            </request>
            """
        let folder = try CLI.folder(["o06.xml": xml])
        let result = try CLI.run(["check", "--instrument", CLI.letter, folder.appendingPathComponent("o06.xml").path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(Self.verdict(result.stdout).first == "request O06 (as of 2026-11-24): CONFLICT (both postures)", "\(result.stdout)\(result.stderr)")
    }
}
