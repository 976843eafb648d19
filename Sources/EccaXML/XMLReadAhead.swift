import Foundation

/// Where streaming XML events come from: a reader on this thread (`XMLSAXReader`), or one
/// reading ahead on a thread of its own (`XMLReadAhead`).
public protocol XMLEventSource: AnyObject {
    /// The next event, or nil at the end of the document.
    func next() throws(XMLReadError) -> XMLEvent?
    /// Local names of elements to deliver whole, as `.subtree` events (`XMLSAXReader.capturing`).
    var capturing: Set<String> { get set }
}

extension XMLSAXReader: XMLEventSource {}

/// Reads a document with an `XMLSAXReader` on a thread of its own, a few batches of events ahead
/// of the caller, so that libxml2's parsing (and the capturing callbacks) overlaps with what the
/// caller does with the events. `ecca import` of a large eCFR title keeps both cores busy with
/// three stages: this, the section reader, and the rules-XML writer.
///
/// The caller sees exactly the reader's events and error, in the same order: a batch the reader
/// failed in carries the events before the fault, then the fault. Memory stays bounded: at most
/// `window` batches of `batchSize` events wait. The thread starts at the first `next()`, so
/// `capturing` set before then applies to the whole document; set later, it applies from the
/// next chunk the reader parses, as it would on the reader itself.
///
/// One consumer thread only. Dropping the read-ahead stops its thread and waits for it.
public final class XMLReadAhead: XMLEventSource {
    private struct Batch {
        var events: [XMLEvent]
        /// The reader's error after the events, if it failed.
        var failure: XMLReadError?
        /// True for the last batch (the document ended or failed).
        var isLast: Bool
    }

    /// The queue, guarded by `condition`; the reader belongs to the thread once it starts.
    private final class Shared: @unchecked Sendable {
        let condition = NSCondition()
        var queue: [Batch] = []
        var stopped = false
        /// The names to capture, as last set; `capturingChanged` until the thread hands them on.
        var capturing: Set<String>
        var capturingChanged = false
        let reader: XMLSAXReader

        init(reader: XMLSAXReader) {
            self.reader = reader
            capturing = reader.capturing
        }
    }

    private let shared: Shared
    private let batchSize: Int
    private let window: Int
    private var started = false
    private let finished = DispatchSemaphore(value: 0)
    /// The batch being handed out, and where in it.
    private var current = Batch(events: [], failure: nil, isLast: false)
    private var position = 0

    public init(_ reader: XMLSAXReader, batchSize: Int = 256, window: Int = 4) {
        shared = Shared(reader: reader)
        self.batchSize = batchSize
        self.window = window
    }

    deinit {
        guard started else { return }
        shared.condition.lock()
        shared.stopped = true
        shared.condition.broadcast()
        shared.condition.unlock()
        finished.wait()
    }

    public var capturing: Set<String> {
        get {
            shared.condition.lock()
            defer { shared.condition.unlock() }
            return shared.capturing
        }
        set {
            shared.condition.lock()
            defer { shared.condition.unlock() }
            shared.capturing = newValue
            if started { shared.capturingChanged = true } else { shared.reader.capturing = newValue }
        }
    }

    public func next() throws(XMLReadError) -> XMLEvent? {
        while true {
            if position < current.events.count {
                position += 1
                return current.events[position - 1]
            }
            if let failure = current.failure { throw failure }
            if current.isLast { return nil }
            current = take()
            position = 0
        }
    }

    /// The next batch from the thread (starting it the first time).
    private func take() -> Batch {
        if !started { start() }
        shared.condition.lock()
        defer { shared.condition.unlock() }
        while shared.queue.isEmpty { shared.condition.wait() }
        let batch = shared.queue.removeFirst()
        shared.condition.broadcast()
        return batch
    }

    private func start() {
        started = true
        let shared = shared
        let batchSize = batchSize
        let window = window
        let finished = finished
        let thread = Thread {
            defer { finished.signal() }
            var ended = false
            while !ended {
                shared.condition.lock()
                if shared.stopped {
                    shared.condition.unlock()
                    return
                }
                if shared.capturingChanged {
                    shared.reader.capturing = shared.capturing
                    shared.capturingChanged = false
                }
                shared.condition.unlock()
                var batch = Batch(events: [], failure: nil, isLast: false)
                batch.events.reserveCapacity(batchSize)
                do throws(XMLReadError) {
                    while batch.events.count < batchSize {
                        guard let event = try shared.reader.next() else {
                            batch.isLast = true
                            break
                        }
                        batch.events.append(event)
                    }
                } catch {
                    batch.failure = error
                    batch.isLast = true
                }
                ended = batch.isLast
                shared.condition.lock()
                while shared.queue.count >= window && !shared.stopped { shared.condition.wait() }
                shared.queue.append(batch)
                shared.condition.broadcast()
                shared.condition.unlock()
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
