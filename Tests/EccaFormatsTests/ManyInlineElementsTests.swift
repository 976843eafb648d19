import ClauseGraph
@testable import EccaFormats
import Testing

/// A paragraph holding thousands of inline elements (a converter that sets every word in italics,
/// or marks every word with a superscript: QA robust6, finding 2) is read as any other. Its
/// italic runs are looked up by halving and a superscript's "does it open its block?" stops at the
/// first text, so the reading time grows with the paragraph, not with its square (measured, not
/// tested here: 80,000 `x<SU>1</SU>` in one paragraph took 290 s, now under 3 s in a debug
/// build). These tests hold what the faster lookups must still find. Hand-made fixtures.
@Suite struct ManyInlineElementsTests {
    private func section(_ paragraphs: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="1.162-4" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2024-01-01/title-26/section-1.162-4&quot;,&quot;citation&quot;:&quot;26 CFR 1.162-4&quot;}">
        <HEAD>§ 1.162-4 Repairs.</HEAD>
        \(paragraphs)
        </DIV8>
        """
    }

    @Test func adjacentItalicRunsAreOneHeadingAndItalicMarkersAreFound() throws {
        let runs = Array(repeating: "<I>Word</I>", count: 2_000).joined(separator: " ")
        let file = try Corpus.fixture("v-1.162-4-italics.xml", section("""
            <P>(a) \(runs) Text of (a).</P>
            <P>(1) <I>One.</I> <I>Two.</I> Text of (1).</P>
            <P><I>(i)</I> Text of (i), a marker set in italics.</P>
            <P>(ii) Plain <I>words</I> in (ii).</P>
            """))
        let imported = try Corpus.collect([file])
        #expect(imported.provisions.map(\.canonicalID) == ["1.162-4", "1.162-4(a)", "1.162-4(a)(1)", "1.162-4(a)(1)(i)", "1.162-4(a)(1)(ii)"])
        #expect(imported.provision("1.162-4(a)")?.heading == Array(repeating: "Word", count: 2_000).joined(separator: " "))
        #expect(imported.provision("1.162-4(a)(1)")?.heading == "One. Two")
        #expect(imported.provision("1.162-4(a)(1)(i)")?.heading == nil)
        #expect(imported.provision("1.162-4(a)(1)(ii)")?.heading == nil)
        #expect(imported.provision("1.162-4(a)(1)(ii)")?.wording == "(ii) Plain words in (ii).")
    }

    @Test func manySuperscriptsInOneParagraphAreEachReadByTheRule() throws {
        let marks = Array(repeating: "x <SU>1</SU>", count: 2_000).joined(separator: " ")
        let file = try Corpus.fixture("v-1.162-4-superscripts.xml", section("""
            <P>(a) \(marks) 10<SU>25</SU> operations.</P>
            """))
        let imported = try Corpus.collect([file])
        // Footnote marks with no note are left out, the power after a number is kept.
        #expect(imported.provision("1.162-4(a)")?.wording == "(a) " + Array(repeating: "x", count: 2_000).joined(separator: " ") + " 10^25 operations.")
    }
}
