import ClauseGraph
import EccaFormats
import EccaXML
import Foundation
import Testing

/// What an XML reader made of a hostile document, in terms every reader shares.
enum XMLReadOutcome: Sendable, CustomStringConvertible {
    /// Read; `text` is what the reader kept of the attack's text.
    case read(text: String)
    /// Refused, with the message a person would see.
    case refused(message: String)

    var description: String {
        switch self {
        case .read(let text): "read \(text.count) characters: \(text.prefix(80))"
        case .refused(let message): "refused: \(message.prefix(300))"
        }
    }
}

/// One XML reader of ecca, as the attack table sees it: how to wrap an attack into a document the
/// reader would otherwise accept, and how to read a file with it.
///
/// New readers (MoU drafts, official-format importers) join the attack table by adding an entry
/// to `XMLReaderUnderTest.all`; every attack then runs against them.
struct XMLReaderUnderTest: Sendable, CustomTestStringConvertible {
    var name: String
    /// The document up to the attack's text, after `prolog` (XML declaration, DOCTYPE), and the
    /// rest of it: a document this reader accepts when the text is harmless.
    var frame: @Sendable (_ prolog: String) -> (head: String, tail: String)
    /// Reads the file at `path`.
    var read: @Sendable (_ path: String) -> XMLReadOutcome
    /// Whether some of the reading is done on threads the reader starts, so that its work is
    /// measured in the process's CPU time, not the calling thread's.
    var worksOnThreadsOfItsOwn = false

    var testDescription: String { name }

    static let all: [XMLReaderUnderTest] = [streamReader, saxReader, saxCapturing, readAhead, rules, requestXML, requestFile, formex, officialImport, mouDraft]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let regulations = root.appendingPathComponent("Regulations").path

    /// The shipped regulations, for the request vocabulary.
    static let shipped: ClauseGraph = RegulationsLoader().load(directories: [regulations]).graph

    /// The safe streaming reader itself (EccaXML), as every other reader uses it.
    static let streamReader = eventReader(name: "XMLStreamReader") { path throws(XMLReadError) in try XMLStreamReader(path: path).readAll() }

    /// The SAX2 reader the official-format importers stream through (EccaXML).
    static let saxReader = eventReader(name: "XMLSAXReader") { path throws(XMLReadError) in try XMLSAXReader(path: path).readAll() }

    /// The SAX2 reader capturing the attack's element whole in its callbacks (as the eCFR
    /// importer captures sections): the limits and refusals must hold there too.
    static let saxCapturing = eventReader(name: "XMLSAXReader capturing <p>") { path throws(XMLReadError) in
        let reader = try XMLSAXReader(path: path)
        reader.capturing = ["p"]
        return try reader.readAll()
    }

    /// The SAX2 reader on a thread of its own (`XMLReadAhead`, as `ecca import` reads).
    static let readAhead = {
        var reader = eventReader(name: "XMLReadAhead") { path throws(XMLReadError) in
            let source = XMLReadAhead(try XMLSAXReader(path: path))
            var events: [XMLEvent] = []
            while let event = try source.next() { events.append(event) }
            return events
        }
        reader.worksOnThreadsOfItsOwn = true
        return reader
    }()

    /// One of EccaXML's event readers: the attack's text is what its text events (or captured
    /// subtrees) hold.
    static func eventReader(name: String, events: @escaping @Sendable (String) throws(XMLReadError) -> [XMLEvent]) -> XMLReaderUnderTest {
        XMLReaderUnderTest(
            name: name,
            frame: { prolog in (prolog + "<doc><p>", "</p></doc>\n") },
            read: { path in
                do {
                    return .read(text: try events(path).map { event in
                        switch event {
                        case .text(let text, _): text
                        case .subtree(let subtree): subtree.text(of: 0)
                        default: ""
                        }
                    }.joined())
                } catch {
                    return .refused(message: String(describing: error))
                }
            })
    }

