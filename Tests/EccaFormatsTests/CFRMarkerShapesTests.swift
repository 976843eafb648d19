import ClauseGraph
@testable import EccaFormats
import Testing

/// Shapes of paragraph markers in export-control CFR text beyond the EAR: the ITAR's reserved
/// ranges and the USML's significant-military-equipment asterisk (22 CFR 121.1), and a defined
/// term right after a marker (22 CFR 120.50, 120.33).
///
/// The fixtures are versioner-shaped sections (`DIV8` with `hierarchy_metadata`) holding `P`
/// elements copied verbatim from the QA reviewer's inputs, whose text is the ecfr.gov markdown
/// mirror `MichalOpoka/ecfr` (`cfr/title-22-Foreign-Relations/…/section-121.1.md` at
/// 3d76687da33ef3c62279df7389bfa5ba79647b60, `…/subpart-C-Definitions/section-120.50.md`,
/// `section-120.33.md`, `section-120.56.md` at f5ca5158998937cd929e23278c7ff46e154b183c); the
/// markup (`P`, `I`, the asterisk kept as text) is GPO's as documented, not seen raw. Fixtures
/// marked "hand-made" are not from the CFR.
@Suite struct CFRMarkerShapesTests {
    private func section(_ number: String, _ heading: String, _ paragraphs: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="\(number)" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/_SUBSTITUTE_DATE_/title-22/section-\(number)&quot;,&quot;citation&quot;:&quot;22 CFR \(number)&quot;}">
        <HEAD>§ \(number) \(heading)</HEAD>
        \(paragraphs)
        </DIV8>
        """
    }

    /// USML Category I(h)-(x), verbatim, its `HD1` left out: `(j)-(w) [Reserved]` is one provision
    /// cited as printed, (x) is the letter after (w), and the (i) before the range is the letter
    /// after (h). Before, the range was read as (j) alone, nothing fitted, and the fallback cited
    /// `121.1(h)(4)(i)` and `121.1(j)(x)`.
    @Test func aReservedRangeIsOneProvisionAndTheNextLetterFollowsIt() throws {
        let file = try Corpus.fixture("v-121.1-range.xml", section("121.1", "The United States Munitions List.", """
            <P>(h) Parts, components, accessories, and attachments, as follows:</P>
            <P>(1) Drum and other magazines for firearms to .50 caliber (12.7 mm) inclusive with a capacity greater than 50 rounds, regardless of jurisdiction of the firearm, and specially designed parts and components therefor;</P>
            <P>(2) Parts and components specially designed for conversion of a semi-automatic firearm to a fully automatic firearm;</P>
            <P>(3) Parts and components specially designed for defense articles described in paragraphs (c) and (e) of this category; or</P>
            <P>(4) Accessories or attachments specially designed to automatically stabilize aim (other than gun rests) or for automatic targeting, and specially designed parts and components therefor.</P>
            <P>(i) Technical data (see § 120.33 of this subchapter) and defense services (see § 120.32 of this subchapter) directly related to the defense articles described in this category and classified technical data directly related to items controlled in ECCNs 0A501, 0B501, 0D501, and 0E501 and defense services using the classified technical data. (See § 125.4 of this subchapter for exemptions.)</P>
            <P>(j)-(w) [Reserved]</P>
            <P>(x) Commodities, software, and technology subject to the EAR used in or with defense articles.</P>
            """))
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.provisions.map(\.canonicalID) == [
            "121.1", "121.1(h)", "121.1(h)(1)", "121.1(h)(2)", "121.1(h)(3)", "121.1(h)(4)", "121.1(i)", "121.1(j)-(w)", "121.1(x)"])
        let range = try #require(imported.provision("121.1(j)-(w)"))
        #expect(range.citation == "22 CFR 121.1(j)-(w)")
        #expect(range.sourceID == "121.1(j)-(w)")
        #expect(range.idPath == ["121.1", "j-w"])
        #expect(range.parentID == "121.1")
        #expect(range.level == .paragraph)
        #expect(range.wording == "(j)-(w) [Reserved]")
        #expect(range.sourceURL == "https://www.ecfr.gov/current/title-22/section-121.1#p-121.1(j)-(w)")
        let x = try #require(imported.provision("121.1(x)"))
        #expect(x.citation == "22 CFR 121.1(x)")
        #expect(x.parentID == "121.1")
        #expect(x.wording == "(x) Commodities, software, and technology subject to the EAR used in or with defense articles.")
        #expect(imported.provision("121.1(i)")?.parentID == "121.1")
    }

    /// The other ways a range is printed: an en dash, "through", numbers and roman numerals, a
    /// range that opens a level. Hand-made (the CFR's drafting, not a copied section).
    @Test func rangesOfEveryKindAndConnector() throws {
        let file = try Corpus.fixture("v-999.1-ranges.xml", section("999.1", "Ranges.", """
            <P>(a) Alpha.</P>
            <P>(b) Parts, as follows:</P>
            <P>(1) One;</P>
            <P>(2) Two;</P>
            <P>(3)–(5) [Reserved]</P>
            <P>(6) Six:</P>
            <P>(i) First;</P>
            <P>(ii)-(iv) [Reserved]</P>
            <P>(v) Fifth.</P>
            <P>(c) through (e) [Reserved]</P>
            <P>(f)(1)-(3) [Reserved]</P>
            <P>(4) Four.</P>
            """))
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.provisions.map(\.citation) == [
            "22 CFR 999.1", "22 CFR 999.1(a)", "22 CFR 999.1(b)", "22 CFR 999.1(b)(1)", "22 CFR 999.1(b)(2)", "22 CFR 999.1(b)(3)-(5)",
            "22 CFR 999.1(b)(6)", "22 CFR 999.1(b)(6)(i)", "22 CFR 999.1(b)(6)(ii)-(iv)", "22 CFR 999.1(b)(6)(v)", "22 CFR 999.1(c)-(e)",
            "22 CFR 999.1(f)", "22 CFR 999.1(f)(1)-(3)", "22 CFR 999.1(f)(4)"])
        // Wording as printed, whatever the connector; ids say it is a range.
        #expect(imported.provision("999.1(b)(3)-(5)")?.wording == "(3)–(5) [Reserved]")
        #expect(imported.provision("999.1(b)(3)-(5)")?.idPath == ["999.1", "b", "3-5"])
        #expect(imported.provision("999.1(c)-(e)")?.wording == "(c) through (e) [Reserved]")
        #expect(imported.provision("999.1(b)(6)(ii)-(iv)")?.level == .level3)
        #expect(imported.provision("999.1(f)")?.wording == "(f)(1)-(3) [Reserved] (4) Four.")
        #expect(imported.provision("999.1(f)(1)-(3)")?.wording == "(1)-(3) [Reserved]")
    }

    /// Only a bracket after the second marker makes a range: text that goes on is no reserved range.
    @Test func aRangeNeedsItsBracket() {
        func range(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            return MarkedParagraph.reservedRange(bytes, after: 3, end: bytes.count)?.last
        }
        #expect(range("(c)-(w) [Reserved]") == "w")
        #expect(range("(c)–(w)[Reserved]") == "w")
        #expect(range("(c) through (w) [Removed and reserved]") == "w")
        #expect(range("(c)-(w) of this section apply.") == nil)
        #expect(range("(c)-(w)") == nil)
        #expect(range("(c)—(w) [Reserved]") == nil)  // an em dash runs a child in, it is no range
    }

    /// USML significant military equipment is marked by an asterisk before the marker (`* (a)`,
    /// and `*(b)` with no space): the paragraph is (a), its wording keeps the asterisk, and the
    /// sequence goes on. Category I(a)-(g) and Category II(a)-(d), verbatim (each category as a
    /// section of its own, as its lettering restarts; `*(b)` and `*(2)` closed up as in the
    /// reviewer's mutation). Before, none of them was a provision: each was text of the
    /// paragraph before it.
    @Test func theSignificantMilitaryEquipmentAsteriskKeepsItsParagraph() throws {
        let categoryI = try Corpus.collect([Corpus.fixture("v-121.1-sme-I.xml", section("121.1", "The United States Munitions List.", """
            <P>* (a) Firearms using caseless ammunition.</P>
            <P>*(b) Fully automatic firearms to .50 caliber (12.7 mm) inclusive.</P>
            <P>* (c) Firearms specially designed to integrate fire control, automatic tracking, or automatic firing (e.g., Precision Guided Firearms).</P>
            <P>* (d) Fully automatic shotguns regardless of gauge.</P>
            <P>* (e) Silencers, mufflers, and sound suppressors.</P>
            <P>(f) [Reserved]</P>
            <P>(g) Barrels, receivers (frames), bolts, bolt carriers, slides, or sears specially designed for the articles in paragraphs (a), (b), and (d) of this category.</P>
            """))])
        #expect(categoryI.diagnostics.isEmpty, "\(categoryI.diagnostics)")
        #expect(categoryI.provisions.map(\.canonicalID) == ["121.1", "121.1(a)", "121.1(b)", "121.1(c)", "121.1(d)", "121.1(e)", "121.1(f)", "121.1(g)"])
        let e = try #require(categoryI.provision("121.1(e)"))
        #expect(e.citation == "22 CFR 121.1(e)")
        #expect(e.parentID == "121.1")
        #expect(e.wording == "* (e) Silencers, mufflers, and sound suppressors.")
        #expect(e.heading == nil)
        #expect(categoryI.provision("121.1(b)")?.wording == "*(b) Fully automatic firearms to .50 caliber (12.7 mm) inclusive.")
        #expect(categoryI.provision("121.1(d)")?.wording == "* (d) Fully automatic shotguns regardless of gauge.")

        let categoryII = try Corpus.collect([Corpus.fixture("v-121.1-sme-II.xml", section("121.1", "The United States Munitions List.", """
            <P>(a) Guns and armament greater than .50 caliber (12.7 mm), as follows:</P>
            <P>* (1) Guns, howitzers, artillery, and cannons;</P>
            <P>*(2) Mortars;</P>
            <P>* (3) Recoilless rifles;</P>
            <P>* (4) Grenade launchers; or</P>
            <P>(5) Developmental guns and armament greater than .50 caliber (12.7 mm) funded by the Department of Defense and specially designed parts and components therefor.</P>
            <P>(b) Flamethrowers with an effective range greater than or equal to 20 meters.</P>
            <P>(c) [Reserved]</P>
            <P>* (d) Kinetic energy weapon systems specially designed for destruction or rendering mission-abort of a target.</P>
            """))])
        #expect(categoryII.diagnostics.isEmpty, "\(categoryII.diagnostics)")
        #expect(categoryII.provisions.map(\.canonicalID) == [
            "121.1", "121.1(a)", "121.1(a)(1)", "121.1(a)(2)", "121.1(a)(3)", "121.1(a)(4)", "121.1(a)(5)", "121.1(b)", "121.1(c)", "121.1(d)"])
        #expect(categoryII.provision("121.1(a)(2)")?.wording == "*(2) Mortars;")
        #expect(categoryII.provision("121.1(a)(2)")?.parentID == "121.1(a)")
        #expect(categoryII.provision("121.1(a)")?.wording == "(a) Guns and armament greater than .50 caliber (12.7 mm), as follows: * (1) Guns, howitzers, artillery, and cannons; *(2) Mortars; * (3) Recoilless rifles; * (4) Grenade launchers; or (5) Developmental guns and armament greater than .50 caliber (12.7 mm) funded by the Department of Defense and specially designed parts and components therefor.")
        #expect(categoryII.provision("121.1(d)")?.wording == "* (d) Kinetic energy weapon systems specially designed for destruction or rendering mission-abort of a target.")
        #expect(categoryII.provision("121.1(c)")?.wording == "(c) [Reserved]")
    }

    /// An asterisk that is not one before a marker is text: stars of an elision, an asterisk
    /// before words. Hand-made.
    @Test func otherAsterisksAreText() throws {
        let file = try Corpus.fixture("v-999.2-stars.xml", section("999.2", "Stars.", """
            <P>(a) Alpha.</P>
            <P>* * * * *</P>
            <P>* Marked text (b) here.</P>
            <P>(b) Beta.</P>
            """))
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.provisions.map(\.canonicalID) == ["999.2", "999.2(a)", "999.2(b)"])
        #expect(imported.provision("999.2(a)")?.wording == "(a) Alpha. * * * * * * Marked text (b) here.")
    }

    /// A term in italics right after a marker is the term a definition defines, not the
    /// paragraph's heading (22 CFR 120.50(a) `<I>Export,</I> … means:` was headed "Export,",
    /// 120.33(a) `<I>Technical data</I> means` "Technical data"); a run-in heading closed by a
    /// period stays one (120.56(a) "Release").
    @Test func aDefinedTermAfterAMarkerIsNoHeading() throws {
        let export = try Corpus.fixture("v-120.50-term.xml", section("120.50", "Export.", """
            <P>(a) <I>Export,</I> except as set forth in § 120.54 or § 126.16 or § 126.17 of this subchapter, means:</P>
            <P>(1) An actual shipment or transmission out of the United States, including the sending or taking of a defense article out of the United States in any manner;</P>
            """))
        let data = try Corpus.fixture("v-120.33-term.xml", section("120.33", "Technical data.", """
            <P>(a) <I>Technical data</I> means for purposes of this subchapter:</P>
            """))
        let release = try Corpus.fixture("v-120.56-heading.xml", section("120.56", "Release.", """
            <P>(a) <I>Release.</I> Technical data is released through:</P>
            <P>(1) Visual or other inspection by foreign persons of a defense article that reveals technical data to a foreign person;</P>
            """))
        let imported = try Corpus.collect([export, data, release])
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let exportA = try #require(imported.provision("120.50(a)"))
        #expect(exportA.heading == nil)
        #expect(exportA.wording.hasPrefix("(a) Export, except as set forth in § 120.54 or § 126.16 or § 126.17 of this subchapter, means: (1) An actual"))
        #expect(imported.provision("120.50(a)(1)")?.parentID == "120.50(a)")
        #expect(imported.provision("120.33(a)")?.heading == nil)
        #expect(imported.provision("120.56(a)")?.heading == "Release")
        #expect(imported.provisions.map { $0.heading ?? "-" } == ["Export", "-", "-", "Technical data", "-", "Release", "Release", "-"])
    }

    /// Two readings the annual CFR's 14 CFR part 1264 and § 1214.813 showed wrong (import audit
    /// D6): "Authority", which opens an authority note elsewhere, is a defined term where the
    /// sentence defines it, and a formula's italic symbol that its subscript and equation go on
    /// from (`<E T="03">L</E><E T="52">C</E>=…`) is no heading. An authority note and a run-in
    /// heading before a dash stay headings (hand-made, after the annual CFR's markup).
    @Test func aDefinedNoteWordAndAFormulaSymbolAreNoHeadings() throws {
        let terms = try Corpus.fixture("v-1264.101.xml", section("1264.101", "Definitions.", """
            <P>(a) <E T="03">ALJ</E> means an Administrative Law Judge in the authority.</P>
            <P>(b) <E T="03">Authority</E> means the National Aeronautics and Space Administration (NASA).</P>
            <P>(c) <E T="03">Authority.</E> 51 U.S.C. 20113.</P>
            <P>(d) <E T="03">Scope.</E>This part applies to claims.</P>
            """))
        let formula = try Corpus.fixture("v-1214.813.xml", section("1214.813", "Computation of sharing and pricing parameters.", """
            <P>(b) <E T="03">Definitions used in computations</E>—(1) <E T="03">L</E>
              <E T="52">C</E>=Chargeable payload length, m.</P>
            <P>(2) <E T="03">W</E>=The weight of the customer's payload, kg.</P>
            """))
        let imported = try Corpus.collect([terms, formula])
        #expect(imported.provisions.map { "\($0.canonicalID): \($0.heading ?? "-")" } == [
            "1264.101: Definitions", "1264.101(a): -", "1264.101(b): -", "1264.101(c): Authority", "1264.101(d): Scope",
            "1214.813: Computation of sharing and pricing parameters", "1214.813(b): Definitions used in computations",
            "1214.813(b)(1): -", "1214.813(b)(2): -",
        ])
        #expect(imported.provision("1214.813(b)(1)")?.wording == "(1) L_C=Chargeable payload length, m.")
    }

    /// A heading never keeps a trailing comma (an italic run closed by one that is no term, as a
    /// paragraph with nothing after it).
    @Test func aHeadingDropsATrailingComma() {
        var scratch: [UInt8] = []
        #expect(MarkedParagraph.heading(Array("Export, ".utf8)[...], scratch: &scratch) == "Export")
        #expect(MarkedParagraph.heading(Array("In general.".utf8)[...], scratch: &scratch) == "In general")
    }
}
