import Foundation
import Testing

/// A Member State's authority asking for the technical documentation under Art. 53(1)(a): ecca
/// reads its request as creating the duty, and Art. 88(1) read otherwise (the Commission's
/// "exclusive powers to supervise and enforce Chapter V") is reported beside the duty, never
/// applied (law audit of 2026-12-07, M2: probe p03 presented the national authority's power as
/// settled). No shipped US rule reaches documentation, so there is no finding: the reading is said
/// on the ground that the duty obliges, the line a legal team files a clear verdict with.
@Suite struct NationalRequestReadingTests {
    /// The audit's probe p03: a French authority asks for the documentation citing Art. 53(1)(a).
    static func p03(jurisdiction: String = "FR") -> [String: Any] {
        ["id": "P03", "date": "2025-10-01",
         "requester": ["authority": "CNIL (national competent authority)", "jurisdiction": jurisdiction, "legalBasis": "Art. 53(1)(a)"],
         "provider": ["name": "Northwind Models, Inc.", "establishedIn": "US"],
         "model": ["name": "Northwind-5", "trainingCompute": ["value": 3e26, "unit": "FLOP"], "weightsPublished": false,
                   "placedOnEUMarket": "2025-09-01"],
         "items": [["artifact": "technical-documentation", "channel": "transfer"]]]
    }

    static let label = "a request of a Member State's authority, while the Commission has \"exclusive powers to supervise and enforce "
        + "Chapter V\" and market surveillance authorities \"may request the Commission to exercise the powers laid down in this "
        + "Section\" (Art. 88(2)): the authority's own request obliges nothing until the Commission takes it up"
    static let reading = "on another reading of Art. 88(1) (\(label)), the duty of Art. 53(1)(a) would not arise"
    static let ecfr = "    clear [both]: US 15 CFR Part 774, Supp. No. 1, ECCN 4E091 does not apply: not: ECCN 4E091 item: the parameters "
        + "(weights) of an AI model trained with 10^26 or more operations, since item.artifact is not weights (request: technical-documentation)"

    /// Under the text posture the duty binds on 1 October 2025 and obliges, with the other reading
    /// on its line; under the enforcement posture it is not enforced before 2 August 2026, and no
    /// reading is said for a duty that does not engage.
    @Test func p03TheDutyLineGivesTheOtherReading() throws {
        let out = CLI.lines(try CLI.check(Self.p03()), statuses: [0])
        #expect(Array(out.prefix(5)) == [
            "request P03 (as of 2025-10-01): CLEAR (both postures)",
            "  item 0: technical-documentation via transfer: CLEAR (text) · CLEAR (enforcement)",
            "    clear [text]: EU Art. 53(1)(a) obliges the disclosure; \(Self.reading) (caveats 1-6)",
            "\(Self.ecfr) (caveats 7-14)",
            "    clear [enforcement]: EU Art. 53(1)(a) is not enforced: in force; applicable since 2025-08-02; enforced from 2026-08-02 (caveat 2)",
        ])
        #expect(CLI.otherReadingLines(out).count == 1)
        // The caveat of the provision read otherwise is among the duty's.
        #expect(out.contains { $0.hasPrefix("caveat 6, reading of Art. 88(1): A national authority's own request.") })
    }

    /// JSON: no finding, so no finding's `otherReadings`; the duty's ground carries the reading in
    /// its `reasons` and Art. 88(1)'s caveat among its `caveats`.
    @Test func p03TheGroundCarriesItInJSON() throws {
        let json = try CLI.json(try CLI.check(Self.p03(), ["--format", "json"]).stdout)
        #expect(json["verdict"] as? String == "clear")
        #expect((json["findings"] as? [Any])?.isEmpty == true)
        let item = try #require((json["items"] as? [[String: Any]])?.first)
        let postures = try #require(item["postures"] as? [String: [String: Any]])
        let grounds = try #require(postures["text"]?["grounds"] as? [[String: Any]])
        let duty = try #require(grounds.first { $0["provision"] as? String == "eu.ai-act.art53.1.a" })
        #expect(duty["outcome"] as? String == "obliges")
        #expect(duty["reasons"] as? [String] == [Self.reading])
        #expect(duty["caveats"] as? [String] == ["eu.ai-act.art53.1.a:reading", "eu.ai-act:reading", "eu.ai-act.art3.63:reading",
                                                 "eu.ai-act.art3.47:reading", "eu.ai-act.art111.3:reading", "eu.ai-act.art88.1:reading"])
        let enforced = try #require((postures["enforcement"]?["grounds"] as? [[String: Any]])?.first { $0["provision"] as? String == "eu.ai-act.art53.1.a" })
        #expect(enforced["outcome"] as? String == "not-binding")
        #expect(!String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self).contains("otherReadings"))
    }

    /// The Commission's own request citing Art. 53 is no Member State's: nothing to report.
    @Test func theCommissionsRequestHasNoOtherReading() throws {
        let out = CLI.lines(try CLI.check(Self.p03(jurisdiction: "EU")), statuses: [0])
        #expect(out[2] == "    clear [text]: EU Art. 53(1)(a) obliges the disclosure (caveats 1-5)")
        // Only Art. 3(47)'s caveat, which states ecca's reading, names Art. 88(1).
        #expect(out.filter { $0.contains("Art. 88(1)") }.map { String($0.prefix(28)) } == ["caveat 4, reading of Art. 3("])
        #expect(!out.contains { $0.contains("another reading of Art. 88(1)") })
    }

    /// The Markdown report gives it on the ground, as `check` does.
    @Test func theReportGivesItOnTheGround() throws {
        let folder = try CLI.folder(["r.json": String(decoding: try JSONSerialization.data(withJSONObject: Self.p03()), as: UTF8.self)])
        let result = try CLI.run(["report", folder.appendingPathComponent("r.json").path, "--format", "md", "--no-svg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").filter { $0.contains("another reading of Art. 88(1)") && !$0.hasPrefix("6. ") }
            == ["- clear because: EU Art. 53(1)(a) obliges the disclosure; \(Self.reading) (caveats 1-6)"])
    }
}
