import Foundation

/// Hands provisions to another sink on a thread of its own, so that reading and rebuilding the
/// next sections (this thread) overlaps with escaping and writing the last ones (that thread):
/// `ecca import` writes about four bytes of rules XML per byte it reads, and the second core
/// would otherwise sit idle.
///
/// Provisions travel in batches through a channel of at most `window` batches, so memory stays
/// flat whatever the input size; one consumer takes them in order, so the output order is the
/// input order. A failure of the wrapped sink stops the import at the next `add`.
final class BackgroundSink: ImportSink {
    private enum Message: Sendable {
        case begin(ImportedInstrument)
        case items([Item])
        case end
    }

    /// A provision, or a unit's batch still to be written (on the consumer's thread).
    private enum Item: Sendable {
        case provision(ImportedProvision)
        case batch(ProvisionBatch)
    }

    /// The wrapped sink, which only the consumer thread touches until it has been joined, and
    /// the first error it threw.
    private final class Consumer: @unchecked Sendable {
        let sink: any ImportSink
        private let lock = NSLock()
        private var error: OfficialImportError?

        init(sink: any ImportSink) { self.sink = sink }

        var failure: OfficialImportError? {
            lock.lock()
            defer { lock.unlock() }
            return error
        }

        func fail(_ error: OfficialImportError) {
            lock.lock()
            self.error = error
            lock.unlock()
        }

        func take(_ message: Message) throws(OfficialImportError) {
            switch message {
            case .begin(let instrument): try sink.begin(instrument)
            case .items(let items):
                for item in items {
                    switch item {
                    case .provision(let provision): try sink.add(provision)
                    case .batch(let batch): try sink.add(contentsOf: batch)
                    }
                }
            case .end: try sink.end()
            }
        }
    }

    private let consumer: Consumer
    private let channel: BoundedChannel<Message>
    private let worker: WorkerThread
    private var batch: [Item] = []
    /// Provisions in `batch`, counting those of unbuilt batches.
    private var batchProvisions = 0
    static let batchSize = 512
    static let window = 8

    init(_ sink: any ImportSink) {
        let consumer = Consumer(sink: sink)
        let channel = BoundedChannel<Message>(capacity: Self.window)
        self.consumer = consumer
        self.channel = channel
        batch.reserveCapacity(Self.batchSize)
        worker = WorkerThread {
            while let message = channel.receive() {
                do throws(OfficialImportError) {
                    try consumer.take(message)
                } catch {
                    consumer.fail(error)
                    channel.stop()
                    return
                }
            }
        }
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

    /// Queues the unit's batch unbuilt: the consumer writes it.
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
        channel.close()
        worker.join()
        if let failure = consumer.failure { throw failure }
    }

    /// Stops the consumer without waiting for the queue (after an error).
    func stop() {
        channel.stop()
        worker.join()
    }

    private func sendBatch() throws(OfficialImportError) {
        guard !batch.isEmpty else { return }
        let items = batch
        batch.removeAll(keepingCapacity: true)
        batchProvisions = 0
        try send(.items(items))
    }

    private func send(_ message: Message) throws(OfficialImportError) {
        guard channel.send(message) else {
            // The consumer stops the channel only after recording why; `stop()` ends the sink's use.
            guard let failure = consumer.failure else { preconditionFailure("a BackgroundSink was used after stop()") }
            throw failure
        }
    }
}
