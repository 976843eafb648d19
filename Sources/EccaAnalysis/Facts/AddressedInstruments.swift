import ClauseGraph
import EccaFormats

/// The loaded letters that bind a request though it does not list them. A letter binds the
/// company it is addressed to whether or not a request names it, so one that names the request's
/// model and is addressed to its provider (or the request names no provider) is applied, and said
/// to be; one that names the model but none of the request's provider, or a model written another
/// way, is not applied, and said not to be.
///
/// Applied where the fact `request.instruments` is read (`FactReader`), so that every analysis of
/// a request, its cures and its timeline included, reads the same instruments.
struct AddressedInstruments: Sendable {
    /// The instruments that apply only where named (is-informed letters), sorted by id.
    let letters: [Instrument]
    /// The model names each instrument's norms test (`model.name`), by instrument.
    let modelNames: [String: [String]]
    /// Each instrument's title and official ids as `comparableName` reads them, by instrument:
    /// made once, not for every request a batch reads (it was 2% of a batch's time).
    let comparableTitles: [String: String]
    /// The model names the letters test, as `nearlyNames` reads them, made once.
    let matchableNames: [String: String]
    /// The model names the law tests, by their `comparableName`; nil where two names share one.
    let namesByComparable: [String: String?]

    init(graph: ClauseGraph) {
        letters = graph.instruments.values.filter(\.appliesWhenNamed).sorted { $0.id < $1.id }
        comparableTitles = graph.instruments.mapValues(Self.comparableTitle)
        var names: [String: [String]] = [:]
        for norm in graph.norms {
            guard let instrument = graph.provisions[norm.provisionID]?.instrumentID else { continue }
            norm.condition?.visitAtoms { atom in
                if case .equals("model.name", let value, _) = atom, !(names[instrument] ?? []).contains(value) {
                    names[instrument, default: []].append(value)
                }
            }
        }
        modelNames = names
        var byComparable: [String: String?] = [:]
        for name in names.values.joined() {
            let comparable = ConflictEngine.comparableName(name)
            guard !comparable.isEmpty else { continue }
            if let known = byComparable[comparable], known != name { byComparable[comparable] = .some(nil) } else { byComparable[comparable] = name }
        }
        namesByComparable = byComparable
        matchableNames = Dictionary(names.values.joined().map { ($0, ConflictEngine.matchableName($0)) }) { first, _ in first }
    }

    /// The name the law tests that `model` writes another way, differing only in case, spaces or
    /// punctuation ("orion 7" for "Orion-7"); nil when `model` is one the law tests as written, or
    /// none. A letter names a model, and a request that writes the name otherwise means that model:
    /// reading it as another would clear a request the letter forbids, on a typo. Look-alike
    /// characters and longer names (versions) are not read so (`nearlyNames`: said, not applied).
    func lawSpelling(of model: String) -> String? {
        guard let found = namesByComparable[ConflictEngine.comparableName(model)], let name = found, name != model else { return nil }
        return name
    }

    /// What was decided for one request.
    struct Review {
        /// The ids applied though not listed, sorted.
        var applied: [String] = []
        var notes: [String] = []
    }

    /// The ids of the letters applied to `request` though it does not list them, sorted.
    func applied(to request: DisclosureRequest) -> [String] { review(request, notes: false).applied }

    /// The letters applied to `request` though it does not list them, and what is said of those
    /// that may bind it (`notes` false leaves the words out, for the fact reader).
    func review(_ request: DisclosureRequest, notes wanted: Bool = true) -> Review {
        var result = Review()
        guard let written = request.model?.name, !letters.isEmpty else { return result }
        // As the fact reader reads it (`lawSpelling`).
        let model = lawSpelling(of: written) ?? written
        let listed = request.instruments ?? []
        let provider = request.provider?.name
        // The request's model as `nearlyNames` reads it, made once for all letters.
        var matchableModel: String?
        for instrument in letters where !listed.contains(instrument.id) {
            guard let names = modelNames[instrument.id], !names.isEmpty else { continue }
            var said: String {
                "the loaded instrument \(instrument.title) (\(instrument.id)) applies to the model " + names.map { "'\($0)'" }.joined(separator: " or ")
            }
            if names.contains(model) {
                if let provider, !addresses(instrument, to: provider) {
                    if wanted {
                        result.notes.append("\(said), the request's model, but its title and ids do not name the request's provider ('\(provider)'), so it is not applied; if it is addressed to the provider, list it in the request's instruments")
                    }
                    continue
                }
                result.applied.append(instrument.id)
                guard wanted else { continue }
                let to = provider.map { "is addressed to the request's provider ('\($0)')" } ?? "binds the provider it is addressed to, and the request names no other provider"
                result.notes.append("\(said), the request's model, and \(to): it is applied though the request does not list it, since a letter binds the company it is addressed to whether or not a request names it")
            } else if wanted, names.contains(where: { name in
                let matchable = matchableModel ?? ConflictEngine.matchableName(model)
                matchableModel = matchable
                return Self.nearly(matchable, matchableNames[name] ?? ConflictEngine.matchableName(name))
            }) {
                result.notes.append("\(said), but the request does not list it and it is not applied" + ConflictEngine.mismatch(of: model, as: "the request's model", names: names))
            }
        }
        return result
    }

    /// Whether `model` is `name` written another way, or a version of it ("Orion 7", "Orion-7b",
    /// "Оrion-7" with a Cyrillic О).
    static func nearlyNames(_ model: String, _ name: String) -> Bool {
        nearly(ConflictEngine.matchableName(model), ConflictEngine.matchableName(name))
    }

    /// `nearlyNames` on names already made matchable.
    private static func nearly(_ model: String, _ name: String) -> Bool {
        !name.isEmpty && model.hasPrefix(name)
    }

    /// Whether an instrument's title or official ids name `provider` (compared as letters and digits).
    func addresses(_ instrument: Instrument, to provider: String) -> Bool {
        let name = ConflictEngine.comparableName(provider)
        return !name.isEmpty && (comparableTitles[instrument.id] ?? Self.comparableTitle(instrument)).contains(name)
    }

    static func comparableTitle(_ instrument: Instrument) -> String {
        ConflictEngine.comparableName(([instrument.title] + instrument.officialIDs.map(\.value)).joined(separator: " "))
    }
}

extension ConflictEngine {
    /// Whether the instrument `id`'s title or official ids name `provider`.
    func addresses(_ id: String, to provider: String) -> Bool {
        graph.instruments[id].map { facts.addressed.addresses($0, to: provider) } ?? false
    }
}
