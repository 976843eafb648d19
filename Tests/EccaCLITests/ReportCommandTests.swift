import Foundation
import Testing
import EccaTestSupport

/// `ecca report`, `check --format md|html` and `graph --conflict` end to end, and the browser check.
@Suite struct ReportCommandTests {
    static let conflict = CLI.sample("weights-to-ai-office-warsaw.json")

    /// The report up to its receipt: what must not depend on how the analysis reached the renderer.
    static func body(_ report: String) -> String {
        report.components(separatedBy: "## Reproducibility receipt").first ?? report
    }

    @Test func markdownReportOfARequest() throws {
        let result = try CLI.run(["report", Self.conflict])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Export-control conflict report\n\n## Request AIO-2026-0142: CONFLICT under the text in force\n\n**CONFLICT** under the text in force: as the request stands, no accepted way of complying satisfies both the EU and the US rules. As of 2026-11-24; text posture: **CONFLICT**, enforcement posture: **CLEAR**.\n"))
        #expect(result.stdout.contains("| item 0 \\[weights\\] | weights via transfer | **CONFLICT** | **CLEAR** |"))
        #expect(result.stdout.contains("| Citation | **Art. 92(5)** | **15 CFR Part 774, Supp. No. 1, ECCN 4E091** |"))
        #expect(result.stdout.contains("[art\\_92\\_\\_para\\_5](<https://eur-lex.europa.eu/eli/reg/2024/1689/oj#092.005>)"))
        // The release and the commit it is built from: a receipt names the build.
        #expect(result.stdout.contains("| ecca version | 0.1.0 (commit "))
        #expect(result.stdout.contains("| As of | 2026-11-24 |"))
        // The reproducing command pins the date the request gave.
        #expect(result.stdout.contains("report \(Self.conflict) --as-of 2026-11-24\n```"))
    }

    @Test func receiptHashIsWhatSha256sumGives() throws {
        let result = try CLI.run(["report", "--format", "json", Self.conflict])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try CLI.json(result.stdout)
        let receipt = try #require(json["receipt"] as? [String: Any])
        let files = try #require(receipt["regulationFiles"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(files.count == 6)
        #expect(files == files.sorted())
        let pipeline = "sha256sum " + files.joined(separator: " ") + " | cut -c1-64 | LC_ALL=C sort | sha256sum"
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", pipeline]
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(receipt["regulationsSHA256"] as? String == String(printed.prefix(64)))
        #expect(receipt["source"] as? String == "analysed")
        #expect((receipt["z3Version"] as? String)?.first?.isNumber == true)
        #expect((receipt["libxml2Version"] as? String)?.contains(".") == true)
        #expect((json["analyses"] as? [[String: Any]])?.first?["verdict"] as? String == "conflict")
    }

    /// One renderer layer: the report from `check --format json` output equals the report made
    /// from the request, up to the receipt (which says where the analysis came from).
    @Test func resultsFromCheckGiveTheSameReport() throws {
        let json = try CLI.run(["check", "--format", "json", Self.conflict])
        let folder = try CLI.folder(["results.json": json.stdout])
        let fromResults = try CLI.run(["report", folder.appendingPathComponent("results.json").path])
        let fromRequest = try CLI.run(["report", Self.conflict])
        #expect(fromResults.status == 0, "\(fromResults.stderr)")
        #expect(Self.body(fromResults.stdout) == Self.body(fromRequest.stdout))
        #expect(fromResults.stdout.contains("| Analyses | read from analysis results made earlier"))
        #expect(fromResults.stdout.contains("| Regulations (SHA-256) | not read by this run |"))
        // check --format md is the same renderer again.
        let check = try CLI.run(["check", "--format", "md", Self.conflict])
        #expect(check.status == 1, "check keeps its exit status: 1 for a conflict")
        #expect(Self.body(check.stdout) == Self.body(fromRequest.stdout))
    }

