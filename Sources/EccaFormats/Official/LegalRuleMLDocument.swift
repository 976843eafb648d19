import ClauseGraph
import EccaXML
import Foundation

/// What a LegalRuleML file says that its statement groups need, gathered by a first pass over
/// the file (`LegalRuleMLAdapter`): its prefixes, legal references, associations, jurisdictions,
/// counts, the keys every group and statement has (to find duplicates) and where, what overrides
/// and reparations say of the statements they name, and the warnings found on the way. Groups
/// themselves are not kept: the second pass reads each one, renders it with what this holds and
/// hands it on (`write(_:into:)`), so memory grows with the keys and associations, not the file.
struct LegalRuleMLDocument {
    /// One `lrml:Statements` group, or one statement outside any (`statement` names it).
    struct Group {
        var key: String?
        var span: SourceSpan
        /// The group's own `lrml:Comment`, its title in the files that have one.
        var title: String?
        var statements: [LegalRuleMLStatement]
        var children: [Group]
        /// True for a statement written outside any `lrml:Statements`.
        var ungrouped = false

        /// How messages name it: `statement group stmts1`, `the statement group at line 100 (no key)`.
        var name: String {
            if ungrouped { return "statement \(key ?? "at line \(span.firstLine)") (outside any lrml:Statements)" }
            return key.map { "statement group \($0)" } ?? "the statement group at line \(span.firstLine) (no key)"
        }
    }

    /// One `lrml:Association` (or `lrml:Context` applying a source to statements in scope).
    struct Association {
        var line: Int
        /// `appliesSource` key references with their lines.
        var sources: [(keyref: String, line: Int)]
        var targets: [String]
        /// What else it applies (`lrml:appliesModality`, `lrml:appliesAuthority` …), which ecca does not read.
        var unread: [String] = []
        /// The element that ties them, as messages name it: `lrml:Association`, or the `lrml:Context`
        /// whose `appliesSource` covers the statements `inScope`.
        var element = "lrml:Association"

    }

    let file: String
    let base: String?
    var prefixes: [String: String] = [:]
    var references: LegalRuleMLReferences
    var associations: [Association] = []
    var jurisdictions: [OfficialElement] = []
    var counts: [ImportSummary.Counter: Int] = [:]
    /// Whether the file has a statement group or a statement outside any (else there is nothing to import).
    private(set) var hasGroups = false
    /// Where a key is given: what has it (`elementNames`) and its line.
    private struct Place {
        var element: Int
        var line: Int
    }
    /// Every key a group or statement has, with the first place it is given…
    private var keys: [String: Place] = [:]
    /// …and, for the few keys given again, the later places.
    private var repeated: [String: [Place]] = [:]
    /// What has a key (`lrml:Statements`, `lrml:PrescriptiveStatement` …), each name once.
    private var elementNames: [String] = []
    /// What other statements say of a statement, by its key: overrides and reparations.
    private var relations: [String: [String]] = [:]
    private var diagnostics: [Diagnostic] = []
    /// The associations by the keys they name, made once the first pass is done (`beginWriting`).
    private var associationsByKey = AssociationIndex()

    init(file: String, base: String?) {
        self.file = file
        self.base = base
        references = LegalRuleMLReferences(file: file)
    }

    // MARK: - First pass: what the groups need

    mutating func define(_ element: OfficialElement) {
        counts[element.name == "LegalReference" ? .legalReferences : .legalSources, default: 0] += 1
        let key = LegalRuleMLKeyref.bare(element["refersTo"] ?? element["key"] ?? "")
        guard let refID = element["refID"] ?? element["sameAs"] else { return }
        if let warning = references.define(key, refID: refID, line: element.span.firstLine) { diagnostics.append(warning) }
    }

    mutating func associate(_ element: OfficialElement) {
        let sources = element.elements("appliesSource").compactMap { source in source["keyref"].map { (keyref: $0, line: source.span.firstLine) } }
        let unread = element.elements().filter { $0.name != "appliesSource" && $0.name != "toTarget" }.map { part in
            LegalRuleMLFormula.prefixed(part) + ((part["keyref"] ?? part["iri"]).map { " \($0)" } ?? "")
        }
        associations.append(Association(line: element.span.firstLine, sources: sources,
                                        targets: element.elements("toTarget").compactMap { $0["keyref"] }, unread: unread))
    }

