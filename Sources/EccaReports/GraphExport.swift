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
        var lines = ["digraph clauses {", "  rankdir=LR;", "  node [shape=box, style=rounded, fontname=\"Helvetica\"];"]
        var byInstrument: [String: [Provision]] = [:]
        for node in nodes { byInstrument[node.instrumentID, default: []].append(node) }
        for instrument in graph.instrumentOrder where byInstrument[instrument] != nil {
            let title = graph.instruments[instrument]?.title ?? instrument
            lines.append("  subgraph \"cluster_\(escape(instrument))\" {")
            lines.append("    label=\"\(escape(title))\";")
            for provision in byInstrument[instrument]! {
                let modalities = Set(provision.norms.map(\.modality.rawValue)).sorted()
                let colour = modalities.contains("prohibition") ? "#f4cccc" : modalities.contains("obligation") ? "#cfe2f3" : "#ffffff"
                let label = provision.citation + (modalities.isEmpty ? "" : "\\n" + modalities.joined(separator: ", "))
                lines.append("    \"\(escape(provision.id))\" [label=\"\(label)\", fillcolor=\"\(colour)\", style=\"rounded,filled\"];")
            }
            lines.append("  }")
        }
        for edge in edges {
            let style = edge.kind == .defeats ? ", style=dashed, color=\"#cc0000\"" : edge.kind == .cites ? ", color=\"#999999\"" : ""
            lines.append("  \"\(escape(edge.from))\" -> \"\(escape(edge.to))\" [label=\"\(edge.kind.rawValue)\"\(style)];")
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

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
