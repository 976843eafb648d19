import ClauseGraph
import EccaXML
import Foundation

/// `ecca cite-check`: every shipped provision that names an official id is looked up in the
/// official texts given, and its wording compared (whitespace and typography normalised).
///
/// - EU provisions carry Formex locators (`source-id="092.003"`, `053.001(a)`, `113~1`,
///   `ANNEX XI`); they are resolved with `FormexText` in the act (and annexes) whose document
///   number matches the instrument's CELEX or ELI (or, imported without a manifest, its number).
/// - US provisions are found by citation (`15 CFR 734.13(a)(2)`) in imported eCFR, CFR or
///   Federal Register text of the same title.
/// - Akoma Ntoso texts are matched by CELEX, FRBR work URI or UK S.I. number, provisions by their canonical `eid`.
///
/// A verbatim wording with `…` passes when its pieces are whole words of the official text, in
/// order, the first starting it unless "…" opens the wording and the last ending it unless "…"
/// closes it (`ElidedWording`). A paraphrase is checked for existence only. Provisions no given text covers are listed, not
/// reported as findings.
///
/// Of several texts covering a provision the latest decides (`check`); an EU amending act's or a
/// Federal Register rule's instructions that change a shipped provision are findings
/// (`FormexAmendingAct`, `AmendmentReach`).
public struct CitationChecker {
    /// One official document, loaded for look-up.
    enum Official {
        /// `annexesOnly`: annex files given without their act, which speak for the annexes alone.
        /// Its date is its `TextInfo`'s.
        case formex(FormexText, year: String?, number: String?, file: String, annexesOnly: Bool)
        case imported(ImportCollector.Entry, index: ImportedTextIndex, coverage: Coverage, file: String)

