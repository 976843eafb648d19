import EccaAnalysis

/// A Markdown or HTML report rendered a request at a time, so that a report on 10^5 analyses is
/// made with the memory of one (`ecca report` on a batch's NDJSON), not of all of them at once.
///
/// What comes first in the report is known last: whether it has several requests (which numbers
/// their headings), and, in HTML, every request's id and verdict (its title and list of
/// requests). So the body is handed out as it is rendered, for the caller to keep (a scratch
/// file), and `finish` gives the head to put before it and the receipt to put after it. The
/// first request is held back until a second one (or `finish`) says whether there are several.
public struct ReportPages {
    public enum Format: Sendable {
        case markdown
        case html
    }

    public let format: Format
    /// Requests rendered or held.
    public private(set) var count = 0
    private var held: (analysis: RequestAnalysis, picture: ConflictPicture?)?
    private var glances: [RequestGlance] = []

    public init(format: Format) {
        self.format = format
    }

    /// Renders one request's section: the text to add to the body, which is empty while the
    /// first request is held back.
    /// - Parameter picture: the HTML report's conflict graph for this request (drawn by
    ///   `Graphviz` beforehand, so rendering stays pure); nil reads `.graphvizMissing`.
    public mutating func add(_ analysis: RequestAnalysis, picture: ConflictPicture? = nil) throws(ReportError) -> String {
        count += 1
        if count == 1 {
            held = (analysis, picture)
            return ""
        }
        var text = ""
        if let first = held {
            held = nil
            text = try section(first.analysis, number: 1, picture: first.picture, several: true)
        }
        return text + (try section(analysis, number: count, picture: picture, several: true))
    }

    /// The rest of the report: the head, to be put before the body handed out so far, what is
    /// left of the body, and the end (the receipt).
    public mutating func finish(receipt: ReproducibilityReceipt) throws(ReportError) -> (head: String, body: String, end: String) {
        var body = ""
        if let only = held {
            held = nil
            body = try section(only.analysis, number: 1, picture: only.picture, several: false)
        }
        let frame = ReportFrameView(several: count > 1, requests: glances, receipt: ReceiptView(receipt))
        let head = try ReportTemplates.render(frame, template: "\(templatePrefix)-head")
        let end = try ReportTemplates.render(frame, template: "\(templatePrefix)-receipt")
        return (head, body, end)
    }

    /// The whole report at once, from analyses in memory.
    static func render(_ report: ConflictReport, format: Format, pictures: [ConflictPicture]? = nil) throws(ReportError) -> String {
        var pages = ReportPages(format: format)
        var body = ""
        for (index, analysis) in report.analyses.enumerated() {
            body += try pages.add(analysis, picture: pictures.flatMap { index < $0.count ? $0[index] : nil })
        }
        let rest = try pages.finish(receipt: report.receipt)
        return rest.head + body + rest.body + rest.end
    }

    private var templatePrefix: String {
        switch format {
        case .markdown: "markdown"
        case .html: "html"
        }
    }

    private mutating func section(_ analysis: RequestAnalysis, number: Int, picture: ConflictPicture?, several: Bool) throws(ReportError) -> String {
        let request = RequestView(analysis, number: number, picture: format == .html ? picture ?? .graphvizMissing : nil)
        if format == .html { glances.append(RequestGlance(request)) }
        return try ReportTemplates.render(RequestPageView(several: several, request: request), template: "\(templatePrefix)-request")
    }
}
