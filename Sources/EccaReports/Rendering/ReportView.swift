import ClauseGraph
import EccaAnalysis

/// The parts of a report that are not one request, as the templates see them: plain stored
/// properties (swift-mustache reads them by reflection). Values are raw text: each template
/// escapes them for its format. Optional properties have names used nowhere else, because
/// Mustache looks a missing name up in the enclosing sections.
struct ReportFrameView {
    var title = "Export-control conflict report"
    var several: Bool
    /// Every request's id and verdict, which the HTML report's head lists before the requests.
    var requests: [RequestGlance]
    var receipt: ReceiptView
}

/// One request's section, with what it needs to know of the whole report.
struct RequestPageView {
    var several: Bool
    var request: RequestView
}

/// A request as the HTML report's head lists it: a few strings, kept for every request while
/// the sections are rendered.
struct RequestGlance {
    var anchor: String
    var id: String
    var verdict: VerdictView
    var headlineQualifier: String?

    init(_ request: RequestView) {
        anchor = request.anchor
        id = request.id
        verdict = request.verdict
        headlineQualifier = request.headlineQualifier
    }
}

/// A verdict with the words the report uses for it (what a request's verdict means is said by
/// `VerdictHeadline`, which knows the postures it holds under).
struct VerdictView {
    var name: String
    var word: String

    init(_ verdict: Verdict) {
        name = verdict.rawValue
        word = verdict.rawValue.uppercased()
    }
}

struct PostureColumn {
    var posture: String
    var postureLabel: String

    init(_ posture: String) {
        self.posture = posture
        switch posture {
        case "text": postureLabel = "text (the law in force)"
        case "enforcement": postureLabel = "enforcement (what is enforced)"
        default: postureLabel = posture
        }
    }
}

/// One request: summary, picture, conflicts grouped by their clashing provisions, items' cures.
struct RequestView {
    var number: Int
    var anchor: String
    var id: String
    var asOf: String
    /// The day the request was made, where it is not `asOf` (`RequestAnalysis.requestDate`).
    var requestDate: String?
    var verdict: VerdictView
    /// "under the text in force" when the verdict does not hold under both postures (`VerdictHeadline`).
    var headlineQualifier: String?
    var headlineMeaning: String
    /// Which of the text and enforcement postures was not analysed.
    var notAnalysed: String?
    /// The verdicts a disclosure on a later day up to the deadline meets (`VerdictHeadline.beforeDeadline`).
    var beforeDeadline: String?
    var postureColumns: [PostureColumn]
    var postureVerdicts: [PostureVerdictView]
    var items: [ItemView]
    var groups: [ConflictGroupView]
    var hasGroups: Bool
    var findingCount: String
    var groupCount: String
    var picture: PictureView?
    var itemDetails: [ItemView]
    var hasItemDetails: Bool
    var assumptions: [String]
    var notes: [String]
    var hasRemarks: Bool
    var caveats: [CaveatView]
    var hasCaveats: Bool

