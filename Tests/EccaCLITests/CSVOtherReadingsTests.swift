import EccaFormats
import Foundation
import Testing

/// The CSV's last column, `other_readings`, gives what every other format gives beside a finding
/// or a ground: the readings of the law ecca does not apply on which the verdict would differ. A
/// spreadsheet of a batch had no way to tell a conflict that rests on ecca's reading of Art. 111(3)
/// from one that does not.
@Suite struct CSVOtherReadingsTests {
    /// The `other_readings` cell of each row of `report --format csv` of `request`, read back with
    /// the reader `ecca batch` reads CSV with.
    static func cells(_ request: [String: Any], _ options: [String] = []) throws -> [String] {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)
        let folder = try CLI.folder(["r.json": text])
        let csv = folder.appendingPathComponent("r.csv").path
        let result = try CLI.run(["report", "--format", "csv", "-o", csv] + options + [folder.appendingPathComponent("r.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        var reader = CSVRecordReader(lines: try LineReader(path: csv))
        var rows: [[String]] = []
        while let row = reader.next() {
            #expect(row.problem == nil, "\(row.problem ?? "")")
            rows.append(row.fields)
        }
        #expect(rows.first?.last == "other_readings")
        return rows.dropFirst().map { $0.last ?? "" }
    }

    static func warsaw(placed: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.sample("weights-to-ai-office-warsaw.json")))
        var request = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var model = try #require(request["model"] as? [String: Any])
        model["placedOnEUMarket"] = placed
        request["model"] = model
        return request
    }

    /// A model placed before 2 August 2025: the conflict rests on ecca's reading of Art. 111(3).
    @Test func aConflictThatRestsOnEccasReadingSaysSo() throws {
        #expect(try Self.cells(Self.warsaw(placed: "2025-03-01")) == [
            "on another reading of Art. 111(3) (a model placed on the market before 2 August 2025, whose provider has until 2 August 2027 "
                + "\"to comply with the obligations laid down in this Regulation\", the duty to provide the access requested among them), "
                + "the duty of Art. 92(5) would not arise until 2027-08-02, nor this conflict before then",
        ])
        // Placed after that date, no reading reaches it.
        #expect(try Self.cells(Self.warsaw(placed: "2026-03-01")) == [""])
    }

    /// A clear verdict that rests on ecca's reading of 50 U.S.C. 4801(5) (a US national on the AI
    /// Office's staff) gives the reading its ground ends with.
    @Test func aClearVerdictGivesTheReadingItsGroundGives() throws {
        #expect(try Self.cells(AuthorityStaffReadingTests.o01(), ["--instrument", CLI.letter]) == [
            "on another reading of 50 U.S.C. 4801(5) (\(AuthorityStaffReadingTests.label)), the prohibition of \(AuthorityStaffReadingTests.letter) would apply",
        ])
    }
}
