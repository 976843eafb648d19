/// A typed edge of the clause graph between two provisions (DESIGN.md, "Edges").
public struct GraphEdge: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The provision's text cites the target.
        case cites
        /// A constitutive rule of the source defines a term the target's norm or rule uses.
        case defines
        /// An exception created by the source defeats a norm or rule of the target.
        case defeats
        /// A code commitment implements an obligation of the Act.
        case implements
        /// The source sanctions breaches of the target's norm.
        case sanctions
    }
    public var from: String
    public var to: String
    public var kind: Kind
    /// The norm, rule or exception that makes the edge.
    public var via: String?
}

extension ClauseGraph {
    /// Every edge between provisions, in a deterministic order.
    public var edges: [GraphEdge] {
        var result: [GraphEdge] = []
        var seen: Set<GraphEdge> = []
        // A rule that another norm or rule of its own provision reads is the provision's own term
        // (4801(5)'s foreign person reads its access used for an authority): no loop is drawn.
        func add(_ edge: GraphEdge) {
            guard edge.kind != .defines || edge.from != edge.to else { return }
            if seen.insert(edge).inserted { result.append(edge) }
        }
        for id in provisionOrder {
            let provision = provisions[id]!
            provision.cites.forEach { add(GraphEdge(from: id, to: $0.id, kind: .cites)) }
            provision.implements.forEach { add(GraphEdge(from: id, to: $0.id, kind: .implements)) }
            let conditions: [Condition] = provision.norms.compactMap(\.condition)
                + provision.countsAs.map(\.condition)
            for condition in conditions {
                for rule in condition.ruleReferences {
                    if let definition = rules[rule] { add(GraphEdge(from: definition.provisionID, to: id, kind: .defines, via: rule)) }
                }
            }
            // An exception defeats the norm or rule it is attached to, and the terms its condition
            // uses are defined for that norm's or rule's provision, as the provision's own are.
            func exceptions(_ exceptions: [Exception]) {
                for exception in exceptions {
                    if let source = exception.provisionID { add(GraphEdge(from: source, to: id, kind: .defeats, via: exception.id)) }
                    for rule in exception.condition.ruleReferences {
                        if let definition = rules[rule] { add(GraphEdge(from: definition.provisionID, to: id, kind: .defines, via: rule)) }
                    }
                }
            }
            for norm in provision.norms {
                norm.sanctions.forEach { add(GraphEdge(from: $0, to: id, kind: .sanctions, via: norm.id)) }
                exceptions(norm.exceptions)
            }
            for rule in provision.countsAs { exceptions(rule.exceptions) }
        }
        return result
    }

    /// The provisions within `radius` edges of `id` (either direction), including `id`. A radius
    /// below 0 is 0 (it trapped), and the search stops once nothing new is found, so a radius far
    /// beyond the graph's costs no more than the graph.
    public func neighbourhood(of id: String, radius: Int = 1) -> Set<String> {
        var found: Set<String> = [id]
        var frontier: Set<String> = [id]
        let all = edges
        for _ in 0..<max(radius, 0) {
            if frontier.isEmpty { break }
            var next: Set<String> = []
            for edge in all {
                if frontier.contains(edge.from), !found.contains(edge.to) { next.insert(edge.to) }
                if frontier.contains(edge.to), !found.contains(edge.from) { next.insert(edge.from) }
            }
            found.formUnion(next)
            frontier = next
        }
        return found
    }
}
