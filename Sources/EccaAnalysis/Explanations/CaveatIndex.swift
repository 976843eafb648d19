import ClauseGraph

/// The caveats of every provision and instrument of a clause graph, worked out once per engine:
/// a finding names the caveats of the provisions it uses by id, and the analysis gives each once.
struct CaveatIndex {
    private var byID: [String: Caveat] = [:]
    /// A provision's or an instrument's own caveat ids.
    private var own: [String: [String]] = [:]
    private let instrumentOf: [String: String]

    init(graph: ClauseGraph) {
        instrumentOf = graph.provisions.mapValues(\.instrumentID)
        for (id, instrument) in graph.instruments {
            own[id] = add(instrument.notes, source: id, citation: instrument.title)
        }
        for (id, provision) in graph.provisions {
            own[id] = add(provision.notes, source: id, citation: provision.citation)
        }
    }

    subscript(id: String) -> Caveat? { byID[id] }

    /// The caveats of these ids, each once, in the order first named: what a result gives in
    /// full once and its parts name by id. Without `texts`, only their ids, kinds and citations.
    func caveats(for ids: some Sequence<String>, texts: Bool = true) -> [Caveat] {
        Self.merged(Array(ids)).compactMap { id in
            byID[id].map { caveat in
                var caveat = caveat
                if !texts { caveat.text = nil }
                return caveat
            }
        }
    }

    /// The ids of these lists, each once, in the order first named.
    static func merged(_ lists: [String]...) -> [String] {
        var seen: Set<String> = []
        return lists.joined().filter { seen.insert($0).inserted }
    }

    /// The caveat ids of these provisions and of their instruments, each once, in the order the
    /// provisions come (a provision's own before its instrument's).
    func ids(of provisions: [String]) -> [String] {
        var seen: Set<String> = []
        return provisions.flatMap { (own[$0] ?? []) + instrumentIDs(of: $0) }.filter { seen.insert($0).inserted }
    }

    /// The caveat ids of a provision's instrument alone: where a provision's status is at stake
    /// (it does not bind on the date), what its own notes say about its content is not.
    func instrumentIDs(of provision: String) -> [String] {
        instrumentOf[provision].flatMap { own[$0] } ?? []
    }

    private mutating func add(_ notes: [Note], source: String, citation: String) -> [String] {
        var counts: [Caveat.Kind: Int] = [:]
        return notes.compactMap { note in
            let kind: Caveat.Kind
            switch note.kind {
            case .interpretation: kind = .reading
            case .unresolved: kind = .openQuestion
            case .amendment, .editorial: return nil
            }
            counts[kind, default: 0] += 1
            let count = counts[kind]!
            let id = "\(source):\(kind.rawValue)" + (count > 1 ? "-\(count)" : "")
            byID[id] = Caveat(id: id, source: source, citation: citation, kind: kind, text: note.text)
            return id
        }
    }
}
