import Foundation

/// The checked graph of instruments, provisions, norms, constitutive rules, facts and sets that
/// every analysis runs on. Built from any number of rules documents; ids are global.
public struct ClauseGraph: Sendable {
    public private(set) var instruments: [String: Instrument] = [:]
    public private(set) var instrumentOrder: [String] = []
    public private(set) var provisions: [String: Provision] = [:]
    public private(set) var provisionOrder: [String] = []
    public private(set) var facts: [String: FactDeclaration] = [:]
    public private(set) var factOrder: [String] = []
    public private(set) var units: [String: UnitDeclaration] = [:]
    public private(set) var sets: [String: NamedSet] = [:]
    /// Each named set's members as a `Set`, for membership tests in hot loops.
    public private(set) var setMembers: [String: Set<String>] = [:]
    /// Constitutive rules by id.
    public private(set) var rules: [String: CountsAs] = [:]
    public private(set) var ruleOrder: [String] = []
    /// Norms in document order.
    public private(set) var norms: [Norm] = []
    /// Problems found while joining documents (duplicate ids); `lint` adds the semantic checks.
    public private(set) var buildDiagnostics: [Diagnostic] = []
    /// The files the graph was built from, in order.
    public private(set) var files: [String] = []
    /// Normalised citation → provision id (first wins), so that resolving a request's citations
    /// costs a lookup, not a scan.
    private var citationIndex: [String: String] = [:]

    public init(documents: [RulesDocument]) {
        var firstSeen: [String: SourceLocation] = [:]
        func claim(_ id: String, _ what: String, _ location: SourceLocation) -> Bool {
            let key = what + "\u{0}" + id
            if let previous = firstSeen[key] {
                buildDiagnostics.append(Diagnostic(.error, "duplicate \(what) id '\(id)' (first defined at \(previous))",
                                                   at: location, subject: id))
                return false
            }
            firstSeen[key] = location
            return true
        }
        for document in documents {
            files.append(document.file)
            buildDiagnostics += document.diagnostics
            for unit in document.units where claim(unit.id, "unit", unit.location) { units[unit.id] = unit }
            for fact in document.facts where claim(fact.id, "fact", fact.location) {
                facts[fact.id] = fact
                factOrder.append(fact.id)
            }
            for set in document.sets where claim(set.id, "set", set.location) {
                sets[set.id] = set
                setMembers[set.id] = Set(set.members)
            }
            for instrument in document.instruments where claim(instrument.id, "instrument", instrument.location) {
                instruments[instrument.id] = instrument
                instrumentOrder.append(instrument.id)
            }
            for provision in document.provisions where claim(provision.id, "provision", provision.location) {
                provisions[provision.id] = provision
                provisionOrder.append(provision.id)
                for rule in provision.countsAs where claim(rule.id, "rule", rule.location) {
                    rules[rule.id] = rule
                    ruleOrder.append(rule.id)
                }
                for norm in provision.norms where claim(norm.id, "norm", norm.location) {
                    norms.append(norm)
                }
                for exception in provision.norms.flatMap(\.exceptions) + provision.countsAs.flatMap(\.exceptions) {
                    _ = claim(exception.id, "exception", exception.location)
                }
            }
        }
        for id in provisionOrder {
            let key = ClauseGraph.normalizeCitation(provisions[id]!.citation)
            if citationIndex[key] == nil { citationIndex[key] = id }
        }
    }

    /// A provision's status with the axes it leaves unset taken from its instrument.
    public func effectiveStatus(ofProvision id: String) -> StatusTimeline {
        guard let provision = provisions[id] else { return StatusTimeline() }
        let parent = instruments[provision.instrumentID]?.status ?? StatusTimeline()
        return (provision.status ?? StatusTimeline()).inheriting(from: parent)
    }

    /// Whether a provision binds on `date` under `posture`.
    public func binds(provision id: String, on date: LegalDate, posture: Posture) -> Bool {
        effectiveStatus(ofProvision: id).binds(on: date, posture: posture)
    }

    /// The norms whose provisions bind on `date` under `posture` (DESIGN.md, "Status axes").
    /// Provider-specific instruments are included: whether a request names them is a fact.
    public func applicableNorms(on date: LegalDate, posture: Posture) -> [Norm] {
        norms.filter { binds(provision: $0.provisionID, on: date, posture: posture) }
    }

    /// Provisions identified by `id` or nested under it (`eu.ai-act.art92` covers `eu.ai-act.art92.3`).
    public func provisions(within id: String) -> [String] {
        provisionOrder.filter { $0 == id || $0.hasPrefix(id + ".") }
    }

    /// Resolves a provision id, or an official citation as a request might give it ("Art. 92(3)",
    /// "Article 92", "15 CFR 740.27", "740.27"), to a provision id or an article-level prefix.
    public func resolveProvisionReference(_ reference: String) -> String? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if provisions[trimmed] != nil { return trimmed }
        let normalized = ClauseGraph.normalizeCitation(trimmed)
        if let match = citationIndex[normalized] { return match }
        // Bare CFR section numbers ("740.27" for "15 CFR 740.27").
        if let match = citationIndex["15cfr" + normalized] { return match }
        // "Article 92" where only its paragraphs are encoded: their common prefix.
        if normalized.hasPrefix("art"), let number = Int(normalized.dropFirst(3)),
           let paragraph = citationIndex["art\(number)(1)"], let dot = paragraph.lastIndex(of: ".") {
            return String(paragraph[..<dot])
        }
        if !provisions(within: trimmed).isEmpty { return trimmed }
        return nil
    }

    /// The citation-index key: lower case, "article" as "art", no `§`, no whitespace, and no
    /// period after a leading "art" (`Article 92(3)`, `Art. 92(3)` and `art92(3)` share a key).
    /// One pass over the scalars: the graph keys every provision of a large imported title.
    static func normalizeCitation(_ text: String) -> String {
        let lower = text.lowercased()
        var normalized = ""
        normalized.reserveCapacity(lower.utf8.count)
        var rest = lower.unicodeScalars[...]
        while let scalar = rest.first {
            if scalar == "a", rest.starts(with: "article".unicodeScalars) {
                normalized += "art"
                rest = rest.dropFirst(7)
                continue
            }
            rest = rest.dropFirst()
            if scalar == "§" || scalar.properties.isWhitespace { continue }
            normalized.unicodeScalars.append(scalar)
        }
        if normalized.hasPrefix("art.") { normalized = "art" + normalized.dropFirst(4) }
        return normalized
    }

    /// Every date at which some provision's binding status changes, ascending.
    public var statusBreakpoints: [LegalDate] {
        Set(provisionOrder.flatMap { effectiveStatus(ofProvision: $0).breakpoints }).sorted()
    }

    public var counts: (instruments: Int, provisions: Int, norms: Int, rules: Int, facts: Int, sets: Int) {
        (instruments.count, provisions.count, norms.count, rules.count, facts.count, sets.count)
    }
}

