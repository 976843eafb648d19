import ClauseGraph
import EccaFormats
import EccaSMT

/// Finds the cheapest changes to a request that remove its conflicts: minimal correction sets over
/// the negotiable parts of the request, found with Z3's optimizer (MaxSMT) and enumerated best
/// first without repeats (docs/negotiation.md).
///
/// Every negotiable part (channel, artefact, recipients' location, nationality and organisation,
/// hosting location, a licence, each exception the exporter could claim, timing) gets a literal
/// "kept"; the request's own value holds under it; keeping costs nothing, changing costs the part's
/// price. The regulation base and "no obligation clashes with a prohibition" are hard. Each
/// optimum names a correction set; blocking its supersets gives the next.
struct CureFinder {
    let engine: ConflictEngine
    let costs: CureCosts
    /// `preferredLocations(in:)` of the engine's graph, read once.
    let preferredLocations: [String]
    /// The same for a new hosting location, against the sets the law tests it against.
    let preferredHosting: [String]
    /// The graph's `claimBars`, read once.
    let claimBars: [ClaimBar]

    init(engine: ConflictEngine, costs: CureCosts) {
        self.engine = engine
        self.costs = costs
        preferredLocations = Self.preferredLocations(in: engine.graph)
        preferredHosting = Self.preferredLocations(in: engine.graph, of: "item.hosting-location")
        claimBars = engine.graph.claimBars
    }

    /// A negotiable part of a request, but an exception (each claimable exception is a part of
    /// its own, `exception:<provision>`): the facts it sets, its cost and where a change of it starts.
    enum Part: String, CaseIterable {
        case channel, artifact, recipientLocation, recipientNationality, recipientOrganisation, hostingLocation, licence, timing

        /// The facts the part sets (a clause cites what relies on them); a change of it starts from
        /// the first.
        var facts: [String] {
            switch self {
            case .channel: ["item.channel"]
            case .artifact: ["item.artifact"]
            case .recipientLocation: ["recipient.location"]
            // Persons of a nationality rather than a body: a company given by where it is
            // incorporated becomes the persons who receive the access.
            case .recipientNationality: ["recipient.nationalities", "recipient.latest-citizenship", "recipient.government-body",
                                         "recipient.us-permanent-resident", "recipient.incorporated-in-given", "recipient.incorporated-in"]
            // Where the organisation has its headquarters goes with it.
            case .recipientOrganisation: ["recipient.organisation", "recipient.headquarters"]
            // A hosting location the cure gives is given: an on-site inspection then takes place
            // there rather than where the recipient is (facts.xml, `item.hosting-location-given`).
            case .hostingLocation: ["item.hosting-location", FactBinding.FactID.hostingLocationGiven]
            case .licence: ["item.licence-held"]
            case .timing: ["as-of"]
            }
        }

        /// The part that sets a fact.
        init?(fact: String) {
            guard let part = Self.allCases.first(where: { $0.facts.contains(fact) }) else { return nil }
            self = part
        }

        /// For a part that changes to a value of its own (any other value of it is another cure),
        /// the fact that takes it.
        var valuedFact: String? {
            switch self {
            case .channel, .artifact, .recipientLocation, .recipientOrganisation, .hostingLocation: facts[0]
            case .recipientNationality, .licence, .timing: nil
            }
        }

        /// What changing it costs (the cost file's key is the part's name).
        func cost(in costs: CureCosts) -> Int { costs[keyPath: CureCosts.field(rawValue)!] }
    }

    /// A negotiable part of one check.
    struct Dimension {
        var cost: Int
        var kept: SMTTerm
    }

    struct CorrectionSet {
        var changes: [Cure.Change]
        /// The parts changed (`channel`, `exception:<provision>`, …) with their costs.
        var parts: [String: Int] = [:]
        /// The model's values for the changed parts, to rewrite the request.
        var channel: String?
        var artifact: String?
        var location: String?
        var nationalityUS = false
        /// The organisation every recipient then belongs to (one a letter's Annex A lists).
        var organisation: String?
        var hosting: String?
        var licence = false
        var claims: [String] = []
        var date: LegalDate?
        /// The claims the changes bar (`ClaimBar`); each is a part of its own, `bar:<exception>`,
        /// priced as the claim.
        var bars: [ClaimBar] = []
        /// The presumptions of denial the licence obtained would be reviewed under; each is a part
        /// of its own, `denial:<provision>`, priced `licenceUnderPresumptionOfDenial`.
        var presumedDenials: [Cure.PresumedDenial] = []

