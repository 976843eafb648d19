import EccaFormats
import Foundation
import Testing

/// Results files are read a line at a time, whatever the chunk size, with every byte seen once.
@Suite struct ByteLineReaderTests {
    /// Lines longer than a chunk, an empty line, a CR kept, and a torn last line.
    static let text = "first line\n" + String(repeating: "x", count: 50) + "\n\nwith CR\r\n" + "torn"

    func readAll(_ reader: ByteLineReader) throws -> (lines: [String], terminated: [Bool], offsets: [Int], seen: [UInt8]) {
        var seen: [UInt8] = []
        reader.observe = { seen += $0 }
        var lines: [String] = [], terminated: [Bool] = [], offsets: [Int] = []
        while let line = try reader.next() {
            lines.append(String(decoding: line, as: UTF8.self))
            terminated.append(reader.lastLineTerminated)
            offsets.append(reader.offset)
        }
        return (lines, terminated, offsets, seen)
    }

    @Test func aFileInSmallChunks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("byte-lines-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Self.text.utf8).write(to: url)
        let reader = try #require(ByteLineReader(path: url.path, chunkBytes: 7))
        let read = try readAll(reader)
        #expect(read.lines == ["first line", String(repeating: "x", count: 50), "", "with CR\r", "torn"])
        #expect(read.terminated == [true, true, true, true, false])
        #expect(read.offsets == [11, 62, 63, 72, 76])
        #expect(read.seen == Array(Self.text.utf8))
    }

    /// A line longer than the limit is read past chunk by chunk, not held: it comes back empty
    /// with its length, the offsets and line numbers stay right, and the buffer stays small.
    @Test func aLineLongerThanTheLimitIsReadPastNotHeld() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("byte-lines-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Self.text.utf8).write(to: url)
        let reader = try #require(ByteLineReader(path: url.path, chunkBytes: 7, maximumLineBytes: 20))
        let read = try readAll(reader)
        #expect(read.lines == ["first line", "", "", "with CR\r", "torn"])
        #expect(read.offsets == [11, 62, 63, 72, 76])
        #expect(reader.lineNumber == 5)
        #expect(read.seen == Array(Self.text.utf8))
        let again = try #require(ByteLineReader(path: url.path, chunkBytes: 7, maximumLineBytes: 20))
        _ = try again.next()
        #expect(try again.next() == [])
        #expect(again.lastLineLength == 50)
        #expect(try again.next() == [])
        #expect(again.lastLineLength == 0)
    }

    @Test func bytesInMemoryReadTheSame() throws {
        let read = try readAll(ByteLineReader(bytes: Array(Self.text.utf8)))
        #expect(read.lines == ["first line", String(repeating: "x", count: 50), "", "with CR\r", "torn"])
        #expect(read.seen == Array(Self.text.utf8))
    }

    @Test func theRestAfterSomeLines() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("byte-lines-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Self.text.utf8).write(to: url)
        let reader = try #require(ByteLineReader(path: url.path, chunkBytes: 5))
        var seen: [UInt8] = []
        reader.observe = { seen += $0 }
        #expect(try reader.next() == Array("first line".utf8))
        #expect(try reader.rest() == Array(Self.text.utf8.dropFirst(11)))
        #expect(try reader.next() == nil)
        #expect(seen == Array(Self.text.utf8))
    }

    @Test func aMissingFileIsNotOpened() {
        #expect(ByteLineReader(path: "/nonexistent/ecca-results.ndjson") == nil)
    }
}
