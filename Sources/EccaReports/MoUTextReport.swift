import ClauseGraph
import EccaAnalysis

/// The terminal rendering of `ecca mou verify`.
public struct MoUTextReport: Sendable {
    public var style: TextStyle
    public init(style: TextStyle) { self.style = style }

    public func render(_ result: MoUVerification) -> String {
        var out = [style.bold("MoU \(result.mou)") + " from \(result.from) to \(result.to)"]
        let caveatNumbers = CaveatNumbers(result.caveats)
        let check = Self.checkCommand(result)
        result.warnings.forEach { out.append("  " + style.red("warning") + ": \($0)") }
        if !result.ruledOut.isEmpty {
            out.append("  the scope lists values its commitments rule out; requests with them are covered too, and were verified without those commitments:")
            result.ruledOut.forEach { out.append("    - \($0.description)") }
        }
        for outcome in result.outcomes {
            let restsOn = caveatNumbers.reference(outcome.caveats).map { "    rests on \($0), given at the end" }
            let onRuledOut = outcome.ruledOutValue.map { "    on \($0.listed), which \(ProseList.joined($0.commitments)) \($0.commitments.count == 1 ? "rules" : "rule") out" }
            if let forbidden = outcome.forbidden {
                out.append("  \(outcome.posture.rawValue) posture: \(style.red("FORBIDDEN")): no request within the scope conflicts, but US law forbids one the terms commit the provider to")
                forbidden.provisions.forEach { out.append("    forbidden by: \($0)") }
                // What keeps every request of the scope from clashing, as the JSON's grounds give it.
                outcome.grounds.forEach { out.append("    no clash, resting on \($0.source): \($0.reason)") }
                onRuledOut.map { out.append($0) }
                restsOn.map { out.append($0) }
                out.append("    request (reproduce with `\(check)`):")
                out.append(JSONReport.encode(forbidden.request).split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
                continue
            }
            if outcome.holds {
                let also = result.ruledOut.isEmpty ? "" : " (including the values its commitments rule out)"
                out.append("  \(outcome.posture.rawValue) posture: \(style.green("HOLDS")): no request within the scope\(also) conflicts, or is forbidden, on any date of the period")
                outcome.grounds.forEach { out.append("    rests on \($0.source): \($0.reason)") }
                restsOn.map { out.append($0) }
                for reading in outcome.otherReadings ?? [] { out += lines(reading, check: check) }
                continue
            }
            out.append("  \(outcome.posture.rawValue) posture: \(style.red("COUNTEREXAMPLE")): a request within the scope still conflicts")
            if let analysis = outcome.analysis {
                let signatures = Set(analysis.findings.map(\.signature)).sorted()
                signatures.forEach { out.append("    clash: \($0)") }
            }
            onRuledOut.map { out.append($0) }
            restsOn.map { out.append($0) }
            if let request = outcome.counterexample {
                out.append("    request (reproduce with `\(check)`):")
                out.append(JSONReport.encode(request).split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            }
        }
        out.append("assumed:")
        result.assumptions.forEach { out.append("  - \($0)") }
        if !result.caveats.isEmpty { out.append("") }
        CaveatNumbers.lines(result.caveats).forEach { out.append($0) }
        return out.joined(separator: "\n") + "\n"
    }

    /// A request that conflicts, or is forbidden, on another reading of the law than ecca's, on
    /// which the terms hold: the reading, what it would make apply, and the request.
    private func lines(_ reading: MoUVerification.ReadingOutcome, check command: String) -> [String] {
        let statements = OtherReading.statement(reading.readings)
        let fails = reading.forbidden ? "US law would forbid a request the terms commit the provider to"
            : "a request within the scope would conflict (clash: \(reading.provisions.joined(separator: " + ")))"
        let check = reading.checkNamesIt
            ? "`\(command)` finds it clear on ecca's reading and gives the other reading beside the ground"
            : "`\(command)` finds it clear on ecca's reading"
        return ["    " + style.yellow("other reading") + ": \(statements), and the terms would not hold: \(fails); \(check):"]
            + JSONReport.encode(reading.request).split(separator: "\n").map { "      " + $0 }
    }

    /// The command that reads a printed request, saved as FILE, on the law the run read.
    static func checkCommand(_ result: MoUVerification) -> String {
        let options = result.checkArguments ?? []
        return "ecca check FILE" + (options.isEmpty ? "" : " " + ShellCommand.line(options))
    }
}
