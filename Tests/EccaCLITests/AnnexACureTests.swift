import Foundation
import Testing

/// The sample letter lifts its licence requirement for the organisations its Annex A lists and
/// their employees. The cure finder offers that as a cure (the recipients become employees of an
/// Annex A partner, appointed by the Commission under Art. 92(2)), and `mou verify` proves an MoU
/// whose scope limits the recipients to those partners.
@Suite struct AnnexACureTests {
    static let letter = ["--instrument", CLI.letter]

    func lines(_ arguments: [String]) throws -> [String] {
        let result = try CLI.run(arguments + Self.letter)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func anAnnexAPartnerIsOfferedWithItsClauseAndCaveat() throws {
        let lines = try lines(["cures", CLI.sample("orion-api-access-letter.json")])
        // Any partner the letter lists clears it at the same cost: the solver picks one.
        let change = "  change recipientOrganisation: European Commission (AI Office) → "
        let start = try #require(lines.firstIndex { $0.hasPrefix(change) })
        let partner = String(lines[start].dropFirst(change.count))
        #expect(["Northwind Evaluation Labs Ltd", "Kestrel AI Assurance GmbH", "Tamarack Secure Compute K.K."].contains(partner))
        // As dear as US-person evaluators (4, and 4 for resting on ecca's reading of 50 U.S.C.
        // 4801(5)), which rank first by their kind of change; both after the licence (6).
        #expect(lines[start - 1] == "cure 3 for item 0 (cost 8): clear under text, clear under enforcement after it")
        #expect(lines[start + 1] == "  relies on BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 2 and Annex A: Annex A trusted partner (para. 2 of the letter): the recipient belongs to an organisation listed in Annex A (including Helios AI, Inc. itself, for its foreign-national employees)")
        // It clears on ecca's reading of 50 U.S.C. 4801(5) (caveat 3): on the other, the experts'
        // access is the Commission's, which Annex A does not list.
        #expect(lines[start + 2] == "  rests on caveats 2, 3, given at the end")
        #expect(lines[start + 3].hasPrefix("  note: it clears the disclosure only on ecca's reading: on another reading of 50 U.S.C. 4801(5) ("))
        #expect(lines[start + 5] == "    1. Access shall be given only to independent experts appointed by the Commission under Article 92(2) of Regulation (EU) 2024/1689 who are employees of \(partner), an organisation listed in BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 2 and Annex A, and who meet the criteria of Article 68(2) of Regulation (EU) 2024/1689, including under its point (b) independence from any provider of AI systems or general-purpose AI models, the Provider included (relying on BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 2 and Annex A).")
        #expect(lines.contains("caveat 2, reading of FICTIONAL SAMPLE: BIS is-informed letter to Helios AI, Inc. concerning the Orion-7 model (15 September 2026): Letters like this one apply only to the provider they are addressed to: the letter applies when a request lists it among its instruments, or names Helios AI, Inc. as its provider (compared as letters and digits), and only to the model it names."))
    }

    /// The recipients never become the provider's own staff (Annex A lists Helios AI, Inc. for its
    /// foreign-national employees), and information under Art. 91 goes to the Commission itself:
    /// only an evaluation's experts may come from another organisation.
    @Test(arguments: ["orion-api-access-letter.json", "ORION-ART91"])
    func neitherTheProviderNorAnArticle91RecipientIsOffered(_ request: String) throws {
        let path: String
        if request.hasSuffix(".json") {
            path = CLI.sample(request)
        } else {
            path = try CLI.folder(["r.json": CuresCommandTests.orionArticle91]).appendingPathComponent("r.json").path
        }
        let result = try CLI.run(["cures", "--format", "json", "--top", "10", path] + Self.letter)
        let changes = (try CLI.json(result.stdout)["cures"] as? [[String: Any]] ?? []).flatMap { $0["changes"] as? [[String: Any]] ?? [] }
        let organisations = changes.filter { $0["dimension"] as? String == "recipientOrganisation" }.compactMap { $0["to"] as? String }
        #expect(!organisations.contains("Helios AI, Inc."))
        #expect(organisations.isEmpty == (request == "ORION-ART91"), "\(organisations)")
    }

    /// Another organisation's experts bring their own headquarters, which the request does not
    /// give: License Exception AIA, which reads it, is not claimed for them on the requester's.
    @Test func anAnnexAPartnerDoesNotInheritTheRequestersHeadquarters() throws {
        let sample = try String(contentsOfFile: CLI.sample("orion-api-access-letter.json"), encoding: .utf8)
            .replacingOccurrences(of: #""artifact": "api-access""#, with: #""artifact": "weights""#)
            .replacingOccurrences(of: #""channel": "remote-api""#, with: #""channel": "transfer""#)
        let path = try CLI.folder(["r.json": sample]).appendingPathComponent("r.json").path
        let result = try CLI.run(["cures", "--format", "json", "--top", "10", path] + Self.letter)
        for cure in try CLI.json(result.stdout)["cures"] as? [[String: Any]] ?? [] {
            let changes = cure["changes"] as? [[String: Any]] ?? []
            let partner = changes.contains { $0["dimension"] as? String == "recipientOrganisation" }
            let aia = changes.contains { ($0["to"] as? String ?? "").hasPrefix("15 CFR 740.27 ") }
            #expect(!(partner && aia), "cure \(cure["rank"] ?? "")")
        }
    }

    /// The letter's set also lists the provider itself (for its own staff): a scope that names it
    /// for an Art. 92 evaluation holds, but is warned of (negotiation audit 9): the evaluators are
    /// the AI Office's or independent experts (Art. 92(2)).
    @Test func aScopeNamingTheProviderItselfIsWarnedOf() throws {
        let sample = try String(contentsOfFile: CLI.root.appendingPathComponent("Samples/mous/orion-annex-a-partners.xml").path, encoding: .utf8)
        let whole = sample.replacingOccurrences(of: "    <recipient-organisation>Northwind Evaluation Labs Ltd</recipient-organisation>",
                                                with: #"    <recipient-organisation set="us.bis.letter.helios-orion-2026.annex-a.partners"/>"#)
        #expect(whole != sample)
        let folder = try CLI.folder(["whole.xml": whole])
        let result = try CLI.run(["mou", "verify", folder.appendingPathComponent("whole.xml").path] + Self.letter)
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: the scope lists the provider itself (Helios AI, Inc.) among the recipients' organisations: under Art. 92 the evaluators are the AI Office's staff or independent experts it appoints (Art. 92(2)), not the provider's own; list the other organisations by name"), "\(result.stderr)")
        #expect(try CLI.run(["mou", "verify", CLI.root.appendingPathComponent("Samples/mous/orion-annex-a-partners.xml").path] + Self.letter).stderr == "")
        // The provider named another way, in a scope with no legal basis (which covers Art. 92), is warned of too.
        let spelt = sample.replacingOccurrences(of: "    <recipient-organisation>Northwind Evaluation Labs Ltd</recipient-organisation>",
                                                with: "    <recipient-organisation>Helios AI Inc.</recipient-organisation>")
            .replacingOccurrences(of: "    <legal-basis>Art. 92(3)</legal-basis>\n", with: "")
        #expect(spelt != sample && !spelt.contains("legal-basis"))
        let other = try CLI.folder(["spelt.xml": spelt])
        #expect(try CLI.run(["mou", "verify", other.appendingPathComponent("spelt.xml").path] + Self.letter).stderr
                    .contains("warning: the scope lists the provider itself (Helios AI Inc.) among the recipients' organisations"))
    }

    @Test func anMoUForAnnexAPartnersHoldsOnTheAnnexAException() throws {
        let lines = try lines(["mou", "verify", CLI.root.appendingPathComponent("Samples/mous/orion-annex-a-partners.xml").path])
        #expect(lines.contains("  text posture: HOLDS: no request within the scope conflicts, or is forbidden, on any date of the period"))
        #expect(lines.contains("  enforcement posture: HOLDS: no request within the scope conflicts, or is forbidden, on any date of the period"))
        #expect(lines.filter { $0 == "    rests on BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 2 and Annex A: holds for every request of the scope: Annex A trusted partner (para. 2 of the letter): the recipient belongs to an organisation listed in Annex A (including Helios AI, Inc. itself, for its foreign-national employees)" }.count == 2)
    }

    /// The same scope for the AI Office's own staff, named as a request names them, is refuted by
    /// the letter; a set of names the law loaded does not hold is refused with its line.
    @Test func anMoUForTheAIOfficeItselfDoesNotHoldAndAnUnknownSetIsRefused() throws {
        let sample = try String(contentsOfFile: CLI.root.appendingPathComponent("Samples/mous/orion-annex-a-partners.xml").path, encoding: .utf8)
        let partners = ["Northwind Evaluation Labs Ltd", "Kestrel AI Assurance GmbH", "Tamarack Secure Compute K.K."]
            .map { "    <recipient-organisation>\($0)</recipient-organisation>" }.joined(separator: "\n")
        #expect(sample.contains(partners))
        let office = sample.replacingOccurrences(of: partners, with: "    <recipient-organisation>European Commission (AI Office)</recipient-organisation>")
        let unknown = sample.replacingOccurrences(of: partners, with: #"    <recipient-organisation set="annex-b"/>"#)
        #expect(office != sample && unknown != sample)
        let folder = try CLI.folder(["office.xml": office, "unknown.xml": unknown])
        let refuted = try CLI.run(["mou", "verify", folder.appendingPathComponent("office.xml").path] + Self.letter)
        #expect(refuted.status == 1)
        #expect(refuted.stdout.contains("  text posture: COUNTEREXAMPLE"), "\(refuted.stdout)")
        let refused = try CLI.run(["mou", "verify", folder.appendingPathComponent("unknown.xml").path] + Self.letter)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasSuffix("unknown.xml:20: error: recipient-organisation: unknown set of names 'annex-b'\n"), "\(refused.stderr)")
    }
}
