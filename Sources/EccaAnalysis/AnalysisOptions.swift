import ClauseGraph
import EccaFormats

/// How `ConflictEngine` analyses requests.
public struct AnalysisOptions: Sendable, Hashable {
    /// The date analysed; nil means each request's own `date`, else today.
    public var asOf: LegalDate?
    public var postures: [Posture]
    /// Per solver check; a check that runs out is `undetermined` with the reason. Nil or 0: no limit.
    public var timeoutMilliseconds: UInt32?
    /// Z3's deterministic resource limit per check (`rlimit`), for reproducible limits in tests and
    /// batch runs; nil for none.
    public var resourceLimit: UInt32?
    /// Z3 gives up on a check once its allocations exceed this many megabytes; the check is then
    /// `undetermined` with the reason. Z3 counts the whole process, so with several workers this
    /// bounds them together. Nil or 0: no limit.
    public var memoryLimitMegabytes: UInt32?
    /// Answer a check from its equivalence class when one was solved before (docs/batch.md). Off
    /// only to cross-check the classes against the solver.
    public var reuseEquivalentChecks: Bool
    /// Upper bound on minimal clashing sets enumerated per check; reaching it is reported, never silent.
    public var maximumFindingsPerCheck: Int
    /// Give each clear verdict its grounds (`ItemPostureAnalysis.grounds`). On where a person reads
    /// the analysis of a request (`check`, `report`); off by default, because in a batch they cost
    /// several times the analysis itself (docs/batch.md), and timelines, thresholds and cures
    /// analyse a request many times for its verdicts only.
    public var groundsForClearVerdicts: Bool
    /// Give each caveat its text (`Caveat.text`). Off in a batch by default: the same readings
    /// would be repeated in full on every line (half of a `--grounds` line), where their ids and
    /// citations say which they are.
    public var caveatTexts: Bool
    /// The day taken as today, for a request that gives no date when `asOf` is nil: fixed once,
    /// when the options are made, so that a run that passes midnight analyses every undated
    /// request as of one day, not some as of the next (law audit of 2026-12-07).
    public var today: LegalDate

    public init(asOf: LegalDate? = nil, postures: [Posture] = [.text, .enforcement],
                timeoutMilliseconds: UInt32? = 10_000, resourceLimit: UInt32? = nil, memoryLimitMegabytes: UInt32? = nil,
                reuseEquivalentChecks: Bool = true, maximumFindingsPerCheck: Int = 32, groundsForClearVerdicts: Bool = false,
                caveatTexts: Bool = true, today: LegalDate = ConflictEngine.today()) {
        self.asOf = asOf
        self.today = today
        self.postures = postures
        self.timeoutMilliseconds = timeoutMilliseconds
        self.resourceLimit = resourceLimit
        self.memoryLimitMegabytes = memoryLimitMegabytes
        self.reuseEquivalentChecks = reuseEquivalentChecks
        self.maximumFindingsPerCheck = maximumFindingsPerCheck
        self.groundsForClearVerdicts = groundsForClearVerdicts
        self.caveatTexts = caveatTexts
    }
}

/// Why a request could not be analysed at all.
public enum AnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request names an instrument that is not loaded (exit status 2).
    case unknownInstrument(id: String, requestID: String)
    /// Z3 failed (exit status 3).
    case solver(message: String, requestID: String)
    /// The request's facts contradict each other, with no norm involved (exit status 2): no
    /// verdict can rest on them. The readers refuse the contradictions they know of; this is the
    /// solver's word for any other.
    case contradictoryFacts(requestID: String)
    /// The date analysed, the disclosure's, is before the request was made (exit status 2): a
    /// disclosure then answers no request, and its obligations did not exist yet.
    case disclosureBeforeRequest(requestID: String, requested: LegalDate, asOf: LegalDate)
    /// No request lies within an MoU's scope and commitments in the period searched, so any
    /// statement that its terms hold would be vacuous (exit status 2).
    case noRequestInScope(mou: String, reason: String)

    public var description: String {
        switch self {
        case .unknownInstrument(let id, let request):
            "request \(request): " + RequestVocabulary.unknownInstrument(id)
        case .solver(let message, let request):
            "request \(request): solver failure: \(message)"
        case .contradictoryFacts(let request):
            "request \(request): its facts contradict each other (the solver finds them inconsistent before any rule applies); check its figures and dates"
        case .disclosureBeforeRequest(let request, let requested, let asOf):
            "request \(request): the date analysed (\(asOf)) is before the request was made (\(requested)); a disclosure then answers no request: analyse on or after \(requested)"
        case .noRequestInScope(let mou, let reason):
            "MoU \(mou): \(reason)"
        }
    }
}
