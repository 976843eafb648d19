import ClauseGraph
import EccaAnalysis
import EccaFormats
import Testing

/// An undated request without `asOf` is analysed as of the day the options were made, fixed once
/// for the run: a batch that passes midnight analyses every undated request as of one day (law
/// audit of 2026-12-07: "today" was read per request, so one batch could hold both days).
@Suite struct RunDayTests {
    @Test func everyUndatedRequestOfARunIsAnalysedOnOneDay() throws {
        let day = try #require(LegalDate(iso: "2026-08-01"))
        let engine = try ConflictEngine(graph: try GraphFixture.shippedWithLetter(), options: .init(postures: [.text], today: day))
        let generator = RequestGenerator(seed: 3)
        for index in 0..<20 {
            var request = generator.request(index)
            request.date = nil
            #expect(try engine.analyze(request).asOf == day)
        }
        // A day given for one call still decides it, and a dated request keeps its date.
        var undated = generator.request(0)
        undated.date = nil
        #expect(try engine.analyze(undated, today: LegalDate(iso: "2026-08-02")).asOf == LegalDate(iso: "2026-08-02"))
        let dated = generator.request(1)
        #expect(try engine.analyze(dated).asOf == dated.date)
    }
}
