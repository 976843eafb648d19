/// The shipped law of the cite-check suites that check a Federal Register rule or eCFR sections
/// against 15 CFR Part 999: one verified, verbatim provision per paragraph, in order, the first on
/// line 6 and each three lines after the one before.
enum Part999Encoding {
    /// `paragraphs`: each one's place in the part (`999.5(a)(9)`, which gives its id,
    /// `qa.t15.999.5.a.9`, and its citation) and its wording.
    static func rules(_ paragraphs: [(place: String, wording: String)]) -> String {
        let provisions = paragraphs.map { place, wording in
            let id = "qa.t15." + place.replacingOccurrences(of: "(", with: ".").replacingOccurrences(of: ")", with: "")
            return """
                    <provision id="\(id)" citation="15 CFR \(place)" evidence="verified" eid="\(place)" wording-kind="verbatim">
                      <wording>\(wording)</wording>
                    </provision>
                """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules xmlns="urn:ecca:rules:1" version="1">
              <instrument id="qa.t15" jurisdiction="US" kind="cfr-part">
                <title>15 CFR Part 999 (test encoding)</title>
                <official-id scheme="cfr">15 CFR Part 999</official-id>
            \(provisions.joined(separator: "\n"))
              </instrument>
            </rules>
            """
    }
}
