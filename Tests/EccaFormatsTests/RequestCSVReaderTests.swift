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

    /// Named by column, a request's problems past the listed hundred are still counted.
    @Test func problemsPastTheListedAreCountedWhenNamedByColumn() throws {
        let rows = (0..<120).map { _ in "C-3,2026-11-24,3e26,operations,false,blueprints,transfer,,PL,PL" }
        let csv = (["id,date,compute_value,compute_unit,weights_published,artifact,channel,alternatives,recipient_nationalities,recipient_location"]
            + rows).joined(separator: "\n") + "\n"
        let path = try TemporaryFolder.make("csv").appendingPathComponent("in.csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        var reader = try RequestCSVReader(lines: LineReader(path: path), vocabulary: Self.vocabulary)
        guard case .failure(let error) = reader.next()?.result else {
            Issue.record("C-3 was read")
            return
        }
        #expect(([error] + error.further).map { "\($0.line): \($0.field ?? "")" } == (2...101).map { "\($0): artifact" })
        #expect(error.unlisted == 20)
        #expect(error.firstUnlistedLine == 102)
        #expect(error.description.hasSuffix("in.csv:102: error: 20 more problems, from this line on, not listed (a request's error lists its first 100 by line) [request C-3]"))
    }

    /// The outcome of each record of `csv`: the request's id, or `line: error`.
    static func outcomes(_ csv: String) throws -> [String] {
        let path = try TemporaryFolder.make("csv").appendingPathComponent("in.csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        var reader = try RequestCSVReader(lines: LineReader(path: path), vocabulary: vocabulary)
        var outcomes: [String] = []
        while let record = reader.next() {
            switch record.result {
            case .success(let request): outcomes.append(request.id)
            case .failure(let error): outcomes.append("\(error.line): \(error.message)\(error.requestID.map { " [\($0)]" } ?? "")")
            }
        }
        return outcomes
    }

    /// A row with a missing or an extra comma would read its values into the wrong columns (a
    /// recipient's organisation as a licence): it is an error for its request, and the others go on.
    @Test func aRowWithTooFewOrTooManyFieldsIsAnError() throws {
        let outcomes = try Self.outcomes("""
            id,date,artifact,channel,licences,recipient_organisation,recipient_location
            S-1,2026-11-24,weights,transfer,,AI Office,PL
            S-2,2026-11-24,weights,transfer,AI Office,PL
            S-3,2026-11-24,weights,transfer,,AI Office,PL,extra
            S-4,2026-11-24,weights,transfer,,AI Office,PL

            """)
        #expect(outcomes == [
            "S-1",
            "3: the row has 6 fields but the header has 7 (a missing or extra comma?), so its values cannot be told apart [S-2]",
            "4: the row has 8 fields but the header has 7 (a missing or extra comma?), so its values cannot be told apart [S-3]",
            "S-4",
        ])
    }

    /// One stray quote costs its own record, which keeps its id: the lines after it are records.
    @Test func anUnterminatedQuoteCostsOneRecord() throws {
        let outcomes = try Self.outcomes("""
            id,date,artifact,channel,recipient_location
            Q-1,2026-11-24,weights,transfer,PL
            Q-2,2026-11-24,weights,"transfer,PL
            Q-3,2026-11-24,weights,transfer,PL
            Q-4,2026-11-24,weights,transfer,PL

            """)
        #expect(outcomes == [
            "Q-1",
            "3: a quoted field is not closed on its line (an unclosed quote?); no column holds a line break [Q-2]",
            "Q-3", "Q-4",
        ])
    }

    /// Text after a closing quote ("N"x) is refused, not read into the value (RFC 4180); spaces
    /// before the comma are allowed.
    @Test func textAfterAClosingQuoteIsRefused() throws {
        let outcomes = try Self.outcomes("""
            id,date,artifact,channel,recipient_location
            Q-1,2026-11-24,weights,"transfer"x,PL
            Q-2,2026-11-24,weights,"transfer"  ,PL

            """)
        #expect(outcomes == [
            "2: text after the closing quote of field 4 (\"transfer\"x): quote the whole field, doubling the quotes inside it [Q-1]",
            "Q-2",
        ])
    }

    /// A row with text after a closing quote left of its id is still that request's: the whole
    /// request is an error, not split into an id-less error and a request missing a row.
    @Test func textAfterAClosingQuoteBeforeTheIdFailsItsRequest() throws {
        let outcomes = try Self.outcomes("""
            recipient_location,artifact,channel,date,id
            "PL"x,weights,transfer,2026-11-24,E1
            BE,weights,remote-api,2026-11-24,E1
            BE,weights,transfer,2026-11-24,E2

            """)
        #expect(outcomes == [
            "2: text after the closing quote of field 1 (\"PL\"x): quote the whole field, doubling the quotes inside it [E1]",
            "E2",
        ])
    }

    /// Rows without an id are each a record of their own, each named by its line: consecutive
    /// id-less rows are not one request.
    @Test func rowsWithoutAnIdAreNotOneRequest() throws {
        let outcomes = try Self.outcomes("""
            id,date,artifact,channel,recipient_location
            ,2026-11-24,weights,transfer,PL
            ,2026-11-24,weights,transfer,BE
            Q-3,2026-11-24,weights,transfer,PL

            """)
        #expect(outcomes == ["2: required field is missing", "3: required field is missing", "Q-3"])
    }

    /// A broken row in the middle of a request's rows fails the whole request, once: its other
    /// rows must not be analysed as requests of their own.
    @Test func aBrokenRowFailsItsWholeRequest() throws {
        let outcomes = try Self.outcomes("""
            id,date,artifact,channel,recipient_location
            A,2026-11-24,weights,transfer,BE
            A,2026-11-24,weights,"transfer,PL
            A,2026-11-24,weights,remote-api,BE
            B,2026-11-24,weights,transfer,BE

            """)
        #expect(outcomes == [
            "3: a quoted field is not closed on its line (an unclosed quote?); no column holds a line break [A]",
            "B",
        ])
    }

    /// A broken row does not hide the request's other problems: its sound rows are still read
    /// (one run names them all). Where the broken row is the first, which gives the request-level
    /// columns, only the rows' own problems are named: the others would be guesses.
    @Test func aBrokenRowHidesNoOtherProblemOfItsRequest() throws {
        func problems(_ csv: String) throws -> [String] {
            let path = try TemporaryFolder.make("csv").appendingPathComponent("in.csv").path
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
            var reader = try RequestCSVReader(lines: LineReader(path: path), vocabulary: Self.vocabulary)
            guard case .failure(let error) = reader.next()?.result else { return [] }
            return ([error] + error.further).map { "\($0.line): \($0.field.map { "\($0): " } ?? "")\($0.message) [\($0.requestID ?? "")]" }
        }
        let misaligned = "the row has 4 fields but the header has 5 (a missing or extra comma?), so its values cannot be told apart"
        #expect(try problems("""
            id,date,artifact,channel,recipient_location
            A,2026-11-24,weights,transfer,Poland
            A,2026-11-24,weights,transfer
            A,2026-11-24,blueprints,transfer,BE

            """) == [
            "2: recipient_location: 'Poland' is not an ISO 3166-1 alpha-2 country code [A]",
            "3: \(misaligned) [A]",
            "4: artifact: unknown artifact 'blueprints' (expected one of: weights) [A]",
        ])
        #expect(try problems("""
            id,date,artifact,channel,recipient_location
            A,2026-11-24,weights,transfer
            A,,blueprints,transfer,BE
            A,2026-11-24,weights,"transfer,PL

            """) == [
            "2: \(misaligned) [A]",
            "4: a quoted field is not closed on its line (an unclosed quote?); no column holds a line break [A]",
        ])
    }

    @Test func aColumnNamedTwiceIsRefused() throws {
        let error = #expect(throws: RequestError.self) {
            _ = try Self.outcomes("id,artifact,channel,channel\nD-1,weights,transfer,publication\n")
        }
        #expect(error?.field == "channel")
        #expect(error?.message == "CSV column named twice (columns 3 and 4)")
    }

    /// `none` is an empty list (the provider signed no chapter); an empty cell leaves it unknown.
    @Test func noneIsAnEmptyListAndAnEmptyCellUnknown() throws {
        let path = try TemporaryFolder.make("csv").appendingPathComponent("in.csv").path
        try "id,date,code_of_practice,artifact,channel\nN-1,2026-11-24,none,weights,transfer\nN-2,2026-11-24,,weights,transfer\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        var reader = try RequestCSVReader(lines: LineReader(path: path), vocabulary: Self.vocabulary)
        #expect(try reader.next()?.result.get().provider?.codeOfPractice == [])
        #expect(try reader.next()?.result.get().provider?.codeOfPractice == nil)
    }
}
