import EccaTestSupport
import Foundation
import Testing

/// `ecca import` never writes over what it reads, by any path to it (QA robust6 #1, #12): an
/// official file replaced by ecca's own output is the text everything else is checked against.
@Suite struct ImportInputSafetyTests {
    /// A versioner section, its shape as in `ecfr/versioner-title-26-section-1.162-4.xml` (the QA
    /// set /tmp/qa/robust6), cut to one paragraph.
    static let section = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DIV8 N="1.162-4" TYPE="SECTION">
        <HEAD>§ 1.162-4 Repairs.</HEAD>
        <P>(a) <I>In general.</I> A taxpayer may deduct amounts paid for repairs and maintenance to tangible property.</P>
        </DIV8>

        """

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func anOutputThatIsAnInputIsRefusedBeforeAnythingIsWritten() throws {
        let folder = try CLI.folder(["v.xml": Self.section, "other.xml": Self.section.replacingOccurrences(of: "1.162-4", with: "1.162-5")])
        let input = folder.appendingPathComponent("v.xml").path
        let other = folder.appendingPathComponent("other.xml").path
        let original = try bytes(input)
        let link = folder.appendingPathComponent("link.xml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "v.xml")
        let hard = folder.appendingPathComponent("hard.xml").path
        try FileManager.default.linkItem(atPath: input, toPath: hard)
        // The input itself (one of several), a symbolic link to it, a hard link to it.
        for (files, output) in [([other, input], input), ([input], link), ([input], hard)] {
            let result = try CLI.run(["import"] + files + ["-o", output])
            #expect(result.status == 2)
            #expect(result.stdout == "")
            #expect(result.stderr == "error: the output \(output) is the input \(input): writing it would replace the official text with ecca's output (give another -o)\n"
                + "error: nothing was written to \(output)\n")
            #expect(try bytes(input) == original)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["hard.xml", "link.xml", "other.xml", "v.xml"])
    }

    /// A hard link names the same file as its original: given with it, the file is given twice.
    @Test func aHardLinkToAnInputIsTheFileGivenTwice() throws {
        let folder = try CLI.folder(["v.xml": Self.section])
        let input = folder.appendingPathComponent("v.xml").path
        let hard = folder.appendingPathComponent("hard.xml").path
        try FileManager.default.linkItem(atPath: input, toPath: hard)
        let output = folder.appendingPathComponent("out.xml").path
        let result = try CLI.run(["import", input, hard, "-o", output])
        #expect(result.status == 2)
        #expect(result.stderr == "\(hard): error: this file is given twice (also as \(input)): each file is imported once\nerror: nothing was written to \(output)\n")
    }

    /// `batch -o` and `report -o` naming a rules file the run reads (`--instrument`) are refused
    /// as an output naming a request file is.
    @Test func aBatchOrReportOutputThatIsARulesFileReadIsRefused() throws {
        let shipped = CLI.root.appendingPathComponent("Samples/instruments/is-informed-letter-orion.xml").path
        let folder = try CLI.folder(["letter.xml": try String(contentsOfFile: shipped, encoding: .utf8)])
        let letter = folder.appendingPathComponent("letter.xml").path
        let original = try bytes(letter)
        let requests = CLI.root.appendingPathComponent("Samples/requests/orion-api-access-letter.json").path
        let batch = try CLI.run(["batch", requests, "--instrument", letter, "-o", letter])
        #expect(batch.status == 2)
        #expect(batch.stderr == "error: the output \(letter) would overwrite the input \(letter)\n")
        let report = try CLI.run(["report", requests, "--instrument", letter, "-o", letter])
        #expect(report.status == 2)
        #expect(report.stderr == "error: the output \(letter) would overwrite the input \(letter)\n")
        #expect(try bytes(letter) == original)
    }
}
