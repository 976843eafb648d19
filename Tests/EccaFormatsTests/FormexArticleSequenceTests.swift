import ClauseGraph
import EccaFormats
import Foundation
import Testing

/// An act (not a consolidated text) numbers its articles in order: an article after one with a
/// higher number is warned of (importer QA 2026-12-07, L4: Art. 92 moved after Art. 93 imported in
/// silence).
@Suite struct FormexArticleSequenceTests {
    /// The real act with its Art. 92 cut out and put back `after` Art. 93 (or left out).
    static func act(movingArticle92 move: Bool) throws -> String {
        let act = try String(contentsOfFile: Corpus.formexAct, encoding: .utf8)
        let start = try #require(act.range(of: #"<ARTICLE IDENTIFIER="092">"#))
        let end = try #require(act.range(of: "</ARTICLE>", range: start.upperBound..<act.endIndex))
        let article = act[start.lowerBound..<end.upperBound]
        var without = act
        without.removeSubrange(start.lowerBound..<end.upperBound)
        guard move else { return without }
        let next = try #require(without.range(of: "</ARTICLE>", range: start.lowerBound..<without.endIndex))
        without.insert(contentsOf: article, at: next.upperBound)
        return without
    }

    /// A missing article is not warned of: a file may be an excerpt of its act.
    @Test func aMissingArticleIsNotWarnedOf() throws {
        guard Corpus.available(Corpus.formexAct) else { return }
        let file = try Corpus.fixture("L_202401689EN.000101.fmx.xml", try Self.act(movingArticle92: false))
        #expect(try Corpus.collect([file]).diagnostics == [])
    }

    @Test func anArticleOutOfOrderIsWarnedOf() throws {
        guard Corpus.available(Corpus.formexAct) else { return }
        let file = try Corpus.fixture("L_202401689EN.000101.fmx.xml", try Self.act(movingArticle92: true))
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.map(\.description) == ["\(file):1: warning: Art. 92 follows Art. 93: the articles are out of order [Art. 92]"])
        #expect(imported.provision("art_92__para_3") != nil)
    }

    /// The real act's 113 articles run 1 to 113 in order.
    @Test func theRealActIsInOrder() throws {
        guard Corpus.available(Corpus.formexAct) else { return }
        #expect(try !Corpus.collect([Corpus.formexAct]).diagnostics.contains { $0.message.contains("out of order") })
    }
}
