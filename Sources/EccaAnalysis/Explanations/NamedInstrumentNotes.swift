import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// Notes on instruments a request names (is-informed letters) whose norms name another model
    /// than the request's: such a letter does not apply, and a verdict that is clear only because
    /// "Orion-7b" or "Оrion-7" (a Cyrillic О) is not "Orion-7" must not pass unnoticed. "Orion 7"
    /// and "orion-7" are "Orion-7" (`AddressedInstruments.lawSpelling`).
    func namedInstrumentNotes(_ request: DisclosureRequest) -> [String] {
        guard let named = request.instruments, !named.isEmpty else { return [] }
        // As the fact reader reads it: a name written another way is the law's (`lawSpelling`).
        let model = request.model?.name.map { facts.addressed.lawSpelling(of: $0) ?? $0 }
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
    /// "which applies to the model …": a name written another way ("Orion 7", "orion-7", or
    /// "Оrion-7" with a Cyrillic О) is likely a typo, a longer one a version or variant the letter
    /// may reach. A look-alike letter is named by its code point: the two names print alike.
    static func mismatch(of model: String, as what: String, names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }.joined(separator: " or ")
        if names.contains(where: { comparableName($0) == comparableName(model) }) {
            return "; \(what) '\(model)' differs only in case, spaces or punctuation, so the letter does not apply: is the name mistyped?"
        } else if let name = names.first(where: { matchableName($0) == matchableName(model) }) {
            let alsoOtherwise = LookAlikeLetters.latinized(model) == LookAlikeLetters.latinized(name) ? "" : " and in case, spaces or punctuation"
            return "; \(what) '\(model)' differs only in look-alike characters (\(lookAlikes(model, name)))\(alsoOtherwise), so the letter does not apply: is the name mistyped?"
        } else if let name = names.first(where: { !matchableName($0).isEmpty && matchableName(model).hasPrefix(matchableName($0)) }) {
            let lookAlike = LookAlikeLetters.differences(model, name).isEmpty ? "" : " written with look-alike characters (\(lookAlikes(model, name)))"
            return "; \(what) '\(model)' begins with that name\(lookAlike), so the letter does not apply as written: if the model is a version or variant of \(quoted), check whether the letter reaches it"
        }
        return ", not to '\(model)', so the letter does not apply"
    }

    /// "it has U+041E CYRILLIC CAPITAL LETTER O where the letter has U+004F LATIN CAPITAL LETTER O".
    private static func lookAlikes(_ model: String, _ name: String) -> String {
        "it has " + LookAlikeLetters.differences(model, name).map {
            "\(LookAlikeLetters.described($0.0)) where the letter has \(LookAlikeLetters.described($0.1))"
        }.joined(separator: ", and ")
    }

    /// A name as compared with another written another way: its letters and digits only, in lower
    /// case ("Orion 7", "orion_7" and "Orion-7" are one name written three ways).
    static func comparableName(_ name: String) -> String {
        // ASCII names (nearly all) are read byte by byte, with the same result: Character's
        // Unicode properties took 3% of a batch's time, read for every request.
        let utf8 = name.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: utf8.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 0x20
                default: nil
                }
            }, as: UTF8.self)
        }
        return String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// `comparableName` with look-alike letters read as the Latin ones they are drawn like
    /// ("Оrion-7" with a Cyrillic О is "orion7"): for saying that a name nearly matches, never
    /// for applying a letter.
    static func matchableName(_ name: String) -> String {
        comparableName(LookAlikeLetters.latinized(name))
    }
}
