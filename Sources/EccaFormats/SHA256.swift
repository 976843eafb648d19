import CLibCrypto

/// SHA-256 (FIPS 180-4), for the content hashes in reproducibility receipts and batch lines:
/// OpenSSL's libcrypto (its EVP digest interface), which uses the CPU's SHA instructions where
/// there are some. A batch hashes every record it reads.
///
/// A value: a copy goes on from where the original was (its context is copied on the first
/// write after the copy).
public struct SHA256: Sendable {
    private var context: Context

    public init() {
        context = Context()
    }

    /// Feeds more message bytes; call as often as needed before `finalize()`.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        guard contiguous == nil else { return }
        update(Array(bytes))
    }

    /// Feeds bytes in memory: a results file of hundreds of megabytes is hashed as it is read
    /// (`ecca report`).
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        context.check(EVP_DigestUpdate(context.pointer, base, buffer.count), "EVP_DigestUpdate")
    }

    /// The 32-byte digest of the message fed so far. The hash is then spent: a new one starts
    /// from `SHA256()`.
    public mutating func finalize() -> [UInt8] {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        context.check(EVP_DigestFinal_ex(context.pointer, &digest, &length), "EVP_DigestFinal_ex")
        precondition(length == 32, "SHA-256 gave a digest of \(length) bytes")
        return digest
    }

    /// The digest as a value (`Digest`), which holds no array.
    public mutating func finalizeDigest() -> Digest {
        Digest(bytes: finalize())
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

    /// libcrypto's digest context, freed with the last value that holds it.
    private final class Context: @unchecked Sendable {
        // Unchecked: the context is only written through a value that holds it alone
        // (`isKnownUniquelyReferenced` before every write), so no two threads write one.
        let pointer: OpaquePointer

        init() {
            guard let pointer = EVP_MD_CTX_new() else { fatalError("libcrypto could not allocate a digest context") }
            self.pointer = pointer
            check(EVP_DigestInit_ex(pointer, Self.algorithm, nil), "EVP_DigestInit_ex")
        }

        private init(copying other: Context) {
            guard let pointer = EVP_MD_CTX_new() else { fatalError("libcrypto could not allocate a digest context") }
            self.pointer = pointer
            check(EVP_MD_CTX_copy_ex(pointer, other.pointer), "EVP_MD_CTX_copy_ex")
        }

        func copy() -> Context { Context(copying: self) }

        /// SHA-256, fetched from libcrypto's provider once: OpenSSL 3 otherwise looks it up
        /// (names, locks) on every hash begun, and a batch begins one per record. Never freed;
        /// libcrypto only reads it.
        nonisolated(unsafe) static let algorithm: OpaquePointer = {
            guard let algorithm = EVP_MD_fetch(nil, "SHA256", nil) else { fatalError("libcrypto has no SHA-256") }
            return algorithm
        }()

        /// libcrypto fails these calls only when it cannot allocate or is misused: a hash that
        /// silently went wrong would put a false digest in a receipt, so it stops the program.
        func check(_ result: Int32, _ call: StaticString) {
            precondition(result == 1, "libcrypto's \(call) failed")
        }

        deinit { EVP_MD_CTX_free(pointer) }
    }

    /// A digest as a value: 32 bytes in four words, kept and compared without an allocation (a
    /// resumed batch keeps one for each line it continues after). Written as `sha256sum` writes
    /// it: 64 lower-case hexadecimal digits.
    public struct Digest: Sendable, Hashable, CustomStringConvertible {
        private var words: (UInt64, UInt64, UInt64, UInt64)

        /// The digest's 32 bytes, in order.
        init(bytes: [UInt8]) {
            func word(_ start: Int) -> UInt64 { bytes[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) } }
            words = (word(0), word(8), word(16), word(24))
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

    /// Lower-case hexadecimal of a 32-byte digest, as `Digest` writes it.
    public static func hex(_ digest: [UInt8]) -> String {
        Digest(bytes: digest).description
    }
}
