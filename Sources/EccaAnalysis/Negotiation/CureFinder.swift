import ClauseGraph
import EccaFormats
import EccaSMT

/// Finds the cheapest changes to a request that remove its conflicts: minimal correction sets over
/// the negotiable parts of the request, found with Z3's optimizer (MaxSMT) and enumerated best
/// first without repeats (docs/negotiation.md).
///
/// Every negotiable part (channel, artefact, recipients' location and nationality, hosting
/// location, a licence, each exception the exporter could claim, timing) gets a literal "kept";
/// the request's own value holds under it; keeping costs nothing, changing costs the part's
/// price. The regulation base and "no obligation clashes with a prohibition" are hard. Each
/// optimum names a correction set; blocking its supersets gives the next.
struct CureFinder {
    let engine: ConflictEngine
    let costs: CureCosts
    /// `preferredLocations(in:)` of the engine's graph, read once.
    let preferredLocations: [String]

    init(engine: ConflictEngine, costs: CureCosts) {
        self.engine = engine
        self.costs = costs
        preferredLocations = Self.preferredLocations(in: engine.graph)
    }

    /// A negotiable part of one check.
    struct Dimension {
        var name: String
        var cost: Int
        var kept: SMTTerm
    }

    struct CorrectionSet {
        var changes: [Cure.Change]
        var cost: Int
        /// The parts changed (`channel`, `exception:<provision>`, …) with their costs.
        var parts: [String: Int] = [:]
        /// The model's values for the changed parts, to rewrite the request.
        var channel: String?
        var artifact: String?
        var location: String?
        var nationalityUS = false
        var hosting: String?
        var licence = false
        var claims: [String] = []
        var date: LegalDate?
    }

    /// Where to prefer a new recipient location, among equally cheap cures: an EU member state
    /// (where the AI Office's evaluators work) that a set the law tests the recipient's location
    /// against lists (Supp. No. 5 to Part 740, paragraph (a): License Exception AIA's
    /// destinations), read from the graph in the set's order.
    static func preferredLocations(in graph: ClauseGraph) -> [String] {
        let eu = Set(graph.sets["eu.member-states"]?.members ?? [])
        var preferred: [String] = []
        for tested in graph.setsTested(against: "recipient.location") {
            for member in tested.set.members where eu.contains(member) && !preferred.contains(member) { preferred.append(member) }
        }
        return preferred
    }

