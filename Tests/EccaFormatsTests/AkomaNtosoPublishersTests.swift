import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// Akoma Ntoso from publishers other than the EU: section-based acts (Laws.Africa), LegalDocML.de,
/// Swiss cantonal exports, Luxembourg, the Italian Senate. Each fixture is hand-made from a few
/// verbatim elements of a real file, named in the test's comment; no whole file is copied.
@Suite struct AkomaNtosoPublishersTests {
    private static let oasis = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    private static let legalDocMLDE = "http://Inhaltsdaten.LegalDocML.de/1.8.2/"

    /// The South African Constitution's identification, as Laws.Africa publishes it
    /// (laws-africa/bluebell @0a516ebf, `migration/constitution-bluebell.xml`).
    private static let zaMeta = """
        <meta><identification source="#cobalt"><FRBRWork><FRBRthis value="/akn/za/act/1996/constitution"/><FRBRuri value="/akn/za/act/1996/constitution"/><FRBRalias value="Untitled" name="title"/><FRBRdate date="1996" name="Generation"/><FRBRauthor href=""/><FRBRcountry value="za"/><FRBRnumber value="constitution"/></FRBRWork><FRBRExpression><FRBRthis value="/akn/za/act/1996/constitution/eng"/><FRBRuri value="/akn/za/act/1996/constitution/eng"/><FRBRdate date="2021-09-15" name="Generation"/><FRBRauthor href=""/><FRBRlanguage language="eng"/></FRBRExpression></identification></meta>
        """

    /// Sections 2, 3 and part of 6 of the South African Constitution, verbatim from the same file.
    private static let zaSections = """
        <section eId="chp_1__sec_2"><num>2.</num><heading>Supremacy of Constitution</heading><content><p eId="chp_1__sec_2__p_1">This Constitution is the supreme law of the Republic; law or conduct inconsistent with it is invalid, and the obligations imposed by it must be fulfilled.</p></content></section>
        <section eId="chp_1__sec_3"><num>3.</num><heading>Citizenship</heading><subsection eId="chp_1__sec_3__subsec_1"><num>(1)</num><content><p eId="chp_1__sec_3__subsec_1__p_1">There is a common South African Citizenship.</p></content></subsection><subsection eId="chp_1__sec_3__subsec_2"><num>(2)</num><content><blockList eId="chp_1__sec_3__subsec_2__list_1"><listIntroduction eId="chp_1__sec_3__subsec_2__list_1__intro_1">All citizens are -</listIntroduction><item eId="chp_1__sec_3__subsec_2__list_1__item_a"><num>(a)</num><p eId="chp_1__sec_3__subsec_2__list_1__item_a__p_1">equally entitled to the rights, privileges and benefits of citizenship; and</p></item><item eId="chp_1__sec_3__subsec_2__list_1__item_b"><num>(b)</num><p eId="chp_1__sec_3__subsec_2__list_1__item_b__p_1">equally subject to the duties and responsibilities of citizenship.</p></item></blockList></content></subsection></section>
        <section eId="chp_1__sec_6"><num>6.</num><heading>Languages</heading><subsection eId="chp_1__sec_6__subsec_5"><num>(5)</num><content><blockList eId="chp_1__sec_6__subsec_5__list_1"><listIntroduction eId="chp_1__sec_6__subsec_5__list_1__intro_1">A Pan South African Language Board established by national legislation must -</listIntroduction><item eId="chp_1__sec_6__subsec_5__list_1__item_a"><num>(a)</num><blockList eId="chp_1__sec_6__subsec_5__list_1__item_a__list_1"><listIntroduction eId="chp_1__sec_6__subsec_5__list_1__item_a__list_1__intro_1">promote, and create conditions for, the development and use of -</listIntroduction><item eId="chp_1__sec_6__subsec_5__list_1__item_a__list_1__item_i"><num>(i)</num><p eId="chp_1__sec_6__subsec_5__list_1__item_a__list_1__item_i__p_1">all official languages;</p></item></blockList></item></blockList></content></subsection></section>
        """

