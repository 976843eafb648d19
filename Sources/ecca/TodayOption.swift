import ArgumentParser
import ClauseGraph
import EccaAnalysis

/// `--today DATE`: the day taken as today for requests that give no date, so that an analysis of
/// an undated request can be made again on another day (a report's receipt pins it), and the
/// shards of one batch run on machines, or past midnight, analyse their undated requests on one
/// day. Dated requests keep their own date, which `--as-of` would replace.
struct TodayOption: ParsableArguments {
    @Option(name: .customLong("today"), help: ArgumentHelp("The day taken as today for requests that give no date (YYYY-MM-DD); dated requests keep their own. Default: the local date (TZ sets the time zone).", valueName: "date"))
    var today: String?

    /// `--today`, else the local date (once per run: `AnalysisOptions.today`).
    var day: LegalDate { today.flatMap(LegalDate.init(iso:)) ?? ConflictEngine.today() }

    /// Refuses a malformed date, and `--today` beside `--as-of`, which dates every request.
    func validate(asOf: String?) throws {
        guard let today else { return }
        if let problem = LegalDate.problem(iso: today) { throw ValidationError("--today '\(today)' \(problem)") }
        if asOf != nil { throw ValidationError("--today applies to requests that give no date, which --as-of already dates: give one of them") }
    }
}