    /// The correction sets of one check, best first, until `limit` of them are kept.
    ///
    /// - Parameter keep: whether a set found is kept (the caller verifies it on the whole
    ///   request); a set not kept still blocks its supersets. At most four times `limit` sets are
    ///   tried.
    func correctionSets(_ prepared: ConflictEngine.PreparedSlot, request: DisclosureRequest, posture: Posture,
                        limit: Int, keep: (CorrectionSet) throws -> Bool = { _ in true }) throws -> [CorrectionSet] {
        let encoding = engine.encoding
        let context = encoding.context
        let optimizer = try SMTOptimizer(context: context)
        if let timeout = engine.options.timeoutMilliseconds, timeout > 0 { try optimizer.setTimeout(milliseconds: timeout) }
        for assertion in encoding.baseAssertions { try optimizer.assert(assertion) }
        try optimizer.assert(encoding.posture(posture))
        for track in encoding.tracks { try optimizer.assert(track.literal) }

        var dimensions: [String: Dimension] = [:]
        func dimension(_ name: String, _ cost: Int) throws -> SMTTerm {
            if let existing = dimensions[name] { return existing.kept }
            let kept = try context.bool("kept:\(name)")
            dimensions[name] = Dimension(name: name, cost: cost, kept: kept)
            try optimizer.assertSoft(kept, weight: UInt(cost) * Self.costUnit + Self.changeWeight, group: "cures")
            return kept
        }
        let snapshot = prepared.snapshot
        let item = request.items[prepared.slot.item]
        for (fact, value) in snapshot.values.sorted(by: { $0.key < $1.key }) {
            let constraints = try encoding.constraints(fact: fact, value: value)
            let name: String?
            switch fact {
            case "item.channel": name = "channel"
            case "item.artifact": name = "artifact"
            case "recipient.location": name = "recipientLocation"
            case "recipient.nationalities", "recipient.latest-citizenship", "recipient.government-body",
                 "recipient.us-permanent-resident": name = "recipientNationality"
            case "item.hosting-location": name = "hostingLocation"
            case "item.licence-held": name = "licence"
            case "as-of": name = "timing"
            case "item.claims": name = nil  // one part per claimable exception, below
            default: name = nil
            }
            if fact == "item.claims", case .set(let claimed) = value {
                // In element order, as `RegulationEncoding.assert` explains.
                for (element, literal) in encoding.memberLiterals(of: fact) {
                    if claimed.contains(element) {
                        try optimizer.assert(literal)
                    } else {
                        let kept = try dimension("exception:\(element)", costs.exception)
                        try optimizer.assert(context.implies(kept, context.not(literal)))
                    }
                }
                continue
            }
            guard let name else {
                for constraint in constraints { try optimizer.assert(constraint) }
                continue
            }
            let cost: Int = switch name {
            case "channel": costs.channel
            case "artifact": costs.artifact
            case "recipientLocation": costs.recipientLocation
            case "recipientNationality": costs.recipientNationality
            case "hostingLocation": costs.hostingLocation
            case "licence": costs.licence
            default: costs.timing
            }
            let kept = try dimension(name, cost)
            if !constraints.isEmpty { try optimizer.assert(context.implies(kept, context.and(constraints))) }
        }
        // A part changes to a value the law names, never to the encoding's stand-in for the others.
        for fact in Self.valuedFacts.values.sorted() {
            if let term = encoding.scalars[fact], let sort = encoding.scalarSorts[fact], sort.valueNames.contains(RegulationEncoding.otherValue) {
                try optimizer.assert(context.not(context.eq(term, sort.value(RegulationEncoding.otherValue))))
            }
        }
        // What each part becomes when it changes.
        if let kept = dimensions["recipientNationality"]?.kept {
            var usPerson = try encoding.constraints(fact: "recipient.latest-citizenship", value: .scalar("US"))
            usPerson += try encoding.constraints(fact: "recipient.government-body", value: .boolean(false))
            if let us = encoding.members["recipient.nationalities"]?["US"] { usPerson.append(us) }
            try optimizer.assert(context.implies(context.not(kept), context.and(usPerson)))
        }
        if let kept = dimensions["licence"]?.kept, let held = encoding.booleans["item.licence-held"] {
            try optimizer.assert(context.implies(context.not(kept), held))
        }
        if let kept = dimensions["timing"]?.kept, let asOf = encoding.dates["as-of"], case .date(let today) = snapshot["as-of"] {
            try optimizer.assert(context.implies(context.not(kept), context.gt(asOf, context.int(value: today.dayNumber))))
        }
        // Tie-breaks between equally cheap cures, below the count of changes (`changeWeight`):
        // an accepted alternative channel, API access, an EU Tier-1 location. The channel is one
        // value, so at most one alternative is met: together they move a cure by at most
        // 4 + 1 + 2 + 1 + 1. An accepted alternative outweighs every other channel preference
        // together (API access 1, not publishing 2), so it is strictly preferred: the requester
        // has already agreed to it.
        if let channel = encoding.scalars["item.channel"], let sort = encoding.scalarSorts["item.channel"] {
            for alternative in item.alternatives ?? [] where sort.valueNames.contains(alternative) {
                try optimizer.assertSoft(context.eq(channel, sort.value(alternative)), weight: 4, group: "cures")
            }
            // Among other channels: API access first; publishing the artefact is the last resort.
            if sort.valueNames.contains("remote-api") {
                try optimizer.assertSoft(context.eq(channel, sort.value("remote-api")), weight: 1, group: "cures")
            }
            if sort.valueNames.contains("publication"), item.channel != "publication" {
                try optimizer.assertSoft(context.not(context.eq(channel, sort.value("publication"))), weight: 2, group: "cures")
            }
        }
        if let artifact = encoding.scalars["item.artifact"], let sort = encoding.scalarSorts["item.artifact"],
           sort.valueNames.contains("api-access") {
            try optimizer.assertSoft(context.eq(artifact, sort.value("api-access")), weight: 1, group: "cures")
        }
        let preferred = preferredLocations
        if let location = encoding.scalars["recipient.location"], let sort = encoding.scalarSorts["recipient.location"], !preferred.isEmpty {
            try optimizer.assertSoft(context.or(preferred.map { try context.eq(location, sort.value($0)) }), weight: 1, group: "cures")
        }

        var found: [CorrectionSet] = []
        var tried = 0
        while found.count < limit && tried < limit * 4 {
            guard try optimizer.check() == .sat else { break }
            let model = try optimizer.model()
            var set = CorrectionSet(changes: [], cost: 0)
            var changed: [SMTTerm] = []
            for name in dimensions.keys.sorted() {
                let part = dimensions[name]!
                guard try model.evalBool(part.kept) == false else { continue }
                changed.append(part.kept)
                set.cost += part.cost
                set.parts[name] = part.cost
                set.changes.append(try describe(name, model: model, snapshot: snapshot, into: &set))
            }
            guard !changed.isEmpty else { break }  // consistent without any change: nothing to cure
            tried += 1
            if try keep(set) {
                found.append(set)
                // The next correction set may not contain this one.
                try optimizer.assert(context.or(changed))
            } else {
                // Not this combination of values; another value of the same parts may do (API
                // access refused for a model a letter covers, technical documentation not).
                var differs: [SMTTerm] = []
                for name in dimensions.keys.sorted() where try model.evalBool(dimensions[name]!.kept) == false {
                    let kept = dimensions[name]!.kept
                    if let fact = Self.valuedFacts[name], let term = encoding.scalars[fact] {
                        differs.append(try context.or([kept, context.not(context.eq(term, model.evaluate(term)))]))
                    } else {
                        differs.append(kept)
                    }
                }
                try optimizer.assert(context.or(differs))
            }
        }
        return found
    }

