import EccaTestSupport
import Foundation
import Testing

/// `ecca import` of an annex file alone, without its package manifest, then `ecca cite-check` of
/// the import. The import had no CELEX or ELI (both name the kind of act, which an annex does not
/// say), and the real annex files number their act in their bibliography (`BIB.INSTANCE/NO.DOC`),
/// so cite-check matched it to no text: against the very file it was imported from, "nothing was
/// checked" (exit 2). It now carries the act's number (`Formex NO.DOC 2024/1689`), and its title
/// and a note say that it holds that annex only.
@Suite struct CiteCheckAnnexAloneTests {
    static let annexName = "L_202401689EN.012601.fmx.xml"
    static let manifestName = "L_202401689EN.doc.fmx.xml"
    static let actName = "L_202401689EN.000101.fmx.xml"
    static let numberInBibliography = #"<DATE ISO="20240613">20240613</DATE><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2024</YEAR><NO.CURRENT>1689</NO.CURRENT></NO.DOC></BIB.INSTANCE>"#

    /// The indent tests' Annex II, numbered 2024/1689 in its own bibliography as the real annex
    /// files are (the indent tests' names it in `DOCUMENT.REF` only).
    static func numberedAnnex(kidnapping: String = "kidnapping.") -> String {
        AnnexIndentFixture.annex(kidnapping: kidnapping).replacingOccurrences(
            of: #"<DATE ISO="20240613">20240613</DATE></BIB.INSTANCE>"#, with: numberInBibliography)
    }

    /// A package of the annex's act: its manifest (a Regulation, with its ELI and publication), an
    /// act of one article, and `annex`.
    static func package(annex: String) -> [String: String] {
        [manifestName: """
            <?xml version="1.0" encoding="UTF-8"?>
            <DOC><BIB.DOC><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2024</YEAR><NO.CURRENT>1689</NO.CURRENT></NO.DOC><NO.ELI ID="http://data.europa.eu/eli/reg/2024/1689/oj">ELI:http://data.europa.eu/eli/reg/2024/1689/oj</NO.ELI></BIB.DOC><PUBLICATION.REF FILE="L_202401689EN.toc.fmx.xml"><COLL>L</COLL><DATE ISO="20240712">20240712</DATE></PUBLICATION.REF><FMX><DOC.MAIN.PUB NO.SEQ="0001"><LEGAL.VALUE>REG</LEGAL.VALUE><DATE ISO="20240613">20240613</DATE><REF.PHYS FILE="\(actName)" TYPE="DOC.XML"/></DOC.MAIN.PUB><DOC.SUB.PUB NO.SEQ="0001.0002" TYPE="ANNEX"><REF.PHYS FILE="\(annexName)" TYPE="DOC.XML"/></DOC.SUB.PUB></FMX></DOC>
            """,
         actName: """
            <?xml version="1.0" encoding="UTF-8"?>
            <ACT><BIB.INSTANCE><DOCUMENT.REF FILE="\(manifestName)"><COLL>L</COLL></DOCUMENT.REF>\(numberInBibliography)<TITLE><TI><P>Regulation (EU) 2024/1689 of the European Parliament and of the Council</P></TI></TITLE>
            <ENACTING.TERMS><ARTICLE IDENTIFIER="005"><TI.ART>Article 5</TI.ART><STI.ART><P>Prohibited practices</P></STI.ART><P>The offences listed in Annex II are prohibited.</P></ARTICLE></ENACTING.TERMS></ACT>
            """,
         annexName: annex]
    }

    /// `files` in a folder of their own, `name` among them imported alone into a regulations folder
    /// (schema and all): the file's path, the regulations folder, the rules file and the import.
    static func importAlone(_ name: String, from files: [String: String]) throws -> (file: String, regulations: String, rules: String, result: CLI.Result) {
        var files = files
        files["regulations/schema/rules.rng"] = try String(contentsOfFile: CLI.regulations + "/schema/rules.rng", encoding: .utf8)
        let folder = try CLI.folder(files)
        let path = folder.appendingPathComponent(name).path
        let rules = folder.appendingPathComponent("regulations/alone.rules.xml").path
        let result = try CLI.run(["import", path, "-o", rules])
        return (path, folder.appendingPathComponent("regulations").path, rules, result)
    }

    /// The rules file's instrument, from its start tag to its first provision.
    static func instrumentHeader(_ rules: String) throws -> String {
        let lines = try String(contentsOfFile: rules, encoding: .utf8).split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("  <instrument ") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("    <provision ") })
        return lines[start..<end].joined(separator: "\n")
    }

    static let annexOnlyNote = "Not the whole act: this instrument holds only Annex II, read from its own file \(annexName) without the act. The act's articles and its other annexes are not in it; import its package manifest, \(manifestName), for the whole act."

    @Test func anAnnexImportedAloneCarriesItsActsNumberAndSaysItHoldsThatAnnexOnly() throws {
        let (annex, _, rules, result) = try Self.importAlone(Self.annexName, from: [Self.annexName: Self.numberedAnnex()])
        #expect(result.status == 0)
        #expect(result.stdout == """
            \(annex): formex-annex → eu.act-2024-1689: Act 2024/1689 (an annex read without its act: the kind of act is not known)
              9 provisions: 7 points, 1 annex, 1 annex section
            wrote 9 provisions to \(rules)

            """)
        #expect(result.stderr == "")
        #expect(try Self.instrumentHeader(rules) == """
              <instrument id="eu.act-2024-1689" jurisdiction="EU" kind="other">
                <title>Act 2024/1689 (an annex read without its act: the kind of act is not known)</title>
                <official-id scheme="other">Formex NO.DOC 2024/1689</official-id>
                <note kind="editorial">Imported by ecca from the Formex 4 file \(Self.annexName): wording verbatim from the Official Journal XML (footnotes dropped, superscripts as ^, subscripts as _, whitespace collapsed); ids minted by ecca from the numbering. Reuse: Commission Decision 2011/833/EU.</note>
                <note kind="editorial">Date of the act: 2024-06-13.</note>
                <note kind="editorial">The files read do not say which kind of act this is (the package manifest, whose LEGAL.VALUE gives it, was not read); its kind is given as “other”.</note>
                <note kind="editorial">No CELEX number or ELI: the files read give neither (a package manifest does, with the kind of act both name). The official id “Formex NO.DOC 2024/1689” is the act's number as its Formex bibliography gives it, by which `ecca cite-check` finds the act's texts for this instrument.</note>
                <note kind="editorial">\(Self.annexOnlyNote)</note>
                <note kind="editorial">Source file: \(annex). Each provision's note gives its lines and an element path in it.</note>
            """)
    }

    /// Every provision of the import passes against the file it was imported from and against its
    /// act's package; a changed word drifts, on the indent and on what holds it.
    @Test func theImportPassesAgainstItsFileAndItsPackageAndAChangedWordDrifts() throws {
        let (annex, regulations, rules, imported) = try Self.importAlone(Self.annexName, from: [Self.annexName: Self.numberedAnnex()])
        #expect(imported.status == 0)
        let same = try CLI.run(["cite-check", "--official", annex, "--regulations", regulations])
        #expect(same.stdout == """
            \(annex): annexes of act 2024/1689 of 2024-06-13: covers 9 shipped provisions, decides 9
            9 provisions checked against 1 official file: 9 pass, 0 drifted, 0 missing; 0 not covered by the texts given

            """)
        #expect(same.status == 0)

        let manifest = try CLI.folder(Self.package(annex: Self.numberedAnnex())).appendingPathComponent(Self.manifestName).path
        let package = try CLI.run(["cite-check", "--official", manifest, "--regulations", regulations])
        #expect(package.stdout == """
            \(manifest): Regulation (EU) 2024/1689, Official Journal text published 2024-07-12 (its entry into force not read: taken as law from publication): covers 9 shipped provisions, decides 9
            9 provisions checked against 1 official file: 9 pass, 0 drifted, 0 missing; 0 not covered by the texts given

            """)
        #expect(package.status == 0)

        let changed = try CLI.folder([Self.annexName: Self.numberedAnnex(kidnapping: "abduction.")]).appendingPathComponent(Self.annexName).path
        let drift = try CLI.run(["cite-check", "--official", changed, "--regulations", regulations])
        let at = { (id: String) in "\(rules):\(try CiteCheckAnnexIndentTests.line(of: "eu.act-2024-1689.\(id)", in: rules))" }
        let differs = "wording differs from \(changed) (text as of 2024-06-13) at"
        #expect(drift.stdout == """
            \(try at("anx-II")): error: eu.act-2024-1689.anx-II (Annex II): \(differs) 'ANNEX II'
                … (a) against life or liberty: murder, [-kidnapping.-] {+abduction.+}
            \(try at("anx-II.sec1")): error: eu.act-2024-1689.anx-II.sec1 (Annex II, Section 1): \(differs) 'ANNEX II, Section 1'
                1. Offences against persons: (a) against life or liberty: murder, [-kidnapping.-] {+abduction.+}
            \(try at("anx-II.sec1.1")): error: eu.act-2024-1689.anx-II.sec1.1 (Annex II, Section 1, point 1): \(differs) 'ANNEX II, Section 1, point 1'
                1. Offences against persons: (a) against life or liberty: murder, [-kidnapping.-] {+abduction.+}
            \(try at("anx-II.sec1.1.a")): error: eu.act-2024-1689.anx-II.sec1.1.a (Annex II, Section 1, point 1(a)): \(differs) 'ANNEX II, Section 1, point 1(a)'
                (a) against life or liberty: murder, [-kidnapping.-] {+abduction.+}
            \(try at("anx-II.sec1.1.a.indent-2")): error: eu.act-2024-1689.anx-II.sec1.1.a.indent-2 (Annex II, Section 1, point 1(a), second indent): \(differs) 'ANNEX II, Section 1, point 1(a), second indent'
                [-kidnapping.-] {+abduction.+}
            \(changed): annexes of act 2024/1689 of 2024-06-13: covers 9 shipped provisions, decides 9
            9 provisions checked against 1 official file: 4 pass, 5 drifted, 0 missing; 0 not covered by the texts given

            """)
        #expect(drift.status == 1)
    }

    /// Imported beside its manifest, the annex's instrument is the act's (its kind, ELI and CELEX):
    /// its title and note still say it holds the one annex, not the act.
    @Test func anAnnexImportedBesideItsManifestIsStillSaidToBeThatAnnexOnly() throws {
        let (annex, _, rules, result) = try Self.importAlone(Self.annexName, from: Self.package(annex: Self.numberedAnnex()))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\(annex): formex-annex → eu.reg-2024-1689: Regulation 2024/1689 (an annex read without its act)\n"), "\(result.stdout)")
        #expect(try Self.instrumentHeader(rules) == """
              <instrument id="eu.reg-2024-1689" jurisdiction="EU" kind="regulation">
                <title>Regulation 2024/1689 (an annex read without its act)</title>
                <official-id scheme="eli">http://data.europa.eu/eli/reg/2024/1689/oj</official-id>
                <official-id scheme="celex">32024R1689</official-id>
                <version label="Official Journal L, 2024/1689, published 2024-07-12" date="2024-07-12"/>
                <source url="https://eur-lex.europa.eu/eli/reg/2024/1689/oj" attribution="EUR-Lex / Publications Office of the European Union"/>
                <note kind="editorial">Imported by ecca from the Formex 4 file \(Self.annexName): wording verbatim from the Official Journal XML (footnotes dropped, superscripts as ^, subscripts as _, whitespace collapsed); ids minted by ecca from the numbering. Reuse: Commission Decision 2011/833/EU.</note>
                <note kind="editorial">Date of the act: 2024-06-13.</note>
                <note kind="editorial">\(Self.annexOnlyNote)</note>
                <note kind="editorial">Source file: \(annex). Each provision's note gives its lines and an element path in it.</note>
            """)
    }

    /// An annex whose bibliography numbers no act, with no manifest: nothing gives its instrument
    /// the act's identity, which is warned of beside the id minted from the file's name.
    @Test func anAnnexWhoseBibliographyNumbersNoActIsWarnedOf() throws {
        let unnumbered = AnnexIndentFixture.annex().replacingOccurrences(
            of: #"<NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2024</YEAR><NO.CURRENT>1689</NO.CURRENT></NO.DOC>"#, with: "")
        let (annex, _, rules, result) = try Self.importAlone(Self.annexName, from: [Self.annexName: unnumbered])
        #expect(result.status == 0)
        #expect(result.stderr == """
            \(annex):1: warning: the file names no act number (no NO.DOC, NO.CELEX or CONSLEG.REF): the instrument id is minted from the file's name, eu.act-L-202401689EN.012601.fmx, and changes if the file is renamed (give --instrument-id to fix it)
            \(annex):2: warning: the annex's bibliography numbers no act (no NO.DOC) and no package manifest beside it lists it: its instrument has no CELEX number, ELI or act number, so `ecca cite-check` cannot match it to its act's texts (only to annex files that number no act either); import the annex with its act, or through its package manifest

            """)
        let header = try Self.instrumentHeader(rules)
        #expect(!header.contains("<official-id"))
        #expect(header.contains("<note kind=\"editorial\">\(Self.annexOnlyNote)</note>"))
    }

    /// The act file imported without its manifest had the same defect (no CELEX or ELI, so nothing
    /// checked against itself) and gets the same id.
    @Test func anActImportedWithoutItsManifestCarriesItsNumberToo() throws {
        var files = Self.package(annex: Self.numberedAnnex())
        files[Self.manifestName] = nil
        let (act, regulations, _, imported) = try Self.importAlone(Self.actName, from: files)
        #expect(imported.status == 0)
        let result = try CLI.run(["cite-check", "--official", act, "--regulations", regulations])
        #expect(result.stdout == """
            \(act): Regulation (EU) 2024/1689, Official Journal text of 2024-06-13 (the act's date: no package manifest gives its publication and entry into force): covers 1 shipped provision, decides 1
            1 provision checked against 1 official file: 1 pass, 0 drifted, 0 missing; 0 not covered by the texts given

            """)
        #expect(result.status == 0)
    }

    /// Each of the real AI Act's 13 annex files, copied alone into a folder of its own and imported:
    /// every provision passes against that copy and against the package (before, none was checked).
    @Test func eachRealAnnexImportedAlonePassesAgainstItselfAndThePackage() throws {
        let folder = CiteCheckAnnexFileTests.folder
        let manifest = folder + "/" + Self.manifestName
        guard CorpusFile.available(manifest) else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.range(of: #"^L_202401689EN\.01[2-4]\d{3}\.fmx\.xml$"#, options: .regularExpression) != nil }.sorted()
        #expect(names.count == 13)
        var checked: [String] = []
        for name in names {
            let (copy, regulations, _, imported) = try Self.importAlone(name, from: [name: try String(contentsOfFile: folder + "/" + name, encoding: .utf8)])
            #expect(imported.status == 0, "\(name): \(imported.stderr)")
            let count = try #require(imported.stdout.firstMatch(of: /wrote (\d+) provisions/)?.1)
            let all = "\(count) provisions checked against 1 official file: \(count) pass, 0 drifted, 0 missing; 0 not covered by the texts given\n"
            for official in [copy, manifest] {
                let result = try CLI.run(["cite-check", "--official", official, "--regulations", regulations])
                #expect(result.stdout.hasSuffix(all) && result.status == 0, "\(name) against \(official): \(result.stdout)")
            }
            checked.append("\(name): \(count)")
        }
        #expect(checked == [
            "L_202401689EN.012401.fmx.xml: 23", "L_202401689EN.012601.fmx.xml: 17", "L_202401689EN.012701.fmx.xml: 33",
            "L_202401689EN.013001.fmx.xml: 26", "L_202401689EN.013201.fmx.xml: 9", "L_202401689EN.013301.fmx.xml: 5",
            "L_202401689EN.013401.fmx.xml: 29", "L_202401689EN.013601.fmx.xml: 31", "L_202401689EN.013801.fmx.xml: 6",
            "L_202401689EN.013901.fmx.xml: 17", "L_202401689EN.014101.fmx.xml: 19", "L_202401689EN.014301.fmx.xml: 14",
            "L_202401689EN.014401.fmx.xml: 8",
        ])
    }
}
