import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// Ids minted twice in one import: two texts with one instrument id, a unit printed twice, two
/// provisions of a unit with one id. The later is told apart by a suffix (`-2`), and that is never
/// silent: a warning naming both places, a count in the summary, and an unresolved note on what
/// was renamed, saying the id it would have had.
@Suite struct IDCollisionTests {
    /// `ecca import FILES -o OUT`: the diagnostics as printed, the summary, and the rules file.
    private func run(_ files: [String]) throws -> (diagnostics: [String], summary: String, rules: String) {
        let output = try TemporaryFolder.make("formats").path + "/out.rules.xml"
        let result = try OfficialImporter().run(files: files, output: output)
        return (result.diagnostics.map(\.description), result.summary.rendered, try String(contentsOfFile: output, encoding: .utf8))
    }

    /// The notes of kind `unresolved` on the rules-file element that opens with `start`.
    private func unresolvedNotes(of start: String, in rules: String) -> [String] {
        guard let open = rules.range(of: start) else { return ["(no \(start))"] }
        let rest = rules[open.lowerBound...]
        let element = rest.range(of: "</provision>").map { rest[..<$0.upperBound] } ?? rest
        return element.matches(of: #/<note kind="unresolved">([^<]*)</note>/#).map { String($0.1) }
    }

    /// Two UK Lawmaker files whose FRBR identification is the drafting tool's placeholders
    /// (`#varWorkUri`, `#varProjectId`) and whose references do not resolve them: each id is minted
    /// from its file's name, and two files of one name in two folders mint one id (`akn.uksi`). Each
    /// file's own warning is counted with it, not with the file read before it. The identification
    /// and article 1 of each are verbatim from legislation/tna.legislation.transformations.akn,
    /// `akn2clml/tests/Data/Pass/PASS-uksi-2023-425.xml` (@1e506357) and
    /// `akn2clml/tests/Data/Valid/VALID-uksi-2023-43.xml` (@1980241e), GUIDs and processing
    /// instructions left out.
    @Test func twoTextsWithOneInstrumentIDAreReported() throws {
        func lawmaker(_ name: String, _ article: String) throws -> String {
            try Corpus.fixture(name, """
                <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
                <act contains="originalVersion" name="uksi"><meta><identification source="#ldapp"><FRBRWork><FRBRthis value="#varWork" /><FRBRuri value="#varWorkUri" /><FRBRdate date="9999-01-01" name="uksi" /><FRBRauthor href="#varAuthor" /><FRBRcountry value="GB-SCT" /><FRBRnumber value="#varProjectId" /><FRBRname value="#varSITitle" /></FRBRWork></identification></meta>
                <body>\(article)</body></act></akomaNtoso>
                """)
        }
        let first = try lawmaker("uksi.xml", """
            <article class="prov1" eId="art_1"><heading eId="art_1__hdg">Citation, commencement and extent</heading><num>1.</num><paragraph class="prov2" eId="art_1__para_1"><num>(1)</num><content><p>This Order may be cited as the Safety of Sports Grounds (Designation) (Amendment) (England) (No. 2) Order 2023 and comes into force on 8th May 2023.</p></content></paragraph></article>
            """)
        let second = try lawmaker("uksi.xml", """
            <article class="prov1" eId="art_1"><heading eId="art_1__hdg">Citation, commencement and extent</heading><num>1.</num><paragraph class="prov2" eId="art_1__para_1"><num>(1)</num><content><p>This Order may be cited as the Energy Act 2004 (Assistance for Areas with High Distribution Costs) (Amendment) Order 2023 and comes into force on 1st April 2023.</p></content></paragraph></article>
            """)
        let imported = try run([first, second])
        #expect(imported.diagnostics == [
            "\(first):1: warning: the file's FRBR identification is UK Lawmaker placeholders (FRBRthis #varWork → nothing, FRBRuri #varWorkUri → nothing, FRBRnumber #varProjectId → nothing, FRBRname #varSITitle → nothing) and it names no series, year and number (act/@name, varSIYear, varSINoComp): the placeholders are not used as the instrument id; it is minted from the file's name, akn.uksi, and changes if the file is renamed (give --instrument-id to fix it)",
            "\(second):1: warning: the file's FRBR identification is UK Lawmaker placeholders (FRBRthis #varWork → nothing, FRBRuri #varWorkUri → nothing, FRBRnumber #varProjectId → nothing, FRBRname #varSITitle → nothing) and it names no series, year and number (act/@name, varSIYear, varSINoComp): the placeholders are not used as the instrument id; it is minted from the file's name, akn.uksi, and changes if the file is renamed (give --instrument-id to fix it)",
            "\(second):1: warning: this text mints the instrument id akn.uksi, which the text at \(first):1 was already given in this import: it is written as akn.uksi-2, and its provisions' ids with it [akn.uksi-2]",
        ])
        #expect(imported.summary == """
            \(first): akn → akn.uksi: uksi
              2 provisions: 1 article, 1 paragraph
              1 warning, 0 notes
            \(second): akn → akn.uksi-2: uksi
              2 provisions: 1 article, 1 paragraph
              1 id minted twice, the second told apart by a suffix (marked unresolved)
              2 warnings, 0 notes

