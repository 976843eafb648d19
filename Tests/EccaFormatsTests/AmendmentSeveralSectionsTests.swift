import ClauseGraph
@testable import EccaFormats
import Testing

/// Instructions whose subject names several sections ("Sections 734.3 and 734.4 are amended by
/// revising paragraph (a) in each"): each step's target is read in each section named, one target
/// per section, so that the instruction names every one of them. A step that does not read alike in
/// each section, a lead-in naming several, and a range that cannot be spelled out are not understood,
/// and no step is given a target.
@Suite struct AmendmentSeveralSectionsTests {
    let grammar = AmendmentGrammar()

    /// The whole reading of an instruction.
    struct Reading: Equatable, CustomStringConvertible {
        var actions: [String]
        var sections: [String]
        var dates: [String?]
        var timing: String?
        var unaccounted: [String]
        var understood: Bool
        var description: String { "\(actions) \(sections) \(dates) \(timing ?? "-") \(unaccounted) \(understood)" }
    }

    func reading(_ instruction: String) -> Reading {
        let amendment = grammar.read(instruction, title: "15", part: "734")
        return Reading(actions: amendment.actions.map(\.description), sections: amendment.sections, dates: amendment.actions.map { $0.effective?.iso },
                       timing: amendment.timing, unaccounted: amendment.unaccounted, understood: amendment.isUnderstood)
    }

    static func read(_ actions: [String], _ sections: [String], dates: [String?]? = nil) -> Reading {
        Reading(actions: actions, sections: sections, dates: dates ?? actions.map { _ in nil }, timing: nil, unaccounted: [], understood: true)
    }

    /// Each form of subject, with and without "in each", read as the same steps in each section.
    @Test(arguments: [
        ("5. Sections 734.3 and 734.4 are amended by revising paragraph (a) in each to read as follows:",
         read(["revise § 734.3(a), § 734.4(a)"], ["734.3", "734.4"])),
        ("5. Sections 734.3 and 734.4 are each amended by revising paragraph (a) to read as follows:",
         read(["revise § 734.3(a), § 734.4(a)"], ["734.3", "734.4"])),
        ("6. §§ 740.2 and 740.7 are amended by removing paragraph (c).",
         read(["remove § 740.2(c), § 740.7(c)"], ["740.2", "740.7"])),
        ("7. Sections 742.4, 742.6, and 744.23 are amended by adding paragraph (d) to read as follows:",
         read(["add § 742.4(d), § 742.6(d), § 744.23(d)"], ["742.4", "742.6", "744.23"])),
        ("8. In §§ 772.1 and 774.1, revise the definition of “Foreign person” to read as follows:",
         read(["revise § 772.1 definition “Foreign person”, § 774.1 definition “Foreign person”"], ["772.1", "774.1"])),
        ("9. Amend §§ 740.2 and 740.7 by removing paragraph (c) and redesignating paragraph (d) as paragraph (c).",
         read(["remove § 740.2(c), § 740.7(c)", "redesignate § 740.2(d), § 740.7(d) as paragraph (c)"], ["740.2", "740.7"])),
        ("10. In §§ 734.3 and 734.4, remove the word “military” and add in its place the word “defense” in paragraph (b) of each section.",
         read(["replace-text § 734.3(b), § 734.4(b): “military” → “defense”"], ["734.3", "734.4"])),
        ("11. Sections 744.21 through 744.23 are amended by removing the word “military” wherever it appears in each section.",
         read(["replace-text § 744.21, § 744.22, § 744.23: remove “military”, wherever it appears"], ["744.21", "744.22", "744.23"])),
        ("12. In §§ 744.21 through 744.23, revise the section heading.",
         read(["revise § 744.21 heading, § 744.22 heading, § 744.23 heading"], ["744.21", "744.22", "744.23"])),
    ]) func eachStepActsInEachSectionNamed(instruction: String, expected: Reading) {
        #expect(reading(instruction) == expected)
    }

