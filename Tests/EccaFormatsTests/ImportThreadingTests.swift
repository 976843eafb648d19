import ClauseGraph
@testable import EccaFormats
import EccaXML
import Foundation
import Testing

/// The read-ahead hands out exactly the reader's events and error, from a thread of its own.
@Suite struct XMLReadAheadTests {
    private static func document(sections: Int) -> [UInt8] {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ECFR>\n"
        for number in 1...sections {
            text += "<DIV8 N=\"§ 1.\(number)\"><HEAD>§ 1.\(number) Heading &amp; more.</HEAD>\n<P>(a) <I>First.</I> Text \(number).</P><?PAGE NO=\"\(number)\"?>\n<P/></DIV8>\n"
        }
        return Array((text + "</ECFR>\n").utf8)
    }

    private static func readAll(_ source: any XMLEventSource) throws(XMLReadError) -> [XMLEvent] {
        var events: [XMLEvent] = []
        while let event = try source.next() { events.append(event) }
        return events
    }

    @Test func itHandsOutTheReadersEventsInOrder() throws {
        let bytes = Self.document(sections: 3_000)  // about 300 KB: many batches and several chunks
        let direct = try XMLSAXReader(bytes: bytes, name: "t.xml").readAll()
        let ahead = try Self.readAll(XMLReadAhead(try XMLSAXReader(bytes: bytes, name: "t.xml")))
        #expect(ahead.count == direct.count)
        #expect(ahead == direct)

        // Capturing asked for before the first event applies to the whole document.
        let capturing = XMLReadAhead(try XMLSAXReader(bytes: bytes, name: "t.xml"))
        capturing.capturing = ["DIV8"]
        let subtrees = try Self.readAll(capturing).filter { if case .subtree = $0 { true } else { false } }
        #expect(subtrees.count == 3_000)
        #expect(capturing.capturing == ["DIV8"])
    }

    /// Subtrees given back while reading are refilled by the parser, and what comes out is what
    /// comes out without giving any back: the same subtrees, none altered by its reuse.
    @Test func subtreesGivenBackAreRefilledWithTheSameResult() throws {
        let bytes = Self.document(sections: 3_000)
        let plain = try XMLSAXReader(bytes: bytes, name: "t.xml")
        plain.capturing = ["DIV8"]
        let expected = try plain.readAll()

        let reader = try XMLSAXReader(bytes: bytes, name: "t.xml")
        reader.capturing = ["DIV8"]
        let ahead = XMLReadAhead(reader, batchSize: 16, window: 2)
        var events: [XMLEvent] = []
        var subtrees = 0
        while let event = try ahead.next() {
            events.append(event)
            if case .subtree(let tree) = event {
                subtrees += 1
                // Given back while `events` still holds it: a shared subtree is copied before
                // it is refilled, never changed under its holder.
                ahead.recycle(tree)
            }
        }
        #expect(subtrees == 3_000)
        #expect(events == expected)
    }

    @Test func thePoolKeepsFewAndSmallSubtrees() throws {
        let reader = try XMLSAXReader(bytes: Array("<A><B>text</B></A>".utf8), name: "t.xml")
        reader.capturing = ["A"]
        guard case .subtree(let small) = try #require(try reader.next()) else { Issue.record("no subtree"); return }
        let pool = XMLSubtreePool(limit: 2)
        for _ in 0..<3 { pool.put(small) }
        #expect(pool.count == 2)

        let large = try XMLSAXReader(bytes: Array(("<A>" + String(repeating: "x", count: 20_000) + "</A>").utf8), name: "t.xml")
        large.capturing = ["A"]
        guard case .subtree(let big) = try #require(try large.next()) else { Issue.record("no subtree"); return }
        let other = XMLSubtreePool(limit: 2)
        other.put(big)
        #expect(other.count == 0)  // its buffers are past `largest`: freed, not kept
    }

    @Test func aFaultComesAfterTheEventsBeforeIt() throws {
        var bytes = Self.document(sections: 3_000)
        bytes.removeLast("</DIV8>\n</ECFR>\n".utf8.count)  // truncated inside the last section
        var direct: [XMLEvent] = []
        var directError: XMLReadError?
        let reader = try XMLSAXReader(bytes: bytes, name: "cut.xml")
        do { while let event = try reader.next() { direct.append(event) } } catch { directError = error }

        var ahead: [XMLEvent] = []
        var aheadError: XMLReadError?
        let readAhead = XMLReadAhead(try XMLSAXReader(bytes: bytes, name: "cut.xml"))
        do { while let event = try readAhead.next() { ahead.append(event) } } catch { aheadError = error }
        #expect(ahead == direct)
        #expect(aheadError?.description == directError?.description)
        #expect(aheadError?.message.contains("the document ends inside <DIV8>") == true, "\(String(describing: aheadError))")
        // Asking again repeats the fault; it never turns into an end of document.
        #expect(throws: XMLReadError.self) { try readAhead.next() }
    }

