import EccaAnalysis
import EccaReports
import Foundation
import Testing

/// Strings from requests and rules files reach every format as text, never as markup or formulas.
@Suite struct EscapingTests {
    static let hostile = #"<script>alert("x")</script> & 'quoted', "double" | *star* _u_ [l](javascript:alert(1))"#

    /// The conflict sample with hostile text in every kind of field a report shows.
    static func hostileReport() throws -> ConflictReport {
        var analysis = try Fixtures.analyse(sample: "conflict")
        analysis.id = "=HYPERLINK(\"http://example.invalid\") " + hostile
        analysis.items[0].id = hostile
        analysis.items[0].artifact = hostile
        analysis.notes.append(hostile)
        analysis.assumptions.append("- " + hostile)
        analysis.items[0].postures["text"]?.cures.append(hostile)
        analysis.findings[0].triggeringFacts.append(hostile)
        analysis.findings[0].exceptions[0].label = hostile
        analysis.findings[0].exceptions[0].reasons.append(hostile)
        analysis.findings[0].provisions[0].citation = hostile
        analysis.findings[0].provisions[0].heading = hostile
        analysis.findings[0].provisions[0].wording = hostile + "\n# not a heading\n</blockquote><img src=x onerror=alert(1)>"
        analysis.findings[0].provisions[0].sourceURL = "javascript:alert(1)"
        analysis.findings[0].provisions[0].officialID = hostile
        analysis.findings[0].signature = hostile
        for index in analysis.findings.indices { analysis.findings[index].signature = hostile }
        return ConflictReport(analyses: [analysis], receipt: Fixtures.receipt(for: [analysis], input: "hostile \"request\".json"))
    }

    @Test func htmlEscapesEveryInputString() throws {
        let report = try Self.hostileReport()
        let html = try HTMLReport().render(report, pictures: [.graphvizMissing])
        let lower = html.lowercased()
        #expect(!lower.contains("<script"))
        #expect(!lower.contains("<img"))
        #expect(!lower.contains("javascript:alert(1)\""))
        #expect(!lower.contains("href=\"javascript"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;, &quot;double&quot;"))
        #expect(html.contains("&lt;/blockquote&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // All findings now share one signature: one conflict, two provisions, two quotations, and
        // the wording's "</blockquote>" did not close one early.
        #expect(html.components(separatedBy: "<blockquote").count - 1 == 2)
        #expect(html.components(separatedBy: "</blockquote>").count - 1 == 2)
    }

    @Test func htmlStaysSelfContained() throws {
        let html = try HTMLReport().render(try Fixtures.report(sample: "conflict"), pictures: [.graphvizMissing])
        let lower = html.lowercased()
        #expect(!lower.contains("<script"))
        #expect(!lower.contains("<link"))
        #expect(!lower.contains("@import"))
        #expect(!lower.contains("src="))
        #expect(lower.contains("content-security-policy\" content=\"default-src 'none'"))
        #expect(lower.contains("@media print"))
        // Links only to the official sources (http/https), never anything loaded.
        for part in html.components(separatedBy: "href=\"").dropFirst() {
            let target = part.prefix { $0 != "\"" }
            #expect(target.hasPrefix("#") || target.hasPrefix("https://") || target.hasPrefix("http://"), "\(target)")
        }
    }

