import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `ecca batch` end to end: equal to `check` request by request, ordered whatever the jobs,
/// resumable, shardable, and robust to bad records.
@Suite(.serialized) struct BatchCommandTests {
    static let letter = ["--instrument", CLI.letter]

    func generated(_ count: Int, seed: Int = 11) throws -> URL {
        let folder = try CLI.folder([:])
        let file = folder.appendingPathComponent("requests.ndjson")
        let result = try CLI.run(["sample-requests", "--count", "\(count)", "--seed", "\(seed)", "-o", file.path])
        #expect(result.status == 0)
        return file
    }

    func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

    func verdictAndProvisions(_ line: String) throws -> (String, [String], Set<String>) {
        let json = try CLI.json(line)
        let findings = json["findings"] as? [[String: Any]] ?? []
        let provisions = Set(findings.flatMap { ($0["provisions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } })
        return (json["id"] as? String ?? "", [json["verdict"] as? String ?? ""], provisions)
    }

    @Test func batchEqualsCheckRequestByRequestWithOneAndTwoJobs() throws {
        let input = try generated(300)
        let one = try CLI.run(["batch", input.path] + Self.letter)
        let two = try CLI.run(["batch", "--jobs", "2", input.path] + Self.letter)
        #expect([0, 1].contains(one.status), "\(one.stderr)")
        #expect(one.stdout == two.stdout, "output must not depend on the number of jobs")
        let batchLines = lines(one.stdout)
        #expect(batchLines.count == 300)
        // Each line is the object `ecca check --format json` prints for that request, answered
        // without equivalence classes.
        let requests = try String(contentsOf: input, encoding: .utf8).split(separator: "\n").map(String.init)
        let folder = try CLI.folder(Dictionary(uniqueKeysWithValues: requests.enumerated().map { ("r\(1000 + $0.offset).json", $0.element) }))
        let files = (0..<requests.count).map { folder.appendingPathComponent("r\(1000 + $0).json").path }
        let checked = try CLI.run(["check", "--format", "json", "--no-equivalence-classes"] + Self.letter + files)
        let analyses = try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(analyses.count == 300)
        var conflicts = 0
        for (line, analysis) in zip(batchLines, analyses) {
            let (id, verdict, provisions) = try verdictAndProvisions(line)
            let data = try JSONSerialization.data(withJSONObject: analysis)
            let (checkedID, checkedVerdict, checkedProvisions) = try verdictAndProvisions(String(decoding: data, as: UTF8.self))
            #expect(id == checkedID)
            #expect(verdict == checkedVerdict, "\(id)")
            #expect(provisions == checkedProvisions, "\(id)")
            if verdict == ["conflict"] { conflicts += 1 }
        }
        #expect(conflicts > 0, "the generated batch should contain conflicts")
        #expect(one.stderr.contains("batch: 300 requests, 300 analysed, 0 unusable"))
    }

    @Test func aResumedRunEqualsAnUninterruptedOne() throws {
        let input = try generated(200, seed: 5)
        let whole = try CLI.run(["batch", input.path] + Self.letter)
        let folder = try CLI.folder([:])
        let output = folder.appendingPathComponent("out.ndjson")
        // An interrupted run: the first 73 lines written, and a torn 74th.
        let all = lines(whole.stdout)
        let partial = all.prefix(73).joined(separator: "\n") + "\n" + String(all[73].prefix(40))
        try partial.write(to: output, atomically: true, encoding: .utf8)
        let resumed = try CLI.run(["batch", "--resume", "-o", output.path, input.path] + Self.letter)
        #expect([0, 1].contains(resumed.status), "\(resumed.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8) == whole.stdout)
        // The summary and the exit status are the whole output's, not the resumed part's.
        #expect(resumed.status == whole.status)
        #expect(resumed.stderr.split(separator: "\n").first == whole.stderr.split(separator: "\n").first)
        #expect(resumed.stderr.contains("batch: 200 requests"))
        // Resuming a finished run changes nothing and says the same.
        let again = try CLI.run(["batch", "--resume", "-o", output.path, input.path] + Self.letter)
        #expect(again.status == whole.status)
        #expect(again.stderr.split(separator: "\n").first == whole.stderr.split(separator: "\n").first)
    }

    /// A run interrupted one day and resumed the next analyses its undated requests on the day
    /// the interrupted run took as today, so that the output is what one run would have written
    /// (here the first run's day is set with --as-of, which an undated line cannot tell apart).
    @Test func aResumedRunAnalysesUndatedRequestsOnTheDayOfItsKeptLines() throws {
        let dated = try generated(40, seed: 6)
        let undated = dated.deletingLastPathComponent().appendingPathComponent("undated.ndjson")
        let records = try String(contentsOf: dated, encoding: .utf8).replacing(/"date":"\d{4}-\d{2}-\d{2}",/, with: "")
        try records.write(to: undated, atomically: true, encoding: .utf8)
        let day = ["--as-of", "2026-08-10"]
        let whole = try CLI.run(["batch", undated.path] + day + Self.letter)
        #expect([0, 1].contains(whole.status), "\(whole.stderr)")
        #expect(lines(whole.stdout).allSatisfy { $0.contains(#""asOf":"2026-08-10""#) && $0.contains(#""undated":true"#) })
        let output = dated.deletingLastPathComponent().appendingPathComponent("out.ndjson")
        try lines(whole.stdout).prefix(15).map { $0 + "\n" }.joined().write(to: output, atomically: true, encoding: .utf8)
        let resumed = try CLI.run(["batch", "--resume", "-o", output.path, undated.path] + Self.letter)
        #expect(resumed.status == whole.status, "\(resumed.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8) == whole.stdout)
        #expect(resumed.stderr.hasPrefix("\(output.path): note: --resume: requests that give no date are analysed as of 2026-08-10, the day the kept lines took as today, not today ("), "\(resumed.stderr)")
        // Resumed with --today of another day, the kept lines are refused, and nothing is appended.
        let kept = try String(contentsOf: output, encoding: .utf8)
        let otherToday = try CLI.run(["batch", "--resume", "--today", "2026-08-11", "-o", output.path, undated.path] + Self.letter)
        #expect(otherToday.status == 2)
        #expect(otherToday.stderr == "\(output.path): error: --resume: line 1 of the output analyses a request that gives no date as of 2026-08-10, not --today 2026-08-11: resume with --today 2026-08-10, or start again without --resume\n")
        // Given the kept lines' day, it is taken without a note.
        let sameToday = try CLI.run(["batch", "--resume", "--today", "2026-08-10", "-o", output.path, undated.path] + Self.letter)
        #expect(sameToday.status == whole.status)
        #expect(!sameToday.stderr.contains("note: --resume"), "\(sameToday.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8) == kept)
        #expect(try String(contentsOf: output, encoding: .utf8) == kept)
        // Resumed with --as-of of another day, the kept lines are refused, as before.
        let other = try CLI.run(["batch", "--resume", "--as-of", "2026-08-11", "-o", output.path, undated.path] + Self.letter)
        #expect(other.status == 2)
        #expect(other.stderr.contains("was made with other options (postures, --as-of, --grounds or --caveat-texts)"), "\(other.stderr)")
    }

    /// An output that cannot be this input's (more records than the input has, or lines batch
    /// does not write), and an output or summary that cannot be written, are refused with exit 2.
    @Test func aResumeOrOutputThatCannotBeRightIsRefused() throws {
        let input = try generated(5, seed: 3)
        let whole = try CLI.run(["batch", input.path] + Self.letter)
        let folder = try CLI.folder([:])
        let longer = folder.appendingPathComponent("longer.ndjson")
        try (whole.stdout + whole.stdout).write(to: longer, atomically: true, encoding: .utf8)
        let tooMany = try CLI.run(["batch", "--resume", "-o", longer.path, input.path] + Self.letter)
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr.contains("error: --resume: the output holds 10 records, more than the 5 of the input: it is not this input's output"), "\(tooMany.stderr)")
        let foreign = folder.appendingPathComponent("foreign.ndjson")
        try "{\"hello\": 1}\n".write(to: foreign, atomically: true, encoding: .utf8)
        let notBatch = try CLI.run(["batch", "--resume", "-o", foreign.path, input.path] + Self.letter)
        #expect(notBatch.status == 2)
        #expect(notBatch.stderr.contains("\(foreign.path): error: --resume: line 1 of the output is not a line ecca batch writes"), "\(notBatch.stderr)")
        // Refused before the run, and the output it would have replaced is left as it was.
        let kept = folder.appendingPathComponent("kept.ndjson")
        try whole.stdout.write(to: kept, atomically: true, encoding: .utf8)
        let summary = try CLI.run(["batch", "-o", kept.path, "--summary", "/nonexistent-folder/summary.json", input.path] + Self.letter)
        #expect(summary.status == 2)
        #expect(summary.stderr == "error: cannot write the summary to /nonexistent-folder/summary.json: no such folder: /nonexistent-folder\n")
        #expect(try String(contentsOf: kept, encoding: .utf8) == whole.stdout)
        // Another input's output, or one made with other options, is not continued; nothing is appended.
        let other = try generated(5, seed: 4)
        let otherOutput = folder.appendingPathComponent("other.ndjson")
        try lines(try CLI.run(["batch", other.path] + Self.letter).stdout).prefix(2).map { $0 + "\n" }.joined()
            .write(to: otherOutput, atomically: true, encoding: .utf8)
        let before = try String(contentsOf: otherOutput, encoding: .utf8)
        let foreignInput = try CLI.run(["batch", "--resume", "-o", otherOutput.path, input.path] + Self.letter)
        #expect(foreignInput.status == 2)
        #expect(foreignInput.stderr.contains("error: --resume: line 1 of the output is request GEN-4-0, but record 1 of the input is GEN-3-0"), "\(foreignInput.stderr)")
        #expect(try String(contentsOf: otherOutput, encoding: .utf8) == before)
        let textOnly = folder.appendingPathComponent("text.ndjson")
        try lines(whole.stdout).prefix(2).map { $0 + "\n" }.joined().write(to: textOnly, atomically: true, encoding: .utf8)
        let otherOptions = try CLI.run(["batch", "--resume", "--posture", "text", "-o", textOnly.path, input.path] + Self.letter)
        #expect(otherOptions.status == 2)
        #expect(otherOptions.stderr.contains("was made with other options (postures, --as-of, --grounds or --caveat-texts)"), "\(otherOptions.stderr)")
        // An output that is the input would destroy it.
        let same = try CLI.run(["batch", "-o", input.path, input.path] + Self.letter)
        #expect(same.status == 2)
        #expect(same.stderr == "error: the output \(input.path) would overwrite the input \(input.path)\n")
        #expect(try String(contentsOf: input, encoding: .utf8).split(separator: "\n").count == 5)
    }

    /// A batch line names its caveats by id and citation; their texts, the same on every line,
    /// only with --caveat-texts. A report made from such results says where the texts are.
    @Test func caveatTextsAreGivenInABatchOnlyWhenAskedFor() throws {
        let plain = try CLI.json(try CLI.run(["batch", CLI.sample("weights-to-ai-office-warsaw.json")]).stdout)
        let caveats = try #require(plain["caveats"] as? [[String: Any]])
        #expect(!caveats.isEmpty)
        #expect(caveats.allSatisfy { $0["text"] == nil && $0["citation"] is String && $0["kind"] is String })
        let full = try CLI.json(try CLI.run(["batch", "--caveat-texts", CLI.sample("weights-to-ai-office-warsaw.json")]).stdout)
        #expect((full["caveats"] as? [[String: Any]])?.allSatisfy { $0["text"] is String } == true)
        #expect((full["caveats"] as? [[String: Any]])?.map { $0["id"] as? String } == caveats.map { $0["id"] as? String })
        let folder = try CLI.folder(["results.ndjson": try CLI.run(["batch", CLI.sample("weights-to-ai-office-warsaw.json")]).stdout])
        let report = try CLI.run(["report", "--format", "md", folder.appendingPathComponent("results.ndjson").path])
        #expect(report.stdout.contains("1. **reading of Art. 92(5)**: (its text is not in these results, made by ecca batch without --caveat-texts; ecca check on the request gives it)"), "\(report.stdout)")
    }

    /// A new output file in an input folder would be read as a request of it, also through a
    /// symbolic link to the folder; one in a subfolder, which is not read, is no overwrite.
    @Test func anOutputInAnInputFolderIsRefused() throws {
        let folder = try CLI.folder(["requests/a.json": try String(contentsOfFile: CLI.sample("weights-to-ai-office-warsaw.json"), encoding: .utf8)])
        let requests = folder.appendingPathComponent("requests")
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: requests)
        let inside = try CLI.run(["batch", "-o", link.appendingPathComponent("out.json").path, requests.path])
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("would overwrite the input \(requests.path)"), "\(inside.stderr)")
        #expect(!FileManager.default.fileExists(atPath: requests.appendingPathComponent("out.json").path))
        try FileManager.default.createDirectory(at: requests.appendingPathComponent("results"), withIntermediateDirectories: true)
        let below = try CLI.run(["batch", "-o", requests.appendingPathComponent("results/out.json").path, requests.path])
        #expect(below.status == 1, "\(below.stderr)")
    }

    @Test func shardsConcatenateToTheWhole() throws {
        let input = try generated(101, seed: 9)
        let whole = try CLI.run(["batch", input.path] + Self.letter)
        var joined = ""
        for shard in 0..<3 {
            let part = try CLI.run(["batch", "--shard", "\(shard)/3", input.path] + Self.letter)
            #expect([0, 1].contains(part.status), "\(part.stderr)")
            joined += part.stdout
        }
        #expect(joined == whole.stdout)
    }

    /// Each job holds its own solver context: more than 4 per CPU only costs memory (QA finding 8:
    /// `--jobs 256` took 4 GB on 2 CPUs), and is refused.
    @Test func jobsAreCappedAtFourPerCPU() throws {
        let cpus = ProcessInfo.processInfo.activeProcessorCount
        let input = try generated(3, seed: 2)
        let tooMany = try CLI.run(["batch", "--jobs", "\(4 * cpus + 1)", input.path] + Self.letter)
        #expect(tooMany.status == 64)
        #expect(tooMany.stderr.hasPrefix("Error: --jobs \(4 * cpus + 1) is more than \(4 * cpus), 4 × the \(cpus) CPUs here: each job holds its own solver context (about 16 MB) and work in flight, and more jobs than CPUs make no run faster\n"), "\(tooMany.stderr)")
        let most = try CLI.run(["batch", "--jobs", "\(4 * cpus)", input.path] + Self.letter)
        #expect([0, 1].contains(most.status), "\(most.stderr)")
    }

    /// Sharding counts the input first and then reads it again: a FIFO's second open waited for
    /// ever for a writer that had gone. It is refused up front, as standard input is.
    @Test func inputsThatCanBeReadOnlyOnceAreNotSharded() throws {
        let folder = try CLI.folder([:])
        let fifo = folder.appendingPathComponent("requests.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let refused = try CLI.run(["batch", "--shard", "0/2", fifo] + Self.letter)
        #expect(refused.status == 64)
        #expect(refused.stderr.hasPrefix("Error: --shard needs inputs it can count; \(fifo) is a pipe, socket or device, which can be read only once\n"), "\(refused.stderr)")
        let stdin = try CLI.run(["batch", "--shard", "0/2", "-"] + Self.letter)
        #expect(stdin.status == 64)
        #expect(stdin.stderr.hasPrefix("Error: --shard needs inputs it can count; standard input cannot be sharded\n"))
    }

    /// The conflict-signature groups count only requests whose verdict is not clear; a clear
    /// request with findings on an alternative it does not need is counted on a line of its own
    /// (QA finding 10: GEN-7-208, clear, was counted in "weights via on-site").
    @Test func summaryGroupsCountNoClearRequest() throws {
        let input = try generated(300, seed: 7)
        let folder = try CLI.folder([:])
        let summaryFile = folder.appendingPathComponent("summary.json")
        let result = try CLI.run(["batch", input.path, "--summary", summaryFile.path] + Self.letter)
        #expect(result.status == 1, "\(result.stderr)")
        var grouped: [String: Int] = [:]  // verdict → requests with findings
        var clearWithFindings: [String] = []
        for line in lines(result.stdout) {
            let json = try CLI.json(line)
            guard let findings = json["findings"] as? [Any], !findings.isEmpty, let verdict = json["verdict"] as? String else { continue }
            if verdict == "clear" { clearWithFindings.append(json["id"] as? String ?? "") } else { grouped[verdict, default: 0] += 1 }
        }
        #expect(clearWithFindings.first == "GEN-7-181")
        let summary = try CLI.json(try String(contentsOf: summaryFile, encoding: .utf8))
        let groups = summary["groups"] as? [[String: Any]] ?? []
        var fromGroups: [String: Int] = [:]
        for group in groups {
            let verdicts = group["verdicts"] as? [String: Int] ?? [:]
            #expect(verdicts["clear"] == nil)
            #expect(verdicts.values.reduce(0, +) == group["count"] as? Int)
            fromGroups.merge(verdicts, uniquingKeysWith: +)
        }
        #expect(fromGroups == grouped)
        let clear = summary["clearWithFindings"] as? [String: Any]
        #expect(clear?["count"] as? Int == clearWithFindings.count)
        #expect(clear?["exampleID"] as? String == "GEN-7-181")
        #expect(result.stderr.contains("  \(clearWithFindings.count) clear request\(clearWithFindings.count == 1 ? " has" : "s have") findings only on an alternative channel not needed (e.g. GEN-7-181)\n"))
    }

    /// Every request not clear is accounted for: in a group when it has findings, else on a line
    /// that counts those without by verdict (QA: 88 undetermined and 11 avoidable of
    /// `sample-requests --count 10000 --seed 7` were in no group, and nothing said so).
    @Test func summaryAccountsForEveryRequestNotClear() throws {
        let input = try generated(500, seed: 7)
        let summaryFile = try CLI.folder([:]).appendingPathComponent("summary.json")
        let result = try CLI.run(["batch", input.path, "--summary", summaryFile.path] + Self.letter)
        #expect(result.status == 1, "\(result.stderr)")
        var withoutFindings: [String: Int] = [:]  // verdict → requests not clear without findings
        var firstWithout: String?
        var notClear = 0
        for line in lines(result.stdout) {
            let json = try CLI.json(line)
            guard let verdict = json["verdict"] as? String, verdict != "clear" else { continue }
            notClear += 1
            if (json["findings"] as? [Any] ?? []).isEmpty {
                withoutFindings[verdict, default: 0] += 1
                firstWithout = firstWithout ?? json["id"] as? String
            }
        }
        let avoidable = try #require(withoutFindings["avoidable"])
        let undetermined = try #require(withoutFindings["undetermined"])
        let count = avoidable + undetermined
        let example = try #require(firstWithout)
        #expect(result.stderr.contains("\n  \(count) requests not clear have no finding to group (\(avoidable) avoidable, \(undetermined) undetermined): whether a channel asked for conflicts depends on facts the request does not give, which its line names as deciding conditions (e.g. \(example))\n"), "\(result.stderr)")
        let summary = try CLI.json(try String(contentsOf: summaryFile, encoding: .utf8))
        let counted = try #require(summary["notClearWithoutFindings"] as? [String: Any])
        #expect(counted["count"] as? Int == count)
        #expect(counted["verdicts"] as? [String: Int] == withoutFindings)
        #expect(counted["solverLimitReached"] as? Int == 0)
        #expect(counted["exampleID"] as? String == example)
        let grouped = (summary["groups"] as? [[String: Any]] ?? []).compactMap { $0["count"] as? Int }.reduce(0, +)
        #expect(grouped + count == notClear, "the groups and the line add up to every request not clear")
    }

    /// Records from a pipe whose writer pauses are analysed and written before the batch waits
    /// for more (QA finding 9: they waited for 64 records or the end of the input).
    @Test(arguments: [1, 2]) func recordsFromAPausedPipeAreWrittenBeforeItGoesOn(jobs: Int) throws {
        let requests = lines(try String(contentsOf: try generated(5, seed: 7), encoding: .utf8))
        let output = try CLI.folder([:]).appendingPathComponent("out.ndjson")
        let process = CLI.process(["batch", "-", "--jobs", "\(jobs)", "-o", output.path] + Self.letter)
        let input = Pipe()
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data((requests.prefix(3).joined(separator: "\n") + "\n").utf8))
        var written = 0
        for _ in 0..<600 where written < 3 {  // up to a minute
            usleep(100_000)
            written = ((try? String(contentsOf: output, encoding: .utf8)) ?? "").split(separator: "\n").count
        }
        #expect(written == 3, "the first three records are written while the pipe is open")
        input.fileHandleForWriting.write(Data((requests.dropFirst(3).joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let ids = try lines(try String(contentsOf: output, encoding: .utf8)).map { try CLI.json($0)["id"] as? String }
        #expect(ids == (0..<5).map { "GEN-7-\($0)" })
    }

    @Test func badRecordsAreReportedByLineAndTheBatchGoesOn() throws {
        let good = try String(contentsOf: try generated(3, seed: 2), encoding: .utf8).split(separator: "\n").map(String.init)
        let input = [
            good[0],
            "{\"id\": \"BROKEN-1\", \"items\": [",
            good[1].replacingOccurrences(of: "\"artifact\":\"", with: "\"artifact\":\"x-"),
            "",
            good[2],
            "{\"id\": \"TRUNC\", \"items\": [{\"artifact\": \"weights\"",
        ].joined(separator: "\n")
        let folder = try CLI.folder(["in.ndjson": input])
        let result = try CLI.run(["batch", folder.appendingPathComponent("in.ndjson").path] + Self.letter)
        #expect(result.status == 2)
        let out = lines(result.stdout)
        #expect(out.count == 5)
        #expect(result.stderr.contains("in.ndjson:2: error: malformed JSON"))
        #expect(result.stderr.contains("in.ndjson:3: error: items[0].artifact: unknown artifact 'x-"))
        #expect(result.stderr.contains("in.ndjson:6: error: truncated last line"))
        #expect(try CLI.json(out[1])["error"] != nil)
        #expect((try CLI.json(out[2])["id"] as? String) == (try CLI.json(good[1])["id"] as? String))
        #expect(try CLI.json(out[3])["verdict"] != nil)
        #expect(result.stderr.contains("batch: 5 requests, 2 analysed, 3 unusable"))
    }

    @Test func csvInputOneItemPerRow() throws {
        let csv = """
            id,date,legal_basis,authority,jurisdiction,model,compute_value,compute_unit,weights_published,code_of_practice,artifact,channel,alternatives,recipient_nationalities,recipient_location,recipient_headquarters
            C-1,2026-11-24,Art. 92(3),AI Office,EU,M,3e26,operations,false,,weights,transfer,,PL,PL,PL
            C-1,2026-11-24,Art. 92(3),AI Office,EU,M,3e26,operations,false,,weights,transfer,remote-api,PL,PL,PL
            C-2,2026-11-24,"Art. 91(1)",AI Office,EU,M,3e26,operations,false,,technical-documentation,transfer,,IT,BE,BE
            """
        let folder = try CLI.folder(["in.csv": csv + "\n"])
        let result = try CLI.run(["batch", "--posture", "text", folder.appendingPathComponent("in.csv").path])
        let out = lines(result.stdout)
        #expect(out.count == 2, "\(result.stderr)")
        let first = try CLI.json(out[0])
        #expect(first["id"] as? String == "C-1")
        #expect((first["items"] as? [[String: Any]])?.count == 2)
        #expect(first["verdict"] as? String == "conflict")
        #expect(try CLI.json(out[1])["verdict"] as? String == "clear")
    }

    /// A request file is one record, whether XML or JSON written over several lines; a `.json`
    /// file of one-line requests is still NDJSON.
    @Test func requestFilesAndNDJSONNamedJSON() throws {
        let pretty = CLI.sample("before-art92-applies.json")
        let xml = CLI.sample("weights-or-api-access.xml")
        let oneLine = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: pretty))))
        let folder = try CLI.folder(["two.json": String(decoding: oneLine, as: UTF8.self) + "\n" + String(decoding: oneLine, as: UTF8.self) + "\n"])
        let result = try CLI.run(["batch", "--posture", "text", pretty, xml, folder.appendingPathComponent("two.json").path])
        let out = try lines(result.stdout).map(CLI.json)
        #expect(out.map { $0["id"] as? String } == ["AIO-2026-0007", "AIO-2026-0177", "AIO-2026-0007", "AIO-2026-0007"], "\(result.stderr)")
        #expect(result.stderr.contains("batch: 4 requests, 4 analysed, 0 unusable"))
    }

