import EccaTestSupport
import Foundation
import Testing

/// The HTML report under a low limit of open files: Foundation's `Pipe()` trapped there (exit 132,
/// no report) at every limit up to 14; now the report is written, with the picture while `dot`
/// can be run and with the reason when no pipe is left.
@Suite struct GraphvizLimitsCLITests {
    /// A `dot` that reads its input and prints an SVG, with no shell redirection (which needs a
    /// spare descriptor of its own under such a limit).
    static func fakeDotFolder() throws -> URL {
        let folder = try TemporaryFolder.make("dot")
        let path = folder.appendingPathComponent("dot").path
        try ExecutableScript.write("dd of=/dev/null status=none\nprintf '<svg width=\"1pt\"><g></g></svg>'", to: path)
        return folder
    }

    /// `ecca report --format html` of the conflict sample to a file, with at most `limit` open files.
    static func report(openFiles limit: Int) throws -> (result: CLI.Result, html: String?, dot: String) {
        let output = try TemporaryFolder.make("report").appendingPathComponent("report.html").path
        let ecca = CLI.productsDirectory.appendingPathComponent("ecca").path
        let dotFolder = try fakeDotFolder().path
        let result = try CLI.run(["-c", "ulimit -n \(limit) && exec \"$0\" \"$@\"", ecca,
                                  "report", CLI.sample("weights-to-ai-office-warsaw.json"), "--format", "html", "-o", output],
                                 environment: ["PATH": dotFolder + ":/usr/bin:/bin"], executable: "/bin/sh")
        return (result, try? String(contentsOfFile: output, encoding: .utf8), dotFolder + "/dot")
    }

    @Test func drawsUnderALowLimit() throws {
        let (result, html, _) = try Self.report(openFiles: 12)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let report = try #require(html)
        #expect(report.contains("<figure>\n<svg width=\"1pt\"><g></g></svg>\n</figure>"))
        #expect(!report.contains("<pre class=\"dot\">"))
    }

    @Test func fallsBackWhenNoPipeIsLeft() throws {
        let (result, html, dot) = try Self.report(openFiles: 7)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let report = try #require(html)
        #expect(report.hasSuffix("</html>\n"))
        #expect(!report.contains("<svg"))
        #expect(report.contains("<p class=\"note\">Graphviz (\(dot)) could not be started: no pipe to it could be made (Too many open files, EMFILE); the conflict graph&#39;s DOT source follows.</p>"))
        #expect(report.contains("<pre class=\"dot\">digraph conflict {"))
    }
}
