import ClauseGraph
import EccaXML

/// `ecca cite-check`: every shipped provision that names an official id is looked up in the
/// official texts given, and its wording compared (whitespace and typography normalised).
///
/// - EU provisions carry Formex locators (`source-id="092.003"`, `053.001(a)`, `113~1`,
///   `ANNEX XI`); they are resolved with `FormexText` in the act (and annexes) whose document
///   number matches the instrument's CELEX or ELI.
/// - US provisions are found by citation (`15 CFR 734.13(a)(2)`) in imported eCFR, CFR or
///   Federal Register text of the same title.
/// - Akoma Ntoso texts are matched by CELEX, FRBR work URI or UK S.I. number, provisions by their canonical `eid`.
///
/// A verbatim wording with `…` passes when its pieces occur in order in the official text. A
/// paraphrase is checked for existence only. Provisions no given text covers are listed, not
/// reported as findings.
public struct CitationChecker {
    /// One official document, loaded for look-up.
    enum Official {
        /// `annexesOnly`: annex files given without their act, which speak for the annexes alone.
        /// `version`: the date of the text (`FormexText.versionDate`), named in findings.
        case formex(FormexText, year: String?, number: String?, version: LegalDate?, file: String, annexesOnly: Bool)
        case imported(ImportCollector.Entry, index: [String: ImportedProvision], coverage: Coverage, file: String)

        /// A Formex text, with the year and number of the act its bibliography
        /// (`BIB.INSTANCE/NO.DOC` of `bibliography`, the act or an annex) names.
        static func formex(_ formex: FormexText, bibliography: OfficialElement?, file: String, annexesOnly: Bool) -> Official {
            let number = bibliography.map(FormexText.documentNumber(of:))
            return .formex(formex, year: number?.year, number: number?.number,
                           version: bibliography.flatMap(FormexText.versionDate(of:)), file: file, annexesOnly: annexesOnly)
        }
    }

    /// Which provisions an imported text can speak for: a whole part (a title or volume), one
    /// section (a versioner response), or only what it prints (a Federal Register rule, whose
    /// partial text elides what it does not change).
    struct Coverage {
        var sections: Set<String> = []
        var parts: Set<String> = []
        var printedOnly = false
        /// A whole act (Akoma Ntoso): anything its instrument cites must be in it.
        var whole = false
        /// Supplements and pieces of them (keys) that the text divides into parts of its own: the
        /// Commerce Control List into ECCN entries, an entry into notes. Only such parts can be missing.
        var divided: Set<String> = []

        func covers(_ officialID: String, found: Bool) -> Bool {
            if found || whole { return true }
            if printedOnly { return false }
            if let part = SupplementCitation.part(ofPath: officialID) {
                // A supplement is covered with its part (unless the text is one section, which
                // covers only itself); a piece of one only where the text divides the piece's
                // parent (an undivided supplement cannot speak for its paragraphs).
                guard let comma = officialID.range(of: ", ", options: .backwards) else { return sections.count != 1 && parts.contains(part) }
                return divided.contains(CitationChecker.key(String(officialID[..<comma.lowerBound])))
            }
            let section = String(officialID.prefix { $0 != "(" && $0 != " " && $0 != "," })
            if sections.count == 1 { return sections.contains(section) }
            return parts.contains(String(section.prefix { $0 != "." }))
        }
    }

    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable {
            /// The official id names nothing in the official text.
            case missing
            /// The provision exists but its wording is not the official wording.
            case drifted
        }
        public var kind: Kind
        public var provisionID: String
        public var citation: String
        /// The official id looked up (`092.003`, `734.13(a)(2)`).
        public var officialID: String
        /// Where the provision is encoded (the shipped rules file).
        public var location: SourceLocation
        /// The official file checked against.
        public var officialFile: String
        /// The date of the official text, when the file gives one (eCFR `AMDDATE`, a versioner
        /// path date, the annual CFR's edition, the Formex act's or consolidation's date, the FR
        /// issue): a provision missing from an older text may be newer law, not a wrong citation.
        public var officialVersion: LegalDate?
        /// The official text is a consolidated text (documentation, not the Official Journal).
        public var consolidated: Bool
        /// What the consolidation marks over the provision: "changed by 32026R1744, Art. 1, point (40)(a)",
        /// "deleted by …".
        public var amendment: String?
        public var diff: WordDiff?

