import ClauseGraph
import EccaAnalysis

/// The terminal rendering of `ecca check`: verdicts first, then each finding in the law's words.
public struct CheckTextReport: Sendable {
    public var style: TextStyle
    public init(style: TextStyle) { self.style = style }

    public func render(_ analysis: RequestAnalysis) -> String {
        var out: [String] = []
        let caveatNumbers = CaveatNumbers(analysis)
        // The verdicts a disclosure on a later day up to the deadline meets are said beside the
        // as-of date's, so that a CLEAR that turns into a CONFLICT before the deadline is not filed alone.
        let later = (analysis.beforeDeadline ?? []).map { "; from \($0.date), before the deadline: " + postureLine($0.postures) }.joined()
        out.append(style.bold("request \(analysis.id)") + " (as of \(analysis.asOf)\(analysis.requestDate.map { "; request made \($0)" } ?? "")): "
                   + postureLine(analysis.postures) + later)
        for item in analysis.items {
            let postures = PostureOrder.sorted(item.postures.keys)
            let verdicts = postures.map { "\(colour(item.postures[$0]!.verdict)) (\($0))" }.joined(separator: " · ")
            // A verdict that rests on a value exactly at a threshold whose comparator is in doubt
            // says so on the item's line, not only beside the condition in the finding.
            var exact: [(statement: String, postures: [String])] = []
            for posture in postures {
                for statement in item.postures[posture]!.exactThresholds {
                    if let index = exact.firstIndex(where: { $0.statement == statement }) { exact[index].postures.append(posture) } else { exact.append((statement, [posture])) }
                }
            }
            let atThreshold = exact.map { entry in
                let tag = postures.count == 1 ? "" : entry.postures.count == postures.count ? " [both]" : " [\(entry.postures.joined(separator: ", "))]"
                return "; on the threshold\(tag): \(entry.statement)"
            }.joined()
            out.append("  item \(item.index)\(item.id.map { " [\($0)]" } ?? ""): \(item.artifact) via \(item.channel): \(verdicts)\(atThreshold)")
            // A conflict that rests on ecca's reading of a contested provision says so under the
            // item's verdict, not only in its finding.
            var readings: [(statement: String, postures: [String])] = []
            for posture in postures {
                let ids = Set(item.postures[posture]!.findings)
                for finding in analysis.findings where ids.contains(finding.id) && finding.channel == item.channel {
                    for reading in finding.otherReadings {
                        let statement = reading.findingStatement
                        if let index = readings.firstIndex(where: { $0.statement == statement }) {
                            if !readings[index].postures.contains(posture) { readings[index].postures.append(posture) }
                        } else {
                            readings.append((statement, [posture]))
                        }
                    }
                }
            }
            for entry in readings {
                let tag = postures.count == 1 ? "" : entry.postures.count == postures.count ? " [both]" : " [\(entry.postures.joined(separator: ", "))]"
                out.append("    other reading\(tag): \(entry.statement)")
            }
            // A ground the same under every posture is said once, where the first posture's are.
            let grounds = postures.map { GroundWording.sentences(item.postures[$0]!.grounds ?? [], caveats: caveatNumbers) }
            let shared = postures.count > 1 ? grounds.dropFirst().reduce(Set(grounds[0])) { $0.intersection($1) } : []
            for (postureIndex, posture) in postures.enumerated() {
                let detail = item.postures[posture]!
                let tag = postures.count > 1 ? " [\(posture)]" : ""
                let others = detail.channels.dropFirst()
                if !others.isEmpty {
                    out.append("    alternatives\(tag): " + others.map { "\($0.channel) \(ChannelWording.outcome($0))" }.joined(separator: ", "))
                }
                for alternative in detail.compliantAlternatives {
                    out.append("    cure\(tag): use the accepted alternative channel '\(alternative)'")
                    // Why the channel recommended is clear, as for a clear verdict.
                    for ground in GroundWording.sentences(detail.alternativeGrounds?[alternative] ?? [], caveats: caveatNumbers) {
                        out.append("      clear because: \(ground)")
                    }
                }
                for cure in detail.cures { out.append("    cure\(tag): \(cure)") }
                for condition in caveatNumbers.decidingConditions(detail) { out.append("    depends\(tag): \(condition)") }
                for ground in grounds[postureIndex] where !shared.contains(ground) || postureIndex == 0 {
                    out.append("    clear\(shared.contains(ground) ? " [both]" : tag): \(ground)")
                }
                for channel in detail.channels where channel.reason != nil {
                    out.append("    note\(tag): \(channel.channel): \(channel.reason!)")
                }
            }
        }
        // A provision's wording is quoted once, at its first finding; later ones point there.
        var quotedIn: [String: Int] = [:]
        // Likewise the same exceptions with the same reasons (one restriction, one recipient).
        var exceptionsIn: [[ExceptionOutcome]: Int] = [:]
        for (number, finding) in analysis.findings.enumerated() {
            out.append("")
            let recipient = finding.recipient.map { "recipient \($0)" } ?? "the requesting authority"
            out.append(style.bold("finding \(number + 1)") + " [\(finding.posture.rawValue)] item \(finding.item), \(finding.channel), \(recipient): \(finding.signature)")
            for provision in finding.provisions {
                let role = ModalityWording.role(provision.modality)
                out.append("  \(provision.jurisdiction) \(style.bold(provision.citation)) \(role) — \(provision.instrument)")
                if let heading = provision.heading { out.append("    \(heading)") }
                let quotedBefore = quotedIn[provision.id]
                if let first = quotedBefore {
                    out.append("    (wording quoted in finding \(first))")
                } else {
                    out.append("    " + WordingKind.text(provision.wording, kind: provision.wordingKind))
                    quotedIn[provision.id] = number + 1
                }
                var meta = ["\(provision.evidence.rawValue), \(WordingKind.label(provision.wordingKind, evidence: provision.evidence))"]
                if let official = provision.officialID { meta.append("id \(official)") }
                if let source = provision.sourceID { meta.append("source id \(source)") }
                meta.append(provision.status)
                out.append(style.dim("    [\(meta.joined(separator: "; "))]"))
                if let url = provision.sourceURL { out.append(style.dim("    \(url)")) }
                for sanction in provision.sanctions ?? [] {
                    out.append("    sanction: \(sanction.inlineCitation)"
                               + (quotedBefore.map { " (quoted in finding \($0))" } ?? " — " + SanctionWording.text(sanction) + " [\(sanction.status)]"))
                }
            }
            if !finding.triggeringFacts.isEmpty {
                out.append("  triggered by:")
                finding.triggeringFacts.forEach { out.append("    - \($0)") }
            }
            if !finding.rules.isEmpty {
                out.append("  rules applied:")
                finding.rules.forEach { out.append("    - \($0.label) (\($0.inlineCitation))") }
            }
            if let first = exceptionsIn[finding.exceptions] {
                out.append("  exceptions considered: as in finding \(first)")
            } else if !finding.exceptions.isEmpty {
                exceptionsIn[finding.exceptions] = number + 1
                out.append("  exceptions considered:")
                for exception in finding.exceptions {
                    let mark = exception.holds == .true ? "holds" : exception.holds == .false ? "failed" : "unknown"
                    out.append("    - \(exception.name): \(mark)")
                    exception.reasons.forEach { out.append("        because \($0)") }
                    exception.wouldHoldIfEstablished.forEach { out.append("        would hold if you \($0)") }
                }
            }
            finding.otherReadings.forEach { out.append("  other reading: \($0.findingStatement)") }
            finding.assumptions.forEach { out.append("  assumption: \($0)") }
            if let caveats = caveatNumbers.reference(finding.caveats) { out.append("  rests on \(caveats), given at the end") }
        }
        if !analysis.assumptions.isEmpty || !analysis.notes.isEmpty || !analysis.caveats.isEmpty { out.append("") }
        analysis.assumptions.forEach { out.append("assumption: \($0)") }
        analysis.notes.forEach { out.append("note: \($0)") }
        // Said once for all findings: a reading can underlie most of them.
        CaveatNumbers.lines(analysis.caveats).forEach { out.append($0) }
        return out.joined(separator: "\n") + "\n"
    }

    private func postureLine(_ postures: [String: Verdict]) -> String {
        let keys = PostureOrder.sorted(postures.keys)
        if Set(postures.values).count == 1, let only = postures.values.first {
            guard keys.count == 1 else { return colour(only) + " (both postures)" }
            // One posture is not the other: the law in force, or what is enforced, was not analysed.
            let other = keys[0] == "text" ? "; the enforcement posture was not analysed"
                : keys[0] == "enforcement" ? "; the text in force was not analysed" : ""
            return colour(only) + " (\(keys[0]) posture\(other))"
        }
        return keys.map { "\(colour(postures[$0]!)) under \($0)" }.joined(separator: ", ")
    }

    private func colour(_ verdict: Verdict) -> String {
        let word = verdict.rawValue.uppercased()
        switch verdict {
        case .clear: return style.green(word)
        case .avoidable, .undetermined: return style.yellow(word)
        case .conflict: return style.red(word)
        }
    }
}
