import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// The cheapest changes that remove each conflicting item's conflict, best first, with the
    /// verdict after each cure under every posture, the provisions it relies on and MoU wording.
    public func cures(for request: DisclosureRequest, costs: CureCosts = CureCosts(), top: Int = 5,
                      today: LegalDate = ConflictEngine.today()) throws(AnalysisError) -> CureReport {
        let analysis = try analyze(request, today: today)
        let asOf = analysis.asOf
        var found: [(cure: Cure, order: Int)] = []
        var notes: [String] = []
        let finder = CureFinder(engine: self, costs: costs)
        do {
            for item in analysis.items where item.verdict != .clear {
                guard let posture = options.postures.first(where: {
                    let verdict = item.postures[$0.rawValue]?.verdict
                    return verdict == .conflict || verdict == .avoidable
                }) else {
                    let deciding = item.postures.values.flatMap(\.decidingConditions)
                    notes.append("item \(item.index): undetermined; establish the deciding facts first (\(deciding.joined(separator: "; ")))")
                    continue
                }
                let requestItem = request.items[item.index]
                let recipients = facts.recipients(of: requestItem, in: request)
                var conflicting: PreparedSlot?
                for index in recipients.indices {
                    let slot = CheckSlot(item: item.index, recipient: recipients[index] == nil ? nil : index, channel: requestItem.channel)
                    let prepared = prepare(request, slot: slot, asOf: asOf)
                    if try checkOutcome(prepared, posture: posture, asOf: asOf) == .conflicting {
                        conflicting = prepared
                        break
                    }
                }
                guard let conflicting else { continue }
                let sets = try finder.correctionSets(conflicting, request: request, posture: posture, limit: top)
                if sets.isEmpty { notes.append("item \(item.index): no change within the negotiable parts removes the conflict") }
                for set in sets {
                    let cured = apply(set, to: request, item: item.index)
                    let after = try analyze(cured, today: today)
                    let afterSlot = prepare(cured, slot: CheckSlot(item: item.index, recipient: conflicting.slot.recipient,
                                                                  channel: cured.items[item.index].channel), asOf: after.asOf)
                    let reliance = reliesOn(before: conflicting, after: afterSlot, asOf: asOf, posture: posture)
                    let cure = Cure(rank: 0, item: item.index, cost: set.cost, changes: set.changes,
                                    verdicts: after.items[item.index].postures.mapValues(\.verdict),
                                    reliesOn: reliance, mouWording: MoUWording(graph: graph).clauses(for: set, item: requestItem, request: request, reliance: reliance),
                                    caveats: caveats.ids(of: reliance.map(\.provision)))
                    found.append((cure, found.count))
                }
            }
        } catch let error as AnalysisError {
            throw error
        } catch {
            throw .solver(message: String(describing: error), requestID: request.id)
        }
        let ranked = found.sorted { ($0.cure.cost, $0.order) < ($1.cure.cost, $1.order) }.prefix(top)
        let cures = ranked.enumerated().map { index, entry in
            var cure = entry.cure
            cure.rank = index + 1
            return cure
        }
        var caveatIDs: [String] = []
        for id in cures.flatMap(\.caveats) where !caveatIDs.contains(id) { caveatIDs.append(id) }
        return CureReport(id: request.id, asOf: asOf, verdict: analysis.verdict, postures: analysis.postures, cures: cures, notes: notes,
                          caveats: caveatIDs.compactMap { caveats[$0] })
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
            if set.nationalityUS {
                recipients[position].nationalities = ["US"]
                recipients[position].latestCitizenship = nil
                recipients[position].governmentBody = false
            }
        }
        if set.location != nil || set.nationalityUS { item.recipients = recipients }
        if set.licence { item.licences = (item.licences ?? []) + ["BIS licence to be obtained"] }
        if !set.claims.isEmpty { item.licences = (item.licences ?? []) + set.claims }
        cured.items[index] = item
        if let date = set.date { cured.date = date }
        return cured
    }

    /// Why the cured check no longer clashes: for each norm active before and not after, the
    /// exception that now holds, or the constitutive rule that no longer applies, or the norm's
    /// own provision whose condition no longer holds.
    func reliesOn(before: PreparedSlot, after: PreparedSlot, asOf: LegalDate, posture: Posture) -> [Cure.Reliance] {
        let old = ConditionEvaluator(graph: graph, facts: before.snapshot)
        let new = ConditionEvaluator(graph: graph, facts: after.snapshot)
        var result: [Cure.Reliance] = []
        func add(_ provision: String, _ reason: String) {
            guard !result.contains(where: { $0.provision == provision && $0.reason == reason }) else { return }
            result.append(.init(provision: provision, citation: graph.provisions[provision]?.citation ?? provision, reason: reason))
        }
        for (index, norm) in encoding.checkedNorms.enumerated() {
            guard before.normTruths[index] == .true, after.normTruths[index] != .true,
                  binds(norm.provisionID, on: asOf, posture: posture) else { continue }
            var explained = false
            for exception in norm.exceptions where new.evaluate(exception.condition) == .true && old.evaluate(exception.condition) != .true {
                add(exception.provisionID ?? norm.provisionID, exception.label)
                explained = true
            }
            for rule in norm.condition?.ruleReferences ?? [] where old.holds(rule: rule) == .true && new.holds(rule: rule) != .true {
                guard let definition = graph.rules[rule] else { continue }
                let exceptions = definition.exceptions.filter { new.evaluate($0.condition) == .true }
                if exceptions.isEmpty {
                    add(definition.provisionID, "no longer: \(definition.label)")
                } else {
                    exceptions.forEach { add($0.provisionID ?? definition.provisionID, $0.label) }
                }
                explained = true
            }
            if !explained {
                add(norm.provisionID, "\(norm.modality == .obligation ? "the obligation" : "the prohibition") no longer applies to the changed item")
            }
        }
        return result
    }
}
