import ClauseGraph
import EccaFormats
import EccaSMT

/// The clause graph compiled into one Z3 context, asserted once; requests are then checked
/// against it with `push`/`pop` for their facts and assumption literals for the provisions.
///
/// Encoding (docs/solver.md):
/// - each fact is a constant of its type (Bool, Real per unit, Int day number, finite sorts for
///   countries, enumerations, strings and provisions, one Bool per set element mentioned);
/// - each constitutive rule is a Bool defined as its condition without its exceptions;
/// - each checked norm has an activation literal: its provision binds on the as-of date under the
///   posture, its condition holds, and none of its exceptions does;
/// - each provision carrying checked norms has a tracking literal `t_p`; under `t_p` an active
///   obligation forces `perform`, an active prohibition forbids it. An unsat core over the
///   tracking literals names the clashing provisions.
final class RegulationEncoding {
    let graph: ClauseGraph
    let context: SMTContext
    let solver: SMTSolver

    let perform: SMTTerm
    /// True under the `text` posture, false under `enforcement`.
    let postureText: SMTTerm
    /// Some obligation and some prohibition are both active.
    let clash: SMTTerm
    /// Some prohibition is active: the disclosure is forbidden, whether or not anything obliges
    /// it (an MoU that commits the provider to it needs this, not a clash).
    let forbidden: SMTTerm

    private(set) var booleans: [String: SMTTerm] = [:]
    private(set) var quantities: [String: [String: SMTTerm]] = [:]
    private(set) var dates: [String: SMTTerm] = [:]
    private(set) var scalars: [String: SMTTerm] = [:]
    private(set) var scalarSorts: [String: SMTEnumSort] = [:]
    private(set) var domains: [String: [String]] = [:]
    private(set) var members: [String: [String: SMTTerm]] = [:]
    private(set) var ruleTerms: [String: SMTTerm] = [:]
    private(set) var active: [String: SMTTerm] = [:]
    /// Tracking literal per provision that carries checked norms, in provision order.
    private(set) var tracks: [(provision: String, literal: SMTTerm)] = []
    private(set) var checkedNorms: [Norm] = []

    /// Every assertion of the regulation base, in order, so an optimizer can be given the same base.
    private(set) var baseAssertions: [SMTTerm] = []

    /// A definition in the base, with its place in `baseAssertions`: a constitutive rule
    /// (`rule:r ⟺ body`), or a checked norm's activation (`active:n ⟺ binds ∧ rest`, rest being
    /// its condition and the negations of its exceptions). A proof can be asked which
    /// definitions, or which norms' statuses, it needs (`mou verify`'s caveats).
    struct Definition {
        /// The rule's or the norm's id.
        var id: String
        var assertion: Int
        /// For a norm: its activation literal, that its provision binds, and the rest.
        var norm: (active: SMTTerm, binds: SMTTerm, rest: SMTTerm)?
    }

    private(set) var definitions: [Definition] = []
    /// Where the norms' definitions begin in `baseAssertions`: before it, the facts' domains and
    /// the rules' definitions, which give a condition's terms their meaning.
    private(set) var normsStart = 0

    private func base(_ term: SMTTerm) throws {
        baseAssertions.append(term)
        try solver.assert(term)
    }

    static let otherValue = "__other"
    private var countrySort: SMTEnumSort?

    init(graph: ClauseGraph, timeoutMilliseconds: UInt32?, resourceLimit: UInt32? = nil, memoryLimitMegabytes: UInt32? = nil) throws {
        self.graph = graph
        context = SMTContext()
        solver = try SMTSolver(context: context)
        if let timeoutMilliseconds, timeoutMilliseconds > 0 { try solver.setTimeout(milliseconds: timeoutMilliseconds) }
        // Z3's arithmetic bound propagation is quadratic in the thresholds on one quantity: ten
        // thousand norms comparing the training compute with as many thresholds took 4 s a check
        // (issue 8). Without it the search still decides; checks of the shipped rules are as fast.
        try solver.setParameter("arith.propagation_mode", .uint(0))
        perform = try context.bool("perform")
        postureText = try context.bool("posture-text")
        clash = try context.bool("clash")
        forbidden = try context.bool("forbidden")
        try declareFacts()
        try defineRules()
        try defineNorms()
        // Limits apply to request checks, not to asserting the base.
        if let resourceLimit { try solver.setResourceLimit(resourceLimit) }
        if let memoryLimitMegabytes, memoryLimitMegabytes > 0 { try solver.setMemoryLimit(megabytes: memoryLimitMegabytes) }
    }

