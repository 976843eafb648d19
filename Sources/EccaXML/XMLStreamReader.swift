import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only, streaming XML reader over libxml2's `xmlTextReader`, hardened for untrusted input.
///
/// Safety policy (see SECURITY.md): the parser never substitutes entities (`XML_PARSE_NOENT` is never
/// set), never loads a DTD (`XML_PARSE_DTDLOAD` never set), never touches the network
/// (`XML_PARSE_NONET`), and keeps libxml2's default size and depth limits (no `XML_PARSE_HUGE`).
/// A document type declaration or an entity reference is an error, so a file that declares
/// `<!ENTITY x SYSTEM "file:///etc/passwd">` is refused before anything is read from it.
/// Input must be UTF-8 (or its ASCII subset): a document that declares another encoding is refused,
/// because a wrong declaration silently turns text into mojibake, and ecca compares wording.
/// libxml2's size and depth limits read as `.forbidden` errors that say which limit was hit.
///
/// Not thread-safe: use one reader per thread.
public final class XMLStreamReader {
    public struct Options: Sendable {
        /// A compiled RELAX NG schema to validate against while streaming.
        public var schema: RelaxNGSchema?
        /// Allow a `<!DOCTYPE>` without entity use (never loaded). Off by default.
        public var allowDoctype: Bool
        public init(schema: RelaxNGSchema? = nil, allowDoctype: Bool = false) {
            self.schema = schema
            self.allowDoctype = allowDoctype
        }
    }

    public let fileName: String
    private let reader: xmlTextReaderPtr
    private let sink: ErrorSink
    private var sinkRetain: Unmanaged<ErrorSink>
    private var buffer: UnsafeMutableBufferPointer<CChar>?
    private let schema: RelaxNGSchema?
    private var finished = false

    /// Validity errors found so far (schema violations); reading continues past them.
    public var validationErrors: [XMLReadError] { sink.errors.filter { $0.kind == .invalid } }

    /// Opens a file for streaming.
    public convenience init(path: String, options: Options = Options()) throws(XMLReadError) {
        try self.init(source: .file(path), name: path, options: options)
    }

    /// Reads from bytes in memory (standard input, tests); `name` is used in diagnostics.
    public convenience init(bytes: [UInt8], name: String, options: Options = Options()) throws(XMLReadError) {
        try self.init(source: .memory(bytes), name: name, options: options)
    }

    private enum Source { case file(String), memory([UInt8]) }

