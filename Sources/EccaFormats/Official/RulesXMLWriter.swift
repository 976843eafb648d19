import ClauseGraph
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes imported provisions as ecca rules XML (`urn:ecca:rules:1`, valid against
/// `Regulations/schema/rules.rng`) while they are read: nothing is held but the current unit's ids.
///
/// The file is written under a temporary name beside the output and renamed only by `finish()`,
/// so a failed import never leaves a partial file at the output path.
public final class RulesXMLWriter: ImportSink {
    public let path: String
    public let temporaryPath: String
    private var handle: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private var pending: ImportedInstrument?
    /// The file the open instrument was read from: provisions name their file only when it differs.
    private var currentFile: String?
    private var instrumentOpen = false
    /// Provisions written per instrument; an instrument without any is left out (the schema
    /// requires at least one provision).
    public private(set) var provisionsWritten = 0
    public private(set) var skippedInstruments: [String] = []

    // Id uniqueness: top-level units across the instrument, full ids within the current unit.
    private var units: [String: Int] = [:]
    private var unitPrefix: [String: String] = [:]
    private var idsInUnit: Set<String> = []
    private var currentUnit: String?
    /// The id segment of the current unit (`701.101`, or `701.101-2` for a repeat).
    private var currentUnitPrefix = ""
    /// The instrument id and its id segment, minted once per instrument rather than per provision.
    private var instrumentSegment: (source: String, segment: String) = ("", "")

    /// - Parameters:
    ///   - path: the output file; written only on `finish()`.
    ///   - comment: a note for the XML comment at the top (which files, which dialect).
    public init(path: String, comment: String) throws(OfficialImportError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporaryPath = "\(folder).\(name).ecca-partial-\(getpid())"
        guard let opened = fopen(temporaryPath, "wb") else {
            throw .output(path: path, message: String(cString: strerror(errno)))
        }
        handle = opened
        buffer.reserveCapacity(1 << 20)
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n  ")
        appendText(Self.commentSafe(comment))
        append("\n  Imported provisions carry no norms: encoding duties, conditions and exceptions is for people.\n-->\n")
        append("<rules xmlns=\"urn:ecca:rules:1\" version=\"1\">\n")
    }

    deinit {
        if handle != nil { abandon() }
    }

    public func begin(_ instrument: ImportedInstrument) throws(OfficialImportError) {
        pending = instrument
        instrumentOpen = false
        units.removeAll(keepingCapacity: true)
        unitPrefix.removeAll(keepingCapacity: true)
        idsInUnit.removeAll(keepingCapacity: true)
        currentUnit = nil
    }

    public func add(_ provision: ImportedProvision) throws(OfficialImportError) {
        guard let instrument = pending else { return }
        if !instrumentOpen {
            writeHeader(instrument)
            instrumentOpen = true
        }
        writeProvision(provision, instrumentID: instrument.id)
        provisionsWritten += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func end() throws(OfficialImportError) {
        if instrumentOpen {
            append("  </instrument>\n")
        } else if let pending {
            skippedInstruments.append(pending.id)
        }
        pending = nil
        instrumentOpen = false
    }

    /// Completes the document and moves it to `path`.
    public func finish() throws(OfficialImportError) {
        if instrumentOpen { try end() }
        append("</rules>\n")
        try flush()
        guard let handle else { throw .output(path: path, message: "the writer was already closed") }
        self.handle = nil
        let closed = fclose(handle)
        guard closed == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw .output(path: path, message: message)
        }
        guard rename(temporaryPath, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw .output(path: path, message: message)
        }
    }

    /// Drops the partial file (after an error).
    public func abandon() {
        if let handle { fclose(handle) }
        handle = nil
        unlink(temporaryPath)
    }

    private func flush() throws(OfficialImportError) {
        guard let handle else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == buffer.count else {
            let message = String(cString: strerror(errno))
            abandon()
            throw .output(path: path, message: message)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: - Elements

    private func writeHeader(_ instrument: ImportedInstrument) {
        currentFile = instrument.file
        append("  <instrument")
        attribute("id", CanonicalIDs.idSegment(instrument.id))
        attribute("jurisdiction", instrument.jurisdiction)
        attribute("kind", instrument.kind.rawValue)
        append(">\n    <title>")
        escaped(instrument.title, attribute: false)
        append("</title>\n")
        for official in instrument.officialIDs {
            appendText("    <official-id scheme=\"\(official.scheme)\">")
            escaped(official.value, attribute: false)
            append("</official-id>\n")
        }
        if let label = instrument.versionLabel {
            append("    <version label=\"")
            escaped(label, attribute: true)
            append("\"")
            if let date = instrument.versionDate { appendText(" date=\"\(date.iso)\"") }
            append("/>\n")
        }
        if let url = instrument.sourceURL {
            append("    <source url=\"")
            Self.appendURI(url, into: &buffer)
            append("\"")
            if let attribution = instrument.attribution { attribute("attribution", attribution) }
            append("/>\n")
        }
        for note in instrument.notes { writeNote(note, indent: "    ") }
        writeNote(Note(kind: .editorial, text: "Source file: \(instrument.file). Each provision's note gives its lines and an element path in it."), indent: "    ")
    }

    private func writeProvision(_ provision: ImportedProvision, instrumentID: String) {
        append("    <provision")
        attribute("id", mintID(provision, instrumentID: instrumentID))
        attribute("citation", provision.citation)
        attribute("evidence", provision.evidence.rawValue)
        if let source = provision.sourceID { attribute("source-id", source) }
        attribute("eid", provision.canonicalID)
        attribute("wording-kind", provision.wordingKind.rawValue)
        append(">\n")
        if let heading = provision.heading, !heading.isEmpty {
            append("      <heading>")
            escaped(heading, attribute: false)
            append("</heading>\n")
        }
        append("      <wording>")
        escaped(provision.wording, attribute: false)
        append("</wording>\n")
        if let url = provision.sourceURL {
            append("      <source url=\"")
            Self.appendURI(url, into: &buffer)
            append("\"/>\n")
        }
        // The span note, written piece by piece: one per provision, half a million in a large title.
        append("      <note kind=\"editorial\">Source: line")
        if provision.span.firstLine == provision.span.lastLine {
            append(" ")
            appendNumber(provision.span.firstLine)
        } else {
            append("s ")
            appendNumber(provision.span.firstLine)
            append("-")
            appendNumber(provision.span.lastLine)
        }
        if let pointer = provision.span.pointer {
            append(", ")
            escaped(pointer, attribute: false)
        }
        if provision.span.file != currentFile {
            append(" of ")
            escaped(provision.span.file, attribute: false)
        }
        if let parent = provision.parentID {
            append("; within ")
            escaped(parent, attribute: false)
        }
        append("</note>\n")
        if !provision.dates.isEmpty {
            writeNote(Note(kind: .editorial, text: "Dates in the text: " + provision.dates.map(\.description).joined(separator: "; ")), indent: "      ")
        }
        for note in provision.notes { writeNote(note, indent: "      ") }
        append("    </provision>\n")
    }

    private func writeNote(_ note: Note, indent: StaticString) {
        append(indent)
        append("<note kind=\"")
        appendText(note.kind.rawValue)
        append("\">")
        escaped(note.text, attribute: false)
        append("</note>\n")
    }

    /// `instrument.segment.segment`, unique within the instrument. The first segment names the
    /// top-level unit (article, section, annex); a unit seen twice (a GPO file that repeats a
    /// section) gets `-2`, and so do its provisions.
    private func mintID(_ provision: ImportedProvision, instrumentID: String) -> String {
        guard let first = provision.idPath.first else { return CanonicalIDs.idSegment(instrumentID) + ".x" }
        let unit = CanonicalIDs.idSegment(first)
        if provision.parentID == nil || currentUnit == nil {
            let seen = units[unit, default: 0]
            units[unit] = seen + 1
            currentUnitPrefix = seen == 0 ? unit : "\(unit)-\(seen + 1)"
            unitPrefix[unit] = currentUnitPrefix
            idsInUnit.removeAll(keepingCapacity: true)
            currentUnit = unit
        }
        if instrumentSegment.source != instrumentID { instrumentSegment = (instrumentID, CanonicalIDs.idSegment(instrumentID)) }
        let prefix = unit == currentUnit ? currentUnitPrefix : unitPrefix[unit] ?? unit
        var id = ""
        id.reserveCapacity(instrumentSegment.segment.utf8.count + prefix.utf8.count + 4 * provision.idPath.count + 8)
        id += instrumentSegment.segment
        id += "."
        id += prefix
        for segment in provision.idPath.dropFirst() {
            id += "."
            id += CanonicalIDs.idSegment(segment)
        }
        if !idsInUnit.insert(id).inserted {
            var suffix = 2
            while idsInUnit.contains("\(id)-\(suffix)") { suffix += 1 }
            id += "-\(suffix)"
            idsInUnit.insert(id)
        }
        return id
    }

    // MARK: - Bytes

    /// ` name="value"`, the value escaped for an attribute.
    private func attribute(_ name: StaticString, _ value: String) {
        append(" ")
        append(name)
        append("=\"")
        escaped(value, attribute: true)
        append("\"")
    }

    private func appendText(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private func append(_ text: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private func appendNumber(_ number: Int) {
        guard number > 0 else {
            appendText(String(number))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { digits in
            var rest = number
            var start = digits.count
            while rest > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            buffer.append(contentsOf: digits[start...])
        }
    }

    /// Appends `text` with XML escaping, dropping characters XML 1.0 does not allow.
    private func escaped(_ text: String, attribute: Bool) {
        Self.escape(text, attribute: attribute, into: &buffer)
    }

    /// The escaping loop, on the bytes, copying runs without special characters in one go and
    /// testing eight bytes at a time for them (the importers write every wording of a 200 MB
    /// file through here).
    static func escape(_ text: String, attribute: Bool, into buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var runStart = 0
            var index = 0
            let count = bytes.count
            while index < count {
                if index + 8 <= count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    if !mayNeedEscaping(word) {
                        index += 8
                        continue
                    }
                }
                let byte = base[index]
                // Printable ASCII other than & < > " and all non-ASCII bytes are copied as they are.
                if byte >= 0x3F || (byte >= 0x20 && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22) {
                    index += 1
                    continue
                }
                if index > runStart { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                switch byte {
                case 0x26: buffer.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])               // &amp;
                case 0x3C: buffer.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])                     // &lt;
                case 0x3E: buffer.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])                     // &gt;
                case 0x22: if attribute { buffer.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) } else { buffer.append(byte) }
                case 0x09, 0x0A, 0x0D: buffer.append(attribute ? 0x20 : byte)
                default: break  // other control characters are not allowed in XML 1.0
                }
                index += 1
                runStart = index
            }
            if count > runStart { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
        }
    }

    /// Whether any of the eight bytes is a control character or one of `" & < >` (exact: no
    /// byte is missed; a word with none of them is copied without looking at its bytes).
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x26))
            || hasZero(word ^ (ones &* 0x3C)) || hasZero(word ^ (ones &* 0x3E))
    }

    /// Appends `url` as an `anyURI` attribute value: spaces and other characters an `anyURI`
    /// should not hold percent-encoded (non-ASCII by its UTF-8 bytes), control characters dropped,
    /// `&` escaped; one pass over the bytes, no string built.
    static func appendURI(_ url: String, into buffer: inout [UInt8]) {
        var url = url
        url.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case 0x22, 0x3C, 0x3E, 0x60, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E, 0x20, 0x26, ..<0x20, 0x7F...: break
                default: continue  // copied with its run
                }
                if index > runStart { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                runStart = index + 1
                switch byte {
                case 0x26: buffer.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case ..<0x20, 0x7F: continue
                default:
                    let hex: StaticString = "0123456789ABCDEF"
                    buffer.append(contentsOf: [UInt8(ascii: "%"), hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0x0F)]])
                }
            }
            if bytes.count > runStart { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
    }

    /// Text safe inside an XML comment (no `--`).
    static func commentSafe(_ text: String) -> String {
        var output = text
        while output.contains("--") { output = output.replacingOccurrences(of: "--", with: "- -") }
        return output
    }
}
