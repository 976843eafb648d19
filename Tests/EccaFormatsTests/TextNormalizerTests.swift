import Testing
@testable import EccaFormats

/// The one whitespace rule: the rules reader and the importers collapse wording with the same
/// byte loop, and that loop must agree with Unicode's White_Space property on every scalar.
struct TextNormalizerTests {
    /// Every White_Space scalar, and neighbours that are not whitespace but share lead bytes with
    /// one (U+1681, U+200B zero-width space, U+2030, U+205E, U+3001, U+00A1, U+0084).
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "0", "§", "é", "\u{301}", "—", "“", "\u{1F600}", "\r", "\n", "\t", "\u{0B}", "\u{0C}", " ",
        "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}",
        "\u{205F}", "\u{3000}", "\u{1681}", "\u{200B}", "\u{2030}", "\u{205E}", "\u{3001}", "\u{A1}", "\u{84}",
    ]

    /// The rule stated on scalars: split at White_Space, drop empty pieces, join with one space.
    static func oracle(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace)
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    @Test func collapseAgreesWithUnicodeWhiteSpaceOnRandomTexts() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {  // xorshift with a fixed seed: the same 5,000 texts every run
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(Int.max))
        }
        for _ in 0..<5_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(next() % 24) { scalars.append(Self.alphabet[next() % Self.alphabet.count]) }
            let text = String(scalars)
            #expect(TextNormalizer.collapse(text) == Self.oracle(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Long, mostly ASCII texts: the eight-bytes-at-a-time path, its edges and its fallbacks.
    @Test func collapseAgreesWithUnicodeWhiteSpaceOnLongTexts() {
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(Int.max))
        }
        let common: [Unicode.Scalar] = ["a", "b", "c", "d", "e", " ", " ", "."]
        for _ in 0..<5_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(next() % 120) {
                let pool = next() % 10 == 0 ? Self.alphabet : common
                scalars.append(pool[next() % pool.count])
            }
            let text = String(scalars)
            #expect(TextNormalizer.collapse(text) == Self.oracle(text), "\(text.debugDescription)")
            var bytes: [UInt8] = Array("x".utf8)
            TextNormalizer.appendCollapsed(Array(text.utf8)[...], to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x" + Self.oracle(text))
        }
    }

    @Test func trimDropsWhiteSpaceAndTheGivenCharactersAtBothEnds() {
        #expect(TextNormalizer.trim("  (a) Scope.\u{A0}", also: ".") == "(a) Scope")
        #expect(TextNormalizer.trim("—Definitions.—", also: ".:—–-") == "Definitions")
        #expect(TextNormalizer.trim("“Agency,”", also: ",.“”\"") == "Agency")
        #expect(TextNormalizer.trim("\u{3000}\u{2009}", also: "") == "")
        #expect(TextNormalizer.trim("...", also: ".") == "")
        #expect(TextNormalizer.trim("Art. 5", also: ".") == "Art. 5")
        #expect(TextNormalizer.trim("é.", also: ".") == "é")
    }

    @Test func everyWhiteSpaceScalarIsCollapsed() {
        let spaces = Self.alphabet.filter(\.properties.isWhitespace)
        #expect(spaces.count == 17)
        for space in spaces {
            #expect(TextNormalizer.collapse("a\(space)\(space)b\(space)") == "a b", "U+\(String(space.value, radix: 16))")
            #expect(normalized("\(space)x") == "x")
        }
        #expect(TextNormalizer.collapse("a\u{200B}b") == "a\u{200B}b")  // zero-width space is not White_Space
    }

    /// Collapsing a captured element's bytes gives what collapsing its decoded text gives.
    @Test func collapsingBytesIsCollapsingTheirText() {
        for text in ["", "  ", "§ 2.2   Administrative  Committee.\n", "\tA\tB\r\nC ", "no\u{A0}break\u{2003}space", "“Quoted” — term ",
                     String(repeating: "word ", count: 40)] {
            let bytes = Array(text.utf8)
            #expect(TextNormalizer.collapse(utf8: bytes[...]) == TextNormalizer.collapse(text), "\(text)")
            #expect(TextNormalizer.collapse(utf8: bytes.dropFirst()) == TextNormalizer.collapse(String(decoding: bytes.dropFirst(), as: UTF8.self)))
        }
    }

    /// Trimming bytes gives what trimming their text gives: ASCII ends, non-ASCII ends (a dash, a
    /// no-break space), nothing to trim, everything trimmed.
    @Test func trimmingBytesIsTrimmingTheirText() {
        for text in ["", " . ", "Heading.", "  Heading:  ", "Effective date—", "\u{A0}Term\u{A0}", "—Term—", "Plain", "a.b."] {
            for extra in ["", ".:—–-", ",.“”\""] {
                #expect(TextNormalizer.trim(utf8: Array(text.utf8), also: extra) == TextNormalizer.trim(text, also: extra), "\(text) \(extra)")
            }
        }
    }
}
