import ClauseGraph
import EccaFormats
import EccaReports
import Foundation
import Testing

/// `ecca graph`'s DOT: every value quoted from a rules file is escaped, so `dot` reads the whole
/// clause graph. The citation `15 CFR 772.1, "technology"` once ended its label at the first quote
/// and `dot` refused the graph.
@Suite struct GraphExportTests {
    /// The shipped regulations, with the sample letter unless told: every rules file a user can load.
    static func graph(withLetter: Bool = true) throws -> ClauseGraph {
        let letter = Fixtures.root.appendingPathComponent("Samples/instruments/is-informed-letter-orion.xml").path
        let loaded = RegulationsLoader().load(directories: [Fixtures.regulations], files: withLetter ? [letter] : [])
        guard !loaded.hasErrors else {
            throw Fixtures.FixtureError(description: loaded.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))
        }
        return loaded.graph
    }

    @Test func escapingKeepsEveryCharacterInsideTheLiteral() {
        #expect(DOTEscaping.escape(#"15 CFR 772.1, "technology""#) == #"15 CFR 772.1, \"technology\""#)
        #expect(DOTEscaping.escape(#"a\b"#) == #"a\\b"#)
        #expect(DOTEscaping.escape("R&D") == "R&amp;D")
        #expect(DOTEscaping.escape("two\nlines\r\nhere") == "two lines here")
        #expect(DOTEscaping.escape("Art. 92(5)") == "Art. 92(5)")
    }

    @Test func aQuotedCitationIsEscapedInItsLabel() throws {
        let lines = GraphExport(graph: try Self.graph()).dot().split(separator: "\n").map(String.init)
        #expect(lines.contains(##"    "us.ear.772.1.technology" [label="15 CFR 772.1, \"technology\"", fillcolor="#ffffff", style="rounded,filled"];"##))
        #expect(lines.contains(##"    "eu.ai-act.art92.5" [label="Art. 92(5)\nobligation", fillcolor="#cfe2f3", style="rounded,filled"];"##))
    }

    static let dot = Graphviz.locate()

    /// The whole graph, with and without the letter, and the neighbourhoods the review drew: each
    /// is laid out (the whole graph needs `newrank`) and shows a citation with quotes as written.
    @Test(.enabled(if: dot != nil, "Graphviz (dot) is not installed"),
          arguments: [(nil, true), (nil, false), ("us.ai-diffusion.4e091", true), ("us.ecra.4801.5", true)] as [(String?, Bool)])
    func graphvizReadsTheClauseGraph(provision: String?, withLetter: Bool) throws {
        let graph = try Self.graph(withLetter: withLetter)
        let export = GraphExport(graph: graph, provisions: provision.map { graph.neighbourhood(of: $0, radius: 1) })
        let picture = Self.dot!.picture(ofDOT: export.dot())
        guard case .svg(let svg) = picture else {
            Issue.record("not drawn: \(picture)")
            return
        }
        #expect(svg.contains(provision == "us.ecra.4801.5" ? "15 CFR 772.1, &quot;foreign person&quot;" : "15 CFR 772.1, &quot;technology&quot;"))
    }
}
