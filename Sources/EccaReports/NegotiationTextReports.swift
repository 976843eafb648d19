import EccaAnalysis

/// Terminal renderings of `ecca timeline` and `ecca thresholds`.
public struct NegotiationTextReports: Sendable {
    public var style: TextStyle
    public init(style: TextStyle) { self.style = style }

    private func verdicts(_ map: [String: Verdict]) -> String {
        map.keys.sorted { $0 == "text" ? true : $1 == "text" ? false : $0 < $1 }.map { "\(map[$0]!.rawValue) (\($0))" }.joined(separator: " · ")
    }

    public func render(_ timeline: VerdictTimeline) -> String {
        var out = [style.bold("request \(timeline.id)") + " from \(timeline.from) to \(timeline.to)"]
        for piece in timeline.pieces {
            let until = piece.until.map { "until \($0)" } ?? "to \(timeline.to)"
            out.append("  from \(piece.from) \(until): \(verdicts(piece.verdicts))")
        }
        if !timeline.breakpoints.isEmpty { out.append("breakpoints:") }
        for breakpoint in timeline.breakpoints {
            out.append("  \(breakpoint.date): \(verdicts(breakpoint.before)) → \(verdicts(breakpoint.after))")
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
