import ClauseGraph
import EccaFormats
import Testing

/// The AMDPAR grammar on instructions as the Federal Register prints them (FORMATS.md §2.2).
@Suite struct AmendmentGrammarTests {
    let grammar = AmendmentGrammar()

    @Test func ownTimingIsReadBeforeTheVerb() {
        let effective = grammar.read("2. Effective March 13, 2024, the heading for subpart U is revised to read as follows:", title: "47", part: "64")
        #expect(effective.number == "2")
        #expect(effective.effective == LegalDate(iso: "2024-03-13"))
        #expect(effective.verb == .revise)
        #expect(effective.actions.first?.targets.first?.kind == .heading)
        #expect(effective.actions.first?.targets.first?.detail == "subpart U")

        let delayed = grammar.read("3. Delayed indefinitely, amend § 64.2011 by revising paragraph (b) to read as follows:")
        #expect(delayed.timing == "Delayed indefinitely")
        #expect(delayed.effective == nil)
        #expect(delayed.actions.first?.targets.first == Amendment.Target(kind: .paragraph, section: "64.2011", paragraph: "(b)"))
    }

    @Test func removeAndReserveIsOneVerb() {
        let amendment = grammar.read("4. In § 740.27, remove and reserve paragraph (c)(2).")
        #expect(amendment.actions.map(\.verb) == [.removeAndReserve])
        #expect(amendment.actions.first?.targets.first?.paragraph == "(c)(2)")
    }

    @Test func italicLevelsInsideTheInstructionAreRead() {
        let amendment = grammar.read("5. In § 309.130, revise paragraphs (a)(2)(ii)(B)( 3 ) through ( 5 ).")
        let target = amendment.actions.first?.targets.first
        #expect(target?.kind == .paragraphRange)
        #expect(target?.paragraph == "(a)(2)(ii)(B)(3)")
        #expect(target?.through == "(a)(2)(ii)(B)(5)")
    }

    @Test func theAuthorityCitationIsNotADeletion() {
        let amendment = grammar.read("1. The authority citation for part 774 continues to read as follows:", title: "15", part: "774")
        #expect(amendment.verb == .restate)
        #expect(amendment.actions.first?.targets.first == Amendment.Target(kind: .authority, detail: "part 774"))
    }

    @Test func leadInsGiveTheirSectionToTheSteps() {
        let lead = grammar.read("7. Section 309.130 is amended by:")
        #expect(lead.isLeadIn)
        #expect(lead.scope?.section == "309.130")
        let step = grammar.read("b. Removing paragraphs (b)(2)(iv) and (v);", scope: lead.scope)
        #expect(step.number == "b")
        #expect(step.actions.first?.targets.map(\.description) == ["§ 309.130(b)(2)(iv)", "§ 309.130(b)(2)(v)"])
    }

    @Test func addingASectionToASubpart() {
        let amendment = grammar.read("19. Add § 1006.377 to subpart D to read as follows:")
        #expect(amendment.actions.first?.targets == [Amendment.Target(kind: .section, section: "1006.377")])
        #expect(amendment.actions.first?.destination == "subpart D")
    }

    /// Rules before the Office of the Federal Register's 2017 drafting style say it in the passive,
    /// naming the section with the word.
    @Test func thePassiveWithTheWordSection() {
        let added = grammar.read("2. Section 740.27 is added to read as follows:", title: "15", part: "740")
        #expect(added.isUnderstood)
        #expect(added.actions.map(\.verb) == [.add])
        #expect(added.actions.first?.targets == [Amendment.Target(kind: .section, section: "740.27")])
        let revised = grammar.read("3. Section 742.6 is revised to read as follows:")
        #expect(revised.actions.map(\.verb) == [.revise])
        #expect(revised.actions.first?.targets == [Amendment.Target(kind: .section, section: "742.6")])
        // "of this section" names no section.
        let paragraph = grammar.read("4. In § 744.1, paragraph (a) of this section is revised.")
        #expect(paragraph.actions.first?.targets == [Amendment.Target(kind: .paragraph, section: "744.1", paragraph: "(a)")])
        // The word must start: "subsection 3.1" names no section.
        let subsection = grammar.read("5. Subsection 3.1 is revised to read as follows:")
        #expect(!subsection.actions.flatMap(\.targets).contains { $0.section == "3.1" })
    }

    @Test func proseWithoutAVerbIsNotUnderstood() {
        #expect(!grammar.read("8. Supplement No. 1 to part 774 is modified as the Secretary sees fit.").isUnderstood)
    }
}
