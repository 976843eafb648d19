import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing
import EccaTestSupport

/// An Official Journal act is law from the day its own article says it enters into force, counted
/// from the publication its package manifest gives, not from the day it was signed (its
/// `BIB.INSTANCE` date): `cite-check --as-of` took the AI Act as law from 13 June 2024, and an
/// amending act weeks early.
@Suite struct FormexEntryIntoForceTests {
    /// The act with its final article as given.
    func act(_ finalArticle: String) throws -> OfficialElement {
        let path = try Corpus.fixture("act-entry.fmx.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <ACT><BIB.INSTANCE><DATE ISO="20260601">20260601</DATE></BIB.INSTANCE><ENACTING.TERMS>
            <ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA>Regulation (EU) 2024/1689 is amended as follows: <QUOT.S>This Regulation shall enter into force on the day following that of its publication.</QUOT.S></ALINEA></ARTICLE>
            <ARTICLE IDENTIFIER="002"><TI.ART>Article 2</TI.ART><ALINEA>\(finalArticle)</ALINEA></ARTICLE>
            </ENACTING.TERMS></ACT>
            """)
        return try FormexText.load(actPath: path).act
    }

    @Test func theFormulasOfTheOfficialJournalAreRead() throws {
        let published = LegalDate(year: 2026, month: 7, day: 8)!
        let cases: [(String, String?, String?)] = [
            ("This Regulation shall enter into force on the twentieth day following that of its publication in the <HT TYPE=\"ITALIC\">Official Journal of the European Union</HT>.",
             "2026-07-28", "the twentieth day following publication"),
            ("This Regulation shall enter into force on the third day following that of its publication in the Official Journal of the European Union.", "2026-07-11", "the third day following publication"),
            ("This Regulation shall enter into force on the 20th day following that of its publication in the Official Journal of the European Union.", "2026-07-28", "the twentieth day following publication"),
            ("This Decision shall enter into force on the day following that of its publication in the Official Journal of the European Union.", "2026-07-09", "the day following publication"),
            ("This Regulation shall enter into force on the date of its publication in the Official Journal of the European Union.", "2026-07-08", "the day of publication"),
            ("This Regulation shall enter into force on <DATE ISO=\"20270101\">1 January 2027</DATE>.", "2027-01-01", "2027-01-01, as the act states"),
            // The quoted amendment's formula (Article 1) is another act's text, never this act's.
            ("This Regulation shall be binding in its entirety.", nil, nil),
        ]
        for (article, day, wording) in cases {
            let entry = FormexEntryIntoForce(act: try act(article))
            #expect(entry?.day(published: published)?.iso == day, "\(article)")
            #expect(entry?.wording == wording, "\(article)")
        }
    }

    /// Without a manifest the publication is not known: the act's own date stands, and its line says so.
    @Test func withoutAManifestTheActsDateStandsAndIsSaidToBeIt() throws {
        let act = try act("This Regulation shall enter into force on the twentieth day following that of its publication.")
        let effect = CitationChecker.officialJournalEffect(of: act, published: nil)
        #expect(effect.effect.from?.iso == "2026-06-01")
        #expect(effect.description == " of 2026-06-01 (the act's date: no package manifest gives its publication and entry into force)")
        let published = CitationChecker.officialJournalEffect(of: act, published: LegalDate(year: 2026, month: 7, day: 8))
        #expect(published.effect.from?.iso == "2026-07-28")
        #expect(published.description == " published 2026-07-08, in force from 2026-07-28 (the twentieth day following publication)")
    }

    /// The real AI Act (Art. 113): published 12 July 2024, in force 1 August 2024. Between its
    /// signature (13 June) and then, its text decides nothing; from 1 August every shipped EU
    /// provision passes against it.
    @Test func theAIActIsLawFromTheFirstOfAugust2024() throws {
        let package = Corpus.formexManifest
        guard Corpus.available(package) else { return }
        let checker = try CitationChecker(officialFiles: [package])
        let shipped = CitationCheckerTests.shipped.graph
        let before = checker.check(shipped, on: LegalDate(year: 2024, month: 7, day: 31)!)
        #expect(before.fileLines == ["\(package): Regulation (EU) 2024/1689, Official Journal text published 2024-07-12, in force from 2024-08-01 (the twentieth day following publication) (not in force on 2024-07-31): covers 57 shipped provisions, decides 57"])
        #expect(before.findings.count == 57)
        let after = checker.check(shipped, on: LegalDate(year: 2024, month: 8, day: 1)!)
        #expect(after.findings.isEmpty)
    }
}
