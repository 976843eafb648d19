import ClauseGraph
import EccaAnalysis
import EccaFormats

/// What it takes to make the same report again: the program, the law it read, the date and
/// postures, the solver and parser versions, and the command. Never the current time.
public struct ReproducibilityReceipt: Sendable, Hashable, Codable {
    /// Where the analyses in the report came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// Analysed by the run that made the report, from request files.
        case analysed
        /// Read from a results file (`ecca check --format json`, `ecca batch`): analysed earlier.
        case results
    }

    public var eccaVersion: String
    public var source: Source
    /// The rules files used, sorted by path; empty when the analyses were read from results.
    public var regulationFiles: [FileDigest]
    /// `FileDigest.combined(regulationFiles)`; nil when no regulations were read.
    public var regulationsSHA256: String?
    /// The request or results files the report was made from.
    public var inputs: [FileDigest]
    /// The dates analysed, in order.
    public var asOf: [LegalDate]
    /// The postures analysed: `text` first, then the others by name.
    public var postures: [String]
    public var z3Version: String
    public var libxml2Version: String
    /// Set when the HTML report embeds a picture drawn by Graphviz (its output varies by version).
    public var graphvizVersion: String?
    /// The command line that makes this report again (shell-quoted).
    public var command: String
    /// Records of a results file that the report leaves out because the analysis could not use
    /// them (`ecca batch` error records), by file; nil when none were.
    public var leftOut: [LeftOut]?
    /// For a report made from earlier reports' JSON: their receipts, which say how the analyses
    /// were made (versions, regulations, inputs), carried forward so that the chain from a filed
    /// report back to the law files is not broken. Nil otherwise.
    public var originalReceipts: [ReproducibilityReceipt]?
    /// For a report made from batch results: the regulations their analyses record they were
    /// made under (each `ecca batch` line carries the digest), in the order first met, with how
    /// many analyses name each. Nil when no analysis records one (results of `ecca check`, or of
    /// an ecca before lines recorded it), or the report analysed the requests itself.
    public var recordedRegulations: [RecordedRegulations]?

    /// The receipts of the runs that analysed: a re-rendered report's own originals, else itself.
    public var analysingReceipts: [ReproducibilityReceipt] {
        source == .results && !(originalReceipts ?? []).isEmpty ? originalReceipts! : [self]
    }

    /// A regulations digest that analyses read from results record, and how many record it.
    public struct RecordedRegulations: Sendable, Hashable, Codable {
        /// `regulationsSHA256` as the lines give it; nil for analyses that record none.
        public var sha256: String?
        public var analyses: Int
        public init(sha256: String?, analyses: Int) {
            self.sha256 = sha256
            self.analyses = analyses
        }

        /// Whether the analyses counted were not all made under the same recorded regulations
        /// (`counts` as `merged` makes them: each digest once), some recording one.
        public static func differ(_ counts: [RecordedRegulations]) -> Bool {
            counts.count > 1 && counts.contains { $0.sha256 != nil }
        }

        /// `counts` with `more` added: a digest already there counts more, a new one goes last.
        public static func merged(_ counts: [RecordedRegulations], _ more: [RecordedRegulations]) -> [RecordedRegulations] {
            var merged = counts
            for entry in more {
                if let index = merged.firstIndex(where: { $0.sha256 == entry.sha256 }) {
                    merged[index].analyses += entry.analyses
                } else {
                    merged.append(entry)
                }
            }
            return merged
        }
    }

    /// The unusable records of one results file.
    public struct LeftOut: Sendable, Hashable, Codable {
        public var path: String
        /// Their lines (NDJSON) or 1-based positions (a JSON array).
        public var records: [Int]
        /// Whether `records` are lines (NDJSON); nil in reports written before it was recorded.
        public var byLine: Bool?
        /// Each record with its request id and reason; nil in reports written before they were.
        public var details: [LeftOutRecord]?
        public init(path: String, records: [Int], byLine: Bool? = nil, details: [LeftOutRecord]? = nil) {
            self.path = path
            self.records = records
            self.byLine = byLine
            self.details = details
        }
    }

    /// One record left out: where it is, the request it was for, and why the analysis could not use it.
    public struct LeftOutRecord: Sendable, Hashable, Codable {
        /// Its line (NDJSON) or 1-based position (a JSON array).
        public var record: Int
        public var requestID: String?
        public var reason: String?
        public init(record: Int, requestID: String?, reason: String?) {
            self.record = record
            self.requestID = requestID
            self.reason = reason
        }
    }

    public init(eccaVersion: String, source: Source, regulationFiles: [FileDigest], inputs: [FileDigest],
                asOf: [LegalDate], postures: [String], z3Version: String, libxml2Version: String,
                graphvizVersion: String? = nil, command: String) {
        self.eccaVersion = eccaVersion
        self.source = source
        self.regulationFiles = regulationFiles.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.regulationsSHA256 = regulationFiles.isEmpty ? nil : FileDigest.combined(regulationFiles)
        self.inputs = inputs
        self.asOf = Array(Set(asOf)).sorted()
        self.postures = postures
        self.z3Version = z3Version
        self.libxml2Version = libxml2Version
        self.graphvizVersion = graphvizVersion
        self.command = command
    }

    /// A receipt whose dates and postures are those of `analyses`.
    public init(eccaVersion: String, source: Source, regulationFiles: [FileDigest], inputs: [FileDigest],
                analyses: [RequestAnalysis], z3Version: String, libxml2Version: String,
                graphvizVersion: String? = nil, command: String) {
        self.init(eccaVersion: eccaVersion, source: source, regulationFiles: regulationFiles, inputs: inputs,
                  asOf: analyses.map(\.asOf), postures: PostureOrder.sorted(analyses.flatMap(\.postures.keys)),
                  z3Version: z3Version, libxml2Version: libxml2Version, graphvizVersion: graphvizVersion, command: command)
    }
}
