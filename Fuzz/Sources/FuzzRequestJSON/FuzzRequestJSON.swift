import EccaAnalysis
import EccaFormats
import FuzzSupport

/// A JSON request (a request file or one NDJSON line): parsed, decoded, and when valid analysed
/// and encoded. The parser must agree with itself on bytes and on the same bytes as a string.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    var parser = JSONParser(bytes: bytes, firstLine: 7)
    let parsed = try? parser.parseDocument()
    if let text = String(validating: bytes, as: UTF8.self) {
        let again = try? JSONParser.parse(text, firstLine: 7)
        invariant(again == parsed, "the parser gave different answers for the same UTF-8 as bytes and as a string")
    }
    guard let value = parsed else { return 0 }
    let decoder = RequestJSONDecoder(vocabulary: Shipped.vocabulary)
    guard let request = try? decoder.decode(value, file: "fuzz.ndjson") else { return 0 }
    if let analysis = try? Shipped.engine.analyze(request, today: Shipped.today) {
        _ = AnalysisJSON.encode(analysis, pretty: false)
    }
    return 0
}
