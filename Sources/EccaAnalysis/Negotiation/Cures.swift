import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// The cheapest changes that remove each conflicting item's conflict, best first, with the
    /// verdict after each cure under every posture, the provisions it relies on and MoU wording.
    ///
    /// A cure is listed only if it holds for the whole item: the cured request is analysed again,
    /// and the item must be clear under every posture with no binding prohibition that forbids,
    /// or may forbid, the disclosure (an MoU clause commits the provider to it, so "nothing
    /// obliges it any more" is no cure). Correction sets are found for each conflicting
    /// recipient; one that leaves another recipient in conflict is extended by that recipient's
    /// cheapest correction set on the cured request.
    public func cures(for request: DisclosureRequest, costs: CureCosts = CureCosts(), top: Int = 5,
                      today: LegalDate? = nil) throws(AnalysisError) -> CureReport {
        let today = today ?? options.today
        let analysis = try analyze(request, today: today)
        let asOf = analysis.asOf
        var found: [(cure: Cure, order: Int)] = []
        // The letters the analysis applies though the request does not list them: the fact reader
        // applies them to the search and the verification too.
        var notes: [String] = facts.addressed.review(request).notes
        var uncured: [Int] = []
        var undetermined: [Int] = []
        /// The caveats the deciding conditions of undetermined items rest on.
        var undeterminedReadings: [String] = []
        let finder = CureFinder(engine: self, costs: costs)
        // A clear item whose channel a binding US prohibition forbids, though nothing obliges it:
        // nothing to cure, but nothing to offer either (an MoU committing the provider to it is
        // FORBIDDEN); "nothing to cure" alone let a negotiator offer it.
        for item in analysis.items where item.verdict == .clear {
            var forbidding: [String] = []
            var postures: [String] = []
            var alternatives: [String] = []
            for posture in options.postures {
                guard let channels = item.postures[posture.rawValue]?.channels, let asked = channels.first,
                      let forbiddenBy = asked.forbiddenBy, !forbiddenBy.isEmpty else { continue }
                postures.append(posture.rawValue)
                forbidding += forbiddenBy.filter { !forbidding.contains($0) }
                // An accepted alternative that complies and nothing forbids is what to offer instead.
                alternatives += channels.dropFirst().filter { $0.outcome == .compliant && $0.forbiddenBy == nil && !alternatives.contains($0.channel) }.map(\.channel)
            }
            guard !forbidding.isEmpty else { continue }
            let names = forbidding.map(graph.inlineCitation(of:))
            let list = ProseList.joined(names)
            // Named where not every posture analysed forbids it (the enforcement posture may not).
            let under = postures.count == options.postures.count ? "" : " under the \(postures.joined(separator: " and ")) posture"
            let instead = alternatives.isEmpty ? "" : "; the accepted alternative \(alternatives.map { "'\($0)'" }.joined(separator: ", ")) complies and nothing forbids it"
            notes.append("item \(item.index): clear, since nothing obliges the disclosure, but\(under) \(list) \(names.count == 1 ? "forbids" : "forbid") it: "
                         + "do not offer it; terms that commit the provider to it commit it to what US law forbids (`ecca mou verify` calls them FORBIDDEN)" + instead)
        }
        do {
            for item in analysis.items where item.verdict != .clear {
                let requestItem = request.items[item.index]
                let slots = itemSlots(request, item: item.index, asOf: asOf)
                // The first posture under which the channel asked for conflicts for some recipient,
                // and those recipients, each once per distinct set of facts. An avoidable item whose
                // channel only may conflict (its accepted alternative complies) has none: like an
                // undetermined item, it has nothing to cure until its deciding facts are known.
                var chosen: Posture?
                var conflicting: [PreparedSlot] = []
                for candidate in options.postures {
                    let verdict = item.postures[candidate.rawValue]?.verdict
                    guard verdict == .conflict || verdict == .avoidable else { continue }
                    for slot in slots where try checkOutcome(slot, posture: candidate, asOf: asOf) == .conflicting {
                        if !conflicting.contains(where: { $0.snapshot == slot.snapshot }) { conflicting.append(slot) }
                    }
                    if !conflicting.isEmpty {
                        chosen = candidate
                        break
                    }
                }
                guard let posture = chosen else {
                    // In posture order, each once: postures often share their deciding conditions.
                    // The readings they rest on are given with the cures' caveats.
                    var deciding: [String] = []
                    var readings: [String] = []
                    var alternatives: [String] = []
                    for posture in options.postures {
                        guard let detail = item.postures[posture.rawValue] else { continue }
                        for (index, condition) in detail.decidingConditions.enumerated() where !deciding.contains(condition) {
                            deciding.append(condition)
                            readings += detail.caveats(ofDecidingCondition: index).filter { !readings.contains($0) }
                        }
                        alternatives += detail.compliantAlternatives.filter { !alternatives.contains($0) }
                    }
                    let readingsNote = readings.isEmpty ? "" : "; the readings they rest on are given with the caveats"
                    if item.verdict == .avoidable {
                        let named = alternatives.map { "'\($0)'" }
                        let complies = named.count == 1 ? "the accepted alternative channel \(named[0]) complies"
                            : "the accepted alternative channels \(ProseList.joined(named)) comply"
                        notes.append("item \(item.index): avoidable; \(complies), and whether the channel asked for ('\(requestItem.channel)') conflicts "
                                     + "depends on facts the request does not give: to keep it, establish the deciding facts first (\(deciding.joined(separator: "; ")))"
                                     + readingsNote)
                    } else {
                        notes.append("item \(item.index): undetermined; establish the deciding facts first (\(deciding.joined(separator: "; ")))" + readingsNote)
                        undetermined.append(item.index)
                    }
                    undeterminedReadings += readings.filter { !undeterminedReadings.contains($0) }
                    continue
                }
                var verified: [VerifiedCure] = []
                var forbidden: [(set: CureFinder.CorrectionSet, provisions: [(provision: String, certain: Bool)])] = []
                // Whether each request a set cures is kept: the recipients' searches often find the
                // same set, which is verified (the request analysed again) once.
                var kept: [CuredRequest: Int?] = [:]
                // One more than `top`: a cure beyond those listed is how the report knows to say so.
                for slot in conflicting {
                    _ = try finder.correctionSets(slot, among: slots, request: request, posture: posture, limit: top + 1) { set in
                        let cured = CuredRequest(request: apply(set, to: request, item: item.index), disclosedOn: set.date)
                        if let known = kept[cured] { return known }
                        let keep: Int?
                        switch try verify(set, request: request, item: item.index, posture: posture, finder: finder, today: today) {
                        case .cure(var cure):
                            // A cure that clears only on ecca's reading of a rule (US-national staff
                            // of the Commission are no foreign persons) says what the other reading
                            // would leave, and costs `contestedReading` more.
                            cure.readings = widerReadings(forbidding: cure.slots, posture: posture, asOf: set.date ?? asOf)
                            let added = cure.readings.isEmpty ? 0 : costs.contestedReading
                            if !cure.readings.isEmpty { cure.set.parts["reading:" + cure.readings.map(\.provision).joined(separator: ",")] = added }
                            verified.append(cure)
                            keep = added
                        case .forbidden(let set, let provisions):
                            forbidden.append((set, provisions))
                            keep = nil
                        case .notClear:
                            keep = nil
                        }
                        kept[cured] = keep
                        return keep
                    }
                }
                // Cheapest first, then fewest changes (with costs of 0 a subset can cost as much as
                // its superset, and be found after it), then by what they change (`tieKey`); a set
                // that contains another listed one is not minimal, and one with the same parts as
                // another is a repeat.
                var listed: [VerifiedCure] = []
                let order = { (entry: (offset: Int, element: VerifiedCure)) in
                    (entry.element.set.cost, entry.element.set.parts.count, Self.tieKey(entry.element.set.changes), entry.offset)
                }
                for candidate in verified.enumerated().sorted(by: { order($0) < order($1) }).map(\.element)
                where !listed.contains(where: { Set($0.set.parts.keys).isSubset(of: candidate.set.parts.keys) }) {
                    listed.append(candidate)
                }
                var unoffered: [String] = []
                for (set, provisions) in forbidden where !listed.contains(where: { Set($0.set.parts.keys).isSubset(of: set.parts.keys) }) {
                    let changes = set.changes.map { "\($0.dimension) \($0.from) → \($0.to)" }.joined(separator: ", ")
                    let prohibitions = provisions.map { graph.inlineCitation(of: $0.provision) + ($0.certain ? "" : " (depending on facts the request leaves open)") }
                    let text = "item \(item.index): not offered: change \(changes), after which \(prohibitions.joined(separator: " and ")) still \(provisions.count == 1 ? "forbids" : "forbid") the disclosure the MoU would commit the provider to"
                    if !unoffered.contains(text) { unoffered.append(text) }
                }
                if listed.isEmpty {
                    uncured.append(item.index)
                    notes.append("item \(item.index): no change within the negotiable parts removes the conflict" + (forbidden.isEmpty ? "" : " without the disclosure staying forbidden"))
                }
                notes += unoffered
                for candidate in listed {
                    let set = candidate.set
                    var relied: [ReliedProvision] = []
                    for before in conflicting {
                        guard let after = candidate.slots.first(where: { $0.slot.recipient == before.slot.recipient }) else { continue }
                        for reason in reliesOn(before: before, after: after, asOf: asOf, curedDate: set.date, posture: posture)
                        where !relied.contains(where: { $0.reliance == reason.reliance }) {
                            relied.append(reason)
                        }
                    }
                    let reliance = relied.map(\.reliance)
                    let bars = set.bars.map { bar(of: $0, cost: set.parts["bar:\($0.exception.id)"] ?? 0) }
                    // A bar's rule is a reading of where the item is: the cure rests on it too.
                    let readings = candidate.readings
                    let added = readings.isEmpty ? "" : "; \(costs.contestedReading) added to its cost"
                    let cure = Cure(rank: 0, item: item.index, cost: set.cost, changes: set.changes,
                                    verdicts: candidate.after.items[item.index].postures.mapValues(\.verdict),
                                    reliesOn: reliance,
                                    mouWording: MoUWording(graph: graph).clauses(for: set, item: requestItem, request: request, reliance: relied),
                                    caveats: caveats.ids(of: reliance.map(\.provision) + bars.map(\.provision) + readings.map(\.provision)),
                                    notes: MoUWording(graph: graph).notes(for: set, request: request, reliance: relied)
                                        + readings.enumerated().map { "it clears the disclosure only on ecca's reading: \($1.statement) after it" + ($0 == 0 ? added : "") },
                                    bars: bars,
                                    presumedDenials: set.presumedDenials)
                    found.append((cure, found.count))
                }
            }
        } catch let error as AnalysisError {
            throw error
        } catch {
            throw .solver(message: String(describing: error), requestID: request.id)
        }
        let sorted = found.sorted { ($0.cure.cost, $0.order) < ($1.cure.cost, $1.order) }
        let ranked = sorted.prefix(top)
        // `top` counts across items: an item whose cures all rank below it would otherwise be
        // left out in silence, though it still conflicts.
        let listedItems = Set(ranked.map(\.cure.item))
        for item in Set(sorted.dropFirst(top).map(\.cure.item)).sorted() {
            notes.append(listedItems.contains(item)
                ? "item \(item): it has more cures than those among the \(top) listed (cheapest first, across the request's items); raise `--top` to see them"
                : "item \(item): it conflicts, but none of its cures is among the \(top) listed (cheapest first, across the request's items); raise `--top` to see them")
        }
        let cures = ranked.enumerated().map { index, entry in
            var cure = entry.cure
            cure.rank = index + 1
            return cure
        }

        return CureReport(id: request.id, asOf: asOf, verdict: analysis.verdict, postures: analysis.postures, cures: cures, notes: notes, uncured: uncured,
                          undetermined: undetermined,
                          caveats: caveats.caveats(for: cures.flatMap(\.caveats) + undeterminedReadings))
    }

    /// How equally cheap cures with as many changes are ordered: by the kinds of change, in the
    /// order of the cost keys (`CureCosts.keys`), then by what they change to. Without it their
    /// order is the order the solver found them in, which moves whenever the law adds a fact.
    static func tieKey(_ changes: [Cure.Change]) -> String {
        changes.map { change in
            let rank = CureCosts.keys.firstIndex(of: change.dimension) ?? CureCosts.keys.count
            return String(rank + 10) + "\u{1}" + change.to
        }.sorted().joined(separator: "\u{2}")
    }

    /// A claim bar a cure's changes make hold, as the cure reports it.
    func bar(of bar: ClaimBar, cost: Int) -> Cure.Bar {
        let rule = graph.rules[bar.rule]
        let provision = rule?.provisionID ?? bar.provisionID
        return Cure.Bar(rule: bar.rule, provision: provision, citation: graph.provisions[provision]?.citation ?? provision,
                        label: rule?.label ?? bar.rule, barredProvision: bar.provisionID,
                        barredCitation: graph.provisions[bar.provisionID]?.citation ?? bar.provisionID, barredLabel: bar.exception.label,
                        cost: cost, citationNotVerified: graph.citationNotVerified(provision),
                        barredCitationNotVerified: graph.citationNotVerified(bar.provisionID))
    }

    /// A correction set that holds for the whole item: the request it cures, analysed again,
    /// and the item's checks on it (one per recipient).
    struct VerifiedCure {
        var set: CureFinder.CorrectionSet
        var after: RequestAnalysis
        var slots: [PreparedSlot]
        /// The other readings on which a prohibition would apply after it (`widerReadings`).
        var readings: [OtherReading] = []
    }

    enum Verification {
        case cure(VerifiedCure)
        /// Nothing clashes after it, but binding prohibitions forbid (certainly, or depending on
        /// facts left open) what the MoU would commit the provider to.
        case forbidden(CureFinder.CorrectionSet, [(provision: String, certain: Bool)])
        /// The item is still not clear (another recipient, another posture).
        case notClear
    }

    /// The checks of an item's channel, one per recipient.
    func itemSlots(_ request: DisclosureRequest, item index: Int, asOf: LegalDate) -> [PreparedSlot] {
        let item = request.items[index]
        let recipients = facts.recipients(of: item, in: request)
        return recipients.indices.map { position in
            prepare(request, slot: CheckSlot(item: index, recipient: recipients[position] == nil ? nil : position, channel: item.channel), asOf: asOf)
        }
    }

    /// Whether a correction set cures the whole item: clear under every posture, and nothing
    /// binding forbids the disclosure. A set that leaves another recipient in conflict under
    /// `posture` is extended with that recipient's cheapest correction set, found on the request
    /// it cured, as long as recipients remain.
    func verify(_ set: CureFinder.CorrectionSet, request: DisclosureRequest, item index: Int, posture: Posture,
                finder: CureFinder, today: LegalDate) throws -> Verification {
        var current = set
        // Each extension clears at least one more recipient.
        for _ in 0...facts.recipients(of: request.items[index], in: request).count {
            let cured = apply(current, to: request, item: index)
            // A timing cure moves the disclosure, not the request: its obligations keep their date.
            let after = try analyze(cured, asOf: current.date ?? analysisDate(of: cured, today: today), lookingAhead: false)
            let slots = itemSlots(cured, item: index, asOf: after.asOf)
            if after.items[index].postures.values.allSatisfy({ $0.verdict == .clear }) {
                var forbidden: [(provision: String, certain: Bool)] = []
                for stance in options.postures {
                    for slot in slots {
                        for found in try forbidding(slot, posture: stance, asOf: after.asOf) {
                            if let known = forbidden.firstIndex(where: { $0.provision == found.provision }) {
                                forbidden[known].certain = forbidden[known].certain || found.certain
                            } else {
                                forbidden.append(found)
                            }
                        }
                    }
                }
                return forbidden.isEmpty ? .cure(VerifiedCure(set: finder.coveringEveryRecipient(current, slots: slots), after: after, slots: slots))
                    : .forbidden(current, forbidden)
            }
            var next: PreparedSlot?
            for slot in slots where try checkOutcome(slot, posture: posture, asOf: after.asOf) == .conflicting {
                next = slot
                break
            }
            guard let next, let more = try finder.correctionSets(next, among: slots, request: cured, posture: posture, limit: 1).first else { return .notClear }
            current = CureFinder.merged(current, then: more)
        }
        return .notClear
    }

    /// The binding prohibitions that forbid one check's disclosure under a posture, whether or not
    /// anything obliges it: certainly (its condition holds and no exception does), or depending on
    /// facts the request leaves open (the solver cannot rule it out).
    func forbidding(_ prepared: PreparedSlot, posture: Posture, asOf: LegalDate) throws -> [(provision: String, certain: Bool)] {
        var found: [(provision: String, certain: Bool)] = []
        var open: [Norm] = []
        for (index, norm) in encoding.checkedNorms.enumerated()
        where norm.modality == .prohibition && prepared.normTruths[index] != .false && binds(norm.provisionID, on: asOf, posture: posture) {
            if prepared.normTruths[index] == .true { found.append((norm.provisionID, true)) } else { open.append(norm) }
        }
        if !open.isEmpty {
            let solver = encoding.solver
            try solver.push()
            defer { try? solver.pop() }
            try encoding.assert(prepared.snapshot)
            try solver.assert(encoding.posture(posture))
            for norm in open {
                guard let active = encoding.active[norm.id] else { continue }
                if try solver.check(assumptions: [active]) != .unsat { found.append((norm.provisionID, false)) }
            }
        }
        var unique: [(provision: String, certain: Bool)] = []
        for entry in found where !unique.contains(where: { $0.provision == entry.provision }) { unique.append(entry) }
        return unique
    }

    /// The outcome of one check (answered from its equivalence class when possible).
    func checkOutcome(_ prepared: PreparedSlot, posture: Posture, asOf: LegalDate) throws -> ChannelOutcome.Outcome {
        try check(prepared, posture: posture, asOf: asOf).outcome
    }

    /// The request with a correction set applied to one item (to every recipient of it).
    func apply(_ set: CureFinder.CorrectionSet, to request: DisclosureRequest, item index: Int) -> DisclosureRequest {
        var cured = request
        var item = cured.items[index]
        if let channel = set.channel { item.channel = channel }
        if let artifact = set.artifact { item.artifact = artifact }
        if let hosting = set.hosting { item.hostingLocation = hosting }
        var recipients = item.recipients ?? [DisclosureRequest.Recipient(organisation: request.requester?.authority)]
        for position in recipients.indices {
            if let location = set.location { recipients[position].location = location }
            // Experts of another organisation evaluate as the Commission's appointees (Art. 92(2)).
            // Where that organisation has its headquarters the request does not say, so nothing
            // that rests on the headquarters (License Exception AIA) is taken from the requester's.
            if let organisation = set.organisation {
                recipients[position].organisation = organisation
                recipients[position].headquarters = nil
                recipients[position].role = "independent-expert"
            }
            if set.nationalityUS {
                recipients[position].nationalities = ["US"]
                recipients[position].latestCitizenship = nil
                recipients[position].governmentBody = false
                recipients[position].incorporatedIn = nil
            }
        }
        if set.location != nil || set.nationalityUS || set.organisation != nil { item.recipients = recipients }
        if set.licence { item.licences = (item.licences ?? []) + ["BIS licence to be obtained"] }
        if !set.claims.isEmpty { item.licences = (item.licences ?? []) + set.claims }
        cured.items[index] = item
        return cured
    }

    /// A cured request and the day of its disclosure, when a timing cure moves it (`apply` leaves
    /// the request's own date alone): what a correction set is verified on.
    struct CuredRequest: Hashable {
        var request: DisclosureRequest
        var disclosedOn: LegalDate?
    }

    /// A provision a cure relies on, with the facts its condition reads (so that each MoU clause
    /// cites only what the change it makes relies on) and whether it is an obligation that lapses
    /// (which no clause relies on: the clause works because the obligation no longer applies).
    struct ReliedProvision {
        var reliance: Cure.Reliance
        var facts: Set<String>
        var lapses: Bool
        /// For a later date: what stops on it ("no longer in force").
        var statusChange: String? = nil
    }

    /// Why the cured check no longer clashes: for each norm active before and not after, the
    /// exception that now holds, or the constitutive rule that no longer applies (with the rules
    /// within it that no longer apply either), or the norm's
    /// own provision whose condition no longer holds; for a norm still active after a change of
    /// date (`curedDate`), that its provision no longer binds then (a letter no longer in force).
    func reliesOn(before: PreparedSlot, after: PreparedSlot, asOf: LegalDate, curedDate: LegalDate? = nil,
                  posture: Posture) -> [ReliedProvision] {
        let old = ConditionEvaluator(graph: graph, facts: before.snapshot)
        let new = ConditionEvaluator(graph: graph, facts: after.snapshot)
        var result: [ReliedProvision] = []
        func add(_ provision: String, _ reason: String, _ condition: Condition?, lapses: Bool = false, facts extra: Set<String> = [],
                 statusChange: String? = nil) {
            guard !result.contains(where: { $0.reliance.provision == provision && $0.reliance.reason == reason }) else { return }
            result.append(.init(reliance: .init(provision: provision, citation: graph.provisions[provision]?.citation ?? provision, reason: reason,
                                                citationNotVerified: graph.citationNotVerified(provision)),
                                facts: extra.union(condition.map(readFacts) ?? []), lapses: lapses, statusChange: statusChange))
        }
        // A rule that held before and not after: the exceptions of its definition that now hold,
        // else the rule itself and, within it, each rule it refers to that stopped holding too. A
        // recipient made a US person ends 734.13's release through 4801(5)'s "foreign person": the
        // cure rests on that definition's reading (whether US nationals on the Commission's staff
        // receive for the Commission itself) as much as on 734.13's, whichever rule the norm names.
        var explainedRules: Set<String> = []
        func stopped(_ rule: String) {
            guard explainedRules.insert(rule).inserted, let definition = graph.rules[rule] else { return }
            let exceptions = definition.exceptions.filter { new.evaluate($0.condition) == .true }
            guard exceptions.isEmpty else {
                exceptions.forEach { add($0.provisionID ?? definition.provisionID, $0.label, $0.condition) }
                return
            }
            add(definition.provisionID, "no longer: \(definition.label)", definition.condition)
            for inner in definition.condition.ruleReferences where old.holds(rule: inner) == .true && new.holds(rule: inner) != .true {
                stopped(inner)
            }
        }
        let requested = requestDate(of: before, asOf: asOf)
        for (index, norm) in encoding.checkedNorms.enumerated() {
            guard before.normTruths[index] == .true,
                  normBinds(norm, asOf: asOf, requested: requested, posture: posture) else { continue }
            if after.normTruths[index] == .true {
                // Waiting moves the disclosure: an obligation's request stays valid or not as made.
                if let curedDate, !normBinds(norm, asOf: curedDate, requested: requested, posture: posture) {
                    let change = statusChange(norm.provisionID, from: asOf, to: curedDate)
                    add(norm.provisionID, "no longer binds on \(curedDate): \(change ?? statusText(norm.provisionID, asOf: curedDate))", nil,
                        lapses: norm.modality == .obligation, facts: ["as-of"], statusChange: change)
                }
                continue
            }
            var explained = false
            for exception in norm.exceptions where new.evaluate(exception.condition) == .true && old.evaluate(exception.condition) != .true {
                add(exception.provisionID ?? norm.provisionID, exception.label, exception.condition)
                explained = true
            }
            for rule in norm.condition?.ruleReferences ?? [] where old.holds(rule: rule) == .true && new.holds(rule: rule) != .true {
                guard graph.rules[rule] != nil else { continue }
                stopped(rule)
                explained = true
            }
            if !explained {
                add(norm.provisionID, "\(norm.modality == .obligation ? "the obligation" : "the prohibition") no longer applies to the changed item",
                    norm.condition, lapses: norm.modality == .obligation)
            }
        }
        return result
    }

    /// What changes in a provision's status between two dates ("no longer in force"); nil if
    /// none of in force, applicable and enforced stops.
    func statusChange(_ provision: String, from: LegalDate, to: LegalDate) -> String? {
        let status = statuses[provision] ?? graph.effectiveStatus(ofProvision: provision)
        var changes: [String] = []
        if status.isInForce(on: from) && !status.isInForce(on: to) { changes.append("no longer in force") }
        if status.isApplicable(on: from) && !status.isApplicable(on: to) && changes.isEmpty { changes.append("no longer applicable") }
        if status.isEnforced(on: from) && !status.isEnforced(on: to) && changes.isEmpty { changes.append("no longer enforced") }
        return changes.first
    }

    /// The facts a condition reads, through the rules it refers to.
    func readFacts(_ condition: Condition) -> Set<String> {
        var facts = Set(condition.facts)
        var pending = condition.ruleReferences
        var seen: Set<String> = []
        while let rule = pending.popLast() {
            guard seen.insert(rule).inserted, let definition = graph.rules[rule] else { continue }
            facts.formUnion(definition.condition.facts)
            pending += definition.condition.ruleReferences
            for exception in definition.exceptions {
                facts.formUnion(exception.condition.facts)
                pending += exception.condition.ruleReferences
            }
        }
        return facts
    }
}
