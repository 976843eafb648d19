import EccaTestSupport
import Foundation
import Testing

/// `ecca cite-check` with several texts of one instrument, with an EU amending act and with
/// Federal Register rules that change shipped provisions (QA citecheck6, findings 1, 2, 3 and 8).
@Suite struct CiteCheckAmendmentTests {
    static let act = CLI.root.appendingPathComponent("../shared/corpora/official-xml/formex-ai-act-2024-1689/L_202401689EN.000101.fmx.xml")
        .standardizedFileURL.path

    /// The line of a shipped provision in its rules file.
    static func line(_ id: String, in file: String) throws -> String {
        let path = CLI.regulations + "/" + file
        let index = try #require(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("<provision id=\"\(id)\"") })
        return "\(path):\(index + 1)"
    }

    /// The count of shipped provisions the summary line gives as not covered.
    static func notCovered(_ stdout: String) throws -> Int {
        let match = try #require(stdout.firstMatch(of: #/; (\d+) not covered by the texts given\n$/#))
        return try #require(Int(match.1))
    }

    /// 15 CFR 734.13 in the versioner shape, dated by its path, with (a)(2) as given. The elements are
    /// those of the QA fixture /tmp/qa/citecheck6/us/base-734.13.xml (itself from /tmp/qa/imp2/src,
    /// reconstructed from the eCFR wording quoted in public code: (a)(1), (a)(2), (b)).
    static func section734_13(date: String, a2: String = "in the United States") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="734.13" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;: &quot;/on/\(date)/title-15/section-734.13&quot;, &quot;citation&quot;: &quot;15 CFR 734.13&quot;}">
        <HEAD>§ 734.13 Export.</HEAD>
        <P>(a) Except as set forth in § 734.17 or § 734.18, <I>export</I> means:</P>
        <P>(1) An actual shipment or transmission out of the United States, including the sending or taking of an item out of the United States, in any manner;</P>
        <P>(2) Releasing or otherwise transferring “technology” or source code (but not object code) to a foreign person \(a2) (a “deemed export”);</P>
        <P>(b) Any release in the United States of “technology” or source code to a foreign person is a deemed export to the foreign person's most recent country of citizenship or permanent residency.</P>
        </DIV8>
        """
    }

    /// Finding 1: the later text decides, whichever file is named first; the older one is said to
    /// have decided nothing, and the summary counts only the file checked against.
    @Test func theLatestTextDecidesWhateverTheOrderOfTheFiles() throws {
        let folder = try CLI.folder(["old.xml": Self.section734_13(date: "2024-01-01"),
                                     "new.xml": Self.section734_13(date: "2026-09-01", a2: "in the United States or abroad")])
        let old = folder.appendingPathComponent("old.xml").path, new = folder.appendingPathComponent("new.xml").path
        let shipped = try Self.line("us.ear.734.13.a.2", in: "us-ear.xml")
        for order in [[old, new], [new, old]] {
            let result = try CLI.run(["cite-check", "--official"] + order)
            let total = try Self.notCovered(result.stdout)
            let lines = [old: "\(old): 15 CFR 734.13 (eCFR), text as of 2024-01-01: covers 4 shipped provisions, decides 0",
                         new: "\(new): 15 CFR 734.13 (eCFR), text as of 2026-09-01: covers 4 shipped provisions, decides 4"]
            #expect(result.stdout == """
                \(shipped): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): wording differs from \(new) (text as of 2026-09-01) at '734.13(a)(2)'
                    … foreign person in the United States {+or abroad+} (a "deemed export") …
                \(lines[order[0]]!)
                \(lines[order[1]]!)
                4 provisions checked against 1 official file: 3 pass (1 of them a quotation in part: words left out not compared; 1 of them a paraphrase: found, wording not compared), 1 drifted, 0 missing; \(total) not covered by the texts given

                """)
            #expect(result.stderr == "")
            #expect(result.status == 1)
        }
    }

    /// Finding 1: two texts of the same date (here both undated) that disagree are a finding that
    /// names both, in the same words whichever is named first.
    @Test func textsOfOneDateThatDisagreeAreAFinding() throws {
        let folder = try CLI.folder(["a.xml": Self.section734_13(date: "_SUBSTITUTE_DATE_"),
                                     "b.xml": Self.section734_13(date: "_SUBSTITUTE_DATE_", a2: "in the United States or abroad")])
        let a = folder.appendingPathComponent("a.xml").path, b = folder.appendingPathComponent("b.xml").path
        let shipped = try Self.line("us.ear.734.13.a.2", in: "us-ear.xml")
        var outputs: [String] = []
        for order in [[a, b], [b, a]] {
            let result = try CLI.run(["cite-check", "--official"] + order)
            #expect(result.status == 1)
            outputs.append(result.stdout.split(separator: "\n").filter { !$0.hasPrefix(folder.path) || $0.contains(": error: ") }.joined(separator: "\n"))
            #expect(result.stdout.hasPrefix("""
                \(shipped): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): the official texts given disagree at '734.13(a)(2)': \
                \(a) (undated): passes; \(b) (undated): differs (… foreign person in the United States {+or abroad+} (a "deemed export") …); \
                which of them is in force cannot be told from texts of one date

                """), "\(result.stdout)")
            #expect(result.stdout.contains("\n4 provisions checked against 2 official files: 3 pass (1 of them a quotation in part: words left out not compared; 1 of them a paraphrase: found, wording not compared), 0 drifted, 0 missing, 1 where the texts disagree; "))
        }
        #expect(outputs[0] == outputs[1])
    }

    /// Regulation (EU) 2026/1744, Art. 1, points (39) and (40), verbatim from the Official Journal
    /// Formex (josesiqueira/tere4ai @f880753a, data/snapshots/formex/L_202601744EN.000101.fmx.xml, as
    /// excerpted by QA in /tmp/qa/citecheck6/amend/); the header is rebuilt from 2024/1689's with the
    /// amending act's numbers, and the QUOT.S texts are shortened to their first words.
    static let amendingAct = """
        <?xml version="1.0" encoding="UTF-8"?><ACT><BIB.INSTANCE><DOCUMENT.REF FILE="L_202601744EN.doc.fmx.xml"><COLL>L</COLL><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2026</YEAR><NO.CURRENT>1744</NO.CURRENT></NO.DOC></DOCUMENT.REF><DATE ISO="20260708">20260708</DATE><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2026</YEAR><NO.CURRENT>1744</NO.CURRENT></NO.DOC></BIB.INSTANCE>
        <TITLE><TI><P><HT TYPE="UC">Regulation (EU) 2026/1744 of the European Parliament and of the Council</HT></P><P>of <DATE ISO="20260708">8 July 2026</DATE></P><P>amending Regulation (EU) 2024/1689 and Regulation (EU) 2018/1139 as regards the simplification of the implementation of harmonised rules on artificial intelligence (Digital Omnibus on AI)</P></TI></TITLE>
        <PREAMBLE><PREAMBLE.FINAL><P>HAVE ADOPTED THIS REGULATION:</P></PREAMBLE.FINAL></PREAMBLE>
        <ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><STI.ART><P>Amendments to Regulation (EU) 2024/1689</P></STI.ART><ALINEA><P>Regulation (EU) 2024/1689 is amended as follows:</P><LIST TYPE="ARAB">
        <ITEM><NP><NO.P>(39)</NO.P><TXT>Article 111 is amended as follows:</TXT><P><LIST TYPE="alpha"><ITEM><NP><NO.P>(a)</NO.P><TXT>paragraph 2 is replaced by the following:</TXT><P><QUOT.S LEVEL="1"><PARAG IDENTIFIER="111.002"><NO.PARAG><QUOT.START CODE="2018" ID="QS0083" REF.END="QE0083"/>2.</NO.PARAG><ALINEA>Without prejudice to the application of Article 5 …<QUOT.END CODE="2019" ID="QE0083" REF.START="QS0083"/></ALINEA></PARAG></QUOT.S>;</P></NP></ITEM><ITEM><NP><NO.P>(b)</NO.P><TXT>the following paragraph is added:</TXT><P><QUOT.S LEVEL="1"><PARAG IDENTIFIER="111.004"><NO.PARAG><QUOT.START CODE="2018" ID="QS0084" REF.END="QE0084"/>4.</NO.PARAG><ALINEA>Providers of AI systems …<QUOT.END CODE="2019" ID="QE0084" REF.START="QS0084"/></ALINEA></PARAG></QUOT.S>;</P></NP></ITEM></LIST></P></NP></ITEM>
        <ITEM><NP><NO.P>(40)</NO.P><TXT>in Article 113, the third paragraph is amended as follows:</TXT><P><LIST TYPE="alpha"><ITEM><NP><NO.P>(a)</NO.P><TXT>point (a) is replaced by the following:</TXT><P><QUOT.S LEVEL="1"><LIST TYPE="alpha"><ITEM><NP><NO.P><QUOT.START CODE="2018" ID="QS0085" REF.END="QE0085"/>(a)</NO.P><TXT>Chapters I and II shall apply from <DATE ISO="20250202">2 February 2025</DATE> …<QUOT.END CODE="2019" ID="QE0085" REF.START="QS0085"/></TXT></NP></ITEM></LIST></QUOT.S>;</P></NP></ITEM><ITEM><NP><NO.P>(b)</NO.P><TXT>point (c) is replaced by the following:</TXT><P><QUOT.S LEVEL="1"><LIST TYPE="alpha"><ITEM><NP><NO.P><QUOT.START CODE="2018" ID="QS0086" REF.END="QE0086"/>(c)</NO.P><TXT>Chapter III, Sections 1, 2, and 3, … shall apply from: …<QUOT.END CODE="2019" ID="QE0086" REF.START="QS0086"/></TXT></NP></ITEM></LIST></QUOT.S>;</P></NP></ITEM><ITEM><NP><NO.P>(c)</NO.P><TXT>the following point is added:</TXT><P><QUOT.S LEVEL="1"><LIST TYPE="alpha"><ITEM><NP><NO.P><QUOT.START CODE="2018" ID="QS0087" REF.END="QE0087"/>(d)</NO.P><TXT>Articles 102 to 110 shall apply from <DATE ISO="20260727">27 July 2026</DATE>.<QUOT.END CODE="2019" ID="QE0087" REF.START="QS0087"/></TXT></NP></ITEM></LIST></QUOT.S>;</P></NP></ITEM></LIST></P></NP></ITEM>
        </LIST></ALINEA></ARTICLE><ARTICLE IDENTIFIER="003"><TI.ART>Article 3</TI.ART><STI.ART><P>Entry into force</P></STI.ART><ALINEA>This Regulation shall enter into force on the third day following that of its publication in the <HT TYPE="ITALIC">Official Journal of the European Union</HT>.</ALINEA></ARTICLE></ENACTING.TERMS></ACT>
        """

    /// The findings the amending act gives for the four shipped provisions of Art. 113 it changes:
    /// not Art. 113(3)(b) nor Art. 111(3) (paragraph 2 is replaced and paragraph 4 added).
    static func amendingFindings(_ file: String) throws -> String {
        let act = "changed by Regulation (EU) 2026/1744 of 2026-07-08 (\(file))"
        let all = "Art. 1, point (40)(a): replaces Article 113, third paragraph, point (a); Art. 1, point (40)(b): replaces Article 113, third paragraph, point (c); "
            + "Art. 1, point (40)(c): adds Article 113, third paragraph, point (d)"
        let tail = "not checked against the new wording: give the consolidated text"
        return """
            \(try line("eu.ai-act.art113", in: "eu-ai-act.xml")): error: eu.ai-act.art113 (Art. 113): \(act): \(all); \(tail)
            \(try line("eu.ai-act.art113.3", in: "eu-ai-act.xml")): error: eu.ai-act.art113.3 (Art. 113, third paragraph): \(act): \(all); \(tail)
            \(try line("eu.ai-act.art113.3.a", in: "eu-ai-act.xml")): error: eu.ai-act.art113.3.a (Art. 113, third paragraph, point (a)): \(act): Art. 1, point (40)(a): replaces Article 113, third paragraph, point (a); \(tail)
            \(try line("eu.ai-act.art113.3.c", in: "eu-ai-act.xml")): error: eu.ai-act.art113.3.c (Art. 113, third paragraph, point (c)): \(act): Art. 1, point (40)(b): replaces Article 113, third paragraph, point (c); \(tail)

            """
    }

    /// Finding 2: an amending act of the shipped AI Act, given alone, reports each shipped provision
    /// its instructions change; it is no longer "nothing was checked" with a wrong reason.
    @Test func anAmendingActAloneReportsTheProvisionsItChanges() throws {
        let folder = try CLI.folder(["L_202601744EN.000101.fmx.xml": Self.amendingAct])
        let file = folder.appendingPathComponent("L_202601744EN.000101.fmx.xml").path
        let result = try CLI.run(["cite-check", "--official", file])
        let total = try Self.notCovered(result.stdout)
        #expect(result.stdout == (try Self.amendingFindings(file)) + """
            \(file): Regulation (EU) 2026/1744, Official Journal text of 2026-07-08 (the act's date: no package manifest gives its publication and entry into force); amends 2024/1689 (5 instructions): covers 4 shipped provisions, decides 4
            4 provisions checked against 1 official file: 0 pass, 0 drifted, 0 missing, 4 changed by amending texts; \(total) not covered by the texts given

            """)
        #expect(result.stderr == "")
        #expect(result.status == 1)
    }

    /// Finding 2: given with the act it amends, the four provisions it changes are findings, not passes.
    @Test func anAmendingActWithTheActItAmendsIsNotAPass() throws {
        guard CorpusFile.available(Self.act) else { return }
        let folder = try CLI.folder(["L_202601744EN.000101.fmx.xml": Self.amendingAct])
        let file = folder.appendingPathComponent("L_202601744EN.000101.fmx.xml").path
        let result = try CLI.run(["cite-check", "--official", Self.act, file])
        let total = try Self.notCovered(result.stdout)
        #expect(result.stdout == (try Self.amendingFindings(file)) + """
            \(Self.act): Regulation (EU) 2024/1689, Official Journal text published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication): covers 57 shipped provisions, decides 57
            \(file): Regulation (EU) 2026/1744, Official Journal text of 2026-07-08 (the act's date: no package manifest gives its publication and entry into force); amends 2024/1689 (5 instructions): covers 4 shipped provisions, decides 4
            57 provisions checked against 2 official files: 53 pass, 0 drifted, 0 missing, 4 changed by amending texts; \(total) not covered by the texts given

            """)
        #expect(result.status == 1)
    }

    /// The QA Federal Register rule /tmp/qa/citecheck6/fr/fr-remove.xml (hand-made in the shape of
    /// the BIS rule 2025-00636, /tmp/qa/imp2/src/fr-bis-ai.xml): remove and reserve § 734.13(a)(2),
    /// revise § 734.15(a)(1) (printed), remove and reserve § 744.22, remove § 734.18(b).
    static let removingRule = """
        <?xml version="1.0" encoding="UTF-8"?>
        <RULE>
        <PREAMB>
        <AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY>
        <SUBAGY>Bureau of Industry and Security</SUBAGY>
        <CFR>15 CFR Parts 734 and 744</CFR>
        <SUBJECT>Revisions to Definitions of Export and Release (QA test rule)</SUBJECT>
        <ACT><HD SOURCE="HED">ACTION:</HD><P>Interim final rule; request for comments.</P></ACT>
        </PREAMB>
        <SUPLINF>
        <REGTEXT TITLE="15" PART="734">
        <AMDPAR>1. Amend § 734.13 by removing and reserving paragraph (a)(2).</AMDPAR>
        </REGTEXT>
        <REGTEXT TITLE="15" PART="734">
        <AMDPAR>2. Section 734.15 is amended by revising paragraph (a)(1) to read as follows:</AMDPAR>
        <SECTION><SECTNO>§ 734.15</SECTNO><SUBJECT>Release.</SUBJECT><P>(a) * * *</P><P>(1) Visual or other inspection by a foreign person of items that reveals “technology” or source code subject to the EAR to a foreign person, other than inspection by a U.S. person; or</P><STARS/></SECTION>
        </REGTEXT>
        <REGTEXT TITLE="15" PART="744">
        <AMDPAR>3. Remove and reserve § 744.22.</AMDPAR>
        </REGTEXT>
        <REGTEXT TITLE="15" PART="734">
        <AMDPAR>4. Amend § 734.18 by removing paragraph (b).</AMDPAR>
        </REGTEXT>
        </SUPLINF>
        <FRDOC>[FR Doc. 2026-99999 Filed 9-1-26; 8:45 am]</FRDOC>
        </RULE>
        """

    /// Finding 3: the instructions the importer reads (remove, remove and reserve, a revision of a
    /// subdivision of a shipped paragraph) are findings naming the rule and instruction, also when
    /// the current text of the section is given and passes. Finding 8: each file's line.
    @Test func aRuleThatRemovesShippedProvisionsIsAFindingWhateverElseIsGiven() throws {
        let folder = try CLI.folder(["rule.xml": Self.removingRule, "734.13.xml": Self.section734_13(date: "2026-01-01")])
        let rule = folder.appendingPathComponent("rule.xml").path, section = folder.appendingPathComponent("734.13.xml").path
        let by = "FR Doc. 2026-99999 (\(rule))"
        let tail = "not checked against the new wording: the rule states no effective date, so no CFR text given is taken to hold it: compare the CFR text as amended by hand"
        let findings = """
            \(try Self.line("us.ear.734.13", in: "us-ear.xml")): error: us.ear.734.13 (15 CFR 734.13): changed by \(by): amendatory instruction 1: remove-and-reserve § 734.13(a)(2); \(tail)
            \(try Self.line("us.ear.734.13.a.2", in: "us-ear.xml")): error: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): removed and reserved by \(by): amendatory instruction 1: remove-and-reserve § 734.13(a)(2); \(tail)
            \(try Self.line("us.ear.734.15.a", in: "us-ear.xml")): error: us.ear.734.15.a (15 CFR 734.15(a)): changed by \(by): amendatory instruction 2: revise § 734.15(a)(1); \(tail)
            \(try Self.line("us.ear.734.18.b", in: "us-ear.xml")): error: us.ear.734.18.b (15 CFR 734.18(b)): removed by \(by): amendatory instruction 4: remove § 734.18(b); \(tail)
            \(try Self.line("us.ear.744.22", in: "us-ear.xml")): error: us.ear.744.22 (15 CFR 744.22): removed and reserved by \(by): amendatory instruction 3: remove-and-reserve § 744.22; \(tail)

            """
        let ruleLine = "\(rule): Federal Register rule FR Doc. 2026-99999 (“Revisions to Definitions of Export and Release (QA test rule)”; 15 CFR Parts 734 and 744), undated; "
            + "amends 15 CFR part 734 (3 instructions), 15 CFR part 744 (1 instruction): covers 5 shipped provisions, decides 5"

        let alone = try CLI.run(["cite-check", "--official", rule])
        #expect(alone.stdout == findings + """
            \(ruleLine)
            5 provisions checked against 1 official file: 0 pass, 0 drifted, 0 missing, 5 changed by amending texts; \(try Self.notCovered(alone.stdout)) not covered by the texts given

            """)
        #expect(alone.stderr == "")
        #expect(alone.status == 1)

        let both = try CLI.run(["cite-check", "--official", section, rule])
        #expect(both.stdout == findings + """
            \(section): 15 CFR 734.13 (eCFR), text as of 2026-01-01: covers 4 shipped provisions, decides 4
            \(ruleLine)
            7 provisions checked against 2 official files: 2 pass (1 of them a quotation in part: words left out not compared), 0 drifted, 0 missing, 5 changed by amending texts; \(try Self.notCovered(both.stdout)) not covered by the texts given

            """)
        #expect(both.status == 1)
    }

    /// Finding 8: a file that covers nothing is said so, with what it was taken to be, and is not
    /// counted among the files checked against.
    @Test func aFileThatCoversNothingIsSaidSoAndNotCounted() throws {
        guard CorpusFile.available(Self.act) else { return }
        let folder = try CLI.folder(["734.13.xml": Self.section734_13(date: "2026-01-01").replacingOccurrences(of: "15 CFR 734.13", with: "16 CFR 734.13")
            .replacingOccurrences(of: "title-15", with: "title-16")])
        let other = folder.appendingPathComponent("734.13.xml").path
        let result = try CLI.run(["cite-check", "--official", Self.act, other])
        let total = try Self.notCovered(result.stdout)
        #expect(result.stdout == """
            \(Self.act): Regulation (EU) 2024/1689, Official Journal text published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication): covers 57 shipped provisions, decides 57
            \(other): 16 CFR 734.13 (eCFR), text as of 2026-01-01: covers no shipped provision (no shipped provision cites a section it holds)
            57 provisions checked against 1 official file: 57 pass, 0 drifted, 0 missing; \(total) not covered by the texts given

            """)
        #expect(result.status == 0)
    }
}
