import ClauseGraph
import EccaXML
import Foundation

/// Reads a request file in either format: XML when it starts with `<`, JSON otherwise.
public struct RequestLoader: Sendable {
    public let json: RequestJSONDecoder
    public let xml: RequestXMLReader

    public static let schemaRelativePath = "schema/request.rng"

    public init(vocabulary: RequestVocabulary, schema: RelaxNGSchema?) {
        json = RequestJSONDecoder(vocabulary: vocabulary)
        xml = RequestXMLReader(schema: schema, vocabulary: vocabulary)
    }

    /// Loads `path` (`-` is standard input).
    public func load(_ path: String) throws(RequestError) -> DisclosureRequest {
        let name = path == "-" ? "<stdin>" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw RequestError(file: name, line: 0, message: "cannot read file")
            }
            data = contents
        }
        let bytes = [UInt8](data)
        let firstSignificant = bytes.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).first
        if firstSignificant == UInt8(ascii: "<") {
            return try xml.read(bytes: bytes, name: name)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RequestError(file: name, line: 1, message: "not valid UTF-8")
        }
        return try json.decode(text, file: name)
    }
}
