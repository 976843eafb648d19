import ClauseGraph
import EccaFormats

/// What a batch found, grouped by conflict signature so an analyst sees "312 requests: weights via
/// transfer — Art. 92(5) vs ECCN 4E091" rather than 312 lines. Built in input order, so the
/// example id of each group is its first request.
///
/// Only requests whose verdict is not clear are grouped: a clear request can have findings, on an
/// alternative channel it accepts but does not need (the requested one is compliant), and counted
/// in a group it would make the list read as more conflicts than there are. Those requests are
/// counted apart (`clearWithFindings`). A request whose verdict is not clear but that has no
/// finding has no signature either; those are counted apart too (`notClearWithoutFindings`), so
/// that the summary accounts for every request that is not clear.
public struct BatchSummary: Sendable, Codable, Hashable {
    public struct Group: Sendable, Codable, Hashable {
        /// The clashing provisions of every finding of the request, sorted.
        public var signature: [String]
        public var label: String
        public var count: Int
        public var exampleID: String
        /// The group's requests by verdict (avoidable, undetermined, conflict).
        public var verdicts: [String: Int]
    }

    /// Clear requests with findings on an alternative they do not need: how many, and the first.
    public struct ClearWithFindings: Sendable, Codable, Hashable {
        public var count: Int
        public var exampleID: String
    }

    /// Requests not clear without a finding: no channel was found to conflict, only that one asked
    /// for may (undetermined, or avoidable where an alternative complies). Either that depends on
    /// facts the request does not give (its line names them as deciding conditions) or the solver
    /// stopped at a limit (its line says which).
    public struct NotClearWithoutFindings: Sendable, Codable, Hashable {
        public var count: Int
        /// By verdict (undetermined, avoidable).
        public var verdicts: [String: Int]
        /// How many of them the solver left undecided at a limit (`--timeout-ms`, `--memory-mb`)
        /// on some channel; the others depend on facts they do not give.
        public var solverLimitReached: Int
        public var exampleID: String
    }

    /// Requests not clear whose every finding another reading of one provision would undo
    /// (`OtherReading`: Art. 111(3) read as deferring the duties of Arts 91(5) and 92(5) for a
    /// model placed before 2 August 2025): their verdict rests on ecca's reading of that
    /// provision. Per provision read otherwise.
    public struct UndoneByReading: Sendable, Codable, Hashable {
        /// The provision read otherwise, and its citation.
        public var provision: String
        public var citation: String
        /// The day from which the reading no longer differs from ecca's, where it is the same for
        /// every request counted (Art. 111(3): 2027-08-02); nil otherwise.
        public var until: LegalDate?
        public var count: Int
        /// By verdict (avoidable, undetermined, conflict).
        public var verdicts: [String: Int]
        public var exampleID: String
    }

    /// Requests that meet a more severe verdict on a later day up to their deadline than on the
    /// date analysed (`RequestAnalysis.beforeDeadline`): counted by the most severe one, since
    /// the counts above are the as-of date's alone.
    public struct SevererBeforeDeadline: Sendable, Codable, Hashable {
        public var count: Int
        /// By the most severe verdict met before the deadline (avoidable, undetermined, conflict).
        public var verdicts: [String: Int]
        public var exampleID: String
    }

    /// Records that repeat an earlier record's request id: how many, and the first id repeated.
    public struct RepeatedIDs: Sendable, Codable, Hashable {
        public var count: Int
        public var exampleID: String
    }

