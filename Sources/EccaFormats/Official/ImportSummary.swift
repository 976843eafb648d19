import ClauseGraph

/// What an import read, per instrument: provisions by level and the dialect's own counts.
public struct ImportSummary: Sendable, Hashable {
    /// Counts beyond provision levels.
    public enum Counter: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        // LegalRuleML, counted element by element.
        case rules, prescriptiveStatements, constitutiveStatements, obligations, permissions, prohibitions, legalReferences
        // LegalRuleML statement groups whose legal reference is missing or uncertain.
        case uncitedStatementGroups
        // Federal Register.
        case amendmentsRead, amendmentsUnread
        // eCFR paragraph markers and superscripts.
        case ambiguousMarkers, unfittedSections, duplicateCitations, droppedSuperscripts
        // Formex: quoted amending text left out; consolidation ranges read, and those deleted left out.
        case quotedStructures, consolidationRanges, deletedRanges

        public var description: String {
            switch self {
            case .rules: "rules"
            case .prescriptiveStatements: "prescriptive statements"
            case .constitutiveStatements: "constitutive statements"
            case .obligations: "obligations"
            case .permissions: "permissions"
            case .prohibitions: "prohibitions"
            case .legalReferences: "legal references"
            case .uncitedStatementGroups: "statement groups cited by their own key (legal reference missing or uncertain)"
            case .amendmentsRead: "amendments read"
            case .amendmentsUnread: "amendments the grammar could not read"
            case .ambiguousMarkers: "ambiguous paragraph markers"
            case .unfittedSections: "sections whose paragraph numbers fit no CFR reading (levels from the marker kinds, marked unresolved)"
            case .duplicateCitations: "paragraphs cited like another paragraph of their section"
            case .droppedSuperscripts: "numeric superscripts after a number dropped as footnote marks"
            case .quotedStructures: "quoted amendments to other acts left out (QUOT.S)"
            case .consolidationRanges: "consolidation ranges read as amendment notes (CLG.MDFO)"
            case .deletedRanges: "ranges deleted by an amending act left out (CLG.MDFO ACTION=\"DELETED\")"
            }
        }
    }

    public struct InstrumentSummary: Sendable, Hashable {
        public var id: String
        public var title: String
        public var dialect: OfficialDialect
        public var variant: String
        public var file: String
        /// The file of the instrument this file's provisions joined (`InstrumentJoin`), if they did.
        public var joins: String?
        public var provisions = 0
        public var byLevel: [ProvisionLevel: Int] = [:]
        public var counters: [Counter: Int] = [:]
        public var diagnostics: [Diagnostic.Severity: Int] = [:]

        mutating func count(_ level: ProvisionLevel, by amount: Int = 1) {
            guard amount > 0 else { return }
            provisions += amount
            byLevel[level, default: 0] += amount
        }

        public subscript(level: ProvisionLevel) -> Int { byLevel[level] ?? 0 }
        public subscript(counter: Counter) -> Int { counters[counter] ?? 0 }
    }

    public var instruments: [InstrumentSummary] = []

    public init() {}

    public var provisions: Int { instruments.reduce(0) { $0 + $1.provisions } }

    /// A few lines a person reads after `ecca import`.
    public var rendered: String {
        var lines: [String] = []
        for instrument in instruments {
            let joined = instrument.joins.map { " (joins the instrument begun by \($0))" } ?? ""
            lines.append("\(instrument.file): \(instrument.variant) → \(instrument.id)\(joined): \(instrument.title)")
            let levels = ProvisionLevel.allCases.compactMap { level -> String? in
                guard let count = instrument.byLevel[level], count > 0 else { return nil }
                return "\(count) \(level)"
            }
            lines.append("  \(instrument.provisions) provisions: " + levels.joined(separator: ", "))
            let counters = Counter.allCases.compactMap { counter -> String? in
                guard let count = instrument.counters[counter] else { return nil }
                return "\(count) \(counter)"
            }
            if !counters.isEmpty { lines.append("  " + counters.joined(separator: ", ")) }
            let warnings = instrument.diagnostics[.warning] ?? 0
            let notes = instrument.diagnostics[.note] ?? 0
            if warnings + notes > 0 { lines.append("  \(warnings) warnings, \(notes) notes") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
