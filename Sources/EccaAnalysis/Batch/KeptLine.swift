import ClauseGraph
import EccaFormats

/// A line of a batch's output read back when the run is resumed: only what the summary, the
/// exit status and the check that the output is this run's need, read with ecca's own JSON
/// parser, so that reading back 10^5 lines does not cost a second batch (decoding a whole
/// `RequestAnalysis` per line with `JSONDecoder` took twice as long as the batch).
public struct KeptLine {
    /// The record's summary entry.
    public var entry: BatchSummary.Entry
    /// Its request id; nil for an error line that names none.
    public var id: String?
    /// For an analysis: its postures and date, whether its clear verdicts carry grounds (nil
    /// when no verdict is clear) and whether its caveats carry their texts (nil when it has
    /// none); nil for an error line.
    public var made: (postures: Set<String>, asOf: LegalDate, groundsGiven: Bool?, textsGiven: Bool?)?

    /// Nil when `line` is not a line `ecca batch` writes.
    public init?(line: String) {
        guard let object = try? JSONParser.parse(line), case .object = object else { return nil }
        func string(_ value: JSONValue?) -> String? {
            if case .string(let text, _)? = value { return text }
            return nil
        }
        func int(_ value: JSONValue?) -> Int? {
            if case .number(let text, _)? = value { return Int(text) }
            return nil
        }
        func elements(_ value: JSONValue?) -> [JSONValue]? {
            if case .array(let elements, _)? = value { return elements }
            return nil
        }
        func members(_ value: JSONValue?) -> [(key: String, value: JSONValue)]? {
            if case .object(let members, _)? = value { return members }
            return nil
        }
        id = string(object["id"])
        if let error = object["error"] {
            guard let file = string(error["file"]), let line = int(error["line"]) else { return nil }
            entry = BatchSummary.Entry(error: id ?? "\(file):\(line)")
            made = nil
            return
        }
        guard let id, let verdict = string(object["verdict"]).flatMap(Verdict.init(rawValue:)),
              let asOf = string(object["asOf"]).flatMap(LegalDate.init(iso:)), let postures = members(object["postures"]),
              let items = elements(object["items"]), let findings = elements(object["findings"]) else { return nil }
        var artifacts: [Int: String] = [:]
        var clear: [Bool] = []  // per clear item posture: whether it carries grounds
        for item in items {
            guard let index = int(item["index"]), let artifact = string(item["artifact"]), let itemPostures = members(item["postures"]) else { return nil }
            if artifacts[index] == nil { artifacts[index] = artifact }
            for (_, posture) in itemPostures where string(posture["verdict"]) == Verdict.clear.rawValue {
                clear.append(posture["grounds"] != nil)
            }
        }
        var parts: [(signature: String, item: Int, channel: String, provisions: [(modality: String, citation: String)])] = []
        for finding in findings {
            guard let signature = string(finding["signature"]), let item = int(finding["item"]), let channel = string(finding["channel"]),
                  let provisions = elements(finding["provisions"]) else { return nil }
            var cited: [(modality: String, citation: String)] = []
            for provision in provisions {
                guard let modality = string(provision["modality"]), let citation = string(provision["citation"]) else { return nil }
                cited.append((modality, citation))
            }
            parts.append((signature, item, channel, cited))
        }
        entry = BatchSummary.Entry(id: id, verdict: verdict, findings: parts, artifacts: artifacts)
        let caveats = elements(object["caveats"]) ?? []
        made = (Set(postures.map(\.key)), asOf, clear.isEmpty ? nil : clear.contains(true),
                caveats.isEmpty ? nil : caveats.contains { $0["text"] != nil })
    }
}
