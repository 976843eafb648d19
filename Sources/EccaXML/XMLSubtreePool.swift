#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Subtrees their reader has finished with, handed back for the parser to fill again.
///
/// `ecca import` parses on one thread and reads sections on another: each captured section's
/// buffers (a few kilobytes of nodes and text) were allocated on the parsing thread and freed on
/// the reading one, which makes the two threads take turns at the allocator's locks, 30,000 times
/// for a large title. A subtree given back here is emptied and refilled instead.
///
/// Safe to use from any thread. It holds at most `limit` subtrees, and none whose buffers have
/// grown past `largest` (a rare huge section's buffers are freed as before), so what it keeps stays
/// small whatever the input.
public final class XMLSubtreePool: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var trees: [XMLSubtree] = []
    public let limit: Int
    /// The largest buffers kept: nodes, and bytes of text.
    static let largest = (nodes: 256, bytes: 1 << 14)

    public init(limit: Int = 256) {
        self.limit = limit
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        trees.reserveCapacity(limit)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Gives a subtree back; dropped if the pool is full, or its buffers are large, or much larger
    /// than what they hold now (a buffer kept at the largest size it ever held would make every
    /// subtree in flight as large as the largest sections, and memory grow with them).
    public func put(_ tree: consuming XMLSubtree) {
        guard tree.nodes.capacity <= min(Self.largest.nodes, max(2 * tree.nodes.count, 32)),
              tree.bytes.capacity <= min(Self.largest.bytes, max(2 * tree.bytes.count, 4096)) else { return }
        pthread_mutex_lock(mutex)
        if trees.count < limit { trees.append(tree) }
        pthread_mutex_unlock(mutex)
    }

    /// A subtree given back, emptied (its buffers kept), if there is one.
    func take() -> XMLSubtree? {
        pthread_mutex_lock(mutex)
        var tree = trees.popLast()
        pthread_mutex_unlock(mutex)
        tree?.removeAll()
        return tree
    }

    /// How many subtrees the pool holds.
    public var count: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return trees.count
    }
}
