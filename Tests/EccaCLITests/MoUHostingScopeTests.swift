import Foundation
import Testing

/// An MoU scope's `<hosting-location>` bounds where the artefact is hosted, which is where an on-site
/// inspection releases it (15 CFR 734.15(a)(1)): without it, an on-site scope is counterexampled by
/// an inspection hosted outside License Exception AIA's destinations, and negotiators could write no
/// term that cures it.
@Suite struct MoUHostingScopeTests {
    /// On-site inspection of Northwind-5's weights by French evaluators of an organisation
    /// headquartered in Belgium, License Exception AIA certified; no hosting bound.
    static let onSite = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <mou xmlns="urn:ecca:mou:1" id="ONSITE-FR">
          <title>On-site inspection of Northwind model weights by evaluators in France</title>
          <party role="eu-authority">European Commission (AI Office)</party>
          <party role="provider">Northwind Models, Inc.</party>
          <validity from="2026-09-01" until="2027-08-31"/>
          <scope>
            <legal-basis>Art. 92(3)</legal-basis>
            <artifact>weights</artifact>
            <channel>on-site</channel>
            <recipient-location>FR</recipient-location>
            <recipient-nationality>FR</recipient-nationality>
            <recipient-headquarters>BE</recipient-headquarters>
            <model name="Northwind-5"/>
            <provider>Northwind Models, Inc.</provider>
          </scope>
          <commitment kind="aia-certification">The provider certifies for License Exception AIA.</commitment>
          <commitment kind="art78-confidentiality">The Commission treats all information obtained under Article 78 of Regulation (EU) 2024/1689.</commitment>
        </mou>

