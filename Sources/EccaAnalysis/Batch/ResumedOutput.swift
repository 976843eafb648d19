import EccaFormats
import Foundation

/// What a batch's earlier output holds when the run is resumed: its complete lines, read back
/// one at a time (`KeptLine`) into the summary, so that the summary and exit status cover the
/// whole output, and checked to be a run's with the same options. Their ids are checked against the input as it is read
/// (`BatchRunner.Options.keptIDs`).
public struct ResumedOutput {
    /// A kept line that this run cannot continue from.
    public struct Refusal: Error, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line) of the output \(reason)" }
    }

    /// The summary of the kept lines, which the run's own lines are added to.
    public var summary = BatchSummary()
    /// Request ids in order (nil for an error line that names none): all that is kept of each
    /// line, so memory grows by an id per line, not by the line.
    public var ids: [String?] = []
    /// The length of the complete lines: a run killed mid-write may have left a torn last line.
    public var completeBytes = 0

    /// Reads the output a line at a time (`lines` to its end, or to a torn last line).
    /// - Throws: `Refusal`, or `ByteLineReader.ReadError` when the output cannot be read.
    public init(_ lines: ByteLineReader, expecting options: AnalysisOptions) throws {
        let postures = Set(options.postures.map(\.rawValue))
        var number = 0
        while let line = try lines.next(), lines.lastLineTerminated {
            number += 1
            guard let kept = KeptLine(line: String(decoding: line, as: UTF8.self)) else {
                throw Refusal(line: number, reason: "is not a line ecca batch writes; is it this batch's output?")
            }
            // A line made with other options would mix two analyses in one output.
            if let made = kept.made, made.postures != postures || (options.asOf.map { $0 != made.asOf } ?? false)
                || (made.groundsGiven.map { $0 != options.groundsForClearVerdicts } ?? false)
                || (made.textsGiven.map { $0 != options.caveatTexts } ?? false) {
                throw Refusal(line: number, reason: "was made with other options (postures, --as-of, --grounds or --caveat-texts); resume with the options of the run that made it")
            }
            summary.add(kept.entry)
            ids.append(kept.id)
            completeBytes = lines.offset
        }
    }
}
