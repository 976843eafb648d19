import ArgumentParser
import ClauseGraph
import EccaAnalysis
import EccaFormats
import EccaReports
import EccaSMT
import EccaXML
import Foundation

/// What `report`, `check --format md|html` and `graph --conflict` share: analysing requests as
/// `check` does, the receipt, the pictures, and rendering through the one renderer layer.
enum ReportSupport {
    /// A report error said in words, and the exit status it ends the command with: an
    /// incomplete installation is ecca's failure, anything else the input's or the disk's.
    static func exit(_ error: ReportError) -> ExitCode {
        Output.error(error.description)
        // A report that cannot be written (a full disk) is 3, as any command's output is; the
        // `-o` refused before anything is read stays 2 (`ReportCommand`).
        if case .unwritable = error { return ExitCode(ExitStatus.internalFailure) }
        return ExitCode(error.isInstallationFault ? ExitStatus.internalFailure : ExitStatus.unusableInput)
    }

    /// The regulations, the engine and the request reader, set up as `check` sets them up.
    struct Analyser {
        let loaded: RegulationsLoader.Result
        let engine: ConflictEngine
        let loader: RequestLoader

        /// - Parameter grounds: whether clear verdicts get their grounds (reports give them; the
        ///   conflict graph does not draw them).
        init(regulations: RegulationOptions, asOf: LegalDate?, today: LegalDate, postures: [Posture], timeoutMilliseconds: UInt32,
             grounds: Bool = true) throws {
            let session = try AnalysisSession(regulations: regulations, options: AnalysisOptions(
                asOf: asOf, postures: postures, timeoutMilliseconds: timeoutMilliseconds, groundsForClearVerdicts: grounds, today: today))
            (loaded, engine, loader) = (session.loaded, session.engine, session.loader)
        }

        /// Reads a request from bytes already read (the report command reads each input once) and
        /// analyses it; `dated` is false when the request gave no date (analysed as of today
        /// unless `--as-of` was given).
        func analyse(_ bytes: [UInt8], name: String) throws -> (analysis: RequestAnalysis, dated: Bool) {
            let request: DisclosureRequest
            do {
                request = try loader.decode(bytes, name: name)
            } catch {
                Output.error(error.description)
                throw ExitCode(ExitStatus.unusableInput)
            }
            do {
                return (try engine.analyze(request), request.date != nil)
            } catch {
                Output.error("\(name): error: \(error)")
                throw ExitCode(error.exitStatus)
            }
        }
    }

