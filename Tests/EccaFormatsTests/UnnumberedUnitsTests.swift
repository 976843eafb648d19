import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// Units a file prints without their number (importer audit D2): a section whose `SECTNO` is empty,
/// a `DIV8` without `N`, an article whose `num` is missing or empty. They were written as
/// `14 CFR (a)`, `Art. (1)` or, where a CIRSFID heading `num` stood alone, `Art. Statementoffees`,
/// with no word said. A number printed elsewhere (a `DIV8`'s `HEAD`) is read; otherwise the unit is
/// cited by its place, said at its line, noted unresolved with its parts, and counted.
@Suite struct UnnumberedUnitsTests {
    static let note = "This section carries no number in the official file; ecca numbers it by its place among the unnumbered sections of the file (1), so its citation and id, and those of its parts, are not the official ones. Check the official text."

    /// The annual CFR: § 1204.503 with its `SECTNO` emptied, as the audit did to CFR-2015-title14-vol5.xml line 1527.
    @Test func anAnnualSectionWithAnEmptySectnoIsCitedByItsPlaceAndSaid() throws {
        let path = try Corpus.fixture("annual.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <CFRDOC>
            <FMTR><TITLEPG><TITLENUM>Title 14</TITLENUM><SUBJECT>Aeronautics and Space</SUBJECT><REVISED>Revised as of January 1, 2015</REVISED></TITLEPG></FMTR>
            <TITLE><CHAPTER><PART><EAR>Pt. 1204</EAR><HD SOURCE="HED">PART 1204—ADMINISTRATIVE AUTHORITY AND POLICY</HD>
            <SECTION><SECTNO>§ 1204.502</SECTNO><SUBJECT>Delegation of authority to lease.</SUBJECT>
            <P>(a) Scope of the lease.</P>
            </SECTION>
            <SECTION><SECTNO></SECTNO><SUBJECT>Delegation of authority to grant easements.</SUBJECT>
            <P>(a) <E T="03">Scope.</E> 40 U.S.C. 319 to 319C authorizes executive agencies to grant easements.</P>
            <P>(b) <E T="03">Delegation of authority.</E> The Assistant Administrator is delegated authority.</P>
            </SECTION>
            </PART></CHAPTER></TITLE>
            </CFRDOC>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.citation) == ["14 CFR 1204.502", "14 CFR 1204.502(a)",
                                                         "14 CFR unnumbered section 1", "14 CFR unnumbered section 1(a)", "14 CFR unnumbered section 1(b)"])
        #expect(imported.provisions.map(\.canonicalID) == ["1204.502", "1204.502(a)", "unnumbered section 1", "unnumbered section 1(a)", "unnumbered section 1(b)"])
        #expect(imported.provision("unnumbered section 1")?.heading == "Delegation of authority to grant easements")
        for id in ["unnumbered section 1", "unnumbered section 1(a)", "unnumbered section 1(b)"] {
            #expect(imported.provision(id)?.notes.filter { $0.kind == .unresolved }.map(\.text) == [Self.note], "\(id)")
        }
        #expect(imported.provision("1204.502(a)")?.notes.contains { $0.kind == .unresolved } == false)
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):8: warning: a section (“Delegation of authority to grant easements”) has no number; it is cited as \"14 CFR unnumbered section 1\", and it and its parts are marked unresolved",
        ])
        #expect(imported.summary.instruments.first?[.unnumberedUnits] == 1)
    }

    /// The eCFR: a `DIV8` without `N` whose `HEAD` prints "§ 999.2 Two." is § 999.2 with the heading
    /// "Two" (it was `15 CFR ` with the heading "999.2 Two"); one whose `HEAD` prints no number is
    /// cited by its place.
    @Test func aDiv8WithoutItsNIsNumberedByItsHeadOrCitedByItsPlace() throws {
        let path = try Corpus.fixture("part.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV5 N="999" TYPE="PART" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2025-01-02/title-15/part-999&quot;,&quot;citation&quot;:&quot;15 CFR Part 999&quot;}">
            <HEAD>PART 999—TEST</HEAD>
            <DIV8 N="999.1" TYPE="SECTION"><HEAD>§ 999.1 One.</HEAD><P>(a) Alpha.</P></DIV8>
            <DIV8 TYPE="SECTION"><HEAD>§ 999.2 Two.</HEAD><P>(a) Beta.</P></DIV8>
            <DIV8 N="" TYPE="SECTION"><HEAD>Three.</HEAD><P>(a) Gamma.</P></DIV8>
            </DIV5>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.citation) == ["15 CFR 999.1", "15 CFR 999.1(a)", "15 CFR 999.2", "15 CFR 999.2(a)",
                                                         "15 CFR unnumbered section 1", "15 CFR unnumbered section 1(a)"])
        let two = try #require(imported.provision("999.2"))
        #expect(two.heading == "Two")
        #expect(two.sourceURL == "https://www.ecfr.gov/on/2025-01-02/title-15/section-999.2")
        #expect(!two.notes.contains { $0.kind == .unresolved })
        // No eCFR link is made up from a stand-in number.
        #expect(imported.provision("unnumbered section 1")?.sourceURL == nil)
        #expect(imported.provision("unnumbered section 1(a)")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [Self.note])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):6: warning: a section (“Three”) has no number; it is cited as \"15 CFR unnumbered section 1\", and it and its parts are marked unresolved",
        ])

        // A versioner file that is one section, its `N` missing: numbered by its `HEAD`, silently.
        let section = try Corpus.fixture("section.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV8 TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2025-01-02/title-15/section-999.2&quot;,&quot;citation&quot;:&quot;15 CFR 999.2&quot;}">
            <HEAD>§ 999.2 Two.</HEAD><P>(a) Beta.</P></DIV8>
            """)
        let alone = try Corpus.collect([section])
        #expect(alone.provisions.map(\.citation) == ["15 CFR 999.2", "15 CFR 999.2(a)"])
        #expect(alone.diagnostics.isEmpty)
    }

    /// A Federal Register rule's set-out section without `SECTNO` was dropped without a word; it is
    /// the rule's text, kept and cited by its place.
    @Test func aSectionARuleSetsOutWithoutItsNumberIsKeptAndSaid() throws {
        let path = try Corpus.fixture("rule.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <RULE>
            <PREAMB><AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY><CFR>15 CFR Part 999</CFR><SUBJECT>Unnumbered (test rule)</SUBJECT>
            <ACT><HD SOURCE="HED">ACTION:</HD><P>Final rule.</P></ACT></PREAMB>
            <SUPLINF>
            <REGTEXT TITLE="15" PART="999">
            <AMDPAR>1. Revise § 999.1 to read as follows:</AMDPAR>
            <SECTION><SECTNO/><SUBJECT>Plans.</SUBJECT>
            <P>(a) Alpha.</P>
            </SECTION>
            </REGTEXT>
            </SUPLINF>
            <FRDOC>[FR Doc. 2026-99994 Filed 9-1-26; 8:45 am]</FRDOC>
            </RULE>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.citation) == ["FR Doc. 2026-99994, amendatory instruction 1", "15 CFR unnumbered section 1", "15 CFR unnumbered section 1(a)"])
        #expect(imported.provision("unnumbered section 1(a)")?.wording == "(a) Alpha.")
        #expect(imported.provision("unnumbered section 1")?.notes.filter { $0.kind == .unresolved }.map(\.text) == [Self.note])
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):8: warning: a section (“Plans”) has no number; it is cited as \"15 CFR unnumbered section 1\", and it and its parts are marked unresolved",
        ])
    }

    /// Akoma Ntoso: the CIRSFID heading `num` left alone ("Statement of fees") stays the heading,
    /// as does the one after an empty `num`; a `num` that is neither ("Review" beside a heading) is
    /// said. Each article is cited by its place, and its paragraphs noted with it.
    @Test func anArticleWithoutANumberKeepsItsHeadingAndIsCitedByItsPlace() throws {
        let path = try Corpus.fixture("cirsfid.akn", """
            <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="directive"><meta><identification source="#x"><FRBRWork><FRBRthis value="/akn/eu/act/directive/ep/2014/92/!main"/><FRBRuri value="/akn/eu/act/directive/ep/2014/92/"/><FRBRdate date="2014-07-23" name="Generation"/><FRBRauthor href="#ep"/><FRBRcountry value="eu"/></FRBRWork></identification></meta>
            <body><chapter eId="chp_II"><num>CHAPTER II</num>
            <article eId="chp_II__art_4"><num>Article 4</num><num>Fee information document</num><paragraph eId="chp_II__art_4__para_1."><num>1.</num><content><p>Four.</p></content></paragraph></article>
            <article eId="chp_II__art_5"><num>Statement of fees</num><paragraph eId="chp_II__art_5__para_1."><num>1.</num><content><p>Five.</p></content></paragraph></article>
            <article eId="chp_II__art_6"><num></num><num>Information for consumers</num><paragraph eId="chp_II__art_6__para_1."><num>1.</num><content><p>Six.</p></content></paragraph></article>
            <article eId="chp_II__art_7"><num>Review</num><heading>Review clause</heading><paragraph eId="chp_II__art_7__para_1."><num>1.</num><content><p>Seven.</p></content></paragraph></article>
            </chapter></body></act></akomaNtoso>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.citation) == ["Art. 4", "Art. 4(1)", "unnumbered article 1", "unnumbered article 1(1)",
                                                         "unnumbered article 2", "unnumbered article 2(1)", "unnumbered article 3", "unnumbered article 3(1)"])
        #expect(imported.provisions.map(\.canonicalID) == ["art_4", "art_4__para_1", "art_nn1", "art_nn1__para_1",
                                                           "art_nn2", "art_nn2__para_1", "art_nn3", "art_nn3__para_1"])
        #expect(imported.provisions.map(\.heading) == ["Fee information document", nil, "Statement of fees", nil, "Information for consumers", nil, "Review clause", nil])
        #expect(imported.provisions.map(\.sourceID) == ["chp_II__art_4", "chp_II__art_4__para_1.", "chp_II__art_5", "chp_II__art_5__para_1.",
                                                         "chp_II__art_6", "chp_II__art_6__para_1.", "chp_II__art_7", "chp_II__art_7__para_1."])
        #expect(imported.provisions.map { $0.notes.filter { $0.kind == .unresolved }.count } == [0, 0, 1, 1, 1, 1, 1, 1])
        #expect(imported.provision("art_nn2__para_1")?.notes.first { $0.kind == .unresolved }?.text == "This article carries no number in the official file; ecca numbers it by its place among the unnumbered articles of the file (2), so its citation and id, and those of its parts, are not the official ones. Check the official text.")
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):4: warning: an article (“Statement of fees”) has no number; it is cited as \"unnumbered article 1\", and it and its parts are marked unresolved",
            "\(path):5: warning: an article (“Information for consumers”) has no number; it is cited as \"unnumbered article 2\", and it and its parts are marked unresolved",
            "\(path):6: warning: an article (“Review clause”) has no number (its num reads “Review”, which is no number); it is cited as \"unnumbered article 3\", and it and its parts are marked unresolved",
        ])
        #expect(imported.summary.instruments.first?[.unnumberedUnits] == 3)
    }

    /// What reads as an article's number: a word before it, a digit, a roman numeral, a letter alone.
    @Test func aNumReadsAsANumberOnlyWithAWordADigitANumeralOrALetter() {
        for number in ["Article 5", "5", "Art. 3-bis", "§ 1", "Article unique", "IV", "A"] {
            #expect(AkomaNtosoNumber(number)?.readsAsNumber == true, "\(number)")
        }
        for heading in ["Statement of fees", "Review", "Sanctions", "Transposition", "Civil"] {
            #expect(AkomaNtosoNumber(heading)?.readsAsNumber == false, "\(heading)")
        }
    }

    /// The audit's own edits of the corpus files, where the corpus is at hand.
    @Test func theAuditsDamagedCorpusCopiesAreCitedByPlaceAndSaid() throws {
        guard Corpus.available(Corpus.akn), Corpus.available(Corpus.akn4eu), Corpus.available(Corpus.cfrAnnual) else { return }
        func damaged(_ source: String, _ name: String, _ old: String, _ new: String) throws -> String {
            let text = try String(contentsOfFile: source, encoding: .utf8)
            #expect(text.contains(old))
            return try Corpus.fixture(name, text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old)))
        }
        let cirsfid = try Corpus.collect([try damaged(Corpus.akn, "d2-cirsfid.akn", "<num>Article 5</num>", "")])
        #expect(cirsfid.provision("chp_II__art_5") == nil)
        let five = try #require(cirsfid.provisions.first { $0.sourceID == "chp_II__art_5" })
        #expect(five.citation == "unnumbered article 1")
        #expect(five.heading == "Statement of fees")
        #expect(cirsfid.provision("art_4")?.citation == "Art. 4" && cirsfid.provision("art_6")?.citation == "Art. 6")
        #expect(cirsfid.diagnostics.filter { $0.description.contains("has no number") }.count == 1)

        let akn4eu = try Corpus.collect([try damaged(Corpus.akn4eu, "d2-akn4eu.xml", "<num xml:id=\"d1e238\">Article 1</num>", "<num xml:id=\"d1e238\"/>")])
        #expect(akn4eu.provisions.prefix(3).map(\.citation) == ["unnumbered article 1", "unnumbered article 1(a)", "unnumbered article 1(a)(i)"])
        #expect(akn4eu.provisions.prefix(3).map(\.canonicalID) == ["art_nn1", "art_nn1__point_a", "art_nn1__point_a__point_i"])

        let annual = try Corpus.collect([try damaged(Corpus.cfrAnnual, "d2-cfr.xml", "<SECTNO>§ 1204.503</SECTNO>", "<SECTNO></SECTNO>")])
        #expect(annual.provisions.filter { $0.citation == "14 CFR " || $0.citation.hasPrefix("14 CFR (") }.isEmpty)
        #expect(annual.provision("unnumbered section 1(f)(3)(i)(A)")?.citation == "14 CFR unnumbered section 1(f)(3)(i)(A)")
        #expect(annual.summary.instruments.first?[.unnumberedUnits] == 1)
    }
}
