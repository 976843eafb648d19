extension ConflictEngine {
    /// What would cure an item under one posture, from the findings on the channel asked for:
    /// each exception the exporter could make hold (its steps, joined). A cure that leaves some
    /// finding standing, because another prohibition or another recipient's clash has no
    /// exception those steps establish, says which clashes remain: listed as a cure without
    /// that, claiming 4E091 Note 1 for a model an is-informed letter also covers would look like
    /// it cleared the item.
    static func cures(of findings: [Finding]) -> [String] {
        var candidates: [[String]] = []
        for exception in findings.flatMap(\.exceptions) where !exception.wouldHoldIfEstablished.isEmpty {
            if !candidates.contains(exception.wouldHoldIfEstablished) { candidates.append(exception.wouldHoldIfEstablished) }
        }
        // Recipients are named only where the findings concern several.
        let severalRecipients = Set(findings.map(\.recipient)).count > 1
        return candidates.map { steps in
            let established = Set(steps)
            let standing = findings.filter { finding in
                !finding.exceptions.contains { !$0.wouldHoldIfEstablished.isEmpty && established.isSuperset(of: $0.wouldHoldIfEstablished) }
            }
            let cure = steps.joined(separator: " and ")
            guard !standing.isEmpty else { return cure }
            var remaining: [String] = []
            for finding in standing {
                let clash = finding.signature + (severalRecipients ? finding.recipient.map { " for recipient \($0)" } ?? "" : "")
                if !remaining.contains(clash) { remaining.append(clash) }
            }
            return cure + " (partial: " + remaining.joined(separator: "; ") + " remain\(remaining.count == 1 ? "s" : "")"
                + "; see `ecca cures` for changes that clear the item)"
        }
    }
}