    @Test func markdownEscapesMarkup() throws {
        let markdown = try MarkdownReport().render(try Self.hostileReport())
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains(#"\<script\>alert("x")\</script\> \& 'quoted', "double" \| \*star\* \_u\_ \[l\](javascript:alert(1))"#))
        #expect(!markdown.contains("\n# not a heading"), "a line break in a value must not start a block")
        #expect(!markdown.contains("](<javascript:"), "only http(s) addresses become links")
        #expect(markdown.contains("- assumption: \\- \\<script"))
    }

    @Test func markdownEscapingUnit() {
        #expect(MarkdownEscaping.escape("a|b") == "a\\|b")
        #expect(MarkdownEscaping.escape("# x") == "\\# x")
        #expect(MarkdownEscaping.escape("#x") == "#x")
        #expect(MarkdownEscaping.escape("- x") == "\\- x")
        #expect(MarkdownEscaping.escape("-1") == "-1")
        #expect(MarkdownEscaping.escape("1. x") == "1\\. x")
        #expect(MarkdownEscaping.escape("0.1.0") == "0.1.0")
        #expect(MarkdownEscaping.escape("---") == "\\---")
        #expect(MarkdownEscaping.escape("line\nbreak") == "line break")
        #expect(MarkdownEscaping.escape("art_92__para_5") == "art\\_92\\_\\_para\\_5")
    }

    /// GFM's autolinks extension makes a link of a bare address in text (a URL, a `www.` host, an
    /// e-mail address) that no markup asked for: in a value it is broken up, and reads the same.
    @Test func markdownBreaksUpAutolinks() {
        #expect(MarkdownEscaping.escape("see https://evil.example.com/a, www.phish.example.org or foo@bar.example.com")
            == "see https\\://evil.example.com/a, www\\.phish.example.org or foo@&#8288;bar.example.com")
        #expect(MarkdownEscaping.escape("FTP://x.example WWW.Y.example mailto:a@b.example")
            == "FTP\\://x.example WWW\\.Y.example mailto:a@&#8288;b.example")
        #expect(MarkdownEscaping.escape("Art. 92(5), 10:30, www, a.www") == "Art. 92(5), 10:30, www, a.www")
        // A link's own address is kept as it is; only what its angle brackets would read is escaped.
        #expect(MarkdownEscaping.destination("https://www.ecfr.gov/a_b?x=1&y=<2>")
            == "https://www.ecfr.gov/a_b?x=1\\&y=\\<2\\>")
    }

    /// Addresses in a request and in a rules file's wording stay text; the links to official
    /// sources, which the report makes, stay links.
    @Test func markdownLinksOnlyWhereTheReportMakesALink() throws {
        var analysis = try Fixtures.analyse(sample: "conflict")
        analysis.id = "AIO https://evil.example.com/login www.phish.example.org foo@bar.example.com"
        analysis.items[0].id = "x https://evil.example.com/a"
        for index in analysis.findings.indices { analysis.findings[index].provisions[0].heading = "see http://x.example.com" }
        let markdown = try MarkdownReport().render(ConflictReport(analyses: [analysis], receipt: Fixtures.receipt(for: [analysis], input: "x.json")))
        let lines = markdown.split(separator: "\n")
        #expect(lines.contains("## Request AIO https\\://evil.example.com/login www\\.phish.example.org foo@&#8288;bar.example.com: CONFLICT under the text in force"))
        #expect(lines.contains { $0.hasPrefix("| item 0 \\[x https\\://evil.example.com/a\\] | weights via transfer |") })
        #expect(lines.contains("| Heading | see http\\://x.example.com | 4E091 'Parameters' for an artificial intelligence model trained utilizing 10^26 or more 'operations.' |"))
        #expect(lines.contains { $0.hasPrefix("| Official id | [art\\_92\\_\\_para\\_5](<https://eur-lex.europa.eu/eli/reg/2024/1689/oj#092.005>) | [Supp. No. 1 to Part 774, ECCN 4E091](<https://www.ecfr.gov/current/") })
        // Every other "://", "www." and "@" is broken up.
        let text = markdown.replacing(/\]\(<https:[^>]*>\)/, with: "")
        #expect(text.firstMatch(of: /[^\\]:\/\/|www\.|@(?!&#8288;)/) == nil)
    }

    @Test func csvQuotesAndNeutralisesFormulas() throws {
        let report = try Self.hostileReport()
        let csv = CSVReport().render(report.analyses)
        let rows = try CSVParsing.rows(csv)
        #expect(rows.count == 2)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["request_id"] == "'" + report.analyses[0].id, "a leading = is neutralised with a quote")
        #expect(row["item_id"] == Self.hostile)
        #expect(row["artifact"] == Self.hostile)
        #expect(row["cures"]?.hasSuffix(Self.hostile) == true)
        #expect(csv.contains("\"\"double\"\""), "quotes are doubled inside a quoted field")
    }
}

/// A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes.
enum CSVParsing {
    struct Malformed: Error, CustomStringConvertible { var description: String }

    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                guard field.isEmpty else { throw Malformed(description: "quote inside an unquoted field") }
                quoted = true
            } else if scalar == "," {
                row.append(field); field = ""
            } else if scalar == "\r" {
                guard scalars.popFirst() == "\n" else { throw Malformed(description: "CR without LF") }
                row.append(field); field = ""
                rows.append(row); row = []
            } else if scalar == "\n" {
                throw Malformed(description: "bare LF ends a record")
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted, field.isEmpty, row.isEmpty else { throw Malformed(description: "the last record is not terminated by CRLF") }
        return rows
    }
}
