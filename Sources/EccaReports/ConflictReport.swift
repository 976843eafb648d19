import EccaAnalysis

/// What every report format renders: the analyses exactly as `ecca check --format json` prints
/// them, and the receipt. `ecca report --format json` prints this value.
public struct ConflictReport: Sendable, Hashable, Codable {
    public var analyses: [RequestAnalysis]
    public var receipt: ReproducibilityReceipt

    public init(analyses: [RequestAnalysis], receipt: ReproducibilityReceipt) {
        self.analyses = analyses
        self.receipt = receipt
    }
}
