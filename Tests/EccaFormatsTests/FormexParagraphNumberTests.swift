import ClauseGraph
import EccaFormats
import Foundation
import Testing

/// A Formex paragraph whose `IDENTIFIER` names another number than the one it prints is cited as
/// printed, and said to disagree (importer QA 2026-12-07, M1: 092.003 printed "4." took Art.
/// 92(4)'s id in silence, and the real paragraph 4 was the one renamed and marked).
@Suite struct FormexParagraphNumberTests {
    @Test func aParagraphPrintedWithAnotherNumberThanItsIdentifierIsReported() throws {
        guard Corpus.available(Corpus.formexAct) else { return }
        let act = try String(contentsOfFile: Corpus.formexAct, encoding: .utf8)
        let renumbered = act.replacingOccurrences(of: #"<PARAG IDENTIFIER="092.003"><NO.PARAG>3.</NO.PARAG>"#,
                                                  with: #"<PARAG IDENTIFIER="092.003"><NO.PARAG>4.</NO.PARAG>"#)
        #expect(renumbered != act)
        let file = try Corpus.fixture("L_202401689EN.000101.fmx.xml", renumbered)
        let imported = try Corpus.collect([file])
        let printed = try #require(imported.provisions.first { $0.sourceID == "092.003" })
        #expect(printed.citation == "Art. 92(4)")
        #expect(printed.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "Its IDENTIFIER (092.003) names paragraph 3, but it is printed as paragraph 4, which is how ecca cites it: one of the two is wrong. Check the official text.",
        ])
        #expect(imported.diagnostics.first?.description == "\(file):1: warning: Art. 92(4): the paragraph whose IDENTIFIER is 092.003 (paragraph 3) is printed as paragraph 4; ecca cites it as printed [Art. 92(4)]")
        #expect(imported.summary.instruments.first?[.misnumberedParagraphs] == 1)
        // The real act's 500 paragraphs all print the number their identifier names.
        #expect(try Corpus.collect([Corpus.formexAct]).summary.instruments.first?[.misnumberedParagraphs] == 0)
    }
}
