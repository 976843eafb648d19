import ClauseGraph
import EccaFormats

/// A request's verdict as a piecewise function of the date: each piece with its verdicts, each
/// breakpoint with the status changes that cause it.
public struct VerdictTimeline: Sendable, Hashable, Codable {
    public struct Piece: Sendable, Hashable, Codable {
        public var from: LegalDate
        /// Exclusive; nil means "until the end of the period asked for".
        public var until: LegalDate?
        public var verdicts: [String: Verdict]
        /// The clashing provision sets in this piece (conflict signatures), by posture.
        public var clashes: [String: [String]]
    }

    public struct Breakpoint: Sendable, Hashable, Codable {
        public var date: LegalDate
        public var before: [String: Verdict]
        public var after: [String: Verdict]
        /// The status changes on that date ("Art. 92(5): applicable from 2026-08-02").
        public var causes: [String]
    }

    /// The days on which another reading of the law than ecca's holds (`OtherReading`): on them
    /// a norm the verdicts rest on would not engage on that reading, though no verdict changes.
    public struct ReadingSpan: Sendable, Hashable, Codable {
        public var from: LegalDate
        /// Exclusive, the day the readings agree again; nil means "until the end of the period".
        public var until: LegalDate?
        public var reading: OtherReading
    }

    public var id: String
    public var from: LegalDate
    public var to: LegalDate
    public var pieces: [Piece]
    public var breakpoints: [Breakpoint]
    /// Nil (absent from JSON) where no other reading holds on any day of the period.
    public var otherReadings: [ReadingSpan]? = nil
}

extension ConflictEngine {
    /// The verdict on every day of `[from, to]`, computed on the dates where something can change:
    /// the status dates of the clause graph and the dates its conditions compare the as-of date
    /// with; and the days on which another reading of the law differs from ecca's.
    public func timeline(for request: DisclosureRequest, from: LegalDate, to: LegalDate) throws(AnalysisError) -> VerdictTimeline {
        var candidates: Set<LegalDate> = [from]
        for date in changeDates where date > from && date <= to { candidates.insert(date) }
        // The day the model is placed on the market, when some fact turns on it (Art. 3(63)).
        let placed = placingDay(of: request)
        if let placed, placed > from && placed <= to { candidates.insert(placed) }
        var pieces: [VerdictTimeline.Piece] = []
        var breakpoints: [VerdictTimeline.Breakpoint] = []
        var previous: LegalDate?
        var spans: [VerdictTimeline.ReadingSpan] = []
        for date in candidates.sorted() {
            let analysis = try analyze(request, asOf: date, lookingAhead: false)
            defer { previous = date }
            // Another reading that begins or ends here changes no verdict, so it is followed apart.
            let readings = otherReadings(request, asOf: date)
            for index in spans.indices where spans[index].until == nil && !readings.contains(where: { Self.same($0, spans[index].reading) }) {
                spans[index].until = date
            }
            for reading in readings where !spans.contains(where: { $0.until == nil && Self.same($0.reading, reading) }) {
                spans.append(.init(from: date, until: nil, reading: reading))
            }
            let clashes = Dictionary(grouping: analysis.findings, by: \.posture.rawValue).mapValues { Set($0.map(\.signature)).sorted() }
            if let last = pieces.last, last.verdicts == analysis.postures, last.clashes == clashes { continue }
            if let last = pieces.last {
                pieces[pieces.count - 1].until = date
                var relevant = engaged(request, asOf: date).union(previous.map { engaged(request, asOf: $0) } ?? [])
                // A dated request's obligations are judged on its date: their changes move nothing here.
                if request.date != nil {
                    relevant.subtract(encoding.checkedNorms.filter { $0.modality == .obligation }.map(\.provisionID))
                }
                var causes = statusChanges(on: date, among: relevant)
                if asOfThresholds.contains(date) { causes.append("a condition compares the date with \(date)") }
                if date == placed { causes.append("the model is placed on the Union market on \(date)") }
                breakpoints.append(.init(date: date, before: last.verdicts, after: analysis.postures,
                                         causes: causes.isEmpty ? ["no status change on this date"] : causes))
            }
            pieces.append(.init(from: date, until: nil, verdicts: analysis.postures, clashes: clashes))
        }
        return VerdictTimeline(id: request.id, from: from, to: to, pieces: pieces, breakpoints: breakpoints,
                               otherReadings: spans.isEmpty ? nil : spans)
    }

    /// The same reading of the same norm, whatever day it was found on.
    private static func same(_ one: OtherReading, _ other: OtherReading) -> Bool {
        one.id == other.id && one.norm == other.norm
    }

    /// The request's placing date, when a boolean fact is read from it (whether the model is yet
    /// to be placed on the request's date) and the request is undated, so that its date moves with
    /// the timeline's: the verdict may change on it.
    func placingDay(of request: DisclosureRequest) -> LegalDate? {
        let read = graph.datesAfterRequest.contains { graph.facts[$0.date]?.suppliedBy == FactBinding.Source.placedOnEUMarket.rawValue }
        return read && request.date == nil ? request.model?.placedOnEUMarket : nil
    }

