@testable import EccaFormats
import Testing

/// The SHA instructions (`CSHA256`) and the software rounds give the same digests: the standard
/// vectors (SHA256Tests) check whichever this CPU uses, and this holds the two together.
@Suite struct SHA256InstructionsTests {
    func digest(_ message: [UInt8], hardware: Bool, pieces: Int = 1) -> [UInt8] {
        var hasher = SHA256(hardware: hardware)
        let size = max(1, message.count / pieces)
        var start = 0
        while start < message.count {
            let end = min(message.count, start + size)
            message[start..<end].withUnsafeBytes { hasher.update($0) }
            start = end
        }
        return hasher.finalize()
    }

    @Test(.enabled(if: SHA256.hardware, "this CPU has no SHA instructions"))
    func theInstructionsAndTheSoftwareRoundsAgree() {
        var seed: UInt64 = 0x9E3779B97F4A7C15
        for length in Array(0...130) + [255, 256, 1000, 4096, 65_537] {
            let message = (0..<length).map { _ -> UInt8 in
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                return UInt8(truncatingIfNeeded: seed >> 56)
            }
            let software = digest(message, hardware: false)
            #expect(digest(message, hardware: true) == software, "\(length) bytes")
            #expect(digest(message, hardware: true, pieces: 7) == software, "\(length) bytes in pieces")
        }
        #expect(SHA256.hex(digest(Array("abc".utf8), hardware: false)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(digest(Array("abc".utf8), hardware: true)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
