import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// An element in a CFR section that ecca has no rule for keeps its text as wording (nothing is
/// lost) but is never passed off as read: a warning names it and its line, and the provision its
/// text joins is marked unresolved (QA 2026-12-07, M6: a `<WEIRD>` wrapping `(b)` had joined
/// (a)'s verified wording in silence).
@Suite struct CFRUnknownElementTests {
    /// `<WEIRD>` wraps a marked paragraph: its text joins (a), which is noted, and (a)(1) is not
    /// a provision. `<NOTICE>` before any marker joins the section's own wording. Known elements
    /// (a flush paragraph, a heading, a table, an extract) and unknown inline markup inside a `P`
    /// (`<FOO>`) are read as before, without a word.
    @Test func anUnknownElementIsWarnedOfAndItsProvisionMarkedUnresolved() throws {
        let file = try Corpus.fixture("v-1.1.xml", CFRFlushParagraphTests.versioner("1.1", """
            <NOTICE>Published for comment.</NOTICE>
            <P>(a) Text with <FOO>inline words</FOO> in it.</P>
            <WEIRD><P>(1) Inside a wrapper.</P></WEIRD>
            <FP>A flush line.</FP>
            <HD1>A heading</HD1>
            <P>(b) Last.</P>
            <EXTRACT><P>A quoted line.</P></EXTRACT>
            """))
        let imported = try Corpus.collect([file])
        #expect(imported.provision("1.1(a)")?.wording == "(a) Text with inline words in it. (1) Inside a wrapper. A flush line. A heading")
        #expect(imported.provision("1.1(a)(1)") == nil)
        #expect(imported.provision("1.1(b)")?.wording == "(b) Last. A quoted line.")
        #expect(imported.provision("1.1")?.wording.hasPrefix("Published for comment. (a) Text with") == true)
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):4: warning: § 1.1: the element <NOTICE> is not one ecca reads in a CFR section; its text is kept in the wording of § 1.1, with no paragraph of its own read from it [1.1]",
            "\(file):6: warning: § 1.1(a): the element <WEIRD> is not one ecca reads in a CFR section; its text is kept in the wording of § 1.1(a), with no paragraph of its own read from it [1.1(a)]",
        ])
        #expect(imported.provision("1.1(a)")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The wording of this provision includes the text of an element <WEIRD> (line 6 of the official file) that ecca does not read: any paragraph it holds is not a provision of its own, and its text may not belong here. Check the official text.",
        ])
        #expect(imported.provision("1.1")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The wording of this provision includes the text of an element <NOTICE> (line 4 of the official file) that ecca does not read: any paragraph it holds is not a provision of its own, and its text may not belong here. Check the official text.",
        ])
        #expect(imported.provision("1.1(b)")?.notes.filter { $0.kind == .unresolved } == [])
        #expect(imported.summary.instruments.first?[.unknownSectionElements] == 2)
    }

    /// The corpus's CFR and Federal Register files hold no element the reader does not know: none is warned of.
    @Test func theCorpusCFRFilesHaveNoUnknownElement() throws {
        let files = [Corpus.ecfrBulk, Corpus.ecfrVersioner, Corpus.cfrAnnual, Corpus.federalRegister].filter { Corpus.available($0) }
        guard !files.isEmpty else { return }
        for file in files {
            let imported = try Corpus.collect([file])
            #expect(imported.summary.instruments.allSatisfy { $0[.unknownSectionElements] == 0 }, "\(file)")
            #expect(!imported.diagnostics.contains { $0.message.contains("is not one ecca reads") }, "\(file)")
        }
    }
}
