import Foundation

/// Hands provisions to another sink on a thread of its own, so that reading and rebuilding the
/// next sections (this thread) overlaps with escaping and writing the last ones (that thread):
/// `ecca import` writes about four bytes of rules XML per byte it reads, and the second core
/// would otherwise sit idle.
///
/// Provisions travel in batches through a queue of at most `window` batches, so memory stays
/// flat whatever the input size; one consumer takes them in order, so the output order is the
/// input order. A failure of the wrapped sink stops the import at the next `add`.
final class BackgroundSink: ImportSink {
    private enum Message {
        case begin(ImportedInstrument)
        case items([Item])
        case end
    }

    /// A provision, or a unit's batch still to be built (on the consumer's thread).
    private enum Item {
        case provision(ImportedProvision)
        case batch(ProvisionBatch)
    }

    /// The queue and the consumer's state, guarded by `condition`.
    private final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var queue: [Message] = []
        var head = 0
        var closed = false
        var stopped = false
        var failure: OfficialImportError?
        /// The wrapped sink; only the consumer thread touches it until `close()` returns.
        let sink: any ImportSink

        init(sink: any ImportSink) { self.sink = sink }
    }

    private let shared: Shared
    private var batch: [Item] = []
    /// Provisions in `batch`, counting those of unbuilt batches.
    private var batchProvisions = 0
    private let finished = DispatchSemaphore(value: 0)
    private var running = true
    static let batchSize = 512
    static let window = 8

    init(_ sink: any ImportSink) {
        shared = Shared(sink: sink)
        batch.reserveCapacity(Self.batchSize)
        let shared = shared
        let finished = finished
        let thread = Thread {
            defer { finished.signal() }
            while true {
                shared.condition.lock()
                while shared.head >= shared.queue.count && !shared.closed && !shared.stopped { shared.condition.wait() }
                if shared.stopped || shared.head >= shared.queue.count {
                    shared.condition.unlock()
                    return
                }
                let message = shared.queue[shared.head]
                shared.queue[shared.head] = .end
                shared.head += 1
                if shared.head == shared.queue.count {
                    shared.queue.removeAll(keepingCapacity: true)
                    shared.head = 0
                }
                shared.condition.broadcast()
                shared.condition.unlock()
                do throws(OfficialImportError) {
                    switch message {
                    case .begin(let instrument): try shared.sink.begin(instrument)
                    case .items(let items):
                        for item in items {
                            switch item {
                            case .provision(let provision): try shared.sink.add(provision)
                            case .batch(let batch): try shared.sink.add(contentsOf: batch)
                            }
                        }
                    case .end: try shared.sink.end()
                    }
                } catch {
                    shared.condition.lock()
                    shared.failure = error
                    shared.stopped = true
                    shared.condition.broadcast()
                    shared.condition.unlock()
                    return
                }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    deinit { stop() }

    func begin(_ instrument: ImportedInstrument) throws(OfficialImportError) {
        try sendBatch()
        try send(.begin(instrument))
    }

    func add(_ provision: ImportedProvision) throws(OfficialImportError) {
        batch.append(.provision(provision))
        batchProvisions += 1
        if batchProvisions >= Self.batchSize { try sendBatch() }
    }

    /// Queues the unit's batch unbuilt: the consumer builds it.
    func add(contentsOf unit: ProvisionBatch) throws(OfficialImportError) {
        batch.append(.batch(unit))
        batchProvisions += unit.count
        if batchProvisions >= Self.batchSize { try sendBatch() }
    }

    func end() throws(OfficialImportError) {
        try sendBatch()
        try send(.end)
    }

    /// Waits until the wrapped sink has taken everything sent, then lets the caller use it again.
    func close() throws(OfficialImportError) {
        try sendBatch()
        shared.condition.lock()
        shared.closed = true
        shared.condition.broadcast()
        shared.condition.unlock()
        join()
        if let failure = shared.failure { throw failure }
    }

    /// Stops the consumer without waiting for the queue (after an error).
    func stop() {
        guard running else { return }
        shared.condition.lock()
        shared.stopped = true
        shared.condition.broadcast()
        shared.condition.unlock()
        join()
    }

    private func join() {
        guard running else { return }
        finished.wait()
        running = false
    }

    private func sendBatch() throws(OfficialImportError) {
        guard !batch.isEmpty else { return }
        let items = batch
        batch.removeAll(keepingCapacity: true)
        batchProvisions = 0
        try send(.items(items))
    }

    private func send(_ message: Message) throws(OfficialImportError) {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        while shared.queue.count - shared.head >= Self.window && !shared.stopped { shared.condition.wait() }
        if let failure = shared.failure { throw failure }
        shared.queue.append(message)
        shared.condition.broadcast()
    }
}
