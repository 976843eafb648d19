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
/// references and keys may come anywhere in the file, so groups are held, read and rendered, until
/// its end and only then cited and written. What ecca does not model is shown as written, warned of
/// and counted; nothing read is dropped silently.
struct LegalRuleMLAdapter: OfficialAdapter {
    let options: ImportOptions

    /// Counters the summary always shows (the others only when the file has any).
    private static let alwaysShown: [ImportSummary.Counter] = [.rules, .prescriptiveStatements, .constitutiveStatements, .obligations,
                                                                .permissions, .prohibitions, .legalReferences]

    func read(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError) {
        var document = LegalRuleMLDocument(file: stream.file, base: root["xml:base"])
        while let event = try stream.next() {
            guard case .start(let start) = event else { continue }
            switch start.name {
            case "Prefix":
                if let name = start["pre"], let value = start["refID"] { document.prefixes[name] = value }
                try stream.skip(start)
            case "LegalReference", "LegalSource":
                document.define(try stream.capture(start))
            case "Association":
                document.associate(try stream.capture(start))
            case "Context":
                document.context(try stream.capture(start))
            case "Jurisdiction":
                document.jurisdictions.append(try stream.capture(start))
            case "Statements":
                document.add(try stream.capture(start))
            case _ where LegalRuleMLFormula.statementKinds[start.name] != nil:
                document.addUngrouped(try stream.capture(start))
            default:
                if let counter = LegalRuleMLDocument.counted(start.name) { document.counts[counter, default: 0] += 1 }
            }
        }
        guard !document.groups.isEmpty else { throw .nothingToImport(file: stream.file, dialect: .legalruleml) }
        try emitter.begin(instrument(document))
        for counter in Self.alwaysShown { emitter.count(counter, by: 0) }
        for (counter, amount) in document.counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { emitter.count(counter, by: amount) }
        try document.write(into: emitter)
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
