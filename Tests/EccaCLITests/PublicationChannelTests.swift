import Foundation
import Testing

/// A request to publish (channel `publication`): neither Art. 91(5) nor Art. 92(5) obliges it, the
/// weights, source code or documents made public are published (15 CFR 734.7(a)) and outside the
/// letter as they are outside ECCN 4E091, and access to the model given to the public reaches
/// every foreign person. Whoever the request names as recipient decides none of it (QA s27 H2:
/// Orion-7's source code published was CLEAR with a US-national recipient and a CONFLICT with a
/// French one, and `cures` offered "US persons" for it).
@Suite struct PublicationChannelTests {
    static func request(artifact: String, channel: String = "publication", nationality: String, basis: String = "Art. 92(3)",
                        alternatives: [String]? = nil) -> [String: Any] {
        var item: [String: Any] = ["artifact": artifact, "channel": channel,
                                   "recipients": [["organisation": "European Commission (AI Office)", "nationalities": [nationality],
                                                   "location": "BE", "headquarters": "BE", "role": "authority-staff"]]]
        if let alternatives { item["alternatives"] = alternatives }
        return ["id": "PUB", "date": "2026-11-24", "deadline": "2026-12-20",
                "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": basis],
                "provider": ["name": "Helios AI, Inc.", "establishedIn": "US"],
                "model": ["name": "Orion-7", "trainingCompute": ["value": 4e26, "unit": "FLOP"], "weightsPublished": false,
                          "placedOnEUMarket": "2026-07-01"],
                "items": [item], "instruments": ["us.bis.letter.helios-orion-2026"]]
    }

    static let letter = "BIS is-informed letter to Helios AI, Inc. of 15 September 2026, para. 1"

    /// The item's lines of `check` with the sample letter, its status checked against its verdict.
    func itemLines(_ request: [String: Any]) throws -> [String] {
        let result = try CLI.check(request, ["--instrument", CLI.letter])
        #expect(result.status == (result.stdout.contains("): CONFLICT") ? 1 : 0), "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).prefix { !$0.isEmpty }.map { $0 }
    }

    @Test(arguments: [("source-code", "Art. 92(3)", "92(5)"), ("weights", "Art. 92(3)", "92(5)"), ("source-code", "Art. 91(1)", "91(5)")])
    func aPublicationIsClearWhoeverTheRequestNames(artifact: String, basis: String, article: String) throws {
        let french = try itemLines(Self.request(artifact: artifact, nationality: "FR", basis: basis))
        let american = try itemLines(Self.request(artifact: artifact, nationality: "US", basis: basis))
        #expect(french == american)
        #expect(french.first == "request PUB (as of 2026-11-24): CLEAR (both postures)")
        #expect(french.contains { $0.hasPrefix("    clear [both]: EU Art. \(article) does not apply: item.channel is publication (request: publication)") }, "\(french)")
        #expect(french.contains { $0.hasPrefix("    clear [both]: US \(Self.letter) does not apply: published information, not subject to the EAR") }, "\(french)")
        #expect(!french.joined().contains("forbids it"))
    }

    /// Access to the model given to the public publishes no parameters: the letter forbids it even
    /// where the one recipient named is a US national (nothing obliges it, so it stays clear).
    @Test func publicAccessToTheModelIsAccessForEveryForeignPerson() throws {
        let lines = try itemLines(Self.request(artifact: "api-access", nationality: "US"))
        #expect(lines.first == "request PUB (as of 2026-11-24): CLEAR (both postures)")
        #expect(lines.contains { $0.hasPrefix("    clear [both]: US \(Self.letter) forbids it, but nothing obliges it") }, "\(lines)")
    }

    /// No cure moves an item to a publication the request does not accept: it would end the
    /// confidentiality the request is made under and cure every conflict so. Accepted as an
    /// alternative, it is the requester's own offer, and a cure may take it.
    @Test func aCurePublishesOnlyWhereTheRequestAcceptsIt() throws {
        func cures(_ request: [String: Any]) throws -> [[String: String]] {
            let folder = try CLI.folder(["r.json": String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)])
            let result = try CLI.run(["cures", "--format", "json", "--top", "8", "--instrument", CLI.letter, folder.appendingPathComponent("r.json").path])
            #expect(result.status == 0, "\(result.stderr)")
            let found = try CLI.json(result.stdout)["cures"] as? [[String: Any]] ?? []
            #expect(!found.isEmpty)
            return found.flatMap { $0["changes"] as? [[String: String]] ?? [] }
        }
        let asked = try cures(Self.request(artifact: "source-code", channel: "transfer", nationality: "FR", basis: "Art. 91(1)"))
        #expect(!asked.contains { $0["to"] == "publication" }, "\(asked)")
        let accepted = try cures(Self.request(artifact: "source-code", channel: "transfer", nationality: "FR", basis: "Art. 91(1)", alternatives: ["publication"]))
        #expect(accepted.contains { $0 == ["dimension": "channel", "from": "transfer", "to": "publication"] }, "\(accepted)")
    }
}
