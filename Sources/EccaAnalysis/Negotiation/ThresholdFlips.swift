import ClauseGraph
import EccaFormats

/// Where a request's verdict flips as its training compute varies, and which provision's threshold
/// makes it flip.
public struct ThresholdFlip: Sendable, Hashable, Codable {
    /// "model.training-compute ≥ 1e26 operations"
    public var threshold: String
    public var value: String
    public var unit: String
    /// The constitutive rule, norm or exception whose condition carries the threshold, and its provision.
    public var rule: String
    public var provision: String
    public var citation: String
    /// Whether the verdict changes at the value (`ge`, `lt`, and `eq`/`ne` on entering) or just
    /// above it (`gt`, `le`, and `eq`/`ne` on leaving).
    public var crossing: Crossing
    /// Verdicts (per posture) just on either side of the crossing.
    public var below: [String: Verdict]
    public var atOrAbove: [String: Verdict]
    /// The provision's evidence (FACTS.md marks): how far the threshold is sourced.
    public var evidence: Evidence
    /// How well the comparator itself is sourced and what other sources say, where the rules say
    /// it (`op-evidence`, `op-note`: 4E091's ≥ against "more than"); nil where they do not.
    public var comparatorEvidence: Evidence?
    public var comparatorNote: String?
    /// The readings and open questions of the provision and its instrument, by id
    /// (`ThresholdReport.caveats`): a flip at 10^26 rests on how 4E091 is read, as `check` says.
    public var caveats: [String]

    public enum Crossing: String, Sendable, Hashable, Codable {
        case at
        case justAbove = "just-above"
    }
}

public struct ThresholdReport: Sendable, Hashable, Codable {
    public var id: String
    /// The date the verdicts are given for: `--as-of`, else the request's date, else today (the
    /// verdicts of the same request differ by date: before 2 August 2026 Art. 92 obliges nothing).
    public var asOf: LegalDate
    public var compute: String
    public var flips: [ThresholdFlip]
    public var notes: [String]
    /// Per note, in the same order: the caveat ids of the threshold it names (none for a note
    /// that names none).
    public var noteCaveats: [[String]]
    /// The caveats the flips and notes name, each once, in the order first named, as `check`
    /// gives a request's.
    public var caveats: [Caveat]
}

