@testable import EccaFormats
import EccaTestSupport
import Foundation
import Testing

/// CSV requests are decoded as JSON ones are; their problems are named by the CSV's columns.
@Suite struct RequestCSVReaderTests {
    static let vocabulary = RequestVocabulary(artifacts: ["weights"], channels: ["transfer", "remote-api"],
                                              codeOfPracticeChapters: ["transparency"], recipientRoles: ["other"])

    /// The field each column fills, as the decoder names it, is named back by that column.
    @Test func everyColumnIsNamedBackFromItsField() {
        for (index, column) in RequestCSVReader.layout.enumerated() {
            let field = column.path.replacingOccurrences(of: "[]", with: "[0]")
            #expect(RequestCSVReader.column(naming: field)?.name == column.name)
            #expect(RequestCSVReader.column(naming: field)?.index == index)
        }
        #expect(RequestCSVReader.column(naming: "items[3].alternatives[1]")?.name == "alternatives, entry 2")
        #expect(RequestCSVReader.column(naming: "model.trainingCompute")?.name == "compute_value")
        #expect(RequestCSVReader.column(naming: "colour") == nil)
    }

    @Test func problemsAreNamedByColumnAndRow() throws {
        let csv = """
            id,date,compute_value,compute_unit,weights_published,artifact,channel,alternatives,recipient_nationalities,recipient_location
            C-1,2026-11-24,3e26,operations,false,weights,transfer,,PL,PL
            C-2,2026-11-31,3e26,petaflops,false,weights,fax,remote-api;pigeon,PL;XX,Poland

            """
        let path = try TemporaryFolder.make("csv").appendingPathComponent("in.csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        var reader = try RequestCSVReader(lines: LineReader(path: path), vocabulary: Self.vocabulary)
        let first = reader.next()
        #expect((try? first?.result.get())?.id == "C-1")
        let second = reader.next()
        guard case .failure(let error) = second?.result else {
            Issue.record("C-2 was read")
            return
        }
        #expect(([error] + error.further).map { "\($0.line): \($0.field ?? "")" } == [
            "3: date", "3: compute_unit", "3: channel", "3: alternatives, entry 2", "3: recipient_nationalities, entry 2",
            "3: recipient_location",
        ])
        #expect(reader.next() == nil)
    }
}