        public init(kind: Kind, provisionID: String, citation: String, officialID: String, location: SourceLocation,
                    officialFile: String, officialVersion: LegalDate? = nil, consolidated: Bool = false, amendment: String? = nil,
                    diff: WordDiff? = nil) {
            self.consolidated = consolidated
            self.amendment = amendment
            self.kind = kind
            self.provisionID = provisionID
            self.citation = citation
            self.officialID = officialID
            self.location = location
            self.officialFile = officialFile
            self.officialVersion = officialVersion
            self.diff = diff
        }

        /// What the message says of the official text: its date and, for a consolidated text, which act changed the provision.
        var about: String? {
            guard consolidated else { return officialVersion.map { "text as of \($0.iso)" } }
            return ["consolidated text" + (officialVersion.map { " of \($0.iso)" } ?? ""), amendment].compactMap { $0 }.joined(separator: "; ")
        }

        public var description: String {
            let file = officialFile + (about.map { " (\($0))" } ?? "")
            switch kind {
            case .missing:
                return "\(location): error: \(provisionID) (\(citation)): '\(officialID)' does not exist in \(ControlCharacters.escaped(file))"
            case .drifted:
                return "\(location): error: \(provisionID) (\(citation)): wording differs from \(ControlCharacters.escaped(file)) at '\(officialID)'"
            }
        }
    }

    public struct Report: Sendable {
        public var findings: [Finding]
        /// Provisions found whose wording passed (or, for paraphrases, that exist).
        public var passed: [String]
        /// Provisions with an official id that no official text given covers.
        public var notCovered: [String]
        public var officialFiles: [String]
        public var isClean: Bool { findings.isEmpty }
        /// Provisions compared (passed or found wanting).
        public var checked: Int { passed.count + findings.count }
        /// No shipped provision is covered by the texts given: a pass would mean nothing (the
        /// wrong act, another CFR title, an annex without the provisions that cite it).
        public var checkedNothing: Bool { checked == 0 }
    }

    private var officials: [Official] = []
    public private(set) var files: [String] = []
    /// Proposed rules in the Federal Register files given, left out of the check (a proposal is
    /// not law): one `file: note: …` line each, whether a daily issue holds them among final rules
    /// or a file of them stands among other official files.
    public private(set) var setAside: [String] = []

    /// Loads the official texts. A Formex `.doc` manifest brings its act and annexes; annex files
    /// given separately join the act given before them (or after them); annexes given with no act
    /// are checked on their own. A LegalRuleML file is refused: it is not an official text.
    public init(officialFiles: [String]) throws(OfficialImportError) {
        var pendingAnnexes: [String] = []
        var acts: [(path: String, annexes: [String])] = []
        var proposalsOnly: [OfficialImportError] = []
        for file in officialFiles {
            let (dialect, root) = try OfficialDialect.detect(path: file)
            files.append(file)
            switch dialect {
            case .formex:
                switch root.name {
                case "DOC":
                    let members = try FormexAdapter.readManifest(file).memberPaths()
                    guard let act = members.act else { throw .nothingToImport(file: file, dialect: .formex) }
                    acts.append((act, members.annexes))
                case "ANNEX", "CONS.ANNEX":
                    if acts.isEmpty { pendingAnnexes.append(file) } else { acts[acts.count - 1].annexes.append(file) }
                default:
                    // An act given alone brings the annexes its package manifest lists, when the manifest
                    // is beside it (either layout's name: `….doc.fmx.xml`, or before October 2023 `….doc.xml`).
                    var annexes = pendingAnnexes
                    if annexes.isEmpty, let listed = FormexAdapter.packageManifest(for: file), listed.actFile == SourceFileName.name(of: file) {
                        annexes = try listed.memberPaths().annexes
                    }
                    acts.append((file, annexes))
                    pendingAnnexes = []
                }
            case .legalruleml:
                // An encoding of the law (evidence "secondary" when imported), not its official text.
                throw .notOfficialText(file: file, dialect: dialect)
            default:
                let (collector, _) = try OfficialImporter().collect(files: [file])
                // A proposed rule's text is no provision's official wording: it is never checked
                // against. A file of proposals given with other official texts is set aside (a
                // folder of Federal Register files may hold a proposal); given alone, it is refused.
                let proposed = collector.instruments.filter(\.instrument.isProposedRule)
                if !proposed.isEmpty, proposed.count == collector.instruments.count {
                    proposalsOnly.append(.proposedRuleOnly(file: file, documents: proposed.compactMap(\.instrument.documentNumber)))
                }
                for entry in proposed {
                    setAside.append("\(ControlCharacters.escaped(file)): note: \(entry.instrument.documentNumber.map { "FR Doc. \($0)" } ?? entry.instrument.id) is a proposed rule, "
                                    + "not law: its text is not checked against")
                }
                for entry in collector.instruments where !entry.instrument.isProposedRule {
                    var index: [String: ImportedProvision] = [:]
                    var coverage = Coverage(printedOnly: dialect == .fr, whole: dialect == .akn)
                    for provision in entry.provisions {
                        if index[Self.key(provision.canonicalID)] == nil { index[Self.key(provision.canonicalID)] = provision }
                        if provision.level == .section {
                            coverage.sections.insert(provision.canonicalID)
                            coverage.parts.insert(String(provision.canonicalID.prefix { $0 != "." }))
                        }
                        if let parent = provision.parentID, SupplementCitation.part(ofPath: parent) != nil,
                           provision.canonicalID.hasPrefix(parent + ", ") {
                            coverage.divided.insert(Self.key(parent))
                        }
                    }
                    officials.append(.imported(entry, index: index, coverage: coverage, file: file))
                }
            }
        }
        // Nothing but proposals: nothing to check against.
        if let first = proposalsOnly.first, officials.isEmpty, acts.isEmpty, pendingAnnexes.isEmpty { throw first }
        for act in acts {
            let formex: FormexText
            do { formex = try FormexText.load(actPath: act.path, annexPaths: act.annexes) } catch { throw .unreadable(error) }
            officials.append(.formex(formex, bibliography: formex.act, file: act.path, annexesOnly: false))
        }
        // Annexes given with no act after them: they speak for the annexes of the act their
        // bibliography names (`BIB.INSTANCE/NO.DOC`), and for nothing else.
        if !pendingAnnexes.isEmpty {
            let formex: FormexText
            do { formex = try FormexText.load(annexPaths: pendingAnnexes) } catch { throw .unreadable(error) }
            let bibliography = formex.annexes.values.first { $0.element("BIB.INSTANCE")?.element("NO.DOC") != nil }
            officials.append(.formex(formex, bibliography: bibliography, file: pendingAnnexes[0], annexesOnly: true))
        }
    }

    /// Lower-cased, whitespace-free: `772.1 (Foreign person)` and `772.1 (foreign person)` meet.
    static func key(_ id: String) -> String {
        String(id.lowercased().filter { !$0.isWhitespace })
    }

    public func check(_ graph: ClauseGraph) -> Report {
        var report = Report(findings: [], passed: [], notCovered: [], officialFiles: files)
        for id in graph.provisionOrder {
            guard let provision = graph.provisions[id], let instrument = graph.instruments[provision.instrumentID] else { continue }
            guard provision.sourceID != nil || provision.eid != nil else { continue }
            var covered = false
            for official in officials {
                guard let outcome = check(provision, instrument: instrument, against: official) else { continue }
                covered = true
                switch outcome {
                case .success: report.passed.append(id)
                case .failure(let finding): report.findings.append(finding)
                }
                break
            }
            if !covered { report.notCovered.append(id) }
        }
        return report
    }

    private enum Outcome { case success, failure(Finding) }

    /// The official text a provision is looked up in, as findings name it: its file, its date, and
    /// whether it is a consolidated text.
    private struct Source {
        var file: String
        var version: LegalDate?
        var consolidated = false
    }

    /// Nil when `official` does not cover the provision's instrument.
    private func check(_ provision: Provision, instrument: Instrument, against official: Official) -> Outcome? {
        switch official {
        case .formex(let formex, let year, let number, let version, let file, let annexesOnly):
            guard let locator = provision.sourceID, Self.instrument(instrument, isDocument: year, number) else { return nil }
            // Annexes are separate files: without them an annex locator is not covered, not missing;
            // annexes without their act cover no article.
            let isAnnex = locator == "ANNEX" || locator.hasPrefix("ANNEX ")
            if isAnnex ? formex.annexes.isEmpty : annexesOnly { return nil }
            // An annex's wording is in its own file: drift is reported against that file.
            let source = Source(file: isAnnex ? formex.annexes[locator]?.span.file ?? file : file, version: version,
                                consolidated: formex.isConsolidated)
            switch formex.lookup(locator) {
            case .found(let text, let markers):
                return compare(provision, official: text, at: locator, in: source, amendment: Self.phrase("changed by", markers))
            case .deleted(let marker):
                return .failure(finding(.missing, provision, at: locator, in: source, amendment: Self.phrase("deleted by", [marker])))
            case .absent:
                return .failure(finding(.missing, provision, at: locator, in: source))
            }
        case .imported(let entry, let index, let coverage, let file):
            guard let officialID = Self.officialID(of: provision, in: instrument, against: entry.instrument) else { return nil }
            let found = index[Self.key(officialID)]
            guard coverage.covers(officialID, found: found != nil) else { return nil }
            let source = Source(file: file, version: entry.instrument.versionDate)
            guard let found else { return .failure(finding(.missing, provision, at: officialID, in: source)) }
            return compare(provision, official: found.wording, at: officialID, in: source)
        }
    }

    private func compare(_ provision: Provision, official: String, at officialID: String, in source: Source,
                         amendment: String? = nil) -> Outcome {
        guard provision.wordingKind == .verbatim else { return .success }
        if Self.matches(shipped: provision.wording, official: official) { return .success }
        return .failure(finding(.drifted, provision, at: officialID, in: source, amendment: amendment,
                                diff: WordDiff(shipped: provision.wording, official: official)))
    }

    private func finding(_ kind: Finding.Kind, _ provision: Provision, at officialID: String, in source: Source,
                         amendment: String? = nil, diff: WordDiff? = nil) -> Finding {
        Finding(kind: kind, provisionID: provision.id, citation: provision.citation, officialID: officialID, location: provision.location,
                officialFile: source.file, officialVersion: source.version, consolidated: source.consolidated, amendment: amendment, diff: diff)
    }

    /// `changed by 32026R1744, Art. 1, point (40)(a); Art. 1, point (40)(b)`: the acts and places of
    /// consolidation markers, each act once; nil without markers.
    static func phrase(_ verb: String, _ markers: [ConsolidationMarker]) -> String? {
        var acts: [(act: String, places: [String])] = []
        for marker in markers {
            let act = marker.amendingAct ?? "an amending act the marker does not name"
            let index = acts.firstIndex { $0.act == act } ?? { acts.append((act, [])); return acts.count - 1 }()
            if let place = marker.place, !acts[index].places.contains(place) { acts[index].places.append(place) }
        }
        guard !acts.isEmpty else { return nil }
        return verb + " " + acts.map { $0.places.isEmpty ? $0.act : $0.act + ", " + $0.places.joined(separator: "; ") }.joined(separator: ", and by ")
    }

    /// Equal after normalisation; a shipped `…` stands for words left out.
    public static func matches(shipped: String, official: String) -> Bool {
        let normalisedOfficial = TextNormalizer.comparisonKey(official)
        let normalisedShipped = TextNormalizer.comparisonKey(shipped)
        if normalisedShipped == normalisedOfficial { return true }
        guard normalisedShipped.contains("…") else { return false }
        var rest = Substring(normalisedOfficial)
        for piece in normalisedShipped.split(separator: "…") {
            let trimmed = TextNormalizer.trim(String(piece))
            if trimmed.isEmpty { continue }
            guard let range = rest.firstRange(of: trimmed) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    /// Does a Formex act with this year and number encode the instrument (by CELEX or ELI)?
    static func instrument(_ instrument: Instrument, isDocument year: String?, _ number: String?) -> Bool {
        guard let year, let number else { return instrument.jurisdiction == "EU" }
        let bare = String(number.drop { $0 == "0" })
        for official in instrument.officialIDs {
            switch official.scheme {
            case "celex":
                // 32024R1689: sector 3, year, letter, number.
                let value = official.value
                guard value.count >= 10 else { continue }
                let celexYear = value.dropFirst().prefix(4)
                let celexNumber = String(value.dropFirst(6).drop { $0 == "0" })
                if celexYear == year && celexNumber == bare { return true }
            case "eli":
                if official.value.contains("/\(year)/\(bare)/") || official.value.hasSuffix("/\(year)/\(bare)") { return true }
            default: continue
            }
        }
        return false
    }

    /// Whether two Akoma Ntoso instruments are one work: the same CELEX number, the same FRBR work
    /// URI (a real one, `/akn/…` or `http…`, never a drafting tool's `#var…` placeholder), or the
    /// same UK statutory-instrument number (`S.I. 2023/425`, which a UK Lawmaker file gives through
    /// its references). A bare FRBR number is not enough: two acts of different years share it.
    static func sameWork(_ lhs: [Instrument.OfficialID], _ rhs: [Instrument.OfficialID]) -> Bool {
        func works(_ ids: [Instrument.OfficialID]) -> Set<String> {
            var keys = Set<String>()
            for id in ids {
                if id.scheme == "celex" { keys.insert("celex " + id.value) }
                guard id.scheme == "other" else { continue }
                // `AKN FRBR /akn/eu/act/…`, maybe followed by how it was read (`(FRBRuri, from #varWorkUri)`).
                let words = id.value.split(separator: " ", maxSplits: 3)
                if words.count >= 3, words[0] == "AKN", words[1] == "FRBR", words[2].hasPrefix("/akn/") || words[2].hasPrefix("http") {
                    keys.insert("frbr " + words[2])
                } else if UKInstrumentNumber.isCitation(id.value) {
                    keys.insert(id.value)
                }
            }
            return keys
        }
        return !works(lhs).isDisjoint(with: works(rhs))
    }

    /// The id to look up in an imported official text, when it covers the provision: for CFR
    /// texts, the citation's section path (`15 CFR 734.13(a)(2)` → `734.13(a)(2)`) in the same
    /// title; for Akoma Ntoso, the provision's canonical `eid` in the same work (`sameWork`).
    static func officialID(of provision: Provision, in instrument: Instrument, against official: ImportedInstrument) -> String? {
        switch official.dialect {
        case .ecfr, .fr:
            guard let title = official.officialIDs.first(where: { $0.scheme == "cfr" })?.value.split(separator: " ").first else { return nil }
            let citation = provision.citation
            guard let range = citation.firstRange(of: " CFR "), citation[..<range.lowerBound] == title else { return nil }
            var rest = String(citation[range.upperBound...])
            // `15 CFR Part 774, Supp. No. 1, ECCN 4E091` → `Supplement No. 1 to Part 774, ECCN 4E091`.
            if let path = SupplementCitation.path(ofCitation: rest) { return path }
            // `22 CFR 121.1, Category I(a)` stays `121.1, Category I(a)`, as the importer cites a
            // category; `15 CFR 772.1, "foreign person"` → `772.1 (foreign person)`.
            if let comma = rest.firstIndex(of: ","), !rest[rest.index(after: comma)...].hasPrefix(" Category ") {
                let term = TextNormalizer.trim(String(rest[rest.index(after: comma)...]), also: "\"“”")
                rest = String(rest[..<comma]) + " (\(term))"
            }
            return rest
        case .akn:
            guard sameWork(instrument.officialIDs, official.officialIDs) else { return nil }
            return provision.eid
        default:
            return nil
        }
    }
}
