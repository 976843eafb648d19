import EccaFormats
import Testing

/// What a request's error says of the record itself and of an empty required field (QA L).
@Suite struct RequestErrorWordingTests {
    let decoder = RequestJSONDecoder(vocabulary: JSONReaderUnderTest.vocabulary)

    func error(_ text: String) -> String? {
        do {
            _ = try decoder.decode(text, file: "in.ndjson")
            return nil
        } catch {
            return error.description
        }
    }

    /// A line that is not an object has no field to name: its line says where it is.
    @Test func theRecordItselfIsNamedByItsLine() {
        #expect(error("[1, 2]") == "in.ndjson:1: error: expected an object, found an array")
    }

    /// An id given as "" is there, but empty.
    @Test func anEmptyRequiredFieldIsCalledEmpty() {
        let request = JSONAttack.request().replacingOccurrences(of: #""id": "J-1""#, with: #""id": """#)
        #expect(request != JSONAttack.request())
        #expect(error(request)?.contains("id: required field is empty") == true, "\(error(request) ?? "read")")
    }
}
