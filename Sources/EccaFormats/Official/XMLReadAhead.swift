import EccaXML
import Foundation

/// Where streaming XML events come from: a reader on this thread (`XMLSAXReader`), or one
/// reading ahead on a thread of its own (`XMLReadAhead`).
public protocol XMLEventSource: AnyObject {
    /// The next event, or nil at the end of the document.
    func next() throws(XMLReadError) -> XMLEvent?
    /// Local names of elements to deliver whole, as `.subtree` events (`XMLSAXReader.capturing`).
    var capturing: Set<String> { get set }
    /// Gives back a `.subtree` event's subtree once read, for the parser to fill again (any thread).
    func recycle(_ subtree: consuming XMLSubtree)
}

extension XMLSAXReader: XMLEventSource {}

/// Reads a document with an `XMLSAXReader` on a thread of its own, a few batches of events ahead
/// of the caller, so that libxml2's parsing (and the capturing callbacks) overlaps with what the
/// caller does with the events. `ecca import` of a large eCFR title keeps both cores busy with
/// three stages: this, the section reader, and the rules-XML writer.
///
/// The caller sees exactly the reader's events and error, in the same order: a batch the reader
/// failed in carries the events before the fault, then the fault. Memory stays bounded: at most
/// `window` batches of `batchSize` events wait (`BoundedChannel`). The thread starts at the first
/// `next()`; `capturing` is set before then (it goes straight to the reader).
///
/// One consumer thread only. Dropping the read-ahead stops its thread and waits for it.
public final class XMLReadAhead: XMLEventSource {
    private struct Batch: Sendable {
        /// Last event first, so that the reader takes each one off the end (the producer, the
        /// less busy thread, reverses them).
        var events: [XMLEvent] = []
        /// The reader's error after the events, if it failed.
        var failure: XMLReadError?
        /// True for the last batch (the document ended or failed).
        var isLast = false
    }

    /// The reader, handed to the thread when it starts and used by it alone from then on.
    private final class Producer: @unchecked Sendable {
        let reader: XMLSAXReader
        init(reader: XMLSAXReader) { self.reader = reader }
    }

    private let producer: Producer
    private let channel: BoundedChannel<Batch>
    private let batchSize: Int
    private var worker: WorkerThread?
    /// The batch being handed out, its events newest first: `popLast` moves each out, where
    /// reading them in place would copy each (a retain now, a release when the batch goes).
    private var current = Batch()

    public init(_ reader: XMLSAXReader, batchSize: Int = 256, window: Int = 4) {
        producer = Producer(reader: reader)
        channel = BoundedChannel(capacity: window)
        self.batchSize = batchSize
    }

    deinit {
        channel.stop()
        worker?.join()
    }

    public var capturing: Set<String> {
        get { producer.reader.capturing }
        set {
            precondition(worker == nil, "set what to capture before the first event is read ahead")
            producer.reader.capturing = newValue
        }
    }

    /// Goes straight to the reader's pool, which the reading thread takes from under a lock.
    public func recycle(_ subtree: consuming XMLSubtree) {
        producer.reader.recycle(subtree)
    }

    public func next() throws(XMLReadError) -> XMLEvent? {
        while true {
            if let event = current.events.popLast() { return event }
            if let failure = current.failure { throw failure }
            if current.isLast { return nil }
            if worker == nil { start() }
            // nil only if the channel was stopped, which only `deinit` does.
            current = channel.receive() ?? Batch(isLast: true)
        }
    }

    private func start() {
        let producer = producer
        let channel = channel
        let batchSize = batchSize
        worker = WorkerThread {
            while true {
                var batch = Batch()
                batch.events.reserveCapacity(batchSize)
                do throws(XMLReadError) {
                    while batch.events.count < batchSize {
                        guard let event = try producer.reader.next() else {
                            batch.isLast = true
                            break
                        }
                        batch.events.append(event)
                    }
                } catch {
                    batch.failure = error
                    batch.isLast = true
                }
                batch.events.reverse()
                guard channel.send(batch), !batch.isLast else { return }
            }
        }
    }
}
