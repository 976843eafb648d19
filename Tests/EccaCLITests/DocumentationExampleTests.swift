import Foundation
import Testing

/// Examples in the README and docs/ held to what ecca does, so the pages users read first cannot
/// drift from it.
@Suite struct DocumentationExampleTests {
    /// The text of the first code block of the page at `path` (from the checkout's root) that
    /// follows `opening`.
    static func block(_ path: String, after opening: String) throws -> String {
        let page = try String(contentsOf: CLI.root.appendingPathComponent(path), encoding: .utf8)
        let start = try #require(page.range(of: opening))
        let end = try #require(page.range(of: "\n```", range: start.upperBound..<page.endIndex))
        return String(page[start.upperBound..<end.lowerBound])
    }

    /// The lines of the README's example output (the block after "It prints (abridged):").
    static func exampleLines() throws -> [String] {
        try block("README.md", after: "It prints (abridged):\n\n```\n").split(separator: "\n").map(String.init)
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

    /// The README's quick start shows what `ecca check` prints for the shipped sample, abridged
    /// with "…".
    @Test func theQuickStartOutputIsWhatCheckPrints() throws {
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

    /// docs/requests.md's JSON and XML examples are requests ecca reads.
    @Test(arguments: ["json", "xml"]) func theRequestFormatExamplesAreRead(format: String) throws {
        let folder = try CLI.folder(["example.\(format)": try Self.block("docs/requests.md", after: "```\(format)\n")])
        let result = try CLI.run(["check", "--instrument", CLI.letter, folder.appendingPathComponent("example.\(format)").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("request AIO-2026-01"))
    }
}