extension ConflictEngine {
    /// For a request whose compute is unknown or a range, the exact values inside that range at
    /// which the verdict changes: each quantity threshold of the clause graph is tried just below
    /// and just above (and at) its value.
    public func thresholdFlips(for request: DisclosureRequest, today: LegalDate? = nil) throws(AnalysisError) -> ThresholdReport {
        let given = request.model?.trainingCompute ?? []
        let asOf = analysisDate(of: request, today: today)
        var notes: [(text: String, caveats: [String])] = []
        // What the analysis of the request says of its date and of the letters it applies.
        if request.date == nil {
            notes.append(("the request gives no date: it is taken as made on \(asOf), the date analysed", []))
        }
        notes += facts.addressed.review(request).notes.map { ($0, []) }
        var flips: [ThresholdFlip] = []
        if given.count > 1 { notes.append(("two compute figures given; each threshold is tried within the figure in its own unit", [])) }
        /// The range a threshold in `unit` is tried within: the figure in that unit, or the one
        /// figure given in the other (taken as equal, as the analysis does).
        func bounds(in unit: DisclosureRequest.Compute.Unit) -> (lower: ExactDecimal?, upper: ExactDecimal?) {
            guard let figure = given.first(where: { $0.unit == unit }) ?? (given.count == 1 ? given.first : nil) else { return (nil, nil) }
            return figure.value.map { ($0, $0) } ?? (figure.min, figure.max)
        }
        var exactly = !given.isEmpty
        let description = given.isEmpty ? "unknown" : given.map { figure in
            figure.value.map { "\($0) \(figure.unit.rawValue)" } ?? "\(figure.min?.description ?? "?")…\(figure.max?.description ?? "?") \(figure.unit.rawValue)"
        }.joined(separator: ", ")
        let thresholds = computeThresholds()
        for threshold in thresholds {
            guard let value = threshold.comparison.number else { continue }
            let unit = DisclosureRequest.Compute.Unit(rawValue: threshold.comparison.unit ?? "") ?? .operations
            let bounds = bounds(in: unit)
            if bounds.lower == nil || bounds.lower != bounds.upper { exactly = false }
            if let lower = bounds.lower, value < lower { continue }
            if let upper = bounds.upper, upper < value { continue }
            let (below, above) = value.neighbours
            /// The verdicts with the figure in the threshold's unit at `point` and any figure in
            /// the other unit kept (unless `alone`); nil where the two contradict (`computeContradiction`).
            func verdicts(at point: ExactDecimal, alone: Bool = false) throws(AnalysisError) -> [String: Verdict]? {
                var probe = request
                var model = probe.model ?? DisclosureRequest.Model()
                model.trainingCompute = [.init(value: point, unit: unit)] + (alone ? [] : given.filter { $0.unit != unit && given.count > 1 })
                guard model.computeContradiction == nil else { return nil }
                probe.model = model
                return try analyze(probe, asOf: analysisDate(of: probe, today: today), lookingAhead: false).postures
            }
            // A figure, or an end of the range, on a threshold whose comparator is in doubt: the
            // verdict there rests on the comparator, though no flip lies strictly within.
            if let edge = try edgeNote(threshold, unit: unit, bounds: bounds, givenIn: given.first { $0.unit == unit } == nil ? given.first?.unit : nil, verdicts: { point, alone throws(AnalysisError) in try verdicts(at: point, alone: alone) }) { notes.append(edge) }
            // `ge`/`lt` switch at the value, `gt`/`le` just above it, `eq`/`ne` at both. A switch
            // at the range's lower bound, or just above its upper bound, compares a value inside
            // the range with one outside it: every compute the request allows is on one side.
            for side in threshold.comparison.switches {
                if side == .atValue, let lower = bounds.lower, !(lower < value) { continue }
                if side != .atValue, let upper = bounds.upper, !(value < upper) { continue }
                let (lowPoint, highPoint) = side == .atValue ? (below, value) : (value, above)
                guard let low = try verdicts(at: lowPoint), let high = try verdicts(at: highPoint), low != high else { continue }
                flips.append(ThresholdFlip(
                    threshold: renderer.statement(.compare(threshold.comparison)),
                    value: value.description, unit: threshold.comparison.unit ?? "", rule: threshold.owner,
                    provision: threshold.provision, citation: graph.provisions[threshold.provision]?.citation ?? threshold.provision,
                    crossing: side == .atValue ? .at : .justAbove, below: low, atOrAbove: high,
                    evidence: graph.provisions[threshold.provision]?.evidence ?? .unverified,
                    comparatorEvidence: threshold.comparison.opEvidence, comparatorNote: threshold.comparison.opNote,
                    caveats: caveats.ids(of: [threshold.provision])))
            }
        }
        notes += otherUnitNotes(given, thresholds: thresholds)
        if flips.isEmpty {
            notes.append((exactly
                          ? "the compute is given exactly; no threshold lies strictly within it"
                          : "no threshold within the compute given changes the verdict", []))
        }
        return ThresholdReport(id: request.id, asOf: asOf, compute: description, flips: flips, notes: notes.map(\.text), noteCaveats: notes.map(\.caveats),
                               caveats: caveats.caveats(for: flips.flatMap(\.caveats) + notes.flatMap(\.caveats), texts: options.caveatTexts))
    }

    /// Where the compute given, or an end of its range, is exactly a threshold whose comparator is
    /// in doubt (4E091's ≥ against "more than"), and the verdict there differs on the other
    /// reading: what it is on each. On the other reading the threshold's value behaves as the
    /// number just beside it that the comparator as encoded does not reach.
    ///
    /// - Parameter givenUnit: the unit the figure was given in, where it is not the threshold's.
    func edgeNote(_ threshold: (comparison: Condition.Comparison, owner: String, provision: String), unit: DisclosureRequest.Compute.Unit,
                  bounds: (lower: ExactDecimal?, upper: ExactDecimal?), givenIn givenUnit: DisclosureRequest.Compute.Unit?,
                  verdicts: (ExactDecimal, Bool) throws(AnalysisError) -> [String: Verdict]?) throws(AnalysisError) -> (text: String, caveats: [String])? {
        let comparison = threshold.comparison
        guard let value = comparison.number, [.ge, .gt, .le, .lt].contains(comparison.op), renderer.thresholds.isInDoubt(comparison),
              bounds.lower == value || bounds.upper == value else { return nil }
        let (below, above) = value.neighbours
        let beside = comparison.switches == [.atValue] ? below : above
        // The number beside may contradict a figure given in the other unit (1e26 FLOP, so not
        // fewer than 1e26 operations): both are then tried on the threshold's unit alone.
        var pair = (try verdicts(value, false), try verdicts(beside, false))
        if pair.0 == nil || pair.1 == nil { pair = (try verdicts(value, true), try verdicts(beside, true)) }
        guard let encoded = pair.0, let otherReading = pair.1, encoded != otherReading else { return nil }
        let said = { (verdicts: [String: Verdict]) in
            self.options.postures.compactMap { posture in verdicts[posture.rawValue].map { "\($0.rawValue) (\(posture.rawValue))" } }.joined(separator: " · ")
        }
        let given = bounds.lower == bounds.upper ? "is exactly" : bounds.lower == value ? "starts at" : "ends at"
        let doubt = comparison.opNote.map { " (\($0))" } ?? ""
        let taken = givenUnit.map { " (given in \($0.rawValue), taken as \(unit.rawValue))" } ?? ""
        return ("the compute given \(given) \(value) \(unit.rawValue)\(taken), the threshold of \(graph.inlineCitation(of: threshold.provision)) "
                + "(\(renderer.statement(.compare(comparison)))): there the verdict is \(said(encoded)) on the comparator \(comparison.op.symbol), "
                + "and would be \(said(otherReading)) on the other reading\(doubt)", caveats.ids(of: [threshold.provision]))
    }