        """#

    /// `onSite` with `lines` added to its scope after the headquarters.
    static func bounded(_ lines: [String]) -> String {
        onSite.replacingOccurrences(of: "    <model name=", with: lines.map { "    \($0)\n" }.joined() + "    <model name=")
    }

    static func verify(_ text: String, _ options: [String] = []) throws -> CLI.Result {
        let folder = try CLI.folder(["mou.xml": text])
        return try CLI.run(["mou", "verify"] + options + [folder.appendingPathComponent("mou.xml").path])
    }

    static func members(_ set: String, in file: String) throws -> [String] {
        let law = try String(contentsOfFile: CLI.regulations + "/" + file, encoding: .utf8)
        let start = try #require(law.range(of: "<set id=\"\(set)\""))
        let end = try #require(law.range(of: "</set>", range: start.upperBound..<law.endIndex))
        return law[start.upperBound..<end.lowerBound].components(separatedBy: "<member>").dropFirst().compactMap { $0.components(separatedBy: "</member>").first }
    }

    /// Without a hosting bound the text posture finds an inspection hosted outside AIA's
    /// destinations; hosted only in them (Supp. No. 5 to Part 740, paragraph (a)), the MoU holds
    /// under both postures, resting on the certification and on AIA.
    @Test func anOnSiteScopeHostedInAIADestinationsHolds() throws {
        let open = try Self.verify(Self.onSite)
        #expect(open.status == 1, "\(open.stderr)")
        #expect(open.stderr == "")
        #expect(NegotiationCommandTests.withoutCaveatTexts(open.stdout) == #"""
        MoU ONSITE-FR from 2026-09-01 to 2027-08-31
          text posture: COUNTEREXAMPLE: a request within the scope still conflicts
            clash: eu.ai-act.art92.5 + us.ai-diffusion.4e091
            rests on caveats 1-16, given at the end
            request (reproduce with `ecca check FILE`):
              {
                "date" : "2026-09-01",
                "id" : "ONSITE-FR-counterexample",
                "items" : [
                  {
                    "artifact" : "weights",
                    "channel" : "on-site",
                    "hostingLocation" : "US",
                    "id" : "counterexample",
                    "licences" : [
                      "us.ai-diffusion.740.27"
                    ],
                    "recipients" : [
                      {
                        "governmentBody" : false,
                        "headquarters" : "BE",
                        "latestCitizenship" : "FR",
                        "location" : "FR",
                        "nationalities" : [
                          "FR"
                        ],
                        "organisation" : "Evaluation team",
                        "role" : "independent-expert",
                        "usPermanentResident" : false
                      }
                    ]
                  }
                ],
                "model" : {
                  "architectureAndUsagePublished" : false,
                  "name" : "Northwind-5",
                  "openSourceLicence" : false,
                  "placedOnEUMarket" : "2026-09-01",
                  "systemicRiskDesignated" : false,
                  "trainingCompute" : [
                    {
                      "unit" : "operations",
                      "value" : "1.0000000001e26"
                    },
                    {
                      "unit" : "FLOP",
                      "value" : "9.999999999e24"
                    }
                  ],
                  "weightsPublished" : false,
                  "weightsPublishedWithoutRestriction" : false
                },
                "provider" : {
                  "codeOfPractice" : [
                  ],
                  "establishedIn" : "US",
                  "name" : "Northwind Models, Inc."
                },
                "requester" : {
                  "authority" : "European Commission (AI Office)",
                  "jurisdiction" : "EU",
                  "legalBasis" : "eu.ai-act.art92.3"
                }
              }
          enforcement posture: HOLDS: no request within the scope conflicts, or is forbidden, on any date of the period
            rests on 15 CFR Part 774, Supp. No. 1, ECCN 4E091: its status: under the enforcement posture it binds on no date of the period (secondary: BIS announcement of 13 May 2025: the Under Secretary instructed enforcement officials not to enforce the rule (Kirkland, Baker McKenzie, Akin))
            rests on caveats 8, 9, given at the end
        assumed:
          - the regulations loaded (6 files, 98 provisions); no rule outside them
          - statuses as the regulations loaded give them (enforcement postures and is-informed letters as known): a change of enforcement posture or a new is-informed letter during the period is not foreseen
          - dates from 2026-09-01 to 2027-08-31 (the MoU's validity is 2026-09-01 to 2027-08-31)
          - facts the scope and commitments do not fix range over all their values (for example Code of Practice chapters, recipient roles, placement on the market)
          - one item and one recipient per request: a request with several is covered when each of its items and recipients is
          - no provider-specific instrument (is-informed letter) applies: the scope names none
          - Art. 78 confidentiality binds the Commission and changes no US-law outcome


        """#)
        let bounded = try Self.verify(Self.bounded([#"<hosting-location set="us.ai-diffusion.tier1"/>"#]))
        #expect(bounded.status == 0, "\(bounded.stderr)")
        #expect(bounded.stderr == "")
        #expect(NegotiationCommandTests.withoutCaveatTexts(bounded.stdout) == #"""
        MoU ONSITE-FR from 2026-09-01 to 2027-08-31
          text posture: HOLDS: no request within the scope conflicts, or is forbidden, on any date of the period
            rests on the aia-certification commitment (line 18): the proof needs it: "The provider certifies for License Exception AIA."
            rests on 15 CFR 740.27: its rule as ecca reads it: the export goes to a Supp. No. 5 to Part 740 paragraph (a) destination: the release takes place in one (where the recipient sits, or, for an on-site inspection, where the parameters are hosted) and, to a natural person of another country, their most recent country of citizenship or permanent residency is one too (a deemed reexport, 15 CFR 734.14(a)(2), (b)) or the exporter claims that the release is not a deemed reexport (15 CFR 734.20); or the release takes place in the United States to a natural person whose most recent country of citizenship or permanent residency is one (a deemed export, 15 CFR 734.13(b)); a government body, or a body given by where it is incorporated, that sits in the United States is located in none; for a secure enclave, the country where it is hosted is one. An on-site inspection for which the request does not say where the parameters are hosted takes place where the recipient sits
            rests on 15 CFR 740.27: holds for every request of the scope: License Exception AIA (15 CFR 740.27): released in a Supp. No. 5 to Part 740 paragraph (a) destination, where the recipient is located or, for an on-site inspection, where the parameters are hosted, never the United States (for a deemed reexport, the person's most recent country of citizenship or permanent residency is one too), not headquartered outside those destinations and the United States, and AIA claimed; claimed under the aia-certification commitment (line 18): that its conditions are met is the exporter's to establish
            rests on caveats 1-4, given at the end
          enforcement posture: HOLDS: no request within the scope conflicts, or is forbidden, on any date of the period
            rests on 15 CFR Part 774, Supp. No. 1, ECCN 4E091: its status: under the enforcement posture it binds on no date of the period (secondary: BIS announcement of 13 May 2025: the Under Secretary instructed enforcement officials not to enforce the rule (Kirkland, Baker McKenzie, Akin))
            rests on caveats 3, 4, given at the end
        assumed:
          - the regulations loaded (6 files, 98 provisions); no rule outside them
          - statuses as the regulations loaded give them (enforcement postures and is-informed letters as known): a change of enforcement posture or a new is-informed letter during the period is not foreseen
          - dates from 2026-09-01 to 2027-08-31 (the MoU's validity is 2026-09-01 to 2027-08-31)
          - facts the scope and commitments do not fix range over all their values (for example Code of Practice chapters, recipient roles, placement on the market)
          - one item and one recipient per request: a request with several is covered when each of its items and recipients is
          - no provider-specific instrument (is-informed letter) applies: the scope names none
          - Art. 78 confidentiality binds the Commission and changes no US-law outcome


        """#)
    }

    /// Bounded to the EU member states, the weights may still be hosted in one that is not among
    /// AIA's destinations (ten of them are, FACTS.md "EU members in Tier 1"), and the counterexample
    /// says which: the bound is kept, and it is not the cure.
    @Test func anOnSiteScopeHostedInEUMemberStatesStillFails() throws {
        let result = try Self.verify(Self.bounded([#"<hosting-location set="eu.member-states"/>"#]), ["--format", "json", "--posture", "text"])
        #expect(result.status == 1, "\(result.stderr)")
        let outcome = try #require((try CLI.json(result.stdout)["outcomes"] as? [[String: Any]])?.first)
        let item = try #require(((outcome["counterexample"] as? [String: Any])?["items"] as? [[String: Any]])?.first)
        let host = try #require(item["hostingLocation"] as? String)
        #expect(item["channel"] as? String == "on-site")
        #expect(try Self.members("eu.member-states", in: "eu-ai-act.xml").contains(host), "hosted in \(host)")
        #expect(try !Self.members("us.ai-diffusion.tier1", in: "us-ai-diffusion.xml").contains(host), "hosted in \(host)")
    }

    /// A French official based in Warsaw inspecting the weights where they are hosted: the
    /// cheapest cure hosts them in France, the official's own country among the EU members that are
    /// AIA's destinations (as cheap as any other of them, and preferred), and its clause names the list AIA tests the place
    /// against, as a location clause does; the MoU that bounds the hosting there, as the clause
    /// does, holds, where without the bound the inspection in Poland is its counterexample.
    @Test func aHostingCuresClauseAndTheScopeBoundAgree() throws {
        let request = #"""
            {"id": "WARSAW", "date": "2026-11-24",
             "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
             "provider": {"name": "Northwind Models, Inc.", "establishedIn": "US"},
             "model": {"name": "Northwind-5", "trainingCompute": {"value": 3e26, "unit": "operations"}, "weightsPublished": false},
             "items": [{"artifact": "weights", "channel": "on-site", "licences": ["15 CFR 740.27"],
                        "recipients": [{"organisation": "European Commission (AI Office)", "nationalities": ["FR"], "latestCitizenship": "FR",
                                        "location": "PL", "headquarters": "BE"}]}]}
            """#
        let folder = try CLI.folder(["warsaw.json": request])
        let cures = try CLI.run(["cures", folder.appendingPathComponent("warsaw.json").path])
        #expect(cures.status == 0, "\(cures.stderr)")
        let lines = cures.stdout.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex(of: "cure 1 for item 0 (cost 2): clear under text, clear under enforcement after it"), "\(cures.stdout)")
        #expect(lines[first + 1] == "  change hostingLocation: not given → FR", "\(cures.stdout)")
        #expect(lines[first + 5] == "    1. The weights shall be hosted in France, a destination listed in 15 CFR Part 740, Supp. No. 5, para. (a), throughout the evaluation, and the on-site inspection shall take place there (relying on 15 CFR 740.27).", "\(cures.stdout)")

        let inWarsaw = Self.onSite.replacingOccurrences(of: "<recipient-location>FR</recipient-location>", with: "<recipient-location>PL</recipient-location>")
        let open = try Self.verify(inWarsaw, ["--format", "json", "--posture", "text"])
        #expect(open.status == 1, "\(open.stderr)")
        let outcome = try #require((try CLI.json(open.stdout)["outcomes"] as? [[String: Any]])?.first)
        let item = try #require(((outcome["counterexample"] as? [String: Any])?["items"] as? [[String: Any]])?.first)
        #expect(try !Self.members("us.ai-diffusion.tier1", in: "us-ai-diffusion.xml").contains(try #require(item["hostingLocation"] as? String)))
        let hosted = inWarsaw.replacingOccurrences(of: "    <model name=", with: "    <hosting-location>FR</hosting-location>\n    <model name=")
        let holds = try Self.verify(hosted)
        #expect(holds.status == 0, "\(holds.stdout)\(holds.stderr)")
        #expect(holds.stdout.contains("  text posture: HOLDS: no request within the scope conflicts, or is forbidden, on any date of the period\n"))
        #expect(holds.stdout.contains("  enforcement posture: HOLDS: no request within the scope conflicts, or is forbidden, on any date of the period\n"))
    }

    /// A hosting location the commitments rule out (France beside an enclave in the United States)
    /// is reported with its line, as any value the scope lists, and still verified: an on-site
    /// inspection of weights hosted in the United States, which the commitment also rules out, is a
    /// deemed export that License Exception AIA does not cover (second law audit of 2026-12-07, H2),
    /// and the counterexample says that it lies on a value ruled out.
    @Test func aHostingLocationTheCommitmentsRuleOutIsReported() throws {
        let text = Self.bounded(["<hosting-location>FR</hosting-location>", "<hosting-location>US</hosting-location>"])
            .replacingOccurrences(of: "<channel>on-site</channel>", with: "<channel>on-site</channel>\n    <channel>secure-enclave</channel>")
            .replacingOccurrences(of: "  <commitment kind=\"art78", with: "  <commitment kind=\"us-hosted-enclave\">An enclave in the United States.</commitment>\n  <commitment kind=\"art78")
        let result = try Self.verify(text)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("""
            MoU ONSITE-FR from 2026-09-01 to 2027-08-31
              the scope lists values its commitments rule out; requests with them are covered too, and were verified without those commitments:
                - the scope's channel on-site (line 10) is ruled out by the us-hosted-enclave commitment (line 21)
                - the scope's hosting-location FR (line 15) is ruled out by the us-hosted-enclave commitment (line 21)
              text posture: COUNTEREXAMPLE: a request within the scope still conflicts
                clash: eu.ai-act.art92.5 + us.ai-diffusion.4e091
                on the scope's channel on-site (line 10), which the us-hosted-enclave commitment (line 21) rules out

            """), "\(result.stdout)")
    }

    /// A hosting location is a country code or a named country set of the law loaded; anything
    /// else is refused with its file and line, as for a recipient's location.
    @Test func badHostingLocationsNameThePlace() throws {
        let folder = try CLI.folder([
            "set.xml": Self.bounded([#"<hosting-location set="eu.nowhere"/>"#]),
            "names.xml": Self.bounded([#"<hosting-location set="us.bis.letter.helios-orion-2026.annex-a.partners"/>"#]),
            "code.xml": Self.bounded(["<hosting-location>XX</hosting-location>"]),
            "lower.xml": Self.bounded(["<hosting-location>fr</hosting-location>"]),
        ])
        let cases = [
            ("set.xml", "set.xml:14: error: hosting-location: unknown country set 'eu.nowhere'\n"),
            ("names.xml", "names.xml:14: error: hosting-location: unknown country set 'us.bis.letter.helios-orion-2026.annex-a.partners'\n"),
            ("code.xml", "code.xml:14: error: hosting-location: 'XX' is not an ISO 3166-1 alpha-2 country code\n"),
        ]
        for (file, message) in cases {
            let result = try CLI.run(["mou", "verify"] + NegotiationCommandTests.letter + [folder.appendingPathComponent(file).path])
            #expect(result.status == 2, "\(file)")
            #expect(result.stdout == "")
            #expect(result.stderr == folder.path + "/" + message)
        }
        let lower = try CLI.run(["mou", "verify", folder.appendingPathComponent("lower.xml").path])
        #expect(lower.status == 2)
        #expect(lower.stderr.contains("lower.xml:14: error: not a valid MoU: Element hosting-location failed to validate content\n"), "\(lower.stderr)")
    }
}
