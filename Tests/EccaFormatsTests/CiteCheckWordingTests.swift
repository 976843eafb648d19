import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// How `cite-check` compares a shipped wording with the official one (QA findings citecheck6
/// 4-7): elisions anchored at whole words, paraphrases told apart from compared wordings, a
/// power's end kept, and invisible characters treated as typography.
@Suite struct CiteCheckWordingTests {
    static let shipped = RegulationsLoader().load(directories: [Corpus.regulations])

    /// 15 CFR 734.15 in the versioner shape (FORMATS.md §1.3), its (a)(1), (a)(2) and (b) as
    /// lexbuild.dev's eCFR copy prints them (the source FACTS.md cites); `leadIn` and `after` vary
    /// the lead-in and what follows (a)(2), as QA's us/leadin-734.15.xml and us/tail2-734.15.xml did.
    static func section734_15(leadIn: String, after: String = "") throws -> String {
        try Corpus.fixture("v-734.15.xml", """
            <DIV8 N="734.15" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;: &quot;15 CFR 734.15&quot;}">
            <HEAD>§ 734.15 Release.</HEAD>
            <P>(a) \(leadIn)</P>
            <P>(1) Visual or other inspection by a foreign person of items that reveals “technology” or source code subject to the EAR to a foreign person; or</P>
            <P>(2) Oral or written exchanges with a foreign person of “technology” or source code in the United States or abroad.</P>
            \(after)
            <P>(b) Any act causing the “release” of “technology” or “software,” through use of “access information” or otherwise, to yourself or another person requires an authorization to the same extent an authorization would be required to export or reexport such “technology” or “software” to that person.</P>
            </DIV8>
            """)
    }

    /// Without a leading "…" the first piece starts the text, without a trailing one the last
    /// piece ends it, and every piece is whole words.
    @Test func elidedPiecesAreAnchoredAndWholeWords() {
        let official = "(a) Except as set forth in § 734.18, release means: (1) Visual inspection of source code subject to the EAR; or (2) Oral exchanges in the United States or abroad."
        // The lead-in neither quoted nor marked left out.
        #expect(!CitationChecker.matches(shipped: "(1) Visual inspection of source code …; or (2) Oral exchanges in the United States or abroad.", official: official))
        #expect(CitationChecker.matches(shipped: "… (1) Visual inspection of source code …; or (2) Oral exchanges in the United States or abroad.", official: official))
        // A paragraph added after the last one quoted.
        #expect(!CitationChecker.matches(shipped: "… (2) Oral exchanges in the United States or abroad.", official: official + " (3) Any transfer."))
        #expect(CitationChecker.matches(shipped: "… (2) Oral exchanges in the United States or abroad. …", official: official + " (3) Any transfer."))
        // Inside a word: "source code" is not in "source codebooks", nor "10" in "10^25".
        #expect(!CitationChecker.matches(shipped: "… source code …", official: "of source codebooks subject"))
        #expect(CitationChecker.matches(shipped: "… source code …", official: "of source code subject"))
        #expect(!CitationChecker.matches(shipped: "… greater than 10 …", official: "is greater than 10^25 FLOPs"))
        #expect(!CitationChecker.matches(shipped: "… ource code …", official: "of source code subject"))
        // A later whole-word occurrence is found past one inside a word.
        #expect(CitationChecker.matches(shipped: "… code …", official: "codebooks and code"))
        // Nor inside a number or a citation (QA normal F6): `25` is not in `0.25` or `1,25`, `2`
        // not in `2.75`, `§ 734.7` not in `§ 734.7(b)`; a sentence's full stop after a number is.
        #expect(!CitationChecker.matches(shipped: "… 25 percent of the training …", official: "more than 0.25 percent of the training data"))
        #expect(!CitationChecker.matches(shipped: "… 25 percent of the training …", official: "more than 1,25 percent of the training data"))
        #expect(CitationChecker.matches(shipped: "… 25 percent of the training …", official: "more than 25 percent of the training data"))
        #expect(!CitationChecker.matches(shipped: "… more than 2 …", official: "is more than 2.75 times"))
        #expect(CitationChecker.matches(shipped: "… more than 2 …", official: "it is more than 2. Then"))
        #expect(!CitationChecker.matches(shipped: "… as defined in § 734.7 …", official: "as defined in § 734.7(b) of the EAR"))
        #expect(CitationChecker.matches(shipped: "… as defined in § 734.7 …", official: "as defined in § 734.7 (published) of the EAR"))
        #expect(!CitationChecker.matches(shipped: "… paragraph (a) …", official: "see paragraph (a)(2) below"))
        // Nor from a sign or a joiner (QA verify N3): `1/25`, `−25`, `2–25`, `1⁄25`, `§ 734.7-1`.
        for official in ["more than 1/25 percent of the training data", "more than \u{2212}25 percent of the training data",
                         "more than -25 percent of the training data", "more than 2\u{2013}25 percent of the training data",
                         "more than 1\u{2044}25 percent of the training data"] {
            #expect(!CitationChecker.matches(shipped: "… 25 percent of the training …", official: official), "\(official)")
        }
        #expect(!CitationChecker.matches(shipped: "… as defined in § 734.7 …", official: "as defined in § 734.7-1 of the EAR"))
        #expect(CitationChecker.matches(shipped: "… as defined in § 734.7 …", official: "as defined in § 734.7 - of the EAR"))
        // A composed `é` and `e` with a combining accent are one letter in pieces as in whole wordings.
        #expect(CitationChecker.matches(shipped: "… the d\u{E9}cision of …", official: "in the de\u{301}cision of the Board"))
        #expect(CitationChecker.matches(shipped: "the d\u{E9}cision", official: "the de\u{301}cision"))
    }

