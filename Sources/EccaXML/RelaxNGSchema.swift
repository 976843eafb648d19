import CLibXML2

/// A compiled RELAX NG schema, shared by the readers that validate against it.
public final class RelaxNGSchema: @unchecked Sendable {
    // Immutable after compilation; libxml2 validation contexts only read it.
    let pointer: xmlRelaxNGPtr
    public let name: String

    /// Compiles the schema at `path` (XML syntax).
    public init(path: String) throws(XMLReadError) {
        LibXML2.initializeOnce()
        name = path
        guard let parser = xmlRelaxNGNewParserCtxt(path) else {
            throw XMLReadError(kind: .io, location: XMLSourceLocation(file: path, line: 0), message: "cannot open RELAX NG schema")
        }
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        let sink = ErrorSink(fileName: path)
        let retained = Unmanaged.passRetained(sink)
        defer { retained.release() }
        xmlRelaxNGSetParserStructuredErrors(parser, schemaErrorCallback, retained.toOpaque())
        guard let compiled = xmlRelaxNGParse(parser) else {
            let first = sink.errors.first
            throw XMLReadError(kind: .invalid, location: first?.location ?? XMLSourceLocation(file: path, line: 0),
                               message: "invalid RELAX NG schema: \(first?.message ?? "unknown error")")
        }
        pointer = compiled
    }

    deinit { xmlRelaxNGFree(pointer) }
}

private let schemaErrorCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) } ?? "schema error"
    sink.record(domain: error.pointee.domain, level: Int32(XML_ERR_ERROR.rawValue),
                line: error.pointee.line, column: error.pointee.int2, message: message)
}
