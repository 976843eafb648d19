import ClauseGraph
import EccaFormats

/// Writes a `RequestAnalysis` as compact JSON with sorted keys, byte for byte what `JSONEncoder`
/// with `.sortedKeys` and `.withoutEscapingSlashes` writes (a test holds them together), several
/// times faster: batch lines are written with it. Provision references, whose long wordings recur
/// in every finding that cites them, are encoded once per writer.
public final class AnalysisJSONWriter {
    /// Kept between lines for its buffer's capacity and its cache of provision references. One
    /// mutating call on it is one access to the writer's state, not one per byte appended.
    private var encoder = Encoder()

    public init() {}

    public func line(_ analysis: RequestAnalysis) -> String {
        encoder.line(analysis, provenance: nil)
    }

    /// A batch line: the analysis with what it was made under and from (`recordSHA256`,
    /// `regulationsSHA256`), in their places in key order.
    public func line(_ analysis: RequestAnalysis, provenance: LineProvenance) -> String {
        encoder.line(analysis, provenance: provenance)
    }
}

/// The JSON encoding itself.
private struct Encoder {
    var output: [UInt8] = []
    /// Encoded provision references by id, norm and status: a reference is built from the clause
    /// graph alone, so these determine it.
    var provisionCache: [String: [UInt8]] = [:]

