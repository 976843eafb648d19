import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// Text a CFR file holds outside every section and appendix is never dropped without a word
/// (QA: the text of Appendix A to Part 1221 was left out of the annual volume's import, unsaid).
@Suite struct CFRTextOutsideUnitsTests {
    /// Appendix A to Part 1221 as the GPO sets it: the `APPENDIX` holds its headings only, its
    /// text follows in an `EXTRACT` of the part, and is read as the appendix's. An element outside
    /// every unit before a section (a `NOTE`), or after an appendix that ends on text of its own,
    /// is not imported and is reported, noted on the nearest provision. The part's heading,
    /// running head, authority and source are skipped on purpose, unreported.
    @Test func anAppendixTextSetAfterItsElementIsItsAndOtherTextIsReported() throws {
        let file = try Corpus.fixture("CFR-2015-title14-vol5.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <CFRDOC>
            <FMTR><TITLEPG><TITLENUM>Title 14</TITLENUM><SUBJECT>Aeronautics and Space</SUBJECT><REVISED>Revised as of January 1, 2015</REVISED></TITLEPG></FMTR>
            <TITLE><CHAPTER><PART>
            <EAR>Pt. 1221</EAR>
            <HD SOURCE="HED">PART 1221—THE NASA SEAL AND OTHER DEVICES</HD>
            <AUTH><HD SOURCE="HED">Authority:</HD><P>42 U.S.C. 2473.</P></AUTH>
            <SUBPART>
            <SECTION><SECTNO>§ 1221.202</SECTNO><SUBJECT>Description of the medal.</SUBJECT><P>The description is set forth in appendix A to this subpart.</P></SECTION>
            <APPENDIX>
            <EAR>Pt. 1221, App. A</EAR>
            <HD SOURCE="HED">Appendix A to Part 1221—Congressional Space Medal of Honor</HD>
            <HD SOURCE="HD1">Obverse</HD>
            <HD SOURCE="HD1">description</HD>
            </APPENDIX>
            </SUBPART>
            <EXTRACT>
            <P>A circular green enamel wreath of laurel.</P>
            <HD SOURCE="HD1">symbolism</HD>
            <P>The laurel wreath, a symbol of great achievement.</P>
            </EXTRACT>
            </PART>
            <PART>
            <HD SOURCE="HED">PART 1230—PROTECTION OF HUMAN SUBJECTS</HD>
            <SOURCE><HD SOURCE="HED">Source:</HD><P>79 FR 76059, Dec. 16, 2014, unless otherwise noted.</P></SOURCE>
            <NOTE><P>This part is also set out in 45 CFR part 46.</P></NOTE>
            <SECTION><SECTNO>§ 1230.101</SECTNO><SUBJECT>Scope.</SUBJECT><P>This part sets policy.</P></SECTION>
            <APPENDIX>
            <HD SOURCE="HED">Appendix A to Part 1230—Forms</HD>
            <P>The form is as follows.</P>
            </APPENDIX>
            <P>Sign and date the form.</P>
            </PART>
            </CHAPTER></TITLE>
            </CFRDOC>
            """)
        let imported = try Corpus.collect([file])
        let medal = try #require(imported.provision("Appendix A to Part 1221"))
        #expect(medal.wording == "Obverse description A circular green enamel wreath of laurel. symbolism The laurel wreath, a symbol of great achievement.")
        #expect(medal.span.firstLine == 10 && medal.span.lastLine == 21)
        #expect(medal.notes.filter { $0.kind != .editorial || !$0.text.hasPrefix("Source:") }.map(\.text) == [
            "The official file sets this appendix's text after its APPENDIX element, outside it (<EXTRACT> at lines 17-21); as the appendix ends on its heading “description” with no text of its own, that text is read as the appendix's and is in this wording.",
        ])
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):26: warning: text outside every section and appendix (<NOTE>: “This part is also set out in 45 …”) is not imported; the next provision is 1230.101 [1230.101]",
            "\(file):32: warning: text outside every section and appendix (<P>: “Sign and date the form.”) is not imported; it comes right after 14 CFR Appendix A to Part 1230 [14 CFR Appendix A to Part 1230]",
        ])
        #expect(imported.provision("1230.101")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The official file holds text outside every section and appendix before this provision (<NOTE> at line 26: “This part is also set out in 45 …”); it is not imported, here or elsewhere. Check the official text.",
        ])
        let forms = try #require(imported.provision("Appendix A to Part 1230"))
        #expect(forms.wording == "The form is as follows.")
        #expect(forms.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The official file holds text outside every section and appendix right after this provision (<P> at line 32: “Sign and date the form.”); it is not imported, here or elsewhere. Check the official text.",
        ])
        #expect(imported.summary.instruments.first?[.textJoinedToAppendix] == 1)
        #expect(imported.summary.instruments.first?[.textOutsideUnits] == 2)
    }

    /// The real file: Appendix A to Part 1221's text, its ribbon's table and all, is its wording;
    /// nothing else in the volume stands outside a unit but what is skipped on purpose. The eCFR
    /// bulk title 1 holds none.
    @Test func theCorpusAppendixTextIsImportedAndNothingElseIsOutside() throws {
        if Corpus.available(Corpus.cfrAnnual) {
            let imported = try Corpus.collect([Corpus.cfrAnnual])
            let medal = try #require(imported.provision("Appendix A to Part 1221"))
            #expect(medal.wording.hasPrefix("Obverse description A circular green enamel wreath of laurel surmounted by a five-pointed gold star"))
            #expect(medal.wording.contains("Gold | 65021 (old gold)."))
            #expect(medal.wording.hasSuffix("Rosette description One-half inch in diameter in the colors of the ribbon."))
            #expect(imported.summary.instruments.first?[.textJoinedToAppendix] == 1)
            #expect(imported.summary.instruments.first?[.textOutsideUnits] == 0)
            #expect(!imported.diagnostics.contains { $0.message.contains("outside every section") })
        }
        if Corpus.available(Corpus.ecfrBulk) {
            let imported = try Corpus.collect([Corpus.ecfrBulk])
            #expect(imported.summary.instruments.first?[.textOutsideUnits] == 0)
        }
    }
}
