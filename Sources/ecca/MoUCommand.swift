import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaFormats
import EccaReports
import EccaXML
import Foundation

/// `ecca mou`: Memorandum-of-Understanding drafts.
struct MoUCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mou",
        abstract: "Work with Memorandum-of-Understanding drafts (docs/negotiation.md).",
        subcommands: [MoUVerifyCommand.self]
    )
}

/// `ecca mou verify`: a counterexample request inside the MoU's scope, or the statement that none exists.
struct MoUVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Search the MoU's scope for a request that still conflicts on some date of the period.",
        discussion: "Exit status: 0 the MoU holds, 1 a counterexample or a request of the scope US law forbids (each printed as a request `ecca check` accepts), 2 bad input, including terms that no request within the period satisfies (they would hold vacuously); 3 internal or solver failure, or an output that could not be written; 64 a command-line usage error."
    )

    @Argument(help: ArgumentHelp("An MoU draft (XML, Regulations/schema/mou.rng).", valueName: "mou"))
    var mou: String

    @Option(help: ArgumentHelp("First date searched (default: the MoU's validity).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last date searched (default: the MoU's validity).", valueName: "date"))
    var to: String?

    @OptionGroup var output: PlainOutputOptions

    @OptionGroup var regulations: RegulationOptions

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, let problem = LegalDate.problem(iso: value) { throw ValidationError("\(name) '\(value)' \(problem)") }
        }
        if let from, let to, let start = LegalDate(iso: from), let end = LegalDate(iso: to), end < start {
            throw ValidationError("--to \(to) is before --from \(from)")
        }
    }

    func run() throws {
        let session = try AnalysisSession(regulations: regulations, asOf: nil, postures: output.posture.postures)
        let schema = regulations.schema(named: "mou.rng")
        let document: MoUDocument
        do {
            document = try MoUReader(schema: schema, graph: session.loaded.graph).read(file: mou)
        } catch {
            Output.error(error.description)
            throw ExitCode(ExitStatus.unusableInput)
        }
        var result: MoUVerification
        do {
            result = try session.engine.verify(document, from: from.flatMap(LegalDate.init(iso:)), to: to.flatMap(LegalDate.init(iso:)))
        } catch {
            Output.error("\(mou): error: \(error)")
            throw ExitCode(error.exitStatus)
        }
        result.checkArguments = regulations.givenArguments.isEmpty ? nil : regulations.givenArguments
        result.regulationsSHA256 = FileDigest.combined(try ReportSupport.regulationDigests(session.loaded.files))
        do {
            result.mouSHA256 = try FileDigest.of(file: mou).sha256
        } catch {
            Output.error(error.description)
            throw ExitCode(ExitStatus.unusableInput)
        }
        // A warning qualifies the result: said on stderr too, for scripts that read only the status.
        result.warnings.forEach { Output.error("\(mou): warning: \($0)") }
        switch output.format {
        case .json: try Output.write(JSONReport.encode(result) + "\n")
        case .text: try Output.write(MoUTextReport(style: TextStyle(colour: Output.colourAllowed)).render(result))
        }
        if !result.holds { throw ExitCode(ExitStatus.findings) }
    }
}