    /// The provisions whose norms engage the request on `asOf`, on any channel it accepts: their
    /// condition holds or may hold and no exception holds, whether or not they bind. A status
    /// change of a norm the request never engages (Art. 53(1)(a) for an Art. 92 request) causes
    /// nothing.
    func engaged(_ request: DisclosureRequest, asOf: LegalDate) -> Set<String> {
        var found: Set<String> = []
        for accepted in acceptedChannels(of: request) {
            for slot in itemSlots(accepted.request, item: accepted.item, asOf: asOf) {
                for (norm, truth) in zip(encoding.checkedNorms, slot.normTruths) where truth != .false { found.insert(norm.provisionID) }
            }
        }
        return found
    }

    /// The status changes on `date` of the provisions carrying norms among `relevant`.
    func statusChanges(on date: LegalDate, among relevant: Set<String>) -> [String] {
        var causes: [String] = []
        let provisions = Set(graph.norms.map(\.provisionID)).intersection(relevant)
        for id in graph.provisionOrder where provisions.contains(id) {
            let status = graph.effectiveStatus(ofProvision: id)
            let citation = graph.inlineCitation(of: id)
            // Axes that change together on the same basis are said together: "in force,
            // applicable and enforced from 2026-09-15 (date of the letter)".
            var changes: [(axes: [String], starts: Bool, basis: String?, evidence: Evidence?)] = []
            func note(_ interval: StatusInterval?, _ axis: String) {
                guard let interval else { return }
                for starts in [true, false] where (starts ? interval.from : interval.until) == date {
                    if let index = changes.firstIndex(where: { $0.starts == starts && $0.basis == interval.basis && $0.evidence == interval.evidence }) {
                        changes[index].axes.append(axis)
                    } else {
                        changes.append(([axis], starts, interval.basis, interval.evidence))
                    }
                }
            }
            note(status.inForce, "in force")
            note(status.applicable, "applicable")
            status.enforced.forEach { note($0, "enforced") }
            for change in changes {
                let axes = ProseList.joined(change.axes)
                causes.append("\(citation): \(change.starts ? "" : "no longer ")\(axes) from \(date)" + StatusEvidence.parenthesis(basis: change.basis, evidence: change.evidence))
            }
            if status.rescissionPublished?.on == date { causes.append("\(citation): rescission published \(date)") }
        }
        return causes
    }

    /// What changes between the as-of date and the request's deadline in the provisions the
    /// request engages: the provider may disclose on any day up to the deadline, and a verdict is
    /// one day's. Status changes: for a dated request, the prohibitions' (its obligations were
    /// judged when it was made: `straddleNote`); for an undated one, taken as made on each day,
    /// every engaged provision's. And on the dates the conditions compare the as-of date with
    /// (Art. 111(3)'s end of transition), every norm whose truth changes (`conditionChanges`): the
    /// transition is judged on the day of the disclosure, whenever the request was made. Nothing
    /// when no deadline lies after the as-of date.
    ///
    /// - Returns: the note that says the changes, and the days on which there is one; nil where
    ///   there is none.
    func deadlineChanges(_ request: DisclosureRequest, asOf: LegalDate) -> (note: String, days: [LegalDate])? {
        guard let deadline = request.deadline, deadline > asOf else { return nil }
        let moving = Set(encoding.checkedNorms.filter { request.date == nil || $0.modality == .prohibition }.map(\.provisionID))
        // Most requests see no provision change status, and no date compared, before their
        // deadline: their slots are prepared again (`engaged`, `conditionChanges`) only where one does.
        let statusDates = changeDates.filter { $0 > asOf && $0 <= deadline && !statusChanges(on: $0, among: moving).isEmpty }
        var conditionDates = asOfThresholds.filter { $0 > asOf && $0 <= deadline }
        if let placed = placingDay(of: request), placed > asOf && placed <= deadline { conditionDates.insert(placed) }
        guard !statusDates.isEmpty || !conditionDates.isEmpty else { return nil }
        let now = statusDates.isEmpty ? [] : engaged(request, asOf: asOf)
        let changes: [(day: LegalDate, causes: [String])] = Set(statusDates).union(conditionDates).sorted().map { day in
            (day, (statusDates.contains(day) ? statusChanges(on: day, among: now.union(engaged(request, asOf: day)).intersection(moving)) : [])
                + (conditionDates.contains(day) ? conditionChanges(request, asOf: asOf, day: day) : []))
        }.filter { !$0.causes.isEmpty }
        guard !changes.isEmpty else { return nil }
        return ("the law changes before the deadline (\(deadline)): \(changes.flatMap(\.causes).joined(separator: "; ")). The verdict is the one for \(asOf); for a disclosure on a later day, check as of that day (--as-of), or run ecca timeline --from \(asOf) --to \(deadline)",
                changes.map(\.day))
    }

}