    /// A report's receipt lists the bytes analysed, as they were read: `check --format md` lists
    /// a request read from standard input or from a pipe with its digest, as `report` does, where
    /// it read the file a second time for the digest and left such a request out.
    @Test func checkReceiptListsARequestReadFromStandardInputOrAPipe() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.conflict))
        let made = try CLI.run(["report", "--format", "json", Self.conflict])
        let receipt = try #require(try CLI.json(made.stdout)["receipt"] as? [String: Any])
        let digest = try #require((receipt["inputs"] as? [[String: Any]])?.first?["sha256"] as? String)
        let fromStandardInput = try CLI.run(["check", "--format", "md", "-"], stdin: bytes)
        #expect(fromStandardInput.status == 1, "\(fromStandardInput.stderr)")
        #expect(fromStandardInput.stdout.contains("| \\- | \(digest) |"), "\(fromStandardInput.stdout)")
        let folder = try CLI.folder([:])
        let pipe = folder.appendingPathComponent("request.json").path
        #expect(mkfifo(pipe, 0o600) == 0)
        Thread { FileHandle(forWritingAtPath: pipe).map { $0.write(bytes); try? $0.close() } }.start()
        let fromPipe = try CLI.run(["check", "--format", "md", "request.json"], in: folder)
        #expect(fromPipe.status == 1, "\(fromPipe.stderr)")
        #expect(fromPipe.stdout.contains("| request.json | \(digest) |"), "\(fromPipe.stdout)")
    }

    /// Results read from a pipe, as `ecca report <(ecca batch …)` gives them, are read to their
    /// end like a file's.
    @Test func reportReadsResultsFromAPipe() throws {
        let results = try CLI.run(["check", "--format", "json", Self.conflict])
        let folder = try CLI.folder([:])
        let pipe = folder.appendingPathComponent("results.json").path
        #expect(mkfifo(pipe, 0o600) == 0)
        Thread { FileHandle(forWritingAtPath: pipe).map { $0.write(Data(results.stdout.utf8)); try? $0.close() } }.start()
        let report = try CLI.run(["report", "results.json"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("## Request AIO-2026-0142: CONFLICT under the text in force"), "\(report.stdout)")
    }

    @Test func ndjsonResultsAsCSV() throws {
        let first = try CLI.run(["check", "--format", "json", Self.conflict])
        let second = try CLI.run(["check", "--format", "json", CLI.sample("weights-or-api-access.xml")])
        func compact(_ text: String) throws -> String {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        let ndjson = try compact(first.stdout) + "\n" + #"{"error":{"message":"bad record"},"id":"x"}"# + "\n" + compact(second.stdout) + "\n"
        let folder = try CLI.folder(["batch.ndjson": ndjson])
        let result = try CLI.run(["report", "--format", "csv", folder.appendingPathComponent("batch.ndjson").path])
        // Written, but not complete: 2, as batch gave for the record.
        #expect(result.status == 2, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\r\n")
        #expect(lines.count == 5 && lines[4].isEmpty, "header, two items, the record left out, and the final CRLF")
        #expect(lines[0].hasPrefix("request_id,as_of,request_verdict,item_index,item_id,"))
        #expect(lines[1].hasPrefix("AIO-2026-0142,2026-11-24,conflict,0,weights,weights,transfer,conflict,conflict,clear,"))
        #expect(lines[2].hasPrefix("AIO-2026-0177,2026-11-24,avoidable,0,evaluation-access,weights,transfer,avoidable,avoidable,clear,remote-api,"))
        // A spreadsheet has no receipt: the record left out is a row of its own.
        let path = folder.appendingPathComponent("batch.ndjson").path
        #expect(lines[3] == "x,,unusable" + String(repeating: ",", count: 20) + "left out: \(path) line 2: bad record,,", "\(lines[3])")
        #expect(result.stderr.contains("left out 1 record(s)"))
        // The Markdown and JSON reports say so in their receipts, not only on standard error, and
        // the Markdown at its head, before any request.
        let markdown = try CLI.run(["report", "--format", "md", folder.appendingPathComponent("batch.ndjson").path])
        #expect(markdown.status == 2)
        #expect(markdown.stdout.hasPrefix("# Export-control conflict report\n\n**Incomplete: 1 record of the input could not be analysed and is left out of this report; the receipt lists each with its reason.**\n\n## 1. Request AIO-2026-0142"), "\(markdown.stdout.prefix(400))")
        let html = try CLI.run(["report", "--format", "html", "--no-svg", folder.appendingPathComponent("batch.ndjson").path])
        #expect(html.status == 2)
        #expect(html.stdout.contains("<main>\n<p class=\"left-out\"><strong>Incomplete: 1 record of the input could not be analysed and is left out of this report; the receipt lists each with its reason.</strong></p>\n"))
        // Each by its line, request id and reason: not "record 2", which reads as the report's request 2.
        #expect(markdown.stdout.contains("Left out of this report:\n\n- \(folder.appendingPathComponent("batch.ndjson").path) line 2 (request x): bad record\n\nMake"), "\(markdown.stdout.suffix(800))")
        let json = try CLI.json(try CLI.run(["report", "--format", "json", folder.appendingPathComponent("batch.ndjson").path]).stdout)
        let receipt = try #require(json["receipt"] as? [String: Any])
        #expect((receipt["leftOut"] as? [[String: Any]])?.first?["records"] as? [Int] == [2])
        let detail = try #require(((receipt["leftOut"] as? [[String: Any]])?.first?["details"] as? [[String: Any]])?.first)
        #expect(detail["record"] as? Int == 2 && detail["requestID"] as? String == "x" && detail["reason"] as? String == "bad record")
        #expect(result.stderr.contains("left out 1 record(s) the analysis could not use (line 2)"))
        // Results of nothing but unusable records make no report.
        let errors = try CLI.folder(["errors.ndjson": #"{"error":{"message":"bad record"},"id":"x"}"# + "\n"])
        let empty = try CLI.run(["report", "--format", "md", errors.appendingPathComponent("errors.ndjson").path])
        #expect(empty.status == 2)
        #expect(empty.stdout.isEmpty)
        #expect(empty.stderr.hasSuffix("error: nothing to report: the results hold no analysis, only records the analysis could not use\n"))
    }

    /// Reports are rendered a request at a time, and written only once every input was read: a
    /// line found unusable after many good ones leaves standard output empty and the `-o` file as
    /// it was. Thousands of error records are not all named on standard error (the receipt has them).
    @Test func aReportIsWrittenOnlyOnceEveryInputWasRead() throws {
        let analysis = try CLI.run(["check", "--format", "json", Self.conflict])
        let line = String(decoding: try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(analysis.stdout.utf8)),
                                                               options: [.sortedKeys]), as: UTF8.self)
        let error = #"{"error":{"message":"bad record"},"id":"x"}"#
        let folder = try CLI.folder([
            "broken.ndjson": String(repeating: line + "\n", count: 3) + "{\"not\": \"an analysis\"}\n" + line + "\n",
            "errors.ndjson": String(repeating: error + "\n", count: 12) + line + "\n",
            "kept.md": "an earlier report\n",
        ])
        let broken = folder.appendingPathComponent("broken.ndjson").path
        let kept = folder.appendingPathComponent("kept.md").path
        for format in ["md", "html", "csv", "json"] {
            let toStandardOutput = try CLI.run(["report", "--format", format, broken])
            #expect(toStandardOutput.status == 2)
            #expect(toStandardOutput.stdout.isEmpty, "\(format): \(toStandardOutput.stdout.prefix(200))")
            #expect(toStandardOutput.stderr.contains("broken.ndjson:4: error: not analysis results"), "\(toStandardOutput.stderr)")
            let toFile = try CLI.run(["report", "--format", format, broken, "-o", kept])
            #expect(toFile.status == 2)
            #expect(try String(contentsOfFile: kept, encoding: .utf8) == "an earlier report\n")
        }
        // The scratch file for standard output goes to TMPDIR, or to /tmp where TMPDIR is no folder.
        let noTemporary = try CLI.run(["report", "--format", "csv", folder.appendingPathComponent("errors.ndjson").path],
                                      environment: ["TMPDIR": folder.appendingPathComponent("missing").path])
        #expect(noTemporary.status == 2, "\(noTemporary.stderr)")
        #expect(noTemporary.stdout.hasPrefix("request_id,"))
        let errors = try CLI.run(["report", "--format", "md", folder.appendingPathComponent("errors.ndjson").path])
        #expect(errors.status == 2, "\(errors.stderr)")
        #expect(errors.stdout.contains("**Incomplete: 12 records of the input could not be analysed and are left out of this report;"))
        #expect(errors.stderr.contains("left out 12 record(s) the analysis could not use (line 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more, listed in the report's receipt)\n"), "\(errors.stderr)")
        #expect(errors.stdout.contains("errors.ndjson line 12 (request x): bad record\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["broken.ndjson", "errors.ndjson", "kept.md"])
    }

    /// A clear verdict from results made without grounds says they were not worked out, rather
    /// than showing none.
    @Test func clearVerdictsFromResultsWithoutGroundsSaySo() throws {
        let batch = try CLI.run(["batch", CLI.sample("open-weight-model.json")])
        let folder = try CLI.folder(["results.ndjson": batch.stdout])
        let report = try CLI.run(["report", "--format", "md", folder.appendingPathComponent("results.ndjson").path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.components(separatedBy: "- grounds not worked out: these results were made without them (`ecca batch` without `--grounds`)").count == 3,
                "once per posture")
        let withGrounds = try CLI.run(["batch", "--grounds", CLI.sample("open-weight-model.json")])
        let grounded = try CLI.folder(["results.ndjson": withGrounds.stdout])
        let full = try CLI.run(["report", "--format", "md", grounded.appendingPathComponent("results.ndjson").path])
        #expect(!full.stdout.contains("grounds not worked out"))
        #expect(full.stdout.contains("- clear because: "))
    }

    /// A clear verdict that rests on nothing obliging what a US restriction forbids (a request
    /// made before Art. 92 applied) must not say the request "can be honoured": a legal team
    /// files that line. Without grounds the headline claims neither.
    @Test func clearHeadlineSaysWhenAUSRestrictionForbidsIt() throws {
        func lede(_ markdown: String) -> String? { markdown.split(separator: "\n").first { $0.hasPrefix("**CLEAR**") }.map(String.init) }
        let early = try CLI.run(["report", "--format", "md", CLI.sample("before-art92-applies.json")])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(lede(early.stdout) == "**CLEAR**: nothing obliges the disclosure on the request as made, and a US export restriction in force forbids it. "
                + "As of 2026-06-15; text posture: **CLEAR**, enforcement posture: **CLEAR**.")
        let published = try CLI.run(["report", "--format", "md", CLI.sample("open-weight-model.json")])
        #expect(lede(published.stdout)?.hasPrefix("**CLEAR**: can be honoured without breaking a US export restriction. ") == true)
        // Cleared by a licence the request claims, which ecca does not check: the headline says so.
        let licensed = try CLI.run(["report", "--format", "md", CLI.sample("weights-licence-held.xml")])
        #expect(lede(licensed.stdout)?.hasPrefix("**CLEAR**: can be honoured without breaking a US export restriction, provided the licence or "
                                                  + "exception that clears it holds (ecca takes one the request claims as valid, and does not check it). ") == true)

        let batch = try CLI.run(["batch", CLI.sample("before-art92-applies.json")])
        let folder = try CLI.folder(["results.ndjson": batch.stdout])
        let ungrounded = try CLI.run(["report", "--format", "md", folder.appendingPathComponent("results.ndjson").path])
        #expect(lede(ungrounded.stdout)?.hasPrefix("**CLEAR**: no duty to disclose meets a US export restriction that forbids it. ") == true,
                "\(ungrounded.stdout.prefix(400))")
    }

    /// A channel a US rule forbids but nothing obliges is "compliant" in the solver's words (no
    /// conflict); its entry says what forbids it, in `check`'s JSON, in a batch line made without
    /// grounds, read back by `ecca report`, and in the channels a Markdown report lists. Not under
    /// the enforcement posture, where 4E091 is not enforced.
    @Test func aCompliantChannelSaysWhatForbidsIt() throws {
        let check = try CLI.run(["check", "--format", "json", CLI.sample("before-art92-applies.json")])
        #expect(check.status == 0, "\(check.stderr)")
        /// How often `block` stands as consecutive lines of pretty-printed JSON, indentation aside.
        func count(_ block: [String], in json: String) -> Int {
            let lines = json.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            return lines.indices.filter { Array(lines[$0...].prefix(block.count)) == block }.count
        }
        let forbidden = ["\"channel\" : \"transfer\",", "\"forbiddenBy\" : [", "\"us.ai-diffusion.4e091\"", "],", "\"outcome\" : \"compliant\""]
        #expect(count(forbidden, in: check.stdout) == 1, "text posture only")
        #expect(count(["\"channel\" : \"transfer\",", "\"outcome\" : \"compliant\""], in: check.stdout) == 1, "enforcement posture: nothing forbids it")

        var request = try CLI.json(String(contentsOfFile: CLI.sample("before-art92-applies.json"), encoding: .utf8))
        var items = try #require(request["items"] as? [[String: Any]])
        items[0]["alternatives"] = ["remote-api"]
        request["items"] = items
        let folder = try CLI.folder(["r.json": String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)])
        let batch = try CLI.run(["batch", folder.appendingPathComponent("r.json").path])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stdout.contains(#""channels":[{"channel":"transfer","forbiddenBy":["us.ai-diffusion.4e091"],"outcome":"compliant"},{"channel":"remote-api","outcome":"compliant"}]"#))
        #expect(batch.stdout.contains(#""channels":[{"channel":"transfer","outcome":"compliant"},{"channel":"remote-api","outcome":"compliant"}]"#))
        try batch.stdout.write(to: folder.appendingPathComponent("results.ndjson"), atomically: true, encoding: .utf8)
        let readBack = try CLI.run(["report", "--format", "json", folder.appendingPathComponent("results.ndjson").path])
        #expect(readBack.status == 0, "\(readBack.stderr)")
        #expect(count(forbidden, in: readBack.stdout) == 1)
        let markdown = try CLI.run(["report", "--format", "md", folder.appendingPathComponent("results.ndjson").path])
        let channels = markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("- channel ") }
        #expect(channels == [
            "- channel transfer (asked for): compliant (no conflict: nothing obliges it, but it is forbidden by us.ai-diffusion.4e091)",
            "- channel remote-api: compliant",
            "- channel transfer (asked for): compliant",
            "- channel remote-api: compliant",
        ])
    }

    @Test func htmlToAFileWithOrWithoutGraphviz() throws {
        let folder = try CLI.folder([:])
        let withoutDot = folder.appendingPathComponent("plain.html").path
        let plain = try CLI.run(["report", "--format", "html", Self.conflict, "-o", withoutDot], environment: ["PATH": "/nonexistent"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.isEmpty)
        let html = try String(contentsOfFile: withoutDot, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<svg"))
        #expect(html.contains("<p class=\"note\">Graphviz (dot) is not installed"))
        #expect(html.contains("<pre class=\"dot\">digraph conflict {"))
        #expect(!html.contains("<tr><td>Graphviz</td>"))

        let off = try CLI.run(["report", "--format", "html", "--no-svg", Self.conflict])
        #expect(off.stdout.contains("Drawing was turned off (--no-svg)"))

        let dot = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if let dot {
            let drawn = try CLI.run(["report", "--format", "html", Self.conflict],
                                    environment: ["PATH": (dot as NSString).deletingLastPathComponent])
            #expect(drawn.stdout.contains("<figure>\n<svg"))
            #expect(drawn.stdout.contains("<tr><td>Graphviz</td>"))
            #expect(!drawn.stdout.contains("is not installed"))
        }
    }

    /// A report of several requests embeds one Graphviz picture per request, and Graphviz names
    /// every picture's elements alike (`graph0`, `node1`): two requests gave 32 ids twice (reports
    /// audit 11). Each picture's ids now carry its request's anchor, every id in the page is
    /// unique, and every in-page link and `url(#…)` reference finds its target. The `dot` here
    /// draws the same picture, with a gradient it refers to, for every graph.
    @Test func aReportOfSeveralRequestsHasEachIDOnce() throws {
        let folder = try CLI.folder([:])
        try ExecutableScript.write("""
            if [ "$1" = -V ]; then echo 'dot - graphviz version 0.0-test (0)'; exit 0; fi
            cat >/dev/null
            printf '%s\\n' '<svg width="62pt" height="44pt" viewBox="0 0 62 44" xmlns="http://www.w3.org/2000/svg">' \\
              '<g id="graph0" class="graph"><defs><linearGradient id="l_1"><stop offset="0"/></linearGradient></defs>' \\
              '<g id="node1" class="node"><title>item0</title><path fill="url(#l_1)" d="M0,0"/></g></g></svg>'
            """, to: folder.appendingPathComponent("dot").path)
        let result = try CLI.run(["report", "--format", "html", Self.conflict, CLI.sample("weights-to-brussels-aia-unclaimed.json")],
                                 environment: ["PATH": folder.path + ":/usr/bin:/bin"])
        #expect(result.status == 0, "\(result.stderr)")
        func captures(_ pattern: String) throws -> [String] {
            let expression = try NSRegularExpression(pattern: pattern)
            let text = result.stdout
            return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
                String(text[Range($0.range(at: 1), in: text)!])
            }
        }
        let ids = try captures(#" id="([^"]*)""#)
        #expect(ids.count == Set(ids).count, "ids given more than once: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
        #expect(ids.filter { $0.contains("-graph-") } == [
            "request-1-graph-graph0", "request-1-graph-l_1", "request-1-graph-node1",
            "request-2-graph-graph0", "request-2-graph-l_1", "request-2-graph-node1",
        ])
        let targets = try captures(##"href="#([^"]*)""##) + captures(##"url\(#([^)]*)\)"##)
        #expect(!targets.isEmpty)
        #expect(targets.filter { !ids.contains($0) } == [])
    }

    @Test func htmlFromCheck() throws {
        let result = try CLI.run(["check", "--format", "html", "--posture", "text", Self.conflict], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(result.stdout.contains("<h2><span>Request AIO-2026-0142</span> <span class=\"verdict verdict-conflict\""))
        #expect(result.stdout.contains("<tr><td>Postures</td><td>text</td></tr>"))
        #expect(result.stdout.contains("check --format html --posture text \(Self.conflict) --as-of 2026-11-24</pre>"))
    }

    @Test func conflictGraphAsDOT() throws {
        let result = try CLI.run(["graph", "--conflict", Self.conflict])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("digraph conflict {\n"))
        #expect(result.stdout.contains("item0 [label=\"item 0 [weights]\\nweights via transfer\\ntext: CONFLICT · enforcement: CLEAR\""))
        #expect(result.stdout.contains("\"EU Art. 92(5)\\nobliges\""))
        #expect(result.stdout.contains("ECCN 4E091\\nforbids\""))
        #expect(result.stdout.contains("License Exception AIA (15 CFR\\n740.27)\\nfailed"))
        #expect(result.stdout.contains("-> item0 [style=dotted"))
        let json = try CLI.run(["graph", "--conflict", Self.conflict, "--format", "json", "--posture", "text"])
        let graph = try CLI.json(json.stdout)
        #expect(graph["request"] as? String == "AIO-2026-0142")
        #expect(graph["postures"] as? [String] == ["text"])
    }

    /// A request whose fields hold `<script>` and quotes: escaped in HTML, quoted in CSV.
    @Test func hostileRequestFields() throws {
        let request = """
            {
              "id": "AIO <script>alert(\\"x\\")</script>, \\"quoted\\"",
              "date": "2026-11-24",
              "requester": { "authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)" },
              "provider": { "name": "Northwind", "establishedIn": "US" },
              "model": { "name": "N5", "trainingCompute": { "value": 3e26, "unit": "operations" }, "weightsPublished": false },
              "items": [
                { "id": "w\\"eights\\", <script>", "artifact": "weights", "channel": "transfer",
                  "recipients": [ { "organisation": "Team", "nationalities": ["PL"], "location": "PL", "headquarters": "PL", "role": "independent-expert" } ] }
              ]
            }
            """
        let folder = try CLI.folder(["hostile.json": request])
        let path = folder.appendingPathComponent("hostile.json").path
        let html = try CLI.run(["report", "--format", "html", path])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(!html.stdout.lowercased().contains("<script"))
        #expect(html.stdout.contains("Request AIO &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;, &quot;quoted&quot;"))
        #expect(html.stdout.contains("item 0 [w&quot;eights&quot;, &lt;script&gt;]"))
        let csv = try CLI.run(["report", "--format", "csv", path])
        let record = csv.stdout.components(separatedBy: "\r\n")[1]
        #expect(record.hasPrefix(#""AIO <script>alert(""x"")</script>, ""quoted""",2026-11-24,conflict,0,"w""eights"", <script>",weights,"#))
        let markdown = try CLI.run(["report", path])
        #expect(markdown.stdout.contains(#"## Request AIO \<script\>alert("x")\</script\>, "quoted": CONFLICT"#))
    }

    @Test func usageErrors() throws {
        let json = try CLI.run(["check", "--format", "json", Self.conflict])
        let folder = try CLI.folder(["results.json": json.stdout])
        let results = folder.appendingPathComponent("results.json").path
        let dated = try CLI.run(["report", results, "--as-of", "2026-01-01"])
        // An option the command would not use: a usage error, with the usage line.
        #expect(dated.status == 64)
        #expect(dated.stderr.contains("\nUsage: ecca report "), "\(dated.stderr)")
        #expect(dated.stderr.contains("--as-of, --today and --posture apply when analysing requests"))
        let mixed = try CLI.run(["report", results, Self.conflict])
        #expect(mixed.status == 2)
        // Which input was read as which, so the analyst can tell which to take out.
        #expect(mixed.stderr.contains("give request files or analysis results, not both (\(results) holds analysis results, \(Self.conflict) is a request)"), "\(mixed.stderr)")
        let missing = try CLI.run(["report", "/nonexistent/request.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/request.json: error: cannot read file"))
        let broken = try CLI.folder(["broken.json": #"{"verdict": "conflict", "findings": [], "items": 3}"#])
        let bad = try CLI.run(["report", broken.appendingPathComponent("broken.json").path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("not analysis results"))
    }

    /// A report lists its inputs as analysed: with one request unusable, `check --format md|html`
    /// writes none, as `ecca report` does, rather than a complete-looking partial one.
    @Test func checkWritesNoReportWhenARequestIsUnusable() throws {
        let good = try String(contentsOfFile: Self.conflict, encoding: .utf8)
        let folder = try CLI.folder(["good.json": good, "syntax.json": "{\n  \"id\": \"BAD-1\",\n  \"items\": [ { \"artifact\": \"weights\", },\n  ]\n}\n"])
        for format in ["md", "html"] {
            let result = try CLI.run(["check", "--format", format, "good.json", "syntax.json"], in: folder)
            #expect(result.status == 2)
            #expect(result.stdout == "")
            #expect(result.stderr == """
                syntax.json:3: error: malformed JSON: expected a member name in double quotes (column 39)
                error: no report written: 1 of 2 requests could not be analysed (above); fix it or leave it out

                """)
            let report = try CLI.run(["report", "--format", format, "good.json", "syntax.json"], in: folder)
            #expect(report.status == 2)
            #expect(report.stdout == "")
        }
        // Text output still checks the good ones, as documented.
        let text = try CLI.run(["check", "good.json", "syntax.json"], in: folder)
        #expect(text.status == 2)
        #expect(text.stdout.hasPrefix("request AIO-2026-0142 (as of 2026-11-24): CONFLICT under text, CLEAR under enforcement\n"))
    }

    /// A verdict under one posture is not a verdict on the other: the headline says which posture
    /// it holds under, and which was not analysed.
    @Test func headlineIsLimitedToThePosturesAnalysed() throws {
        let enforcement = try CLI.run(["report", "--posture", "enforcement", Self.conflict])
        #expect(enforcement.status == 0, "\(enforcement.stderr)")
        #expect(enforcement.stdout.hasPrefix("""
            # Export-control conflict report

            ## Request AIO-2026-0142: CLEAR under the enforcement posture

            **CLEAR** under the enforcement posture: no US export restriction that is enforced stands in the way. \
            As of 2026-11-24; enforcement posture: **CLEAR**. **The law in force (text posture) was not analysed: \
            this report does not say whether the request can be honoured without breaking a US export restriction.**

            ### Summary

            """))
        #expect(!enforcement.stdout.contains(": can be honoured"))
        let html = try CLI.run(["report", "--format", "html", "--no-svg", "--posture", "enforcement", Self.conflict])
        #expect(html.stdout.contains("""
            <h2><span>Request AIO-2026-0142</span> <span class="verdict verdict-clear" title="no US export restriction that is enforced stands in the way">CLEAR</span> <span class="qualifier">under the enforcement posture</span></h2>
            <p class="lede"><strong>CLEAR under the enforcement posture</strong>: no US export restriction that is enforced stands in the way. \
            As of 2026-11-24; enforcement posture: <span class="verdict verdict-clear">CLEAR</span>. <strong class="not-analysed">The law in force \
            (text posture) was not analysed: this report does not say whether the request can be honoured without breaking a US export restriction.</strong></p>

            """))
        let text = try CLI.run(["check", "--posture", "enforcement", Self.conflict])
        #expect(text.stdout.hasPrefix("request AIO-2026-0142 (as of 2026-11-24): CLEAR (enforcement posture; the text in force was not analysed)\n"))
        // The CSV says which postures the request's verdict holds under.
        let both = try CLI.run(["report", "--format", "csv", Self.conflict]).stdout
        #expect(both.components(separatedBy: "\r\n")[0].hasSuffix(",clear_grounds,request_verdict_postures,deciding_caveats,exact_thresholds,request_notes,request_assumptions,other_readings"))
        #expect(both.components(separatedBy: "\r\n")[1].hasPrefix("AIO-2026-0142,2026-11-24,conflict,"))
        let assumed = #""training compute was given in operations only; the FLOP count is taken to equal it (every FLOP is an operation, so the FLOP count can only be lower: give it where it may differ, as the Art. 51(2) presumption counts FLOP)""#
        #expect(both.components(separatedBy: "\r\n")[1].hasSuffix(",text,,,," + assumed + ","))
        let onlyEnforcement = try CLI.run(["report", "--format", "csv", "--posture", "enforcement", Self.conflict]).stdout
        #expect(onlyEnforcement.components(separatedBy: "\r\n")[1].hasPrefix("AIO-2026-0142,2026-11-24,clear,0,weights,weights,transfer,clear,,clear,"))
        #expect(onlyEnforcement.components(separatedBy: "\r\n")[1].hasSuffix(",enforcement,,,," + assumed + ","))
    }

    /// The CSV says what the other formats say beside a verdict: one that rests on the comparator
    /// because the value is exactly the threshold, and the request's notes and assumptions.
    @Test func csvCarriesExactThresholdsNotesAndAssumptions() throws {
        let request = try String(contentsOfFile: Self.conflict, encoding: .utf8)
            .replacingOccurrences(of: #""value": 3e26"#, with: #""value": 1e26"#)
            .replacingOccurrences(of: #""date": "2026-11-24""#, with: #""date": "2026-08-01""#)
        let folder = try CLI.folder(["r.json": request])
        let csv = try CLI.run(["report", "--format", "csv", folder.appendingPathComponent("r.json").path])
        let header = csv.stdout.components(separatedBy: "\r\n")[0].components(separatedBy: ",")
        let row = try #require(csv.stdout.components(separatedBy: "\r\n").dropFirst().first)
        let json = try CLI.json(try CLI.run(["check", "--format", "json", folder.appendingPathComponent("r.json").path]).stdout)
        let notes = try #require(json["notes"] as? [String])
        #expect(!notes.isEmpty)
        #expect(Array(header.suffix(4)) == ["exact_thresholds", "request_notes", "request_assumptions", "other_readings"])
        #expect(row.contains(#"model.training-compute = 1e26 operations (15 CFR Part 774, Supp. No. 1, ECCN 4E091): the verdict rests on the comparator ≥"#), "\(row)")
        #expect(row.contains(String(notes[0].prefix(40))), "\(notes[0]) in \(row)")
    }

    /// The CSV gives the plainest ground too, that nothing obliges the disclosure.
    @Test func csvGroundsSayWhenNothingObliges() throws {
        let csv = try CLI.run(["report", "--format", "csv", "--posture", "text", "--instrument", CLI.letter, CLI.sample("orion-api-access-letter.json")])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.components(separatedBy: "\r\n")[2]
            == "AIO-2026-0203,2026-11-24,conflict,1,documentation,technical-documentation,transfer,clear,clear,,,,,0,,,,,"
            + "text: no-obligation; text: eu.ai-act.art92.5 not-applicable; text: us.ai-diffusion.4e091 not-applicable; text: us.bis.letter.helios-orion-2026.1 not-applicable,text,,,,"
            + #""training compute was given in FLOP only; the operations count is taken to equal it (every FLOP is an operation, so the operations count can only be higher: give it where it may differ, as Technical Notes 2 and 3 to ECCN 4E091 count operations)","#)
    }

    /// `-o` naming an input, however spelt, is refused before anything is read or written.
    @Test func outputThatIsAnInputIsRefused() throws {
        let request = try String(contentsOfFile: Self.conflict, encoding: .utf8)
        let folder = try CLI.folder(["multi.json": request, "sub/keep.txt": ""])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.json").path, withDestinationPath: "multi.json")
        for output in ["multi.json", "./multi.json", "sub/../multi.json", folder.appendingPathComponent("multi.json").path, "link.json"] {
            let result = try CLI.run(["report", "multi.json", "--format", "json", "-o", output], in: folder)
            #expect(result.status == 2)
            #expect(result.stderr == "error: the output \(output) would overwrite the input multi.json\n")
        }
        let viaLink = try CLI.run(["report", "link.json", "-o", "multi.json"], in: folder)
        #expect(viaLink.stderr == "error: the output multi.json would overwrite the input link.json\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("multi.json"), encoding: .utf8) == request, "the request is untouched")
        let beside = try CLI.run(["report", "multi.json", "-o", "multi.md"], in: folder)
        #expect(beside.status == 0, "\(beside.stderr)")
    }

    /// Files that cannot be used are named for what is wrong with them, not as malformed JSON or
    /// a Foundation error code.
    @Test func unusableFilesAreNamedPlainly() throws {
        let folder = try CLI.folder(["empty.json": "", "blank.json": " \n", "adir/keep.txt": "", "request.json": try String(contentsOfFile: Self.conflict, encoding: .utf8)])
        let check = try CLI.run(["check", "adir", "empty.json", "blank.json"], in: folder)
        #expect(check.status == 2)
        #expect(check.stderr == """
            adir: error: is a directory, not a request file
            empty.json: error: the file is empty
            blank.json: error: the file holds only white space

            """)
        let report = try CLI.run(["report", "adir"], in: folder)
        #expect(report.stderr == "adir: error: is a directory, not a request or results file\n")
        let toFolder = try CLI.run(["report", "request.json", "-o", "adir"], in: folder)
        #expect(toFolder.status == 2)
        #expect(toFolder.stderr == "adir: error: cannot write the report: it is a directory\n")
        // Found before any input is read or analysed.
        let beforeReading = try CLI.run(["report", "absent.json", "-o", "adir"], in: folder)
        #expect(beforeReading.status == 2)
        #expect(beforeReading.stderr == "adir: error: cannot write the report: it is a directory\n")
        let nowhere = try CLI.run(["report", "request.json", "-o", "missing/report.md"], in: folder)
        #expect(nowhere.stderr == "missing/report.md: error: cannot write the report: no such folder: \(folder.resolvingSymlinksInPath().path)/missing\n"
                || nowhere.stderr == "missing/report.md: error: cannot write the report: no such folder: \(folder.path)/missing\n", "\(nowhere.stderr)")
        let february = try CLI.run(["check", "--as-of", "2026-02-30", "request.json"], in: folder)
        #expect(february.status == 64, "a usage error, as README says")
        #expect(february.stderr.hasPrefix("Error: --as-of '2026-02-30' is not a calendar date: 2026-02 has 28 days\n"))
        let shape = try CLI.run(["report", "--as-of", "30/11/2026", "request.json"], in: folder)
        #expect(shape.status == 64)
        #expect(shape.stderr.hasPrefix("Error: --as-of '30/11/2026' is not an ISO date (YYYY-MM-DD)\n"))
    }

    /// The receipt's command makes the same report again even where the regulations came from
    /// ECCA_REGULATIONS, which the command line alone does not carry.
    @Test func receiptCommandCarriesRegulationsFromTheEnvironment() throws {
        let folder = try CLI.folder([:])
        let regulations = folder.appendingPathComponent("regs").path
        try FileManager.default.copyItem(atPath: CLI.regulations, toPath: regulations)
        let first = try CLI.run(["report", Self.conflict], environment: ["ECCA_REGULATIONS": regulations])
        #expect(first.status == 0, "\(first.stderr)")
        let command = try #require(first.stdout.components(separatedBy: "Make this report again with:\n\n```sh\n").last?
            .components(separatedBy: "\n").first)
        #expect(command.hasSuffix(" report \(Self.conflict) --as-of 2026-11-24 --regulations \(regulations)"))
        // Run as printed, without the environment: the same bytes.
        let again = try CLI.run(["-c", command], environment: ["PATH": "/usr/bin:/bin"], executable: "/bin/sh")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == first.stdout)
        // Given on the command line, it is not added twice.
        let given = try CLI.run(["report", "--regulations", CLI.regulations, Self.conflict], environment: ["ECCA_REGULATIONS": regulations])
        #expect(given.stdout.contains("report --regulations \(CLI.regulations) \(Self.conflict) --as-of 2026-11-24\n```"))
    }

    /// A request without a date, among requests of other dates, is analysed as of the run date,
    /// which no single --as-of can pin without moving the dated ones: the command pins it with
    /// --today, and run as printed on another day makes the same report.
    @Test func anUndatedRequestAmongDatedOnesIsPinnedWithToday() throws {
        let dated = try String(contentsOfFile: Self.conflict, encoding: .utf8)
        let undated = dated.replacingOccurrences(of: "\"date\": \"2026-11-24\",", with: "")
            .replacingOccurrences(of: "AIO-2026-0142", with: "NODATE")
        #expect(undated.contains("NODATE") && !undated.contains("2026-11-24"))
        let folder = try CLI.folder(["nodate.json": undated, "dated.json": dated])
        let report = try CLI.run(["report", "nodate.json", "dated.json"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let today = try #require(CLI.json(try CLI.run(["check", "--format", "json", "nodate.json"], in: folder).stdout)["asOf"] as? String)
        let command = try #require(report.stdout.components(separatedBy: "Make this report again with:\n\n```sh\n").last?
            .components(separatedBy: "\n").first)
        #expect(command.hasSuffix(" report nodate.json dated.json --today \(today)"), "\(command)")
        // Another day's run of the printed command, with the day it pins: the same report.
        let pinnedDay = "2026-08-10"
        let earlier = try CLI.run(["report", "nodate.json", "dated.json", "--today", pinnedDay], in: folder)
        #expect(earlier.status == 0, "\(earlier.stderr)")
        #expect(earlier.stdout.contains("As of \(pinnedDay)") && earlier.stdout.contains("As of 2026-11-24"), "the undated request on the day given, the dated on its own")
        let again = try #require(earlier.stdout.components(separatedBy: "Make this report again with:\n\n```sh\n").last?
            .components(separatedBy: "\n").first)
        #expect(again.hasSuffix(" report nodate.json dated.json --today \(pinnedDay)"), "given, it is not added twice: \(again)")
        let rerun = try CLI.run(["report", "nodate.json", "dated.json", "--today", pinnedDay], in: folder)
        #expect(rerun.stdout == earlier.stdout)
        // --today with --as-of, or with results, is refused: neither has undated requests to date.
        let both = try CLI.run(["report", "nodate.json", "--today", pinnedDay, "--as-of", pinnedDay], in: folder)
        #expect(both.status == 64)
        #expect(both.stderr.contains("--today applies to requests that give no date, which --as-of already dates: give one of them"), "\(both.stderr)")
        let malformed = try CLI.run(["check", "nodate.json", "--today", "2026-02-30"], in: folder)
        #expect(malformed.status == 64)
        #expect(malformed.stderr.contains("--today '2026-02-30'"), "\(malformed.stderr)")
        let results = folder.appendingPathComponent("results.ndjson")
        try CLI.run(["batch", "nodate.json"], in: folder).stdout.write(to: results, atomically: true, encoding: .utf8)
        let fromResults = try CLI.run(["report", "results.ndjson", "--today", pinnedDay], in: folder)
        #expect(fromResults.status == 64)
        #expect(fromResults.stderr.contains("Error: --as-of, --today and --posture apply when analysing requests"), "\(fromResults.stderr)")
    }

    /// Batch error records as `ecca batch` writes them: file, line and field of the request, and
    /// the request id, all in the report's list of what it left out.
    @Test func leftOutRecordsGiveTheirRequestAndReason() throws {
        let first = try CLI.run(["check", "--format", "json", Self.conflict])
        let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8))
        let analysis = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        let error = #"{"error":{"field":"instruments[0]","file":"orion.json","line":28,"message":"unknown instrument 'us.bis.letter.x'"},"id":"AIO-2026-0203"}"#
        let folder = try CLI.folder(["batch.ndjson": analysis + "\n" + error + "\n", "batch.json": "[\(analysis),\(error)]"])
        let ndjson = try CLI.run(["report", "batch.ndjson"], in: folder)
        #expect(ndjson.stdout.contains("""
            Left out of this report:

            - batch.ndjson line 2 (request AIO-2026-0203): orion.json:28: instruments\\[0\\]: unknown instrument 'us.bis.letter.x'

            """), "\(ndjson.stdout.suffix(600))")
        let array = try CLI.run(["report", "--format", "html", "--no-svg", "batch.json"], in: folder)
        #expect(array.stdout.contains("<li>batch.json element 2 (request AIO-2026-0203): orion.json:28: instruments[0]: unknown instrument &#39;us.bis.letter.x&#39;</li>")
                || array.stdout.contains("<li>batch.json element 2 (request AIO-2026-0203): orion.json:28: instruments[0]: unknown instrument &#x27;us.bis.letter.x&#x27;</li>"),
                "\(array.stdout.suffix(900))")
    }

    /// Results whose verdicts contradict each other (edited by hand) are refused by their line
    /// and request: a report would file a conflict that nothing in it explains.
    @Test func resultsWhoseVerdictsContradictEachOtherAreRefused() throws {
        let clear = try CLI.run(["check", "--format", "json", CLI.sample("weights-to-ai-office-warsaw.json"), "--posture", "enforcement"])
        let object = try JSONSerialization.jsonObject(with: Data(clear.stdout.utf8))
        let line = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        let edited = line.replacingOccurrences(of: #""postures":{"enforcement":"clear"},"verdict":"clear"}"#,
                                               with: #""postures":{"enforcement":"clear"},"verdict":"conflict"}"#)
        #expect(edited != line, "the request's own verdict, the last key, was edited: \(line.suffix(200))")
        let folder = try CLI.folder(["edited.ndjson": line + "\n" + edited + "\n"])
        for format in ["md", "csv"] {
            let report = try CLI.run(["report", "--format", format, "edited.ndjson"], in: folder)
            #expect(report.status == 2)
            #expect(report.stdout.isEmpty)
            #expect(report.stderr == "edited.ndjson:2: error: not analysis results: the analysis of request AIO-2026-0142 contradicts itself: its verdict conflict is not the most severe of its postures' (enforcement: clear); was it edited?\n", "\(report.stderr)")
        }
    }

    /// Results that hold one request twice (joined twice) are reported as read, and said to.
    @Test func aRepeatedRequestIsSaid() throws {
        let analysis = try CLI.run(["check", "--format", "json", Self.conflict])
        let line = String(decoding: try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(analysis.stdout.utf8)),
                                                               options: [.sortedKeys]), as: UTF8.self)
        let folder = try CLI.folder(["twice.ndjson": line + "\n" + line + "\n"])
        let report = try CLI.run(["report", "twice.ndjson"], in: folder)
        #expect(report.status == 0)
        #expect(report.stderr == "warning: 1 request id appears more than once in the results, each analysis reported as read: AIO-2026-0142 (2 times)\n", "\(report.stderr)")
        #expect(report.stdout.contains("## 2. Request AIO-2026-0142"))
    }

    /// Batch output cut short (a run stopped mid-line) is said to be, as batch says it, not with
    /// the JSON parser's words.
    @Test func aTruncatedLastLineIsCalledSo() throws {
        let analysis = try CLI.run(["check", "--format", "json", Self.conflict])
        let line = String(decoding: try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(analysis.stdout.utf8)),
                                                               options: [.sortedKeys]), as: UTF8.self)
        let folder = try CLI.folder(["torn.ndjson": line + "\n" + line + "\n" + String(line.prefix(line.count / 2))])
        let report = try CLI.run(["report", "torn.ndjson"], in: folder)
        #expect(report.status == 2)
        #expect(report.stdout.isEmpty)
        #expect(report.stderr == "torn.ndjson:3: error: not analysis results: truncated last line (no newline, incomplete JSON): the file was cut short, as by a batch that was stopped; `ecca batch --resume` completes it\n", "\(report.stderr)")
    }

    /// The alternative an avoidable verdict recommends is explained as a clear channel is, in
    /// JSON too, and the caveats its grounds rest on are among the analysis's caveats.
    @Test func recommendedAlternativeCarriesItsGrounds() throws {
        let result = try CLI.run(["check", "--format", "json", CLI.sample("weights-or-api-access.xml")])
        let json = try CLI.json(result.stdout)
        let items = try #require(json["items"] as? [[String: Any]])
        let text = try #require((items[0]["postures"] as? [String: Any])?["text"] as? [String: Any])
        #expect(text["verdict"] as? String == "avoidable")
        let grounds = try #require((text["alternativeGrounds"] as? [String: Any])?["remote-api"] as? [[String: Any]])
        #expect(grounds.map { "\($0["provision"]!) \($0["outcome"]!)" } == ["eu.ai-act.art92.5 obliges", "us.ai-diffusion.4e091 not-applicable"])
        let known = Set(try #require(json["caveats"] as? [[String: Any]]).compactMap { $0["id"] as? String })
        let cited = Set(grounds.flatMap { $0["caveats"] as? [String] ?? [] })
        #expect(!cited.isEmpty && cited.isSubset(of: known))
        let enforcement = try #require((items[0]["postures"] as? [String: Any])?["enforcement"] as? [String: Any])
        #expect(enforcement["alternativeGrounds"] == nil, "clear: no alternative is recommended")
    }

    /// `--version` and every receipt name the commit ecca was built from (reports audit of
    /// 2026-12-06: "0.1.0" had named every build since the first, so a filed receipt could not
    /// tell which one made it).
    @Test func theVersionNamesTheCommitBuiltFrom() throws {
        let version = try CLI.run(["--version"]).stdout.trimmingCharacters(in: .newlines)
        #expect(version.wholeMatch(of: /0\.1\.0 \(commit ([0-9a-f]{12}(\+modified)?|unknown)\)/) != nil, "\(version)")
        let report = try CLI.json(try CLI.run(["report", "--format", "json", Self.conflict]).stdout)
        #expect((report["receipt"] as? [String: Any])?["eccaVersion"] as? String == version)
    }

    /// A report re-rendered from a saved JSON report carries the receipt of the run that
    /// analysed, through any number of re-renderings.
    @Test func rerenderedReportCarriesTheOriginalReceipt() throws {
        let request = try String(contentsOfFile: Self.conflict, encoding: .utf8)
        let folder = try CLI.folder(["request.json": request])
        let made = try CLI.run(["report", "request.json", "--format", "json", "-o", "first.json"], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let first = try CLI.json(try String(contentsOf: folder.appendingPathComponent("first.json"), encoding: .utf8))
        let receipt = try #require(first["receipt"] as? [String: Any])
        let hash = try #require(receipt["regulationsSHA256"] as? String)
        let input = try #require((receipt["inputs"] as? [[String: Any]])?.first?["sha256"] as? String)
        let command = try #require(receipt["command"] as? String)
        let again = try CLI.run(["report", "first.json", "--format", "json", "-o", "second.json"], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        let markdown = try CLI.run(["report", "second.json"], in: folder)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("""
            Originally analysed (the receipt of the report these analyses were read from):

            - ecca \(receipt["eccaVersion"]!) (Z3 \(receipt["z3Version"]!), libxml2 \(receipt["libxml2Version"]!)); as of 2026-11-24; postures text, enforcement; \
            regulations SHA-256 \(hash) (6 files); from request.json (SHA-256 \(input)); made with: \(command.replacingOccurrences(of: "_", with: "\\_"))

            """), "\(markdown.stdout.suffix(1200))")
        // Not read by this run, but recorded by the one that made the analyses.
        #expect(markdown.stdout.contains("| Regulations (SHA-256) | \(hash), as recorded in each analysis by the run that made it; not read by this run |"),
                "\(markdown.stdout.suffix(1200))")
        let json = try CLI.json(try CLI.run(["report", "second.json", "--format", "json"], in: folder).stdout)
        let originals = try #require((json["receipt"] as? [String: Any])?["originalReceipts"] as? [[String: Any]])
        #expect(originals.count == 1)
        #expect(originals.first?["regulationsSHA256"] as? String == hash)
    }

    /// Quotation marks mean verbatim: the letter's paraphrase is not quoted, and verbatim wording
    /// from a secondary copy says so.
    @Test func paraphraseIsNeverQuoted() throws {
        let arguments = ["--posture", "text", "--instrument", CLI.letter, CLI.sample("orion-api-access-letter.json")]
        let text = try CLI.run(["check"] + arguments).stdout
        #expect(text.contains("\n    (paraphrase) Pursuant to 15 CFR 744.22 and 50 U.S.C. 4817(b)(1), you are informed"))
        #expect(!text.contains("“Pursuant"))
        let markdown = try CLI.run(["report"] + arguments).stdout
        #expect(markdown.contains("” (verbatim) | (paraphrase) Pursuant to 15 CFR 744.22 and 50 U.S.C. 4817(b)(1), you are informed"))
        #expect(!markdown.contains("“Pursuant"))
        let conflict = try CLI.run(["check", Self.conflict]).stdout
        #expect(conflict.contains("    [secondary, verbatim from a secondary copy; id Supp. No. 1 to Part 774, ECCN 4E091;"))
    }

    // MARK: Browser check

    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// scripts/browser-check.sh: Chromium renders the conflict report to a PNG and to its DOM.
    @Test(.enabled(if: chromium != nil, "no chromium binary found (Debian: apt-get install chromium); browser check skipped"),
          .timeLimit(.minutes(5)))
    func chromiumRendersTheVerdictAndBothCitations() throws {
        let out = try CLI.folder([:])
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/bin/bash")
        script.arguments = [CLI.root.appendingPathComponent("scripts/browser-check.sh").path,
                            CLI.productsDirectory.appendingPathComponent("ecca").path, out.path]
        let log = Pipe()
        script.standardOutput = log
        script.standardError = log
        try script.run()
        let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        #expect(script.terminationStatus == 0, "\(output)")
        let dom = try String(contentsOf: out.appendingPathComponent("report.dom.html"), encoding: .utf8)
        #expect(dom.contains("<span class=\"verdict verdict-conflict\" title=\"as the request stands, no accepted way of complying satisfies both the EU and the US rules\">CONFLICT</span>"))
        #expect(dom.contains("<h5 class=\"citation\">Art. 92(5)</h5>"))
        #expect(dom.contains("<h5 class=\"citation\">15 CFR Part 774, Supp. No. 1, ECCN 4E091</h5>"))
        let png = try Data(contentsOf: out.appendingPathComponent("report.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG file")
        #expect(png.count > 20_000, "a rendered page, not a blank one")
    }
}
