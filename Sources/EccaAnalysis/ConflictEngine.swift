import ClauseGraph
import EccaFormats
import EccaSMT
import Foundation

/// Decides disclosure requests against a clause graph with Z3.
///
/// One engine owns one Z3 context with the regulation base asserted once; each request is
/// checked with `push`/`pop` and assumption literals, never with a fresh solver. Not thread-safe:
/// use one engine per worker.
public final class ConflictEngine {
    public let graph: ClauseGraph
    public let options: AnalysisOptions
    let encoding: RegulationEncoding
    let mapSolver: SMTSolver
    let facts: FactReader
    let renderer: AtomRenderer
    let caveats: CaveatIndex
    /// The model names each instrument's norms test (`namedInstrumentNotes`).
    let modelNames: [String: [String]]
    private var atomTerms: [(atom: Condition, term: SMTTerm)] = []
    private(set) var keys: EquivalenceKeyBuilder!
    private(set) var compiled: CompiledConditions!
    /// Per checked norm, its conditions on the request's legal basis (`invokingAtoms(norms:atoms:graph:)`).
    private(set) var invokingAtoms: [[Int]] = []
    /// The quantity comparisons among the atoms whose comparator is in doubt (`ThresholdEquality`),
    /// with their place in the atom list: the verdict may rest on one at exactly its threshold.
    private(set) var doubtfulComparisons: [(atom: Int, comparison: Condition.Comparison)] = []
    /// The checked norms that are prohibitions, by index, with their provisions: what `forbidding`
    /// walks for every compliant channel, without copying every norm each time.
    private(set) var prohibitions: [(index: Int, provisionID: String)] = []
    /// The words that lead in to each sanction of a checked norm (`ClauseGraph.leadIn`), read once.
    private(set) var sanctionLeadIns: [String: String] = [:]
    /// Per checked norm, a ground's provision, citation, jurisdiction and modality (the rest is
    /// filled in per check).
    private(set) var groundHeads: [Ground] = []
    /// Per checked norm, its instrument's id where that instrument binds only the provider it is
    /// addressed to (an is-informed letter): a clear verdict's grounds leave out the letters the
    /// request is not bound by, which say nothing about it.
    private(set) var addressedOnly: [String?] = []
    /// Per checked norm, the caveats its grounds may rest on, by outcome.
    private(set) var groundCaveats: [GroundCaveats] = []
    /// Effective status of each provision that carries a checked norm.
    private(set) var statuses: [String: StatusTimeline] = [:]
    /// The dates its conditions compare the as-of date or the request's date with (Art. 111(3)'s
    /// 2 August 2027): an undated request's date is the as-of date.
    private(set) var asOfThresholds: Set<LegalDate> = []
    /// The dates on which something the law says can change, ascending: the graph's status
    /// breakpoints and `asOfThresholds`.
    private(set) var changeDates: [LegalDate] = []
    /// The checked prohibitions an on-site inspection's place can decide
    /// (`placeReadingProhibitions(in:norms:)`), and the atoms that test whether it is given.
    private(set) var placeReadingProhibitions: [Int] = []
    private(set) var hostingGivenAtoms: [Int] = []
    /// The request-wide preconditions of obligations (`preconditionRules(graph:norms:)`).
    private(set) var preconditionRules: [(rule: String, norms: [Int])] = []
    /// Each licence review policy with the norms whose licence requirement it reviews
    /// (`ClauseGraph.norms(reviewedUnder:)`), in provision order: read for every licence hint,
    /// so found once rather than by walking every provision and norm per finding.
    private(set) var reviewedLicences: [(review: LicenceReview, norms: [Norm])] = []
    /// Solved checks by equivalence class (see `EquivalenceKeyBuilder`); bounded, so memory stays flat.
    private var solved: [CheckClass: SolvedCheck] = [:]
    private static let cacheLimit = 50_000
    /// Checks answered from the cache and by the solver, for benchmarks and tests.
    public private(set) var statistics = (cached: 0, solved: 0)
    /// Tests only: every check fails with this error before reaching Z3, to show that a solver
    /// failure stays with its request. Internal, so only `@testable` code can set it.
    var injectedFault: SMTError?

    /// Classes solved by other engines of the same batch, if any.
    let shared: SolvedClasses?

