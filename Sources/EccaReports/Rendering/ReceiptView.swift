/// The reproducibility receipt as the templates show it, with the shell line that checks the hash.
struct ReceiptView {
    var eccaVersion: String
    var sourceText: String
    var regulationsSHA256: String?
    /// What the "Regulations (SHA-256)" row says: the digest this run read, else the one the
    /// analyses record they were made under (or each, where they disagree), else that none was read.
    var regulationsText: String
    var regulationFiles: [FileDigest]
    var hasRegulationFiles: Bool
    var verifyCommand: String?
    var inputs: [FileDigest]
    var hasInputs: Bool
    var asOfDates: String
    var postureNames: String
    var z3Version: String
    var libxml2Version: String
    var graphvizVersion: String?
    var command: String
    /// "results.ndjson: records 3, 7 (2 records the analysis could not use)", per file.
    var leftOutText: [String]
    var hasLeftOut: Bool
    /// What the report's head says, before any request, when records were left out ("Incomplete:
    /// 9 records …"): a report missing records must not read as complete until its receipt.
    var leftOutNotice: String?
    /// One line per earlier run whose analyses this report re-renders (`originalReceipts`).
    var originals: [String]
    var hasOriginals: Bool

    init(_ receipt: ReproducibilityReceipt) {
        eccaVersion = receipt.eccaVersion
        switch receipt.source {
        case .analysed: sourceText = "analysed by this run from the request"
        case .results: sourceText = "read from analysis results made earlier (the versions below are those of the run that made this report)"
        }
        regulationsSHA256 = receipt.regulationsSHA256
        regulationsText = receipt.regulationsSHA256 ?? Self.recorded(receipt.recordedRegulations).map { $0 + "; not read by this run" }
            ?? "not read by this run"
        regulationFiles = receipt.regulationFiles
        hasRegulationFiles = !receipt.regulationFiles.isEmpty
        verifyCommand = receipt.regulationFiles.isEmpty ? nil
            : "sha256sum " + ShellCommand.line(receipt.regulationFiles.map(\.path)) + " | cut -c1-64 | LC_ALL=C sort | sha256sum"
        inputs = receipt.inputs
        hasInputs = !receipt.inputs.isEmpty
        asOfDates = receipt.asOf.map(\.iso).joined(separator: ", ")
        postureNames = receipt.postures.joined(separator: ", ")
        z3Version = receipt.z3Version
        libxml2Version = receipt.libxml2Version
        graphvizVersion = receipt.graphvizVersion
        command = receipt.command
        // One line per record when the report knows its request and reason; said as a line or
        // element of the file, so that it is not read as one of the report's numbered requests.
        leftOutText = (receipt.leftOut ?? []).flatMap { file -> [String] in
            guard let details = file.details, !details.isEmpty else {
                let count = file.records.count
                return ["\(file.path): record\(count == 1 ? "" : "s") \(file.records.map(String.init).joined(separator: ", ")) (\(count) record\(count == 1 ? "" : "s") the analysis could not use)"]
            }
            return details.map { record in
                "\(file.path) \(file.byLine == true ? "line" : "element") \(record.record)"
                    + (record.requestID.map { " (request \($0))" } ?? "") + ": " + (record.reason ?? "the analysis could not use it")
            }
        }
        hasLeftOut = !leftOutText.isEmpty
        let leftOutCount = (receipt.leftOut ?? []).reduce(0) { $0 + $1.records.count }
        leftOutNotice = leftOutCount == 0 ? nil
            : "Incomplete: \(leftOutCount == 1 ? "1 record" : "\(leftOutCount) records") of the input could not be analysed and "
                + "\(leftOutCount == 1 ? "is" : "are") left out of this report; the receipt lists each with its reason."
        originals = (receipt.originalReceipts ?? []).map { original in
            var parts = ["ecca \(original.eccaVersion) (Z3 \(original.z3Version), libxml2 \(original.libxml2Version))"]
            parts.append("as of \(original.asOf.map(\.iso).joined(separator: ", "))")
            parts.append("postures \(original.postures.joined(separator: ", "))")
            parts.append(original.regulationsSHA256.map { "regulations SHA-256 \($0) (\(original.regulationFiles.count) files)" }
                ?? Self.recorded(original.recordedRegulations).map { "regulations SHA-256 " + $0 } ?? "regulations SHA-256 not recorded")
            if !original.inputs.isEmpty {
                parts.append("from " + original.inputs.map { "\($0.path) (SHA-256 \($0.sha256))" }.joined(separator: ", "))
            }
            parts.append("made with: \(original.command)")
            return parts.joined(separator: "; ")
        }
        hasOriginals = !originals.isEmpty
        if hasOriginals { sourceText += "; originally analysed as given under Originally analysed" }
    }

    /// The regulations analyses read from results record (`ReproducibilityReceipt.recordedRegulations`):
    /// "… as recorded in each analysis", or, where they differ, each with its count, so
    /// that a report mixing analyses made under different rules says so where the rules are named.
    static func recorded(_ counts: [ReproducibilityReceipt.RecordedRegulations]?) -> String? {
        guard let counts, counts.contains(where: { $0.sha256 != nil }) else { return nil }
        if !ReproducibilityReceipt.RecordedRegulations.differ(counts), let sha256 = counts[0].sha256 {
            return "\(sha256), as recorded in each analysis by the run that made it"
        }
        let each = counts.map { count in
            let analyses = "\(count.analyses) analys\(count.analyses == 1 ? "is" : "es")"
            return count.sha256.map { "\($0) (\(analyses))" } ?? "none recorded (\(analyses))"
        }
        return "different for different analyses: " + each.joined(separator: ", ")
    }
}
