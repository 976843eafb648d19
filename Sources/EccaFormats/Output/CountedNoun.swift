/// A count with its noun in the number it takes: "1 provision", "2 provisions", so that summary
/// lines a legal team reads and files say what they count in plain English at every count.
public struct CountedNoun: Sendable, Hashable {
    public var singular: String
    public var plural: String

    /// `plural` defaults to the singular with an `s`; give it for any other plural ("annexes").
    public init(_ singular: String, plural: String? = nil) {
        self.singular = singular
        self.plural = plural ?? singular + "s"
    }

    /// `3` → "3 provisions".
    public func callAsFunction(_ count: Int) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    /// The noun alone, in the number `count` takes ("file" for 1, "files" otherwise).
    public func noun(for count: Int) -> String { count == 1 ? singular : plural }
}
