/// Items as running text lists them: `a`, `a and b`, `a, b and c` (no serial comma, as ecca's
/// messages and the Official Journal write lists). One rule for every report, note and message
/// that names several things, which had each joined them by hand.
public enum ProseList {
    public static func joined(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}