    /// - Parameter shared: answers shared with other engines on the same graph and options (a
    ///   batch's workers).
    public init(graph: ClauseGraph, options: AnalysisOptions = AnalysisOptions(), shared: SolvedClasses? = nil) throws {
        self.graph = graph
        self.options = options
        self.shared = options.reuseEquivalentChecks ? shared : nil
        encoding = try RegulationEncoding(graph: graph, timeoutMilliseconds: options.timeoutMilliseconds,
                                          resourceLimit: options.resourceLimit, memoryLimitMegabytes: options.memoryLimitMegabytes)
        mapSolver = try SMTSolver(context: encoding.context)
        facts = FactReader(graph: graph)
        renderer = AtomRenderer(graph: graph)
        caveats = CaveatIndex(graph: graph)
        modelNames = facts.addressed.modelNames
        var seen: Set<Condition> = []
        for condition in encoding.checkedNorms.flatMap({ [$0.condition].compactMap { $0 } + $0.exceptions.map(\.condition) })
            + graph.ruleOrder.flatMap({ [graph.rules[$0]!.condition] + graph.rules[$0]!.exceptions.map(\.condition) }) {
            var atoms: [Condition] = []
            condition.visitAtoms { atom in
                if case .holds = atom { return }
                if case .constant = atom { return }
                atoms.append(atom)
            }
            for atom in atoms where seen.insert(atom).inserted {
                atomTerms.append((atom, try encoding.term(atom)))
            }
        }
        keys = EquivalenceKeyBuilder(graph: graph, atoms: atomTerms.map(\.atom), norms: encoding.checkedNorms)
        doubtfulComparisons = atomTerms.indices.compactMap { index in
            guard case .compare(let comparison) = atomTerms[index].atom, renderer.thresholds.isInDoubt(comparison) else { return nil }
            return (index, comparison)
        }
        compiled = CompiledConditions(graph: graph, layout: facts.layout, atoms: atomTerms.map(\.atom), norms: encoding.checkedNorms)
        invokingAtoms = Self.invokingAtoms(norms: encoding.checkedNorms, atoms: atomTerms.map(\.atom), graph: graph)
        prohibitions = encoding.checkedNorms.enumerated().filter { $0.element.modality == .prohibition }.map { ($0.offset, $0.element.provisionID) }
        for norm in encoding.checkedNorms { statuses[norm.provisionID] = graph.effectiveStatus(ofProvision: norm.provisionID) }
        for sanction in Set(encoding.checkedNorms.flatMap(\.sanctions)) { sanctionLeadIns[sanction] = graph.leadIn(ofPoint: sanction) }
        // The request's date is the as-of date when the request gives none.
        asOfThresholds = Set((graph.comparisons(of: "as-of") + graph.comparisons(of: FactBinding.FactID.requestDate)).flatMap(\.switchDays))
        // The days another reading of the law begins or ends (`Norm.otherReadings`), on which a
        // timeline looks again though no verdict turns on them.
        for reading in encoding.checkedNorms.flatMap(\.otherReadings) {
            reading.condition.visitAtoms { atom in
                if case .compare(let comparison) = atom, comparison.fact == "as-of" { asOfThresholds.formUnion(comparison.switchDays) }
            }
        }
        changeDates = asOfThresholds.union(graph.statusBreakpoints).sorted()
        preconditionRules = Self.preconditionRules(graph: graph, norms: encoding.checkedNorms)
        reviewedLicences = graph.licenceReviews.map { ($0, graph.norms(reviewedUnder: $0)) }
        placeReadingProhibitions = Self.placeReadingProhibitions(in: graph, norms: encoding.checkedNorms)
        hostingGivenAtoms = atomTerms.indices.filter { atomTerms[$0].atom.facts.contains(FactBinding.FactID.hostingLocationGiven) }
        groundHeads = encoding.checkedNorms.map { norm in
            let provision = graph.provisions[norm.provisionID]
            let instrument = provision.flatMap { graph.instruments[$0.instrumentID] }
            return Ground(provision: norm.provisionID, citation: provision?.citation ?? norm.provisionID,
                          jurisdiction: instrument?.jurisdiction ?? "", modality: norm.modality.rawValue,
                          outcome: .open, recipient: nil, reasons: [], caveats: [], citationNotVerified: graph.citationNotVerified(norm.provisionID))
        }
        addressedOnly = encoding.checkedNorms.map { norm in
            graph.provisions[norm.provisionID].flatMap { graph.instruments[$0.instrumentID] }.flatMap { $0.appliesWhenNamed ? $0.id : nil }
        }
        groundCaveats = encoding.checkedNorms.map { norm in
            let rules = norm.condition.map(ruleClosure) ?? []
            let ruleExceptions = rules.flatMap { graph.rules[$0]?.exceptions ?? [] }
            let condition = [norm.provisionID] + rules.compactMap { graph.rules[$0]?.provisionID } + ruleExceptions.compactMap(\.provisionID)
            return GroundCaveats(status: caveats.instrumentIDs(of: norm.provisionID), condition: caveats.ids(of: condition),
                                 exceptions: norm.exceptions.map { caveats.ids(of: $0.provisionID.map { [$0] } ?? []) })
        }
    }

    /// Analyses one request. Throws only for requests that cannot be analysed at all.
    public func analyze(_ request: DisclosureRequest, today: LegalDate? = nil) throws(AnalysisError) -> RequestAnalysis {
        try analyze(request, asOf: analysisDate(of: request, today: today))
    }

    /// The day a request is analysed on: `--as-of`, else the day it was made, else today.
    func analysisDate(of request: DisclosureRequest, today: LegalDate? = nil) -> LegalDate {
        options.asOf ?? request.date ?? today ?? options.today
    }

    /// Analyses one request on a given date (timelines analyse the same request on many dates).
    public func analyze(_ request: DisclosureRequest, asOf: LegalDate) throws(AnalysisError) -> RequestAnalysis {
        try analyze(request, asOf: asOf, lookingAhead: true)
    }

