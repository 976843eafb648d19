import ClauseGraph
import EccaXML
import Foundation

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

    /// Imports `files` into `sink`, in order; files that are parts of one text (sections of one
    /// CFR title) are read one after the other, at the place of the first, into one instrument
    /// (`InstrumentJoin`).
    public func run(files: [String], into sink: any ImportSink) throws(OfficialImportError) -> Result {
        // One file by two paths (a symbolic or hard link, a relative path): the same device and inode.
        var seen: [FileIdentity: String] = [:]
        for file in files {
            try OfficialImportError.requireRegularFile(file)
            guard let identity = FileIdentity(path: file) else { continue }
            if let first = seen[identity] { throw .fileGivenTwice(file: file, first: first) }
            seen[identity] = file
        }
        let package = FormexPackageFiles(files, unitLimit: options.unitLimit)
        guard let first = package.files.first else {
            throw .nothingToImport(file: files.first ?? "", dialect: .formex, why: "a table of contents holds no provisions")
        }
        let (order, joins) = package.files.count > 1 ? InstrumentJoin.plan(package.files, previews: package.files.map(preview)) : ([first], [:])
        let emitter = ImportEmitter(sink: sink, joins: joins)
        emitter.givenFiles = Set(package.files.compactMap(FileIdentity.init(path:)))
        for note in package.notes { emitter.report(note, ofInstrument: false) }
        for file in order {
            emitter.beginFile()
            try read(file: file, into: emitter)
        }
        try emitter.end()
        return Result(summary: emitter.summary, diagnostics: emitter.diagnostics)
    }

    /// Imports `files` and writes rules XML to `output` (temporary file, renamed on success).
    public func run(files: [String], output: String) throws(OfficialImportError) -> Result {
        try run(files: files, output: output, largestLoadable: RulesReader.maximumFileBytes)
    }

    /// - Parameter largestLoadable: the largest rules file ecca loads; an output larger than that
    ///   is written all the same, with a warning that it cannot be loaded.
    func run(files: [String], output: String, largestLoadable: Int) throws(OfficialImportError) -> Result {
        // Refused before anything is read or written: the output would replace an official input.
        if let overwritten = input(overwrittenBy: output, files: files) {
            guard let manifest = overwritten.manifest else { throw .outputIsInput(output: output, input: overwritten.file) }
            throw .outputIsPackageFile(output: output, file: overwritten.file, manifest: manifest, input: overwritten.input)
        }
        let names = files.map(SourceFileName.name(of:)).joined(separator: ", ")
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
            var finished = result
            // Ids the writer had to tell apart: warned of and counted with their instrument.
            for (instrumentID, diagnostic) in writer.renamings {
                finished.diagnostics.append(diagnostic)
                guard let index = finished.summary.instruments.firstIndex(where: { $0.id == instrumentID && $0.joins == nil }) else { continue }
                finished.summary.instruments[index].counters[.renamedIDs, default: 0] += 1
                finished.summary.instruments[index].diagnostics[.warning, default: 0] += 1
            }
            if let size = InputSize.bytes(ofFile: output), size > largestLoadable {
                finished.diagnostics.append(Diagnostic(
                    .warning, "the output is \(size) bytes, more than the \(largestLoadable) bytes ecca loads as a rules file: it is complete, "
                        + "but --regulations and --instrument will refuse it; import only the parts you need (docs/importers.md, \"Limits\")",
                    at: SourceLocation(file: output, line: 0)))
            }
            return finished
        } catch {
            background.stop()
            writer.abandon()
            throw error
        }
    }

    /// The file among those `files` read (a Formex manifest's members with it) that `output` is,
    /// by device and inode: through a symbolic link, a hard link or another path; nil when none is
    /// (or `output` does not exist yet). A Formex package's manifest names files that are not read
    /// (its Official Journal table of contents) and, given an act or annex alone, the manifest
    /// beside it names the package's other files: every one of those is refused as well, with the
    /// `manifest` that names it and the `input` it was found by (nil for a file read).
    func input(overwrittenBy output: String, files: [String]) -> (file: String, manifest: String?, input: String)? {
        guard let target = FileIdentity(path: output) else { return nil }
        for file in files {
            if FileIdentity(path: file) == target { return (file, nil, file) }
            guard let stream = try? OfficialStream(path: file, unitLimit: options.unitLimit), let root = try? stream.root(),
                  OfficialDialect.detect(root: root) == .formex else { continue }
            // A package manifest's act and annexes are read too (only a manifest is read whole here).
            if root.name == "DOC" {
                guard let manifest = try? stream.capture(root) else { continue }
                let package = FormexAdapter.metadata(fromManifest: manifest, at: file)
                guard let members = try? package.memberPaths() else { continue }
                for member in [members.act].compactMap({ $0 }) + members.annexes where FileIdentity(path: member) == target { return (member, nil, file) }
                for named in package.referencedPaths() where FileIdentity(path: named) == target { return (named, file, file) }
                continue
            }
            // An act or annex given alone: the manifest beside it that lists it, found as reading the
            // file finds it (the one it names in `DOCUMENT.REF`, or by the layouts' names).
            guard let package = FormexAdapter.packageManifest(for: file, named: FormexAdapter.documentReference(in: stream)), let manifest = package.manifest,
                  let members = try? package.memberPaths() else { continue }
            for member in [manifest] + [members.act].compactMap({ $0 }) + members.annexes + package.referencedPaths() where FileIdentity(path: member) == target {
                return (member, manifest, file)
            }
        }
        return nil
    }

    /// Imports `files` into memory (tests, `cite-check`).
    public func collect(files: [String]) throws(OfficialImportError) -> (ImportCollector, Result) {
        let collector = ImportCollector()
        let result = try run(files: files, into: collector)
        return (collector, result)
    }

    /// The instrument `file` will begin, from its head alone; nil for a dialect whose files join
    /// nothing, and for a file that cannot be read (reading it reports why).
    private func preview(_ file: String) -> ImportedInstrument? {
        do {
            let stream = try OfficialStream(path: file, unitLimit: options.unitLimit)
            let root = try stream.root()
            guard let dialect = OfficialDialect.detect(root: root), options.format ?? dialect == dialect else { return nil }
            return try adapter(for: dialect).preview(stream, root: root)
        } catch {
            return nil
        }
    }

    private func adapter(for dialect: OfficialDialect) -> any OfficialAdapter {
        switch dialect {
        case .formex: FormexAdapter(options: options)
        case .ecfr: EcfrAdapter(options: options)
        case .fr: FederalRegisterAdapter(options: options)
        case .akn: AkomaNtosoAdapter(options: options)
        case .legalruleml: LegalRuleMLAdapter(options: options)
        }
    }

    private func read(file: String, into emitter: ImportEmitter) throws(OfficialImportError) {
        // libxml2 parses on a thread of its own, ahead of the adapter (and the writer has a third).
        try OfficialStream.read(file, readingAhead: true, unitLimit: options.unitLimit) { stream, root throws(OfficialImportError) in
            guard let dialect = OfficialDialect.detect(root: root) else {
                throw .unknownDialect(root: root.name, location: root.location)
            }
            if let expected = options.format, expected != dialect {
                throw .wrongDialect(expected: expected, found: dialect, location: root.location)
            }
            emitter.rootLine = root.location.line
            try adapter(for: dialect).read(stream, root: root, into: emitter)
        }
    }
}
