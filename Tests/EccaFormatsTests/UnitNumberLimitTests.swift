import ClauseGraph
@testable import EccaFormats
import Testing

/// A unit's number longer than any official numbering is refused, where it is read, in the
/// CFR section reader and in the other adapters alike: it would be copied into every id, citation
/// and link of the unit's provisions (QA robust6, finding 10: a 9 MB `N` gave a 486 MB output and
/// 700 MB of memory). Hand-made fixtures.
@Suite struct UnitNumberLimitTests {
    @Test func aSectionNumberLongerThanAnyOfficialOneIsRefused() throws {
        let long = "1.162-4" + String(repeating: "9", count: 1_000)
        let refused = try Corpus.refusal("v-long.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV8 N="\(long)" TYPE="SECTION" hierarchy_metadata="{&quot;citation&quot;:&quot;26 CFR 1.162-4&quot;}">
            <HEAD>§ 1.162-4 Repairs.</HEAD>
            <P>(a) Text.</P>
            </DIV8>
            """)
        #expect(refused == "v-long.xml:2: error: a unit is numbered “\(long.prefix(40))…”, 1007 bytes long: "
                + "no official numbering is longer than 1000 bytes, and this one would be copied into every id, citation and link of its provisions; "
                + "the file is damaged or not official text")
        // At the limit it is read.
        let atLimit = try Corpus.refusal("v-limit.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <DIV8 N="\(String(repeating: "9", count: 1_000))" TYPE="SECTION"><HEAD>§ 9 X.</HEAD><P>(a) Text.</P></DIV8>
            """)
        #expect(atLimit == "imported")
    }

    /// An article's number is minted into its id and its paragraphs' ids.
    @Test func anArticleNumberIsHeldToTheSameLimit() throws {
        let refused = try Corpus.refusal("akn-long.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act">
            <meta><identification source="#x"><FRBRWork><FRBRthis value="/akn/eu/act/regulation/2024/1/main"/><FRBRuri value="/akn/eu/act/regulation/2024/1"/>
            <FRBRdate date="2024-01-01" name="Generation"/><FRBRauthor href="#x"/><FRBRcountry value="eu"/></FRBRWork></identification></meta>
            <body><article eId="art_1"><num>Article \(String(repeating: "1", count: 1_200))</num><paragraph eId="art_1__para_1"><num>1.</num><content><p>Text.</p></content></paragraph></article></body>
            </act></akomaNtoso>
            """)
        #expect(refused.hasPrefix("akn-long.xml:"), "\(refused)")
        #expect(refused.contains(": error: a unit is numbered “"), "\(refused)")
        #expect(refused.contains("bytes long: no official numbering is longer than 1000 bytes"), "\(refused)")
    }
}
