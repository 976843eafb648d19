import EccaAnalysis

/// How a report quotes a sanction: its lead-in and its point, with "…" for the points between
/// (“The Commission may impose … intentionally or negligently: … (d) failed to make available …”),
/// in quotation marks when verbatim, as a clashing provision's wording is (`WordingKind`).
enum SanctionWording {
    static func text(_ sanction: SanctionReference) -> String {
        WordingKind.text((sanction.leadIn.map { $0 + " … " } ?? "") + sanction.wording, kind: sanction.wordingKind)
    }
}
