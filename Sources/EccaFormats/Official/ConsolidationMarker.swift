/// One consolidation marker of a consolidated Formex text (FORMATS.md §3.4):
/// `<?CLG.MDFO ID="O001001M068000" IDREF="C001001M068000" ACTION="INSERTED" LEVEL="STRUCTURE"
/// ACTIVE.DOC="32026R1744" ACTIVE.LOC="AR:1;PT:40;PT:c"?>` opens a range, and the
/// `<?CLG.MDFC ID="C001001M068000" IDREF="O001001M068000"?>` that names it closes it. What lies between
/// was changed by the amending act `ACTIVE.DOC` (a CELEX number) at the place `ACTIVE.LOC` names.
public struct ConsolidationMarker: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        case replaced, inserted, deleted
        /// An action ecca does not know, as printed.
        case other(String)

        init(_ value: String) {
            switch value.uppercased() {
            case "REPLACED": self = .replaced
            case "INSERTED": self = .inserted
            case "DELETED": self = .deleted
            default: self = .other(value)
            }
        }

        /// The verb of a note: "Inserted", "Changed (ACTION=…)".
        var verb: String {
            switch self {
            case .replaced: "Replaced"
            case .inserted: "Inserted"
            case .deleted: "Deleted"
            case .other(let value): "Changed (consolidation action \(value))"
            }
        }
    }

    public static let opening = "CLG.MDFO"
    public static let closing = "CLG.MDFC"

    /// The opening marker's `ID` (`O001001M068000`), which the closing marker's `IDREF` repeats.
    public var id: String
    public var action: Action
    /// `STRUCTURE` (elements) or `TEXT` (words inside a `TXT`).
    public var level: String?
    /// The amending act's CELEX number (`32026R1744`).
    public var amendingAct: String?
    /// The place in the amending act, coded (`AR:1;PT:40;PT:c`).
    public var location: String?

    public init(id: String, action: Action, level: String? = nil, amendingAct: String? = nil, location: String? = nil) {
        self.id = id
        self.action = action
        self.level = level
        self.amendingAct = amendingAct
        self.location = location
    }

    /// The marker an `MDFO` instruction's data describes; nil without an `ID`.
    public init?(instruction data: String) {
        let values = Self.pseudoAttributes(data)
        guard let id = values["ID"], !id.isEmpty else { return nil }
        self.init(id: id, action: Action(values["ACTION"] ?? ""), level: values["LEVEL"],
                  amendingAct: values["ACTIVE.DOC"], location: values["ACTIVE.LOC"])
    }

    /// `NAME="value"` pairs of an instruction's data (single or double quotes).
    static func pseudoAttributes(_ data: String) -> [String: String] {
        var values: [String: String] = [:]
        var rest = Substring(data)
        while let equals = rest.firstIndex(of: "=") {
            let name = TextNormalizer.trim(String(rest[..<equals]))
            var after = rest[rest.index(after: equals)...].drop { $0 == " " }
            guard let quote = after.first, quote == "\"" || quote == "'" else { break }
            after = after.dropFirst()
            guard let end = after.firstIndex(of: quote) else { break }
            values[name] = String(after[..<end])
            rest = after[after.index(after: end)...]
        }
        return values
    }

    /// `AR:1;PT:40;PT:c` → `Art. 1, point (40)(c)`, as a lawyer cites the amending act. Nil when
    /// a piece is not one ecca knows (`AR` article, `PT` point); the code is then quoted as printed.
    public static func words(forLocation code: String) -> String? {
        var parts: [String] = []
        var inPoint = false
        for piece in code.split(separator: ";") {
            let pair = piece.split(separator: ":", maxSplits: 1).map { TextNormalizer.trim(String($0)) }
            guard pair.count == 2, !pair[1].isEmpty else { return nil }
            switch pair[0] {
            case "AR":
                parts.append("Art. \(pair[1])")
                inPoint = false
            case "PT":
                if inPoint { parts[parts.count - 1] += "(\(pair[1]))" } else { parts.append("point (\(pair[1]))") }
                inPoint = true
            default:
                return nil
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// The place in words: `Art. 1, point (40)(c)`, or the code quoted when ecca cannot read it.
    public var place: String? {
        location.map { Self.words(forLocation: $0) ?? "location code \"\($0)\" (not read by ecca)" }
    }

    /// The act and place: `32026R1744, Art. 1, point (40)(c)`.
    public var source: String {
        [amendingAct ?? "an amending act the marker does not name", place].compactMap { $0 }.joined(separator: ", ")
    }

    /// The amendment note on a provision the range covers: "Inserted by 32026R1744, Art. 1,
    /// point (40)(c) (consolidation marker O001001M068000)."
    public var note: String { "\(action.verb) by \(source) (consolidation marker \(id))." }

    /// The note on a provision from which deleted text was left out (`what`: "point 1").
    func deletionNote(_ what: String) -> String {
        "Deleted by \(source) (consolidation marker \(id)): \(what) is no longer in force. The consolidated text keeps its former wording, marked deleted; ecca leaves it out."
    }
}
