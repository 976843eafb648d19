import ClauseGraph

/// What an import read, per instrument: provisions by level and the dialect's own counts.
public struct ImportSummary: Sendable, Hashable {
    /// Counts beyond provision levels.
    public enum Counter: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        // LegalRuleML, counted element by element.
        case rules, prescriptiveStatements, constitutiveStatements, obligations, permissions, prohibitions, legalReferences
        case legalSources, penaltyStatements, reparationStatements, overrides, factualStatements
        // LegalRuleML: defeaters (labelled as such), elements ecca does not model (shown as written).
        case defeaters, unmodelledElements
        // LegalRuleML statement groups whose legal reference is missing or uncertain, or not read;
        // groups with nothing to write.
        case uncitedStatementGroups, unreadReferences, unwrittenGroups
        // Federal Register.
        case amendmentsRead, amendmentsUnread
        // eCFR paragraph markers and superscripts.
        case ambiguousMarkers, unfittedSections, duplicateCitations, droppedSuperscripts, linkedSuperscripts
        // GPO tables: body rows whose cell spans columns or rows, headers whose cells do not line
        // up with the columns (levels, spans), neither expanded (`TableText`).
        case tableSpans, tableHeadersNotAligned
        // GPO formulas and pictures printed as images (`MATH`/`MID`, `GPH`/`GID`): their ids left
        // out of the wording, what they show not carried (`OmittedImage`).
        case imagesNotCarried
        // GPO footnotes (`FTNT`) in a CFR section: carried as notes, not in the wording (`CFRFootnote`).
        case footnotesAsNotes
        // CFR definitions of two terms at once ("X or Y means"): the second made a provision of its own (`DefinitionAlias`).
        case definitionAliases
        // eCFR notes whose heading names a paragraph they cannot be placed under; sections whose
        // set-out text (`EXTRACT`) is numbered in no CFR reading and is kept as wording.
        case misplacedNotes, extractsKeptAsText
        // CFR flush paragraphs (`FP`) after a list that ends more than one lead-in's list: given
        // to the nearest, and marked unresolved (`FlushParagraph`).
        case ambiguousFlushParagraphs
        // CFR plain paragraphs without a marker after the last item of a list: read as closing the
        // list, given to its lead-in, and marked unresolved (`ParagraphAfterList`).
        case paragraphsAfterList
        // CFR elements ecca has no rule for: their text kept with the paragraph before them, and
        // marked unresolved (`UnknownSectionElement`).
        case unknownSectionElements
        // Formex and Akoma Ntoso: an article's paragraphs inside an element not read as holding
        // them, not imported as provisions and reported (`WrappedProvisionElements`).
        case wrappedParagraphs
        // Formex: dates whose `DATE ISO` and printed text disagree (each provision holding one noted).
        case misdatedDates
        // Formex: paragraphs whose IDENTIFIER names another number than the one printed.
        case misnumberedParagraphs
        // CFR text outside every section and appendix: read as an appendix's where the appendix
        // ends on its heading, otherwise not imported and reported (`CFRTextOutsideUnits`).
        case textJoinedToAppendix, textOutsideUnits
        // Formex: quoted amending text left out; consolidation ranges read, and those deleted left out.
        case quotedStructures, quotedAnnexes, consolidationRanges, deletedRanges
        // Formex: the preamble's recitals (`CONSID`) and citations (`VISA`), not imported.
        case recitalsNotImported, preambleCitationsNotImported
        // Akoma Ntoso: quoted structures left out; attachments that only refer to another file.
        case quotedStructuresAKN, attachmentsNotRead
        // Akoma Ntoso, UK: regulations, rules, schedules or Parts without a number (numbered by their
        // place); articles or sections in a schedule left in its wording.
        case unnumberedUKUnits, scheduleUnitsNotRead
        // Every dialect: ids minted twice (two texts, units or provisions with one number), the
        // later told apart by a suffix.
        case renamedIDs
        // CFR sections and Akoma Ntoso articles and sections the file prints without a number,
        // cited by their place (`UnnumberedUnits`).
        case unnumberedUnits
        // The Commerce Control List: notes of an entry with one label, left in the entry's wording.
        case notesLabelledAlike
        // Every dialect: a date field that is not a date (the text undated), or gives several (the first taken).
        case unreadDates
        // Every dialect: control and bidirectional characters of the official text, which carry no
        // text and which a rules file may not hold, left out (`ControlsLeftOut`).
        case controlCharactersLeftOut

