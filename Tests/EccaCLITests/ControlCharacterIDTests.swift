import Foundation
import Testing

/// Ids with control characters (QA analyst finding 6, legal team L7): a request or item id with a
/// line break, ESC or a bidirectional override is refused as a field error in JSON, XML and CSV;
/// what goes to standard error from an input cannot break a line or forge another.
@Suite struct ControlCharacterIDTests {
    static let message = "contains a control character (%@); a request's text may not hold line breaks, escapes or other control or bidirectional formatting characters"

    func refused(_ character: String) -> String { Self.message.replacingOccurrences(of: "%@", with: character) }

    static func request(id: String, itemID: String = #""weights""#, date: String = "2026-11-24") -> String {
        """
        {"id":\(id),"date":\(date.hasPrefix("\"") ? date : "\"\(date)\""),"requester":{"authority":"AI Office","jurisdiction":"EU","legalBasis":"Art. 92(3)"},\
        "model":{"name":"M","trainingCompute":{"value":3e26,"unit":"operations"},"weightsPublished":false},\
        "items":[{"id":\(itemID),"artifact":"weights","channel":"transfer","recipients":[{"nationalities":["PL"],"location":"PL","headquarters":"PL"}]}]}
        """
    }

    @Test func idsWithControlCharactersAreFieldErrorsAndStandardErrorCannotBeForged() throws {
        let ndjson = [
            Self.request(id: #""R1\nmixed.ndjson:9: error: forged""#),
            Self.request(id: #""R2\u001b[31mRED""#, itemID: #""item\u202Eevil""#),
            Self.request(id: #""R3""#, date: #""bad\u001b[2J""#),
            Self.request(id: #""R4""#),
        ].joined(separator: "\n") + "\n"
        let csv = """
            id,date,model,compute_value,compute_unit,weights_published,artifact,channel,recipient_nationalities,recipient_location,recipient_headquarters
            C\u{1B}[1m,2026-11-24,M,3e26,operations,false,weights,transfer,PL,PL,PL

            """
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <request xmlns="urn:ecca:request:1" id="X&#10;forged" date="2026-11-24">
              <requester authority="AI Office" jurisdiction="EU" legal-basis="Art. 92(3)"/>
              <model name="M" weights-published="false"><training-compute value="3e26" unit="operations"/></model>
              <item artifact="weights" channel="transfer">
                <recipient location="PL" headquarters="PL"><nationality>PL</nationality></recipient>
              </item>
            </request>

            """
        let folder = try CLI.folder(["in.ndjson": ndjson, "in.csv": csv, "in.xml": xml])
        let result = try CLI.run(["batch", "--posture", "text", "in.ndjson", "in.csv", "in.xml"], in: folder)
        #expect(result.status == 2)
        // A request file in the batch is named by its path as the run resolved it.
        let errors = result.stderr.split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("batch:") && !$0.hasPrefix("solver:") && !$0.hasPrefix("  ") }
            .map { $0.replacingOccurrences(of: folder.resolvingSymlinksInPath().path + "/", with: "").replacingOccurrences(of: folder.path + "/", with: "") }
        #expect(errors == [
            "in.ndjson:1: error: id: \(refused("U+000A"))",
            "in.ndjson:2: error: id: \(refused("U+001B"))",
            "in.ndjson:2: error: items[0].id: \(refused("U+202E"))",
            "in.ndjson:3: error: date: \(refused("U+001B")) [request R3]",
            "in.csv:2: error: id: \(refused("U+001B"))",
            "in.xml:2: error: id: \(refused("U+000A"))",
        ], "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}"), "no terminal escape reaches standard error")
        #expect(result.stderr.contains("batch: 6 requests, 1 analysed, 5 unusable"))
        // The error lines name no id (it is the refused field), and the good request is analysed.
        let out = result.stdout.split(separator: "\n").map { try? CLI.json(String($0)) }
        #expect(out.count == 6)
        #expect(out[0]?["id"] == nil && out[1]?["id"] == nil)
        #expect(out[3]?["id"] as? String == "R4")
        #expect(out[3]?["verdict"] != nil)
    }

    /// Not only ids: a model or organisation name is printed in `check`'s text on a terminal,
    /// where an ESC or a line separator would forge lines (QA tools review 2, N6 and N9).
    @Test func everyTextFieldOfARequestIsRefusedWithAControlCharacter() throws {
        let request = Self.request(id: #""R5""#).replacingOccurrences(of: #""name":"M""#, with: #""name":"Orion\u001b[31m-7""#)
            .replacingOccurrences(of: #""headquarters":"PL"}"#, with: #""headquarters":"PL","organisation":"AI\u2028Office"}"#)
        let folder = try CLI.folder(["r.json": request])
        let result = try CLI.run(["check", "r.json"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("model.name: \(refused("U+001B")) [request R5]"), "\(result.stderr)")
        #expect(result.stderr.contains("items[0].recipients[0].organisation: \(refused("U+2028")) [request R5]"), "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}"))
    }
}