    /// A figure in one unit is taken as the figure in the other, as the analysis does, but every
    /// FLOP is an operation: from FLOP alone the operations count can only be higher, and from
    /// operations alone the FLOP count only lower. The thresholds in the other unit that the
    /// count not given may therefore cross, though the sweep (which holds the two equal) finds no
    /// flip at them, are named, so that a "given exactly" does not read as settled; each with the
    /// caveat ids of the threshold's provision.
    func otherUnitNotes(_ given: [DisclosureRequest.Compute],
                        thresholds: [(comparison: Condition.Comparison, owner: String, provision: String)]) -> [(text: String, caveats: [String])] {
        guard given.count == 1, let figure = given.first else { return [] }
        var notes: [(text: String, caveats: [String])] = []
        var named: Set<String> = []
        for threshold in thresholds {
            guard let value = threshold.comparison.number,
                  let unit = DisclosureRequest.Compute.Unit(rawValue: threshold.comparison.unit ?? ""), unit != figure.unit else { continue }
            let statement = renderer.statement(.compare(threshold.comparison))
            let citation = graph.inlineCitation(of: threshold.provision)
            guard named.insert("\(statement) \(citation)").inserted else { continue }
            switch figure.unit {
            case .flop:
                // Operations are at least the FLOP: a threshold above the lowest FLOP figure may be reached.
                guard let lower = figure.value ?? figure.min, lower < value else { continue }
                notes.append(("the compute is given in FLOP only and taken as the operations count; the operations count can only be higher, "
                              + "so \(statement) (\(citation)) may be met: give the operations count", caveats.ids(of: [threshold.provision])))
            case .operations:
                // The FLOP are at most the operations: a threshold below the highest figure may be missed.
                guard let upper = figure.value ?? figure.max, value < upper else { continue }
                notes.append(("the compute is given in operations only and taken as the FLOP count; the FLOP count can only be lower, "
                              + "so \(statement) (\(citation)) may not be met: give the FLOP count", caveats.ids(of: [threshold.provision])))
            }
        }
        return notes
    }

    /// Comparisons of quantity facts, with the rule, norm or exception that carries each and its
    /// provision, by value (equal values in the order of `conditionSites`).
    func computeThresholds() -> [(comparison: Condition.Comparison, owner: String, provision: String)] {
        var found: [(comparison: Condition.Comparison, owner: String, provision: String)] = []
        for site in graph.conditionSites {
            site.condition.visitAtoms { atom in
                if case .compare(let comparison) = atom, graph.facts[comparison.fact]?.type == .quantity {
                    found.append((comparison, site.owner, site.provisionID))
                }
            }
        }
        return found.sorted { ($0.comparison.number ?? .zero) < ($1.comparison.number ?? .zero) }
    }
}

extension ExactDecimal {
    /// The numbers just below and just above this one (by one unit in the tenth significant digit),
    /// exactly.
    var neighbours: (below: ExactDecimal, above: ExactDecimal) {
        let padding = 10
        let scaled = (digits.isEmpty ? "0" : digits) + String(repeating: "0", count: padding)
        let exponent = self.exponent - padding
        func shifted(_ text: String) -> ExactDecimal {
            let sign = isNegative ? "-" : ""
            return ExactDecimal("\(sign)\(text)e\(exponent)") ?? self
        }
        return (shifted(Self.decrement(scaled)), shifted(Self.increment(scaled)))
    }

    static func increment(_ digits: String) -> String {
        var bytes = Array(digits.utf8)
        var index = bytes.count - 1
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "9") {
                bytes[index] = UInt8(ascii: "0")
                index -= 1
            } else {
                bytes[index] += 1
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        return "1" + String(decoding: bytes, as: UTF8.self)
    }

    static func decrement(_ digits: String) -> String {
        var bytes = Array(digits.utf8)
        var index = bytes.count - 1
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "0") {
                bytes[index] = UInt8(ascii: "9")
                index -= 1
            } else {
                bytes[index] -= 1
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
