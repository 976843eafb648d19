import ClauseGraph

/// What a request says about one fact, for one item, recipient and channel.
public enum FactValue: Sendable, Hashable {
    /// The request does not say: the solver keeps the fact free within its domain.
    case unknown
    case boolean(Bool)
    case date(LegalDate)
    /// A scalar (country, enumeration value, string, provision id).
    case scalar(String)
    /// A scalar known only to be one of these values (a recipient's latest citizenship among their nationalities).
    case oneOf([String])
    /// The elements of a set-valued fact (nationalities, licences claimed, chapters signed).
    case set(Set<String>)
    /// A quantity per unit: exact, or bounded when the request gives a range.
    case quantity([String: QuantityBounds])
}

/// A quantity's known bounds in one unit; `lower == upper` for an exact figure.
public struct QuantityBounds: Sendable, Hashable {
    public var lower: ExactDecimal?
    public var upper: ExactDecimal?
    public init(lower: ExactDecimal?, upper: ExactDecimal?) {
        self.lower = lower
        self.upper = upper
    }
    public static func exactly(_ value: ExactDecimal) -> QuantityBounds { QuantityBounds(lower: value, upper: value) }
    public var exact: ExactDecimal? { lower != nil && lower == upper ? lower : nil }
}
