import ClauseGraph

/// The verdicts of a request on a day after its as-of date and no later than its deadline, from
/// which they differ from the day before: the provider may disclose on any day up to the deadline
/// and a verdict is one day's, so a letter taking effect on the 15th turns the CLEAR of a request
/// answered on the 10th into a CONFLICT for a disclosure on the 15th (FACTS X-1 judges a conflict
/// at the deadline). The as-of date's verdict stays the request's; these are said beside it.
public struct DatedVerdicts: Sendable, Hashable, Codable {
    public var date: LegalDate
    /// The most severe verdict over items and postures on `date`.
    public var verdict: Verdict
    /// The verdict under each posture analysed, on `date`.
    public var postures: [String: Verdict]

    public init(date: LegalDate, verdict: Verdict, postures: [String: Verdict]) {
        self.date = date
        self.verdict = verdict
        self.postures = postures
    }
}
