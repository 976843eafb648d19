import Foundation
import Testing

/// Another reading of the law (`<exception reading="other">`) is reported wherever it holds and
/// decides nothing. Art. 111(3) gives providers of models placed on the market before 2 August 2025
/// until 2 August 2027 "to comply with the obligations laid down in this Regulation"; ecca reads
/// that as Chapter V's transition, and the wider reading, under which the duties to answer the
/// Commission (Arts 91(5) and 92(5)) would not arise before then either, is said beside each
/// conflict and duty it would undo, and in a timeline (law audit of 2026-12-07, M1: probe p11 was a
/// date-stable conflict with no sign of it).
@Suite struct OtherReadingTests {
    /// The audit's probe p11: a legacy model's weights asked for under Art. 92(3), sent to PL.
    static func p11(date: String = "2026-11-24", placed: String = "2025-03-01") -> [String: Any] {
        ["id": "P11", "date": date,
         "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 92(3)"],
         "provider": ["name": "Northwind Models, Inc.", "establishedIn": "US"],
         "model": ["name": "Northwind-4", "trainingCompute": ["value": 3e26, "unit": "operations"], "weightsPublished": false,
                   "placedOnEUMarket": placed],
         "items": [["artifact": "weights", "channel": "transfer",
                    "recipients": [["organisation": "European Commission (AI Office)", "nationalities": ["PL"], "location": "PL",
                                    "headquarters": "BE", "role": "authority-staff"]]]]]
    }

    /// The audit's probe p01: a legacy model's technical documentation asked for under Art. 91(1).
    static var p01: [String: Any] { [
        "id": "P01", "date": "2026-11-24", "deadline": "2026-12-15",
        "requester": ["authority": "European Commission (AI Office)", "jurisdiction": "EU", "legalBasis": "Art. 91(1)"],
        "provider": ["name": "Northwind Models, Inc.", "establishedIn": "US", "codeOfPractice": ["transparency"]],
        "model": ["name": "Northwind-4", "trainingCompute": ["value": 3e25, "unit": "FLOP"], "weightsPublished": false,
                  "placedOnEUMarket": "2025-03-01"],
        "items": [["artifact": "technical-documentation", "channel": "transfer"]]] }

    static let label = "a model placed on the market before 2 August 2025, whose provider has until 2 August 2027 "
        + "\"to comply with the obligations laid down in this Regulation\", the duty to provide the access requested among them"
    static let accessReading = "on another reading of Art. 111(3) (\(label)), the duty of Art. 92(5) would not arise until 2027-08-02"

    @Test func p11SaysThatTheConflictRestsOnEccasReadingUntil2August2027() throws {
        let out = CLI.lines(try CLI.check(Self.p11(), ["--posture", "text"]))
        #expect(out.prefix(3) == [
            "request P11 (as of 2026-11-24): CONFLICT (text posture; the enforcement posture was not analysed)",
            "  item 0: weights via transfer: CONFLICT (text)",
            "    other reading: \(Self.accessReading), nor this conflict before then",
        ])
        #expect(CLI.otherReadingLines(out) == [
            "    other reading: \(Self.accessReading), nor this conflict before then",
            "  other reading: \(Self.accessReading), nor this conflict before then",
        ])
    }

    @Test func p11TimelineGivesTheDaysOnWhichTheReadingsDiffer() throws {
        let folder = try CLI.folder(["r.json": String(decoding: try JSONSerialization.data(withJSONObject: Self.p11()), as: UTF8.self)])
        let result = try CLI.run(["timeline", folder.appendingPathComponent("r.json").path,
                                  "--from", "2026-11-24", "--to", "2027-12-31", "--posture", "text"])
        #expect(CLI.lines(result) == [
            "request P11 from 2026-11-24 to 2027-12-31",
            "  from 2026-11-24 to 2027-12-31: conflict (text)",
            "    clash [text]: eu.ai-act.art92.5 + us.ai-diffusion.4e091",
            "other readings (the verdicts above are on ecca's reading):",
            "  from 2026-11-24 until 2027-08-02: \(Self.accessReading)",
            "  2027-08-02: the other reading of Art. 111(3) no longer differs from ecca's",
        ])
    }

    /// A filed report gives it in the finding, as `check` does.
    @Test func reportsGiveItInTheFinding() throws {
        let folder = try CLI.folder(["r.json": String(decoding: try JSONSerialization.data(withJSONObject: Self.p11()), as: UTF8.self)])
        func report(_ format: String) throws -> [String] {
            let result = try CLI.run(["report", folder.appendingPathComponent("r.json").path, "--format", format, "--no-svg", "--posture", "text"])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").map(String.init).filter { $0.contains("Other reading") }
        }
        #expect(try report("md") == ["Other reading: \(Self.accessReading), nor this conflict before then"])
        let escaped = Self.accessReading.replacingOccurrences(of: "\"", with: "&quot;")
        #expect(try report("html") == ["<p><span class=\"label\">Other reading:</span> \(escaped), nor this conflict before then</p>"])
    }

    /// A clear verdict on a duty to disclose: the ground that it obliges says so.
    @Test func p01TheDutyToSupplyDocumentationSaysSo() throws {
        let out = CLI.lines(try CLI.check(Self.p01))
        #expect(out.first == "request P01 (as of 2026-11-24): CLEAR (both postures)")
        let label = Self.label.replacingOccurrences(of: "provide the access requested", with: "supply the information requested")
        let ground = try #require(out.first { $0.hasPrefix("    clear [both]: EU Art. 91(5) ") })
        #expect(ground.hasPrefix("    clear [both]: EU Art. 91(5) obliges the disclosure; on another reading of Art. 111(3) (\(label)), "
                                 + "the duty of Art. 91(5) would not arise until 2027-08-02 (caveats "))
        #expect(CLI.otherReadingLines(out) == [ground])
    }

    /// A model placed after 1 August 2025, or a legacy model after 1 August 2027: no other reading
    /// holds, and the conflict is the same.
    @Test(arguments: [("2026-11-24", "2025-09-01"), ("2027-09-01", "2025-03-01")])
    func noOtherReadingOutsideTheTransition(date: String, placed: String) throws {
        let out = CLI.lines(try CLI.check(Self.p11(date: date, placed: placed), ["--posture", "text"]))
        #expect(out.prefix(2) == [
            "request P11 (as of \(date)): CONFLICT (text posture; the enforcement posture was not analysed)",
            "  item 0: weights via transfer: CONFLICT (text)",
        ])
        #expect(CLI.otherReadingLines(out) == [])
        let json = try CLI.json(try CLI.check(Self.p11(date: date, placed: placed), ["--format", "json"]).stdout)
        #expect((json["findings"] as? [[String: Any]] ?? []).allSatisfy { $0["otherReadings"] == nil })
    }

    @Test func theFindingCarriesTheReadingInJSON() throws {
        let json = try CLI.json(try CLI.check(Self.p11(), ["--format", "json"]).stdout)
        let findings = json["findings"] as? [[String: Any]] ?? []
        // ECCN 4E091 is not enforced: the conflict is the text posture's alone.
        #expect(findings.map { $0["id"] as? String } == ["i0.transfer.r0.text:eu.ai-act.art92.5 + us.ai-diffusion.4e091"])
        for finding in findings {
            let readings = try #require(finding["otherReadings"] as? [[String: String]])
            #expect(readings == [[
                "id": "eu.ai-act.art92.5.supply-access.legacy-reading", "label": Self.label,
                "provision": "eu.ai-act.art111.3", "citation": "Art. 111(3)",
                "norm": "eu.ai-act.art92.5.supply-access", "normProvision": "eu.ai-act.art92.5", "normCitation": "Art. 92(5)",
                "modality": "obligation", "until": "2027-08-02",
            ]])
        }
    }

    /// The reading decides nothing: without it the verdicts, cures and findings are the same, under
    /// both postures, for the probes and a sample with a conflict and an avoidable item.
    @Test func verdictsAreTheSameWithoutTheReading() throws {
        let shipped = try String(contentsOfFile: CLI.regulations + "/eu-ai-act.xml", encoding: .utf8)
        // Each reading with the comment before it: Art. 111(3)'s on Arts 91(5) and 92(5), Art. 88(1)'s on Art. 53(1)(a).
        let stripped = shipped.replacing(#/\n *<!-- [^>]*-->\n *<exception [^>]*reading="other">(?:.|\n)*?</exception>/#, with: "")
        #expect(stripped.components(separatedBy: "reading=\"other\"").count == 1)
        #expect(shipped.components(separatedBy: "reading=\"other\"").count == 4)
        let without = try CLI.regulations(replacing: "eu-ai-act.xml", with: stripped)
        let requests = [Self.p11(), Self.p01, Self.p11(date: "2027-09-01"), NationalRequestReadingTests.p03()]
        let input = try requests.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n")
        let folder = try CLI.folder(["r.ndjson": input + "\n"])
        func decided(_ regulations: [String]) throws -> [String] {
            let result = try CLI.run(["batch", folder.appendingPathComponent("r.ndjson").path, "--instrument", CLI.letter, "--grounds"] + regulations)
            #expect(result.status == 1, "\(result.stderr)")
            return try result.stdout.split(separator: "\n").map { line in
                var json = try CLI.json(String(line))
                json["findings"] = (json["findings"] as? [[String: Any]] ?? []).map { $0.filter { $0.key == "id" || $0.key == "signature" } }
                // Grounds and caveats say the reading; verdicts, cures and findings must not move.
                json["items"] = (json["items"] as? [[String: Any]] ?? []).map { item in
                    var item = item
                    item["postures"] = (item["postures"] as? [String: [String: Any]] ?? [:]).mapValues { $0.filter { $0.key != "grounds" } }
                    return item
                }
                for key in ["caveats", "regulationsSHA256"] { json[key] = nil }
                return String(decoding: try JSONSerialization.data(withJSONObject: json, options: .sortedKeys), as: UTF8.self)
            }
        }
        let with = try decided([])
        #expect(with.count == 4)
        #expect(try decided(["--regulations", without.path]) == with)
    }
}
