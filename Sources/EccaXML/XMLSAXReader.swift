import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only streaming XML reader over libxml2's SAX2 push parser: the events of
/// `XMLStreamReader`, under the same safety policy, without `xmlTextReader`'s tree node per
/// event. The importers read 200 MB official files through it; it does not validate (use
/// `XMLStreamReader` with a schema for that).
///
/// Safety policy (SECURITY.md), as `XMLStreamReader`: entities are never substituted and an entity
/// reference is an error, a document type declaration is refused before libxml2 sees it, the
/// network is never touched, libxml2's size and depth limits stay on (`.forbidden` errors that say
/// which limit), and a document that declares an encoding other than UTF-8 or US-ASCII is refused.
///
/// What the events look like:
/// - an element without content (`<x/>` or `<x></x>`) is one `.start` with `isEmpty` and no `.end`;
/// - adjacent character data (text, CDATA, entity references such as `&amp;`) is one `.text`;
/// - a start carries the line of its start tag's end and an end the line of its end tag, so an
///   element spans the lines from one to the other; columns are left 0;
/// - a malformed or truncated document throws when the parser meets the fault (with libxml2's
///   message, line and column; a document cut off inside an element names it); no event after
///   the fault is delivered, nor any still queued from the 64 KB chunk it was found in.
///
/// Elements named in `capturing` are not handed out as events: each comes whole, as one
/// `.subtree`, built in libxml2's callbacks (see `XMLSubtree` for why). Elements the parser had
/// already read when `capturing` was set (up to a 64 KB chunk ahead) come as events.
///
/// Not thread-safe: use one reader per thread.
public final class XMLSAXReader {
    public let fileName: String
    private let parser: Parser
    private let retained: Unmanaged<Parser>
    private let source: Source
    private var chunk: [UInt8]
    private var finished = false
    /// A carriage return that ended the last chunk: whether a line feed follows it is not known
    /// until the next one is read (`LineEnds`).
    private var carriedReturn = false

    private enum Source {
        case file(UnsafeMutablePointer<FILE>)
        case memory([UInt8])
    }
    /// Bytes of an in-memory source handed to libxml2 so far.
    private var offset = 0

    /// Bytes handed to libxml2 per call: large enough that the call overhead vanishes, small
    /// enough that memory stays flat.
    static let chunkSize = 1 << 16

    /// Opens a file for streaming; a captured unit past `unitLimit` is refused.
    public convenience init(path: String, unitLimit: XMLUnitLimit = .standard) throws(XMLReadError) {
        guard let handle = fopen(path, "rb") else {
            throw XMLReadError(kind: .io, location: XMLSourceLocation(file: path, line: 0),
                               message: "cannot open file: \(String(cString: strerror(errno)))")
        }
        if let error = XMLReadError.refusal(XMLProlog.scan(file: handle), file: path) {
            fclose(handle)
            throw error
        }
        rewind(handle)
        try self.init(source: .file(handle), name: path, unitLimit: unitLimit)
    }

    /// Reads from bytes in memory (tests); `name` is used in diagnostics.
    public convenience init(bytes: [UInt8], name: String, unitLimit: XMLUnitLimit = .standard) throws(XMLReadError) {
        if let error = XMLReadError.refusal(bytes.withUnsafeBytes { XMLProlog.scan($0, complete: true) }, file: name) { throw error }
        try self.init(source: .memory(LineEnds.normalized(bytes)), name: name, unitLimit: unitLimit)
    }

