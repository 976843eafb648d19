import EccaTestSupport
import Foundation
import Testing

/// `ecca import` never writes a rules file that `ecca validate` refuses: control and bidirectional
/// characters of an official text that carry no text (C1 controls, bidi embeddings, overrides and
/// isolates), written as they are or as character references, are left out, each place warned of
/// at its `file:line:column` with the innermost provision that held it, every provision whose text
/// held one noted, the summary counting them. The output validates, and `cite-check` of it against
/// its own source passes. One test per dialect.
@Suite struct ImportControlCharacterTests {
    /// Imports `source` (written into a new folder with `companions`) to `out/rules.xml`, with the
    /// rules schema beside it so that the folder validates as `--regulations`.
    private func imported(_ name: String, _ source: String, companions: [String: String] = [:], importing: String? = nil)
        throws -> (input: String, result: CLI.Result, written: String, regulations: String) {
        var files = companions
        files[name] = source
        files["out/schema/rules.rng"] = try String(contentsOfFile: CLI.regulations + "/schema/rules.rng", encoding: .utf8)
        let folder = try CLI.folder(files)
        let input = folder.appendingPathComponent(importing ?? name).path
        let output = folder.appendingPathComponent("out/rules.xml").path
        let result = try CLI.run(["import", input, "-o", output])
        return (folder.appendingPathComponent(name).path, result, try String(contentsOfFile: output, encoding: .utf8), folder.appendingPathComponent("out").path)
    }

