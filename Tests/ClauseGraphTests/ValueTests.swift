import ClauseGraph
import Testing

@Suite struct LegalDateTests {
    /// Each reason names what is wrong: year 0 is not "no month 1".
    @Test func problemsSayWhatIsWrong() {
        #expect(LegalDate.problem(iso: "2026-11-24") == nil)
        #expect(LegalDate.problem(iso: "0000-01-01") == "is not a calendar date: there is no year 0 (the years run from 0001)")
        #expect(LegalDate.problem(iso: "2026-13-01") == "is not a calendar date: there is no month 13")
        #expect(LegalDate.problem(iso: "2026-02-30") == "is not a calendar date: 2026-02 has 28 days")
        #expect(LegalDate.problem(iso: "24/11/2026") == "is not an ISO date (YYYY-MM-DD)")
    }

    @Test func isoRoundTripAndOrder() throws {
        let date = try #require(LegalDate(iso: "2026-08-02"))
        #expect(date.iso == "2026-08-02")
        #expect(LegalDate(iso: "2024-02-29") != nil)
        #expect(LegalDate(iso: "2025-02-29") == nil)
        #expect(LegalDate(iso: "2026-8-2") == nil)
        #expect(LegalDate(iso: "99999-01-01") == nil)
        #expect(LegalDate(iso: "2025-05-13")! < LegalDate(iso: "2025-05-15")!)
        #expect(LegalDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(date.adding(days: 1).iso == "2026-08-03")
    }
}

@Suite struct ExactDecimalTests {
    @Test func parsesScientificNotationExactly() throws {
        #expect(ExactDecimal("1e26") == ExactDecimal("100000000000000000000000000"))
        #expect(ExactDecimal("2.5e25") == ExactDecimal("25000000000000000000000000"))
        #expect(ExactDecimal("-0") == ExactDecimal.zero)
        #expect(ExactDecimal("1e26")!.rationalString == "100000000000000000000000000")
        #expect(ExactDecimal("0.25")!.rationalString == "25/100")
        #expect(ExactDecimal("3e26")!.description == "3e26")
    }

    @Test func rejectsNonNumbersAndAbsurdExponents() {
        for text in ["NaN", "inf", "-inf", "1e", "abc", "", "0x10", "1e400", "1.2.3"] {
            #expect(ExactDecimal(text) == nil, "\(text)")
        }
    }

    @Test func comparesWithoutRounding() throws {
        let threshold = try #require(ExactDecimal("1e26"))
        #expect(ExactDecimal("99999999999999999999999999")! < threshold)
        #expect(!(ExactDecimal("100000000000000000000000001")! < threshold))
        #expect(ExactDecimal("-5")! < ExactDecimal("0")!)
        #expect(ExactDecimal("-5")! < ExactDecimal("-4")!)
        #expect(ExactDecimal("0.1")! < ExactDecimal("1")!)
    }
}

@Suite struct StatusTimelineTests {
    let diffusion = StatusTimeline(
        inForce: StatusInterval(from: LegalDate(iso: "2025-01-13")),
        applicable: StatusInterval(from: LegalDate(iso: "2025-05-15")),
        enforced: [StatusInterval(from: LegalDate(iso: "2025-01-13"), until: LegalDate(iso: "2025-05-13"))],
        rescissionAnnounced: StatusEvent(on: LegalDate(iso: "2025-05-13")))

    @Test func textAndEnforcementPosturesDiffer() {
        let day = LegalDate(iso: "2026-11-24")!
        #expect(diffusion.binds(on: day, posture: .text))
        #expect(!diffusion.binds(on: day, posture: .enforcement))
        #expect(!diffusion.binds(on: LegalDate(iso: "2025-05-14")!, posture: .text))
        #expect(diffusion.breakpoints.map(\.iso) == ["2025-01-13", "2025-05-13", "2025-05-15"])
    }

    @Test func aPublishedRescissionEndsForce() {
        var rescinded = diffusion
        rescinded.rescissionPublished = StatusEvent(on: LegalDate(iso: "2027-01-01"))
        #expect(rescinded.binds(on: LegalDate(iso: "2026-12-31")!, posture: .text))
        #expect(!rescinded.binds(on: LegalDate(iso: "2027-01-01")!, posture: .text))
    }

    /// A duty that arises from a request: valid if the text applied when the request was made,
    /// enforced (and still in force) when it is performed. Art. 53(1)(a): applicable from
    /// 2 August 2025, enforced from 2 August 2026 (QA review of 2026-12-05, F3).
    @Test func aRequestedDutyIsValidWhenMadeAndEnforcedWhenPerformed() {
        var art53 = StatusTimeline(inForce: StatusInterval(from: LegalDate(iso: "2024-08-01")),
                                   applicable: StatusInterval(from: LegalDate(iso: "2025-08-02")),
                                   enforced: [StatusInterval(from: LegalDate(iso: "2026-08-02"))])
        let requested = LegalDate(iso: "2026-07-01")!, performed = LegalDate(iso: "2026-09-20")!
        #expect(!art53.binds(on: requested, posture: .enforcement))
        #expect(art53.binds(requested: requested, performed: performed, posture: .enforcement))
        #expect(!art53.binds(requested: LegalDate(iso: "2025-07-01")!, performed: performed, posture: .text), "made before it applied")
        art53.rescissionPublished = StatusEvent(on: LegalDate(iso: "2026-09-01"))
        #expect(!art53.binds(requested: requested, performed: performed, posture: .text), "repealed before it is performed")
        #expect(art53.binds(requested: requested, performed: requested, posture: .text) == art53.binds(on: requested, posture: .text))
    }

    @Test func provisionsInheritUnsetAxes() {
        let provision = StatusTimeline(applicable: StatusInterval(from: LegalDate(iso: "2026-08-02")))
        let merged = provision.inheriting(from: StatusTimeline(inForce: StatusInterval(from: LegalDate(iso: "2024-08-01"))))
        #expect(merged.inForce?.from?.iso == "2024-08-01")
        #expect(merged.applicable?.from?.iso == "2026-08-02")
    }
}

/// What a file not used would have declared: a provision reference may name an article whose
/// paragraphs are provisions, as the graph reads it; other kinds match exactly.
@Suite struct DeclaredIDsTests {
    @Test func provisionReferencesMatchByIdOrArticlePrefixOtherKindsExactly() {
        var declared = DeclaredIDs()
        declared.insert(.provision, "eu.ai-act.art92.3")
        declared.insert(.fact, "model.training-compute")
        #expect(declared.declares(.init(.provision, "eu.ai-act.art92.3")))
        #expect(declared.declares(.init(.provision, "eu.ai-act.art92")))
        #expect(!declared.declares(.init(.provision, "eu.ai-act.art9")))
        #expect(!declared.declares(.init(.provision, "eu.ai-act.art92.3.a")))
        #expect(declared.declares(.init(.fact, "model.training-compute")))
        #expect(!declared.declares(.init(.fact, "model.training")))
        #expect(!declared.declares(.init(.rule, "model.training-compute")))
    }
}