    /// `lrml:Context`: the associations it holds, and its own `appliesSource` for the statements `inScope`.
    mutating func context(_ element: OfficialElement) {
        for association in element.all(where: { $0.name == "Association" }) { associate(association) }
        let sources = element.elements("appliesSource").compactMap { source in source["keyref"].map { (keyref: $0, line: source.span.firstLine) } }
        let scope = element.elements("inScope").compactMap { $0["keyref"] }
        if !sources.isEmpty, !scope.isEmpty { associations.append(Association(line: element.span.firstLine, sources: sources, targets: scope, element: "lrml:Context")) }
    }

    /// An `lrml:Statements` group, read for its counts, keys and ties and then let go. Read
    /// from its subtree as captured: only overrides and reparations are built as trees.
    mutating func index(group subtree: XMLSubtree) {
        hasGroups = true
        count(subtree)
        indexKeys(subtree, at: 0)
        indexTies(subtree, at: 0)
    }

    /// A statement outside any `lrml:Statements`, read for its counts, key and ties and let go.
    mutating func index(statement subtree: XMLSubtree) {
        count(subtree)
        hasGroups = true
        indexStatementKey(subtree, at: 0)
        if Self.tying.contains(subtree.root.name) { tie(OfficialElement(subtree, at: 0, file: file)) }
    }

    /// The element and every element below it that the summary counts.
    private mutating func count(_ subtree: XMLSubtree) {
        for node in subtree.nodes where node.kind == .element {
            if let counter = Self.counted(node.name) { counts[counter, default: 0] += 1 }
        }
    }

    static func counted(_ name: String) -> ImportSummary.Counter? {
        switch name {
        case "Rule": .rules
        case "PrescriptiveStatement": .prescriptiveStatements
        case "ConstitutiveStatement": .constitutiveStatements
        case "Obligation": .obligations
        case "Permission": .permissions
        case "Prohibition": .prohibitions
        case "PenaltyStatement": .penaltyStatements
        case "ReparationStatement": .reparationStatements
        case "Override": .overrides
        case "FactualStatement": .factualStatements
        default: nil
        }
    }

    /// The keys of a group and of what it holds, in document order: the walk `group(_:)` makes.
    private mutating func indexKeys(_ subtree: XMLSubtree, at index: Int) {
        if let key = subtree.attribute("key", of: index).map(LegalRuleMLKeyref.bare), !key.isEmpty {
            place(key, element: "lrml:Statements", line: subtree.nodes[index].firstLine)
        }
        for child in subtree.children(of: index) where subtree.nodes[child].kind == .element {
            let name = subtree.nodes[child].name
            if name == "Statements" {
                indexKeys(subtree, at: child)
            } else if LegalRuleMLFormula.statementKinds[name] != nil || name == "Override" {
                indexStatementKey(subtree, at: child)
            }
        }
    }

    /// A statement's key as `LegalRuleMLFormula.statement` reads it (a reparation statement
    /// without one has its `lrml:Reparation`'s).
    private mutating func indexStatementKey(_ subtree: XMLSubtree, at index: Int) {
        let node = subtree.nodes[index]
        var key = subtree.attribute("key", of: index) ?? ""
        if key.isEmpty, node.name == "ReparationStatement", let inner = subtree.child(named: "Reparation", of: index) {
            key = subtree.attribute("key", of: inner) ?? ""
        }
        key = LegalRuleMLKeyref.bare(key)
        if !key.isEmpty { place(key, element: LegalRuleMLFormula.prefixed(name: node.name, namespace: node.namespace), line: node.firstLine) }
    }

    private mutating func place(_ key: String, element: String, line: Int) {
        let named = elementNames.firstIndex(of: element) ?? { elementNames.append(element); return elementNames.count - 1 }()
        let place = Place(element: named, line: line)
        if keys[key] == nil { keys[key] = place } else { repeated[key, default: []].append(place) }
    }