    /// Steps dated apart keep their dates, in each section.
    @Test func datedStepsActInEachSection() {
        #expect(reading("5. Sections 734.3 and 734.4 are amended by revising paragraph (a), effective January 1, 2025, and removing paragraph (b), effective March 1, 2025.")
            == Self.read(["revise § 734.3(a), § 734.4(a) (effective January 1, 2025)", "remove § 734.3(b), § 734.4(b) (effective March 1, 2025)"],
                         ["734.3", "734.4"], dates: ["2025-01-01", "2025-03-01"]))
    }

    /// A step that names a section of its own (or a pair of them, or distributes its targets over
    /// the sections) may be one section's or each section's: not understood, its words quoted, and
    /// no step given a target.
    @Test(arguments: [
        ("5. Sections 734.3 and 734.4 are amended by revising paragraph (b) of § 734.3.",
         ["revising paragraph (b) of § 734.3"], ["revise"]),
        ("5. Sections 734.3 and 734.4 are amended by revising paragraph (a) in each and removing § 734.3(c).",
         ["removing § 734.3(c)"], ["revise", "remove"]),
        ("5. Sections 734.3 and 734.4 are amended by revising § 734.3(a) and § 734.4(b).",
         ["revising § 734.3(a) and § 734.4(b)"], ["revise"]),
        ("5. Sections 734.3 and 734.4 are amended by revising paragraphs (a) and (b), respectively.",
         ["revising paragraphs (a) and (b), respectively."], ["revise"]),
        ("5. Sections 734.3 and 734.4 are amended by revising Supplement No. 1 to part 734.",
         ["revising Supplement No. 1 to part 734"], ["revise"]),
    ]) func aStepThatDoesNotReadAlikeInEachSectionIsNotUnderstood(instruction: String, unread: [String], verbs: [String]) {
        let amendment = grammar.read(instruction, title: "15", part: "734")
        #expect(!amendment.isUnderstood)
        #expect(amendment.unaccounted == unread)
        #expect(amendment.actions == verbs.map { Amendment.Action(verb: Amendment.Verb(rawValue: $0)!, targets: []) })
        #expect(amendment.sections == [])
    }

    /// A range over two parts, of tails of different widths, or backwards; a section named twice;
    /// a lead-in naming several sections: not understood, the sections quoted as printed.
    @Test(arguments: [
        ("5. Sections 744.21 through 746.2 are amended by removing paragraph (c).", "Sections 744.21 through 746.2"),
        ("5. §§ 744.9 through 744.11 are amended by removing paragraph (c).", "§§ 744.9 through 744.11"),
        ("5. In §§ 744.23 through 744.21, remove paragraph (c).", "§§ 744.23 through 744.21"),
        ("5. Sections 734.3 and 734.3 are amended by removing paragraph (c).", "Sections 734.3 and 734.3"),
        ("5. In §§ 772.1 and 774.1:", "§§ 772.1 and 774.1"),
        ("5. Sections 734.3 and 734.4 are amended by:", "Sections 734.3 and 734.4"),
    ]) func sectionsThatCannotBeReadEachAreNotUnderstood(instruction: String, printed: String) {
        #expect(reading(instruction) == Reading(actions: [], sections: [], dates: [], timing: nil, unaccounted: [printed], understood: false))
    }

    /// "in each" is the subject's, not a place: in a quotation, or before more words ("in each
    /// place"), it stays.
    @Test func inEachIsTakenOutOnlyWhereItEndsAStep() {
        #expect(PluralSubject.withoutDistributive("revising paragraph (a) in each, and removing paragraph (b) of each section to read as follows:")
            == "revising paragraph (a), and removing paragraph (b) to read as follows:")
        #expect(PluralSubject.withoutDistributive("removing the words “in each” in each place they appear") == "removing the words “in each” in each place they appear")
    }

    /// A subject naming one section is read as before: the list needs two.
    @Test func oneSectionIsNoList() {
        var rest: Substring = "§§ 1006.370 is amended by revising paragraph (a)."
        #expect(PluralSubject.read(&rest) == nil)
        #expect(rest == "§§ 1006.370 is amended by revising paragraph (a).")
    }
}
