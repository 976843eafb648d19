/// The problems found in one request, kept for its error: the first `RequestError.listedLimit` by
/// line are listed, and the rest only counted.
///
/// A request is read to its end so that one run names all its problems. A generated file gone
/// wrong can hold a million of them (a 16 MiB request of unknown fields: 1.4 million), and listing
/// each took 38.6 s, 896 MB of memory and 230 MB of standard error for one record of a batch. Held
/// here, memory stays bounded by the limit whatever the request holds, and the count of the rest
/// is reported, never dropped silently.
struct RequestProblems {
    private var kept: [(order: Int, problem: RequestError)] = []
    /// Every problem recorded, the listed and the unlisted.
    private(set) var count = 0
    /// The line of the first problem not listed.
    private var firstUnlistedLine = Int.max
    /// The request id, once read: every problem names it.
    var requestID: String?

    mutating func record(_ problem: RequestError) {
        kept.append((count, problem))
        count += 1
        // Sorting only when twice the limit has gathered keeps recording linear in the problems.
        if kept.count >= 2 * RequestError.listedLimit { keepListed() }
    }

    /// Records `error` and the problems after it, and counts those it did not list.
    mutating func record(every error: RequestError) {
        var first = error
        first.further = []
        first.unlisted = 0
        record(first)
        for problem in error.further { record(problem) }
        if error.unlisted > 0 {
            count += error.unlisted
            firstUnlistedLine = min(firstUnlistedLine, error.firstUnlistedLine)
        }
    }

    /// All problems as one error: the first by line, the others listed after it up to the limit,
    /// and the number past it; nil when there are none.
    var error: RequestError? {
        var problems = self
        problems.keepListed()
        guard var first = problems.kept.first?.problem else { return nil }
        first.further = problems.kept.dropFirst().map(\.problem)
        first.unlisted = count - problems.kept.count
        if first.unlisted > 0 { first.firstUnlistedLine = problems.firstUnlistedLine }
        if let requestID {
            first.requestID = requestID
            for index in first.further.indices { first.further[index].requestID = requestID }
        }
        return first
    }

    /// Keeps the first `listedLimit` problems in the order of their lines, then of finding.
    private mutating func keepListed() {
        kept.sort { ($0.problem.line, $0.order) < ($1.problem.line, $1.order) }
        guard kept.count > RequestError.listedLimit else { return }
        firstUnlistedLine = min(firstUnlistedLine, kept[RequestError.listedLimit].problem.line)
        kept.removeSubrange(RequestError.listedLimit...)
    }
}
