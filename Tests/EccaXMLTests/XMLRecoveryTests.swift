import EccaXML
import Testing

/// The recovering parse that explains what a broken rules file would have declared.
@Suite struct XMLRecoveryTests {
    private func ids(_ text: String) -> [String] {
        XMLRecovery.attributeValues(in: Array(text.utf8), name: "t.xml", elements: ["fact", "unit"], attribute: "id").map { "\($0.element) \($0.value)" }
    }

    @Test func aTruncatedDocumentStillShowsItsIDsInOrder() {
        #expect(ids("<rules xmlns=\"urn:ecca:rules:1\"><unit id=\"FLOP\"/><x><fact id=\"a\"/></x><fact id=\"b\" ") == ["unit FLOP", "fact a", "fact b"])
        #expect(ids("<rules><fact id=\"a\"/><fact id=\"b\"></rules>") == ["fact a", "fact b"])
    }

    /// A DOCTYPE, and with it every entity trick, never reaches the recovering parser.
    @Test func aDocumentWithADoctypeIsNotParsed() {
        #expect(ids("<!DOCTYPE rules [<!ENTITY e \"x\">]><rules><fact id=\"&e;\"/><fact id=\"a\"/></rules>") == [])
        #expect(ids("") == [])
        #expect(ids("not xml at all") == [])
    }
}
