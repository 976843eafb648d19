import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ecca`: export-control conflict analyzer. A thin command line over the library core.
@main
struct Ecca: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ecca",
        abstract: "Flag disclosure requests under the EU AI Act that would break US export controls, and explain why.",
        version: version,
        subcommands: [CheckCommand.self, BatchCommand.self, CuresCommand.self, MoUCommand.self, TimelineCommand.self, ThresholdsCommand.self, ValidateCommand.self, GraphCommand.self, ReportCommand.self, SampleRequestsCommand.self, ImportCommand.self, CiteCheckCommand.self],
        defaultSubcommand: nil
    )

    /// A file-size limit (`ulimit -f`, as CI containers set) is an ordinary write failure, not a
    /// signal: with SIGXFSZ ignored, a write past it fails with EFBIG, which every output reports
    /// (status 3) and cleans up after, instead of killing ecca silently with its hidden temporary
    /// file left behind (QA scale F8).
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
