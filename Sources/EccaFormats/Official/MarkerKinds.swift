/// The kinds one paragraph marker can be, iterated in level order (`(x)`: letter, then roman
/// numeral). A marker has at most two, and a large title has half a million markers: a bit set
/// keeps each from allocating an array.
public struct MarkerKinds: Sequence, Sendable, Hashable, ExpressibleByArrayLiteral {
    private var bits: UInt8

    public init() { bits = 0 }

    public init(arrayLiteral kinds: MarkerKind...) {
        bits = 0
        for kind in kinds { insert(kind) }
    }

    public mutating func insert(_ kind: MarkerKind) { bits |= 1 << UInt8(kind.rawValue) }

    public func contains(_ kind: MarkerKind) -> Bool { bits & (1 << UInt8(kind.rawValue)) != 0 }

    public var isEmpty: Bool { bits == 0 }

    /// The kind of the lowest level.
    public var first: MarkerKind? { isEmpty ? nil : MarkerKind(rawValue: bits.trailingZeroBitCount) }

    public var underestimatedCount: Int { bits.nonzeroBitCount }

    public func makeIterator() -> Iterator { Iterator(rest: bits) }

    public struct Iterator: IteratorProtocol {
        var rest: UInt8

        public mutating func next() -> MarkerKind? {
            guard rest != 0 else { return nil }
            let kind = MarkerKind(rawValue: rest.trailingZeroBitCount)
            rest &= rest - 1
            return kind
        }
    }
}
