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
        return out.joined(separator: "\n") + "\n"
    }

    public func render(_ report: ThresholdReport) -> String {
        var out = [style.bold("request \(report.id)") + " (training compute: \(report.compute))"]
        for flip in report.flips {
            let place = flip.crossing == .at ? "at" : "just above"
            out.append("  \(place) \(flip.threshold): \(verdicts(flip.below)) → \(verdicts(flip.atOrAbove))")
            out.append("    threshold of \(flip.citation) (\(flip.rule))")
        }
        report.notes.forEach { out.append("note: \($0)") }
        return out.joined(separator: "\n") + "\n"
    }
}
