/// The reproducibility receipt as the templates show it, with the shell line that checks the hash.
struct ReceiptView {
    var eccaVersion: String
    var sourceText: String
    var regulationsSHA256: String?
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

    init(_ receipt: ReproducibilityReceipt) {
        eccaVersion = receipt.eccaVersion
        switch receipt.source {
        case .analysed: sourceText = "analysed by this run from the request"
        case .results: sourceText = "read from analysis results made earlier (the versions below are those of the run that made this report)"
        }
        regulationsSHA256 = receipt.regulationsSHA256
        regulationFiles = receipt.regulationFiles
        hasRegulationFiles = !receipt.regulationFiles.isEmpty
        verifyCommand = receipt.regulationFiles.isEmpty ? nil
            : "sha256sum " + ShellCommand.line(receipt.regulationFiles.map(\.path)) + " | cut -c1-64 | sha256sum"
        inputs = receipt.inputs
        hasInputs = !receipt.inputs.isEmpty
        asOfDates = receipt.asOf.map(\.iso).joined(separator: ", ")
        postureNames = receipt.postures.joined(separator: ", ")
        z3Version = receipt.z3Version
        libxml2Version = receipt.libxml2Version
        graphvizVersion = receipt.graphvizVersion
        command = receipt.command
        leftOutText = (receipt.leftOut ?? []).map { file in
            let count = file.records.count
            return "\(file.path): record\(count == 1 ? "" : "s") \(file.records.map(String.init).joined(separator: ", ")) (\(count) record\(count == 1 ? "" : "s") the analysis could not use)"
        }
        hasLeftOut = !leftOutText.isEmpty
    }
}
