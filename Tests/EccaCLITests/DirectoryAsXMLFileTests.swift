import Foundation
import Testing

/// A folder given where an XML file is expected (an MoU draft, an `--instrument`) is said to be a
/// folder, as `check` says of a request: libxml2 had called it malformed ("Extra content at the end
/// of the document", line 1; QA s27 M6).
@Suite struct DirectoryAsXMLFileTests {
    @Test func anMoUThatIsAFolder() throws {
        let folder = try CLI.folder([:])
        let result = try CLI.run(["mou", "verify", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr == "\(folder.path): error: is a directory, not an XML file\n")
    }

    @Test func anInstrumentThatIsAFolder() throws {
        let folder = try CLI.folder([:])
        let result = try CLI.run(["check", "--instrument", folder.path, CLI.sample("weights-to-ai-office-warsaw.json")])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(folder.path): error: is a directory, not an XML file\n"))
    }
}
