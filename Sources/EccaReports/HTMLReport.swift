/// The HTML report (`--format html`): one self-contained file (inline CSS, no scripts, nothing
/// loaded from the network), readable on screen and printable, with every input string escaped.
/// Rendered from `Templates/html-*.mustache` a request at a time (`ReportPages`); a pure function
/// of its inputs.
public struct HTMLReport: Sendable {
    public init() {}

    /// - Parameter pictures: the conflict graph's picture for each analysis, in order (drawn by
    ///   `Graphviz` beforehand, so rendering stays pure); missing ones read `.graphvizMissing`.
    public func render(_ report: ConflictReport, pictures: [ConflictPicture]) throws(ReportError) -> String {
        try ReportPages.render(report, format: .html, pictures: pictures)
    }
}
