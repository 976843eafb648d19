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

    /// An option the command would not use is a usage error (64), as `--as-of` without
    /// `--conflict` already was: each of these exited 0 and printed a graph the option had no part
    /// in (reports audit 10). A negative radius crashed (`Range requires lowerBound <= upperBound`).
    @Test(arguments: [
        (["--posture", "text"], "--posture applies with --conflict REQUEST"),
        (["--radius", "2"], "--radius 2 applies with --provision ID"),
        (["--radius", "2", "--conflict", "REQUEST"], "--radius 2 applies with --provision ID"),
        (["--provision", "eu.ai-act.art92.5", "--radius=-1"], "--radius -1 is below 0: give the number of edges to go out from the provision"),
        (["--provision", "eu.ai-act.art92.5", "--conflict", "REQUEST"],
         "--provision draws a provision's neighbourhood in the clause graph, --conflict a request's conflicts: give one of them"),
    ])
    func anOptionTheGraphWouldNotUseIsAUsageError(_ options: [String], _ message: String) throws {
        let arguments = options.map { $0 == "REQUEST" ? CLI.sample("weights-to-ai-office-warsaw.json") : $0 }
        let result = try CLI.run(["graph"] + arguments)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: \(message)\nUsage: ecca graph "), "\(result.stderr)")
    }

    /// Radius 0 is the provision alone; a radius far beyond the graph is the provision's whole
    /// component, found without going on for the radius (10^12 rounds over every edge hung).
    @Test func radiusZeroIsTheProvisionAloneAndAHugeRadiusEnds() throws {
        let alone = try CLI.run(["graph", "--provision", "us.ecra.4801.5", "--radius", "0"])
        #expect(alone.status == 0)
        #expect(alone.stdout == """
            digraph clauses {
              rankdir=LR;
              newrank=true;
              node [shape=box, style=rounded, fontname="Helvetica"];
              subgraph "cluster_us.ecra" {
                label="Export Control Reform Act of 2018 (ECRA), 50 U.S.C. 4801-4852";
                "us.ecra.4801.5" [label="50 U.S.C. 4801(5)", fillcolor="#ffffff", style="rounded,filled"];
              }
            }

            """)
        let huge = try CLI.run(["graph", "--provision", "us.ecra.4801.5", "--radius", "1000000000000"])
        let hundred = try CLI.run(["graph", "--provision", "us.ecra.4801.5", "--radius", "100"])
        #expect(huge.status == 0)
        #expect(huge.stdout == hundred.stdout)
        #expect(huge.stdout.count > alone.stdout.count)
    }

    @Test func anUnknownProvisionIsUnusableInput() throws {
        let result = try CLI.run(["graph", "--provision", "eu.nothing"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown provision 'eu.nothing'"))
    }
}
