import ClauseGraph
import EccaFormats

/// The facts of one check: one request, one item, one recipient, one channel, one date.
public struct FactSnapshot: Sendable, Hashable {
    public var values: [String: FactValue]
    /// Assumptions the reading of the request made (a FLOP figure compared with an operations threshold).
    public var assumptions: [Assumption]

    public init(values: [String: FactValue] = [:], assumptions: [Assumption] = []) {
        self.values = values
        self.assumptions = assumptions
    }

    public subscript(fact: String) -> FactValue { values[fact] ?? .unknown }

    /// A stated assumption, tied to the unit it concerns so an explanation can say when it mattered.
    public struct Assumption: Sendable, Hashable, Codable {
        public var fact: String
        public var unit: String
        public var text: String
    }
}

/// Where a check looks inside a request.
public struct CheckSlot: Sendable, Hashable {
    public var item: Int
    /// Nil when the item lists no recipients (the requesting authority is then the recipient).
    public var recipient: Int?
    public var channel: String
    public init(item: Int, recipient: Int?, channel: String) {
        self.item = item
        self.recipient = recipient
        self.channel = channel
    }
}

/// Where each fact of the vocabulary sits in a check's `ScopedFacts`: its scope, and its position
/// among that scope's facts (the vocabulary's order).
public final class FactLayout: Sendable {
    /// Fact ids per scope (`FactBinding.Scope.rawValue`).
    public let ids: [[String]]
    public let positions: [String: (scope: FactBinding.Scope, index: Int)]

    init(ids: [[String]]) {
        self.ids = ids
        var positions: [String: (scope: FactBinding.Scope, index: Int)] = [:]
        for scope in FactBinding.Scope.allCases {
            for (index, id) in ids[scope.rawValue].enumerated() { positions[id] = (scope, index) }
        }
        self.positions = positions
    }

    /// One snapshot of the facts of a check, from its scopes' facts.
    public func snapshot(_ parts: [ScopedFacts]) -> FactSnapshot {
        var snapshot = FactSnapshot()
        snapshot.values.reserveCapacity(positions.count)
        for part in parts {
            for (index, value) in part.values.enumerated() { snapshot.values[ids[part.scope.rawValue][index]] = value }
            snapshot.assumptions += part.assumptions
        }
        return snapshot
    }

    /// A fact's value in a check's scopes' facts.
    public func value(of fact: String, in parts: [ScopedFacts]) -> FactValue {
        guard let (scope, index) = positions[fact] else { return .unknown }
        return parts.first { $0.scope == scope }?.values[index] ?? .unknown
    }
}

/// The facts of one scope of a check (the request, its item, its channel or its recipient), as
/// positions in `FactLayout.ids` for the scope: reading them fills an array, not a dictionary.
public struct ScopedFacts: Sendable {
    public var scope: FactBinding.Scope
    public var values: [FactValue]
    public var assumptions: [FactSnapshot.Assumption]
}

/// Reads a request into fact snapshots, following the `supplied-by` bindings of the vocabulary.
/// Not thread-safe (it memoises citation look-ups): one per engine.
public final class FactReader {
    public let graph: ClauseGraph
    public let layout: FactLayout
    /// The letters that bind a request though it does not list them.
    let addressed: AddressedInstruments
    private var readings: [String: ClauseGraph.ProvisionReading] = [:]
    /// The vocabulary by scope (`FactBinding.Scope.rawValue`), in order, each fact with where it
    /// comes from, worked out once.
    private let bindings: [[Binding]]

    private final class Binding {
        let id: String
        let fact: FactDeclaration
        let source: Source?
        /// The value of an absent fact whose declaration gives one (`when-absent`).
        let absent: FactValue?
        init(_ fact: FactDeclaration) {
            id = fact.id
            self.fact = fact
            source = Source(rawValue: fact.suppliedBy)
            absent = fact.whenAbsent == .unknown ? nil : fact.type.isSet ? .set([]) : .boolean(false)
        }
    }

    typealias Source = FactBinding.Source

    public init(graph: ClauseGraph) {
        self.graph = graph
        addressed = AddressedInstruments(graph: graph)
        var byScope = Array(repeating: [Binding](), count: FactBinding.Scope.allCases.count)
        for id in graph.factOrder {
            let binding = Binding(graph.facts[id]!)
            byScope[(binding.source?.scope ?? .request).rawValue].append(binding)
        }
        bindings = byScope
        layout = FactLayout(ids: byScope.map { $0.map(\.id) })
    }

    /// `ClauseGraph.reading(of:)`, memoised: batches repeat the same few citations.
    func reading(of reference: String) -> ClauseGraph.ProvisionReading {
        if let known = readings[reference] { return known }
        let result = graph.reading(of: reference)
        if readings.count > 10_000 { readings.removeAll() }
        readings[reference] = result
        return result
    }

