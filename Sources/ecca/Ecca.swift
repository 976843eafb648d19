import ArgumentParser
import EccaFormats

/// `ecca`: export-control conflict analyzer. A thin command line over the library core.
@main
struct Ecca: ParsableCommand {
    /// The release, and the commit it is built from ("0.1.0 (commit 30af874c1d2e)"): receipts
    /// and `--version` name the build, not only the release.
    static let version = "0.1.0 (commit \(BuildCommit.commit))"

    static let configuration = CommandConfiguration(
        commandName: "ecca",
        abstract: "Flag disclosure requests under the EU AI Act that would break US export controls, and explain why.",
        version: version,
        subcommands: [CheckCommand.self, BatchCommand.self, CuresCommand.self, MoUCommand.self, TimelineCommand.self, ThresholdsCommand.self, ValidateCommand.self, GraphCommand.self, ReportCommand.self, SampleRequestsCommand.self, ImportCommand.self, CiteCheckCommand.self],
        defaultSubcommand: nil
    )

    /// Every command writes its outputs as a write that may fail, also past a file-size limit.
    static func main() {
        FileSizeLimit.failWritesInsteadOfSignalling()
        main(nil)
    }
}
