/// A reference a lint finding could not resolve: the kind of thing referred to, and its id.
///
/// Kept on the diagnostic as a value, so that a loader can tell a reference that is wrong from
/// one into a file it could not use (whose own errors already explain it).
public struct UnresolvedReference: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case instrument, provision, fact, rule, set, unit
    }

    public var kind: Kind
    public var id: String

    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }
}

/// The ids a rules file declares, by kind: what its references would have resolved to had the
/// file been used.
public struct DeclaredIDs: Sendable, Hashable {
    public private(set) var ids: [UnresolvedReference.Kind: Set<String>] = [:]

    public init() {}

    public mutating func insert(_ kind: UnresolvedReference.Kind, _ id: String) {
        ids[kind, default: []].insert(id)
    }

    public var isEmpty: Bool { ids.values.allSatisfy(\.isEmpty) }

    /// Whether `reference` names something declared here. A provision reference may name an
    /// article whose paragraphs are the provisions (`eu.ai-act.art92` for `eu.ai-act.art92.3`),
    /// as `ClauseGraph.provisions(within:)` reads it.
    public func declares(_ reference: UnresolvedReference) -> Bool {
        guard let declared = ids[reference.kind] else { return false }
        if declared.contains(reference.id) { return true }
        guard reference.kind == .provision else { return false }
        let prefix = reference.id + "."
        return declared.contains { $0.hasPrefix(prefix) }
    }
}
