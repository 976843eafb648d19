import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// An article's paragraph inside an element the adapter does not read as holding paragraphs is
/// not a provision of its own; that is said (a warning, a count, a note on the article), never left
/// to a paragraph count one short (importer QA 2026-12-07, H1: Art. 92(3) wrapped in `<WEIRD>`, and
/// Directive 2014/92 Art. 3(3) in an Akoma Ntoso `hcontainer`, were missing in silence).
@Suite struct WrappedParagraphTests {
    @Test func aFormexParagraphInAnUnknownWrapperIsReported() throws {
        guard Corpus.available(Corpus.formexAct) else { return }
        let act = try String(contentsOfFile: Corpus.formexAct, encoding: .utf8)
        let wrapped = act.replacingOccurrences(of: #"<PARAG IDENTIFIER="092.003">"#, with: #"<WEIRD><PARAG IDENTIFIER="092.003">"#)
            .replacingOccurrences(of: "including source code.</ALINEA></PARAG>", with: "including source code.</ALINEA></PARAG></WEIRD>")
        #expect(wrapped.contains("</PARAG></WEIRD>"))
        let file = try Corpus.fixture("L_202401689EN.000101.fmx.xml", wrapped)
        let imported = try Corpus.collect([file])
        #expect(imported.provision("art_92__para_3") == nil)
        #expect(imported.provision("art_92__para_4") != nil)
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):1: warning: Art. 92: a paragraph (092.003) inside <WEIRD>, which ecca does not read as holding an article's paragraphs, is not imported as a provision of its own; its text is in the wording of Art. 92 [Art. 92]",
        ])
        #expect(imported.summary.instruments.first?[.wrappedParagraphs] == 1)
        #expect(imported.provision("art_92")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "A paragraph of this article (092.003) stands inside <WEIRD>, which ecca does not read as holding an article's paragraphs: it is not imported as a provision of its own, and its text is in this wording. Check the official text.",
        ])
        #expect(imported.provision("art_92")?.wording.contains("3. For the purposes of paragraph 1, the Commission may request access to the general-purpose AI model concerned") == true)
    }

    @Test func anAkomaNtosoParagraphInAnHContainerIsReported() throws {
        guard Corpus.available(Corpus.akn) else { return }
        let act = try String(contentsOfFile: Corpus.akn, encoding: .utf8)
        let open = #"<paragraph eId="chp_II__art_3__para_3.">"#
        let start = try #require(act.range(of: open))
        let close = try #require(act.range(of: "</paragraph>", range: start.upperBound..<act.endIndex))
        let wrapped = act[..<start.lowerBound] + #"<hcontainer name="weird">"# + act[start.lowerBound..<close.upperBound] + "</hcontainer>" + act[close.upperBound...]
        let file = try Corpus.fixture("32014L0092.akn", String(wrapped))
        let imported = try Corpus.collect([file])
        let article = try #require(imported.provisions.first { $0.citation == "Art. 3" })
        #expect(!imported.provisions.contains { $0.citation == "Art. 3(3)" })
        #expect(imported.provisions.contains { $0.citation == "Art. 3(4)" })
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):636: warning: Art. 3: a paragraph (chp_II__art_3__para_3.) inside <hcontainer>, which ecca does not read as holding an article's paragraphs, is not imported as a provision of its own; its text is in the wording of Art. 3 [Art. 3]",
        ])
        #expect(imported.summary.instruments.first?[.wrappedParagraphs] == 1)
        #expect(article.notes.contains { $0.kind == .unresolved && $0.text.hasPrefix("A paragraph of this article (chp_II__art_3__para_3.) stands inside <hcontainer>") })
    }

    /// The corpus's Formex and Akoma Ntoso files hold no paragraph the walk does not reach.
    @Test func theCorpusHasNone() throws {
        for file in [Corpus.formexAct, Corpus.formexManifest, Corpus.akn, Corpus.akn4eu, Corpus.leos] where Corpus.available(file) {
            let imported = try Corpus.collect([file])
            #expect(imported.summary.instruments.allSatisfy { $0[.wrappedParagraphs] == 0 }, "\(file)")
        }
    }
}
