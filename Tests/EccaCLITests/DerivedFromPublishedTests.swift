import Foundation
import Testing

/// ECCN 4E091 Note 1 has two branches: published parameters, and a model derived from a published
/// one within its limits, which the exporter claims. A request that says the model is not derived
/// from a published one (`model.derivedFromPublishedModel` false) rules the second out: for
/// unpublished weights neither `check` nor `cures` offers the Note 1 claim any more, and a claim
/// made anyway fails, saying why (law audit of 2026-12-07, L2: the claim was offered for every
/// 4E091 conflict). A request that does not say is read as before: the claim decides.
@Suite struct DerivedFromPublishedTests {
    /// The Warsaw sample (unpublished weights of a 3e26-operation model to Polish evaluators),
    /// with the field given and, if `claimed`, Note 1 claimed.
    static func warsaw(derived: Bool?, claimed: Bool = false) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.sample("weights-to-ai-office-warsaw.json")))
        var request = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var model = try #require(request["model"] as? [String: Any])
        model["derivedFromPublishedModel"] = derived
        request["model"] = model
        if claimed {
            var items = try #require(request["items"] as? [[String: Any]])
            items[0]["licences"] = ((items[0]["licences"] as? [String]) ?? []) + ["us.ai-diffusion.4e091.note1"]
            request["items"] = items
        }
        return request
    }

    static let note1 = "establish and claim 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 1 (list \"us.ai-diffusion.4e091.note1\" in the item's licences)"
    static let note2 = "establish and claim 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2 (list \"us.ai-diffusion.4e091.note2\" in the item's licences)"
    static let licence = "obtain a licence for this disclosure and list its number in the item's licences" + CLI.presumedDenial

    private func hints(_ request: [String: Any]) throws -> [String] {
        let result = try CLI.check(request)
        #expect(result.status == 1, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("    cure [") }
    }

    @Test func checkOffersNote1OnlyWhereTheRequestDoesNotRuleItOut() throws {
        let asBefore = ["    cure [text]: \(Self.note1)", "    cure [text]: \(Self.note2)", "    cure [text]: \(Self.licence)"]
        #expect(try hints(Self.warsaw(derived: nil)) == asBefore)
        #expect(try hints(Self.warsaw(derived: true)) == asBefore)
        #expect(try hints(Self.warsaw(derived: false)) == ["    cure [text]: \(Self.note2)", "    cure [text]: \(Self.licence)"])
    }

    @Test func curesDoNotOfferIt() throws {
        let folder = try CLI.folder(["r.json": String(decoding: try JSONSerialization.data(withJSONObject: Self.warsaw(derived: false)), as: UTF8.self)])
        let result = try CLI.run(["cures", "--top", "6", folder.appendingPathComponent("r.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        let listing = result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("cure ") || $0.hasPrefix("  change ") }
        #expect(listing == [
            "cure 1 for item 0 (cost 3): clear under text, clear under enforcement after it",
            "  change channel: transfer → remote-api",
            "cure 2 for item 0 (cost 6): clear under text, clear under enforcement after it",
            "  change exception: not claimed → 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2 established and claimed (only where its conditions are met)",
            "cure 3 for item 0 (cost 10): clear under text, clear under enforcement after it",
            "  change artifact: weights → api-access",
            "cure 4 for item 0 (cost 12): clear under text, clear under enforcement after it",
            "  change recipientLocation: PL → US",
            "  change recipientNationality: PL → US persons",
            "cure 5 for item 0 (cost 14): clear under text, clear under enforcement after it",
            "  change licence: no licence → a BIS licence for this disclosure (both secondary sources presume denial for a destination outside "
                + "Supp. No. 5 to Part 740 paragraph (a), as PL is: 15 CFR 742.6(a)(13) (citation not verified), evidence secondary; 8 added to its cost)",
        ])
    }

    /// A claim the request contradicts does not hold, and the finding says why; without the field
    /// the claim clears the item, as before.
    @Test func aClaimTheRequestContradictsFails() throws {
        let lines = try CLI.check(Self.warsaw(derived: false, claimed: true)).stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "request AIO-2026-0142 (as of 2026-11-24): CONFLICT under text, CLEAR under enforcement")
        let failed = try #require(lines.firstIndex { $0.hasPrefix("    - 4E091 Note 1: ") && $0.hasSuffix(": failed") })
        #expect(Array(lines[(failed + 1)...].prefix(2)) == [
            "        because model.weights-published-unrestricted is not true (request: false)",
            "        because excluded: model.derived-from-published-given is true (request: true) and model.derived-from-published is false (request: false)",
        ])
        let claimed = try CLI.check(Self.warsaw(derived: nil, claimed: true))
        #expect(claimed.stdout.hasPrefix("request AIO-2026-0142 (as of 2026-11-24): CLEAR (both postures)\n"), "\(claimed.stdout)")
    }

    /// XML and CSV requests give the field as JSON does.
    @Test func xmlAndCSVGiveIt() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <request xmlns="urn:ecca:request:1" id="D-2" date="2026-11-24">
              <requester authority="European Commission (AI Office)" jurisdiction="EU" legal-basis="Art. 92(3)"/>
              <model name="M" weights-published="false" derived-from-published-model="false" placed-on-eu-market="2026-01-10">
                <training-compute value="3e26" unit="operations"/>
              </model>
              <item artifact="weights" channel="transfer">
                <licence>us.ai-diffusion.4e091.note1</licence>
                <recipient location="PL" headquarters="BE" role="authority-staff">
                  <nationality>PL</nationality>
                </recipient>
              </item>
            </request>

            """
        let csv = """
            id,date,jurisdiction,legal_basis,compute_value,compute_unit,weights_published,derived_from_published_model,placed_on_eu_market,artifact,channel,licences,recipient_nationalities,recipient_location,recipient_headquarters,recipient_role
            D-3,2026-11-24,EU,Art. 92(3),3e26,operations,false,false,2026-01-10,weights,transfer,us.ai-diffusion.4e091.note1,PL,PL,BE,authority-staff

            """
        let folder = try CLI.folder(["d.xml": xml, "d.csv": csv])
        let fromXML = try CLI.run(["check", "--posture", "text", folder.appendingPathComponent("d.xml").path])
        #expect(fromXML.stdout.hasPrefix("request D-2 (as of 2026-11-24): CONFLICT (text posture"), "\(fromXML.stdout)\(fromXML.stderr)")
        #expect(fromXML.stdout.contains("because excluded: model.derived-from-published-given is true (request: true) and model.derived-from-published is false (request: false)"))
        let fromCSV = try CLI.run(["batch", "--posture", "text", folder.appendingPathComponent("d.csv").path])
        #expect(fromCSV.stdout.contains(#""verdict":"conflict""#), "\(fromCSV.stdout)\(fromCSV.stderr)")
    }
}
