import EccaXML
import Foundation
import Testing

/// What the rules schema lets each element carry, read from `Regulations/schema/rules.rng`, so that
/// a refused attribute is said with the value given and the values allowed.
@Suite struct RelaxNGAttributeVocabularyTests {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Regulations/schema/rules.rng").path

    @Test func listedValuesRequiredAttributesAndDatatypesAreRead() throws {
        let vocabulary = try RelaxNGAttributeVocabulary(schemaPath: Self.schema)
        let compare = try #require(vocabulary.elements["compare"])
        #expect(compare["op"] == .init(name: "op", isRequired: true, values: ["gt", "ge", "lt", "le", "eq", "ne"], datatype: nil))
        #expect(compare["unit"]?.isRequired == false)
        // Through a <ref> to a <define>: the interval of <enforced>, the evidence levels.
        #expect(vocabulary.elements["enforced"]?.keys.sorted() == ["basis", "evidence", "from", "until"])
        #expect(vocabulary.elements["provision"]?["evidence"]?.values == ["verified", "secondary", "unverified"])
        #expect(vocabulary.elements["provision"]?["id"]?.datatype == "a string matching [A-Za-z0-9][A-Za-z0-9._:\\-]*")
        // One of a <choice> of attributes is not required.
        #expect(vocabulary.elements["in"]?["set"]?.isRequired == false)
        #expect(vocabulary.elements["in"]?["fact"]?.isRequired == true)
    }

    @Test func problemsSayWhatIsWrongWithTheValueGiven() throws {
        let vocabulary = try RelaxNGAttributeVocabulary(schemaPath: Self.schema)
        #expect(vocabulary.problems(element: "compare", attributes: ["fact": "f", "op": "gte", "value": "1", "bogus": "x"]).map(\.description) == [
            "<compare> takes no attribute bogus (it takes fact, op, op-evidence, op-note, unit, value)",
            "<compare op=\"gte\">: 'gte' is not one of gt, ge, lt, le, eq, ne",
        ])
        #expect(vocabulary.problems(element: "provision", attributes: ["id": "p", "evidence": "verified"]).map(\.description) == [
            "<provision> lacks the attribute citation, which it requires",
        ])
        #expect(vocabulary.problems(element: "provision", attributes: ["id": "p", "citation": "c", "evidence": "verified"]) == [])
        #expect(vocabulary.problem(element: "unit", attribute: "id", value: "-x")?.description
                == "<unit id=\"-x\">: not a string matching [A-Za-z0-9][A-Za-z0-9._:\\-]*")
        // A value with a control character is shown escaped.
        #expect(vocabulary.problem(element: "compare", attribute: "op", value: "g\u{202E}t")?.description.contains("\u{202E}") == false)
    }
}
