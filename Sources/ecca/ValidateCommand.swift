import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaFormats

/// `ecca validate`: schema and lint over a regulations folder.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check rules files against the schema and lint the clause graph.",
        discussion: "Prints diagnostics as file:line: severity: message [provision-id] and a summary. Exit status 0 clean, 1 findings, 2 unusable input (a regulations folder that is missing or holds no rules file, a file that cannot be read), 64 a command-line usage error."
    )

    @OptionGroup var regulations: RegulationOptions

    func run() throws {
        let result = try regulations.load()
        var diagnostics = result.diagnostics
        // What only the solver sees, on a graph the lint passed (the encoding assumes one).
        if !diagnostics.contains(where: { $0.severity == .error }) {
            do {
                diagnostics += try ConditionSatisfiability.findings(in: result.graph)
            } catch {
                Output.error("error: the solver could not check the rules' conditions: \(error)")
                throw ExitCode(ExitStatus.internalFailure)
            }
        }
        for diagnostic in diagnostics { Output.error(diagnostic.description) }
        let counts = result.graph.counts
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let notUsed = result.files.filter { result.invalidFiles.contains($0) || result.unusableFiles.contains($0) }.count
        try Output.write("""
            \(CountedNoun("file")(result.files.count))\(notUsed > 0 ? " (\(notUsed) not used)" : ""): \(CountedNoun("instrument")(counts.instruments)), \
            \(CountedNoun("provision")(counts.provisions)), \(CountedNoun("norm")(counts.norms)), \(CountedNoun("constitutive rule")(counts.rules)), \
            \(CountedNoun("fact")(counts.facts)), \(CountedNoun("set")(counts.sets)); \(CountedNoun("error")(errors)), \(CountedNoun("warning")(warnings))

            """)
        if !result.unusableFiles.isEmpty { throw ExitCode(ExitStatus.unusableInput) }
        if errors > 0 { throw ExitCode(ExitStatus.findings) }
    }
}
