/// Graphviz DOT of a conflict graph: obliging provisions and triggering facts on the left, the
/// request items in the middle, forbidding provisions and the exceptions that failed on the right.
extension ConflictGraph {
    public func dot() -> String {
        var lines = [
            "digraph conflict {",
            "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, nodesep=0.3, ranksep=0.6, label=\"\(DOTEscaping.escape("Conflict graph of request \(request)"))\", labelloc=t];",
            // A wide margin: browsers may draw the SVG's text in a wider font than Graphviz measured.
            "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, fillcolor=\"#ffffff\", margin=\"0.2,0.08\"];",
            "  edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        let clusters: [(NodeKind, String, String)] = [
            (.obliging, "obliging provisions", "#eef4fb"),
            (.fact, "triggering facts", "#fafafa"),
            (.forbidding, "forbidding provisions", "#fbeeee"),
            (.exception, "exceptions that failed", "#f5f5f5"),
        ]
        for node in nodes where node.kind == .item {
            lines.append("  \(node.id) [label=\"\(Self.label(node.label, width: 44))\", shape=box, style=\"filled,bold\", fillcolor=\"#fff2cc\", penwidth=2];")
        }
        for (kind, title, colour) in clusters {
            let members = nodes.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            lines.append("  subgraph cluster_\(kind.rawValue) {")
            lines.append("    label=\"\(title)\"; style=\"rounded,filled\"; color=\"#cccccc\"; fillcolor=\"\(colour)\";")
            for node in members {
                lines.append("    \(node.id) [label=\"\(Self.label(node.label, width: kind == .fact ? 40 : 30))\"\(Self.nodeStyle(kind))];")
            }
            lines.append("  }")
        }
        for edge in edges {
            let qualifier = edge.postures.count == postures.count ? "" : " [\(edge.postures.joined(separator: ", "))]"
            let label = DOTEscaping.escape(edge.kind.rawValue + qualifier)
            switch edge.kind {
            case .obliges:
                lines.append("  \(edge.from) -> \(edge.to) [label=\"\(label)\", color=\"#1f5fa8\", fontcolor=\"#1f5fa8\", penwidth=1.5];")
            case .triggers:
                // Unlabelled: the cluster says what these are, and nine "triggers" labels are noise.
                lines.append("  \(edge.from) -> \(edge.to) [style=dotted, color=\"#777777\", arrowsize=0.6];")
            case .forbids:
                // Drawn from the item so the prohibition sits on the right; the arrow still points at the item.
                lines.append("  \(edge.to) -> \(edge.from) [dir=back, label=\"\(label)\", color=\"#b3261e\", fontcolor=\"#b3261e\", penwidth=1.5];")
            case .failedToLift:
                lines.append("  \(edge.to) -> \(edge.from) [dir=back, style=dashed, color=\"#888888\", arrowtail=tee];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func nodeStyle(_ kind: NodeKind) -> String {
        switch kind {
        case .item: ""
        case .obliging: ", fillcolor=\"#cfe2f3\", color=\"#1f5fa8\""
        case .forbidding: ", fillcolor=\"#f4cccc\", color=\"#b3261e\""
        case .exception: ", style=\"rounded,dashed,filled\", fillcolor=\"#ffffff\", color=\"#888888\""
        case .fact: ", shape=note, style=filled, fillcolor=\"#ffffff\", color=\"#999999\", fontsize=9"
        }
    }

    /// Each line of `text` wrapped at `width` characters on spaces, escaped, joined with DOT's `\n`;
    /// at most eight lines, the last ending in an ellipsis when cut.
    static func label(_ text: String, width: Int) -> String {
        var wrapped: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, line.count + 1 + word.count > width {
                    wrapped.append(line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            wrapped.append(line)
        }
        if wrapped.count > 8 { wrapped = Array(wrapped.prefix(8)); wrapped[7] += " …" }
        return wrapped.map(DOTEscaping.escape).joined(separator: "\\n")
    }
}
