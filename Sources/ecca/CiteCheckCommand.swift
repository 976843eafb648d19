import ArgumentParser
import ClauseGraph
import EccaFormats
import Foundation

/// `ecca cite-check`: are the shipped citations still what the official text says? Finds ids
/// that no longer exist and wording that drifted, the way a legal team learns that an amendment
/// (such as Regulation 2026/1744) changed a provision ecca relies on.
struct CiteCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite-check",
        abstract: "Check every shipped provision with an official id against official texts.",
        discussion: """
            --official takes Formex acts, annexes or package manifests (.doc), eCFR, annual CFR or \
            Federal Register XML, or Akoma Ntoso. Each provision is looked up by its official id \
            (Formex source-id, CFR citation, AKN eid) in the text of its own instrument, and its verbatim \
            wording compared after normalising whitespace and typography; differences are shown as a \
            word diff ([-shipped-] {+official+}).
            Exit status: 0 all pass, 1 a missing id or drifted wording, 2 unusable input.
            """
    )

    @Option(name: .customLong("official"), parsing: .upToNextOption,
            help: ArgumentHelp("Official XML files to check against.", valueName: "file"))
    var officialFiles: [String]

    @OptionGroup var regulations: RegulationOptions

    func validate() throws {
        if officialFiles.isEmpty { throw ValidationError("give at least one official file with --official") }
    }

    func run() throws {
        let loaded = try regulations.load()
        if !loaded.unusableFiles.isEmpty {
            loaded.diagnostics.filter { $0.severity == .error }.forEach { Output.error($0.description) }
            throw ExitCode(ExitStatus.unusableInput)
        }
        let checker: CitationChecker
        do {
            checker = try CitationChecker(officialFiles: officialFiles)
        } catch {
            Output.error(error.description)
            throw ExitCode(ExitStatus.unusableInput)
        }
        let report = checker.check(loaded.graph)
        for finding in report.findings {
            try Output.write(finding.description + "\n")
            if let diff = finding.diff { try Output.write("    " + diff.description + "\n") }
        }
        let missing = report.findings.filter { $0.kind == .missing }.count
        let drifted = report.findings.filter { $0.kind == .drifted }.count
        let checked = report.passed.count + report.findings.count
        try Output.write("""
            \(checked) provisions checked against \(report.officialFiles.count) official file\(report.officialFiles.count == 1 ? "" : "s"): \
            \(report.passed.count) pass, \(drifted) drifted, \(missing) missing; \(report.notCovered.count) not covered by the texts given

            """)
        if !report.isClean { throw ExitCode(ExitStatus.findings) }
    }
}
