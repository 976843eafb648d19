import EccaXML
import Foundation
import Synchronization
import Testing
import EccaTestSupport

/// The two streaming readers: `xmlTextReader` (with schema validation) and the SAX2 push parser
/// (the importers'). Both keep the same safety policy and give the same events.
enum Reader: String, CaseIterable, CustomTestStringConvertible {
    case textReader, sax

    var testDescription: String { rawValue }

    func readAll(_ bytes: [UInt8], name: String = "test.xml") throws(XMLReadError) -> [XMLEvent] {
        switch self {
        case .textReader: try XMLStreamReader(bytes: bytes, name: name).readAll()
        case .sax: try XMLSAXReader(bytes: bytes, name: name).readAll()
        }
    }

    func readAll(path: String) throws(XMLReadError) -> [XMLEvent] {
        switch self {
        case .textReader: try XMLStreamReader(path: path).readAll()
        case .sax: try XMLSAXReader(path: path).readAll()
        }
    }

    func error(_ text: String) -> XMLReadError? { error(Array(text.utf8)) }

    func error(_ bytes: [UInt8]) -> XMLReadError? {
        do {
            _ = try readAll(bytes)
            return nil
        } catch {
            return error
        }
    }
}

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

    @Test(arguments: Reader.allCases) func eventsCarryNamesAttributesTextAndLines(reader: Reader) throws {
        let events = try reader.readAll(Array("<?xml version=\"1.0\"?>\n<a xmlns=\"urn:x\" k=\"v\">\n  <b>text &amp; more</b><?PAGE NO=\"85\"?>\n<c/></a>".utf8))
        guard case .start(let a) = events[0] else { Issue.record("expected a start"); return }
        #expect(a.name == "a")
        #expect(a.namespace == "urn:x")
        #expect(a.attributes == ["k": "v"])
        #expect(a.location.line == 2)
        #expect(events.contains(.text("text & more", location: XMLSourceLocation(file: "test.xml", line: 3))))
        #expect(events.contains { if case .processingInstruction("PAGE", "NO=\"85\"", _) = $0 { true } else { false } })
        #expect(events.contains { if case .start(let c) = $0 { c.name == "c" && c.isEmpty } else { false } })
    }

    /// An attribute's value is what the file means: libxml2's SAX2 hands `&` over as `&#38;`
    /// (QA robust6, finding 8: an eId written `art_1&amp;x` was imported as `art_1&#38;x`).
    @Test(arguments: Reader.allCases) func attributeValuesKeepTheirAmpersands(reader: Reader) throws {
        let events = try reader.readAll(Array(#"<a p="a&amp;b" q="&#38;&#x26;" r="&amp;#38;" s="&lt;&gt;&quot;&apos;" t="plain"/>"#.utf8))
        guard case .start(let a) = events[0] else { Issue.record("expected a start"); return }
        #expect(a.attributes == ["p": "a&b", "q": "&&", "r": "&#38;", "s": "<>\"'", "t": "plain"])
    }

    @Test(arguments: Reader.allCases) func malformedXMLReportsLineAndColumn(reader: Reader) throws {
        let failure = try #require(reader.error("<a>\n<b>\n</a>"))
        #expect(failure.kind == .malformed)
        #expect(failure.location.file == "test.xml")
        #expect(failure.location.line == 3)
        #expect(failure.location.column > 0)
        #expect(failure.description.hasPrefix("test.xml:3:"))
    }

    @Test(arguments: Reader.allCases) func truncatedInputIsAnError(reader: Reader) throws {
        let failure = try #require(reader.error("<a><b>text"))
        #expect(failure.kind == .malformed)
    }

    /// libxml2 calls a cut-off file "extra content at the end of the document"; both readers say
    /// which element it ends in (the SAX reader also knows the line and column that element opened
    /// at: official files are often one line long).
    @Test(arguments: Reader.allCases) func aTruncatedFileSaysWhichElementItEndsIn(reader: Reader) throws {
        let failure = try #require(reader.error("<a>\n<b>text"))
        #expect(failure.kind == .malformed)
        let opened = reader == .sax ? " (opened on line 2, column 1)" : ""
        #expect(failure.description == "test.xml:2:8: error: the document ends inside <b>\(opened): the file is truncated or an end tag is missing")
        #expect(reader.error("<a/>\n<b/>")?.message == "Extra content at the end of the document")
        // One line; columns count characters, as libxml2's do; `>` may stand in an attribute value, `<` may not.
        let oneLine = try #require(reader.error("<ACT>é<TXT>x<P N=\"é>\" >text"))
        let openedP = reader == .sax ? " (opened on line 1, column 13)" : ""
        #expect(oneLine.description == "test.xml:1:28: error: the document ends inside <P>\(openedP): the file is truncated or an end tag is missing")
    }

    /// libxml2 says "extra content at the end of the document" of an input with no element at
    /// all; the readers say what the file holds, from either source.
    @Test(arguments: Reader.allCases) func aFileWithoutAnElementSaysWhatItHolds(reader: Reader) throws {
        let cases: [(String, String)] = [
            ("", "test.xml:1:1: error: the file is empty"),
            (" \n\t\n", "test.xml:1:1: error: the file holds only white space"),
            ("\u{FEFF}", "test.xml:1:1: error: the file holds only white space"),
            ("<?xml version=\"1.0\"?>\n<!-- nothing -->\n", "test.xml:3:1: error: the document ends before its root element (it holds only an XML declaration, comments or processing instructions)"),
        ]
        let folder = try TemporaryFolder.make("empty")
        for (text, expected) in cases {
            #expect(reader.error(text)?.description == expected, "\(text.debugDescription)")
            let file = folder.appendingPathComponent("test.xml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            do {
                _ = try reader.readAll(path: file.path)
                Issue.record("\(text.debugDescription) was read")
            } catch {
                #expect(error.description == expected.replacingOccurrences(of: "test.xml", with: file.path))
            }
        }
    }

    @Test(arguments: Reader.allCases) func aDoctypeIsRefusedBeforeAnyEntityIsRead(reader: Reader) throws {
        let secret = try TemporaryFolder.make("xml").appendingPathComponent("secret")
        try "SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\n<a>&x;</a>"
        let failure = try #require(reader.error(text))
        #expect(failure.kind == .forbidden)
        #expect(!failure.message.contains("SECRET"))
    }

    @Test func anExternalEntityIsNeverExpandedEvenWhenADoctypeIsAllowed() throws {
        let secret = try TemporaryFolder.make("xml").appendingPathComponent("secret")
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
        let start = CPUTime.ofThisThread()
        let failure = try #require(error(text, options: .init(allowDoctype: true)))
        #expect(failure.kind == .forbidden || failure.kind == .malformed)
        #expect(CPUTime.ofThisThread() - start < 2)
    }

    @Test(arguments: Reader.allCases) func aTextOverTheSizeLimitIsRefused(reader: Reader) throws {
        let failure = try #require(reader.error("<a>" + String(repeating: "x", count: 10_000_001) + "</a>"))
        #expect(failure.kind == .forbidden)
        #expect(failure.message.contains("longer than 10000000 bytes"))
    }

    @Test(arguments: Reader.allCases) func excessiveNestingIsRefusedQuickly(reader: Reader) throws {
        let text = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let failure = try #require(reader.error(text))
        #expect(failure.kind == .forbidden)
        #expect(failure.message.contains("nested deeper than 256 levels"))
    }

    @Test(arguments: Reader.allCases) func invalidUTF8IsAnError(reader: Reader) throws {
        var bytes = Array("<a>".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("</a>".utf8)
        do {
            _ = try reader.readAll(bytes, name: "bad.xml")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.location.line == 1)
            // ecca's words, not libxml2's "Input is not proper UTF-8, indicate encoding !".
            #expect(error.message == "the text is not valid UTF-8 (byte 0xC3 here); ecca reads UTF-8 only (convert a file in another encoding to UTF-8, e.g. with iconv -f WINDOWS-1252 -t UTF-8)")
        }
    }

    @Test(arguments: Reader.allCases) func aMissingFileIsAnIOError(reader: Reader) {
        do {
            _ = try reader.readAll(path: "/nonexistent/ecca.xml")
            Issue.record("a missing file was opened")
        } catch {
            #expect(error.kind == .io)
            #expect(error.location.file == "/nonexistent/ecca.xml")
        }
    }

    @Test func relaxNGViolationsAreCollectedWithLines() throws {
        let folder = try TemporaryFolder.make("rng")
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

    /// libxml2 2.9 fills its XSD type table on first use without a lock; two schemas compiled at
    /// once could see it half-filled ("type 'token' is not exported"). It catches the race only as
    /// the process's first RELAX NG use (`swift test --filter schemasCompileSideBySide`).
    @Test func schemasCompileSideBySide() throws {
        let folder = try TemporaryFolder.make("rng")
        let schemaPath = folder.appendingPathComponent("typed.rng").path
        try """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
            <start><element name="a"><attribute name="id"><data type="token"/></attribute><attribute name="n"><data type="decimal"/></attribute>
            <attribute name="on"><data type="date"/></attribute><data type="NCName"/></element></start></grammar>
            """.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                _ = try RelaxNGSchema(path: schemaPath)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
    }

    @Test(arguments: Reader.allCases) func anUndeclaredEntityIsMalformedAndADeclaredEncodingOtherThanUTF8IsRefused(reader: Reader) throws {
        let undeclared = try #require(reader.error("<a>&x;</a>"))
        #expect(undeclared.kind == .malformed)
        #expect(undeclared.message.contains("'x'"))
        let latin = try #require(reader.error("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>caf\u{E9}</a>"))
        #expect(latin.kind == .forbidden)
        // The declaration's line (1), not the root element's (2), where libxml2 tells of it (QA fmx3 #7).
        #expect(latin.location.line == 1)
        #expect(latin.message == "the document declares encoding 'ISO-8859-1'; ecca reads UTF-8 only (convert the file to UTF-8 and declare encoding=\"UTF-8\")")
        #expect(reader.error("<?xml version=\"1.0\" encoding=\"us-ascii\"?><a/>") == nil)
    }

    @Test func libxml2VersionIsReported() {
        #expect(!LibXML2.version.isEmpty)
        #expect(LibXML2.version.allSatisfy { $0.isNumber })
    }
}

/// The prolog scan that refuses a DOCTYPE before libxml2 parses it.
@Suite struct XMLPrologTests {
    @Test(arguments: Reader.allCases) func aDoctypeAfterCommentsAndABOMIsRefusedWithItsLine(reader: Reader) throws {
        let text = "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- <root> in a comment -->\n<?pi data?>\n<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"
        let failure = try #require(reader.error(text))
        #expect(failure.kind == .forbidden)
        #expect(failure.description == "test.xml:4:1: error: document type declarations are not accepted (no DTD is ever loaded; entities are never expanded)")
        // The column, when the DOCTYPE follows the XML declaration on its line (after a byte-order mark).
        #expect(reader.error("\u{FEFF}<?xml version=\"1.0\"?> <!DOCTYPE a><a/>")?.location == XMLSourceLocation(file: "test.xml", line: 1, column: 23))
    }

    @Test(arguments: Reader.allCases) func aDoctypeBehindAMegabyteOfCommentIsStillRefused(reader: Reader) throws {
        let text = "<?xml version=\"1.0\"?>\n<!--" + String(repeating: "c", count: 1_100_000) + "-->\n<!DOCTYPE a><a/>"
        let file = try TemporaryFolder.make("prolog").appendingPathComponent("prolog.xml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try reader.readAll(path: file.path)
            Issue.record("the DOCTYPE was accepted")
        } catch {
            #expect(error.kind == .forbidden)
        }
    }

    @Test(arguments: Reader.allCases) func theWordDoctypeInsideTheDocumentIsNotAProlog(reader: Reader) throws {
        #expect(reader.error("<a>&lt;!DOCTYPE a&gt; <!-- <!DOCTYPE x> --></a>") == nil)
        #expect(reader.error("<!DOCTYP")?.kind == .malformed)
    }
}

@Suite struct XMLLineNumberTests {
    /// Official files run past 65,535 lines; element locations must not stop there.
    @Test(arguments: Reader.allCases) func linesPast65535AreReported(reader: Reader) throws {
        let text = "<a>\n" + String(repeating: "<b/>\n", count: 70_000) + "<c/>\n</a>"
        var last: XMLElementStart?
        for event in try reader.readAll(Array(text.utf8), name: "long.xml") {
            if case .start(let start) = event, start.name == "c" { last = start }
        }
        // Past 65,535 the parser's line stands in for the element's: at most one line on, never clamped.
        let line = try #require(last?.location.line)
        #expect((70_002...70_003).contains(line))
    }
}

/// What the SAX reader adds to the shared contract: whole text events across chunk boundaries,
/// empty elements as one event, and elements that span the lines from start tag to end tag.
@Suite struct XMLSAXReaderTests {
    @Test func textLongerThanAChunkIsOneEventWithItsEntitiesResolved() throws {
        let body = String(repeating: "word &amp; ", count: 100_000)  // 1.1 MB, over four chunks
        let events = try XMLSAXReader(bytes: Array("<a><b>\(body)</b><c/></a>".utf8), name: "t.xml").readAll()
        let texts = events.compactMap { if case .text(let text, _) = $0 { text } else { nil } }
        #expect(texts == [String(repeating: "word & ", count: 100_000)])
    }

    @Test func theEventsOfBothReadersAgreeOnARealisticDocument() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DLPSTEXTCLASS xmlns:x="urn:x"><DIV8 N="§ 2.2" x:k="v &quot;q&quot;"><HEAD>§ 2.2   Scope.</HEAD>
            <P>(a) <I>In general.</I> Text<E T="03">italic</E> and<![CDATA[ <raw> ]]>more.</P><?PAGE NO="85"?>
            <P/><STARS></STARS></DIV8></DLPSTEXTCLASS>
            """
        func shape(_ events: [XMLEvent]) -> [String] {
            events.map { event in
                switch event {
                case .start(let start): "start \(start.name) \(start.attributeOrder.map { "\($0)=\(start.attributes[$0]!)" }) empty=\(start.isEmpty) line \(start.location.line)"
                case .end(let name, _): "end \(name)"
                case .text(let text, _): "text \(text.debugDescription)"
                case .processingInstruction(let target, let data, _): "pi \(target) \(data)"
                case .subtree(let subtree): "subtree \(subtree.root.name)"
                }
            }
        }
        let sax = try Reader.sax.readAll(Array(text.utf8))
        // xmlTextReader reports <STARS></STARS> as not empty, with an end event: the one difference.
        let reader = try Reader.textReader.readAll(Array(text.utf8)).filter { if case .end("STARS", _) = $0 { false } else { true } }
        #expect(shape(sax) == shape(reader).map { $0.replacingOccurrences(of: "start STARS [] empty=false", with: "start STARS [] empty=true") })
        #expect(shape(sax).contains("start DIV8 [\"N=§ 2.2\", \"x:k=v \\\"q\\\"\"] empty=false line 2"))
    }

    @Test func anElementSpansFromItsStartTagToItsEndTag() throws {
        let events = try XMLSAXReader(bytes: Array("<a>\n<b>\none\ntwo\n</b>\n</a>".utf8), name: "t.xml").readAll()
        #expect(events.contains(.end(name: "b", location: XMLSourceLocation(file: "t.xml", line: 5))))
        #expect(events.contains(.end(name: "a", location: XMLSourceLocation(file: "t.xml", line: 6))))
    }

    @Test func nothingAfterAFaultIsDelivered() throws {
        let reader = try XMLSAXReader(bytes: Array("<a><b/>\n<c></a><d/>".utf8), name: "t.xml")
        var seen: [String] = []
        do {
            while let event = try reader.next() { if case .start(let start) = event { seen.append(start.name) } }
            Issue.record("a mismatched tag was accepted")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.location.line == 2)
        }
        #expect(!seen.contains("d"))
    }

    static let section = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DLPSTEXTCLASS xmlns:x="urn:x"><HEAD>Title</HEAD>
        <DIV8 N="§ 2.2" x:k="v &quot;q&quot;"><HEAD>§ 2.2   Scope.</HEAD>
        <P>(a) <I>In general.</I> Text<E T="03">italic</E> and<![CDATA[ <raw> ]]>more &amp; more.</P><?PAGE NO="85"?>
        <P/><STARS></STARS>
        </DIV8><DIV8 N="§ 2.3"><P>(a) Two.</P></DIV8></DLPSTEXTCLASS>
        """

    /// The subtree the element's events make, as the importers build it where capturing began late.
    private func subtree(fromEventsOf name: String, in events: [XMLEvent]) -> XMLSubtree? {
        var builder = XMLSubtreeBuilder()
        var inside = false
        for event in events {
            if !inside {
                guard case .start(let start) = event, start.name == name else { continue }
                inside = true
            }
            builder.add(event)
            if builder.isComplete { return builder.take() }
        }
        return nil
    }

    @Test func aCapturedElementIsOneSubtreeEqualToTheOneItsEventsMake() throws {
        let bytes = Array(Self.section.utf8)
        let reader = try XMLSAXReader(bytes: bytes, name: "t.xml")
        reader.capturing = ["DIV8"]
        let captured = try reader.readAll()
        let subtrees = captured.compactMap { if case .subtree(let subtree) = $0 { subtree } else { nil } }
        #expect(subtrees.count == 2)
        // Nothing inside a captured element comes as an event of its own.
        #expect(!captured.contains { if case .start(let start) = $0 { ["DIV8", "P", "I", "E", "STARS"].contains(start.name) } else { false } })
        #expect(captured.contains { if case .start(let start) = $0 { start.name == "HEAD" } else { false } })
        let fromEvents = try #require(subtree(fromEventsOf: "DIV8", in: try XMLSAXReader(bytes: bytes, name: "t.xml").readAll()))
        #expect(subtrees.first == fromEvents)

        let section = try #require(subtrees.first)
        #expect(section.root.firstLine == 3)
        #expect(section.root.lastLine == 6)
        #expect(section.attribute("N", of: 0) == "§ 2.2")
        #expect(section.attribute("x:k", of: 0) == "v \"q\"")
        let children = section.children(of: 0).map { section.nodes[$0] }
        #expect(children.map(\.name) == ["HEAD", "", "P", "PAGE", "", "P", "STARS", ""])
        let paragraph = try #require(section.children(of: 0).first { section.nodes[$0].name == "P" })
        // Text, CDATA and entities next to each other are one text node.
        #expect(section.children(of: paragraph).map { section.nodes[$0].kind } == [.text, .element, .text, .element, .text])
        #expect(section.text(of: paragraph) == "(a) In general. Textitalic and <raw> more & more.")
    }

    @Test func theReaderLimitsHoldInsideACapturedElement() throws {
        let deep = "<a><b>" + String(repeating: "<c>", count: 300) + String(repeating: "</c>", count: 300) + "</b></a>"
        let reader = try XMLSAXReader(bytes: Array(deep.utf8), name: "deep.xml")
        reader.capturing = ["b"]
        #expect(throws: XMLReadError.self) { try reader.readAll() }
        let truncated = try XMLSAXReader(bytes: Array("<a><b><c>text".utf8), name: "cut.xml")
        truncated.capturing = ["b"]
        do {
            _ = try truncated.readAll()
            Issue.record("a truncated captured element was accepted")
        } catch {
            #expect(error.message.contains("the document ends inside <c>"), "\(error)")
        }
    }
}
