import ClauseGraph

/// Everything `ecca check` decides about one request, as the value that every output format
/// renders (text, JSON, and later Markdown and HTML): there is no second analysis path.
public struct RequestAnalysis: Sendable, Hashable, Codable {
    public var id: String
    public var asOf: LegalDate
    /// The most severe verdict over items and postures.
    public var verdict: Verdict
    /// The request's verdict under each posture analysed.
    public var postures: [String: Verdict]
    public var items: [ItemAnalysis]
    /// Every minimal clashing set of provisions, over all items, channels, recipients and postures.
    public var findings: [Finding]
    /// Assumptions made in reading the request (units).
    public var assumptions: [String]
    /// Obligations that would apply but do not bind on the as-of date, and similar remarks.
    public var notes: [String]
    /// The readings and open questions the findings rest on, each once, in the order the
    /// findings name them (`Finding.caveats`).
    public var caveats: [Caveat]
    /// The date the request was made, on which its obligations are judged, where it is not
    /// `asOf` (the disclosure's); nil when it is the same day, or the request is undated (an
    /// assumption then says so).
    public var requestDate: LegalDate? = nil
    /// Whether the request gives no date, so that `asOf` is `--as-of` or the day taken as today:
    /// a resumed batch reads it to analyse its undated requests on the day the kept lines did.
    public var undated = false
    /// The verdicts on the days after `asOf` and up to the request's deadline on which they change
    /// (`DatedVerdicts`); nil (absent from JSON) where they change on none.
    public var beforeDeadline: [DatedVerdicts]? = nil
}

extension RequestAnalysis {
    private enum CodingKeys: String, CodingKey {
        case id, asOf, verdict, postures, items, findings, assumptions, notes, caveats, requestDate, undated, beforeDeadline
    }

    /// Results written before caveats existed have none. Verdicts that contradict each other
    /// (`VerdictConsistency`) are refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id), asOf: try container.decode(LegalDate.self, forKey: .asOf),
                  verdict: try container.decode(Verdict.self, forKey: .verdict),
                  postures: try container.decode([String: Verdict].self, forKey: .postures),
                  items: try container.decode([ItemAnalysis].self, forKey: .items),
                  findings: try container.decode([Finding].self, forKey: .findings),
                  assumptions: try container.decode([String].self, forKey: .assumptions),
                  notes: try container.decode([String].self, forKey: .notes),
                  caveats: try container.decodeIfPresent([Caveat].self, forKey: .caveats) ?? [],
                  requestDate: try container.decodeIfPresent(LegalDate.self, forKey: .requestDate),
                  undated: try container.decodeIfPresent(Bool.self, forKey: .undated) ?? false,
                  beforeDeadline: try container.decodeIfPresent([DatedVerdicts].self, forKey: .beforeDeadline))
        // ecca never writes such results; read back, they would be filed or counted as they say.
        if let contradiction = verdictContradiction {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "the analysis of request \(id) contradicts itself: \(contradiction); was it edited?"))
        }
    }

    /// Written only when true, as the line writer does (`AnalysisJSONWriter`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(postures, forKey: .postures)
        try container.encode(items, forKey: .items)
        try container.encode(findings, forKey: .findings)
        try container.encode(assumptions, forKey: .assumptions)
        try container.encode(notes, forKey: .notes)
        try container.encode(caveats, forKey: .caveats)
        try container.encodeIfPresent(requestDate, forKey: .requestDate)
        if undated { try container.encode(true, forKey: .undated) }
        try container.encodeIfPresent(beforeDeadline, forKey: .beforeDeadline)
    }
}

public struct ItemAnalysis: Sendable, Hashable, Codable {
    public var index: Int
    public var id: String?
    public var artifact: String
    public var channel: String
    public var verdict: Verdict
    public var postures: [String: ItemPostureAnalysis]
}

