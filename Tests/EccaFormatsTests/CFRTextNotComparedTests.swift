import ClauseGraph
@testable import EccaFormats
import EccaTestSupport
import Foundation
import Testing

/// What a CFR text prints that its wording does not hold, and `cite-check` therefore cannot compare:
/// a footnote (`FTNT`), carried as a note; a formula printed as an image; a change an effective-date
/// note (`EFFDNOT`) announces. A pass never stays silent about them (audit finding 5: a changed
/// footnote, a changed formula image and an announced revision of (b)(1) all passed unremarked).
@Suite struct CFRTextNotComparedTests {
    /// 1 CFR 18.4 in the versioner shape: a footnote after (a), an image in (c)(1), an
    /// effective-date note `effdnot` (none when empty); `markInB`: (b) prints the footnote's mark
    /// again, bare, as GPO prints a repeated reference.
    static func section(footnote: String = "Agencies with computer processed data are urged to consult the Office.",
                        image: String = "EC14NO91.003", effdnot: String = "", date: String = "2026-01-01", markInB: Bool = false) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="18.4" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/\(date)/title-1/section-18.4&quot;,&quot;citation&quot;:&quot;1 CFR 18.4&quot;}">
        <HEAD>§ 18.4 Form of document.</HEAD>
        <P>(a) A document may be accepted if it is on bond <SU>2</SU>
        <FTREF/>
        </P>
        <FTNT>
        <P>
        <SU>2</SU> \(footnote)</P></FTNT>
        <P>(b) A letter may not be accepted.\(markInB ? " <SU>2</SU>" : "")</P>
        <P>(c) The charge is:</P>
        <P>(1) Computed as follows:</P>
        <MATH DEEP="44" SPAN="1"><MID>\(image)</MID></MATH>
        <P>(2) Paid in advance.</P>
        \(effdnot)
        </DIV8>
        """
    }

    /// An eCFR bulk title 14 amended through `amended`, holding Appendix A to Part 1215 of `body`.
    static func appendix(amended: String, _ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">14</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
        <TEXT><BODY><ECFRBRWS><AMDDATE>\(amended)</AMDDATE>
        <DIV1 N="14" NODE="14:5" TYPE="TITLE"><HEAD>Title 14—Aeronautics and Space</HEAD>
        <DIV5 N="1215" NODE="14:5.0.1.1.5" TYPE="PART"><HEAD>PART 1215—TRACKING AND DATA RELAY</HEAD>
        <DIV9 N="Appendix A to Part 1215" NODE="14:5.0.1.1.5.0.1.9" TYPE="APPENDIX"><HEAD>Appendix A to Part 1215—Services</HEAD>
        \(body)
        </DIV9>
        </DIV5></DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
        """
    }

    static let effdnot = """
        <EFFDNOT><HED>Effective Date Note:</HED><PSPACE>At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective July 1, 2026. For the convenience of the user, the revised text is set forth as follows:</PSPACE>
        <EXTRACT><HD SOURCE="HD3">§ 18.4 Form of document.</HD><P>(c) * * *</P><P>(1) Computed by the Office.</P></EXTRACT></EFFDNOT>
        """

    /// The footnote is a note on (a), whose text it follows, and not in any wording; the image and
    /// the footnote are what (a), (c), (c)(1) and the section do not carry, and are counted.
    @Test func aFootnoteIsCarriedAsANoteAndNamedWithImagesAsNotCarried() throws {
        let file = try Corpus.fixture("v-18.4.xml", Self.section())
        let imported = try Corpus.collect([file])
        #expect(imported.provision("18.4(a)")?.wording == "(a) A document may be accepted if it is on bond")
        #expect(imported.provision("18.4(a)")?.notes.filter { $0.kind == .editorial }.map(\.text) == [
            "Footnote 2 to this text (line 7 of the official file), printed at the foot of the page and carried in this note, not in the wording: [2] Agencies with computer processed data are urged to consult the Office.",
        ])
        #expect(imported.provision("18.4")?.wording == "(a) A document may be accepted if it is on bond (b) A letter may not be accepted. (c) The charge is: (1) Computed as follows: (2) Paid in advance.")
        #expect(imported.provision("18.4")?.notCarried == ["footnote 2", "formula printed as an image (EC14NO91.003)"])
        #expect(imported.provision("18.4(a)")?.notCarried == ["footnote 2"])
        #expect(imported.provision("18.4(b)")?.notCarried == [])
        #expect(imported.provision("18.4(c)")?.notCarried == ["formula printed as an image (EC14NO91.003)"])
        #expect(imported.provision("18.4(c)(1)")?.notCarried == ["formula printed as an image (EC14NO91.003)"])
        #expect(imported.provision("18.4(c)(2)")?.notCarried == [])
        // The image set after (c)(1) is within its source span (re-audit: the span had stopped before it).
        #expect(imported.provision("18.4(c)(1)").map { [$0.span.firstLine, $0.span.lastLine] } == [12, 13])
        #expect(imported.provision("18.4(c)(2)").map { [$0.span.firstLine, $0.span.lastLine] } == [14, 14])
        #expect(imported.summary.instruments.first?[.footnotesAsNotes] == 1)
        #expect(imported.summary.instruments.first?[.imagesNotCarried] == 1)
    }

    /// A footnote in an appendix is carried as a note on the appendix and counted, as a section's
    /// is, and its wording leaves it out (re-audit: it was dropped with no count and no note).
    @Test func anAppendixFootnoteIsCarriedAsANote() throws {
        let file = try Corpus.fixture("ECFR-title14-appendix-footnote.xml", Self.appendix(amended: "Jan. 2, 2025", """
            <P>Standard services are provided on request.<SU>1</SU>
            <FTREF/></P>
            <FTNT><P><SU>1</SU> Nonstandard services are charged extra.</P></FTNT>
            """))
        let imported = try Corpus.collect([file])
        let appendix = try #require(imported.provision("Appendix A to Part 1215"))
        #expect(appendix.wording == "Standard services are provided on request.")
        #expect(appendix.notes.filter { $0.text.hasPrefix("Footnote") }.map(\.text) == [
            "Footnote 1 to this text (line 9 of the official file), printed at the foot of the page and carried in this note, not in the wording: [1] Nonstandard services are charged extra.",
        ])
        #expect(appendix.notCarried == ["footnote 1"])
        #expect(imported.summary.instruments.first?[.footnotesAsNotes] == 1)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
    }

    /// Shipped (a), (c) and (c)(1) as the text reads: each passes, and its pass names what it did
    /// not compare; (b) passes plainly. A changed footnote or image still passes (the wording is the
    /// same), but never without saying so.
    @Test func aPassNamesTheFootnoteOrImageItDidNotCompare() throws {
        let shipped = try Self.shipped([
            ("a", "(a) A document may be accepted if it is on bond"),
            ("b", "(b) A letter may not be accepted."),
            ("c.1", "(1) Computed as follows:"),
        ])
        for official in [Self.section(), Self.section(footnote: "Nonstandard services, charged extra.", image: "EC14NO91.103")] {
            let file = try Corpus.fixture("v-18.4.xml", official)
            let report = try CitationChecker(officialFiles: [file]).check(shipped.graph, on: .citeCheckDay)
            #expect(report.findings.isEmpty)
            let image = official.contains(".103") ? "EC14NO91.103" : "EC14NO91.003"
            #expect(report.passes.map(\.description) == [
                "\(shipped.file):4: note: us.t18.a (1 CFR 18.4(a)): wording matches \(file) at '18.4(a)'; the official text's footnote 2, not in its imported wording, was not compared",
                "\(shipped.file):5: note: us.t18.b (1 CFR 18.4(b)): wording matches \(file) at '18.4(b)'",
                "\(shipped.file):6: note: us.t18.c.1 (1 CFR 18.4(c)(1)): wording matches \(file) at '18.4(c)(1)'; the official text's formula printed as an image (\(image)), not in its imported wording, was not compared",
            ])
            #expect(report.passSummary == "3 pass (2 of them texts with images or footnotes outside their wording: those not compared)")
        }
    }

    /// An effective-date note naming (c)(1) is on (c)(1) too, and reaches (c), (c)(1) and the section
    /// but not (a) or (b). A shipped provision it reaches is a finding while the text is dated before
    /// the change; a text dated on or after it passes.
    @Test func anEffectiveDateNoteReachingAShippedProvisionIsAFinding() throws {
        let file = try Corpus.fixture("v-18.4.xml", Self.section(effdnot: Self.effdnot))
        let imported = try Corpus.collect([file])
        let statement = "Effective Date Note: At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective July 1, 2026."
        #expect(imported.provision("18.4(c)(1)")?.notes.filter { $0.kind == .amendment }.map(\.text) == [
            statement + " For the convenience of the user, the revised text is set forth as follows: § 18.4 Form of document. (c) * * * (1) Computed by the Office.",
        ])
        #expect(imported.provision("18.4(c)")?.notes.filter { $0.kind == .amendment } == [])
        for (id, reached) in [("18.4", true), ("18.4(a)", false), ("18.4(b)", false), ("18.4(c)", true), ("18.4(c)(1)", true), ("18.4(c)(2)", false)] {
            #expect(imported.provision(id)?.effectiveDateNotes.map(\.statement) == (reached ? [statement] : []), "\(id)")
        }

        let shipped = try Self.shipped([("b", "(b) A letter may not be accepted."), ("c.1", "(1) Computed as follows:")])
        let report = try CitationChecker(officialFiles: [file]).check(shipped.graph, on: .citeCheckDay)
        #expect(report.findings.map(\.description) == [
            "\(shipped.file):5: error: us.t18.c.1 (1 CFR 18.4(c)(1)): \(file) (text as of 2026-01-01) announces in an effective-date note a change to '18.4(c)(1)' that takes effect on 2026-07-01, after the text's date, so the wording compared is the text before it: “\(statement)”",
        ])
        #expect(report.passed == ["us.t18.b"])

        // Before the change takes effect, the text that passed is the law: a pass that says until when.
        let before = try CitationChecker(officialFiles: [file]).check(shipped.graph, on: LegalDate(year: 2026, month: 3, day: 1)!)
        #expect(before.findings.isEmpty)
        #expect(before.passes.map(\.description).last == "\(shipped.file):5: note: us.t18.c.1 (1 CFR 18.4(c)(1)): wording matches \(file) at '18.4(c)(1)'; "
            + "the official text's formula printed as an image (EC14NO91.003), not in its imported wording, was not compared; "
            + "an effective-date note there announces a change that takes effect on 2026-07-01, after the day checked: the wording passes until then")
        #expect(before.passSummary == "2 pass (1 of them a text with an image or a footnote outside its wording: those not compared; "
            + "1 of them a text with a change announced after the day checked: passing until then)")
        // On the day itself the change is in effect.
        #expect(try CitationChecker(officialFiles: [file]).check(shipped.graph, on: LegalDate(year: 2026, month: 7, day: 1)!).passed == ["us.t18.b"])

        let later = try Corpus.fixture("v-18.4-later.xml", Self.section(effdnot: Self.effdnot, date: "2026-07-01"))
        #expect(try CitationChecker(officialFiles: [later]).check(shipped.graph, on: .citeCheckDay).findings.isEmpty)
    }

    /// What a note names: paths joined by commas and "and", an introductory text; a range names the
    /// whole section (its members are not spelled out), as does a note that names no paragraph.
    @Test func anEffectiveDateNoteNamesItsParagraphs() {
        let two = EffectiveDateNote("At 91 FR 1000, Jan. 5, 2026, § 2.2 was amended by revising paragraphs (b) introductory text, (c)(2), and (d), effective Mar. 1, 2026.")
        #expect(two.paragraphs == ["(b)", "(c)(2)", "(d)"])
        #expect(two.changes.map(\.effective?.iso) == ["2026-03-01"])
        #expect(two.reaching("(c)") != nil && two.reaching("(c)(2)(i)") != nil && two.reaching("(c)(1)") == nil && two.reaching("(a)") == nil)
        let range = EffectiveDateNote("At 91 FR 1000, Jan. 5, 2026, § 2.2 was amended by revising paragraphs (a) through (c), effective Mar. 1, 2026.")
        #expect(range.paragraphs == [] && range.reaching("(b)(1)") != nil)
        let (a1, a10) = (EffectiveDateNote("§ 2.2 was amended by revising paragraph (a)(1), effective Mar. 1, 2026."), "(a)(10)")
        #expect(a1.reaching(a10) == nil)
        let suspended = EffectiveDateNote("§ 2.2 was suspended, effective indefinitely.")
        #expect(suspended.changes.map(\.effective) == [nil] && suspended.unsettled == "it says the change was delayed, postponed, stayed or suspended with no day")
        // A day counted from publication is not read (the eCFR's notes state the day): no day, a
        // finding on every day; a note dating nothing has no day either.
        #expect(EffectiveDateNote("At 91 FR 1000, Jan. 5, 2026, § 2.2 was amended by revising paragraph (b), effective 30 days after publication.").changes.map(\.effective) == [nil])
        #expect(EffectiveDateNote("Effective Date Note: At 91 FR 1000, Jan. 5, 2026, § 2.2 was amended by revising paragraph (b).").changes.map(\.effective) == [nil])
    }

    /// A note that dates two changes apart gives each paragraph it names its own day, and a
    /// provision holding both the earlier (re-audit: the second change of a two-date note passed
    /// after its day). A change "delayed until" a day takes effect then, not on its first date; one
    /// delayed with no day is a finding on any day, saying why; dated apart and delayed, every
    /// paragraph takes the earliest day. An
    /// undated text cannot be placed before a change, and stays a finding; two notes' days are
    /// given in order, once.
    /// Notes read by the rule for a rule's DATES (the latest day stated) took effect late, so a
    /// provision passed after it had changed (re-audit of that reading, p1-p5). A note never errs
    /// late: dates quoted from the amended text and the dates of the rules it cites date no change;
    /// "effective on" dates one; a delay with no day after "until" settles none; a note that dates
    /// changes before naming their paragraphs gives all of them the earliest day.
    @Test(arguments: [
        ("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by removing the date \"Dec. 31, 2025\" and adding in its place \"Dec. 31, 2027\" in paragraph (c)(1), effective Mar. 2, 2026.",
         ["(c)(1) 2026-03-02"], nil),
        ("At 91 FR 5000, Feb. 5, 2026, as corrected at 91 FR 6000, Sept. 20, 2026, § 18.4 was amended by revising paragraph (c)(1), effective Jan. 15, 2026.",
         ["(c)(1) 2026-01-15"], nil),
        ("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective on July 1, 2026, and by revising paragraph (c)(2), effective on Jan. 1, 2027.",
         ["(c)(1) 2026-07-01", "(c)(2) 2027-01-01"], nil),
        ("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective Mar. 2, 2026. The effective date was delayed indefinitely at 91 FR 2000, Feb. 20, 2026.",
         ["(c)(1) -"], "it says the change was delayed, postponed, stayed or suspended with no day"),
        ("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended, effective Jan. 1, 2027, by revising paragraph (c)(2), and effective Mar. 2, 2026, by revising paragraph (c)(1).",
         ["(c)(2),(c)(1) 2026-03-02"], nil),
        ("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective Mar. 2, 2026. At 91 FR 2000, Feb. 20, 2026, the effective date was delayed from Mar. 2, 2026, to Sept. 1, 2026.",
         ["(c)(1) 2026-09-01"], nil),
        // Re-audit 2: a corrected day, a delay to an earlier day, a delay of another paragraph's
        // change or of a compliance date, a delay the amendment itself makes, two notes in one.
        ("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective Jan. 1, 2027. At 91 FR 4000, Mar. 1, 2026, the effective date of the amendment to § 18.4 was corrected to read Mar. 2, 2026.",
         ["(c)(1) 2026-03-02"], nil),
        ("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective Jan. 1, 2027. The effective date of the amendment was delayed to Mar. 2, 2026.",
         ["(c)(1) 2026-03-02"], nil),
        ("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective Mar. 2, 2026. At 91 FR 3000, Feb. 20, 2026, the effective date of the revision of paragraph (c)(2) was delayed until Jan. 1, 2027.",
         ["(c)(1),(c)(2) 2026-03-02"], nil),
        ("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective Mar. 2, 2026, and the compliance date was delayed to Jan. 1, 2028.",
         ["(c)(1) 2026-03-02"], nil),
        ("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1) effective Mar. 2, 2026, to delay until Jan. 1, 2028 the date in paragraph (c)(2).",
         ["(c)(1) 2026-03-02"], nil),
        ("Effective Date Notes: 1. At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective July 1, 2026. For the convenience of the user, the revised text is set forth as follows: (c) * * * (1) Computed by the Office. 2. At 91 FR 3000, Feb. 5, 2026, § 18.4 was amended by revising paragraph (a), effective Mar. 2, 2026. For the convenience of the user, the revised text is set forth as follows: (a) A document.",
         ["(c)(1),(a) 2026-03-02"], nil),
    ] as [(String, [String], String?)])
    func aNoteNeverTakesEffectLate(note: String, changes: [String], unsettled: String?) {
        let read = EffectiveDateNote(note)
        #expect(read.changes.map { "\($0.paragraphs.joined(separator: ",")) \($0.effective?.iso ?? "-")" } == changes)
        #expect(read.unsettled == unsettled)
    }

    @Test func aNoteIsReadForEachChangesDayAndAnUndatedTextIsAFinding() throws {
        let twoDays = EffectiveDateNote("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective July 1, 2026, and by revising paragraph (c)(2), effective Jan. 1, 2027.")
        #expect(twoDays.unsettled == nil)
        #expect(twoDays.changes.map { "\($0.paragraphs) \($0.effective?.iso ?? "-")" } == [#"["(c)(1)"] 2026-07-01"#, #"["(c)(2)"] 2027-01-01"#])
        #expect(twoDays.reaching("(c)(2)")?.changes.map(\.effective?.iso) == ["2027-01-01"])
        #expect(twoDays.reaching("(c)")?.changes.count == 2 && twoDays.reaching("(b)") == nil)
        #expect(twoDays.statement == "At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective July 1, 2026, and by revising paragraph (c)(2), effective Jan. 1, 2027.")
        let delayed = EffectiveDateNote("At 91 FR 1000, Jan. 5, 2026, § 18.4 was amended by revising paragraph (c)(1), effective Mar. 2, 2026. At 91 FR 2000, Feb. 20, 2026, the effective date was delayed until Sept. 1, 2026.")
        #expect(delayed.unsettled == nil && delayed.changes.map(\.effective?.iso) == ["2026-09-01"] && delayed.paragraphs == ["(c)(1)"])
        #expect(delayed.statement.hasSuffix("the effective date was delayed until Sept. 1, 2026."))
        let apartAndDelayed = EffectiveDateNote(twoDays.text + " At 91 FR 2000, Feb. 20, 2026, the effective date of the revision of paragraph (c)(1) was delayed until Sept. 1, 2026.")
        // Changes dated apart, one of them delayed: every paragraph from the earliest day.
        #expect(apartAndDelayed.changes.map { "\($0.paragraphs) \($0.effective?.iso ?? "-")" } == [#"["(c)(1)", "(c)(2)"] 2026-07-01"#] && apartAndDelayed.unsettled == nil)
        #expect(EffectiveDateNote(Self.effdnot).unsettled == nil)

        let shipped = try Self.shipped([("c.1", "(1) Computed as follows:"), ("c.2", "(2) Paid in advance.")])
        let twoDayFile = try Corpus.fixture("v-18.4-two-days.xml", Self.section(effdnot: Self.effdnot.replacingOccurrences(of: "effective July 1, 2026.", with: "effective July 1, 2026, and by revising paragraph (c)(2), effective Jan. 1, 2027.")))
        let between = try CitationChecker(officialFiles: [twoDayFile]).check(shipped.graph, on: LegalDate(year: 2026, month: 8, day: 1)!)
        #expect(between.findings.map(\.provisionID) == ["us.t18.c.1"] && between.passed == ["us.t18.c.2"])
        #expect(between.passes.first?.announcedChanges.map(\.iso) == ["2027-01-01"])

        let delayedNote = Self.effdnot.replacingOccurrences(of: "effective July 1, 2026.", with: "effective Mar. 2, 2026. At 91 FR 2000, Feb. 20, 2026, the effective date was delayed until Sept. 1, 2026.")
        let file = try Corpus.fixture("v-18.4-delayed.xml", Self.section(effdnot: delayedNote))
        for day in [LegalDate(year: 2026, month: 3, day: 2)!, LegalDate(year: 2026, month: 8, day: 31)!] {
            let report = try CitationChecker(officialFiles: [file]).check(shipped.graph, on: day)
            #expect(report.findings.isEmpty && report.passes.first { $0.provisionID == "us.t18.c.1" }?.announcedChanges.map(\.iso) == ["2026-09-01"], "\(day.iso)")
        }
        let onTheDay = try CitationChecker(officialFiles: [file]).check(shipped.graph, on: LegalDate(year: 2026, month: 9, day: 1)!)
        #expect(onTheDay.findings.first?.detail?.contains("takes effect on 2026-09-01, after the text's date") == true)
        let indefinite = try Corpus.fixture("v-18.4-indefinite.xml", Self.section(effdnot: delayedNote.replacingOccurrences(of: "delayed until Sept. 1, 2026", with: "delayed indefinitely")))
        let report = try CitationChecker(officialFiles: [indefinite]).check(shipped.graph, on: LegalDate(year: 2026, month: 2, day: 1)!)
        #expect(report.findings.first?.detail?.contains("takes effect on a day the note does not settle (it says the change was delayed, postponed, stayed or suspended with no day)") == true)

        // A change made retroactively by a rule published after the text's date: the text cannot
        // hold it (re-audit 2: it passed on every day).
        let retroactive = try Corpus.fixture("v-18.4-retroactive.xml", Self.section(effdnot: Self.effdnot.replacingOccurrences(of: "effective July 1, 2026.", with: "effective Dec. 1, 2025.")))
        let late = try CitationChecker(officialFiles: [retroactive]).check(shipped.graph, on: LegalDate(year: 2026, month: 3, day: 1)!)
        #expect(late.findings.first?.detail?.contains("takes effect on 2025-12-01, by a rule published on 2026-01-05, after the text's date") == true)

        let undated = try Corpus.fixture("v-18.4-undated.xml", Self.section(effdnot: Self.effdnot, date: "_SUBSTITUTE_DATE_"))
        let early = try CitationChecker(officialFiles: [undated]).check(shipped.graph, on: LegalDate(year: 2026, month: 3, day: 1)!)
        #expect(early.passed == ["us.t18.c.2"])
        #expect(early.findings.first?.detail?.contains("the text has no date to place it by") == true)

        let second = Self.effdnot + Self.effdnot.replacingOccurrences(of: "July 1, 2026", with: "Jan. 1, 2027")
        let both = try Corpus.fixture("v-18.4-two-notes.xml", Self.section(effdnot: Self.effdnot.replacingOccurrences(of: "July 1, 2026", with: "Jan. 1, 2027") + second))
        let pass = try #require(try CitationChecker(officialFiles: [both]).check(shipped.graph, on: LegalDate(year: 2026, month: 3, day: 1)!).passes.first)
        #expect(pass.announcedChanges.map(\.iso) == ["2026-07-01", "2027-01-01"])
        #expect(pass.description.hasSuffix("effective-date notes there announce changes that take effect on 2026-07-01 and 2027-01-01, after the day checked: the wording passes until 2026-07-01"))
    }

    /// A footnote's mark printed again without `FTREF` (GPO tags only the first reference): the
    /// footnote is a note on each paragraph that prints its mark, and what each does not carry, as
    /// on the paragraph it is set after (importer audit D7: 14 CFR 1214.119(j)(6), (10), (13) and
    /// (14) had no note, and a pass of them never named the footnote). The shape of
    /// CFR-2015-title14-vol5.xml:4501-4522, with a mark in a paragraph under a heading's dash too.
    @Test func aRepeatedFootnoteMarkCarriesTheFootnoteToo() throws {
        let file = try Corpus.fixture("CFR-2015-title14-vol5.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <CFRDOC>
            <FMTR><TITLEPG><TITLENUM>Title 14</TITLENUM><SUBJECT>Aeronautics and Space</SUBJECT><REVISED>Revised as of January 1, 2015</REVISED></TITLEPG></FMTR>
            <TITLE><CHAPTER><PART><EAR>Pt. 1214</EAR><HD SOURCE="HED">PART 1214—SPACE FLIGHT</HD>
            <SECTION><SECTNO>§ 1214.119</SECTNO><SUBJECT>Spacelab services.</SUBJECT>
            <P>(j) <E T="03">Common standard services.</E> The following standard services are common:</P>
            <P>(1) Use of Shuttle <SU>1</SU>
              <FTREF/> and Spacelab hardware.</P>
            <FTNT>
              <P>
                <SU>1</SU> Typical standard Shuttle services repeated for clarity.</P>
            </FTNT>
            <P>(2) Spacelab interface analysis.</P>
            <P>(3) Shuttle <SU>1</SU> and Spacelab flight planning.</P>
            <P>(4) NASA payload safety review. <SU>1</SU>
            </P>
            <P>(k) <E T="03">Optional services</E>—(1) Nonstandard orbits. <SU>1</SU></P>
            <P>(2) Extra days on orbit.</P>
            </SECTION>
            </PART></CHAPTER></TITLE>
            </CFRDOC>
            """)
        let imported = try Corpus.collect([file])
        let note = "Footnote 1 to this text (line 9 of the official file), printed at the foot of the page and carried in this note, not in the wording: [1] Typical standard Shuttle services repeated for clarity."
        for printing in ["1214.119(j)(1)", "1214.119(j)(3)", "1214.119(j)(4)", "1214.119(k)(1)"] {
            #expect(imported.provision(printing)?.notes.map(\.text) == [note], "\(printing)")
            #expect(imported.provision(printing)?.notCarried == ["footnote 1"], "\(printing)")
        }
        for other in ["1214.119(j)(2)", "1214.119(k)(2)", "1214.119(k)", "1214.119(j)"] {
            #expect(imported.provision(other)?.notes.isEmpty == true, "\(other)")
        }
        #expect(imported.provision("1214.119(j)(2)")?.notCarried == [])
        #expect(imported.provision("1214.119(k)")?.notCarried == ["footnote 1"])
        #expect(imported.provision("1214.119")?.notCarried == ["footnote 1"])
        #expect(imported.provision("1214.119(j)(3)")?.wording == "(3) Shuttle and Spacelab flight planning.")
        #expect(imported.summary.instruments.first?[.footnotesAsNotes] == 1)  // one footnote, however often referenced
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        if Corpus.available(Corpus.cfrAnnual) {
            let real = try Corpus.collect([Corpus.cfrAnnual])
            let printing = ["1214.119(j)(1)", "1214.119(j)(6)", "1214.119(j)(10)", "1214.119(j)(13)", "1214.119(j)(14)",
                            "1214.804(i)(1)", "1214.804(i)(3)", "1214.804(i)(7)", "1214.804(i)(14)", "1214.804(i)(15)"]
            #expect(real.provisions.filter { $0.notes.contains { $0.text.hasPrefix("Footnote 1 to this text") } }.map(\.canonicalID) == printing)
            #expect(printing.allSatisfy { real.provision($0)?.notCarried == ["footnote 1"] })
        }
    }

    /// A shipped paragraph that prints a repeated mark passes naming the footnote, as the one the
    /// footnote is set after does; the eCFR reads the mark by the same path.
    @Test func aPassOfAParagraphPrintingARepeatedMarkNamesTheFootnote() throws {
        let shipped = try Self.shipped([("b", "(b) A letter may not be accepted.")])
        let file = try Corpus.fixture("v-18.4.xml", Self.section(markInB: true))
        let report = try CitationChecker(officialFiles: [file]).check(shipped.graph, on: .citeCheckDay)
        #expect(report.findings.isEmpty)
        #expect(report.passes.map(\.description) == [
            "\(shipped.file):4: note: us.t18.b (1 CFR 18.4(b)): wording matches \(file) at '18.4(b)'; the official text's footnote 2, not in its imported wording, was not compared",
        ])
    }

    /// An appendix leaves its effective-date note out of its wording (it is a note), so the note
    /// must reach `cite-check` as a section's does: the appendix, and the Commerce Control List
    /// entries it names by ECCN (re-audit D1: the appendix passed after the change took effect).
    @Test func anAppendixEffectiveDateNoteReachesItAndTheEntriesItNames() throws {
        let appendix = try Corpus.fixture("ECFR-title14.xml", Self.appendix(amended: "Jan. 2, 2026", """
            <P>Standard services are provided on request.</P>
            <EFFDNOT><HED>Effective Date Note:</HED><PSPACE>At 91 FR 1000, Jan. 5, 2026, appendix A to part 1215 was revised, effective Mar. 1, 2026. For the convenience of the user, the revised text is set forth as follows:</PSPACE>
            <EXTRACT><P>Standard services are provided on written request only.</P></EXTRACT></EFFDNOT>
            """))
        let imported = try Corpus.collect([appendix])
        #expect(imported.provision("Appendix A to Part 1215")?.wording == "Standard services are provided on request.")
        #expect(imported.provision("Appendix A to Part 1215")?.effectiveDateNotes.flatMap(\.changes).map(\.effective?.iso) == ["2026-03-01"])
        let folder = try TemporaryFolder.make("formats").path
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1" version="1">
            <instrument id="us.t14" jurisdiction="US" kind="cfr-part"><title>t</title><official-id scheme="cfr">14 CFR Part 1215</official-id>
            <provision id="us.t14.appa" citation="14 CFR Appendix A to Part 1215" evidence="verified" eid="Appendix A to Part 1215" wording-kind="verbatim"><wording>Standard services are provided on request.</wording></provision>
            </instrument>
            </rules>
            """.write(toFile: folder + "/t14.xml", atomically: true, encoding: .utf8)
        let shipped = RegulationsLoader().load(directories: [folder], schemaPath: Corpus.schema)
        #expect(try CitationChecker(officialFiles: [appendix]).check(shipped.graph, on: LegalDate(year: 2026, month: 4, day: 1)!).findings.map(\.provisionID) == ["us.t14.appa"])
        #expect(try CitationChecker(officialFiles: [appendix]).check(shipped.graph, on: LegalDate(year: 2026, month: 2, day: 1)!).passed == ["us.t14.appa"])

        let ccl = try Corpus.fixture("v-774-supp1-effdnot.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV9 N="Supplement No. 1 to Part 774" TYPE="APPENDIX" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2026-01-02/title-15/appendix-Supplement No. 1 to Part 774&quot;,&quot;citation&quot;:&quot;15 CFR Supplement No. 1 to Part 774&quot;}">
            <HEAD>Supplement No. 1 to Part 774—The Commerce Control List</HEAD>
            <HD1>Category 4—Computers</HD1>
            <FP-2><B>4A090 Computers, as follows.</B></FP-2>
            <FP-1><I>Reason for Control:</I> RS, AT</FP-1>
            <FP-2><B>4E091 'Parameters' for an artificial intelligence model trained utilizing 10<SU>26</SU> or more 'operations.'</B></FP-2>
            <FP-1><I>Reason for Control:</I> RS, AT</FP-1>
            <EFFDNOT><HED>Effective Date Note:</HED><PSPACE>At 91 FR 1000, Jan. 5, 2026, Supplement No. 1 to part 774 was amended by revising ECCN 4E091, effective Mar. 1, 2026.</PSPACE></EFFDNOT>
            </DIV9>
            """)
        let entries = try Corpus.collect([ccl])
        #expect(entries.provision("Supplement No. 1 to Part 774, ECCN 4E091")?.effectiveDateNotes.count == 1)
        #expect(entries.provision("Supplement No. 1 to Part 774, ECCN 4A090")?.effectiveDateNotes.isEmpty == true)
        #expect(entries.provision("Supplement No. 1 to Part 774, ECCN 4E091")?.wording.contains("Effective Date Note") == false)
        // A range of ECCNs is not spelled out: it reaches every entry (re-audit 2).
        #expect(EffectiveDateNote("At 91 FR 1000, Jan. 5, 2026, Supplement No. 1 to part 774 was amended by revising ECCNs 4A001 through 4E091, effective Mar. 2, 2026.").reaches(eccn: "4A090"))
        #expect(!EffectiveDateNote("At 91 FR 1000, Jan. 5, 2026, Supplement No. 1 to part 774 was amended by revising ECCNs 4A001 and 4E091, effective Mar. 2, 2026.").reaches(eccn: "4A090"))
    }

    /// A mark GPO tags a footnote reference whose footnote the section does not hold (the 18.4(c)
    /// mark changed from 3 to 4) is warned of and noted on its paragraph, not dropped in silence.
    @Test func aFootnoteReferenceWithoutItsFootnoteIsWarnedOf() throws {
        let file = try Corpus.fixture("v-18.4-mark.xml", Self.section().replacingOccurrences(of: "<P>(a) A document may be accepted if it is on bond <SU>2</SU>", with: "<P>(a) A document may be accepted if it is on bond <SU>4</SU>"))
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.map(\.description).filter { $0.contains("footnote mark") } == [
            "\(file):4: warning: § 18.4(a): footnote mark 4 is tagged a footnote reference (FTREF), but no footnote of the section (FTNT) read has that mark: the note it refers to may not be carried [18.4(a)]",
        ])
        #expect(imported.provision("18.4(a)")?.notes.contains { $0.kind == .unresolved && $0.text.hasPrefix("The text refers here to footnote 4, which no footnote of the section read") } == true)
        #expect(try !Corpus.collect([try Corpus.fixture("v-18.4.xml", Self.section())]).diagnostics.contains { $0.message.contains("footnote mark") })
    }

    /// The corpus's seven footnotes: five in the eCFR's title 1 (1 CFR 18.4(c)'s "limited to
    /// selected pilot projects" among them), two in the annual CFR's 14 CFR 1214.119 and 1214.804.
    @Test func theCorpusFootnotesAreCarried() throws {
        if Corpus.available(Corpus.ecfrBulk) {
            let imported = try Corpus.collect([Corpus.ecfrBulk])
            #expect(imported.summary.instruments.first?[.footnotesAsNotes] == 5)
            #expect(imported.provision("18.4(c)")?.notCarried == ["footnote 3"])
            #expect(imported.provision("18.4(c)")?.notes.contains { $0.text.hasSuffix("[3] At present, submission of documents by telecommunication is limited to selected pilot projects.") } == true)
        }
        if Corpus.available(Corpus.cfrAnnual) {
            let imported = try Corpus.collect([Corpus.cfrAnnual])
            #expect(imported.summary.instruments.first?[.footnotesAsNotes] == 2)
            #expect(imported.provision("1214.119(j)(1)")?.notCarried == ["footnote 1"])
            #expect(imported.provision("1214.103(g)(3)")?.notCarried == ["formula printed as an image (EC14NO91.003)"])
        }
    }

    /// A rules file shipping 1 CFR 18.4's paragraphs `provisions` (id suffix, wording), one a line
    /// from line 4 on.
    static func shipped(_ provisions: [(String, String)]) throws -> (graph: ClauseGraph, file: String) {
        let folder = try TemporaryFolder.make("formats").path
        let file = folder + "/t18.xml"
        let lines = provisions.map { id, wording in
            let path = id.split(separator: ".").map { "(\($0))" }.joined()
            return "<provision id=\"us.t18.\(id)\" citation=\"1 CFR 18.4\(path)\" evidence=\"verified\" eid=\"18.4\(path)\" wording-kind=\"verbatim\"><wording>\(wording)</wording></provision>"
        }
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1" version="1">
            <instrument id="us.t18" jurisdiction="US" kind="cfr-part"><title>t</title><official-id scheme="cfr">1 CFR Part 18</official-id>
            \(lines.joined(separator: "\n"))
            </instrument>
            </rules>
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let loaded = RegulationsLoader().load(directories: [folder], schemaPath: Corpus.schema)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
        return (loaded.graph, file)
    }
}
