import ClauseGraph
import EccaAnalysis

/// Findings with the same clashing provisions (the same `signature`), shown once with the
/// provisions side by side and then each finding (item, channel, recipient, posture) in turn:
/// a multi-recipient, multi-channel item repeats the provisions but not the report.
struct ConflictGroupView {
    var number: Int
    var anchor: String
    var signature: String
    var title: String
    var provisions: [ProvisionView]
    var findings: [FindingView]
    var severalFindings: Bool
    /// Whether a provision of the group has a sanction (the Markdown table's row).
    var hasSanctions: Bool

    static func groups(_ findings: [Finding], request: String, asOf: String, numbers: [String: Int],
                       caveats: CaveatNumbers) -> [ConflictGroupView] {
        var order: [String] = []
        var members: [String: [Finding]] = [:]
        for finding in findings {
            if members[finding.signature] == nil { order.append(finding.signature) }
            members[finding.signature, default: []].append(finding)
        }
        return order.enumerated().map { index, signature in
            let group = members[signature]!
            let number = index + 1
            return ConflictGroupView(
                number: number, anchor: "\(request)-conflict-\(number)", signature: signature,
                title: group[0].provisions.map(\.citation).joined(separator: " × "),
                provisions: group[0].provisions.map { ProvisionView($0, asOf: asOf) },
                findings: group.map { FindingView($0, number: numbers[$0.id] ?? 0, request: request, caveats: caveats) },
                severalFindings: group.count > 1, hasSanctions: group[0].provisions.contains { !($0.sanctions ?? []).isEmpty })
        }
    }
}

/// A clashing provision in the law's own words, with where to read it and how sure we are.
struct ProvisionView {
    var provisionID: String
    var jurisdiction: String
    var modality: String
    var role: String
    var citation: String
    var instrument: String
    var heading: String
    var hasHeading: Bool
    var wording: String
    /// `WordingKind.label`: "verbatim from a secondary copy", "paraphrase".
    var wordingLabel: String
    /// Verbatim wording stands in quotation marks; a paraphrase never does.
    var quotedWording: Bool
    var evidence: String
    var evidenceMeaning: String
    var officialID: String
    var sourceID: String
    var link: LinkView?
    var status: String
    var asOf: String
    /// What a breach of the obligation exposes its bearer to (`SanctionWording`), each with its
    /// status; empty for a prohibition.
    var sanctions: [String]

    init(_ provision: ProvisionReference, asOf: String) {
        provisionID = provision.id
        jurisdiction = provision.jurisdiction
        modality = provision.modality
        role = ModalityWording.role(provision.modality)
        citation = provision.citation
        instrument = provision.instrument
        heading = provision.heading ?? ""
        hasHeading = provision.heading != nil
        wording = provision.wording
        wordingLabel = WordingKind.label(provision.wordingKind, evidence: provision.evidence)
        quotedWording = WordingKind.quoted(provision.wordingKind)
        evidence = provision.evidence.rawValue
        switch provision.evidence {
        case .verified: evidenceMeaning = "checked against the legal text"
        case .secondary: evidenceMeaning = "from a secondary source, not yet checked against the official text"
        case .unverified: evidenceMeaning = "from memory or inference: a hypothesis until checked"
        }
        officialID = provision.officialID ?? ""
        sourceID = provision.sourceID ?? ""
        link = provision.sourceURL.flatMap { LinkView(url: $0, text: provision.officialID ?? "source") }
        status = provision.status
        self.asOf = asOf
        sanctions = (provision.sanctions ?? []).map { "\($0.inlineCitation): \(SanctionWording.text($0)) (\($0.status))" }
    }
}

/// A link to an official source: only http and https addresses become links (a `javascript:`
/// address in a rules file stays text).
struct LinkView {
    var linkHref: String
    var linkText: String
    /// `linkHref` as the Markdown template writes it between `<` and `>` (`MarkdownEscaping`):
    /// the address itself, which the escaping of text would alter to keep it from linking.
    var markdownHref: String

    init?(url: String, text: String) {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !url.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return nil }
        linkHref = url
        linkText = text
        markdownHref = MarkdownEscaping.destination(url)
    }
}

/// One finding: where it arises, the facts that triggered it, and each exception and why it failed.
struct FindingView {
    var number: Int
    var anchor: String
    var findingID: String
    var place: String
    var posture: PostureColumn
    var triggeringFacts: [String]
    var hasFacts: Bool
    var rules: [RuleView]
    var hasRules: Bool
    var exceptions: [ExceptionView]
    var hasExceptions: Bool
    /// Other readings of the law on which the conflict would not arise (`OtherReading`).
    var findingOtherReadings: [String]
    var findingAssumptions: [String]
    /// "caveats 1-8", pointing to the request's readings and open questions.
    var findingCaveats: String?

    init(_ finding: Finding, number: Int, request: String, caveats: CaveatNumbers) {
        self.number = number
        anchor = "\(request)-finding-\(number)"
        findingID = finding.id
        place = "item \(finding.item), \(finding.channel), " + (finding.recipient.map { "recipient \($0)" } ?? "the requesting authority")
        posture = PostureColumn(finding.posture.rawValue)
        triggeringFacts = finding.triggeringFacts
        hasFacts = !finding.triggeringFacts.isEmpty
        rules = finding.rules.map { RuleView(ruleLabel: $0.label, ruleCitation: $0.inlineCitation) }
        hasRules = !rules.isEmpty
        exceptions = finding.exceptions.map(ExceptionView.init)
        hasExceptions = !exceptions.isEmpty
        findingOtherReadings = finding.otherReadings.map(\.findingStatement)
        findingAssumptions = finding.assumptions
        findingCaveats = caveats.reference(finding.caveats)
    }
}

struct RuleView {
    var ruleLabel: String
    var ruleCitation: String
}

/// An exception considered, whether it held, and why not.
struct ExceptionView {
    var exceptionName: String
    var outcome: String
    var outcomeClass: String
    var reasons: [String]
    var wouldHoldIf: [String]

    init(_ exception: ExceptionOutcome) {
        exceptionName = exception.name
        switch exception.holds {
        case .true: outcome = "holds"; outcomeClass = "holds"
        case .false: outcome = "failed"; outcomeClass = "failed"
        case .unknown: outcome = "not established"; outcomeClass = "unknown"
        }
        reasons = exception.reasons
        wouldHoldIf = exception.wouldHoldIfEstablished
    }
}