    /// Rules files, as `ecca check` and `ecca validate` load them (RegulationsLoader: schema, lint).
    static let rules = XMLReaderUnderTest(
        name: "rules file (RegulationsLoader)",
        frame: { prolog in
            (prolog + """
                <rules xmlns="urn:ecca:rules:1">
                  <instrument id="t.i" jurisdiction="EU" kind="regulation">
                    <title>Test</title>
                    <source url="https://example.org/t"/>
                    <provision id="t.i.p" citation="Art. 1" evidence="verified"><wording>
                """,
             "</wording></provision>\n  </instrument>\n</rules>\n")
        },
        read: { path in
            let loaded = RegulationsLoader().load(directories: [(path as NSString).deletingLastPathComponent],
                                                  schemaPath: regulations + "/" + RegulationsLoader.schemaRelativePath)
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty { return .refused(message: errors.map(\.description).joined(separator: "\n")) }
            return .read(text: loaded.graph.provisions["t.i.p"]?.wording ?? "")
        })

    /// XML requests read from a file by the library (streams the file through libxml2).
    static let requestXML = XMLReaderUnderTest(
        name: "request XML (RequestXMLReader)",
        frame: requestFrame,
        read: { path in
            let schema = try? RelaxNGSchema(path: regulations + "/schema/request.rng")
            do {
                let request = try RequestXMLReader(schema: schema, vocabulary: RequestVocabulary(graph: shipped)).read(file: path)
                return .read(text: request.items.first?.licences?.first ?? "")
            } catch {
                return .refused(message: String(describing: error))
            }
        })

    /// Request files as `ecca check` and batch folders read them (RequestLoader: size limit, then
    /// the XML reader from memory).
    static let requestFile = XMLReaderUnderTest(
        name: "request file (RequestLoader)",
        frame: requestFrame,
        read: { path in
            let schema = try? RelaxNGSchema(path: regulations + "/schema/request.rng")
            do {
                let request = try RequestLoader(vocabulary: RequestVocabulary(graph: shipped), schema: schema).load(path)
                return .read(text: request.items.first?.licences?.first ?? "")
            } catch {
                return .refused(message: String(describing: error))
            }
        })

    /// Official wording from Formex 4 (the EU Official Journal's XML).
    static let formex = XMLReaderUnderTest(
        name: "Formex act (FormexText)",
        frame: { prolog in (prolog + "<ACT><ENACTING.TERMS><ARTICLE IDENTIFIER=\"001\"><ALINEA>", "</ALINEA></ARTICLE></ENACTING.TERMS></ACT>\n") },
        read: { path in
            do {
                let act = try FormexText.load(actPath: path)
                return .read(text: act.act.rawText)
            } catch {
                return .refused(message: String(describing: error))
            }
        })

    /// `ecca import`: the streaming official-XML importer (here its Formex adapter).
    static let officialImport = XMLReaderUnderTest(
        name: "official import (OfficialImporter, Formex)",
        frame: { prolog in
            (prolog + "<ACT><ENACTING.TERMS><ARTICLE IDENTIFIER=\"001\"><TI.ART>Article 1</TI.ART><ALINEA>",
             "</ALINEA></ARTICLE></ENACTING.TERMS></ACT>\n")
        },
        read: { path in
            do {
                let (collector, _) = try OfficialImporter().collect(files: [path])
                return .read(text: collector.instruments.flatMap(\.provisions).map(\.wording).joined())
            } catch {
                return .refused(message: String(describing: error))
            }
        },
        worksOnThreadsOfItsOwn: true)

    /// MoU drafts, as `ecca mou verify` reads them (schema, then the vocabulary).
    static let mouDraft = XMLReaderUnderTest(
        name: "MoU draft (MoUReader)",
        frame: { prolog in
            (prolog + "<mou xmlns=\"urn:ecca:mou:1\" id=\"M-1\"><title>",
             """
             </title><party role="provider">P</party><validity from="2026-09-01" until="2027-08-31"/><scope/></mou>

             """)
        },
        read: { path in
            let schema = try? RelaxNGSchema(path: regulations + "/schema/mou.rng")
            do {
                return .read(text: try MoUReader(schema: schema, graph: shipped).read(file: path).title)
            } catch {
                return .refused(message: String(describing: error))
            }
        })

    static let requestFrame: @Sendable (String) -> (head: String, tail: String) = { prolog in
        (prolog + """
            <request xmlns="urn:ecca:request:1" id="R-1" date="2026-11-24">
              <item artifact="weights" channel="transfer">
                <licence>
            """,
         "</licence>\n  </item>\n</request>\n")
    }
}