    /// The shipped 15 CFR 734.15(a) leaves the lead-in out with "…" (FACTS.md does not quote it):
    /// it passes the real wording, and a paragraph (3) added after (2) or a word cut in (1) is drift.
    @Test func theShipped734Point15aIsCheckedToItsEnd() throws {
        let real = try Self.section734_15(leadIn: "Except as set forth in §§ 734.18 and 734.19, “technology” and “software” are “released” through:")
        #expect(try CitationChecker(officialFiles: [real]).check(Self.shipped.graph, on: .citeCheckDay).passed.contains("us.ear.734.15.a"))
        let added = try Self.section734_15(leadIn: "Except as set forth in §§ 734.18 and 734.19, “technology” and “software” are “released” through:",
                                           after: "<P>(3) Any transfer made by electronic means to a foreign person located in a country listed in Country Group D:5.</P>")
        let drift = try #require(try CitationChecker(officialFiles: [added]).check(Self.shipped.graph, on: .citeCheckDay).findings.first { $0.provisionID == "us.ear.734.15.a" })
        #expect(drift.kind == .drifted)
        #expect(drift.diff?.parts.last == .added(["(3)", "Any", "transfer", "made", "by", "electronic", "means", "to", "a", "foreign", "person", "located",
                                                   "in", "a", "country", "listed", "in", "Country", "Group", "D:5."]))
    }

    /// A paraphrase is found, not compared: the report says which passes compared wording, and a
    /// paraphrase that is the official text word for word (with or without its marker) is named.
    @Test func paraphrasesAreToldApartFromComparedWordings() throws {
        let section = try Corpus.fixture("v-734.13.xml", """
            <DIV8 N="734.13" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;15 CFR 734.13&quot;}">
            <HEAD>§ 734.13 Export.</HEAD>
            <P>(a) Except as set forth in § 734.17 or § 734.18, <I>Export</I> means:</P>
            <P>(1) An actual shipment or transmission out of the United States, including the sending or taking of an item out of the United States, in any manner;</P>
            <P>(2) Releasing or otherwise transferring “technology” or source code (but not object code) to a foreign person in the United States (a “deemed export”);</P>
            <P>(b) Any release in the United States of “technology” or source code to a foreign person is not an export or a deemed export to the foreign person's most recent country of citizenship or permanent residency.</P>
            </DIV8>
            """)
        let report = try CitationChecker(officialFiles: [section]).check(Self.shipped.graph, on: .citeCheckDay)
        // (b) is verbatim now: the reversed paragraph is drift, no longer a pass.
        let drift = try #require(report.findings.first { $0.provisionID == "us.ear.734.13.b" })
        #expect(drift.diff?.description == "… code to a foreign person is {+not an export or+} a deemed export to the foreign …")
        #expect(report.passes.map { "\($0.provisionID) \($0.wordingCompared)" } == ["us.ear.734.13 false", "us.ear.734.13.a.1 true", "us.ear.734.13.a.2 true"])
        #expect(report.passSummary == "3 pass (2 of them quoted in part: words left out not compared; 1 of them a paraphrase: found, wording not compared)")
        let whole = try #require(report.passes.first)
        #expect(whole.description == "\(whole.location): note: us.ear.734.13 (15 CFR 734.13): found in \(section) at '734.13'; a paraphrase: wording not compared")
        // Quoted in part (QA normal F7): the words its elision leaves out were not compared, and the line says so.
        #expect(report.passes[1].description.hasSuffix(": note: us.ear.734.13.a.1 (15 CFR 734.13(a)(1)): quoted words match \(section) at '734.13(a)(1)'; "
                                                       + "the official words its elision (…) leaves out were not compared"))
        #expect(report.passes[1].elisions == 1)

        var pass = CitationChecker.Pass(provisionID: "x.b", citation: "15 CFR 734.13(b)", officialID: "734.13(b)", location: SourceLocation(file: "r.xml", line: 3),
                                        officialFile: "v.xml", wordingCompared: false)
        #expect(pass.paraphrase(of: "Any release is a “deemed export”.", comparedWith: "(b) Any release is a \"deemed export\".").mislabelled
                == "r.xml:3: note: x.b (15 CFR 734.13(b)): marked a paraphrase, but its wording is the text of '734.13(b)' in v.xml word for word; marked verbatim, its wording would be compared")
        pass = pass.paraphrase(of: "A release is a deemed export.", comparedWith: "(b) Any release is a deemed export.")
        #expect(pass.mislabelled == nil)
        #expect(CitationChecker.Report(findings: [], passes: [pass], notCovered: [], officialFiles: [], day: .citeCheckDay).passSummary
                == "1 pass (a paraphrase: found, wording not compared)")
    }

    /// A power followed by a digit ends where its superscript ends (`10^{2}5`, printed 10²5): the
    /// Art. 51(2) threshold 10^25 is not 10²5, written in markup or in Unicode; `10^25` stays as it is.
    /// Control and bidirectional characters that carry no text compare as the importers write
    /// them: left out (`ControlsLeftOut`), a run between spaces leaving one space; a line or
    /// paragraph separator is white space, as ever; an invisible format character is folded too.
    @Test func controlAndBidirectionalCharactersAreLeftOutOfTheComparison() {
        #expect(TextNormalizer.comparable("export means\u{202E} an \u{202A}\u{202C} actual exporter\u{0092}s shipment") == "export means an actual exporters shipment")
        #expect(TextNormalizer.comparable("line\u{2028}break") == "line break")
        #expect(TextNormalizer.comparisonKey("\u{2066}Annex II\u{2069} goods") == TextNormalizer.comparisonKey("Annex II goods"))
        // What an import writes for such a text is what cite-check compares it with.
        let written = ControlsLeftOut.removing(from: "export means\u{202E} an \u{202A}\u{202C} actual exporter\u{0092}s shipment", field: "wording")
        #expect(written.text == "export means an actual exporters shipment")
        #expect(written.removed.map(\.startsRun) == [true, true, false, true])
        // The check that gates it: `§`, dashes, quotes and other non-ASCII text hold none (a CFR
        // section with them is written from its bytes); each character left out is found at every
        // offset, in the eight-byte words and in the bytes after them.
        #expect(!ControlsLeftOut.mayHold("§ 772.1—“Export” ’ … ¶ é ‹› \u{00A0}\u{2010}\u{2060}\u{FEFF}\u{2070}"))
        for control: Unicode.Scalar in ["\u{7F}", "\u{80}", "\u{92}", "\u{9F}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{2028}"] {
            for offset in 0..<12 {
                #expect(ControlsLeftOut.mayHold(String(repeating: "a", count: offset) + String(Character(control)) + "bc"), "\(ControlCharacters.name(control)) at \(offset)")
            }
        }
    }

    @Test func aPowerFollowedByADigitKeepsItsEnd() throws {
        #expect(TextNormalizer.comparisonKey("greater than 10²5") == "greater than 10^{2}5")
        #expect(TextNormalizer.comparisonKey("greater than 10²⁵.") == "greater than 10^25.")
        // Subscript digits are a subscript as the importers write one (re-audit: a shipped CO₂
        // drifted from an imported CO_2).
        #expect(TextNormalizer.comparisonKey("CO₂ and H₂O at T₁₀") == "CO_2 and H_2O at T_10")
        #expect(TextNormalizer.comparisonKey("below 10⁻³5 W") == "below 10^{-3}5 W")
        #expect(!CitationChecker.matches(shipped: "is greater than 10^25.", official: "is greater than 10²5."))
        #expect(CitationChecker.matches(shipped: "is greater than 10^{2}5.", official: "is greater than 10²5."))
        // The CFR section reader (the eCFR's bytes) and the tree flattening write it alike.
        let file = try Corpus.fixture("v-810.98.xml", """
            <DIV8 N="810.98" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;10 CFR 810.98&quot;}">
            <HEAD>§ 810.98 Thresholds.</HEAD>
            <P>(a) More than 10<SU>2</SU>5 operations.</P>
            <P>(b) More than 10<SU>25</SU> operations.</P>
            <P>(c) More than <I>10<SU>2</SU>5</I> operations.</P>
            <P>(d) A table: <GPOTABLE><ROW><ENT>10<SU>2</SU>5</ENT><ENT>10<SU>25</SU></ENT></ROW></GPOTABLE></P>
            </DIV8>
            """)
        let imported = try Corpus.collect([file])
        #expect(imported.provision("810.98(a)")?.wording == "(a) More than 10^{2}5 operations.")
        #expect(imported.provision("810.98(b)")?.wording == "(b) More than 10^25 operations.")
        #expect(imported.provision("810.98(c)")?.wording == "(c) More than 10^{2}5 operations.")
        #expect(imported.provision("810.98(d)")?.wording == "(d) A table: ¶ 10^{2}5 | 10^25 ¶")
        guard Corpus.available(Corpus.formexAct) else { return }
        // Art. 51(2) of the real act with its superscript cut short (QA's mut/suppart).
        var act = try String(contentsOfFile: Corpus.formexAct, encoding: .utf8)
        #expect(act.contains("10<HT TYPE=\"SUP\">25</HT>"))
        act = act.replacingOccurrences(of: "10<HT TYPE=\"SUP\">25</HT>", with: "10<HT TYPE=\"SUP\">2</HT>5")
        let copy = try TemporaryFolder.make("formats").path + "/L_202401689EN.000101.fmx.xml"
        try act.write(toFile: copy, atomically: true, encoding: .utf8)
        let drift = try #require(try CitationChecker(officialFiles: [copy]).check(Self.shipped.graph, on: .citeCheckDay).findings.first { $0.provisionID == "eu.ai-act.art51.2" })
        #expect(drift.diff?.description == "… floating point operations is greater than [-10^25.-] {+10^{2}5.+}")
    }

    /// One power set in two superscript runs (`10<SU>2</SU><SU>5</SU>`, printed 10²⁵) is one
    /// power, `10^25`, not `10^2^5`: in the CFR section reader, the tree flattening and Formex.
    @Test func aPowerSetInTwoRunsIsOnePower() throws {
        let file = try Corpus.fixture("v-810.99.xml", """
            <DIV8 N="810.99" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;10 CFR 810.99&quot;}">
            <HEAD>§ 810.99 Thresholds.</HEAD>
            <P>(a) More than 10<SU>2</SU><SU>5</SU> operations.</P>
            <P>(b) More than 10<SU>2</SU><SU>5</SU>0 operations.</P>
            <P>(c) A table: <GPOTABLE><ROW><ENT>10<SU>2</SU><SU>5</SU></ENT><ENT>10<E T="51">2</E><E T="51">6</E></ENT></ROW></GPOTABLE></P>
            </DIV8>
            """)
        let imported = try Corpus.collect([file])
        #expect(imported.provision("810.99(a)")?.wording == "(a) More than 10^25 operations.")
        #expect(imported.provision("810.99(b)")?.wording == "(b) More than 10^{25}0 operations.")
        #expect(imported.provision("810.99(c)")?.wording == "(c) A table: ¶ 10^25 | 10^26 ¶")
        guard Corpus.available(Corpus.formexAct) else { return }
        var act = try String(contentsOfFile: Corpus.formexAct, encoding: .utf8)
        act = act.replacingOccurrences(of: "10<HT TYPE=\"SUP\">25</HT>", with: "10<HT TYPE=\"SUP\">2</HT><HT TYPE=\"SUP\">5</HT>")
        let copy = try TemporaryFolder.make("formats").path + "/L_202401689EN.000101.fmx.xml"
        try act.write(toFile: copy, atomically: true, encoding: .utf8)
        let report = try CitationChecker(officialFiles: [copy]).check(Self.shipped.graph, on: .citeCheckDay)
        #expect(!report.findings.contains { $0.provisionID == "eu.ai-act.art51.2" })
        #expect(report.passes.contains { $0.provisionID == "eu.ai-act.art51.2" })
    }

    /// Soft hyphens, zero-width spaces, word joiners and byte-order marks print nothing: typography.
    /// Where a difference remains, the diff writes invisible and look-alike characters as code points.
    /// A number's spacing (`3 %`, `15 000 000`) is typesetting too; its value and its commas are not.
    @Test func invisibleCharactersAndNumberSpacingAreTypography() {
        #expect(CitationChecker.matches(shipped: "including source code.", official: "including sour\u{00AD}ce code."))
        #expect(CitationChecker.matches(shipped: "greater than 10^25.", official: "greater than 1\u{200B}0^25.\u{FEFF}"))
        #expect(!CitationChecker.matches(shipped: "including source code.", official: "including source\u{2060}code."))
        #expect(WordDiff(shipped: "including source code.", official: "including source\u{2060}code.").description
                == "including [-source code.-] {+source<U+2060>code.+}")
        #expect(WordDiff(shipped: "the source code", official: "the s\u{043E}urce c\u{00AD}ode").description == "the [-source-] {+s<U+043E>urce+} code")
        // A Greek mu beside a Latin m is told from the micro sign it looks like.
        #expect(WordDiff(shipped: "10 μm wide", official: "10 µm deep").description == "10 [-<U+03BC>m wide-] {+µm deep+}")
        #expect(CitationChecker.matches(shipped: "not exceeding 3 % of", official: "not exceeding 3% of"))
        #expect(CitationChecker.matches(shipped: "or EUR 15000000, whichever", official: "or EUR 15 000 000, whichever"))
        #expect(!CitationChecker.matches(shipped: "or EUR 15000000, whichever", official: "or EUR 1 500 000, whichever"))
        #expect(!CitationChecker.matches(shipped: "or EUR 15000000, whichever", official: "or EUR 15,000,000, whichever"))
        #expect(!CitationChecker.matches(shipped: "3 ‰ of", official: "3% of"))
        #expect(!CitationChecker.matches(shipped: "in 2024 100 cases", official: "in 2024100 cases"))
        #expect(!CitationChecker.matches(shipped: "points 1.5 000", official: "points 1.5000"))
        // The diff shows a changed amount as one word, spaced as printed.
        #expect(WordDiff(shipped: "EUR 15000000, whichever is higher", official: "EUR 1 500 000, whichever is lower").description
                == "EUR [-15000000,-] {+1 500 000,+} whichever is [-higher-] {+lower+}")
        #expect(WordDiff(shipped: "EUR 15000000, whichever is higher", official: "EUR 15 000 000, whichever is lower").description
                == "EUR 15000000, whichever is [-higher-] {+lower+}")
    }
}
