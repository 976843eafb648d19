import ClauseGraph

/// The structural level of an imported provision, for the summary and for ids.
public enum ProvisionLevel: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// An article (EU) or a section (CFR).
    case article, section
    /// A numbered category of a list inside a CFR section (`Category I` of the US Munitions List,
    /// 22 CFR 121.1), whose paragraphs are lettered afresh.
    case category
    /// A numbered subsection of a section-based act (Akoma Ntoso `subsection`, "section 3(2)").
    case subsection
    /// A numbered paragraph (EU `PARAG`), or a CFR paragraph of the first level `(a)`.
    case paragraph
    /// An unnumbered subparagraph (EU `ALINEA`), kept apart because points restart within them.
    case subparagraph
    /// A point (EU `(a)`, `(i)`, `(1)` in a list).
    case point
    /// CFR paragraph levels below `(a)`: `(1)`, `(i)`, `(A)`, italic `(1)`, italic `(i)`.
    case level2, level3, level4, level5, level6
    /// A defined term in a definitions section.
    case definition
    /// An annex (EU) or appendix (CFR), and a section of one.
    case annex, annexSection
    /// An entry of a control list printed as a CFR supplement (an ECCN of the Commerce Control
    /// List), and a numbered note of one (`Technical Note 2`).
    case listEntry, listNote
    /// A Federal Register amendment instruction (`AMDPAR`).
    case amendment
    /// A LegalRuleML statement group tied to the provision it encodes.
    case ruleGroup
    /// Front matter such as a Federal Register `DATES` paragraph.
    case preamble

    /// What the summary counts provisions of this level as ("1 article", "2 level-2 paragraphs (1)").
    public var noun: CountedNoun {
        switch self {
        case .article: CountedNoun("article")
        case .section: CountedNoun("section")
        case .category: CountedNoun("category", plural: "categories")
        case .subsection: CountedNoun("subsection")
        case .paragraph: CountedNoun("paragraph")
        case .subparagraph: CountedNoun("subparagraph")
        case .point: CountedNoun("point")
        case .level2: CountedNoun("level-2 paragraph (1)", plural: "level-2 paragraphs (1)")
        case .level3: CountedNoun("level-3 paragraph (i)", plural: "level-3 paragraphs (i)")
        case .level4: CountedNoun("level-4 paragraph (A)", plural: "level-4 paragraphs (A)")
        case .level5: CountedNoun("level-5 paragraph (italic 1)", plural: "level-5 paragraphs (italic 1)")
        case .level6: CountedNoun("level-6 paragraph (italic i)", plural: "level-6 paragraphs (italic i)")
        case .definition: CountedNoun("definition")
        case .annex: CountedNoun("annex", plural: "annexes")
        case .annexSection: CountedNoun("annex section")
        case .listEntry: CountedNoun("ECCN entry", plural: "ECCN entries")
        case .listNote: CountedNoun("note")
        case .amendment: CountedNoun("amendment")
        case .ruleGroup: CountedNoun("rule group")
        case .preamble: CountedNoun("preamble item")
        }
    }

    public var description: String { noun.plural }

    public static func < (lhs: ProvisionLevel, rhs: ProvisionLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The CFR level of a marker kind's depth (0 = `(a)`): `(a)` is a paragraph wherever it sits
    /// (below a defined term too), `(1)` a level-2 paragraph.
    static func cfr(depth: Int) -> ProvisionLevel {
        switch depth {
        case ...0: .paragraph
        case 1: .level2
        case 2: .level3
        case 3: .level4
        case 4: .level5
        default: .level6
        }
    }
}

/// A date the official text states, with what the source says it is.
public struct ImportedDate: Sendable, Hashable, CustomStringConvertible {
    public var date: LegalDate
    /// Where it came from: `DATE ISO` in the wording, `EFFDATE`, an amendment's own timing.
    public var role: String
    public init(date: LegalDate, role: String) {
        self.date = date
        self.role = role
    }
    public var description: String { "\(date.iso) (\(role))" }
}

/// One provision read from an official file, before it becomes rules XML.
public struct ImportedProvision: Sendable, Hashable {
    /// The canonical id ecca mints from the numbering: `art_92__para_3`, `art_53__para_1__point_a`,
    /// `734.13(a)(2)`. Independent of the source's own ids, which differ between sources.
    public var canonicalID: String
    /// The source's own id, verbatim: a Formex locator (`092.003`, `053.001(a)`), an eCFR `N` with
    /// its marker path (`§ 2.2(b)(1)`), an AKN `eId` or `xml:id`, a LegalRuleML `refID`.
    public var sourceID: String?
    /// The id segment path used for the rules-XML id (`art92.3`, `734.13.a.2`).
    public var idPath: [String]
    public var level: ProvisionLevel
    /// The canonical id of the enclosing provision, if any.
    public var parentID: String?
    /// The official citation (`Art. 92(3)`, `15 CFR 734.13(a)(2)`).
    public var citation: String
    public var heading: String?
    public var wording: String
    public var span: SourceSpan
    public var dates: [ImportedDate]
    /// `verified` when the wording comes straight from the official file.
    public var evidence: Evidence
    public var wordingKind: Provision.WordingKind
    public var sourceURL: String?
    public var notes: [Note]
    /// What a Federal Register amendment instruction says, when this provision is one.
    public var amendment: Amendment?
    /// The LegalRuleML statements of a rule group, when this provision is one.
    public var statements: [LegalRuleMLStatement]
    /// A CFR paragraph cited like another of its section, which the section reader has reported
    /// (warning, count, note): its rules id is told apart by a suffix, as documented, with no
    /// second report.
    public var citedAlike = false
    /// A Federal Register rule prints only part of it (a heading then `* * *`, paragraphs left out
    /// between others, a section whose heading alone is revised): its wording is not its full
    /// text, and `cite-check` compares only the words set out (`PartialSetOut`).
    public var setOutInPart = false
    /// What the official text prints in this provision's wording that the wording does not carry
    /// (`formula printed as an image (EC14NO91.003)`, `footnote 3`), for `cite-check` to
    /// name on a pass: those were not compared. Not written to rules XML (each has its note there).
    var notCarried: [String] = []
    /// The effective-date notes (`EFFDNOT`) that reach this provision's wording: a change the text
    /// announces but does not yet hold, which `cite-check` reports. Not written (a note says it).
    var effectiveDateNotes: [EffectiveDateNote] = []

