import ClauseGraph
import EccaAnalysis

/// One request's conflicts as a graph: each request item in the middle, the provisions that
/// oblige the disclosure on one side and those that forbid it on the other, the exceptions that
/// failed to lift a prohibition beyond it, and the facts that triggered the clash.
///
/// Node ids are made here (`item0`, `p1`, `x1`, `f1`), never taken from the input, so nothing a
/// request or rules file says can reach the DOT syntax or an SVG element id.
public struct ConflictGraph: Sendable, Hashable, Codable {
    public enum NodeKind: String, Sendable, Hashable, Codable { case item, obliging, forbidding, exception, fact }
    public enum EdgeKind: String, Sendable, Hashable, Codable {
        /// provision → item: the provision obliges the disclosure.
        case obliges
        /// provision → item: the provision forbids it.
        case forbids
        /// exception → provision: the exception was considered and did not lift the prohibition.
        case failedToLift = "failed to lift"
        /// fact → item: the fact triggered the clashing norms.
        case triggers
    }

    public struct Node: Sendable, Hashable, Codable {
        public var id: String
        public var kind: NodeKind
        public var label: String
        /// Where a provision or exception comes from: its provision id.
        public var provision: String?
    }

    public struct Edge: Sendable, Hashable, Codable {
        public var from: String
        public var to: String
        public var kind: EdgeKind
        /// The postures under which a finding has this edge, `text` first.
        public var postures: [String]
    }

    public var request: String
    public var postures: [String]
    public var nodes: [Node]
    public var edges: [Edge]

    public init(_ analysis: RequestAnalysis) {
        request = analysis.id
        postures = PostureOrder.sorted(analysis.postures.keys)
        var nodes: [Node] = []
        var nodeIDs: [String: String] = [:]
        var edges: [Edge] = []
        func node(_ key: String, kind: NodeKind, prefix: String, label: String, provision: String? = nil) -> String {
            if let id = nodeIDs[key] { return id }
            let id = prefix + String(nodes.filter { $0.id.hasPrefix(prefix) }.count + 1)
            nodeIDs[key] = id
            nodes.append(Node(id: id, kind: kind, label: label, provision: provision))
            return id
        }
        func edge(_ from: String, _ to: String, _ kind: EdgeKind, posture: String) {
            if let index = edges.firstIndex(where: { $0.from == from && $0.to == to && $0.kind == kind }) {
                if !edges[index].postures.contains(posture) { edges[index].postures = PostureOrder.sorted(edges[index].postures + [posture]) }
            } else {
                edges.append(Edge(from: from, to: to, kind: kind, postures: [posture]))
            }
        }
        for item in analysis.items {
            let verdicts = postures.compactMap { posture in item.postures[posture].map { "\(posture): \($0.verdict.rawValue.uppercased())" } }
            let name = "item \(item.index)" + (item.id.map { " [\(Self.flat($0))]" } ?? "")
            let itemNode = "item\(item.index)"
            nodeIDs["item:\(item.index)"] = itemNode
            nodes.append(Node(id: itemNode, kind: .item, label: "\(name)\n\(Self.flat(item.artifact)) via \(Self.flat(item.channel))\n" + verdicts.joined(separator: " · ")))
            for finding in analysis.findings where finding.item == item.index {
                let posture = finding.posture.rawValue
                var forbidding: [String] = []
                var provisionByNorm: [String: String] = [:]
                var provisionNodes: [String: String] = [:]
                for provision in finding.provisions {
                    let obliging = provision.modality == "obligation"
                    let id = node("provision:\(provision.id)", kind: obliging ? .obliging : .forbidding, prefix: "p",
                                  label: "\(Self.flat(provision.jurisdiction)) \(Self.flat(provision.citation))\n\(ModalityWording.role(provision.modality))",
                                  provision: provision.id)
                    edge(id, itemNode, obliging ? .obliges : .forbids, posture: posture)
                    if !obliging { forbidding.append(id) }
                    if let norm = provision.norm { provisionByNorm[norm] = id }
                    provisionNodes[provision.id] = id
                }
                for exception in finding.exceptions where exception.holds != .true {
                    let label = Self.flat(Labels.head(exception.inlineLabel)) + (exception.citationNotInLabel.map { "\n(\(Self.flat($0)))" } ?? "")
                        + "\n" + (exception.holds == .false ? "failed" : "not established")
                    let id = node("exception:\(exception.id)", kind: .exception, prefix: "x", label: label, provision: exception.provision)
                    // The provision whose norm it would defeat; a constitutive rule's exception goes
                    // to the rule's provision when it clashes, else to the prohibitions.
                    let rule = finding.rules.first { $0.rule == exception.norm }
                    let targets = provisionByNorm[exception.norm].map { [$0] }
                        ?? rule.flatMap { provisionNodes[$0.provision] }.map { [$0] }
                        ?? (forbidding.isEmpty ? Array(provisionNodes.values).sorted() : forbidding)
                    for target in targets { edge(id, target, .failedToLift, posture: posture) }
                }
                for fact in finding.triggeringFacts {
                    let id = node("fact:\(fact)", kind: .fact, prefix: "f", label: Self.flat(fact))
                    edge(id, itemNode, .triggers, posture: posture)
                }
            }
        }
        self.nodes = nodes
        self.edges = edges
    }

    /// Input text on one line: line breaks in labels are the graph's own.
    static func flat(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
    }
}
