import ClauseGraph
import EccaAnalysis

/// Batch results for a spreadsheet (`--format csv`): one row per request item, RFC 4180 (quoted
/// fields, CRLF line ends), UTF-8, ISO dates. The columns are stable; docs/reports.md lists them.
public struct CSVReport: Sendable {
    /// The header row, in order. Add new columns at the end only.
    public static let columns = [
        "request_id", "as_of", "request_verdict", "item_index", "item_id", "artifact", "channel",
        "item_verdict", "text_verdict", "enforcement_verdict", "compliant_alternatives", "deciding_conditions",
        "cures", "finding_count", "conflict_signatures", "obliging_provisions", "forbidding_provisions",
        "failed_exceptions", "clear_grounds", "request_verdict_postures", "deciding_caveats",
        "exact_thresholds", "request_notes", "request_assumptions", "other_readings",
    ]

    /// Joins the values of a multi-valued cell.
    public static let separator = "; "

    public init() {}

    public func render(_ analyses: [RequestAnalysis]) -> String {
        Self.header + analyses.map(rows).joined()
    }

    /// The header row, with its line end.
    public static var header: String { line(columns) }

    /// The rows of one analysis, one per item, with their line ends: a report of many analyses
    /// is the header and these, so it can be written an analysis at a time.
    public func rows(_ analysis: RequestAnalysis) -> String {
        analysis.items.map { Self.line(row($0, in: analysis)) }.joined()
    }

    /// A row per record the report leaves out (an `ecca batch` error record): `request_verdict`
    /// "unusable", the request id where the record gives one, and where the record is and why in
    /// `request_notes`. A spreadsheet has no receipt: without these rows the records would be gone
    /// without a trace.
    public static func leftOutRows(_ files: [ReproducibilityReceipt.LeftOut]) -> String {
        files.flatMap { file in
            let details = file.details ?? file.records.map { .init(record: $0, requestID: nil, reason: nil) }
            return details.map { record in
                var fields = Array(repeating: "", count: columns.count)
                fields[columns.firstIndex(of: "request_id")!] = record.requestID ?? ""
                fields[columns.firstIndex(of: "request_verdict")!] = "unusable"
                fields[columns.firstIndex(of: "request_notes")!] = "left out: \(file.path) \(file.byLine == true ? "line" : "element") \(record.record): "
                    + (record.reason ?? "the analysis could not use it")
                return line(fields)
            }
        }.joined()
    }

    private static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    private func row(_ item: ItemAnalysis, in analysis: RequestAnalysis) -> [String] {
        let postures = PostureOrder.sorted(item.postures.keys)
        let details = postures.compactMap { item.postures[$0] }
        let findingIDs = unique(details.flatMap(\.findings))
        let findings = findingIDs.compactMap { id in analysis.findings.first { $0.id == id } }
        let provisions = findings.flatMap(\.provisions)
        func citations(_ modality: String) -> String {
            unique(provisions.filter { $0.modality == modality }.map { "\($0.jurisdiction) \($0.inlineCitation)" }).joined(separator: Self.separator)
        }
        // Citations marked where they are not verified, as every format gives them inline.
        let failed = findings.flatMap(\.exceptions).filter { $0.holds != .true }.map { exception in
            exception.citation.map { InlineCitation.text($0, verified: exception.citationNotVerified != true) } ?? Labels.head(exception.inlineLabel)
        }
        return [
            analysis.id, analysis.asOf.iso, analysis.verdict.rawValue, String(item.index), item.id ?? "", item.artifact, item.channel,
            item.verdict.rawValue, item.postures["text"]?.verdict.rawValue ?? "", item.postures["enforcement"]?.verdict.rawValue ?? "",
            unique(details.flatMap(\.compliantAlternatives)).joined(separator: Self.separator),
            unique(details.flatMap(\.decidingConditions)).joined(separator: Self.separator),
            unique(details.flatMap(\.cures)).joined(separator: Self.separator),
            String(findings.count),
            unique(findings.map(\.signature)).joined(separator: Self.separator),
            citations("obligation"), citations("prohibition"),
            unique(failed).joined(separator: Self.separator),
            // Grounds by provision and outcome, per posture: the reasons are in the other formats.
            postures.flatMap { posture in
                let grounds = item.postures[posture]?.grounds ?? []
                return (GroundWording.nothingObliges(grounds) ? ["\(posture): no-obligation"] : []) + grounds.map { ground in
                    "\(posture): \(ground.provision) \(ground.outcome.rawValue)" + (ground.statusEvidence.map { " (status \($0.rawValue))" } ?? "")
                        + (ground.recipient.map { " (recipient \($0))" } ?? "")
                }
            }.joined(separator: Self.separator),
            // The postures request_verdict holds under: "text" alone is a verdict on the law in
            // force that is not enforced; "enforcement" alone says nothing of the law in force.
            PostureOrder.sorted(analysis.postures.keys).filter { analysis.postures[$0] == analysis.verdict }.joined(separator: Self.separator),
            // By id, as in the JSON (`caveats`): a CSV has no list of caveats to number them in.
            unique(Array(details.flatMap(\.decidingConditionCaveats).joined())).joined(separator: Self.separator),
            // A verdict that rests on a comparator only because the value is exactly the threshold,
            // and what every other format says beside the verdict (the law changing before the
            // deadline, an obligation not yet binding, a unit assumed): a bare "clear" in a
            // spreadsheet would hide them.
            unique(details.flatMap(\.exactThresholds)).joined(separator: Self.separator),
            analysis.notes.joined(separator: Self.separator),
            analysis.assumptions.joined(separator: Self.separator),
            // The readings of the law ecca does not apply on which a finding would not stand, and
            // those a ground gives (a duty that would not arise, a restriction that would apply),
            // each once: a verdict that rests on ecca's reading of a contested provision says so
            // here too. A ground's reading that a finding gives already (the duty of a conflict
            // under one posture, clear under the other) is the finding's.
            otherReadings(findings: findings, grounds: details.flatMap { $0.grounds ?? [] }).joined(separator: Self.separator),
        ]
    }

    private func otherReadings(findings: [Finding], grounds: [Ground]) -> [String] {
        let readings = findings.flatMap(\.otherReadings)
        let stated = Set(readings.map(\.statement))
        let ofGrounds = grounds.flatMap(\.reasons).filter { $0.hasPrefix(OtherReading.statementPrefix) && !stated.contains($0) }
        return unique(readings.map(\.findingStatement) + ofGrounds)
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled. A value that a
    /// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
