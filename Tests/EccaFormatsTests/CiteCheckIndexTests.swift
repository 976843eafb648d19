@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// What the indexes `cite-check` builds when it loads an official text must keep of the walks they
/// replaced: every locator form finds what it found, copies of a unit printed twice are all found,
/// and an instruction is weighed against every provision it may change.
@Suite struct CiteCheckIndexTests {
    static let act = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ACT><ENACTING.TERMS>
        <ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART>
        <PARAG IDENTIFIER="001.001"><NO.PARAG>1.</NO.PARAG><ALINEA><P>Lead-in:</P><LIST>
        <ITEM><NP><NO.P>(a)</NO.P><TXT>alpha point</TXT></NP><P><LIST><ITEM><NP><NO.P>(i)</NO.P><TXT>nested romanette</TXT></NP></ITEM></LIST></P></ITEM>
        <ITEM><NP><NO.P>(i)</NO.P><TXT>own point i</TXT></NP></ITEM>
        </LIST></ALINEA><ALINEA>Second subparagraph of paragraph one.</ALINEA></PARAG>
        <PARAG IDENTIFIER="001.002"><NO.PARAG>2.</NO.PARAG><ALINEA>Paragraph two.</ALINEA></PARAG>
        </ARTICLE>
        <ARTICLE IDENTIFIER="002"><TI.ART>Article 2</TI.ART><ALINEA>First unnumbered.</ALINEA>
        <SUBDIV><TITLE><TI><P>A. Group</P></TI></TITLE><ALINEA>Second unnumbered, in a group.</ALINEA></SUBDIV>
        <ALINEA><P>Definitions:</P><LIST><ITEM><NP><NO.P>(1)</NO.P><TXT>first term</TXT></NP></ITEM>
        <ITEM><NP><NO.P>(2)</NO.P><TXT>second term</TXT></NP></ITEM><ITEM><NP><NO.P>(2)</NO.P><TXT>second term again</TXT></NP></ITEM></LIST>
        <QUOT.S LEVEL="1"><ARTICLE IDENTIFIER="003"><TI.ART>Article 3</TI.ART><ALINEA>Quoted from another act.</ALINEA></ARTICLE></QUOT.S></ALINEA>
        </ARTICLE>
        <ARTICLE IDENTIFIER="003"><TI.ART>Article 3</TI.ART><ALINEA>Printed once.</ALINEA></ARTICLE>
        <ARTICLE IDENTIFIER="003"><TI.ART>Article 3</TI.ART><ALINEA>Printed twice.</ALINEA></ARTICLE>
        </ENACTING.TERMS></ACT>
        """

    @Test func everyLocatorFormFindsItsUnitAndEveryCopy() throws {
        let file = try TemporaryFolder.make("citeindex").appendingPathComponent("act.fmx.xml")
        try Self.act.write(to: file, atomically: true, encoding: .utf8)
        let formex = try FormexText.load(actPath: file.path)
        #expect(formex.text(at: "001.002") == "Paragraph two.")
        #expect(formex.text(at: "001")?.hasPrefix("1. Lead-in:") == true)
        // A paragraph's own point (i), not the romanette nested in its point (a); that one by its path.
        #expect(formex.text(at: "001.001(i)")?.contains("own point i") == true)
        #expect(formex.text(at: "001.001(i)")?.contains("nested") == false)
        #expect(formex.text(at: "001.001(a)(i)")?.contains("nested romanette") == true)
        #expect(formex.text(at: "001.001(a)")?.contains("alpha point") == true)
        // Subparagraphs, in a group or not; a point of an article without paragraphs.
        #expect(formex.text(at: "001.001~2") == "Second subparagraph of paragraph one.")
        #expect(formex.text(at: "002~2") == "Second unnumbered, in a group.")
        #expect(formex.text(at: "002~4") == nil)
        #expect(formex.text(at: "002(1)")?.contains("first term") == true)
        #expect(formex.text(at: "001.003") == nil)
        #expect(formex.text(at: "004") == nil)
        // Units printed twice: both copies, in order; an article quoted from another act is not one.
        #expect(formex.repeatedTexts(at: "003").map(\.text) == ["Printed once.", "Printed twice."])
        #expect(formex.repeatedTexts(at: "002(2)").count == 2)
        #expect(formex.repeatedTexts(at: "001.001(i)").isEmpty)
    }

    /// A Federal Register instruction is weighed only against provisions of the section it can reach
    /// (`ChangeIndex`): wherever `AmendmentReach.changes` finds a change, that section is the path's.
    @Test func anInstructionIsIndexedUnderEverySectionItChanges() {
        let targets: [(Amendment.Target, adding: Bool)] = [
            (Amendment.Target(kind: .paragraph, section: "734.13", paragraph: "(a)(2)"), false),
            (Amendment.Target(kind: .paragraph, section: "734.13", paragraph: "(a)(2)"), true),
            (Amendment.Target(kind: .section, section: "734.13"), false),
            (Amendment.Target(kind: .introductoryText, section: "744.23", paragraph: "(a)(2)"), false),
            (Amendment.Target(kind: .definition, section: "772.1", detail: "Foreign person"), false),
            (Amendment.Target(kind: .note, detail: "Note 1 to ECCN 4E091", within: "supplement No. 1 to part 774, Category 4"), false),
            (Amendment.Target(kind: .eccn, detail: "4E091", within: "supplement No. 1 to part 774, Category 4"), false),
            (Amendment.Target(kind: .appendix, detail: "supplement No. 4 to part 744"), false),
            (Amendment.Target(kind: .paragraphRange, section: "740.2", paragraph: "(a)(12)", through: "(a)(14)"), false),
            (Amendment.Target(kind: .sectionRange, section: "734.1", through: "734.5"), false),
        ]
        let paths = ["734.13", "734.13(a)", "734.13(a)(2)", "734.13(a)(2)(i)", "734.1", "734.3(b)", "744.23(a)", "744.23(a)(2)(i)",
                     "772.1", "772.1 (foreign person)", "772.1 (foreign person)(1)", "740.2", "740.2(a)(13)(i)",
                     "Supplement No. 1 to Part 774", "Supplement No. 1 to Part 774, ECCN 4E091", "Supplement No. 1 to Part 774, ECCN 4E091, Note 1",
                     "Supplement No. 4 to Part 744", "Supplement No. 4 to Part 744, CHINA"]
        for (target, adding) in targets {
            let section = AmendmentReach.section(reachedBy: target, adding: adding)
            for path in paths where AmendmentReach.changes(target, path: path, adding: adding) == true {
                #expect(section == nil || section == AmendmentReach.section(ofKey: CitationChecker.key(path)), "\(target) \(path)")
            }
        }
        #expect(AmendmentReach.section(reachedBy: Amendment.Target(kind: .sectionRange, section: "734.1", through: "734.5"), adding: false) == nil)
        #expect(AmendmentReach.section(reachedBy: Amendment.Target(kind: .definition, section: "772.1", detail: "Foreign person"), adding: false) == "772.1")
    }
}
