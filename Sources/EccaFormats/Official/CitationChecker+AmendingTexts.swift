import ClauseGraph
import Foundation

/// Amending texts given to `cite-check` (an EU amending act in Formex, a Federal Register rule):
/// not applied, but read for where their instructions point, so that every shipped provision they
/// change is a finding.
extension CitationChecker {
    /// One instruction of an amending act or Federal Register rule given, and where it points.
    struct Change {
        enum Reach {
            /// An EU act (year, number) and the place in it.
            case eu(year: String, number: String, FormexAmendingAct.Address?)
            /// A CFR title and part, and the target (nil: not read).
            case us(title: String, part: String?, Amendment.Target?)
        }
        var file: String
        /// The file given on the command line that brought it.
        var given: String
        /// `Regulation (EU) 2026/1744 of 2026-07-08`, `FR Doc. 2025-00636`.
        var act: String
        /// `Art. 1, point (40)(a)`, `amendatory instruction 1`.
        var place: String
        /// What the instruction does there: `replaces Article 113, third paragraph, point (a)`,
        /// `remove-and-reserve § 734.13(a)(2)`.
        var summary: String
        /// The instruction as printed, for one not read.
        var text: String
        /// What it does to a provision it names whole: `removed and reserved`, `revised`.
        var verb: String
        var reach: Reach
        /// A Federal Register rule's own text (in `officials`): a provision it prints and decides is checked against the change.
        var official: Int?
        /// `2026/1744`: a consolidated text that includes the act decides the provisions it changes.
        var key: String? = nil
        /// The instruction adds the unit it names (read whole): it changes only what holds that unit.
        var adding = false
        /// When the change is law: an EU act's date; a rule's instruction's own timing, else the rule's.
        var effect = LegalEffect()

        /// Whether the instruction's place was read (a CFR target may still have no path: `AmendmentReach`).
        var isRead: Bool {
            switch reach {
            case .eu(_, _, let target): target != nil
            case .us(_, _, let target): target != nil
            }
        }
    }

    /// The instructions of an EU amending act.
    /// `effect`: when the amending act is law (`officialJournalEffect`), not the day it was signed.
    static func changes(of act: FormexAmendingAct, file: String, given: String, effect: LegalEffect) -> [Change] {
        let name = act.name + (act.date.map { " of \($0.iso)" } ?? "")
        return act.instructions.map { instruction in
            let verb = switch instruction.action {
            case "replaced": "replaces"
            case "deleted": "deletes"
            case "added": "adds"
            case "inserted": "inserts"
            default: "amends"
            }
            let summary = instruction.target.map { "\(verb) \($0)" + (instruction.readInPart ? " (where below it: not read)" : "") } ?? "not read"
            return Change(file: file, given: given, act: name, place: instruction.place, summary: summary, text: instruction.text, verb: "changed",
                          reach: .eu(year: instruction.amendedYear, number: instruction.amendedNumber, instruction.target),
                          key: act.key, adding: ["added", "inserted"].contains(instruction.action) && !instruction.readInPart,
                          effect: effect)
        }
    }

    /// The amendment instructions of a Federal Register rule (not lead-ins, not restated authorities).
    static func changes(of entry: ImportCollector.Entry, file: String, official: Int, rule: LegalEffect) -> [Change] {
        let act = entry.instrument.documentNumber.map { "FR Doc. \($0)" } ?? "the Federal Register rule “\(entry.instrument.title)” (no FR Doc. number)"
        var changes: [Change] = []
        for provision in entry.provisions {
            guard let amendment = provision.amendment, !amendment.isLeadIn else { continue }
            let place = provision.citation.components(separatedBy: ", ").dropFirst().joined(separator: ", ")
            let title = amendment.title ?? entry.instrument.officialIDs.first { $0.scheme == "cfr" }?.value.split(separator: " ").first.map(String.init) ?? "?"
            guard amendment.isUnderstood else {
                changes.append(Change(file: file, given: file, act: act, place: place, summary: "not read", text: amendment.text, verb: "changed",
                                      reach: .us(title: title, part: amendment.part, nil), official: official,
                                      effect: rule.instruction(effective: amendment.effective, timing: amendment.timing)))
                continue
            }
            for action in amendment.actions where action.verb != .restate {
                let verb = switch action.verb {
                case .remove: "removed"
                case .removeAndReserve: "removed and reserved"
                case .reserve: "reserved"
                case .revise: "revised"
                case .redesignate: "redesignated"
                case .transfer: "transferred"
                case .suspend: "suspended"
                default: "changed"
                }
                for target in action.targets where ![.heading, .authority].contains(target.kind) {
                    changes.append(Change(file: file, given: file, act: act, place: place, summary: action.description, text: amendment.text, verb: verb,
                                          reach: .us(title: title, part: amendment.part, target), official: official, adding: action.verb == .add,
                                          effect: rule.instruction(effective: action.effective ?? amendment.effective, timing: action.timing ?? amendment.timing)))
                }
            }
        }
        return changes
    }

