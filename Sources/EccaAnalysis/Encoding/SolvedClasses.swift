import Foundation

/// Answers solved per equivalence class, shared by the engines of a batch's workers, so that a
/// class is solved once per batch rather than once per worker. Each engine keeps its own copy of
/// what it has seen (no lock on the hot path) and comes here only on a miss. Bounded: past the
/// limit it starts again, so memory stays flat.
public final class SolvedClasses: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [CheckClass: ConflictEngine.SolvedCheck] = [:]
    private let limit: Int

    public init(limit: Int = 50_000) { self.limit = limit }

    func answer(for key: CheckClass) -> ConflictEngine.SolvedCheck? {
        lock.lock()
        defer { lock.unlock() }
        return answers[key]
    }

    func record(_ answer: ConflictEngine.SolvedCheck, for key: CheckClass) {
        lock.lock()
        defer { lock.unlock() }
        if answers.count >= limit { answers.removeAll(keepingCapacity: true) }
        answers[key] = answer
    }
}
