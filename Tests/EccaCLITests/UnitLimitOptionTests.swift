import EccaTestSupport
import Foundation
import Testing

/// `--max-unit-nodes` and `--max-unit-mib`: a unit past the limit is refused with the option that
/// raises it, and the same file imports (or is checked) with the limit raised. An official text
/// larger than any seen (an annex of a thousand pages of tables) must not leave its users stuck.
@Suite struct UnitLimitOptionTests {
    /// An annex of 300 one-cell rows: about 1,500 nodes.
    private static let annex = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ANNEX><TITLE><TI><P>ANNEX I</P></TI></TITLE><CONTENTS>"
        + (1...300).map { "<NP><NO.P>\($0).</NO.P><TXT>Row \($0).</TXT></NP>" }.joined() + "</CONTENTS></ANNEX>\n"

    @Test func aUnitPastTheLimitIsRefusedNamingTheOptionAndReadWithItRaised() throws {
        let folder = try CLI.folder(["annex.fmx.xml": Self.annex])
        let file = folder.appendingPathComponent("annex.fmx.xml").path
        let output = folder.appendingPathComponent("out.xml").path
        let refused = try CLI.run(["import", file, "-o", output, "--max-unit-nodes", "1000"])
        #expect(refused.status == 2)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "\(file):2:46: error: <CONTENTS> holds more than 1000 nodes (elements, attributes and runs of text), the import's limit "
                + "for one unit (an element read whole into memory: a section, an article, an annex, a rule); the limit was reached on line 2; "
                + "a unit this large that is real can be read with a higher --max-unit-nodes, at some hundreds of bytes of memory per node\n"
                + "error: nothing was written to \(output)\n")
        #expect(!FileManager.default.fileExists(atPath: output))

        let read = try CLI.run(["import", file, "-o", output, "--max-unit-nodes", "2000"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.hasSuffix("wrote 301 provisions to \(output)\n"), "\(read.stdout)")
    }

    @Test func citeCheckTakesTheSameLimit() throws {
        let folder = try CLI.folder(["annex.fmx.xml": Self.annex])
        let file = folder.appendingPathComponent("annex.fmx.xml").path
        let refused = try CLI.run(["cite-check", "--official", file, "--max-unit-nodes", "1000"])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("\(file):2:1: error: <ANNEX> holds more than 1000 nodes"), "\(refused.stderr)")
    }

    @Test func aLimitThatIsNotAPositiveNumberIsAUsageError() throws {
        let zero = try CLI.run(["import", "any.xml", "--max-unit-nodes", "0"])
        #expect(zero.status == 64)
        #expect(zero.stderr.hasPrefix("Error: --max-unit-nodes must be a whole number from 1 to 1099511627776, not 0\n"), "\(zero.stderr)")
        let huge = try CLI.run(["cite-check", "--official", "any.xml", "--max-unit-mib", "1099511627777"])
        #expect(huge.status == 64)
        #expect(huge.stderr.hasPrefix("Error: --max-unit-mib must be a whole number from 1 to 1099511627776, not 1099511627777\n"), "\(huge.stderr)")
    }
}
