import ClauseGraph
import EccaText
import Foundation

/// Writes imported provisions as ecca rules XML (`urn:ecca:rules:1`, valid against
/// `Regulations/schema/rules.rng`) while they are read: nothing is held but the current unit's ids.
///
/// The file is written under a temporary name beside the output and renamed only by `finish()`
/// (`OutputFile`), so a failed import never leaves a partial file at the output path.
///
/// One thread at a time uses a writer (the import's writing thread), so the state it touches for
/// every provision is `@exclusivity(unchecked)`: the runtime's access bookkeeping, half a million
/// times over, would check nothing.
public final class RulesXMLWriter: ImportSink {
    public let path: String
    /// Written under a temporary name and renamed on `finish()` (a device or FIFO: written to).
    private var file: OutputFile?
    @exclusivity(unchecked) private var output = XMLOutput(capacity: 1 << 21)
    /// A section's wording, escaped once (`write(_:instrumentID:)`).
    @exclusivity(unchecked) private var escapedWording = XMLOutput()
    /// A section's bytes and where its escaped pieces start and end (`write(_:instrumentID:)`),
    /// kept from one section to the next: fresh, they cost several allocations a section.
    @exclusivity(unchecked) private var sectionScratch = SectionScratch()
    private struct SectionScratch {
        var bytes: [UInt8] = []
        var escapedStart: [Int] = []
        var escapedEnd: [Int] = []
        /// The written records' id hashes (`idsAreDistinct`).
        var keyed: [(hash: UInt64, range: Range<Int>)] = []
    }
    private var pending: ImportedInstrument?
    /// The file the open instrument was read from: provisions name their file only when it differs.
    private var currentFile: String?
    private var instrumentOpen = false
    /// Provisions written per instrument; an instrument without any is left out (the schema
    /// requires at least one provision).
    public private(set) var provisionsWritten = 0
    public private(set) var skippedInstruments: [String] = []

    // Id uniqueness: top-level units across the instrument (how often each was begun, and the
    // line of the first), full ids within the current unit (and where each was first given).
    @exclusivity(unchecked) private var units: [String: UnitSeen] = [:]
    /// Structs, not tuples: a tuple type's metadata is looked up at run time, on every use.
    private struct UnitSeen {
        var count: Int
        var line: Int
        /// The first one's element pointer (`ARTICLE[@IDENTIFIER='092']`), for a repeat's warning.
        var pointer: String?
    }
    @exclusivity(unchecked) private var unitPrefix: [String: String] = [:]
    /// The ids of the current unit, each with the line (in the unit's file) it was first given on.
    @exclusivity(unchecked) private var idsInUnit: [String: Int] = [:]
    /// For an id of the current unit given more than once, the suffix to try next (`-3` after
    /// `-2`): counting up from `-2` for each repeat took minutes for 12,500 paragraphs cited alike.
    @exclusivity(unchecked) private var nextSuffix: [String: Int] = [:]
    /// An id `mintID` gave, and, when the id it would have given was taken, that id.
    private struct MintedID {
        var id: String
        var renamed: Renamed?
    }
    /// An id that was taken: the id, the line it was first given on, and whether a whole unit was
    /// taken (a section printed twice).
    private struct Renamed {
        var wouldBe: String
        var firstLine: Int
        var unit: Bool
        /// The first one's element pointer, when known (a unit's).
        var firstPointer: String? = nil
    }
    /// Ids told apart by a suffix, with the instrument each is in: warnings for the import's
    /// diagnostics (`OfficialImporter` adds them, and counts them in the summary).
    public private(set) var renamings: [(instrumentID: String, diagnostic: Diagnostic)] = []
    @exclusivity(unchecked) private var currentUnit: String?
    /// The id segment of the current unit (`701.101`, or `701.101-2` for a repeat).
    @exclusivity(unchecked) private var currentUnitPrefix = ""
    /// The instrument id and its id segment, minted once per instrument rather than per provision.
    @exclusivity(unchecked) private var instrumentSegment: (source: String, segment: String) = ("", "")
    /// Scratch space for minting an id.
    @exclusivity(unchecked) private var idBytes: [UInt8] = []
    /// The ids of the CFR section written last, when they were written without going through
    /// `idsInUnit` (all distinct): put there only if a later provision continues the section.
    @exclusivity(unchecked) private var unlistedIDs: (head: String, section: CFRSectionLayout, addresses: CFRSectionLayout.Addresses)?

