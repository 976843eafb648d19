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
        /// Records already in the output (resume): skipped.
        public var skip: Int
        public init(jobs: Int = 1, range: Range<Int>? = nil, skip: Int = 0) {
            self.jobs = max(1, jobs)
            self.range = range
            self.skip = skip
        }
    }

    public let graph: ClauseGraph
    public let analysis: AnalysisOptions
    /// Checks solved by Z3 and checks answered from an equivalence class, over all workers.
    public private(set) var checks = (solved: 0, reused: 0)
    private let checksLock = NSLock()

    func record(_ engine: ConflictEngine) {
        checksLock.lock()
        checks.solved += engine.statistics.solved
        checks.reused += engine.statistics.cached
        checksLock.unlock()
    }

    public let options: Options
    let requestSchema: RelaxNGSchema?

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
    /// input order (on one thread at a time).
    public func run(_ source: BatchRecordSource, emit: @escaping (Result) -> Void) throws {
        if options.jobs == 1 {
            let worker = try Worker(runner: self)
            while let record = source.next() {
                guard include(record) else { continue }
                emit(worker.process(record))
            }
            record(worker.engine)
            return
        }
        try runParallel(source, emit: emit)
    }

    func include(_ record: BatchRecord) -> Bool {
        let start = options.range?.lowerBound ?? 0
        if let range = options.range, !range.contains(record.index) { return false }
        return record.index >= start + options.skip
    }

    /// Parses, analyses and encodes one record. Owned by one thread.
    final class Worker {
        let engine: ConflictEngine
        let decoder: RequestJSONDecoder
        let loader: RequestLoader

        init(runner: BatchRunner) throws {
            engine = try ConflictEngine(graph: runner.graph, options: runner.analysis)
            let vocabulary = RequestVocabulary(graph: runner.graph)
            decoder = RequestJSONDecoder(vocabulary: vocabulary)
            loader = RequestLoader(vocabulary: vocabulary, schema: runner.requestSchema)
        }

        func process(_ record: BatchRecord) -> Result {
            let request: DisclosureRequest
            do {
                request = try decode(record)
            } catch {
                return failure(record, id: error.requestID, file: error.file, line: error.line, field: error.field,
                               message: error.message, text: error.description)
            }
            do {
                let analysis = try engine.analyze(request)
                return Result(index: record.index, line: AnalysisJSON.encode(analysis, pretty: false),
                              entry: BatchSummary.Entry(analysis), problem: nil)
            } catch {
                return failure(record, id: request.id, file: record.file, line: record.line, field: nil,
                               message: error.description, text: "\(record.file):\(record.line): error: \(error)")
            }
        }

        private func decode(_ record: BatchRecord) throws(RequestError) -> DisclosureRequest {
            switch record.payload {
            case .json(let text): return try decoder.decode(text, file: record.file, firstLine: record.line)
            case .request(let decoded): return decoded
            case .file(let path): return try loader.load(path)
            case .failed(let error): throw error
            }
        }

        private func failure(_ record: BatchRecord, id: String?, file: String, line: Int, field: String?,
                             message: String, text: String) -> Result {
            let line = BatchErrorLine(id: id, error: .init(file: file, line: line, field: field, message: message))
            return Result(index: record.index, line: AnalysisJSON.encode(line, pretty: false),
                          entry: BatchSummary.Entry(error: id ?? "\(file):\(line)"), problem: text)
        }
    }

    // MARK: Parallel

    /// Shared state of a parallel run, guarded by `condition`.
    final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var queue: [BatchRecord] = []
        var queueHead = 0
        var readingDone = false
        var results: [Int: Result] = [:]
        var inFlight = 0
        var failure: Error?
    }

    private func runParallel(_ source: BatchRecordSource, emit: @escaping (Result) -> Void) throws {
        let shared = Shared()
        let window = options.jobs * 256
        var order: [Int] = []  // indices in input order, for the writer
        order.reserveCapacity(window)
        var threads: [Thread] = []
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
                    while shared.queueHead >= shared.queue.count && !shared.readingDone && shared.failure == nil {
                        shared.condition.wait()
                    }
                    if shared.queueHead >= shared.queue.count || shared.failure != nil {
                        shared.condition.unlock()
                        return
                    }
                    let record = shared.queue[shared.queueHead]
                    shared.queueHead += 1
                    if shared.queueHead > 4096 {
                        shared.queue.removeFirst(shared.queueHead)
                        shared.queueHead = 0
                    }
                    shared.condition.unlock()
                    let result = worker.process(record)
                    shared.condition.lock()
                    shared.results[record.index] = result
                    shared.condition.broadcast()
                    shared.condition.unlock()
                }
            }
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }

        var nextPosition = 0
        func drain(waitForAll: Bool) throws {
            // Emits every result that is ready in order; with waitForAll, until all are emitted.
            while nextPosition < order.count {
                shared.condition.lock()
                while shared.results[order[nextPosition]] == nil && shared.failure == nil {
                    if !waitForAll && order.count - nextPosition < window {
                        shared.condition.unlock()
                        return
                    }
                    shared.condition.wait()
                }
                if let failure = shared.failure {
                    shared.condition.unlock()
                    throw failure
                }
                var ready: [Result] = []
                while nextPosition < order.count, let result = shared.results.removeValue(forKey: order[nextPosition]) {
                    ready.append(result)
                    nextPosition += 1
                }
                shared.condition.unlock()
                ready.forEach(emit)
            }
            if nextPosition > 4096 {
                order.removeFirst(nextPosition)
                nextPosition = 0
            }
        }

        while let record = source.next() {
            guard include(record) else { continue }
            order.append(record.index)
            shared.condition.lock()
            shared.queue.append(record)
            shared.condition.signal()
            shared.condition.unlock()
            try drain(waitForAll: false)
        }
        shared.condition.lock()
        shared.readingDone = true
        shared.condition.broadcast()
        shared.condition.unlock()
        try drain(waitForAll: true)
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
    }
    public var id: String?
    public var error: Problem
}