    // MARK: Facts

    private func mentionedValues() -> [String: Set<String>] {
        var mentioned: [String: Set<String>] = [:]
        for condition in graph.conditions {
            condition.visitAtoms { atom in
                switch atom {
                case .equals(let fact, let value, _): mentioned[fact, default: []].insert(value)
                case .member(let fact, let wanted, _), .contains(let fact, let wanted, _):
                    mentioned[fact, default: []].formUnion(graph.values(of: wanted))
                default: break
                }
            }
        }
        return mentioned
    }

    private func declareFacts() throws {
        let mentioned = mentionedValues()
        for id in graph.factOrder {
            let fact = graph.facts[id]!
            switch fact.type {
            case .boolean:
                booleans[id] = try context.bool(id)
            case .quantity:
                var perUnit: [String: SMTTerm] = [:]
                for unit in fact.units {
                    let term = try context.real("\(id)@\(unit)")
                    perUnit[unit] = term
                    try base(context.ge(term, try context.real(decimal: "0")))
                }
                // A sub-unit count never exceeds its parent's: FLOP ≤ operations.
                for unit in fact.units {
                    if let parent = graph.units[unit]?.countsToward, let sub = perUnit[unit], let whole = perUnit[parent] {
                        try base(context.le(sub, whole))
                    }
                }
                quantities[id] = perUnit
            case .date:
                dates[id] = try context.int(id)
            case .country:
                let sort = try countries()
                domains[id] = sort.valueNames
                scalarSorts[id] = sort
                scalars[id] = try context.enumConstant(id, sort: sort)
            // A jurisdiction is kept to the values the law names, as a string is: EU is not in the
            // country sort, and the rest of the world are alike to every condition.
            case .enum, .string, .provision, .jurisdiction:
                var domain: [String]
                switch fact.type {
                case .enum: domain = fact.values
                case .provision: domain = graph.provisionOrder + (mentioned[id] ?? []).sorted().filter { graph.provisions[$0] == nil }
                default: domain = (mentioned[id] ?? []).sorted()
                }
                domain.append(Self.otherValue)
                let sort = try context.enumerationSort("sort:\(id)", values: domain)
                domains[id] = domain
                scalarSorts[id] = sort
                scalars[id] = try context.enumConstant(id, sort: sort)
            case .setOfCountry, .setOfEnum, .setOfString:
                var elements: [String: SMTTerm] = [:]
                for element in (mentioned[id] ?? []).sorted() {
                    elements[element] = try context.bool("\(id)∋\(element)")
                }
                members[id] = elements
            }
        }
    }

