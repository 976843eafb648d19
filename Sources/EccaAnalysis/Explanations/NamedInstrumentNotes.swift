import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// Notes on instruments a request names (is-informed letters) whose norms name another model
    /// than the request's: such a letter does not apply, and a verdict that is clear only because
    /// "Orion 7" or "orion-7" is not "Orion-7" must not pass unnoticed (spaces around a name are
    /// not part of it: the request reader drops them).
    func namedInstrumentNotes(_ request: DisclosureRequest) -> [String] {
        guard let named = request.instruments, !named.isEmpty else { return [] }
        let model = request.model?.name
        var notes: [String] = []
        for id in named {
            guard let instrument = graph.instruments[id], let names = modelNames[id], !names.contains(where: { $0 == model }) else { continue }
            let quoted = names.map { "'\($0)'" }.joined(separator: " or ")
            guard let model else {
                notes.append("the request names \(instrument.title), which applies to the model \(quoted), but gives no model name, so the letter does not apply")
                continue
            }
            notes.append("the request names \(instrument.title), which applies to the model \(quoted)" + Self.mismatch(of: model, as: "the request's model", names: names))
        }
        return notes
    }

    /// Why a letter that applies to the models `names` does not apply to `model`, said after
    /// "which applies to the model …": a name written another way ("Orion 7", "orion-7") is
    /// likely a typo, a longer one a version or variant the letter may reach.
    static func mismatch(of model: String, as what: String, names: [String]) -> String {
        let normalized = comparableName
        let quoted = names.map { "'\($0)'" }.joined(separator: " or ")
        if names.contains(where: { normalized($0) == normalized(model) }) {
            return "; \(what) '\(model)' differs only in case, spaces or punctuation, so the letter does not apply: is the name mistyped?"
        } else if names.contains(where: { !normalized($0).isEmpty && normalized(model).hasPrefix(normalized($0)) }) {
            return "; \(what) '\(model)' begins with that name, so the letter does not apply as written: if the model is a version or variant of \(quoted), check whether the letter reaches it"
        }
        return ", not to '\(model)', so the letter does not apply"
    }

    /// A name as compared with another written another way: its letters and digits only, in lower
    /// case ("Orion 7", "orion_7" and "Orion-7" are one name written three ways).
    static func comparableName(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
