import Foundation
import Testing

/// `mou verify` searches the scope again on each wider reading of a constitutive rule: terms that
/// limit API access to Orion-7 to US-person evaluators hold on ecca's reading of 50 U.S.C.
/// 4801(5), and the output says that on the reading under which the AI Office's staff receive for
/// the Commission they would not, with a request `check` finds clear and names the reading beside
/// (law audit of 2026-12-07, M3: such a proof rested on that reading unsaid).
@Suite struct MoUOtherReadingTests {
    static let usPersons = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <mou xmlns="urn:ecca:mou:1" id="MOU-USP">
          <title>Evaluation access to Orion-7 through the API, for US-person evaluators</title>
          <party role="eu-authority">European Commission (AI Office)</party>
          <party role="provider">Helios AI, Inc.</party>
          <validity from="2026-10-01" until="2027-09-30"/>
          <scope>
            <legal-basis>Art. 92(3)</legal-basis>
            <artifact>api-access</artifact>
            <channel>remote-api</channel>
            <recipient-location set="eu.member-states"/>
            <model name="Orion-7"/>
            <provider>Helios AI, Inc.</provider>
            <instrument ref="us.bis.letter.helios-orion-2026"/>
          </scope>
          <commitment kind="us-person-evaluators">Only evaluators who are US nationals or US permanent residents are given access.</commitment>
          <commitment kind="art78-confidentiality">The Commission treats all information obtained under Article 78 of Regulation (EU) 2024/1689.</commitment>
        </mou>

