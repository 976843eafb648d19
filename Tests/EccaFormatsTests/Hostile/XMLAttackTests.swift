import Foundation
import Testing
import EccaTestSupport

/// The places an attack may point at: a secret file, a DTD that would define an entity from it,
/// and a loopback listener standing in for a remote server.
struct AttackTargets: Sendable {
    var secretPath: String
    var secretDTDPath: String
    var secret: String
    var listenerURL: String
}

/// One hostile document shape, applied to every reader in `XMLReaderUnderTest.all`.
struct XMLAttack: Sendable, CustomTestStringConvertible {
    enum Text: Sendable {
        case string(String)
        case bytes([UInt8])
        /// `count` copies of one ASCII byte, written in chunks (a 100 MB text node).
        case repeated(UInt8, count: Int)
    }

    enum Expectation: Sendable {
        /// A clear refusal whose message contains one of these fragments.
        case refused(anyOf: [String])
        /// Read, and the text is exactly this.
        case read(String)
    }

    var name: String
    /// Bytes before everything (a byte-order mark).
    var preamble: [UInt8] = []
    var prolog: @Sendable (AttackTargets) -> String = { _ in "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
    var text: @Sendable (AttackTargets) -> Text
    /// Re-encodes the whole document (UTF-16) when set.
    var utf16 = false
    var expectation: Expectation
    /// Bound on the reader's CPU time (generous: a sanitizer slows it several times).
    var seconds: Double = 10

    var testDescription: String { name }

    static let doctypeRefused = "document type declarations are not accepted"

    static let all: [XMLAttack] = [
        XMLAttack(name: "external entity (file URL)",
                  prolog: { "<?xml version=\"1.0\"?>\n<!DOCTYPE doc [<!ENTITY x SYSTEM \"file://\($0.secretPath)\">]>\n" },
                  text: { _ in .string("&x;") }, expectation: .refused(anyOf: [doctypeRefused])),
        XMLAttack(name: "external entity (network URL)",
                  prolog: { "<?xml version=\"1.0\"?>\n<!DOCTYPE doc [<!ENTITY x SYSTEM \"\($0.listenerURL)\">]>\n" },
                  text: { _ in .string("&x;") }, expectation: .refused(anyOf: [doctypeRefused])),
        XMLAttack(name: "parameter entity loading a DTD that reads a file",
                  prolog: { "<?xml version=\"1.0\"?>\n<!DOCTYPE doc [<!ENTITY % p SYSTEM \"file://\($0.secretDTDPath)\"> %p;]>\n" },
                  text: { _ in .string("&leak;") }, expectation: .refused(anyOf: [doctypeRefused])),
        XMLAttack(name: "billion laughs",
                  prolog: { _ in
                      var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE doc [<!ENTITY lol \"lol\">"
                      for level in 1...9 {
                          text += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
                      }
                      return text + "]>\n"
                  },
                  text: { _ in .string("&lol9;") }, expectation: .refused(anyOf: [doctypeRefused])),
        XMLAttack(name: "DOCTYPE pointing at a remote DTD",
                  prolog: { "<?xml version=\"1.0\"?>\n<!DOCTYPE doc SYSTEM \"\($0.listenerURL)\">\n" },
                  text: { _ in .string("plain") }, expectation: .refused(anyOf: [doctypeRefused])),
        XMLAttack(name: "entity reference without a declaration",
                  text: { _ in .string("&x;") }, expectation: .refused(anyOf: ["'x' not defined", "entity reference"])),
        XMLAttack(name: "XInclude of a file (never processed, refused)",
                  text: { .string("<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://\($0.secretPath)\" parse=\"text\"/>") },
                  expectation: .refused(anyOf: ["<xi:include> is not accepted: ecca never follows an XInclude"])),
        XMLAttack(name: "10,000-deep nesting",
                  text: { _ in .string(String(repeating: "<b>", count: 10_000) + String(repeating: "</b>", count: 10_000)) },
                  expectation: .refused(anyOf: ["nested deeper than 256 levels"])),
        XMLAttack(name: "11 MB text node (just past the parser's limit)",
                  text: { _ in .repeated(UInt8(ascii: "x"), count: 11_000_000) },
                  expectation: .refused(anyOf: ["longer than 10000000 bytes"])),
        XMLAttack(name: "100 MB text node",
                  text: { _ in .repeated(UInt8(ascii: "x"), count: 100_000_000) },
                  expectation: .refused(anyOf: ["longer than 10000000 bytes", "larger than the limit"]), seconds: 30),
        XMLAttack(name: "invalid UTF-8",
                  text: { _ in .bytes([0x6F, 0x6B, 0x20, 0xC3, 0x28, 0xFF]) },
                  expectation: .refused(anyOf: ["the text is not valid UTF-8 (byte 0xC3 here); ecca reads UTF-8 only"])),
        XMLAttack(name: "UTF-8 byte-order mark (read normally)",
                  preamble: [0xEF, 0xBB, 0xBF], text: { _ in .string("é ok") }, expectation: .read("é ok")),
        XMLAttack(name: "declares ISO-8859-1 but is UTF-8",
                  prolog: { _ in "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" },
                  text: { _ in .string("é") }, expectation: .refused(anyOf: ["reads UTF-8 only"])),
        XMLAttack(name: "declares UTF-16 but is UTF-8",
                  prolog: { _ in "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" },
                  text: { _ in .string("é") }, expectation: .refused(anyOf: ["labelled UTF-16 but has UTF-8 content", "reads UTF-8 only"])),
        XMLAttack(name: "real UTF-16 with a byte-order mark",
                  prolog: { _ in "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" },
                  text: { _ in .string("é") }, utf16: true, expectation: .refused(anyOf: ["reads UTF-8 only", "not valid UTF-8"])),
    ]

    /// Writes the attack, framed for `reader`, to `path`.
    func write(for reader: XMLReaderUnderTest, targets: AttackTargets, to path: String) throws {
        let (head, tail) = reader.frame(prolog(targets))
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw SpyError("cannot create \(path)")
        }
        defer { try? file.close() }
        if utf16 {
            guard case .string(let body) = text(targets) else { throw SpyError("UTF-16 attacks take a string") }
            var data = Data([0xFF, 0xFE])
            data.append((head + body + tail).data(using: .utf16LittleEndian)!)
            file.write(data)
            return
        }
        file.write(Data(preamble) + Data(head.utf8))
        switch text(targets) {
        case .string(let body): file.write(Data(body.utf8))
        case .bytes(let bytes): file.write(Data(bytes))
        case .repeated(let byte, let count):
            let chunk = Data(repeating: byte, count: 1 << 20)
            var left = count
            while left > 0 {
                file.write(left >= chunk.count ? chunk : chunk.prefix(left))
                left -= chunk.count
            }
        }
        file.write(Data(tail.utf8))
    }
}

/// Issue 8: every XML reader against every attack. Each gets a clear error or reads safely, in
/// bounded time, and none opens the file or contacts the server an attack points at.
@Suite struct XMLAttackTests {
    @Test(arguments: XMLReaderUnderTest.all, XMLAttack.all)
    func attack(_ reader: XMLReaderUnderTest, _ attack: XMLAttack) throws {
        let folder = try TemporaryFolder.make("hostile")
        let secret = "SECRET-\(UUID().uuidString)"
        let secretPath = folder.appendingPathComponent("secret.txt").path
        let secretDTDPath = folder.appendingPathComponent("secret.dtd").path
        try secret.write(toFile: secretPath, atomically: true, encoding: .utf8)
        try "<!ENTITY leak \"\(secret)\">".write(toFile: secretDTDPath, atomically: true, encoding: .utf8)
        let listener = try LoopbackListener()
        let targets = AttackTargets(secretPath: secretPath, secretDTDPath: secretDTDPath, secret: secret, listenerURL: listener.url)
        // The document sits in its own folder: the rules loader reads every file of a folder.
        let documentFolder = folder.appendingPathComponent("doc")
        try FileManager.default.createDirectory(at: documentFolder, withIntermediateDirectories: true)
        let document = documentFolder.appendingPathComponent("attack.xml").path
        try attack.write(for: reader, targets: targets, to: document)
        let secretWatch = try FileOpenWatch(secretPath)
        let dtdWatch = try FileOpenWatch(secretDTDPath)

        let clock = reader.worksOnThreadsOfItsOwn ? CPUTime.ofThisProcess : CPUTime.ofThisThread
        let start = clock()
        let outcome = reader.read(document)
        let elapsed = clock() - start

        #expect(elapsed < attack.seconds, "took \(elapsed) s of CPU time")
        #expect(!secretWatch.wasOpened, "the reader opened the file the document points at")
        #expect(!dtdWatch.wasOpened, "the reader opened the DTD the document points at")
        #expect(!listener.wasContacted, "the reader connected to the URL the document points at")
        #expect(!outcome.description.contains(secret))
        switch (attack.expectation, outcome) {
        case (.refused(let fragments), .refused(let message)):
            #expect(fragments.contains { message.contains($0) }, "unexpected message: \(message)")
            #expect(message.contains("attack.xml"), "the message should name the file: \(message)")
        case (.read(let expected), .read(let text)):
            #expect(text == expected)
        default:
            Issue.record("expected \(attack.expectation), got \(outcome)")
        }
    }
}