    private init(source: Source, name: String, unitLimit: XMLUnitLimit) throws(XMLReadError) {
        LibXML2.initializeOnce()
        fileName = name
        self.source = source
        chunk = [UInt8](repeating: 0, count: Self.chunkSize + 1)
        parser = Parser(fileName: name, unitLimit: unitLimit)
        retained = Unmanaged.passRetained(parser)
        var handler = Parser.handler()
        guard let context = xmlCreatePushParserCtxt(&handler, retained.toOpaque(), nil, 0, name) else {
            retained.release()
            if case .file(let handle) = source { fclose(handle) }
            throw XMLReadError(kind: .io, location: XMLSourceLocation(file: name, line: 0),
                               message: "libxml2 could not create a parser")
        }
        // No NOENT (entities are never substituted), no DTDLOAD, no HUGE: libxml2's limits stay.
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue))
        parser.context = context
    }

    deinit {
        if let context = parser.context { xmlFreeParserCtxt(context) }
        parser.context = nil
        retained.release()
        if case .file(let handle) = source { fclose(handle) }
    }

    /// Gives back a `.subtree` event's subtree once it has been read, for the parser to fill again
    /// (`XMLSubtreePool`); safe from any thread. Optional: a subtree not given back is freed.
    public func recycle(_ subtree: consuming XMLSubtree) {
        parser.pool.put(subtree)
    }

    /// Local names of elements to deliver whole, as `.subtree` events (an eCFR section: `DIV8`).
    public var capturing: Set<String> {
        get { parser.capturing }
        set { parser.capturing = newValue }
    }

    /// The next event, or nil at the end of the document.
    public func next() throws(XMLReadError) -> XMLEvent? {
        while true {
            if let fault = parser.fault {
                finished = true
                parser.incoming.removeAll()
                parser.outgoing.removeAll()
                throw notASCII(before: fault) ?? fault
            }
            if let event = parser.nextReady(finished: finished) { return event }
            if finished { return nil }
            try feed()
        }
    }

    /// Reads every remaining event; errors stop the read. Convenient for small files and tests.
    public func readAll() throws(XMLReadError) -> [XMLEvent] {
        var events: [XMLEvent] = []
        while let event = try next() { events.append(event) }
        return events
    }

    /// The error for a document that declares US-ASCII but holds another byte before `fault`:
    /// libxml2 stops converting at that byte without a word, and then calls the document one that
    /// ends inside the element open there ("truncated"). Nil for any other document. Error path
    /// only: the input is read again from its start.
    private func notASCII(before fault: XMLReadError) -> XMLReadError? {
        guard let encoding = parser.context?.pointee.encoding, XMLRefusal.isASCII(String(cString: encoding)) else { return nil }
        var line = 1
        var lineStart = 0
        var offset = 0
        var previous: UInt8 = 0
        var found: UInt8?
        /// Scans `bytes`, which start at `offset`; true when a byte that is not ASCII was found.
        func scan(_ bytes: UnsafeRawBufferPointer) -> Bool {
            for byte in bytes {
                if byte >= 0x80 {
                    found = byte
                    return true
                }
                // A line ends at LF, CR LF or a lone CR, as XML reads them.
                if byte == 0x0A && previous != 0x0D || byte == 0x0D {
                    line += 1
                    lineStart = offset + 1
                } else if byte == 0x0A {
                    lineStart = offset + 1
                }
                previous = byte
                offset += 1
            }
            return false
        }
        switch source {
        case .file(let handle):
            var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
            while true {
                let count = buffer.withUnsafeMutableBytes { pread(fileno(handle), $0.baseAddress, $0.count, off_t(offset)) }
                if count <= 0 || buffer.withUnsafeBytes({ scan(UnsafeRawBufferPointer(rebasing: $0[..<count])) }) { break }
            }
        case .memory(let bytes):
            _ = bytes.withUnsafeBytes(scan)
        }
        guard let found else { return nil }
        // Every byte before it on its line is ASCII: the column counts bytes.
        let location = XMLSourceLocation(file: fileName, line: line, column: offset - lineStart + 1)
        if fault.location.line > 0, (fault.location.line, fault.location.column) < (location.line, location.column) { return nil }
        return XMLRefusal.notASCII(byte: found, declared: String(cString: encoding), at: location)
    }

    /// Hands libxml2 the next chunk of input, or tells it the input has ended.
    private func feed() throws(XMLReadError) {
        guard let context = parser.context else { return }
        var count = 0
        switch source {
        case .file(let handle):
            // Room for a carried carriage return first, then a chunk's worth of the file.
            let carried = carriedReturn ? 1 : 0
            if carriedReturn { chunk[0] = LineEnds.carriageReturn }
            let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress! + carried, 1, Self.chunkSize, handle) }
            if read == 0, ferror(handle) != 0 {
                finished = true
                // No line: a read that fails (a folder, a device error) fails for the file, not at a line of it.
                throw XMLReadError(kind: .io, location: XMLSourceLocation(file: fileName, line: 0),
                                   message: "cannot read file: \(String(cString: strerror(errno)))")
            }
            count = carried + read
            carriedReturn = chunk.withUnsafeMutableBufferPointer { LineEnds.normalize($0, count: count, atEnd: read == 0) }
            if carriedReturn { count -= 1 }
            parser.terminating = count == 0
            parser.refuseCrowdedStartTag()
            if parser.fault != nil { return }
            _ = chunk.withUnsafeBytes { bytes in
                xmlParseChunk(context, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(count), count == 0 ? 1 : 0)
            }
        case .memory(let bytes):
            count = min(Self.chunkSize, bytes.count - offset)
            let start = offset
            parser.terminating = count == 0
            parser.refuseCrowdedStartTag()
            if parser.fault != nil { return }
            _ = bytes.withUnsafeBytes { all in
                xmlParseChunk(context, all.baseAddress.map { ($0 + start).assumingMemoryBound(to: CChar.self) }, Int32(count), count == 0 ? 1 : 0)
            }
            offset += count
        }
        if count == 0 {
            finished = true
            parser.flushText()
        }
    }
}

