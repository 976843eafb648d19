import ClauseGraph
import EccaFormats
import Testing

/// Which step of an instruction its own timing dates (importer audit D1). In "revise X and,
/// effective D, remove Y" the timing set off before Y qualifies Y only: read on X, cite-check
/// passed a removed paragraph and flagged the revised one. A timing that could belong to one step
/// or to more is not understood, never given to one of them.
@Suite struct AmendmentStepTimingTests {
    let grammar = AmendmentGrammar()

    /// The phrasings the audit found misread (its list2), each with the step the date belongs to.
    @Test(arguments: [
        ("5. In § 1006.205, revise paragraph (a)(9) and, effective March 1, 2025, remove paragraph (b).",
         ["revise § 1006.205(a)(9)", "remove § 1006.205(b) (effective March 1, 2025)"]),
        ("5. In § 1006.205, revise paragraph (a)(9), and effective March 1, 2025, remove paragraph (b).",
         ["revise § 1006.205(a)(9)", "remove § 1006.205(b) (effective March 1, 2025)"]),
        ("5. In § 1006.205, revise paragraph (a)(9); and, effective March 1, 2025, remove paragraph (b).",
         ["revise § 1006.205(a)(9)", "remove § 1006.205(b) (effective March 1, 2025)"]),
        ("5. In § 1006.205, revise paragraph (a)(9); effective March 1, 2025, remove paragraph (b).",
         ["revise § 1006.205(a)(9)", "remove § 1006.205(b) (effective March 1, 2025)"]),
        ("5. Amend § 1006.205 by revising paragraph (a)(9) and, effective March 1, 2025, removing paragraph (b).",
         ["revise § 1006.205(a)(9)", "remove § 1006.205(b) (effective March 1, 2025)"]),
        ("5. In § 1006.205, remove paragraph (b), and, effective March 1, 2025, add paragraph (c).",
         ["remove § 1006.205(b)", "add § 1006.205(c) (effective March 1, 2025)"]),
        ("5. In § 1006.205, remove paragraph (b) and, effective March 1, 2025, revise paragraph (a)(9) to read as follows:",
         ["remove § 1006.205(b)", "revise § 1006.205(a)(9) (effective March 1, 2025)"]),
        ("5. In § 1006.205, paragraph (a)(9) is revised and, effective March 1, 2025, paragraph (b) is removed.",
         ["revise § 1006.205(a)(9)", "remove § 1006.205(b) (effective March 1, 2025)"]),
        ("5. In § 1006.205, revise paragraph (a)(9) and, effective March 1, 2025, remove paragraph (b), and, effective April 1, 2025, add paragraph (c).",
         ["revise § 1006.205(a)(9)", "remove § 1006.205(b) (effective March 1, 2025)", "add § 1006.205(c) (effective April 1, 2025)"]),
    ]) func aTimingSetOffBeforeAStepDatesThatStepOnly(instruction: String, actions: [String]) {
        let amendment = grammar.read(instruction)
        #expect(amendment.isUnderstood)
        #expect(amendment.actions.map(\.description) == actions)
        #expect(amendment.timing == nil)
        #expect(amendment.effective == nil)
    }

    /// Before every verb the timing is the whole instruction's; after a step, that step's (the
    /// documented form, unchanged); set off after the last step, the whole instruction's.
    @Test func aTimingBeforeEveryVerbOrClosingTheInstructionDatesAllOfIt() {
        for instruction in ["5. Effective March 1, 2025, in § 1006.205, revise paragraph (a)(9) and remove paragraph (b).",
                            "5. In § 1006.205, effective March 1, 2025, revise paragraph (a)(9) and remove paragraph (b).",
                            "5. In § 1006.205, revise paragraph (a)(9) and remove paragraph (b), effective March 1, 2025."] {
            let amendment = grammar.read(instruction)
            #expect(amendment.isUnderstood, "\(instruction)")
            #expect(amendment.actions.map(\.description) == ["revise § 1006.205(a)(9)", "remove § 1006.205(b)"], "\(instruction)")
            #expect(amendment.effective == LegalDate(iso: "2025-03-01"), "\(instruction)")
        }
        let follows = grammar.read("5. In § 1006.205, remove paragraph (b) effective March 1, 2025, and revise paragraph (a)(9).")
        #expect(follows.actions.map(\.description) == ["remove § 1006.205(b) (effective March 1, 2025)", "revise § 1006.205(a)(9)"])
        #expect(follows.effective == nil)
    }

    /// Set off by commas between two steps with no conjunction, a timing may close the first or
    /// open the second; introducing a step that other untimed steps follow, it may date that step
    /// or all of them. Not understood, the words quoted, and no step dated.
    @Test(arguments: [
        "5. In § 1006.205, revise paragraph (a)(9), effective March 1, 2025, remove paragraph (b).",
        "5. In § 1006.205, revise paragraph (a)(9) and, effective March 1, 2025, remove paragraph (b) and add paragraph (c).",
        "5. In § 1006.205, revise paragraph (a)(9) and, effective March 1, 2025, remove paragraph (b), and add paragraph (c).",
    ]) func aTimingThatCouldDateOneStepOrMoreIsNotUnderstood(instruction: String) {
        let amendment = grammar.read(instruction)
        #expect(!amendment.isUnderstood)
        #expect(amendment.unaccounted == ["effective March 1, 2025"])
        #expect(amendment.actions.allSatisfy { $0.effective == nil })
        #expect(amendment.effective == nil)
    }
}
