import ClauseGraph
@testable import EccaFormats
import Testing

/// A Formex file numbers its act in `BIB.INSTANCE/NO.DOC`, in its Official Journal reference
/// (`BIB.INSTANCE/DOCUMENT.REF/NO.DOC`, acts published on their own since October 2023), or in
/// both (the AI Act's files). The importer and `cite-check` read the number by one rule, so that a
/// file the importer takes for act 2024/1689 is the text of act 2024/1689 to `cite-check` too: the
/// importer used to find either, `cite-check` only the first, and called an annex numbered only in
/// its reference one "of an act their bibliography does not number".
@Suite struct FormexBibliographyNumberTests {
    static let reference = #"<DOCUMENT.REF FILE="L_202401689EN.doc.fmx.xml"><COLL>L</COLL><NO.DOC FORMAT="YN" TYPE="OJ"><YEAR>2024</YEAR><NO.CURRENT>1689</NO.CURRENT></NO.DOC></DOCUMENT.REF>"#
    static let referenceWithoutNumber = #"<DOCUMENT.REF FILE="L_2016176EN.01002101.doc.xml"><COLL>L</COLL><NO.OJ>176</NO.OJ><YEAR>2016</YEAR></DOCUMENT.REF>"#
    static func own(_ year: String, _ number: String) -> String {
        #"<NO.DOC FORMAT="YN" TYPE="OJ"><NO.CURRENT>\#(number)</NO.CURRENT><YEAR>\#(year)</YEAR></NO.DOC>"#
    }

    static func act(bibliography: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ACT><BIB.INSTANCE>\(bibliography)<DATE ISO="20240613">20240613</DATE></BIB.INSTANCE><ENACTING.TERMS><ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><ALINEA>Text.</ALINEA></ARTICLE></ENACTING.TERMS></ACT>
        """
    }

    /// What each reader takes the file for: `cite-check`'s year and number, and the importer's
    /// act-number id (`Formex NO.DOC 2024/1689`), or nil for none.
    static func numbers(bibliography: String, name: String) throws -> (citeCheck: String?, importer: String?) {
        let path = try Corpus.fixture(name, act(bibliography: bibliography))
        let number = FormexText.documentNumber(of: try FormexText.load(actPath: path).act)
        let citeCheck = number.year.flatMap { year in number.number.map { "\(year)/\($0)" } }
        let imported = try Corpus.collect([path]).instruments.flatMap(\.instrument.officialIDs).compactMap { FormexActNumberID($0) }
        return (citeCheck, imported.first.map { "\($0.number.year)/\($0.number.number)" })
    }

    @Test func bothReadersTakeEveryBibliographyForTheSameAct() throws {
        let shapes = [
            ("in its reference only", Self.reference),
            ("in its own number only", Self.referenceWithoutNumber + Self.own("2016", "1036")),
            ("in both, as the AI Act's files", Self.reference + Self.own("2024", "1689")),
            ("in both, differing: its own number decides", Self.reference + Self.own("2026", "1744")),
            ("in neither", Self.referenceWithoutNumber),
        ]
        var read: [String] = []
        for (index, (shape, bibliography)) in shapes.enumerated() {
            let numbers = try Self.numbers(bibliography: bibliography, name: "act-\(index).fmx.xml")
            read.append("\(shape): \(numbers.citeCheck ?? "none") / \(numbers.importer ?? "none")")
        }
        #expect(read == [
            "in its reference only: 2024/1689 / 2024/1689",
            "in its own number only: 2016/1036 / 2016/1036",
            "in both, as the AI Act's files: 2024/1689 / 2024/1689",
            "in both, differing: its own number decides: 2026/1744 / 2026/1744",
            "in neither: none / none",
        ])
    }
}
