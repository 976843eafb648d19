import ClauseGraph

/// A term defined together with another in one paragraph (`<I>Categorical Exclusion</I> or
/// <I>CATEX</I> means …`, 1 CFR 601.3; `<I>Regulation</I> and <I>rule</I> have the same meaning`,
/// 1 CFR 1.1): the paragraph is the first term's definition, as before, and the second term gets a
/// provision of its own beside it, cited by it (`1 CFR 601.3, “CATEX”`, id `def-CATEX`), with the
/// same wording, so that either term is found, by the import and by `cite-check`. Before, the
/// second term was lost without a word: nine of 601.3's abbreviations were not addressable.
struct DefinitionAlias {
    /// The definition record of the first term.
    var term: Int
    /// The second term.
    var alias: String

    /// Adds each alias as a record after the section's own (its parent the term's, its wording the
    /// term's pieces, its note naming the term), unless the section defines the term on its own too,
    /// where it is found already and each definition gets a note naming the other. Returns how many
    /// were added.
    @inline(never)
    static func add(_ aliases: [DefinitionAlias], to layout: inout CFRSectionLayout) -> Int {
        var added = 0
        for entry in aliases {
            let record = layout.records[entry.term]
            let segment = CFRSectionLayout.Segment(canonical: " (\(entry.alias))", citation: ", “\(entry.alias)”",
                                                   id: CanonicalIDs.idSegment("def-\(entry.alias)"))
            if let taken = layout.records.firstIndex(where: { $0.parent == record.parent && CitationChecker.key($0.segment.canonical) == CitationChecker.key(segment.canonical) }) {
                // Defined twice in one section: each definition says where the other is (re-audit:
                // the alias was left out and the second definition went unremarked).
                let first = record.heading ?? ""
                layout.records[taken].notes.append(Note(kind: .editorial, text: "“\(entry.alias)” is also defined together with “\(first)” in another paragraph of this section (line \(record.firstLine) of the official file), cited by “\(first)”; this provision is its own definition."))
                layout.records[entry.term].notes.append(Note(kind: .editorial, text: "“\(entry.alias)”, defined together with “\(first)” here, has a definition of its own in this section too (line \(layout.records[taken].firstLine) of the official file), where it is cited."))
                continue
            }
            var alias = record
            alias.segment = segment
            alias.heading = entry.alias
            // The eCFR names no anchor for the second term: the alias links to the section.
            alias.anchored = false
            alias.citedAlike = false
            alias.notes = [Note(kind: .editorial, text: "“\(entry.alias)” is defined together with “\(record.heading ?? "")” in one paragraph; this provision is that paragraph, cited by its second term, and its wording is the same.")]
                + record.notes
            layout.records.append(alias)
            added += 1
        }
        return added
    }
}
