import ClauseGraph
@testable import EccaFormats
import EccaTestSupport
import Foundation
import Testing

/// The structure of a CFR section above and beside its paragraph markers: the US Munitions List's
/// categories (22 CFR 121.1), paragraphs set in an `EXTRACT`, and notes that name their target.
///
/// The USML fixtures copy elements verbatim from the QA reviewer's files built from the ecfr.gov
/// text of 22 CFR 121.1 (/tmp/qa/cfr3/src/v-121.1.xml and annual-22-121.1-extract.xml; text from
/// MichalOpoka/ecfr, part-121-…/section-121.1.md, commit 3d76687d). Two things are left out,
/// as the reviewer's mut/v-121.1-nostar.xml leaves them out, because reading them is the marker
/// tokenizer's matter, not the section's: the asterisk that marks significant military
/// equipment (`* (a)`) and the reserved ranges (`(j)-(w) [Reserved]`). The markup (`HD1`,
/// annual `HD SOURCE="HD1"`, `NOTE`/`HED`) is the GPO's as the reviewer infers it; no raw XML of
/// title 22 is in the corpus.
@Suite struct CFRSectionStructureTests {
    /// Category I (a)-(d) with the note to (c), (h) with its four parts, the note to Category I,
    /// Category II (a) with its five parts and their notes, and (j)(10) with its note.
    static let categories = """
        <HD1>Category I—Firearms and Related Articles</HD1>
        <P>(a) Firearms using caseless ammunition.</P>
        <P>(b) Fully automatic firearms to .50 caliber (12.7 mm) inclusive.</P>
        <P>(c) Firearms specially designed to integrate fire control, automatic tracking, or automatic firing (e.g., Precision Guided Firearms).</P>
        <NOTE>
        <HED>Note 1 to paragraph (c):</HED>
        <P>Integration does not include only attaching to the firearm or rail.</P>
        </NOTE>
        <P>(d) Fully automatic shotguns regardless of gauge.</P>
        <P>(e) Silencers, mufflers, and sound suppressors.</P>
        <P>(f) [Reserved]</P>
        <P>(g) Barrels, receivers (frames), bolts, bolt carriers, slides, or sears specially designed for the articles in paragraphs (a), (b), and (d) of this category.</P>
        <P>(h) Parts, components, accessories, and attachments, as follows:</P>
        <P>(1) Drum and other magazines for firearms to .50 caliber (12.7 mm) inclusive with a capacity greater than 50 rounds, regardless of jurisdiction of the firearm, and specially designed parts and components therefor;</P>
        <P>(2) Parts and components specially designed for conversion of a semi-automatic firearm to a fully automatic firearm;</P>
        <P>(3) Parts and components specially designed for defense articles described in paragraphs (c) and (e) of this category; or</P>
        <P>(4) Accessories or attachments specially designed to automatically stabilize aim (other than gun rests) or for automatic targeting, and specially designed parts and components therefor.</P>
        <NOTE>
        <HED>Note 1 to Category I:</HED>
        <P>The following interpretations explain and amplify the terms used in this category:</P>
        <P>(1) A firearm is a weapon not over .50 caliber (12.7 mm) which is designed to expel a projectile by the deflagration of propellant;</P>
        </NOTE>
        <HD1>Category II—Guns and Armament</HD1>
        <P>(a) Guns and armament greater than .50 caliber (12.7 mm), as follows:</P>
        <P>(1) Guns, howitzers, artillery, and cannons;</P>
        <P>(2) Mortars;</P>
        <P>(3) Recoilless rifles;</P>
        <P>(4) Grenade launchers; or</P>
        <P>(5) Developmental guns and armament greater than .50 caliber (12.7 mm) funded by the Department of Defense and specially designed parts and components therefor.</P>
        <NOTE>
        <HED>Note 3 to paragraph (a)(5):</HED>
        <P>This provision is applicable to those contracts or other funding authorizations that are dated January 23, 2021, or later.</P>
        </NOTE>
        <NOTE>
        <HED>Note 2 to paragraph (a):</HED>
        <P>Guns and armament when integrated into their carrier (e.g., surface vessels, ground vehicles, or aircraft) are controlled in the category associated with the carrier. Self-propelled guns and armament are controlled in USML Category VII. Towed guns and armament and stand-alone guns and armament are controlled under this category.</P>
        </NOTE>
        <P>(b) Flamethrowers with an effective range greater than or equal to 20 meters.</P>
        <P>(c) [Reserved]</P>
        <P>(d) Kinetic energy weapon systems specially designed for destruction or rendering mission-abort of a target.</P>
        <P>(e) Signature reduction devices specially designed for the guns and armament controlled in paragraphs (a), (b), and (d) of this category (e.g., muzzle flash suppression devices).</P>
        <P>(f) [Reserved]</P>
        <P>(g) [Reserved]</P>
        <P>(h) [Reserved]</P>
        <P>(i) [Reserved]</P>
        <P>(j) Parts, components, accessories, and attachments, as follows:</P>
        <P>(1) Gun barrels, rails, tubes, and receivers specially designed for the weapons controlled in paragraphs (a) and (d) of this category;</P>
        <P>(2) Sights specially designed to orient indirect fire weapons;</P>
        <P>(3) Breech blocks for the weapons controlled in paragraphs (a) and (d) of this category;</P>
        <P>(4) Firing mechanisms for the weapons controlled in paragraphs (a) and (d) of this category and specially designed parts and components therefor;</P>
        <P>(5) Systems for firing superposed or stacked ammunition and specially designed parts and components therefor;</P>
        <P>(6) Servo-electronic and hydraulic elevation adjustment mechanisms;</P>
        <P>(7) Muzzle brakes;</P>
        <P>(8) Bore evacuators;</P>
        <P>(9) Independent ammunition handling systems for the guns and armament controlled in paragraphs (a), (b), and (d) of this category;</P>
        <P>(10) Components for independently powered ammunition handling systems and platform interface, as follows:</P>
        <P>(i) Mounts;</P>
        <P>(ii) Carriages;</P>
        <P>(iii) Gun pallets;</P>
        <P>(iv) Hydro-pneumatic equilibration cylinders; or</P>
        <P>(v) Hydro-pneumatic systems capable of scavenging recoil energy to power howitzer functions;</P>
        <NOTE>
        <HED>Note 1 to paragraph (j)(10):</HED>
        <P>For weapons mounts specially designed for surface vessels and special naval equipment, see Category VI. For weapons mounts specially designed for ground vehicles, see Category VII.</P>
        </NOTE>
        <P>(11) Ammunition containers/drums, ammunition chutes, ammunition conveyor elements, ammunition feeder systems, and ammunition container/drum entrance and exit units, specially designed for the guns and armament controlled in paragraphs (a), (b), and (d) of this category;</P>
        """

