import EccaXML

/// The streaming core every dialect adapter reads through: libxml2's SAX2 push parser (via
/// `XMLSAXReader`), with the two operations adapters need to stay flat in memory: capture one
/// unit (an article, a section) as a small tree, or skip a subtree unread.
public final class OfficialStream {
    public let file: String
    /// The reader, or (once the root has been read, when reading ahead) the thread reading it.
    private var source: any XMLEventSource
    private let readingAhead: Bool
    /// The most one captured unit may hold (`ImportOptions.unitLimit`).
    public let unitLimit: XMLUnitLimit

    /// - Parameter readingAhead: parse on a thread of its own, ahead of the adapter (`XMLReadAhead`),
    ///   from the root element on; for large imports, where both cores have work.
    public init(path: String, readingAhead: Bool = false, unitLimit: XMLUnitLimit = .standard) throws(OfficialImportError) {
        file = path
        self.readingAhead = readingAhead
        self.unitLimit = unitLimit
        do { source = try XMLSAXReader(path: path, unitLimit: unitLimit) } catch { throw .unreadable(error) }
    }

    /// Local names of elements delivered whole, as `.subtree` events. The reader captures them in
    /// its callbacks (`XMLSAXReader.capturing`) from the next chunk it parses on; one it had already
    /// parsed into events is built into the same shape here, so adapters see one shape.
    public var capturing: Set<String> = [] {
        didSet { source.capturing = capturing }
    }

    /// The next event; reader errors (malformed, truncated) come out with their line and column.
    public func next() throws(OfficialImportError) -> XMLEvent? {
        guard let event = try nextFromSource() else { return nil }
        if !capturing.isEmpty, case .start(let start) = event, capturing.contains(start.name) {
            return .subtree(try captureSubtree(start))
        }
        return event
    }

    /// Gives back a `.subtree` event's subtree once it has been read, so that the parser fills
    /// it again rather than allocating another (`XMLSubtreePool`). Optional.
    func recycle(_ subtree: consuming XMLSubtree) {
        source.recycle(subtree)
    }

    private func nextFromSource() throws(OfficialImportError) -> XMLEvent? {
        do { return try source.next() } catch { throw .unreadable(error) }
    }

    /// The root element's start, skipping anything before it. Reading ahead begins after it, so
    /// that what the adapter asks to capture applies from the start of the document's content.
    public func root() throws(OfficialImportError) -> XMLElementStart {
        while let event = try next() {
            if case .start(let start) = event {
                if readingAhead, let reader = source as? XMLSAXReader { source = XMLReadAhead(reader) }
                return start
            }
        }
        throw .noRootElement(file: file)
    }

    /// Reads the rest of the element that `start` opened and returns it as a tree.
    public func capture(_ start: XMLElementStart) throws(OfficialImportError) -> OfficialElement {
        OfficialElement(try captureSubtree(start), at: 0, file: file)
    }

    /// Reads the rest of the element that `start` opened and returns it as a subtree: the shape a
    /// reader that captures delivers (`.subtree`), for the same element met as events.
    func captureSubtree(_ start: XMLElementStart) throws(OfficialImportError) -> XMLSubtree {
        var builder = XMLSubtreeBuilder(limit: unitLimit)
        builder.add(.start(start))
        while !builder.isComplete {
            guard let event = try nextFromSource() else {
                // The reader reports a truncated document before this; this is a safety net.
                throw .unreadable(XMLReadError(kind: .malformed, location: start.location,
                                               message: XMLReadError.truncationMessage(inside: start.name, openedOn: start.location.line)))
            }
            builder.add(event)
            if let refusal = builder.refusalIfOversized(at: XMLSourceLocation(file: file, line: start.location.line, column: start.column),
                                                       reachedOn: event.line) {
                throw .unreadable(refusal)
            }
        }
        return builder.take()
    }

    /// Reads past the rest of the element that `start` opened.
    public func skip(_ start: XMLElementStart) throws(OfficialImportError) {
        if start.isEmpty { return }
        var depth = 1
        while let event = try nextFromSource() {
            switch event {
            case .start(let inner): if !inner.isEmpty { depth += 1 }
            case .end:
                depth -= 1
                if depth == 0 { return }
            default: break
            }
        }
    }

    /// Reads to the end of the document (so a truncated tail is still reported as an error).
    public func drain() throws(OfficialImportError) {
        while try next() != nil {}
    }

    /// Opens `path`, hands its root element to `body`, then reads the rest of the file: a file
    /// that is malformed or cut off after what `body` read is still an error, however far past
    /// the parser's first chunk the fault lies. Every official file ecca opens goes through here.
    public static func read<Result>(_ path: String, readingAhead: Bool = false, unitLimit: XMLUnitLimit = .standard,
                                    _ body: (OfficialStream, XMLElementStart) throws(OfficialImportError) -> Result)
        throws(OfficialImportError) -> Result {
        let stream = try OfficialStream(path: path, readingAhead: readingAhead, unitLimit: unitLimit)
        let result = try body(stream, try stream.root())
        try stream.drain()
        return result
    }
}
