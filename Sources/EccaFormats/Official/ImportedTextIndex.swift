/// An imported official text's provisions as `cite-check` looks them up, indexed once when the
/// text is loaded: by official id (`CitationChecker.key` of the canonical id, and of a Federal
/// Register rule's own citation), and the copies of each unit the text prints more than once. The
/// copies were found by filtering every provision of the text for each provision checked: time that
/// grew with the provisions checked times the text.
struct ImportedTextIndex: Sendable {
    /// The first provision with each id.
    private var byID: [String: ImportedProvision] = [:]
    /// The provisions of each citation and level, in the order of the text.
    private var byCitation: [Unit: [ImportedProvision]] = [:]

    /// A unit the text prints: copies share it.
    private struct Unit: Hashable {
        var citation: String
        var level: ProvisionLevel
    }

    /// `ownCitation`: a Federal Register rule's citation, under which its own provisions are also found.
    init(_ provisions: [ImportedProvision], ownCitation: String?) {
        for provision in provisions {
            let key = CitationChecker.key(provision.canonicalID)
            if byID[key] == nil { byID[key] = provision }
            // A rule's own provision (`89 FR 9757, 9760, amendatory instruction 1`) is also found by
            // its citation, without the pages it is printed on.
            if let own = ownCitation, let rest = CitationChecker.ownPart(of: provision.citation, after: [own]) {
                let key = CitationChecker.key(own + ", " + rest)
                if byID[key] == nil { byID[key] = provision }
            }
            byCitation[Unit(citation: provision.citation, level: provision.level), default: []].append(provision)
        }
    }

    /// The provision an official id names (the first, where the text prints it more than once).
    subscript(officialID: String) -> ImportedProvision? { byID[CitationChecker.key(officialID)] }

    /// Every provision the text prints as `provision`'s unit (its citation and level), in order:
    /// more than one where the text prints the unit twice.
    func copies(of provision: ImportedProvision) -> [ImportedProvision] {
        byCitation[Unit(citation: provision.citation, level: provision.level)] ?? []
    }
}
