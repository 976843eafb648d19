import Foundation
import Testing

/// 15 CFR 734.7(a) "published" (made available to the public "without restrictions upon its
/// further dissemination") is not the AI Act's "publicly available" (Art. 53(2)): weights anyone
/// may download under a restrictive licence no longer clear ECCN 4E091 through Note 1 and
/// 734.3(b)(3), nor lift an is-informed letter (law audit H2). The request states it
/// (`model.weightsPublishedWithoutRestriction`), or ecca reads it from an open-source licence.
@Suite struct UnrestrictedPublicationTests {
    /// The audit's probe u14: 3e26 operations, weights public, transferred to a Polish official
    /// under Art. 92(3); `model` changes its model fields.
    private func u14(_ model: [String: Any]) -> [String: Any] {
        var fields: [String: Any] = ["name": "GatedModel", "trainingCompute": ["value": 3e26, "unit": "operations"], "weightsPublished": true,
                                     "openSourceLicence": false, "placedOnEUMarket": "2026-03-01"]
        fields.merge(model) { $1 }
        return ["id": "U14", "date": "2026-11-24",
                "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"],
                "provider": ["name": "Northwind Models, Inc.", "establishedIn": "US"],
                "model": fields,
                "items": [["artifact": "weights", "channel": "transfer",
                           "recipients": [["organisation": "European Commission (AI Office)", "role": "authority-staff", "nationalities": ["PL"],
                                           "location": "PL", "headquarters": "BE"]]]]]
    }

    /// The verdict block (up to the first blank line) and the assumption lines of `ecca check`.
    private func summary(_ request: [String: Any], _ options: [String] = []) throws -> [String] {
        let result = try CLI.check(request, options)
        let lines = result.stdout.components(separatedBy: "\n")
        return Array(lines.prefix { !$0.isEmpty }) + lines.filter { $0.hasPrefix("assumption: ") }
    }

    private static let head = "request U14 (as of 2026-11-24): "
    private static let compute = "assumption: training compute was given in operations only; the FLOP count is taken to equal it (every FLOP is an operation, so the FLOP count can only be lower: give it where it may differ, as the Art. 51(2) presumption counts FLOP)"
    private static let openSourceReading = "assumption: the model's weights are publicly available under a free and open-source licence that allows their distribution (Art. 53(2)): they are taken as published within 15 CFR 734.7(a), made available to the public \"without restrictions upon its further dissemination\" (ecca's reading, not verified against authority; state model.weightsPublishedWithoutRestriction where the release restricts it)"
    private static let notEnforced = "US 15 CFR Part 774, Supp. No. 1, ECCN 4E091 is not enforced: in force; applicable since 2025-05-15; not enforced since 2025-05-13 (secondary: BIS announcement of 13 May 2025: the Under Secretary instructed enforcement officials not to enforce the rule (Kirkland, Baker McKenzie, Akin)); rescission announced 2025-05-13 (secondary), none published"
    private static let published = "    clear [both]: US 15 CFR Part 774, Supp. No. 1, ECCN 4E091 does not apply: not: ECCN 4E091 item: the parameters (weights) of an AI model trained with 10^26 or more operations, since 4E091 Note 1: the parameters are published (15 CFR 734.7(a)), or the model is derived from a published model within Note 1's limits (claimed by the exporter, unless the request says the model is not derived from a published one) holds (request: model.weights-published-unrestricted true, item.claims none, model.derived-from-published-given false, model.derived-from-published unknown); published information, not subject to the EAR (15 CFR 734.3(b)(3) (citation not verified), 734.7(a)): the model's published weights, the training-content summary that Art. 53(1)(d) of the AI Act requires to be made publicly available, or what the request asks to be published (public dissemination, 734.7(a)), but for access to the model (request: item.artifact weights, model.weights-published-unrestricted true, item.channel transfer) (caveats 7-14)"

    /// Public under a licence that is not open-source, and nothing said of its dissemination: the
    /// text posture depends on it (no longer CLEAR via Note 1), with the 734.3(b)(3) note that
    /// says so among the caveats.
    @Test func publicWeightsUnderARestrictiveLicenceDependOnIt() throws {
        #expect(try summary(u14([:])) == [
            Self.head + "UNDETERMINED under text, CLEAR under enforcement",
            "  item 0: weights via transfer: UNDETERMINED (text) · CLEAR (enforcement)",
            "    depends [text]: conflict if model.weights-published-unrestricted is not true (caveats 1-17)",
            "    clear [enforcement]: EU Art. 92(5) obliges the disclosure (caveats 1-6)",
            "    clear [enforcement]: " + Self.notEnforced + " (caveats 10, 11)",
            Self.compute,
        ])
        let text = try CLI.check(u14([:])).stdout
        #expect(text.contains("caveat 13, reading of 15 CFR 734.3(b)(3): Published information, outside the EAR, covers three cases here. (1) Weights of a model whose parameters are published (15 CFR 734.7(a); also ECCN 4E091 Note 1). Published is not the same as publicly available: a model's parameters are published when they are made available to the public \"without restrictions upon its further dissemination\""), "\(text)")
    }

    /// An open-source licence that allows distribution clears as before, on ecca's reading, which
    /// the check states.
    @Test func openSourceWeightsStillClear() throws {
        #expect(try summary(u14(["openSourceLicence": true])) == [
            Self.head + "CLEAR (both postures)",
            "  item 0: weights via transfer: CLEAR (text) · CLEAR (enforcement)",
            "    clear [both]: EU Art. 92(5) obliges the disclosure (caveats 1-6)",
            Self.published,
            Self.compute, Self.openSourceReading,
        ])
    }

    /// The field, stated, settles it both ways, whatever the licence: true clears without the
    /// open-source reading; false is a conflict under the text even with an open-source licence.
    @Test func theStatedFieldSettlesIt() throws {
        #expect(try summary(u14(["weightsPublishedWithoutRestriction": true])) == [
            Self.head + "CLEAR (both postures)",
            "  item 0: weights via transfer: CLEAR (text) · CLEAR (enforcement)",
            "    clear [both]: EU Art. 92(5) obliges the disclosure (caveats 1-6)",
            Self.published,
            Self.compute,
        ])
        #expect(try summary(u14(["openSourceLicence": true, "weightsPublishedWithoutRestriction": false])) == [
            Self.head + "CONFLICT under text, CLEAR under enforcement",
            "  item 0: weights via transfer: CONFLICT (text) · CLEAR (enforcement)",
            "    cure [text]: establish and claim 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 1 (list \"us.ai-diffusion.4e091.note1\" in the item's licences)",
            "    cure [text]: establish and claim 15 CFR Part 774, Supp. No. 1, ECCN 4E091, Note 2 (list \"us.ai-diffusion.4e091.note2\" in the item's licences)",
            "    cure [text]: obtain a licence for this disclosure and list its number in the item's licences" + CLI.presumedDenial,
            "    clear [enforcement]: EU Art. 92(5) obliges the disclosure (caveats 1-6)",
            "    clear [enforcement]: " + Self.notEnforced + " (caveats 7, 8)",
            Self.compute,
        ])
    }

    /// Weights that are not public are not published, whatever the licence: as before.
    @Test func unpublishedWeightsAreNotPublished() throws {
        let lines = try summary(u14(["weightsPublished": false, "openSourceLicence": true]))
        #expect(lines.prefix(2) == [Self.head + "CONFLICT under text, CLEAR under enforcement",
                                    "  item 0: weights via transfer: CONFLICT (text) · CLEAR (enforcement)"], "\(lines)")
    }

    /// The letters' carve-out for API access to a model whose parameters are published reads the
    /// EAR's test too: public weights under a restrictive licence leave the Orion-7 letter open on
    /// it; under an open-source licence it is lifted, as before.
    @Test func theLetterCarveOutReadsTheEARTest() throws {
        func verdict(_ model: [String: Any]) throws -> String {
            let request = try AddressedLetterTests.orion { request in
                var fields = request["model"] as? [String: Any] ?? [:]
                fields.merge(model) { $1 }
                request["model"] = fields
                request["items"] = [(request["items"] as? [Any] ?? [])[0]]
            }
            let lines = try CLI.check(request, ["--instrument", CLI.letter]).stdout.components(separatedBy: "\n")
            return lines.first { $0.hasPrefix("  item 0") } ?? ""
        }
        #expect(try verdict(["weightsPublished": true]) == "  item 0 [api]: api-access via remote-api: UNDETERMINED (text) · UNDETERMINED (enforcement)")
        #expect(try verdict(["weightsPublished": true, "openSourceLicence": true]) == "  item 0 [api]: api-access via remote-api: CLEAR (text) · CLEAR (enforcement)")
        #expect(try verdict(["weightsPublished": true, "openSourceLicence": true, "weightsPublishedWithoutRestriction": false])
            == "  item 0 [api]: api-access via remote-api: CONFLICT (text) · CONFLICT (enforcement)")
    }

    /// The XML attribute and the CSV column give the field as JSON does.
    @Test func xmlAndCSVStateIt() throws {
        let xml = """
            <request xmlns="urn:ecca:request:1" id="U14" date="2026-11-24">
              <requester authority="European Commission (AI Office)" jurisdiction="EU" legal-basis="Art. 92(3)"/>
              <provider name="Northwind Models, Inc." established-in="US"/>
              <model name="GatedModel" weights-published="true" weights-published-without-restriction="false" open-source-licence="true" placed-on-eu-market="2026-03-01">
                <training-compute value="3e26" unit="operations"/>
              </model>
              <item artifact="weights" channel="transfer">
                <recipient organisation="European Commission (AI Office)" role="authority-staff" location="PL" headquarters="BE"><nationality>PL</nationality></recipient>
              </item>
            </request>
            """
        let csv = "id,date,authority,jurisdiction,legal_basis,provider,established_in,model,compute_value,compute_unit,weights_published,weights_published_without_restriction,open_source_licence,placed_on_eu_market,artifact,channel,recipient_organisation,recipient_nationalities,recipient_location,recipient_headquarters,recipient_role\n"
            + "U14,2026-11-24,European Commission (AI Office),EU,Art. 92(3),\"Northwind Models, Inc.\",US,GatedModel,3e26,operations,true,false,true,2026-03-01,weights,transfer,European Commission (AI Office),PL,PL,BE,authority-staff\n"
        let folder = try CLI.folder(["u14.xml": xml, "u14.csv": csv])
        for file in ["u14.xml", "u14.csv"] {
            let result = try CLI.run(["batch", folder.appendingPathComponent(file).path])
            let line = try CLI.json(result.stdout)
            #expect(line["postures"] as? [String: String] == ["text": "conflict", "enforcement": "clear"], "\(file): \(result.stdout) \(result.stderr)")
        }
    }

    /// Published without restriction and not made available to the public cannot both be said:
    /// the request is refused, naming the field, rather than one silently winning.
    @Test func publishedWithoutRestrictionButNotPublicIsRefused() throws {
        let result = try CLI.check(u14(["weightsPublished": false, "weightsPublishedWithoutRestriction": true]))
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("error: model.weightsPublishedWithoutRestriction: the weights cannot be published without restriction on their further dissemination while weightsPublished is false (not made available to the public): correct one of the two [request U14]"), "\(result.stderr)")
    }
}