        /// What the summary counts ("1 rule", "2 amendments the grammar could not read").
        public var noun: CountedNoun {
            switch self {
            case .rules: CountedNoun("rule")
            case .prescriptiveStatements: CountedNoun("prescriptive statement")
            case .constitutiveStatements: CountedNoun("constitutive statement")
            case .obligations: CountedNoun("obligation")
            case .permissions: CountedNoun("permission")
            case .prohibitions: CountedNoun("prohibition")
            case .legalReferences: CountedNoun("legal reference")
            case .legalSources: CountedNoun("legal source")
            case .penaltyStatements: CountedNoun("penalty statement")
            case .reparationStatements: CountedNoun("reparation statement")
            case .overrides: CountedNoun("override (lrml:Override)", plural: "overrides (lrml:Override)")
            case .factualStatements: CountedNoun("factual statement")
            case .defeaters: CountedNoun("defeater statement (labelled: it blocks, never concludes)", plural: "defeater statements (labelled: they block, never conclude)")
            case .unmodelledElements: CountedNoun("element ecca does not model, shown as written (marked unresolved)",
                                                  plural: "elements ecca does not model, shown as written (marked unresolved)")
            case .unreadReferences: CountedNoun("statement group whose legal reference ecca cannot read with certainty (marked unresolved)",
                                                plural: "statement groups whose legal reference ecca cannot read with certainty (marked unresolved)")
            case .unwrittenGroups: CountedNoun("statement group with nothing to write, not imported", plural: "statement groups with nothing to write, not imported")
            case .uncitedStatementGroups: CountedNoun("statement group cited by its own key (legal reference missing or uncertain)",
                                                      plural: "statement groups cited by their own key (legal reference missing or uncertain)")
            case .amendmentsRead: CountedNoun("amendment read", plural: "amendments read")
            case .amendmentsUnread: CountedNoun("amendment the grammar could not read", plural: "amendments the grammar could not read")
            case .ambiguousMarkers: CountedNoun("ambiguous paragraph marker")
            case .unfittedSections: CountedNoun("section whose paragraph numbers fit no CFR reading (levels from the marker kinds, marked unresolved)",
                                                plural: "sections whose paragraph numbers fit no CFR reading (levels from the marker kinds, marked unresolved)")
            case .duplicateCitations: CountedNoun("paragraph cited like another paragraph of its section", plural: "paragraphs cited like another paragraph of their section")
            case .droppedSuperscripts: CountedNoun("numeric superscript after a number dropped as a footnote mark", plural: "numeric superscripts after a number dropped as footnote marks")
            case .tableSpans: CountedNoun("table row with a cell spanning columns or rows, not lined up with its columns (marked unresolved)",
                                          plural: "table rows with cells spanning columns or rows, not lined up with their columns (marked unresolved)")
            case .tableHeadersNotAligned: CountedNoun("table header with levels or spanning cells, not lined up with its columns (marked unresolved)",
                                                      plural: "table headers with levels or spanning cells, not lined up with their columns (marked unresolved)")
            case .imagesNotCarried: CountedNoun("formula or picture printed as an image, not carried (its id left out, marked unresolved)",
                                                plural: "formulas or pictures printed as images, not carried (their ids left out, marked unresolved)")
            case .footnotesAsNotes: CountedNoun("footnote carried as a note on the provision it follows, not in its wording",
                                                plural: "footnotes carried as notes on the provisions they follow, not in their wording")
            case .definitionAliases: CountedNoun("term defined together with another, made a provision of its own with the same wording",
                                                 plural: "terms defined together with others, made provisions of their own with the same wording")
            case .linkedSuperscripts: CountedNoun("numeric superscript after a number and a space linked to a kept note as its footnote mark",
                                                  plural: "numeric superscripts after a number and a space linked to kept notes as their footnote marks")
            case .misplacedNotes: CountedNoun("note whose heading names a paragraph it does not follow (kept with the paragraph before it)",
                                              plural: "notes whose heading names a paragraph they do not follow (kept with the paragraph before them)")
            case .ambiguousFlushParagraphs: CountedNoun("flush paragraph (FP) after a list that ends more than one lead-in's list (given to the nearest, marked unresolved)",
                                                        plural: "flush paragraphs (FP) after a list that ends more than one lead-in's list (given to the nearest, marked unresolved)")
            case .paragraphsAfterList: CountedNoun("paragraph without a marker after the last item of a list, read as closing the list (given to its lead-in, marked unresolved)",
                                                   plural: "paragraphs without a marker after the last item of a list, read as closing the list (given to its lead-in, marked unresolved)")
            case .misnumberedParagraphs: CountedNoun("paragraph whose IDENTIFIER names another number than the one printed (cited as printed, marked unresolved)",
                                                     plural: "paragraphs whose IDENTIFIER names another number than the one printed (cited as printed, marked unresolved)")
            case .misdatedDates: CountedNoun("date whose DATE ISO and printed text disagree (the provisions holding it marked unresolved)",
                                             plural: "dates whose DATE ISO and printed text disagree (the provisions holding them marked unresolved)")
            case .wrappedParagraphs: CountedNoun("paragraph inside an element ecca does not read as holding an article's paragraphs, not imported as a provision (its text in the article's wording, marked unresolved)",
                                                 plural: "paragraphs inside elements ecca does not read as holding an article's paragraphs, not imported as provisions (their text in their articles' wording, marked unresolved)")
            case .unknownSectionElements: CountedNoun("element in a CFR section that ecca does not read (its text kept with the paragraph before it, marked unresolved)",
                                                      plural: "elements in CFR sections that ecca does not read (their text kept with the paragraphs before them, marked unresolved)")
            case .textJoinedToAppendix: CountedNoun("block of text set after its appendix's element, read as the appendix's (the appendix ends on its heading)",
                                                    plural: "blocks of text set after their appendix's element, read as the appendix's (the appendix ends on its heading)")
            case .textOutsideUnits: CountedNoun("block of text outside every section and appendix, not imported (noted on the next provision)",
                                                plural: "blocks of text outside every section and appendix, not imported (noted on the next provision)")
            case .extractsKeptAsText: CountedNoun("section whose set-out text (EXTRACT) is numbered in no CFR reading (kept as its wording)",
                                                  plural: "sections whose set-out text (EXTRACT) is numbered in no CFR reading (kept as their wording)")
            case .quotedStructures: CountedNoun("quoted amendment to another act left out (QUOT.S)", plural: "quoted amendments to other acts left out (QUOT.S)")
            case .quotedStructuresAKN: CountedNoun("quoted structure of another act left out (quotedStructure, embeddedStructure)",
                                                   plural: "quoted structures of other acts left out (quotedStructure, embeddedStructure)")
            case .attachmentsNotRead: CountedNoun("attachment not imported (a reference to another file, or not text)",
                                                  plural: "attachments not imported (references to other files, or not text)")
            case .unnumberedUKUnits: CountedNoun("regulation, rule, schedule or Part without a number, numbered by its place (marked unresolved)",
                                                 plural: "regulations, rules, schedules or Parts without a number, numbered by their place (marked unresolved)")
            case .scheduleUnitsNotRead: CountedNoun("article or section in a schedule not read as a provision (kept as the schedule's wording)",
                                                    plural: "articles or sections in schedules not read as provisions (kept as the schedules' wording)")
            case .recitalsNotImported: CountedNoun("recital not imported (CONSID: not a provision, read it in the Official Journal)",
                                                   plural: "recitals not imported (CONSID: not provisions, read them in the Official Journal)")
            case .preambleCitationsNotImported: CountedNoun("citation of the preamble not imported (VISA, “Having regard to …”)",
                                                            plural: "citations of the preamble not imported (VISA, “Having regard to …”)")
            case .quotedAnnexes: CountedNoun("annex quoting another act's text left out", plural: "annexes quoting another act's text left out")
            case .consolidationRanges: CountedNoun("consolidation range read as amendment notes (CLG.MDFO)", plural: "consolidation ranges read as amendment notes (CLG.MDFO)")
            case .unnumberedUnits: CountedNoun("article or section without a number, cited by its place among those of the file (marked unresolved)",
                                               plural: "articles or sections without a number, cited by their place among those of the file (marked unresolved)")
            case .renamedIDs: CountedNoun("id minted twice, the second told apart by a suffix (marked unresolved)",
                                          plural: "ids minted twice, the second told apart by a suffix (marked unresolved)")
            case .notesLabelledAlike: CountedNoun("CCL note labelled like another note of its entry (kept in the entry's wording, marked unresolved)",
                                                  plural: "CCL notes labelled like another note of their entry (kept in the entry's wording, marked unresolved)")
            case .unreadDates: CountedNoun("date field that is not a date, or gives several (marked unresolved)",
                                           plural: "date fields that are not dates, or give several (marked unresolved)")
            case .controlCharactersLeftOut: CountedNoun("control or bidirectional character that carries no text, left out and noted",
                                                        plural: "control or bidirectional characters that carry no text, left out and noted")
            case .deletedRanges: CountedNoun("range deleted by an amending act left out (CLG.MDFO ACTION=\"DELETED\")",
                                             plural: "ranges deleted by an amending act left out (CLG.MDFO ACTION=\"DELETED\")")
            }
        }