    /// - Parameters:
    ///   - path: the output file; written only on `finish()`.
    ///   - comment: a note for the XML comment at the top (which files, which dialect).
    public init(path: String, comment: String) throws(OfficialImportError) {
        self.path = path
        do {
            file = try OutputFile(path: path, mode: .whole)
        } catch {
            throw .output(path: path, message: error.reason)
        }
        output.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n  ")
        output.append(raw: Self.commentSafe(comment))
        output.append("\n  Imported provisions carry no norms: encoding duties, conditions and exceptions is for people.\n-->\n")
        output.append("<rules xmlns=\"urn:ecca:rules:1\" version=\"1\">\n")
    }

    deinit {
        abandon()
    }

    public func begin(_ instrument: ImportedInstrument) throws(OfficialImportError) {
        pending = instrument
        instrumentOpen = false
        units.removeAll(keepingCapacity: true)
        unitPrefix.removeAll(keepingCapacity: true)
        idsInUnit.removeAll(keepingCapacity: true)
        nextSuffix.removeAll(keepingCapacity: true)
        currentUnit = nil
        unlistedIDs = nil
    }

    public func add(_ provision: ImportedProvision) throws(OfficialImportError) {
        guard let instrument = pending else { return }
        if !instrumentOpen {
            writeHeader(instrument)
            instrumentOpen = true
        }
        writeProvision(provision, instrumentID: instrument.id)
        provisionsWritten += 1
        if output.count >= 1 << 20 { try flush() }
    }

    /// Writes a laid-out section straight from its bytes, without making its provisions.
    public func add(contentsOf batch: ProvisionBatch) throws(OfficialImportError) {
        guard let instrument = pending else { return }
        if !instrumentOpen {
            writeHeader(instrument)
            instrumentOpen = true
        }
        write(batch.section, instrumentID: instrument.id)
        provisionsWritten += batch.count
        if output.count >= 1 << 20 { try flush() }
    }

    public func end() throws(OfficialImportError) {
        if instrumentOpen {
            output.append("  </instrument>\n")
        } else if let pending {
            skippedInstruments.append(pending.id)
        }
        pending = nil
        instrumentOpen = false
    }

    /// Completes the document and moves it to `path`.
    public func finish() throws(OfficialImportError) {
        if instrumentOpen { try end() }
        output.append("</rules>\n")
        try flush()
        guard let file else { throw .output(path: path, message: "the writer was already closed") }
        self.file = nil
        do {
            try file.commit()
        } catch {
            throw .output(path: path, message: error.reason)
        }
    }

    /// Drops the partial file (after an error).
    public func abandon() {
        file?.abandon()
        file = nil
    }

    private func flush() throws(OfficialImportError) {
        guard let file else { return }
        do {
            try file.write(UnsafeRawBufferPointer(output.bytes))
        } catch {
            abandon()
            throw .output(path: path, message: error.reason)
        }
        output.removeAll()
    }

    // MARK: - Elements

