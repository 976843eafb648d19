import EccaFormats
import Foundation
import Testing

/// A proof that terms hold is a proof on the law loaded: `mou verify`'s JSON says which, by the
/// digest the reproducibility receipt and batch lines give, and which draft, by its SHA-256, so
/// that terms filed with their proof can be checked against both.
@Suite struct MoUProvenanceTests {
    @Test func theJSONNamesTheRegulationsAndTheDraftByDigest() throws {
        let draft = CLI.root.appendingPathComponent("Samples/mous/orion-annex-a-partners.xml").path
        let verified = try CLI.run(["mou", "verify", "--format", "json", "--instrument", CLI.letter, draft])
        #expect(verified.status == 0, "\(verified.stderr)")
        let json = try CLI.json(verified.stdout)
        let report = try CLI.run(["report", "--format", "json", "--instrument", CLI.letter, CLI.sample("weights-to-ai-office-warsaw.json")])
        let receipt = try #require(CLI.json(report.stdout)["receipt"] as? [String: Any], "\(report.stderr)")
        #expect(json["regulationsSHA256"] as? String == receipt["regulationsSHA256"] as? String)
        #expect(json["regulationsSHA256"] is String)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: draft)))
        #expect(json["mouSHA256"] as? String == SHA256.hexDigest(bytes))
        // Without the letter, other law: another digest (a draft that does not list it).
        let unlettered = CLI.root.appendingPathComponent("Samples/mous/api-and-enclave-access.xml").path
        let plain = try CLI.json(try CLI.run(["mou", "verify", "--format", "json", unlettered]).stdout)
        #expect(plain["regulationsSHA256"] as? String != json["regulationsSHA256"] as? String)
    }
}
