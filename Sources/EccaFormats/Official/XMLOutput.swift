#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of XML being written, and the ways to add to them: raw, escaped for character data
/// or an attribute, as an `anyURI`, as a number.
///
/// The rules-XML writer adds some thirty small pieces per provision, half a million provisions in
/// a large title, so this is a plain growable block of memory written through a pointer: no
/// array bookkeeping per piece. It is noncopyable, so the memory has exactly one owner.
struct XMLOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var grown = capacity * 2
        while grown < count + extra { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    // MARK: - Raw

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `text`'s UTF-8 bytes as they are (no escaping).
    mutating func append(raw text: some WritableText) {
        text.withRuns { append($0) }
    }

    /// A decimal number.
    mutating func append(number: Int) {
        guard number > 0 else { return append(raw: String(number)) }
        reserve(20)
        var digits = 0
        var rest = number
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        rest = number
        for offset in stride(from: digits - 1, through: 0, by: -1) {
            base[count + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
    }

    // MARK: - Escaped

    /// ` name="value"`, the value escaped for an attribute.
    mutating func attribute(_ name: StaticString, _ value: some WritableText) {
        append(" ")
        append(name)
        append("=\"")
        append(escaped: value, attribute: true)
        append("\"")
    }

    /// ` name="value"`, the value as it is: an enumeration's raw value, which needs no escaping.
    mutating func attribute(_ name: StaticString, raw value: String) {
        append(" ")
        append(name)
        append("=\"")
        append(raw: value)
        append("\"")
    }

    /// `text` with XML escaping, dropping characters XML 1.0 does not allow. Text that needs none
    /// (`TextEscaping.none`), or is already escaped and goes into character data, is copied.
    mutating func append(escaped text: some WritableText, attribute: Bool) {
        switch text.escaping {
        case .none:
            text.withRuns { append($0) }
        case .escapedForCharacterData where !attribute:
            text.withRuns { append($0) }
        default:
            text.withRuns { append(escaped: $0, attribute: attribute) }
        }
    }

    /// Whether escaping would leave `bytes` as they are, in character data and in an attribute.
    static func needsNoEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let source = bytes.baseAddress else { return true }
        var index = 0
        while index + 8 <= bytes.count {
            if mayNeedEscaping(ByteWord.load(source + index)) { break }
            index += 8
        }
        while index < bytes.count {
            let byte = source[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x26 || byte == 0x3C || byte == 0x3E { return false }
            index += 1
        }
        return true
    }

    /// The escaping loop, on the bytes, copying runs without special characters in one go and
    /// testing eight bytes at a time for them (the importers write every wording of a 200 MB
    /// file through here).
    mutating func append(escaped bytes: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        guard let source = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        let total = bytes.count
        while index < total {
            if index + 8 <= total {
                let word = ByteWord.load(source + index)
                if !Self.mayNeedEscaping(word) {
                    index += 8
                    continue
                }
            }
            let byte = source[index]
            // Printable ASCII other than & < > " and all non-ASCII bytes are copied as they are.
            if byte >= 0x3F || (byte >= 0x20 && byte != 0x26 && byte != 0x3C && byte != 0x3E && byte != 0x22) {
                index += 1
                continue
            }
            if index > runStart { append(UnsafeBufferPointer(start: source + runStart, count: index - runStart)) }
            switch byte {
            case 0x26: append("&amp;")
            case 0x3C: append("&lt;")
            case 0x3E: append("&gt;")
            case 0x22: if attribute { append("&quot;") } else { append(byte) }
            case 0x09, 0x0A, 0x0D: append(attribute ? 0x20 : byte)
            default: break  // other control characters are not allowed in XML 1.0
            }
            index += 1
            runStart = index
        }
        if total > runStart { append(UnsafeBufferPointer(start: source + runStart, count: total - runStart)) }
    }

    /// Whether any of the eight bytes is a control character or one of `" & < >` (exact: no
    /// byte is missed; a word with none of them is copied without looking at its bytes).
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        // `"` and `&` are the bytes b with b | 0x04 == 0x26, `<` and `>` those with b | 0x02 ==
        // 0x3E: two tests for the four, or-ed together without branches.
        let quoteOrAmpersand = (word | ByteWord.ones &* 0x04) ^ (ByteWord.ones &* 0x26)
        let angleBracket = (word | ByteWord.ones &* 0x02) ^ (ByteWord.ones &* 0x3E)
        return (ByteWord.controlBytes(word) | ByteWord.zeroBytes(quoteOrAmpersand) | ByteWord.zeroBytes(angleBracket)) != 0
    }

    /// Whether a URL's byte is not copied as it is: control characters, space, the double quote,
    /// `&`, `<`, `>`, backslash, `^`, backquote, braces, `|`, DEL and every non-ASCII byte. Two bit
    /// masks, one test per byte (a large title has half a million URLs).
    @inline(__always)
    static func isURISpecial(_ byte: UInt8) -> Bool {
        let below40: UInt64 = 0xFFFF_FFFF | 1 << 0x20 | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E
        let from40: UInt64 = 1 << (0x5C - 0x40) | 1 << (0x5E - 0x40) | 1 << (0x60 - 0x40) | 1 << (0x7B - 0x40)
            | 1 << (0x7C - 0x40) | 1 << (0x7D - 0x40) | 1 << (0x7F - 0x40)
        if byte >= 0x80 { return true }
        return ((byte < 0x40 ? below40 : from40) &>> UInt64(byte & 0x3F)) & 1 != 0
    }

    /// `url` as an `anyURI` attribute value: spaces and other characters an `anyURI` should not
    /// hold percent-encoded (non-ASCII by its UTF-8 bytes), control characters dropped, `&`
    /// escaped; one pass over the bytes, no string built.
    mutating func append(uri url: some WritableText) {
        if let runs = url as? ByteRuns {
            // A CFR paragraph's URL: its section's part, checked once per section, is copied.
            func write(_ run: UnsafeBufferPointer<UInt8>, _ index: Int) {
                if index < runs.plainURIRuns { append(run) } else { append(uri: run) }
            }
            write(runs.runs.0, 0)
            write(runs.runs.1, 1)
            write(runs.runs.2, 2)
            write(runs.runs.3, 3)
            return
        }
        url.withRuns { append(uri: $0) }
    }

    /// Whether `append(uri:)` would copy `bytes` as they are.
    static func needsNoURIEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains(where: isURISpecial)
    }

    private mutating func append(uri bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = source[index]
            guard Self.isURISpecial(byte) else { continue }  // copied with its run
            if index > runStart { append(UnsafeBufferPointer(start: source + runStart, count: index - runStart)) }
            runStart = index + 1
            switch byte {
            case 0x26: append("&amp;")
            case ..<0x20, 0x7F: continue
            default:
                let hex: StaticString = "0123456789ABCDEF"
                append(UInt8(ascii: "%"))
                append(hex.utf8Start[Int(byte >> 4)])
                append(hex.utf8Start[Int(byte & 0x0F)])
            }
        }
        if bytes.count > runStart { append(UnsafeBufferPointer(start: source + runStart, count: bytes.count - runStart)) }
    }
}
