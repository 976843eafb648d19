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
    /// Normalised article citation → the id prefix of its encoded paragraphs, where the article
    /// itself is not a provision.
    private var articlePrefixes: [String: String] = [:]

    public init(documents: [RulesDocument]) {
        var firstSeen: [String: SourceLocation] = [:]
        // `provision`: the provision a rule, norm or exception is in, named as the finding's subject.
        func claim(_ id: String, _ what: String, _ location: SourceLocation, in provision: String? = nil) -> Bool {
            let key = what + "\u{0}" + id
            if let previous = firstSeen[key] {
                buildDiagnostics.append(Diagnostic(.error, "duplicate \(what) id '\(id)' (first defined at \(previous))",
                                                   at: location, subject: provision ?? id))
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
                for rule in provision.countsAs where claim(rule.id, "rule", rule.location, in: provision.id) {
                    rules[rule.id] = rule
                    ruleOrder.append(rule.id)
                }
                for norm in provision.norms where claim(norm.id, "norm", norm.location, in: provision.id) {
                    norms.append(norm)
                }
                for exception in provision.norms.flatMap({ $0.exceptions + $0.otherReadings }) + provision.countsAs.flatMap({ $0.exceptions + $0.otherReadings }) {
                    _ = claim(exception.id, "exception", exception.location, in: provision.id)
                }
            }
        }
        for id in provisionOrder {
            let key = ClauseGraph.normalizeCitation(provisions[id]!.citation)
            if citationIndex[key] == nil { citationIndex[key] = id }
        }
        // An article whose paragraphs alone are encoded ("art92(3)" as eu.ai-act.art92.3) is
        // named by their common prefix (eu.ai-act.art92).
        for id in provisionOrder {
            let key = ClauseGraph.normalizeCitation(provisions[id]!.citation)
            guard key.hasPrefix("art"), let open = key.firstIndex(of: "(") else { continue }
            let article = String(key[..<open])
            // One id component per parenthesised level: "art92(1)(b)" is eu.ai-act.art92.1.b.
            let levels = key[open...].filter { $0 == "(" }.count
            let components = id.split(separator: ".", omittingEmptySubsequences: false)
            guard citationIndex[article] == nil, articlePrefixes[article] == nil, components.count > levels + 1 else { continue }
            articlePrefixes[article] = components.dropLast(levels).joined(separator: ".")
        }
    }

    /// The law on another reading than ecca's: the constitutive rule `rule` holds also where
    /// `condition` holds (`CountsAs.otherReadings`). What `mou verify` searches again, so that a
    /// proof resting on ecca's reading of a contested definition says what the other reading gives.
    /// The rule keeps its other readings, so that reports on the widened law still name them.
    public func widening(rule id: String, by condition: Condition) -> ClauseGraph {
        guard var rule = rules[id] else { return self }
        var widened = self
        rule.condition = .any([rule.condition, condition])
        widened.rules[id] = rule
        if var provision = provisions[rule.provisionID], let index = provision.countsAs.firstIndex(where: { $0.id == id }) {
            provision.countsAs[index] = rule
            widened.provisions[rule.provisionID] = provision
        }
        return widened
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
        let below = id + "."
        return provisionOrder.filter { $0 == id || $0.hasPrefix(below) }
    }

    /// How a reference to a provision reads against the law loaded.
    public enum ProvisionReading: Sendable, Hashable {
        /// A provision id, or an article-level prefix of encoded paragraphs.
        case provision(String)
        /// A provision of an act the law loaded does not hold ("Article 6 of Regulation (EU) 2016/679").
        case otherAct
        /// Nothing the law loaded names: a typo, or a paragraph it does not encode.
        case unknown
    }

    /// Resolves a provision id, or an official citation as a request might give it ("Art. 92(3)",
    /// "Article 92", "15 CFR 740.27", "740.27", "Article 92 of Regulation (EU) 2024/1689",
    /// "Art. 92(3) AI Act", "Article 92, paragraph 3"), to a provision id or an article-level
    /// prefix; nil for anything else (`reading(of:)` says which).
    public func resolveProvisionReference(_ reference: String) -> String? {
        if case .provision(let id) = reading(of: reference) { return id }
        return nil
    }

    /// What `reference` names. A point finer than the regulations encode ("Art. 92(3)(a)") reads as
    /// its encoded paragraph; a paragraph they do not encode ("Art. 92(7)", "Art. 91(2)") is not
    /// widened to its article, whose other paragraphs may impose what it does not.
    public func reading(of reference: String) -> ProvisionReading {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if provisions[trimmed] != nil { return .provision(trimmed) }
        var citation = Self.numberedSubdivisions(trimmed)
        var instrument: String?
        if let split = instrumentNamed(in: citation) {
            guard let named = split.instrument else { return .otherAct }
            (citation, instrument) = (split.citation, named)
        }
        var normalized = ClauseGraph.normalizeCitation(citation)
        var first = true
        while true {
            let candidates = [citationIndex[normalized], citationIndex["15cfr" + normalized],  // bare CFR section numbers
                              first ? articlePrefixes[normalized] : nil]  // "Article 92" where only its paragraphs are encoded
            if let match = candidates.lazy.compactMap({ $0 }).first(where: { instrument == nil || self.instrument(of: $0) == instrument }) {
                return .provision(match)
            }
            // Up one point, never above the paragraph: "art92(3)(a)" → "art92(3)", not "art92".
            guard normalized.hasSuffix(")"), let open = normalized.lastIndex(of: "("), normalized[..<open].contains("(") else { break }
            normalized = String(normalized[..<open])
            first = false
        }
        if instrument == nil, !provisions(within: trimmed).isEmpty { return .provision(trimmed) }
        return .unknown
    }

    /// "Article 92, paragraph 3, point (b)" as "Article 92(3)(b)".
    static func numberedSubdivisions(_ text: String) -> String {
        // Most references write no word out: no regular expression to build for them (a batch
        // reads a licence number per request).
        let lower = text.lowercased()
        guard lower.contains("paragraph") || lower.contains("point") else { return text }
        var result = text
        for (pattern, template) in [(#",?\s*\bparagraph\s+(\d+)"#, "($1)"), (#",?\s*\bpoint\s+\(?([a-z]+|\d+)\)?"#, "($1)")] {
            result = result.replacingOccurrences(of: pattern, with: template, options: [.regularExpression, .caseInsensitive])
        }
        return result
    }

    /// The instrument a provision id or article-level prefix belongs to.
    private func instrument(of id: String) -> String? {
        provisions[id]?.instrumentID ?? provisions(within: id).first.flatMap { provisions[$0]?.instrumentID }
    }

    /// A citation that names its act ("Art. 92 of Regulation (EU) 2024/1689", "Art. 92(3) of the AI
    /// Act", "Art. 92(3) AI Act"): the citation, and the loaded instrument the act's name is of (by
    /// the start of its title, or the short name its title gives in parentheses; nil: an act not
    /// loaded). Nil when the reference names no act. "as amended by …" is left out of the name.
    private func instrumentNamed(in reference: String) -> (citation: String, instrument: String?)? {
        func key(_ text: some StringProtocol) -> String {
            var key = ClauseGraph.normalizeCitation(String(text)).replacingOccurrences(of: "(eu)", with: "")
            if let amended = key.range(of: "asamended") { key = String(key[..<amended.lowerBound]) }
            if key.hasPrefix("the") { key = String(key.dropFirst(3)) }
            return key.trimmingCharacters(in: CharacterSet(charactersIn: ",;."))
        }
        // Most references name no act: no regular expression to build for them.
        let lower = reference.lowercased()
        guard lower.contains(" of ") || lower.hasSuffix(" act") else { return nil }
        let citation: Substring
        let act: String
        if let range = reference.range(of: " of ", options: .caseInsensitive) {
            (citation, act) = (reference[..<range.lowerBound], key(reference[range.upperBound...]))
        } else if let range = reference.range(of: #"\s+(the\s+)?(ai|artificial\s+intelligence)\s+act\s*$"#, options: [.regularExpression, .caseInsensitive]) {
            (citation, act) = (reference[..<range.lowerBound], key(reference[range.lowerBound...]))
        } else {
            return nil
        }
        let shortNames = ["aiact": "artificialintelligenceact"]
        let named = shortNames[act] ?? act
        guard ["regulation", "directive", "decision"].contains(where: named.hasPrefix) || shortNames.values.contains(named) else { return nil }
        let instrument = instrumentOrder.first { id in
            let title = key(instruments[id]?.title ?? "")
            return title.hasPrefix(named) || title.contains("(\(named))")
        }
        return (String(citation), instrument)
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

