import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// How `cite-check` reads where an EU amending act's instructions and a Federal Register rule's
/// instructions point (QA citecheck6, findings 2 and 3).
@Suite struct AmendingTextCiteCheckTests {
    typealias Address = FormexAmendingAct.Address

    static func read(_ words: String, context: Address = Address(), quotation: String? = nil) throws -> FormexAmendingAct.Instruction {
        let quoted = try quotation.map { xml -> OfficialElement in
            let file = try TemporaryFolder.make("quotation").appendingPathComponent("q.xml")
            try xml.write(to: file, atomically: true, encoding: .utf8)
            return try FormexText.load(actPath: file.path).act
        }
        return FormexAmendingAct.instruction(words, context: context, contextText: nil, quotation: quoted, place: "Art. 1, point (1)",
                                             act: ("2024", "1689"))
    }

    /// The phrasings of EU amending acts (Regulation 2026/1744 and the Joint Practical Guide's
    /// forms): the place is read from the words before the action, so that an article the new text
    /// names is not taken for the place.
    @Test func theInstructionsOfAnAmendingActAreReadToTheirPlace() throws {
        let article113 = Address(article: "113", subparagraph: 3)
        var read = try Self.read("point (a) is replaced by the following:", context: article113)
        #expect(read.target == Address(article: "113", subparagraph: 3, points: ["a"]))
        #expect(read.action == "replaced")
        #expect(!read.readInPart)

        read = try Self.read("Article 5 is replaced by the following:")
        #expect(read.target == Address(article: "5"))

        read = try Self.read("in Article 5(1), the first subparagraph, point (c) is deleted;")
        #expect(read.target == Address(article: "5", paragraph: "1", subparagraph: 1, points: ["c"]))
        #expect(read.action == "deleted")
        #expect(read.target?.description == "Article 5(1), first subparagraph, point (c)")

        // Read down to paragraph 3 only: the words replaced are not a place.
        read = try Self.read("in Article 92, paragraph 3, the words ‘Article 3’ are replaced by ‘Article 4’;")
        #expect(read.target == Address(article: "92", paragraph: "3"))
        #expect(read.readInPart)
        #expect(read.action == "replaced")

        // An added paragraph's number is its quotation's.
        read = try Self.read("the following paragraph is added:", context: Address(article: "111"),
                             quotation: #"<QUOT.S LEVEL="1"><PARAG IDENTIFIER="111.004"><NO.PARAG>4.</NO.PARAG><ALINEA>Text.</ALINEA></PARAG></QUOT.S>"#)
        #expect(read.target == Address(article: "111", paragraph: "004"))
        #expect(read.action == "added")

        // No place: not read, never guessed.
        read = try Self.read("the title is replaced by the following:")
        #expect(read.target == nil)

        // No place of its own, but one from its context (2026/1744 Art. 1(37)(a): "Article 97 is
        // amended as follows: (a) paragraphs 2 and 3 are replaced …"): read down to that place, so
        // that Art. 97(2) and 97(3) are findings, never passes (QA amend7 #2).
        read = try Self.read("paragraphs 2 and 3 are replaced by the following:", context: Address(article: "97"))
        #expect(read.target == Address(article: "97"))
        #expect(read.readInPart)
        #expect(read.action == "replaced")

        // A new article is a place of its own, from its quotation, with no article before it
        // (2026/1744 Art. 1(6), Article 4a as the OJ prints its identifier).
        read = try Self.read("the following Article is inserted:",
                             quotation: #"<QUOT.S LEVEL="1"><ARTICLE IDENTIFIER="004A"><TI.ART>Article 4a</TI.ART><PARAG IDENTIFIER="004A.001"><NO.PARAG>1.</NO.PARAG><ALINEA>Text.</ALINEA></PARAG></ARTICLE></QUOT.S>"#)
        #expect(read.target == Address(article: "004A"))
        #expect(!read.readInPart)
        #expect(read.action == "inserted")
    }

    /// A change at a place changes what holds it and what it holds; an added unit changes only what holds it.
    /// An act's year and number in either numbering: since 2015 year first, before it "No" and
    /// the number first (the AI Act amends Regulation (EC) No 300/2008, Art. 102).
    @Test func anAmendedActIsNamedInEitherNumbering() {
        #expect(FormexAmendingAct.yearAndNumber("Regulation (EU) 2024/1689").map { [$0.year, $0.number] } == ["2024", "1689"])
        #expect(FormexAmendingAct.yearAndNumber("Regulation (EC) No 300/2008").map { [$0.year, $0.number] } == ["2008", "300"])
        #expect(FormexAmendingAct.yearAndNumber("Directive 2014/90/EU").map { [$0.year, $0.number] } == ["2014", "90"])
    }

    @Test func aPlaceOverlapsWhatHoldsItAndWhatItHolds() throws {
        let point = try #require(Address(locator: "113(a)", citation: "Art. 113, third paragraph, point (a)"))
        #expect(point == Address(article: "113", subparagraph: 3, points: ["a"]))
        let target = Address(article: "113", subparagraph: 3, points: ["a"])
        #expect(target.overlaps(point))
        #expect(target.overlaps(try #require(Address(locator: "113~3", citation: "Art. 113, third paragraph"))))
        #expect(target.overlaps(try #require(Address(locator: "113", citation: "Art. 113"))))
        #expect(!target.overlaps(try #require(Address(locator: "113~1", citation: "Art. 113, first paragraph"))))
        #expect(!target.overlaps(try #require(Address(locator: "113(b)", citation: "Art. 113, third paragraph, point (b)"))))
        #expect(!Address(article: "111", paragraph: "2").overlaps(try #require(Address(locator: "111.003", citation: "Art. 111(3)"))))
        #expect(!Address(annex: "III").overlaps(try #require(Address(locator: "ANNEX XI", citation: "Annex XI"))))
        // An annex's point is placed at its annex, to which instructions are read: a change in Annex XI
        // reaches it, one in Annex III does not.
        let annexPoint = try #require(Address(locator: "ANNEX XI, Section 1, point 1(d)", citation: "Annex XI, Section 1, point 1(d)"))
        #expect(annexPoint == Address(annex: "XI"))
        #expect(Address(annex: "XI").overlaps(annexPoint))
        #expect(!Address(annex: "III").overlaps(annexPoint))
        // A point of a numbered paragraph's subparagraph, as the import mints it (`096.001(a)~1`): the
        // point 2026/1744 Art. 1(36)(a) replaces was left out of what the instruction reaches, and passed
        // (QA amend7 #1).
        let replaced = Address(article: "096", paragraph: "001", subparagraph: 1, points: ["a"])
        #expect(try #require(Address(locator: "096.001(a)~1", citation: "Art. 96(1), first subparagraph, point (a)")) == replaced)
        #expect(replaced.overlaps(try #require(Address(locator: "096.001(a)~1", citation: "Art. 96(1), first subparagraph, point (a)"))))
        #expect(!replaced.overlaps(try #require(Address(locator: "096.001(a)~2", citation: "Art. 96(1), second subparagraph, point (a)"))))
    }

    @Test func aFederalRegisterTargetChangesWhatHoldsItAndWhatItHolds() {
        let a2 = Amendment.Target(kind: .paragraph, section: "734.13", paragraph: "(a)(2)")
        #expect(AmendmentReach.changes(a2, path: "734.13(a)(2)") == true)
        #expect(AmendmentReach.changes(a2, path: "734.13(a)") == true)
        #expect(AmendmentReach.changes(a2, path: "734.13") == true)
        #expect(AmendmentReach.changes(a2, path: "734.13(a)(2)(i)") == true)
        #expect(AmendmentReach.changes(a2, path: "734.13(a)(1)") == false)
        #expect(AmendmentReach.changes(a2, path: "734.1") == false)
        // Adding (a)(2) changes what holds it only.
        #expect(AmendmentReach.changes(a2, path: "734.13(a)", adding: true) == true)
        #expect(AmendmentReach.changes(a2, path: "734.13(a)(2)", adding: true) == false)
        // An introductory text is its paragraph's own words, not its subdivisions'.
        let intro = Amendment.Target(kind: .introductoryText, section: "744.23", paragraph: "(a)(2)")
        #expect(AmendmentReach.changes(intro, path: "744.23(a)") == true)
        #expect(AmendmentReach.changes(intro, path: "744.23(a)(2)(i)") == false)
        // A range: what lies between its ends, by marker order; letters and roman numerals alike are not told apart.
        let range = Amendment.Target(kind: .paragraphRange, section: "740.2", paragraph: "(a)(12)", through: "(a)(14)")
        #expect(AmendmentReach.changes(range, path: "740.2(a)(13)(i)") == true)
        #expect(AmendmentReach.changes(range, path: "740.2(a)(15)") == false)
        #expect(AmendmentReach.changes(range, path: "740.2(a)") == true)
        let ambiguous = Amendment.Target(kind: .paragraphRange, section: "740.2", paragraph: "(i)", through: "(v)")
        #expect(AmendmentReach.changes(ambiguous, path: "740.2(x)") == true)
        // The definition in 772.1 and an ECCN's note.
        #expect(AmendmentReach.changes(Amendment.Target(kind: .definition, section: "772.1", detail: "Foreign person"), path: "772.1 (foreign person)") == true)
        let note = Amendment.Target(kind: .note, detail: "Note 1 to ECCN 4E091", within: "supplement No. 1 to part 774, Category 4")
        #expect(AmendmentReach.changes(note, path: "Supplement No. 1 to Part 774, ECCN 4E091, Note 1") == true)
        #expect(AmendmentReach.changes(note, path: "Supplement No. 1 to Part 774, ECCN 4E091, Note 2") == false)
        // A table has no CFR path: not known.
        #expect(AmendmentReach.changes(Amendment.Target(kind: .table, section: "738.4"), path: "738.4") == nil)
    }

    /// A consolidated text that lists the amending act among those it includes decides the
    /// provisions the act changes: they are compared with the consolidated wording, and the act adds
    /// no finding; the consolidated text of 2026-07-27 wins over the act's date (2026-07-08) and
    /// over the Official Journal text, whatever the order.
    @Test func aConsolidatedTextThatIncludesTheAmendingActDecides() throws {
        let (_, consolidated) = try ConsolidatedFormexTests.imported()
        let folder = try TemporaryFolder.make("amending")
        let amending = folder.appendingPathComponent("L_202601744EN.000101.fmx.xml").path
        try Self.amendingAct.write(toFile: amending, atomically: true, encoding: .utf8)
        for files in [[amending, consolidated], [consolidated, amending]] {
            let report = try CitationChecker(officialFiles: files).check(CitationCheckerTests.shipped.graph, on: .citeCheckDay)
            #expect(!report.findings.contains { $0.kind == .amended })
            #expect(report.findings.first { $0.provisionID == "eu.ai-act.art113.3.a" }?.kind == .drifted)
            // What the instruction not read did is in the consolidated text too (QA amend7 #3: it
            // stayed an error, "give the consolidated text", with the consolidated text given).
            #expect(report.unreadInstructions.isEmpty, "\(report.unreadInstructions)")
            #expect(report.fileLines.contains("\(amending): Regulation (EU) 2026/1744, Official Journal text of 2026-07-08 (the act's date: no package manifest gives its publication and entry into force); amends 2024/1689 (2 instructions): "
                                              + "covers 3 shipped provisions, decides 0; its 1 instruction not read is held by \(consolidated)"), "\(report.fileLines)")
        }
        // A consolidated text older than the act cannot hold it (QA dates7 #4): the act's
        // instructions stay findings, the one not read an error.
        let later = folder.appendingPathComponent("later/L_202601744EN.000101.fmx.xml").path
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("later").path, withIntermediateDirectories: true)
        try Self.amendingAct.replacingOccurrences(of: "20260708", with: "20260801").write(toFile: later, atomically: true, encoding: .utf8)
        let older = try CitationChecker(officialFiles: [consolidated, later]).check(CitationCheckerTests.shipped.graph, on: .citeCheckDay)
        #expect(older.findings.filter { $0.kind == .amended }.map(\.provisionID) == ["eu.ai-act.art113", "eu.ai-act.art113.3", "eu.ai-act.art113.3.c"])
        #expect(older.unreadInstructions.count == 1)
        // Alone, the act's findings.
        let report = try CitationChecker(officialFiles: [amending]).check(CitationCheckerTests.shipped.graph, on: .citeCheckDay)
        #expect(report.findings.filter { $0.kind == .amended }.map(\.provisionID) == ["eu.ai-act.art113", "eu.ai-act.art113.3", "eu.ai-act.art113.3.c"])
        #expect(report.unreadInstructions == ["\(amending): error: Regulation (EU) 2026/1744 of 2026-07-08, Art. 1, point (2): what it changes in 2024/1689 was not read (“the title is replaced by the following”): the shipped provisions it may change are not known; give the consolidated text"])
    }

    /// Art. 1 point (40)(b) of Regulation 2026/1744 (verbatim instruction, from the QA excerpt of the
    /// OJ Formex, josesiqueira/tere4ai @f880753a, data/snapshots/formex/L_202601744EN.000101.fmx.xml)
    /// and a made-up point (2) whose place is not read.
    static let amendingAct = """
        <?xml version="1.0" encoding="UTF-8"?><ACT><BIB.INSTANCE><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2026</YEAR><NO.CURRENT>1744</NO.CURRENT></NO.DOC><DATE ISO="20260708">20260708</DATE></BIB.INSTANCE>
        <TITLE><TI><P>Regulation (EU) 2026/1744 of the European Parliament and of the Council</P><P>amending Regulation (EU) 2024/1689</P></TI></TITLE>
        <ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA><P>Regulation (EU) 2024/1689 is amended as follows:</P><LIST TYPE="ARAB">
        <ITEM><NP><NO.P>(2)</NO.P><TXT>the title is replaced by the following:</TXT><P><QUOT.S LEVEL="1"><P>New title</P></QUOT.S>;</P></NP></ITEM>
        <ITEM><NP><NO.P>(40)</NO.P><TXT>in Article 113, the third paragraph is amended as follows:</TXT><P><LIST TYPE="alpha"><ITEM><NP><NO.P>(b)</NO.P><TXT>point (c) is replaced by the following:</TXT><P><QUOT.S LEVEL="1"><LIST TYPE="alpha"><ITEM><NP><NO.P>(c)</NO.P><TXT>Chapter III … shall apply from: …</TXT></NP></ITEM></LIST></QUOT.S>;</P></NP></ITEM></LIST></P></NP></ITEM>
        </LIST></ALINEA></ARTICLE></ENACTING.TERMS></ACT>
        """
}
