import Foundation
import Testing

/// The command `mou verify` prints beside a request, run as printed, reproduces the verdict: it
/// names the rules the run was given. It had printed `ecca check FILE` alone, and a counterexample
/// that lists the is-informed letter was refused by that command ("unknown instrument"; QA of
/// 2026-12-07, L6).
@Suite struct MoUReproductionCommandTests {
    /// The letter under a name a shell would split and unquote, in a folder of its own.
    static func letterWithAwkwardName() throws -> String {
        let folder = try CLI.folder(["Helios's letter (Orion).xml": try String(contentsOfFile: CLI.letter, encoding: .utf8)])
        return folder.appendingPathComponent("Helios's letter (Orion).xml").path
    }

    @Test func theCounterexampleReproducesWithThePrintedCommand() throws {
        let letter = try Self.letterWithAwkwardName()
        let mou = CLI.root.appendingPathComponent("Samples/mous/orion-api-access.xml").path
        let verified = try CLI.run(["mou", "verify", "--posture", "text", "--instrument", letter, mou])
        #expect(verified.status == 1, "\(verified.stderr)")
        let lines = verified.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let hint = try #require(lines.firstIndex { $0.hasPrefix("    request (reproduce with `") })
        #expect(lines[hint] == "    request (reproduce with `ecca check FILE --instrument '\(letter.replacingOccurrences(of: "'", with: "'\\''"))'`):")
        let command = try #require(lines[hint].split(separator: "`").dropFirst().first.map(String.init))
        // The request is the indented JSON object that follows the hint.
        let request = lines[(hint + 1)...].prefix { $0.hasPrefix("      ") }.joined(separator: "\n")
        let folder = try CLI.folder(["counterexample.json": request])
        let file = folder.appendingPathComponent("counterexample.json").path
        let executable = CLI.productsDirectory.appendingPathComponent("ecca").path
        // Run through the shell as a reader pasting it would: `ecca` is the built binary, FILE the saved request.
        let shell = "'\(executable)'" + command.dropFirst("ecca".count).replacingOccurrences(of: " FILE", with: " '\(file)'")
        let checked = try CLI.run(["-c", shell], executable: "/bin/sh")
        #expect(checked.status == 1, "\(checked.stderr)")
        #expect(checked.stdout.hasPrefix("request MOU-2026-HE-01-counterexample (as of 2026-10-01): CONFLICT"))
        #expect(checked.stdout.contains("eu.ai-act.art92.5 + us.bis.letter.helios-orion-2026.1"))
    }

    /// A run on the shipped rules alone prints the command alone, and JSON says no options are needed.
    @Test func aRunOnTheShippedRulesNeedsNoOptions() throws {
        let mou = CLI.root.appendingPathComponent("Samples/mous/weights-transfer-eu-evaluators.xml").path
        let text = try CLI.run(["mou", "verify", "--posture", "text", mou])
        #expect(text.stdout.contains("    request (reproduce with `ecca check FILE`):"), "\(text.stdout)")
        let json = try CLI.json(try CLI.run(["mou", "verify", "--posture", "text", "--format", "json", mou]).stdout)
        #expect(json["checkArguments"] == nil)
    }

    /// JSON gives the options as words, in the order given, for a tool to pass on unquoted.
    @Test func jsonGivesTheOptionsAsWords() throws {
        let mou = CLI.root.appendingPathComponent("Samples/mous/orion-api-access.xml").path
        let result = try CLI.run(["mou", "verify", "--format", "json", "--regulations", CLI.regulations, "--instrument", CLI.letter, mou])
        let json = try CLI.json(result.stdout)
        #expect(json["checkArguments"] as? [String] == ["--regulations", CLI.regulations, "--instrument", CLI.letter])
    }
}