    /// What a group's overrides and reparations say of other statements: its own statements'
    /// first (qualifications among them), then its groups', as the notes list them. Only the
    /// statements that can say something of others are read.
    private mutating func indexTies(_ subtree: XMLSubtree, at index: Int) {
        for child in subtree.children(of: index) where subtree.nodes[child].kind == .element {
            let statements = subtree.nodes[child].name == "hasQualification" ? Array(subtree.children(of: child)) : [child]
            for statement in statements where subtree.nodes[statement].kind == .element && Self.tying.contains(subtree.nodes[statement].name) {
                tie(OfficialElement(subtree, at: statement, file: file))
            }
        }
        for child in subtree.children(of: index) where subtree.nodes[child].kind == .element && subtree.nodes[child].name == "Statements" {
            indexTies(subtree, at: child)
        }
    }

    /// The statements whose `ties` can be non-empty (`LegalRuleMLFormula.statement`): overrides and reparations.
    private static let tying: Set<String> = ["Override", "OverrideStatement", "ReparationStatement"]

    private mutating func tie(_ element: OfficialElement) {
        guard let statement = LegalRuleMLFormula.statement(element) else { return }
        for tie in statement.ties { relations[tie.statement, default: []].append(tie.text) }
    }

    private static func groupKey(_ element: OfficialElement) -> String? {
        element["key"].map(LegalRuleMLKeyref.bare).flatMap { $0.isEmpty ? nil : $0 }
    }

    // MARK: - Second pass: groups read and rendered one at a time

    /// An `lrml:Statements` group as a provision will be written from it.
    static func group(_ element: OfficialElement) -> Group {
        var statements: [LegalRuleMLStatement] = []
        var children: [Group] = []
        for child in element.elements() {
            if child.name == "Statements" {
                children.append(group(child))
            } else if child.name == "hasQualification" {
                statements += child.elements().compactMap(LegalRuleMLFormula.statement)
            } else if let statement = LegalRuleMLFormula.statement(child) {
                statements.append(statement)
            }
        }
        let title = element.element("Comment").map(\.plainText).flatMap { $0.isEmpty ? nil : $0 }
        return Group(key: groupKey(element), span: element.span, title: title, statements: statements, children: children)
    }

    /// A statement outside any `lrml:Statements`, as a group of its own.
    static func ungrouped(_ element: OfficialElement) -> Group? {
        guard let statement = LegalRuleMLFormula.statement(element) else { return nil }
        return Group(key: statement.key.isEmpty ? nil : statement.key, span: element.span, title: nil,
                     statements: [statement], children: [], ungrouped: true)
    }

    // MARK: - Instrument

    /// The jurisdiction the file names: an `lrml:Jurisdiction` whose key or `sameAs` fragment is a
    /// country code (or EU), else the country of an Akoma Ntoso IRI it cites; "unknown" otherwise,
    /// never a default. The second value says, for the instrument's note, what was not read.
    func jurisdiction(act: String?) -> (String, String?) {
        var unread: [String] = []
        for element in jurisdictions {
            let named = [element["key"], element["sameAs"].map { String($0.split(separator: "#").last ?? "") }].compactMap { $0?.uppercased() }
            if let code = named.first(where: Jurisdictions.isValid) { return (code, nil) }
            unread.append(element["sameAs"] ?? element["key"] ?? "?")
        }
        let iris = [act].compactMap { $0 } + references.allRefIDs
        if let akn = iris.first(where: { $0.hasPrefix("/akn/") }), let country = akn.split(separator: "/").dropFirst().first {
            let code = country.uppercased()
            if Jurisdictions.isValid(code) { return (code, nil) }
        }
        let said = unread.isEmpty ? "The file names no jurisdiction" : "The file names its jurisdiction as \(unread.joined(separator: ", ")), which is no country code ecca reads"
        return ("unknown", "\(said): the jurisdiction is recorded as unknown.")
    }