    init(_ analysis: RequestAnalysis, number: Int, picture: ConflictPicture?) {
        self.number = number
        anchor = "request-\(number)"
        id = analysis.id
        asOf = analysis.asOf.iso
        requestDate = analysis.requestDate?.iso
        verdict = VerdictView(analysis.verdict)
        let headline = VerdictHeadline(analysis)
        headlineQualifier = headline.qualifier.isEmpty ? nil : headline.qualifier
        headlineMeaning = headline.meaning
        notAnalysed = headline.notAnalysed
        beforeDeadline = headline.beforeDeadline
        let postures = PostureOrder.sorted(analysis.postures.keys)
        postureColumns = postures.map(PostureColumn.init)
        postureVerdicts = postures.map { PostureVerdictView(posture: PostureColumn($0), postureVerdict: analysis.postures[$0].map(VerdictView.init)) }
        let numbers = Dictionary(analysis.findings.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        let anchor = anchor
        let caveatNumbers = CaveatNumbers(analysis)
        groups = ConflictGroupView.groups(analysis.findings, request: anchor, asOf: asOf, numbers: numbers, caveats: caveatNumbers)
        let groupsBySignature = Dictionary(groups.map { ($0.signature, $0) }, uniquingKeysWith: { first, _ in first })
        items = analysis.items.map {
            ItemView($0, postures: postures, findings: analysis.findings, groups: groupsBySignature, request: anchor, numbers: numbers,
                     caveats: caveatNumbers)
        }
        itemDetails = items.filter(\.hasDetails)
        hasItemDetails = !itemDetails.isEmpty
        hasGroups = !groups.isEmpty
        findingCount = analysis.findings.count == 1 ? "1 finding" : "\(analysis.findings.count) findings"
        groupCount = groups.count == 1 ? "1 conflict" : "\(groups.count) conflicts"
        self.picture = analysis.findings.isEmpty ? nil : picture.map { PictureView($0, graph: ConflictGraph(analysis), idPrefix: "\(anchor)-graph-") }
        assumptions = analysis.assumptions
        notes = analysis.notes
        hasRemarks = !analysis.assumptions.isEmpty || !analysis.notes.isEmpty
        caveats = analysis.caveats.enumerated().map { CaveatView(caveatNumber: $0 + 1, caveatName: $1.name, caveatText: CaveatNumbers.text(of: $1)) }
        hasCaveats = !caveats.isEmpty
    }
}

/// A reading or open question, given once per request and pointed to by number.
struct CaveatView {
    var caveatNumber: Int
    var caveatName: String
    var caveatText: String
}

struct PostureVerdictView {
    var posture: PostureColumn
    var postureVerdict: VerdictView?
}

/// One request item: its verdict under each posture, what decides it, and what would cure it.
struct ItemView {
    var index: Int
    var label: String
    var artifact: String
    var channel: String
    var verdict: VerdictView
    /// One per posture column of the request, in the same order.
    var cells: [PostureCellView]
    /// The clashing provisions (linked to their conflict), alternatives and deciding conditions.
    var deciding: [DecidingView]
    var hasDeciding: Bool
    var postureDetails: [ItemPostureView]
    var hasDetails: Bool

    init(_ item: ItemAnalysis, postures: [String], findings: [Finding], groups: [String: ConflictGroupView],
         request: String, numbers: [String: Int], caveats: CaveatNumbers) {
        index = item.index
        label = "item \(item.index)" + (item.id.map { " [\($0)]" } ?? "")
        artifact = item.artifact
        channel = item.channel
        verdict = VerdictView(item.verdict)
        cells = postures.map { PostureCellView(posture: $0, cellVerdict: item.postures[$0].map { VerdictView($0.verdict) }) }
        // The clashing provisions first, then alternatives and conditions; each entry once, with
        // the postures it holds under when that is not all of them.
        var entries: [(text: String, anchor: String?, postures: [String])] = []
        func note(_ text: String, anchor: String?, posture: String) {
            if let index = entries.firstIndex(where: { $0.text == text }) {
                if !entries[index].postures.contains(posture) { entries[index].postures.append(posture) }
            } else {
                entries.append((text, anchor, [posture]))
            }
        }
        for posture in postures {
            for id in item.postures[posture]?.findings ?? [] {
                guard let finding = findings.first(where: { $0.id == id }), let group = groups[finding.signature] else { continue }
                note(group.title, anchor: group.anchor, posture: posture)
            }
        }
        for posture in postures {
            guard let detail = item.postures[posture], detail.verdict != .clear else { continue }
            detail.compliantAlternatives.forEach { note("complies via the accepted alternative '\($0)'", anchor: nil, posture: posture) }
            detail.decidingConditions.forEach { note($0, anchor: nil, posture: posture) }
        }
        // A verdict that rests on a value exactly at a threshold whose comparator is in doubt.
        for posture in postures {
            item.postures[posture]?.exactThresholds.forEach { note("on the threshold: \($0)", anchor: nil, posture: posture) }
        }
        let deciding = entries.map { entry in
            DecidingView(decidingText: entry.text + (entry.postures.count == postures.count ? "" : " (\(entry.postures.joined(separator: ", ")))"),
                         decidingAnchor: entry.anchor)
        }
        self.deciding = deciding
        hasDeciding = !deciding.isEmpty
        postureDetails = postures.compactMap { posture in
            item.postures[posture].map { ItemPostureView($0, posture: posture, request: request, numbers: numbers, caveats: caveats) }
        }.filter(\.hasContent)
        hasDetails = !postureDetails.isEmpty
    }
}

struct PostureCellView {
    var posture: String
    var cellVerdict: VerdictView?
}

struct DecidingView {
    var decidingText: String
    var decidingAnchor: String?
}

/// An item under one posture: channels tried, compliant alternatives, deciding conditions, cures,
/// and the grounds of a clear verdict.
struct ItemPostureView {
    var posture: PostureColumn
    var verdict: VerdictView
    var channels: [ChannelView]
    var showChannels: Bool
    var compliantAlternatives: [AlternativeView]
    var decidingConditions: [String]
    var cures: [String]
    var grounds: [String]
    /// A clear verdict read from results made without grounds (`ecca batch` without `--grounds`).
    var groundsNotWorkedOut: Bool
    var findingLinks: [FindingLinkView]
    var hasFindingLinks: Bool
    var severalFindingLinks: Bool
    var hasContent: Bool