    private static func za(_ body: String, name: String) throws -> String {
        try Corpus.fixture(name, """
            <akomaNtoso xmlns="\(oasis)"><act name="act">\(zaMeta)<preface><longTitle eId="preface__longTitle_1"><p eId="preface__longTitle_1__p_1">To introduce a new Constitution for the Republic of South Africa and to provide for matters incidental thereto.</p></longTitle></preface>
            <body><chapter eId="chp_1"><num>1</num><heading>Founding provisions</heading>\(body)</chapter></body></act></akomaNtoso>
            """)
    }

    /// Finding 1: an act of `section`s, `subsection`s and `blockList` items imports, each level a
    /// provision cited as South Africa cites it ("section 3(2)(a)", "section 6(5)(a)(i)").
    @Test func aSectionBasedActImportsWithItsOwnCitations() throws {
        let imported = try Corpus.collect([try Self.za(Self.zaSections, name: "za-sections.xml")])
        #expect(imported.provisions.map(\.canonicalID) == [
            "sec_2", "sec_3", "sec_3__subsec_1", "sec_3__subsec_2", "sec_3__subsec_2__point_a", "sec_3__subsec_2__point_b",
            "sec_6", "sec_6__subsec_5", "sec_6__subsec_5__point_a", "sec_6__subsec_5__point_a__point_i"])
        #expect(imported.provisions.map(\.citation) == [
            "section 2", "section 3", "section 3(1)", "section 3(2)", "section 3(2)(a)", "section 3(2)(b)",
            "section 6", "section 6(5)", "section 6(5)(a)", "section 6(5)(a)(i)"])
        #expect(imported.provisions.map(\.parentID) == [nil, nil, "sec_3", "sec_3", "sec_3__subsec_2", "sec_3__subsec_2",
                                                        nil, "sec_6", "sec_6__subsec_5", "sec_6__subsec_5__point_a"])
        let point = try #require(imported.provision("sec_3__subsec_2__point_a"))
        #expect(point.sourceID == "chp_1__sec_3__subsec_2__list_1__item_a")
        #expect(point.wording == "(a) equally entitled to the rights, privileges and benefits of citizenship; and")
        #expect(point.span.pointer == "item[@eId='chp_1__sec_3__subsec_2__list_1__item_a']")
        #expect(imported.provision("sec_3")?.heading == "Citizenship")
        #expect(imported.provision("sec_3__subsec_2")?.wording == "All citizens are - (a) equally entitled to the rights, privileges and benefits of citizenship; and (b) equally subject to the duties and responsibilities of citizenship.")
        let summary = try #require(imported.summary.instruments.first)
        #expect(summary.id == "za.act-1996-constitution")
        #expect(summary.byLevel == [.section: 3, .subsection: 3, .point: 4])
    }

    /// A subscript (`<sub>`) is written `_2` and a superscript (`<sup>`) `^25`, in Akoma Ntoso as in
    /// the other dialects.
    @Test func subscriptsAndSuperscriptsAreMarked() throws {
        let section = """
            <section eId="chp_1__sec_2"><num>2.</num><heading>Emissions</heading><content><p eId="chp_1__sec_2__p_1">Emissions of CO<sub>2</sub> above 10<sup>25</sup> tonnes.</p></content></section>
            """
        let imported = try Corpus.collect([try Self.za(section, name: "za-sub.xml")])
        #expect(imported.provision("sec_2")?.wording == "Emissions of CO_2 above 10^25 tonnes.")
    }

    /// Finding 2(a): an article quoted inside a section (`mod`/`quotedStructure`, the QA mutation
    /// of the ZA file) is the other act's, never a provision of this one, and is " … " in the wording.
    @Test func aQuotedArticleIsNeitherAProvisionNorWording() throws {
        let section = """
            <section eId="chp_1__sec_2"><num>2.</num><heading>Supremacy of Constitution</heading><content><p eId="chp_1__sec_2__p_1">This Constitution is the supreme law of the Republic. Article 5 of the Other Act is replaced by the following: <mod><quotedStructure><article eId="art_5"><num>Article 5</num><heading>QUOTED HEADING</heading><paragraph><num>1.</num><content><p>QUOTEDWORDS of another act.</p></content></paragraph></article></quotedStructure></mod></p></content></section>
            """
        let imported = try Corpus.collect([try Self.za(section, name: "za-quoted.xml")])
        #expect(imported.provisions.map(\.canonicalID) == ["sec_2"])
        let provision = try #require(imported.provision("sec_2"))
        #expect(provision.wording == "This Constitution is the supreme law of the Republic. Article 5 of the Other Act is replaced by the following: …")
        #expect(provision.notes == [Note(kind: .editorial, text: "Quotes amending text for another act (1 quoted structure); the quotation is not part of this act and is shown as “…”.")])
        #expect(imported.summary.instruments.first?[.quotedStructuresAKN] == 1)
        #expect(imported.summary.rendered.contains("  1 quoted structure of another act left out (quotedStructure, embeddedStructure)\n"))
    }

    /// The German Auslandszuschlagsverordnung (BGBl. 2025 I Nr. 145, LegalDocML.de 1.8.2; AlessioNar/tulit
    /// @1ad76eb5, `tests/data/sources/member_states/germany/legislation/bgbl-1_2025_145_…-1.xml`):
    /// identification, and § 2 and § 3(2) with its first list item, verbatim but for GUIDs left out.
    private static func german(_ articles: String, name: String) throws -> String {
        try Corpus.fixture(name, """
            <?xml version="1.0" encoding="UTF-8"?>
            <akn:akomaNtoso xmlns:akn="\(legalDocMLDE)"><akn:act name="/akn/ontology/de/concept/documenttype/bund/regelungstext-verkuendung"><akn:meta><akn:identification source="attributsemantik-noch-undefiniert">
            <akn:FRBRWork><akn:FRBRthis value="eli/bund/bgbl-1/2025/145/regelungstext-verkuendung-1" /><akn:FRBRuri value="eli/bund/bgbl-1/2025/145" />
            <akn:FRBRdate date="2025-06-20" name="verkuendungsfassung-verkuendungsdatum" /><akn:FRBRauthor href="recht.bund.de/institution/bundesregierung" /><akn:FRBRcountry value="de" /><akn:FRBRnumber value="145" /><akn:FRBRname value="bgbl-1" /></akn:FRBRWork>
            <akn:FRBRExpression><akn:FRBRthis value="eli/bund/bgbl-1/2025/145/2025-06-17/1/deu/regelungstext-verkuendung-1" /><akn:FRBRuri value="eli/bund/bgbl-1/2025/145/2025-06-17/1/deu" />
            <akn:FRBRauthor href="recht.bund.de/institution/bundesregierung" /><akn:FRBRdate date="2025-06-17" name="verkuendung" /><akn:FRBRlanguage language="deu" /></akn:FRBRExpression>
            </akn:identification></akn:meta><akn:preface><akn:longTitle><akn:p><akn:docTitle>Verordnung über die
                    Gewährung von Auslandszuschlägen</akn:docTitle></akn:p></akn:longTitle></akn:preface>
            <akn:body><akn:section eId="hauptteil-n1_abschnitt-n1"><akn:num eId="hauptteil-n1_abschnitt-n1_bezeichnung-n1">Abschnitt 1</akn:num><akn:heading>Auslandszuschlag</akn:heading>
            \(articles)
            </akn:section></akn:body></akn:act></akn:akomaNtoso>
            """)
    }

    private static let paragraph2 = """
        <akn:article eId="art-z2"><akn:num eId="art-z2_bezeichnung-n1">§
                2</akn:num><akn:heading eId="art-z2_überschrift-n1">Auslandszuschlag bei Arbeitsplatzteilung</akn:heading>
        <akn:paragraph eId="art-z2_abs-z"><akn:num eId="art-z2_abs-z_bezeichnung-n1" /><akn:content eId="art-z2_abs-z_inhalt-n1"><akn:p eId="art-z2_abs-z_inhalt-n1_text-n1">In Fällen des § 53 Absatz 3
            Satz 3 des Bundesbesoldungsgesetzes wird die Grundgehaltsspanne der
            oder des höher besoldeten Berechtigten zugrunde gelegt.<akn:marker eId="art-z2_abs-z_inhalt-n1_text-n1_marker-n1" refersTo="satzende" />QUOTATION</akn:p></akn:content></akn:paragraph></akn:article>
        """

    private static let paragraph3 = """
        <akn:article eId="art-z3"><akn:num eId="art-z3_bezeichnung-n1">§
                3</akn:num><akn:heading>Zuschlag</akn:heading>
        <akn:paragraph eId="art-z3_abs-z2"><akn:num eId="art-z3_abs-z2_bezeichnung-n1">(2)</akn:num><akn:content eId="art-z3_abs-z2_inhalt-n1">
        <akn:blockList eId="art-z3_abs-z2_inhalt-n1_liste-n1"><akn:listIntroduction>Die Zonenstufe richtet sich nach</akn:listIntroduction>
        <akn:item eId="art-z3_abs-z2_inhalt-n1_liste-n1_listenelem-n1"><akn:num>1.</akn:num><akn:blockList eId="art-z3_abs-z2_inhalt-n1_liste-n1_listenelem-n1_liste-n1"><akn:listIntroduction>den Lebensbedingungen:</akn:listIntroduction>
        <akn:item eId="art-z3_abs-z2_inhalt-n1_liste-n1_listenelem-n1_liste-n1_listenelem-n1"><akn:num>a)</akn:num><akn:p>Knappheit,</akn:p></akn:item></akn:blockList></akn:item></akn:blockList></akn:content></akn:paragraph></akn:article>
        """

    /// Finding 2(b): in an article-based act, a quoted § of another act (`mod`/`quotedStructure`,
    /// the QA mutation of the German file) is left out of the wording, noted and counted.
    @Test func aQuotedParagraphOfAnotherActIsLeftOutOfTheWording() throws {
        let quotation = "<akn:mod eId=\"m1\"> § 53 des Bundesbesoldungsgesetzes wird wie folgt gefasst: <akn:quotedStructure eId=\"q1\"><akn:article eId=\"q1_art\"><akn:num>§ 53</akn:num><akn:heading>Auslandszuschlag</akn:heading><akn:paragraph><akn:num>(1)</akn:num><akn:content><akn:p>QUOTEDWORDS des anderen Gesetzes:</akn:p><akn:blockList><akn:item><akn:num>a)</akn:num><akn:p>QUOTEDPOINT</akn:p></akn:item></akn:blockList></akn:content></akn:paragraph></akn:article></akn:quotedStructure></akn:mod>"
        let imported = try Corpus.collect([try Self.german(Self.paragraph2.replacingOccurrences(of: "QUOTATION", with: quotation), name: "de-quoted.xml")])
        #expect(imported.provisions.map(\.canonicalID) == ["art_2"])
        let article = try #require(imported.provision("art_2"))
        #expect(article.wording == "In Fällen des § 53 Absatz 3 Satz 3 des Bundesbesoldungsgesetzes wird die Grundgehaltsspanne der oder des höher besoldeten Berechtigten zugrunde gelegt. § 53 des Bundesbesoldungsgesetzes wird wie folgt gefasst: …")
        #expect(article.notes.map(\.text) == ["Quotes amending text for another act (1 quoted structure); the quotation is not part of this act and is shown as “…”."])
        #expect(imported.summary.instruments.first?[.quotedStructuresAKN] == 1)
    }

    /// Finding 4: § 2's single Absatz has an empty `<num/>`: it is unnumbered, so § 2 is one
    /// provision (was a second one cited "Art. 2()", eid `art_2__para_`).
    @Test func anEmptyNumIsNoNumber() throws {
        let imported = try Corpus.collect([try Self.german(Self.paragraph2.replacingOccurrences(of: "QUOTATION", with: ""), name: "de-empty-num.xml")])
        #expect(imported.provisions.map(\.canonicalID) == ["art_2"])
        #expect(imported.provisions.map(\.citation) == ["§ 2"])
        #expect(imported.summary.instruments.first?.byLevel == [.article: 1])
    }

    /// Finding 3: a `num` that carries its own word is cited with it, as printed; German § are
    /// cited "§ 3 Abs. 2 Nr. 1 Buchst. a"; the EU's `Article 1` stays "Art. 1".
    @Test func aNumberIsCitedWithItsOwnWord() throws {
        let imported = try Corpus.collect([try Self.german(Self.paragraph3, name: "de-paragraph-sign.xml")])
        #expect(imported.provisions.map(\.citation) == ["§ 3", "§ 3 Abs. 2", "§ 3 Abs. 2 Nr. 1", "§ 3 Abs. 2 Nr. 1 Buchst. a"])
        #expect(imported.provisions.map(\.canonicalID) == ["art_3", "art_3__para_2", "art_3__para_2__point_1", "art_3__para_2__point_1__point_a"])
        let words = [("Art. 1", "Art. 1", "1"), ("§\n 1", "§ 1", "1"), ("Artikel 2", "Artikel 2", "2"), ("Section 3", "Section 3", "3"),
                     ("Art. 3-bis", "Art. 3-bis", "3-bis"), ("Article 5", "Art. 5", "5"), ("Article unique.", "Art. unique", "unique"),
                     ("7.", "Art. 7", "7"), ("Artikel2", "Artikel 2", "2")]
        for (printed, citation, number) in words {
            let parsed = try #require(AkomaNtosoNumber(printed))
            #expect(parsed.articleCitation == citation)
            #expect(parsed.clean == number)
        }
        #expect(AkomaNtosoNumber("") == nil)
        #expect(AkomaNtosoNumber(" ( ) ") == nil)
        #expect(AkomaNtosoNumber("3.")?.sectionCitation == "section 3")
    }

    /// Finding 5: the version is the expression's date (2025-06-17), labelled so, and the act's
    /// date is the work's (2025-06-20), said as such.
    @Test func theVersionIsTheExpressionAndTheActDateTheWork() throws {
        let imported = try Corpus.collect([try Self.german(Self.paragraph3, name: "de-dates.xml")])
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.versionDate?.iso == "2025-06-17")
        #expect(instrument.versionLabel == "LegalDocML.de 1.8.2 expression of 2025-06-17")
        #expect(instrument.notes.map(\.text).contains("Date of the act: 2025-06-20 (FRBRWork date “verkuendungsfassung-verkuendungsdatum”)."))
        // Finding 8: the id keeps the ELI's number and country, and a § act is no "regulation" by default.
        #expect(instrument.id == "de.bgbl-1-2025-145")
        #expect(instrument.jurisdiction == "DE")
        #expect(instrument.kind == .other)
        // The ZA expression (a consolidation of 2021-09-15) dates the text; its work has only a year.
        let za = try Corpus.collect([try Self.za(Self.zaSections, name: "za-dates.xml")])
        #expect(za.instruments.first?.instrument.versionLabel == "Akoma Ntoso 3.0 expression of 2021-09-15")
    }

    /// Finding 6: an attachment with its own text (the Convention a Luxembourg loi approves;
    /// AlessioNar/tulit @918542c8, `…/luxembourg/eli/eli-etat-leg-loi-2024-05-22-a199-jo-fr-xml.xml`)
    /// is an annex with its articles below it; one that refers to another file is reported.
    @Test func attachmentsAreAnnexesOrReported() throws {
        let path = try Corpus.fixture("lu-attachment.xml", """
            <akomaNtoso xmlns="\(Self.oasis)"><act contains="originalVersion" name=""><meta><identification source="#mdda"><FRBRWork><FRBRthis value=""/><FRBRuri value=""/><FRBRdate date="2999-01-01" name=""/><FRBRauthor as="#author" href="#mdda"/><FRBRcountry value=""/></FRBRWork></identification></meta>
            <body><article id="art_unique"><num>Article unique.</num><content><p>Sont approuvés la Convention et le Protocole.</p></content></article></body>
            <attachments><attachment id="attachment_1"><doc name=""><meta><identification source="#x"><FRBRWork><FRBRthis value=""/><FRBRuri value=""/><FRBRdate date="2024-05-15" name=""/><FRBRauthor href=""/><FRBRcountry value=""/></FRBRWork></identification></meta>
            <mainBody><alinea><content><p>CONVENTION</p></content></alinea><chapter><num><span>Chapitre I</span><br/></num>
            <article><num><span>Article 1</span><br/></num><heading>PERSONNES VISÉES</heading><alinea><content><p>La présente Convention s’applique aux personnes qui sont des résidents d’un État contractant ou des deux États contractants.</p></content></alinea></article>
            </chapter></mainBody></doc></attachment>
            <attachment><num>2</num><heading>Récapitulation par district</heading><documentRef eId="d1" href="data:application/pdf;base64,AAAA" showAs="Récapitulation par district.pdf" /></attachment>
            <attachment><documentRef href="ANNEX-2.xml" showAs="Annex II"/></attachment></attachments></act></akomaNtoso>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.canonicalID) == ["art_unique", "att_1", "att_1__art_1"])
        #expect(imported.provisions.map(\.citation) == ["Art. unique", "Attachment 1", "Attachment 1, Art. 1"])
        #expect(imported.provision("att_1")?.wording == "CONVENTION Chapitre I Article 1 PERSONNES VISÉES La présente Convention s’applique aux personnes qui sont des résidents d’un État contractant ou des deux États contractants.")
        #expect(imported.provision("att_1__art_1")?.parentID == "att_1")
        #expect(imported.provision("att_1__art_1")?.heading == "PERSONNES VISÉES")
        #expect(imported.diagnostics.map(\.description) == [
            "\(path):1: warning: the file has no FRBR URI or number to mint the instrument id from: it is minted from the file's name, akn.lu-attachment, and changes if the file is renamed (give --instrument-id to fix it)",
            "\(path):1: warning: the file names no country (FRBRcountry is empty, the FRBR URI names none): the jurisdiction is written as \"unknown\"",
            "\(path):7: warning: attachment 2 (Récapitulation par district.pdf) is embedded data (application/pdf), not text: it is not imported",
            "\(path):8: warning: attachment 3 (Annex II) refers to another file, ANNEX-2.xml: it is not imported; import that file on its own"])
        #expect(imported.summary.instruments.first?[.attachmentsNotRead] == 2)
        // Finding 8: no country is named, and none is guessed; an `id` is reported as `@id` (finding 7).
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.jurisdiction == "unknown")
        #expect(instrument.id == "akn.lu-attachment")
        #expect(imported.provision("art_unique")?.span.pointer == "article[@id='art_unique']")
    }

    /// Finding 7: the source path names the attribute the id was read from (`wId`, `GUID`), not
    /// always `@xml:id`; a `wId` is used when there is no `eId`.
    @Test func theSourcePathNamesTheAttributeRead() throws {
        let wid = Self.paragraph3.replacingOccurrences(of: "eId=", with: "wId=")
        let imported = try Corpus.collect([try Self.german(wid, name: "de-wid.xml")])
        let article = try #require(imported.provision("art_3"))
        #expect(article.sourceID == "art-z3")
        #expect(article.span.pointer == "article[@wId='art-z3']")
        let guid = Self.paragraph3.replacingOccurrences(of: "eId=\"art-z3\"", with: "GUID=\"f62f5b44-de0f-4807-879f-df5293a44f95\"")
        let byGUID = try Corpus.collect([try Self.german(guid, name: "de-guid.xml")])
        #expect(byGUID.provision("art_3")?.span.pointer == "article[@GUID='f62f5b44-de0f-4807-879f-df5293a44f95']")
    }

    /// Finding 8: the FRBR number is part of the id even when it is a word, so two by-laws of one
    /// year are two ids (was `za-cpt.by-law-2010` for both, the second silently `-2`).
    @Test func aWordNumberIsPartOfTheInstrumentID() throws {
        func bylaw(_ name: String) throws -> String {
            try Corpus.fixture("\(name).xml", """
                <akomaNtoso xmlns="\(Self.oasis)"><act name="act"><meta><identification source="#x"><FRBRWork><FRBRthis value="/akn/za-cpt/act/by-law/2010/\(name)/!main"/><FRBRuri value="/akn/za-cpt/act/by-law/2010/\(name)"/><FRBRdate date="2010-01-01" name="Generation"/><FRBRauthor href=""/><FRBRcountry value="za"/></FRBRWork></identification></meta>
                <body><section eId="sec_1"><num>1.</num><content><p>Text.</p></content></section></body></act></akomaNtoso>
                """)
        }
        let imported = try Corpus.collect([try bylaw("air-quality"), try bylaw("streets")])
        #expect(imported.summary.instruments.map(\.id) == ["za-cpt.by-law-2010-air-quality", "za-cpt.by-law-2010-streets"])
    }

    /// Finding 9: Swiss numbered alineas are the article's paragraphs, cited "al. 2" in a French
    /// text (Canton de Vaud SIEL export, arrêté 101.01 of 28 November 2012, Art. 1, shortened).
    @Test func swissNumberedAlineasAreProvisions() throws {
        let path = try Corpus.fixture("vd.xml", """
            <akomaNtoso xmlns="\(Self.oasis)"><act name="f83c68cf-d48b-4d7d-a7af-4c6702c2fba6"><meta><identification source="#sjl"><FRBRWork><FRBRthis value="" /><FRBRuri value="" /><FRBRdate date="2018-11-30" name="Generation" /><FRBRauthor href="#sjl" as="#author" /><FRBRcountry value="ch" /></FRBRWork>
            <FRBRExpression><FRBRthis value="" /><FRBRuri value="" /><FRBRdate date="2018-11-30" name="Generation" /><FRBRauthor href="#sjl" as="#editor" /><FRBRlanguage language="fra" /></FRBRExpression></identification></meta>
            <preface><p><docTitle>proclamant les résultats de la votation cantonale</docTitle></p><p>du<docDate date="2012-11-28">28 novembre 2012</docDate></p></preface>
            <body><article eId="id-cb638bad-61b2-4261-8500-5bab0b4cc8e4"><num>Art. 1</num><heading />
            <alinea eId="id-94ed303b-2638-43f5-9a38-38d649423bad"><num>1</num><heading /><paragraph eId="id-bad71dbe-66eb-46f8-bc49-9b0d0eda1ec7"><content><p>Les résultats de la votation sont les suivants:</p></content></paragraph></alinea>
            <alinea eId="id-2"><num>2</num><paragraph eId="id-3"><content><p>En conséquence, les modifications sont acceptées.</p></content></paragraph></alinea></article></body></act></akomaNtoso>
            """)
        let imported = try Corpus.collect([path])
        #expect(imported.provisions.map(\.canonicalID) == ["art_1", "art_1__al_1", "art_1__al_2"])
        #expect(imported.provisions.map(\.citation) == ["Art. 1", "Art. 1 al. 1", "Art. 1 al. 2"])
        #expect(imported.provision("art_1__al_2")?.wording == "En conséquence, les modifications sont acceptées.")
        #expect(imported.provision("art_1")?.heading == nil)
        let instrument = try #require(imported.instruments.first?.instrument)
        #expect(instrument.notes.map(\.text).contains("Date of the act: 2012-11-28 (the preface's docDate)."))
    }

    /// Finding 10: a document that is not an act (the Italian Senate's amendment 1.1 to DDL 755,
    /// SenatoDellaRepubblica/AkomaNtosoBulkData @025dd0f0, `Leg #13/…/00189156-em.akn.xml`, body
    /// verbatim) says what it is.
    @Test func anAmendmentDocumentSaysWhatItIs() throws {
        let path = try Corpus.fixture("senato.xml", """
            <an:akomaNtoso xmlns:an="http://docs.oasis-open.org/legaldocml/ns/akn/3.0/CSD03"><an:amendment contains="originalVersion"><an:meta><an:identification source="#redattore"><an:FRBRWork><an:FRBRthis value="http://dati.senato.it/13/Emend/S/755/A/1.1/main"/><an:FRBRuri value="http://dati.senato.it/13/Emend/S/755/A/1.1"/><an:FRBRdate date="2006-05-05" name="presentazione"/><an:FRBRauthor href="#senato"/><an:FRBRcountry value="ita"/><an:FRBRnumber value="1.1"/></an:FRBRWork></an:identification></an:meta>
            <an:amendmentBody><an:amendmentContent><an:p><an:i>Al comma 1, primo periodo, sopprimere le parole:</an:i> «in tutti i suoi generi e manifestazioni».</an:p></an:amendmentContent></an:amendmentBody></an:amendment></an:akomaNtoso>
            """)
        let error = #expect(throws: OfficialImportError.self) { try Corpus.collect([path]) }
        #expect(error?.description == "\(path): error: no provisions found in this akn file: this is an Akoma Ntoso `amendment` (its amendmentBody holds no `article`, `section`, UK `regulation`, `rule` or `schedule`); ecca imports the articles and sections of acts, bills and docs, and the regulations, rules and schedules of UK statutory instruments")
    }
}
