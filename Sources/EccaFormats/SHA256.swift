import CSHA256

/// SHA-256 (FIPS 180-4), for the content hashes in reproducibility receipts.
///
/// Written here rather than taken from swift-crypto, which would add over a minute to every
/// build for one hash function; checked against the standard test vectors and `sha256sum`.
/// Whole blocks go to the CPU's SHA instructions where it has them (`CSHA256`): a batch hashes
/// every record it reads, which in software took about 5% of its time.
public struct SHA256: Sendable {
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The eight working words of the hash (H0…H7), held inline rather than in an array, so
    /// that a block costs no allocation: batch lines carry the digest of every record hashed.
    private var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
    private var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19
    /// Bytes waiting for a full 64-byte block.
    private var pending: [UInt8] = []
    private var byteCount: UInt64 = 0

    /// Whether whole blocks go to the SHA instructions (`CSHA256`); false in tests of the software rounds.
    let usesHardware: Bool
    static let hardware = ecca_sha256_hardware() != 0

    public init() {
        self.init(hardware: Self.hardware)
    }

    /// - Parameter hardware: false to use the software rounds even where the CPU has the SHA instructions.
    init(hardware: Bool) {
        usesHardware = hardware && Self.hardware
        pending.reserveCapacity(64)
    }

    /// Feeds more message bytes; call as often as needed before `finalize()`.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        guard contiguous == nil else { return }
        update(Array(bytes))
    }

    /// Feeds bytes in memory, whole blocks straight from them: a results file of hundreds of
    /// megabytes is hashed as it is read (`ecca report`), not byte by byte through `pending`.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        var index = 0
        while !pending.isEmpty && index < buffer.count {
            pending.append(buffer[index])
            index += 1
            if pending.count == 64 {
                pending.withUnsafeBytes { compress(blocks: $0) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let whole = (buffer.count - index) / 64 * 64
        if whole > 0 {
            compress(blocks: UnsafeRawBufferPointer(rebasing: buffer[index..<index + whole]))
            index += whole
        }
        pending.append(contentsOf: buffer[index...])
        byteCount &+= UInt64(buffer.count)
    }

    /// Pads the message (a 1 bit, zeros, the 64-bit length) and returns the 32-byte digest.
    public mutating func finalize() -> [UInt8] {
        let bitLength = byteCount &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { compress(blocks: $0) }
        pending.removeAll()
        return [h0, h1, h2, h3, h4, h5, h6, h7].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
    }

    /// Pads the message and returns its digest as a value (`Digest`), which holds no array.
    public mutating func finalizeDigest() -> Digest {
        _ = finalize()
        return Digest(high: UInt64(h0) << 32 | UInt64(h1), UInt64(h2) << 32 | UInt64(h3),
                      UInt64(h4) << 32 | UInt64(h5), low: UInt64(h6) << 32 | UInt64(h7))
    }

    /// The digest of `text`'s UTF-8 bytes.
    public static func digest(of text: String) -> Digest {
        var hasher = SHA256()
        hasher.update(text.utf8)
        return hasher.finalizeDigest()
    }

    /// The digest of `bytes` as a value.
    public static func digest(of bytes: [UInt8]) -> Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeDigest()
    }

    /// A digest as a value: 32 bytes in four words, kept and compared without an allocation (a
    /// resumed batch keeps one for each line it continues after). Written as `sha256sum` writes
    /// it: 64 lower-case hexadecimal digits.
    public struct Digest: Sendable, Hashable, CustomStringConvertible {
        private var words: (UInt64, UInt64, UInt64, UInt64)

        init(high: UInt64, _ second: UInt64, _ third: UInt64, low: UInt64) {
            words = (high, second, third, low)
        }

        /// Nil unless `hex` is 64 hexadecimal digits.
        public init?(hex: String) {
            let digits = Array(hex.utf8)
            guard digits.count == 64 else { return nil }
            var parsed: [UInt64] = []
            for start in stride(from: 0, to: 64, by: 16) {
                var word: UInt64 = 0
                for digit in digits[start..<start + 16] {
                    guard let value = Self.value(ofHexDigit: digit) else { return nil }
                    word = word << 4 | UInt64(value)
                }
                parsed.append(word)
            }
            words = (parsed[0], parsed[1], parsed[2], parsed[3])
        }

        private static func value(ofHexDigit digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
            default: nil
            }
        }

        public var description: String {
            var text: [UInt8] = []
            text.reserveCapacity(64)
            appendHex(to: &text)
            return String(decoding: text, as: UTF8.self)
        }

        /// Appends the 64 lower-case hexadecimal digits (a batch line writes them straight into
        /// its buffer).
        public func appendHex(to output: inout [UInt8]) {
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { digits in
                func append(_ word: UInt64) {
                    for shift in stride(from: 60, through: 0, by: -4) { output.append(digits[Int(word >> UInt64(shift) & 0xF)]) }
                }
                append(words.0)
                append(words.1)
                append(words.2)
                append(words.3)
            }
        }

        public static func == (left: Digest, right: Digest) -> Bool {
            left.words == right.words
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
            hasher.combine(words.3)
        }
    }

    /// The digest of `bytes` in one call.
    public static func digest(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of `bytes` in lower-case hexadecimal, as `sha256sum` prints it.
    public static func hexDigest(_ bytes: some Sequence<UInt8>) -> String { hex(digest(bytes)) }

    /// Lower-case hexadecimal of a digest.
    public static func hex(_ digest: [UInt8]) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    @inline(__always)
    private func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 { (value >> count) | (value << (32 - count)) }

    /// Compresses whole 64-byte blocks: with the SHA instructions where there are some, else one
    /// by one in software.
    private mutating func compress(blocks: UnsafeRawBufferPointer) {
        guard usesHardware, let base = blocks.baseAddress else {
            for start in stride(from: 0, to: blocks.count, by: 64) { compress(UnsafeRawBufferPointer(rebasing: blocks[start..<start + 64])) }
            return
        }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { state in
            (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]) = (h0, h1, h2, h3, h4, h5, h6, h7)
            ecca_sha256_blocks(state.baseAddress!, base.assumingMemoryBound(to: UInt8.self), blocks.count / 64)
            (h0, h1, h2, h3, h4, h5, h6, h7) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        }
    }

    /// One round of the compression function over a 64-byte block (FIPS 180-4, 6.2.2), with the
    /// message schedule on the stack.
    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            for word in 0..<16 {
                let offset = word * 4
                schedule[word] = UInt32(block[offset]) << 24 | UInt32(block[offset + 1]) << 16
                    | UInt32(block[offset + 2]) << 8 | UInt32(block[offset + 3])
            }
            for word in 16..<64 {
                let s0 = rotateRight(schedule[word - 15], 7) ^ rotateRight(schedule[word - 15], 18) ^ (schedule[word - 15] >> 3)
                let s1 = rotateRight(schedule[word - 2], 17) ^ rotateRight(schedule[word - 2], 19) ^ (schedule[word - 2] >> 10)
                schedule[word] = schedule[word - 16] &+ s0 &+ schedule[word - 7] &+ s1
            }
            var a = h0, b = h1, c = h2, d = h3
            var e = h4, f = h5, g = h6, h = h7
            Self.roundConstants.withUnsafeBufferPointer { constants in
                for round in 0..<64 {
                    let sum1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
                    let choose = (e & f) ^ (~e & g)
                    let temp1 = h &+ sum1 &+ choose &+ constants[round] &+ schedule[round]
                    let sum0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let temp2 = sum0 &+ majority
                    h = g
                    g = f
                    f = e
                    e = d &+ temp1
                    d = c
                    c = b
                    b = a
                    a = temp1 &+ temp2
                }
            }
            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
            h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
        }
    }
}