    private func writeHeader(_ instrument: ImportedInstrument) {
        currentFile = instrument.file
        output.append("  <instrument")
        output.attribute("id", CanonicalIDs.idSegment(instrument.id))
        output.attribute("jurisdiction", instrument.jurisdiction)
        output.attribute("kind", instrument.kind.rawValue)
        output.append(">\n    <title>")
        output.append(escaped: instrument.title, attribute: false)
        output.append("</title>\n")
        for official in instrument.officialIDs {
            output.append(raw: "    <official-id scheme=\"\(official.scheme)\">")
            output.append(escaped: official.value, attribute: false)
            output.append("</official-id>\n")
        }
        if let label = instrument.versionLabel {
            output.append("    <version label=\"")
            output.append(escaped: label, attribute: true)
            output.append("\"")
            if let date = instrument.versionDate { output.append(raw: " date=\"\(date.iso)\"") }
            output.append("/>\n")
        }
        if let url = instrument.sourceURL {
            output.append("    <source url=\"")
            output.append(url: url)
            output.append("\"")
            if let attribution = instrument.attribution { output.attribute("attribution", attribution) }
            output.append("/>\n")
        }
        for note in instrument.notes { Self.writeNote(note, indent: "    ", into: &output) }
        Self.writeNote(Note(kind: .editorial, text: "Source file: \(instrument.file). Each provision's note gives its lines and an element path in it."), indent: "    ", into: &output)
    }

    private func writeProvision(_ provision: ImportedProvision, instrumentID: String) {
        let id: String
        var notes = provision.notes
        if let first = provision.idPath.first {
            var rest = ""
            for segment in provision.idPath.dropFirst() {
                rest += "."
                rest += CanonicalIDs.idSegment(segment)
            }
            let minted = mintID(unit: CanonicalIDs.idSegment(first), rest: rest, startsUnit: provision.parentID == nil, instrumentID: instrumentID,
                                line: provision.span.firstLine, pointer: provision.span.pointer)
            id = minted.id
            if let renamed = minted.renamed, renamed.unit || !provision.citedAlike {
                notes.append(reportRenamed(renamed, as: id, citation: provision.citation,
                                           at: SourceLocation(file: provision.span.file, line: provision.span.firstLine), pointer: provision.span.pointer,
                                           instrumentID: instrumentID))
            }
        } else {
            id = CanonicalIDs.idSegment(instrumentID) + ".x"
        }
        Self.writeProvisionElement(id: id, citation: provision.citation, evidence: provision.evidence, sourceID: provision.sourceID,
                                   eid: provision.canonicalID, wordingKind: provision.wordingKind, heading: provision.heading,
                                   wording: provision.wording, url: provision.sourceURL, span: provision.span,
                                   pointer: provision.span.pointer, parent: provision.parentID, dates: provision.dates,
                                   notes: notes, currentFile: currentFile, into: &output)
    }

    /// A provision whose id was taken (`renamed`) and is written as `id`: a warning naming both
    /// places, and the note it carries. Two provisions of one text were given one number, or were read so.
    /// On one line (a Formex act is one line long), the two are told apart by their element pointers.
    private func reportRenamed(_ renamed: Renamed, as id: String, citation: String, at location: SourceLocation, pointer: String? = nil,
                               instrumentID: String) -> Note {
        let first = SourceLocation(file: location.file, line: renamed.firstLine)
        let holds = renamed.unit ? ", as are the ids of any provisions below it" : ""
        var this = "", that = ""
        if renamed.firstLine == location.line, let pointer, let firstPointer = renamed.firstPointer, pointer != firstPointer {
            this = " (\(pointer))"
            that = " (\(firstPointer))"
        }
        renamings.append((instrumentID, Diagnostic(.warning, "\(citation)\(this) is numbered or named as the provision at \(first)\(that) is: its id \(renamed.wouldBe) is taken, so it is written as \(id)\(holds)",
                                                   at: location, subject: id)))
        return Note(kind: .unresolved, text: "This provision would have had the id \(renamed.wouldBe), which the provision at line \(renamed.firstLine)\(that) of the official file already has: the two were given one number or name. It is written as \(id) instead\(holds). Check the official text.")
    }

