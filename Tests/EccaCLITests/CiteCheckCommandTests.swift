import EccaTestSupport
import Foundation
import Testing

/// `ecca cite-check`: the shipped EU provisions against the real AI Act Formex, and against a
/// copy with one altered word and one removed provision.
@Suite struct CiteCheckCommandTests {
    static let act = CLI.root.appendingPathComponent("../shared/corpora/official-xml/formex-ai-act-2024-1689/L_202401689EN.000101.fmx.xml")
        .standardizedFileURL.path

    @Test func theShippedEUProvisionsPassAgainstTheOfficialJournal() throws {
        guard CorpusFile.available(Self.act) else { return }
        let result = try CLI.run(["cite-check", "--official", Self.act])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("\(Self.act): Regulation (EU) 2024/1689, Official Journal text published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication): covers 57 shipped provisions, decides 57\n"
                                        + "57 provisions checked against 1 official file: 57 pass, 0 drifted, 0 missing; "), "\(result.stdout)")
    }

    @Test func anAlteredWordAndARemovedProvisionExitOne() throws {
        guard CorpusFile.available(Self.act) else { return }
        var text = try String(contentsOfFile: Self.act, encoding: .utf8)
        text = text.replacingOccurrences(of: "including source code.</ALINEA>", with: "including object code.</ALINEA>")
        let start = try #require(text.range(of: "<PARAG IDENTIFIER=\"092.005\">"))
        let end = try #require(text.range(of: "</PARAG>", range: start.upperBound..<text.endIndex))
        text.removeSubrange(start.lowerBound..<end.upperBound)
        let folder = try CLI.folder(["L_202401689EN.000101.fmx.xml": text])
        let copy = folder.appendingPathComponent("L_202401689EN.000101.fmx.xml").path

        let result = try CLI.run(["cite-check", "--official", copy])
        #expect(result.status == 1)
        #expect(result.stdout.contains("eu.ai-act.art92.3 (Art. 92(3)): wording differs from \(copy) (text as of 2024-06-13) at '092.003'"))
        #expect(result.stdout.contains("including [-source-] {+object+} code."))
        #expect(result.stdout.contains("eu.ai-act.art92.5 (Art. 92(5)): '092.005' does not exist in \(copy) (text as of 2024-06-13)"))
        #expect(result.stdout.contains("eu-ai-act.xml:"))
        #expect(result.stdout.contains(" drifted, 1 missing;"))
    }

    /// `--list-not-covered` names every provision the summary counts as not covered, each at its
    /// line in the shipped rules file, so that a filed check says what it did not check.
    @Test func theProvisionsNotCoveredCanBeListed() throws {
        guard CorpusFile.available(Self.act) else { return }
        let result = try CLI.run(["cite-check", "--list-not-covered", "--official", Self.act])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let total = try notCovered(result.stdout)
        let listed = result.stdout.split(separator: "\n").filter { $0.contains(": not covered by the texts given (") }
        #expect(listed.count == total)
        let rules = CLI.root.appendingPathComponent("Regulations/us-ear.xml").path
        let line = try #require(try String(contentsOfFile: rules, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("id=\"us.ear.734.13.a.2\"") }) + 1
        #expect(listed.contains("\(rules):\(line): note: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): not covered by the texts given (us.ear, official id '734.13(a)(2)')"))
        #expect(!listed.contains { $0.contains("eu.ai-act.art92") })
    }

    /// A paraphrase is found, not compared: the summary counts such passes apart, and
    /// `--list-passed` says what each pass rests on. (15 CFR 734.13 in the versioner shape,
    /// FORMATS.md §1.3, as QA's us/base-734.13.xml, its words as lexbuild.dev's eCFR copy prints them.)
    @Test func passesSayWhetherTheirWordingWasCompared() throws {
        let folder = try CLI.folder(["v-734.13.xml": """
            <DIV8 N="734.13" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;15 CFR 734.13&quot;}">
            <HEAD>§ 734.13 Export.</HEAD>
            <P>(a) Except as set forth in § 734.17 or § 734.18, <I>Export</I> means:</P>
            <P>(1) An actual shipment or transmission out of the United States, including the sending or taking of an item out of the United States, in any manner;</P>
            <P>(2) Releasing or otherwise transferring “technology” or source code (but not object code) to a foreign person in the United States (a “deemed export”);</P>
            <P>(b) Any release in the United States of “technology” or source code to a foreign person is a deemed export to the foreign person's most recent country of citizenship or permanent residency.</P>
            </DIV8>
            """])
        let file = folder.appendingPathComponent("v-734.13.xml").path
        let result = try CLI.run(["cite-check", "--list-passed", "--official", file])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let rules = CLI.root.appendingPathComponent("Regulations/us-ear.xml").path
        let lines = try String(contentsOfFile: rules, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ id: String) throws -> Int { try #require(lines.firstIndex { $0.contains("id=\"\(id)\"") }) + 1 }
        #expect(result.stdout == """
            \(rules):\(try line("us.ear.734.13")): note: us.ear.734.13 (15 CFR 734.13): found in \(file) at '734.13'; a paraphrase: wording not compared
            \(rules):\(try line("us.ear.734.13.a.1")): note: us.ear.734.13.a.1 (15 CFR 734.13(a)(1)): quoted words match \(file) at '734.13(a)(1)'; the official words its elision (…) leaves out were not compared
            \(rules):\(try line("us.ear.734.13.a.2")): note: us.ear.734.13.a.2 (15 CFR 734.13(a)(2)): quoted words match \(file) at '734.13(a)(2)'; the official words its elision (…) leaves out were not compared
            \(rules):\(try line("us.ear.734.13.b")): note: us.ear.734.13.b (15 CFR 734.13(b)): wording matches \(file) at '734.13(b)'
            \(file): 15 CFR 734.13 (eCFR), undated: covers 4 shipped provisions, decides 4
            4 provisions checked against 1 official file: 4 pass (2 of them quoted in part: words left out not compared; 1 of them a paraphrase: found, wording not compared), 0 drifted, 0 missing; 87 not covered by the texts given

            """)
    }

    static let corpus = CLI.root.appendingPathComponent("../shared/corpora").standardizedFileURL.path
    static let annexXI = CLI.root.appendingPathComponent("../shared/corpora/official-xml/formex-ai-act-2024-1689/L_202401689EN.014101.fmx.xml")
        .standardizedFileURL.path

    /// The count of shipped provisions the summary line gives as not covered.
    private func notCovered(_ stdout: String) throws -> Int {
        let match = try #require(stdout.firstMatch(of: #/; (\d+) not covered by the texts given\n$/#))
        return try #require(Int(match.1))
    }

    /// Another act (the Akoma Ntoso of Directive 2014/92/EU) covers no shipped provision: nothing
    /// is checked, which is said, and the status is 2, never a pass.
    @Test func anOfficialFileThatCoversNothingIsNotAPass() throws {
        let other = Self.corpus + "/official-xml/akoma-ntoso/32014L0092.akn"
        guard CorpusFile.available(other) else { return }
        let result = try CLI.run(["cite-check", "--official", other])
        let total = try notCovered(result.stdout)
        #expect(total > 47)
        #expect(result.stdout == """
            \(other): Directive 2014/92/EU of the European Parliament and of the Council of 23 July 2014 on the comparability of fees related to payment accounts, \
            payment account switching and access to payment accounts with basic features (Text with EEA relevance), text as of 2014-07-23: \
            covers no shipped provision (no shipped instrument is this work by CELEX, FRBR work URI or S.I. number)
            0 provisions checked against 0 official files: 0 pass, 0 drifted, 0 missing; \(total) not covered by the texts given

            """)
        #expect(result.stderr == "warning: nothing was checked: none of the \(total) shipped provisions with an official id is covered by the official text given (each file's line above says what it was taken to be)\n")
        #expect(result.status == 2)
    }

    @Test func aLegalRuleMLFileIsRefused() throws {
        let file = Self.corpus + "/legalruleml-dapreco/rioKB_GDPR.xml"
        guard CorpusFile.available(file) else { return }
        let result = try CLI.run(["cite-check", "--official", file])
        #expect(result.stdout == "")
        #expect(result.stderr == "\(file): error: this LegalRuleML file is an encoding of the law, not its official text; check against Formex, eCFR or annual CFR, Federal Register or Akoma Ntoso XML\n")
        #expect(result.status == 2)
    }

    /// A proposed rule is not law: a Federal Register file of proposals alone is refused, never
    /// reported as a pass (QA fr5, finding 3: the reviewer's PRORULE copy of the AI Diffusion
    /// fixture passed 15 CFR 740.27 and 742.6(a)(13)). Hand-made in the GPO shape.
    @Test func aProposedRuleIsRefused() throws {
        let folder = try CLI.folder(["prorule.xml": """
            <PRORULE><PREAMB><AGENCY TYPE="S">DEPARTMENT OF COMMERCE</AGENCY><SUBJECT>Proposal</SUBJECT>
            <ACT><HD SOURCE="HED">ACTION:</HD><P>Proposed rule.</P></ACT></PREAMB>
            <SUPLINF><REGTEXT TITLE="15" PART="740"><AMDPAR>1. Add § 740.27 to read as follows:</AMDPAR>
            <SECTION><SECTNO>§ 740.27</SECTNO><SUBJECT>Artificial intelligence authorization (AIA).</SUBJECT><P>(a) Text.</P></SECTION>
            </REGTEXT></SUPLINF><FRDOC>[FR Doc. 2025-00636 Filed 1-13-25; 8:45 am]</FRDOC></PRORULE>
            """])
        let file = folder.appendingPathComponent("prorule.xml").path
        let result = try CLI.run(["cite-check", "--official", file])
        #expect(result.stdout == "")
        #expect(result.stderr == "\(file): error: this Federal Register file holds only a proposed rule (FR Doc. 2025-00636): a proposal is not law, and the text it sets out is not the official text of any provision; check against the final rule, the eCFR or the annual CFR\n")
        #expect(result.status == 2)
    }

    @Test func anAnnexFileAloneChecksTheShippedAnnex() throws {
        guard CorpusFile.available(Self.annexXI) else { return }
        let result = try CLI.run(["cite-check", "--official", Self.annexXI])
        let total = try notCovered(result.stdout)
        #expect(result.stdout == """
            \(Self.annexXI): annexes of act 2024/1689 of 2024-06-13, with the act its package lists, published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication): covers 1 shipped provision, decides 1
            1 provision checked against 1 official file: 1 pass, 0 drifted, 0 missing; \(total) not covered by the texts given

            """)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    /// The package with one word of Annex XI changed: the finding names the annex's file.
    @Test func annexDriftNamesTheAnnexFile() throws {
        let folder = CLI.root.appendingPathComponent("../shared/corpora/official-xml/formex-ai-act-2024-1689").standardizedFileURL.path
        guard CorpusFile.available(folder + "/L_202401689EN.doc.fmx.xml") else { return }
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".fmx.xml") {
            files[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        files["L_202401689EN.014101.fmx.xml"] = files["L_202401689EN.014101.fmx.xml"]?
            .replacingOccurrences(of: "<TXT>the tasks that the model", with: "<TXT>the jobs that the model")
        let copy = try CLI.folder(files).path
        let shipped = CLI.regulations + "/eu-ai-act.xml"
        let line = try #require(try String(contentsOfFile: shipped, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("<provision id=\"eu.ai-act.annex11\"") }) + 1

        let result = try CLI.run(["cite-check", "--official", copy + "/L_202401689EN.doc.fmx.xml"])
        let total = try notCovered(result.stdout)
        #expect(result.stdout == """
            \(shipped):\(line): error: eu.ai-act.annex11 (Annex XI): wording differs from \(copy)/L_202401689EN.014101.fmx.xml (text as of 2024-08-01) at 'ANNEX XI'
                … general-purpose AI model including: (a) the [-tasks-] {+jobs+} that the model is intended to …
            \(copy)/L_202401689EN.doc.fmx.xml: Regulation (EU) 2024/1689, Official Journal text published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication): covers 57 shipped provisions, decides 57
            57 provisions checked against 1 official file: 56 pass, 1 drifted, 0 missing; \(total) not covered by the texts given

            """)
        #expect(result.stderr == "")
        #expect(result.status == 1)
    }

    @Test func aMalformedOfficialFileExitsTwo() throws {
        let folder = try CLI.folder(["act.xml": "<ACT><ARTICLE IDENTIFIER=\"001\">"])
        let result = try CLI.run(["cite-check", "--official", folder.appendingPathComponent("act.xml").path])
        #expect(result.status == 2)
        #expect(result.stderr.range(of: #"act\.xml:1:\d+: error: "#, options: .regularExpression) != nil, "\(result.stderr)")
    }

    /// A versioner section in the ecfr.gov shape (FORMATS.md §1.3), hand-made: 15 CFR 999.1 is no
    /// real section, so that only the test's own encodings cite it.
    static let section999 = """
        <DIV8 N="999.1" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;15 CFR 999.1&quot;}">
        <HEAD>§ 999.1 Scope.</HEAD>
        <P>(a) This part applies to every export.</P>
        </DIV8>
        """

    /// A rules file of one instrument citing 15 CFR 999.1(a); `wordingKind` and `extra` (more
    /// provisions) are the test's.
    static func encoding(wordingKind: String = "verbatim", wording: String = "(a) This part applies to no export.",
                         extra: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rules xmlns="urn:ecca:rules:1" version="1">
          <instrument id="qa.t15" jurisdiction="US" kind="cfr-part">
            <title>15 CFR Part 999 (test encoding)</title>
            <provision id="qa.t15.999.1.a" citation="15 CFR 999.1(a)" evidence="verified" eid="999.1(a)" wording-kind="\(wordingKind)">
              <wording>\(wording)</wording>
            </provision>\(extra)
          </instrument>
        </rules>
        """
    }

    /// An encoding being edited with one misspelt attribute value fails the schema, and is not
    /// read: cite-check said nothing of it and checked the rest (QA docs6, finding 1: 47 pass,
    /// status 0, for a file with two drifted provisions). As `check` does, it refuses: the
    /// schema's errors, a pointer to `ecca validate`, status 2, nothing checked.
    @Test func aRulesFileThatFailsTheSchemaIsRefused() throws {
        let folder = try CLI.folder(["v-999.1.xml": Self.section999, "typo.xml": Self.encoding(wordingKind: "verbatum")])
        let typo = folder.appendingPathComponent("typo.xml").path
        let result = try CLI.run(["cite-check", "--official", folder.appendingPathComponent("v-999.1.xml").path, "--instrument", typo])
        #expect(result.stdout == "")
        #expect(result.stderr == """
            \(typo):5: error: <provision wording-kind="verbatum">: 'verbatum' is not one of verbatim, paraphrase [qa.t15.999.1.a]
            error: the regulations have errors; run `ecca validate`

            """)
        #expect(result.status == 2)
    }

    /// A provision pasted into an encoding that already has it: only the first copy is in the
    /// graph, so the second (here the one whose wording is wrong) was never checked (QA docs6,
    /// finding 2: 47 pass, status 0). The duplicate is an error, as in `validate` and `check`.
    @Test func aProvisionIDGivenTwiceIsRefused() throws {
        // The first copy is right (it passed before), the pasted second one wrong.
        let pasted = """

                <provision id="qa.t15.999.1.a" citation="15 CFR 999.1(a)" evidence="verified" eid="999.1(a)" wording-kind="verbatim">
                  <wording>(a) This part applies to no export.</wording>
                </provision>
            """
        let wrongLast = Self.encoding(wording: "(a) This part applies to every export.", extra: pasted)
        let folder = try CLI.folder(["v-999.1.xml": Self.section999, "regs/t15.xml": wrongLast])
        let rules = folder.appendingPathComponent("regs/t15.xml").path
        let result = try CLI.run(["cite-check", "--official", folder.appendingPathComponent("v-999.1.xml").path,
                                  "--regulations", folder.appendingPathComponent("regs").path])
        #expect(result.stdout == "")
        #expect(result.stderr == """
            \(rules):8: error: duplicate provision id 'qa.t15.999.1.a' (first defined at \(rules):5) [qa.t15.999.1.a]
            error: the regulations have errors; run `ecca validate`

            """)
        #expect(result.status == 2)
    }
}