public struct ItemPostureAnalysis: Sendable, Hashable, Codable {
    public var verdict: Verdict
    /// Outcome of each channel considered: the one asked for first, then the alternatives.
    public var channels: [ChannelOutcome]
    /// For `avoidable`: the accepted alternative channels that comply (empty otherwise).
    public var compliantAlternatives: [String]
    /// For `undetermined`, and for `avoidable` where the channel asked for may conflict: the
    /// conditions on unknown facts that decide the verdict.
    public var decidingConditions: [String]
    /// Per deciding condition, in the same order: the readings and open questions it rests on, by
    /// id (`RequestAnalysis.caveats`): those of the norms whose clash it would decide, as a ground
    /// that leaves them open cites them. A list of its own beside `decidingConditions` so that
    /// those stay plain strings for whoever reads them; absent from JSON where there are no
    /// deciding conditions, and in results written before it existed (each then rests on none).
    public var decidingConditionCaveats: [[String]]
    /// For `conflict`: what would cure it (licences, exceptions to establish).
    public var cures: [String]
    /// Finding ids (into `RequestAnalysis.findings`) for this item under this posture.
    public var findings: [String]
    /// For `clear`: why, norm by norm (what obliges the disclosure, and why each restriction
    /// that could forbid it does not), for the channel asked for. Nil where they were not worked
    /// out (`AnalysisOptions.groundsForClearVerdicts` off, as in a batch without `--grounds`, or
    /// results written before grounds existed): absent from JSON then, so such results read as before.
    public var grounds: [Ground]?
    /// For each compliant alternative (`compliantAlternatives`), why it is clear, as `grounds`
    /// says for the channel asked for: the channel a report recommends is explained as a clear
    /// one is. Nil where grounds were not worked out.
    public var alternativeGrounds: [String: [Ground]]? = nil
    /// The quantity conditions the verdict rests on only because the request's value is exactly
    /// their threshold, where the comparator is in doubt (`ThresholdEquality.statement`): a norm
    /// that binds would engage otherwise on the other reading. Said in the item's line, not only
    /// beside the condition and in a caveat; absent from JSON where there are none.
    public var exactThresholds: [String] = []

    /// The caveat ids deciding condition `index` rests on (none for results written before
    /// deciding conditions carried them).
    public func caveats(ofDecidingCondition index: Int) -> [String] {
        index < decidingConditionCaveats.count ? decidingConditionCaveats[index] : []
    }
}

extension ItemPostureAnalysis {
    private enum CodingKeys: String, CodingKey {
        case verdict, channels, compliantAlternatives, decidingConditions, decidingConditionCaveats, cures, findings, grounds,
             alternativeGrounds, exactThresholds
    }

    /// Results written before deciding conditions carried caveats have none for them; before
    /// `exactThresholds` existed, none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let deciding = try container.decode([String].self, forKey: .decidingConditions)
        let caveats = try container.decodeIfPresent([[String]].self, forKey: .decidingConditionCaveats)
            ?? Array(repeating: [], count: deciding.count)
        guard caveats.count == deciding.count else {
            throw DecodingError.dataCorruptedError(forKey: .decidingConditionCaveats, in: container, debugDescription:
                "\(caveats.count) lists of caveats for \(deciding.count) deciding conditions: one list is needed per condition")
        }
        self.init(verdict: try container.decode(Verdict.self, forKey: .verdict),
                  channels: try container.decode([ChannelOutcome].self, forKey: .channels),
                  compliantAlternatives: try container.decode([String].self, forKey: .compliantAlternatives),
                  decidingConditions: deciding, decidingConditionCaveats: caveats,
                  cures: try container.decode([String].self, forKey: .cures),
                  findings: try container.decode([String].self, forKey: .findings),
                  grounds: try container.decodeIfPresent([Ground].self, forKey: .grounds),
                  alternativeGrounds: try container.decodeIfPresent([String: [Ground]].self, forKey: .alternativeGrounds),
                  exactThresholds: try container.decodeIfPresent([String].self, forKey: .exactThresholds) ?? [])
    }

    /// As the synthesized encoding would, but without `decidingConditionCaveats` where there are no
    /// deciding conditions (most items), and without `exactThresholds` where there are none: a
    /// batch line does not grow for them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(channels, forKey: .channels)
        try container.encode(compliantAlternatives, forKey: .compliantAlternatives)
        try container.encode(decidingConditions, forKey: .decidingConditions)
        if !decidingConditions.isEmpty { try container.encode(decidingConditionCaveats, forKey: .decidingConditionCaveats) }
        try container.encode(cures, forKey: .cures)
        try container.encode(findings, forKey: .findings)
        try container.encodeIfPresent(grounds, forKey: .grounds)
        try container.encodeIfPresent(alternativeGrounds, forKey: .alternativeGrounds)
        if !exactThresholds.isEmpty { try container.encode(exactThresholds, forKey: .exactThresholds) }
    }
}

