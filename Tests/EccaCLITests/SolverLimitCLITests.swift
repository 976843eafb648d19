import Foundation
import Testing

/// Issue 8: `--memory-mb` and `--timeout-ms` on the command line. A request that reaches a limit is
/// undetermined with the reason; the process finishes normally (Z3 never ends it).
@Suite struct SolverLimitCLITests {
    @Test func checkWithAMemoryLimitReportsUndeterminedWithTheReason() throws {
        let result = try CLI.run(["check", "--format", "json", "--memory-mb", "1", CLI.sample("weights-to-ai-office-warsaw.json")])
        #expect(result.status == 1, "\(result.stderr)")
        let json = try CLI.json(result.stdout)
        #expect(json["verdict"] as? String == "undetermined")
        #expect(result.stdout.contains("solver: max. memory exceeded (limit 1 MB)"))
    }

    @Test func batchWithAMemoryLimitAndTwoJobsFinishesEveryRecord() throws {
        let folder = try CLI.folder([:])
        let input = folder.appendingPathComponent("in.ndjson")
        #expect(try CLI.run(["sample-requests", "--count", "40", "--seed", "4", "-o", input.path]).status == 0)
        let result = try CLI.run(["batch", "--jobs", "2", "--memory-mb", "1", "--instrument", CLI.letter, input.path])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 40)
        for line in lines {
            let json = try CLI.json(String(line))
            #expect(json["error"] == nil)
            #expect(json["verdict"] as? String == "undetermined" || json["verdict"] as? String == "clear", "\(line.prefix(200))")
        }
        #expect(result.stdout.contains("solver: max. memory exceeded (limit 1 MB)"))
    }

    @Test func aGenerousMemoryLimitGivesTheUsualAnswer() throws {
        let limited = try CLI.run(["check", "--format", "json", "--memory-mb", "8192", CLI.sample("weights-to-ai-office-warsaw.json")])
        let unlimited = try CLI.run(["check", "--format", "json", CLI.sample("weights-to-ai-office-warsaw.json")])
        #expect(limited.status == 1)
        #expect(try CLI.json(limited.stdout)["verdict"] as? String == "conflict")
        #expect(try CLI.json(limited.stdout)["verdict"] as? String == CLI.json(unlimited.stdout)["verdict"] as? String)
    }
}
