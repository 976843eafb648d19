import ClauseGraph
@testable import EccaFormats
import Foundation
import Testing

/// An Akoma Ntoso `bill` (an AKN4EU Commission proposal, a LEOS draft) is not law: imported as the
/// Federal Register's proposed rules are, never as `verified` law, and never checked against
/// (QA docs6, finding 9).
@Suite struct AkomaNtosoBillTests {
    /// The identification, preface and Article 2(1)(a) of the AKN4EU joint proposal JOIN(2022) 19,
    /// verbatim from the corpus's official-xml/akoma-ntoso/akn4eu.xml (lines 2-17, 48-58, 356-372;
    /// the rest left out, the elements closed).
    static let joint = """
        <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
           <bill name="REG">
              <meta>
                 <identification source="~PUBL">
                    <FRBRWork>
                       <FRBRthis value=""/>
                       <FRBRuri value=""/>
                       <FRBRdate date="2999-01-01" name=""/>
                       <FRBRauthor href=""/>
                       <FRBRcountry value="EU"/>
                       <FRBRnumber value="JOIN(2022) 19"/>
                       <FRBRprescriptive value="true"/>
                    </FRBRWork>
                    <FRBRManifestation><preservation xmlns:akn4eu="http://imfc.europa.eu/akn4eu"><akn4eu:akn4euVersion value="4.2.0.0"/></preservation></FRBRManifestation>
                 </identification>
              </meta>
              <preface xml:id="d1e87">
                 <longTitle xml:id="d1e96">
                    <p xml:id="d1e98"><docStage xml:id="d1e99">Joint Proposal for a </docStage>
                       <docType xml:id="d1e102" refersTo="~REG">COUNCIL REGULATION</docType> 
                       <docPurpose xml:id="d1e105">concerning restrictive measures in response
                          to the recognition of the non-government controlled areas of Donetsk and Luhansk
                          oblasts of Ukraine and the ordering of Russian armed forces into the area</docPurpose></p>
                 </longTitle>
              </preface>
              <body xml:id="d1e234">
                 <article xml:id="d1e572">
                    <num xml:id="d1e574">Article 2</num>
                    <paragraph xml:id="d1e577">
                       <num xml:id="d1e579">1.</num>
                       <list xml:id="d1e582">
                          <subparagraph xml:id="d1e584" refersTo="~INP">
                             <content xml:id="d1e586">
                                <p xml:id="d1e588">It shall be prohibited:</p>
                             </content>
                          </subparagraph>
                          <point xml:id="d1e593">
                             <num xml:id="d1e595">(a)</num>
                             <content xml:id="d1e598">
                                <p xml:id="d1e600">to import into the European Union goods originating in the specified
                                   territories; </p>
                             </content>
                          </point>
                       </list>
                    </paragraph>
                 </article>
              </body>
           </bill>
        </akomaNtoso>
        """

    static let billNote = "A bill (a proposal, or a draft of one): nothing in it is law. Its wording is proposed wording, not in force; the act adopted may keep it, change it, renumber it or drop it."
    static let provisionNote = "Proposed text, not in force: this is a provision of a bill (a proposal, or a draft of one), not of an act; the adopted act's wording and numbering may differ."

    @Test func aBillIsImportedAsAProposalNotAsLaw() throws {
        let imported = try Corpus.collect([try Corpus.fixture("akn4eu-join.xml", Self.joint)])
        let entry = try #require(imported.instruments.first)
        #expect(entry.instrument.id == "eu.bill-JOIN-2022-19")
        #expect(entry.instrument.isBill)
        #expect(entry.instrument.notes.filter { $0.kind == .unresolved }.map(\.text) == [Self.billNote])
        #expect(entry.provisions.map(\.canonicalID) == ["art_2", "art_2__para_1", "art_2__para_1__point_a"])
        for provision in entry.provisions {
            #expect(provision.evidence == .unverified, "\(provision.canonicalID)")
            #expect(provision.notes.filter { $0.kind == .unresolved }.map(\.text) == [Self.provisionNote], "\(provision.canonicalID)")
        }
    }

    /// Given alone, a bill is refused (status 2 in the command); given with other texts, it is set
    /// aside with a note. The rest are checked.
    @Test func citeCheckNeverChecksAgainstABill() throws {
        let bill = try Corpus.fixture("akn4eu-join.xml", Self.joint)
        #expect(throws: OfficialImportError.billOnly(file: bill, documents: ["JOIN(2022) 19"])) {
            _ = try CitationChecker(officialFiles: [bill])
        }
        #expect(OfficialImportError.billOnly(file: bill, documents: ["JOIN(2022) 19"]).description
                == "\(bill): error: this Akoma Ntoso file is a bill (JOIN(2022) 19), a proposal or a draft of one: a proposal is not law, and its text is not the official text of any provision; check against the act adopted")
        let section = try Corpus.fixture("v-999.1.xml", """
            <DIV8 N="999.1" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;15 CFR 999.1&quot;}">
            <HEAD>§ 999.1 Scope.</HEAD><P>(a) This part applies to every export.</P></DIV8>
            """)
        let checker = try CitationChecker(officialFiles: [bill, section])
        #expect(checker.setAside == ["\(bill): note: JOIN(2022) 19 is a bill (a proposal), not law: its text is not checked against"])
    }
}
