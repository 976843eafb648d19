import ClauseGraph
import EccaAnalysis
import EccaFormats

/// A report written as its analyses are read (`ecca report`, `ecca check --format md|html`):
/// each request's part is rendered when it comes and kept in a scratch file, so that memory
/// holds one analysis, not the report (10^5 analyses of a batch). `finish` then writes the head
/// (which in HTML lists every request), the kept part and the receipt to the output: `-o`
/// replaced whole, or standard output only once every input was read, so that an input found
/// unusable halfway leaves no half report behind.
public final class ReportWriter {
    /// The formats, named as `--format` names them.
    public enum Format: String, Sendable, CaseIterable {
        case markdown = "md", html, csv, json
    }

    public let format: Format
    /// How many analyses were added.
    public private(set) var count = 0
    /// What the receipt says of the analyses: the dates analysed and the postures.
    public private(set) var dates: Set<LegalDate> = []
    public private(set) var postures: Set<String> = []
    private var pages: ReportPages?
    private let spool: SpoolFile
    /// Located once, when the HTML report draws conflict graphs.
    private let graphviz: Graphviz?
    private let drawPictures: Bool
    private var drewPicture = false
    /// Set once `dot` ran out of time: a `dot` that hangs would otherwise cost its time limit
    /// for every request with findings (hours for a large batch), so it is not run again.
    private var graphvizGaveUp = false

    /// - Parameter output: the `-o` file (the scratch file is made beside it), or nil for
    ///   standard output.
    /// - Parameter drawPictures: whether the HTML report draws conflict graphs with Graphviz.
    public convenience init(format: Format, output: String?, drawPictures: Bool) throws(ReportError) {
        try self.init(format: format, output: output, drawPictures: drawPictures,
                      graphviz: format == .html && drawPictures ? Graphviz.locate() : nil)
    }

    /// With a given `dot` (tests: a fake one).
    init(format: Format, output: String?, drawPictures: Bool, graphviz: Graphviz?) throws(ReportError) {
        self.format = format
        switch format {
        case .markdown: pages = ReportPages(format: .markdown)
        case .html: pages = ReportPages(format: .html)
        case .csv, .json: pages = nil
        }
        self.drawPictures = drawPictures
        self.graphviz = graphviz
        do {
            spool = try SpoolFile(folder: SpoolFile.folder(for: output))
        } catch {
            throw .unwritable(path: error.path, reason: error.reason)
        }
    }

    /// Renders `analysis` into the report.
    public func add(_ analysis: RequestAnalysis) throws(ReportError) {
        count += 1
        dates.insert(analysis.asOf)
        postures.formUnion(analysis.postures.keys)
        let text = switch format {
        case .markdown: try pages!.add(analysis)
        case .html: try pages!.add(analysis, picture: picture(of: analysis))
        case .csv: CSVReport().rows(analysis)
        case .json: JSONReport.element(analysis, first: count == 1)
        }
        try keep(text)
    }

    /// The Graphviz version, when a picture of the report was drawn with it (the receipt names it).
    public var graphvizVersion: String? { drewPicture ? graphviz?.version() : nil }

    /// Writes the whole report to `output` (nil: standard output), the receipt last.
    public func finish(receipt: ReproducibilityReceipt, to output: String?) throws(ReportError) {
        let head: String, end: String
        switch format {
        case .markdown, .html:
            let rest = try pages!.finish(receipt: receipt)
            try keep(rest.body)
            (head, end) = (rest.head, rest.end)
        case .csv: (head, end) = (CSVReport.header, CSVReport.leftOutRows(receipt.leftOut ?? []))
        case .json: (head, end) = (JSONReport.head, JSONReport.end(receipt: receipt) + "\n")
        }
        do throws(OutputFileError) {
            let file = try output.map { path throws(OutputFileError) in try OutputFile(path: path, mode: .whole) } ?? .standardOutput()
            try file.write(head.utf8)
            try spool.copy(to: file)
            try file.write(end.utf8)
            try file.commit()
        } catch {
            throw .unwritable(path: output, reason: error.reason)
        }
    }

    private func picture(of analysis: RequestAnalysis) -> ConflictPicture {
        guard drawPictures else { return .turnedOff }
        guard let graphviz, !analysis.findings.isEmpty else { return .graphvizMissing }
        guard !graphvizGaveUp else {
            return .notDrawn(reason: "Graphviz (\(graphviz.executable)) was not run again, since it did not finish an earlier picture within \(ChildProcessError.words(graphviz.timeLimit)); the conflict graph's DOT source follows.")
        }
        let started = ContinuousClock.now
        let picture = graphviz.picture(ofDOT: ConflictGraph(analysis).dot())
        if case .svg = picture { drewPicture = true }
        if ContinuousClock.now - started >= graphviz.timeLimit { graphvizGaveUp = true }
        return picture
    }

    private func keep(_ text: String) throws(ReportError) {
        do {
            try spool.write(text)
        } catch {
            throw .unwritable(path: error.path, reason: error.reason)
        }
    }
}
