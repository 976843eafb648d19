import ClauseGraph

/// The caveats of every provision and instrument of a clause graph, worked out once per engine:
/// a finding names the caveats of the provisions it uses by id, and the analysis gives each once.
struct CaveatIndex {
    private var byID: [String: Caveat] = [:]
    /// A provision's own caveat ids, then its instrument's.
    private var bySource: [String: [String]] = [:]
    /// A provision's instrument's caveat ids only (where its status is read: the posture).
    private var byInstrumentOf: [String: [String]] = [:]

    init(graph: ClauseGraph) {
        var instrumentCaveats: [String: [String]] = [:]
        for (id, instrument) in graph.instruments {
            instrumentCaveats[id] = add(instrument.notes, source: id, citation: instrument.title)
        }
        for (id, provision) in graph.provisions {
            let own = add(provision.notes, source: id, citation: provision.citation)
            let inherited = instrumentCaveats[provision.instrumentID] ?? []
            if !own.isEmpty || !inherited.isEmpty { bySource[id] = own + inherited }
            if !inherited.isEmpty { byInstrumentOf[id] = inherited }
        }
    }

    subscript(id: String) -> Caveat? { byID[id] }

    /// The caveat ids of these provisions, each once, in the order the provisions come.
    func ids(of provisions: [String]) -> [String] {
        var seen: Set<String> = []
        return provisions.flatMap { bySource[$0] ?? [] }.filter { seen.insert($0).inserted }
    }

    /// The caveat ids of a provision's instrument (not the provision's own).
    func instrumentIDs(ofProvision provision: String) -> [String] {
        byInstrumentOf[provision] ?? []
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
