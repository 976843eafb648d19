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
        Self.copy(UnsafeRawPointer(source), to: UnsafeMutableRawPointer(base + count), count: bytes.count)
        count += bytes.count
    }

    /// Copies `count` bytes (more than 0). Most pieces of a provision are short (a tag, an
    /// attribute's name, an id): up to 32 bytes are copied with a few possibly overlapping 8-byte
    /// loads and stores in line, where a call to `memmove` cost more than the copy (5% of an
    /// import's time went to it). Every load comes before any store, so overlap cannot matter.
    @inline(__always)
    private static func copy(_ source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
        if count >= 8 {
            if count <= 16 {
                let head = source.loadUnaligned(as: UInt64.self)
                let tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                target.storeBytes(of: head, as: UInt64.self)
                target.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
            } else if count <= 32 {
                let first = source.loadUnaligned(as: UInt64.self)
                let second = source.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                let third = source.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self)
                let fourth = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                target.storeBytes(of: first, as: UInt64.self)
                target.storeBytes(of: second, toByteOffset: 8, as: UInt64.self)
                target.storeBytes(of: third, toByteOffset: count - 16, as: UInt64.self)
                target.storeBytes(of: fourth, toByteOffset: count - 8, as: UInt64.self)
            } else {
                target.copyMemory(from: source, byteCount: count)
            }
        } else if count >= 4 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            // 1 to 3 bytes: the first, the middle (the first or the last again) and the last.
            let first = source.load(as: UInt8.self)
            let middle = source.load(fromByteOffset: count >> 1, as: UInt8.self)
            let last = source.load(fromByteOffset: count - 1, as: UInt8.self)
            target.storeBytes(of: first, as: UInt8.self)
            target.storeBytes(of: middle, toByteOffset: count >> 1, as: UInt8.self)
            target.storeBytes(of: last, toByteOffset: count - 1, as: UInt8.self)
        }
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

    /// A URL as an attribute value. Its leading `ByteRuns.uriRuns` runs (all of a `String`) are a
    /// URI already (`SourceURL`) and are only escaped for XML; the runs after them are a
    /// paragraph's address after the `#`, percent-encoded by `SourceURL`'s rule as they are copied.
    mutating func append(url: some WritableText) {
        guard let runs = url as? ByteRuns else { return append(escaped: url, attribute: true) }
        // Runs checked once for the whole section (`.none`) are copied: a URL is written per provision.
        let verbatim = runs.escaping == .none
        var index = 0
        runs.withRuns { run in
            defer { index += 1 }
            guard index >= runs.uriRuns else { return verbatim ? append(run) : append(escaped: run, attribute: true) }
            var inFragment = true
            SourceURL.encode(run, inFragment: &inFragment) { piece in
                switch piece {
                case .asIs(let bytes): if verbatim { append(bytes) } else { append(escaped: bytes, attribute: true) }
                case .encoded(let byte):
                    append(UInt8(ascii: "%"))
                    append(SourceURL.hexDigits[Int(byte >> 4)])
                    append(SourceURL.hexDigits[Int(byte & 0x0F)])
                }
            }
        }
    }
}
