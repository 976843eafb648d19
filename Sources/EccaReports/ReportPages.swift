import Dispatch
import EccaAnalysis

/// A Markdown or HTML report rendered a request at a time, so that a report on 10^5 analyses is
/// made with the memory of one (`ecca report` on a batch's NDJSON), not of all of them at once.
///
/// What comes first in the report is known last: whether it has several requests (which numbers
/// their headings), and, in HTML, every request's id and verdict (its title and list of
/// requests). So the body is handed out as it is rendered, for the caller to keep (a scratch
/// file), and `finish` gives the head to put before it and the receipt to put after it.
///
/// Requests are rendered `chunk` at a time, side by side on every core (rendering is most of a
/// report's time, about 2 ms a request in the templates), and handed out in order; the first
/// chunk also says whether there are several.
public struct ReportPages {
    public enum Format: Sendable {
        case markdown
        case html

        /// The templates' names begin with it.
        var templatePrefix: String {
            switch self {
            case .markdown: "markdown"
            case .html: "html"
            }
        }
    }

    public let format: Format
    /// Requests added.
    public private(set) var count = 0
    /// Requests added and not rendered yet.
    private var pending: [(analysis: RequestAnalysis, picture: ConflictPicture?)] = []
    private var glances: [RequestGlance] = []
    /// How many requests are rendered together (at least 2, so that the first chunk says
    /// whether there are several).
    let chunk: Int

    public init(format: Format) {
        self.init(format: format, chunk: 64)
    }

    init(format: Format, chunk: Int) {
        precondition(chunk >= 2, "a chunk of requests must tell whether there are several")
        self.format = format
        self.chunk = chunk
    }

    /// Adds one request: the text to add to the body, which is empty until a chunk of requests
    /// is rendered.
    /// - Parameter picture: the HTML report's conflict graph for this request (drawn by
    ///   `Graphviz` beforehand, so rendering stays pure); nil reads `.graphvizMissing`.
    public mutating func add(_ analysis: RequestAnalysis, picture: ConflictPicture? = nil) throws(ReportError) -> String {
        count += 1
        pending.append((analysis, picture))
        return pending.count < chunk ? "" : try renderPending(several: true)
    }

    /// The rest of the report: the head, to be put before the body handed out so far, what is
    /// left of the body, and the end (the receipt).
    public mutating func finish(receipt: ReproducibilityReceipt) throws(ReportError) -> (head: String, body: String, end: String) {
        let body = try renderPending(several: count > 1)
        let frame = ReportFrameView(several: count > 1, requests: glances, receipt: ReceiptView(receipt))
        let head = try ReportTemplates.render(frame, template: "\(format.templatePrefix)-head")
        let end = try ReportTemplates.render(frame, template: "\(format.templatePrefix)-receipt")
        return (head, body, end)
    }

    /// The whole report at once, from analyses in memory.
    static func render(_ report: ConflictReport, format: Format, pictures: [ConflictPicture]? = nil,
                       chunk: Int = 64) throws(ReportError) -> String {
        var pages = ReportPages(format: format, chunk: chunk)
        var body = ""
        for (index, analysis) in report.analyses.enumerated() {
            body += try pages.add(analysis, picture: pictures.flatMap { index < $0.count ? $0[index] : nil })
        }
        let rest = try pages.finish(receipt: report.receipt)
        return rest.head + body + rest.body + rest.end
    }

    /// Renders the pending requests side by side, and hands their text out in order.
    private mutating func renderPending(several: Bool) throws(ReportError) -> String {
        let first = count - pending.count + 1
        let rendered = try Self.sections(pending, firstNumber: first, several: several, format: format)
        pending.removeAll(keepingCapacity: true)
        if format == .html { glances += rendered.map(\.glance) }
        return rendered.map(\.text).joined()
    }

    private static func sections(_ requests: [(analysis: RequestAnalysis, picture: ConflictPicture?)], firstNumber: Int,
                                 several: Bool, format: Format) throws(ReportError) -> [(text: String, glance: RequestGlance)] {
        typealias Rendered = Result<(text: String, glance: RequestGlance), ReportError>
        // Each iteration writes its own slot, and the slots are read once all have run.
        nonisolated(unsafe) let slots = UnsafeMutableBufferPointer<Rendered?>.allocate(capacity: requests.count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        let prefix = format.templatePrefix
        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            let (analysis, picture) = requests[index]
            let request = RequestView(analysis, number: firstNumber + index, picture: format == .html ? picture ?? .graphvizMissing : nil)
            slots[index] = Rendered { () throws(ReportError) in
                (try ReportTemplates.render(RequestPageView(several: several, request: request), template: "\(prefix)-request"),
                 RequestGlance(request))
            }
        }
        return try slots.map { slot throws(ReportError) in try slot!.get() }
    }
}
