/// The Markdown report (`--format md`): for pasting findings into a memo or an MoU draft.
/// Rendered from `Templates/markdown-*.mustache` a request at a time (`ReportPages`); a pure
/// function of the report value.
public struct MarkdownReport: Sendable {
    public init() {}

    public func render(_ report: ConflictReport) throws(ReportError) -> String {
        try ReportPages.render(report, format: .markdown)
    }
}
