import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// A date field that is there but is not a date (QA dates7 #5, #6) leaves the text undated and
/// says so: a `file:line: warning:` naming the field and its value, the summary's counter, an
/// unresolved note on the instrument, and cite-check's per-file line. A field of several dates
/// gives the first and says so. The dates read right before are read as before.
///
/// The fixtures are cut down from QA dates7's inputs (/tmp/qa/dates7): `bulk/f8.xml` (the eCFR
/// bulk shape of gen_bulk.py, its header from the corpus ECFR-title1.xml), `annual/v7.xml`,
/// `vpath/v-2025-02-30.xml`, `frd/d6.xml` and `akn/e-0230-object.xml` (the hand-made AI Act AKN
/// of /tmp/qa/citecheck6/akn/ai-akn.xml), each with its date field as the test names.
@Suite struct VersionDateFieldTests {
    static func bulk(_ amddate: String) throws -> String {
        try Corpus.fixture("ECFR-title15-dated.xml", """
            <?xml version="1.0" encoding="UTF-8" ?>
            <DLPSTEXTCLASS>
            <HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">
            15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS>
            <AMDDATE>\(amddate)</AMDDATE>
            <DIV1 N="15" NODE="15:2" TYPE="TITLE">
            <HEAD>Title 15—Commerce and Foreign Trade--Volume 2</HEAD>
            <DIV5 N="734" NODE="15:2.1.3.4.5" TYPE="PART">
            <DIV8 N="§ 734.13" NODE="15:2.1.3.4.5.0.1.13" TYPE="SECTION">
            <HEAD>§ 734.13   Export.</HEAD>
            <P>(a) Except as set forth in § 734.17 or § 734.18, <I>export</I> means:</P>
            </DIV8></DIV5></DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """)
    }

