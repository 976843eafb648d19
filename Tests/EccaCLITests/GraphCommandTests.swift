import Foundation
import Testing

@Suite struct GraphCommandTests {
    @Test func neighbourhoodOfArticle92AsDOT() throws {
        let result = try CLI.run(["graph", "--provision", "eu.ai-act.art92.5"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("digraph clauses {\n"))
        #expect(result.stdout.contains("\"eu.ai-act.art92.5\" [label=\"Art. 92(5)\\nobligation\""))
        #expect(result.stdout.contains("\"eu.ai-act.art101.1.d\" -> \"eu.ai-act.art92.5\" [label=\"sanctions\"]"))
        #expect(!result.stdout.contains("us.ai-diffusion.4e091\""))
    }

    /// A citation with quotes stays inside its label: unescaped, `dot` refused the graph
    /// ("syntax error in line 12 near 'person'").
    @Test func aCitationWithQuotesIsEscapedInItsLabel() throws {
        let result = try CLI.run(["graph", "--provision", "us.ecra.4801.5"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(##"    "us.ear.772.1.foreign-person" [label="15 CFR 772.1, \"foreign person\"", fillcolor="#ffffff", style="rounded,filled"];"##))
        #expect(lines.contains(##"  "us.ear.772.1.foreign-person" -> "us.ecra.4801.5" [label="cites", color="#999999"];"##))
    }

    @Test func wholeGraphAsJSONHasTheDefeatsEdgeOfAIA() throws {
        let result = try CLI.run(["graph", "--format", "json"])
        #expect(result.status == 0)
        let json = try CLI.json(result.stdout)
        let edges = json["edges"] as? [[String: Any]] ?? []
        #expect(edges.contains { $0["from"] as? String == "us.ai-diffusion.740.27" && $0["to"] as? String == "us.ai-diffusion.4e091" && $0["kind"] as? String == "defeats" })
        let nodes = json["nodes"] as? [[String: Any]] ?? []
        #expect(nodes.count > 50)
    }

    @Test func anUnknownProvisionIsUnusableInput() throws {
        let result = try CLI.run(["graph", "--provision", "eu.nothing"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown provision 'eu.nothing'"))
    }
}