/// One reason for a clear verdict: a checked norm and what it comes to for the item.
public struct Ground: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// An obligation that binds and whose condition holds.
        case obliges
        /// Its provision does not bind on the date under the posture.
        case notBinding = "not-binding"
        /// An obligation of a voluntary text (a code of practice) in force, whose condition holds
        /// or may hold: it asks for the disclosure as the provider's commitment, not as law, so no
        /// conflict rests on it. Its reasons: the facts left open, if any (why it is voluntary is its
        /// instrument's caveat).
        case voluntary
        /// Its condition does not hold for this item.
        case notApplicable = "not-applicable"
        /// Its condition holds but an exception does.
        case excepted
        /// A prohibition that binds and applies, where nothing obliges the disclosure.
        case forbids
        /// Whether it applies depends on facts the request leaves open, and the solver found no
        /// way for it to clash.
        case open
    }

    /// The provision carrying the norm.
    public var provision: String
    public var citation: String
    public var jurisdiction: String
    /// `obligation` or `prohibition`.
    public var modality: String
    public var outcome: Outcome
    /// The recipient it was found for; nil when it is the same for every recipient of the item
    /// (or the item goes to the requesting authority itself).
    public var recipient: Int?
    /// Why, in the terms of the request: the status (not binding), the failing conditions (not
    /// applicable, open), the exception that holds (excepted); for obliges and forbids, the other
    /// readings of the law on which the norm would not engage (`OtherReading.statement`), if any.
    public var reasons: [String]
    /// The readings and open questions of the provision and its instrument, by id
    /// (`RequestAnalysis.caveats`).
    public var caveats: [String]
    /// For `not-binding` under the enforcement posture: true where the provision binds under the
    /// text posture on the date, so that it is law that is not enforced, which reports say as
    /// such ("is not enforced"); absent otherwise.
    public var inForceButNotEnforced: Bool? = nil
    /// True where ecca's encoding does not verify the citation (`InlineCitation`); absent otherwise.
    public var citationNotVerified: Bool? = nil
    /// For `not-binding`: the weakest evidence of the status axes the posture reads, where it is
    /// below verified (the non-enforcement of the AI Diffusion rule: `secondary`), so that a format
    /// without the status text (CSV) still marks it; absent otherwise.
    public var statusEvidence: Evidence? = nil
}

extension Ground: CitesProvision {
    private enum CodingKeys: String, CodingKey {
        case provision, citation, jurisdiction, modality, outcome, recipient, reasons, caveats, inForceButNotEnforced, citationNotVerified, statusEvidence
    }

    /// Results written before caveats existed have none; before `inForceButNotEnforced` existed,
    /// none says so.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(provision: try container.decode(String.self, forKey: .provision),
                  citation: try container.decode(String.self, forKey: .citation),
                  jurisdiction: try container.decode(String.self, forKey: .jurisdiction),
                  modality: try container.decode(String.self, forKey: .modality),
                  outcome: try container.decode(Outcome.self, forKey: .outcome),
                  recipient: try container.decodeIfPresent(Int.self, forKey: .recipient),
                  reasons: try container.decode([String].self, forKey: .reasons),
                  caveats: try container.decodeIfPresent([String].self, forKey: .caveats) ?? [],
                  inForceButNotEnforced: try container.decodeIfPresent(Bool.self, forKey: .inForceButNotEnforced),
                  citationNotVerified: try container.decodeIfPresent(Bool.self, forKey: .citationNotVerified),
                  statusEvidence: try container.decodeIfPresent(Evidence.self, forKey: .statusEvidence))
    }
}

/// A part of a result that gives a provision's citation as a value, with whether ecca's encoding
/// verifies it, so that every report, including one read back from JSON, gives it inline as
/// `InlineCitation` says.
public protocol CitesProvision {
    var citation: String { get }
    /// True where the citation is not verified; nil (absent from JSON) otherwise.
    var citationNotVerified: Bool? { get }
}

