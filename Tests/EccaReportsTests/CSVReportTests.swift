import EccaAnalysis
import EccaReports
import Testing

@Suite struct CSVReportTests {
    @Test func oneRowPerItemWithTheDocumentedColumns() throws {
        let analyses = try ["conflict", "avoidable", "clear"].map { try Fixtures.analyse(sample: $0) }
        let rows = try CSVParsing.rows(CSVReport().render(analyses))
        #expect(rows[0] == CSVReport.columns)
        #expect(rows.count == 1 + analyses.map(\.items.count).reduce(0, +))
        #expect(rows.dropFirst().allSatisfy { $0.count == CSVReport.columns.count })
        let records = rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
        let conflict = try #require(records.first { $0["request_id"] == "AIO-2026-0142" })
        #expect(conflict["as_of"] == "2026-11-24")
        #expect(conflict["request_verdict"] == "conflict")
        #expect(conflict["item_index"] == "0")
        #expect(conflict["item_id"] == "weights")
        #expect(conflict["text_verdict"] == "conflict")
        #expect(conflict["enforcement_verdict"] == "clear")
        #expect(conflict["finding_count"] == "1")
        #expect(conflict["conflict_signatures"] == "eu.ai-act.art92.5 + us.ai-diffusion.4e091")
        #expect(conflict["obliging_provisions"]?.contains("EU Art. 92(5)") == true)
        #expect(conflict["forbidding_provisions"] == "US 15 CFR Part 774, Supp. No. 1, ECCN 4E091")
        #expect(conflict["failed_exceptions"]?.contains("15 CFR 740.27") == true)
        let avoidable = try #require(records.first { $0["request_id"] == "AIO-2026-0177" })
        #expect(avoidable["item_verdict"] == "avoidable")
        #expect(avoidable["compliant_alternatives"] == "remote-api")
        let clear = try #require(records.first { $0["request_id"] == "AIO-2026-0188" })
        #expect(clear["item_verdict"] == "clear")
        #expect(clear["finding_count"] == "0")
        #expect(clear["item_id"] == "")
        #expect(clear["clear_grounds"] == "text: eu.ai-act.art92.5 obliges; text: us.ai-diffusion.4e091 excepted; enforcement: eu.ai-act.art92.5 obliges; enforcement: us.ai-diffusion.4e091 not-binding (status secondary)")
        // The Code's Measure 3.5 is not about the Art. 92(2) experts of the Warsaw sample.
        #expect(conflict["clear_grounds"] == "enforcement: eu.ai-act.art92.5 obliges; enforcement: us.ai-diffusion.4e091 not-binding (status secondary)")
        #expect(conflict["deciding_caveats"] == "")
    }

    /// The caveats an undetermined verdict's deciding conditions rest on, by id as in the JSON: a
    /// CSV has no list of caveats to number them in.
    @Test func decidingCaveatsByID() throws {
        let rows = try CSVParsing.rows(CSVReport().render([try Fixtures.analyse(sample: "undetermined")]))
        let record = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(record["deciding_conditions"] == "conflict if model.training-compute ≥ 1e26 operations")
        #expect(record["deciding_caveats"] == [
            "eu.ai-act.art92.5:reading", "eu.ai-act.art92.5:reading-2", "eu.ai-act.art92.5:reading-3", "eu.ai-act:reading", "eu.ai-act.art3.63:reading", "eu.ai-act.art3.47:reading",
            "us.ai-diffusion.4e091:open-question", "us.ai-diffusion.4e091:reading", "us.ai-diffusion.4e091:reading-2",
            "us.ai-diffusion:open-question", "us.ai-diffusion:reading", "us.ear.734.13:reading", "us.ear.734.3.b.3:reading",
            "us.ecra.4801.5:reading", "us.ai-diffusion.742.6.a.13:open-question", "us.ai-diffusion.740.27:open-question",
            "us.ai-diffusion.740.27:reading",
        ].joined(separator: "; "))
    }

    @Test func rfc4180Fields() {
        #expect(CSVReport.field("plain") == "plain")
        #expect(CSVReport.field("a,b") == "\"a,b\"")
        #expect(CSVReport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReport.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVReport.field("=1+1") == "'=1+1")
        #expect(CSVReport.field("@cmd") == "'@cmd")
        #expect(CSVReport.field("≥ 1e26 operations") == "≥ 1e26 operations")
    }

    @Test func emptyBatchIsJustTheHeader() {
        #expect(CSVReport().render([]) == CSVReport.columns.joined(separator: ",") + "\r\n")
    }
}
