import Foundation

/// A first-in, first-out queue between two threads that holds at most `capacity` elements: the
/// sender waits while it is full, the receiver while it is empty, so memory stays flat however
/// far one side would run ahead. `close()` says nothing more will be sent (the receiver still
/// gets what is queued); `stop()` abandons the channel, and both sides return at once.
///
/// The import's two hand-offs use it: the parser reading ahead of the adapter (`XMLReadAhead`)
/// and the writer behind it (`BackgroundSink`).
final class BoundedChannel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// A ring of `capacity` slots: the queue is `count` slots from `head`, wrapping around. Taken
    /// slots are emptied at once, so a consumed element is freed by its receiver.
    private var slots: [Element?]
    private var head = 0
    private var count = 0
    private var closed = false
    private var stopped = false

    init(capacity: Int) { slots = Array(repeating: nil, count: max(capacity, 1)) }

    /// The number of slots held: `capacity`, however many elements have passed through.
    var slotCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return slots.count
    }

    /// Queues `element`, waiting for room; false (and the element dropped) once the channel is
    /// stopped.
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count == slots.count && !stopped { condition.wait() }
        guard !stopped else { return false }
        slots[(head + count) % slots.count] = element
        count += 1
        condition.broadcast()
        return true
    }

    /// The next element, waiting for one; nil once the channel is closed and drained, or stopped.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !closed && !stopped { condition.wait() }
        guard !stopped, count > 0 else { return nil }
        let element = slots[head].take()
        head = (head + 1) % slots.count
        count -= 1
        condition.broadcast()
        return element
    }

    /// Nothing more will be sent.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Abandons the channel: waiting senders and receivers return, and later ones at once.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A thread running one body, which its owner can wait for (as often as it likes).
final class WorkerThread: Sendable {
    private let finished = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> Void) {
        let finished = finished
        let thread = Thread {
            body()
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits until the body has returned.
    func join() {
        finished.wait()
        finished.signal()
    }
}
