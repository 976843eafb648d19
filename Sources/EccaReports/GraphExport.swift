import Foundation
import ClauseGraph

/// The clause graph (or a provision's neighbourhood) as Graphviz DOT or JSON.
public struct GraphExport: Sendable {
    public let graph: ClauseGraph
    /// Nil: the whole graph.
    public let provisions: Set<String>?

    public init(graph: ClauseGraph, provisions: Set<String>? = nil) {
        self.graph = graph
        self.provisions = provisions
    }

    private var nodes: [Provision] {
        graph.provisionOrder.filter { provisions?.contains($0) ?? true }.map { graph.provisions[$0]! }
    }

    private var edges: [GraphEdge] {
        graph.edges.filter { provisions == nil || (provisions!.contains($0.from) && provisions!.contains($0.to)) }
    }

    public func dot() -> String {
        // newrank: Graphviz 2.43's cluster-by-cluster ranking stops with "trouble in init_rank" on
        // the whole graph (edges run between every instrument's cluster); the global ranking lays it out.
        var lines = ["digraph clauses {", "  rankdir=LR;", "  newrank=true;", "  node [shape=box, style=rounded, fontname=\"Helvetica\"];"]
        var byInstrument: [String: [Provision]] = [:]
        for node in nodes { byInstrument[node.instrumentID, default: []].append(node) }
        for instrument in graph.instrumentOrder where byInstrument[instrument] != nil {
            let title = graph.instruments[instrument]?.title ?? instrument
            lines.append("  subgraph \"cluster_\(DOTEscaping.escape(instrument))\" {")
            lines.append("    label=\"\(DOTEscaping.escape(title))\";")
            for provision in byInstrument[instrument]! {
                let modalities = Set(provision.norms.map(\.modality.rawValue)).sorted()
                let colour = modalities.contains("prohibition") ? "#f4cccc" : modalities.contains("obligation") ? "#cfe2f3" : "#ffffff"
                // Escaped part by part: the `\n` between citation and modalities is DOT's line break.
                let label = ([provision.citation] + (modalities.isEmpty ? [] : [modalities.joined(separator: ", ")]))
                    .map(DOTEscaping.escape).joined(separator: "\\n")
                lines.append("    \"\(DOTEscaping.escape(provision.id))\" [label=\"\(label)\", fillcolor=\"\(colour)\", style=\"rounded,filled\"];")
            }
            lines.append("  }")
        }
        for edge in edges {
            let style = edge.kind == .defeats ? ", style=dashed, color=\"#cc0000\"" : edge.kind == .cites ? ", color=\"#999999\"" : ""
            lines.append("  \"\(DOTEscaping.escape(edge.from))\" -> \"\(DOTEscaping.escape(edge.to))\" [label=\"\(DOTEscaping.escape(edge.kind.rawValue))\"\(style)];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    public struct Node: Codable, Sendable {
        public var id: String
        public var instrument: String
        public var citation: String
        public var evidence: String
        public var norms: [String]
        public var rules: [String]
    }

    public struct Document: Codable, Sendable {
        public var nodes: [Node]
        public var edges: [GraphEdge]
    }

    public func document() -> Document {
        Document(nodes: nodes.map { Node(id: $0.id, instrument: $0.instrumentID, citation: $0.citation, evidence: $0.evidence.rawValue,
                                         norms: $0.norms.map { "\($0.id) (\($0.modality.rawValue))" }, rules: $0.countsAs.map(\.id)) },
                 edges: edges)
    }
}