    @Test func droppingItEarlyStopsItsThread() throws {
        for _ in 0..<20 {
            let readAhead = XMLReadAhead(try XMLSAXReader(bytes: Self.document(sections: 3_000), name: "t.xml"), batchSize: 8, window: 2)
            #expect(try readAhead.next() != nil)
            // Released here with the thread blocked on a full queue: deinit must stop and join it.
        }
    }
}

/// The import's two thread hand-offs: what the channel guarantees, and the writer's failure
/// reaching the reading side.
@Suite struct ImportThreadingTests {
    @Test func aStoppedChannelReleasesAWaitingSenderAndDropsWhatIsQueued() async throws {
        let channel = BoundedChannel<Int>(capacity: 2)
        #expect(channel.send(1))
        #expect(channel.send(2))
        let sender = Task.detached { channel.send(3) }  // waits: the channel is full
        try await Task.sleep(nanoseconds: 50_000_000)
        channel.stop()
        #expect(await sender.value == false)
        #expect(channel.receive() == nil)
        #expect(!channel.send(4))
    }

    @Test func aClosedChannelIsDrainedInOrderBeforeItEnds() {
        let channel = BoundedChannel<Int>(capacity: 3)
        for value in 1...3 { #expect(channel.send(value)) }
        channel.close()
        #expect([channel.receive(), channel.receive(), channel.receive(), channel.receive()] == [1, 2, 3, nil])
    }

    /// A receiver that lags behind its sender, as the writer lags behind the reader: the channel
    /// keeps its `capacity` slots (it once kept one more per element passed) and the order.
    @Test func aLaggingReceiverGetsEverythingInOrderFromAFixedNumberOfSlots() {
        let channel = BoundedChannel<Int>(capacity: 4)
        // A thread of its own, as the import's: a blocked send must not hold a task's thread.
        let sender = WorkerThread {
            for value in 0..<5_000 { _ = channel.send(value) }
            channel.close()
        }
        var received: [Int] = []
        while let value = channel.receive() {
            received.append(value)
            if value % 500 == 0 { usleep(1_000) }
        }
        sender.join()
        #expect(received == Array(0..<5_000))
        #expect(channel.slotCount == 4)
    }

    /// Fails at the `failAt`-th provision; keeps the citations it took before.
    private final class FailingSink: ImportSink, @unchecked Sendable {
        let failAt: Int
        var taken: [String] = []
        init(failAt: Int) { self.failAt = failAt }
        func begin(_ instrument: ImportedInstrument) {}
        func add(_ provision: ImportedProvision) throws(OfficialImportError) {
            guard taken.count + 1 < failAt else { throw .output(path: "out.xml", message: "disk full") }
            taken.append(provision.citation)
        }
        func end() {}
    }

    @Test func theWritersFailureStopsTheReadingSide() throws {
        let failing = FailingSink(failAt: 1_000)
        let background = BackgroundSink(failing)
        let instrument = ImportedInstrument(id: "us.cfr-1", dialect: .ecfr, variant: "ecfr-bulk", title: "T", jurisdiction: "US",
                                            kind: .regulation, file: "t.xml")
        try background.begin(instrument)
        var thrown: OfficialImportError?
        do {
            for number in 1...100_000 {
                try background.add(ImportedProvision(canonicalID: "\(number)", sourceID: nil, idPath: ["\(number)"], level: .section,
                                                     citation: "1 CFR \(number)", wording: "w",
                                                     span: SourceSpan(file: "t.xml", firstLine: 1, lastLine: 1)))
            }
        } catch {
            thrown = error
        }
        // The reading side learns of it within the channel's window, long before the end.
        #expect(thrown?.description.contains("disk full") == true, "\(String(describing: thrown))")
        #expect(throws: OfficialImportError.self) { try background.close() }
        #expect(failing.taken == (1..<1_000).map { "1 CFR \($0)" })
    }
}
