import EccaAnalysis

/// One element of `ecca check --format json`'s array for several requests: the analysis of a
/// request, or, in the place of one that could not be read or analysed, the error record `ecca
/// batch` writes for it. An array that left it out would read as complete to whoever files it
/// (`ecca report` lists such records as left out).
enum CheckJSONElement: Encodable {
    case analysis(RequestAnalysis)
    case unusable(BatchErrorLine)

    var analysis: RequestAnalysis? {
        if case .analysis(let analysis) = self { analysis } else { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .analysis(let analysis): try analysis.encode(to: encoder)
        case .unusable(let record): try record.encode(to: encoder)
        }
    }
}
