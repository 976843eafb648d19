import ArgumentParser
import EccaAnalysis
import EccaFormats
import Foundation

/// `ecca sample-requests`: realistic, varied generated requests as NDJSON, for tests and benchmarks.
struct SampleRequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-requests",
        abstract: "Print generated disclosure requests as NDJSON (deterministic for a seed).",
        discussion: "Exit status: 0 written, 2 an -o FILE that cannot be opened for writing, 3 an output that could not be written to its end (a full disk), 64 a command-line usage error."
    )

    @Option(parsing: .unconditional, help: "How many requests.")
    var count: Int = 100

    @Option(parsing: .unconditional, help: "Seed; the same seed gives the same requests.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if count < 0 { throw ValidationError("--count must not be negative") }
    }

    func run() throws {
        let generator = RequestGenerator(seed: seed)
        let file: OutputFile
        do {
            file = try output.map { path throws(OutputFileError) in try OutputFile(path: path, mode: .streamed) } ?? OutputFile.standardOutput()
        } catch {
            Output.error("error: \(error)")
            throw ExitCode(ExitStatus.unusableInput)
        }
        var buffer: [UInt8] = []
        do {
            for index in 0..<count {
                buffer.append(contentsOf: AnalysisJSON.encode(generator.request(index), pretty: false).utf8)
                buffer.append(UInt8(ascii: "\n"))
                if buffer.count > 1 << 20 {
                    try file.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try file.write(buffer)
            try file.commit()
        } catch {
            Output.error("error: \(error)")
            throw ExitCode(ExitStatus.internalFailure)
        }
    }
}
