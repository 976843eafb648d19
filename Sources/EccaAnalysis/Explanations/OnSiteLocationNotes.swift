import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// An on-site inspection happens where the artefact is, but the EAR encoding reads its place
    /// of release as the recipient's location, as for a transfer (its note on 15 CFR 734.13). Where
    /// a request hosts the artefact in one country and places a recipient in another, the US
    /// verdict is that of a release in the recipient's country, which may not be where they will
    /// inspect it: said, with what to give instead (law audit of 2026-12-07, H2). Only with the EAR
    /// encoding loaded, whose reading it is.
    func onSiteLocationNotes(_ request: DisclosureRequest) -> [String] {
        guard graph.provisions[Self.deemedExportDestination] != nil else { return [] }
        var notes: [String] = []
        for (index, item) in request.items.enumerated() {
            guard let hosted = item.hostingLocation, item.channel == Self.onSite || (item.alternatives ?? []).contains(Self.onSite) else { continue }
            for (number, recipient) in (item.recipients ?? []).enumerated() {
                guard let located = recipient.location, located != hosted else { continue }
                notes.append("item \(index) (\(item.artifact)) may be inspected on site, where it is hosted (\(hosted)), but recipient \(number)"
                    + (recipient.organisation.map { " (\($0))" } ?? "") + " is located in \(located): ecca reads an on-site inspection as a release where the recipient is located, "
                    + "as a transfer is, so its US verdict on it is that of a release in \(located). If they will inspect it in \(hosted), give \(hosted) as their location: "
                    + "there, a release to a foreign person is a deemed export to their most recent country of citizenship or permanent residency "
                    + "(\(graph.inlineCitation(of: Self.deemedExportDestination))), and the verdict may change")
            }
        }
        return notes
    }

    /// The channel value of an on-site inspection, and the provision that places a deemed export.
    private static let onSite = "on-site"
    private static let deemedExportDestination = "us.ear.734.13.b"
}
