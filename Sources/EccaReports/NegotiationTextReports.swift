import ClauseGraph
import EccaAnalysis

/// Terminal renderings of `ecca timeline` and `ecca thresholds`.
public struct NegotiationTextReports: Sendable {
    public var style: TextStyle
    public init(style: TextStyle) { self.style = style }

    private func verdicts(_ map: [String: Verdict]) -> String {
        PostureOrder.sorted(map.keys).map { "\(map[$0]!.rawValue) (\($0))" }.joined(separator: " · ")
    }

    public func render(_ timeline: VerdictTimeline) -> String {
        var out = [style.bold("request \(timeline.id)") + " from \(timeline.from) to \(timeline.to)"]
        for piece in timeline.pieces {
            let until = piece.until.map { "until \($0)" } ?? "to \(timeline.to)"
            out.append("  from \(piece.from) \(until): \(verdicts(piece.verdicts))")
            for posture in PostureOrder.sorted(piece.clashes.keys) {
                piece.clashes[posture]!.forEach { out.append("    clash [\(posture)]: \($0)") }
            }
        }
        if !timeline.breakpoints.isEmpty { out.append("breakpoints:") }
        for breakpoint in timeline.breakpoints {
            // Pieces also end where the verdicts stay and only the clashing provisions change.
            let change = breakpoint.before == breakpoint.after
                ? "\(verdicts(breakpoint.after)), unchanged; the clashing provisions change"
                : "\(verdicts(breakpoint.before)) → \(verdicts(breakpoint.after))"
            out.append("  \(breakpoint.date): \(change)")
            breakpoint.causes.forEach { out.append("    because \($0)") }
        }
        // The verdicts above are on ecca's reading; another reading may differ on some days.
        if timeline.otherReadings != nil { out.append("other readings (the verdicts above are on ecca's reading):") }
        for span in timeline.otherReadings ?? [] {
            let until = span.until.map { "until \($0)" } ?? "to \(timeline.to)"
            out.append("  from \(span.from) \(until): \(span.reading.statement)")
            if let end = span.until { out.append("  \(end): the other reading of \(span.reading.inlineCitation) no longer differs from ecca's") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Each flip with its threshold's evidence, what the rules say of its comparator, and the
    /// caveats it rests on, numbered and given at the end as `check` gives a request's.
    public func render(_ report: ThresholdReport) -> String {
        var out = [style.bold("request \(report.id)") + " (as of \(report.asOf); training compute: \(report.compute))"]
        let caveatNumbers = CaveatNumbers(report.caveats)
        for flip in report.flips {
            let place = flip.crossing == .at ? "at" : "just above"
            out.append("  \(place) \(flip.threshold): \(verdicts(flip.below)) → \(verdicts(flip.atOrAbove))")
            var source = ["evidence \(flip.evidence.rawValue)"]
            if flip.comparatorEvidence != nil || flip.comparatorNote != nil {
                source.append("comparator" + (flip.comparatorEvidence.map { " \($0.rawValue)" } ?? "") + (flip.comparatorNote.map { ": \($0)" } ?? ""))
            }
            let citation = InlineCitation.text(flip.citation, verified: flip.evidence != .unverified)
            out.append("    threshold of \(citation) (\(flip.rule); \(source.joined(separator: "; ")))"
                       + (caveatNumbers.reference(flip.caveats).map { " (\($0))" } ?? ""))
        }
        for (index, note) in report.notes.enumerated() {
            let caveats = index < report.noteCaveats.count ? caveatNumbers.reference(report.noteCaveats[index]) : nil
            out.append("note: \(note)" + (caveats.map { " (\($0))" } ?? ""))
        }
        CaveatNumbers.lines(report.caveats).forEach { out.append($0) }
        return out.joined(separator: "\n") + "\n"
    }
}
