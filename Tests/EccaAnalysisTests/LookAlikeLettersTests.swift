@testable import EccaAnalysis
import Testing

/// The look-alike table is small and says only what it is: Cyrillic and Greek letters for the
/// Latin letters of the same case that they are drawn like.
@Suite struct LookAlikeLettersTests {
    @Test func theTableMapsCyrillicAndGreekLettersToLatinOnesOfTheSameCase() {
        for (letter, latin) in LookAlikeLetters.latin {
            #expect((0x0370...0x03FF).contains(letter.value) || (0x0400...0x052F).contains(letter.value), "\(LookAlikeLetters.described(letter))")
            #expect(latin.isASCII && latin.properties.isAlphabetic, "\(LookAlikeLetters.described(latin))")
            #expect(letter.properties.isUppercase == latin.properties.isUppercase, "\(LookAlikeLetters.described(letter))")
        }
    }

    @Test func namesAreComparedLetterByLetter() {
        #expect(LookAlikeLetters.latinized("\u{041E}rion-7") == "Orion-7")
        #expect(LookAlikeLetters.latinized("Orion-7") == "Orion-7")
        // Punctuation and spaces between do not shift the letters compared; a pair is said once.
        #expect(LookAlikeLetters.differences("\u{041E}r\u{0456}\u{043E}n \u{043E}", "Orio-n-o").map { "\($0.0) \($0.1)" }
            == ["\u{041E} O", "\u{0456} i", "\u{043E} o"])
        #expect(LookAlikeLetters.differences("orion", "Orion").isEmpty, "case alone is not a look-alike")
        #expect(LookAlikeLetters.described("\u{041E}") == "U+041E CYRILLIC CAPITAL LETTER O")
    }

    /// Names are compared by their letters and digits in lower case; an ASCII name is read byte by
    /// byte, and gives what the Unicode reading gives (every ASCII character tried, alone and in
    /// names).
    @Test func aNameIsItsLettersAndDigitsInLowerCase() {
        let unicodeReading = { (name: String) in String(name.lowercased().filter { $0.isLetter || $0.isNumber }) }
        for byte in UInt8(0)...UInt8(0x7F) {
            let name = "a" + String(UnicodeScalar(byte)) + "Z9"
            #expect(ConflictEngine.comparableName(name) == unicodeReading(name), "byte \(byte)")
        }
        #expect(["Orion-7", "ORION_7b", "Helios AI, Inc.", "\u{041E}rion-7", "Stra\u{00DF}e 5", "", "--"].map(ConflictEngine.comparableName)
            == ["orion7", "orion7b", "heliosaiinc", "\u{043E}rion7", "stra\u{00DF}e5", "", ""])
    }
}