    /// The output validates, and checks against its own source with every provision passing.
    private func expectValidAndPassing(_ regulations: String, official: String, provisions: Int) throws {
        let validate = try CLI.run(["validate", "--regulations", regulations])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.hasPrefix("1 file: 1 instrument, \(provisions) provisions"), "\(validate.stdout)")
        let check = try CLI.run(["cite-check", "--official", official, "--regulations", regulations])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasSuffix("\(provisions) provisions checked against 1 official file: \(provisions) pass, 0 drifted, 0 missing; 0 not covered by the texts given\n"),
                "\(check.stdout)")
    }

    private static let noted = "They are left out, so this text is not a byte-for-byte copy of the official one."
    private static let mayBeText = " A control character may stand for a character the file lost in decoding; check the official text."
    private static let rightQuote = "U+0092 PRIVATE USE TWO (in Windows-1252, byte 0x92 is ’ RIGHT SINGLE QUOTATION MARK: the file may have been decoded wrongly)"
    private static func warning(_ subject: String, _ field: String, _ names: String, count: Int = 1) -> String {
        let what = count == 1 ? "a character that carries no text and that a rules file may not hold"
            : "\(count) characters that carry no text and that a rules file may not hold"
        return "\(subject): the official \(field) holds \(names), \(what): left out of the import, not replaced (the provision is noted)"
    }

    /// eCFR (bulk): an override in a heading, an override given as a character reference, a C1
    /// control where Windows-1252 has a right quotation mark, and an embedding with its pop. The
    /// section's wording holds its paragraphs': each place is warned of once, for the paragraph.
    @Test func eCFR() throws {
        let source = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS><HEADER><FILEDESC><PUBLICATIONSTMT><IDNO TYPE="title">15</IDNO></PUBLICATIONSTMT></FILEDESC></HEADER>
            <TEXT><BODY><ECFRBRWS><AMDDATE>Jan. 2, 2025</AMDDATE>
            <DIV1 N="15" NODE="15:1" TYPE="TITLE"><HEAD>Title 15—Commerce</HEAD>
            <DIV5 N="734" NODE="15:2.1.3.4.1" TYPE="PART"><HEAD>PART 734—SCOPE</HEAD>
            <DIV8 N="§ 734.13" NODE="15:2.1.3.4.1.0.1.1" TYPE="SECTION">
            <HEAD>§ 734.13   Export\u{202E}.</HEAD>
            <P>(a) Except as set forth, export means&#x202E; an actual shipment.</P>
            <P>(1) The exporter\u{0092}s duty &#x202A;&#x202C;applies.</P>
            </DIV8>
            </DIV5></DIV1></ECFRBRWS></BODY></TEXT></DLPSTEXTCLASS>
            """
        let (input, result, written, regulations) = try imported("ecfr.xml", source)
        #expect(result.status == 0)
        #expect(result.stderr == """
            \(input):7:24: warning: \(Self.warning("15 CFR 734.13", "heading", "U+202E RIGHT-TO-LEFT OVERRIDE")) [734.13]
            \(input):8:41: warning: \(Self.warning("15 CFR 734.13(a)", "wording", "U+202E RIGHT-TO-LEFT OVERRIDE")) [734.13(a)]
            \(input):9:20: warning: \(Self.warning("15 CFR 734.13(a)(1)", "wording", Self.rightQuote)) [734.13(a)(1)]
            \(input):9:28: warning: \(Self.warning("15 CFR 734.13(a)(1)", "wording", "U+202A LEFT-TO-RIGHT EMBEDDING, U+202C POP DIRECTIONAL FORMATTING", count: 2)) [734.13(a)(1)]

            """)
        #expect(result.stdout.contains("""
              3 provisions: 1 section, 1 paragraph, 1 level-2 paragraph (1)
              5 control or bidirectional characters that carry no text, left out and noted
              4 warnings, 0 notes

            """), "\(result.stdout)")
        let paragraph = "U+202E RIGHT-TO-LEFT OVERRIDE in the wording; \(Self.rightQuote) in the wording; U+202A LEFT-TO-RIGHT EMBEDDING in the wording; U+202C POP DIRECTIONAL FORMATTING in the wording"
        #expect(written.contains("""
                  <heading>Export</heading>
                  <wording>(a) Except as set forth, export means an actual shipment. (1) The exporters duty applies.</wording>
                  <source url="https://www.ecfr.gov/current/title-15/section-734.13"/>
                  <note kind="editorial">Source: lines 6-10, DIV8[@N='§ 734.13']</note>
                  <note kind="unresolved">The official text here holds characters that carry no text, which a rules file may not hold: \(paragraph); U+202E RIGHT-TO-LEFT OVERRIDE in the heading. \(Self.noted)\(Self.mayBeText)</note>
            """), "\(written)")
        #expect(written.contains("<note kind=\"unresolved\">The official text here holds characters that carry no text, which a rules file may not hold: \(paragraph). \(Self.noted)\(Self.mayBeText)</note>"))
        #expect(written.contains("""
                  <wording>(1) The exporters duty applies.</wording>
                  <source url="https://www.ecfr.gov/current/title-15/section-734.13#p-734.13(a)(1)"/>
                  <note kind="editorial">Source: line 9, DIV8[@N='§ 734.13']/*[3]; within 734.13(a)</note>
                  <note kind="unresolved">The official text here holds characters that carry no text, which a rules file may not hold: \(Self.rightQuote) in the wording; U+202A LEFT-TO-RIGHT EMBEDDING in the wording; U+202C POP DIRECTIONAL FORMATTING in the wording. \(Self.noted)\(Self.mayBeText)</note>
            """), "\(written)")
        try expectValidAndPassing(regulations, official: input, provisions: 3)
    }

    /// Formex: an act is one line, so the column is what points at each character. The package's
    /// manifest gives the act its CELEX number, by which `cite-check` finds it.
    @Test func formex() throws {
        let act = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ACT><BIB.INSTANCE><DOCUMENT.REF FILE="L_2016176EN.01002101.doc.xml"><COLL>L</COLL><NO.OJ>176</NO.OJ><YEAR>2016</YEAR><LG.OJ>EN</LG.OJ><PAGE.FIRST>21</PAGE.FIRST><PAGE.SEQ>1</PAGE.SEQ><VOLUME.REF>01</VOLUME.REF></DOCUMENT.REF><DATE ISO="20160608">20160608</DATE><LG.DOC>EN</LG.DOC><NO.SEQ>0002</NO.SEQ><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>1036</NO.CURRENT><YEAR>2016</YEAR><COM>EU</COM></NO.DOC></BIB.INSTANCE><TITLE><TI><P>Regulation (EU) 2016/1036 on protection against dumped imports</P></TI></TITLE><ENACTING.TERMS><ARTICLE IDENTIFIER="024"><TI.ART>Article 24</TI.ART><STI.ART>Repeal\u{202B}</STI.ART><ALINEA>Regulation (EC) No 1225/2009 is repealed.</ALINEA><ALINEA>References to the \u{0093}repealed Regulation\u{0094} shall be construed as references to this Regulation&#x2067;.</ALINEA></ARTICLE></ENACTING.TERMS></ACT>

            """
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DOC><BIB.DOC><NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>1036</NO.CURRENT><YEAR>2016</YEAR><COM>EU</COM></NO.DOC></BIB.DOC><PUBLICATION.REF FILE="L_2016176EN.toc.xml"><COLL>L</COLL><NO.OJ>176</NO.OJ><DATE ISO="20160630">20160630</DATE><LG.OJ>EN</LG.OJ></PUBLICATION.REF><FMX><DOC.MAIN.PUB NO.SEQ="0002"><LG.DOC>EN</LG.DOC><LEGAL.VALUE>REG</LEGAL.VALUE><DATE ISO="20160608">20160608</DATE><REF.PHYS FILE="L_2016176EN.01002101.xml" TYPE="DOC.XML"/></DOC.MAIN.PUB></FMX></DOC>
            """
        let (input, result, written, regulations) = try imported("L_2016176EN.01002101.xml", act, companions: ["L_2016176EN.01002101.doc.xml": manifest],
                                                                 importing: "L_2016176EN.01002101.doc.xml")
        #expect(result.status == 0)
        let windows = { (code: String, mark: String, name: String) in
            "U+00\(code) \(name) (in Windows-1252, byte 0x\(code) is \(mark) \(mark == "“" ? "LEFT" : "RIGHT") DOUBLE QUOTATION MARK: the file may have been decoded wrongly)"
        }
        let left = windows("93", "“", "SET TRANSMIT STATE"), right = windows("94", "”", "CANCEL CHARACTER")
        #expect(result.stderr == """
            \(input):2:593: warning: \(Self.warning("Art. 24", "heading", "U+202B RIGHT-TO-LEFT EMBEDDING")) [art_24]
            \(input):2:688: warning: \(Self.warning("Art. 24, second paragraph", "wording", left)) [art_24__subpara_2]
            \(input):2:708: warning: \(Self.warning("Art. 24, second paragraph", "wording", right)) [art_24__subpara_2]
            \(input):2:761: warning: \(Self.warning("Art. 24, second paragraph", "wording", "U+2067 RIGHT-TO-LEFT ISOLATE")) [art_24__subpara_2]

            """)
        #expect(result.stdout.contains("  4 control or bidirectional characters that carry no text, left out and noted\n  4 warnings, 0 notes\n"),
                "\(result.stdout)")
        #expect(written.contains("""
                  <heading>Repeal</heading>
                  <wording>Regulation (EC) No 1225/2009 is repealed. References to the repealed Regulation shall be construed as references to this Regulation.</wording>
            """))
        #expect(written.contains("""
                  <wording>Regulation (EC) No 1225/2009 is repealed.</wording>
                  <note kind="editorial">Source: line 2, ARTICLE[@IDENTIFIER='024']/ALINEA[1]; within art_24</note>
                </provision>
            """), "the first paragraph held none: no note")
        #expect(written.contains("""
                  <wording>References to the repealed Regulation shall be construed as references to this Regulation.</wording>
                  <note kind="editorial">Source: line 2, ARTICLE[@IDENTIFIER='024']/ALINEA[2]; within art_24</note>
                  <note kind="unresolved">The official text here holds characters that carry no text, which a rules file may not hold: \(left) in the wording; \(right) in the wording; U+2067 RIGHT-TO-LEFT ISOLATE in the wording. \(Self.noted)\(Self.mayBeText)</note>
            """), "\(written)")
        try expectValidAndPassing(regulations, official: input, provisions: 3)
    }

    /// An Akoma Ntoso act of one article with one paragraph, its heading and wording as given
    /// (on lines 5 and 6).
    private static func aknAct(heading: String, wording: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="fixture">
        <meta><identification source="#ecca"><FRBRWork><FRBRthis value="/akn/eu/act/2025/1/main"/><FRBRuri value="/akn/eu/act/2025/1"/>
        <FRBRdate date="2025-01-01" name="adoption"/><FRBRauthor href="#eu"/><FRBRcountry value="eu"/></FRBRWork></identification></meta>
        <body><article eId="art_4"><num>Article 4</num><heading>\(heading)</heading>
        <paragraph eId="art_4__para_1"><num>1.</num><content><p>\(wording)</p></content></paragraph>
        </article></body></act></akomaNtoso>
        """
    }

    /// Akoma Ntoso: direction marks alone change no word, so the note is editorial, not unresolved.
    @Test func akomaNtoso() throws {
        let source = Self.aknAct(heading: "Prohibition&#x202E;", wording: "It shall be prohibited to sell goods\u{2066} listed in Annex II\u{2069} to any person.")
        let (input, result, written, regulations) = try imported("akn.xml", source)
        #expect(result.status == 0)
        #expect(result.stderr == """
            \(input):5:68: warning: \(Self.warning("Art. 4", "heading", "U+202E RIGHT-TO-LEFT OVERRIDE")) [art_4]
            \(input):6:93: warning: \(Self.warning("Art. 4(1)", "wording", "U+2066 LEFT-TO-RIGHT ISOLATE")) [art_4__para_1]
            \(input):6:113: warning: \(Self.warning("Art. 4(1)", "wording", "U+2069 POP DIRECTIONAL ISOLATE")) [art_4__para_1]

            """)
        #expect(result.stdout.contains("  3 control or bidirectional characters that carry no text, left out and noted\n  3 warnings, 0 notes\n"))
        #expect(written.contains("""
                  <wording>It shall be prohibited to sell goods listed in Annex II to any person.</wording>
                  <note kind="editorial">Source: line 6, paragraph[@eId='art_4__para_1']; within art_4</note>
                  <note kind="editorial">The official text here holds characters that carry no text, which a rules file may not hold: U+2066 LEFT-TO-RIGHT ISOLATE in the wording; U+2069 POP DIRECTIONAL ISOLATE in the wording. \(Self.noted)</note>
            """), "\(written)")
        try expectValidAndPassing(regulations, official: input, provisions: 2)
    }

    /// A file's name holding controls (a C0 control, a C1 control, a bidirectional override) is
    /// quoted with them escaped in the output's comment and notes: written as they were, the C0
    /// one made the file not XML, and the others made `ecca validate` refuse it, after an import
    /// that said it had written it.
    @Test func aFileNameHoldingControlsIsQuotedWithThemEscaped() throws {
        let source = Self.aknAct(heading: "Prohibition", wording: "It shall be prohibited to sell goods listed in Annex II to any person.")
        let (input, result, written, regulations) = try imported("a\u{1}b\u{85}c\u{202E}.xml", source)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(written.contains("Imported by `ecca import` from a\\u0001b\\u0085c\\u202e.xml. Wording straight from the official XML"), "\(written)")
        #expect(written.contains("file a\\u0001b\\u0085c\\u202e.xml: wording from the XML"), "\(written)")
        #expect(!written.unicodeScalars.contains { [0x01, 0x85, 0x202E].contains($0.value) })
        try expectValidAndPassing(regulations, official: input, provisions: 2)
    }
}
