import EccaFormats
import Testing

/// The request reader's JSON parser: escaped strings and duplicate member names, on both sides of
/// its fast paths.
@Suite struct JSONParserTests {
    @Test func anEscapeAfterPlainTextKeepsTheTextBeforeIt() throws {
        let value = try JSONParser.parse(#"["plain", "caf\u00e9 \"quoted\"\nnext", "\\", "tab\tend", "𝄞 \ud834\udd1e"]"#)
        guard case .array(let elements, _) = value else { Issue.record("not an array"); return }
        let strings = elements.compactMap { if case .string(let text, _) = $0 { text } else { nil } }
        #expect(strings == ["plain", "café \"quoted\"\nnext", "\\", "tab\tend", "𝄞 𝄞"])
    }

    @Test func aDuplicateMemberIsRefusedInSmallAndLargeObjects() throws {
        for count in [2, 15, 16, 17, 40] {
            for repeated in [0, count - 1] {
                let members = (0..<count).map { "\"k\($0)\": \($0)" } + ["\"k\(repeated)\": true"]
                do {
                    _ = try JSONParser.parse("{" + members.joined(separator: ", ") + "}")
                    Issue.record("duplicate k\(repeated) among \(count) members was accepted")
                } catch {
                    #expect(error.description.contains("duplicate member \"k\(repeated)\""), "\(error)")
                }
            }
            let distinct = (0...count).map { "\"k\($0)\": \($0)" }
            #expect(throws: Never.self) { try JSONParser.parse("{" + distinct.joined(separator: ", ") + "}") }
        }
    }
}