    /// - Parameter lookingAhead: whether to say what changes up to the request's deadline, and to
    ///   analyse the days on which it does (`RequestAnalysis.beforeDeadline`): not for those days
    ///   themselves, nor where only the day's verdicts are read (a timeline, which analyses each
    ///   such day anyway; a cure verified, a threshold probed, a counterexample confirmed).
    func analyze(_ request: DisclosureRequest, asOf: LegalDate, lookingAhead: Bool) throws(AnalysisError) -> RequestAnalysis {
        for instrument in request.instruments ?? [] where graph.instruments[instrument] == nil {
            throw .unknownInstrument(id: instrument, requestID: request.id)
        }
        // Before any check, so that an answer cached for the request's class cannot stand in for
        // the refusal (the solver's check below is the backstop for contradictions not known here).
        if request.model?.computeContradiction != nil { throw .contradictoryFacts(requestID: request.id) }
        if let requested = request.date, asOf < requested {
            throw .disclosureBeforeRequest(requestID: request.id, requested: requested, asOf: asOf)
        }
        var items: [ItemAnalysis] = []
        var findings: [Finding] = []
        var findingIDs: Set<String> = []
        var notes: [String] = []
        // A legal basis the law loaded does not know is an unknown fact: said, so that the reader
        // knows why the verdict depends on it.
        if let basis = request.requester?.legalBasis {
            switch facts.reading(of: basis) {
            case .provision(let id): notes += legalBasisClassNotes(basis, provision: id, request: request, asOf: asOf)
            case .otherAct:
                notes.append("the legal basis '\(basis)' is a provision of an act the regulations loaded do not hold, so no obligation of theirs arises from it; whether that act obliges the disclosure is to be checked apart")
            case .unknown:
                notes.append("the legal basis '\(basis)' names no provision of the regulations loaded, so ecca cannot tell which obligation it invokes: the verdict depends on it (cite the provision as the regulations loaded do: by its citation or its id)")
            }
        }
        // The request's own facts, read once: its preconditions' notes and every item's checks share them.
        let requestScope = request.items.first.map { scopeFacts(.request, request, CheckSlot(item: 0, recipient: nil, channel: $0.channel), asOf) }
        let preconditions = requestScope.map { preconditionNotes(request, requestFacts: $0.facts, asOf: asOf) } ?? []
        notes += preconditions.map(\.text)
        // A loaded letter addressed to the provider binds it whether or not the request lists it
        // (the fact reader applies it): said.
        notes += namedInstrumentNotes(request) + facts.addressed.review(request).notes
        let ahead = lookingAhead ? deadlineChanges(request, asOf: asOf) : nil
        notes += ahead.map { [$0.note] } ?? []
        // Said here, but made from the checks the items' loop prepares (`onSiteLocationNote`).
        let onSiteNotesAt = notes.count
        var onSiteNotes: [String] = []
        if let straddle = straddleNote(request, asOf: asOf) { notes.append(straddle) }
        // Obligations are judged on the request's date: an undated request's is the date analysed.
        var assumptions: [String] = request.date == nil
            ? ["the request gives no date: it is taken as made on \(asOf), the date analysed, so the obligations it invokes are judged on that date too"] : []
        do {
            for (index, item) in request.items.enumerated() {
                guard let requestScope else { break }  // read above from the first item, so there whenever an item is
                let channels = Self.channels(of: item)
                let recipients = facts.recipients(of: item, in: request)
                // The facts of the request, the item, each channel and each recipient, each read
                // and evaluated once, combined per check and shared by the postures.
                let itemScope = scopeFacts(.item, request, CheckSlot(item: index, recipient: nil, channel: item.channel), asOf)
                let recipientScopes = recipients.indices.map { recipientIndex in
                    scopeFacts(.recipient, request, CheckSlot(item: index, recipient: recipients[recipientIndex] == nil ? nil : recipientIndex,
                                                             channel: item.channel), asOf)
                }
                let prepared = channels.map { channel in
                    let channelScope = scopeFacts(.channel, request, CheckSlot(item: index, recipient: nil, channel: channel), asOf)
                    return recipients.indices.map { recipientIndex in
                        prepare(CheckSlot(item: index, recipient: recipients[recipientIndex] == nil ? nil : recipientIndex, channel: channel),
                                from: [requestScope, itemScope, channelScope, recipientScopes[recipientIndex]])
                    }
                }
                if let onSite = channels.firstIndex(of: Self.onSite), let note = onSiteLocationNote(request, item: index, slots: prepared[onSite]) {
                    onSiteNotes.append(note)
                }
                for slot in prepared.flatMap({ $0 }) {
                    for assumption in slot.assumptions where !assumptions.contains(assumption.text) {
                        assumptions.append(assumption.text)
                    }
                }
                var perPosture: [String: ItemPostureAnalysis] = [:]
                // Worked out at the first clear posture and shared by the next.
                var assessed: [[NormAssessment?]]?
                for posture in options.postures {
                    var outcomes: [ChannelOutcome] = []
                    var postureFindings: [String] = []
                    var deciding: [DecidingCondition] = []
                    // The findings on the channel asked for, whose exceptions say what would cure the item.
                    var askedFindings: [Finding] = []
                    var unbound: [UnboundObligationNote] = []
                    for (channelIndex, channel) in channels.enumerated() {
                        var slotOutcomes: [ChannelOutcome.Outcome] = []
                        var reason: String?
                        for slot in prepared[channelIndex] {
                            unbound += notBindingNotes(slot, asOf: asOf, posture: posture)
                            let result = try check(slot, posture: posture, asOf: asOf)
                            slotOutcomes.append(result.outcome)
                            if let why = result.reason { reason = why }
                            for finding in result.findings {
                                if findingIDs.insert(finding.id).inserted { findings.append(finding) }
                                if !postureFindings.contains(finding.id) { postureFindings.append(finding.id) }
                                if channel == item.channel && !askedFindings.contains(finding) { askedFindings.append(finding) }
                            }
                            if channel == item.channel {
                                // Said once; a condition said for several recipients rests on each one's norms.
                                for condition in result.deciding {
                                    if let index = deciding.firstIndex(where: { $0.text == condition.text }) {
                                        deciding[index].caveats = CaveatIndex.merged(deciding[index].caveats, condition.caveats)
                                    } else {
                                        deciding.append(condition)
                                    }
                                }
                            }
                        }
                        let combined: ChannelOutcome.Outcome =
                            slotOutcomes.contains(.conflicting) ? .conflicting
                            : slotOutcomes.allSatisfy { $0 == .compliant } ? .compliant : .undetermined
                        // A compliant channel may still be forbidden where nothing obliges it: said beside "compliant".
                        outcomes.append(ChannelOutcome(channel: channel, outcome: combined, reason: combined == .compliant ? nil : reason,
                                                       forbiddenBy: combined == .compliant
                                                           ? forbidding(prepared[channelIndex], posture: posture, asOf: asOf) : nil))
                    }
                    let asked = outcomes[0]
                    let compliantAlternatives = outcomes.dropFirst().filter { $0.outcome == .compliant }.map(\.channel)
                    let verdict: Verdict
                    switch asked.outcome {
                    case .compliant: verdict = .clear
                    case .conflicting:
                        verdict = !compliantAlternatives.isEmpty ? .avoidable
                            : outcomes.dropFirst().contains { $0.outcome == .undetermined } ? .undetermined : .conflict
                    case .undetermined:
                        verdict = compliantAlternatives.isEmpty ? .undetermined : .avoidable
                    }
                    if verdict == .undetermined, deciding.isEmpty, let reason = outcomes.compactMap(\.reason).first {
                        deciding.append(DecidingCondition(text: "the solver could not decide: \(reason)", caveats: []))
                    }
                    var grounds: [Ground]?
                    if verdict == .clear && options.groundsForClearVerdicts {
                        let assessments = assessed ?? prepared[0].map { self.assessments(of: $0, asOf: asOf) }
                        assessed = assessments
                        grounds = self.grounds(of: prepared[0], assessments: assessments, posture: posture, asOf: asOf)
                    }
                    // The alternative a report recommends gets its grounds too.
                    var alternativeGrounds: [String: [Ground]]?
                    if verdict != .clear && options.groundsForClearVerdicts && !compliantAlternatives.isEmpty {
                        var byChannel: [String: [Ground]] = [:]
                        for (channelIndex, channel) in channels.enumerated().dropFirst() where compliantAlternatives.contains(channel) {
                            let slots = prepared[channelIndex]
                            byChannel[channel] = self.grounds(of: slots, assessments: slots.map { self.assessments(of: $0, asOf: asOf) },
                                                              posture: posture, asOf: asOf)
                        }
                        alternativeGrounds = byChannel
                    }
                    // A ground that says the obligation does not bind says what its note would.
                    let saidByGrounds = Set((grounds ?? []).filter { $0.outcome == .notBinding || $0.outcome == .voluntary }.map(\.provision))
                    for note in unbound where !saidByGrounds.contains(note.provision) && !notes.contains(note.text) {
                        notes.append(note.text)
                    }
                    let decides = verdict == .undetermined || (verdict == .avoidable && asked.outcome == .undetermined)
                    let exact = exactThresholds(prepared[0], posture: posture, asOf: asOf)
                    perPosture[posture.rawValue] = ItemPostureAnalysis(
                        // An alternative is a cure only where the channel asked for does not comply.
                        verdict: verdict, channels: outcomes, compliantAlternatives: verdict == .clear ? [] : compliantAlternatives,
                        // Also for an avoidable item whose channel asked for may conflict: what decides it.
                        decidingConditions: decides ? deciding.map(\.text) : [], decidingConditionCaveats: decides ? deciding.map(\.caveats) : [],
                        cures: verdict == .conflict || verdict == .avoidable ? Self.cures(of: askedFindings) : [], findings: postureFindings,
                        grounds: grounds, alternativeGrounds: alternativeGrounds, exactThresholds: exact)
                }
                let itemVerdict = perPosture.values.map(\.verdict).max() ?? .clear
                items.append(ItemAnalysis(index: index, id: item.id, artifact: item.artifact, channel: item.channel,
                                          verdict: itemVerdict, postures: perPosture))
            }
            notes.insert(contentsOf: onSiteNotes, at: onSiteNotesAt)
        } catch is ContradictoryFacts {
            throw .contradictoryFacts(requestID: request.id)
        } catch let error as SMTError {
            throw .solver(message: String(describing: error), requestID: request.id)
        } catch {
            throw .solver(message: String(describing: error), requestID: request.id)
        }
        // A US prohibition reaches only items subject to the EAR, which ecca assumes the model's
        // parameters are: said where the provider is established elsewhere.
        if let established = request.provider?.establishedIn, established.uppercased() != "US",
           findings.contains(where: { $0.provisions.contains { $0.jurisdiction == "US" && $0.modality == "prohibition" } }) {
            notes.append("the provider is established in \(established): ecca assumes the model's parameters are subject to the EAR (US-origin, in the United States, or a foreign-made direct product under 15 CFR 734.9), which a US prohibition found here needs; check US origin and the foreign-direct-product rule before relying on it, and where they do not reach the parameters, claim it (list \"us.ear.734.3.a\" in the item's licences)")
        }
        var postures: [String: Verdict] = [:]
        for posture in options.postures {
            postures[posture.rawValue] = items.compactMap { $0.postures[posture.rawValue]?.verdict }.max() ?? .clear
        }
        // In the order `check` names them: per item and posture, the grounds of the alternative to
        // use, the deciding conditions and the grounds; then the findings.
        let caveatsOfGrounds = items.flatMap { item in
            options.postures.flatMap { posture -> [String] in
                guard let detail = item.postures[posture.rawValue] else { return [] }
                let alternatives = detail.compliantAlternatives.flatMap { detail.alternativeGrounds?[$0] ?? [] }
                return alternatives.flatMap(\.caveats) + detail.decidingConditionCaveats.joined() + (detail.grounds ?? []).flatMap(\.caveats)
            }
        }
        return RequestAnalysis(id: request.id, asOf: asOf, verdict: postures.values.max() ?? .clear, postures: postures,
                               items: items, findings: findings, assumptions: assumptions, notes: notes,
                               caveats: caveats.caveats(for: caveatsOfGrounds + findings.flatMap(\.caveats) + preconditions.flatMap(\.caveats),
                                                        texts: options.caveatTexts),
                               requestDate: request.date.flatMap { $0 == asOf ? nil : $0 }, undated: request.date == nil,
                               beforeDeadline: try ahead.flatMap { ahead throws(AnalysisError) in try verdicts(of: request, on: ahead.days, after: postures) })
    }

