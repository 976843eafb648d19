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
    private var usedInstrumentIDs: Set<String> = []
    /// The instrument provisions currently go to.
    public private(set) var current: ImportedInstrument?

    public init(sink: any ImportSink) { self.sink = sink }

    public func begin(_ instrument: ImportedInstrument) throws(OfficialImportError) {
        if open { try end() }
        var instrument = instrument
        var suffix = 2
        let base = instrument.id
        while usedInstrumentIDs.contains(instrument.id) {
            instrument.id = "\(base)-\(suffix)"
            suffix += 1
        }
        usedInstrumentIDs.insert(instrument.id)
        current = instrument
        try sink.begin(instrument)
        summary.instruments.append(.init(id: instrument.id, title: instrument.title, dialect: instrument.dialect,
                                         variant: instrument.variant, file: instrument.file))
        open = true
    }

    public func add(_ provision: ImportedProvision) throws(OfficialImportError) {
        try sink.add(provision)
        summary.instruments[summary.instruments.count - 1].count(provision.level)
    }

    /// Counts the batch's provisions by level and hands it on unbuilt.
    public func add(contentsOf batch: ProvisionBatch) throws(OfficialImportError) {
        try sink.add(contentsOf: batch)
        let last = summary.instruments.count - 1
        batch.forEachLevelCount { level, count in summary.instruments[last].count(level, by: count) }
    }

    public func end() throws(OfficialImportError) {
        guard open else { return }
        open = false
        current = nil
        try sink.end()
    }

    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        if !summary.instruments.isEmpty {
            summary.instruments[summary.instruments.count - 1].diagnostics[diagnostic.severity, default: 0] += 1
        }
    }

    /// Counts an element the summary reports beyond provision levels (LegalRuleML rules …).
    public func count(_ counter: ImportSummary.Counter, by amount: Int = 1) {
        guard !summary.instruments.isEmpty else { return }
        summary.instruments[summary.instruments.count - 1].counters[counter, default: 0] += amount
    }
}
