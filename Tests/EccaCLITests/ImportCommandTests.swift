import EccaTestSupport
import Foundation
import Testing

/// `ecca import` end to end: the real AI Act Formex, a summary, a rules file ecca validates, and
/// no output at all when an input is truncated.
@Suite struct ImportCommandTests {
    static let corpus = CLI.root.appendingPathComponent("../shared/corpora").standardizedFileURL.path
    static let formexManifest = corpus + "/official-xml/formex-ai-act-2024-1689/L_202401689EN.doc.fmx.xml"
    static let legalRuleML = corpus + "/legalruleml-dapreco/rioKB_GDPR.xml"

    @Test func importsTheAIActAndWritesRulesEccaValidates() throws {
        guard CorpusFile.available(Self.formexManifest) else { return }
        let folder = try CLI.folder(["schema/rules.rng": try String(contentsOfFile: CLI.regulations + "/schema/rules.rng", encoding: .utf8)])
        let output = folder.appendingPathComponent("ai-act.xml").path
        let result = try CLI.run(["import", Self.formexManifest, "-o", output, "--instrument-id", "eu.ai-act"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("formex-act → eu.ai-act: Regulation (EU) 2024/1689"))
        #expect(result.stdout.contains("113 articles, 500 paragraphs"))
        #expect(result.stdout.contains("13 annexes"))
        #expect(result.stdout.contains("14 quoted amendments to other acts left out (QUOT.S)"))
        #expect(result.stdout.contains("wrote 1429 provisions to \(output)"))  // 1438 counted Annex VII 3.1(a)-(f) and 4.2(a)-(c) twice
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.contains("is greater than 10^25.</wording>"))
        let validate = try CLI.run(["validate", "--regulations", folder.path])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.hasPrefix("1 file: 1 instrument, 1429 provisions, 0 norms"))
    }

    @Test func legalRuleMLSummaryCountsWhatTheFileHolds() throws {
        guard CorpusFile.available(Self.legalRuleML) else { return }
        let output = try CLI.folder([:]).appendingPathComponent("gdpr.xml").path
        let result = try CLI.run(["import", "--format", "legalruleml", Self.legalRuleML, "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("501 rules, 347 prescriptive statements, 154 constitutive statements, 271 obligations, 76 permissions, 0 prohibitions, 275 legal references, 2 statement groups cited by their own key (legal reference missing or uncertain)\n  5 warnings, 0 notes\n"))
        // The file's reference key defined twice (lines 138 and 151), the key it never defines, the statement key it gives twice
        // (statements252Formula1) and the association applying a modality ecca does not read go to standard error.
        #expect(result.stderr.contains("\(Self.legalRuleML):151: warning: the legal reference key gdprC4S1A28P1ref is defined again, as GDPR:art_28__para_10, after GDPR:art_28__para_1 at \(Self.legalRuleML):138: "))
        #expect(result.stderr.contains("\(Self.legalRuleML):861: warning: statement group statements145 is tied to the legal reference key gdprC4S1A28P10ref, which no lrml:LegalReference defines: cited by its own key [statements145]\n"))
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.contains("<provision id=\"lrml.gdpr.statements132\" citation=\"LegalRuleML statements132\" evidence=\"secondary\" source-id=\"statements132\" eid=\"statements132\" wording-kind=\"paraphrase\">"))
        #expect(!written.contains("citation=\"GDPR Art. 28(10)\""))
    }

    @Test func aTruncatedFileExitsTwoWithLineAndColumnAndWritesNothing() throws {
        let folder = try CLI.folder(["cut.xml": "<?xml version=\"1.0\"?>\n<DIV8 N=\"1.1\" TYPE=\"SECTION\">\n<HEAD>§ 1.1 Scope.</HEAD>\n<P>(a) This part applies"])
        let output = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", folder.appendingPathComponent("cut.xml").path, "-o", output])
        #expect(result.status == 2)
        #expect(result.stderr.range(of: #"cut\.xml:4:\d+: error: the document ends inside <P> \(opened on line 4, column 1\): the file is truncated or an end tag is missing"#,
                                    options: .regularExpression) != nil, "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written to \(output)"))
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["cut.xml"])
    }

    /// One file given twice (here by two paths) is refused before anything is read: its
    /// provisions would be imported twice, told apart only by an id suffix.
    @Test func aFileGivenTwiceIsRefused() throws {
        let folder = try CLI.folder(["rule.xml": "<RULE><PREAMB><SUBJECT>S</SUBJECT></PREAMB></RULE>"])
        let file = folder.appendingPathComponent("rule.xml").path
        let output = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", file, folder.path + "/./rule.xml", "-o", output])
        #expect(result.status == 2)
        #expect(result.stderr == "\(folder.path)/./rule.xml: error: this file is given twice (also as \(file)): each file is imported once\nerror: nothing was written to \(output)\n")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// An official file that is one line long (as Formex is) names a mismatched end tag's open
    /// element by line only in libxml2's words: the column where it opened is added.
    @Test func aMismatchedEndTagOnOneLineNamesTheColumnOfItsOpenElement() throws {
        let folder = try CLI.folder(["one.fmx.xml": #"<ACT><ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA>text</PARAG></ARTICLE></ENACTING.TERMS></ACT>"#])
        let output = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", folder.appendingPathComponent("one.fmx.xml").path, "-o", output])
        #expect(result.status == 2)
        #expect(result.stderr == "\(folder.appendingPathComponent("one.fmx.xml").path):1:94: error: Opening and ending tag mismatch: ALINEA line 1 and PARAG (<ALINEA> opened on line 1, column 74)\nerror: nothing was written to \(output)\n")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// libxml2 calls an empty file "extra content at the end of the document"; a DOCTYPE is
    /// refused with its column, as every error has one.
    @Test func anEmptyFileOrADoctypeIsNamedWithLineAndColumn() throws {
        let folder = try CLI.folder(["empty.xml": "", "dtd.xml": "<?xml version=\"1.0\"?>\n<!DOCTYPE ACT [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n<ACT>&x;</ACT>"])
        let output = folder.appendingPathComponent("out.xml").path
        let empty = try CLI.run(["import", folder.appendingPathComponent("empty.xml").path, "-o", output])
        #expect(empty.status == 2)
        #expect(empty.stderr == "\(folder.appendingPathComponent("empty.xml").path):1:1: error: the file is empty\nerror: nothing was written to \(output)\n")
        let doctype = try CLI.run(["import", folder.appendingPathComponent("dtd.xml").path, "-o", output])
        #expect(doctype.status == 2)
        #expect(doctype.stderr.hasPrefix("\(folder.appendingPathComponent("dtd.xml").path):2:1: error: document type declarations are not accepted"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// A format ecca does not know is a usage error: 64, as for every command (README), with the usage line.
    @Test func anUnknownFormatNameIsAUsageError() throws {
        let folder = try CLI.folder(["act.xml": "<ACT><ENACTING.TERMS/></ACT>"])
        let output = folder.appendingPathComponent("o.xml").path
        let result = try CLI.run(["import", "--format", "xyz", folder.appendingPathComponent("act.xml").path, "-o", output])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: The value 'xyz' is invalid for '--format <format>'. Please provide one of 'ecfr', 'fr', 'formex', 'akn' or 'legalruleml'."))
        #expect(result.stderr.contains("Usage: ecca import <file> ..."))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func anUnknownFormatOrTheWrongOneExitsTwo() throws {
        let folder = try CLI.folder(["page.xml": "<html><body/></html>", "act.xml": "<ACT><ENACTING.TERMS/></ACT>"])
        let unknown = try CLI.run(["import", folder.appendingPathComponent("page.xml").path, "-o", folder.appendingPathComponent("o.xml").path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("root element <html> is not a format ecca imports"))
        let wrong = try CLI.run(["import", "--format", "akn", folder.appendingPathComponent("act.xml").path, "-o", folder.appendingPathComponent("o.xml").path])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--format akn was given, but this file is formex XML"))
    }

    @Test func ambiguousMarkersAreWarnedAboutOnStandardError() throws {
        let folder = try CLI.folder(["s.xml": """
            <DIV8 N="1.5" TYPE="SECTION"><HEAD>§ 1.5 Fees.</HEAD>
            <P>(a) One.</P><P>(b) Two.</P><P>(c) Three.</P><P>(d) Four.</P><P>(e) Five.</P><P>(f) Six.</P><P>(g) Seven.</P>
            <P>(h) Eight:</P><P>(1) first;</P><P>(2) second.</P><P>(i) Nine.</P></DIV8>
            """])
        let result = try CLI.run(["import", folder.appendingPathComponent("s.xml").path, "-o", folder.appendingPathComponent("o.xml").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: § 1.5: marker (i) read as letter at level 1"))
        // The bare section does not say its title, which is the second warning.
        #expect(result.stderr.contains("warning: the file does not say which CFR title it is from"))
        #expect(result.stdout.hasSuffix("""
              12 provisions: 1 section, 9 paragraphs, 2 level-2 paragraphs (1)
              1 ambiguous paragraph marker
              2 warnings, 0 notes
            wrote 12 provisions to \(folder.appendingPathComponent("o.xml").path)

            """))
    }

    /// Two versioner sections of title 15 with `--instrument-id us.ear`: one instrument, the
    /// shipped encoding's ids, so `validate --instrument` reports them beside the shipped rules as
    /// duplicates (docs/importers.md: an id-aligned import is for comparing and merging). The same
    /// section from a second file is an error with both places and writes nothing. (Hand-made, in
    /// the versioner's shape: the corpus has no title-15 section.)
    @Test func sectionsOfOneTitleJoinOneInstrument() throws {
        func section(_ number: String, _ paragraphs: String) -> String {
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV8 N="\(number)" TYPE="SECTION" hierarchy_metadata="{&quot;path&quot;:&quot;/on/_SUBSTITUTE_DATE_/title-15/section-\(number)&quot;,&quot;citation&quot;:&quot;15 CFR \(number)&quot;}">
            <HEAD>§ \(number) Heading.</HEAD>
            \(paragraphs)
            </DIV8>
            """
        }
        let folder = try CLI.folder([
            "v-734.13.xml": section("734.13", "<P>(a) <I>Export</I> means:</P>\n<P>(1) An actual shipment;</P>\n<P>(2) Releasing technology to a foreign person.</P>"),
            "v-734.3.xml": section("734.3", "<P>(a) Items subject to the EAR:</P>\n<P>(b) Items not subject to the EAR:</P>\n<P>(1) Published information.</P>"),
        ])
        let first = folder.appendingPathComponent("v-734.13.xml").path
        let second = folder.appendingPathComponent("v-734.3.xml").path
        let output = folder.appendingPathComponent("ear.rules.xml").path
        let result = try CLI.run(["import", first, second, "--instrument-id", "us.ear", "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            \(first): ecfr-versioner → us.ear: 15 CFR 734.13 (eCFR)
              4 provisions: 1 section, 1 paragraph, 2 level-2 paragraphs (1)
            \(second): ecfr-versioner → us.ear (joins the instrument begun by \(first)): 15 CFR 734.3 (eCFR)
              4 provisions: 1 section, 2 paragraphs, 1 level-2 paragraph (1)
            wrote 8 provisions to \(output)

            """)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.matches(of: #/<provision id="([^"]+)"/#).map { String($0.1) }
                == ["us.ear.734.13", "us.ear.734.13.a", "us.ear.734.13.a.1", "us.ear.734.13.a.2", "us.ear.734.3", "us.ear.734.3.a", "us.ear.734.3.b", "us.ear.734.3.b.1"])
        let validate = try CLI.run(["validate", "--instrument", output])
        #expect(validate.status != 0)
        let lines = (validate.stdout + validate.stderr).split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("\(output):") && $0.contains(": error: duplicate provision id 'us.ear.734.13' (first defined at \(CLI.regulations)/us-ear.xml:") }, "\(lines)")

        let again = try CLI.run(["import", second, first, second, "-o", output + ".2"])
        #expect(again.status == 2)
        #expect(again.stderr == """
            \(second): error: this file is given twice (also as \(second)): each file is imported once
            error: nothing was written to \(output).2

            """)
        #expect(!FileManager.default.fileExists(atPath: output + ".2"))
    }

    /// A pipe (here standard input, as `<(cat file)` or a FIFO gives one) is refused with ecca's
    /// own reason: libxml2 said "Extra content at the end of the document" at 1:1, since the start
    /// of the file, read to scan its prolog, could not be read again (QA docs6, finding 8). Both
    /// `import` and `cite-check --official`; nothing is written.
    @Test func aPipeIsRefusedWithTheReason() throws {
        let section = Data("""
            <DIV8 N="999.1" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;15 CFR 999.1&quot;}">
            <HEAD>§ 999.1 Scope.</HEAD><P>(a) This part applies to every export.</P></DIV8>
            """.utf8)
        let folder = try CLI.folder([:])
        let output = folder.appendingPathComponent("pipe.rules.xml").path
        let refusal = "/dev/stdin: error: not a regular file (a pipe, FIFO or device): ecca reads the start of an official file twice (to refuse "
            + "DTDs and entities before parsing it), and some files twice over, which a pipe does not allow; save it to a file first\n"
        let imported = try CLI.run(["import", "/dev/stdin", "-o", output], stdin: section)
        #expect(imported.stderr == refusal + "error: nothing was written to \(output)\n")
        #expect(imported.status == 2)
        #expect(!FileManager.default.fileExists(atPath: output))
        let checked = try CLI.run(["cite-check", "--official", "/dev/stdin"], stdin: section)
        #expect(checked.stdout == "")
        #expect(checked.stderr == refusal)
        #expect(checked.status == 2)
    }
}
