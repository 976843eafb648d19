import Foundation

/// The words that lead in to a point of a list: "The Commission may impose on providers of
/// general-purpose AI models fines not exceeding 3 % … whichever is higher., when the Commission
/// finds that the provider intentionally or negligently:" before Art. 101(1)(d). A point read
/// alone loses what its paragraph says of it (the fine's cap, its fault standard), so a report
/// that quotes a point quotes its lead-in too.
extension ClauseGraph {
    /// The wording of the provision holding point `id` (its id without the last segment:
    /// `eu.ai-act.art101.1` for `eu.ai-act.art101.1.d`) before the first of its points it quotes;
    /// nil where that provision is not loaded, is not verbatim, or does not quote its points.
    public func leadIn(ofPoint id: String) -> String? {
        guard let dot = id.lastIndex(of: "."), let holder = provisions[String(id[..<dot])], holder.wordingKind == .verbatim,
              provisions[id] != nil else { return nil }
        let prefix = holder.id + "."
        let firstPoint = provisions.values.lazy
            .filter { $0.id.hasPrefix(prefix) && !$0.id.dropFirst(prefix.count).contains(".") && !$0.wording.isEmpty }
            .compactMap { holder.wording.range(of: $0.wording)?.lowerBound }
            .min()
        guard let firstPoint, firstPoint > holder.wording.startIndex else { return nil }
        let leadIn = holder.wording[..<firstPoint].trimmingCharacters(in: .whitespaces)
        return leadIn.isEmpty ? nil : leadIn
    }
}
