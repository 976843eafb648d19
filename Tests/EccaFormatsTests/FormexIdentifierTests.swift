import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// An `IDENTIFIER` with white space around it (`IDENTIFIER=" 024 "`, the QA set's
/// `dtd/fmx-ident-ws.xml`) names the same article: its number, id, citation and source id are
/// those of `IDENTIFIER="024"`, and cite-check finds it (QA robust6 #12). Reg. 2016/1036 Art. 24
/// and 2(6), verbatim (`AntiDumpingPackage`), with spaces added to the identifiers.
@Suite struct FormexIdentifierTests {
    @Test func spacesAroundAnIdentifierAreNotPartOfIt() throws {
        let articles = AntiDumpingPackage.article2.replacingOccurrences(of: "IDENTIFIER=\"002.006\"", with: "IDENTIFIER=\" 002.006\n\"")
            + AntiDumpingPackage.article24.replacingOccurrences(of: "IDENTIFIER=\"024\"", with: "IDENTIFIER=\" 024 \"")
        let folder = try AntiDumpingPackage.write(act: AntiDumpingPackage.act(articles: articles))
        let imported = try Corpus.collect([folder + "/" + AntiDumpingPackage.actName])
        let article = try #require(imported.provision("art_24"))
        #expect(article.citation == "Art. 24")
        #expect(article.sourceID == "024")
        #expect(article.idPath == ["art24"])
        #expect(article.span.pointer == "ARTICLE[@IDENTIFIER='024']")
        let paragraph = try #require(imported.provision("art_2__para_6"))
        #expect(paragraph.citation == "Art. 2(6)")
        #expect(paragraph.sourceID == "002.006")
        // cite-check finds the article and paragraph by their source ids.
        let official = try FormexText.load(actPath: folder + "/" + AntiDumpingPackage.actName)
        #expect(official.text(at: "024")?.hasPrefix("Regulation (EC) No 1225/2009 is repealed.") == true)
        #expect(official.text(at: "002.006")?.hasPrefix("The amounts for selling, for general and administrative costs") == true)
    }

    /// An article printed twice in a one-line act (the QA set's `dup/L_202401689EN.000101.fmx.xml`,
    /// Art. 92 twice; here Art. 24 of Reg. 2016/1036): the warning tells the two apart by their
    /// element pointers, the second's saying it is the second, as a line cannot (QA robust6 #12).
    @Test func anArticlePrintedTwiceOnOneLineIsPointedTo() throws {
        let folder = try AntiDumpingPackage.write(act: AntiDumpingPackage.act(articles: AntiDumpingPackage.article24 + AntiDumpingPackage.article24))
        let act = folder + "/" + AntiDumpingPackage.actName
        let result = try OfficialImporter().run(files: [act], output: folder + "/out.rules.xml")
        #expect(result.diagnostics.map(\.description).contains(
            "\(act):2: warning: Art. 24 (ARTICLE[@IDENTIFIER='024'][2]) is numbered or named as the provision at \(act):2 (ARTICLE[@IDENTIFIER='024']) is: "
                + "its id eu.reg-2016-1036.art24 is taken, so it is written as eu.reg-2016-1036.art24-2, as are the ids of any provisions below it [eu.reg-2016-1036.art24-2]"),
                "\(result.diagnostics)")
        #expect(result.summary.instruments.first?.counters[.renamedIDs] == 1)
        let written = try String(contentsOfFile: folder + "/out.rules.xml", encoding: .utf8)
        #expect(written.contains("<note kind=\"editorial\">Source: line 2, ARTICLE[@IDENTIFIER='024'][2]</note>"))
        #expect(written.contains("which the provision at line 2 (ARTICLE[@IDENTIFIER='024']) of the official file already has"))
    }
}