    /// The provision id `reference` names in the law loaded, if any.
    func resolve(_ reference: String) -> String? {
        if case .provision(let id) = reading(of: reference) { return id }
        return nil
    }

    /// The recipients a check covers for `item`: those listed, or the requesting authority itself.
    public func recipients(of item: DisclosureRequest.Item, in request: DisclosureRequest) -> [DisclosureRequest.Recipient?] {
        if let recipients = item.recipients, !recipients.isEmpty { return recipients.map { $0 } }
        return [nil]
    }

    /// The facts of one scope of a check: those of the request, of its item, its channel or its
    /// recipient. Facts no request field supplies belong to the request.
    public func facts(_ scope: FactBinding.Scope, of request: DisclosureRequest, slot: CheckSlot, asOf: LegalDate) -> ScopedFacts {
        var part = ScopedFacts(scope: scope, values: [], assumptions: [])
        let item = request.items[slot.item]
        let recipient = slot.recipient.flatMap { item.recipients?[$0] }
        let bindings = bindings[scope.rawValue]
        part.values.reserveCapacity(bindings.count)
        for binding in bindings {
            var value = binding.source.map { source -> FactValue in
                let read = rawValue(source, binding.fact, request: request, item: item, recipient: recipient, slot: slot, asOf: asOf,
                                    assumptions: &part.assumptions)
                guard binding.fact.reads == .whetherGiven else { return read }
                if case .unknown = read { return .boolean(false) }
                return .boolean(true)
            } ?? .unknown
            if case .unknown = value, let absent = binding.absent { value = absent }
            part.values.append(value)
        }
        return part
    }

