import EccaXML
import Foundation
import Testing

@Suite struct XMLStreamReaderTests {
    func read(_ text: String, options: XMLStreamReader.Options = .init()) throws(XMLReadError) -> [XMLEvent] {
        try XMLStreamReader(bytes: Array(text.utf8), name: "test.xml", options: options).readAll()
    }

    func error(_ text: String, options: XMLStreamReader.Options = .init()) -> XMLReadError? {
        do {
            _ = try read(text, options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test func eventsCarryNamesAttributesTextAndLines() throws {
        let events = try read("<?xml version=\"1.0\"?>\n<a xmlns=\"urn:x\" k=\"v\">\n  <b>text &amp; more</b><?PAGE NO=\"85\"?>\n<c/></a>")
        guard case .start(let a) = events[0] else { Issue.record("expected a start"); return }
        #expect(a.name == "a")
        #expect(a.namespace == "urn:x")
        #expect(a.attributes == ["k": "v"])
        #expect(a.location.line == 2)
        #expect(events.contains(.text("text & more", location: XMLSourceLocation(file: "test.xml", line: 3))))
        #expect(events.contains { if case .processingInstruction("PAGE", "NO=\"85\"", _) = $0 { true } else { false } })
        #expect(events.contains { if case .start(let c) = $0 { c.name == "c" && c.isEmpty } else { false } })
    }

    @Test func malformedXMLReportsLineAndColumn() throws {
        let failure = try #require(error("<a>\n<b>\n</a>"))
        #expect(failure.kind == .malformed)
        #expect(failure.location.file == "test.xml")
        #expect(failure.location.line == 3)
        #expect(failure.location.column > 0)
        #expect(failure.description.hasPrefix("test.xml:3:"))
    }

    @Test func truncatedInputIsAnError() throws {
        let failure = try #require(error("<a><b>text"))
        #expect(failure.kind == .malformed)
    }

    @Test func aDoctypeIsRefusedBeforeAnyEntityIsRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("ecca-xml-secret-\(UUID().uuidString)")
        try "SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\n<a>&x;</a>"
        let failure = try #require(error(text))
        #expect(failure.kind == .forbidden)
        #expect(!failure.message.contains("SECRET"))
    }

    @Test func anExternalEntityIsNeverExpandedEvenWhenADoctypeIsAllowed() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("ecca-xml-secret-\(UUID().uuidString)")
        try "SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\n<a>&x;</a>"
        do {
            let events = try read(text, options: .init(allowDoctype: true))
            #expect(!events.contains { if case .text(let t, _) = $0 { t.contains("SECRET") } else { false } })
        } catch {
            #expect(error.kind == .forbidden)
            #expect(error.message.contains("entity reference '&x;'"))
        }
    }

    @Test func billionLaughsIsRefused() throws {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for level in 1...9 {
            text += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        text += "]>\n<lolz>&lol9;</lolz>"
        let start = Date()
        let failure = try #require(error(text, options: .init(allowDoctype: true)))
        #expect(failure.kind == .forbidden || failure.kind == .malformed)
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func excessiveNestingIsRefusedQuickly() throws {
        let text = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let failure = try #require(error(text))
        #expect(failure.kind == .forbidden)
        #expect(failure.message.contains("nested deeper than 256 levels"))
    }

    @Test func invalidUTF8IsAnError() throws {
        var bytes = Array("<a>".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("</a>".utf8)
        do {
            _ = try XMLStreamReader(bytes: bytes, name: "bad.xml").readAll()
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.location.line == 1)
        }
    }

    @Test func aMissingFileIsAnIOError() {
        do {
            _ = try XMLStreamReader(path: "/nonexistent/ecca.xml")
            Issue.record("a missing file was opened")
        } catch {
            #expect(error.kind == .io)
            #expect(error.location.file == "/nonexistent/ecca.xml")
        }
    }

    @Test func relaxNGViolationsAreCollectedWithLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecca-rng-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let schemaPath = folder.appendingPathComponent("s.rng").path
        try """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="a"><oneOrMore><element name="b"><empty/></element></oneOrMore></element></start></grammar>
            """.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let schema = try RelaxNGSchema(path: schemaPath)
        let reader = try XMLStreamReader(bytes: Array("<a>\n<b/>\n<c/>\n</a>".utf8), name: "v.xml", options: .init(schema: schema))
        _ = try reader.readAll()
        let errors = reader.validationErrors
        #expect(!errors.isEmpty)
        #expect(errors.first?.location.line == 3)
        #expect(errors.first?.kind == .invalid)
    }

    @Test func libxml2VersionIsReported() {
        #expect(!LibXML2.version.isEmpty)
        #expect(LibXML2.version.allSatisfy { $0.isNumber })
    }
}

/// The prolog scan that refuses a DOCTYPE before libxml2 parses it.
@Suite struct XMLPrologTests {
    func read(_ bytes: [UInt8]) -> XMLReadError? {
        do {
            _ = try XMLStreamReader(bytes: bytes, name: "p.xml").readAll()
            return nil
        } catch {
            return error
        }
    }

    @Test func aDoctypeAfterCommentsAndABOMIsRefusedWithItsLine() throws {
        let text = "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- <root> in a comment -->\n<?pi data?>\n<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"
        let failure = try #require(read(Array(text.utf8)))
        #expect(failure.kind == .forbidden)
        #expect(failure.location.line == 4)
        #expect(failure.message.contains("document type declarations are not accepted"))
    }

    @Test func aDoctypeBehindAMegabyteOfCommentIsStillRefused() throws {
        let text = "<?xml version=\"1.0\"?>\n<!--" + String(repeating: "c", count: 1_100_000) + "-->\n<!DOCTYPE a><a/>"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecca-prolog-\(UUID().uuidString).xml")
        try text.write(to: folder, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try XMLStreamReader(path: folder.path).readAll()
            Issue.record("the DOCTYPE was accepted")
        } catch {
            #expect(error.kind == .forbidden)
        }
    }

    @Test func theWordDoctypeInsideTheDocumentIsNotAProlog() throws {
        #expect(read(Array("<a>&lt;!DOCTYPE a&gt; <!-- <!DOCTYPE x> --></a>".utf8)) == nil)
        #expect(read(Array("<!DOCTYP".utf8))?.kind == .malformed)
    }
}

@Suite struct XMLLineNumberTests {
    /// Official files run past 65,535 lines; element locations must not stop there.
    @Test func linesPast65535AreReported() throws {
        let text = "<a>\n" + String(repeating: "<b/>\n", count: 70_000) + "<c/>\n</a>"
        let reader = try XMLStreamReader(bytes: Array(text.utf8), name: "long.xml")
        var last: XMLElementStart?
        while let event = try reader.next() {
            if case .start(let start) = event, start.name == "c" { last = start }
        }
        // Past 65,535 the parser's line stands in for the element's: at most one line on, never clamped.
        let line = try #require(last?.location.line)
        #expect((70_002...70_003).contains(line))
    }
}
