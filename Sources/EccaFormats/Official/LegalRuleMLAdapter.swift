import ClauseGraph
import EccaXML
import Foundation

/// OASIS LegalRuleML (`lrml:LegalRuleML`): statements (`lrml:PrescriptiveStatement`,
/// `lrml:ConstitutiveStatement`) holding `ruleml:Rule`s read as if/then, their deontic
/// modalities (`lrml:Obligation`, `lrml:Permission`, `lrml:Prohibition`), and the legal provisions
/// they encode: `lrml:Associations` tie each `lrml:Statements` group to `lrml:LegalReference`s whose
/// `refID` (`GDPR:art_6__para_1__content__list_1__point_a`) is resolved through `lrml:Prefix`.
///
/// Each statement group becomes one provision of the encoded act, its wording the rules as
/// formulas (a paraphrase, evidence secondary: it is an encoding, not the legal text), with the
/// modalities kept on the imported value. Every element the summary reports is counted as read.
struct LegalRuleMLAdapter: OfficialAdapter {
    let options: ImportOptions

    private static let counted: [String: ImportSummary.Counter] = [
        "Rule": .rules, "PrescriptiveStatement": .prescriptiveStatements, "ConstitutiveStatement": .constitutiveStatements,
        "Obligation": .obligations, "Permission": .permissions, "Prohibition": .prohibitions, "LegalReference": .legalReferences,
    ]

    func read(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError) {
        var prefixes: [String: String] = [:]
        var references = LegalRuleMLReferences(file: stream.file)
        var associations: [String: [Association]] = [:]  // statements key → the reference keys tied to it
        var sawAssociations = false
        var buffered: [OfficialElement] = []
        var begun = false
        var groups = 0

        func begin() throws(OfficialImportError) {
            guard !begun else { return }
            begun = true
            try emitter.begin(instrument(prefixes: prefixes, file: stream.file))
            for counter in Self.counted.values { emitter.count(counter, by: 0) }
        }

        while let event = try stream.next() {
            guard case .start(let start) = event else { continue }
            switch start.name {
            case "Prefix":
                if let name = start["pre"], let value = start["refID"] { prefixes[name] = value }
                try stream.skip(start)
            case "LegalReferences":
                let element = try stream.capture(start)
                try begin()
                for reference in element.all(where: { $0.name == "LegalReference" }) {
                    let key = reference["refersTo"] ?? reference["key"] ?? ""
                    guard let refID = reference["refID"] else { continue }
                    if let warning = references.define(key, refID: refID, line: reference.span.firstLine) { emitter.report(warning) }
                }
                emitter.count(.legalReferences, by: element.all(where: { $0.name == "LegalReference" }).count)
            case "Associations":
                sawAssociations = true
                let element = try stream.capture(start)
                for association in element.all(where: { $0.name == "Association" }) {
                    let sources = association.elements("appliesSource").compactMap { source in
                        source["keyref"].map { Association(key: Self.key($0), line: source.span.firstLine) }
                    }
                    for target in association.elements("toTarget").compactMap({ $0["keyref"].map(Self.key) }) {
                        associations[target, default: []] += sources
                    }
                }
            case "Statements":
                let group = try stream.capture(start)
                try begin()
                count(group, into: emitter)
                groups += 1
                if sawAssociations {
                    try emit(group, prefixes: prefixes, references: references, associations: associations, into: emitter)
                } else {
                    buffered.append(group)
                }
            default:
                if let counter = Self.counted[start.name] {
                    try begin()
                    emitter.count(counter)
                }
            }
        }
        for group in buffered {
            try emit(group, prefixes: prefixes, references: references, associations: associations, into: emitter)
        }
        if groups == 0 { throw .nothingToImport(file: stream.file, dialect: .legalruleml) }
    }

    /// A legal reference key an `lrml:Association` ties a statement group to (`appliesSource`), with its line.
    private struct Association {
        var key: String
        var line: Int
    }

    /// `#statements1` → `statements1`.
    private static func key(_ reference: String) -> String {
        reference.hasPrefix("#") ? String(reference.dropFirst()) : reference
    }

    private func count(_ group: OfficialElement, into emitter: ImportEmitter) {
        var counts: [ImportSummary.Counter: Int] = [:]
        for element in group.all(where: { Self.counted[$0.name] != nil }) { counts[Self.counted[element.name]!, default: 0] += 1 }
        for (counter, amount) in counts { emitter.count(counter, by: amount) }
    }

