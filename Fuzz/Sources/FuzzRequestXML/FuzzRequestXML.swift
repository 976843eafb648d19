import EccaAnalysis
import EccaFormats
import FuzzSupport

/// An XML request from an outside party: read against the request schema and vocabulary, then,
/// when it is a valid request, analysed against the shipped regulations and encoded as JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let reader = RequestXMLReader(schema: Shipped.requestSchema, vocabulary: Shipped.vocabulary)
    guard let request = try? reader.read(bytes: fuzzBytes(data, size), name: "fuzz.xml") else { return 0 }
    if let analysis = try? Shipped.engine.analyze(request, today: Shipped.today) {
        _ = AnalysisJSON.encode(analysis, pretty: false)
    }
    return 0
}
