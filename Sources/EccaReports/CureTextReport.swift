import ClauseGraph
import EccaAnalysis

/// The terminal rendering of `ecca cures`.
public struct CureTextReport: Sendable {
    public var style: TextStyle
    public init(style: TextStyle) { self.style = style }

    public func render(_ report: CureReport) -> String {
        var out: [String] = []
        let caveatNumbers = CaveatNumbers(report.caveats)
        let postures = PostureOrder.sorted(report.postures.keys)
        out.append(style.bold("request \(report.id)") + " (as of \(report.asOf)): " + postures.map { "\(report.postures[$0]!.rawValue) under \($0)" }.joined(separator: ", "))
        if report.cures.isEmpty && report.notes.isEmpty { out.append("nothing to cure") }
        for cure in report.cures {
            out.append("")
            let after = PostureOrder.sorted(cure.verdicts.keys)
                .map { "\(cure.verdicts[$0]!.rawValue) under \($0)" }.joined(separator: ", ")
            out.append(style.bold("cure \(cure.rank)") + " for item \(cure.item) (cost \(cure.cost)): \(after) after it")
            for change in cure.changes {
                // A licence says what the sources say it would be reviewed under (`Cure.presumedDenials`).
                let review = change.dimension == "licence" ? cure.presumedDenials.map { " " + $0.text }.joined() : ""
                out.append("  change \(change.dimension): \(change.from) → \(change.to)\(review)")
            }
            for reliance in cure.reliesOn { out.append("  relies on \(reliance.inlineCitation): \(reliance.reason)") }
            for bar in cure.bars {
                out.append("  brings \(bar.inlineCitation): \(bar.label); so \(bar.barredInlineCitation) can no longer be claimed: \(Labels.head(bar.barredLabel)) (its cost, \(bar.cost), is included)")
            }
            if let caveats = caveatNumbers.reference(cure.caveats) { out.append("  rests on \(caveats), given at the end") }
            for note in cure.notes { out.append("  note: \(note)") }
            out.append("  MoU wording:")
            for (number, clause) in cure.mouWording.enumerated() { out.append("    \(number + 1). \(clause)") }
        }
        if !report.notes.isEmpty || !report.caveats.isEmpty { out.append("") }
        report.notes.forEach { out.append("note: \($0)") }
        CaveatNumbers.lines(report.caveats).forEach { out.append($0) }
        return out.joined(separator: "\n") + "\n"
    }
}