        var cost: Int { parts.values.reduce(0, +) }

        /// The value a part with a value of its own (`Part.valuedFact`) changes to.
        subscript(value part: Part) -> String? {
            get {
                switch part {
                case .channel: channel
                case .artifact: artifact
                case .recipientLocation: location
                case .recipientOrganisation: organisation
                case .hostingLocation: hosting
                case .recipientNationality, .licence, .timing: nil
                }
            }
            set {
                switch part {
                case .channel: channel = newValue
                case .artifact: artifact = newValue
                case .recipientLocation: location = newValue
                case .recipientOrganisation: organisation = newValue
                case .hostingLocation: hosting = newValue
                case .recipientNationality, .licence, .timing: break
                }
            }
        }
    }

    /// Where to prefer a new recipient location, among equally cheap cures: an EU member state
    /// (where the AI Office's evaluators work) that a set the law tests the recipient's location
    /// against lists (Supp. No. 5 to Part 740, paragraph (a): License Exception AIA's
    /// destinations), read from the graph in the set's order.
    static func preferredLocations(in graph: ClauseGraph, of fact: String = "recipient.location") -> [String] {
        let eu = Set(graph.sets["eu.member-states"]?.members ?? [])
        var preferred: [String] = []
        for tested in graph.setsTested(against: fact) {
            for member in tested.set.members where eu.contains(member) && !preferred.contains(member) { preferred.append(member) }
        }
        return preferred
    }

