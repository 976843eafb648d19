@testable import EccaFormats
import Foundation
import Testing

/// `FieldSpaces` takes the fast path only where Foundation's trimming would change nothing, so a
/// value reads the same as before it: the same result for every value, spaces of every kind.
@Suite struct FieldSpacesTests {
    @Test(arguments: ["", " ", "EU", " EU ", "Orion-7 ", "\tOrion-7", "\u{00A0}EU\u{2003}", "\u{3000}", "a b", " a\u{00A0}b ",
                      "\n EU", "EU\n", "é", " é ", "\u{200B}EU\u{200B}", "Orion-7 \u{1F680}", "\u{0B}EU\u{0C}", "EU\r", "\u{85}EU", "\u{2028}EU", "\u{FEFF}EU", "\u{7F}EU"])
    func trimsAsFoundationDoes(_ value: String) {
        #expect(FieldSpaces.trimmed(value) == value.trimmingCharacters(in: .whitespaces))
        #expect(FieldSpaces.trimmed(Substring(value)) == value.trimmingCharacters(in: .whitespaces))
    }

    /// The fast path's premise: of ASCII, Foundation's whitespace is the space and the tab alone.
    @Test func theOnlyASCIISpacesAreTheSpaceAndTheTab() {
        let members = (0..<0x80).filter { CharacterSet.whitespaces.contains(Unicode.Scalar(UInt8($0))) }
        #expect(members == [0x09, 0x20])
    }
}
