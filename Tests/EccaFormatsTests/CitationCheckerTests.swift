import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// `cite-check` against the real AI Act Formex, and against a copy with one word altered and one
/// provision removed.
@Suite struct CitationCheckerTests {
    static let shipped = RegulationsLoader().load(directories: [Corpus.regulations])

    @Test func everyShippedEUProvisionPassesAgainstTheRealFormex() throws {
        guard Corpus.available(Corpus.formexAct) else { return }
        let report = try CitationChecker(officialFiles: [Corpus.formexAct]).check(Self.shipped.graph, on: .citeCheckDay)
        #expect(report.findings.isEmpty, "\(report.findings)")
        let eu = Self.shipped.graph.provisionOrder.filter { Self.shipped.graph.provisions[$0]?.sourceID != nil }
        #expect(eu.count >= 25)
        #expect(Set(eu).isSubset(of: Set(report.passed)))
        #expect(report.passed.contains("eu.ai-act.annex11"))  // the annex comes through the manifest beside the act
    }

    @Test func anAlteredWordAndARemovedProvisionAreBothFound() throws {
        guard Corpus.available(Corpus.formexAct) else { return }
        var act = try String(contentsOfFile: Corpus.formexAct, encoding: .utf8)
        let original = "further appropriate technical means and tools, including source code."
        #expect(act.contains(original))
        act = act.replacingOccurrences(of: original, with: "further appropriate technical means and tools, including object code.")
        let start = try #require(act.range(of: "<PARAG IDENTIFIER=\"092.005\">"))
        let end = try #require(act.range(of: "</PARAG>", range: start.upperBound..<act.endIndex))
        act.removeSubrange(start.lowerBound..<end.upperBound)
        let folder = try TemporaryFolder.make("formats").path
        let copy = folder + "/L_202401689EN.000101.fmx.xml"
        try act.write(toFile: copy, atomically: true, encoding: .utf8)

        let report = try CitationChecker(officialFiles: [copy]).check(Self.shipped.graph, on: .citeCheckDay)
        let drifted = try #require(report.findings.first { $0.provisionID == "eu.ai-act.art92.3" })
        #expect(drifted.kind == .drifted)
        #expect(drifted.officialID == "092.003")
        #expect(drifted.diff?.description == "… appropriate technical means and tools, including [-source-] {+object+} code.")
        #expect(drifted.location.file.hasSuffix("eu-ai-act.xml"))
        let missing = try #require(report.findings.first { $0.provisionID == "eu.ai-act.art92.5" })
        #expect(missing.kind == .missing)
        #expect(missing.officialID == "092.005")
        #expect(missing.officialVersion?.iso == "2024-06-13")  // BIB.INSTANCE/DATE of the act
        #expect(missing.description == "\(missing.location): error: eu.ai-act.art92.5 (Art. 92(5)): '092.005' does not exist in \(copy) (text as of 2024-06-13)")
        // Without the annexes, Annex XI is not covered rather than missing.
        #expect(report.notCovered.contains("eu.ai-act.annex11"))
        #expect(!report.isClean)
    }

