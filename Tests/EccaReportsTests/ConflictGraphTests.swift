import EccaAnalysis
@testable import EccaReports
import Foundation
import Testing

@Suite struct ConflictGraphTests {
    @Test func conflictSampleHasItemProvisionsFailedExceptionsAndFacts() throws {
        let analysis = try Fixtures.analyse(sample: "conflict")
        let graph = ConflictGraph(analysis)
        let item = try #require(graph.nodes.first { $0.kind == .item })
        #expect(item.id == "item0")
        #expect(item.label.contains("text: CONFLICT · enforcement: CLEAR"))
        let obliging = graph.nodes.filter { $0.kind == .obliging }.compactMap(\.provision)
        let forbidding = graph.nodes.filter { $0.kind == .forbidding }.compactMap(\.provision)
        // The Code of Practice measure is a voluntary commitment: it obliges nothing a conflict rests on.
        #expect(obliging == ["eu.ai-act.art92.5"])
        #expect(forbidding == ["us.ai-diffusion.4e091"])
        let exceptions = graph.nodes.filter { $0.kind == .exception }
        #expect(exceptions.count == 5)
        #expect(exceptions.contains { $0.label.hasPrefix("License Exception AIA (15 CFR 740.27)") && $0.label.hasSuffix("failed") })
        let us = try #require(graph.nodes.first { $0.provision == "us.ai-diffusion.4e091" && $0.kind == .forbidding })
        // Every failed exception points at the prohibition it did not lift.
        for exception in exceptions {
            #expect(graph.edges.contains { $0.from == exception.id && $0.to == us.id && $0.kind == .failedToLift })
        }
        #expect(graph.edges.filter { $0.kind == .obliges }.allSatisfy { $0.to == "item0" && $0.postures == ["text"] })
        #expect(graph.edges.contains { $0.from == us.id && $0.to == "item0" && $0.kind == .forbids })
        let facts = graph.nodes.filter { $0.kind == .fact }
        #expect(facts.contains { $0.label == "model.training-compute = 3e26 operations: ≥ 1e26 operations" })
        #expect(facts.allSatisfy { fact in graph.edges.contains { $0.from == fact.id && $0.to == "item0" && $0.kind == .triggers } })
    }

    @Test func dotPutsTheItemInTheMiddle() throws {
        let dot = ConflictGraph(try Fixtures.analyse(sample: "conflict")).dot()
        #expect(dot.hasPrefix("digraph conflict {\n"))
        #expect(dot.contains("rankdir=LR"))
        #expect(dot.contains("subgraph cluster_obliging {"))
        #expect(dot.contains("subgraph cluster_forbidding {"))
        #expect(dot.contains("subgraph cluster_exception {"))
        #expect(dot.contains("subgraph cluster_fact {"))
        // Obligations point into the item from the left; prohibitions sit on its right.
        #expect(dot.contains("p1 -> item0 [label=\"obliges [text]\""))
        #expect(dot.contains("item0 -> p2 [dir=back, label=\"forbids [text]\""))
        #expect(dot.contains("\"EU Art. 92(5)\\nobliges\""))
        #expect(dot.hasSuffix("}\n"))
    }

    @Test func dotEscapesInputText() throws {
        var analysis = try Fixtures.analyse(sample: "conflict")
        analysis.items[0].id = "a\"b\\c&d\nnext"
        let dot = ConflictGraph(analysis).dot()
        #expect(dot.contains(#"item 0 [a\"b\\c&amp;d next]"#))
    }

    @Test func clearRequestHasNoConflictEdges() throws {
        let graph = ConflictGraph(try Fixtures.analyse(sample: "clear"))
        #expect(graph.nodes.map(\.kind) == [.item])
        #expect(graph.edges.isEmpty)
    }

    static let dot = Graphviz.locate()

    @Test(.enabled(if: dot != nil, "Graphviz (dot) is not installed"))
    func graphvizDrawsAnEmbeddableSVG() throws {
        let analysis = try Fixtures.analyse(sample: "conflict")
        let picture = Self.dot!.picture(ofDOT: ConflictGraph(analysis).dot())
        guard case .svg(let svg) = picture else {
            Issue.record("not drawn: \(picture)")
            return
        }
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("Art. 92(5)"))
        #expect(!svg.contains("<!--"))
        #expect(Self.dot!.version()?.first?.isNumber == true)
        let html = try HTMLReport().render(ConflictReport(analyses: [analysis], receipt: Fixtures.receipt(for: [analysis], input: "x.json")),
                                           pictures: [picture])
        // Embedded whole, its ids prefixed with the request's anchor (`SVGElementIDs`).
        #expect(html.contains("<figure>\n" + SVGElementIDs.prefixed(svg, with: "request-1-graph-") + "\n</figure>"))
        #expect(html.contains(#"<g id="request-1-graph-graph0" class="graph""#))
        #expect(!html.contains("is not installed"))
    }
}