extension CitesProvision {
    /// The citation as running text gives it ("15 CFR 742.6(a)(13) (citation not verified)").
    public var inlineCitation: String { InlineCitation.text(citation, verified: citationNotVerified != true) }
}

/// A provision a result quotes with its evidence, which the JSON carries: its citation is marked
/// from that, as `Provision.citationVerified` is.
public protocol QuotesProvision: CitesProvision {
    var evidence: Evidence { get }
}

extension QuotesProvision {
    public var citationNotVerified: Bool? { evidence == .unverified ? true : nil }
}

public struct ChannelOutcome: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable { case compliant, conflicting, undetermined }
    public var channel: String
    public var outcome: Outcome
    /// Set when the solver gave up (time or memory limit), and on a conflicting channel whose
    /// clashing sets were too many to list.
    public var reason: String?
    /// On a compliant channel: the provisions whose prohibitions forbid it under the posture (for
    /// some recipient), which nothing obliges, so that they do not clash. "compliant" is the
    /// solver's word for no conflict, not a statement that the disclosure is lawful: a consumer of
    /// the JSON reads here what forbids it, as a ground that `forbids` says. Nil (absent from
    /// JSON) where none does, and in results written before it existed.
    public var forbiddenBy: [String]? = nil

    /// Whether the solver stopped at a limit before deciding this channel: a reason on an
    /// undetermined channel is always a limit (a cut list of clashing sets is a conflict's).
    public var reachedSolverLimit: Bool { outcome == .undetermined && reason != nil }
}

/// One minimal set of clashing provisions, explained in the law's own words.
public struct Finding: Sendable, Hashable, Codable {
    /// Stable id: item, channel, recipient, posture and the clashing provisions.
    public var id: String
    public var item: Int
    public var channel: String
    public var recipient: Int?
    public var posture: Posture
    /// The clashing provisions (obligations and prohibitions) in a stable order.
    public var provisions: [ProvisionReference]
    /// Constitutive rules that made the norms apply, with their provisions.
    public var rules: [RuleApplication]
    /// The facts that triggered the norms.
    public var triggeringFacts: [String]
    /// The exceptions considered, and why each failed.
    public var exceptions: [ExceptionOutcome]
    /// Assumptions that the finding relies on (a FLOP figure used as an operations count).
    public var assumptions: [String]
    /// The conflict signature: the same clashing provisions give the same signature.
    public var signature: String
    /// The readings and open questions it rests on, by id (`RequestAnalysis.caveats`).
    public var caveats: [String]
    /// Other readings of the law on which a norm of the finding would not engage, so that the
    /// conflict rests on ecca's reading (`OtherReading`); absent from JSON where there are none.
    public var otherReadings: [OtherReading] = []
}

extension Finding {
    private enum CodingKeys: String, CodingKey {
        case id, item, channel, recipient, posture, provisions, rules, triggeringFacts, exceptions, assumptions, signature, caveats, otherReadings
    }

    /// As the synthesized encoding would, but without `otherReadings` where there are none: a
    /// batch line does not grow for them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(item, forKey: .item)
        try container.encode(channel, forKey: .channel)
        try container.encodeIfPresent(recipient, forKey: .recipient)
        try container.encode(posture, forKey: .posture)
        try container.encode(provisions, forKey: .provisions)
        try container.encode(rules, forKey: .rules)
        try container.encode(triggeringFacts, forKey: .triggeringFacts)
        try container.encode(exceptions, forKey: .exceptions)
        try container.encode(assumptions, forKey: .assumptions)
        try container.encode(signature, forKey: .signature)
        try container.encode(caveats, forKey: .caveats)
        if !otherReadings.isEmpty { try container.encode(otherReadings, forKey: .otherReadings) }
    }

    /// Results written before caveats existed have none; before other readings existed, none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id), item: try container.decode(Int.self, forKey: .item),
                  channel: try container.decode(String.self, forKey: .channel),
                  recipient: try container.decodeIfPresent(Int.self, forKey: .recipient),
                  posture: try container.decode(Posture.self, forKey: .posture),
                  provisions: try container.decode([ProvisionReference].self, forKey: .provisions),
                  rules: try container.decode([RuleApplication].self, forKey: .rules),
                  triggeringFacts: try container.decode([String].self, forKey: .triggeringFacts),
                  exceptions: try container.decode([ExceptionOutcome].self, forKey: .exceptions),
                  assumptions: try container.decode([String].self, forKey: .assumptions),
                  signature: try container.decode(String.self, forKey: .signature),
                  caveats: try container.decodeIfPresent([String].self, forKey: .caveats) ?? [],
                  otherReadings: try container.decodeIfPresent([OtherReading].self, forKey: .otherReadings) ?? [])
    }
}