    private func instrument(prefixes: [String: String], file: String) -> ImportedInstrument {
        // The prefix whose refID is an Akoma Ntoso FRBR URI names the act encoded.
        let act = prefixes.sorted { $0.key < $1.key }.first { $0.value.hasPrefix("/akn/") }
        let name = act?.key ?? "lrml"
        var officialIDs: [Instrument.OfficialID] = []
        if let act { officialIDs.append(.init(scheme: "other", value: "AKN FRBR \(act.value)")) }
        let jurisdiction = act.flatMap { $0.value.split(separator: "/").dropFirst().first.map { $0.uppercased() } } ?? "EU"
        return ImportedInstrument(
            id: options.instrumentID ?? "lrml.\(CanonicalIDs.idSegment(name.lowercased()))", dialect: .legalruleml, variant: "legalruleml",
            title: "LegalRuleML encoding of \(name) (\(FormexAdapter.name(of: file)))", jurisdiction: jurisdiction, kind: .other,
            officialIDs: officialIDs,
            notes: [Note(kind: .editorial, text: "Imported by ecca from the LegalRuleML file \(FormexAdapter.name(of: file)): one provision per statement group, its wording the rules as formulas (IF condition THEN conclusion), the deontic modality of each statement in a note. A third-party encoding, not the legal text: evidence secondary, wording a paraphrase.")],
            file: file)
    }

    // MARK: - Statements

    private func emit(_ group: OfficialElement, prefixes: [String: String], references: LegalRuleMLReferences,
                      associations: [String: [Association]], into emitter: ImportEmitter) throws(OfficialImportError) {
        let key = group["key"] ?? "statements"
        let statements = group.elements().compactMap(Self.statement)
        let tied = associations[key] ?? []
        var refIDs: [String] = []
        var uncertain: [Note] = []
        for association in tied {
            let place = SourceLocation(file: group.span.file, line: association.line)
            switch references.resolve(association.key) {
            case .resolved(let refID):
                refIDs.append(refID)
            case .ambiguous(let candidates):
                let named = candidates.map { "\(Self.citation(ofRefID: $0.refID)) (\($0.refID), line \($0.line))" }
                uncertain.append(Note(kind: .unresolved, text: "Which provision statement group \(key) encodes is uncertain: its "
                                      + "lrml:Association names the legal reference key \(association.key), which the file defines "
                                      + "more than once, as \(named.joined(separator: " and as ")). It is cited by its own key, not by either."))
                emitter.report(Diagnostic(.warning, "statement group \(key) is tied to the legal reference key \(association.key), "
                                          + "which names \(candidates.map(\.refID).joined(separator: " and ")): cited by its own key",
                                          at: place, subject: key))
            case .undefined:
                uncertain.append(Note(kind: .unresolved, text: "The lrml:Association of statement group \(key) names the legal "
                                      + "reference key \(association.key), which no lrml:LegalReference in the file defines. It is "
                                      + "cited by its own key."))
                emitter.report(Diagnostic(.warning, "statement group \(key) is tied to the legal reference key \(association.key), "
                                          + "which no lrml:LegalReference defines: cited by its own key", at: place, subject: key))
            }
        }
        if tied.isEmpty {
            uncertain.append(Note(kind: .unresolved, text: "No lrml:Association ties statement group \(key) to a legal reference."))
            emitter.report(Diagnostic(.warning, "no lrml:Association ties statement group \(key) to a legal reference: cited by its own key",
                                      at: SourceLocation(file: group.span.file, line: group.span.firstLine), subject: key))
        }
        // Cited by its reference only when every reference tied to it is certain: an ambiguous
        // key could be the one the group encodes, and ecca does not guess which.
        let primary = uncertain.isEmpty ? refIDs.first : nil
        var canonical = key
        var citation = "LegalRuleML \(key)"
        if let primary {
            canonical = Self.canonical(fromEId: Self.split(primary).1)
            citation = Self.citation(ofRefID: primary)
        } else {
            emitter.count(.uncitedStatementGroups)
        }
        var notes: [Note] = statements.map { statement in
            let modality = statement.modalities.isEmpty ? "no deontic modality" : statement.modalities.map(\.rawValue).joined(separator: ", ")
            let iris = statement.modalityIRIs.isEmpty ? "" : " (\(statement.modalityIRIs.joined(separator: ", ")))"
            return Note(kind: .editorial, text: "LegalRuleML \(statement.kind.rawValue) statement \(statement.key): \(modality)\(iris); \(statement.ruleCount) rule\(statement.ruleCount == 1 ? "" : "s").")
        }
        let resolved = refIDs.map { refID -> String in
            let (prefix, local) = Self.split(refID)
            return prefixes[prefix].map { $0 + local } ?? refID
        }
        if !resolved.isEmpty { notes.append(Note(kind: .editorial, text: "Legal reference\(resolved.count == 1 ? "" : "s"): " + resolved.joined(separator: "; "))) }
        notes += uncertain
        try emitter.add(ImportedProvision(
            canonicalID: canonical, sourceID: primary == nil ? key : refIDs.joined(separator: " "),
            idPath: [CanonicalIDs.idSegment(canonical.replacingFirst("art_", with: "art"))], level: .ruleGroup, parentID: nil,
            citation: citation, heading: "LegalRuleML \(key)", wording: statements.map(\.rendered).joined(separator: " "),
            span: group.span.with(pointer: "lrml:Statements[@key='\(key)']"), evidence: .secondary, wordingKind: .paraphrase,
            notes: notes, statements: statements))
    }