    private init(source: Source, name: String, options: Options) throws(XMLReadError) {
        LibXML2.initializeOnce()
        self.fileName = name
        self.schema = options.schema
        self.allowDoctype = options.allowDoctype
        // BIG_LINES: element line numbers past 65,535 (large official files) are kept, not clamped.
        let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOXINCNODE.rawValue
                                 | XML_PARSE_BIG_LINES.rawValue)
        let sink = ErrorSink(fileName: name)
        self.sink = sink
        self.sinkRetain = Unmanaged.passRetained(sink)
        var created: xmlTextReaderPtr?
        switch source {
        case .file(let path):
            // Open the file ourselves first, so a missing file reads as an I/O error, not a parse error.
            guard let handle = fopen(path, "rb") else {
                sinkRetain.release()
                throw XMLReadError(kind: .io, location: XMLSourceLocation(file: name, line: 0),
                                   message: "cannot open file: \(String(cString: strerror(errno)))")
            }
            // A folder opens for reading here, and libxml2 then calls it malformed ("Extra content
            // at the end of the document", QA s27 M6).
            var status = stat()
            if fstat(fileno(handle), &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                fclose(handle)
                sinkRetain.release()
                throw XMLReadError(kind: .io, location: XMLSourceLocation(file: name, line: 0), message: "is a directory, not an XML file")
            }
            let prolog = XMLProlog.scan(file: handle)
            rewind(handle)
            let refusal = XMLReadError.refusal(prolog, file: name, allowDoctype: options.allowDoctype)
                ?? CrowdedStartTagScan.refusal(reading: handle, file: name)
            fclose(handle)
            if let refusal {
                sinkRetain.release()
                throw refusal
            }
            created = xmlReaderForFile(path, nil, parseOptions)
        case .memory(let bytes):
            // libxml2 takes the length as a C int.
            guard bytes.count <= Int(Int32.max) else {
                sinkRetain.release()
                throw XMLReadError(kind: .forbidden, location: XMLSourceLocation(file: name, line: 0),
                                   message: "input of \(bytes.count) bytes is larger than the XML reader's limit of 2 GiB")
            }
            let refusal = bytes.withUnsafeBytes { bytes in
                XMLReadError.refusal(XMLProlog.scan(bytes, complete: true), file: name, allowDoctype: options.allowDoctype)
                    ?? CrowdedStartTagScan.refusal(in: bytes, file: name)
            }
            if let refusal {
                sinkRetain.release()
                throw refusal
            }
            let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(copy).copyMemory(from: source)
            }
            buffer = copy
            created = xmlReaderForMemory(copy.baseAddress, Int32(bytes.count), name, nil, parseOptions)
        }
        guard let created else {
            sinkRetain.release()
            buffer?.deallocate()
            throw XMLReadError(kind: .io, location: XMLSourceLocation(file: name, line: 0),
                               message: "libxml2 could not create a reader")
        }
        reader = created
        xmlTextReaderSetStructuredErrorHandler(reader, xmlReaderErrorCallback, sinkRetain.toOpaque())
        if let schema = options.schema {
            if xmlTextReaderRelaxNGSetSchema(reader, schema.pointer) != 0 {
                // deinit frees the reader, the sink and the buffer.
                throw XMLReadError(kind: .io, location: XMLSourceLocation(file: name, line: 0),
                                   message: "cannot attach RELAX NG schema \(schema.name)")
            }
        }
    }

    private let allowDoctype: Bool
    private var encodingChecked = false

    deinit {
        xmlFreeTextReader(reader)
        sinkRetain.release()
        buffer?.deallocate()
    }

    /// The next event, or nil at the end of the document.
    public func next() throws(XMLReadError) -> XMLEvent? {
        while !finished {
            let status = xmlTextReaderRead(reader)
            if status == 0 {
                finished = true
                if let fatal = sink.firstFatal { throw fatal }
                return nil
            }
            if status < 0 {
                finished = true
                throw sink.firstFatal
                    ?? XMLReadError(kind: .malformed, location: currentLocation(), message: "malformed XML")
            }
            if let fatal = sink.firstFatal {
                finished = true
                throw fatal
            }
            if !encodingChecked {
                encodingChecked = true
                try checkEncoding()
            }
            let type = xmlTextReaderNodeType(reader)
            switch type {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                if let uri = xmlTextReaderConstNamespaceUri(reader), XMLRefusal.isXInclude(uri) {
                    finished = true
                    throw XMLRefusal.xinclude(string(xmlTextReaderConstName(reader)), at: currentLocation())
                }
                return .start(elementStart())
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(name: string(xmlTextReaderConstLocalName(reader)), location: currentLocation())
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                return .text(string(xmlTextReaderConstValue(reader)), location: currentLocation())
            case Int32(XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue):
                return .processingInstruction(target: string(xmlTextReaderConstName(reader)),
                                              data: string(xmlTextReaderConstValue(reader)),
                                              location: currentLocation())
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                if !allowDoctype {
                    finished = true
                    throw XMLRefusal.doctype(at: currentLocation())
                }
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
                finished = true
                throw XMLRefusal.entityReference(string(xmlTextReaderConstName(reader)), at: currentLocation())
            default:
                continue  // comments, XML declaration, end of entity
            }
        }
        return nil
    }

    /// Refuses a document that declares an encoding other than UTF-8 or US-ASCII. libxml2 knows the
    /// declaration once the first node is read, before any text reaches the caller.
    private func checkEncoding() throws(XMLReadError) {
        guard let pointer = xmlTextReaderConstEncoding(reader) else { return }  // no declaration: UTF-8
        guard let refusal = XMLRefusal.encoding(declared: String(cString: pointer), in: fileName) else { return }
        finished = true
        throw refusal
    }

    /// Reads every remaining event; errors stop the read. Convenient for small files and tests.
    public func readAll() throws(XMLReadError) -> [XMLEvent] {
        var events: [XMLEvent] = []
        while let event = try next() { events.append(event) }
        return events
    }

    private func elementStart() -> XMLElementStart {
        let name = string(xmlTextReaderConstLocalName(reader))
        let namespacePointer = xmlTextReaderConstNamespaceUri(reader)
        let namespace = namespacePointer.map { String(cString: $0) }
        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        let location = currentLocation()
        var attributes: [String: String] = [:]
        var order: [String] = []
        if xmlTextReaderHasAttributes(reader) == 1, xmlTextReaderMoveToFirstAttribute(reader) == 1 {
            repeat {
                if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                let key = string(xmlTextReaderConstName(reader))
                attributes[key] = string(xmlTextReaderConstValue(reader))
                order.append(key)
            } while xmlTextReaderMoveToNextAttribute(reader) == 1
            xmlTextReaderMoveToElement(reader)
        }
        return XMLElementStart(name: name, namespace: namespace, attributes: attributes, attributeOrder: order,
                               isEmpty: isEmpty, location: location)
    }

    private func currentLocation() -> XMLSourceLocation {
        var line = 0
        if let node = xmlTextReaderCurrentNode(reader) {
            line = Int(xmlGetLineNo(node))
        }
        // libxml2 keeps an element's own line only up to 65,535; past it (or when it has none) the
        // parser's current line is the closest, at most one line on.
        if line <= 0 || line >= 65_535 { line = Int(xmlTextReaderGetParserLineNumber(reader)) }
        return XMLSourceLocation(file: fileName, line: line, column: 0)
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

/// Collects libxml2's structured errors for one reader.
final class ErrorSink {
    let fileName: String
    var errors: [XMLReadError] = [] {
        didSet { if firstFatalIndex == nil, let last = errors.indices.last, errors[last].isFatal { firstFatalIndex = last } }
    }
    /// Where the first error that stops reading is in `errors`: kept as it is recorded, since a
    /// reader asks after every node, and a search of every error each time made a file of many
    /// schema violations quadratic (20,000 provisions without a citation: 183 s to validate).
    private var firstFatalIndex: Int?
    /// The first malformed or forbidden construct recorded, which stops reading.
    var firstFatal: XMLReadError? { firstFatalIndex.map { errors[$0] } }
    init(fileName: String) { self.fileName = fileName }

    /// Records one libxml2 error. `openElement` is the element the parser was inside (and the
    /// line and column it opened on, when known): libxml2's push parser, under both readers, calls
    /// a document that ends inside an element "extra content at the end of the document", gives
    /// a mismatched end tag's element no column, and a limit's neither column nor element.
    func record(domain: Int32, code: Int32 = 0, level: Int32, line: Int32, column: Int32, message: String,
                openElement: XMLOpenElement? = nil) {
        var kind: XMLReadError.Kind
        var trimmed = message.trimmingCharacters(inSet: "\n ")
        if code == Int32(XML_ERR_DOCUMENT_END.rawValue), let open = openElement {
            trimmed = XMLReadError.truncationMessage(inside: open.name, openedOn: open.line, column: open.column)
        }
        // libxml2 names the line the unclosed element opened on, not its column: in an official
        // file that is one line long, only the column finds it.
        if code == Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue), let open = openElement, let openLine = open.line, open.column > 0 {
            trimmed += " (<\(open.name)> opened on line \(openLine), column \(open.column))"
        }
        if domain == Int32(XML_FROM_RELAXNGV.rawValue) || domain == Int32(XML_FROM_VALID.rawValue) {
            kind = .invalid
        } else if level == Int32(XML_ERR_WARNING.rawValue) {
            return
        } else {
            kind = .malformed
            if let limit = XMLResourceLimit.explanation(code: code, message: trimmed) {
                kind = .forbidden
                trimmed = limit + XMLReadError.inside(openElement)
            } else if let encoding = XMLRefusal.notUTF8(trimmed) {
                trimmed = encoding
            }
        }
        errors.append(XMLReadError(kind: kind,
                                   location: XMLSourceLocation(file: fileName, line: Int(line), column: Int(column)),
                                   message: trimmed))
    }
}

private let xmlReaderErrorCallback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
    // The reader reads ahead of its events: the element the parser is in is the parser's own.
    var open: XMLOpenElement?
    if error.pointee.domain == Int32(XML_FROM_PARSER.rawValue), let parser = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self),
       let name = parser.pointee.name {
        open = XMLOpenElement(name: String(cString: name), line: nil, column: 0)
    }
    sink.record(domain: error.pointee.domain, code: error.pointee.code, level: Int32(error.pointee.level.rawValue),
                line: error.pointee.line, column: error.pointee.int2, message: message, openElement: open)
}

extension String {
    func trimmingCharacters(inSet set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
