/// The open levels while a CFR section's markers are solved, outermost first; each entry packs a
/// kind, a heading flag and a value (`MarkerSequenceSolver.pack`).
///
/// The solver makes a stack for every reading it tries, so the entries are held inline in four
/// words rather than in an array that would allocate. Sixteen entries are more than a section
/// can open: kinds only grow from a level to its child, so at most six levels are open above a
/// defined term's scope and six below it, and a new term replaces the open scope.
struct MarkerStack: Hashable, Sendable {
    static let capacity = 16

    private var word0: UInt64 = 0
    private var word1: UInt64 = 0
    private var word2: UInt64 = 0
    private var word3: UInt64 = 0
    private(set) var count = 0

    init() {}

    subscript(index: Int) -> UInt16 {
        precondition(index >= 0 && index < count, "marker stack index out of range")
        return UInt16(truncatingIfNeeded: word(index >> 2) &>> UInt64((index & 3) * 16))
    }

    var last: UInt16? { count == 0 ? nil : self[count - 1] }

    func lastIndex(where predicate: (UInt16) -> Bool) -> Int? {
        var index = count - 1
        while index >= 0 {
            if predicate(self[index]) { return index }
            index -= 1
        }
        return nil
    }

    /// The first `length` entries (the unused ones are zero, so equal stacks hash alike).
    func prefix(_ length: Int) -> MarkerStack {
        precondition(length >= 0 && length <= count, "marker stack prefix out of range")
        var result = MarkerStack()
        result.count = length
        for index in 0..<4 {
            let kept = min(max(length - index * 4, 0), 4)
            result.setWord(index, kept == 4 ? word(index) : word(index) & ((1 << UInt64(kept * 16)) - 1))
        }
        return result
    }

    func appending(_ entry: UInt16) -> MarkerStack {
        precondition(count < Self.capacity, "more CFR levels open than kinds allow")
        var result = self
        let index = count >> 2
        result.setWord(index, word(index) | UInt64(entry) << UInt64((count & 3) * 16))
        result.count += 1
        return result
    }

    private func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: word0
        case 1: word1
        case 2: word2
        default: word3
        }
    }

    private mutating func setWord(_ index: Int, _ value: UInt64) {
        switch index {
        case 0: word0 = value
        case 1: word1 = value
        case 2: word2 = value
        default: word3 = value
        }
    }
}
