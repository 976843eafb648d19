import ClauseGraph
import EccaXML
import Foundation

/// Reads a request file in either format: XML when it starts with `<`, JSON otherwise.
public struct RequestLoader: Sendable {
    public let json: RequestJSONDecoder
    public let xml: RequestXMLReader

    public static let schemaRelativePath = "schema/request.rng"

    /// The largest request file read. A request is a few kilobytes; the limit keeps a hostile
    /// file (or an endless standard input) from being read into memory whole.
    public static let maximumBytes = 16 << 20

    public init(vocabulary: RequestVocabulary, schema: RelaxNGSchema?) {
        json = RequestJSONDecoder(vocabulary: vocabulary)
        xml = RequestXMLReader(schema: schema, vocabulary: vocabulary)
    }

    /// Whether a file of a folder of requests is one to read: `.json` or `.xml`, in any case.
    public static func isRequestFile(_ name: String) -> Bool {
        let lowercased = name.lowercased()
        return lowercased.hasSuffix(".json") || lowercased.hasSuffix(".xml")
    }

    /// Loads `path` (`-` is standard input).
    public func load(_ path: String) throws(RequestError) -> DisclosureRequest {
        try decode(try Self.read(path), name: Self.name(path))
    }

    /// How `path` is named in errors: `<stdin>` for `-`.
    public static func name(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// The bytes of the request at `path` (`-` is standard input), read once: a report's receipt
    /// digests these, not the file read again (which may have changed, or be a pipe read already).
    public static func read(_ path: String) throws(RequestError) -> [UInt8] {
        let name = name(path)
        let tooLarge = { (size: Int) in
            RequestError(file: name, line: 0, message: "request of \(size) bytes is larger than the limit of \(Self.maximumBytes) bytes")
        }
        let handle: FileHandle
        if path == "-" {
            handle = .standardInput
        } else {
            if FileKind(path: path) == .folder {
                throw RequestError(file: name, line: 0, message: "is a directory, not a request file")
            }
            if let size = InputSize.bytes(ofFile: path), size > Self.maximumBytes { throw tooLarge(size) }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw RequestError(file: name, line: 0, message: FileManager.default.fileExists(atPath: path)
                    ? "cannot read the file (no permission to read it, or not a regular file)" : "no such file")
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        // At most one byte past the limit, so an endless stream is refused, not read forever, and
        // a file that grows while it is read is bounded too.
        var data = Data()
        while data.count <= Self.maximumBytes, let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            data.append(chunk)
        }
        if data.count > Self.maximumBytes { throw tooLarge(data.count) }
        return [UInt8](data)
    }

    /// Decodes a request already read: XML when its first significant byte is `<`, JSON otherwise.
    public func decode(_ bytes: [UInt8], name: String) throws(RequestError) -> DisclosureRequest {
        let firstSignificant = bytes.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }).first
        // Said as such rather than as truncated JSON: an empty file is a different mistake.
        if firstSignificant == nil { throw RequestError(file: name, line: 0, message: bytes.isEmpty ? "the file is empty" : "the file holds only white space") }
        if firstSignificant == UInt8(ascii: "<") {
            return try xml.read(bytes: bytes, name: name)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RequestError(file: name, line: 1, message: "not valid UTF-8")
        }
        return try json.decode(text, file: name)
    }
}
