import ClauseGraph

extension LegalDate {
    /// The day the library's cite-check tests check against (`CitationChecker.check(_:on:)`): fixed,
    /// so that no test's outcome moves with the clock; every fixture's text is dated before it.
    static let citeCheckDay = LegalDate(year: 2026, month: 12, day: 6)!
}
