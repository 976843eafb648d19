import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// Units of hundreds of same-named children: what is said of each child is counted as the
/// children come, not by looking back through its siblings (docs/importers.md, "Memory and
/// speed"; Benchmarks/wide-units.sh times it), and must say the same as before.
@Suite struct WideUnitTests {
    /// An article of 300 unnumbered paragraphs, the last two in a group of their own: each
    /// paragraph's element path names it by its place among its own parent's `ALINEA`s, so every
    /// path is different, and the group's count starts again at 1.
    @Test func theParagraphsOfAWideArticleKeepDistinctPlacesInTheirOwnParent() throws {
        let loose = (1...298).map { "<ALINEA>Paragraph \($0).</ALINEA>" }.joined()
        let article = """
            <ARTICLE IDENTIFIER="099"><TI.ART>Article 99</TI.ART>\(loose)<SUBDIV><TITLE><TI><P>Group</P></TI></TITLE>\
            <ALINEA>Paragraph 299.</ALINEA><ALINEA>Paragraph 300.</ALINEA></SUBDIV></ARTICLE>
            """
        let folder = try AntiDumpingPackage.write(act: AntiDumpingPackage.act(articles: article), manifest: false, annex: false)
        let imported = try Corpus.collect([folder + "/" + AntiDumpingPackage.actName])
        let pointers = imported.provisions.dropFirst().map(\.span.pointer)
        #expect(pointers.count == 300)
        #expect(pointers.first == "ARTICLE[@IDENTIFIER='099']/ALINEA[1]")
        #expect(pointers[297] == "ARTICLE[@IDENTIFIER='099']/ALINEA[298]")
        #expect(pointers.suffix(2) == ["ARTICLE[@IDENTIFIER='099']/SUBDIV[1]/ALINEA[1]", "ARTICLE[@IDENTIFIER='099']/SUBDIV[1]/ALINEA[2]"])
        #expect(Set(pointers).count == 300)
        #expect(imported.provision("art_99__subpara_300")?.wording == "Paragraph 300.")
    }

    /// A rule of 200 instructions, each followed by the section it revises, then a section two
    /// instructions name and one none does: a section is set out by the instructions that name it,
    /// in their order, and one no instruction names by the last instruction read.
    @Test func eachSectionOfAWideRuleIsSetOutByTheInstructionsThatNameIt() throws {
        let instructions = (1...200).map { number in
            "<AMDPAR>\(number). In § 774.\(number), revise paragraph (b) to read as follows:</AMDPAR>"
                + "<SECTION><SECTNO>§ 774.\(number)</SECTNO><SUBJECT>Section \(number).</SUBJECT><STARS/><P>(b) Text \(number).</P><STARS/></SECTION>"
        }.joined(separator: "\n")
        let path = try Corpus.fixture("FR-wide-fixture.xml", """
            <FEDREG><VOL>90</VOL><NO>9</NO><DATE>Wednesday, January 15, 2025</DATE>
            <RULES><RULE><PREAMB><AGENCY TYPE="N">DEPARTMENT OF COMMERCE</AGENCY><CFR>15 CFR Part 774</CFR><SUBJECT>Wide fixture</SUBJECT></PREAMB>
            <SUPLINF><PRTPAGE P="4545"/><REGTEXT TITLE="15" PART="774">
            \(instructions)
            <AMDPAR>201. In § 774.1000, revise paragraph (c) to read as follows:</AMDPAR>
            <AMDPAR>202. In § 774.1000, add paragraph (d) to read as follows:</AMDPAR>
            <SECTION><SECTNO>§ 774.1000</SECTNO><SUBJECT>Section 1000.</SUBJECT><STARS/><P>(c) More text.</P><P>(d) New text.</P></SECTION>
            <SECTION><SECTNO>§ 774.999</SECTNO><SUBJECT>Not named.</SUBJECT><P>(a) Text.</P></SECTION>
            </REGTEXT></SUPLINF><FRDOC>[FR Doc. 2025-99997 Filed 1-13-25; 8:45 am]</FRDOC></RULE></RULES></FEDREG>
            """)
        let imported = try Corpus.collect([path])
        func setOutBy(_ section: String) -> [String] {
            imported.provisions.filter { $0.level == .section && $0.canonicalID == section }
                .flatMap { $0.notes.filter { $0.kind == .amendment }.map(\.text) }
        }
        #expect(setOutBy("774.150") == ["CFR text as set out by 90 FR 4544, amendatory instruction 150."])
        #expect(setOutBy("774.1000") == ["CFR text as set out by 90 FR 4544, amendatory instructions 201, 202."])
        #expect(setOutBy("774.999") == ["CFR text as set out by 90 FR 4544, amendatory instruction 202."])
    }
}
