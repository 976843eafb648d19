@testable import EccaAnalysis
import ClauseGraph
import Testing

/// The batch summary accounts for every request that is not clear: those with findings in their
/// conflict-signature groups, those without on a line of their own that says why they have none.
@Suite struct BatchSummaryTests {
    /// A batch line, as a resumed run reads it back, for a request without findings whose one
    /// item has `verdict` under the text posture, with `channels` (the one asked for first).
    static func line(_ id: String, verdict: String, channels: String) -> String {
        #"{"id":"\#(id)","asOf":"2026-09-01","verdict":"\#(verdict)","postures":{"text":"\#(verdict)"},"items":[{"index":0,"artifact":"weights","postures":{"text":{"verdict":"\#(verdict)","channels":[\#(channels)]}}}],"findings":[]}"#
    }

    static let undecidedOnFacts = line("R-1", verdict: "undetermined", channels: #"{"channel":"transfer","outcome":"undetermined"}"#)
    static let avoidableOnFacts = line("R-2", verdict: "avoidable",
                                       channels: #"{"channel":"transfer","outcome":"undetermined"},{"channel":"publication","outcome":"compliant"}"#)
    static let timedOut = line("R-3", verdict: "undetermined",
                               channels: #"{"channel":"on-site","outcome":"undetermined","reason":"solver: timeout (limit 1 ms per check)"}"#)
    static let clear = line("R-4", verdict: "clear", channels: #"{"channel":"transfer","outcome":"compliant"}"#)

    func summary(_ lines: [String]) throws -> BatchSummary {
        var summary = BatchSummary()
        for line in lines { summary.add(try #require(KeptLine(line: line)).entry) }
        return summary
    }

    /// The QA report: 88 undetermined and 11 avoidable requests were in no group and nothing
    /// said so. Without a solver limit, what decides them is a fact the requests do not give.
    @Test func requestsNotClearWithoutFindingsAreCountedByVerdict() throws {
        let summary = try summary([Self.undecidedOnFacts, Self.clear, Self.avoidableOnFacts])
        #expect(summary.notClearWithoutFindings == .init(count: 2, verdicts: ["undetermined": 1, "avoidable": 1], solverLimitReached: 0, exampleID: "R-1"))
        #expect(summary.render().split(separator: "\n") == [
            "batch: 3 requests, 3 analysed, 0 unusable: 1 clear, 1 avoidable, 1 undetermined, 0 conflict",
            "  2 requests not clear have no finding to group (1 avoidable, 1 undetermined): whether a channel asked for conflicts depends on facts the request does not give, which its line names as deciding conditions (e.g. R-1)",
        ])
        #expect(AnalysisJSON.encode(summary, pretty: false).contains(
            #""notClearWithoutFindings":{"count":2,"exampleID":"R-1","solverLimitReached":0,"verdicts":{"avoidable":1,"undetermined":1}}"#))
    }

    /// A request the solver left undecided at a limit has no finding either, but no deciding
    /// condition to look for: the line says how many are such, read back from a resumed output too.
    @Test func requestsUndecidedAtASolverLimitAreToldApart() throws {
        let mixed = try summary([Self.undecidedOnFacts, Self.timedOut, Self.avoidableOnFacts])
        #expect(mixed.notClearWithoutFindings?.solverLimitReached == 1)
        #expect(mixed.render().split(separator: "\n").last == "  3 requests not clear have no finding to group (1 avoidable, 2 undetermined): for 2, whether a channel asked for conflicts depends on facts the request does not give, which its line names as deciding conditions; for 1, the solver stopped at a limit (--timeout-ms, --memory-mb) before deciding a channel asked for, which its line gives (e.g. R-1)")
        let limited = try summary([Self.timedOut])
        #expect(limited.render().split(separator: "\n").last == "  1 request not clear has no finding to group (1 undetermined): the solver stopped at a limit (--timeout-ms, --memory-mb) before deciding a channel asked for, which its line gives (e.g. R-3)")
    }

    /// A clear request whose verdict turns into a conflict on a later day up to its deadline (a
    /// letter taking effect) is counted by that verdict, read back from its line as a resumed run
    /// reads it; one that only turns clearer is not.
    @Test func requestsMeetingASevererVerdictBeforeTheirDeadlineAreCounted() throws {
        func dated(_ line: String, _ verdicts: [String]) -> String {
            let days = verdicts.enumerated().map { #"{"date":"2026-09-1\#($0.offset + 5)","postures":{"text":"\#($0.element)"},"verdict":"\#($0.element)"}"# }
            return line.replacingOccurrences(of: #""asOf":"2026-09-01","#, with: #""asOf":"2026-09-01","beforeDeadline":[\#(days.joined(separator: ","))],"#)
        }
        let turning = dated(Self.clear, ["undetermined", "conflict"])
        let easing = dated(Self.undecidedOnFacts, ["clear"])
        #expect(turning != Self.clear && easing != Self.undecidedOnFacts)
        let summary = try summary([turning, easing])
        #expect(summary.severerBeforeDeadline == .init(count: 1, verdicts: ["conflict": 1], exampleID: "R-4"))
        #expect(summary.render().split(separator: "\n").last == "  1 request meets a more severe verdict on a later day up to its deadline than on the date analysed (1 conflict), which its line gives as beforeDeadline (e.g. R-4)")
        #expect(AnalysisJSON.encode(summary, pretty: false).contains(#""severerBeforeDeadline":{"count":1,"exampleID":"R-4","verdicts":{"conflict":1}}"#))
    }

    /// No such request, no line and no key: the JSON summary only gains a key.
    @Test func aBatchWhoseRequestsAreClearSaysNothingMore() throws {
        let summary = try summary([Self.clear])
        #expect(summary.notClearWithoutFindings == nil)
        #expect(summary.render() == "batch: 1 request, 1 analysed, 0 unusable: 1 clear, 0 avoidable, 0 undetermined, 0 conflict\n")
        #expect(!AnalysisJSON.encode(summary, pretty: false).contains("notClearWithoutFindings"))
    }
}

/// Ids name requests in the output and in whatever an analyst keys by them; a batch that repeats
/// one is analysed line by line all the same, and the summary says how many lines repeat an id.
@Suite struct BatchSummaryRepeatedIDTests {
    @Test func requestsRepeatingAnEarlierIDAreCountedWithTheFirstRepeated() throws {
        var summary = BatchSummary()
        let lines = [BatchSummaryTests.clear, BatchSummaryTests.undecidedOnFacts, BatchSummaryTests.clear,
                     BatchSummaryTests.clear, BatchSummaryTests.undecidedOnFacts]
        for line in lines { summary.add(try #require(KeptLine(line: line)).entry) }
        #expect(summary.records == 5)
        #expect(summary.repeatedIDs == .init(count: 3, exampleID: "R-4"))
        #expect(summary.render().split(separator: "\n").last == "  3 requests repeat an earlier request's id; each is a request of its own, so such an id names more than one line of the output (e.g. R-4)")
        #expect(AnalysisJSON.encode(summary, pretty: false).contains(#""repeatedIDs":{"count":3,"exampleID":"R-4"}"#))
    }

    /// An unusable record without an id is named by where it is, which is no id to repeat.
    @Test func unusableRecordsWithoutAnIDRepeatNothing() {
        var summary = BatchSummary()
        summary.add(.init(errorOf: nil, file: "requests.ndjson", line: 3))
        summary.add(.init(errorOf: nil, file: "requests.ndjson", line: 3))
        summary.add(.init(errorOf: "R-9", file: "requests.ndjson", line: 4))
        summary.add(.init(errorOf: "R-9", file: "requests.ndjson", line: 5))
        #expect(summary.repeatedIDs == .init(count: 1, exampleID: "R-9"))
        #expect(summary.render() == """
            batch: 4 requests, 0 analysed, 4 unusable: 0 clear, 0 avoidable, 0 undetermined, 0 conflict
              1 request repeats an earlier request's id; each is a request of its own, so such an id names more than one line of the output (e.g. R-9)

            """)
    }
}

/// A verdict that another reading of one provision would undo whole rests on ecca's reading of
/// it: of 342 conflicts among 10,000 generated requests, 188 rest on ecca's reading of Art. 111(3)
/// (a model placed before 2 August 2025 owes the duty of Art. 92(5) from 2 August 2026), which the
/// summary did not say.
@Suite struct BatchSummaryOtherReadingTests {
    /// A finding of `duty` (Art. 91(5) or 92(5)) against ECCN 4E091, with the other reading of
    /// Art. 111(3) where `undone`.
    static func finding(_ duty: String, item: Int, undone: Bool) -> String {
        let reading = #","otherReadings":[{"citation":"Art. 111(3)","id":"eu.ai-act.art\#(duty).legacy-reading","label":"…","modality":"obligation","norm":"n","normCitation":"Art. \#(duty)","normProvision":"eu.ai-act.art\#(duty)","provision":"eu.ai-act.art111.3","until":"2027-08-02"}]"#
        return #"{"signature":"eu.ai-act.art\#(duty) + us.ai-diffusion.4e091","item":\#(item),"channel":"transfer","provisions":[{"modality":"obligation","citation":"Art. \#(duty)"},{"modality":"prohibition","citation":"ECCN 4E091"}]\#(undone ? reading : "")}"#
    }

    static func line(_ id: String, verdict: String = "conflict", _ findings: [String]) -> String {
        #"{"id":"\#(id)","asOf":"2026-09-01","verdict":"\#(verdict)","postures":{"text":"\#(verdict)"},"items":[{"index":0,"artifact":"weights","postures":{"text":{"verdict":"\#(verdict)","channels":[{"channel":"transfer","outcome":"conflict"}]}}},{"index":1,"artifact":"weights","postures":{"text":{"verdict":"\#(verdict)","channels":[{"channel":"transfer","outcome":"conflict"}]}}}],"findings":[\#(findings.joined(separator: ","))]}"#
    }

    /// Readings of one provision in two duties' findings count once per request; a request one of
    /// whose findings stands on either reading, and a clear request, are not counted.
    @Test func requestsWhoseEveryFindingAReadingUndoesAreCountedByTheProvisionReadOtherwise() throws {
        let lines = [
            Self.line("L-1", [Self.finding("92.5", item: 0, undone: true), Self.finding("91.5", item: 1, undone: true)]),
            Self.line("L-2", [Self.finding("92.5", item: 0, undone: true), Self.finding("92.5", item: 1, undone: false)]),
            Self.line("L-3", verdict: "avoidable", [Self.finding("92.5", item: 0, undone: true)]),
            Self.line("L-4", verdict: "clear", [Self.finding("92.5", item: 0, undone: true)]),
        ]
        var summary = BatchSummary()
        for line in lines { summary.add(try #require(KeptLine(line: line)).entry) }
        #expect(summary.undoneByReadings == [.init(provision: "eu.ai-act.art111.3", citation: "Art. 111(3)", until: LegalDate(iso: "2027-08-02"),
                                                   count: 2, verdicts: ["conflict": 1, "avoidable": 1], exampleID: "L-1")])
        #expect(summary.render().split(separator: "\n").contains(
            "  2 requests not clear have findings (1 avoidable, 1 conflict) that another reading of Art. 111(3) would all undo until 2027-08-02: their verdicts rest on ecca's reading of it before then, which their lines give beside each finding (e.g. L-1)"))
        #expect(AnalysisJSON.encode(summary, pretty: false).contains(
            #""undoneByReadings":[{"citation":"Art. 111(3)","count":2,"exampleID":"L-1","provision":"eu.ai-act.art111.3","until":"2027-08-02","verdicts":{"avoidable":1,"conflict":1}}]"#))
    }

    /// A request one of whose items is not clear without a finding (it depends on facts the
    /// request does not give) is not counted: the reading its findings carry says nothing of that
    /// item (QA: GEN-7-1531 was counted undetermined on an item with no finding). One request is
    /// said in the singular.
    @Test func anItemNotClearWithoutFindingsKeepsTheRequestOut() throws {
        let withFindings = Self.line("L-5", verdict: "undetermined", [Self.finding("92.5", item: 0, undone: true)])
        let bothItemsNotClear = withFindings.replacingOccurrences(of: #""artifact":"weights","postures""#, with: #""artifact":"weights","verdict":"undetermined","postures""#)
        var summary = BatchSummary()
        summary.add(try #require(KeptLine(line: bothItemsNotClear)).entry)
        #expect(summary.undoneByReadings == nil, "item 1 is not clear and has no finding")
        var one = BatchSummary()
        one.add(try #require(KeptLine(line: withFindings)).entry)
        #expect(one.render().split(separator: "\n").contains(
            "  1 request not clear has findings (1 undetermined) that another reading of Art. 111(3) would all undo until 2027-08-02: its verdict rests on ecca's reading of it before then, which its line gives beside each finding (e.g. L-5)"))
    }

    /// No such request, no line and no key.
    @Test func withoutOneNothingIsSaid() throws {
        var summary = BatchSummary()
        summary.add(try #require(KeptLine(line: Self.line("L-2", [Self.finding("92.5", item: 0, undone: false)]))).entry)
        #expect(summary.undoneByReadings == nil)
        #expect(!summary.render().contains("another reading"))
        #expect(!AnalysisJSON.encode(summary, pretty: false).contains("undoneByReadings"))
    }
}
