import ArgumentParser
import ClauseGraph
import EccaFormats
import Foundation

/// `ecca import`: official XML (eCFR, CFR, Federal Register, Formex, Akoma Ntoso, LegalRuleML) in,
/// ecca rules XML out, so encodings start from the official wording.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import official legal XML into ecca rules XML.",
        discussion: """
            The format of each FILE is detected from its root element (docs/importers.md). For a Formex \
            package, give the .doc manifest to import the act with its annexes. Files that are parts of \
            one CFR title (versioner sections or parts, bulk titles, annual volumes) join one instrument, \
            with the title's ids. Prints what was read; \
            ambiguous paragraph markers and amendments the grammar cannot read go to standard error.
            The output is written under a temporary name and renamed when every file was read, so a \
            failed import leaves no output file (a device or FIFO is written to directly).
            Exit status: 0 imported, 2 unusable input (malformed, truncated or empty XML, a root \
            element of no known format, nothing to import, a section given by two files of one title), \
            3 the output could not be written, 64 a \
            usage error (such as a --format name that is not one of the five), 130 or 143 interrupted \
            (SIGINT, SIGTERM: the partial output is removed; once the output was renamed into place, \
            an interrupt says "interrupted after OUT was written" and the status is 0, as the output is complete).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ecfr, fr, formex, akn, legalruleml
        var dialect: OfficialDialect { OfficialDialect(rawValue: rawValue)! }
    }

    @Argument(help: ArgumentHelp("Official XML files.", valueName: "file"))
    var files: [String]

    @Option(help: "The format of every FILE (ecfr, fr, formex, akn, legalruleml); default: detected from the root element.")
    var format: Format?

    @Option(name: .shortAndLong, help: ArgumentHelp("The rules XML file to write. Default: the first file's name, its .xml replaced by .rules.xml, in the current folder.", valueName: "out"))
    var output: String?

    @Option(name: .customLong("instrument-id"), help: ArgumentHelp("Use this instrument id instead of the minted one (e.g. eu.ai-act).", valueName: "id"))
    var instrumentID: String?

    @OptionGroup var unitLimit: UnitLimitOptions

    func validate() throws {
        // Standard output carries the summary: the rules XML needs a file of its own.
        if output == "-" {
            throw ValidationError("-o -: the import writes a rules XML file and prints its summary on standard output; name a file (or /dev/stdout)")
        }
        if let instrumentID, instrumentID.range(of: #"^[A-Za-z0-9][A-Za-z0-9.:\-]*$"#, options: .regularExpression) == nil {
            throw ValidationError("--instrument-id '\(instrumentID)' must start with a letter or digit and hold only letters, digits, '.', ':' and '-'")
        }
    }

    func run() throws {
        let destination = output ?? Self.defaultOutput(for: files[0])
        // Ctrl-C or a CI job's timeout removes the partial output (hundreds of MB for a large title).
        // Once it is renamed into place it is complete, and an interrupt says so (status 0).
        let shown = ControlCharacters.escaped(destination)
        InterruptedOutput.install(message: "interrupted; nothing was written to \(shown)",
                                  written: "interrupted after \(shown) was written: it is complete; the summary and warnings printed here may be cut short")
        let importer = OfficialImporter(options: ImportOptions(format: format?.dialect, instrumentID: instrumentID, unitLimit: unitLimit.limit))
        let result: OfficialImporter.Result
        do {
            result = try importer.run(files: files, output: destination)
        } catch {
            Output.error(error.description)
            if case .output = error { throw ExitCode(ExitStatus.internalFailure) }
            Output.error("error: nothing was written to \(ControlCharacters.escaped(destination))")
            throw ExitCode(ExitStatus.unusableInput)
        }
        // A warning may quote the document (an instruction not read): one line each, as printed.
        for diagnostic in result.diagnostics { Output.error(ControlCharacters.escaped(diagnostic.description)) }
        try Output.write(result.summary.rendered)
        try Output.write("wrote \(CountedNoun("provision")(result.summary.provisions)) to \(ControlCharacters.escaped(destination))\n")
    }

    /// `L_202401689EN.000101.fmx.xml` → `L_202401689EN.000101.fmx.rules.xml`.
    static func defaultOutput(for file: String) -> String {
        var name = (file as NSString).lastPathComponent
        if name.hasSuffix(".xml") { name.removeLast(4) }
        return name + ".rules.xml"
    }
}
