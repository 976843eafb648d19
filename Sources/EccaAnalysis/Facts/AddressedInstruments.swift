import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// The loaded letters a request does not list that bind it all the same, and what is said of
    /// those that may. A letter binds the company it is addressed to whether or not a request
    /// names it, so one that names the request's model and is addressed to its provider (or the
    /// request names no provider) is applied, and said to be; one that names the model but none of
    /// the request's provider, or a model written another way, is not applied, and said not to be.
    struct AddressedInstruments {
        /// The ids applied though not listed, sorted.
        var applied: [String] = []
        var notes: [String] = []

        /// The request with the letters applied listed among its instruments, as the analysis reads it.
        func listing(_ request: DisclosureRequest) -> DisclosureRequest {
            guard !applied.isEmpty else { return request }
            var listed = request
            listed.instruments = (request.instruments ?? []) + applied
            return listed
        }
    }

    func addressedInstruments(_ request: DisclosureRequest) -> AddressedInstruments {
        var result = AddressedInstruments()
        guard let model = request.model?.name else { return result }
        let listed = Set(request.instruments ?? [])
        let provider = request.provider?.name
        for instrument in graph.instruments.values.sorted(by: { $0.id < $1.id })
        where instrument.appliesWhenNamed && !listed.contains(instrument.id) {
            guard let names = modelNames[instrument.id], !names.isEmpty else { continue }
            let quoted = names.map { "'\($0)'" }.joined(separator: " or ")
            let said = "the loaded instrument \(instrument.title) (\(instrument.id)) applies to the model \(quoted)"
            if names.contains(model) {
                if let provider, !addresses(instrument.id, to: provider) {
                    result.notes.append("\(said), the request's model, but its title and ids do not name the request's provider ('\(provider)'), so it is not applied; if it is addressed to the provider, list it in the request's instruments")
                    continue
                }
                result.applied.append(instrument.id)
                let to = provider.map { "is addressed to the request's provider ('\($0)')" } ?? "binds the provider it is addressed to, and the request names no other provider"
                result.notes.append("\(said), the request's model, and \(to): it is applied though the request does not list it, since a letter binds the company it is addressed to whether or not a request names it")
            } else if names.contains(where: { Self.nearlyNames(model, $0) }) {
                result.notes.append("\(said), but the request does not list it and it is not applied" + Self.mismatch(of: model, as: "the request's model", names: names))
            }
        }
        return result
    }

    /// Whether `model` is `name` written another way, or a version of it ("Orion 7", "Orion-7b").
    static func nearlyNames(_ model: String, _ name: String) -> Bool {
        let (model, name) = (comparableName(model), comparableName(name))
        return !name.isEmpty && model.hasPrefix(name)
    }

    /// Whether an instrument's title or official ids name `provider` (compared as letters and digits).
    func addresses(_ instrument: String, to provider: String) -> Bool {
        guard let instrument = graph.instruments[instrument] else { return false }
        let name = Self.comparableName(provider)
        return !name.isEmpty && Self.comparableName(([instrument.title] + instrument.officialIDs.map(\.value)).joined(separator: " ")).contains(name)
    }
}