        public var description: String { noun.plural }
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
        /// Lines shown as they are: what was imported in a way a count does not say (a table of
        /// many rows imported as one provision).
        public var remarks: [String] = []
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

    /// A document of a file that is read but not imported (a Federal Register notice, correction
    /// or presidential document in a daily issue): the summary names it, so none goes unseen.
    public struct NotImported: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case notice, correction, presidentialDocument = "presidential document", sunshineNotice = "Sunshine Act meeting notice"
        }
        public var file: String
        public var kind: Kind
        /// The FR Doc. number (`2024-02930`, `C1-2024-01111`), when the document prints one.
        public var documentNumber: String?
        public var line: Int

        public init(file: String, kind: Kind, documentNumber: String?, line: Int) {
            self.file = file
            self.kind = kind
            self.documentNumber = documentNumber
            self.line = line
        }
    }
    public var notImported: [NotImported] = []

    /// The documents of `file` not imported, grouped by kind (in `Kind`'s order), kinds it has none of left out.
    func notImported(in file: String) -> [(kind: NotImported.Kind, documents: [NotImported])] {
        let documents = notImported.filter { $0.file == file }
        return NotImported.Kind.allCases.compactMap { kind in
            let ofKind = documents.filter { $0.kind == kind }
            return ofKind.isEmpty ? nil : (kind, ofKind)
        }
    }

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
                return level.noun(count)
            }
            lines.append("  \(CountedNoun("provision")(instrument.provisions)): " + levels.joined(separator: ", "))
            let counters = Counter.allCases.compactMap { counter -> String? in
                guard let count = instrument.counters[counter] else { return nil }
                return counter.noun(count)
            }
            if !counters.isEmpty { lines.append("  " + counters.joined(separator: ", ")) }
            for remark in instrument.remarks { lines.append("  " + remark) }
            let warnings = instrument.diagnostics[.warning] ?? 0
            let notes = instrument.diagnostics[.note] ?? 0
            if warnings + notes > 0 { lines.append("  \(CountedNoun("warning")(warnings)), \(CountedNoun("note")(notes))") }
        }
        var files: [String] = []
        for document in notImported where !files.contains(document.file) { files.append(document.file) }
        for file in files {
            let kinds = notImported(in: file).map { kind, documents in
                let numbers = documents.map { $0.documentNumber.map { "FR Doc. \($0)" } ?? "no FR Doc. number, line \($0.line)" }
                return CountedNoun(kind.rawValue)(documents.count) + " (" + numbers.joined(separator: ", ") + ")"
            }
            lines.append("\(file): not imported (ecca imports rules and proposed rules): " + kinds.joined(separator: "; "))
        }
        // Each line as printed: a file name or a document's own words (a Federal Register rule's
        // subject, a title) holding a line break or a bidirectional override cannot forge a line
        // (`ControlCharacters`; QA robust6 #6, verify11 N7).
        return lines.map { ControlCharacters.escaped($0) }.joined(separator: "\n") + "\n"
    }
}
