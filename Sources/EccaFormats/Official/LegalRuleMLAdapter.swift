import ClauseGraph
import EccaXML
import Foundation

/// OASIS LegalRuleML (`lrml:LegalRuleML`): statements (prescriptive, constitutive, penalty,
/// reparation, override, factual) with their `ruleml:Rule`s read as if/then, their deontic
/// modalities (`lrml:Obligation`, `lrml:Permission`, `lrml:Prohibition`), and the legal provisions
/// they encode: `lrml:Association`s tie statement groups or statements to `lrml:LegalReference`s or
/// `lrml:LegalSource`s whose `refID` (`GDPR:art_6__para_1__content__list_1__point_a`, an AKN IRI, an
/// ELI) names a provision.
///
/// Each `lrml:Statements` group (nested ones too, as provisions within their group) and each
/// statement outside a group becomes one provision, its wording the statements as formulas (a
/// paraphrase, evidence secondary: it is an encoding, not the legal text). Associations, legal
/// references, keys and overrides may come anywhere in the file, before or after the statements
/// they concern, so the file is read twice: a first pass keeps only what the groups need
/// (`LegalRuleMLDocument`), the second reads, renders and hands on each group as soon as it is
/// complete. Memory grows with the keys and associations, not with the statements. What ecca does
/// not model is shown as written, warned of and counted; nothing read is dropped silently.
struct LegalRuleMLAdapter: OfficialAdapter {
    let options: ImportOptions

    /// Counters the summary always shows (the others only when the file has any).
    private static let alwaysShown: [ImportSummary.Counter] = [.rules, .prescriptiveStatements, .constitutiveStatements, .obligations,
                                                                .permissions, .prohibitions, .legalReferences]

    /// What the top level of a LegalRuleML file holds, as both passes read it.
    private enum Part {
        case prefix(name: String, refID: String)
        case reference(OfficialElement)
        case association(OfficialElement)
        case context(OfficialElement)
        case jurisdiction(OfficialElement)
        /// Captured by the caller, as a subtree (first pass) or a tree (second).
        case group(XMLElementStart)
        case statement(XMLElementStart)
        case counted(ImportSummary.Counter)
    }

    func read(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError) {
        var document = LegalRuleMLDocument(file: stream.file, base: root["xml:base"])
        // First pass, on a reader of its own: a file malformed or cut off anywhere fails here,
        // before anything is handed on.
        try OfficialStream.read(stream.file, readingAhead: true, unitLimit: stream.unitLimit) { (first, _) throws(OfficialImportError) in
            while let part = try Self.next(first, metadata: true) {
                switch part {
                case .prefix(let name, let refID): document.prefixes[name] = refID
                case .reference(let element): document.define(element)
                case .association(let element): document.associate(element)
                case .context(let element): document.context(element)
                case .jurisdiction(let element): document.jurisdictions.append(element)
                case .group(let start): document.index(group: try first.captureSubtree(start))
                case .statement(let start): document.index(statement: try first.captureSubtree(start))
                case .counted(let counter): document.counts[counter, default: 0] += 1
                }
            }
        }
        guard document.hasGroups else { throw .nothingToImport(file: stream.file, dialect: .legalruleml) }
        try emitter.begin(instrument(document))
        for counter in Self.alwaysShown { emitter.count(counter, by: 0) }
        for (counter, amount) in document.counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { emitter.count(counter, by: amount) }
        document.beginWriting(into: emitter)
        // Second pass: each group read, rendered and handed on, then let go.
        while let part = try Self.next(stream, metadata: false) {
            switch part {
            case .group(let start): try document.write(LegalRuleMLDocument.group(try stream.capture(start)), into: emitter)
            case .statement(let start):
                if let group = LegalRuleMLDocument.ungrouped(try stream.capture(start)) { try document.write(group, into: emitter) }
            default: break
            }
        }
        document.finishWriting(into: emitter)
    }

    /// The next part of the file: each element captured whole, but groups and statements, which
    /// the caller captures (`metadata` false: only groups and statements; the rest is skipped
    /// unread). Both passes take the same elements whole, so a group inside an `lrml:Context` is
    /// no group in either.
    private static func next(_ stream: OfficialStream, metadata: Bool) throws(OfficialImportError) -> Part? {
        while let event = try stream.next() {
            guard case .start(let start) = event else { continue }
            switch start.name {
            case "Prefix":
                try stream.skip(start)
                if metadata, let name = start["pre"], let value = start["refID"] { return .prefix(name: name, refID: value) }
            case "LegalReference", "LegalSource", "Association", "Context", "Jurisdiction":
                guard metadata else { try stream.skip(start); continue }
                let element = try stream.capture(start)
                switch start.name {
                case "Association": return .association(element)
                case "Context": return .context(element)
                case "Jurisdiction": return .jurisdiction(element)
                default: return .reference(element)
                }
            case "Statements":
                return .group(start)
            case _ where LegalRuleMLFormula.statementKinds[start.name] != nil:
                return .statement(start)
            default:
                if metadata, let counter = LegalRuleMLDocument.counted(start.name) { return .counted(counter) }
            }
        }
        return nil
    }

    private func instrument(_ document: LegalRuleMLDocument) -> ImportedInstrument {
        // The prefix whose refID is an Akoma Ntoso FRBR URI names the act encoded.
        let act = document.prefixes.sorted { $0.key < $1.key }.first { $0.value.hasPrefix("/akn/") }
        let file = SourceFileName.name(of: document.file)
        let name = act?.key ?? SourceFileName.stem(of: document.file)
        var officialIDs: [Instrument.OfficialID] = []
        if let act { officialIDs.append(.init(scheme: "other", value: "AKN FRBR \(act.value)")) }
        var notes = [Note(kind: .editorial, text: "Imported by ecca from the LegalRuleML file \(file): one provision per statement group (and per statement outside any group), its wording the statements as formulas (IF condition THEN conclusion), the deontic modality of each statement in a note. A third-party encoding, not the legal text: evidence secondary, wording a paraphrase.")]
        let (jurisdiction, why) = document.jurisdiction(act: act?.value)
        if let why { notes.append(Note(kind: .editorial, text: why)) }
        return ImportedInstrument(
            id: options.instrumentID ?? "lrml.\(CanonicalIDs.idSegment(name.lowercased()))", dialect: .legalruleml, variant: "legalruleml",
            title: "LegalRuleML encoding of \(name) (\(file))", jurisdiction: jurisdiction, kind: .other,
            officialIDs: officialIDs, notes: notes, file: document.file)
    }
}
