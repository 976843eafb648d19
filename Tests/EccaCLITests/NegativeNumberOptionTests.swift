import Testing

/// A negative number given to a numeric option is read as its value and refused for what it is:
/// argument-parser had taken "-1" for an option and said the value was missing (QA s27 L).
@Suite struct NegativeNumberOptionTests {
    @Test(arguments: [
        (["sample-requests", "--count", "-1"], "Error: --count must not be negative\n"),
        (["check", "--timeout-ms", "-1", "r.json"], "Error: The value '-1' is invalid for '--timeout-ms <timeout-ms>'\n"),
        (["batch", "--jobs", "-2", "r.ndjson"], "Error: --jobs must be at least 1\n"),
        (["cures", "--top", "-3", "r.json"], "Error: --top must be at least 1\n"),
    ])
    func aNegativeValueIsRefusedAsSuch(arguments: [String], first: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix(first), "\(result.stderr)")
    }
}
