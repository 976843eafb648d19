import Foundation
import Testing

/// The README's quick start shows what `ecca check` prints for the shipped sample, abridged with
/// "…". Held to the real output here, so the page a new user reads first cannot drift from it.
@Suite struct ReadmeQuickStartTests {
    /// The lines of the README's example output (the block after "It prints (abridged):").
    static func exampleLines() throws -> [String] {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "It prints (abridged):\n\n```\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        return readme[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
    }

    /// Whether `line` is `example` with text left out where the example has "…": it starts with
    /// the example's first piece and holds the others, in order.
    static func line(_ line: String, matches example: String) -> Bool {
        let pieces = example.components(separatedBy: "…")
        // The indentation counts; the space around an ellipsis does not.
        let lead = pieces.count > 1 ? String(pieces[0].reversed().drop { $0 == " " }.reversed()) : pieces[0]
        guard pieces.count > 1 ? line.hasPrefix(lead) : line == lead else { return false }
        var rest = line.dropFirst(lead.count)
        for piece in pieces.dropFirst() where !piece.trimmingCharacters(in: .whitespaces).isEmpty {
            let wanted = piece.trimmingCharacters(in: .whitespaces)
            guard let found = rest.range(of: wanted) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    @Test func theExampleOutputIsWhatCheckPrints() throws {
        let examples = try Self.exampleLines()
        #expect(examples.count > 5)
        let result = try CLI.run(["check", CLI.sample("weights-to-ai-office-warsaw.json")])
        #expect(result.status == 1, "the README says it exits 1")
        var output = result.stdout.split(separator: "\n").map(String.init)[...]
        for example in examples {
            // Abridged: lines of the output may be left out, but those shown come in its order.
            guard let index = output.firstIndex(where: { Self.line($0, matches: example) }) else {
                Issue.record("README line not in the output (or out of order): \(example)")
                return
            }
            output = output[(index + 1)...]
        }
    }
}
