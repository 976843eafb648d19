/// Semantic checks of a clause graph, as diagnostics (DESIGN.md, "checked on load").
///
/// The schema checks shape; this checks meaning: references resolve, units and types agree, the
/// definitions are acyclic, status dates are in order, and every fact can be supplied.
extension ClauseGraph {
    /// - Parameter suppliableFields: the request fields and analysis inputs that can supply a fact
    ///   (`model.trainingCompute`, `analysis.asOf`, …), each with the scope a fact it supplies is
    ///   declared with; a fact supplied by anything else, or declared with another scope, is an error.
    /// - Parameter fieldTypes: the types a fact each of those fields supplies may be declared with;
    ///   a field not in it is not checked for type.
    /// - Parameter idValuedFields: the fields whose values are read as ids of the law (`lintIdValues`).
    public func lint(suppliableFields: [String: FactDeclaration.Scope], fieldTypes: [String: Set<FactDeclaration.FactType>] = [:],
                     idValuedFields: [String: IdKind] = [:]) -> [Diagnostic] {
        var findings = buildDiagnostics
        findings += lintFacts(suppliableFields: suppliableFields, fieldTypes: fieldTypes)
        findings += lintSets()
        for id in instrumentOrder {
            let instrument = instruments[id]!
            findings += lintStatus(instrument.status, subject: id, at: instrument.location)
        }
        for id in provisionOrder {
            let provision = provisions[id]!
            if instruments[provision.instrumentID] == nil {
                findings.append(Diagnostic(.error, "provision belongs to unknown instrument '\(provision.instrumentID)'",
                                           at: provision.location, subject: id, unresolved: .init(.instrument, provision.instrumentID)))
            }
            if provision.wording.allSatisfy(\.isWhitespace) {
                findings.append(Diagnostic(.error, "provision has no wording", at: provision.location, subject: id))
            }
            if let status = provision.status {
                findings += lintStatus(status, inheriting: instruments[provision.instrumentID]?.status ?? StatusTimeline(),
                                       subject: id, at: provision.location)
            }
            for reference in provision.cites + provision.implements where !provisionExists(reference.id) {
                findings.append(Diagnostic(.error, "reference to unknown provision '\(reference.id)'", at: reference.location ?? provision.location,
                                           subject: id, unresolved: .init(.provision, reference.id)))
            }
            for norm in provision.norms {
                if let condition = norm.condition { findings += lintCondition(condition, subject: id) }
                for sanction in norm.sanctions where !provisionExists(sanction) {
                    findings.append(Diagnostic(.error, "sanction refers to unknown provision '\(sanction)'", at: norm.location, subject: id,
                                               unresolved: .init(.provision, sanction)))
                }
                findings += lintExceptions(norm.exceptions + norm.otherReadings, subject: id)
                findings += lintOtherReadings(norm.otherReadings, subject: id)
            }
            for rule in provision.countsAs {
                findings += lintCondition(rule.condition, subject: id)
                findings += lintExceptions(rule.exceptions, subject: id)
                findings += lintExceptions(rule.otherReadings, subject: id, kind: "other reading")
                findings += lintOtherReadings(rule.otherReadings, subject: id, kind: "other reading")
            }
            for review in provision.licenceReviews where rules[review.unlessRule] == nil {
                findings.append(Diagnostic(.error, "licence review refers to unknown rule '\(review.unlessRule)'", at: review.location, subject: id,
                                           unresolved: .init(.rule, review.unlessRule)))
            }
        }
        findings += lintIdValues(idValuedFields)
        findings += lintDefinitionCycles()
        findings += lintSelfDefeat()
        findings += lintMutualDefeat()
        return findings
    }

    private func provisionExists(_ id: String) -> Bool { provisions[id] != nil }