    init(_ detail: ItemPostureAnalysis, posture: String, request: String, numbers: [String: Int], caveats: CaveatNumbers) {
        self.posture = PostureColumn(posture)
        verdict = VerdictView(detail.verdict)
        channels = detail.channels.enumerated().map { index, channel in
            ChannelView(channelName: channel.channel, outcome: ChannelWording.outcome(channel), asked: index == 0, channelReason: channel.reason)
        }
        showChannels = detail.channels.count > 1 || detail.channels.contains { $0.reason != nil }
        // An alternative is a cure only where the channel asked for does not comply.
        compliantAlternatives = detail.verdict == .clear ? [] : detail.compliantAlternatives.map { channel in
            AlternativeView(alternativeName: channel,
                            alternativeGrounds: GroundWording.sentences(detail.alternativeGrounds?[channel] ?? [], caveats: caveats))
        }
        decidingConditions = caveats.decidingConditions(detail)
        cures = detail.cures
        grounds = GroundWording.sentences(detail.grounds ?? [], caveats: caveats)
        groundsNotWorkedOut = detail.verdict == .clear && detail.grounds == nil
        findingLinks = detail.findings.compactMap { id in
            numbers[id].map { FindingLinkView(findingNumber: $0, findingAnchor: "\(request)-finding-\($0)") }
        }
        hasFindingLinks = !findingLinks.isEmpty
        severalFindingLinks = findingLinks.count > 1
        hasContent = showChannels || !cures.isEmpty || !compliantAlternatives.isEmpty || !decidingConditions.isEmpty || !grounds.isEmpty
            || groundsNotWorkedOut
    }
}

/// An accepted alternative channel that complies, with why it is clear.
struct AlternativeView {
    var alternativeName: String
    var alternativeGrounds: [String]
    var hasAlternativeGrounds: Bool

    init(alternativeName: String, alternativeGrounds: [String]) {
        self.alternativeName = alternativeName
        self.alternativeGrounds = alternativeGrounds
        hasAlternativeGrounds = !alternativeGrounds.isEmpty
    }
}

struct ChannelView {
    var channelName: String
    var outcome: String
    var asked: Bool
    var channelReason: String?
}

struct FindingLinkView {
    var findingNumber: Int
    var findingAnchor: String
}
