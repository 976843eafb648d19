@testable import EccaReports
import Testing

@Suite struct NumberRunsTests {
    /// Sorted, each once, with runs of three or more joined and pairs listed.
    @Test func runsAreJoined() {
        #expect(NumberRuns.text([]) == "")
        #expect(NumberRuns.text([4]) == "4")
        #expect(NumberRuns.text([2, 1]) == "1, 2")
        #expect(NumberRuns.text([1, 4, 5, 6, 7, 8, 9, 10]) == "1, 4-10")
        #expect(NumberRuns.text([9, 3, 2, 1, 3, 7, 6]) == "1-3, 6, 7, 9")
    }
}
