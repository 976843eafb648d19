import Foundation

/// What a batch's earlier output holds when the run is resumed: its complete lines, read back
/// (`KeptLine`) so that the summary and exit status cover the whole output, and checked to be a
/// run's with the same options. Their ids are checked against the input as it is read
/// (`BatchRunner.Options.keptIDs`).
public struct ResumedOutput {
    /// A kept line that this run cannot continue from.
    public struct Refusal: Error, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line) of the output \(reason)" }
    }

    public var entries: [BatchSummary.Entry]
    /// Request ids in order (nil for an error line that names none).
    public var ids: [String?]
    /// The length of the complete lines: a run killed mid-write may have left a torn last line.
    public var completeBytes: Int

    public init(_ data: Data, expecting options: AnalysisOptions) throws(Refusal) {
        let end = data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? data.startIndex
        completeBytes = end - data.startIndex
        entries = []
        ids = []
        let postures = Set(options.postures.map(\.rawValue))
        for (number, line) in data[data.startIndex..<end].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().enumerated() {
            guard let kept = KeptLine(line: String(decoding: line, as: UTF8.self)) else {
                throw Refusal(line: number + 1, reason: "is not a line ecca batch writes; is it this batch's output?")
            }
            // A line made with other options would mix two analyses in one output.
            if let made = kept.made, made.postures != postures || (options.asOf.map { $0 != made.asOf } ?? false)
                || (made.groundsGiven.map { $0 != options.groundsForClearVerdicts } ?? false)
                || (made.textsGiven.map { $0 != options.caveatTexts } ?? false) {
                throw Refusal(line: number + 1, reason: "was made with other options (postures, --as-of, --grounds or --caveat-texts); resume with the options of the run that made it")
            }
            entries.append(kept.entry)
            ids.append(kept.id)
        }
    }
}