    public var records = 0
    public var analysed = 0
    public var errors = 0
    public var verdicts: [String: Int] = [:]
    /// The requests' verdicts under each posture analysed (posture → verdict → count): a conflict
    /// under the text in force alone rests on law that is not enforced (FACTS X-3).
    public var postures: [String: [String: Int]] = [:]
    public var groups: [Group] = []
    public var clearWithFindings: ClearWithFindings?
    public var notClearWithoutFindings: NotClearWithoutFindings?
    /// Each line is analysed on its own, so a repeated id names two requests in the output and
    /// in any report or tracker keyed by it; counted so the analyst learns of it.
    public var repeatedIDs: RepeatedIDs?
    /// In the order the readings are first met; nil where no request rests on one.
    public var undoneByReadings: [UndoneByReading]?
    public var severerBeforeDeadline: SevererBeforeDeadline?
    private var groupIndex: [[String]: Int] = [:]
    /// The ids seen so far (not encoded): an id per record, as a resumed output already keeps.
    private var seenIDs: Set<String> = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case records, analysed, errors, verdicts, postures, groups, clearWithFindings, notClearWithoutFindings, repeatedIDs, undoneByReadings, severerBeforeDeadline
    }

    /// The groups as the text and the JSON give them: the largest first, then by example id. The
    /// JSON had kept the order the groups were first met in (QA s27: 201, 80, 14, 63 beside the
    /// text's 201, 80, 63, 14).
    public var orderedGroups: [Group] {
        groups.sorted { $0.count != $1.count ? $0.count > $1.count : $0.exampleID < $1.exampleID }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(records, forKey: .records)
        try container.encode(analysed, forKey: .analysed)
        try container.encode(errors, forKey: .errors)
        try container.encode(verdicts, forKey: .verdicts)
        try container.encode(postures, forKey: .postures)
        try container.encode(orderedGroups, forKey: .groups)
        try container.encodeIfPresent(clearWithFindings, forKey: .clearWithFindings)
        try container.encodeIfPresent(notClearWithoutFindings, forKey: .notClearWithoutFindings)
        try container.encodeIfPresent(repeatedIDs, forKey: .repeatedIDs)
        try container.encodeIfPresent(undoneByReadings, forKey: .undoneByReadings)
        try container.encodeIfPresent(severerBeforeDeadline, forKey: .severerBeforeDeadline)
    }

    /// One record's contribution: its analysis, or nil for a record that could not be used.
    public mutating func add(_ entry: Entry) {
        records += 1
        if let id = entry.namedID, !seenIDs.insert(id).inserted {
            repeatedIDs = RepeatedIDs(count: (repeatedIDs?.count ?? 0) + 1, exampleID: repeatedIDs?.exampleID ?? id)
        }
        guard let verdict = entry.verdict else {
            errors += 1
            return
        }
        analysed += 1
        verdicts[verdict.rawValue, default: 0] += 1
        for (posture, verdict) in entry.postures { postures[posture, default: [:]][verdict, default: 0] += 1 }
        if let later = entry.severerBeforeDeadline {
            var counted = severerBeforeDeadline ?? SevererBeforeDeadline(count: 0, verdicts: [:], exampleID: entry.id)
            counted.count += 1
            counted.verdicts[later.rawValue, default: 0] += 1
            severerBeforeDeadline = counted
        }
        guard !entry.signature.isEmpty else {
            guard verdict != .clear else { return }
            var counted = notClearWithoutFindings ?? NotClearWithoutFindings(count: 0, verdicts: [:], solverLimitReached: 0, exampleID: entry.id)
            counted.count += 1
            counted.verdicts[verdict.rawValue, default: 0] += 1
            if entry.reachedSolverLimit { counted.solverLimitReached += 1 }
            notClearWithoutFindings = counted
            return
        }
        guard verdict != .clear else {
            clearWithFindings = ClearWithFindings(count: (clearWithFindings?.count ?? 0) + 1, exampleID: clearWithFindings?.exampleID ?? entry.id)
            return
        }
        for reading in entry.undoneBy {
            var readings = undoneByReadings ?? []
            if let index = readings.firstIndex(where: { $0.provision == reading.provision }) {
                readings[index].count += 1
                readings[index].verdicts[verdict.rawValue, default: 0] += 1
                if readings[index].until != reading.until { readings[index].until = nil }
            } else {
                readings.append(UndoneByReading(provision: reading.provision, citation: reading.citation, until: reading.until, count: 1,
                                                verdicts: [verdict.rawValue: 1], exampleID: entry.id))
            }
            undoneByReadings = readings
        }
        if let index = groupIndex[entry.signature] {
            groups[index].count += 1
            groups[index].verdicts[verdict.rawValue, default: 0] += 1
        } else {
            groupIndex[entry.signature] = groups.count
            groups.append(Group(signature: entry.signature, label: entry.label, count: 1, exampleID: entry.id, verdicts: [verdict.rawValue: 1]))
        }
    }

    /// The per-record part of the summary, computed by the worker that analysed it.
    public struct Entry: Sendable {
        public var id: String
        /// The request's own id; nil for an unusable record that names none (`id` is then where it is).
        public var namedID: String?
        public var verdict: Verdict?
        public var signature: [String]
        public var label: String
        /// Whether the solver stopped at a limit before deciding some channel of the request.
        public var reachedSolverLimit: Bool
        /// The request's verdict under each posture analysed.
        public var postures: [String: String] = [:]
        /// The provisions (id and citation) another reading of which every finding of the request
        /// carries, where every item that is not clear has findings: on that reading, none of its
        /// findings would stand (until the day given, where the reading ends then).
        public var undoneBy: [(provision: String, citation: String, until: LegalDate?)] = []
        /// The most severe verdict the request meets on a later day up to its deadline, where it
        /// is more severe than its own.
        public var severerBeforeDeadline: Verdict?

        /// An unusable record's entry: named by its request's id, or where it is when it names
        /// none (the same key whether the batch wrote the error line or a resumed run reads it).
        public init(errorOf id: String?, file: String, line: Int) {
            self.id = id ?? "\(file):\(line)"
            namedID = id
            verdict = nil
            signature = []
            label = ""
            reachedSolverLimit = false
        }

        public init(_ analysis: RequestAnalysis) {
            self.init(id: analysis.id, verdict: analysis.verdict,
                      findings: analysis.findings.map { finding in
                          (finding.signature, finding.item, finding.channel, finding.provisions.map { ($0.modality, $0.citation) },
                           finding.otherReadings.map { ($0.provision, $0.citation, $0.until) })
                      },
                      notClearItems: Set(analysis.items.filter { $0.verdict != .clear }.map(\.index)),
                      artifacts: Dictionary(analysis.items.map { ($0.index, $0.artifact) }, uniquingKeysWith: { first, _ in first }),
                      reachedSolverLimit: analysis.items.contains { item in
                          item.postures.values.contains { $0.channels.contains(where: \.reachedSolverLimit) }
                      },
                      postures: analysis.postures.mapValues(\.rawValue),
                      beforeDeadline: analysis.beforeDeadline?.map(\.verdict) ?? [])
        }

        /// From the parts of an analysis the summary reads (a resumed output's lines give only these).
        /// - Parameter notClearItems: the items whose verdict is not clear (an item whose verdict
        ///   a resumed line does not give is not among them).
        init(id: String, verdict: Verdict,
             findings: [(signature: String, item: Int, channel: String, provisions: [(modality: String, citation: String)],
                         readings: [(provision: String, citation: String, until: LegalDate?)])],
             notClearItems: Set<Int> = [], artifacts: [Int: String], reachedSolverLimit: Bool, postures: [String: String],
             beforeDeadline: [Verdict] = []) {
            self.id = id
            namedID = id
            self.verdict = verdict
            self.reachedSolverLimit = reachedSolverLimit
            self.postures = postures
            severerBeforeDeadline = beforeDeadline.max().flatMap { $0 > verdict ? $0 : nil }
            var seen: [String: String] = [:]
            for finding in findings where seen[finding.signature] == nil {
                let obliging = finding.provisions.filter { $0.modality == "obligation" }.map(\.citation)
                let forbidding = finding.provisions.filter { $0.modality == "prohibition" }.map(\.citation)
                let what = artifacts[finding.item].map { "\($0) via \(finding.channel)" } ?? finding.channel
                seen[finding.signature] = "\(what) — \(obliging.joined(separator: " + ")) vs \(forbidding.joined(separator: " + "))"
            }
            signature = seen.keys.sorted()
            label = signature.map { seen[$0]! }.joined(separator: "; ")
            // An item that is not clear with no finding (it depends on facts the request does not
            // give) is not undone by a reading the findings carry.
            if let first = findings.first, notClearItems.allSatisfy({ item in findings.contains { $0.item == item } }) {
                undoneBy = first.readings.reduce(into: []) { kept, reading in
                    guard !kept.contains(where: { $0.provision == reading.provision }),
                          findings.allSatisfy({ $0.readings.contains { $0.provision == reading.provision } }) else { return }
                    kept.append(reading)
                }
            }
        }
    }

    /// The verdicts in the order the summary gives them, the least severe first.
    private static let order = ["clear", "avoidable", "undetermined", "conflict"]

    /// "12 avoidable, 5 undetermined, 65 conflict": the verdicts that have requests, in order.
    private static func byVerdict(_ verdicts: [String: Int]) -> String {
        order.compactMap { verdict in verdicts[verdict].map { "\($0) \(verdict)" } }.joined(separator: ", ")
    }

    /// The summary as lines for a person.
    public func render() -> String {
        var lines: [String] = []
        let counts = Self.order.map { "\(verdicts[$0] ?? 0) \($0)" }.joined(separator: ", ")
        lines.append("batch: \(records) request\(records == 1 ? "" : "s"), \(analysed) analysed, \(errors) unusable: \(counts)")
        // Said where the postures part: a conflict under the text in force alone is one under law
        // that is not enforced, which the verdict above counts as a conflict.
        let analysedPostures = PostureOrder.sorted(postures.keys)
        if analysedPostures.count > 1, Set(analysedPostures.map { postures[$0]! }).count > 1 {
            let each = analysedPostures.map { posture in
                "\(posture) posture " + Self.order.map { "\(postures[posture]?[$0] ?? 0) \($0)" }.joined(separator: ", ")
            }
            lines.append("  by posture: " + each.joined(separator: "; "))
        }
        for group in orderedGroups {
            // Escaped: an id read back from an older output could still hold a line break.
            lines.append(ControlCharacters.escaped("  \(group.count) request\(group.count == 1 ? "" : "s") (\(Self.byVerdict(group.verdicts))): \(group.label) (e.g. \(group.exampleID))"))
        }
        for reading in undoneByReadings ?? [] {
            let one = reading.count == 1
            let requests = one ? "1 request not clear has findings" : "\(reading.count) requests not clear have findings"
            let (until, before) = reading.until.map { (" until \($0)", " before then") } ?? ("", "")
            lines.append(ControlCharacters.escaped("  \(requests) (\(Self.byVerdict(reading.verdicts))) that another reading of \(reading.citation) would all undo\(until): "
                                                   + "\(one ? "its verdict rests" : "their verdicts rest") on ecca's reading of it\(before), which \(one ? "its line gives" : "their lines give") beside each finding (e.g. \(reading.exampleID))"))
        }
        if let open = notClearWithoutFindings {
            let requests = open.count == 1 ? "1 request not clear has" : "\(open.count) requests not clear have"
            let onFacts = "whether a channel asked for conflicts depends on facts the request does not give, which its line names as deciding conditions"
            let atLimit = "the solver stopped at a limit (--timeout-ms, --memory-mb) before deciding a channel asked for, which its line gives"
            // Said apart: a missing fact is asked of the requester, a limit is raised for a rerun.
            let undecidedOnFacts = open.count - open.solverLimitReached
            let why = open.solverLimitReached == 0 ? onFacts
                : undecidedOnFacts == 0 ? atLimit
                : "for \(undecidedOnFacts), \(onFacts); for \(open.solverLimitReached), \(atLimit)"
            lines.append(ControlCharacters.escaped("  \(requests) no finding to group (\(Self.byVerdict(open.verdicts))): \(why) (e.g. \(open.exampleID))"))
        }
        if let clear = clearWithFindings {
            let requests = clear.count == 1 ? "1 clear request has" : "\(clear.count) clear requests have"
            lines.append(ControlCharacters.escaped("  \(requests) findings only on an alternative channel not needed (e.g. \(clear.exampleID))"))
        }
        if let later = severerBeforeDeadline {
            let requests = later.count == 1 ? "1 request meets" : "\(later.count) requests meet"
            lines.append(ControlCharacters.escaped("  \(requests) a more severe verdict on a later day up to \(later.count == 1 ? "its" : "their") deadline than on the date analysed (\(Self.byVerdict(later.verdicts))), which \(later.count == 1 ? "its line gives" : "their lines give") as beforeDeadline (e.g. \(later.exampleID))"))
        }
        if let repeated = repeatedIDs {
            let requests = repeated.count == 1 ? "1 request repeats an earlier request's id" : "\(repeated.count) requests repeat an earlier request's id"
            lines.append(ControlCharacters.escaped("  \(requests); each is a request of its own, so such an id names more than one line of the output (e.g. \(repeated.exampleID))"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