        """#

    static let otherReading = "    other reading: on another reading of 50 U.S.C. 4801(5) (\(AuthorityStaffReadingTests.label)), the prohibition of "
        + "\(AuthorityStaffReadingTests.letter) would apply, and the terms would not hold: a request within the scope would conflict "
        + "(clash: eu.ai-act.art92.5 + us.bis.letter.helios-orion-2026.1); `ecca check FILE --instrument \(CLI.letter)` finds it clear on ecca's reading and gives "
        + "the other reading beside the ground:"

    static func verify(_ text: String, _ options: [String] = []) throws -> CLI.Result {
        let folder = try CLI.folder(["mou.xml": text])
        return try CLI.run(["mou", "verify", "--instrument", CLI.letter] + options + [folder.appendingPathComponent("mou.xml").path])
    }

    /// The terms hold under both postures (ecca's reading decides, exit 0); under each, the other
    /// reading follows what the proof rests on.
    @Test func theProofSaysWhatTheOtherReadingGives() throws {
        let result = try Self.verify(Self.usPersons)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout.split(separator: "\n").map(String.init)
        for posture in ["text", "enforcement"] {
            let start = try #require(out.firstIndex(of: "  \(posture) posture: HOLDS: no request within the scope conflicts, or is forbidden, on any date of the period"))
            let said = out[start...].dropFirst().prefix { $0.hasPrefix("    ") && !$0.hasPrefix("      ") }
            #expect(Array(said) == [
                "    rests on the us-person-evaluators commitment (line 16): the proof needs it: \"Only evaluators who are US nationals or US permanent residents are given access.\"",
                "    rests on 15 CFR Part 774, Supp. No. 1, ECCN 4E091: its rule as ecca reads it: ECCN 4E091 item: the parameters (weights) of an AI model trained with 10^26 or more operations",
                "    rests on 50 U.S.C. 4801(5): its rule as ecca reads it: access the recipient uses on the requesting authority's behalf is access given to the authority, a foreign government body or agency (50 U.S.C. 4801(5)(B)): never on ecca's reading, under which access is given to the persons who use it",
                "    rests on 50 U.S.C. 4801(5): its rule as ecca reads it: foreign person (50 U.S.C. 4801(5); 15 CFR 772.1): a foreign government body or international organisation, an entity \"not incorporated in the United States or organized to do business in the United States\", or a natural person who is neither a US national nor a US permanent resident",
                "    rests on caveats 1-6, given at the end",
                Self.otherReading,
            ])
        }
    }

    /// The request found on the other reading is a member of the AI Office's staff, or an expert
    /// the Commission appoints, who is a US person; `check` finds it clear and gives the reading
    /// beside the letter's ground.
    @Test func theRequestIsOneCheckFindsClearAndNamesTheReadingFor() throws {
        let result = try Self.verify(Self.usPersons, ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try CLI.json(result.stdout)
        let outcomes = try #require(json["outcomes"] as? [[String: Any]])
        #expect(outcomes.map { $0["holds"] as? Bool } == [true, true])
        for outcome in outcomes {
            let found = try #require(outcome["otherReadings"] as? [[String: Any]])
            #expect(found.count == 1)
            let reading = try #require(found.first)
            #expect(reading["forbidden"] as? Bool == false)
            #expect(reading["checkNamesIt"] as? Bool == true)
            #expect(reading["provisions"] as? [String] == ["eu.ai-act.art92.5", "us.bis.letter.helios-orion-2026.1"])
            let readings = try #require(reading["readings"] as? [[String: Any]])
            #expect(readings.map { $0["id"] as? String } == ["us-foreign-person.staff-acting-for-authority-reading"])
            #expect(readings.map { $0["norm"] as? String } == ["us.bis.letter.helios-orion-2026.licence-requirement"])
            let request = try #require(reading["request"] as? [String: Any])
            let item = try #require((request["items"] as? [[String: Any]])?.first)
            let recipient = try #require((item["recipients"] as? [[String: Any]])?.first)
            let role = recipient["role"] as? String
            #expect(role == "authority-staff" || role == "independent-expert", "\(recipient)")
            if role == "authority-staff" { #expect(recipient["organisation"] as? String == "European Commission (AI Office)") }
            let usNational = (recipient["nationalities"] as? [String])?.contains("US") == true
            // A US person, either way, never both (permanent residence is for those who are not nationals).
            #expect(usNational != (recipient["usPermanentResident"] as? Bool == true), "\(recipient)")

            let check = try CLI.check(request, ["--instrument", CLI.letter])
            #expect(check.status == 0, "\(check.stderr)")
            let out = check.stdout.split(separator: "\n").map(String.init)
            #expect(out.first == "request MOU-USP-counterexample (as of 2026-10-01): CLEAR (both postures)")
            #expect(CLI.otherReadingLines(out).count == 1, "\(out)")
        }
    }

    /// Two prohibitions that would apply on one reading are named in one statement, not the
    /// reading's label once for each (QA: weights inspected in the United States).
    @Test func prohibitionsThatOneReadingWouldApplyAreNamedTogether() throws {
        let onSite = Self.usPersons
            .replacingOccurrences(of: "<artifact>api-access</artifact>", with: "<artifact>weights</artifact>")
            .replacingOccurrences(of: "<channel>remote-api</channel>", with: "<channel>on-site</channel>\n    <hosting-location>US</hosting-location>")
            .replacingOccurrences(of: #"<recipient-location set="eu.member-states"/>"#, with: #"<compute unit="operations" min="2e26"/>"#)
        let result = try Self.verify(onSite, ["--posture", "text"])
        #expect(result.status == 0, "\(result.stderr)")
        let readings = result.stdout.split(separator: "\n").filter { $0.hasPrefix("    other reading: ") }
        #expect(readings.count == 1)
        #expect(readings.first?.hasPrefix("    other reading: on another reading of 50 U.S.C. 4801(5) (\(AuthorityStaffReadingTests.label)), the prohibitions of "
            + "15 CFR Part 774, Supp. No. 1, ECCN 4E091 and \(AuthorityStaffReadingTests.letter) would apply, and the terms would not hold: ") == true,
            "\(readings)")
    }

    /// A scope that names the authority another way ("European Commission" for the party
    /// "European Commission (AI Office)", Art. 3(47)) covers its staff, and the request found on the
    /// other reading is a member of it, under the scope's name. Under Art. 91 there are no
    /// appointed experts, so only the staff can be what the reading finds.
    @Test func aScopeNamingTheAuthorityAnotherWayCoversItsStaff() throws {
        let named = Self.usPersons
            .replacingOccurrences(of: "    <model name=", with: "    <recipient-organisation>European Commission</recipient-organisation>\n    <model name=")
            .replacingOccurrences(of: "<legal-basis>Art. 92(3)</legal-basis>", with: "<legal-basis>Art. 91(1)</legal-basis>")
        let result = try Self.verify(named, ["--posture", "text", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let outcome = try #require((try CLI.json(result.stdout)["outcomes"] as? [[String: Any]])?.first)
        let reading = try #require((outcome["otherReadings"] as? [[String: Any]])?.first)
        let request = try #require(reading["request"] as? [String: Any])
        let recipient = try #require(((request["items"] as? [[String: Any]])?.first?["recipients"] as? [[String: Any]])?.first)
        #expect(recipient["organisation"] as? String == "European Commission")
        #expect(recipient["role"] as? String == "authority-staff")
    }

    /// Where the reading cannot change the outcome nothing is said: an MoU whose terms fail on
    /// ecca's reading already has its counterexample.
    @Test func nothingIsSaidWhereTheReadingChangesNothing() throws {
        let samples = CLI.root.appendingPathComponent("Samples/mous")
        for (name, status) in [("orion-api-access.xml", Int32(1))] {
            let path = samples.appendingPathComponent(name).path
            let text = try CLI.run(["mou", "verify", "--instrument", CLI.letter, path])
            #expect(text.status == status, "\(name): \(text.stderr)")
            #expect(!text.stdout.contains("other reading:"), "\(name)")
            let json = try CLI.run(["mou", "verify", "--instrument", CLI.letter, "--format", "json", path])
            let outcomes = try #require(try CLI.json(json.stdout)["outcomes"] as? [[String: Any]])
            #expect(outcomes.allSatisfy { $0["otherReadings"] == nil }, "\(name)")
        }
    }

    /// An MoU for the letter's Annex A partners holds on ecca's reading, on which the experts'
    /// access is theirs; on the other reading, access an expert the Commission appoints uses on
    /// its behalf is the Commission's, which Annex A does not list, and the letter applies: said
    /// beside the proof (second law audit of 2026-12-07, M4), as for US-person evaluators.
    @Test func anAnnexAPartnersProofGivesTheReadingOnWhichTheAccessIsTheCommissions() throws {
        let path = CLI.root.appendingPathComponent("Samples/mous/orion-annex-a-partners.xml").path
        let text = try CLI.run(["mou", "verify", "--instrument", CLI.letter, path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.components(separatedBy: "\n    other reading: on another reading of 50 U.S.C. 4801(5) (\(AuthorityStaffReadingTests.label)), "
                                                     + "the prohibition of \(AuthorityStaffReadingTests.letter) would apply, and the terms would not hold: ").count == 3, "\(text.stdout)")
        let json = try CLI.run(["mou", "verify", "--instrument", CLI.letter, "--format", "json", path])
        for outcome in try #require(try CLI.json(json.stdout)["outcomes"] as? [[String: Any]]) {
            #expect(outcome["holds"] as? Bool == true)
            let reading = try #require((outcome["otherReadings"] as? [[String: Any]])?.first)
            let recipient = try #require((((reading["request"] as? [String: Any])?["items"] as? [[String: Any]])?.first?["recipients"] as? [[String: Any]])?.first)
            #expect(recipient["role"] as? String == "independent-expert")
            #expect(["Northwind Evaluation Labs Ltd", "Kestrel AI Assurance GmbH", "Tamarack Secure Compute K.K."].contains(recipient["organisation"] as? String ?? ""))
        }
    }
}
