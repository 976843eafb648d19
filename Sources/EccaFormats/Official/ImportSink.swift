import ClauseGraph

/// Where imported provisions go, as they are read: the rules-XML writer, or a collector in tests.
/// Adapters never hold a whole document; they hand each provision on and forget it.
public protocol ImportSink: AnyObject {
    func begin(_ instrument: ImportedInstrument) throws(OfficialImportError)
    func add(_ provision: ImportedProvision) throws(OfficialImportError)
    /// A unit's provisions, built by the sink (a background sink builds them on its own thread).
    func add(contentsOf batch: ProvisionBatch) throws(OfficialImportError)
    func end() throws(OfficialImportError)
}

extension ImportSink {
    public func add(contentsOf batch: ProvisionBatch) throws(OfficialImportError) {
        for provision in batch.provisions() { try add(provision) }
    }
}

/// Keeps everything in memory: for tests and for `cite-check`, which index small official files.
public final class ImportCollector: ImportSink {
    public struct Entry: Sendable {
        public var instrument: ImportedInstrument
        public var provisions: [ImportedProvision]
    }

    public private(set) var instruments: [Entry] = []

    public init() {}

    public func begin(_ instrument: ImportedInstrument) { instruments.append(Entry(instrument: instrument, provisions: [])) }
    public func add(_ provision: ImportedProvision) { instruments[instruments.count - 1].provisions.append(provision) }
    public func end() {}

    public var provisions: [ImportedProvision] { instruments.flatMap(\.provisions) }

    /// The provision with this canonical id (first instrument that has it).
    public func provision(_ canonicalID: String) -> ImportedProvision? {
        for entry in instruments {
            if let found = entry.provisions.first(where: { $0.canonicalID == canonicalID }) { return found }
        }
        return nil
    }
}

/// What adapters write to: forwards to the sink, and keeps the summary and the diagnostics.
public final class ImportEmitter {
    private let sink: any ImportSink
    public private(set) var summary = ImportSummary()
    public private(set) var diagnostics: [Diagnostic] = []
    private var open = false
    /// The instrument ids begun, with where each instrument starts.
    private var usedInstrumentIDs: [String: SourceLocation] = [:]
    /// The line the file being read starts its root element on: where an instrument of a whole
    /// file starts (`ImportedInstrument.line` is 0 for one).
    var rootLine = 0
    /// The instrument provisions currently go to.
    public private(set) var current: ImportedInstrument?
    /// The files that join one instrument, by file (`InstrumentJoin`).
    private let joins: [String: InstrumentJoin]
    /// The join the open instrument is, if it is one.
    private var openJoin: String?
    /// The top-level units (sections, appendices) of the open joined instrument: where each was
    /// read, and in which file read (`fileNumber`), so that one given by two files is refused.
    private var joinedUnits: [String: (location: SourceLocation, file: Int)] = [:]
    private var fileNumber = 0
    /// The summary's instruments when the file being read began, and what that file reported
    /// before it began one: a file's identification and header are read before its instrument
    /// begins, and what they report is that instrument's, not the instrument read before it.
    private var instrumentsBeforeFile = 0
    private var reportedBeforeBegin: [Diagnostic.Severity: Int] = [:]
    /// The control characters left out of the open instrument's texts, warned of when it ends.
    var controlFindings = ControlFindings()

    init(sink: any ImportSink, joins: [String: InstrumentJoin]) {
        self.sink = sink
        self.joins = joins
    }

    public convenience init(sink: any ImportSink) { self.init(sink: sink, joins: [:]) }

    /// The files this import reads (a Formex act's annex files given after it continue its
    /// instrument, so the act does not say they are left out).
    var givenFiles: Set<FileIdentity> = []

    /// A new file is read (each time a file is given, even the same file twice).
    func beginFile() {
        fileNumber += 1
        instrumentsBeforeFile = summary.instruments.count
        reportedBeforeBegin.removeAll()
    }

    /// A new entry of the summary, counting what its file reported before it began.
    private func appendSummary(_ entry: ImportSummary.InstrumentSummary) {
        var entry = entry
        entry.diagnostics.merge(reportedBeforeBegin, uniquingKeysWith: +)
        reportedBeforeBegin.removeAll()
        summary.instruments.append(entry)
    }

    public func begin(_ instrument: ImportedInstrument) throws(OfficialImportError) {
        let join = joins[instrument.file].flatMap { $0.key == InstrumentJoin.key(of: instrument) ? $0 : nil }
        if let join, open, openJoin == join.key, let current {
            // A later part of the open instrument: its provisions go on into it.
            appendSummary(.init(id: current.id, title: instrument.title, dialect: instrument.dialect,
                                             variant: instrument.variant, file: instrument.file, joins: current.file))
            return
        }
        if open { try end() }
        // The summary speaks of each file: its own title and variant, not the joined ones.
        let own = instrument
        var instrument = leavingOutControls(join?.header ?? instrument)
        openJoin = join?.key
        joinedUnits.removeAll()
        // Two texts given one import that mint one id (two Akoma Ntoso files of one FRBR URI, two
        // rules of one document number, `--instrument-id` for files that do not join) are two
        // things with one name: the later is told apart by a suffix, and that is said.
        let location = SourceLocation(file: own.file, line: own.line > 0 ? own.line : rootLine)
        let base = instrument.id
        let first = usedInstrumentIDs[base]
        if let first {
            var suffix = 2
            repeat {
                instrument.id = "\(base)-\(suffix)"
                suffix += 1
            } while usedInstrumentIDs[instrument.id] != nil
            instrument.notes.append(Note(kind: .unresolved, text: Self.renamedInstrumentNote(base, renamed: instrument.id, first: first)))
        }
        usedInstrumentIDs[instrument.id] = location
        current = instrument
        try sink.begin(instrument)
        appendSummary(.init(id: instrument.id, title: own.title, dialect: own.dialect,
                                         variant: own.variant, file: own.file))
        open = true
        if let first {
            report(Diagnostic(.warning, "this text mints the instrument id \(base), which the text at \(first) was already given in this import: it is written as \(instrument.id), and its provisions' ids with it",
                              at: location, subject: instrument.id))
            count(.renamedIDs)
        }
    }