    /// One analysis as a line of JSON.
    mutating func line(_ analysis: RequestAnalysis, provenance: LineProvenance?) -> String {
        output.removeAll(keepingCapacity: true)
        write(analysis, provenance: provenance)
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Values

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Copy the runs that need no escaping in one go; most strings are one run.
            var run = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                escape(byte)
                run = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        default:
            raw("\\u00")
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                output.append(digits[Int(byte >> 4)])
                output.append(digits[Int(byte & 0x0F)])
            }
        }
    }

    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    mutating func int(_ value: Int) {
        var text = String(value)
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    mutating func strings(_ values: [String]) {
        output.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            string(value)
        }
        output.append(UInt8(ascii: "]"))
    }

    mutating func array<T>(_ values: [T], _ body: (inout Encoder, T) -> Void) {
        output.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            body(&self, value)
        }
        output.append(UInt8(ascii: "]"))
    }

    /// Objects in progress: whether the next member is the first.
    var firstMember: [Bool] = []

    mutating func begin() {
        output.append(UInt8(ascii: "{"))
        firstMember.append(true)
    }

    /// A member's key; members are written in sorted key order by the callers, as JSONEncoder's
    /// `.sortedKeys` orders them.
    mutating func key(_ name: StaticString) {
        if firstMember[firstMember.count - 1] {
            firstMember[firstMember.count - 1] = false
        } else {
            output.append(UInt8(ascii: ","))
        }
        output.append(UInt8(ascii: "\""))
        raw(name)
        raw("\":")
    }

    mutating func end() {
        output.append(UInt8(ascii: "}"))
        firstMember.removeLast()
    }

    mutating func dictionary<T>(_ values: [String: T], _ body: (inout Encoder, T) -> Void) {
        output.append(UInt8(ascii: "{"))
        for (index, key) in values.keys.sorted().enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            string(key)
            output.append(UInt8(ascii: ":"))
            body(&self, values[key]!)
        }
        output.append(UInt8(ascii: "}"))
    }

    // MARK: Analysis types

    mutating func write(_ analysis: RequestAnalysis, provenance: LineProvenance?) {
        begin()
        key("asOf"); string(analysis.asOf.iso)
        key("assumptions"); strings(analysis.assumptions)
        if let ahead = analysis.beforeDeadline { key("beforeDeadline"); array(ahead) { $0.write($1) } }
        key("caveats"); array(analysis.caveats) { $0.write($1) }
        key("findings"); array(analysis.findings) { $0.write($1) }
        key("id"); string(analysis.id)
        key("items"); array(analysis.items) { $0.write($1) }
        key("notes"); strings(analysis.notes)
        key("postures"); dictionary(analysis.postures) { $0.string($1.rawValue) }
        if let record = provenance?.recordSHA256 {
            key("recordSHA256")
            output.append(UInt8(ascii: "\""))
            record.appendHex(to: &output)
            output.append(UInt8(ascii: "\""))
        }
        if let regulations = provenance?.regulationsSHA256 { key("regulationsSHA256"); string(regulations) }
        if let requested = analysis.requestDate { key("requestDate"); string(requested.iso) }
        if analysis.undated { key("undated"); bool(true) }
        key("verdict"); string(analysis.verdict.rawValue)
        end()
    }

    mutating func write(_ dated: DatedVerdicts) {
        begin()
        key("date"); string(dated.date.iso)
        key("postures"); dictionary(dated.postures) { $0.string($1.rawValue) }
        key("verdict"); string(dated.verdict.rawValue)
        end()
    }

    mutating func write(_ item: ItemAnalysis) {
        begin()
        key("artifact"); string(item.artifact)
        key("channel"); string(item.channel)
        if let id = item.id { key("id"); string(id) }
        key("index"); int(item.index)
        key("postures"); dictionary(item.postures) { $0.write($1) }
        key("verdict"); string(item.verdict.rawValue)
        end()
    }

    mutating func write(_ posture: ItemPostureAnalysis) {
        begin()
        if let alternatives = posture.alternativeGrounds {
            key("alternativeGrounds"); dictionary(alternatives) { encoder, grounds in encoder.array(grounds) { $0.write($1) } }
        }
        key("channels"); array(posture.channels) { $0.write($1) }
        key("compliantAlternatives"); strings(posture.compliantAlternatives)
        key("cures"); strings(posture.cures)
        if !posture.decidingConditions.isEmpty {
            key("decidingConditionCaveats"); array(posture.decidingConditionCaveats) { $0.strings($1) }
        }
        key("decidingConditions"); strings(posture.decidingConditions)
        if !posture.exactThresholds.isEmpty { key("exactThresholds"); strings(posture.exactThresholds) }
        key("findings"); strings(posture.findings)
        if let grounds = posture.grounds { key("grounds"); array(grounds) { $0.write($1) } }
        key("verdict"); string(posture.verdict.rawValue)
        end()
    }

    mutating func write(_ ground: Ground) {
        begin()
        key("caveats"); strings(ground.caveats)
        key("citation"); string(ground.citation)
        if let notVerified = ground.citationNotVerified { key("citationNotVerified"); bool(notVerified) }
        if let notEnforced = ground.inForceButNotEnforced { key("inForceButNotEnforced"); bool(notEnforced) }
        key("jurisdiction"); string(ground.jurisdiction)
        key("modality"); string(ground.modality)
        key("outcome"); string(ground.outcome.rawValue)
        key("provision"); string(ground.provision)
        key("reasons"); strings(ground.reasons)
        if let recipient = ground.recipient { key("recipient"); int(recipient) }
        if let evidence = ground.statusEvidence { key("statusEvidence"); string(evidence.rawValue) }
        end()
    }

    mutating func write(_ channel: ChannelOutcome) {
        begin()
        key("channel"); string(channel.channel)
        if let forbidding = channel.forbiddenBy { key("forbiddenBy"); strings(forbidding) }
        key("outcome"); string(channel.outcome.rawValue)
        if let reason = channel.reason { key("reason"); string(reason) }
        end()
    }

    mutating func write(_ finding: Finding) {
        begin()
        key("assumptions"); strings(finding.assumptions)
        key("caveats"); strings(finding.caveats)
        key("channel"); string(finding.channel)
        key("exceptions"); array(finding.exceptions) { $0.write($1) }
        key("id"); string(finding.id)
        key("item"); int(finding.item)
        if !finding.otherReadings.isEmpty { key("otherReadings"); array(finding.otherReadings) { $0.write($1) } }
        key("posture"); string(finding.posture.rawValue)
        key("provisions"); array(finding.provisions) { $0.write($1) }
        if let recipient = finding.recipient { key("recipient"); int(recipient) }
        key("rules"); array(finding.rules) { $0.write($1) }
        key("signature"); string(finding.signature)
        key("triggeringFacts"); strings(finding.triggeringFacts)
        end()
    }

    mutating func write(_ sanction: SanctionReference) {
        begin()
        key("citation"); string(sanction.citation)
        key("evidence"); string(sanction.evidence.rawValue)
        key("id"); string(sanction.id)
        if let leadIn = sanction.leadIn { key("leadIn"); string(leadIn) }
        key("status"); string(sanction.status)
        key("wording"); string(sanction.wording)
        key("wordingKind"); string(sanction.wordingKind)
        end()
    }

    mutating func write(_ provision: ProvisionReference) {
        let cacheKey = "\(provision.id)|\(provision.norm ?? "")|\(provision.modality)|\(provision.status)|"
            + (provision.sanctions ?? []).map(\.status).joined(separator: "|")
        if let cached = provisionCache[cacheKey] {
            output.append(contentsOf: cached)
            return
        }
        let start = output.count
        begin()
        key("citation"); string(provision.citation)
        key("evidence"); string(provision.evidence.rawValue)
        if let heading = provision.heading { key("heading"); string(heading) }
        key("id"); string(provision.id)
        key("instrument"); string(provision.instrument)
        key("jurisdiction"); string(provision.jurisdiction)
        key("modality"); string(provision.modality)
        if let norm = provision.norm { key("norm"); string(norm) }
        if let id = provision.officialID { key("officialID"); string(id) }
        if let sanctions = provision.sanctions { key("sanctions"); array(sanctions) { $0.write($1) } }
        if let id = provision.sourceID { key("sourceID"); string(id) }
        if let url = provision.sourceURL { key("sourceURL"); string(url) }
        key("status"); string(provision.status)
        key("wording"); string(provision.wording)
        key("wordingKind"); string(provision.wordingKind)
        end()
        if provisionCache.count < 4096 { provisionCache[cacheKey] = Array(output[start...]) }
    }

    mutating func write(_ caveat: Caveat) {
        begin()
        key("citation"); string(caveat.citation)
        key("id"); string(caveat.id)
        key("kind"); string(caveat.kind.rawValue)
        key("source"); string(caveat.source)
        if let text = caveat.text { key("text"); string(text) }
        end()
    }

    mutating func write(_ rule: RuleApplication) {
        begin()
        key("citation"); string(rule.citation)
        if let notVerified = rule.citationNotVerified { key("citationNotVerified"); bool(notVerified) }
        key("label"); string(rule.label)
        key("provision"); string(rule.provision)
        key("rule"); string(rule.rule)
        end()
    }

    mutating func write(_ reading: OtherReading) {
        begin()
        key("citation"); string(reading.citation)
        if let notVerified = reading.citationNotVerified { key("citationNotVerified"); bool(notVerified) }
        if let engages = reading.engages { key("engages"); bool(engages) }
        key("id"); string(reading.id)
        key("label"); string(reading.label)
        key("modality"); string(reading.modality)
        key("norm"); string(reading.norm)
        key("normCitation"); string(reading.normCitation)
        if let notVerified = reading.normCitationNotVerified { key("normCitationNotVerified"); bool(notVerified) }
        key("normProvision"); string(reading.normProvision)
        key("provision"); string(reading.provision)
        if let until = reading.until { key("until"); string(until.iso) }
        end()
    }

    mutating func write(_ exception: ExceptionOutcome) {
        begin()
        if let citation = exception.citation { key("citation"); string(citation) }
        if let notVerified = exception.citationNotVerified { key("citationNotVerified"); bool(notVerified) }
        key("holds"); string(exception.holds.rawValue)
        key("id"); string(exception.id)
        key("label"); string(exception.label)
        key("norm"); string(exception.norm)
        if let provision = exception.provision { key("provision"); string(provision) }
        key("reasons"); strings(exception.reasons)
        key("wouldHoldIfEstablished"); strings(exception.wouldHoldIfEstablished)
        end()
    }
}
