import ClauseGraph
import EccaFormats
import Foundation

/// What a batch's earlier output holds when the run is resumed: its complete lines, read back
/// one at a time (`KeptLine`) into the summary, so that the summary and exit status cover the
/// whole output, and checked to be a run's with the same options and regulations. Their ids and
/// record digests are checked against the input as it is read (`BatchRunner.Options.kept`).
public struct ResumedOutput {
    /// A kept line that this run cannot continue from.
    public struct Refusal: Error, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line) of the output \(reason)" }
    }

    /// The summary of the kept lines, which the run's own lines are added to.
    public var summary = BatchSummary()
    /// What is kept of each line, in order, so that memory grows by an id and a digest per
    /// line, not by the line.
    public struct KeptRecord: Sendable, Hashable {
        /// The request id; nil for an error line that names none.
        public var id: String?
        /// The digest of the input record the line was made from; nil for a record that could
        /// not be read.
        public var recordSHA256: SHA256.Digest?
        public init(id: String?, recordSHA256: SHA256.Digest?) {
            self.id = id
            self.recordSHA256 = recordSHA256
        }
    }

    public var records: [KeptRecord] = []
    /// The day the kept lines took as today for requests that give no date (run without
    /// `--as-of`); nil when no kept line is of such a request. The resumed run takes it as today
    /// too, so that the output is one run's, as it would be had the run not stopped: a run fixes
    /// today once (`AnalysisOptions.today`), and one resumed the next morning would otherwise
    /// judge half its undated requests on each day.
    public var today: LegalDate?
    /// The length of the complete lines: a run killed mid-write may have left a torn last line.
    public var completeBytes = 0

    /// Reads the output a line at a time (`lines` to its end, or to a torn last line).
    /// - Parameter regulationsSHA256: the digest of this run's regulations (`LineProvenance`),
    ///   which every kept line must have been made under.
    /// - Parameter todayGiven: `--today`, which the kept lines of undated requests must have
    ///   taken as today; nil when the run takes theirs.
    /// - Throws: `Refusal`, or `ByteLineReader.ReadError` when the output cannot be read.
    public init(_ lines: ByteLineReader, expecting options: AnalysisOptions, regulationsSHA256: String, todayGiven: LegalDate? = nil) throws {
        let postures = Set(options.postures.map(\.rawValue))
        var number = 0
        while let line = try lines.next(), lines.lastLineTerminated {
            number += 1
            guard let kept = KeptLine(line: String(decoding: line, as: UTF8.self)) else {
                throw Refusal(line: number, reason: "is not a line ecca batch writes; is it this batch's output?")
            }
            if let contradiction = kept.contradiction {
                throw Refusal(line: number, reason: "contradicts itself: \(contradiction); a line edited since the run would be counted as it says, so start again without --resume")
            }
            // Without them the line cannot be told to be this run's: the regulations and the
            // input may have changed since, and the output would mix analyses without a word.
            guard let madeUnder = kept.regulationsSHA256 else {
                throw Refusal(line: number, reason: "does not record the regulations and the input record it was made from (it was written by an earlier ecca), so it cannot be checked against this run; start again without --resume")
            }
            // A line made with other options would mix two analyses in one output.
            if let made = kept.made, made.postures != postures || (options.asOf.map { $0 != made.asOf } ?? false)
                || (made.groundsGiven.map { $0 != options.groundsForClearVerdicts } ?? false)
                || (made.textsGiven.map { $0 != options.caveatTexts } ?? false) {
                throw Refusal(line: number, reason: "was made with other options (postures, --as-of, --grounds or --caveat-texts); resume with the options of the run that made it")
            }
            if let made = kept.made, options.asOf == nil {
                // Without --as-of a request is analysed on its own date; one analysed on another
                // was analysed with --as-of, and this run would analyse the rest otherwise.
                if made.otherDay {
                    throw Refusal(line: number, reason: "was made with --as-of \(made.asOf) (its request is dated otherwise); resume with the options of the run that made it")
                }
                if made.undated {
                    if let given = todayGiven, given != made.asOf {
                        throw Refusal(line: number, reason: "analyses a request that gives no date as of \(made.asOf), not --today \(given): resume with --today \(made.asOf.iso), or start again without --resume")
                    }
                    if let day = today, day != made.asOf {
                        throw Refusal(line: number, reason: "analyses a request that gives no date as of \(made.asOf), but earlier lines analysed such requests as of \(day): the output already mixes two days' analyses, so start again without --resume (or with --as-of)")
                    }
                    today = made.asOf
                }
            }
            if madeUnder != regulationsSHA256 {
                throw Refusal(line: number, reason: "was made under other regulations (SHA-256 \(madeUnder)) than this run's (SHA-256 \(regulationsSHA256)): other rules folders (--regulations, ECCA_REGULATIONS), other --instrument files, or files changed since; resume with the regulations of the run that made it, or start again without --resume")
            }
            summary.add(kept.entry)
            records.append(KeptRecord(id: kept.id, recordSHA256: kept.recordSHA256))
            completeBytes = lines.offset
        }
    }
}
