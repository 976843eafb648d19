/// How well a provision's encoding is sourced (FACTS.md evidence marks), shown in every report.
public enum Evidence: String, Sendable, Hashable, Codable, CaseIterable {
    /// Checked against the legal text (official or verbatim reproduction).
    case verified
    /// Only from a secondary source (law-firm alert, commentary, a derived copy).
    case secondary
    /// From memory or inference; a hypothesis until checked.
    case unverified
}