    /// The verdicts on `days` (ascending, after the as-of date) that differ from those of the day
    /// before, starting from `current`, the as-of date's; nil where none does.
    private func verdicts(of request: DisclosureRequest, on days: [LegalDate], after current: [String: Verdict]) throws(AnalysisError) -> [DatedVerdicts]? {
        var previous = current
        var changed: [DatedVerdicts] = []
        for day in days {
            let later = try analyze(request, asOf: day, lookingAhead: false)
            guard later.postures != previous else { continue }
            changed.append(DatedVerdicts(date: day, verdict: later.verdict, postures: later.postures))
            previous = later.postures
        }
        return changed.isEmpty ? nil : changed
    }

    /// Today where ecca runs: the local calendar day, as the C library reads `TZ` (a zone name,
    /// ":Europe/Brussels", or a POSIX rule such as "CET-1CEST,M3.5.0,M10.5.0/3", as `date` does),
    /// not UTC's, so that an undated request analysed at 00:30 in Brussels on 2 August 2026 is
    /// judged on 2 August, not on 1 August (law audit of 2026-12-06, D4; Foundation's time zone
    /// ignored POSIX rules and fell back to UTC without a word).
    public static func today() -> LegalDate {
        tzset()
        var now = time(nil)
        var local = tm()
        guard localtime_r(&now, &local) != nil,
              let day = LegalDate(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday)) else {
            return LegalDate(dayNumber: Int(now / 86_400))
        }
        return day
    }

    // MARK: One check

    struct SlotResult {
        var outcome: ChannelOutcome.Outcome
        var findings: [Finding]
        var deciding: [DecidingCondition]
        var reason: String?
    }

    /// What the solver decided for one class of checks; explanations are rebuilt per request.
    struct SolvedCheck {
        var outcome: ChannelOutcome.Outcome
        var clashingSets: [[String]]
        /// With their caveats, which the class fixes too (`decidingCaveats`).
        var deciding: [DecidingCondition]
        var reason: String?
    }

    /// The facts of one scope of a check (`FactBinding.Scope`) and the truths of the atoms over them.
    struct ScopeFacts {
        var facts: ScopedFacts
        /// In `CompiledConditions.atomsByScope` order.
        var truths: [Truth]
    }

    /// One channel and recipient of an item: its facts, and the truth of each atom and of each
    /// checked norm's condition and exceptions on them (independent of the posture).
    struct PreparedSlot {
        var slot: CheckSlot
        /// The facts by scope, in `FactBinding.Scope` order.
        var parts: [ScopedFacts]
        let layout: FactLayout
        /// Per atom of the engine's atom list.
        var atomTruths: [Truth]
        /// Per checked norm, in `encoding.checkedNorms` order: condition ∧ ¬exceptions.
        var normTruths: [Truth]

        func value(of fact: String) -> FactValue { layout.value(of: fact, in: parts) }

        var assumptions: [FactSnapshot.Assumption] { parts.flatMap(\.assumptions) }

        /// All the facts of the check in one snapshot: for the solver, explanations and cures.
        var snapshot: FactSnapshot { layout.snapshot(parts) }
    }

    func scopeFacts(_ scope: FactBinding.Scope, _ request: DisclosureRequest, _ slot: CheckSlot, _ asOf: LegalDate) -> ScopeFacts {
        let read = facts.facts(scope, of: request, slot: slot, asOf: asOf)
        return ScopeFacts(facts: read, truths: compiled.truths(on: read))
    }

    func prepare(_ slot: CheckSlot, from scopes: [ScopeFacts]) -> PreparedSlot {
        var truths = [Truth](repeating: .unknown, count: compiled.compiledAtoms.count)
        for scope in scopes {
            for (position, atom) in compiled.atomsByScope[scope.facts.scope.rawValue].enumerated() { truths[atom] = scope.truths[position] }
        }
        return PreparedSlot(slot: slot, parts: scopes.map(\.facts), layout: facts.layout, atomTruths: truths,
                            normTruths: compiled.normTruths(atoms: truths))
    }

    /// One check prepared on its own (cures and timelines look at single checks).
    func prepare(_ request: DisclosureRequest, slot: CheckSlot, asOf: LegalDate) -> PreparedSlot {
        prepare(slot, from: FactBinding.Scope.allCases.map { scopeFacts($0, request, slot, asOf) })
    }

    /// Whether a provision binds on a date under a posture, from statuses resolved once.
    func binds(_ provision: String, on date: LegalDate, posture: Posture) -> Bool {
        statuses[provision]?.binds(on: date, posture: posture) ?? graph.binds(provision: provision, on: date, posture: posture)
    }

    /// What depends on a date and posture alone.
    struct DatedPosture {
        /// Per checked norm (`encoding.checkedNorms` order): its provision binds.
        var binding: [Bool]
        /// Obligations whose provision does not bind, each with the note that says so.
        var unboundObligations: [(norm: Int, note: String)]
        /// Per checked norm whose provision does not bind: its status on the date (`statusText`),
        /// which the notes and the grounds give.
        var statusTexts: [String?]
        /// Per checked norm: its provision does not bind under the enforcement posture but binds
        /// under the text posture, so it is law that is not enforced (never under the text posture).
        var notEnforced: [Bool]
    }

    /// The two dates of an analysis: the request's, on which obligations are judged, and the
    /// disclosure's (the as-of date), on which prohibitions are.
    struct JudgingDays: Hashable {
        var asOf: LegalDate
        var requested: LegalDate
    }

    /// `DatedPosture`s by dates and posture (text, enforcement): batches repeat dates. Bounded.
    private var datedPostures: [JudgingDays: [DatedPosture?]] = [:]

    /// The date the request of a check was made (`FactBinding.FactID.requestDate`); the as-of date
    /// where the law loaded declares no such fact.
    func requestDate(of prepared: PreparedSlot, asOf: LegalDate) -> LegalDate {
        Self.requestDate(prepared.value(of: FactBinding.FactID.requestDate), asOf: asOf)
    }

    /// The request's date from the fact's value (a check's, a snapshot's), else the as-of date.
    static func requestDate(_ value: FactValue, asOf: LegalDate) -> LegalDate {
        if case .date(let day) = value { return day }
        return asOf
    }

    /// Whether a checked norm binds: an obligation arises from the request, so the request must
    /// have been valid when it was made (its provision in force and applicable then), and it binds
    /// when performed, on the as-of date, if still in force and, under the enforcement posture,
    /// enforced then; a prohibition binds on the date of the disclosure (`RegulationEncoding.binds`
    /// is the same rule in the solver).
    func normBinds(_ norm: Norm, asOf: LegalDate, requested: LegalDate, posture: Posture) -> Bool {
        guard norm.modality == .obligation else { return binds(norm.provisionID, on: asOf, posture: posture) }
        return status(of: norm).binds(requested: requested, performed: asOf, posture: posture)
    }

    /// The day a checked norm that does not bind fails on: the request's day for an obligation
    /// whose provision did not apply when the request was made, else the as-of date.
    func failingDay(of norm: Norm, asOf: LegalDate, requested: LegalDate) -> LegalDate {
        norm.modality == .obligation && !status(of: norm).isApplicable(on: requested) ? requested : asOf
    }

    /// A norm's provision's effective status, resolved once per engine for checked norms.
    func status(of norm: Norm) -> StatusTimeline {
        statuses[norm.provisionID] ?? graph.effectiveStatus(ofProvision: norm.provisionID)
    }

    func dated(_ asOf: LegalDate, requested: LegalDate, _ posture: Posture) -> DatedPosture {
        let slot = posture == .text ? 0 : 1
        let days = JudgingDays(asOf: asOf, requested: requested)
        if let known = datedPostures[days]?[slot] { return known }
        let norms = encoding.checkedNorms
        let binding = norms.map { normBinds($0, asOf: asOf, requested: requested, posture: posture) }
        // Not enforced: binds under the text posture (its dated result, cached) but not under this one.
        let inForce = posture == .text ? binding : dated(asOf, requested: requested, .text).binding
        let notEnforced = norms.indices.map { !binding[$0] && inForce[$0] }
        let failing = norms.map { failingDay(of: $0, asOf: asOf, requested: requested) }
        // An obligation that did not apply when the request was made says so, with that day's status.
        let texts = norms.indices.map { index -> String? in
            guard !binding[index] else { return nil }
            let status = statusText(norms[index].provisionID, asOf: failing[index])
            return failing[index] == asOf ? status : "it did not apply when the request was made, on \(failing[index]) (\(status))"
        }
        var unbound: [(norm: Int, note: String)] = []
        for (index, norm) in norms.enumerated() where norm.modality == .obligation {
            if let status = texts[index],
               let note = notBindingNote(norm, status: status, on: failing[index], asOf: asOf, posture: posture, notEnforced: notEnforced[index]) {
                unbound.append((index, note))
            }
        }
        let result = DatedPosture(binding: binding, unboundObligations: unbound, statusTexts: texts, notEnforced: notEnforced)
        if datedPostures.count >= 4096 { datedPostures.removeAll(keepingCapacity: true) }
        datedPostures[days, default: [nil, nil]][slot] = result
        return result
    }

    /// Whether each checked norm's provision binds under `posture`, in `encoding.checkedNorms`
    /// order: obligations on the request's date, prohibitions on `asOf`.
    func binding(on asOf: LegalDate, requested: LegalDate, posture: Posture) -> [Bool] { dated(asOf, requested: requested, posture).binding }

    func check(_ prepared: PreparedSlot, posture: Posture, asOf: LegalDate) throws -> SlotResult {
        // With reuse off (the fresh-solver baseline), no class is worked out or remembered.
        let key = options.reuseEquivalentChecks ? keys.key(prepared, posture: posture, binding: binding(on: asOf, requested: requestDate(of: prepared, asOf: asOf), posture: posture)) : nil
        let decided: SolvedCheck
        if let key, let cached = solved[key] {
            decided = cached
            statistics.cached += 1
        } else if let key, let answered = shared?.answer(for: key) {
            decided = answered
            statistics.cached += 1
            remember(answered, for: key)
        } else {
            do {
                try injectedFault.map { throw $0 }
                decided = try solve(prepared, posture: posture, asOf: asOf)
            } catch let error as SMTError where error.isMemoryExhaustion {
                // Z3 reports the memory limit as an error when it is reached outside a check
                // (push, assert); either way the request hit a limit and is undetermined.
                decided = SolvedCheck(outcome: .undetermined, clashingSets: [], deciding: [], reason: limitReason("max. memory exceeded"))
            }
            statistics.solved += 1
            // A check the solver gave up on is not an answer for its class: solve it again next time.
            if let key, !(decided.reason?.hasPrefix("solver: ") ?? false) {
                remember(decided, for: key)
                shared?.record(decided, for: key)
            }
        }
        let snapshot = decided.clashingSets.isEmpty ? nil : prepared.snapshot
        let findings = decided.clashingSets.map { explain($0, snapshot: snapshot!, posture: posture, slot: prepared.slot, asOf: asOf) }
        return SlotResult(outcome: decided.outcome, findings: findings, deciding: decided.deciding, reason: decided.reason)
    }

    /// A check whose facts are inconsistent before any norm applies (`AnalysisError.contradictoryFacts`).
    struct ContradictoryFacts: Error {}

    private func remember(_ answer: SolvedCheck, for key: CheckClass) {
        if solved.count >= Self.cacheLimit { solved.removeAll(keepingCapacity: true) }
        solved[key] = answer
    }

    private func solve(_ prepared: PreparedSlot, posture: Posture, asOf: LegalDate) throws -> SolvedCheck {
        let solver = encoding.solver
        try solver.push()
        defer { try? solver.pop() }
        try encoding.assert(prepared.snapshot)
        try solver.assert(encoding.posture(posture))
        let tracks = encoding.tracks.map(\.literal)
        switch try solver.check(assumptions: tracks) {
        case .unsat:
            let sets = try minimalClashingSets()
            // A clash that needs no norm is the facts' own contradiction, never a conflict (and
            // never an answer for the class).
            if sets.sets.contains(where: \.isEmpty) { throw ContradictoryFacts() }
            return SolvedCheck(outcome: .conflicting, clashingSets: sets.sets, deciding: [],
                               reason: sets.truncated ? "more than \(options.maximumFindingsPerCheck) minimal clashing sets; the first ones are listed" : nil)
        case .unknown(let reason):
            return SolvedCheck(outcome: .undetermined, clashingSets: [], deciding: [], reason: limitReason(reason))
        case .sat:
            let consistent = try solver.model()
            switch try solver.check(assumptions: [encoding.clash]) {
            case .unsat:
                return SolvedCheck(outcome: .compliant, clashingSets: [], deciding: [], reason: nil)
            case .unknown(let reason):
                return SolvedCheck(outcome: .undetermined, clashingSets: [], deciding: [], reason: limitReason(reason))
            case .sat:
                let deciding = try decidingConditions(prepared, posture: posture, asOf: asOf,
                                                      models: (consistent: [consistent], clashing: [try solver.model()]))
                return SolvedCheck(outcome: .undetermined, clashingSets: [], deciding: deciding, reason: nil)
            }
        }
    }

    /// Why Z3 gave up, in the terms of the options a user set ("solver: " first: such answers are
    /// never cached). Z3 says "canceled" when the work limit runs out, and "timeout" or "max.
    /// memory exceeded" for the others.
    func limitReason(_ z3Reason: String) -> String {
        switch z3Reason {
        case "timeout":
            return "solver: timeout" + (options.timeoutMilliseconds.map { " (limit \($0) ms per check)" } ?? "")
        case "canceled" where options.resourceLimit != nil:
            return "solver: resource limit reached (rlimit \(options.resourceLimit!))"
        case let reason where reason.contains("max. memory exceeded"):
            return "solver: max. memory exceeded" + (options.memoryLimitMegabytes.map { " (limit \($0) MB)" } ?? "")
        default:
            return "solver: " + z3Reason
        }
    }

    /// The conditions on facts the request leaves open that decide the verdict: each atom over
    /// such a fact that alone forces the clash ("conflict if …"); failing that, each atom without
    /// which no clash is possible ("conflict only if …"). Decided by the solver atom by atom, so the
    /// answer does not depend on which models Z3 happened to return. Only facts that the open
    /// norms mention can decide anything (see `CheckClass`), so only their atoms are tried.
    ///
    /// - Parameter models: models found so far in which the provisions are consistent, and in
    ///   which they clash. A literal true in a consistent model cannot force the clash, and one
    ///   false in a clashing model is not needed for it, so those checks are skipped; every sat
    ///   check adds its model. This halves the checks or better, and changes no answer.
    private func decidingConditions(_ prepared: PreparedSlot, posture: Posture, asOf: LegalDate,
                                    models: (consistent: [SMTModel], clashing: [SMTModel])) throws -> [DecidingCondition] {
        var models = models
        let binding = binding(on: asOf, requested: requestDate(of: prepared, asOf: asOf), posture: posture)
        let relevant = keys.relevantFacts(prepared, binding: binding)
        let solver = encoding.solver
        let tracks = encoding.tracks.map(\.literal)
        var sufficient: [DecidingCondition] = []
        var sufficientLiterals: [SMTTerm] = []
        var necessary: [DecidingCondition] = []
        var necessaryLiterals: [SMTTerm] = []
        func condition(_ text: String, atom index: Int) -> DecidingCondition {
            DecidingCondition(text: text, caveats: decidingCaveats(facts: keys.factsByAtom[index], prepared: prepared, binding: binding))
        }
        for index in relevant.flatMap({ keys.atomsByFactIndex[$0] }).sorted() where prepared.atomTruths[index] == .unknown {
            let (atom, term) = atomTerms[index]
            for polarity in [true, false] {
                let literal = polarity ? term : try encoding.context.not(term)
                // "The legal basis is Art. 92" forces the clash when the request cites Art. 92
                // itself, though a paragraph within it (the dialogue of Art. 92(7)) may not.
                var forcing = literal
                if polarity, case .equals(let fact, let value, _) = atom, let exactly = try encoding.isExactly(fact, value) { forcing = exactly }
                if try !models.consistent.contains(where: { try $0.evalBool(forcing) == true }) {
                    try solver.push()
                    try solver.assert(forcing)
                    let result = try solver.check(assumptions: tracks)
                    if result == .sat { models.consistent.append(try solver.model()) }
                    try solver.pop()
                    if result == .unsat {
                        sufficient.append(condition("conflict if " + renderer.statement(atom, negated: !polarity), atom: index))
                        sufficientLiterals.append(literal)
                    }
                }
                if try !models.clashing.contains(where: { try $0.evalBool(literal) == false }) {
                    try solver.push()
                    try solver.assert(try encoding.context.not(literal))
                    let result = try solver.check(assumptions: [encoding.clash])
                    if result == .sat { models.clashing.append(try solver.model()) }
                    try solver.pop()
                    if result == .unsat {
                        necessary.append(condition("conflict only if " + renderer.statement(atom, negated: !polarity), atom: index))
                        necessaryLiterals.append(literal)
                    }
                }
            }
        }
        if !sufficient.isEmpty {
            let implied = try saysLessThanAnother(sufficientLiterals, each: .suffices)
            return sufficient.indices.filter { !implied.contains($0) }.map { sufficient[$0] }
        }
        if !necessary.isEmpty {
            let implied = try saysLessThanAnother(necessaryLiterals, each: .isNeeded)
            return necessary.indices.filter { !implied.contains($0) }.map { necessary[$0] }
        }
        let open = relevant.filter { !EquivalenceKeyBuilder.isFullyKnown(prepared.value(of: graph.factOrder[$0])) }
        return [DecidingCondition(text: "depends on facts the request does not give: " + open.map { graph.factOrder[$0] }.joined(separator: ", "),
                                  caveats: decidingCaveats(facts: open, prepared: prepared, binding: binding))]
    }

    /// What a list of deciding conditions says of each: that it suffices for the clash ("conflict
    /// if …"), or that the clash needs it ("conflict only if …").
    private enum DecidingRole { case suffices, isNeeded }

    /// The places of the deciding conditions that another of them makes say nothing more, given
    /// the request's facts. Of sufficient conditions, one that implies another: "conflict if the
    /// enclave is hosted in a Tier 1 destination" beside "conflict if it is hosted outside the
    /// United States", read as where the risk lies, misleads (hosting in a destination outside
    /// Tier 1 conflicts too; QA s27 M7); so does a provision within another one named ("…
    /// legal-basis is eu.ai-act.art92.1.b" beside "… is eu.ai-act.art92", which reads "that
    /// provision or one within it"). Of necessary conditions, one that another implies: "conflict
    /// only if the legal basis is not Art. 91" beside "conflict only if it is Art. 92" (a request
    /// that gives no legal basis listed ten such conditions, five of them implied; QA s29 L). Of
    /// two that imply each other, the first is kept.
    private func saysLessThanAnother(_ literals: [SMTTerm], each role: DecidingRole) throws -> Set<Int> {
        guard literals.count > 1 else { return [] }
        let solver = encoding.solver
        let context = encoding.context
        func implies(_ a: Int, _ b: Int) throws -> Bool {
            try solver.push()
            defer { try? solver.pop() }
            try solver.assert(literals[a])
            try solver.assert(try context.not(literals[b]))
            return try solver.check(assumptions: []) == .unsat
        }
        // A sufficient condition `a` says less when it implies another; a necessary one when another implies it.
        func saysLess(_ a: Int, than b: Int) throws -> Bool {
            role == .suffices ? try implies(a, b) : try implies(b, a)
        }
        var implied: Set<Int> = []
        for a in literals.indices {
            for b in literals.indices where b != a && !implied.contains(b) {
                if try saysLess(a, than: b), try b < a || !saysLess(b, than: a) {
                    implied.insert(a)
                    break
                }
            }
        }
        return implied
    }

    /// Every minimal unsatisfiable subset of the tracking literals (MARCO-style enumeration with
    /// a map solver), given the facts asserted in the current scope.
    private func minimalClashingSets() throws -> (sets: [[String]], truncated: Bool) {
        let solver = encoding.solver
        let tracks = encoding.tracks
        try mapSolver.push()
        defer { try? mapSolver.pop() }
        var found: [[Int]] = []
        // Z3's models and cores, hence the order the sets are met in, depend on the solver's
        // history (which checks this worker happened to run before): list them in clause-graph
        // order so that the same request always reads the same. That holds for every check that
        // has all its sets listed; past `maximumFindingsPerCheck`, which sets make the list can
        // still depend on that history (the finding says the list was cut).
        func listed(_ sets: [[Int]]) -> [[String]] {
            sets.sorted { $0.lexicographicallyPrecedes($1) }.map { $0.map { tracks[$0].provision } }
        }
        var iterations = 0
        while iterations < 4 * (options.maximumFindingsPerCheck + tracks.count) {
            iterations += 1
            guard try mapSolver.check() == .sat else { return (listed(found), false) }
            let model = try mapSolver.model()
            var seed: [Int] = []
            for (index, track) in tracks.enumerated() where try model.evalBool(track.literal) != false { seed.append(index) }
            func consistent(_ indices: [Int]) throws -> Bool {
                try solver.check(assumptions: indices.map { tracks[$0].literal }) == .sat
            }
            if try consistent(seed) {
                var grown = seed
                for index in tracks.indices where !grown.contains(index) {
                    if try consistent(grown + [index]) { grown.append(index) }
                }
                let outside = tracks.indices.filter { !grown.contains($0) }.map { tracks[$0].literal }
                try mapSolver.assert(encoding.context.or(outside))
            } else {
                let core = Set(try solver.unsatCore().compactMap { literal in tracks.firstIndex { $0.literal == literal } })
                let mus = try minimalUnsatisfiable(seed.filter(core.contains)) { try !consistent($0) }
                found.append(mus)
                if found.count >= options.maximumFindingsPerCheck { return (listed(found), true) }
                try mapSolver.assert(encoding.context.or(mus.map { try encoding.context.not(tracks[$0].literal) }))
            }
        }
        return (listed(found), true)
    }
}
