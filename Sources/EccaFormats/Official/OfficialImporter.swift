import ClauseGraph
import EccaXML

/// `ecca import`: official XML in, ecca rules XML out.
///
/// Each file's dialect is detected from its root element (or forced with `ImportOptions.format`),
/// its adapter streams it, and every provision goes straight to the sink. With a rules-XML
/// writer as the sink, the output file appears only when every input was read without error.
public struct OfficialImporter: Sendable {
    public let options: ImportOptions

    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// What an import produced.
    public struct Result: Sendable {
        public var summary: ImportSummary
        /// Findings that did not stop the import: ambiguous markers, amendments the grammar
        /// could not read, structure the adapter skipped.
        public var diagnostics: [Diagnostic]
    }

    /// Imports `files` into `sink`, in order.
    public func run(files: [String], into sink: any ImportSink) throws(OfficialImportError) -> Result {
        let emitter = ImportEmitter(sink: sink)
        for file in files {
            try read(file: file, into: emitter)
        }
        try emitter.end()
        return Result(summary: emitter.summary, diagnostics: emitter.diagnostics)
    }

    /// Imports `files` and writes rules XML to `output` (temporary file, renamed on success).
    public func run(files: [String], output: String) throws(OfficialImportError) -> Result {
        let names = files.map(FormexAdapter.name(of:)).joined(separator: ", ")
        let writer = try RulesXMLWriter(path: output, comment: "Imported by `ecca import` from \(names). Wording straight from the official XML; ids minted by ecca from the numbering (docs/importers.md).")
        // The writer escapes and writes on a second thread while this one reads the next sections.
        let background = BackgroundSink(writer)
        do throws(OfficialImportError) {
            let result = try run(files: files, into: background)
            try background.close()
            guard writer.provisionsWritten > 0 else {
                writer.abandon()
                throw OfficialImportError.nothingToImport(file: files.first ?? output,
                                                          dialect: result.summary.instruments.first?.dialect ?? options.format ?? .ecfr)
            }
            try writer.finish()
            return result
        } catch {
            background.stop()
            writer.abandon()
            throw error
        }
    }

    /// Imports `files` into memory (tests, `cite-check`).
    public func collect(files: [String]) throws(OfficialImportError) -> (ImportCollector, Result) {
        let collector = ImportCollector()
        let result = try run(files: files, into: collector)
        return (collector, result)
    }

    private func read(file: String, into emitter: ImportEmitter) throws(OfficialImportError) {
        // libxml2 parses on a thread of its own, ahead of the adapter (and the writer has a third).
        try OfficialStream.read(file, readingAhead: true) { stream, root throws(OfficialImportError) in
            guard let dialect = OfficialDialect.detect(root: root) else {
                throw .unknownDialect(root: root.name, location: root.location)
            }
            if let expected = options.format, expected != dialect {
                throw .wrongDialect(expected: expected, found: dialect, location: root.location)
            }
            let adapter: any OfficialAdapter = switch dialect {
            case .formex: FormexAdapter(options: options)
            case .ecfr: EcfrAdapter(options: options)
            case .fr: FederalRegisterAdapter(options: options)
            case .akn: AkomaNtosoAdapter(options: options)
            case .legalruleml: LegalRuleMLAdapter(options: options)
            }
            try adapter.read(stream, root: root, into: emitter)
        }
    }
}