    /// The package copied with one word of Annex XI changed: the drift is in the annex's file, and
    /// is reported against it, not against the act.
    @Test func annexDriftIsReportedAgainstTheAnnexFile() throws {
        guard Corpus.available(Corpus.formexManifest) else { return }
        let folder = try TemporaryFolder.make("formats").path
        for name in try FileManager.default.contentsOfDirectory(atPath: Corpus.formexFolder) where name.hasSuffix(".fmx.xml") {
            var text = try String(contentsOfFile: Corpus.formexFolder + "/" + name, encoding: .utf8)
            if name == "L_202401689EN.014101.fmx.xml" {
                #expect(text.contains("<TXT>the tasks that the model is intended to perform"))
                text = text.replacingOccurrences(of: "<TXT>the tasks that the model", with: "<TXT>the jobs that the model")
            }
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        let report = try CitationChecker(officialFiles: [folder + "/L_202401689EN.doc.fmx.xml"]).check(Self.shipped.graph, on: .citeCheckDay)
        #expect(report.findings.map(\.provisionID) == ["eu.ai-act.annex11"])
        let drift = try #require(report.findings.first)
        #expect(drift.kind == .drifted)
        #expect(drift.officialFile == folder + "/L_202401689EN.014101.fmx.xml")
        #expect(drift.description.hasSuffix("error: eu.ai-act.annex11 (Annex XI): wording differs from \(folder)/L_202401689EN.014101.fmx.xml (text as of 2024-08-01) at 'ANNEX XI'"))
        #expect(drift.diff?.description.contains("model including: (a) the [-tasks-] {+jobs+} that the model is intended") == true, "\(drift.diff?.description ?? "")")
    }

    /// Annex XI given alone (no act, no manifest named): it speaks for the shipped Annex XI and for
    /// nothing else; the articles are not covered rather than missing.
    @Test func anAnnexFileAloneCoversItsAnnexOnly() throws {
        let annex = Corpus.formexFolder + "/L_202401689EN.014101.fmx.xml"
        guard Corpus.available(annex) else { return }
        let report = try CitationChecker(officialFiles: [annex]).check(Self.shipped.graph, on: .citeCheckDay)
        #expect(report.passed == ["eu.ai-act.annex11"])
        #expect(report.findings.isEmpty)
        #expect(report.notCovered.contains("eu.ai-act.art92.3"))
        #expect(!report.checkedNothing)
    }

    /// An official file that covers no shipped provision checks nothing, and the report says so.
    @Test func anotherActChecksNothing() throws {
        guard Corpus.available(Corpus.akn) else { return }
        let report = try CitationChecker(officialFiles: [Corpus.akn]).check(Self.shipped.graph, on: .citeCheckDay)
        #expect(report.checked == 0)
        #expect(report.checkedNothing)
        #expect(report.notCovered.count == Self.shipped.graph.provisionOrder.filter {
            Self.shipped.graph.provisions[$0].map { $0.sourceID != nil || $0.eid != nil } ?? false
        }.count)
    }

    @Test func aLegalRuleMLFileIsNotAnOfficialText() throws {
        guard Corpus.available(Corpus.legalRuleML) else { return }
        #expect(throws: OfficialImportError.notOfficialText(file: Corpus.legalRuleML, dialect: .legalruleml)) {
            try CitationChecker(officialFiles: [Corpus.legalRuleML])
        }
        #expect(OfficialImportError.notOfficialText(file: "g.xml", dialect: .legalruleml).description
            == "g.xml: error: this LegalRuleML file is an encoding of the law, not its official text; check against Formex, eCFR or annual CFR, Federal Register or Akoma Ntoso XML")
    }

    /// Hyphens U+2010 and U+2011 and curly quotation marks are typography; a single quotation
    /// mark set for a double one is not (QA normal F1: the CCL defines a term in double quotation
    /// marks in part 772 and one in single quotation marks in its own entry), nor a prime for a
    /// double prime (F5: 5′ of arc is not 5″).
    @Test func hyphensAndCurlyQuotesAreTypographyButQuoteKindsAreNot() throws {
        guard Corpus.available(Corpus.formexAct) else { return }
        let original = try String(contentsOfFile: Corpus.formexAct, encoding: .utf8)
        let folder = try TemporaryFolder.make("formats").path
        let hyphens = folder + "/L_202401689EN.000101.fmx.xml"
        try original.replacingOccurrences(of: "general-purpose", with: "general\u{2010}purpose").write(toFile: hyphens, atomically: true, encoding: .utf8)
        var report = try CitationChecker(officialFiles: [hyphens]).check(Self.shipped.graph, on: .citeCheckDay)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.provisionID))")
        #expect(report.passed.count == 56)  // every shipped EU provision but Annex XI (no annexes beside the copy)
        // The real act set with double quotation marks for its single ones (‘provider’ → “provider”).
        try original.replacingOccurrences(of: "QUOT.START CODE=\"2018\"", with: "QUOT.START CODE=\"201C\"")
            .replacingOccurrences(of: "QUOT.END CODE=\"2019\"", with: "QUOT.END CODE=\"201D\"")
            .write(toFile: hyphens, atomically: true, encoding: .utf8)
        report = try CitationChecker(officialFiles: [hyphens]).check(Self.shipped.graph, on: .citeCheckDay)
        let definition = try #require(report.findings.first { $0.provisionID == "eu.ai-act.art3.3" })
        #expect(definition.diff?.description.hasPrefix("(3) [-‘provider’-] {+“provider”+} means") == true, "\(String(describing: definition.diff))")
        #expect(CitationChecker.matches(shipped: "‘provider’ means a general-purpose AI model", official: "'provider' means a general\u{2011}purpose AI model"))
        #expect(CitationChecker.matches(shipped: "the “published” text", official: "the \"published\" text"))
        #expect(!CitationChecker.matches(shipped: "‘provider’ means", official: "“provider” means"))
        #expect(!CitationChecker.matches(shipped: "the 'parameters' of", official: "the \"parameters\" of"))
        #expect(!CitationChecker.matches(shipped: "within 5\u{2032} of arc", official: "within 5\u{2033} of arc"))
        #expect(!CitationChecker.matches(shipped: "within 5\u{2032} of arc", official: "within 5' of arc"))
        #expect(!CitationChecker.matches(shipped: "‘provider’ means", official: "‘deployer’ means"))
        // The diff compares folded words and shows them as written.
        // Words that differ only in typography are the same word, shown as the shipped wording prints them.
        #expect(WordDiff(shipped: "the ‘provider’ shall act", official: "the 'provider' must act").description == "the ‘provider’ [-shall-] {+must+} act")
        // Changed words are shown as each text prints them, never folded (QA docs6, finding 6).
        #expect(WordDiff(shipped: "‘general‑purpose AI system’", official: "‘general‑purpose AI model’").description
                == "‘general‑purpose AI [-system’-] {+model’+}")
    }

    @Test func wordDiffsShowWhatChanged() {
        let diff = WordDiff(shipped: "The Commission may request access to the model.", official: "The AI Office may request remote access to the model.")
        #expect(diff.description == "The [-Commission-] {+AI Office+} may request {+remote+} access to the model.")
        #expect(WordDiff(shipped: "a ‘b’ — c", official: "a 'b' - c").isEmpty)
    }

    /// A diff of a wording quoted up to an elision shows what differs in the words quoted, not the
    /// official words the elision leaves out; a word cut at the elision (`export')` before
    /// `export");`) is the same word.
    @Test func wordDiffsLeaveOutWhatAnElisionLeavesOut() {
        #expect(WordDiff(shipped: "(1) An actual shipment …", official: "(1) An actual shipment or transmission out of the United States;").isEmpty)
        #expect(WordDiff(shipped: "(a \"deemed export\") …", official: "(a “deemed export”);").isEmpty)
        #expect(WordDiff(shipped: "(1) A real shipment …", official: "(1) An actual shipment or transmission out of the United States;").description
                == "(1) [-A real-] {+An actual+} shipment …")
        #expect(WordDiff(shipped: "… to the model.", official: "The Commission may request access to the model.").description == "… to the model.")
        #expect(WordDiff(shipped: "… remote model.", official: "The Commission may request access to the model.").description
                == "… [-remote-] {+access to the+} model.")
        // An elision inside the wording stands for the official words it leaves out; the diff
        // shows only the words that differ (QA docs6, finding 6: the left-out words were shown as
        // added, and a leading elision's first word matched too early).
        #expect(WordDiff(shipped: "… the Commission may request access … through APIs or other appropriate technical means and tools …",
                         official: "For the purposes of paragraph 1, the Commission may request access to the general-purpose AI model concerned through APIs or further appropriate technical means and tools, including source code.").description
                == "… the Commission may request access … through APIs or [-other-] {+further+} appropriate technical means and tools …")
        #expect(WordDiff(shipped: "means an AI … model, including where", official: "means an AI model, including where such an AI model is trained").description
                == "means an AI … model, including where {+such an AI model is trained+}")
        #expect(WordDiff(shipped: "a … c", official: "a b c").isEmpty)
        // A word next to an elision is the official word it is cut from only at that word's end
        // (QA verify11, N6: "source code" against "source codebooks" drifted with nothing marked),
        // and inside the wording the words in a replaced word's place are shown as many as it was.
        #expect(WordDiff(shipped: "including source code …; or (2) Oral", official: "including source codebooks subject to the EAR; or (2) Oral").description
                == "including source [-code-] {+codebooks+} …; or (2) Oral")
        #expect(WordDiff(shipped: "source code …; or (2) Oral", official: "source code subject to a foreign person; and (2) Oral").description
                == "source code …; [-or-] {+and+} (2) Oral")
        #expect(WordDiff(shipped: "source code …; or (2) Oral", official: "source code subject to the EAR to a foreign person; or (2) Written").description
                == "source code …; or (2) [-Oral-] {+Written+}")
        // No elision: the official words past the shipped ones are added.
        #expect(WordDiff(shipped: "(1) An actual shipment", official: "(1) An actual shipment or transmission").description == "(1) An actual shipment {+or transmission+}")
    }

    @Test func elisionsInShippedWordingMatchWhatTheyLeaveOut() {
        #expect(CitationChecker.matches(shipped: "(1) An actual shipment or transmission out of the United States …",
                                        official: "(1) An actual shipment or transmission out of the United States, including the sending or taking of an item out of the United States, in any manner;"))
        #expect(!CitationChecker.matches(shipped: "(1) An actual shipment … by air", official: "(1) An actual shipment or transmission by sea"))
    }

    @Test func usProvisionsAreCheckedAgainstCFRTextOfTheirTitle() throws {
        func section(_ name: String, deemedExport: String) throws -> String {
            try Corpus.fixture(name, """
                <DIV8 N="734.13" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;15 CFR 734.13&quot;}">
                <HEAD>§ 734.13 Export.</HEAD>
                <P>(a) Except as set forth in § 734.17 or § 734.18, <I>Export</I> means:</P>
                <P>(1) An actual shipment or transmission out of the United States, including the sending or taking of an item out of the United States, in any manner;</P>
                <P>(2) \(deemedExport)</P>
                </DIV8>
                """)
        }
        let official = "Releasing or otherwise transferring “technology” or source code (but not object code) to a foreign person in the United States (a “deemed export”);"
        let report = try CitationChecker(officialFiles: [try section("section.xml", deemedExport: official)]).check(Self.shipped.graph, on: .citeCheckDay)
        // (a)(1) and (a)(2) are quoted up to an elision (and in single quotes for the eCFR's
        // double ones): both pass.
        #expect(report.passed.contains("us.ear.734.13.a.1"))
        #expect(report.passed.contains("us.ear.734.13.a.2"))
        #expect(report.passed.contains("us.ear.734.13"))  // a paraphrase: found, not compared
        let missing = try #require(report.findings.first { $0.provisionID == "us.ear.734.13.b" })
        #expect(missing.kind == .missing)
        #expect(report.notCovered.contains("eu.ai-act.art92.3"))
        // A word changed before the elision is drift.
        let changed = official.replacingOccurrences(of: "(but not object code)", with: "(including object code)")
        let altered = try CitationChecker(officialFiles: [try section("altered.xml", deemedExport: changed)]).check(Self.shipped.graph, on: .citeCheckDay)
        let drift = try #require(altered.findings.first { $0.provisionID == "us.ear.734.13.a.2" })
        #expect(drift.kind == .drifted)
        #expect(drift.diff?.description == "(2) Releasing or otherwise transferring \"technology\" or source code [-(but not-] {+(including+} object code) to a foreign person …")
        #expect(drift.diff?.parts.last == .same(["object", "code)", "to", "a", "foreign", "person", "in", "the", "United", "States", "(a", "\"deemed", "export\")", "…"]))
    }

    /// The shipped EAR definitions (`15 CFR 772.1, "foreign person"`, `"technology"`) are found in a
    /// 772.1 laid out as the eCFR publishes it: run-in terms closed by a period, in italics or quoted.
    /// A file of one section (an ecfr.gov versioner response) covers only that section: a whole
    /// supplement of its part is not in it, and is "not covered", not "missing".
    @Test func oneSectionDoesNotCoverASupplementOfItsPart() {
        let one = CitationChecker.Coverage(sections: ["774.1"], parts: ["774"])
        #expect(!one.covers("Supplement No. 1 to Part 774", found: false))
        #expect(one.covers("774.1(a)", found: false))
        let part = CitationChecker.Coverage(sections: ["774.1", "774.2"], parts: ["774"])
        #expect(part.covers("Supplement No. 1 to Part 774", found: false))
        #expect(!part.covers("Supplement No. 1 to Part 740", found: false))
    }

    @Test func theShippedEARDefinitionsAreFoundInSection772Point1() throws {
        let section = try Corpus.fixture("section-772.1.xml", """
            <DIV8 N="772.1" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;15 CFR 772.1&quot;}">
            <HEAD>§ 772.1 Definitions of terms as used in the Export Administration Regulations (EAR).</HEAD>
            <P>The following are definitions of terms as used in the Export Administration Regulations (EAR).</P>
            <P><I>Foreign person.</I> Any natural person who is not a lawful permanent resident of the United States.</P>
            <P>“<I>Technology.</I>” (General Technology Note)—Information necessary for the “development,” “production,” “use” of an item.</P>
            </DIV8>
            """)
        let report = try CitationChecker(officialFiles: [section]).check(Self.shipped.graph, on: .citeCheckDay)
        #expect(report.passed.contains("us.ear.772.1.foreign-person"))
        #expect(report.passed.contains("us.ear.772.1.technology"))
        #expect(!report.findings.contains { $0.provisionID.hasPrefix("us.ear.772.1") })
    }

    /// A provision missing from, or drifted in, an older text may be newer law rather than a wrong
    /// citation: findings name the text's date when the file gives one. A versioner file gives it
    /// in its path (`/on/2024-12-31/…`); with the server's placeholder it gives none, and the
    /// message says nothing of a date. (Hand-made, in the versioner's shape, FORMATS.md §1.3: the
    /// corpus has no title-15 section.)
    @Test func findingsNameTheDateOfTheOfficialText() throws {
        func section(path: String) -> String {
            """
            <DIV8 N="742.6" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;\(path)&quot;,&quot;citation&quot;:&quot;15 CFR 742.6&quot;}">
            <HEAD>§ 742.6 Regional stability.</HEAD>
            <P>(a) <I>License requirements</I>—</P>
            <P>(1) RS Column 1 license requirements.</P>
            </DIV8>
            """
        }
        let dated = try Corpus.fixture("v-742.6-dated.xml", section(path: "/on/2024-12-31/title-15/section-742.6"))
        let undated = try Corpus.fixture("v-742.6.xml", section(path: "/on/_SUBSTITUTE_DATE_/title-15/section-742.6"))
        let line = Self.shipped.graph.provisions["us.ai-diffusion.742.6.a.13"]?.location.line ?? 0
        let shippedFile = Corpus.regulations + "/us-ai-diffusion.xml"

        let old = try #require(try CitationChecker(officialFiles: [dated]).check(Self.shipped.graph, on: .citeCheckDay).findings.first { $0.provisionID == "us.ai-diffusion.742.6.a.13" })
        #expect(old.description == "\(shippedFile):\(line): error: us.ai-diffusion.742.6.a.13 (15 CFR 742.6(a)(13)): '742.6(a)(13)' does not exist in \(dated) (text as of 2024-12-31)")
        let plain = try #require(try CitationChecker(officialFiles: [undated]).check(Self.shipped.graph, on: .citeCheckDay).findings.first { $0.provisionID == "us.ai-diffusion.742.6.a.13" })
        #expect(plain.description == "\(shippedFile):\(line): error: us.ai-diffusion.742.6.a.13 (15 CFR 742.6(a)(13)): '742.6(a)(13)' does not exist in \(undated)")
    }

    /// A drift found in an eCFR bulk title names the title's `AMDDATE`. (Hand-made, in the bulk
    /// shape, FORMATS.md §1.2: the corpus has no title-15 file.)
    @Test func driftNamesTheAmendmentDateOfABulkTitle() throws {
        let bulk = try Corpus.fixture("ECFR-title15-734.13.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS><HEADER><FILEDESC><TITLESTMT><TITLE>Title 15</TITLE></TITLESTMT></FILEDESC>
            <PROFILEDESC><IDNO TYPE="title">15</IDNO></PROFILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS><AMDDATE>Jan. 2, 2025</AMDDATE>
            <DIV1 N="15" TYPE="TITLE"><DIV5 N="734" TYPE="PART">
            <DIV8 N="§ 734.13" TYPE="SECTION">
            <HEAD>§ 734.13 Export.</HEAD>
            <P>(a) Except as set forth in § 734.17 or § 734.18, <I>Export</I> means:</P>
            <P>(1) An actual shipment or transmission out of the United States, including the sending or taking of an item out of the United States, in any manner;</P>
            <P>(2) Releasing or otherwise transferring “technology” or source code (but not object code) to a person in the United States (a “deemed export”);</P>
            </DIV8></DIV5></DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """)
        let drift = try #require(try CitationChecker(officialFiles: [bulk]).check(Self.shipped.graph, on: .citeCheckDay).findings.first { $0.provisionID == "us.ear.734.13.a.2" })
        #expect(drift.kind == .drifted)
        #expect(drift.description == "\(drift.location): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): wording differs from \(bulk) (text as of 2025-01-02) at '734.13(a)(2)'")
    }

    /// ecfr.gov shows a superscript as a Unicode superscript (`(²H)`, `cm³`); the importer writes
    /// the markup (`(<SU>2</SU>H)`) as `(^2H)`. An encoding quoting ecfr.gov passes: a run of
    /// superscript digits is compared as `^` and the digits, both ways round, but `102` is not
    /// `10^2`, and a drift's diff shows both texts as written. 10 CFR 810.7(c)(1)-(3) is verbatim
    /// from the eCFR mirror MichalOpoka/ecfr (cfr/title-10-Energy/chapter-III-Department-Energy/
    /// part-810-Assistance-Foreign-Atomic-Energy-Activities/section-810.7.md, commit 4be71cd5), in
    /// the versioner shape with ecfr.gov's `²H` as `<SU>` (as QA built /tmp/qa/cfr3/src/v-810.7.xml);
    /// section 810.99 is hand-made, in the same shape, for units, powers and signs.
    @Test func unicodeSuperscriptsAreThePowersTheImporterWrites() throws {
        let real = try Corpus.fixture("v-810.7.xml", """
            <DIV8 N="810.7" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/_SUBSTITUTE_DATE_/title-10/section-810.7&quot;,&quot;citation&quot;:&quot;10 CFR 810.7&quot;}">
            <HEAD>§ 810.7 Activities requiring specific authorization.</HEAD>
            <P>(c) Engaging in or providing technology (including assistance) for any of the following activities with respect to any foreign country or entity (or a citizen or national of that country other than U.S. lawful permanent residents or protected individuals under the Immigration and Naturalization Act (8 U.S.C. 1324b(a)(3)):</P>
            <P>(1) Uranium isotope separation (uranium enrichment), plutonium isotope separation, or isotope separation of any other elements (including stable isotope separation) when the technology or process can be applied directly or indirectly to uranium or plutonium;</P>
            <P>(2) Fabrication of nuclear fuel containing plutonium, including preparation of fuel elements, fuel assemblies, and cladding thereof;</P>
            <P>(3) Heavy water production, and hydrogen isotope separation, when the technology or process has reasonable potential for large-scale separation of deuterium (<SU>2</SU>H) from protium (<SU>1</SU>H);</P>
            </DIV8>
            """)
        let made = try Corpus.fixture("v-810.99.xml", """
            <DIV8 N="810.99" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/_SUBSTITUTE_DATE_/title-10/section-810.99&quot;,&quot;citation&quot;:&quot;10 CFR 810.99&quot;}">
            <HEAD>§ 810.99 Quantities.</HEAD>
            <P>(a) A sample of 40 cm<SU>3</SU> or more.</P>
            <P>(b) Models trained with more than 10<SU>25</SU> operations.</P>
            <P>(c) A power of 10<SU>2</SU> watts.</P>
            <P>(d) A field below 10<SU>−3</SU> tesla, measured over 2.5 × 10<SU>25</SU> cycles.</P>
            <P>(e) A power of 102 watts.</P>
            </DIV8>
            """)
        let folder = try TemporaryFolder.make("formats").path
        let regulations = folder + "/regulations"
        try FileManager.default.createDirectory(atPath: regulations + "/schema", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Corpus.schema, toPath: regulations + "/schema/rules.rng")
        func provision(_ path: String, _ wording: String) -> String {
            let id = path.replacingOccurrences(of: "(", with: ".").replacingOccurrences(of: ")", with: "")
            return """
                    <provision id="us.doe810.\(id)" citation="10 CFR \(path)" evidence="verified" eid="\(path)" wording-kind="verbatim">
                      <wording>\(wording)</wording>
                    </provision>
                """
        }
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1" version="1">
              <instrument id="us.doe810" jurisdiction="US" kind="cfr-part">
                <title>10 CFR Part 810 (test encoding)</title>
                <official-id scheme="cfr">10 CFR Part 810</official-id>
            \(provision("810.7(c)(3)", "(3) Heavy water production, and hydrogen isotope separation, when the technology or process has reasonable potential for large-scale separation of deuterium (²H) from protium (¹H);"))
            \(provision("810.99(a)", "(a) A sample of 40 cm³ or more."))
            \(provision("810.99(b)", "(b) Models trained with more than 10²⁵ operations."))
            \(provision("810.99(c)", "(c) A power of 102 watts."))
            \(provision("810.99(d)", "(d) A field below 10⁻³ tesla, measured over 2.5 × 10²⁶ cycles."))
            \(provision("810.99(e)", "(e) A power of 10² watts."))
              </instrument>
            </rules>
            """.write(toFile: regulations + "/us-doe810.xml", atomically: true, encoding: .utf8)
        let shipped = RegulationsLoader().load(directories: [regulations])
        #expect(shipped.diagnostics.isEmpty, "\(shipped.diagnostics)")
        let report = try CitationChecker(officialFiles: [real, made]).check(shipped.graph, on: .citeCheckDay)
        let printed = report.findings.map { [$0.description] + ($0.diff.map { ["    \($0)"] } ?? []) }.joined()
        let file = regulations + "/us-doe810.xml"
        #expect(Array(printed) == [
            "\(file):15: error: us.doe810.810.99.c (10 CFR 810.99(c)): wording differs from \(made) at '810.99(c)'",
            "    (c) A power of [-102-] {+10^2+} watts.",
            "\(file):18: error: us.doe810.810.99.d (10 CFR 810.99(d)): wording differs from \(made) at '810.99(d)'",
            "    (d) A field below 10⁻³ tesla, measured over 2.5 × [-10²⁶-] {+10^25+} cycles.",
            "\(file):21: error: us.doe810.810.99.e (10 CFR 810.99(e)): wording differs from \(made) at '810.99(e)'",
            "    (e) A power of [-10²-] {+102+} watts.",
        ])
        #expect(report.passed == ["us.doe810.810.7.c.3", "us.doe810.810.99.a", "us.doe810.810.99.b"])
        #expect(report.notCovered.isEmpty)
        // Both ways round, and only superscript digits: an ion's lone sign is not a power.
        #expect(CitationChecker.matches(shipped: "more than 10^25 operations", official: "more than 10²⁵ operations"))
        #expect(CitationChecker.matches(shipped: "below 10^−3 W", official: "below 10⁻³ W"))
        #expect(!CitationChecker.matches(shipped: "10^2 watts", official: "102 watts"))
        #expect(!CitationChecker.matches(shipped: "Ca^+ ions", official: "Ca⁺ ions"))
        #expect(TextNormalizer.comparisonKey("10²⁵, ⁻³, x⁻ and ‘2’") == "10^25, ^-3, x⁻ and '2'")
    }
}