    @Test func aBulkAMDDATEThatIsNotADateIsSaid() throws {
        let file = try Self.bulk("Feb. 30, 2025\n")
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.map(\.description) == ["\(file):6: warning: AMDDATE 'Feb. 30, 2025' is not a date: the text is undated"])
        #expect(imported.summary.instruments.first?.counters == [.unreadDates: 1])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.versionDate == nil)
        #expect(instrument.versionLabel == "eCFR (GovInfo bulk data), amended through Feb. 30, 2025")
        #expect(instrument.notes.last == Note(kind: .unresolved, text: "The file's AMDDATE, “Feb. 30, 2025”, is not a date: this text is taken as undated, so it cannot be placed before or after a dated text of the same provisions. Check the date of the official text."))
        #expect(CitationChecker.describe(instrument, dialect: .ecfr)
            == "Title 15—Commerce and Foreign Trade--Volume 2, undated (AMDDATE 'Feb. 30, 2025' is not a date)")
    }

    @Test(arguments: ["2025-01-02", "01/02/2025", "Jun. 31, 2025", "Dec. 29, 25", "29 Dec 2025", "Jan. 32, 2025"])
    func otherBulkAMDDATEsThatAreNotDates(_ value: String) throws {
        let file = try Self.bulk(value)
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.map(\.description) == ["\(file):6: warning: AMDDATE '\(value)' is not a date: the text is undated"])
        #expect(imported.instruments.first?.instrument.versionDate == nil)
    }

    /// The dates read right before (QA dates7, "Checked and right") are read as before, silently.
    @Test(arguments: [("Dec. 29, 2022(fm)\n", "2022-12-29"), ("Jan. 2, 2025", "2025-01-02"), ("Sept. 5, 2025", "2025-09-05"),
                      ("Sept 5, 2025", "2025-09-05"), ("Dec 29 2025", "2025-12-29"), ("Mon Jan 2 2025", "2025-01-02"),
                      ("Feb. 29, 2024", "2024-02-29"), ("Dec. 29, 2025 (fm)", "2025-12-29")])
    func bulkDatesReadBeforeAreReadTheSame(_ value: String, _ iso: String) throws {
        let imported = try Corpus.collect([try Self.bulk(value)])
        #expect(imported.diagnostics.isEmpty)
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.versionDate == LegalDate(iso: iso))
        #expect(instrument.versionDateRemark == nil)
        #expect(!instrument.notes.contains { $0.kind == .unresolved })
        #expect(CitationChecker.describe(instrument, dialect: .ecfr) == "Title 15—Commerce and Foreign Trade--Volume 2, text as of \(iso)")
    }

    @Test func aBulkAMDDATEOfTwoDatesSaysTheFirstIsTaken() throws {
        let file = try Self.bulk("Jan. 2, 2025, and Mar. 3, 2026")
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.map(\.description) == ["\(file):6: warning: AMDDATE 'Jan. 2, 2025, and Mar. 3, 2026' gives 2 dates: the first, 2025-01-02, is taken as the text's date"])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.versionDate == LegalDate(iso: "2025-01-02"))
        #expect(instrument.notes.last == Note(kind: .unresolved, text: "The file's AMDDATE, “Jan. 2, 2025, and Mar. 3, 2026”, gives 2 dates: the first, 2025-01-02, is taken as the date of this text. Check the date of the official text."))
        #expect(CitationChecker.describe(instrument, dialect: .ecfr)
            == "Title 15—Commerce and Foreign Trade--Volume 2, text as of 2025-01-02 (AMDDATE 'Jan. 2, 2025, and Mar. 3, 2026' gives 2 dates: the first, 2025-01-02, is taken)")
    }

    static func annual(_ revised: String) throws -> String {
        try Corpus.fixture("CFR-2026-title15-vol2.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <CFRDOC>
              <FMTR>
                <TITLEPG>
                  <TITLENUM>Title 15</TITLENUM>
                  <SUBJECT>Commerce and Foreign Trade</SUBJECT>
                  <REVISED>\(revised)</REVISED>
                </TITLEPG>
              </FMTR>
              <TITLE><CHAPTER><PART>
                <SECTION><SECTNO>§ 734.13</SECTNO><SUBJECT>Export.</SUBJECT>
                <P>(a) Except as set forth in § 734.17 or § 734.18, <I>export</I> means:</P></SECTION>
              </PART></CHAPTER></TITLE>
            </CFRDOC>
            """)
    }

    @Test func anAnnualEditionDateThatIsNotADateIsSaid() throws {
        let file = try Self.annual("Revised as of February 30, 2026")
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.map(\.description) == ["\(file):7: warning: REVISED 'Revised as of February 30, 2026' is not a date: the text is undated"])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.versionDate == nil)
        #expect(CitationChecker.describe(instrument, dialect: .ecfr).hasSuffix(", undated (REVISED 'Revised as of February 30, 2026' is not a date)"))

        let right = try Corpus.collect([try Self.annual("Revised as of Jan. 1, 2026")])
        #expect(right.diagnostics.isEmpty)
        #expect(right.instruments.first?.instrument.versionDate == LegalDate(iso: "2026-01-01"))
    }

    static func versioner(_ date: String) throws -> String {
        try Corpus.fixture("v-734.13.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV8 N="734.13" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;: &quot;/on/\(date)/title-15/section-734.13&quot;, &quot;citation&quot;: &quot;15 CFR 734.13&quot;}">
            <HEAD>§ 734.13 Export.</HEAD>
            <P>(a) Except as set forth in § 734.17 or § 734.18, <I>export</I> means:</P>
            </DIV8>
            """)
    }

    @Test func aVersionerPathDateThatIsNotADateIsSaid() throws {
        let file = try Self.versioner("2025-02-30")
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.map(\.description) == ["\(file):2: warning: hierarchy_metadata path '/on/2025-02-30/' is not a date: the text is undated"])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(CitationChecker.describe(instrument, dialect: .ecfr) == "15 CFR 734.13 (eCFR), undated (hierarchy_metadata path '/on/2025-02-30/' is not a date)")
        // The server's placeholder is no date, as documented, and not a warning.
        let placeholder = try Corpus.collect([try Self.versioner("_SUBSTITUTE_DATE_")])
        #expect(placeholder.diagnostics.isEmpty)
        #expect(placeholder.instruments.first.map { CitationChecker.describe($0.instrument, dialect: .ecfr) } == "15 CFR 734.13 (eCFR), undated")
        #expect(try Corpus.collect([try Self.versioner("2025-01-02")]).instruments.first?.instrument.versionDate == LegalDate(iso: "2025-01-02"))
    }

    /// Files joined into one instrument list each file's version: one whose path date is not a
    /// date says so, and is not said to have no date; each file's warning is given.
    @Test func aJoinedFileWhoseDateIsNotADateIsListedAsSuch() throws {
        let bad = try Self.versioner("2025-02-30")
        let good = try Corpus.fixture("v-734.3.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV8 N="734.3" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;: &quot;/on/2025-01-02/title-15/section-734.3&quot;, &quot;citation&quot;: &quot;15 CFR 734.3&quot;}">
            <HEAD>§ 734.3 Items subject to the EAR.</HEAD>
            <P>(a) Except for items excluded in paragraph (b) of this section, the following items are subject to the EAR:</P>
            </DIV8>
            """)
        let imported = try Corpus.collect([bad, good])
        #expect(imported.diagnostics.map(\.description) == ["\(bad):2: warning: hierarchy_metadata path '/on/2025-02-30/' is not a date: the text is undated"])
        let joined = try #require(imported.instruments.first?.instrument)
        #expect(imported.instruments.count == 1)
        #expect(joined.versionDate == nil)
        #expect(joined.notes.contains { $0.text.contains("1. v-734.13.xml: 15 CFR 734.13 (eCFR), eCFR versioner API (ecfr.gov) (hierarchy_metadata path '/on/2025-02-30/' is not a date); 2. v-734.3.xml: 15 CFR 734.3 (eCFR), eCFR versioner API (ecfr.gov), text as of 2025-01-02.") })
    }

    /// An issue's DATE is warned of once, and each rule of the issue is undated with the note.
    @Test func aFederalRegisterIssueDateThatIsNotADateIsSaidOnce() throws {
        func rule(_ number: Int) -> String {
            """
            <RULE>
            <PREAMB><AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY><CFR>15 CFR Part 734</CFR>
            <SUBJECT>Definition of Export (QA test rule \(number))</SUBJECT>
            <ACT><HD SOURCE="HED">ACTION:</HD><P>Final rule.</P></ACT></PREAMB>
            <SUPLINF><PRTPAGE P="7000\(number)"/><P>Part 734 is amended as follows:</P></SUPLINF>
            <FRDOC>[FR Doc. 2026-2999\(number) Filed 11-30-26; 8:45 am]</FRDOC>
            </RULE>
            """
        }
        let file = try Corpus.fixture("FR-2026-11-31.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <FEDREG><VOL>91</VOL><NO>230</NO><DATE>Monday, November 31, 2026</DATE><UNITNAME>Rules and Regulations</UNITNAME><RULES>
            \(rule(1))
            \(rule(2))
            </RULES></FEDREG>
            """)
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.map(\.description) == ["\(file):2: warning: issue DATE 'Monday, November 31, 2026' is not a date: the text is undated"])
        #expect(imported.instruments.map(\.instrument.versionDate) == [nil, nil])
        #expect(imported.instruments.allSatisfy { $0.instrument.notes.last?.text.hasPrefix("The file's issue DATE, “Monday, November 31, 2026”, is not a date") == true })
        let first = try #require(imported.instruments.first?.instrument)
        #expect(CitationChecker.describe(first, dialect: .fr)
            == "Federal Register rule FR Doc. 2026-29991 (“Definition of Export (QA test rule 1)”; 15 CFR Part 734), undated (issue DATE 'Monday, November 31, 2026' is not a date)")
    }

    static func akn(expressionDate: String) throws -> String {
        try Corpus.fixture("ai-akn.xml", """
            <?xml version='1.0' encoding='utf-8'?>
            <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
              <act name="regulation">
                <meta>
                  <identification source="#cirsfid">
                    <FRBRWork>
                      <FRBRthis value="/akn/eu/act/regulation/ep/2024/1689/!main"/>
                      <FRBRuri value="/akn/eu/act/regulation/ep/2024/1689/"/>
                      <FRBRalias value="32024R1689" name="CELEX"/>
                      <FRBRdate date="2024-06-13" name="Act Date"/>
                      <FRBRauthor href="#EP"/>
                      <FRBRcountry value="eu"/>
                      <FRBRnumber value="1689"/>
                    </FRBRWork>
                    <FRBRExpression>
                      <FRBRthis value="/akn/eu/act/regulation/ep/2024/1689/EN@/!main"/>
                      <FRBRuri value="/akn/eu/act/regulation/ep/2024/1689/EN@/!main"/>
                      <FRBRdate date="\(expressionDate)" name="Consolidation"/>
                      <FRBRauthor href="#EP"/>
                      <FRBRlanguage language="en-EN"/>
                    </FRBRExpression>
                  </identification>
                </meta>
                <body>
                  <article eId="art_92"><num>Article 92</num><heading>Power to conduct evaluations</heading>
                    <paragraph eId="art_92__para_3"><num>3.</num><content><p>The AI Office may request access to the model, including object code.</p></content></paragraph>
                  </article>
                </body>
              </act>
            </akomaNtoso>
            """)
    }

    /// The malformed expression date no longer becomes the work's date (2024-06-13), which made a
    /// consolidation lose silently to any later text; the act's date is still noted.
    @Test(arguments: ["2026-02-30", "30-11-2026"])
    func anAkomaNtosoExpressionDateThatIsNotADateLeavesTheTextUndated(_ value: String) throws {
        let file = try Self.akn(expressionDate: value)
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.map(\.description) == ["\(file):18: warning: expression FRBRdate '\(value)' is not a date: the text is undated"])
        #expect(imported.summary.instruments.first?.counters == [.unreadDates: 1])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.versionDate == nil)
        #expect(instrument.versionLabel == "Akoma Ntoso 3.0 text, undated (expression FRBRdate '\(value)' is not a date)")
        #expect(instrument.notes.dropFirst().map(\.text) == [
            "Date of the act: 2024-06-13 (FRBRWork date “Act Date”).",
            "The file's expression FRBRdate, “\(value)”, is not a date: this text is taken as undated, so it cannot be placed before or after a dated text of the same provisions. Check the date of the official text.",
        ])
        #expect(CitationChecker.describe(instrument, dialect: .akn) == "regulation, undated (expression FRBRdate '\(value)' is not a date)")
    }

    /// The drafts' placeholder, a bare year and an empty value stay no date, and the work's date
    /// is taken, as documented; a full date is the expression's.
    @Test(arguments: [("2999-01-01", "work dated 2024-06-13 (the file gives no expression date)", "2024-06-13"),
                      ("2026", "work dated 2024-06-13 (the file gives no expression date)", "2024-06-13"),
                      ("", "work dated 2024-06-13 (the file gives no expression date)", "2024-06-13"),
                      ("2026-11-30T00:00:00Z", "expression of 2026-11-30", "2026-11-30")])
    func akomaNtosoDatesReadBeforeAreReadTheSame(_ value: String, _ label: String, _ iso: String) throws {
        let imported = try Corpus.collect([try Self.akn(expressionDate: value)])
        #expect(imported.diagnostics.isEmpty)
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.versionLabel == "Akoma Ntoso 3.0 " + label)
        #expect(instrument.versionDate == LegalDate(iso: iso))
    }
}