    private func rawValue(_ source: Source, _ fact: FactDeclaration, request: DisclosureRequest, item: DisclosureRequest.Item,
                          recipient: DisclosureRequest.Recipient?, slot: CheckSlot, asOf: LegalDate,
                          assumptions: inout [FactSnapshot.Assumption]) -> FactValue {
        let implicitRecipient = slot.recipient == nil
        switch source {
        case .asOf: return .date(asOf)
        // Undated, the request is taken as made on the date analysed (the receipt says so).
        case .requestDate: return .date(request.date ?? asOf)
        case .legalBasis:
            guard let basis = request.requester?.legalBasis else { return .unknown }
            // Another act's provision invokes no obligation of the law loaded; a basis it does not
            // know at all may: unknown, so that the verdict depends on it rather than reading it as
            // a request nothing obliges.
            switch reading(of: basis) {
            case .provision(let id): return .scalar(id)
            case .otherAct: return .scalar(basis)
            case .unknown: return .unknown
            }
        case .authority: return request.requester?.authority.map(FactValue.scalar) ?? .unknown
        case .jurisdiction: return request.requester?.jurisdiction.map { .scalar($0.uppercased()) } ?? .unknown
        case .providerName: return request.provider?.name.map(FactValue.scalar) ?? .unknown
        case .establishedIn: return request.provider?.establishedIn.map(FactValue.scalar) ?? .unknown
        case .codeOfPractice: return request.provider?.codeOfPractice.map { .set(Set($0)) } ?? .unknown
        // Those the request lists, and the loaded letters addressed to it that it does not.
        case .instruments:
            let applied = addressed.applied(to: request)
            guard request.instruments != nil || !applied.isEmpty else { return .unknown }
            return .set(Set((request.instruments ?? []) + applied))
        case .modelName:
            guard let name = request.model?.name else { return .unknown }
            guard let spelled = addressed.lawSpelling(of: name) else { return .scalar(name) }
            assumptions.append(.init(fact: fact.id, unit: "",
                                     text: "the model '\(name)' is taken to be '\(spelled)', the name the law loaded tests: the two differ only in case, spaces or punctuation (if they are different models, correct the request)"))
            return .scalar(spelled)
        case .weightsPublished: return request.model?.weightsPublished.map(FactValue.boolean) ?? .unknown
        case .weightsPublishedWithoutRestriction:
            return UnrestrictedPublication.value(of: request.model, fact: fact.id, assumptions: &assumptions)
        case .openSourceLicence: return request.model?.openSourceLicence.map(FactValue.boolean) ?? .unknown
        case .architectureAndUsagePublished: return request.model?.architectureAndUsagePublished.map(FactValue.boolean) ?? .unknown
        case .systemicRiskDesignated: return request.model?.systemicRiskDesignated.map(FactValue.boolean) ?? .unknown
        case .derivedFromPublishedModel: return request.model?.derivedFromPublishedModel.map(FactValue.boolean) ?? .unknown
        case .placedOnEUMarket:
            guard let placed = request.model?.placedOnEUMarket else { return .unknown }
            // A boolean fact on the placing date says whether the model is yet to be placed on
            // the date of the request (Art. 3(63)), since conditions compare dates with constants
            // only (`ClauseGraph.datesAfterRequest`).
            return fact.type == .boolean ? .boolean(placed > (request.date ?? asOf)) : .date(placed)
        case .trainingCompute: return compute(fact, request.model?.trainingCompute, assumptions: &assumptions)
        case .artifact: return .scalar(item.artifact)
        case .channel: return .scalar(slot.channel)
        case .hostingLocation: return item.hostingLocation.map(FactValue.scalar) ?? .unknown
        case .licences:
            let licences = item.licences ?? []
            let provisions = licences.map { entry in resolve(entry).flatMap { graph.provisions[$0] == nil ? nil : $0 } }
            let claims = Set(provisions.compactMap { $0 })
            let numbers = zip(licences, provisions).filter { $0.1 == nil }.map(\.0)
            if fact.type == .boolean {
                // The request says only that a licence is held for the item: what it covers is
                // the reader's to check, and the verdict says so.
                if !numbers.isEmpty {
                    let listed = numbers.map { "'\($0)'" }.joined(separator: ", ")
                    assumptions.append(.init(fact: fact.id, unit: "",
                                             text: "item \(slot.item): \(listed) taken as \(numbers.count == 1 ? "a licence" : "licences") held for this item, covering every recipient and channel of it (a licence covers only the parties, items and uses it names: check that it covers this disclosure)"))
                }
                return .boolean(!numbers.isEmpty)
            }
            return .set(claims)
        case .nationalities:
            return recipient?.nationalities.map { .set(Set($0)) } ?? .unknown
        case .latestCitizenship:
            if let latest = recipient?.latestCitizenship { return .scalar(latest) }
            if let nationalities = recipient?.nationalities, !nationalities.isEmpty {
                return nationalities.count == 1 ? .scalar(nationalities[0]) : .oneOf(nationalities)
            }
            return .unknown
        case .location: return recipient?.location.map(FactValue.scalar) ?? .unknown
        case .headquarters: return recipient?.headquarters.map(FactValue.scalar) ?? .unknown
        case .organisation:
            if implicitRecipient { return request.requester?.authority.map(FactValue.scalar) ?? .unknown }
            return recipient?.organisation.map(FactValue.scalar) ?? .unknown
        case .usPermanentResident:
            return recipient?.usPermanentResident.map(FactValue.boolean) ?? .unknown
        case .governmentBody:
            if let flag = recipient?.governmentBody { return .boolean(flag) }
            // A natural person (nationalities, citizenship or residence given) is not a government
            // body; the requesting authority of a non-US jurisdiction is one (50 U.S.C. 4801(5)(B)).
            if let recipient, recipient.nationalities != nil || recipient.latestCitizenship != nil || recipient.usPermanentResident != nil {
                return .boolean(false)
            }
            // Nor is a body given by where it is incorporated or organised: a corporation,
            // partnership or other entity (4801(5)(B)'s first limb), not a government.
            if recipient?.incorporatedIn != nil { return .boolean(false) }
            let authority = request.requester?.authority
            let isRequester = implicitRecipient || (authority != nil && recipient?.organisation == authority)
            if isRequester, let jurisdiction = request.requester?.jurisdiction {
                return .boolean(jurisdiction.uppercased() != "US")
            }
            return .unknown
        case .incorporatedIn: return recipient?.incorporatedIn.map(FactValue.scalar) ?? .unknown
        case .role:
            if let role = recipient?.role { return .scalar(role) }
            // The requesting authority's own staff, when the recipient is the authority itself.
            let authority = request.requester?.authority
            if implicitRecipient || (authority != nil && recipient?.organisation == authority) { return .scalar("authority-staff") }
            return .unknown
        }
    }

    /// Training compute per unit. One figure is compared with both thresholds and the other unit
    /// is taken as equal to it, which is stated as an assumption; two figures each serve their own.
    private func compute(_ fact: FactDeclaration, _ figures: [DisclosureRequest.Compute]?,
                         assumptions: inout [FactSnapshot.Assumption]) -> FactValue {
        guard let figures, !figures.isEmpty else { return .unknown }
        var bounds: [String: QuantityBounds] = [:]
        for figure in figures {
            let value = figure.value.map(QuantityBounds.exactly) ?? QuantityBounds(lower: figure.min, upper: figure.max)
            bounds[figure.unit.rawValue] = value
        }
        for unit in fact.units where bounds[unit] == nil {
            guard let (givenUnit, given) = bounds.first else { break }
            bounds[unit] = given
            assumptions.append(.init(fact: fact.id, unit: unit,
                                     text: "training compute was given in \(givenUnit) only; the \(unit) count is taken to equal it (every FLOP is an operation, so the \(unit == "operations" ? "operations count can only be higher: give it where it may differ, as Technical Notes 2 and 3 to ECCN 4E091 count operations" : "FLOP count can only be lower: give it where it may differ, as the Art. 51(2) presumption counts FLOP"))"))
        }
        return .quantity(bounds)
    }
}