    /// The note on an instrument whose minted id another instrument of the import has.
    static func renamedInstrumentNote(_ base: String, renamed: String, first: SourceLocation) -> String {
        "This text would have had the id \(base), which another text imported with it already has (\(first)): two texts were given one name. It and its provisions are written with the id \(renamed) instead. Check which text each is."
    }

    /// The longest number of one unit ecca takes (a section's `N`, an article's `IDENTIFIER`, an
    /// eId's segment). No official numbering comes near it; a longer one is a damaged or hostile
    /// file, whose number would be copied into every id, citation and URL of the unit's provisions
    /// (a 9 MB `N` made a 486 MB output).
    static let longestNumber = 1_000

    private func checkNumber(_ number: String, at location: SourceLocation) throws(OfficialImportError) {
        guard number.utf8.count > Self.longestNumber else { return }
        throw .numberTooLong(start: String(number.prefix(40)), bytes: number.utf8.count, limit: Self.longestNumber, location: location)
    }

    public func add(_ provision: ImportedProvision) throws(OfficialImportError) {
        let provision = leavingOutControls(provision)
        for segment in provision.idPath {
            try checkNumber(segment, at: SourceLocation(file: provision.span.file, line: provision.span.firstLine))
        }
        if openJoin != nil, provision.parentID == nil, let unit = provision.idPath.first {
            try joinUnit(CanonicalIDs.idSegment(unit), citation: provision.citation, at: SourceLocation(file: provision.span.file, line: provision.span.firstLine))
        }
        try sink.add(provision)
        summary.instruments[summary.instruments.count - 1].count(provision.level)
    }

    /// Counts the batch's provisions by level and hands it on unbuilt.
    public func add(contentsOf batch: ProvisionBatch) throws(OfficialImportError) {
        // A section holding a control character (rarely one does) is written provision by
        // provision, each with its own left out and noted (`leavingOutControls`): the writer
        // writes the same bytes either way.
        if batch.section.mayHoldControls {
            for provision in batch.provisions() { try add(provision) }
            return
        }
        try checkNumber(batch.section.header.number, at: SourceLocation(file: batch.section.span.file, line: batch.section.span.firstLine))
        if openJoin != nil {
            let header = batch.section.header
            try joinUnit(CanonicalIDs.idSegment(header.number), citation: header.citationTitle + header.number,
                         at: SourceLocation(file: batch.section.span.file, line: batch.section.span.firstLine))
        }
        try sink.add(contentsOf: batch)
        let last = summary.instruments.count - 1
        batch.forEachLevelCount { level, count in summary.instruments[last].count(level, by: count) }
    }

    /// A section or appendix given by two files of one joined instrument is refused: its ids
    /// would be told apart only by a `-2`, and which text is right is for the user to say. (One
    /// file that repeats a section, as a GPO file may, keeps its `-2`, which the writer reports.)
    private func joinUnit(_ unit: String, citation: String, at location: SourceLocation) throws(OfficialImportError) {
        if let first = joinedUnits[unit] {
            guard first.file == fileNumber else {
                throw .givenTwice(citation: citation, instrument: current?.id ?? "", first: first.location, again: location)
            }
            return
        }
        joinedUnits[unit] = (location, fileNumber)
    }

    public func end() throws(OfficialImportError) {
        guard open else { return }
        reportControlsLeftOut()
        open = false
        current = nil
        openJoin = nil
        try sink.end()
    }

    /// `ofInstrument`: false for a diagnostic about the file rather than the open instrument (a
    /// document not imported), which the instrument's counts leave out.
    public func report(_ diagnostic: Diagnostic, ofInstrument: Bool = true) {
        diagnostics.append(diagnostic)
        guard ofInstrument else { return }
        if summary.instruments.count > instrumentsBeforeFile {
            summary.instruments[summary.instruments.count - 1].diagnostics[diagnostic.severity, default: 0] += 1
        } else {
            reportedBeforeBegin[diagnostic.severity, default: 0] += 1
        }
    }

    /// A line the summary shows as it is (`1 table of 6 rows imported as one provision (…)`).
    public func remark(_ text: String) {
        guard !summary.instruments.isEmpty else { return }
        summary.instruments[summary.instruments.count - 1].remarks.append(text)
    }

    /// Records a document the file holds but the importer does not import.
    public func notImported(_ document: ImportSummary.NotImported) { summary.notImported.append(document) }

    /// Counts an element the summary reports beyond provision levels (LegalRuleML rules …).
    public func count(_ counter: ImportSummary.Counter, by amount: Int = 1) {
        guard !summary.instruments.isEmpty else { return }
        summary.instruments[summary.instruments.count - 1].counters[counter, default: 0] += amount
    }
}