    /// - Parameter kind: what the diagnostics call the element (a rule's `<other-reading>` is no
    ///   exception to it).
    private func lintExceptions(_ exceptions: [Exception], subject: String, kind: String = "exception") -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for exception in exceptions {
            if let provision = exception.provisionID, !provisionExists(provision) {
                findings.append(Diagnostic(.error, "\(kind) '\(exception.id)' refers to unknown provision '\(provision)'",
                                           at: exception.location, subject: subject, unresolved: .init(.provision, provision)))
            }
            findings += lintCondition(exception.condition, subject: subject)
        }
        return findings
    }

    /// An exception on another reading must say whose reading it is: reports name it ("on another
    /// reading of Art. 111(3)"). The schema requires the provision; a graph built otherwise is
    /// checked here.
    private func lintOtherReadings(_ readings: [Exception], subject: String, kind: String = "exception") -> [Diagnostic] {
        readings.filter { $0.provisionID == nil }.map { reading in
            Diagnostic(.error, "\(kind) '\(reading.id)' states another reading but names no provision read otherwise", at: reading.location, subject: subject)
        }
    }

    private func lintFacts(suppliableFields: [String: FactDeclaration.Scope], fieldTypes: [String: Set<FactDeclaration.FactType>]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for id in factOrder {
            let fact = facts[id]!
            if let scope = suppliableFields[fact.suppliedBy] {
                if fact.scope != scope {
                    findings.append(Diagnostic(.error, "fact '\(id)' is declared scope=\"\(fact.scope.rawValue)\", but '\(fact.suppliedBy)' supplies it per \(scope.rawValue)",
                                               at: fact.location, subject: id))
                }
            } else {
                findings.append(Diagnostic(.error, "fact '\(id)' is supplied by '\(fact.suppliedBy)', which no request or analysis input provides",
                                           at: fact.location, subject: id))
            }
            if fact.type == .quantity {
                if fact.units.isEmpty {
                    findings.append(Diagnostic(.error, "quantity fact '\(id)' declares no units", at: fact.location, subject: id))
                }
                for unit in fact.units where units[unit] == nil {
                    findings.append(Diagnostic(.error, "fact '\(id)' uses undeclared unit '\(unit)'", at: fact.location, subject: id,
                                               unresolved: .init(.unit, unit)))
                }
            } else if !fact.units.isEmpty {
                findings.append(Diagnostic(.error, "unit mismatch: \(fact.type.rawValue) fact '\(id)' cannot have units", at: fact.location, subject: id))
            }
            if fact.reads != .whetherGiven, let types = fieldTypes[fact.suppliedBy], !types.contains(fact.type) {
                let given = types.map { "type=\"\($0.rawValue)\"" }.sorted().joined(separator: " or ")
                findings.append(Diagnostic(.error, "fact '\(id)' is declared type=\"\(fact.type.rawValue)\", but '\(fact.suppliedBy)' supplies \(given)",
                                           at: fact.location, subject: id))
            }
            if fact.reads == .whetherGiven && fact.type != .boolean {
                findings.append(Diagnostic(.error, "fact '\(id)' reads whether '\(fact.suppliedBy)' is given, which is true or false: declare it type=\"boolean\"",
                                           at: fact.location, subject: id))
            }
            if (fact.type == .enum || fact.type == .setOfEnum) && fact.values.isEmpty {
                findings.append(Diagnostic(.error, "enumeration fact '\(id)' declares no values", at: fact.location, subject: id))
            }
        }
        for unit in units.values.sorted(by: { $0.id < $1.id }) {
            if let target = unit.countsToward, units[target] == nil {
                findings.append(Diagnostic(.error, "unit '\(unit.id)' counts toward undeclared unit '\(target)'", at: unit.location, subject: unit.id,
                                           unresolved: .init(.unit, target)))
            }
            // Each unit's count is at most the next one's: a loop makes them all equal, and a
            // request with two figures that differ is then refused as contradicting itself, which
            // blamed the request for the rules' slip (authoring QA 2026-12-07, M3). Said once, at
            // the loop's first unit by id.
            var path = [unit.id]
            var next = unit.countsToward
            while let current = next, units[current] != nil, !path.contains(current) {
                path.append(current)
                next = units[current]?.countsToward
            }
            if next == unit.id, path.min() == unit.id {
                findings.append(Diagnostic(.error, "units count toward each other in a loop: \((path + [unit.id]).joined(separator: " → "))", at: unit.location, subject: unit.id))
            }
        }
        return findings
    }

    private func lintSets() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for set in sets.values.sorted(by: { $0.id < $1.id }) {
            if let provision = set.provisionID, !provisionExists(provision) {
                findings.append(Diagnostic(.error, "set '\(set.id)' refers to unknown provision '\(provision)'", at: set.location, subject: set.id,
                                           unresolved: .init(.provision, provision)))
            }
            if set.kind == .country {
                for member in set.members where !CountryCodes.isValid(member) {
                    findings.append(Diagnostic(.error, "set '\(set.id)' lists '\(member)', which is not an ISO 3166-1 alpha-2 code",
                                               at: set.location, subject: set.id))
                }
            }
            if set.members.isEmpty {
                // The schema allows it; a condition that tests it never holds (authoring QA 2026-12-07, H2).
                findings.append(Diagnostic(.error, "set '\(set.id)' has no members: a condition that tests it never holds", at: set.location, subject: set.id))
            }
            var seen: Set<String> = []
            for member in set.members where !seen.insert(member).inserted {
                findings.append(Diagnostic(.warning, "set '\(set.id)' lists '\(member)' twice", at: set.location, subject: set.id))
            }
        }
        return findings
    }

    /// Status dates out of order, each at the line of the axis that is wrong. A provision's axes
    /// are checked with those it inherits from its instrument (`parent`), but a mistake in the
    /// instrument's own axes alone is the instrument's, reported once, with it: it was reported
    /// again for every provision that sets any status of its own.
    func lintStatus(_ own: StatusTimeline, inheriting parent: StatusTimeline = StatusTimeline(), subject: String,
                    at location: SourceLocation) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let status = own.inheriting(from: parent)
        func error(_ message: String, at place: SourceLocation?) {
            findings.append(Diagnostic(.error, "status dates out of order: \(message)", at: place ?? location, subject: subject))
        }
        func ordered(_ interval: StatusInterval?, _ axis: String) {
            guard let interval, let from = interval.from, let until = interval.until, until <= from else { return }
            error("\(axis) from \(from) until \(until)", at: interval.location)
        }
        ordered(own.inForce, "in force")
        ordered(own.applicable, "applicable")
        own.enforced.forEach { ordered($0, "enforced") }
        if let inForce = status.inForce, let applicable = status.applicable, own.inForce != nil || own.applicable != nil,
           let inForceFrom = inForce.from, let applicableFrom = applicable.from, applicableFrom < inForceFrom {
            error("applicable from \(applicableFrom) before in force from \(inForceFrom)", at: own.applicable?.location ?? inForce.location)
        }
        // A provision's own dates inside its instrument's: in force before the act is, or after
        // it ends, is a slip that moves verdicts (authoring QA 2026-12-07, H4: Art. 92(5) in force
        // from 2020 under an act in force from 2024 turned a clear request into a conflict).
        if let own = own.inForce, let act = parent.inForce {
            if let from = own.from, let actFrom = act.from, from < actFrom {
                findings.append(Diagnostic(.warning, "in force from \(from), before its instrument is (in force from \(actFrom))", at: own.location ?? location, subject: subject))
            }
            if let until = own.until, let actUntil = act.until, until > actUntil {
                findings.append(Diagnostic(.warning, "in force until \(until), after its instrument ends (in force until \(actUntil))", at: own.location ?? location, subject: subject))
            }
        }
        if let announced = status.rescissionAnnounced, let published = status.rescissionPublished,
           own.rescissionAnnounced != nil || own.rescissionPublished != nil,
           let announcedOn = announced.on, let publishedOn = published.on, publishedOn < announcedOn {
            error("rescission published \(publishedOn) before announced \(announcedOn)", at: own.rescissionPublished?.location ?? announced.location)
        }
        return findings
    }

    /// Type-checks one condition against the fact vocabulary.
    func lintCondition(_ condition: Condition, subject: String) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        condition.visitAtoms { atom in
            let location = atom.location
            func error(_ message: String, unresolved: UnresolvedReference? = nil) {
                findings.append(Diagnostic(.error, message, at: location, subject: subject, unresolved: unresolved))
            }
            func declared(_ id: String) -> FactDeclaration? {
                guard let fact = facts[id] else {
                    error("condition uses unknown fact '\(id)'", unresolved: .init(.fact, id))
                    return nil
                }
                return fact
            }
            switch atom {
            case .compare(let comparison):
                guard let fact = declared(comparison.fact) else { return }
                switch fact.type {
                case .quantity:
                    guard let unit = comparison.unit else {
                        error("unit mismatch: comparison of quantity '\(fact.id)' names no unit (one of: \(fact.units.joined(separator: ", ")))")
                        return
                    }
                    if !fact.units.contains(unit) {
                        error("unit mismatch: '\(fact.id)' is measured in \(fact.units.joined(separator: " or ")), not '\(unit)'")
                    }
                    if ExactDecimal(comparison.value) == nil {
                        error("'\(comparison.value)' is not a finite decimal number (at most 10^\(ExactDecimal.maximumExponent))")
                    }
                case .date:
                    if comparison.unit != nil { error("unit mismatch: date fact '\(fact.id)' takes no unit") }
                    if LegalDate(iso: comparison.value) == nil { error("'\(comparison.value)' is not an ISO date (YYYY-MM-DD)") }
                default:
                    error("cannot compare \(fact.type.rawValue) fact '\(fact.id)'; use <is> or <in>")
                }
            case .equals(let id, let value, _):
                guard let fact = declared(id) else { return }
                if fact.type.isSet { error("fact '\(id)' is a set; use <has>") }
                findings += lintValue(value, for: fact, subject: subject, at: location)
            case .member(let id, let members, _):
                guard let fact = declared(id) else { return }
                if fact.type.isSet { error("fact '\(id)' is a set; use <has>") }
                findings += lintMembers(members, for: fact, subject: subject, at: location)
            case .contains(let id, let members, _):
                guard let fact = declared(id) else { return }
                if !fact.type.isSet { error("fact '\(id)' is not a set; use <is> or <in>") }
                findings += lintMembers(members, for: fact, subject: subject, at: location)
            case .holds(let rule, _):
                if rules[rule] == nil { error("reference to unknown rule '\(rule)'", unresolved: .init(.rule, rule)) }
            default:
                break
            }
        }
        return findings
    }

    private func lintMembers(_ members: Condition.Members, for fact: FactDeclaration, subject: String,
                             at location: SourceLocation?) -> [Diagnostic] {
        switch members {
        case .values(let values):
            return values.flatMap { lintValue($0, for: fact, subject: subject, at: location) }
        case .set(let id):
            guard let set = sets[id] else {
                return [Diagnostic(.error, "reference to unknown set '\(id)'", at: location, subject: subject, unresolved: .init(.set, id))]
            }
            let expected: NamedSet.Kind? = switch fact.type.elementType {
            case .country, .jurisdiction: .country
            case .enum: .enum
            case .string: .string
            default: nil
            }
            if expected != set.kind {
                return [Diagnostic(.error, "set '\(id)' holds \(set.kind.rawValue) values, but fact '\(fact.id)' is \(fact.type.rawValue)",
                                   at: location, subject: subject)]
            }
            if set.kind == .enum {
                return set.members.flatMap { lintValue($0, for: fact, subject: subject, at: location) }
            }
            return []
        }
    }

    private func lintValue(_ value: String, for fact: FactDeclaration, subject: String, at location: SourceLocation?) -> [Diagnostic] {
        let problem: String? = switch fact.type.elementType {
        case .boolean: (value == "true" || value == "false") ? nil : "'\(value)' is not true or false"
        case .country: CountryCodes.isValid(value) ? nil : "'\(value)' is not an ISO 3166-1 alpha-2 code"
        case .jurisdiction: Jurisdictions.isValid(value) ? nil : "'\(value)' is neither \(Jurisdictions.union) nor an ISO 3166-1 alpha-2 code"
        case .enum: fact.values.contains(value) ? nil : "'\(value)' is not a value of '\(fact.id)' (\(fact.values.joined(separator: ", ")))"
        case .provision: provisions(within: value).isEmpty ? "unknown provision '\(value)'" : nil
        case .date: LegalDate(iso: value) == nil ? "'\(value)' is not an ISO date" : nil
        case .quantity: "unit mismatch: quantity '\(fact.id)' needs <compare> with a unit"
        default: nil
        }
        guard let problem else { return [] }
        let unresolved: UnresolvedReference? = fact.type.elementType == .provision ? .init(.provision, value) : nil
        return [Diagnostic(.error, problem, at: location, subject: subject, unresolved: unresolved)]
    }

    /// Constitutive rules may not define themselves, directly or through others, and that
    /// includes their exceptions: `a` unless `b`, `b` unless `a` has no single meaning (either can
    /// hold), so the solver would pick one freely and verdicts would depend on its whim.
    private func lintDefinitionCycles() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported: Set<String> = []
        /// The rules `id` refers to, each with how the cycle message shows the step ("" through its
        /// condition, "(unless, exception x) " through an exception).
        func dependencies(_ id: String) -> [(rule: String, via: String)] {
            guard let rule = rules[id] else { return [] }
            return rule.condition.ruleReferences.map { ($0, "") }
                + rule.exceptions.flatMap { exception in
                    exception.condition.ruleReferences.map { ($0, "(unless, exception \(exception.id)) ") }
                }
        }
        func visit(_ id: String, path: [(rule: String, via: String)]) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                guard let start = path.firstIndex(where: { $0.rule == id }) else { return }
                let steps = path[start...]
                let key = Set(steps.map(\.rule)).sorted().joined(separator: ",")
                if reported.insert(key).inserted, let rule = rules[id] {
                    let text = steps.map { "\($0.rule) → \($0.via)" }.joined() + id
                    findings.append(Diagnostic(.error, "cycle among definitions: \(text)", at: rule.location, subject: rule.provisionID))
                }
                return
            }
            state[id] = 1
            for (next, via) in dependencies(id) where rules[next] != nil { visit(next, path: path + [(id, via)]) }
            state[id] = 2
        }
        for id in ruleOrder { visit(id, path: []) }
        return findings
    }
}
