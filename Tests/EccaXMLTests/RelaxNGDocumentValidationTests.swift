import EccaXML
import Foundation
import Testing
import EccaTestSupport

/// A document the schema refuses is explained by libxml2's validator of the whole tree, each
/// violation once: the streaming validator loses its place after the first and refuses all that
/// follows it.
@Suite struct RelaxNGDocumentValidationTests {
    /// `<a>` holds `<b>` elements, each with a `<c>` and text in a `<d>`, and an optional `k` of x or y.
    static func schema() throws -> RelaxNGSchema {
        let path = try TemporaryFolder.make("rng").appendingPathComponent("s.rng").path
        try """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="a"><oneOrMore>
            <element name="b"><optional><attribute name="k"><choice><value>x</value><value>y</value></choice></attribute></optional>
            <element name="c"><empty/></element><element name="d"><text/></element></element>
            </oneOrMore></element></start></grammar>
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return try RelaxNGSchema(path: path)
    }

    static let document = """
        <a>
        <b><z/><c/><d>one</d></b>
        <b><c/><d>two</d></b>
        <b k="w"><c/><d>three</d></b>
        </a>
        """

    @Test func aStrayElementIsOneViolationAndADistinctOneAfterItIsFound() throws {
        let schema = try Self.schema()
        let streamed = try XMLStreamReader(bytes: Array(Self.document.utf8), name: "v.xml", options: .init(schema: schema))
        _ = try streamed.readAll()
        // What the streaming validator says (libxml2 2.9): a cascade from the stray <z/> on, with
        // placeholder text, and not the k="w" of line 4.
        #expect(streamed.validationErrors.count > 4)
        #expect(!streamed.validationErrors.contains { $0.message.contains("attribute k") })

        let all = try #require(schema.violations(inDocument: Array(Self.document.utf8), name: "v.xml"))
        let distinct = RelaxNGDistinctViolations(all)
        #expect(distinct.violations.map { "\($0.location): \($0.message)" } == [
            "v.xml:2: Did not expect element z there",
            "v.xml:4: Invalid attribute k for element b",
        ])
        #expect(distinct.repeats == 0)
        #expect(distinct.violations[0].elements == [.init(name: "z", line: 2), .init(name: "b", line: 2), .init(name: "a", line: 1)])
        #expect(distinct.violations[1].attributes == ["k": "w"])
    }

    /// The messages libxml2 gives twice for one violation, as it gives them for the rules schema
    /// (a stray `<foo/>` in a provision, `op="gte"`, a second `<in-force>` in a `<status>`), are
    /// said once; messages about other elements are all kept.
    @Test func aViolationLibxml2SaysTwiceIsKeptOnceAndCounted() {
        let foo = [RelaxNGViolation.Element(name: "foo", line: 7), .init(name: "provision", id: "p", line: 6)]
        let compare = [RelaxNGViolation.Element(name: "compare", line: 9)]
        let inForce = [RelaxNGViolation.Element(name: "in-force", line: 12), .init(name: "status", line: 11)]
        func at(_ line: Int, _ message: String, _ elements: [RelaxNGViolation.Element] = []) -> RelaxNGViolation {
            RelaxNGViolation(message: message, location: XMLSourceLocation(file: "r.xml", line: line), elements: elements)
        }
        let distinct = RelaxNGDistinctViolations([
            at(7, "Did not expect element foo there", foo),
            at(7, "Element provision has extra content: foo", foo),
            at(0, "Element compare failed to validate attributes"),
            at(9, "Invalid attribute op for element compare", compare),
            at(0, "Extra element in-force in interleave"),
            at(12, "Element status failed to validate content", inForce),
            at(13, "Element provision has extra content: bar", [.init(name: "bar", line: 13)]),
        ])
        #expect(distinct.violations == [
            at(7, "Did not expect element foo there", foo),
            at(9, "Invalid attribute op for element compare", compare),
            at(12, "Extra element in-force in interleave", inForce),
            at(13, "Element provision has extra content: bar", [.init(name: "bar", line: 13)]),
        ])
        #expect(distinct.repeats == 3)
    }

    /// The streaming reader asks after every node whether a fatal error was recorded: it searched
    /// every error each time, so a document of many schema violations took time that grew with
    /// their square (`validate` of 20,000 provisions without a citation: 183 s).
    @Test func manySchemaViolationsAreReadInLinearTime() throws {
        let document = "<a>\n" + String(repeating: "<b k=\"w\"><c/><d>x</d></b>\n", count: 20_000) + "</a>"
        let start = CPUTime.ofThisThread()
        let reader = try XMLStreamReader(bytes: Array(document.utf8), name: "v.xml", options: .init(schema: try Self.schema()))
        _ = try reader.readAll()
        #expect(reader.validationErrors.count >= 20_000)
        #expect(CPUTime.ofThisThread() - start < 10)
    }

    /// A message of the streaming validator is placed on the element it names on its line, for the
    /// provision it is in and the attributes to explain it by.
    @Test func aStreamedMessageIsPlacedOnTheElementItNames() throws {
        let root = try XMLElementNode.parse(XMLStreamReader(bytes: Array("<a>\n<b id=\"one\"><c k=\"v\"/></b>\n</a>".utf8), name: "v.xml"))
        let error = XMLReadError(kind: .invalid, location: XMLSourceLocation(file: "v.xml", line: 2), message: "Element c failed to validate attributes")
        let placed = RelaxNGViolation(streamed: error, in: root)
        #expect(placed.elements == [.init(name: "c", line: 2), .init(name: "b", id: "one", line: 2), .init(name: "a", line: 1)])
        #expect(placed.attributes == ["k": "v"])
    }

    @Test func aValidDocumentHasNoViolations() throws {
        let valid = "<a><b k=\"x\"><c/><d>one</d></b></a>"
        #expect(try Self.schema().violations(inDocument: Array(valid.utf8), name: "v.xml") == [])
    }

    @Test func placeholdersAreNotForAPersonToRead() {
        #expect(RelaxNGDistinctViolations.withoutPlaceholders("Did not expect text in element  TODO  content") == "Did not expect text here")
        #expect(RelaxNGDistinctViolations.withoutPlaceholders("Expecting an element , got nothing") == "Expecting an element, got nothing")
        #expect(RelaxNGDistinctViolations.withoutPlaceholders("Did not expect element foo there") == "Did not expect element foo there")
    }
}