/// The parser's side: libxml2 calls into it with each SAX2 event; it queues `XMLEvent`s.
///
/// Its hot state is `@exclusivity(unchecked)`: libxml2 calls back a few million times for a large
/// file, each call touching these, and only the reader's own thread ever does, one access at a
/// time, so the runtime's exclusivity bookkeeping would check nothing.
private final class Parser {
    let sink: ErrorSink
    var context: xmlParserCtxtPtr?
    /// Events the callbacks have queued, oldest first.
    @exclusivity(unchecked) var incoming: [XMLEvent] = []
    /// Events ready to hand out, newest first: `popLast` moves each out without a copy.
    var outgoing: [XMLEvent] = []
    /// Character data not yet queued: it may go on in the next chunk.
    @exclusivity(unchecked) var text: [UInt8] = []
    var textLine = 0
    /// Whether the last queued event is a start whose element has had no content yet.
    @exclusivity(unchecked) var openStart = false
    /// The elements open at the parser's position, with the line and column they start at: for
    /// the depth limit and to say where a truncated document ends.
    /// `prefix` is the element's prefix as the file writes it (`ruleml` of `ruleml:Var`), for messages.
    @exclusivity(unchecked) var openElements: [(name: String, prefix: String?, line: Int, column: Int)] = []
    var fault: XMLReadError?
    /// Whether libxml2 has been told the input ended: an error it finds then, with nothing left
    /// to parse, is where the file ends (`record`).
    var terminating = false
    var encodingChecked = false
    /// Elements to capture whole; the subtree being captured, and how deep the parser is in it
    /// (0: not capturing); the length of the text node being captured (for the text limit).
    var capturing: Set<String> = []
    @exclusivity(unchecked) var subtree: XMLSubtreeBuilder
    @exclusivity(unchecked) var subtreeDepth = 0
    @exclusivity(unchecked) var subtreeTextLength = 0
    /// Where the subtree being captured starts: a unit past the limit is refused there.
    var subtreeStart = XMLSourceLocation(file: "", line: 0)
    /// The start tag libxml2 is gathering, by its offset in the input: how far it has been
    /// scanned and its attributes counted so far (`refuseCrowdedStartTag`).
    var pendingTag = (offset: -1, scanned: 0, attributes: StartTagAttributes())
    /// Subtrees their reader gave back (`XMLSAXReader.recycle`): captured subtrees are built in them.
    let pool = XMLSubtreePool()

