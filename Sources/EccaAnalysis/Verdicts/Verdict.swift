/// The answer for a request, an item, or one channel of an item (DESIGN.md, "Verdicts").
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Can be honoured under the EU rules without breaking a US restriction.
    case clear
    /// The channel asked for conflicts; an alternative the requester accepts does not.
    case avoidable
    /// Depends on facts the request does not give.
    case undetermined
    /// No accepted performance complies with both.
    case conflict

    /// Severity order for combining items and postures: clear < avoidable < undetermined < conflict.
    public static func < (lhs: Verdict, rhs: Verdict) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
