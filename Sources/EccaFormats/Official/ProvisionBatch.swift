import ClauseGraph

/// A unit's provisions, handed on before their strings are made.
///
/// The CFR section reader works out a section's hierarchy and wording on the reading thread; the
/// provisions themselves (ids, citations, wordings: about ten strings each, half a million in a
/// large title) are made where they are consumed. Behind a `BackgroundSink` that is the writing
/// thread, so the two threads share the work; the rules-XML writer makes no strings at all, it
/// copies the section's bytes.
public struct ProvisionBatch: Sendable {
    let section: CFRSectionLayout

    init(_ section: CFRSectionLayout) { self.section = section }

    /// How many provisions the batch holds at each level (levels it has none of are left out):
    /// the summary counts them without building them.
    public func forEachLevelCount(_ body: (ProvisionLevel, Int) -> Void) { section.forEachLevelCount(body) }

    /// How many provisions the batch holds.
    public var count: Int { section.provisionCount }

    /// The provisions, built now.
    public func provisions() -> [ImportedProvision] { section.provisions() }

    /// The batch with `note` on every provision it holds, the section and each paragraph (the
    /// text a proposed rule sets out is noted as proposed wherever a provision of it is used).
    func noting(_ note: Note) -> ProvisionBatch {
        var section = section
        section.header.notes.append(note)
        for index in section.records.indices { section.records[index].notes.append(note) }
        return ProvisionBatch(section)
    }
}