    init(fileName: String, unitLimit: XMLUnitLimit) {
        sink = ErrorSink(fileName: fileName)
        subtree = XMLSubtreeBuilder(limit: unitLimit)
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> Parser {
        Unmanaged<Parser>.fromOpaque(pointer!).takeUnretainedValue()
    }

    /// Calls `body` with the parser behind libxml2's context pointer without retaining it (the
    /// reader holds it for as long as libxml2 can call back): the callbacks that come for every
    /// element and text use this.
    static func with(_ pointer: UnsafeMutableRawPointer?, _ body: (Parser) -> Void) {
        Unmanaged<Parser>.fromOpaque(pointer!)._withUnsafeGuaranteedRef(body)
    }

    /// Element names by libxml2's pointer to them. libxml2 hands the same interned name each
    /// time, so a name is decoded once; a cached name is used only when its bytes still match.
    @exclusivity(unchecked) private var names = [(pointer: UnsafePointer<xmlChar>?, name: String)](repeating: (nil, ""), count: 64)

    func elementName(_ pointer: UnsafePointer<xmlChar>) -> String {
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & 63
        let cached = names[slot]
        if cached.pointer == pointer {
            var index = 0
            var matches = true
            for byte in cached.name.utf8 {
                if pointer[index] != byte {
                    matches = false
                    break
                }
                index += 1
            }
            if matches, pointer[index] == 0 { return cached.name }
        }
        let name = String(cString: pointer)
        names[slot] = (pointer, name)
        return name
    }

    var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    /// The column of the `<` of the start tag libxml2 has just reported (0 if unknown). libxml2
    /// reports a start tag once it holds all of it, so the tag is still in its input buffer, and
    /// `<` cannot occur inside one: the column is counted back from the parser's own. Official
    /// files are often one line long, where the line alone does not find the element.
    func startTagColumn() -> Int {
        guard let input = context?.pointee.input?.pointee, let base = input.base, var cursor = input.cur else { return 0 }
        var column = Int(input.col)
        while cursor > base {
            cursor -= 1
            if cursor.pointee & 0xC0 != 0x80 { column -= 1 }
            if cursor.pointee == UInt8(ascii: "<") { return max(column, 0) }
        }
        return 0
    }

    func location() -> XMLSourceLocation { XMLSourceLocation(file: sink.fileName, line: line) }

    /// The parser's position, with its column: where a limit was passed (a one-line Formex act
    /// has no other locator).
    func position() -> XMLSourceLocation {
        XMLSourceLocation(file: sink.fileName, line: line, column: context?.pointee.input.map { Int($0.pointee.col) } ?? 0)
    }

    /// The innermost open element, as messages name it.
    var innermost: XMLOpenElement? {
        openElements.last.map { XMLOpenElement(name: (($0.prefix.map { $0 + ":" }) ?? "") + $0.name, line: $0.line, column: $0.column) }
    }

    /// The next event that can be handed out. Until the input has ended, a start stays queued
    /// while its element might still turn out empty, and text is held until it is complete.
    func nextReady(finished: Bool) -> XMLEvent? {
        if let event = outgoing.popLast() { return event }
        guard !incoming.isEmpty else { return nil }
        let held = !finished && openStart ? incoming.popLast() : nil
        incoming.reverse()
        swap(&incoming, &outgoing)
        if let held { incoming.append(held) }
        return outgoing.popLast()
    }

    // MARK: - Events

    func startElement(_ localName: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
                      attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard checkEncoding() else { return }
        let name = elementName(localName)
        let line = self.line
        let column = startTagColumn()
        // Made only when needed: this runs for every element of a 200 MB title.
        var here: XMLSourceLocation { XMLSourceLocation(file: sink.fileName, line: line, column: column) }
        var qualifiedName: String { (prefix.map { elementName($0) + ":" } ?? "") + name }
        // libxml2 enforces its depth limit while it builds a tree; without one, here.
        guard openElements.count < XMLResourceLimit.maximumDepth else {
            return stop(XMLRefusal.tooDeep(qualifiedName, at: here, inside: innermost))
        }
        // A tag that came in one chunk (`refuseCrowdedStartTag` sees the others).
        guard attributeCount <= XMLResourceLimit.maximumAttributes else {
            return stop(XMLRefusal.tooManyAttributes(qualifiedName, at: here, inside: innermost))
        }
        if let uri, XMLRefusal.isXInclude(uri) { return stop(XMLRefusal.xinclude(qualifiedName, at: here)) }
        openElements.append((name, prefix.map(elementName), line, column))
        if subtreeDepth > 0 || (!capturing.isEmpty && capturing.contains(name)) {
            if subtreeDepth == 0 {
                flushText()
                openStart = false
                subtreeStart = here
            }
            subtree.start(name: name, namespace: uri.map { String(cString: $0) }, attributes: [], line: line)
            if attributeCount > 0, let attributes {
                Self.forEachAttribute(attributes, count: attributeCount) { subtree.attribute(XMLSubtree.Attribute(name: $0, value: $1)) }
            }
            subtreeDepth += 1
            subtreeTextLength = 0
            refuseOversizedUnit()
            return
        }
        flushText()
        var names: [String: String] = [:]
        var order: [String] = []
        if attributeCount > 0, let attributes {
            names.reserveCapacity(attributeCount)
            order.reserveCapacity(attributeCount)
            Self.forEachAttribute(attributes, count: attributeCount) { key, value in
                names[key] = value
                order.append(key)
            }
        }
        var start = XMLElementStart(name: name, namespace: uri.map { String(cString: $0) }, attributes: names, attributeOrder: order,
                                    isEmpty: false, location: XMLSourceLocation(file: sink.fileName, line: line))
        start.column = column
        incoming.append(.start(start))
        openStart = true
    }

    /// Calls `body` with each attribute's qualified name and value (libxml2 gives five pointers
    /// per attribute: local name, prefix, URI, value, end of value).
    private static func forEachAttribute(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>, count: Int,
                                         _ body: (String, String) -> Void) {
        for index in 0..<count {
            let base = index * 5
            guard let local = attributes[base], let value = attributes[base + 3], let end = attributes[base + 4] else { continue }
            var key = String(cString: local)
            if let prefix = attributes[base + 1] { key = String(cString: prefix) + ":" + key }
            body(key, attributeValue(UnsafeBufferPointer(start: value, count: end - value)))
        }
    }

    /// An attribute's value as the file means it. Without entity replacement (ecca never turns it
    /// on: it is what lets a document pull in other files) libxml2 hands an ampersand over as
    /// `&#38;`, whether the file wrote `&amp;`, `&#38;` or `&#x26;`, and no other way: an id
    /// written `a&amp;b` would be read `a&#38;b` and never match.
    static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        let escaped = Array("&#38;".utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + escaped.count <= bytes.count,
               bytes[index..<(index + escaped.count)].elementsEqual(escaped) {
                decoded.append(UInt8(ascii: "&"))
                index += escaped.count
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    func endElement(_ localName: UnsafePointer<xmlChar>) {
        if subtreeDepth > 0 {
            openElements.removeLast()
            subtree.end(line: line)
            subtreeDepth -= 1
            subtreeTextLength = 0
            if subtreeDepth == 0 { incoming.append(.subtree(subtree.take(reusing: pool))) }
            return
        }
        flushText()
        openElements.removeLast()
        if openStart, case .start(var start) = incoming.removeLast() {
            start.isEmpty = true
            incoming.append(.start(start))
            openStart = false
            return
        }
        incoming.append(.end(name: elementName(localName), location: location()))
    }

    func characters(_ bytes: UnsafePointer<xmlChar>, count: Int) {
        guard count > 0 else { return }
        if subtreeDepth > 0 {
            subtreeTextLength += count
            guard subtreeTextLength <= XMLResourceLimit.maximumTextBytes else {
                return stop(XMLRefusal.textTooLong(at: position(), inside: innermost))
            }
            subtree.text(UnsafeBufferPointer(start: bytes, count: count), line: line)
            refuseOversizedUnit()
            return
        }
        // libxml2 enforces its text-size limit while it builds a tree; without one, here.
        guard text.count + count <= XMLResourceLimit.maximumTextBytes else {
            return stop(XMLRefusal.textTooLong(at: position(), inside: innermost))
        }
        if text.isEmpty { textLine = line }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        openStart = false
    }

    func processingInstruction(target: UnsafePointer<xmlChar>, data: UnsafePointer<xmlChar>?) {
        guard checkEncoding() else { return }
        if subtreeDepth > 0 {
            subtree.instruction(target: String(cString: target), data: data.map { String(cString: $0) } ?? "", line: line)
            subtreeTextLength = 0
            refuseOversizedUnit()
            return
        }
        flushText()
        openStart = false
        incoming.append(.processingInstruction(target: String(cString: target), data: data.map { String(cString: $0) } ?? "",
                                            location: location()))
    }

    /// Stops at a captured unit past the unit limit (`XMLSubtreeBuilder.limit`).
    @inline(__always)
    private func refuseOversizedUnit() {
        guard subtree.isOversized else { return }
        if let refusal = subtree.refusalIfOversized(at: subtreeStart, reachedOn: line) { stop(refusal) }
    }

    /// Refuses a start tag that libxml2 is still gathering (it parses one only once its `>` has
    /// come) when it already holds more attributes than the limit: libxml2's duplicate check
    /// would take time that grows with their number squared, and no callback comes before it.
    /// Counts the `=` outside quoted values from the `<` on, resuming where the last chunk ended.
    func refuseCrowdedStartTag() {
        guard let context, context.pointee.instate == XML_PARSER_START_TAG, let input = context.pointee.input,
              let base = input.pointee.base, let cursor = input.pointee.cur, let end = input.pointee.end, cursor < end else { return }
        let offset = Int(input.pointee.consumed) + (cursor - base)
        if pendingTag.offset != offset { pendingTag = (offset, 0, StartTagAttributes()) }
        var scan = cursor + pendingTag.scanned
        while scan < end {
            _ = pendingTag.attributes.read(scan.pointee)
            scan += 1
        }
        pendingTag.scanned = scan - cursor
        guard pendingTag.attributes.isCrowded else { return }
        var nameEnd = cursor + 1
        while nameEnd < end, !" \t\r\n/>".utf8.contains(nameEnd.pointee) { nameEnd += 1 }
        let name = String(decoding: UnsafeBufferPointer(start: cursor + 1, count: nameEnd - cursor - 1), as: UTF8.self)
        stop(XMLRefusal.tooManyAttributes(name, at: XMLSourceLocation(file: sink.fileName, line: Int(input.pointee.line), column: Int(input.pointee.col)),
                                          inside: innermost))
    }

    /// Queues the character data collected so far as one event.
    func flushText() {
        guard !text.isEmpty else { return }
        incoming.append(.text(String(decoding: text, as: UTF8.self), location: XMLSourceLocation(file: sink.fileName, line: textLine)))
        text.removeAll(keepingCapacity: true)
    }

    /// Refuses a declared encoding other than UTF-8 or US-ASCII (libxml2 knows the declaration by
    /// the time the root element starts, before any text reaches the caller).
    private func checkEncoding() -> Bool {
        if encodingChecked { return fault == nil }
        encodingChecked = true
        guard let context, let pointer = context.pointee.encoding,
              let refusal = XMLRefusal.encoding(declared: String(cString: pointer), in: sink.fileName) else { return true }
        stop(refusal)
        return false
    }

    /// Records the first fault and stops libxml2: nothing after it is delivered.
    func stop(_ error: XMLReadError) {
        if fault == nil { fault = error }
        if let context { xmlStopParser(context) }
    }

    func record(_ error: xmlErrorPtr) {
        let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
        sink.record(domain: error.pointee.domain, code: error.pointee.code, level: Int32(error.pointee.level.rawValue),
                    line: error.pointee.line, column: error.pointee.int2, message: message, openElement: innermost)
        // libxml2 names the token it was reading when the input ran out ("AttValue: ' expected",
        // "Couldn't find end of Start Tag"), not that the input ran out: that is the diagnosis.
        if isAtEndOfInput, error.pointee.code != Int32(XML_ERR_DOCUMENT_END.rawValue) || openElements.isEmpty,
           let last = sink.errors.indices.last, sink.errors[last].kind == .malformed {
            sink.errors[last].message += " (the file ends here: it is truncated)"
        }
        if fault == nil, let last = sink.errors.last, last.kind == .malformed || last.kind == .forbidden { stop(last) }
    }

    /// Whether libxml2 is at the end of the input: told it has ended, with nothing left to parse
    /// but a lone `<`, the `/` of an empty-element tag cut before its `>` (inside the root), or the
    /// first bytes of a UTF-8 character cut off (where the file was cut).
    private var isAtEndOfInput: Bool {
        guard terminating, let input = context?.pointee.input?.pointee, let cursor = input.cur, let end = input.end else { return false }
        let left = end - cursor
        if left <= 0 { return true }
        guard left < 4 else { return false }
        if left == 1 && (cursor.pointee == UInt8(ascii: "<") || cursor.pointee == UInt8(ascii: "/") && !openElements.isEmpty) { return true }
        return (0..<left).allSatisfy { cursor[$0] >= 0x80 }
    }

    // MARK: - The SAX2 handler

    /// The callbacks, as libxml2 wants them (it copies the struct into its context).
    static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, prefix, uri, _, _, attributeCount, _, attributes in
            guard let localName else { return }
            Parser.with(context) { $0.startElement(localName, prefix: prefix, uri: uri, attributeCount: Int(attributeCount), attributes: attributes) }
        }
        handler.endElementNs = { context, localName, _, _ in
            guard let localName else { return }
            Parser.with(context) { $0.endElement(localName) }
        }
        handler.characters = { context, bytes, count in
            guard let bytes else { return }
            Parser.with(context) { $0.characters(bytes, count: Int(count)) }
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = handler.characters
        handler.processingInstruction = { context, target, data in
            guard let target else { return }
            Parser.from(context).processingInstruction(target: target, data: data)
        }
        handler.reference = { context, name in
            let parser = Parser.from(context)
            parser.stop(XMLRefusal.entityReference(name.map { String(cString: $0) } ?? "", at: parser.location()))
        }
        handler.internalSubset = { context, _, _, _ in
            let parser = Parser.from(context)
            parser.stop(XMLRefusal.doctype(at: parser.location()))
        }
        handler.serror = { context, error in
            guard let error else { return }
            Parser.from(context).record(error)
        }
        return handler
    }
}