    /// `GDPR:art_6__para_1__content__list_1__point_a` → `GDPR Art. 6(1)(a)`.
    static func citation(ofRefID refID: String) -> String {
        let (prefix, local) = split(refID)
        return "\(prefix.isEmpty ? "" : prefix + " ")\(citation(fromCanonical: canonical(fromEId: local)))"
    }

    /// `GDPR:art_6__para_1` → (`GDPR`, `art_6__para_1`).
    static func split(_ refID: String) -> (String, String) {
        guard let colon = refID.firstIndex(of: ":"), !refID[..<colon].contains("/") else { return ("", refID) }
        return (String(refID[..<colon]), String(refID[refID.index(after: colon)...]))
    }

    /// The AKN eId of the encoded act without the containers ecca's canonical ids leave out
    /// (`content`, `list_N`, `intro`): `art_6__para_1__content__list_1__point_a` → `art_6__para_1__point_a`.
    static func canonical(fromEId eId: String) -> String {
        let kept = eId.components(separatedBy: "__").filter { part in
            !(part == "content" || part.hasPrefix("list_") || part.hasPrefix("intro") || part.hasPrefix("wrap") || part.isEmpty)
        }
        return kept.joined(separator: "__")
    }

    /// `art_6__para_1__point_a` → `Art. 6(1)(a)`.
    static func citation(fromCanonical canonical: String) -> String {
        var text = ""
        for part in canonical.components(separatedBy: "__") {
            let pieces = part.split(separator: "_", maxSplits: 1)
            guard pieces.count == 2 else { text += (text.isEmpty ? "" : " ") + part; continue }
            switch pieces[0] {
            case "art": text += (text.isEmpty ? "" : " ") + "Art. \(pieces[1])"
            case "chp": text += (text.isEmpty ? "" : " ") + "Chapter \(pieces[1])"
            case "subpara": text += ", subparagraph \(pieces[1])"
            default: text += "(\(pieces[1]))"
            }
        }
        return text
    }

    // MARK: - Rules as formulas

    static func statement(_ element: OfficialElement) -> LegalRuleMLStatement? {
        let kind: LegalRuleMLStatement.Kind
        switch element.name {
        case "PrescriptiveStatement": kind = .prescriptive
        case "ConstitutiveStatement": kind = .constitutive
        default: return nil
        }
        let rules = element.all(where: { $0.name == "Rule" })
        let modalElements = element.all(where: { ["Obligation", "Permission", "Prohibition"].contains($0.name) })
        let modalities: [LegalRuleMLStatement.Modality] = modalElements.compactMap { LegalRuleMLStatement.Modality(rawValue: $0.name.lowercased()) }
        let rule = rules.first
        let condition = rule?.element("if").map { render($0.elements()) } ?? ""
        let conclusion = rule?.element("then").map { render($0.elements()) } ?? render(element.elements())
        return LegalRuleMLStatement(key: element["key"] ?? "", kind: kind, modalities: modalities,
                                    modalityIRIs: modalElements.compactMap { $0["iri"] }, condition: condition,
                                    conclusion: conclusion, ruleCount: rules.count)
    }

    private static func render(_ elements: [OfficialElement]) -> String {
        elements.map(render).joined(separator: " ∧ ")
    }

    private static func render(_ element: OfficialElement) -> String {
        switch element.name {
        case "And": return "(" + element.elements().map(render).joined(separator: " ∧ ") + ")"
        case "Or": return "(" + element.elements().map(render).joined(separator: " ∨ ") + ")"
        case "Naf": return "not " + render(element.elements())
        case "Neg": return "¬" + render(element.elements())
        case "Obligation", "Permission", "Prohibition", "SuborderList":
            return "\(element.name)[\(render(element.elements()))]"
        case "Atom":
            let relation = element.element("Rel").map { $0["iri"] ?? $0.plainText } ?? "?"
            let arguments = element.elements().filter { $0.name != "Rel" }.map(render)
            return "\(relation)(\(arguments.joined(separator: ", ")))"
        case "Expr":
            let function = element.element("Fun").map { $0["iri"] ?? $0.plainText } ?? "?"
            let arguments = element.elements().filter { $0.name != "Fun" }.map(render)
            return "\(function)(\(arguments.joined(separator: ", ")))"
        case "Var":
            let text = element.plainText
            if !text.isEmpty { return text }
            return (element["keyref"] ?? element["key"] ?? "?").trimmingPrefix(":")
        case "Ind", "Data": return element["iri"] ?? element.plainText
        case "slot", "arg": return render(element.elements())
        default: return element.elements().isEmpty ? element.plainText : render(element.elements())
        }
    }
}

private extension String {
    func trimmingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