    // MARK: - Writing

    /// What comes before the first group: the warnings of the first pass, and every key given
    /// twice (both places named). Indexes the associations for the groups.
    mutating func beginWriting(into emitter: ImportEmitter) {
        for diagnostic in diagnostics { emitter.report(diagnostic) }
        diagnostics = []
        for (key, later) in repeated.sorted(by: { keys[$0.key]!.line < keys[$1.key]!.line }) {
            let first = keys[key]!
            for place in later {
                emitter.report(Diagnostic(.warning, "the key \(key) is given again, to the \(elementNames[place.element]) here, after the \(elementNames[first.element]) at "
                                          + "\(SourceLocation(file: file, line: first.line)): associations and overrides that name it cannot tell "
                                          + "which is meant, and no citation is made through it", at: SourceLocation(file: file, line: place.line)))
            }
        }
        associationsByKey = associationIndex()
    }

    /// One group (with the groups within it) cited, rendered and handed on.
    func write(_ group: Group, into emitter: ImportEmitter) throws(OfficialImportError) {
        try write(group, parent: nil, into: emitter)
    }

    /// What comes after the last group: associations that apply what ecca does not read, and
    /// those whose targets are no key of the file (they tie nothing), said where they are.
    func finishWriting(into emitter: ImportEmitter) {
        for association in associations {
            if !association.unread.isEmpty {
                emitter.report(Diagnostic(.warning, "the \(association.element) here applies \(association.unread.joined(separator: ", ")), which ecca does not "
                                          + "read, to \(CountedNoun("target")(association.targets.count))",
                                          at: SourceLocation(file: file, line: association.line)))
            }
            for target in association.targets where !association.sources.isEmpty {
                let local = LegalRuleMLKeyref.local(target, prefixes: prefixes)
                if keys[local] != nil {
                    guard let foreign = LegalRuleMLKeyref.foreignDocument(target, prefixes: prefixes, file: file, base: base) else { continue }
                    emitter.report(Diagnostic(.warning, "the \(association.element) here names the target \(target.trimmingCharacters(in: .whitespaces)) in the "
                                              + "document \(foreign), which is neither this file's name nor its xml:base: read as this file's key \(local)",
                                              at: SourceLocation(file: file, line: association.line)))
                    continue
                }
                let why = "which no statement or statement group in the file has"
                emitter.report(Diagnostic(.warning, "the \(association.element) here names the target \(target.trimmingCharacters(in: .whitespaces)), \(why): "
                                          + "it ties nothing to a legal reference", at: SourceLocation(file: file, line: association.line)))
            }
        }
    }

    /// Each association's targets read as this file's keys once, and the associations that name
    /// each key: a group looks up its own keys instead of reading every target of every
    /// association (rioKB_GDPR.xml has one association with 3,086 targets and 501 groups).
    private struct AssociationIndex {
        /// Per association, its targets that are keys of this file, in its order.
        var locals: [[String]] = []
        /// Key → the associations that name it, in document order.
        var naming: [String: [Int]] = [:]
    }

    private func associationIndex() -> AssociationIndex {
        var index = AssociationIndex()
        for (position, association) in associations.enumerated() {
            let locals = association.targets.map { LegalRuleMLKeyref.local($0, prefixes: prefixes) }
            index.locals.append(locals)
            for key in Set(locals) { index.naming[key, default: []].append(position) }
        }
        return index
    }