    /// The correction sets of one check, best first, until `limit` of them are kept and no set
    /// still to be found could cost less than the `limit` cheapest of them.
    ///
    /// - Parameter slots: the item's checks (`ConflictEngine.itemSlots`), one per recipient, of
    ///   which `prepared` is one: a change of every recipient starts from each of their values.
    /// - Parameter keep: whether a set found is kept (the caller verifies it on the whole
    ///   request), as what the caller adds to its cost (a contested reading the cure rests on,
    ///   known only once it is verified), or nil; a set not kept still blocks its supersets. Sets
    ///   are found in order of their own cost, so a set that costs more once kept may be passed by
    ///   a later one: the search goes on until `limit` kept sets cost no more than the next. At
    ///   most four times `limit` sets are tried.
    func correctionSets(_ prepared: ConflictEngine.PreparedSlot, among slots: [ConflictEngine.PreparedSlot], request: DisclosureRequest, posture: Posture,
                        limit: Int, keep: (CorrectionSet) throws -> Int? = { _ in 0 }) throws -> [CorrectionSet] {
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
            dimensions[name] = Dimension(cost: cost, kept: kept)
            try optimizer.assertSoft(kept, weight: UInt(cost) * Self.costUnit + Self.changeWeight, group: "cures")
            return kept
        }
        let snapshot = prepared.snapshot
        let item = request.items[prepared.slot.item]
        // Only an evaluation may be done by others than the Commission's own staff: it appoints
        // independent experts under Art. 92(2). Information and documentation under Art. 91 are
        // supplied to the Commission itself, so who receives them is not the provider's to offer.
        let evaluation = MoUWording(graph: engine.graph).basis(of: request)?.isEvaluation == true
        for (fact, value) in snapshot.values.sorted(by: { $0.key < $1.key }) {
            let constraints = try encoding.constraints(fact: fact, value: value)
            // One part per claimable exception.
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
            guard let part = Part(fact: fact), part != .recipientOrganisation || evaluation else {
                for constraint in constraints { try optimizer.assert(constraint) }
                continue
            }
            let kept = try dimension(part.rawValue, part.cost(in: costs))
            if !constraints.isEmpty { try optimizer.assert(context.implies(kept, context.and(constraints))) }
        }
        // A part that changes takes a value the law names, never the encoding's stand-in for the
        // others (the request's own value may be one of those: the AI Office is named by no law).
        // The recipients never become the provider's own staff: they receive for the requester.
        for part in Part.allCases where part.valuedFact != nil {
            guard let kept = dimensions[part.rawValue]?.kept, let fact = part.valuedFact, let term = encoding.scalars[fact],
                  let sort = encoding.scalarSorts[fact] else { continue }
            var excluded = [RegulationEncoding.otherValue]
            if part == .recipientOrganisation, let provider = request.provider?.name { excluded.append(provider) }
            for value in excluded where sort.valueNames.contains(value) {
                try optimizer.assert(context.implies(context.not(kept), context.not(context.eq(term, sort.value(value)))))
            }
        }
        // What each part becomes when it changes.
        if let kept = dimensions[Part.recipientNationality.rawValue]?.kept {
            var usPerson = try encoding.constraints(fact: "recipient.latest-citizenship", value: .scalar("US"))
            usPerson += try encoding.constraints(fact: "recipient.government-body", value: .boolean(false))
            usPerson += try encoding.constraints(fact: "recipient.incorporated-in-given", value: .boolean(false))
            if let us = encoding.members["recipient.nationalities"]?["US"] { usPerson.append(us) }
            try optimizer.assert(context.implies(context.not(kept), context.and(usPerson)))
        }
        if let kept = dimensions[Part.hostingLocation.rawValue]?.kept, let given = encoding.booleans[FactBinding.FactID.hostingLocationGiven] {
            try optimizer.assert(context.implies(context.not(kept), given))
        }
        if let kept = dimensions[Part.licence.rawValue]?.kept, let held = encoding.booleans["item.licence-held"] {
            try optimizer.assert(context.implies(context.not(kept), held))
        }
        if let kept = dimensions[Part.timing.rawValue]?.kept, let asOf = encoding.dates["as-of"], case .date(let today) = snapshot["as-of"] {
            try optimizer.assert(context.implies(context.not(kept), context.gt(asOf, context.int(value: today.dayNumber))))
        }
        // Tie-breaks between equally cheap cures, below the count of changes (`changeWeight`):
        // an accepted alternative channel, API access, the technical documentation as artefact, an
        // EU Tier-1 location and hosting location (the recipient's own country first, for each),
        // and an organisation (below). The channel and the artefact are one value each, so at most
        // one alternative and one artefact preference are met: together they move a cure by at most
        // 4 + 1 + 2 + 2 + 1 + 1 + 1 + 1 + 1. An accepted alternative outweighs every other channel preference
        // together (API access 1, not publishing 2), so it is strictly preferred: the requester
        // has already agreed to it.
        if let channel = encoding.scalars["item.channel"], let sort = encoding.scalarSorts["item.channel"] {
            for alternative in item.alternatives ?? [] where sort.valueNames.contains(alternative) {
                try optimizer.assertSoft(context.eq(channel, sort.value(alternative)), weight: 4, group: "cures")
            }
            // Among other channels: API access first; publishing the artefact is the last resort,
            // and no cure at all unless the requester accepts it as an alternative: it gives the
            // model, its code or its documentation to everyone, ending the confidentiality the
            // request is made under (Art. 78), and no duty to supply the Commission asks for it, so
            // it would cure every conflict by giving up what the negotiation protects (QA s27:
            // "publish the source code" came first once Arts 91(5) and 92(5) no longer obliged a
            // publication).
            if sort.valueNames.contains("remote-api") {
                try optimizer.assertSoft(context.eq(channel, sort.value("remote-api")), weight: 1, group: "cures")
            }
            if sort.valueNames.contains("publication"), item.channel != "publication" {
                let notPublished = try context.not(context.eq(channel, sort.value("publication")))
                if item.alternatives?.contains("publication") == true {
                    try optimizer.assertSoft(notPublished, weight: 2, group: "cures")
                } else {
                    try optimizer.assert(notPublished)
                }
            }
        }
        // Among other artefacts: API access first, then the technical documentation, the substitute
        // the fact sheet names ("documentation instead of source code or weights", FACTS X-2),
        // before other documents (the public training-content summary answered a request for
        // source code as often as the documentation did).
        if let artifact = encoding.scalars["item.artifact"], let sort = encoding.scalarSorts["item.artifact"] {
            if sort.valueNames.contains("api-access") {
                try optimizer.assertSoft(context.eq(artifact, sort.value("api-access")), weight: 2, group: "cures")
            }
            if sort.valueNames.contains("technical-documentation") {
                try optimizer.assertSoft(context.eq(artifact, sort.value("technical-documentation")), weight: 1, group: "cures")
            }
        }
        let preferred = preferredLocations
        if let location = encoding.scalars["recipient.location"], let sort = encoding.scalarSorts["recipient.location"], !preferred.isEmpty {
            try optimizer.assertSoft(context.or(preferred.map { try context.eq(location, sort.value($0)) }), weight: 1, group: "cures")
            // Among those, where a recipient is moved, their own country, as for hosting below, else
            // their organisation's seat: a French official in Warsaw moves to France, a Polish one
            // to Brussels, not to whichever such state the solver meets first.
            let home = ["recipient.latest-citizenship", "recipient.headquarters"].lazy.compactMap { fact -> String? in
                if case .scalar(let country) = snapshot[fact], preferred.contains(country) { return country }
                return nil
            }.first
            if let kept = dimensions[Part.recipientLocation.rawValue]?.kept, let home {
                try optimizer.assertSoft(context.or([kept, context.eq(location, sort.value(home))]), weight: 1, group: "cures")
            }
        }
        // A new hosting location, like a new recipient location, in such a state: an on-site
        // inspection there is one the AI Office's evaluators can attend. Only a change is steered;
        // a hosting location kept (or left open) weighs nothing.
        if let kept = dimensions[Part.hostingLocation.rawValue]?.kept, let hosting = encoding.scalars["item.hosting-location"],
           let sort = encoding.scalarSorts["item.hosting-location"], !preferredHosting.isEmpty {
            let inPreferred = try context.or(preferredHosting.map { try context.eq(hosting, sort.value($0)) })
            try optimizer.assertSoft(context.or([kept, inPreferred]), weight: 1, group: "cures")
            // Among those, the recipient's own country (of latest citizenship): a French official
            // based in Warsaw inspects weights hosted in France, not in whichever such state the
            // solver meets first, so that equally cheap cures come out the same way every time.
            if case .scalar(let citizenship) = snapshot["recipient.latest-citizenship"], preferredHosting.contains(citizenship) {
                try optimizer.assertSoft(context.or([kept, context.eq(hosting, sort.value(citizenship))]), weight: 1, group: "cures")
            }
        }
        // A new organisation (one a letter's Annex A lists), the first by name among those the
        // law names, so that equally cheap partners come out the same way every time.
        if let kept = dimensions[Part.recipientOrganisation.rawValue]?.kept, let term = encoding.scalars["recipient.organisation"],
           let sort = encoding.scalarSorts["recipient.organisation"],
           let first = sort.valueNames.filter({ $0 != RegulationEncoding.otherValue && $0 != request.provider?.name }).sorted().first {
            try optimizer.assertSoft(context.or([kept, context.eq(term, sort.value(first))]), weight: 1, group: "cures")
        }
        // A change that makes a rule hold that bars a claim open to the request (hosted in the
        // United States, the weights can no longer be claimed as not subject to the EAR) costs what
        // the claim costs, beside its own price: it gives up the position the claim would establish.
        let barring = openBars(snapshot).compactMap { bar in
            encoding.ruleTerms[bar.rule].map { (bar: bar, holds: $0) }
        }
        for (_, holds) in barring where costs.exception > 0 {
            try optimizer.assertSoft(context.not(holds), weight: UInt(costs.exception) * Self.costUnit, group: "cures")
        }
        // A licence reviewed under a presumption of denial costs more, where it is the licence the
        // cure obtains (`denialTerms` says what the destination is).
        let denials = try dimensions[Part.licence.rawValue].map { try denialTerms(licenceKept: $0.kept) } ?? []
        for denial in denials where costs.licenceUnderPresumptionOfDenial > 0 {
            try optimizer.assertSoft(context.not(denial.denied), weight: UInt(costs.licenceUnderPresumptionOfDenial) * Self.costUnit, group: "cures")
        }

