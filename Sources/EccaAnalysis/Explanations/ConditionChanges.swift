import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// What a date the law's conditions compare with does to the request between two days: each
    /// checked norm whose truth (condition ∧ ¬exceptions) differs on `day` from `asOf` for some item,
    /// said with the exceptions or the condition that change and what the norm does from then.
    /// A status change is `statusChanges`; this is the other way the law moves with the date: a
    /// condition that compares the as-of date (Art. 111(3)'s transition, which ends on 2 August
    /// 2027) or, for an undated request, the request's date (and with it the model's placing on the
    /// market, `placingDay`). Only norms that bind on `day` under a
    /// posture analysed: a change in a norm that binds nowhere moves no verdict.
    func conditionChanges(_ request: DisclosureRequest, asOf: LegalDate, day: LegalDate) -> [String] {
        let norms = encoding.checkedNorms
        // Per norm, in norm order: each change said once, with the items it reaches.
        var found: [[(change: Change, items: [String])]] = Array(repeating: [], count: norms.count)
        for accepted in acceptedChannels(of: request) {
            let described = "item \(accepted.item) (\(request.items[accepted.item].artifact) via \(accepted.channel))"
            let slots = (itemSlots(accepted.request, item: accepted.item, asOf: asOf), itemSlots(accepted.request, item: accepted.item, asOf: day))
            for (before, after) in zip(slots.0, slots.1) {
                let truths = (compiled.partTruths(atoms: before.atomTruths), compiled.partTruths(atoms: after.atomTruths))
                let requested = requestDate(of: after, asOf: day)
                for norm in norms.indices {
                    guard let truth = TruthChange(before: before.normTruths[norm], after: after.normTruths[norm]) else { continue }
                    let binding = options.postures.filter { dated(day, requested: requested, $0).binding[norm] }
                    guard !binding.isEmpty else { continue }
                    let exceptions = norms[norm].exceptions.indices.compactMap { exception in
                        TruthChange(before: truths.0.exceptions[norm][exception], after: truths.1.exceptions[norm][exception])
                            .map { Change.ExceptionChange(index: exception, truth: $0) }
                    }
                    let change = Change(norm: norm, truth: truth, exceptions: exceptions,
                                        condition: TruthChange(before: truths.0.conditions[norm], after: truths.1.conditions[norm]),
                                        textOnly: binding == [.text] && options.postures.contains(.enforcement))
                    if let known = found[norm].firstIndex(where: { $0.change == change }) {
                        if !found[norm][known].items.contains(described) { found[norm][known].items.append(described) }
                    } else {
                        found[norm].append((change, [described]))
                    }
                }
            }
        }
        return found.joined().map { sentence($0.change, request: request, items: $0.items, asOf: asOf, day: day) }
    }

    /// A truth on the earlier day and a different one on the later.
    private struct TruthChange: Equatable {
        var before: Truth
        var after: Truth

        /// Nil where the two are the same: nothing changed.
        init?(before: Truth, after: Truth) {
            guard before != after else { return nil }
            (self.before, self.after) = (before, after)
        }
    }

    /// How one norm's truth changes between the two days, and why: the exceptions and the
    /// condition whose truths change.
    private struct Change: Equatable {
        struct ExceptionChange: Equatable {
            /// Its place among the norm's exceptions.
            var index: Int
            var truth: TruthChange
        }
        var norm: Int
        var truth: TruthChange
        var exceptions: [ExceptionChange]
        var condition: TruthChange?
        /// It binds on the later day under the text posture but is not enforced then.
        var textOnly: Bool
    }

    /// "Art. 53(1)(a): the exception that holds on 2027-07-01 stops holding on 2027-08-02 (Legacy
    /// model (Art. 111(3)): …), so from that day Art. 53(1)(a) obliges the disclosure of item 0
    /// (technical-documentation via transfer)".
    private func sentence(_ change: Change, request: DisclosureRequest, items: [String], asOf: LegalDate, day: LegalDate) -> String {
        let norm = encoding.checkedNorms[change.norm]
        let citation = graph.inlineCitation(of: norm.provisionID)
        func was(_ truth: Truth) -> String {
            switch truth {
            case .true: "holds"
            case .false: "does not hold"
            case .unknown: "may hold"
            }
        }
        func becomes(_ truth: Truth) -> String {
            switch truth {
            case .true: "holds from \(day)"
            case .false: "stops holding on \(day)"
            case .unknown: "is open from \(day)"
            }
        }
        var reasons = change.exceptions.map { exception in
            "the exception that \(was(exception.truth.before)) on \(asOf) \(becomes(exception.truth.after)) (\(named(norm.exceptions[exception.index])))"
        }
        if let condition = change.condition {
            // An undated request is taken as made on each day: the placing turns on it (`placingDay`).
            let placed = placingDay(of: request) == day ? " (the model is placed on the Union market on \(day))" : ""
            reasons.insert("its condition, which \(was(condition.before)) on \(asOf), \(becomes(condition.after))" + placed, at: 0)
        }
        let obligation = norm.modality == .obligation
        let does = switch (change.truth.after, change.truth.before) {
        case (.true, _): obligation ? "obliges" : "forbids"
        case (.unknown, _): obligation ? "may oblige" : "may forbid"
        case (.false, .true): obligation ? "no longer obliges" : "no longer forbids"
        case (.false, _): obligation ? "does not oblige" : "does not forbid"
        }
        return "\(citation): \(ProseList.joined(reasons)), so from that day \(citation) \(does) the disclosure of \(ProseList.joined(items))"
            + (change.textOnly ? " under the text in force (it is not enforced then)" : "")
    }
}
