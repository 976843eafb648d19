import ClauseGraph
@testable import EccaFormats
import Testing

/// An instrument imported from a Formex file without its package manifest is known by its act's
/// number alone (`Formex NO.DOC 2024/1689`): cite-check takes it for the act of that year and
/// number, as it takes a CELEX number, and for no other.
@Suite struct FormexActNumberIDTests {
    @Test func anInstrumentKnownByItsNumberIsTheActOfThatNumberOnly() {
        let known = FormexActNumberID(CELEXNumber(year: "2024", number: "1689")).officialID
        let instrument = Instrument(id: "eu.act-2024-1689", jurisdiction: "EU", kind: .other, title: "Act 2024/1689",
                                    officialIDs: [known], location: SourceLocation(file: "alone.rules.xml", line: 7))
        let acts = [("2024", "1689"), ("2024", "01689"), ("2024", "1690"), ("2023", "1689"), ("2024", "168")]
        #expect(acts.map { CitationChecker.instrument(instrument, isDocument: $0.0, $0.1) } == [true, true, false, false, false])
    }

    @Test func onlyAWellFormedNumberIsRead() {
        let values = ["Formex NO.DOC 2024/1689", "Formex NO.DOC 2024/01689", "Formex NO.DOC 2024-1689", "Formex NO.DOC 24/1689",
                      "Formex NO.DOC 2024/", "Formex NO.DOC 2024/1689/oj", "FR Doc. 2024-1689"]
        #expect(values.map { FormexActNumberID(.init(scheme: "other", value: $0))?.officialID.value } == [
            "Formex NO.DOC 2024/1689", "Formex NO.DOC 2024/1689", nil, nil, nil, nil, nil,
        ])
        #expect(FormexActNumberID(.init(scheme: "celex", value: "Formex NO.DOC 2024/1689")) == nil)
    }
}