        // Where a change starts: the item's value, or each of its recipients' values.
        let recipients = slots.map(\.snapshot)
        func starting(_ part: Part) -> String {
            var values: [String] = []
            for facts in recipients {
                // A hosting location the request does not give is not an unknown one: an on-site
                // inspection then takes place where the recipient is.
                let notGiven = part == .hostingLocation && facts[FactBinding.FactID.hostingLocationGiven] == .boolean(false)
                let value = notGiven ? "not given" : engine.renderer.value(facts[part.facts[0]], unit: nil)
                if !values.contains(value) { values.append(value) }
            }
            // Nationality lists and organisation names hold commas of their own.
            return values.joined(separator: [.recipientNationality, .recipientOrganisation].contains(part) ? "; " : ", ")
        }

        var found: [CorrectionSet] = []
        /// What each set found costs once kept, cheapest first.
        var keptCosts: [Int] = []
        var surcharged = false
        var tried = 0
        // Without a surcharge the next set can pass none of the first `limit`: no need to find it.
        while (found.count < limit || surcharged) && tried < limit * 4 {
            guard try optimizer.check() == .sat else { break }
            let model = try optimizer.model()
            var set = CorrectionSet(changes: [])
            var changed: [SMTTerm] = []
            for name in dimensions.keys.sorted() {
                let part = dimensions[name]!
                guard try model.evalBool(part.kept) == false else { continue }
                changed.append(part.kept)
                set.parts[name] = part.cost
                set.changes.append(try describe(name, model: model, from: starting, into: &set))
            }
            guard !changed.isEmpty else { break }  // consistent without any change: nothing to cure
            for (bar, holds) in barring where try model.evalBool(holds) == true {
                set.bars.append(bar)
                set.parts["bar:\(bar.exception.id)"] = costs.exception
            }
            for denial in denials where try model.evalBool(denial.denied) == true {
                record(denial.review, destinations: deniedDestinations(denial.review, facts: snapshot, set: set), in: &set)
            }
            // Every set still to be found costs at least this one's own cost.
            if keptCosts.count >= limit, keptCosts[limit - 1] <= set.cost { break }
            tried += 1
            if let added = try keep(set) {
                found.append(set)
                keptCosts.insert(set.cost + added, at: keptCosts.firstIndex { $0 > set.cost + added } ?? keptCosts.count)
                surcharged = surcharged || added > 0
                // The next correction set may not contain this one.
                try optimizer.assert(context.or(changed))
            } else {
                // Not this combination of values; another value of the same parts may do (API
                // access refused for a model a letter covers, technical documentation not).
                var differs: [SMTTerm] = []
                for name in dimensions.keys.sorted() where try model.evalBool(dimensions[name]!.kept) == false {
                    let kept = dimensions[name]!.kept
                    if let fact = Part(rawValue: name)?.valuedFact, let term = encoding.scalars[fact] {
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
    /// plus a licence), and the tie-breaks (at most 13) never outweigh a change. A cost unit
    /// outweighs every change and tie-break together (at most 12 parts × 32 + 13).
    static let costUnit: UInt = 1000
    static let changeWeight: UInt = 32

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
        for part in Part.allCases where part.valuedFact != nil { merged[value: part] = then[value: part] ?? first[value: part] }
        merged.nationalityUS = first.nationalityUS || then.nationalityUS
        merged.licence = first.licence || then.licence
        merged.claims = first.claims + then.claims.filter { !first.claims.contains($0) }
        merged.date = then.date ?? first.date
        merged.bars = first.bars + then.bars.filter { !first.bars.contains($0) }
        merged.presumedDenials = first.presumedDenials + then.presumedDenials.filter { denial in
            !first.presumedDenials.contains { $0.provision == denial.provision }
        }
        merged.changes.sort { $0.dimension < $1.dimension }
        return merged
    }

    /// The claim bars open to a check: the request could claim the exception (its condition, with
    /// the claim made, is not false on the request's facts), and the rule that bars it does not
    /// hold yet. A rule that already holds bars nothing a change could give up.
    func openBars(_ snapshot: FactSnapshot) -> [ClaimBar] {
        claimBars.filter { bar in
            var claimed = snapshot
            if case .set(let made) = snapshot["item.claims"] {
                claimed.values["item.claims"] = .set(made.union(bar.claims))
            } else {
                claimed.values["item.claims"] = .set(Set(bar.claims))
            }
            let evaluator = ConditionEvaluator(graph: engine.graph, facts: claimed)
            return evaluator.holds(rule: bar.rule) != .true && evaluator.evaluate(bar.exception.condition) != .false
        }
    }

    /// A changed part as a change, from the request's value (`from`) to the model's, which `set`
    /// takes to rewrite the request.
    private func describe(_ name: String, model: SMTModel, from: (Part) -> String, into set: inout CorrectionSet) throws -> Cure.Change {
        guard let part = Part(rawValue: name) else {
            let provision = String(name.dropFirst("exception:".count))
            set.claims.append(provision)
            return .init(dimension: "exception", from: "not claimed", to: "\(engine.graph.inlineCitation(of: provision)) established and claimed (only where its conditions are met)")
        }
        let encoding = engine.encoding
        switch part {
        case .recipientNationality:
            set.nationalityUS = true
            return .init(dimension: name, from: from(part), to: "US persons")
        case .licence:
            set.licence = true
            return .init(dimension: name, from: "no licence", to: "a BIS licence for this disclosure")
        case .timing:
            if let term = encoding.dates["as-of"], let day = try model.evalInt(term) { set.date = LegalDate(dayNumber: day) }
            return .init(dimension: name, from: from(part), to: set.date?.iso ?? "later")
        case .channel, .artifact, .recipientLocation, .recipientOrganisation, .hostingLocation:
            let fact = part.facts[0]
            if let term = encoding.scalars[fact], let sort = encoding.scalarSorts[fact] { set[value: part] = try model.evalEnum(term, sort: sort) }
            return .init(dimension: name, from: from(part), to: set[value: part] ?? "?")
        }
    }
}