        /// A Formex text, with the year and number of the act its bibliography
        /// (`BIB.INSTANCE/NO.DOC` of `bibliography`, the act or an annex) names.
        static func formex(_ formex: FormexText, bibliography: OfficialElement?, file: String, annexesOnly: Bool) -> Official {
            let number = bibliography.map(FormexText.documentNumber(of:))
            return .formex(formex, year: number?.year, number: number?.number, file: file, annexesOnly: annexesOnly)
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
        /// A Federal Register rule's citation (`90 FR 4544`, or `FR Doc. 2025-00636` without one):
        /// the rule prints all of its own provisions (its DATES, its instructions), so one of them
        /// that it lacks is missing.
        var ownCitation: String?

        func covers(_ officialID: String, found: Bool) -> Bool {
            if found || whole { return true }
            if let ownCitation, officialID.hasPrefix(ownCitation + ", ") { return true }
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

    /// What an official text is, for its file's line and for choosing among texts of one provision.
    struct TextInfo {
        var file: String
        /// The file given on the command line that brought the text (a package manifest for its act).
        var given: String
        /// When the text is law: texts not in force on the day checked never decide.
        var effect: LegalEffect
        /// The date of the text, its `effect`'s first day; an undated text is weighed with the latest
        /// dated one (`check`). A Federal Register rule's is the day it takes effect (`LegalEffect.rule`).
        var date: LegalDate? { effect.from }
        /// A Federal Register rule (whose printed text is only what it changes), not a CFR text.
        var isRule = false
        /// `Regulation (EU) 2024/1689, Official Journal text of 2024-06-13`.
        var description: String
        /// The amending acts a consolidated text says it includes (`2026/1744`).
        var includes: Set<String> = []
        /// Why such a text covers no shipped provision, when it covers none.
        var uncovered = "no shipped instrument is this act by its CELEX, ELI or number"
    }

    private(set) var officials: [Official] = []
    /// For each of `officials`, what it is.
    private(set) var infos: [TextInfo] = []
    /// The instructions of the amending acts and Federal Register rules given (`CitationChecker+AmendingTexts`).
    private(set) var changes: [Change] = []
    /// `changes` by the CFR sections they can reach, for `judge`.
    private var changeIndex = ChangeIndex([])
    /// Files that hold no text to check against (proposed rules only), with what they were taken to be.
    private var setAsideFiles: [String: String] = [:]
    /// Files given that a package given too lists, with the file given that lists them (a manifest,
    /// `FormexPackageFiles`, or an act whose manifest lists its annexes) and what they are to it:
    /// read there, once (re-audit D6: an act given with its manifest was read twice).
    private var readThrough: [String: (holder: String, role: String)] = [:]
    public private(set) var files: [String] = []
    /// Proposed rules in the Federal Register files given, left out of the check (a proposal is
    /// not law): one `file: note: …` line each, whether a daily issue holds them among final rules
    /// or a file of them stands among other official files.
    public private(set) var setAside: [String] = []
    /// What stands in the way of reading a file given as its package would have it (a manifest
    /// beside it that cannot be read): one `file: warning: …` line each.
    public private(set) var warnings: [String] = []

    /// Loads the official texts. A Formex `.doc` manifest (or an act with its manifest beside it)
    /// brings its act and annexes; an annex file given separately is a text of its own, with its own
    /// date, that competes in `check` like any other. A LegalRuleML file is refused: it is not an official text.
    /// A unit read whole past `unitLimit` (a Formex file is read whole) is refused.
    public init(officialFiles: [String], unitLimit: XMLUnitLimit = .standard) throws(OfficialImportError) {
        // Annex files given on their own, each with the act given nearest it (the one before, or
        // else the one after), whose number it takes when its own bibliography names none.
        var annexFiles: [(file: String, act: Int?)] = []
        // Each act with the day its package manifest says it was published (none without one).
        var acts: [(path: String, annexes: [String], given: String, published: LegalDate?)] = []
        var proposalsOnly: [OfficialImportError] = []
        for file in officialFiles { try OfficialImportError.requireRegularFile(file) }
        // A Formex package given whole: its act and annexes read once, through its manifest.
        let package = FormexPackageFiles(officialFiles, unitLimit: unitLimit)
        for file in officialFiles {
            if package.tablesOfContents.contains(file) {
                files.append(file)
                setAsideFiles[file] = "a Formex table of contents (\(FormexPackageFiles.tableOfContentsRoot)), which holds no provisions"
                continue
            }
            if let listed = package.readThrough[file] {
                files.append(file)
                readThrough[file] = (listed.manifest, listed.role)
                continue
            }
            let (dialect, root) = try OfficialDialect.detect(path: file)
            files.append(file)
            switch dialect {
            case .formex:
                switch root.name {
                case "DOC":
                    let manifest = try FormexAdapter.readManifest(file)
                    let members = try manifest.memberPaths()
                    guard let act = members.act else { throw .nothingToImport(file: file, dialect: .formex) }
                    acts.append((act, members.annexes, file, manifest.publicationDate))
                case "ANNEX", "CONS.ANNEX":
                    annexFiles.append((file, acts.isEmpty ? nil : acts.count - 1))
                default:
                    // An act given alone brings the annexes its package manifest lists, when the manifest
                    // is beside it (either layout's name: `….doc.fmx.xml`, or before October 2023 `….doc.xml`).
                    var annexes: [String] = []
                    var published: LegalDate?
                    if let listed = FormexAdapter.packageManifest(for: file), listed.actFile == SourceFileName.name(of: file) {
                        annexes = try listed.memberPaths().annexes
                        published = listed.publicationDate
                    } else if let broken = FormexAdapter.unreadableManifest(for: file) {
                        warnings.append("\(file): warning: " + FormexAdapter.unreadableManifestMessage(broken, readWithout: Self.readWithoutManifest))
                    }
                    for index in annexFiles.indices where annexFiles[index].act == nil { annexFiles[index].act = acts.count }
                    acts.append((file, annexes, file, published))
                }
            case .legalruleml:
                // An encoding of the law (evidence "secondary" when imported), not its official text.
                throw .notOfficialText(file: file, dialect: dialect)
            default:
                let (collector, _) = try OfficialImporter(options: ImportOptions(unitLimit: unitLimit)).collect(files: [file])
                // A proposed rule's text is no provision's official wording: it is never checked
                // against. A file of proposals given with other official texts is set aside (a
                // folder of Federal Register files may hold a proposal); given alone, it is refused.
                // So is an Akoma Ntoso bill (a Commission proposal, a LEOS draft).
                let proposed = collector.instruments.filter(\.instrument.isProposal)
                if !proposed.isEmpty, proposed.count == collector.instruments.count {
                    proposalsOnly.append(dialect == .akn
                        ? .billOnly(file: file, documents: proposed.map { $0.instrument.officialIDs.first?.value ?? $0.instrument.id })
                        : .proposedRuleOnly(file: file, documents: proposed.compactMap(\.instrument.documentNumber)))
                }
                for entry in proposed where entry.instrument.isBill {
                    setAside.append("\(file): note: \(entry.instrument.officialIDs.first?.value ?? entry.instrument.id) is a bill (a proposal), "
                                    + "not law: its text is not checked against")
                }
                for entry in proposed where entry.instrument.isProposedRule {
                    setAside.append("\(file): note: \(entry.instrument.documentNumber.map { "FR Doc. \($0)" } ?? entry.instrument.id) is a proposed rule, "
                                    + "not law: its text is not checked against")
                }
                for entry in collector.instruments where !entry.instrument.isProposal {
                    var coverage = Coverage(printedOnly: dialect == .fr, whole: dialect == .akn)
                    coverage.ownCitation = dialect == .fr ? Self.ruleCitation(entry.instrument) : nil
                    let index = ImportedTextIndex(entry.provisions, ownCitation: coverage.ownCitation)
                    for provision in entry.provisions {
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
                    let uncovered = switch dialect {
                    case .fr: "it prints no shipped provision"
                    case .akn: "no shipped instrument is this work by CELEX, FRBR work URI or S.I. number"
                    default: "no shipped provision cites a section it holds"
                    }
                    var info = TextInfo(file: file, given: file, effect: LegalEffect(from: entry.instrument.versionDate),
                                        description: Self.describe(entry.instrument, dialect: dialect), uncovered: uncovered)
                    if dialect == .fr {
                        let dates = entry.provisions.first { $0.canonicalID == "dates" }?.wording
                        info.effect = LegalEffect.rule(dates: dates, published: entry.instrument.versionDate)
                        info.isRule = true
                        info.description += info.effect.timing(published: entry.instrument.versionDate)
                        let own = Self.changes(of: entry, file: file, official: officials.count - 1, rule: info.effect)
                        // Instructions with a timing of their own ("Effective March 1, 2027, amend …").
                        var timed: [String] = []
                        for change in own where change.effect != info.effect {
                            // The instruction without the pages it is printed on (`70001, amendatory instruction 1`).
                            let place = change.place.components(separatedBy: ", ").drop { $0.allSatisfy(\.isNumber) }.joined(separator: ", ")
                            let timing = place + change.effect.timing(published: nil)
                            if !timed.contains(timing) { timed.append(timing) }
                        }
                        if !timed.isEmpty { info.description += " (" + timed.joined(separator: "; ") + ")" }
                        changes += own
                    }
                    infos.append(info)
                }
                if collector.instruments.allSatisfy(\.instrument.isProposedRule) {
                    setAsideFiles[file] = "proposed rules only (not law, not checked against)"
                }
            }
        }
        // Nothing but proposals: nothing to check against.
        if let first = proposalsOnly.first, officials.isEmpty, acts.isEmpty, annexFiles.isEmpty { throw first }
        var actOfficials: [Int] = []
        // When each Official Journal act given is law (`officialJournalEffect`), by its index in `officials`.
        var actEffects: [Int: (effect: LegalEffect, description: String)] = [:]
        for act in acts {
            actOfficials.append(officials.count)
            let formex: FormexText
            do { formex = try FormexText.load(actPath: act.path, annexPaths: act.annexes, unitLimit: unitLimit) } catch { throw .unreadable(error) }
            officials.append(.formex(formex, bibliography: formex.act, file: act.path, annexesOnly: false))
            let name = Self.actName(formex.act)
            var info = TextInfo(file: act.path, given: act.given,
                                effect: LegalEffect(from: FormexText.versionDate(of: formex.act), until: FormexText.validUntil(of: formex.act)), description: "")
            if let header = ConsolidatedHeader(document: formex.act) {
                info.includes = Set(header.amendingActs.compactMap { act in act.year.flatMap { year in act.number.map { "\(year)/\(Int($0) ?? 0)" } } })
                info.description = "consolidated text of \(name)" + (info.date.map { " of \($0.iso)" } ?? ", undated")
                    + (info.includes.isEmpty ? "" : " (amended by " + info.includes.sorted().joined(separator: ", ") + ")")
            } else {
                let inForce = Self.officialJournalEffect(of: formex.act, published: act.published)
                actEffects[officials.count - 1] = inForce
                info.effect = inForce.effect
                info.description = "\(name), Official Journal text" + inForce.description
            }
            infos.append(info)
            if !formex.isConsolidated, let amending = FormexAmendingAct(act: formex.act) {
                changes += Self.changes(of: amending, file: act.path, given: act.given, effect: info.effect)
            }
        }
        // Annex files given on their own are texts of their own, with their own dates: a later
        // Annex XI decides over an earlier one (or over a package's), and two of one date that
        // disagree are a finding, as for acts. An annex file that a package given lists is read
        // there. Each speaks for its own annexes only (Annex I cannot hold Annex XI).
        for annex in annexFiles {
            if let given = acts.first(where: { $0.annexes.map(Self.samePath).contains(Self.samePath(annex.file)) })?.given {
                readThrough[annex.file] = (given, "an annex")
                continue
            }
            let formex: FormexText
            do { formex = try FormexText.load(annexPaths: [annex.file], unitLimit: unitLimit) } catch { throw .unreadable(error) }
            let bibliography = formex.annexes.values.first
            var number = bibliography.map(FormexText.documentNumber(of:)).flatMap { $0.year == nil && $0.number == nil ? nil : $0 }
            if number == nil, let act = annex.act, case .formex(_, let year, let actNumber, _, false) = officials[actOfficials[act]] {
                number = (year, actNumber)
            }
            let date = bibliography.flatMap(FormexText.versionDate(of:))
            var effect = LegalEffect(from: date)
            var dated = date.map { " of \($0.iso)" } ?? ", undated"
            // The annexes of an Official Journal act are law when the act is: the act given here (its
            // number, its date), else the one their package manifest beside them lists.
            if let act = actOfficials.first(where: { index in
                guard case .formex(let text, let year, let actNumber, _, false) = officials[index], !text.isConsolidated else { return false }
                return year == number?.year && actNumber == number?.number && FormexText.versionDate(of: text.act) == date
            }), let inForce = actEffects[act] {
                effect = inForce.effect
                dated += ", with the act given," + inForce.description
            } else if let listed = FormexAdapter.packageManifest(for: annex.file), listed.publicationDate != nil,
                      let actPath = try? listed.memberPaths().act, let act = try? FormexText.load(actPath: actPath, unitLimit: unitLimit) {
                let inForce = Self.officialJournalEffect(of: act.act, published: listed.publicationDate)
                effect = inForce.effect
                dated += ", with the act its package lists," + inForce.description
            } else if let broken = FormexAdapter.unreadableManifest(for: annex.file) {
                warnings.append("\(annex.file): warning: " + FormexAdapter.unreadableManifestMessage(broken, readWithout: Self.readWithoutManifest))
            }
            officials.append(.formex(formex, year: number?.year, number: number?.number, file: annex.file, annexesOnly: true))
            infos.append(TextInfo(file: annex.file, given: annex.file, effect: effect,
                                  description: Self.annexesOf(number) + dated,
                                  uncovered: "no shipped provision cites these annexes of a shipped act"))
        }
        changeIndex = ChangeIndex(changes)
    }

    /// What annex files given alone are of: `annexes of act 2024/1689`; annexes whose bibliography
    /// numbers no act (and given with no act) are said to be so, not `annexes of act ` and nothing.
    static func annexesOf(_ number: (year: String?, number: String?)?) -> String {
        let act = [number?.year, number?.number].compactMap { $0 }.joined(separator: "/")
        return act.isEmpty ? "annexes (of an act their bibliography does not number)" : "annexes of act \(act)"
    }

    /// A file's path with `.`, `..` and symbolic links resolved, for telling whether two names are one file.
    static func samePath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// `Regulation (EU) 2024/1689`: the name in the act's first title (a consolidated text's is its act's).
    static func actName(_ act: OfficialElement) -> String {
        let title = act.first(where: { $0.name == "TITLE" }, barriers: ["GR.MOD.ACT", "ENACTING.TERMS"]).map { FormexText.flatten($0) } ?? ""
        if let match = title.firstMatch(of: FormexAmendingAct.actName) { return String(match.0) }
        let number = FormexText.documentNumber(of: act)
        return "act " + ([number.year, number.number].compactMap { $0 }.joined(separator: "/"))
    }

    /// What an imported text is: `15 CFR 734.13 (eCFR), text as of 2026-09-01`, `Federal Register rule FR Doc. 2025-00636 (…)`.
    static func describe(_ instrument: ImportedInstrument, dialect: OfficialDialect) -> String {
        // An unreadable date field is named ("undated (AMDDATE 'Feb. 30, 2025' is not a date)").
        let remark = instrument.versionDateRemark.map { " (\($0))" } ?? ""
        let date = (instrument.versionDate.map { ", text as of \($0.iso)" } ?? ", undated") + remark
        guard dialect == .fr else { return instrument.title + date }
        let parts = instrument.officialIDs.filter { $0.scheme == "cfr" }.map(\.value)
        return "Federal Register rule " + (instrument.documentNumber.map { "FR Doc. \($0)" } ?? "with no FR Doc. number")
            + " (“\(instrument.title)”" + (parts.isEmpty ? "" : "; " + parts.joined(separator: ", ")) + ")"
            + (instrument.versionDate.map { ", published \($0.iso)" } ?? ", undated") + remark
    }

    /// Lower-cased, whitespace-free: `772.1 (Foreign person)` and `772.1 (foreign person)` meet.
    static func key(_ id: String) -> String {
        String(id.lowercased().filter { !$0.isWhitespace })
    }

    /// Checks each shipped provision against the latest text given that covers it and is law on
    /// `day` (`--as-of`), whatever the order of the files: texts of that same date, or undated ones,
    /// that disagree are a finding. A text not in force on `day` (dated after it; a rule not yet
    /// effective, delayed or expired) never decides: where it says something else than the text in
    /// force, or is the only text given, that is a finding. Then every instruction of an amending
    /// act or Federal Register rule given that changes the provision is a finding, unless the text
    /// that decided it includes the change (a consolidated text that lists the amending act and is not
    /// older than it, a CFR text dated on or after the day the rule took effect, the rule's own
    /// printed text).
    public func check(_ graph: ClauseGraph, on day: LegalDate) -> Report {
        var report = Report(findings: [], notCovered: [], officialFiles: files, day: day)
        var covered: [String: Int] = [:], decided: [String: Int] = [:]
        for id in graph.provisionOrder {
            guard let provision = graph.provisions[id], let instrument = graph.instruments[provision.instrumentID] else { continue }
            guard provision.sourceID != nil || provision.eid != nil else { continue }
            guard let judgement = judge(provision, instrument, on: day) else {
                report.notCovered.append(id)
                if provision.sourceID == nil, hasFormexText(of: instrument) { report.withoutLocator.insert(id) }
                continue
            }
            for file in judgement.covering { covered[file, default: 0] += 1 }
            for file in judgement.deciders { decided[file, default: 0] += 1 }
            if let pass = judgement.pass { report.passes.append(pass) } else { report.findings += judgement.findings }
        }
        let unread = unread(graph, on: day)
        report.unreadInstructions = unread.map(\.line)
        let unreadFiles = Set(unread.map(\.given))
        var seen = Set<String>()
        for file in files where seen.insert(file).inserted {
            report.fileLines.append(fileLine(file, graph, covered: covered[file], decided: decided[file], hasUnread: unreadFiles.contains(file), on: day))
            if decided[file] != nil || unreadFiles.contains(file) { report.filesUsed += 1 }
        }
        return report
    }

    /// Whether a Formex text given is of `instrument`: it finds provisions by their locator
    /// (`source-id`) alone, so one without a locator is not covered by it, whatever its eid.
    private func hasFormexText(of instrument: Instrument) -> Bool {
        officials.contains { official in
            if case .formex(_, let year, let number, _, _) = official { Self.instrument(instrument, isDocument: year, number) } else { false }
        }
    }

    /// What the texts given say of one shipped provision: the files that cover it and those that
    /// decided it, and its pass or its findings.
    private struct Judgement {
        var covering: Set<String>
        var deciders: Set<String> = []
        var findings: [Finding] = []
        /// Set only when there is no finding: the text that decided the provision passed it.
        var pass: Pass?
    }

    /// Judges `provision` by the texts given and the instructions that reach it, on `day`; nil when
    /// nothing given covers it.
    private func judge(_ provision: Provision, _ instrument: Instrument, on day: LegalDate) -> Judgement? {
        var candidates: [(official: Int, outcome: Outcome)] = []
        for (index, official) in officials.enumerated() {
            if let outcome = check(provision, instrument: instrument, against: official, dated: infos[index].date, on: day) { candidates.append((index, outcome)) }
        }
        let touching = changeIndex.candidates(for: provision.citation).map { changes[$0] }.filter { change in
            change.isRead && affects(change, provision, instrument)
        }
        if candidates.isEmpty && touching.isEmpty { return nil }
        var judgement = Judgement(covering: Set(candidates.map { infos[$0.official].given } + touching.map(\.given)))
        // Texts not law on `day` are weighed apart: they never decide.
        let notInForce = Dictionary(uniqueKeysWithValues: candidates.compactMap { candidate in
            effect(of: candidate.official, touching: touching).notInForce(on: day).map { (candidate.official, $0) }
        })
        let inForce = candidates.filter { notInForce[$0.official] == nil }
        let later = candidates.filter { notInForce[$0.official] != nil }
        var chosen: Int?
        var chosenPass: Pass?
        if !inForce.isEmpty {
            let decision = decide(provision, among: inForce)
            (chosen, chosenPass) = (decision.chosen, decision.pass)
            judgement.findings += decision.findings
            judgement.deciders.formUnion(decision.deciders)
        }
        // What the texts not in force say, where it is not what the law in force says (a pass
        // there is no news; a text in force that fails is a finding already), or where they are all
        // that was given.
        let laterSay = later.sorted { (infos[$0.official].date?.dayNumber ?? .min, infos[$0.official].file) < (infos[$1.official].date?.dayNumber ?? .min, infos[$1.official].file) }
            .filter { inForce.isEmpty || (chosenPass != nil && Self.verdict($0.outcome) != "pass") }
        if !laterSay.isEmpty {
            judgement.findings.append(notInForceFinding(provision, laterSay.map { ($0.official, $0.outcome, notInForce[$0.official]!) },
                                                        inForce: chosenPass == nil ? nil : chosen.map { infos[$0].file }, on: day))
            judgement.deciders.formUnion(laterSay.map { infos[$0.official].given })
        }
        let compared = Set(candidates.map(\.official))
        let pending = touching.filter { change in
            // A rule's own printed text that was compared (and disagreed) already shows its change.
            guard let chosen else { return change.official.map { !compared.contains($0) } ?? true }
            // A rule's own printed text decides a verbatim wording, which was compared with it; a
            // paraphrase was only found there, so what the rule did to it stays a finding. A rule
            // not yet in force was compared apart, as a text not in force.
            if let official = change.official, official == chosen || notInForce[official] != nil {
                return provision.wordingKind != .verbatim
            }
            return !includes(chosen, change, on: day)
        }
        var byAct: [(file: String, act: String, changes: [Change])] = []
        for change in pending {
            if let index = byAct.firstIndex(where: { $0.file == change.file && $0.act == change.act }) { byAct[index].changes.append(change) }
            else { byAct.append((change.file, change.act, [change])) }
        }
        for group in byAct {
            let printed = group.changes.allSatisfy { $0.official != nil && ($0.official == chosen || notInForce[$0.official!] != nil) }
            judgement.findings.append(amended(provision, instrument, by: group.changes, printed: printed, on: day))
            judgement.deciders.insert(group.changes[0].given)
        }
        if judgement.findings.isEmpty {
            // No finding means a text decided the provision and it passed there.
            guard let chosenPass else { preconditionFailure("\(provision.id): no finding, and no text that passed it") }
            judgement.pass = chosenPass
        }
        return judgement
    }

    /// Of the texts in force that cover a provision, the latest decides; among texts of that date,
    /// their files' names order them, never the command line. An undated text cannot be placed
    /// before or after a dated one: it is weighed with the latest (after it, when they agree), so
    /// that one that says something else is a finding, never set aside unseen (a versioner response
    /// that kept `_SUBSTITUTE_DATE_` is likely the newest text there is). Texts of the latest date
    /// that disagree decide nothing (`chosen` nil): that is a finding. `pass`: the chosen text's pass.
    private func decide(_ provision: Provision, among inForce: [(official: Int, outcome: Outcome)])
        -> (chosen: Int?, pass: Pass?, findings: [Finding], deciders: Set<String>) {
        let latest = inForce.compactMap { infos[$0.official].date }.max()
        let tied = inForce.filter { infos[$0.official].date == latest || infos[$0.official].date == nil }.sorted {
            (infos[$0.official].date == nil ? 1 : 0, infos[$0.official].file) < (infos[$1.official].date == nil ? 1 : 0, infos[$1.official].file)
        }
        if Set(tied.map { Self.verdict($0.outcome) }).count > 1 {
            return (nil, nil, [disagreement(provision, tied.map { ($0.official, $0.outcome) })], Set(tied.map { infos[$0.official].given }))
        }
        let decider: Set = [infos[tied[0].official].given]
        switch tied[0].outcome {
        case .success(let pass): return (tied[0].official, pass, [], decider)
        case .failure(let finding): return (tied[0].official, nil, [finding], decider)
        }
    }

    /// The line of one official file given: what it was taken to be (and whether it is law on
    /// `day`), what it amends, and how many shipped provisions it `covered` and `decided` (or why
    /// it covers none). `hasUnread`: it holds instructions whose place was not read.
    private func fileLine(_ file: String, _ graph: ClauseGraph, covered: Int?, decided: Int?, hasUnread: Bool, on day: LegalDate) -> String {
        // Read as a member of a package given, and counted with it: never a file checked against of its own.
        if let listed = readThrough[file] { return "\(file): \(listed.role) that \(listed.holder) lists, read and counted there" }
        // A text not in force on `day` is compared, and decides only findings of its own (`notInForceFinding`).
        var what = infos.filter { $0.given == file }.map { info in
            info.description + (info.effect.notInForce(on: day) == nil ? "" : " (not in force on \(day.iso))")
        }
        // An EU act's instructions are said for the shipped acts they amend (the AI Act amends
        // Regulation (EC) No 300/2008 and others, which no shipped provision cites).
        var amended: [(act: String, count: Int)] = []
        for change in changes where change.given == file {
            let act: String
            switch change.reach {
            case .eu(let year, let number, _):
                guard graph.instruments.values.contains(where: { $0.jurisdiction == "EU" && Self.instrument($0, isDocument: year, number) }) else { continue }
                act = "\(year)/\(number)"
            case .us(let title, let part, _):
                act = "\(title) CFR" + (part.map { " part \($0)" } ?? "")
            }
            if let index = amended.firstIndex(where: { $0.act == act }) { amended[index].count += 1 } else { amended.append((act, 1)) }
        }
        if !amended.isEmpty {
            what.append("amends " + amended.map { "\($0.act) (\(CountedNoun("instruction")($0.count)))" }.joined(separator: ", "))
        }
        if let aside = setAsideFiles[file] { what.append(aside) }
        let name = what.isEmpty ? "nothing to check against" : what.joined(separator: "; ")
        let held = changes.filter { $0.given == file && !$0.isRead }.compactMap { holder(of: $0, on: day) }
        var counts: String
        if let count = covered {
            counts = "covers \(CountedNoun("shipped provision")(count)), decides \(decided ?? 0)"
        } else if hasUnread {
            counts = "covers no shipped provision it could read (see its errors)"
        } else {
            // Why, as far as it is known: what the file is, not a guess among causes.
            var reasons = infos.filter { $0.given == file }.map(\.uncovered)
            if !amended.isEmpty { reasons = ["none of its instructions \(held.isEmpty ? "" : "read ")changes a shipped provision"] }
            else if changes.contains(where: { $0.given == file }) && reasons.contains("it prints no shipped provision") {
                reasons = ["it prints no shipped provision and its instructions change none"]
            }
            counts = "covers no shipped provision" + (reasons.isEmpty ? "" : " (" + Array(Set(reasons)).sorted().joined(separator: "; ") + ")")
        }
        // Instructions not read that a consolidated text given holds: no error, and said here.
        if let holder = held.first {
            counts += "; its \(CountedNoun("instruction")(held.count)) not read \(held.count == 1 ? "is" : "are") held by \(infos[holder].file)"
        }
        return "\(file): \(name): \(counts)"
    }

    /// When text `official` is law, for a provision `touching` changes reach: a rule's own, or that of
    /// its latest instruction that reaches the provision where one has its own timing ("Effective
    /// March 1, 2027, amend § 734.15 …").
    private func effect(of official: Int, touching: [Change]) -> LegalEffect {
        var effect = infos[official].effect
        for change in touching where change.official == official {
            if let pending = change.effect.pending { effect.pending = effect.pending ?? pending }
            if let from = change.effect.from, effect.from.map({ from > $0 }) ?? true { effect.from = from }
        }
        return effect
    }

    /// Whether the text `chosen`, which decided a provision, already holds what `change` does to it:
    /// a consolidated text that lists the amending act, dated on or after the act; a CFR text dated on
    /// or after the day the rule's instruction took effect (a date its DATES state, never its
    /// publication date: a rule published before a text may take effect after it).
    func includes(_ chosen: Int, _ change: Change, on day: LegalDate) -> Bool {
        guard change.effect.notInForce(on: day) == nil else { return false }
        if let key = change.key {
            guard infos[chosen].includes.contains(key) else { return false }
            guard let consolidated = infos[chosen].date, let act = change.effect.from else { return true }
            return act <= consolidated
        }
        guard change.official != nil, !infos[chosen].isRule, change.effect.stated,
              let text = infos[chosen].date, let effective = change.effect.from else { return false }
        return effective <= text
    }

    /// The finding for a provision that texts not in force on `day` speak for: what each says, and
    /// the text in force that passed it (or that none was given).
    private func notInForceFinding(_ provision: Provision, _ texts: [(official: Int, outcome: Outcome, reason: String)],
                                   inForce: String?, on day: LegalDate) -> Finding {
        let parts = texts.map { text -> String in
            let name = infos[text.official].file + " (" + text.reason + ")"
            switch text.outcome {
            case .success(let pass): return "\(name): " + pass.verdict
            case .failure(let finding) where finding.kind == .missing: return "\(name): '\(finding.officialID)' does not exist"
            case .failure(let finding): return "\(name): " + (finding.diff.map { "differs (\($0))" } ?? (finding.detail ?? "differs"))
            }
        }
        let first = texts[0]
        let officialID: String
        if case .failure(let finding) = first.outcome { officialID = finding.officialID } else { officialID = provision.sourceID ?? provision.eid ?? "" }
        let lead = inForce.map { "a text not in force on \(day.iso) says otherwise than the text in force (\($0)), which passes: " }
            ?? "no text in force on \(day.iso) was given for it, only: "
        return Finding(kind: .notInForce, provisionID: provision.id, citation: provision.citation, officialID: officialID,
                       location: provision.location, officialFile: infos[first.official].file, officialVersion: infos[first.official].date,
                       detail: lead + parts.joined(separator: "; "))
    }

    /// What a text says of a provision, for telling texts that disagree: a pass, a missing id, or the official words a drift shows.
    private static func verdict(_ outcome: Outcome) -> String {
        switch outcome {
        case .success: return "pass"
        case .failure(let finding): return finding.kind.rawValue + (finding.diff.map { "\($0)" } ?? "")
        }
    }

    private func disagreement(_ provision: Provision, _ texts: [(official: Int, outcome: Outcome)]) -> Finding {
        let parts = texts.map { text -> String in
            let info = infos[text.official]
            // The file that holds the text (a package's annex file, not its act's).
            let file = switch text.outcome {
            case .success(let pass): pass.officialFile
            case .failure(let finding): finding.officialFile
            }
            let name = file + " (" + (info.date.map { "text as of \($0.iso)" } ?? "undated") + ")"
            switch text.outcome {
            case .success: return "\(name): passes"
            case .failure(let finding) where finding.kind == .missing: return "\(name): '\(finding.officialID)' does not exist"
            case .failure(let finding): return "\(name): differs (" + (finding.diff.map { "\($0)" } ?? "") + ")"
            }
        }
        let first = texts[0]
        let officialID: String
        if case .failure(let finding) = first.outcome { officialID = finding.officialID } else { officialID = provision.sourceID ?? provision.eid ?? "" }
        let resolved = texts.lazy.compactMap { text -> String? in if case .failure(let finding) = text.outcome { return finding.officialID } else { return nil } }.first ?? officialID
        return Finding(kind: .disagreement, provisionID: provision.id, citation: provision.citation, officialID: resolved,
                       location: provision.location, officialFile: infos[first.official].file, officialVersion: infos[first.official].date,
                       detail: parts.joined(separator: "; ") + (texts.contains { infos[$0.official].date != nil } && texts.contains { infos[$0.official].date == nil }
                                                                  ? "; an undated text cannot be placed before or after a dated one: which of them is in force cannot be told"
                                                                  : "; which of them is in force cannot be told from texts of one date"))
    }

    private enum Outcome { case success(Pass), failure(Finding) }

    /// The official text a provision is looked up in, as findings name it: its file, its date, and
    /// whether it is a consolidated text.
    private struct Source {
        var file: String
        var version: LegalDate?
        var consolidated = false
    }

    /// Nil when `official` does not cover the provision's instrument. `dated`: the text's date as
    /// findings name it (a Federal Register rule's is the day it takes effect, which placed it);
    /// `day`: the day checked, which places a change the text announces.
    private func check(_ provision: Provision, instrument: Instrument, against official: Official, dated: LegalDate?, on day: LegalDate) -> Outcome? {
        switch official {
        case .formex(let formex, let year, let number, let file, let annexesOnly):
            guard let locator = provision.sourceID, Self.instrument(instrument, isDocument: year, number) else { return nil }
            // Annexes are separate files: without them an annex locator (`ANNEX XI`, or a group or
            // point in it, `ANNEX XI, Section 1, point 1(d)`) is not covered, not missing; annexes
            // without their act cover no article.
            let annex = FormexAnnexLocator(locator)?.annex
            if annex != nil ? formex.annexes.isEmpty : annexesOnly { return nil }
            // Annex files given alone speak for their own annexes: Annex I cannot hold Annex XI.
            if let annex, annexesOnly, formex.annexes[annex] == nil { return nil }
            // An annex's wording is in its own file: drift is reported against that file.
            let source = Source(file: annex.flatMap { formex.annexes[$0]?.span.file } ?? file, version: dated,
                                consolidated: formex.isConsolidated)
            switch formex.lookup(locator) {
            case .found(let text, let markers):
                // A unit the act prints twice (an article, or a paragraph or point in it): copies
                // that differ are a finding, whichever comes first.
                let copies = formex.repeatedTexts(at: locator)
                if copies.count > 1, Set(copies.map { TextNormalizer.comparisonKey($0.text) }).count > 1 {
                    return repeated(provision, copies: copies.map { ($0.line, $0.text) }, at: locator, in: source)
                }
                return compare(provision, official: text, at: locator, in: source, amendment: Self.phrase("changed by", markers))
            case .deleted(let marker):
                return .failure(finding(.missing, provision, at: locator, in: source, amendment: Self.phrase("deleted by", [marker])))
            case .absent:
                return .failure(finding(.missing, provision, at: locator, in: source))
            }
        case .imported(let entry, let index, let coverage, let file):
            guard let officialID = Self.officialID(of: provision, in: instrument, against: entry.instrument) else { return nil }
            let found = index[officialID]
            guard coverage.covers(officialID, found: found != nil) else { return nil }
            let source = Source(file: file, version: dated)
            guard let found else { return .failure(finding(.missing, provision, at: officialID, in: source)) }
            // A unit the text prints twice (the import tells the copies apart by a suffix, and warns):
            // each copy is what the text says, so copies that differ are a finding, whichever comes first.
            let copies = index.copies(of: found)
            if copies.count > 1, Set(copies.map { TextNormalizer.comparisonKey($0.wording) }).count > 1 {
                return repeated(provision, copies: copies.map { ($0.span.firstLine, $0.wording) }, at: officialID, in: source)
            }
            if found.setOutInPart { return compare(provision, setOutInPart: found.wording, at: officialID, in: source) }
            let outcome = compare(provision, official: found.wording, at: officialID, in: source, notCarried: found.notCarried)
            // A change the text announces for the provision and does not hold yet: the wording
            // that passed is the text before it (`EffectiveDateNote`). That is the law until the
            // change takes effect, so a change still to come on `day` leaves the pass standing and
            // named; one in effect by then (or on a day that could not be read) is a finding.
            // An undated text cannot be placed before the change: it may hold it already.
            guard case .success(var pass) = outcome else { return outcome }
            let pending = found.effectiveDateNotes.flatMap { note in note.changes.filter { $0.isAfter(dated) }.map { (note, $0) } }
            if let (note, change) = pending.first(where: { dated == nil || $0.1.effective.map { $0 <= day } ?? true }) {
                return .failure(finding(.amended, provision, at: officialID, in: source, detail: Self.announced(note, change, in: source, at: officialID)))
            }
            pass.announcedChanges = Array(Set(pending.compactMap(\.1.effective))).sorted()
            return .success(pass)
        }
    }

    /// What a finding says of a change an effective-date note in the text announces.
    private static func announced(_ note: EffectiveDateNote, _ change: EffectiveDateNote.Change, in source: Source, at officialID: String) -> String {
        let text = source.file + (source.version.map { " (text as of \($0.iso))" } ?? " (undated)")
        let when = switch (change.effective, source.version) {
        case (let effective?, let version?):
            // A change made retroactively: the text's date is before its rule, not its day.
            if let published = change.published, published > version, effective <= version {
                "takes effect on \(effective.iso), by a rule published on \(published.iso), after the text's date"
            } else {
                "takes effect on \(effective.iso), after the text's date"
            }
        case (let effective?, nil): "takes effect on \(effective.iso); the text has no date to place it by"
        case (nil, _): note.unsettled.map { "takes effect on a day the note does not settle (\($0))" } ?? "takes effect on a day that could not be read"
        }
        return "\(text) announces in an effective-date note a change to '\(officialID)' that \(when), so the wording compared is the text before it: “\(note.statement)”"
    }

    /// A provision a Federal Register rule sets out only in part (`PartialSetOut`): the words it
    /// sets out are compared with the shipped wording, in order and whole; what it leaves out
    /// (`* * *`) is not, so a shipped paragraph the rule elides is never reported as deleted.
    private func compare(_ provision: Provision, setOutInPart official: String, at officialID: String, in source: Source) -> Outcome {
        var pass = Pass(provisionID: provision.id, citation: provision.citation, officialID: officialID, location: provision.location,
                        officialFile: source.file, wordingCompared: provision.wordingKind == .verbatim)
        pass.setOutInPart = true
        guard pass.wordingCompared else { return .success(pass) }
        guard let words = PartialSetOut.setOutWords(official) else {
            pass.setOutWordsCompared = false
            return .success(pass)
        }
        if ElidedWording.matches(shipped: words, official: provision.wording) { return .success(pass) }
        // Diffed from the set-out words, whose `…` stands for the shipped words the rule leaves out.
        var drift = finding(.drifted, provision, at: officialID, in: source, diff: WordDiff(shipped: words, official: provision.wording).reversed())
        drift.detail = "the rule sets it out only in part (* * *): the words it sets out are not all in the shipped wording"
        return .failure(drift)
    }

    /// The finding for a unit one text prints more than once with different wordings: what each
    /// copy says of the shipped wording, named by its place in the text and the line it starts on
    /// (the same line for every copy in a file written on one line, as Formex often is).
    private func repeated(_ provision: Provision, copies: [(line: Int, text: String)], at officialID: String, in source: Source) -> Outcome {
        let says = copies.enumerated().map { number, copy -> String in
            let name = "copy \(number + 1) (line \(copy.line))"
            switch compare(provision, official: copy.text, at: officialID, in: source) {
            case .success(let pass): return "\(name): " + pass.verdict
            case .failure(let drift): return "\(name): differs (" + (drift.diff.map { "\($0)" } ?? "") + ")"
            }
        }
        return .failure(Finding(kind: .repeated, provisionID: provision.id, citation: provision.citation, officialID: officialID,
                                location: provision.location, officialFile: source.file, officialVersion: source.version,
                                consolidated: source.consolidated, detail: says.joined(separator: "; ")))
    }

    /// `notCarried`: what the official text prints there that its imported wording does not carry
    /// (an image, a footnote), named by a pass as not compared.
    private func compare(_ provision: Provision, official: String, at officialID: String, in source: Source,
                         amendment: String? = nil, notCarried: [String] = []) -> Outcome {
        var pass = Pass(provisionID: provision.id, citation: provision.citation, officialID: officialID, location: provision.location,
                        officialFile: source.file, wordingCompared: provision.wordingKind == .verbatim)
        pass.notCompared = notCarried
        guard pass.wordingCompared else { return .success(pass.paraphrase(of: provision.wording, comparedWith: official)) }
        if Self.matches(shipped: provision.wording, official: official) {
            pass.elisions = ElidedWording.elisions(in: provision.wording, comparedWith: official)
            return .success(pass)
        }
        return .failure(finding(.drifted, provision, at: officialID, in: source, amendment: amendment,
                                diff: WordDiff(shipped: provision.wording, official: official)))
    }

    private func finding(_ kind: Finding.Kind, _ provision: Provision, at officialID: String, in source: Source,
                         amendment: String? = nil, diff: WordDiff? = nil, detail: String? = nil) -> Finding {
        Finding(kind: kind, provisionID: provision.id, citation: provision.citation, officialID: officialID, location: provision.location,
                officialFile: source.file, officialVersion: source.version, consolidated: source.consolidated, amendment: amendment, diff: diff,
                detail: detail)
    }

    /// What checking a Formex file without its package manifest loses (`FormexAdapter.unreadableManifestMessage`).
    static let readWithoutManifest = "the act's publication, and with it the day it entered into force, and the annexes the manifest lists are not known"

    /// The day an Official Journal act is law, and how its file line says it: the day its own
    /// article says it enters into force, counted from the publication its manifest gives
    /// (`, Official Journal text published 2024-07-12, in force from 2024-08-01 (the twentieth day
    /// following publication)`); without that article, the publication; without a manifest, the
    /// act's own date (its signature), said as such.
    static func officialJournalEffect(of act: OfficialElement, published: LegalDate?) -> (effect: LegalEffect, description: String) {
        if let entry = FormexEntryIntoForce(act: act), let day = entry.day(published: published) {
            return (LegalEffect(from: day, basis: .effectiveDate),
                    (published.map { " published \($0.iso)," } ?? "") + " in force from \(day.iso) (\(entry.wording))")
        }
        if let published {
            return (LegalEffect(from: published, basis: .effectiveDate),
                    " published \(published.iso) (its entry into force not read: taken as law from publication)")
        }
        guard let signed = FormexText.versionDate(of: act) else { return (LegalEffect(), ", undated") }
        return (LegalEffect(from: signed), " of \(signed.iso) (the act's date: no package manifest gives its publication and entry into force)")
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

    /// Equal after normalisation; a shipped `…` stands for words left out, and the quoted pieces
    /// are anchored and whole words (`ElidedWording`).
    public static func matches(shipped: String, official: String) -> Bool {
        ElidedWording.matches(shipped: shipped, official: official)
    }

    /// Does a Formex act with this year and number encode the instrument (by CELEX, ELI, or the act's
    /// number where nothing read gave the others: `FormexActNumberID`)?
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
            default:
                // An act known by its Formex number alone (an annex imported without its manifest).
                if let known = FormexActNumberID(official), known.names(year: year, number: number) { return true }
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

    /// The citation a Federal Register rule's own provisions begin with, as the importer cites
    /// them: its FR citation (`90 FR 4544`), else its FR Doc. number.
    static func ruleCitation(_ rule: ImportedInstrument) -> String? {
        ruleCitations(rule.officialIDs).first
    }

    /// A rule's FR citation and `FR Doc.` number, in that order.
    static func ruleCitations(_ ids: [Instrument.OfficialID]) -> [String] {
        ids.filter { $0.scheme == "fr" }.map(\.value) + ids.filter { $0.scheme == "other" && $0.value.hasPrefix("FR Doc. ") }.map(\.value)
    }

    /// One rule: the same FR citation or the same FR Doc. number.
    static func sameRule(_ lhs: [Instrument.OfficialID], _ rhs: [Instrument.OfficialID]) -> Bool {
        !Set(ruleCitations(lhs).map(key)).isDisjoint(with: Set(ruleCitations(rhs).map(key)))
    }

    /// What a rule's citation of one of its provisions says after the rule's citation and the
    /// pages (`90 FR 4544, DATES` → `DATES`; `89 FR 9757, 9760, amendatory instruction 1` →
    /// `amendatory instruction 1`); nil when it does not begin with one of `prefixes`.
    static func ownPart(of citation: String, after prefixes: [String]) -> String? {
        guard let prefix = prefixes.first(where: { citation.hasPrefix($0 + ", ") }) else { return nil }
        var rest = citation.dropFirst(prefix.count + 2)
        // Pages: `9760, `, `4545-4546, `.
        while let comma = rest.firstRange(of: ", "), rest[..<comma.lowerBound].allSatisfy({ $0.isNumber || $0 == "-" || $0 == "–" }) {
            rest = rest[comma.upperBound...]
        }
        return rest.isEmpty ? nil : String(rest)
    }

    /// A CFR citation's path in its title, as the importer's ids write it: `15 CFR 734.13(a)(2)` →
    /// `734.13(a)(2)`; `15 CFR Part 774, Supp. No. 1, ECCN 4E091` → `Supplement No. 1 to Part 774,
    /// ECCN 4E091`; `22 CFR 121.1, Category I(a)` stays `121.1, Category I(a)`, as the importer
    /// cites a category; `15 CFR 772.1, "foreign person"` → `772.1 (foreign person)`.
    static func cfrPath(_ citation: String) -> String? {
        guard let range = citation.firstRange(of: " CFR ") else { return nil }
        var rest = String(citation[range.upperBound...])
        if let path = SupplementCitation.path(ofCitation: rest) { return path }
        if let comma = rest.firstIndex(of: ","), !rest[rest.index(after: comma)...].hasPrefix(" Category ") {
            rest = String(rest[..<comma]) + definedTerm(rest[rest.index(after: comma)...])
        }
        return rest
    }

    /// A defined term's part of a CFR citation as the importer's ids write it: `"foreign person"` →
    /// ` (foreign person)`; a point the term numbers afresh follows the term, `“Handicapped person”
    /// (1)(i)` → ` (Handicapped person)(1)(i)` (the term ends at its closing quotation mark).
    static func definedTerm(_ text: Substring) -> String {
        let quotes: Set<Character> = ["\"", "“", "”"]
        let trimmed = Substring(TextNormalizer.trim(String(text)))
        guard let open = trimmed.first, quotes.contains(open),
              let close = trimmed.dropFirst().firstIndex(where: { quotes.contains($0) }) else {
            return " (\(TextNormalizer.trim(String(trimmed), also: "\"“”")))"
        }
        let term = TextNormalizer.trim(String(trimmed[trimmed.index(after: trimmed.startIndex)..<close]))
        let points = trimmed[trimmed.index(after: close)...].filter { !$0.isWhitespace }
        return " (\(term))" + points
    }

    /// The id to look up in an imported official text, when it covers the provision: for CFR
    /// texts, the citation's section path (`15 CFR 734.13(a)(2)` → `734.13(a)(2)`) in the same
    /// title; for Akoma Ntoso, the provision's canonical `eid` in the same work (`sameWork`).
    static func officialID(of provision: Provision, in instrument: Instrument, against official: ImportedInstrument) -> String? {
        switch official.dialect {
        case .ecfr, .fr:
            // A Federal Register rule's own provision (its DATES, an instruction), cited by the
            // rule's citation or FR Doc. number: looked up in that rule.
            if official.dialect == .fr, let own = ruleCitation(official), sameRule(instrument.officialIDs, official.officialIDs),
               let rest = ownPart(of: provision.citation, after: ruleCitations(instrument.officialIDs)) {
                return own + ", " + rest
            }
            guard let title = official.officialIDs.first(where: { $0.scheme == "cfr" })?.value.split(separator: " ").first,
                  provision.citation.hasPrefix(title + " CFR ") else { return nil }
            return cfrPath(provision.citation)
        case .akn:
            guard sameWork(instrument.officialIDs, official.officialIDs) else { return nil }
            return provision.eid
        default:
            return nil
        }
    }
}
