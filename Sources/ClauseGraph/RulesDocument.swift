/// What one rules file declares, before it is joined with the others into a clause graph.
public struct RulesDocument: Sendable, Hashable {
    public var file: String
    public var units: [UnitDeclaration]
    public var facts: [FactDeclaration]
    public var sets: [NamedSet]
    public var instruments: [Instrument]
    public var provisions: [Provision]
    /// What the reader found wrong in the values it read (the clause graph reports them with its
    /// own findings), so that a value the reader could not use is never silently left out.
    public var diagnostics: [Diagnostic] = []

    public init(file: String, units: [UnitDeclaration] = [], facts: [FactDeclaration] = [], sets: [NamedSet] = [],
                instruments: [Instrument] = [], provisions: [Provision] = []) {
        self.file = file
        self.units = units
        self.facts = facts
        self.sets = sets
        self.instruments = instruments
        self.provisions = provisions
    }
}