    /// The bytes of a file, or of standard input for `-`. A pipe is read to its end as a file is
    /// (`ecca report <(ecca batch …)`), where FileManager.contents(atPath:) gave nothing.
    static func read(_ path: String) throws -> [UInt8] {
        if path != "-", FileKind(path: path) == .folder {
            Output.error(ReportError.directory(path: path).description)
            throw ExitCode(ExitStatus.unusableInput)
        }
        guard let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path),
              let data = try? handle.readToEnd() ?? Data() else {
            Output.error(ReportError.unreadableFile(path: path).description)
            throw ExitCode(ExitStatus.unusableInput)
        }
        if path != "-" { try? handle.close() }
        return [UInt8](data)
    }

    /// A file, or standard input for `-`, to read line by line (`AnalysisResultsReader`).
    static func open(_ path: String) throws -> ByteLineReader {
        if path != "-", FileKind(path: path) == .folder {
            Output.error(ReportError.directory(path: path).description)
            throw ExitCode(ExitStatus.unusableInput)
        }
        guard let reader = path == "-" ? ByteLineReader(standardInputWithChunkBytes: 1 << 20) : ByteLineReader(path: path) else {
            Output.error(ReportError.unreadableFile(path: path).description)
            throw ExitCode(ExitStatus.unusableInput)
        }
        return reader
    }

    /// The command line that makes the same report again: this one, with `--as-of` pinned to the
    /// date analysed when it was not given and all requests were analysed on one, else `--today`
    /// pinned to the day the requests without a date were analysed (the others keep their own),
    /// and `--regulations` when the rules came from `ECCA_REGULATIONS`, which the line would not
    /// carry.
    /// - Parameter undatedDay: the day requests that gave no date were analysed as of; nil when none did.
    static func reproducingCommand(analysed: Bool, dates: Set<LegalDate>, undatedDay: LegalDate? = nil,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var arguments = CommandLine.arguments
        // Options go before a `--`, after which everything is an input.
        func add(_ option: [String]) {
            arguments.insert(contentsOf: option, at: arguments.firstIndex(of: "--") ?? arguments.endIndex)
        }
        func given(_ name: String) -> Bool {
            arguments.prefix(upTo: arguments.firstIndex(of: "--") ?? arguments.endIndex).contains { $0 == name || $0.hasPrefix(name + "=") }
        }
        guard analysed else { return ShellCommand.line(arguments) }
        if !given("--as-of") {
            if dates.count == 1, let date = dates.first, !given("--today") {
                add(["--as-of", date.iso])
            } else if let undatedDay, !given("--today") {
                add(["--today", undatedDay.iso])
            }
        }
        if !given("--regulations"), let folder = environment["ECCA_REGULATIONS"], !folder.isEmpty {
            add(["--regulations", folder])
        }
        return ShellCommand.line(arguments)
    }

    /// The digest of each rules file read (the folders' and the `--instrument` files); a file
    /// that cannot be read again stops the command (exit 2).
    static func regulationDigests(_ regulationFiles: [String]) throws -> [FileDigest] {
        var digests: [FileDigest] = []
        for file in regulationFiles {
            do {
                digests.append(try FileDigest.of(file: file))
            } catch {
                Output.error(error.description)
                throw ExitCode(ExitStatus.unusableInput)
            }
        }
        return digests
    }

    /// The receipt of a report on the analyses `output` was given.
    /// - Parameter leftOut: the results files' records that the analysis could not use.
    /// - Parameter undatedDay: the day requests that gave no date were analysed as of; nil when none did.
    /// - Parameter originals: the receipts of the reports these analyses were read from.
    /// - Parameter recordedRegulations: the regulations the analyses read from results record
    ///   they were made under (`AnalysisResultsReader.Records.recordedRegulations`).
    static func receipt(of output: ReportWriter, source: ReproducibilityReceipt.Source, regulationFiles: [String], inputs: [FileDigest],
                        undatedDay: LegalDate? = nil, leftOut: [ReproducibilityReceipt.LeftOut] = [],
                        originals: [ReproducibilityReceipt] = [],
                        recordedRegulations: [ReproducibilityReceipt.RecordedRegulations] = []) throws -> ReproducibilityReceipt {
        let digests = try regulationDigests(regulationFiles)
        let command = reproducingCommand(analysed: source == .analysed, dates: output.dates, undatedDay: undatedDay)
        var receipt = ReproducibilityReceipt(
            eccaVersion: Ecca.version, source: source, regulationFiles: digests, inputs: inputs,
            asOf: Array(output.dates), postures: PostureOrder.sorted(output.postures),
            z3Version: SMTVersion.string, libxml2Version: libxml2Version, graphvizVersion: output.graphvizVersion,
            command: command)
        receipt.leftOut = leftOut.isEmpty ? nil : leftOut
        receipt.originalReceipts = originals.isEmpty ? nil : originals
        // Only where some analysis records its regulations: results without any say nothing new.
        receipt.recordedRegulations = recordedRegulations.contains { $0.sha256 != nil } ? recordedRegulations : nil
        return receipt
    }

    /// libxml2 reports its version as one number (20914); the receipt gives "2.9.14 (20914)".
    static var libxml2Version: String {
        let raw = LibXML2.version
        guard let number = Int(raw) else { return raw }
        return "\(number / 10_000).\(number / 100 % 100).\(number % 100) (\(raw))"
    }
}

extension ReportWriter.Format: ExpressibleByArgument {}
