import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// For a dated request, the obligations it engages that did not apply when it was made and
    /// apply by the later of its deadline and the as-of date: ecca reads the request as
    /// invoking none of them, a reading the Commission may not share, so the note says what to do
    /// rather than leave a clear verdict silent.
    func straddleNote(_ request: DisclosureRequest, asOf: LegalDate) -> String? {
        let until = max(request.deadline ?? asOf, asOf)
        guard let requested = request.date, requested < until else { return nil }
        var later: [(provision: String, starts: LegalDate)] = []
        for norm in encoding.checkedNorms where norm.modality == .obligation && !later.contains(where: { $0.provision == norm.provisionID }) {
            let status = status(of: norm)
            guard status.voluntary == nil, !status.isApplicable(on: requested),
                  let starts = status.breakpoints.first(where: { $0 > requested && $0 <= until && status.isApplicable(on: $0) }) else { continue }
            later.append((norm.provisionID, starts))
        }
        guard !later.isEmpty else { return nil }
        let engagedThen = engaged(request, asOf: until)
        let cited = later.filter { engagedThen.contains($0.provision) }
        guard !cited.isEmpty else { return nil }
        let citations = cited.map { "\(graph.inlineCitation(of: $0.provision)) (applicable from \($0.starts))" }.joined(separator: " and ")
        return "\(citations) did not apply when the request was made (\(requested)) but \(cited.count == 1 ? "applies" : "apply") by \(until): on ecca's reading the request creates no duty under \(cited.count == 1 ? "it" : "them") (the caveat on the date of the request), "
            + "but the Commission may hold the request valid once \(cited.count == 1 ? "it applies" : "they apply"); until the request is withdrawn or annulled, challenge it rather than ignore it"
    }
}
