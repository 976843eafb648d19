import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// Turns one minimal clashing set into a finding in the law's own words: the provisions with
    /// citation, wording and status, the facts that triggered them, the constitutive rules that
    /// applied, each exception with the reason it failed, the other readings of the law on which a
    /// norm of it would not engage, and the readings and open questions of all of those.
    func explain(_ provisions: [String], snapshot: FactSnapshot, posture: Posture, slot: CheckSlot, asOf: LegalDate) -> Finding {
        let evaluator = ConditionEvaluator(graph: graph, facts: snapshot)
        let requested = Self.requestDate(snapshot[FactBinding.FactID.requestDate], asOf: asOf)
        let binding = binding(on: asOf, requested: requested, posture: posture)
        let norms = encoding.checkedNorms.indices.filter { index in
            let norm = encoding.checkedNorms[index]
            return binding[index] && provisions.contains(norm.provisionID) && (norm.condition.map(evaluator.evaluate) ?? .true) != .false
        }.map { encoding.checkedNorms[$0] }
        // Obligations (EU) first, then prohibitions, each in clause-graph order.
        let ordered = norms.filter { $0.modality == .obligation } + norms.filter { $0.modality == .prohibition }
        var references: [ProvisionReference] = []
        for norm in ordered where !references.contains(where: { $0.id == norm.provisionID }) {
            references.append(reference(norm.provisionID, norm: norm, asOf: asOf, posture: posture))
        }
        // In order of first appearance; the sets keep a finding on thousands of norms linear.
        var triggering: [String] = []
        var triggeringSeen: Set<String> = []
        var rules: [RuleApplication] = []
        var rulesSeen: Set<String> = []
        var exceptions: [ExceptionOutcome] = []
        var readings: [OtherReading] = []
        var units: Set<String> = []
        for norm in ordered {
            if let condition = norm.condition {
                for (atom, truth) in evaluator.atoms(of: condition) where truth == .true {
                    let text = renderer.finding(atom, truth: truth, facts: snapshot)
                    if triggeringSeen.insert(text).inserted { triggering.append(text) }
                    if case .compare(let comparison) = atom, let unit = comparison.unit { units.insert(unit) }
                }
                for rule in ruleClosure(condition) where evaluator.holds(rule: rule) == .true {
                    guard let definition = graph.rules[rule], rulesSeen.insert(rule).inserted else { continue }
                    rules.append(RuleApplication(rule: rule, label: definition.label, provision: definition.provisionID,
                                                 citation: graph.provisions[definition.provisionID]?.citation ?? definition.provisionID,
                                                 citationNotVerified: graph.citationNotVerified(definition.provisionID)))
                    exceptions += definition.exceptions.map { outcome($0, norm: rule, evaluator: evaluator, snapshot: snapshot) }
                }
            }
            exceptions += norm.exceptions.map { outcome($0, norm: norm.id, evaluator: evaluator, snapshot: snapshot) }
            readings += otherReadings(of: norm, evaluator: evaluator, snapshot: snapshot)
        }
        let assumptions = snapshot.assumptions.filter { units.contains($0.unit) }.map(\.text)
        let used = references.map(\.id) + references.flatMap { $0.sanctions ?? [] }.map(\.id) + rules.map(\.provision) + exceptions.compactMap(\.provision)
            + readings.map(\.provision)
        let signature = references.map(\.id).joined(separator: " + ")
        let recipientPart = slot.recipient.map { "r\($0)" } ?? "requester"
        return Finding(id: "i\(slot.item).\(slot.channel).\(recipientPart).\(posture.rawValue):\(signature)",
                       item: slot.item, channel: slot.channel, recipient: slot.recipient, posture: posture,
                       provisions: references, rules: rules, triggeringFacts: triggering, exceptions: exceptions,
                       assumptions: assumptions, signature: signature, caveats: caveats.ids(of: used), otherReadings: readings)
    }

    /// Rules a condition refers to, and the rules those refer to, in order.
    func ruleClosure(_ condition: Condition) -> [String] {
        var result: [String] = []
        var queue = condition.ruleReferences
        while let next = queue.first {
            queue.removeFirst()
            guard !result.contains(next) else { continue }
            result.append(next)
            if let rule = graph.rules[next] { queue += rule.condition.ruleReferences }
        }
        return result
    }

    func reference(_ id: String, norm: Norm?, asOf: LegalDate, posture: Posture) -> ProvisionReference {
        let provision = graph.provisions[id]!
        let instrument = graph.instruments[provision.instrumentID]
        return ProvisionReference(
            id: id, citation: provision.citation, jurisdiction: instrument?.jurisdiction ?? "",
            modality: norm?.modality.rawValue ?? "none", instrument: instrument?.title ?? provision.instrumentID,
            officialID: provision.eid, sourceID: provision.sourceID, sourceURL: provision.sourceURL ?? instrument?.sourceURL,
            evidence: provision.evidence, wordingKind: provision.wordingKind.rawValue, heading: provision.heading,
            wording: provision.wording, status: statusText(id, asOf: asOf), norm: norm?.id,
            sanctions: norm.flatMap { norm in norm.sanctions.isEmpty ? nil : norm.sanctions.compactMap { sanction($0, asOf: asOf) } })
    }

    /// Sanction provision `id` of a norm, with the words that lead in to it.
    private func sanction(_ id: String, asOf: LegalDate) -> SanctionReference? {
        guard let provision = graph.provisions[id] else { return nil }
        return SanctionReference(id: id, citation: provision.citation, evidence: provision.evidence, wordingKind: provision.wordingKind.rawValue,
                                 leadIn: sanctionLeadIns[id], wording: provision.wording, status: statusText(id, asOf: asOf))
    }

    /// "in force; applicable; not enforced (since 2025-05-13)", for the as-of date.
    func statusText(_ provision: String, asOf: LegalDate) -> String {
        let status = statuses[provision] ?? graph.effectiveStatus(ofProvision: provision)
        var parts: [String] = []
        // An end that has passed is said as one: "applicable from" a past date read as if to come.
        // Each axis with its evidence where it is below verified (`StatusEvidence`).
        let inForce = StatusEvidence.mark(status.inForce?.evidence)
        if status.isInForce(on: asOf) {
            parts.append("in force" + inForce)
        } else if let ended = status.inForce?.until, ended <= asOf {
            parts.append("no longer in force since \(ended)" + inForce)
        } else if let from = status.inForce?.from, from > asOf {
            // Said with its date, as "applicable from" is (QA s27: "not in force" gave none).
            parts.append("in force from \(from)" + inForce)
        } else {
            parts.append("not in force" + inForce)
        }
        if let applicable = status.applicable?.from {
            let mark = StatusEvidence.mark(status.applicable?.evidence)
            if status.isApplicable(on: asOf) {
                parts.append("applicable since \(applicable)" + mark)
            } else if let ended = status.applicable?.until, ended <= asOf {
                parts.append("no longer applicable since \(ended)" + mark)
            } else {
                parts.append("applicable from \(applicable)" + mark)
            }
        }
        if !status.enforced.isEmpty {
            if let period = status.enforced.first(where: { $0.contains(asOf) }) {
                parts.append("enforced" + StatusEvidence.mark(period.evidence))
            } else if let ended = status.enforced.compactMap(\.until).filter({ $0 <= asOf }).max() {
                let period = status.enforced.first { $0.until == ended }
                parts.append("not enforced since \(ended)" + StatusEvidence.parenthesis(basis: period?.basis, evidence: period?.evidence))
            } else if let period = status.enforced.filter({ ($0.from.map { $0 > asOf }) == true }).min(by: { $0.from! < $1.from! }) {
                parts.append("enforced from \(period.from!)" + StatusEvidence.mark(period.evidence))
            } else {
                parts.append("not enforced")
            }
        }
        if let announced = status.rescissionAnnounced, let on = announced.on, on <= asOf {
            parts.append("rescission announced \(on)" + StatusEvidence.mark(announced.evidence) + (status.rescissionPublished == nil ? ", none published" : ""))
        }
        if let voluntary = status.voluntary {
            parts.append("voluntary: binds its signatories by their commitment, not as law" + StatusEvidence.parenthesis(basis: voluntary.basis, evidence: voluntary.evidence))
        }
        return parts.joined(separator: "; ")
    }

    private func outcome(_ exception: Exception, norm: String, evaluator: ConditionEvaluator, snapshot: FactSnapshot) -> ExceptionOutcome {
        let truth = evaluator.evaluate(exception.condition)
        let reasons = truth == .true ? [] : failureReasons(exception.condition, evaluator: evaluator, snapshot: snapshot)
        return ExceptionOutcome(id: exception.id, label: exception.label, provision: exception.provisionID,
                                citation: exception.provisionID.flatMap { graph.provisions[$0]?.citation },
                                norm: norm, holds: truth, reasons: reasons,
                                wouldHoldIfEstablished: truth == .true ? [] : establishable(exception, snapshot: snapshot),
                                citationNotVerified: graph.citationNotVerified(exception.provisionID))
    }

    /// Why a condition is not true, following its structure: the failing parts of an `all`, every
    /// part of an `any`, a rule that fails by its label and why it fails (its own condition's
    /// failing parts, or the exception of the rule that holds), and a rule that holds where it
    /// must not by its label with the facts it reads.
    func failureReasons(_ condition: Condition, evaluator: ConditionEvaluator, snapshot: FactSnapshot) -> [String] {
        var inside: Set<String> = []
        return failureReasons(condition, evaluator: evaluator, snapshot: snapshot, inside: &inside)
    }

    /// - Parameter inside: the rules being explained, so that a rule reached again (a cycle the
    ///   lint refuses) is named rather than followed.
    private func failureReasons(_ condition: Condition, evaluator: ConditionEvaluator, snapshot: FactSnapshot,
                                inside: inout Set<String>) -> [String] {
        let truth = evaluator.evaluate(condition)
        guard truth != .true else { return [] }
        switch condition {
        case .all(let parts):
            // A conjunction with a false part fails by it, whatever its unknown parts would be:
            // "the channel is not an enclave" needs no "unknown where the enclave is hosted".
            let truths = parts.map { evaluator.evaluate($0) }
            let failing = truths.contains(.false) ? Truth.false : .unknown
            return Self.once(zip(parts, truths).filter { $0.1 == failing }.flatMap {
                failureReasons($0.0, evaluator: evaluator, snapshot: snapshot, inside: &inside)
            })
        case .any(let parts):
            // Branches often fail by the same fact ("recipient.location is not US" in each of
            // License Exception AIA's): each reason is said once.
            return Self.once(parts.flatMap { failureReasons($0, evaluator: evaluator, snapshot: snapshot, inside: &inside) })
        case .not(let inner):
            if case .holds(let rule, _) = inner {
                let label = graph.inlineLabel(ofRule: rule)
                return ["\(label)\(truth == .unknown ? " (may hold)" : "")\(requestValues(of: graph.rules[rule]?.condition, snapshot))"]
            }
            // A compound excluded as a whole ("not API access to a published model") fails by the
            // parts of it that hold or may hold, each said as the request has it.
            let parts: [Condition]? = switch inner {
            case .all(let parts): parts
            case .any(let parts): parts.filter { evaluator.evaluate($0) != .false }
            default: nil
            }
            if let parts, !parts.isEmpty, parts.allSatisfy(Self.isFactAtom) {
                let said = parts.map { renderer.finding($0, truth: evaluator.evaluate($0), facts: snapshot) }
                return ["excluded: " + said.joined(separator: truth == .unknown ? "; " : " and ")]
            }
            return [renderer.finding(inner, truth: evaluator.evaluate(inner) == .true ? .true : .unknown, facts: snapshot)]
        case .holds(let rule, _):
            let label = graph.inlineLabel(ofRule: rule)
            let prefix = truth == .unknown ? "unknown whether " : "not: "
            guard let definition = graph.rules[rule], inside.insert(rule).inserted else { return [prefix + label] }
            defer { inside.remove(rule) }
            // A rule that never holds on ecca's reading, there to carry another reading of the
            // law (`<false/>` with an `<other-reading>`), is no reason: the reading is said apart.
            if case .constant(false) = definition.condition, !definition.otherReadings.isEmpty, truth == .false { return [] }
            var why = failureReasons(definition.condition, evaluator: evaluator, snapshot: snapshot, inside: &inside)
            for exception in definition.exceptions {
                let holds = evaluator.evaluate(exception.condition)
                guard holds != .false else { continue }
                why.append("\(graph.inlineLabel(exception.label, provision: exception.provisionID)) \(holds == .true ? "holds" : "may hold")\(requestValues(of: exception.condition, snapshot))")
            }
            return [prefix + label + (why.isEmpty ? "" : ", since " + why.joined(separator: "; "))]
        case .constant:
            return ["never holds"]
        default:
            return [renderer.finding(condition, truth: truth, facts: snapshot)]
        }
    }

    /// `reasons` in order, each once.
    private static func once(_ reasons: [String]) -> [String] {
        var said: Set<String> = []
        return reasons.filter { said.insert($0).inserted }
    }

    /// Whether `condition` tests one fact (no connective, rule or constant).
    static func isFactAtom(_ condition: Condition) -> Bool {
        switch condition {
        case .compare, .equals, .member, .contains: true
        default: false
        }
    }

    /// " (request: fact value, …)" for the facts a condition reads; empty when it reads none.
    private func requestValues(of condition: Condition?, _ snapshot: FactSnapshot) -> String {
        let facts = (condition?.facts ?? []).map { "\($0) \(renderer.value(snapshot[$0], unit: nil))" }
        return facts.isEmpty ? "" : " (request: " + facts.joined(separator: ", ") + ")"
    }

    /// What the exporter could establish (claims, licences) to make the exception hold, if anything:
    /// in its condition and in the rules it relies on (a claim can make a rule hold, as 15 CFR 734.20
    /// makes a release abroad no deemed reexport for License Exception AIA). Only the steps needed:
    /// a step the exception holds without is left out.
    private func establishable(_ exception: Exception, snapshot: FactSnapshot) -> [String] {
        /// One thing to establish: a fact made to hold a value (a claim added, a licence held).
        struct Step { var fact: String; var value: FactValue; var text: String }
        var steps: [Step] = []
        var visited: Set<String> = []
        func visit(_ condition: Condition) {
            condition.visitAtoms { atom in
                switch atom {
                case .holds(let rule, _):
                    if visited.insert(rule).inserted, let definition = graph.rules[rule] { visit(definition.condition) }
                case .contains(let fact, let members, _) where graph.facts[fact]?.whenAbsent == .establishedByExporter:
                    for value in graph.values(of: members) where !steps.contains(where: { $0.fact == fact && $0.value == .scalar(value) }) {
                        if case .set(let current) = snapshot[fact], current.contains(value) { continue }
                        steps.append(Step(fact: fact, value: .scalar(value),
                                          text: "establish and claim \(graph.inlineCitation(of: value)) (list \"\(value)\" in the item's licences)"))
                    }
                case .equals(let fact, "true", _) where graph.facts[fact]?.whenAbsent == .establishedByExporter:
                    if snapshot[fact] != .boolean(true), !steps.contains(where: { $0.fact == fact }) {
                        steps.append(Step(fact: fact, value: .boolean(true),
                                          text: "obtain a licence for this disclosure and list its number in the item's licences" + reviewNote(snapshot)))
                    }
                default:
                    break
                }
            }
        }
        func holds(with chosen: [Step]) -> Bool {
            var established = snapshot
            for step in chosen {
                if case .scalar(let member) = step.value {
                    var current: Set<String> = []
                    if case .set(let elements) = established[step.fact] { current = elements }
                    established.values[step.fact] = .set(current.union([member]))
                } else {
                    established.values[step.fact] = step.value
                }
            }
            return ConditionEvaluator(graph: graph, facts: established).evaluate(exception.condition) == .true
        }
        visit(exception.condition)
        guard !steps.isEmpty, holds(with: steps) else { return [] }
        for index in steps.indices.reversed() where holds(with: steps.enumerated().filter { $0.offset != index }.map(\.element)) {
            steps.remove(at: index)
        }
        return steps.map(\.text)
    }

    /// How the sources say an application for a licence for this check's disclosure would be
    /// reviewed (`LicenceReview`), where a licence requirement the policy reviews applies to it: in
    /// the words of a licence cure (`LicenceReview.statement`), without the cost, so that
    /// `check` does not offer as plainly a licence that `cures` ranks last. The same for every
    /// exception a licence makes hold (one licence covers the disclosure, whichever requirement
    /// it meets) and whatever the destination (the policy's words say where it applies), so that
    /// the licence is one hint for the item.
    private func reviewNote(_ snapshot: FactSnapshot) -> String {
        let evaluator = ConditionEvaluator(graph: graph, facts: snapshot)
        let notes = reviewedLicences.filter { _, norms in
            norms.contains { norm in norm.condition.map(evaluator.evaluate) ?? .true == .true }
        }.map { review, _ in review.statement(citation: graph.inlineCitation(of: review.provisionID)) }
        return notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
    }

    /// A request note on an obligation that does not bind, with the provision it is about.
    struct UnboundObligationNote {
        var provision: String
        var text: String
    }

    /// Obligations whose condition holds for this item but whose provision does not bind yet (or
    /// any more) on the as-of date: reported as not binding rather than as conflicts.
    func notBindingNotes(_ prepared: PreparedSlot, asOf: LegalDate, posture: Posture) -> [UnboundObligationNote] {
        // The sentences depend on the date and posture alone, so they are written once per date.
        dated(asOf, requested: requestDate(of: prepared, asOf: asOf), posture).unboundObligations.compactMap { norm, note in
            prepared.normTruths[norm] == .true
                ? UnboundObligationNote(provision: encoding.checkedNorms[norm].provisionID, text: "item \(prepared.slot.item): " + note) : nil
        }
    }

    /// The sentence for an obligation whose provision does not bind under `posture`, failing on
    /// `day`: the request's date when it did not apply then (`status` says so), else `asOf`, the
    /// disclosure's (without the item it concerns).
    func notBindingNote(_ norm: Norm, status: String, on day: LegalDate, asOf: LegalDate, posture: Posture, notEnforced: Bool) -> String? {
        guard graph.provisions[norm.provisionID] != nil else { return nil }
        let citation = graph.inlineCitation(of: norm.provisionID)
        let effective = self.status(of: norm)
        if effective.asksVoluntarily(on: day), let voluntary = effective.voluntary {
            // Said the same under every posture: a commitment is never law.
            return "\(citation) asks for this disclosure only as a voluntary commitment of the provider, not as law, so no conflict rests on it"
                + (voluntary.basis.map { " (\($0))" } ?? "")
        }
        // A request made before the power applied (`straddleNote` says what that means).
        if day != asOf { return "\(citation) would oblige this disclosure, but \(status)" }
        // Law in force that is not enforced is still law: "does not bind" would say it is not.
        if notEnforced { return "\(citation) would oblige this disclosure but is not enforced on \(asOf) (\(status))" }
        return "\(citation) would oblige this disclosure but does not bind on \(asOf) under the \(posture.rawValue) posture (\(status))"
    }
}
