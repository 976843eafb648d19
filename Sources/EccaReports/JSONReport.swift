import EccaAnalysis

/// Deterministic JSON (sorted keys) of analysis values: what `--format json` and batch lines print.
public enum JSONReport {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        AnalysisJSON.encode(value, pretty: pretty)
    }

    /// `encode(report)` in pieces, so that a report on many analyses is written an analysis at a
    /// time: `head`, then `element(_:first:)` for each analysis, then `end(receipt:)`. The bytes
    /// are those of `encode(ConflictReport(…))` (sorted keys put `analyses` before `receipt`).
    public static let head = "{\n  \"analyses\" : [\n"

    /// One analysis of the array, after the one before it.
    public static func element(_ analysis: RequestAnalysis, first: Bool) -> String {
        (first ? "" : ",\n") + indented(encode(analysis), by: "    ", first: true)
    }

    /// Closes the array (after at least one element) and gives the receipt.
    public static func end(receipt: ReproducibilityReceipt) -> String {
        "\n  ],\n  \"receipt\" : " + indented(encode(receipt), by: "  ", first: false) + "\n}"
    }

    /// Pretty JSON nested one level deeper: every line but (unless `first`) the first indented,
    /// and blank lines (an empty array's) left blank, as the encoder nests it. A string value
    /// never holds a raw line feed (JSON escapes it), so every line feed is between tokens.
    private static func indented(_ json: String, by indent: String, first: Bool) -> String {
        var json = json
        return json.withUTF8 { bytes in
            let lines = bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + (lines + 1) * indent.utf8.count)
            var startOfLine = first
            for byte in bytes {
                if startOfLine && byte != 0x0A { out.append(contentsOf: indent.utf8) }
                out.append(byte)
                startOfLine = byte == 0x0A
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
