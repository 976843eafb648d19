import ClauseGraph
import EccaFormats

/// A line of a batch's output read back when the run is resumed: only what the summary, the
/// exit status and the check that the output is this run's need, read with ecca's own JSON
/// parser, so that reading back 10^5 lines does not cost a second batch (decoding a whole
/// `RequestAnalysis` per line with `JSONDecoder` took twice as long as the batch).
struct KeptLine {
    /// The record's summary entry.
    var entry: BatchSummary.Entry
    /// Its request id; nil for an error line that names none.
    var id: String?
    /// For an analysis: its postures and date, whether its clear verdicts carry grounds (nil
    /// when no verdict is clear), whether its caveats carry their texts (nil when it has none),
    /// whether the request gave no date, and whether it was analysed on another day than its
    /// own (`requestDate`: only `--as-of` does that); nil for an error line.
    var made: (postures: Set<String>, asOf: LegalDate, groundsGiven: Bool?, textsGiven: Bool?, undated: Bool, otherDay: Bool)?
    /// The digest of the regulations it was made under; nil in a line written before lines
    /// recorded it (`LineProvenance`).
    var regulationsSHA256: String?
    /// The digest of the input record it was made from; nil for a record that could not be
    /// read, and in a line written before lines recorded it.
    var recordSHA256: SHA256.Digest?
    /// What contradicts what among its verdicts (`VerdictConsistency`): a line edited since the
    /// run, which would be counted as it says; nil for a line as ecca wrote it, and an error line.
    var contradiction: String?

    /// Nil when `line` is not a line `ecca batch` writes.
    init?(line: String) {
        guard let object = try? JSONParser.parse(line), object.members != nil else { return nil }
        id = object["id"]?.string
        if let regulations = object["regulationsSHA256"] {
            guard let digest = regulations.string.flatMap(SHA256.Digest.init(hex:)) else { return nil }
            regulationsSHA256 = digest.description
        }
        if let record = object["recordSHA256"] {
            guard let digest = record.string.flatMap(SHA256.Digest.init(hex:)) else { return nil }
            recordSHA256 = digest
        }
        if let error = object["error"] {
            guard let file = error["file"]?.string, let line = error["line"]?.int else { return nil }
            entry = BatchSummary.Entry(errorOf: id, file: file, line: line)
            made = nil
            return
        }
        guard let id, let verdict = object["verdict"]?.string.flatMap(Verdict.init(rawValue:)),
              let asOf = object["asOf"]?.string.flatMap(LegalDate.init(iso:)), let postures = object["postures"]?.members,
              let items = object["items"]?.elements, let findings = object["findings"]?.elements else { return nil }
        var artifacts: [Int: String] = [:]
        var clear: [Bool] = []  // per clear item posture: whether it carries grounds
        var reachedSolverLimit = false
        var notClearItems: Set<Int> = []
        var itemVerdicts: [VerdictConsistency.Item] = []
        for item in items {
            guard let index = item["index"]?.int, let artifact = item["artifact"]?.string, let itemPostures = item["postures"]?.members else { return nil }
            if artifacts[index] == nil { artifacts[index] = artifact }
            let itemVerdict = item["verdict"]?.string.flatMap(Verdict.init(rawValue:))
            if let itemVerdict, itemVerdict != .clear { notClearItems.insert(index) }
            var byPosture: [String: Verdict] = [:]
            for (name, posture) in itemPostures {
                guard let verdict = posture["verdict"]?.string.flatMap(Verdict.init(rawValue:)) else { return nil }
                byPosture[name] = verdict
                if verdict == .clear { clear.append(posture["grounds"] != nil) }
                for channel in posture["channels"]?.elements ?? [] {
                    if let name = channel["channel"]?.string, let outcome = channel["outcome"]?.string.flatMap(ChannelOutcome.Outcome.init(rawValue:)),
                       ChannelOutcome(channel: name, outcome: outcome, reason: channel["reason"]?.string).reachedSolverLimit {
                        reachedSolverLimit = true
                    }
                }
            }
            // An item's verdict is the most severe of its postures': a line without one is held to that.
            itemVerdicts.append(.init(index: index, verdict: itemVerdict ?? byPosture.values.max() ?? .clear, postures: byPosture))
        }
        var parts: [(signature: String, item: Int, channel: String, provisions: [(modality: String, citation: String)],
                     readings: [(provision: String, citation: String, until: LegalDate?)])] = []
        for finding in findings {
            guard let signature = finding["signature"]?.string, let item = finding["item"]?.int, let channel = finding["channel"]?.string,
                  let provisions = finding["provisions"]?.elements else { return nil }
            var cited: [(modality: String, citation: String)] = []
            for provision in provisions {
                guard let modality = provision["modality"]?.string, let citation = provision["citation"]?.string else { return nil }
                cited.append((modality, citation))
            }
            var readings: [(provision: String, citation: String, until: LegalDate?)] = []
            for reading in finding["otherReadings"]?.elements ?? [] {
                guard let provision = reading["provision"]?.string, let citation = reading["citation"]?.string else { return nil }
                readings.append((provision, citation, reading["until"]?.string.flatMap(LegalDate.init(iso:))))
            }
            parts.append((signature, item, channel, cited, readings))
        }
        var verdicts: [String: String] = [:]
        var postureVerdicts: [String: Verdict] = [:]
        for (posture, verdict) in postures {
            guard let verdict = verdict.string, let known = Verdict(rawValue: verdict) else { return nil }
            verdicts[posture] = verdict
            postureVerdicts[posture] = known
        }
        contradiction = VerdictConsistency.contradiction(verdict: verdict, postures: postureVerdicts, items: itemVerdicts)
        var later: [Verdict] = []
        for dated in object["beforeDeadline"]?.elements ?? [] {
            guard let verdict = dated["verdict"]?.string.flatMap(Verdict.init(rawValue:)) else { return nil }
            later.append(verdict)
        }
        entry = BatchSummary.Entry(id: id, verdict: verdict, findings: parts, notClearItems: notClearItems, artifacts: artifacts,
                                   reachedSolverLimit: reachedSolverLimit, postures: verdicts, beforeDeadline: later)
        let caveats = object["caveats"]?.elements ?? []
        made = (Set(postures.map(\.key)), asOf, clear.isEmpty ? nil : clear.contains(true),
                caveats.isEmpty ? nil : caveats.contains { $0["text"] != nil }, object["undated"]?.bool == true, object["requestDate"] != nil)
    }
}
