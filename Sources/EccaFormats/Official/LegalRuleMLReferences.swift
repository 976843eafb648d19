import ClauseGraph

/// The `lrml:LegalReference`s and `lrml:LegalSource`s of a LegalRuleML file, by the key associations name them with
/// (`refersTo`, or `key`), and what a key an association names resolves to.
///
/// A key defined twice with different `refID`s is ambiguous: `rioKB_GDPR.xml` gives
/// `gdprC4S1A28P1ref` to both Art. 28(1) and Art. 28(10). Which provision an association through
/// it means cannot be told, so it resolves to neither, and nothing is kept "last one wins".
struct LegalRuleMLReferences {
    /// One `lrml:LegalReference`: the `refID` it gives its key, and the line it is on.
    struct Definition: Hashable {
        var refID: String
        var line: Int
    }

    enum Resolution: Hashable {
        case resolved(String)
        /// Two or more different `refID`s under one key (each with the line it was first given on).
        case ambiguous([Definition])
        /// No `lrml:LegalReference` defines the key.
        case undefined
    }

    let file: String
    /// Per key, its definitions with distinct `refID`s, in document order.
    private var definitions: [String: [Definition]] = [:]

    init(file: String) { self.file = file }

    /// Records a definition; a key given a second, different `refID` comes back as a warning that
    /// names both places.
    mutating func define(_ key: String, refID: String, line: Int) -> Diagnostic? {
        let earlier = definitions[key, default: []]
        guard !earlier.contains(where: { $0.refID == refID }) else { return nil }
        definitions[key, default: []].append(Definition(refID: refID, line: line))
        guard let first = earlier.first else { return nil }
        return Diagnostic(.warning, "the legal reference key \(key) is defined again, as \(refID), after \(first.refID) at "
                          + "\(SourceLocation(file: file, line: first.line)): statement groups associated through this key are "
                          + "cited by their own key, not by either reference", at: SourceLocation(file: file, line: line))
    }

    /// Every `refID` defined, in no particular order (for the jurisdiction an AKN IRI names).
    var allRefIDs: [String] { definitions.values.flatMap { $0.map(\.refID) }.sorted() }

    func resolve(_ key: String) -> Resolution {
        guard let found = definitions[key], let first = found.first else { return .undefined }
        return found.count == 1 ? .resolved(first.refID) : .ambiguous(found)
    }
}
