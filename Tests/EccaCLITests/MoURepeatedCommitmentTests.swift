import Foundation
import Testing

/// A commitment of the kind of an earlier one says nothing more to ecca's terms: it is read once,
/// the first, which a proof cites, and a warning names both lines (QA 2026-12-07: a repeated
/// us-hosted-enclave commitment whose wording was "x" was the one the proof cited).
@Suite struct MoURepeatedCommitmentTests {
    static let sample = CLI.root.appendingPathComponent("Samples/mous/api-and-enclave-access.xml").path

    /// The sample with `line` added after its us-hosted-enclave commitment (line 24).
    static func repeating(_ line: String) throws -> String {
        let text = try String(contentsOfFile: sample, encoding: .utf8)
        let anchor = try #require(text.range(of: "  <commitment kind=\"art78-confidentiality\">"))
        let folder = try CLI.folder(["mou.xml": text.replacingCharacters(in: anchor.lowerBound..<anchor.lowerBound, with: line + "\n")])
        return folder.appendingPathComponent("mou.xml").path
    }

    @Test func aRepeatedCommitmentIsReadOnceAndWarnedOf() throws {
        let original = try CLI.run(["mou", "verify", Self.sample])
        let draft = try Self.repeating(#"  <commitment kind="us-hosted-enclave">x</commitment>"#)
        let repeated = try CLI.run(["mou", "verify", draft])
        let warning = "the us-hosted-enclave commitment at line 25 is of the kind of the one at line 24, with other wording: ecca's terms cannot tell them apart, so it reads them as one, line 24's, which a proof cites; whatever line 25 says beyond it is not checked"
        #expect(repeated.stderr == "\(draft): warning: \(warning)\n")
        #expect(repeated.status == original.status)
        // The proof is the original's, with the warning at its head: line 24's commitment, never "x".
        #expect(repeated.stdout.contains("rests on the us-hosted-enclave commitment (line 24): the proof needs it: \"Where the evaluation needs more than API access"))
        #expect(!repeated.stdout.contains("line 25)"))
        #expect(repeated.stdout == original.stdout.replacingOccurrences(of: "\n", with: "\n  warning: \(warning)\n", options: [], range: original.stdout.startIndex..<original.stdout.index(after: original.stdout.firstIndex(of: "\n")!)))

        let same = try Self.repeating(#"  <commitment kind="us-hosted-enclave">Where the evaluation needs more than API access, the Provider hosts an attested enclave in the United States whose decryption keys are never given to the evaluators.</commitment>"#)
        #expect(try CLI.run(["mou", "verify", same]).stderr.hasSuffix("warning: the us-hosted-enclave commitment at line 25 is of the kind of the one at line 24, with the same wording: ecca's terms cannot tell them apart, so it reads them as one, line 24's, which a proof cites\n"))
    }
}