    /// A set fact's membership literals in element order. Whatever goes to the solver goes in one
    /// order, not in the dictionary's hash order of the run (which would make cures and witnesses
    /// vary from run to run).
    func memberLiterals(of fact: String) -> [(element: String, literal: SMTTerm)] {
        (members[fact] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private func countries() throws -> SMTEnumSort {
        if let countrySort { return countrySort }
        let sort = try context.enumerationSort("Country", values: CountryCodes.all.sorted())
        countrySort = sort
        return sort
    }

    // MARK: Rules and norms

    private func defineRules() throws {
        for id in graph.ruleOrder { ruleTerms[id] = try context.bool("rule:\(id)") }
        for id in graph.ruleOrder {
            let rule = graph.rules[id]!
            let body = try context.and([try term(rule.condition)] + rule.exceptions.map { try context.not(term($0.condition)) })
            try base(context.iff(ruleTerms[id]!, body))
            definitions.append(Definition(id: id, assertion: baseAssertions.count - 1))
        }
    }

    private func defineNorms() throws {
        normsStart = baseAssertions.count
        checkedNorms = graph.norms.filter { Norm.checkedBearers.contains($0.bearer) && $0.modality != .permission }
        var obligations: [SMTTerm] = []
        var prohibitions: [SMTTerm] = []
        var byProvision: [String: [Norm]] = [:]
        for norm in checkedNorms {
            let literal = try context.bool("active:\(norm.id)")
            active[norm.id] = literal
            let status = try binds(norm)
            var parts: [SMTTerm] = []
            if let condition = norm.condition { parts.append(try term(condition)) }
            parts += try norm.exceptions.map { try context.not(term($0.condition)) }
            try base(context.iff(literal, context.and([status] + parts)))
            definitions.append(Definition(id: norm.id, assertion: baseAssertions.count - 1,
                                          norm: (literal, status, try context.and(parts))))
            if norm.modality == .obligation { obligations.append(literal) } else { prohibitions.append(literal) }
            byProvision[norm.provisionID, default: []].append(norm)
        }
        try base(context.iff(clash, context.and([context.or(obligations), context.or(prohibitions)])))
        try base(context.iff(forbidden, context.or(prohibitions)))
        for provision in graph.provisionOrder {
            guard let norms = byProvision[provision] else { continue }
            let track = try context.bool("track:\(provision)")
            tracks.append((provision, track))
            for norm in norms {
                let effect = norm.modality == .obligation ? perform : try context.not(perform)
                try base(context.implies(track, context.implies(active[norm.id]!, effect)))
            }
        }
    }

    /// A norm's provision binds under the posture (its effective status timeline). A prohibition
    /// on the as-of date, the disclosure's. An obligation arises from the request: the request
    /// must have been valid when made (the provision in force and applicable on
    /// `FactBinding.FactID.requestDate`, where the law declares it), and the duty binds when
    /// performed, on the as-of date, if still in force and, under the enforcement posture,
    /// enforced then (`StatusTimeline.binds(requested:performed:posture:)`).
    func binds(_ norm: Norm) throws -> SMTTerm {
        let status = graph.effectiveStatus(ofProvision: norm.provisionID)
        if status.voluntary != nil { return context.false }
        guard let performed = dates["as-of"] else { return context.true }
        func within(_ interval: StatusInterval?, on day: SMTTerm) throws -> SMTTerm {
            guard let interval else { return context.true }
            var parts: [SMTTerm] = []
            if let from = interval.from { parts.append(try context.ge(day, try context.int(value: from.dayNumber))) }
            if let until = interval.until { parts.append(try context.lt(day, try context.int(value: until.dayNumber))) }
            return try context.and(parts)
        }
        func inForce(on day: SMTTerm) throws -> [SMTTerm] {
            var parts = [try within(status.inForce, on: day)]
            if let published = status.rescissionPublished?.on {
                parts.append(try context.lt(day, try context.int(value: published.dayNumber)))
            }
            return parts
        }
        var parts: [SMTTerm] = []
        if norm.modality == .obligation, let requested = dates[FactBinding.FactID.requestDate] {
            parts += try inForce(on: requested) + [try within(status.applicable, on: requested)] + inForce(on: performed)
        } else {
            parts += try inForce(on: performed) + [try within(status.applicable, on: performed)]
        }
        if !status.enforced.isEmpty {
            let enforced = try context.or(try status.enforced.map { try within($0, on: performed) })
            parts.append(try context.or([postureText, enforced]))
        }
        return try context.and(parts)
    }

    // MARK: Conditions

    /// The Z3 term of a condition.
    func term(_ condition: Condition) throws -> SMTTerm {
        switch condition {
        case .all(let parts): return try context.and(parts.map(term))
        case .any(let parts): return try context.or(parts.map(term))
        case .not(let inner): return try context.not(term(inner))
        case .constant(let flag): return flag ? context.true : context.false
        case .holds(let rule, _):
            guard let literal = ruleTerms[rule] else { return context.false }
            return literal
        case .compare(let comparison): return try compare(comparison)
        case .equals(let fact, let value, _): return try equals(fact: fact, anyOf: [value])
        case .member(let fact, let wanted, _): return try equals(fact: fact, anyOf: graph.values(of: wanted))
        case .contains(let fact, let wanted, _):
            let elements = members[fact] ?? [:]
            return try context.or(graph.values(of: wanted).compactMap { elements[$0] })
        }
    }

    private func compare(_ comparison: Condition.Comparison) throws -> SMTTerm {
        let lhs: SMTTerm
        let rhs: SMTTerm
        if let unit = comparison.unit, let variable = quantities[comparison.fact]?[unit], let value = ExactDecimal(comparison.value) {
            lhs = variable
            rhs = try context.real(decimal: value.description)
        } else if let variable = dates[comparison.fact], let date = LegalDate(iso: comparison.value) {
            lhs = variable
            rhs = try context.int(value: date.dayNumber)
        } else {
            return context.false  // rejected by the lint; never reached for a clean graph
        }
        switch comparison.op {
        case .gt: return try context.gt(lhs, rhs)
        case .ge: return try context.ge(lhs, rhs)
        case .lt: return try context.lt(lhs, rhs)
        case .le: return try context.le(lhs, rhs)
        case .eq: return try context.eq(lhs, rhs)
        case .ne: return try context.not(context.eq(lhs, rhs))
        }
    }

    private func equals(fact: String, anyOf values: [String]) throws -> SMTTerm {
        if let variable = booleans[fact] {
            let wanted = Set(values)
            if wanted.contains("true") && wanted.contains("false") { return context.true }
            if wanted.contains("true") { return variable }
            if wanted.contains("false") { return try context.not(variable) }
            return context.false
        }
        if let variable = dates[fact] {
            return try context.or(values.compactMap(LegalDate.init(iso:)).map { try context.eq(variable, context.int(value: $0.dayNumber)) })
        }
        guard let variable = scalars[fact], let sort = scalarSorts[fact], let domain = domains[fact] else { return context.false }
        let isProvision = graph.facts[fact]?.type == .provision
        let matching = domain.filter { candidate in
            values.contains { candidate == $0 || (isProvision && candidate.hasPrefix($0 + ".")) }
        }
        return try context.or(matching.map { try context.eq(variable, sort.value($0)) })
    }

    /// That a provision fact is the provision `value` itself, not one within it: whether citing
    /// exactly Art. 92 forces a clash, where citing a paragraph within it (Art. 92(7), the dialogue
    /// before a request) may not. Nil for other facts, or a value the fact cannot take.
    func isExactly(_ fact: String, _ value: String) throws -> SMTTerm? {
        guard graph.facts[fact]?.type == .provision, let variable = scalars[fact], let sort = scalarSorts[fact],
              domains[fact]?.contains(value) == true else { return nil }
        return try context.eq(variable, sort.value(value))
    }

    // MARK: Facts of one check

    /// Asserts a snapshot's facts (call between `push` and `pop`). Here and in `constraints`,
    /// terms go to the solver in a fixed order (facts, elements, units by name): Z3's search, and
    /// so which of several equally good answers it gives (a cure, a witness), follows the order of
    /// what it is told, which must not depend on a dictionary's per-process hash seed.
    func assert(_ snapshot: FactSnapshot) throws {
        for (id, value) in snapshot.values.sorted(by: { $0.key < $1.key }) {
            for constraint in try constraints(fact: id, value: value) { try solver.assert(constraint) }
        }
    }

    func constraints(fact id: String, value: FactValue) throws -> [SMTTerm] {
        switch value {
        case .unknown:
            return []
        case .boolean(let flag):
            guard let variable = booleans[id] else { return [] }
            return [flag ? variable : try context.not(variable)]
        case .date(let date):
            guard let variable = dates[id] else { return [] }
            return [try context.eq(variable, context.int(value: date.dayNumber))]
        case .scalar(let text):
            return [try scalarChoice(id, [text])].compactMap { $0 }
        case .oneOf(let options):
            return [try scalarChoice(id, options)].compactMap { $0 }
        case .set(let elements):
            return try memberLiterals(of: id).map { element, variable in
                elements.contains(element) ? variable : try context.not(variable)
            }
        case .quantity(let byUnit):
            var result: [SMTTerm] = []
            for (unit, bounds) in byUnit.sorted(by: { $0.key < $1.key }) {
                guard let variable = quantities[id]?[unit] else { continue }
                if let lower = bounds.lower { result.append(try context.ge(variable, context.real(decimal: lower.description))) }
                if let upper = bounds.upper { result.append(try context.le(variable, context.real(decimal: upper.description))) }
            }
            return result
        }
    }

    private func scalarChoice(_ id: String, _ options: [String]) throws -> SMTTerm? {
        guard let variable = scalars[id], let sort = scalarSorts[id], let domain = domains[id] else { return nil }
        let chosen = Set(options.map { domain.contains($0) ? $0 : Self.otherValue })
        return try context.or(chosen.sorted().map { try context.eq(variable, sort.value($0)) })
    }

    /// Posture as a constraint.
    func posture(_ posture: Posture) throws -> SMTTerm {
        posture == .text ? postureText : try context.not(postureText)
    }
}
