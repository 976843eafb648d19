import ClauseGraph

/// How the entries of `items[].licences` are read against the law loaded: each is a claim of an
/// exception the exporter may claim (by provision id or citation), or the number of a licence
/// held. What is neither is refused: a blank, a placeholder ("none", "N/A", "pending") or a
/// citation that names no claimable exception ("4E091 Note 2", "15 CFR 734.13"), read as a
/// licence number, would clear a conflict on a typo.
public struct LicenceEntries: Sendable {
    private let graph: ClauseGraph
    /// The exceptions the exporter may claim, by provision id, in the law's order.
    private let claimable: [String]

    /// The claimable exceptions' ids and citations as written in the law: most entries, read
    /// without resolving.
    private let spelledAsInTheLaw: Set<String>

    public init(graph: ClauseGraph) {
        self.graph = graph
        claimable = graph.claimableValues.filter { graph.provisions[$0] != nil }
        spelledAsInTheLaw = Set(claimable + claimable.compactMap { graph.provisions[$0]?.citation })
    }

    /// Why `entry` cannot stand, or nil when it is a claim or a licence number.
    public func problem(_ entry: String) -> String? {
        if spelledAsInTheLaw.contains(entry) { return nil }
        let text = FieldSpaces.trimmed(entry)
        if text.isEmpty { return "an empty entry; list licence numbers and claimed exceptions only" }
        let words = text.lowercased()
        if Self.placeholders.contains(words) {
            return "'\(text)' is not a licence number; when no licence is held and nothing is claimed, leave licences out or empty"
        }
        if Self.pendingWords.contains(where: { Self.mentions(words, $0) }) {
            return "'\(text)' is not a licence held; list a licence once it is granted, by its number"
        }
        if Self.lapsedWords.contains(where: { Self.mentions(words, $0) }) {
            return "'\(text)' is not a licence held now; list only licences in force"
        }
        if Self.noLicenceWords.contains(where: { Self.mentions(words, $0) }) {
            return "'\(text)' says no licence is needed, which is what ecca decides; leave it out (a classification is not a licence held)"
        }
        var symbol = text.uppercased()
        if Self.mentions(symbol, "EXCEPTION ") {
            symbol = symbol.replacingOccurrences(of: "LICENSE EXCEPTION ", with: "").replacingOccurrences(of: "LICENCE EXCEPTION ", with: "")
        }
        if Self.licenseExceptionSymbols.contains(symbol) {
            return "'\(text)' names a license exception, not a licence; claim an exception the regulations loaded know by its id or citation (\(claimableList))"
        }
        if let id = graph.resolveProvisionReference(text) {
            if claimable.contains(id) { return nil }
            let cited = graph.provisions[id]?.citation ?? id
            return "'\(text)' names \(cited), which is not an exception the exporter can claim (\(claimableList))"
        }
        if Self.citationMarks.contains(where: { Self.mentions(words, $0) }) {
            return "'\(text)' reads as a citation but names no provision of the regulations loaded; claim an exception by its id or citation (\(claimableList)), and give a licence by its number as issued"
        }
        return nil
    }

    /// Whether `words` has `phrase` in it, byte for byte (both in the same case). A batch screens
    /// every licence number with some twenty of these, so it compares the UTF-8 bytes in place:
    /// the standard library's generic `firstRange(of:)` made the screening 5% of a batch.
    private static func mentions(_ words: String, _ phrase: String) -> Bool {
        var words = words, phrase = phrase
        return words.withUTF8 { haystack in
            phrase.withUTF8 { needle in
                guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    if haystack[start] == first {
                        var matched = 1
                        while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    private var claimableList: String {
        guard !claimable.isEmpty else { return "the regulations loaded name no exception that can be claimed" }
        return "claimable: " + claimable.map { id in
            graph.provisions[id].map { "\($0.citation) (\(id))" } ?? id
        }.joined(separator: ", ")
    }

    /// Words written where no licence is held.
    static let placeholders: Set<String> = ["none", "n/a", "na", "nil", "null", "no", "-", "—", "–", "tbd", "tba", "unknown",
                                            "not applicable", "no licence", "no license", "not required", "0", "x"]
    /// Words of a licence that no longer holds.
    static let lapsedWords = ["expired", "revoked", "suspended", "lapsed", "withdrawn"]
    /// Words that say no licence is required, or give a classification instead of a licence.
    static let noLicenceWords = ["nlr", "no license required", "no licence required", "ear99", "ccats", "classification"]
    /// The EAR's license exception symbols (15 CFR Part 740): a license exception is claimed by the
    /// provision that grants it, never written as if it were a licence.
    static let licenseExceptionSymbols: Set<String> = ["LVS", "GBS", "CIV", "TSR", "APP", "TMP", "RPL", "GFT", "GOV", "TSU", "BAG",
                                                       "AVS", "APR", "ENC", "AGR", "CCD", "STA", "SCP", "NAC", "ACE", "IEC", "ACA",
                                                       "AIA", "MED", "ACM", "HBM", "NCR"]
    /// Words of a licence that is not (yet) held.
    static let pendingWords = ["pending", "applied for", "application", "requested", "to be obtained"]
    /// What a citation of the law has and a licence number lacks.
    static let citationMarks = ["cfr", "§", "note", "art.", "article", "exception", "eccn", "supp", "part ", "para"]
}
