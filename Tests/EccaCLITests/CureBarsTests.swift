import Foundation
import Testing

/// A cure that brings the item under a regime it was outside of: hosting the weights of a provider
/// established in France in the United States makes them an item in the United States, subject to
/// the EAR (15 CFR 734.3(a)(1)), for which 734.3(a) ("not subject to the EAR") can no longer be
/// claimed. It was the cheapest cure (cost 2); it now costs the claim it gives up too, and says so.
@Suite struct CureBarsTests {
    /// The weights of a French provider's model in an enclave hosted in France, evaluated by Polish
    /// nationals (the lawyer's p10).
    static func request(establishedIn country: String) -> String {
        """
        {"id": "P10-NONUS", "date": "2026-11-24",
         "requester": {"authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"},
         "provider": {"name": "Mistral-like SAS", "establishedIn": "\(country)"},
         "model": {"name": "Bleu-3", "trainingCompute": {"value": 2e26, "unit": "FLOP"}, "weightsPublished": false, "placedOnEUMarket": "2026-03-01"},
         "items": [{"artifact": "weights", "channel": "secure-enclave", "hostingLocation": "FR",
                    "recipients": [{"organisation": "European Commission (AI Office)", "nationalities": ["PL"], "location": "FR", "headquarters": "BE"}]}]}
        """
    }

    func cures(establishedIn country: String) throws -> [String] {
        let folder = try CLI.folder(["r.json": Self.request(establishedIn: country)])
        let result = try CLI.run(["cures", "--top", "10", folder.appendingPathComponent("r.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func hostingTheWeightsInTheUSCostsTheClaimItBarsAndSaysSo() throws {
        let lines = try cures(establishedIn: "FR")
        #expect(lines.contains("cure 1 for item 0 (cost 3): clear under text, clear under enforcement after it"))
        #expect(lines.contains("  change channel: secure-enclave → remote-api"))
        let start = try #require(lines.firstIndex(of: "  change hostingLocation: FR → US"))
        #expect(lines[start - 1] == "cure 7 for item 0 (cost 8): clear under text, clear under enforcement after it")
        #expect(lines[start + 2] == "  brings 15 CFR 734.3(a)(1) (citation not verified): an item in the United States, subject to the EAR (15 CFR 734.3(a)(1)): the artefact stays in the United States while accessed through an API, in an enclave or by an on-site inspection, or is transferred to a recipient located there (or inspected on site by one, where the request does not say where it is hosted); so 15 CFR 734.3(a) (citation not verified) can no longer be claimed: Not subject to the EAR (15 CFR 734.3(a)) (its cost, 6, is included)")
        #expect(lines[start + 3] == "  rests on caveats 1, 7, given at the end")
        #expect(lines[start + 5] == "    1. The weights shall be hosted in the United States throughout the evaluation (relying on 15 CFR 734.13).")
        #expect(lines[start + 6] == "    2. The Provider acknowledges that these terms make the weights an item in the United States, subject to the EAR (15 CFR 734.3(a)(1) (citation not verified)), for which it can no longer claim this exception: Not subject to the EAR (15 CFR 734.3(a) (citation not verified)).")
        #expect(lines.contains { $0.hasPrefix("caveat 7, reading of 15 CFR 734.3(a)(1): Where the model's parameters are, ecca reads from the request: ") })
    }

    /// A US provider's parameters are subject to the EAR already (734.3(a) is no claim for it):
    /// hosting them in the United States gives nothing up and stays the cheapest cure.
    @Test func forAUSProviderHostingInTheUSBarsNothing() throws {
        let lines = try cures(establishedIn: "US")
        #expect(Array(lines[2...3]) == ["cure 1 for item 0 (cost 2): clear under text, clear under enforcement after it", "  change hostingLocation: FR → US"])
        #expect(!lines.contains { $0.hasPrefix("  brings ") || $0.contains("The Provider acknowledges") })
    }

    /// In JSON the bar is given with the cure, and its cost is part of the cure's.
    @Test func theBarIsGivenInJSON() throws {
        let folder = try CLI.folder(["r.json": Self.request(establishedIn: "FR")])
        let result = try CLI.run(["cures", "--format", "json", "--top", "10", folder.appendingPathComponent("r.json").path])
        let cures = try CLI.json(result.stdout)["cures"] as? [[String: Any]] ?? []
        let hosted = try #require(cures.first { ($0["changes"] as? [[String: Any]])?.first?["dimension"] as? String == "hostingLocation" })
        #expect(hosted["cost"] as? Int == 8)
        let bar = try #require((hosted["bars"] as? [[String: Any]])?.first)
        #expect(bar["rule"] as? String == "ear-item-in-us")
        #expect(bar["provision"] as? String == "us.ear.734.3.a.1")
        #expect(bar["barredProvision"] as? String == "us.ear.734.3.a")
        #expect(bar["cost"] as? Int == 6)
        #expect(cures.filter { $0["rank"] as? Int != hosted["rank"] as? Int }.allSatisfy { ($0["bars"] as? [Any])?.isEmpty != false })
    }
}
