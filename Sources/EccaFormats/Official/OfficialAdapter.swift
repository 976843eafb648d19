import EccaXML

/// Choices the user makes for an import.
public struct ImportOptions: Sendable, Hashable {
    /// The dialect the files must be (`--format`); nil detects it from each root element.
    public var format: OfficialDialect?
    /// The instrument id to use instead of the minted one (so ids match a shipped encoding,
    /// such as `eu.ai-act`).
    public var instrumentID: String?
    /// The most one unit read whole (a section, an article, an annex) may hold
    /// (`--max-unit-nodes`, `--max-unit-mib`).
    public var unitLimit: XMLUnitLimit

    public init(format: OfficialDialect? = nil, instrumentID: String? = nil, unitLimit: XMLUnitLimit = .standard) {
        self.format = format
        self.instrumentID = instrumentID
        self.unitLimit = unitLimit
    }
}

/// One dialect's reader: from the stream positioned just after the root element's start, hand
/// each provision to the emitter as soon as it is complete.
protocol OfficialAdapter {
    init(options: ImportOptions)
    func read(_ stream: OfficialStream, root: XMLElementStart, into emitter: ImportEmitter) throws(OfficialImportError)
    /// The instrument the file will begin, read from the file's head only, for a dialect whose
    /// files can be parts of one text (`InstrumentJoin`); nil for the others.
    func preview(_ stream: OfficialStream, root: XMLElementStart) throws(OfficialImportError) -> ImportedInstrument?
}

extension OfficialAdapter {
    func preview(_ stream: OfficialStream, root: XMLElementStart) throws(OfficialImportError) -> ImportedInstrument? { nil }
}
