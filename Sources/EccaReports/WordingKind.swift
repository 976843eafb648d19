import ClauseGraph

/// How a provision's wording is presented. Quotation marks mean verbatim in legal writing, so a
/// paraphrase is never quoted; verbatim wording taken from a secondary copy says so, rather than
/// "verbatim" beside "not yet checked against the official text".
enum WordingKind {
    /// Whether the wording may stand in quotation marks.
    static func quoted(_ kind: String) -> Bool { kind != "paraphrase" }

    /// "verbatim", "verbatim from a secondary copy", "paraphrase".
    static func label(_ kind: String, evidence: Evidence) -> String {
        guard kind == "verbatim" else { return kind }
        switch evidence {
        case .verified: return kind
        case .secondary: return "verbatim from a secondary copy"
        case .unverified: return "verbatim from an unverified copy"
        }
    }

    /// The wording as a line of text: “quoted” when verbatim, led by "(paraphrase)" otherwise.
    static func text(_ wording: String, kind: String) -> String {
        quoted(kind) ? "“\(wording)”" : "(\(kind)) \(wording)"
    }
}