    /// The finding for a provision that `changes` (of one act or rule) change: what each does, and
    /// that the new wording was not checked. `printed`: the rule prints the new text, and it decided
    /// the provision, which is a paraphrase (found there, its wording not comparable). A change not
    /// in force on `day` says when it is ("which takes effect on 2027-03-01, after 2026-12-06").
    func amended(_ provision: Provision, _ instrument: Instrument, by changes: [Change], printed: Bool = false, on day: LegalDate) -> Finding {
        let first = changes[0]
        let path: String?
        if case .us = first.reach { path = Self.cfrPath(provision.citation) } else { path = nil }
        // "removed and reserved by …" when every instruction names the provision itself; "changed by …" otherwise.
        let whole = changes.allSatisfy { change in
            guard case .us(_, _, let target?) = change.reach, let path, let section = target.section else { return false }
            return Self.key(section + (target.paragraph ?? "")) == Self.key(path) && [.section, .paragraph].contains(target.kind)
        }
        let verb = whole && Set(changes.map(\.verb)).count == 1 ? first.verb : "changed"
        let steps = changes.map { "\($0.place): \($0.summary)" + ($0.effect.notInForce(on: day).map { " (not in force: \($0))" } ?? "") }.joined(separator: "; ")
        // Without an effective date the rule states, no CFR text can be shown to hold the change
        // (`includes`): the advice says so rather than ask for a text that would change nothing.
        let hint = if case .eu = first.reach { "give the consolidated text" }
            else if first.effect.stated { "give the CFR text as amended" }
            else { "the rule states no effective date, so no CFR text given is taken to hold it: compare the CFR text as amended by hand" }
        // A change not law on `day` is news of what is coming (or what has lapsed), not of today's
        // text: no CFR text in force can hold it.
        let lapsed = changes.allSatisfy { change in change.effect.until.map { $0 < day } ?? false }
        let unchecked = if printed { "the rule prints the new text, but a paraphrase cannot be compared with it: re-read the provision against it" }
            else if lapsed { "it has expired: check that the CFR text in force no longer holds it" }
            else if changes.allSatisfy({ $0.effect.notInForce(on: day) != nil }) { "not yet law: re-read the provision against the new wording when it takes effect" }
            else { "not checked against the new wording: \(hint)" }
        return Finding(kind: .amended, provisionID: provision.id, citation: provision.citation, officialID: provision.sourceID ?? path ?? "",
                       location: provision.location, officialFile: first.file,
                       detail: "\(verb) by \(first.act) (\(first.file)): \(steps); \(unchecked)")
    }

    /// Whether an instruction changes the shipped wording of `provision`.
    func affects(_ change: Change, _ provision: Provision, _ instrument: Instrument) -> Bool {
        switch change.reach {
        case .eu(let year, let number, let target):
            guard let target, Self.instrument(instrument, isDocument: year, number), instrument.jurisdiction == "EU",
                  let locator = provision.sourceID, let place = FormexAmendingAct.Address(locator: locator, citation: provision.citation) else { return false }
            return target.overlaps(place) && (!change.adding || place.depth < target.depth)
        case .us(let title, _, let target):
            guard let target, provision.citation.hasPrefix(title + " CFR "), let path = Self.cfrPath(provision.citation) else { return false }
            return AmendmentReach.changes(target, path: path, adding: change.adding) ?? false
        }
    }

    /// The consolidated text given, in force on `day`, of the act an EU instruction amends that holds
    /// the instruction (it lists the amending act and is not older than it): what the instruction did
    /// is in its text, read or not.
    func holder(of change: Change, on day: LegalDate) -> Int? {
        guard case .eu(let year, let number, _) = change.reach else { return nil }
        return infos.indices.first { index in
            guard case .formex(_, let actYear?, let actNumber?, _, false) = officials[index] else { return false }
            return actYear == year && Int(actNumber) == Int(number)
                && infos[index].effect.notInForce(on: day) == nil && includes(index, change, on: day)
        }
    }

    /// Instructions whose place was not read (or whose target has no CFR path) in an instrument or
    /// CFR part with shipped provisions: one `file: error:` line each.
    func unread(_ graph: ClauseGraph, on day: LegalDate) -> [(given: String, line: String)] {
        var lines: [(given: String, line: String)] = []
        // Whether an act or CFR part (`within`) has shipped provisions, asked once each: a rule can
        // hold thousands of instructions not read, and each asked looks through every provision.
        var shipped: [String: Bool] = [:]
        func hasShipped(_ within: String, _ provisionIn: (Provision) -> Bool) -> Bool {
            if let known = shipped[within] { return known }
            let found = graph.provisions.values.contains(where: provisionIn)
            shipped[within] = found
            return found
        }
        for change in changes {
            let unknown: Bool
            let within: String
            switch change.reach {
            case .eu(let year, let number, let target):
                guard target == nil else { continue }
                // A consolidated text in force that includes the act holds what the instruction did,
                // read or not (QA amend7 #3: the real act's 10 unread instructions stayed errors).
                if holder(of: change, on: day) != nil { continue }
                within = "\(year)/\(number)"
                unknown = hasShipped(within) { provision in
                    provision.sourceID != nil && graph.instruments[provision.instrumentID].map { Self.instrument($0, isDocument: year, number) && $0.jurisdiction == "EU" } == true
                }
            case .us(let title, let part, let target):
                if let target, AmendmentReach.changes(target, path: "0", adding: change.adding) != nil { continue }
                let prefixes = part.map { ["\(title) CFR \($0).", "\(title) CFR Part \($0),"] } ?? ["\(title) CFR "]
                within = "\(title) CFR" + (part.map { " part \($0)" } ?? "")
                unknown = hasShipped(within) { provision in prefixes.contains { provision.citation.hasPrefix($0) } }
            }
            let line = "\(change.file): error: \(change.act), \(change.place): what it changes in \(within) was not read "
                         + "(“\(change.text)”): the shipped provisions it may change are not known; "
                         + (change.official == nil ? "give the consolidated text" : "give the CFR text as amended")
            // An instruction with several targets not read is said once.
            if unknown, lines.last?.line != line { lines.append((change.given, line)) }
        }
        return lines
    }
}