    private func write(_ group: Group, parent: (canonical: String, idPath: [String])?, into emitter: ImportEmitter) throws(OfficialImportError) {
        let place = SourceLocation(file: file, line: group.span.firstLine)
        let ownKey = group.key ?? "line_\(group.span.firstLine)"
        // A provision needs wording (`ecca validate`): a group with nothing in it is reported, not written.
        guard !group.statements.isEmpty || !group.children.isEmpty else {
            emitter.report(Diagnostic(.warning, "\(group.name) holds no statement ecca can write: not imported", at: place, subject: ownKey))
            emitter.count(.unwrittenGroups)
            return
        }
        var uncertain: [Note] = []
        var cited: [(refID: String, reading: LegalRuleMLCitation)] = []
        var tied = false
        let targets = Set(([group.key] + group.statements.map(\.key)).compactMap { $0 }.filter { !$0.isEmpty })
        var seenSources: Set<String> = []
        for position in Set(targets.flatMap { associationsByKey.naming[$0] ?? [] }).sorted() {
            let association = associations[position]
            let named = associationsByKey.locals[position].filter(targets.contains)
            guard !named.isEmpty else { continue }
            tied = true
            if let duplicate = named.first(where: { repeated[$0] != nil }), let first = keys[duplicate] {
                let lines = ([first] + repeated[duplicate]!).map { String($0.line) }.joined(separator: " and ")
                uncertain.append(Note(kind: .unresolved, text: "Which provision \(group.name) encodes is uncertain: the lrml:Association at line "
                                      + "\(association.line) names the key \(duplicate), which the file gives to more than one element (lines \(lines)). "
                                      + "It is cited by its own key."))
                emitter.report(Diagnostic(.warning, "\(group.name) is named by the lrml:Association at line \(association.line) through the key "
                                          + "\(duplicate), which the file gives to more than one element: cited by its own key", at: place, subject: ownKey))
                continue
            }
            for source in association.sources {
                let key = LegalRuleMLKeyref.local(source.keyref, prefixes: prefixes)
                guard seenSources.insert(key).inserted else { continue }
                let at = SourceLocation(file: file, line: source.line)
                switch references.resolve(key) {
                case .resolved(let refID):
                    cited.append((refID, LegalRuleMLCitation.read(refID, prefixes: prefixes)))
                case .ambiguous(let candidates):
                    let readings = candidates.map { "\(LegalRuleMLCitation.read($0.refID, prefixes: prefixes).citation) (\($0.refID), line \($0.line))" }
                    uncertain.append(Note(kind: .unresolved, text: "Which provision \(group.name) encodes is uncertain: its "
                                          + "lrml:Association names the legal reference key \(key), which the file defines "
                                          + "more than once, as \(readings.joined(separator: " and as ")). It is cited by its own key, not by either."))
                    emitter.report(Diagnostic(.warning, "\(group.name) is tied to the legal reference key \(key), "
                                              + "which names \(candidates.map(\.refID).joined(separator: " and ")): cited by its own key",
                                              at: at, subject: ownKey))
                case .undefined:
                    uncertain.append(Note(kind: .unresolved, text: "The lrml:Association of \(group.name) names the legal "
                                          + "reference key \(key), which no lrml:LegalReference in the file defines. It is "
                                          + "cited by its own key."))
                    emitter.report(Diagnostic(.warning, "\(group.name) is tied to the legal reference key \(key), "
                                              + "which no lrml:LegalReference defines: cited by its own key", at: at, subject: ownKey))
                }
            }
        }
        if !tied {
            uncertain.append(Note(kind: .unresolved, text: "No lrml:Association ties \(group.name) to a legal reference."))
            emitter.report(Diagnostic(.warning, "no lrml:Association ties \(group.name) to a legal reference: cited by its own key",
                                      at: place, subject: ownKey))
        }
        // Cited by its reference only when every reference tied to it is certain: an ambiguous
        // key could be the one the group encodes, and ecca does not guess which.
        let primary = uncertain.isEmpty ? cited.first : nil
        var canonical = ownKey
        var citation = "LegalRuleML " + (group.key ?? "statement group at line \(group.span.firstLine)")
        if let primary {
            canonical = primary.reading.canonical ?? ownKey
            citation = primary.reading.citation
            if let problem = primary.reading.problem {
                uncertain.append(Note(kind: .unresolved, text: "The legal reference of \(group.name) is not read with certainty: \(problem)."))
                emitter.report(Diagnostic(.warning, "\(group.name): \(problem)", at: place, subject: ownKey))
                emitter.count(.unreadReferences)
            }
        } else {
            emitter.count(.uncitedStatementGroups)
        }

        var notes: [Note] = group.statements.map { statement in note(statement, relations: relations[statement.key] ?? []) }
        if !cited.isEmpty {
            notes.append(Note(kind: .editorial, text: "\(CountedNoun("Legal reference").noun(for: cited.count)): " + cited.map(\.reading.resolved).joined(separator: "; ")))
        }
        for statement in group.statements {
            if statement.isDefeater { emitter.count(.defeaters) }
            for element in statement.unmodelled {
                emitter.count(.unmodelledElements)
                let what = element.standard ? "is not modelled by ecca" : "is no LegalRuleML or RuleML element ecca knows"
                let named = statement.key.isEmpty ? "a \(statement.kind.rawValue) statement" : "statement \(statement.key)"
                uncertain.append(Note(kind: .unresolved, text: "In \(named), \(element.name) (line \(element.line)) \(what): "
                                      + "the wording shows it as written, \(element.shownAs), and its meaning is not read."))
                emitter.report(Diagnostic(.warning, "\(element.name) in \(named) \(what): shown as written (\(element.shownAs)), "
                                          + "its meaning not read", at: SourceLocation(file: file, line: element.line), subject: ownKey))
            }
        }
        notes += uncertain
        var wording = group.statements.map(\.rendered).joined(separator: " ")
        if wording.isEmpty, !group.children.isEmpty {
            wording = "Statement group holding the \(CountedNoun("group").noun(for: group.children.count)) "
                + group.children.map { $0.key ?? "at line \($0.span.firstLine)" }.joined(separator: ", ") + "."
        }
        let segment = CanonicalIDs.idSegment(canonical.replacingFirst("art_", with: "art"))
        let idPath = (parent?.idPath ?? []) + [segment]
        let pointer = group.ungrouped ? "*[@key='\(group.key ?? "")']" : group.key.map { "lrml:Statements[@key='\($0)']" } ?? "lrml:Statements"
        try emitter.add(ImportedProvision(
            canonicalID: canonical, sourceID: primary.map { _ in cited.map(\.refID).joined(separator: " ") } ?? group.key,
            idPath: idPath, level: .ruleGroup, parentID: parent?.canonical,
            citation: citation, heading: (group.key.map { "LegalRuleML \($0)" } ?? "LegalRuleML statement group") + (group.title.map { ": \($0)" } ?? ""),
            wording: wording, span: group.span.with(pointer: pointer), evidence: .secondary, wordingKind: .paraphrase,
            notes: notes, statements: group.statements))
        for child in group.children { try write(child, parent: (canonical, idPath), into: emitter) }
    }