public struct ProvisionReference: Sendable, Hashable, Codable, QuotesProvision {
    public var id: String
    public var citation: String
    public var jurisdiction: String
    public var modality: String
    public var instrument: String
    public var officialID: String?
    public var sourceID: String?
    public var sourceURL: String?
    public var evidence: Evidence
    public var wordingKind: String
    public var heading: String?
    public var wording: String
    /// What the provision's status is on the as-of date ("in force, applicable, enforced").
    public var status: String
    public var norm: String?
    /// For an obligation: what a breach of it exposes its bearer to, the provisions of its norm's
    /// sanctions (Art. 101(1)(d)). Nil (absent from JSON) where the norm names none, and in
    /// results written before it existed.
    public var sanctions: [SanctionReference]? = nil
}

/// A provision that sanctions the breach of an obligation, in the law's own words: the point
/// (Art. 101(1)(d): "failed to make available to the Commission access …") with the words that
/// lead in to it (Art. 101(1): the fine's cap, 3 % of worldwide turnover or EUR 15 000 000, and
/// its fault standard, "intentionally or negligently"), which a legal team weighs with the clash.
public struct SanctionReference: Sendable, Hashable, Codable, QuotesProvision {
    public var id: String
    public var citation: String
    public var evidence: Evidence
    public var wordingKind: String
    /// The words of the provision holding the point before its points (`ClauseGraph.leadIn`);
    /// nil where there are none.
    public var leadIn: String?
    public var wording: String
    /// Its status on the as-of date, as a clashing provision's is given.
    public var status: String
}

public struct RuleApplication: Sendable, Hashable, Codable, CitesProvision {
    public var rule: String
    public var label: String
    public var provision: String
    public var citation: String
    /// True where ecca's encoding does not verify the citation (`InlineCitation`); absent otherwise.
    public var citationNotVerified: Bool? = nil
}

public struct ExceptionOutcome: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var provision: String?
    public var citation: String?
    /// Of the norm it would defeat.
    public var norm: String
    public var holds: Truth
    /// Why it failed, atom by atom ("recipient.location is not in Tier 1 (request: PL)").
    public var reasons: [String]
    /// The exporter could establish these to make the exception hold (claims, licences).
    public var wouldHoldIfEstablished: [String]
    /// True where ecca's encoding does not verify the citation (`InlineCitation`); absent otherwise.
    public var citationNotVerified: Bool? = nil

    /// The exception as reports name it: its label, with its citation unless the label gives it,
    /// either marked where it is not verified.
    public var name: String { Self.name(label: label, citation: citation, verified: citationNotVerified != true) }

    /// The label, with its citation marked where the label gives it and it is not verified.
    public var inlineLabel: String { Self.inlineLabel(label, citation: citation, verified: citationNotVerified != true) }

    /// The citation as running text gives it, when the label does not already give it ("License
    /// Exception AIA (15 CFR 740.27): …").
    public var citationNotInLabel: String? { Self.citation(citation, notIn: label, verified: citationNotVerified != true) }

    static func name(label: String, citation: String?, verified: Bool) -> String {
        inlineLabel(label, citation: citation, verified: verified)
            + (Self.citation(citation, notIn: label, verified: verified).map { " (\($0))" } ?? "")
    }

    private static func inlineLabel(_ label: String, citation: String?, verified: Bool) -> String {
        citation.flatMap { InlineCitation.marked(label, naming: $0, verified: verified) } ?? label
    }

    private static func citation(_ citation: String?, notIn label: String, verified: Bool) -> String? {
        citation.flatMap { label.contains($0) ? nil : InlineCitation.text($0, verified: verified) }
    }
}
