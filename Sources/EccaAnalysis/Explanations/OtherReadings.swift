import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// The other readings of the law (`Norm.otherReadings`) that hold for a check's facts, for a
    /// norm that engages on ecca's reading: what a finding or an obliging ground says beside its
    /// verdict. A reading that may hold (a fact left open) is not said: it is in the caveat of its
    /// provision, as every reading is.
    func otherReadings(of norm: Norm, evaluator: ConditionEvaluator, snapshot: FactSnapshot) -> [OtherReading] {
        norm.otherReadings.compactMap { reading in
            guard let provision = reading.provisionID, evaluator.evaluate(reading.condition) == .true else { return nil }
            return otherReading(reading, of: provision, norm: norm, until: end(of: reading.condition, snapshot: snapshot))
        }
    }

    /// `reading` of `provision` as reports give it, beside `norm`: undoing it, or making it
    /// engage where `engages` (a wider reading of a rule it reads).
    func otherReading(_ reading: Exception, of provision: String, norm: Norm, engages: Bool? = nil, until: LegalDate? = nil) -> OtherReading {
        OtherReading(id: reading.id, label: reading.label, provision: provision,
                     citation: graph.provisions[provision]?.citation ?? provision,
                     norm: norm.id, normProvision: norm.provisionID,
                     normCitation: graph.provisions[norm.provisionID]?.citation ?? norm.provisionID,
                     modality: norm.modality.rawValue, until: until, engages: engages,
                     citationNotVerified: graph.citationNotVerified(provision),
                     normCitationNotVerified: graph.citationNotVerified(norm.provisionID))
    }

    /// The wider readings of the constitutive rules a norm's condition reads (`CountsAs.otherReadings`)
    /// that hold for a check's facts and on which the norm, which does not apply on ecca's reading,
    /// would: its condition would hold and every exception fail. What a ground says beside "does
    /// not apply", so that a clear verdict that rests on a contested reading (a US national on the
    /// Commission's staff is no foreign person) says so. Each reading is tried alone; one that may
    /// hold (a fact left open) is not said, as for `otherReadings(of:)`.
    func widerReadings(of norm: Norm, snapshot: FactSnapshot) -> [OtherReading] {
        guard let condition = norm.condition else { return [] }
        var read: [String] = []
        func visit(_ condition: Condition) {
            for id in condition.ruleReferences where !read.contains(id) {
                read.append(id)
                if let rule = graph.rules[id] { visit(rule.condition) }
            }
        }
        visit(condition)
        let widenable = read.compactMap { graph.rules[$0] }.filter { !$0.otherReadings.isEmpty }
        guard !widenable.isEmpty else { return [] }
        let evaluator = ConditionEvaluator(graph: graph, facts: snapshot)
        return widenable.flatMap { rule in
            rule.otherReadings.compactMap { reading -> OtherReading? in
                guard let provision = reading.provisionID, evaluator.evaluate(reading.condition) == .true else { return nil }
                let wider = evaluator.widening(rule: rule.id, by: reading.condition)
                guard wider.evaluate(condition) == .true, norm.exceptions.allSatisfy({ wider.evaluate($0.condition) == .false }) else { return nil }
                return otherReading(reading, of: provision, norm: norm, engages: true)
            }
        }
    }

    /// The wider readings (`widerReadings(of:snapshot:)`) on which a prohibition that binds under
    /// `posture` but does not apply to the checks of a cured request would apply after all, each
    /// once: a cure that clears the request only on ecca's reading says so.
    func widerReadings(forbidding slots: [PreparedSlot], posture: Posture, asOf: LegalDate) -> [OtherReading] {
        var found: [OtherReading] = []
        for prepared in slots {
            let binding = dated(asOf, requested: requestDate(of: prepared, asOf: asOf), posture).binding
            for (index, norm) in encoding.checkedNorms.enumerated()
            where norm.modality == .prohibition && binding[index] && prepared.normTruths[index] == .false {
                for reading in widerReadings(of: norm, snapshot: prepared.snapshot) where !found.contains(reading) {
                    found.append(reading)
                }
            }
        }
        return found
    }

    /// The first of the days a condition compares the date analysed with, after that date, on
    /// which the condition no longer holds for the same facts: when a reading bounded in time
    /// (Art. 111(3)'s "by 2 August 2027") stops differing from ecca's.
    private func end(of condition: Condition, snapshot: FactSnapshot) -> LegalDate? {
        guard case .date(let asOf) = snapshot["as-of"] else { return nil }
        var days: Set<LegalDate> = []
        condition.visitAtoms { atom in
            if case .compare(let comparison) = atom, comparison.fact == "as-of" { days.formUnion(comparison.switchDays) }
        }
        for day in days.filter({ $0 > asOf }).sorted() {
            var later = snapshot
            later.values["as-of"] = .date(day)
            if ConditionEvaluator(graph: graph, facts: later).evaluate(condition) != .true { return day }
        }
        return nil
    }

    /// The other readings that hold for a request on `asOf`, for the norms that engage on ecca's
    /// reading on any channel it accepts (their condition holds, no exception does, and their
    /// provision binds under a posture analysed), each once: the days of a timeline on which the
    /// two readings differ.
    func otherReadings(_ request: DisclosureRequest, asOf: LegalDate) -> [OtherReading] {
        var found: [OtherReading] = []
        let readable = encoding.checkedNorms.indices.filter { !encoding.checkedNorms[$0].otherReadings.isEmpty }
        guard !readable.isEmpty else { return [] }
        for accepted in acceptedChannels(of: request) {
            for slot in itemSlots(accepted.request, item: accepted.item, asOf: asOf) {
                let bindings = options.postures.map { dated(asOf, requested: requestDate(of: slot, asOf: asOf), $0).binding }
                let engaging = readable.filter { norm in slot.normTruths[norm] == .true && bindings.contains { $0[norm] } }
                guard !engaging.isEmpty else { continue }
                let snapshot = slot.snapshot
                let evaluator = ConditionEvaluator(graph: graph, facts: snapshot)
                for norm in engaging {
                    for reading in otherReadings(of: encoding.checkedNorms[norm], evaluator: evaluator, snapshot: snapshot)
                    where !found.contains(reading) {
                        found.append(reading)
                    }
                }
            }
        }
        return found
    }
}