    public init(canonicalID: String, sourceID: String?, idPath: [String], level: ProvisionLevel, parentID: String? = nil,
                citation: String, heading: String? = nil, wording: String, span: SourceSpan, dates: [ImportedDate] = [],
                evidence: Evidence = .verified, wordingKind: Provision.WordingKind = .verbatim, sourceURL: String? = nil,
                notes: [Note] = [], amendment: Amendment? = nil, statements: [LegalRuleMLStatement] = []) {
        self.canonicalID = canonicalID
        self.sourceID = sourceID
        self.idPath = idPath
        self.level = level
        self.parentID = parentID
        self.citation = citation
        self.heading = heading
        self.wording = wording
        self.span = span
        self.dates = dates
        self.evidence = evidence
        self.wordingKind = wordingKind
        self.sourceURL = sourceURL
        self.notes = notes
        self.amendment = amendment
        self.statements = statements
    }
}

/// What an official file says about the legal text as a whole.
public struct ImportedInstrument: Sendable, Hashable {
    /// The instrument id ecca mints (`eu.reg-2024-1689`, `us.cfr-1`), or the one the user chose.
    public var id: String
    public var dialect: OfficialDialect
    /// A finer name for the variant read: `ecfr-bulk`, `ecfr-versioner`, `cfr-annual`, `formex-act` …
    public var variant: String
    /// A Federal Register proposed rule (`PRORULE`): nothing in it is law.
    public var isProposedRule: Bool { variant == Self.proposedRuleVariant }
    static let proposedRuleVariant = "fr-proposed-rule"
    /// An Akoma Ntoso `bill` (a Commission proposal, a LEOS draft, a bill before a parliament):
    /// nothing in it is law either.
    public var isBill = false
    /// A proposal of either kind: `cite-check` never checks against its text.
    public var isProposal: Bool { isProposedRule || isBill }
    public var title: String
    public var jurisdiction: String
    public var kind: Instrument.Kind
    public var officialIDs: [Instrument.OfficialID]
    public var versionLabel: String?
    public var versionDate: LegalDate?
    /// What the file's date field says beyond `versionDate` (`VersionDateField`): why there is no
    /// date (`AMDDATE 'Feb. 30, 2025' is not a date`), or that one of several was taken; nil when
    /// the field gives one date, or there is none.
    public var versionDateRemark: String?
    public var sourceURL: String?
    public var attribution: String?
    public var notes: [Note]
    public var file: String
    /// The line the instrument starts on where a file holds several (a Federal Register rule in
    /// an issue); 0 for a whole file, which then starts at its root element.
    public var line = 0
    /// The document's own number (`2024/1689`), so that annex files join their act's instrument.
    public var documentNumber: String?
    /// The text this is part of (`15 CFR`): files of one dialect whose instruments have the same id
    /// and join key are one instrument (`InstrumentJoin`). Nil joins nothing (each Federal
    /// Register rule, Formex act, Akoma Ntoso act is a document of its own).
    public var joinKey: String?
    /// The URL of that whole text (the eCFR title), for a joined instrument whose files' own differ.
    public var joinSourceURL: String?

    public init(id: String, dialect: OfficialDialect, variant: String, title: String, jurisdiction: String,
                kind: Instrument.Kind, officialIDs: [Instrument.OfficialID] = [], versionLabel: String? = nil,
                versionDate: LegalDate? = nil, sourceURL: String? = nil, attribution: String? = nil,
                notes: [Note] = [], file: String, documentNumber: String? = nil, joinKey: String? = nil, joinSourceURL: String? = nil) {
        self.id = id
        self.dialect = dialect
        self.variant = variant
        self.title = title
        self.jurisdiction = jurisdiction
        self.kind = kind
        self.officialIDs = officialIDs
        self.versionLabel = versionLabel
        self.versionDate = versionDate
        self.sourceURL = sourceURL
        self.attribution = attribution
        self.notes = notes
        self.file = file
        self.documentNumber = documentNumber
        self.joinKey = joinKey
        self.joinSourceURL = joinSourceURL
    }
}