    /// What one unit of cost weighs for the optimizer, and what each change weighs on top: with
    /// costs of 0 a cure with fewer changes still comes first (a licence alone before API access
    /// plus a licence), and the tie-breaks (at most 9) never outweigh a change. A cost unit
    /// outweighs every change and tie-break together (at most 12 parts × 32 + 9).
    static let costUnit: UInt = 1000
    static let changeWeight: UInt = 32

    /// The parts that change to a value of their own (any other value of the part is another cure),
    /// and the fact each sets.
    static let valuedFacts = ["channel": "item.channel", "artifact": "item.artifact",
                              "recipientLocation": "recipient.location", "hostingLocation": "item.hosting-location"]

    /// `first` followed by `then`, found on the request `first` cured: `then` changes what
    /// `first` left, or changes again what `first` changed (its last value counts; the change
    /// still starts from the request's own value and is paid once).
    static func merged(_ first: CorrectionSet, then: CorrectionSet) -> CorrectionSet {
        var merged = first
        for change in then.changes {
            if let index = merged.changes.firstIndex(where: { $0.dimension == change.dimension && ($0.dimension != "exception" || $0.to == change.to) }) {
                merged.changes[index].to = change.to
            } else {
                merged.changes.append(change)
            }
        }
        for (part, cost) in then.parts where merged.parts[part] == nil { merged.parts[part] = cost }
        merged.cost = merged.parts.values.reduce(0, +)
        merged.channel = then.channel ?? first.channel
        merged.artifact = then.artifact ?? first.artifact
        merged.location = then.location ?? first.location
        merged.nationalityUS = first.nationalityUS || then.nationalityUS
        merged.hosting = then.hosting ?? first.hosting
        merged.licence = first.licence || then.licence
        merged.claims = first.claims + then.claims.filter { !first.claims.contains($0) }
        merged.date = then.date ?? first.date
        merged.changes.sort { $0.dimension < $1.dimension }
        return merged
    }

    private func describe(_ name: String, model: SMTModel, snapshot: FactSnapshot, into set: inout CorrectionSet) throws -> Cure.Change {
        let encoding = engine.encoding
        func enumValue(_ fact: String) throws -> String? {
            guard let term = encoding.scalars[fact], let sort = encoding.scalarSorts[fact] else { return nil }
            return try model.evalEnum(term, sort: sort)
        }
        let renderer = AtomRenderer(graph: engine.graph)
        func current(_ fact: String) -> String { renderer.value(snapshot[fact], unit: nil) }
        switch name {
        case "channel":
            set.channel = try enumValue("item.channel")
            return .init(dimension: name, from: current("item.channel"), to: set.channel ?? "?")
        case "artifact":
            set.artifact = try enumValue("item.artifact")
            return .init(dimension: name, from: current("item.artifact"), to: set.artifact ?? "?")
        case "recipientLocation":
            set.location = try enumValue("recipient.location")
            return .init(dimension: name, from: current("recipient.location"), to: set.location ?? "?")
        case "recipientNationality":
            set.nationalityUS = true
            return .init(dimension: name, from: current("recipient.nationalities"), to: "US persons")
        case "hostingLocation":
            set.hosting = try enumValue("item.hosting-location")
            return .init(dimension: name, from: current("item.hosting-location"), to: set.hosting ?? "?")
        case "licence":
            set.licence = true
            return .init(dimension: name, from: "no licence", to: "a BIS licence for this disclosure")
        case "timing":
            if let term = encoding.dates["as-of"], let day = try model.evalInt(term) { set.date = LegalDate(dayNumber: day) }
            return .init(dimension: name, from: current("as-of"), to: set.date?.iso ?? "later")
        default:
            let provision = String(name.dropFirst("exception:".count))
            set.claims.append(provision)
            let citation = engine.graph.provisions[provision]?.citation ?? provision
            return .init(dimension: "exception", from: "not claimed", to: "\(citation) established and claimed (only where its conditions are met)")
        }
    }
}
