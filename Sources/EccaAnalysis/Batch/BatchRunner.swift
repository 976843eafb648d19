import ClauseGraph
import EccaFormats
import EccaXML
import Foundation

/// Runs a batch: records in, one result line out per record, in input order, whatever the number
/// of workers. Each worker owns one `ConflictEngine` (one Z3 context with the regulation base
/// asserted once). Lines are written as soon as they and all before them are decided.
public final class BatchRunner: @unchecked Sendable {
    public struct Options: Sendable {
        public var jobs: Int
        /// Records `[first, end)` of the input (a shard), or all.
        public var range: Range<Int>?
        /// The lines already in the output (resume), in order: their records are skipped, and
        /// each must have been made from the input record it stands for (its request id and the
        /// digest of the record), or the output is another input's, or the input has changed.
        public var kept: [ResumedOutput.KeptRecord]
        /// The digest of the regulations, which every line records (`LineProvenance`).
        public var regulationsSHA256: String?
        /// Records already in the output: skipped.
        public var skip: Int { kept.count }
        public init(jobs: Int = 1, range: Range<Int>? = nil, kept: [ResumedOutput.KeptRecord] = [], regulationsSHA256: String? = nil) {
            self.jobs = max(1, jobs)
            self.range = range
            self.kept = kept
            self.regulationsSHA256 = regulationsSHA256
        }
    }

    /// A resumed output whose kept lines are not the input's first records, or more of them
    /// than the input (or shard) has. Found before anything is appended.
    public struct ResumeMismatch: Error, CustomStringConvertible {
        public var description: String
    }

    public let graph: ClauseGraph
    public let analysis: AnalysisOptions
    /// Checks solved by Z3 and checks answered from an equivalence class, over all workers.
    public private(set) var checks = (solved: 0, reused: 0)
    /// Records the input held, whether analysed or skipped (a resumed run checks its output
    /// against it).
    private(set) var recordsRead = 0
    private let checksLock = NSLock()

    func record(_ engine: ConflictEngine) {
        checksLock.lock()
        checks.solved += engine.statistics.solved
        checks.reused += engine.statistics.cached
        checksLock.unlock()
    }

    public let options: Options
    let requestSchema: RelaxNGSchema?
    /// Classes solved by any worker, so each is solved once per batch.
    let solvedClasses = SolvedClasses()

    public init(graph: ClauseGraph, analysis: AnalysisOptions, options: Options, requestSchema: RelaxNGSchema?) {
        self.graph = graph
        self.analysis = analysis
        self.options = options
        self.requestSchema = requestSchema
    }

    /// One decided record: its output line and its part of the summary.
    public struct Result: Sendable {
        public var index: Int
        public var line: String
        public var entry: BatchSummary.Entry
        /// The error to report on standard error, for unusable records.
        public var problem: String?
    }

    /// Reads every record from `source`, analyses those in range, and hands results to `emit` in
    /// input order (on one thread at a time). An error thrown by `emit` (the output cannot be
    /// written) stops the run: the workers finish the record they hold, and it is rethrown.
    ///
    /// Before reading a record that would wait for input (a pipe whose writer pauses), every
    /// record read so far is decided and emitted, and `idle` is called (to write them out), so
    /// results do not wait for the next 64 records.
    public func run(_ source: BatchRecordSource, idle: @escaping () throws -> Void = {}, emit: @escaping (Result) throws -> Void) throws {
        if options.jobs == 1 {
            let worker = try Worker(runner: self)
            while true {
                if source.wouldWait { try idle() }
                guard let record = source.next() else { break }
                recordsRead += 1
                guard try include(record) else { continue }
                try emit(worker.process(record))
            }
            record(worker.engine)
        } else {
            try runParallel(source, idle: idle, emit: emit)
        }
        // Every record was skipped, so nothing was appended either.
        let available = options.range?.count ?? recordsRead
        if options.skip > available {
            throw ResumeMismatch(description: "the output holds \(options.skip) records, more than the \(available) of the input: it is not this input's output")
        }
    }

    /// Whether `record` is analysed by this run; a record a resumed output already holds is
    /// checked against the line that holds it.
    func include(_ record: BatchRecord) throws(ResumeMismatch) -> Bool {
        let start = options.range?.lowerBound ?? 0
        if let range = options.range, !range.contains(record.index) { return false }
        let position = record.index - start
        guard position >= options.skip else {
            let kept = options.kept[position]
            if let keptID = kept.id, let id = record.requestID, keptID != id {
                throw ResumeMismatch(description: "line \(position + 1) of the output is request \(keptID), but record \(position + 1) of the input is \(id): it is not this input's output (or not in its order)")
            }
            let now = record.digest()
            if now != kept.recordSHA256 {
                let then = kept.recordSHA256.map { "had SHA-256 \($0)" } ?? "could not be read"
                let current = now.map { "has SHA-256 \($0)" } ?? "cannot be read"
                throw ResumeMismatch(description: "line \(position + 1) of the output was not made from record \(position + 1) of the input as it is now (\(record.file) line \(record.line)): the record \(then), it \(current); the input has changed since the line was written, so start again without --resume")
            }
            return false
        }
        return true
    }

