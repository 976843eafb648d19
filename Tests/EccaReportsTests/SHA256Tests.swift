import EccaFormats
import EccaReports
import Foundation
import Testing

/// FIPS 180-4 test vectors (NIST CSRC examples) and agreement with `sha256sum`.
@Suite struct SHA256Tests {
    @Test func emptyMessage() {
        #expect(SHA256.hexDigest([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abc() {
        #expect(SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func the448BitMessage() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(message.count * 8 == 448)
        #expect(SHA256.hexDigest(message) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func oneMillionA() {
        var hasher = SHA256()
        // Fed in uneven pieces, so block boundaries fall inside updates.
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        var fed = 0
        while fed + chunk.count <= 1_000_000 {
            hasher.update(chunk)
            fed += chunk.count
        }
        hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000 - fed))
        #expect(SHA256.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// A hash is a value: a copy goes on from where the original was, and each from then on
    /// hashes only what it is fed.
    @Test func aCopyGoesOnByItself() {
        var original = SHA256()
        original.update(Array("ab".utf8))
        var copy = original
        original.update(Array("c".utf8))
        copy.update(Array("cdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8).dropFirst(0))
        #expect(SHA256.hex(original.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(copy.finalize()) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func paddingBoundaries() {
        // 55, 56, 63, 64 and 65 bytes straddle the length field and the block edge.
        let expected = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
        ]
        for (length, digest) in expected {
            #expect(SHA256.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: length)) == digest, "\(length) bytes")
        }
    }

    static let sha256sum = ["/usr/bin/sha256sum", "/bin/sha256sum"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: sha256sum != nil, "sha256sum (coreutils) is not installed"))
    func agreesWithSha256sumOnARegulationsFile() throws {
        let file = Fixtures.regulations + "/eu-ai-act.xml"
        let output = try Shell.run(Self.sha256sum!, [file])
        let expected = String(output.prefix(64))
        #expect(try FileDigest.of(file: file).sha256 == expected)
    }

    @Test(.enabled(if: sha256sum != nil && FileManager.default.isExecutableFile(atPath: "/bin/sh"), "sha256sum or sh missing"))
    func combinedDigestIsTheDocumentedShellPipeline() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.regulations)
            .filter { $0.hasSuffix(".xml") }.map { Fixtures.regulations + "/" + $0 }
        let digests = try files.map { try FileDigest.of(file: $0) }
        let receipt = ReproducibilityReceipt(eccaVersion: "test", source: .analysed, regulationFiles: digests, inputs: [],
                                             asOf: [], postures: [], z3Version: "", libxml2Version: "", command: "")
        // Exactly the line docs/reports.md and the receipt give.
        let pipeline = "sha256sum " + ShellCommand.line(receipt.regulationFiles.map(\.path)) + " | cut -c1-64 | LC_ALL=C sort | sha256sum"
        let output = try Shell.run("/bin/sh", ["-c", pipeline])
        #expect(receipt.regulationsSHA256 == String(output.prefix(64)))
        #expect(receipt.regulationFiles.map(\.path) == files.sorted())
    }

    /// Fed from buffers split anywhere (as a file is hashed chunk by chunk while it is read),
    /// the digest is that of the whole.
    @Test func buffersSplitAnywhereGiveTheWholeDigest() {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = SHA256.digest(message)
        for sizes in [[1], [63, 1], [64], [65], [3, 200, 7], [1000]] {
            var hasher = SHA256()
            var start = 0
            var turn = 0
            while start < message.count {
                let end = min(message.count, start + sizes[turn % sizes.count])
                message[start..<end].withUnsafeBytes { hasher.update($0) }
                start = end
                turn += 1
            }
            #expect(hasher.finalize() == whole, "chunks of \(sizes)")
        }
    }

    /// The digest as a value (what a batch line records per record) is the same digest, and
    /// reads back from its hexadecimal form.
    @Test func aDigestValueIsTheHexDigestAndReadsBack() {
        for length in [0, 3, 55, 64, 65, 1000] {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
            let digest = SHA256.digest(of: message)
            #expect(digest.description == SHA256.hexDigest(message))
            #expect(SHA256.Digest(hex: digest.description) == digest)
            #expect(SHA256.Digest(hex: digest.description.uppercased()) == digest)
        }
        #expect(SHA256.digest(of: "abc").description == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // A sequence without contiguous storage is hashed the same.
        #expect(SHA256.hexDigest(Array("abc".utf8).lazy.map { $0 }) == SHA256.hexDigest(Array("abc".utf8)))
        for text in ["", "abc", String(repeating: "0", count: 63), String(repeating: "0", count: 65), String(repeating: "g", count: 64)] {
            #expect(SHA256.Digest(hex: text) == nil, "\(text)")
        }
        #expect(SHA256.digest(of: "a") != SHA256.digest(of: "b"))
    }
}

/// Runs a program and returns its standard output.
enum Shell {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "\(executable) exited with \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }
}