    private func note(_ statement: LegalRuleMLStatement, relations: [String]) -> Note {
        let modality = statement.modalities.isEmpty ? "no deontic modality" : statement.modalities.map(\.rawValue).joined(separator: ", ")
        let iris = statement.modalityIRIs.isEmpty ? "" : " (\(statement.modalityIRIs.joined(separator: ", ")))"
        let named = statement.key.isEmpty ? "" : " \(statement.key)"
        var text: String
        switch statement.kind {
        case .prescriptive, .constitutive:
            text = "LegalRuleML \(statement.kind.rawValue) statement\(named): \(modality)\(iris); \(ImportSummary.Counter.rules.noun(statement.ruleCount))."
        case .penalty:
            text = "LegalRuleML penalty statement\(named) (a sanction): \(modality)\(iris)."
        case .override, .reparation:
            text = "LegalRuleML \(statement.kind.rawValue) statement\(named): the wording says what it ties together; the statements it names are "
                + "written as they are, each with a note that names it."
        case .factual:
            text = "LegalRuleML factual statement\(named): a fact the encoding states, not a rule."
        }
        if statement.isDefeater { text += " A defeater: it only blocks a contrary conclusion and concludes nothing itself." }
        let strengths = Set(statement.rules.compactMap(\.strength)).subtracting([.defeater])
        if !strengths.isEmpty { text += " Strength: \(strengths.map(\.rawValue).sorted().joined(separator: ", "))." }
        for relation in relations { text += " " + relation }
        return Note(kind: .editorial, text: text)
    }
}