    /// Writes a laid-out CFR section: the elements `writeProvision` writes for its `provisions()`,
    /// byte for byte, copied from the section's bytes. The wording is escaped once for the whole
    /// section; each provision's is a stretch of it. Every field is a few runs of one buffer
    /// (`ByteRuns`), so writing a provision neither allocates nor counts references.
    private func write(_ section: CFRSectionLayout, instrumentID: String) {
        let header = section.header
        let currentFile = currentFile
        let addresses = section.addresses()
        let unit = CanonicalIDs.idSegment(header.number)
        let minted = mintID(unit: unit, rest: ByteRuns(), startsUnit: true, instrumentID: instrumentID, line: section.span.firstLine)
        let sectionID = minted.id
        // A section printed twice in one file (two texts of one number): said, with a note.
        var sectionNotes = header.notes
        if let renamed = minted.renamed {
            sectionNotes.append(reportRenamed(renamed, as: sectionID, citation: header.citationTitle + header.number,
                                              at: SourceLocation(file: section.span.file, line: section.span.firstLine), instrumentID: instrumentID))
        }
        // Moved out of the writer (so that each stays uniquely referenced) and back, emptied.
        var scratch = SectionScratch()
        swap(&scratch, &sectionScratch)
        defer {
            scratch.bytes.removeAll(keepingCapacity: true)
            scratch.escapedStart.removeAll(keepingCapacity: true)
            scratch.escapedEnd.removeAll(keepingCapacity: true)
            scratch.keyed.removeAll(keepingCapacity: true)
            swap(&scratch, &sectionScratch)
        }
        // Distinct record ids are the section's id and their addresses: no string, no set.
        let idsAreDistinct = Self.idsAreDistinct(section, addresses, keyed: &scratch.keyed)

        escapedWording.removeAll()
        scratch.escapedStart.append(contentsOf: repeatElement(0, count: section.pieces.count))
        scratch.escapedEnd.append(contentsOf: repeatElement(0, count: section.pieces.count))
        section.text.withUnsafeBufferPointer { text in
            var done = 0
            for (index, piece) in section.pieces.enumerated() {
                escapedWording.append(escaped: UnsafeBufferPointer(rebasing: text[done..<piece.start]), attribute: false)
                scratch.escapedStart[index] = escapedWording.count
                escapedWording.append(escaped: UnsafeBufferPointer(rebasing: text[piece.start..<piece.end]), attribute: false)
                scratch.escapedEnd[index] = escapedWording.count
                done = piece.end
            }
        }

        // One buffer: the records' addresses (their ranges stay valid), then the section's fields,
        // then its escaped wording.
        scratch.bytes.append(contentsOf: addresses.bytes)
        func add(_ text: String) -> Range<Int> {
            let start = scratch.bytes.count
            scratch.bytes.append(contentsOf: text.utf8)
            return start..<scratch.bytes.count
        }
        let number = add(header.number)
        let sourceID = add(header.sourceID)
        let citation = add(header.citationTitle + header.number)
        let pointer = add(header.pointer)
        let url = header.url.map(add)
        let paragraphURLBase = header.paragraphURLBase.map(add)
        let headingWording = add(header.heading ?? "")
        let idHead = add(sectionID)
        // Ids, addresses and the section's fields seldom hold a byte to escape: checked once here,
        // they are then copied as they are into every provision.
        let fields: TextEscaping = scratch.bytes.withUnsafeBufferPointer(XMLOutput.needsNoEscaping) ? .none : .needed

        let wordingStart = scratch.bytes.count
        scratch.bytes.append(contentsOf: escapedWording.bytes)

        scratch.bytes.withUnsafeBufferPointer { all in
            func run(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: all[range]) }
            func wording(_ pieces: Range<Int>, endingOnElision: Bool = false) -> ByteRuns? {
                section.wordingPieces(pieces, endingOnElision: endingOnElision).map {
                    ByteRuns(run((wordingStart + scratch.escapedStart[$0.first])..<(wordingStart + scratch.escapedEnd[$0.last])), escaping: .escapedForCharacterData)
                }
            }
            Self.writeProvisionElement(id: sectionID, citation: ByteRuns(run(citation), escaping: fields), evidence: header.evidence,
                                       sourceID: ByteRuns(run(sourceID), escaping: fields), eid: ByteRuns(run(number), escaping: fields), wordingKind: .verbatim,
                                       heading: header.heading, wording: wording(0..<section.pieces.count, endingOnElision: true) ?? ByteRuns(run(headingWording), escaping: fields),
                                       url: url.map { ByteRuns(run($0), escaping: fields) }, span: section.span, pointer: ByteRuns(run(pointer), escaping: fields), parent: nil,
                                       dates: [], notes: sectionNotes, currentFile: currentFile, into: &output)
            // Records are read in place, by index: a copy of one would retain each of its strings.
            func writeRecord(_ index: Int, id: some WritableText, notes: [Note]) {
                let path = run(addresses.entries[index].canonical)
                let anchor = section.records[index].anchored ? paragraphURLBase : nil
                let recordURL = anchor.map { ByteRuns(run($0), path, escaping: fields, uriRuns: 1) } ?? url.map { ByteRuns(run($0), escaping: fields) }
                Self.writeProvisionElement(id: id, citation: ByteRuns(run(citation), run(addresses.entries[index].citation), escaping: fields), evidence: header.evidence,
                                           sourceID: ByteRuns(run(sourceID), path, escaping: fields), eid: ByteRuns(run(number), path, escaping: fields), wordingKind: .verbatim,
                                           heading: section.records[index].heading, wording: wording(section.records[index].firstPiece..<section.records[index].endPiece,
                                                                                                 endingOnElision: section.records[index].endsOnElision) ?? ByteRuns(),
                                           url: recordURL,
                                           span: SourceSpan(file: section.span.file, firstLine: section.records[index].firstLine, lastLine: section.records[index].lastLine),
                                           pointer: ByteRuns(run(pointer), run(addresses.entries[index].element), escaping: fields),
                                           parent: ByteRuns(run(number), section.records[index].parent.map { run(addresses.entries[$0].canonical) } ?? UnsafeBufferPointer(start: nil, count: 0), escaping: fields),
                                           dates: [], notes: notes, currentFile: currentFile, into: &output)
            }
            for index in section.records.indices where !section.records[index].elided {
                if idsAreDistinct {
                    writeRecord(index, id: ByteRuns(run(idHead), run(addresses.entries[index].id), escaping: fields), notes: section.records[index].notes)
                } else {
                    let minted = mintID(unit: unit, rest: ByteRuns(run(addresses.entries[index].id), escaping: fields), startsUnit: false,
                                        instrumentID: instrumentID, line: section.records[index].firstLine)
                    var notes = section.records[index].notes
                    // Paragraphs cited alike were reported by the section reader (their `-2` is
                    // documented); ids alike from different citations (terms that fold to one id) are not.
                    if let renamed = minted.renamed, !section.records[index].citedAlike {
                        let citation = String(decoding: run(citation), as: UTF8.self) + String(decoding: run(addresses.entries[index].citation), as: UTF8.self)
                        notes.append(reportRenamed(renamed, as: minted.id, citation: citation,
                                                   at: SourceLocation(file: section.span.file, line: section.records[index].firstLine), instrumentID: instrumentID))
                    }
                    writeRecord(index, id: minted.id, notes: notes)
                }
            }
        }
        if idsAreDistinct { unlistedIDs = (sectionID, section, addresses) }
    }

    /// Whether the written records of a section have distinct addresses, so that their ids
    /// need no `-2`: each address is hashed (FNV-1a), and only addresses with equal hashes are
    /// compared byte for byte.
    private static func idsAreDistinct(_ section: CFRSectionLayout, _ addresses: CFRSectionLayout.Addresses,
                                       keyed: inout [(hash: UInt64, range: Range<Int>)]) -> Bool {
        addresses.bytes.withUnsafeBufferPointer { bytes in
            keyed.removeAll(keepingCapacity: true)
            keyed.reserveCapacity(section.records.count)
            for index in section.records.indices where !section.records[index].elided {
                let range = addresses.entries[index].id
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                for byte in UnsafeBufferPointer(rebasing: bytes[range]) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
                keyed.append((hash, range))
            }
            keyed.sort { $0.hash < $1.hash }
            var groupStart = 0
            while groupStart < keyed.count {
                var groupEnd = groupStart + 1
                while groupEnd < keyed.count, keyed[groupEnd].hash == keyed[groupStart].hash { groupEnd += 1 }
                for first in groupStart..<groupEnd {
                    for second in (first + 1)..<groupEnd where bytes[keyed[first].range].elementsEqual(bytes[keyed[second].range]) {
                        return false
                    }
                }
                groupStart = groupEnd
            }
            return true
        }
    }

    /// One `<provision>` element; both ways in (`writeProvision`, `write(_:)`) come through here.
    /// Static, and writing into one `inout` buffer, so that a provision is one access to the
    /// writer's state rather than thirty.
    private static func writeProvisionElement<Text: WritableText>(
        id: some WritableText, citation: Text, evidence: Evidence, sourceID: Text?, eid: Text, wordingKind: Provision.WordingKind,
        heading: String?, wording: Text, url: Text?, span: SourceSpan, pointer: Text?, parent: Text?,
        dates: [ImportedDate], notes: [Note], currentFile: String?, into output: inout XMLOutput
    ) {
        output.append("    <provision")
        output.attribute("id", id)
        output.attribute("citation", citation)
        output.attribute("evidence", raw: evidence.rawValue)
        if let sourceID { output.attribute("source-id", sourceID) }
        output.attribute("eid", eid)
        output.attribute("wording-kind", raw: wordingKind.rawValue)
        output.append(">\n")
        if let heading, !heading.isEmpty {
            output.append("      <heading>")
            output.append(escaped: heading, attribute: false)
            output.append("</heading>\n")
        }
        output.append("      <wording>")
        output.append(escaped: wording, attribute: false)
        output.append("</wording>\n")
        if let url {
            output.append("      <source url=\"")
            output.append(url: url)
            output.append("\"/>\n")
        }
        // The span note, written piece by piece: one per provision, half a million in a large title.
        output.append("      <note kind=\"editorial\">Source: line")
        if span.firstLine == span.lastLine {
            output.append(" ")
            output.append(number: span.firstLine)
        } else {
            output.append("s ")
            output.append(number: span.firstLine)
            output.append("-")
            output.append(number: span.lastLine)
        }
        if let pointer {
            output.append(", ")
            output.append(escaped: pointer, attribute: false)
        }
        if span.file != currentFile {
            output.append(" of ")
            output.append(escaped: span.file, attribute: false)
        }
        if let parent {
            output.append("; within ")
            output.append(escaped: parent, attribute: false)
        }
        output.append("</note>\n")
        if !dates.isEmpty {
            // Each once: a date a provision's text states twice alike (Art. 111's "2 August 2027" in
            // two of its paragraphs) was listed twice (importer QA 2026-12-07, L5).
            var seen: Set<ImportedDate> = []
            let listed = dates.filter { seen.insert($0).inserted }
            writeNote(Note(kind: .editorial, text: "Dates in the text: " + listed.map(\.description).joined(separator: "; ")), indent: "      ", into: &output)
        }
        for note in notes { writeNote(note, indent: "      ", into: &output) }
        output.append("    </provision>\n")
    }

    private static func writeNote(_ note: Note, indent: StaticString, into output: inout XMLOutput) {
        output.append(indent)
        output.append("<note kind=\"")
        output.append(raw: note.kind.rawValue)
        output.append("\">")
        output.append(escaped: Self.controlsShown(note.text), attribute: false)
        output.append("</note>\n")
    }

    /// `text` with its control and bidirectional formatting characters written as escapes
    /// (`\u0001`), line breaks and tabs kept. A note or the comment can quote a file's name, which
    /// may hold them: XML escaping would drop a C0 control without a word and keep a C1 one, which
    /// `ecca validate` then refuses. The wording never holds one (the adapters leave them out,
    /// with a warning), so only notes and the comment pay for the check.
    static func controlsShown(_ text: String) -> String {
        ControlCharacters.first(in: text) == nil ? text : ControlCharacters.escaped(text, keeping: ["\n", "\t"])
    }

    /// `instrument.unit.rest`, unique within the instrument. `unit` names the top-level unit
    /// (article, section, annex) and `rest` holds the id segments below it, each with its dot; a
    /// unit seen twice (a GPO file that repeats a section) gets `-2`, and so do its provisions,
    /// and an id seen twice in a unit gets `-2`. Either is returned as `renamed`, for the caller to
    /// report; `line` is where this id is given, in the unit's file.
    private func mintID(unit: String, rest: some WritableText, startsUnit: Bool, instrumentID: String, line: Int, pointer: String? = nil) -> MintedID {
        var renamed: Renamed?
        var repeatedUnit: Int?
        var repeatedPointer: String?
        if startsUnit || currentUnit == nil {
            unlistedIDs = nil
            let seen = units[unit]
            units[unit] = UnitSeen(count: (seen?.count ?? 0) + 1, line: seen?.line ?? line, pointer: seen.map(\.pointer) ?? pointer)
            currentUnitPrefix = seen.map { "\(unit)-\($0.count + 1)" } ?? unit
            repeatedUnit = seen?.line
            repeatedPointer = seen?.pointer
            unitPrefix[unit] = currentUnitPrefix
            idsInUnit.removeAll(keepingCapacity: true)
            nextSuffix.removeAll(keepingCapacity: true)
            currentUnit = unit
        }
        if let unlisted = unlistedIDs {
            // A provision continues the section written last: its ids join the set first.
            unlistedIDs = nil
            for index in unlisted.section.records.indices where !unlisted.section.records[index].elided {
                idsInUnit[unlisted.head + String(decoding: unlisted.addresses[unlisted.addresses.entries[index].id], as: UTF8.self)] =
                    unlisted.section.records[index].firstLine
            }
        }
        if instrumentSegment.source != instrumentID { instrumentSegment = (instrumentID, CanonicalIDs.idSegment(instrumentID)) }
        let prefix = unit == currentUnit ? currentUnitPrefix : unitPrefix[unit] ?? unit
        idBytes.removeAll(keepingCapacity: true)
        idBytes.append(contentsOf: instrumentSegment.segment.utf8)
        idBytes.append(UInt8(ascii: "."))
        idBytes.append(contentsOf: prefix.utf8)
        rest.withRuns { idBytes.append(contentsOf: $0) }
        var id = String(decoding: idBytes, as: UTF8.self)
        if let firstLine = repeatedUnit {
            var wouldBe = instrumentSegment.segment + "." + unit
            rest.withRuns { wouldBe += String(decoding: $0, as: UTF8.self) }
            renamed = Renamed(wouldBe: wouldBe, firstLine: firstLine, unit: true, firstPointer: repeatedPointer)
        }
        // One look-up: the line is claimed in place unless the id has one.
        var taken: Int?
        func claim(_ first: inout Int) {
            if first == Int.min { first = line } else { taken = first }
        }
        claim(&idsInUnit[id, default: Int.min])
        if let taken {
            var suffix = nextSuffix[id] ?? 2
            while idsInUnit["\(id)-\(suffix)"] != nil { suffix += 1 }
            nextSuffix[id] = suffix + 1
            if renamed == nil { renamed = Renamed(wouldBe: id, firstLine: taken, unit: false) }
            id += "-\(suffix)"
            idsInUnit[id] = line
        }
        return MintedID(id: id, renamed: renamed)
    }

    // MARK: - Comment

    /// Text safe inside an XML comment (no `--`, controls shown).
    static func commentSafe(_ text: String) -> String {
        var output = controlsShown(text)
        while output.contains("--") { output = output.replacingOccurrences(of: "--", with: "- -") }
        return output
    }
}
