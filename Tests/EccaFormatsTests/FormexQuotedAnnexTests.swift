import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// An amending act's annex that is one quotation of another act's annex (the Annex of Reg.
/// 2026/1744 = the new Annex XIV of Reg. 2024/1689) is quoted text, as a `QUOT.S` is: not the
/// act's own provisions, left out as "…" with a note and a count; its quotation mark is no part of
/// an annex number (QA fmx3 #3). Read without its act, nothing says the act's kind (QA fmx3 #6).
@Suite struct FormexQuotedAnnexTests {
    @Test func anAnnexThatIsOneQuotationIsLeftOutAsQuotedText() throws {
        let path = try Corpus.fixture(OmnibusAnnex.name, OmnibusAnnex.annex())
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.canonicalID) == ["anx"])
        let annex = try #require(imported.provision("anx"))
        #expect(annex.citation == "Annex")
        #expect(annex.sourceID == "ANNEX")
        #expect(annex.heading == nil)
        #expect(annex.wording == "…")
        #expect(annex.notes.map(\.text) == [
            "The whole of this annex is a quotation of another act's text (from its title, ‘Annex XIV, to its end): text this act inserts in the act it amends, not this act's own provisions. It is shown as “…”; its groups and points are not imported. Read them in the amended act (its consolidated text).",
        ])
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary[.quotedAnnexes] == 1)
        #expect(imported.summary.rendered.contains("  1 annex quoting another act's text left out\n"))
        #expect(imported.diagnostics.isEmpty)
        // cite-check reads the annex by the same locator, and the elided wording matches it.
        let text = try FormexText.load(annexPaths: [path])
        let official = try #require(text.text(at: "ANNEX"))
        #expect(official.hasPrefix("‘Annex XIV") == false)  // the title is not the annex's CONTENTS
        #expect(official.hasSuffix("referred to in Article 29.’."))
        #expect(CitationChecker.matches(shipped: annex.wording, official: official))
        #expect(FormexText.AnnexTitle(try #require(text.annexes["ANNEX"]?.element("TITLE"))).quotation == "‘Annex XIV")
    }

    @Test func aLoneAnnexDoesNotGuessTheKindOfItsAct() throws {
        let path = try Corpus.fixture(OmnibusAnnex.name, OmnibusAnnex.annex())
        let instrument = try #require(try Corpus.collect([path]).instruments.first?.instrument)
        #expect(instrument.id == "eu.act-2026-1744")
        #expect(instrument.kind == .other)
        #expect(instrument.title == "Act 2026/1744 (an annex read without its act: the kind of act is not known)")
        #expect(instrument.notes.map(\.text).contains("The files read do not say which kind of act this is (the package manifest, whose LEGAL.VALUE gives it, was not read); its kind is given as “other”."))
    }

    /// An act given alone, without a manifest and without a `TITLE`, is as unknown in kind as a lone
    /// annex, but it is no annex: its title does not say it is one.
    @Test func anUntitledActReadAloneIsNotCalledAnAnnex() throws {
        let path = try Corpus.fixture("untitled.fmx.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <ACT><BIB.INSTANCE><NO.DOC><NO.CURRENT>1744</NO.CURRENT><YEAR>2026</YEAR></NO.DOC></BIB.INSTANCE>
            <ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA>Text.</ALINEA></ARTICLE></ENACTING.TERMS></ACT>
            """)
        let instrument = try #require(try Corpus.collect([path]).instruments.first?.instrument)
        #expect(instrument.kind == .other)
        #expect(instrument.title == "Act 2026/1744")
        #expect(instrument.notes.map(\.text).contains("The files read do not say which kind of act this is (the package manifest, whose LEGAL.VALUE gives it, was not read); its kind is given as “other”."))
    }

    /// Hand-made from the real annex with its closing mark removed: the quotation is reported, not guessed at.
    @Test func aQuotationThatDoesNotCloseIsReported() throws {
        let groups = OmnibusAnnex.groups.replacingOccurrences(of: #"<QUOT.END CODE="2019" ID="QE0001" REF.START="QS0001"/>"#, with: "")
        #expect(groups != OmnibusAnnex.groups)
        let path = try Corpus.fixture(OmnibusAnnex.name, OmnibusAnnex.annex(groups: groups))
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.canonicalID) == ["anx"])
        #expect(imported.provision("anx")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The quotation that opens this annex's title (‘Annex XIV) never closes in the annex; the whole annex is left out as quoted text all the same. Check the official text.",
        ])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):1: warning: the quotation that opens the title of the annex (‘Annex XIV) never closes in the annex; the annex is left out as quoted text [anx]",
        ])
    }

    /// The same annex as an act's own (its quotation milestone removed, as the QA copy
    /// `mut/annex-noquote.xml` did): its number is XIV, and a lettered group below a numbered one
    /// is cited as the EU cites it, "point 3(a)", never "point 3, a".
    @Test func aLetteredGroupBelowANumberedGroupIsCitedAsItsLetter() throws {
        let title = OmnibusAnnex.quotedTitle.replacingOccurrences(of: #"<QUOT.START CODE="2018" ID="QS0001" REF.END="QE0001"/>"#, with: "")
        let groups = OmnibusAnnex.groups.replacingOccurrences(of: #"<QUOT.END CODE="2019" ID="QE0001" REF.START="QS0001"/>"#, with: "")
        let path = try Corpus.fixture(OmnibusAnnex.name, OmnibusAnnex.annex(title: title, groups: groups))
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.canonicalID) == ["anx_XIV", "anx_XIV__sec_1", "anx_XIV__sec_3", "anx_XIV__sec_3__sec_a", "anx_XIV__sec_4"])
        #expect(imported.provisions.map(\.citation) == ["Annex XIV", "Annex XIV, point 1", "Annex XIV, point 3", "Annex XIV, point 3(a)", "Annex XIV, point 4"])
        #expect(imported.provision("anx_XIV__sec_3__sec_a")?.heading == "Symbolic AI and expert systems")
        #expect(imported.summary.instruments.first?[.quotedAnnexes] == 0)
    }
}
