import EccaReports
import Foundation
import Testing

/// Issue 8: the report command's input (analysis results, perhaps edited) is untrusted too.
@Suite struct ReportInputAttackTests {
    func outcome(_ bytes: [UInt8]) -> String {
        do {
            return try AnalysisResultsReader.read(bytes, name: "in.json") == nil ? "not results" : "read"
        } catch {
            return "refused: \(error)"
        }
    }

    @Test func deepNestingIsRefusedWithoutACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(outcome(Array(deep.utf8)) == "not results")
        let deepObject = "{\"verdict\":\"clear\",\"findings\":[],\"items\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(outcome(Array(deepObject.utf8)) != "read")
    }

    @Test func invalidUTF8AndNULAreNotResults() {
        #expect(outcome([0x7B, 0xC3, 0x28, 0x7D]) == "not results")
        #expect(outcome([0x00, 0x00, 0x7B]) == "not results")
        #expect(outcome([]) == "not results")
    }
}
