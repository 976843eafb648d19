import ClauseGraph
import Testing

/// Readings and open questions are printed in filed reports (`Caveat`): they are written for the
/// lawyer who reads the report, not for whoever maintains the encoding.
@Suite struct CaveatTextTests {
    @Test func caveatsSpeakToTheReaderOfAReport() throws {
        let graph = try GraphFixture.shippedWithLetter()
        let notes = graph.instruments.values.flatMap(\.notes) + graph.provisions.values.flatMap(\.notes)
        let caveats = notes.filter { $0.kind == .interpretation || $0.kind == .unresolved }
        #expect(caveats.count > 20)
        // The fact sheet, rules-file markup and attributes, rule and fact ids are the maintainers'.
        let jargon = ["FACTS.md", "op=", "<", "/>", "encoded", "encodes", "rule ear-", "rule eccn-", "ear-published",
                      "ear-controlled", "request.instruments", "recipient.latest-citizenship", "from the condition", "the role "]
        for caveat in caveats {
            for word in jargon {
                #expect(!caveat.text.contains(word), "\(word): \(caveat.text)")
            }
        }
    }
}
