import ClauseGraph

/// Where the RELAX NG schema for rules files is, or where it was looked for in vain: a copied
/// binary given a folder without `schema/` was told "invalid RELAX NG schema: could not load
/// noschema/schema/rules.rng", and then that each file was not read, 6 errors for one missing file.
public enum RulesSchemaSource: Sendable, Hashable {
    case file(String)
    /// None was found at any of `searched`; `advice` says what to do (empty: nothing to add).
    case missing(searched: [String], advice: String)

    /// The one error that stands for every rules file left unread for want of the schema, where
    /// the schema is `missing`, or is a `file` that does not exist.
    var diagnostic: Diagnostic {
        let (searched, advice) = switch self {
        case .file(let path): ([path], "")
        case .missing(let searched, let advice): (searched, advice)
        }
        let places = searched.isEmpty ? "" : ": none at \(searched.joined(separator: " or "))"
        return Diagnostic(.error, "no RELAX NG schema for rules files, so none is read\(places)\(advice.isEmpty ? "" : "; \(advice)")")
    }
}
