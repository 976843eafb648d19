import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// An on-site inspection is a release where it takes place, where the artefact is hosted
    /// (15 CFR 734.15(a)(1)); a request that does not say where that is has the law loaded read it
    /// as taking place where the recipient is located (facts.xml, `item.hosting-location-given`).
    /// That reading decides the US verdict and the request can replace it in one field, so it is
    /// said, with what may change (law audit of 2026-12-07, H2). Only where it may: a prohibition
    /// of the law loaded reads the place (`placeReadingProhibitions`), and its condition is not
    /// false for the item whatever the place (documentation, or weights below a threshold, are
    /// released the same anywhere). `slots` are the item's checks of its on-site channel, one per
    /// recipient, as the analysis prepared them: preparing them again cost a batch a tenth of its
    /// time.
    func onSiteLocationNote(_ request: DisclosureRequest, item index: Int, slots: [PreparedSlot]) -> String? {
        let item = request.items[index]
        guard !placeReadingProhibitions.isEmpty, item.hostingLocation == nil else { return nil }
        // The slot's atoms with those that test whether the place is given left open, through the
        // compiled conditions (interpreting them over a snapshot cost a batch 5% of its time).
        let placeMatters = slots.contains { slot in
            var atoms = slot.atomTruths
            for atom in hostingGivenAtoms { atoms[atom] = .unknown }
            let conditions = compiled.partTruths(atoms: atoms).conditions
            return placeReadingProhibitions.contains { conditions[$0] != .false }
        }
        guard placeMatters else { return nil }
        var located: [String] = []
        for recipient in item.recipients ?? [] {
            if let location = recipient.location, !located.contains(location) { located.append(location) }
        }
        let counted = (item.recipients?.count ?? 0) > 1 ? "each recipient is" : "the recipient is"
        let place = located.isEmpty ? "where \(counted) located, which the request does not give either"
            : "where \(counted) located (\(located.joined(separator: ", ")))"
        var cited: [String] = []
        for provision in Self.placeOfRelease where graph.provisions[provision] != nil {
            cited.append(graph.inlineCitation(of: provision))
        }
        let grounds = cited.count == 2
            ? ": an inspection is a release where it takes place (\(cited[0])), and in the United States a release to a foreign person is a deemed export to their most recent country of citizenship or permanent residency (\(cited[1]))"
            : ""
        return "item \(index) (\(item.artifact)) may be inspected on site, but the request does not say where it is hosted: ecca takes the inspection to take place \(place). "
            + "If it will take place elsewhere, give that country as the item's hostingLocation\(grounds); the verdict may change"
    }

    /// The checked norms, by index, that are prohibitions whose condition or exceptions read
    /// whether a request gives the hosting location, themselves or through the rules they refer
    /// to: those an on-site inspection's place can decide. None where the law loaded has no such
    /// fact.
    static func placeReadingProhibitions(in graph: ClauseGraph, norms: [Norm]) -> [Int] {
        let flag = FactBinding.FactID.hostingLocationGiven
        guard graph.facts[flag] != nil else { return [] }
        func reads(_ condition: Condition, _ seen: inout Set<String>) -> Bool {
            if condition.facts.contains(flag) { return true }
            for rule in condition.ruleReferences where seen.insert(rule).inserted {
                if let inner = graph.rules[rule]?.condition, reads(inner, &seen) { return true }
            }
            return false
        }
        return norms.indices.filter { index in
            let norm = norms[index]
            var seen: Set<String> = []
            return norm.modality == .prohibition && ([norm.condition].compactMap { $0 } + norm.exceptions.map(\.condition)).contains { reads($0, &seen) }
        }
    }

    /// The channel value of an on-site inspection, and the provisions that place a release by
    /// inspection and a deemed export.
    static let onSite = "on-site"
    private static let placeOfRelease = ["us.ear.734.15.a", "us.ear.734.13.b"]
}