    /// Parses, analyses and encodes one record. Owned by one thread.
    final class Worker {
        private(set) var engine: ConflictEngine
        let writer = AnalysisJSONWriter()
        let decoder: RequestJSONDecoder
        let loader: RequestLoader
        private unowned let runner: BatchRunner

        init(runner: BatchRunner) throws {
            self.runner = runner
            engine = try ConflictEngine(graph: runner.graph, options: runner.analysis, shared: runner.solvedClasses)
            let vocabulary = RequestVocabulary(graph: runner.graph)
            decoder = RequestJSONDecoder(vocabulary: vocabulary)
            loader = RequestLoader(vocabulary: vocabulary, schema: runner.requestSchema)
        }

        func process(_ record: BatchRecord) -> Result {
            var provenance = LineProvenance(regulationsSHA256: runner.options.regulationsSHA256, recordSHA256: nil)
            let request: DisclosureRequest
            do {
                request = try decode(record, digest: &provenance.recordSHA256)
            } catch {
                return failure(record, BatchErrorLine(error, provenance: provenance), text: error.description)
            }
            do {
                let analysis = try engine.analyze(request)
                return Result(index: record.index, line: writer.line(analysis, provenance: provenance),
                              entry: BatchSummary.Entry(analysis), problem: nil)
            } catch {
                if case .solver = error { renewEngine() }
                return failure(record, BatchErrorLine(id: request.id, file: record.file, line: record.line, message: error.description, provenance: provenance),
                               text: ControlCharacters.escaped("\(record.file):\(record.line): error: \(error)"))
            }
        }

        /// After a solver failure the engine's Z3 context may hold a half-done scope: the records
        /// after it get a fresh engine, so one failure never spreads. Its counts are kept.
        private func renewEngine() {
            guard let fresh = try? ConflictEngine(graph: runner.graph, options: runner.analysis, shared: runner.solvedClasses) else { return }
            runner.record(engine)
            engine = fresh
        }

        /// The record's request, and in `digest` the digest of the record as read (a request
        /// file is read once, and its bytes hashed and decoded).
        private func decode(_ record: BatchRecord, digest: inout SHA256.Digest?) throws(RequestError) -> DisclosureRequest {
            switch record.payload {
            case .file(let path):
                let bytes = try RequestLoader.read(path)
                digest = SHA256.digest(of: bytes)
                return try loader.decode(bytes, name: RequestLoader.name(path))
            case .json(let text):
                digest = record.digest()
                return try decoder.decode(text, file: record.file, firstLine: record.line)
            case .request(let decoded):
                digest = record.digest()
                return decoded
            case .failed(let error):
                digest = record.digest()
                throw error
            }
        }

        private func failure(_ record: BatchRecord, _ errorLine: BatchErrorLine, text: String) -> Result {
            Result(index: record.index, line: AnalysisJSON.encode(errorLine, pretty: false),
                   entry: BatchSummary.Entry(errorOf: errorLine.id, file: errorLine.error.file, line: errorLine.error.line), problem: text)
        }
    }

    // MARK: Parallel