    /// 22 CFR 121.1 as the ecfr.gov versioner returns a section.
    static func versioner(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="121.1" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/_SUBSTITUTE_DATE_/title-22/section-121.1&quot;,&quot;citation&quot;:&quot;22 CFR 121.1&quot;}">
        <HEAD>§ 121.1 The United States Munitions List.</HEAD>
        \(body)
        </DIV8>
        """
    }

    /// 22 CFR 121.1 in the annual CFR, its list set in an `EXTRACT` (the shape a parser of the
    /// real GovInfo volume expects: coatue_claw/itar_scope.py looks for `SECTION/EXTRACT`).
    static func annual(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <CFRDOC>
        <FMTR><TITLEPG><TITLENUM>Title 22</TITLENUM><SUBJECT>Foreign Relations</SUBJECT><REVISED>Revised as of April 1, 2024</REVISED></TITLEPG></FMTR>
        <TITLE><CHAPTER><PART><EAR>Pt. 121</EAR><HD SOURCE="HED">PART 121—THE UNITED STATES MUNITIONS LIST</HD>
        <SECTION><SECTNO>§ 121.1</SECTNO><SUBJECT>The United States Munitions List.</SUBJECT>
        \(body)
        </SECTION>
        </PART></CHAPTER></TITLE>
        </CFRDOC>
        """
    }

    static let catII = "22 CFR 121.1, Category II"

    /// Each USML category is a level: its heading a provision, its lettering its own, its
    /// paragraphs cited as 121.1 and 120.33 cite them ("Category XV(f)").
    @Test func usmlCategoriesAreALevelWhoseLetteringRestarts() throws {
        let file = try Corpus.fixture("v-121.1.xml", Self.versioner(Self.categories))
        let imported = try Corpus.collect([file])
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let ids = imported.provisions.map(\.canonicalID)
        #expect(Array(ids.prefix(8)) == ["121.1", "121.1, Category I", "121.1, Category I(a)", "121.1, Category I(b)", "121.1, Category I(c)",
                                         "121.1, Category I(d)", "121.1, Category I(e)", "121.1, Category I(f)"])
        #expect(Set(ids).count == ids.count)  // no paragraph cited twice
        let category = try #require(imported.provision("121.1, Category II"))
        #expect(category.level == .category)
        #expect(category.heading == "Guns and Armament")
        #expect(category.citation == Self.catII)
        #expect(category.parentID == "121.1")
        #expect(category.sourceURL == "https://www.ecfr.gov/current/title-22/section-121.1")
        #expect(category.wording.hasPrefix("Category II—Guns and Armament (a) Guns and armament greater than .50 caliber (12.7 mm), as follows:"))
        let j10ii = try #require(imported.provision("121.1, Category II(j)(10)(ii)"))
        #expect(j10ii.citation == Self.catII + "(j)(10)(ii)")
        #expect(j10ii.parentID == "121.1, Category II(j)(10)")
        #expect(j10ii.level == .level3)
        #expect(j10ii.wording == "(ii) Carriages;")
        #expect(j10ii.sourceID == "121.1, Category II(j)(10)(ii)")
        #expect(j10ii.sourceURL == "https://www.ecfr.gov/current/title-22/section-121.1")
        #expect(imported.provision("121.1, Category I(a)")?.wording == "(a) Firearms using caseless ammunition.")
        #expect(imported.provision("121.1, Category II(a)")?.level == .paragraph)
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary[.category] == 2)
        #expect(summary[.duplicateCitations] == 0)
        #expect(summary[.unfittedSections] == 0)

        // The rules file mints ids per category.
        let output = try TemporaryFolder.make("formats").path + "/us-cfr-22.xml"
        _ = try OfficialImporter().run(files: [file], output: output)
        let rules = try String(contentsOfFile: output, encoding: .utf8)
        #expect(rules.contains("<provision id=\"us.cfr-22.121.1.cat-II.j.10.ii\" citation=\"22 CFR 121.1, Category II(j)(10)(ii)\" evidence=\"verified\" source-id=\"121.1, Category II(j)(10)(ii)\" eid=\"121.1, Category II(j)(10)(ii)\" wording-kind=\"verbatim\">"))
        #expect(rules.contains("<provision id=\"us.cfr-22.121.1.cat-I\" citation=\"22 CFR 121.1, Category I\""))
        #expect(!rules.contains("-2\""))
    }

    /// A note headed with its target belongs to that target: its text is in the wording of the
    /// paragraph (or category) it names, not in the paragraph printed before it.
    @Test func aNoteBelongsToTheParagraphItsHeadingNames() throws {
        let file = try Corpus.fixture("v-121.1.xml", Self.versioner(Self.categories))
        let imported = try Corpus.collect([file])
        let noteToA = "Note 2 to paragraph (a): Guns and armament when integrated into their carrier (e.g., surface vessels, ground vehicles, or aircraft) are controlled in the category associated with the carrier. Self-propelled guns and armament are controlled in USML Category VII. Towed guns and armament and stand-alone guns and armament are controlled under this category."
        let noteToA5 = "Note 3 to paragraph (a)(5): This provision is applicable to those contracts or other funding authorizations that are dated January 23, 2021, or later."
        #expect(imported.provision("121.1, Category II(a)(5)")?.wording == "(5) Developmental guns and armament greater than .50 caliber (12.7 mm) funded by the Department of Defense and specially designed parts and components therefor. " + noteToA5)
        let a = try #require(imported.provision("121.1, Category II(a)"))
        #expect(a.wording.hasSuffix("therefor. " + noteToA5 + " " + noteToA))
        #expect(imported.provision("121.1, Category II(j)(10)(v)")?.wording == "(v) Hydro-pneumatic systems capable of scavenging recoil energy to power howitzer functions;")
        #expect(imported.provision("121.1, Category II(j)(10)")?.wording.hasSuffix("howitzer functions; Note 1 to paragraph (j)(10): For weapons mounts specially designed for surface vessels and special naval equipment, see Category VI. For weapons mounts specially designed for ground vehicles, see Category VII.") == true)
        #expect(imported.provision("121.1, Category I(c)")?.wording == "(c) Firearms specially designed to integrate fire control, automatic tracking, or automatic firing (e.g., Precision Guided Firearms). Note 1 to paragraph (c): Integration does not include only attaching to the firearm or rail.")
        // The note to Category I is the category's, not its last paragraph's.
        #expect(imported.provision("121.1, Category I(h)(4)")?.wording == "(4) Accessories or attachments specially designed to automatically stabilize aim (other than gun rests) or for automatic targeting, and specially designed parts and components therefor.")
        #expect(imported.provision("121.1, Category I(h)")?.wording.hasSuffix("components therefor.") == true)
        #expect(imported.provision("121.1, Category I")?.wording.hasSuffix("components therefor. Note 1 to Category I: The following interpretations explain and amplify the terms used in this category: (1) A firearm is a weapon not over .50 caliber (12.7 mm) which is designed to expel a projectile by the deflagration of propellant;") == true)
        // The note's own numbered paragraphs are not paragraphs of the section.
        #expect(imported.provision("121.1, Category I(h)(4)(1)") == nil)
        #expect(imported.diagnostics.isEmpty)
    }

    /// A note whose heading names a paragraph it does not follow (nor one that holds it) stays
    /// where it is printed, and says so: a warning, a count, an unresolved note.
    @Test func aNoteNamingAParagraphItDoesNotFollowStaysAndIsReported() throws {
        let body = """
            <HD1>Category II—Guns and Armament</HD1>
            <P>(a) Guns and armament greater than .50 caliber (12.7 mm), as follows:</P>
            <P>(b) Flamethrowers with an effective range greater than or equal to 20 meters.</P>
            <NOTE>
            <HED>Note 1 to paragraph (a):</HED>
            <P>This paragraph does not include black powder guns and armaments manufactured earlier than 1890.</P>
            </NOTE>
            <NOTE>
            <HED>Note 1 to Category IV:</HED>
            <P>Words.</P>
            </NOTE>
            """
        let file = try Corpus.fixture("v-121.1.xml", Self.versioner(body))
        let imported = try Corpus.collect([file])
        let b = try #require(imported.provision("121.1, Category II(b)"))
        #expect(b.wording == "(b) Flamethrowers with an effective range greater than or equal to 20 meters. Note 1 to paragraph (a): This paragraph does not include black powder guns and armaments manufactured earlier than 1890. Note 1 to Category IV: Words.")
        #expect(b.notes.filter { $0.kind == .unresolved }.map(\.text) == [
            "The wording of this provision includes a note headed “Note 1 to paragraph (a):”, printed after it; the paragraph the note names is not this one nor one it is part of, so the note may not apply to this provision. Check the official text.",
            "The wording of this provision includes a note headed “Note 1 to Category IV:”, printed after it; the paragraph the note names is not this one nor one it is part of, so the note may not apply to this provision. Check the official text.",
        ])
        #expect(imported.diagnostics.map(\.description) == [
            "\(file):7: warning: § 121.1: the note headed “Note 1 to paragraph (a):” names no paragraph it follows or is part of; its text is kept with § 121.1, Category II(b) [121.1, Category II(b)]",
            "\(file):11: warning: § 121.1: the note headed “Note 1 to Category IV:” names no paragraph it follows or is part of; its text is kept with § 121.1, Category II(b) [121.1, Category II(b)]",
        ])
        #expect(imported.summary.instruments.first?[.misplacedNotes] == 2)
    }

    /// The annual CFR sets the list in an `EXTRACT`: it is read as the section's own, with the same
    /// provisions as the eCFR's flat layout; the element path goes through the extract.
    @Test func anExtractHoldingCategoriesIsTheSectionsOwnList() throws {
        let flat = try Corpus.collect([try Corpus.fixture("v-121.1.xml", Self.versioner(Self.categories))])
        let annualFile = try Corpus.fixture("annual-22-121.1.xml", Self.annual("<EXTRACT>\n" + Self.categories.replacingOccurrences(of: "<HD1>", with: "<HD SOURCE=\"HD1\">")
                                                                                  .replacingOccurrences(of: "</HD1>", with: "</HD>") + "\n</EXTRACT>"))
        let annual = try Corpus.collect([annualFile])
        #expect(annual.diagnostics.isEmpty, "\(annual.diagnostics)")
        #expect(annual.provisions.map(\.canonicalID) == flat.provisions.map(\.canonicalID))
        #expect(annual.provisions.map(\.citation) == flat.provisions.map(\.citation))
        #expect(annual.provisions.map(\.wording) == flat.provisions.map(\.wording))
        #expect(annual.provision("121.1, Category I(b)")?.span.pointer == "SECTION[SECTNO='§ 121.1']/*[3]/*[3]")
        #expect(flat.provision("121.1, Category I(b)")?.span.pointer == "DIV8[@N='121.1']/*[4]")
    }

    /// A section whose numbered paragraphs are all in an extract (14 CFR 1274.905, a clause the
    /// section sets out, whose paragraphs 1274.208(l)(6) cites as "Section 1274.905(b)(3)"): they
    /// are the section's paragraphs; the heading after the extract is the section's.
    @Test func aClauseSetOutInAnExtractIsTheSectionsParagraphs() throws {
        guard Corpus.available(Corpus.cfrAnnual) else { return }
        let imported = try Corpus.collect([Corpus.cfrAnnual])
        let b3 = try #require(imported.provision("1274.905(b)(3)"))
        #expect(b3.citation == "14 CFR 1274.905(b)(3)")
        #expect(b3.heading == "Data first produced by Recipient")
        #expect(b3.wording.hasPrefix("(3) Data first produced by Recipient. In the event Data first produced by Recipient in carrying out"))
        #expect(b3.span.pointer == "SECTION[SECTNO='§ 1274.905']/*[4]/*[8]")
        #expect(imported.provision("1274.905(a) (Data)")?.heading == "Data")
        // The section's wording is still all of it, the heading after the clause included.
        let section = try #require(imported.provision("1274.905"))
        #expect(section.wording.hasPrefix("As noted in § 1274.208(l)(1), the following provision assumes"))
        #expect(section.wording.hasSuffix("[End of provision]"))
        let last = try #require(imported.provisions.last { $0.canonicalID.hasPrefix("1274.905(") })
        #expect(!last.wording.contains("[End of provision]"))
    }

    /// An extract quoting another text inside a section with numbered paragraphs of its own stays
    /// the quoting paragraph's wording: its markers are the quoted text's. (Hand-made, in the
    /// shape of 14 CFR 1203.100(c), which quotes the Space Act in an `EXTRACT`.)
    @Test func anExtractQuotingAnotherTextStaysText() throws {
        let body = """
            <P>(a) Scope.</P>
            <P>(b) Section 303 of the Space Act states:</P>
            <EXTRACT>
            <P>(1) Information obtained by the Administrator shall be made available for public inspection;</P>
            <P>(2) except information classified to protect the national security.</P>
            </EXTRACT>
            <P>(c) Other.</P>
            """
        let file = try Corpus.fixture("annual-14.xml", Self.annual(body).replacingOccurrences(of: "121.1", with: "1203.100"))
        let imported = try Corpus.collect([file])
        #expect(imported.provisions.map(\.canonicalID) == ["1203.100", "1203.100(a)", "1203.100(b)", "1203.100(c)"])
        #expect(imported.provision("1203.100(b)")?.wording == "(b) Section 303 of the Space Act states: (1) Information obtained by the Administrator shall be made available for public inspection; (2) except information classified to protect the national security.")
        #expect(imported.diagnostics.isEmpty)
    }

    /// `cite-check` finds a USML paragraph cited as practitioners cite it (the QA reviewer's
    /// regs/us-itar.xml, its two USML provisions; the asterisk left out of the wording).
    @Test func citeCheckFindsAParagraphOfACategory() throws {
        let official = try Corpus.fixture("v-121.1.xml", Self.versioner(Self.categories))
        let rules = try Corpus.fixture("us-itar.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1" version="1">
              <instrument id="us.itar" jurisdiction="US" kind="cfr-part">
                <title>International Traffic in Arms Regulations, 22 CFR Parts 120-130 (test encoding)</title>
                <official-id scheme="cfr">22 CFR Parts 120-130</official-id>
                <source url="https://www.ecfr.gov/current/title-22/chapter-I/subchapter-M" attribution="US Government work, public domain"/>
                <provision id="us.itar.121.1.cat1.a" citation="22 CFR 121.1, Category I(a)" evidence="verified" eid="121.1(a)" wording-kind="verbatim">
                  <heading>USML Category I(a)</heading>
                  <wording>(a) Firearms using caseless ammunition.</wording>
                </provision>
                <provision id="us.itar.121.1.cat2.j.10.ii" citation="22 CFR 121.1, Category II(j)(10)(ii)" evidence="verified" eid="121.1(j)(10)(ii)" wording-kind="verbatim">
                  <heading>USML Category II(j)(10)(ii)</heading>
                  <wording>(ii) Gun carriages;</wording>
                </provision>
                <provision id="us.itar.121.1.cat3.a" citation="22 CFR 121.1, Category III(a)" evidence="verified" eid="121.1(a)" wording-kind="verbatim">
                  <heading>USML Category III(a)</heading>
                  <wording>(a) Ammunition.</wording>
                </provision>
              </instrument>
            </rules>
            """)
        let loaded = RegulationsLoader().load(directories: [], files: [rules], schemaPath: Corpus.schema)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        let report = try CitationChecker(officialFiles: [official]).check(loaded.graph, on: .citeCheckDay)
        #expect(report.passed == ["us.itar.121.1.cat1.a"])
        #expect(report.findings.map(\.description) == [
            "\(rules):11: error: us.itar.121.1.cat2.j.10.ii (22 CFR 121.1, Category II(j)(10)(ii)): wording differs from \(official) at '121.1, Category II(j)(10)(ii)'",
            "\(rules):15: error: us.itar.121.1.cat3.a (22 CFR 121.1, Category III(a)): '121.1, Category III(a)' does not exist in \(official)",
        ])
        #expect(report.findings.first?.diff?.description == "(ii) [-Gun carriages;-] {+Carriages;+}")
    }

    @Test func categoryHeadingsAndNoteTargetsAreRead() {
        #expect(CategoryHeading("Category I—Firearms and Related Articles") == CategoryHeading(number: "I", title: "Firearms and Related Articles"))
        #expect(CategoryHeading("Category XV - Spacecraft and Related Articles")?.number == "XV")
        #expect(CategoryHeading("Category 4—Computers")?.isArabic == true)
        #expect(CategoryHeading("Category 5—Part 2—“Information Security”")?.title == "Part 2—“Information Security”")
        #expect(CategoryHeading("Category I items") == nil)
        #expect(CategoryHeading("Categories of persons") == nil)
        #expect(CFRSectionReader.NoteTarget(heading: "Note 1 to paragraph (j)(10):") == .paragraph(["j", "10"]))
        #expect(CFRSectionReader.NoteTarget(heading: "Note to paragraph (x):") == .paragraph(["x"]))
        #expect(CFRSectionReader.NoteTarget(heading: "Note 1 to Category I:") == .category("I"))
        #expect(CFRSectionReader.NoteTarget(heading: "Note to paragraphs (a) and (b):") == nil)
        #expect(CFRSectionReader.NoteTarget(heading: "Note to paragraph (a) and (b):") == nil)
        #expect(CFRSectionReader.NoteTarget(heading: "Note:") == nil)
    }
}
