import Foundation
import Testing

/// A country code refused says the code meant where it can be told: the EU's own "UK" and "EL",
/// and a valid code in lower case (QA s27 L).
@Suite struct CountryCodeHintTests {
    @Test(arguments: [("UK", ": the United Kingdom's is 'GB' ('UK' is the EU's own code for it)"),
                      ("EL", ": Greece's is 'GR' ('EL' is the EU's own code for it)"),
                      ("pl", ": codes are written in capitals, 'PL'"),
                      ("XX", "")])
    func aRefusedCodeSaysTheOneMeant(code: String, hint: String) throws {
        var request = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: CLI.sample("weights-to-ai-office-warsaw.json")))) as? [String: Any])
        var items = try #require(request["items"] as? [[String: Any]])
        var recipients = try #require(items[0]["recipients"] as? [[String: Any]])
        recipients[0]["location"] = code
        items[0]["recipients"] = recipients
        request["items"] = items
        let result = try CLI.check(request)
        #expect(result.status == 2)
        #expect(result.stderr.contains("items[0].recipients[0].location: '\(code)' is not an ISO 3166-1 alpha-2 country code\(hint) [request"), "\(result.stderr)")
    }
}