    /// Shared state of a parallel run, guarded by `condition`. Records travel in chunks so that
    /// the workers take the lock once per chunk, not once per record.
    final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var chunks: [[BatchRecord]] = []
        var chunkHead = 0
        var readingDone = false
        /// Decided chunks by their sequence number.
        var results: [Int: [Result]] = [:]
        var failure: Error?
    }

    static let chunkSize = 64

    private func runParallel(_ source: BatchRecordSource, idle: @escaping () throws -> Void, emit: @escaping (Result) throws -> Void) throws {
        let shared = Shared()
        let window = options.jobs * 8  // chunks in flight
        let finished = DispatchGroup()
        for _ in 0..<options.jobs {
            finished.enter()
            let thread = Thread { [self] in
                defer { finished.leave() }
                var worker: Worker!
                defer { if worker != nil { record(worker.engine) } }
                do {
                    worker = try Worker(runner: self)
                } catch {
                    shared.condition.lock()
                    shared.failure = error
                    shared.condition.broadcast()
                    shared.condition.unlock()
                    return
                }
                while true {
                    shared.condition.lock()
                    while shared.chunkHead >= shared.chunks.count && !shared.readingDone && shared.failure == nil {
                        shared.condition.wait()
                    }
                    if shared.chunkHead >= shared.chunks.count || shared.failure != nil {
                        shared.condition.unlock()
                        return
                    }
                    let sequence = shared.chunkHead
                    let chunk = shared.chunks[sequence]
                    shared.chunks[sequence] = []
                    shared.chunkHead += 1
                    shared.condition.unlock()
                    let results = chunk.map(worker.process)
                    shared.condition.lock()
                    shared.results[sequence] = results
                    shared.condition.broadcast()
                    shared.condition.unlock()
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }

        var submitted = 0
        var emitted = 0
        /// Emits decided chunks in order; waits while the readers are `window` chunks ahead, or,
        /// with `all`, until every submitted chunk is emitted.
        func drain(all: Bool) throws {
            while emitted < submitted {
                shared.condition.lock()
                while shared.results[emitted] == nil && shared.failure == nil {
                    if !all && submitted - emitted < window {
                        shared.condition.unlock()
                        return
                    }
                    shared.condition.wait()
                }
                if let failure = shared.failure {
                    shared.condition.unlock()
                    throw failure
                }
                let ready = shared.results.removeValue(forKey: emitted)!
                shared.condition.unlock()
                emitted += 1
                try ready.forEach(emit)
            }
        }
        func submit(_ chunk: [BatchRecord]) throws {
            shared.condition.lock()
            shared.chunks.append(chunk)
            submitted += 1
            shared.condition.signal()
            shared.condition.unlock()
            try drain(all: false)
        }

        do {
            var chunk: [BatchRecord] = []
            chunk.reserveCapacity(Self.chunkSize)
            while true {
                if source.wouldWait {
                    // Nothing more to read for now: what is read is decided and written out.
                    if !chunk.isEmpty {
                        try submit(chunk)
                        chunk.removeAll(keepingCapacity: true)
                    }
                    try drain(all: true)
                    try idle()
                }
                guard let record = source.next() else { break }
                recordsRead += 1
                guard try include(record) else { continue }
                chunk.append(record)
                if chunk.count == Self.chunkSize {
                    try submit(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty { try submit(chunk) }
            shared.condition.lock()
            shared.readingDone = true
            shared.condition.broadcast()
            shared.condition.unlock()
            try drain(all: true)
        } catch {
            // The output cannot be written, or a resumed output is not this input's: the
            // workers stop at their next chunk, and are joined before the error goes up.
            shared.condition.lock()
            if shared.failure == nil { shared.failure = error }
            shared.condition.broadcast()
            shared.condition.unlock()
            finished.wait()
            throw error
        }
        finished.wait()
        if let failure = shared.failure { throw failure }
    }
}

/// The output line of a record that could not be used: its id (when known) and the error.
public struct BatchErrorLine: Sendable, Codable, Hashable {
    public struct Problem: Sendable, Codable, Hashable {
        public var file: String
        public var line: Int
        public var field: String?
        public var message: String

        init(file: String, line: Int, field: String?, message: String) {
            self.file = file
            self.line = line
            self.field = field
            self.message = message
        }

        init(_ error: RequestError) {
            self.init(file: error.file, line: error.line, field: error.field, message: error.message)
        }
    }
    public var id: String?
    /// The first problem of the record.
    public var error: Problem
    /// Its other problems, in the order of their lines (absent when there are none).
    public var further: [Problem]?
    /// How many more problems it has, not listed (`RequestError.listedLimit`; absent when none).
    public var unlisted: Int?
    /// The digest of the record as read (`LineProvenance`); absent when it could not be read.
    public var recordSHA256: String?
    /// The digest of the regulations of the run; absent in lines written before lines recorded it.
    public var regulationsSHA256: String?

    /// The record of a request that could not be read: its first problem, the others, and its id
    /// where it could be read.
    public init(_ error: RequestError, provenance: LineProvenance? = nil) {
        self.init(id: error.requestID, error: .init(error), further: error.further.isEmpty ? nil : error.further.map(Problem.init),
                  unlisted: error.unlisted > 0 ? error.unlisted : nil, recordSHA256: provenance?.recordSHA256?.description,
                  regulationsSHA256: provenance?.regulationsSHA256)
    }

    /// The record of a request read but not analysed (a solver failure): where it is and why.
    public init(id: String?, file: String, line: Int, message: String, provenance: LineProvenance? = nil) {
        self.init(id: id, error: .init(file: file, line: line, field: nil, message: message), further: nil, unlisted: nil,
                  recordSHA256: provenance?.recordSHA256?.description, regulationsSHA256: provenance?.regulationsSHA256)
    }

    private init(id: String?, error: Problem, further: [Problem]?, unlisted: Int?, recordSHA256: String?, regulationsSHA256: String?) {
        self.id = id
        self.error = error
        self.further = further
        self.unlisted = unlisted
        self.recordSHA256 = recordSHA256
        self.regulationsSHA256 = regulationsSHA256
    }
}