    /// A request XML file with a start tag of more than 1,000 attributes is refused before libxml2
    /// reads it (its duplicate check takes time that grows with their number squared: 200,000
    /// attributes would hold the batch for minutes), and the batch goes on.
    @Test func aRequestWithACrowdedStartTagIsUnusableAndTheBatchGoesOn() throws {
        let crowded = "<?xml version=\"1.0\"?>\n<request xmlns=\"urn:ecca:request:1\"" + (0..<200_000).map { " a\($0)=\"1\"" }.joined() + "/>\n"
        let folder = try CLI.folder(["crowded.xml": crowded])
        let file = folder.appendingPathComponent("crowded.xml").path
        let started = Date()
        let result = try CLI.run(["batch", "--posture", "text", file, CLI.sample("weights-or-api-access.xml")])
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == 2, "\(result.stderr)")  // some unusable input
        let out = try lines(result.stdout).map(CLI.json)
        #expect(out.count == 2)
        let error = try #require(out.first?["error"] as? [String: Any])
        #expect(error["file"] as? String == file)
        #expect(error["line"] as? Int == 2)
        #expect(error["message"] as? String == "the start tag <request> has more than 1000 attributes, the XML reader's limit")
        #expect(out.last?["id"] as? String == "AIO-2026-0177")
        #expect(result.stderr.contains("batch: 2 requests, 1 analysed, 1 unusable"))
    }

    @Test func aFolderOfRequestFilesAndJSONOutput() throws {
        let result = try CLI.run(["batch", "--format", "json", CLI.root.appendingPathComponent("Samples/requests").path] + Self.letter)
        let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(array?.count == 12)
        #expect(array?.first?["id"] as? String == "AIO-2026-0007")
    }

    /// Where the postures part, the summary counts each: a conflict under the text in force alone
    /// rests on law that is not enforced, which the merged count does not say.
    @Test func theSummaryCountsEachPostureWhereTheyPart() throws {
        let folder = try CLI.folder(["s.json": ""])
        let summaryPath = folder.appendingPathComponent("s.json").path
        let result = try CLI.run(["batch", "--summary", summaryPath, CLI.sample("weights-to-ai-office-warsaw.json")])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(lines(result.stderr).prefix(2) == [
            "batch: 1 request, 1 analysed, 0 unusable: 0 clear, 0 avoidable, 0 undetermined, 1 conflict",
            "  by posture: text posture 0 clear, 0 avoidable, 0 undetermined, 1 conflict; enforcement posture 1 clear, 0 avoidable, 0 undetermined, 0 conflict",
        ])
        let summary = try CLI.json(try String(contentsOfFile: summaryPath, encoding: .utf8))
        #expect(summary["postures"] as? [String: [String: Int]] == ["text": ["conflict": 1], "enforcement": ["clear": 1]])
        let one = try CLI.run(["batch", "--posture", "text", CLI.sample("weights-to-ai-office-warsaw.json")])
        #expect(!one.stderr.contains("by posture"))
    }

    /// A folder's requests are its *.json and *.xml files, hidden ones too: anything else in it
    /// (an NDJSON file, a folder inside it, notes) is warned of, never passed over in silence, but
    /// is no record, so that records never depend on what a run writes beside them; a folder with
    /// no request file is an error, not "all clear".
    @Test func whatAFolderHoldsBesideRequestFilesIsNamed() throws {
        let request = try String(contentsOfFile: CLI.sample("weights-to-ai-office-warsaw.json"), encoding: .utf8)
        let folder = try CLI.folder(["in/a.json": request, "in/.b.json": request, "in/b.ndjson": "{}\n", "in/notes.txt": "notes",
                                     "in/inner/c.json": request, "in/.hidden": "x", "empty/.keep": ""])
        let input = folder.appendingPathComponent("in").path
        let result = try CLI.run(["batch", "--posture", "text", input, "-o", folder.appendingPathComponent("in/out.ndjson").path])
        #expect(result.status == 1, "\(result.stderr)")
        let records = try lines(try String(contentsOfFile: folder.appendingPathComponent("in/out.ndjson").path, encoding: .utf8)).map(CLI.json)
        #expect(records.map { $0["verdict"] as? String } == ["conflict", "conflict"])
        #expect(lines(result.stderr).prefix(3) == [
            "\(input)/b.ndjson: warning: not read (NDJSON and CSV files are read when given by name): a folder's requests are its *.json and *.xml files",
            "\(input)/inner: warning: a folder inside a folder is not read: a folder's requests are its *.json and *.xml files",
            "\(input)/notes.txt: warning: not read: a folder's requests are its *.json and *.xml files",
        ])
        let empty = try CLI.run(["batch", folder.appendingPathComponent("empty").path])
        #expect(empty.status == 2)
        #expect(empty.stderr.hasPrefix("\(folder.appendingPathComponent("empty").path): error: the folder holds no request files (*.json or *.xml, one request each)\n"), "\(empty.stderr)")
    }
}
