import Foundation
import Testing

/// A stray element below the request's own children is said once, at its line, as one among the
/// request's children is: libxml2's messages that only say an ancestor's content or interleave did
/// not validate, and the parent's "has extra content" that follows "Expecting element E, got X",
/// are counted, not listed. A stray element in a recipient had given six messages, one without a
/// line and one blaming a valid `<nationality>` (QA s27 M5).
@Suite struct NestedSchemaViolationTests {
    static func request(recipientExtra: String = "", itemExtra: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <request xmlns="urn:ecca:request:1" id="NESTED" date="2026-11-24">
          <requester authority="European Commission (AI Office)" jurisdiction="EU" legal-basis="Art. 92(3)"/>
          <provider name="Northwind Models, Inc." established-in="US"/>
          <model name="Northwind-5" weights-published="false" placed-on-eu-market="2026-03-01">
            <training-compute value="3e26" unit="operations"/>
          </model>
          <item id="evaluation-access" artifact="weights" channel="transfer">
            <alternative channel="remote-api"/>\(itemExtra)
            <recipient organisation="European Commission (AI Office)" location="AT" headquarters="BE" role="authority-staff">
              <nationality>AT</nationality>\(recipientExtra)
            </recipient>
          </item>
        </request>

        """
    }

    func stderr(_ text: String) throws -> (String, String) {
        let folder = try CLI.folder(["r.xml": text])
        let path = folder.appendingPathComponent("r.xml").path
        let result = try CLI.run(["check", path])
        #expect(result.status == 2)
        return (result.stderr, path)
    }

    @Test func aStrayElementInARecipient() throws {
        let (said, path) = try stderr(Self.request(recipientExtra: "<colour/>"))
        #expect(said == "\(path):11: error: not a valid request: Expecting element nationality, got colour (5 further schema messages left out: each repeats an error above) [request NESTED]\n")
    }

    @Test func aStrayElementInAnItem() throws {
        let (said, path) = try stderr(Self.request(itemExtra: "<colour/>"))
        #expect(said.hasPrefix("\(path):9: error: not a valid request: Element item has extra content: colour ("), "\(said)")
        #expect(said.split(separator: "\n").count == 1, "\(said)")
    }
}
