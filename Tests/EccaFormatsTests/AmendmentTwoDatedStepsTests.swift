import ClauseGraph
import EccaFormats
import Testing

/// Instructions whose steps each carry their own date ("revising paragraph (a)(9), effective
/// January 1, 2025, and removing paragraph (b), effective March 1, 2025"). Each step is read with
/// its own date and the instruction with none; where a date may belong to one step or to more, the
/// instruction is not understood and no step is dated.
@Suite struct AmendmentTwoDatedStepsTests {
    let grammar = AmendmentGrammar()

    /// The whole reading of an instruction: its steps (each with its timing), its own timing, and
    /// what it could not read.
    struct Reading: Equatable, CustomStringConvertible {
        var actions: [String]
        var dates: [String?]
        var timing: String?
        var unaccounted: [String]
        var understood: Bool
        var description: String { "\(actions) \(dates) \(timing ?? "-") \(unaccounted) \(understood)" }
    }

    func reading(_ instruction: String) -> Reading {
        let amendment = grammar.read(instruction)
        return Reading(actions: amendment.actions.map(\.description), dates: amendment.actions.map { $0.effective?.iso },
                       timing: amendment.timing, unaccounted: amendment.unaccounted, understood: amendment.isUnderstood)
    }

    static let dated = Reading(actions: ["revise § 734.3(a)(9) (effective January 1, 2025)", "remove § 734.3(b) (effective March 1, 2025)"],
                               dates: ["2025-01-01", "2025-03-01"], timing: nil, unaccounted: [], understood: true)

    /// The date after each step, set off by commas or not, the steps joined by ", and", "; and by",
    /// "and by"; in the active and the passive voice.
    @Test(arguments: [
        "5. Section 734.3 is amended by revising paragraph (a)(9), effective January 1, 2025, and removing paragraph (b), effective March 1, 2025.",
        "5. Section 734.3 is amended by revising paragraph (a)(9), effective January 1, 2025; and by removing paragraph (b), effective March 1, 2025.",
        "5. Section 734.3 is amended by revising paragraph (a)(9), effective January 1, 2025, and by removing paragraph (b), effective March 1, 2025.",
        "5. Section 734.3 is amended by revising paragraph (a)(9) effective January 1, 2025, and by removing paragraph (b) effective March 1, 2025.",
        "5. Amend § 734.3 by revising paragraph (a)(9), effective January 1, 2025, and removing paragraph (b), effective March 1, 2025.",
        "5. In § 734.3, revise paragraph (a)(9), effective January 1, 2025, and remove paragraph (b), effective March 1, 2025.",
        "5. In § 734.3, paragraph (a)(9) is revised, effective January 1, 2025, and paragraph (b) is removed, effective March 1, 2025.",
    ]) func eachStepFollowedByItsDateIsReadWithIt(instruction: String) {
        #expect(reading(instruction) == Self.dated)
    }

    /// The date before the second step, after the conjunction and on either side of its "by".
    @Test(arguments: [
        "5. Section 734.3 is amended by revising paragraph (a)(9), and, effective March 1, 2025, by removing paragraph (b).",
        "5. Section 734.3 is amended by revising paragraph (a)(9), and by, effective March 1, 2025, removing paragraph (b).",
        "5. Section 734.3 is amended by revising paragraph (a)(9); and, effective March 1, 2025, by removing paragraph (b).",
    ]) func aDateBeforeTheSecondStepsByDatesThatStep(instruction: String) {
        #expect(reading(instruction) == Reading(actions: ["revise § 734.3(a)(9)", "remove § 734.3(b) (effective March 1, 2025)"],
                                                dates: [nil, "2025-03-01"], timing: nil, unaccounted: [], understood: true))
    }

    /// A date before the first verb is the instruction's, and the step dated apart keeps its own:
    /// the revision takes effect on January 1, the removal on March 1.
    @Test func aDateBeforeEveryVerbIsTheInstructionsAndAStepsOwnPrevails() {
        for instruction in ["5. Section 734.3 is amended by, effective January 1, 2025, revising paragraph (a)(9), and, effective March 1, 2025, removing paragraph (b).",
                            "5. In § 734.3, effective January 1, 2025, revise paragraph (a)(9), and, effective March 1, 2025, remove paragraph (b)."] {
            #expect(reading(instruction) == Reading(actions: ["revise § 734.3(a)(9)", "remove § 734.3(b) (effective March 1, 2025)"],
                                                    dates: [nil, "2025-03-01"], timing: "effective January 1, 2025", unaccounted: [], understood: true),
                    "\(instruction)")
        }
    }

    /// Three steps, each dated: the closing date is the last step's.
    @Test func threeStepsEachDated() {
        #expect(reading("5. In § 734.3, revise paragraph (a)(9), effective December 1, 2024, and, effective January 1, 2025, remove paragraph (b) and add paragraph (c), effective March 1, 2025.")
            == Reading(actions: ["revise § 734.3(a)(9) (effective December 1, 2024)", "remove § 734.3(b) (effective January 1, 2025)", "add § 734.3(c) (effective March 1, 2025)"],
                       dates: ["2024-12-01", "2025-01-01", "2025-03-01"], timing: nil, unaccounted: [], understood: true))
    }

    /// "and by" without dates, as the Document Drafting Handbook words it.
    @Test func andByJoinsTwoSteps() {
        #expect(reading("5. Section 791.27 is amended by revising paragraph (b)(3) and by adding paragraph (d)(4) to read as follows:")
            == Reading(actions: ["revise § 791.27(b)(3)", "add § 791.27(d)(4)"], dates: [nil, nil], timing: nil, unaccounted: [], understood: true))
    }

    /// Where a date may belong to one step or to more: not understood, the date quoted, and given
    /// to no step (a date that plainly follows its step still dates that one).
    @Test(arguments: [
        // Closing three steps of which one is undated: the addition's, or the removal's too?
        ("5. In § 734.3, revise paragraph (a)(9), effective January 1, 2025, and remove paragraph (b) and add paragraph (c), effective March 1, 2025.",
         ["effective March 1, 2025"], ["2025-01-01", nil, nil]),
        // Set off between two steps with nothing joining them, then closing: neither is placed.
        ("5. In § 734.3, revise paragraph (a)(9), effective January 1, 2025, remove paragraph (b), and add paragraph (c), effective March 1, 2025.",
         ["effective January 1, 2025", "effective March 1, 2025"], [nil, nil, nil]),
        // Set off before a "by" that no conjunction joins: the revision's, or the removal's?
        ("5. Section 734.3 is amended by revising paragraph (a)(9), effective January 1, 2025, by removing paragraph (b).",
         ["revising paragraph (a)(9), by", "effective January 1, 2025"], [nil, nil]),
    ]) func aDateThatCouldBelongToMoreThanOneStepIsNotUnderstood(instruction: String, unread: [String], dates: [String?]) {
        let read = reading(instruction)
        #expect(!read.understood)
        #expect(read.unaccounted == unread)
        #expect(read.dates == dates, "\(read)")
        #expect(read.timing == nil)
    }

    /// The instruction's own date when every step has one dates nothing: not understood.
    @Test func anInstructionsDateThatNoStepTakesIsNotUnderstood() {
        let amendment = grammar.read("5. Effective January 1, 2025, § 734.3 is amended by revising paragraph (a)(9), effective January 1, 2025, and removing paragraph (b), effective March 1, 2025.")
        #expect(!amendment.isUnderstood)
        #expect(amendment.unaccounted == ["Effective January 1, 2025"])
    }
}
