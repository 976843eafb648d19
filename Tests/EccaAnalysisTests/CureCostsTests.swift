@testable import EccaAnalysis
import EccaFormats
import Testing

/// Cost files: a whole number is one however JSON writes it.
@Suite struct CureCostsTests {
    @Test(arguments: [("1e2", 100), ("100", 100), ("100.0", 100), ("0", 0), ("0e5", 0), ("1e6", 1_000_000), ("2.5e1", 25)])
    func aWholeNumberIsAcceptedHoweverWritten(_ written: String, _ cost: Int) throws {
        #expect(try CureCosts.read("{\"licence\": \(written)}", file: "c.json").licence == cost)
    }

    @Test(arguments: ["1.5", "-1", "1e7", "1000001", "1e-2", "\"3\""])
    func anythingElseIsRefusedWithTheKey(_ written: String) throws {
        #expect(throws: RequestError.self) { try CureCosts.read("{\"licence\": \(written)}", file: "c.json") }
        do {
            _ = try CureCosts.read("{\"licence\": \(written)}", file: "c.json")
        } catch {
            #expect(error.description == "c.json:1: error: licence: a cost must be a whole number from 0 to 1000000")
        }
    }

    /// Every key of a cost file sets its own cost, and every part of a cure has one.
    @Test func everyKeySetsItsCostAndEveryPartHasOne() throws {
        let file = "{" + CureCosts.keys.enumerated().map { "\"\($1)\": \(1000 + $0)" }.joined(separator: ", ") + "}"
        let costs = try CureCosts.read(file, file: "c.json")
        #expect([costs.channel, costs.artifact, costs.recipientLocation, costs.recipientNationality, costs.recipientOrganisation,
                 costs.hostingLocation, costs.licence, costs.licenceUnderPresumptionOfDenial, costs.contestedReading, costs.exception, costs.timing]
                == Array(1000..<1011))
        for part in CureFinder.Part.allCases { #expect(CureCosts.keys.contains(part.rawValue)) }
    }
}