            """)
        #expect(imported.rules.contains(#"<provision id="akn.uksi-2.art1.1" citation="article 1(1)""#))
        let header = try #require(imported.rules.range(of: #"<instrument id="akn.uksi-2""#))
        #expect(imported.rules[header.lowerBound...].firstMatch(of: #/<note kind="unresolved">([^<]*)</note>/#).map { String($0.1) }
            == "This text would have had the id akn.uksi, which another text imported with it already has (\(first):1): two texts were given one name. It and its provisions are written with the id akn.uksi-2 instead. Check which text each is.")
    }

    /// Two instructions of one rule printed with one number (a misnumbered rule: "2." twice) are
    /// both `amd_2`: the second's rules id is told apart, and that is said with both places.
    /// (Hand-made in the GPO shape of the corpus's Federal Register excerpt; no such rule is known.)
    @Test func twoInstructionsWithOneNumberAreReported() throws {
        let file = try Corpus.fixture("fr-twice.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <FEDREG><VOL>89</VOL><NO>39</NO><DATE>Tuesday, February 27, 2024</DATE>
            <RULES><RULE><PREAMB><PRTPAGE P="14403"/>
            <AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY><CFR>15 CFR Part 744</CFR>
            <SUBJECT>Revisions to the Entity List</SUBJECT>
            <EFFDATE><HD SOURCE="HED">DATES:</HD><P>This rule is effective February 27, 2024.</P></EFFDATE>
            </PREAMB><SUPLINF>
            <REGTEXT TITLE="15" PART="744">
            <AMDPAR>2. Section 744.1 is amended by removing paragraph (c).</AMDPAR>
            </REGTEXT>
            <REGTEXT TITLE="15" PART="744">
            <AMDPAR>2. Section 744.2 is amended by removing paragraph (d).</AMDPAR>
            </REGTEXT>
            </SUPLINF><FRDOC>[FR Doc. 2024-03674 Filed 2-26-24; 8:45 am]</FRDOC></RULE></RULES></FEDREG>
            """)
        let imported = try run([file])
        #expect(imported.diagnostics == [
            "\(file):12: warning: 89 FR 14403, amendatory instruction 2 is numbered or named as the provision at \(file):9 is: its id us.fr-2024-03674.amd2 is taken, so it is written as us.fr-2024-03674.amd2-2, as are the ids of any provisions below it [us.fr-2024-03674.amd2-2]",
        ])
        #expect(imported.summary == """
            \(file): fr-rule → us.fr-2024-03674: Revisions to the Entity List
              3 provisions: 2 amendments, 1 preamble item
              2 amendments read, 1 id minted twice, the second told apart by a suffix (marked unresolved)
              1 warning, 0 notes

            """)
        #expect(unresolvedNotes(of: #"<provision id="us.fr-2024-03674.amd2-2""#, in: imported.rules) == [
            "This provision would have had the id us.fr-2024-03674.amd2, which the provision at line 9 of the official file already has: the two were given one number or name. It is written as us.fr-2024-03674.amd2-2 instead, as are the ids of any provisions below it. Check the official text.",
        ])
        #expect(unresolvedNotes(of: #"<provision id="us.fr-2024-03674.amd2""#, in: imported.rules) == [])
    }

    /// Many paragraphs cited alike (QA scale F5): each gets its own suffix in order (`-2` … `-15`),
    /// and the warning and every note name the first ten lines, the last and how many, not all of
    /// them (12,500 notes naming 12,500 lines each took gigabytes; finding each suffix by counting
    /// up from `-2` took minutes). Paragraph numbers of more than three digits are numbers
    /// (QA scale F1: from (1000) the section fell back to marker kinds, and (100000) was no marker).
    @Test func manyParagraphsCitedAlikeAndLongNumbers() throws {
        let alike = (1...15).map { "<P>(a) Copy \($0).</P>" }.joined(separator: "\n")
        let long = (1...1002).map { "<P>(\($0)) Item \($0).</P>" }.joined(separator: "\n")
        let file = try Corpus.fixture("ECFR-title15-alike.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS><DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15</HEAD>
            <DIV8 N="§ 9.4" TYPE="SECTION"><HEAD>§ 9.4   Alike.</HEAD>
            \(alike)
            </DIV8>
            <DIV8 N="§ 9.5" TYPE="SECTION"><HEAD>§ 9.5   Long.</HEAD>
            <P>(a) Items:</P>
            \(long)
            </DIV8>
            </DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """)
        let imported = try run([file])
        let lines = "lines 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, … and 19, 15 in all"
        #expect(imported.diagnostics.first == "\(file):5: warning: § 9.4: 15 paragraphs (\(lines)) are all cited § 9.4(a); their citations are kept, their ids told apart by a suffix [9.4(a)]")
        let ids = imported.rules.matches(of: #/<provision id="([^"]+)"/#).map { String($0.1) }
        #expect(ids.filter { $0.hasPrefix("us.cfr-15.9.4.a") } == ["us.cfr-15.9.4.a"] + (2...15).map { "us.cfr-15.9.4.a-\($0)" })
        #expect(unresolvedNotes(of: #"<provision id="us.cfr-15.9.4.a-15""#, in: imported.rules).first
                == "15 paragraphs of § 9.4 (at \(lines) of the official file) read as § 9.4(a): this citation does not tell them apart. Check the official text.")
        #expect(ids.filter { $0.hasPrefix("us.cfr-15.9.5") } == ["us.cfr-15.9.5", "us.cfr-15.9.5.a"] + (1...1002).map { "us.cfr-15.9.5.a.\($0)" })
        #expect(unresolvedNotes(of: #"<provision id="us.cfr-15.9.5.a.1001""#, in: imported.rules) == [])
    }

    /// A CFR section printed twice in one file, and two terms whose ids fold alike ("End user",
    /// "End-user") though their citations differ, are reported by the writer; two paragraphs
    /// cited alike keep the section reader's report (docs/importers.md: "only their rules-file ids
    /// are told apart by a `-2`") and get no second one. (Hand-made, in the bulk eCFR shape of
    /// EcfrImportTests: the corpus has none of these.)
    @Test func aSectionPrintedTwiceAndTermsFoldedAlikeAreReported() throws {
        let file = try Corpus.fixture("ECFR-title15-twice.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS><DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15</HEAD>
            <DIV8 N="§ 9.1" TYPE="SECTION"><HEAD>§ 9.1   Scope.</HEAD>
            <P>(a) First.</P>
            </DIV8>
            <DIV8 N="§ 9.1" TYPE="SECTION"><HEAD>§ 9.1   Scope.</HEAD>
            <P>(a) First, as amended.</P>
            </DIV8>
            <DIV8 N="§ 9.2" TYPE="SECTION"><HEAD>§ 9.2   Definitions.</HEAD>
            <P><I>End user</I> means the person abroad that receives and ultimately uses the item.</P>
            <P><I>End-user</I> means a user at the end.</P>
            </DIV8>
            <DIV8 N="§ 9.3" TYPE="SECTION"><HEAD>§ 9.3   Restarted.</HEAD>
            <P>(a) First.</P>
            <P>(b) Second.</P>
            <P>(a) A first again.</P>
            </DIV8>
            </DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """)
        let imported = try run([file])
        #expect(imported.diagnostics == [
            "\(file):15: warning: § 9.3: 2 paragraphs (lines 15 and 17) are all cited § 9.3(a); their citations are kept, their ids told apart by a suffix [9.3(a)]",
            "\(file):14: warning: § 9.3: the paragraph markers do not follow the CFR levels (a)(1)(i)(A); levels were taken from the marker kinds, and every provision of the section is marked unresolved [9.3]",
            "\(file):7: warning: 15 CFR 9.1 is numbered or named as the provision at \(file):4 is: its id us.cfr-15.9.1 is taken, so it is written as us.cfr-15.9.1-2, as are the ids of any provisions below it [us.cfr-15.9.1-2]",
            "\(file):12: warning: 15 CFR 9.2, “End-user” is numbered or named as the provision at \(file):11 is: its id us.cfr-15.9.2.def-End-user is taken, so it is written as us.cfr-15.9.2.def-End-user-2 [us.cfr-15.9.2.def-End-user-2]",
        ])
        #expect(imported.summary == """
            \(file): ecfr-bulk → us.cfr-15: Title 15
              11 provisions: 4 sections, 5 paragraphs, 2 definitions
              1 section whose paragraph numbers fit no CFR reading (levels from the marker kinds, marked unresolved), 2 paragraphs cited like another paragraph of their section, 2 ids minted twice, the second told apart by a suffix (marked unresolved)
              4 warnings, 0 notes

            """)
        let ids = imported.rules.matches(of: #/<provision id="([^"]+)"/#).map { String($0.1) }
        #expect(ids == ["us.cfr-15.9.1", "us.cfr-15.9.1.a", "us.cfr-15.9.1-2", "us.cfr-15.9.1-2.a", "us.cfr-15.9.2", "us.cfr-15.9.2.def-End-user",
                        "us.cfr-15.9.2.def-End-user-2", "us.cfr-15.9.3", "us.cfr-15.9.3.a", "us.cfr-15.9.3.b", "us.cfr-15.9.3.a-2"])
        #expect(unresolvedNotes(of: #"<provision id="us.cfr-15.9.1-2""#, in: imported.rules) == [
            "This provision would have had the id us.cfr-15.9.1, which the provision at line 4 of the official file already has: the two were given one number or name. It is written as us.cfr-15.9.1-2 instead, as are the ids of any provisions below it. Check the official text.",
        ])
        #expect(unresolvedNotes(of: #"<provision id="us.cfr-15.9.2.def-End-user-2""#, in: imported.rules) == [
            "This provision would have had the id us.cfr-15.9.2.def-End-user, which the provision at line 11 of the official file already has: the two were given one number or name. It is written as us.cfr-15.9.2.def-End-user-2 instead. Check the official text.",
        ])
        #expect(unresolvedNotes(of: #"<provision id="us.cfr-15.9.3.a-2""#, in: imported.rules) == [
            "2 paragraphs of § 9.3 (at lines 15 and 17 of the official file) read as § 9.3(a): this citation does not tell them apart. Check the official text.",
            "The paragraph numbering of § 9.3 does not follow the usual CFR levels (a), (1), (i), (A); the level of each of its paragraphs, and so this citation, was inferred from the kind of its number alone and may be wrong. Check the official text.",
        ])
    }
}
