import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// The real eCFR (bulk and versioner) and annual CFR files: sections, flat paragraphs rebuilt
/// into a hierarchy, and the ambiguities the marker solver reports.
@Suite struct EcfrImportTests {
    /// A bulk eCFR file of title `title` holding one section and one appendix, as the superscript
    /// tests give the same text to the section reader and to the tree flattening.
    static func sectionAndAppendix(title: String, section: String, heading: String, appendix: String, appendixHeading: String,
                                   sectionBody: String, appendixBody: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">\(title)</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
        <TEXT><BODY><ECFRBRWS><DIV1 N="\(title)" NODE="\(title):1" TYPE="TITLE"><HEAD>Title \(title)</HEAD>
        <DIV8 N="§ \(section)" TYPE="SECTION"><HEAD>§ \(section)   \(heading)</HEAD>
        \(sectionBody)
        </DIV8>
        <DIV9 N="\(appendix)" TYPE="APPENDIX"><HEAD>\(appendix)—\(appendixHeading)</HEAD>
        \(appendixBody)
        </DIV9>
        </DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
        """
    }

    @Test func bulkTitleOneImportsEverySectionOnce() throws {
        guard Corpus.available(Corpus.ecfrBulk) else { return }
        let imported = try Corpus.collect([Corpus.ecfrBulk])
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary.variant == "ecfr-bulk")
        #expect(summary.id == "us.cfr-1")
        #expect(summary[.section] == 288)  // 288 DIV8 in the file; the CFRTOC is not counted
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
    }

    @Test func section2Point2IsRebuiltFromFlatParagraphs() throws {
        guard Corpus.available(Corpus.ecfrBulk) else { return }
        let imported = try Corpus.collect([Corpus.ecfrBulk])
        let section = try #require(imported.provision("2.2"))
        #expect(section.sourceID == "§ 2.2")
        #expect(section.heading == "Administrative Committee of the Federal Register")
        #expect(section.citation == "1 CFR 2.2")
        let member = try #require(imported.provision("2.2(b)(1)"))
        #expect(member.level == .level2)
        #expect(member.parentID == "2.2(b)")
        #expect(member.sourceID == "§ 2.2(b)(1)")
        #expect(member.wording == "(1) The Archivist, or Acting Archivist, of the United States, who is the Chairman;")
        #expect(member.sourceURL == "https://www.ecfr.gov/current/title-1/section-2.2#p-2.2(b)(1)")
        // A paragraph's wording holds its subparagraphs'.
        let parent = try #require(imported.provision("2.2(b)"))
        #expect(parent.wording.hasPrefix("(b) The Committee consists of— (1) The Archivist"))
        // Spans run from the start tag to the end tag: the section, (b) with its three
        // subparagraphs, and (b)(1) whose </P> is on the next line.
        #expect(section.span.description == "\(Corpus.ecfrBulk), lines 148-166, DIV8[@N='§ 2.2']")
        #expect((parent.span.firstLine, parent.span.lastLine) == (152, 159))
        #expect((member.span.firstLine, member.span.lastLine) == (154, 155))
    }

    @Test func twoMarkersInOneParagraphOpenTwoLevels() throws {
        guard Corpus.available(Corpus.ecfrBulk) else { return }
        let imported = try Corpus.collect([Corpus.ecfrBulk])
        // <P>(2)(i) Is published data, criteria, standards, …
        let outer = try #require(imported.provision("51.7(a)(2)"))
        let inner = try #require(imported.provision("51.7(a)(2)(i)"))
        #expect(inner.parentID == "51.7(a)(2)")
        #expect(inner.level == .level3)
        #expect(inner.wording.hasPrefix("(i) Is published data, criteria, standards, specifications"))
        #expect(outer.wording.hasPrefix("(2)(i) Is published data"))
        #expect(imported.provision("51.7(a)(2)(ii)")?.parentID == "51.7(a)(2)")
        #expect(imported.provision("51.7(a)(3)(ii)")?.wording == "(ii) Whether it is bound, numbered, and organized, as applicable.")
    }

    @Test func versionerSectionWithAHeadingThenADashThenAChild() throws {
        guard Corpus.available(Corpus.ecfrVersioner) else { return }
        let imported = try Corpus.collect([Corpus.ecfrVersioner])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.variant == "ecfr-versioner")
        #expect(instrument.officialIDs.contains { $0.scheme == "cfr" && $0.value == "26 CFR 1.162-4" })
        #expect(instrument.sourceURL == "https://www.ecfr.gov/current/title-26/section-1.162-4")
        // The path keeps the server's placeholder (`/on/_SUBSTITUTE_DATE_/`): the file gives no date.
        #expect(instrument.versionLabel == "eCFR versioner API (ecfr.gov)")
        #expect(instrument.versionDate == nil)
        let section = try #require(imported.provision("1.162-4"))
        #expect(section.sourceID == "1.162-4")
        #expect(section.heading == "Repairs")
        // <P>(c) <I>Effective/applicability date</I>—(1) <I>In general.</I> This section applies …
        let c = try #require(imported.provision("1.162-4(c)"))
        #expect(c.heading == "Effective/applicability date")
        let c1 = try #require(imported.provision("1.162-4(c)(1)"))
        #expect(c1.parentID == "1.162-4(c)")
        #expect(c1.heading == "In general")
        #expect(c1.wording.hasPrefix("(1) In general. This section applies to taxable years beginning on or after January 1, 2014."))
        #expect(imported.provision("1.162-4(c)(3)")?.citation == "26 CFR 1.162-4(c)(3)")
        #expect(imported.provisions.count == 7)
        #expect(section.notes.contains { $0.kind == .amendment && $0.text.contains("T.D. 9636, 78 FR 57705") })
    }

    @Test func annualCFRSkipsItsTablesOfContents() throws {
        guard Corpus.available(Corpus.cfrAnnual) else { return }
        let imported = try Corpus.collect([Corpus.cfrAnnual])
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary.variant == "cfr-annual")
        // 1,720 SECTNO elements: 860 in sections, 860 in the parts' CONTENTS.
        #expect(summary[.section] == 860)
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.versionDate == LegalDate(iso: "2015-01-01"))
        let section = try #require(imported.provision("1201.103"))
        #expect(section.heading == "Administration")
        #expect(section.sourceID == "§ 1201.103")
        let b = try #require(imported.provision("1201.103(b)"))
        #expect(b.wording.hasPrefix("(b) The Deputy Administrator of NASA is also appointed by the President"))
        #expect(b.citation == "14 CFR 1201.103(b)")
    }

    /// § 1204.503: (h) with (1) and (2), then `(i) <E T="03">Distribution of documents.</E>`: a
    /// letter after (h), or a roman (i) under (h)(2)? The sequence allows both; the heading (like
    /// its lettered siblings') and the lone child decide for the letter, and the ambiguity is reported.
    @Test func anAmbiguousRomanOrLetterMarkerIsReported() throws {
        guard Corpus.available(Corpus.cfrAnnual) else { return }
        let imported = try Corpus.collect([Corpus.cfrAnnual])
        let letter = try #require(imported.provision("1204.503(i)"))
        #expect(letter.level == .paragraph)
        #expect(letter.heading == "Distribution of documents")
        #expect(letter.notes.contains { $0.kind == .unresolved && $0.text.contains("roman numeral") })
        #expect(imported.provision("1204.503(h)(2)(i)") == nil)
        let warning = try #require(imported.diagnostics.first { $0.subject == "1204.503(i)" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("read as letter at level 1"))
        #expect(warning.message.contains("also fits as roman numeral at level 3"))
        #expect(imported.summary.instruments.first?[.ambiguousMarkers] == 1)
    }

    @Test func unnumberedDefinitionsAreProvisionsWithTheirOwnPoints() throws {
        guard Corpus.available(Corpus.cfrAnnual) else { return }
        let imported = try Corpus.collect([Corpus.cfrAnnual])
        let term = try #require(imported.provision("1253.105 (Federal financial assistance)"))
        #expect(term.level == .definition)
        #expect(term.citation == "14 CFR 1253.105, “Federal financial assistance”")
        let point = try #require(imported.provision("1253.105 (Federal financial assistance)(1)(i)"))
        #expect(point.wording.hasPrefix("(i) The acquisition, construction, renovation"))
        // Every point below the term is cited alike, the first and the ones after it.
        #expect(imported.provision("1253.105 (Federal financial assistance)(1)")?.citation == "14 CFR 1253.105, “Federal financial assistance” (1)")
        #expect(imported.provision("1253.105 (Federal financial assistance)(2)")?.citation == "14 CFR 1253.105, “Federal financial assistance” (2)")
    }

    /// 14 CFR 1203b.102 and 1274.103 define run-in terms closed by a period (`<E T="03">Arrest.</E>
    /// An act, …`): each is a term with its own wording, not text of the term before it. The same
    /// markup in an appendix is not a definition.
    @Test func runInTermsOfADefinitionsSectionAreTerms() throws {
        guard Corpus.available(Corpus.cfrAnnual) else { return }
        let imported = try Corpus.collect([Corpus.cfrAnnual])
        let first = try #require(imported.provision("1203b.102 (Accredited Course of Training)"))
        #expect(first.wording == "Accredited Course of Training. A course of instruction offered by the NASA Protective Services Training Academy, or an equivalent course of instruction offered by another Federal agency. See § 1203b.103(a)(1).")
        let arrest = try #require(imported.provision("1203b.102 (Arrest)"))
        #expect(arrest.level == .definition)
        #expect(arrest.citation == "14 CFR 1203b.102, “Arrest”")
        #expect(arrest.wording.hasPrefix("Arrest. An act, resulting in the restriction of a person's movement"))
        #expect(imported.provision("1274.103 (Commercial item)")?.wording == "Commercial item. The definition in FAR 2.101 is applicable.")
        #expect(!imported.provisions.contains { $0.canonicalID.contains("Total Operating Costs") })
    }

    /// 15 CFR 772.1 in the eCFR's shape (QA, second pass: the wording of five of its terms, from
    /// the ecfr.gov text): a run-in term whose own paragraph opens its points (`<I>Build-to-Print
    /// technology.</I> (1) This is …`) numbers them below it, and every term stays at the top of
    /// the section: "Foreign person" is cited 15 CFR 772.1, “Foreign person”, never under a point
    /// of the term before it. A term whose numbering fits no reading (here (4) after (1)) is
    /// reported and noted alone.
    @Test func termsOfTheEARDefinitionsSectionStayAtTheTop() throws {
        func section(_ second: String) -> String {
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV8 N="772.1" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;: &quot;/on/2025-01-15/title-15/section-772.1&quot;, &quot;citation&quot;: &quot;15 CFR 772.1&quot;}">
            <HEAD>§ 772.1 Definitions of terms as used in the Export Administration Regulations (EAR).</HEAD>
            <P>The following are definitions of terms as used in the Export Administration Regulations (EAR).</P>
            <P><I>Bank.</I> Means any of the following:</P>
            <P>(a) Bank, savings association, credit union; or</P>
            <P>(b) A company organized under the laws of a foreign country.</P>
            <P><I>Build-to-Print technology.</I> (1) This is “production” “technology” that is sufficient for an inherently capable end user to produce or repair a commodity from engineering drawings without any of the following:</P>
            <P>(i) Revealing “development” “technology,” such as design methodology;</P>
            <P>(ii) Requiring assistance from the provider of the technology to produce or repair the commodity.</P>
            <P>(\(second)) Acceptance, test, or inspection criteria pertaining to the commodity at issue is included within the scope of “build-to-print technology” only if it is necessary to verify that the commodity is acceptable.</P>
            <P><I>Foreign person.</I> Any natural person who is not a lawful permanent resident of the United States.</P>
            </DIV8>
            """
        }
        let imported = try Corpus.collect([try Corpus.fixture("versioner-772.1.xml", section("2"))])
        #expect(imported.provisions.map(\.citation) == [
            "15 CFR 772.1", "15 CFR 772.1, “Bank”", "15 CFR 772.1, “Bank” (a)", "15 CFR 772.1, “Bank” (b)",
            "15 CFR 772.1, “Build-to-Print technology”", "15 CFR 772.1, “Build-to-Print technology” (1)",
            "15 CFR 772.1, “Build-to-Print technology” (1)(i)", "15 CFR 772.1, “Build-to-Print technology” (1)(ii)",
            "15 CFR 772.1, “Build-to-Print technology” (2)", "15 CFR 772.1, “Foreign person”",
        ])
        #expect(imported.diagnostics.isEmpty)
        let term = try #require(imported.provision("772.1 (Build-to-Print technology)"))
        #expect(term.wording.hasPrefix("Build-to-Print technology. (1) This is “production” “technology” that is sufficient"))
        #expect(term.wording.hasSuffix("only if it is necessary to verify that the commodity is acceptable."))
        #expect(imported.provision("772.1 (Build-to-Print technology)(1)")?.wording.hasPrefix("(1) This is “production”") == true)
        #expect(imported.provision("772.1 (Foreign person)")?.parentID == "772.1")

        let file = try Corpus.fixture("versioner-772.1-broken.xml", section("4"))
        let broken = try Corpus.collect([file])
        #expect(broken.provisions.map(\.citation).last == "15 CFR 772.1, “Foreign person”")
        #expect(broken.provisions.filter { $0.notes.contains(CFRSectionReader.unfittedNote("772.1")) }.map(\.citation) == [
            "15 CFR 772.1, “Build-to-Print technology”", "15 CFR 772.1, “Build-to-Print technology” (1)",
            "15 CFR 772.1, “Build-to-Print technology” (1)(i)", "15 CFR 772.1, “Build-to-Print technology” (1)(ii)",
            "15 CFR 772.1, “Build-to-Print technology” (4)",
        ])
        #expect(broken.diagnostics.map(\.description) == [
            "\(file):8: warning: § 772.1 (Build-to-Print technology): the paragraph markers of this definition do not follow the CFR levels (a)(1)(i)(A); their levels were taken from the marker kinds, and the definition and its paragraphs are marked unresolved [772.1 (Build-to-Print technology)]",
        ])
    }

    /// Which headings make a definitions section, where a term may be run in with a period.
    @Test func definitionsSectionsAreKnownByTheirHeading() {
        for heading in ["Definitions", "Definitions.", "DEFINITIONS", "Definition", "Definitions of terms as used in the Export Administration Regulations (EAR)",
                        "General definitions", "Terms and definitions.", "Scope and definitions"] {
            #expect(CFRSectionReader.isDefinitionsHeading(heading), "\(heading)")
        }
        for heading in ["Scope", "Exceptions to the definition of export", "Redefinitions", "Use of definitions in this part", "", "—", "Définitions"] {
            #expect(!CFRSectionReader.isDefinitionsHeading(heading), "\(heading)")
        }
    }

    /// `text` in a section's paragraph (a) (the section reader) and in an appendix (the tree
    /// flattening): what each reader makes of it, for superscripts both must read alike.
    func readBothWays(_ text: String, name: String) throws -> (section: String?, appendix: String?) {
        let file = try Corpus.fixture("ECFR-title15-\(name).xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS><AMDDATE>Jan. 2, 2025</AMDDATE>
            <DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15—Commerce</HEAD>
            <DIV5 N="774" NODE="15:2.1.3.4.27" TYPE="PART"><HEAD>PART 774—THE COMMERCE CONTROL LIST</HEAD>
            <DIV8 N="§ 774.9" NODE="15:2.1.3.4.27.0.1.9" TYPE="SECTION"><HEAD>§ 774.9   Superscripts.</HEAD>
            <P>(a) \(text)</P>
            </DIV8>
            <DIV9 N="Appendix A to Part 774" NODE="15:2.1.3.4.27.0.1.10" TYPE="APPENDIX"><HEAD>Appendix A to Part 774—Superscripts</HEAD>
            <P>\(text)</P>
            </DIV9>
            </DIV5></DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """)
        let imported = try Corpus.collect([file])
        return (imported.provision("774.9(a)")?.wording, imported.provision("Appendix A to Part 774")?.wording)
    }

    /// A superscript after a number is a power also where the file breaks the line before it, as
    /// the eCFR does in 4E091's Note 1 (`2.5 × 10⏎<SU>25</SU>`); after a word, or after a number
    /// and a space on the same line (`2019 <SU>2</SU>`), it stays a footnote mark.
    @Test func aPowerAfterALineBreakIsStillAPower() throws {
        let read = try readBothWays("more than 2.5 × 10\n<SU>25</SU> 'operations' of <I>10\n<SU>26</SU></I> and requirements <SU>1</SU> of 2019 <SU>2</SU> end.", name: "powers")
        let expected = "more than 2.5 × 10^25 'operations' of 10^26 and requirements of 2019 end."
        #expect(read.section == "(a) " + expected)
        #expect(read.appendix == expected)
    }

    /// An ordinal's raised suffix (`2<SU>nd</SU>`) and a trade mark (`Acme<SU>TM</SU>`) are text as
    /// printed, not powers (`2^nd`, `Acme^TM` failed a shipped "2nd" in cite-check); a suffix that
    /// does not fit its number, and a number after a number, are read as before.
    @Test func ordinalSuffixesAndTradeMarksAreTextNotPowers() throws {
        let read = try readBothWays("the 2<SU>nd</SU> business day, the 21<SU>st</SU>, 13<SU>th</SU> and 3<SU>rd</SU> days, the Acme<SU>TM</SU> and Orion<SU>SM</SU> marks, the n<SU>th</SU> and (n+1)<SU>th</SU>, 10<SU>st</SU> and 10<SU>26</SU>, at 5<E T=\"51\">°</E> C or 10<SU>°C</SU>.",
                                    name: "ordinals")
        // A raised degree sign is 5°, not 5 to the power ° (import audit, doubt 7).
        let expected = "the 2nd business day, the 21st, 13th and 3rd days, the Acme\u{2122} and Orion\u{2120} marks, the nth and (n+1)th, 10^st and 10^26, at 5° C or 10°C."
        #expect(read.section == "(a) " + expected)
        #expect(read.appendix == expected)
    }

    /// A subscript (`<E T="52">`, italic `<E T="54">`) is written `_c`, closed up to what it stands
    /// under, across the line break a file may put before it: the annual CFR's `W<E T="52">c</E>`
    /// read "Wc", a word, and `<E T="03">L</E>⏎<E T="52">C</E>` read "L C", two symbols.
    @Test func aSubscriptIsClosedUpAndMarked() throws {
        let read = try readBothWays("where <E T=\"03\">L</E>\n<E T=\"52\">C</E>=length, W<E T=\"52\">c</E>=weight and CO<E T=\"54\">2</E> <E T=\"52\">x</E> end.", name: "subscripts")
        let expected = "where L_C=length, W_c=weight and CO_2 _x end."
        #expect(read.section == "(a) " + expected)
        #expect(read.appendix == expected)
    }

    /// A subscript closes up only over a line break after a letter or digit: a space on one line,
    /// a marker's bracket, a sentence's end or a table cell's separator stays (re-audit: `(a)_2`,
    /// `|_2x`). GPO's italic superscript `E T="53"` is a power as `51` is (`10^26`, not `1026`).
    @Test func aSubscriptClosesUpOnlyWhereItStandsUnderSomething() throws {
        let read = try readBothWays("<E T=\"52\">2</E> units, x <E T=\"52\">i</E> and text.\n<E T=\"52\">3</E> end, and 10<E T=\"53\">26</E> FLOP.", name: "subscript-limits")
        let expected = "_2 units, x _i and text. _3 end, and 10^26 FLOP."
        #expect(read.section == "(a) " + expected)
        #expect(read.appendix == expected)
    }

    /// The corpus's subscripts: § 1214.119(l)(2)(i) and § 1214.813(b)(1), one symbol each.
    @Test func theAnnualCFRsSubscriptsAreOneSymbol() throws {
        guard Corpus.available(Corpus.cfrAnnual) else { return }
        let imported = try Corpus.collect([Corpus.cfrAnnual])
        #expect(imported.provision("1214.119(l)(2)(i)")?.wording.hasPrefix("(i) L_c=Chargeable payload length, m.") == true)
        #expect(imported.provision("1214.119(l)(2)(ii)")?.wording.hasPrefix("(ii) W_c=The weight, kg,") == true)
        #expect(imported.provision("1214.813(b)(1)")?.wording.hasPrefix("(1) L_C=Chargeable payload length, m.") == true)
        #expect(imported.provision("1214.813(b)(2)")?.wording.hasPrefix("(2) W_C=The weight") == true)
    }

    /// 15 CFR 772.1 as the eCFR lays it out (no title 15 file in the corpus: the shapes are from
    /// its published text): run-in italic terms, a cross-reference definition, a quoted CCL term
    /// with its category. A run-in italic phrase outside a definitions section stays text.
    @Test func theEARsDefinitionsAreTerms() throws {
        let file = try Corpus.fixture("ECFR-title15-772.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS><AMDDATE>Jan. 2, 2025</AMDDATE>
            <DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15—Commerce</HEAD>
            <DIV5 N="772" NODE="15:2.1.3.4.1" TYPE="PART"><HEAD>PART 772—DEFINITIONS OF TERMS</HEAD>
            <DIV8 N="§ 772.1" NODE="15:2.1.3.4.1.0.1.1" TYPE="SECTION">
            <HEAD>§ 772.1   Definitions of terms as used in the Export Administration Regulations (EAR).</HEAD>
            <P>The following are definitions of terms as used in the Export Administration Regulations (EAR).</P>
            <P>“<I>Accuracy.</I>” (Cat 2 and 6)—“Accuracy” is usually measured in terms of inaccuracy.</P>
            <P><I>“Adaptive control.”</I> (Cat 2)—A control system that adjusts the response from conditions detected during the operation.</P>
            <P><I>Export.</I> See § 734.13 of the EAR.</P>
            <P><I>Foreign person.</I> Any natural person who is not a lawful permanent resident of the United States.</P>
            <P><I>Technical Note.</I> A note on the term before it.</P>
            <P><I>Example 2.</I> An example of it.</P>
            </DIV8>
            <DIV8 N="§ 772.2" NODE="15:2.1.3.4.1.0.1.2" TYPE="SECTION">
            <HEAD>§ 772.2   Scope.</HEAD>
            <P>This part applies to the EAR.</P>
            <P><I>Purpose.</I> It defines terms.</P>
            </DIV8>
            </DIV5></DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """)
        let imported = try Corpus.collect([file])
        #expect(imported.provision("772.1 (Accuracy)")?.wording == "“Accuracy.” (Cat 2 and 6)—“Accuracy” is usually measured in terms of inaccuracy.")
        #expect(imported.provision("772.1 (Adaptive control)")?.citation == "15 CFR 772.1, “Adaptive control”")
        #expect(imported.provision("772.1 (Export)")?.wording == "Export. See § 734.13 of the EAR.")
        let person = try #require(imported.provision("772.1 (Foreign person)"))
        #expect(person.citation == "15 CFR 772.1, “Foreign person”")
        // Run-in notes and examples close with a period too, but are text of the term before them.
        #expect(person.wording == "Foreign person. Any natural person who is not a lawful permanent resident of the United States. Technical Note. A note on the term before it. Example 2. An example of it.")
        #expect(imported.provision("772.2")?.wording == "This part applies to the EAR. Purpose. It defines terms.")
        #expect(imported.provisions.filter { $0.canonicalID.hasPrefix("772.2") }.count == 1)
    }

    /// A term inside (a), then (b): (b) is the section's paragraph again, cited `426.207(b)`, not
    /// `426.207 (b)` as if it sat below the term.
    @Test func aParagraphAfterATermIsCitedAsTheSectionsOwn() throws {
        guard Corpus.available(Corpus.ecfrBulk) else { return }
        let imported = try Corpus.collect([Corpus.ecfrBulk])
        #expect(imported.provision("426.207(b)")?.citation == "1 CFR 426.207(b)")
        #expect(imported.provision("457.103 (Handicapped person)(2)")?.citation == "1 CFR 457.103, “Handicapped person” (2)")
    }

    /// `<I>Senior Agency Official for Privacy</I> (SAOP) shall mean …` (1 CFR 603.2): the
    /// abbreviation in parentheses after the italic term does not stop it being a term; the term is
    /// the italic text, the abbreviation stays in the wording. Before, both such terms were read as
    /// text of "Routine Use" before them (QA fidelity F2).
    @Test func aTermFollowedByItsAbbreviationIsATerm() throws {
        let file = try Corpus.fixture("v-603.2.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV8 N="603.2" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2025-01-16/title-1/section-603.2&quot;,&quot;citation&quot;:&quot;1 CFR 603.2&quot;}">
            <HEAD>§ 603.2 Definitions.</HEAD>
            <P>For purposes of this part, the following definitions shall apply:</P>
            <P><I>Routine Use</I> shall mean with respect to disclosure of a Record, the use of such Record for a compatible purpose.</P>
            <P><I>Senior Agency Official for Privacy</I> (SAOP) shall mean the individual responsible for the Privacy Act program.</P>
            <P><I>System of Records or System</I> (SOR or Systems) shall mean a group of any Records under the control of the NCPC.</P>
            </DIV8>
            """)
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.provisions.map(\.canonicalID) == ["603.2", "603.2 (Routine Use)", "603.2 (Senior Agency Official for Privacy)",
                                                           "603.2 (System of Records or System)"])
        #expect(imported.provision("603.2 (Routine Use)")?.wording == "Routine Use shall mean with respect to disclosure of a Record, the use of such Record for a compatible purpose.")
        let saop = try #require(imported.provision("603.2 (Senior Agency Official for Privacy)"))
        #expect(saop.heading == "Senior Agency Official for Privacy")
        #expect(saop.citation == "1 CFR 603.2, “Senior Agency Official for Privacy”")
        #expect(saop.wording == "Senior Agency Official for Privacy (SAOP) shall mean the individual responsible for the Privacy Act program.")
        guard Corpus.available(Corpus.ecfrBulk) else { return }
        let real = try Corpus.collect([Corpus.ecfrBulk])
        #expect(real.provision("603.2 (Routine Use)")?.wording == "Routine Use shall mean with respect to disclosure of a Record, the use of such Record for a purpose which is compatible with the purpose for which the Record is collected.")
        #expect(real.provision("603.2 (System of Records or System)")?.wording.hasPrefix("System of Records or System (SOR or Systems) shall mean a group of any Records under the control of the NCPC") == true)
    }

    /// Section numbers and headings are trimmed on their bytes when every character is one
    /// scalar, and by characters otherwise (a no-break space, a combining accent): both ways give
    /// the same numbers and headings.
    @Test func sectionNumbersAndHeadingsAreTrimmedAlikeOnEitherPath() throws {
        let file = try Corpus.fixture("ECFR-title15-headings.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS><DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15</HEAD>
            <DIV8 N="§ 9.1" TYPE="SECTION"><HEAD>§ 9.1   Scope and “terms”—general.</HEAD><P>(a) A.</P></DIV8>
            <DIV8 N="§&#160;9.2 " TYPE="SECTION"><HEAD>§&#160;9.2&#160;Non-breaking heading..</HEAD><P>(a) A.</P></DIV8>
            <DIV8 N="§ 9.3" TYPE="SECTION"><HEAD>§ 9.3 Re\u{301}sume\u{301}.</HEAD><P>(a) A.</P></DIV8>
            <DIV8 N="§§ 9.4-9.5" TYPE="SECTION"><HEAD>§§ 9.4-9.5 [Reserved]</HEAD></DIV8>
            <DIV8 N="§ 9.6" TYPE="SECTION"><HEAD>§ 9.6</HEAD><P>(a) A.</P></DIV8>
            </DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """)
        let imported = try Corpus.collect([file])
        #expect(imported.provision("9.1")?.heading == "Scope and “terms”—general")
        #expect(imported.provision("9.2")?.heading == "Non-breaking heading..")
        #expect(imported.provision("9.2(a)")?.citation == "15 CFR 9.2(a)")
        #expect(imported.provision("9.3")?.heading == "Re\u{301}sume\u{301}")
        #expect(imported.provision("9.4-9.5")?.heading == "[Reserved]")
        #expect(imported.provision("9.6")?.heading == nil)
    }

    /// A versioner file asked for a date names it in its path (`/on/2025-01-02/…`): that is the
    /// date of its text, which its links name. (Hand-made, in the versioner's shape: the corpus file has the placeholder.)
    @Test func aVersionerPathDateIsTheVersionOfTheText() throws {
        let section = try Corpus.fixture("v-772.9-dated.xml", """
            <DIV8 N="772.9" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2025-01-02/title-15/section-772.9&quot;,&quot;citation&quot;:&quot;15 CFR 772.9&quot;}">
            <HEAD>§ 772.9 Terms.</HEAD>
            <P>(a) A.</P>
            </DIV8>
            """)
        let imported = try Corpus.collect([section])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.versionLabel == "eCFR versioner API (ecfr.gov), text as of 2025-01-02")
        #expect(instrument.versionDate == LegalDate(iso: "2025-01-02"))
        #expect(instrument.sourceURL == "https://www.ecfr.gov/on/2025-01-02/title-15/section-772.9")
        // Its provisions link to the text of that date too, not to today's (importer QA 2026-12-07, L2).
        #expect(imported.provision("772.9(a)")?.sourceURL == "https://www.ecfr.gov/on/2025-01-02/title-15/section-772.9#p-772.9(a)")
    }

    /// A versioner file without its metadata (cut or hand-made) does not say its title: its
    /// provisions are cited without one, which is said once, at the root, rather than left to be
    /// read from a "Title ?" (QA 2026-12-07, L). A file that names its title is not warned.
    @Test func aFileThatDoesNotSayItsTitleIsWarnedOf() throws {
        let bare = try Corpus.fixture("v-1.1-bare.xml", """
            <?xml version="1.0"?>
            <DIV8 N="1.1" TYPE="SECTION"><HEAD>§ 1.1 Test.</HEAD><P>(a) Text.</P></DIV8>
            """)
        let imported = try Corpus.collect([bare])
        #expect(imported.instruments.first?.instrument.id == "us.cfr-x")
        #expect(imported.provision("1.1(a)")?.citation == "1.1(a)")
        #expect(imported.diagnostics.map(\.description) == [
            "\(bare):2: warning: the file does not say which CFR title it is from (no title number, citation or path in its metadata); its instrument is named us.cfr-x and its provisions are cited without a title [us.cfr-x]",
        ])
        let named = try Corpus.collect([bare], options: ImportOptions(instrumentID: "us.cfr-1"))
        #expect(named.diagnostics.map(\.message) == [
            "the file does not say which CFR title it is from (no title number, citation or path in its metadata); its provisions are cited without a title",
        ])
        if Corpus.available(Corpus.ecfrVersioner) {
            #expect(try Corpus.collect([Corpus.ecfrVersioner]).diagnostics.allSatisfy { !$0.message.contains("which CFR title") })
        }
    }

    /// An ambiguous (i) read as a letter below a defined term: the warning gives the path the
    /// letter reading makes, `(Term)(i)`, not the one through the paragraphs open before it.
    @Test func theAmbiguityWarningGivesThePathOfTheChosenReading() throws {
        let section = try Corpus.fixture("ECFR-title15-term-then-letters.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV8 N="772.9" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/2025-01-02/title-15/section-772.9&quot;,&quot;citation&quot;:&quot;15 CFR 772.9&quot;}">
            <HEAD>§ 772.9 Terms.</HEAD>
            <P><I>License</I> means any of the following:</P>
            <P>(a) A.</P><P>(b) B.</P><P>(c) C.</P><P>(d) D.</P><P>(e) E.</P><P>(f) F.</P><P>(g) G.</P>
            <P>(h) H.</P>
            <P>(1) H one.</P>
            <P>(i) I.</P>
            </DIV8>
            """)
        let imported = try Corpus.collect([section])
        let warning = try #require(imported.diagnostics.first { $0.subject == "772.9(i)" })
        #expect(warning.message.contains("(§ 772.9 (License)(i))"), "\(warning.message)")
        #expect(imported.provision("772.9 (License)(i)")?.citation == "15 CFR 772.9, “License” (i)")
    }

    /// Annual CFR § 1203a.102 numbers `(a)(3)(i)` then italic `(a)`…`(d)` then `(ii)`, which fits
    /// no reading of the CFR levels. The levels come from the marker kinds, every citation is the
    /// section's own once, no wording is lost, and every provision says that it was not fitted.
    @Test func aSectionNoReadingFitsIsCitedByItsMarkerKindsAndMarkedUnresolved() throws {
        guard Corpus.available(Corpus.cfrAnnual) else { return }
        let imported = try Corpus.collect([Corpus.cfrAnnual])
        let section = imported.provisions.filter { $0.canonicalID.hasPrefix("1203a.102") }
        #expect(section.map(\.citation) == ["", "(a)", "(a)(1)", "(a)(1)(i)", "(a)(1)(ii)", "(a)(1)(iii)", "(a)(2)", "(a)(3)", "(a)(3)(i)",
                                            "(a)(3)(i)(a)", "(a)(3)(i)(b)", "(a)(3)(i)(c)", "(a)(3)(i)(d)", "(a)(3)(ii)",
                                            "(b)", "(b)(1)", "(b)(2)", "(b)(3)", "(b)(4)", "(c)"].map { "14 CFR 1203a.102" + $0 })
        #expect(imported.provision("1203a.102(a)(1)(i)")?.wording == "(i) Obtain knowledge of classified information,")
        #expect(imported.provision("1203a.102(a)(2)")?.wording == "(2) The concurrence of the Assistant Administrator for Protective Services NASA Headquarters, shall be obtained prior to the establishment of a permanent security area.")
        let a3i = try #require(imported.provision("1203a.102(a)(3)(i)"))
        #expect(a3i.wording == "(i) At a minimum, the following information will be submitted to the Assistant Administrator for Protective Services 15 workdays prior to establishment of each permanent security area: (a) The name and specific location of the NASA Center or Component Facility, or property to be protected. (b) A statement that the property is owned by, or leased to, the United States for use by NASA or is the property of a NASA contractor located on a NASA Center or Component Facility. (c) Designation desired: i.e., controlled, limited, or Exclusion. (d) Specific purpose(s) for the establishment of a security area.")
        #expect(imported.provision("1203a.102(a)(3)")?.wording.hasPrefix("(3)(i) At a minimum, the following information") == true)
        let italic = try #require(imported.provision("1203a.102(a)(3)(i)(b)"))
        #expect(italic.level == .level5)
        #expect(italic.parentID == "1203a.102(a)(3)(i)")
        #expect(italic.wording == "(b) A statement that the property is owned by, or leased to, the United States for use by NASA or is the property of a NASA contractor located on a NASA Center or Component Facility.")
        #expect(imported.provision("1203a.102(b)")?.wording.hasPrefix("(b) Maintenance. The security measures") == true)
        let note = CFRSectionReader.unfittedNote("1203a.102")
        #expect(note.text == "The paragraph numbering of § 1203a.102 does not follow the usual CFR levels (a), (1), (i), (A); the level of each of its paragraphs, and so this citation, was inferred from the kind of its number alone and may be wrong. Check the official text.")
        for provision in section { #expect(provision.notes.filter { $0.kind == .unresolved } == [note], "\(provision.canonicalID)") }
        // Two other sections set out their numbered paragraphs in an `EXTRACT` whose numbering fits
        // no reading: § 1214.403, a code whose numbering restarts under its own headings ("I.
        // Introduction", "A. Authority"), and § 1274.911, whose "(a) Definitions. (1)" has a
        // heading in roman type, so (1) is not read and (2) follows (a). Their extracts are kept as
        // the section's wording, with a warning, a note and a count, not cited by marker kinds.
        let unfitted = Set(imported.provisions.filter { $0.notes.contains { $0.text.hasPrefix("The paragraph numbering of") } }
            .map { String($0.canonicalID.prefix { $0 != "(" && $0 != " " }) })
        #expect(unfitted == ["1203a.102"])
        let warning = try #require(imported.diagnostics.first { $0.subject == "1203a.102" })
        #expect(warning.location?.line == 1129)
        #expect(imported.summary.instruments.first?[.unfittedSections] == 1)
        #expect(imported.summary.instruments.first?[.duplicateCitations] == 0)
        #expect(imported.summary.instruments.first?[.extractsKeptAsText] == 2)
        #expect(imported.provisions.filter { $0.canonicalID.hasPrefix("1214.403") }.map(\.canonicalID) == ["1214.403"])
        #expect(imported.diagnostics.filter { $0.subject == "1214.403" }.map(\.description) == [
            "\(Corpus.cfrAnnual):5065: warning: § 1214.403: the 13 numbered paragraphs the section sets out in an EXTRACT fit no CFR reading of (a)(1)(i)(A); they are kept as the section's wording, not read as its paragraphs [1214.403]",
        ])
        #expect(imported.provision("1214.403")?.notes.contains { $0.kind == .unresolved && $0.text.hasPrefix("§ 1214.403 sets out a text whose numbering") } == true)
    }

    /// Levels taken from the marker kinds, or a term defined twice, can cite two paragraphs of a
    /// section alike: both are kept, with their citation, and each is reported rather than told
    /// apart silently. (Hand-made, in the versioner's shape: the corpus has no such section.)
    @Test func twoParagraphsCitedAlikeAreReported() throws {
        let file = try Corpus.fixture("ECFR-title15-restarted.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS><DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15</HEAD>
            <DIV8 N="§ 9.1" TYPE="SECTION"><HEAD>§ 9.1   Restarted.</HEAD>
            <P>(a) First.</P>
            <P>(b) Second.</P>
            <P>(1) Under the second.</P>
            <P>(a) A first again.</P>
            </DIV8>
            <DIV8 N="§ 9.2" TYPE="SECTION"><HEAD>§ 9.2   Terms.</HEAD>
            <P><I>Item</I> means a thing.</P>
            <P><I>Item</I> means another thing.</P>
            </DIV8>
            </DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """)
        let imported = try Corpus.collect([file])
        let restarted = imported.provisions.filter { $0.canonicalID == "9.1(a)" }
        #expect(restarted.map(\.wording) == ["(a) First.", "(a) A first again."])
        #expect(restarted.map(\.citation) == ["15 CFR 9.1(a)", "15 CFR 9.1(a)"])
        let duplicate = Note(kind: .unresolved, text: "2 paragraphs of § 9.1 (at lines 5 and 8 of the official file) read as § 9.1(a): this citation does not tell them apart. Check the official text.")
        for provision in restarted { #expect(provision.notes.contains(duplicate)) }
        #expect(imported.diagnostics.contains { $0.subject == "9.1(a)" && $0.location?.line == 5
            && $0.message == "§ 9.1: 2 paragraphs (lines 5 and 8) are all cited § 9.1(a); their citations are kept, their ids told apart by a suffix" })
        let terms = imported.provisions.filter { $0.canonicalID == "9.2 (Item)" }
        #expect(terms.map(\.wording) == ["Item means a thing.", "Item means another thing."])
        #expect(terms.allSatisfy { $0.notes.contains { $0.kind == .unresolved && $0.text.hasPrefix("2 paragraphs of § 9.2 (at lines 11 and 12") } })
        #expect(imported.summary.instruments.first?[.duplicateCitations] == 4)
        #expect(imported.summary.instruments.first?[.unfittedSections] == 1)
    }

    /// GPO superscripts (FORMATS.md §0.10, §7.6): a signed exponent is a power (`10^−3`, as the
    /// Formex reader writes it), `<sup>` (versioner tables) reads as `<SU>`, and a number's
    /// superscript dropped as a footnote mark because a space sets it apart (`10 <SU>26</SU>`) is
    /// reported on the provision and as a `file:line` warning. Hand-made in the documented shapes:
    /// the corpus has none of them. The section reader and the tree flattening (an appendix) agree.
    @Test func signedAndLowerCaseSuperscriptsArePowersAndADroppedOneIsReported() throws {
        let text = "more than 10<SU>−3</SU> W, 2.5 × 10<sup>24</sup> operations, 0.1 cm<SU>−1</SU>, 10 <SU>26</SU> operations and a note <SU>3</SU> here."
        let file = try Corpus.fixture("ECFR-title15-superscripts.xml", Self.sectionAndAppendix(
            title: "15", section: "774.9", heading: "Powers.", appendix: "Appendix A to Part 774", appendixHeading: "Powers",
            sectionBody: """
            <P>(a) \(text)</P>
            """, appendixBody: """
            <P>\(text)</P>
            """))
        let imported = try Corpus.collect([file])
        let expected = "more than 10^−3 W, 2.5 × 10^24 operations, 0.1 cm^−1, 10 operations and a note here."
        let paragraph = try #require(imported.provision("774.9(a)"))
        let appendix = try #require(imported.provision("Appendix A to Part 774"))
        #expect(paragraph.wording == "(a) " + expected)
        #expect(appendix.wording == expected)
        let note = Note(kind: .unresolved, text: "The official text prints a raised “26” after the number 10, set apart by a space. It is read as a footnote mark and left out of this wording; if it is an exponent, the number is 10^26. Check the official text.")
        #expect(paragraph.notes.contains(note))
        #expect(appendix.notes.contains(note))
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):5: warning: § 774.9(a): the superscript 26 after the number 10 is read as a footnote mark and left out of the wording (it is spaced from the number); if it is an exponent, the text means 10^26 [774.9(a)]",
            "\(file):8: warning: Appendix A to Part 774: the superscript 26 after the number 10 is read as a footnote mark and left out of the wording (it is spaced from the number); if it is an exponent, the text means 10^26 [Appendix A to Part 774]",
        ])
        #expect(imported.summary.instruments.first?[.droppedSuperscripts] == 2)
    }

    /// A spaced superscript after a number whose note the text keeps (`2019 <SU>2</SU>`, and a
    /// mistyped `10 <SU>26</SU>` with a note 26) is linked, ` [2]`, and still reported: a warning,
    /// a count and a note, as when it is dropped (QA verify-s10 N6, probe/cfr/t1.xml; before, it was
    /// linked silently). The section reader and the tree flattening (an appendix) agree.
    @Test func aSpacedSuperscriptLinkedToAKeptNoteIsStillReported() throws {
        let text = "a model trained on more than 10 <SU>26</SU> operations, as amended in 2019 <SU>2</SU>."
        let notes = "<P><SU>2</SU> See 84 FR 1000.</P>\n<P><SU>26</SU> A note numbered 26.</P>"
        let file = try Corpus.fixture("ECFR-title15-linked-superscripts.xml", Self.sectionAndAppendix(
            title: "15", section: "774.9", heading: "Powers.", appendix: "Appendix A to Part 774", appendixHeading: "Powers",
            sectionBody: """
            <P>(a) \(text)</P>
            \(notes)
            """, appendixBody: """
            <P>\(text)</P>
            \(notes)
            """))
        let imported = try Corpus.collect([file])
        let expected = "a model trained on more than 10 [26] operations, as amended in 2019 [2]."
        let paragraph = try #require(imported.provision("774.9(a)"))
        let appendix = try #require(imported.provision("Appendix A to Part 774"))
        #expect(paragraph.wording == "(a) " + expected + " [2] See 84 FR 1000. [26] A note numbered 26.")
        #expect(appendix.wording == expected + " [2] See 84 FR 1000. [26] A note numbered 26.")
        let expectedNotes = [
            Note(kind: .unresolved, text: "The official text prints a raised “26” after the number 10, set apart by a space. It is read as a footnote mark and written [26], linking it to the footnote numbered 26 that the text keeps; if it is an exponent, the number is 10^26. Check the official text."),
            Note(kind: .unresolved, text: "The official text prints a raised “2” after the number 2019, set apart by a space. It is read as a footnote mark and written [2], linking it to the footnote numbered 2 that the text keeps; if it is an exponent, the number is 2019^2. Check the official text."),
        ]
        #expect(paragraph.notes.filter { $0.kind == .unresolved } == expectedNotes)
        #expect(appendix.notes.filter { $0.kind == .unresolved } == expectedNotes)
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):5: warning: § 774.9(a): the superscript 26 after the number 10 is read as a footnote mark and written [26], the mark of the footnote the text keeps with that number (it is spaced from the number); if it is an exponent, the text means 10^26 [774.9(a)]",
            "\(file):5: warning: § 774.9(a): the superscript 2 after the number 2019 is read as a footnote mark and written [2], the mark of the footnote the text keeps with that number (it is spaced from the number); if it is an exponent, the text means 2019^2 [774.9(a)]",
            "\(file):10: warning: Appendix A to Part 774: the superscript 26 after the number 10 is read as a footnote mark and written [26], the mark of the footnote the text keeps with that number (it is spaced from the number); if it is an exponent, the text means 10^26 [Appendix A to Part 774]",
            "\(file):10: warning: Appendix A to Part 774: the superscript 2 after the number 2019 is read as a footnote mark and written [2], the mark of the footnote the text keeps with that number (it is spaced from the number); if it is an exponent, the text means 2019^2 [Appendix A to Part 774]",
        ])
        #expect(imported.summary.instruments.first?[.linkedSuperscripts] == 4)
        #expect(imported.summary.instruments.first?[.droppedSuperscripts] == 0)
    }

    /// A superscript closed up to a letter or a bracket is an exponent unless the text has a note
    /// with its mark (`2N<SU>2</SU>` is 2N², `ft/sec<SU>2</SU>` an acceleration, `(2N)<SU>2</SU>`,
    /// `2N<SU>n</SU>` and `Hz<SU>1/2</SU>` keep theirs: each was lost, QA normal F2, verify N2); a
    /// mark whose note is not there is written as a power too (`Cuba^a`: seen, where a lost
    /// exponent is not). Any text closed up to a digit is a power (`10<SU>2.5</SU>`, `10<SU>n</SU>`
    /// ran into the number as `102.5`, `10n`, F3). A mark after a word and a space, or whose note
    /// is kept (a table's `TNOTE`), or that references a footnote (`<FTREF/>` after it), is a
    /// footnote mark, even right after a power (`10<SU>26</SU><SU>3</SU><FTREF/>` is not 10^263,
    /// verify N1, V2), also with white space before its `FTREF` as the corpus has it (verify3 W1,
    /// W3); a footnote 1 left out elsewhere does not make `x<SU>1</SU>` a mark (verify2 V1). The
    /// section reader and the tree flattening (an appendix) agree.
    @Test func superscriptsAreExponentsUnlessTheirNoteIsKept() throws {
        let text = "2N<SU>2</SU> FLOP, 10 ft/sec<SU>2</SU>, 0.1 g<SU>2</SU>/Hz, more than 10<SU>2.5</SU> or 10<SU>n</SU>, "
            + "5 × 10<SU>−2.5</SU>, (2N)<SU>2</SU>, 2N<SU>n</SU>, 1 Hz<SU>1/2</SU>, Cuba<SU>a</SU> and Iran <SU>b</SU> too, shall<SU>1</SU><FTREF/> apply, "
            + "10<SU>26</SU><SU>3</SU><FTREF/> operations, 10<SU>2</SU><SU>6</SU> FLOP, x<SU>1</SU> + y<SU>1</SU>, "
            + "the rule<SU>1</SU>\n    <FTREF/> and 10<SU>26</SU>\n<SU>1</SU>\n<FTREF/> FLOP."
        let table = "<GPOTABLE><ROW><ENT>100<SU>c</SU></ENT><ENT>7<SU>d</SU></ENT></ROW><TNOTE><SU>c</SU> In kilograms.</TNOTE></GPOTABLE>"
        let footnote = "<FTNT><P><SU>1</SU> As amended.</P></FTNT>"
        let file = try Corpus.fixture("ECFR-title15-exponents.xml", Self.sectionAndAppendix(
            title: "15", section: "774.8", heading: "Exponents.", appendix: "Appendix B to Part 774", appendixHeading: "Exponents",
            sectionBody: """
            <P>(a) \(text)</P>
            <P>(b) A table: \(table)</P>
            \(footnote)
            """, appendixBody: """
            <P>\(text)</P>
            <P>\(table)</P>
            \(footnote)
            """))
        let imported = try Corpus.collect([file])
        let expected = "2N^2 FLOP, 10 ft/sec^2, 0.1 g^2/Hz, more than 10^2.5 or 10^n, 5 × 10^−2.5, (2N)^2, 2N^n, 1 Hz^1/2, Cuba^a and Iran too, shall apply, "
            + "10^26 operations, 10^26 FLOP, x^1 + y^1, the rule and 10^26 FLOP."
        #expect(imported.provision("774.8(a)")?.wording == "(a) " + expected)
        #expect(imported.provision("774.8(b)")?.wording == "(b) A table: ¶ 100 [c] | 7^d ¶ [c] In kilograms.")
        let appendix = try #require(imported.provision("Appendix B to Part 774")?.wording)
        #expect(appendix.hasPrefix(expected + " ¶ 100 [c] | 7^d ¶ [c] In kilograms."), "\(appendix)")
    }

    /// A unit's exponent and an isotope's mass number follow no number but are text, not footnote
    /// marks: `40 cm<SU>3</SU>` is 40 cm^3, `(<SU>2</SU>H)` is deuterium (^2H), not hydrogen (H). The
    /// isotopes are 10 CFR 810.7(c)(3)'s wording (ecfr.gov, via the markdown mirror MichalOpoka/ecfr,
    /// with GPO's `<SU>` markup); the units are in the CCL's shape. A mark after a word or after
    /// punctuation, or before a word (`<SU>3</SU>Under`), stays a footnote mark; one closed up to a
    /// word is a power unless the text keeps its note (`Superscript.reading`, QA normal F2). The
    /// section reader and the tree flattening agree.
    @Test func unitExponentsAndMassNumbersAreKept() throws {
        let text = "large-scale separation of deuterium (<SU>2</SU>H) from protium (<SU>1</SU>H), <SU>235</SU>U, a volume of 40 cm<SU>3</SU>, an area of 2 m<SU>2</SU>, 5 W/m<SU>2</SU> and 9.8 m/s<SU>2</SU>; requirements <SU>1</SU> and items.<SU>2</SU>The end. <SU>3</SU>Under (<SU>4</SU>See note)."
        let file = try Corpus.fixture("ECFR-title10-isotopes.xml", Self.sectionAndAppendix(
            title: "10", section: "810.7", heading: "Generally authorized activities.", appendix: "Appendix A to Part 810", appendixHeading: "Units",
            sectionBody: """
            <P>(c) \(text)</P>
            """, appendixBody: """
            <P>\(text)</P>
            """))
        let imported = try Corpus.collect([file])
        let expected = "large-scale separation of deuterium (^2H) from protium (^1H), ^235U, a volume of 40 cm^3, an area of 2 m^2, 5 W/m^2 and 9.8 m/s^2; requirements and items.The end. Under (See note)."
        #expect(imported.provision("810.7(c)")?.wording == "(c) " + expected)
        #expect(imported.provision("Appendix A to Part 810")?.wording == expected)
        #expect(imported.diagnostics.isEmpty)
    }

    /// A table note opens with its mark (`<TNOTE><SU>1</SU>Under …`): it follows no number, though
    /// the cell before it ends in one and a line break parts them, which after a digit in running
    /// text makes a power (4E091's `10⏎<SU>25</SU>`). Read as one, a cell `5` became "5^1". The
    /// shape is GPO's GPOTABLE (the QA checker's probe); section reader and tree flattening agree.
    @Test func aTableNotesMarkIsNoPowerOfTheCellBefore() throws {
        let table = """
            <GPOTABLE COLS="2" OPTS="L2"><BOXHD><CHED H="1">Item</CHED><CHED H="1">Rate</CHED></BOXHD>
            <ROW><ENT I="01">Alpha</ENT><ENT>5</ENT></ROW>
            <TNOTE><SU>1</SU>Under license exception.</TNOTE>
            </GPOTABLE>
            """
        let file = try Corpus.fixture("ECFR-title22-tnote.xml", Self.sectionAndAppendix(
            title: "22", section: "999.8", heading: "Table probe.", appendix: "Appendix A to Part 999", appendixHeading: "Rates",
            sectionBody: """
            <P>(a) Rates are in Table 1.</P>
            \(table)
            """, appendixBody: """
            \(table)
            """))
        let imported = try Corpus.collect([file])
        // The table by its convention (`TableText`); the note keeps its number, as "[1]".
        #expect(imported.provision("999.8(a)")?.wording == "(a) Rates are in Table 1. ¶ Item | Rate ¶ Alpha | 5 ¶ [1] Under license exception.")
        #expect(imported.provision("Appendix A to Part 999")?.wording == "¶ Item | Rate ¶ Alpha | 5 ¶ [1] Under license exception.")
        #expect(imported.diagnostics.isEmpty)
    }

    /// eCFR table cells and an example's `HED` and `PSPACE` are blocks: a space between them, so
    /// that words never fuse (FORMATS.md §1.5). 1 CFR 17.2(c) holds a table, 426.210 three
    /// examples, 21.45 an authority citation as an example.
    @Test func tableCellsAndBlocksInsideASectionAreSpaced() throws {
        guard Corpus.available(Corpus.ecfrBulk) else { return }
        let imported = try Corpus.collect([Corpus.ecfrBulk])
        #expect(imported.provision("17.2(c)")?.wording == "(c) The regular schedule for filing for public inspection and publication is as follows: ¶ Received before 2:00 p.m. | Filed for public inspection | Published ¶ Monday | Wednesday | Thursday ¶ Tuesday | Thursday | Friday ¶ Wednesday | Friday | Monday ¶ Thursday | Monday | Tuesday ¶ Friday | Tuesday | Wednesday ¶ Where a legal Federal holiday intervenes, one additional work day is added.")
        #expect(imported.provision("21.45")?.wording == "Citation to a nonstatutory document as authority shall be placed after the statutory citations. For example: Authority: Sec. 9, Pub. L. 89-670, 80 Stat. 944 (49 U.S.C. 1657). E.O. 11222, 30 FR 6469, 3 CFR, 1965 Comp., p. 10.")
        #expect(imported.provision("426.210(b) (Educational institution)")?.wording == "Educational institution means any school that operates a program of scholarly research. A requester in this fee category must show that the request is made in connection with his or her role at the educational institution. The Commission may seek verification from the requester that the request is in furtherance of scholarly research and the Commission will advise requesters of their placement in this category. Example 1. A request from a professor of geology at a university for records relating to soil erosion, written on letterhead of the Department of Geology, would be presumed to be from an educational institution. Example 2. A request from the same professor of geology seeking drug information from the Food and Drug Administration in furtherance of a murder mystery he is writing would not be presumed to be an institutional request, regardless of whether it was written on institutional stationery. Example 3. A student who makes a request in furtherance of their coursework or other school-sponsored activities and provides a copy of a course syllabus or other reasonable documentation to indicate the research purpose for the request, would qualify as part of this fee category.")
    }
}
