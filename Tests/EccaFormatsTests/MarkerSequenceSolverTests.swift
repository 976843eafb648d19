@testable import EccaFormats
import Testing

/// The marker-sequence solver on hand-written sequences: levels, the (i)/(v)/(x) ambiguity,
/// elisions, defined terms.
@Suite struct MarkerSequenceSolverTests {
    private func markers(_ labels: String) -> [MarkerSequenceSolver.Item] {
        labels.split(separator: " ").map { token in
            if token == "*" { return .elision }
            if token == "def" { return .definition }
            var label = String(token)
            var italic = false
            var heading: String?
            if label.hasPrefix("_") { italic = true; label.removeFirst() }
            if label.hasSuffix("!") { heading = "Heading"; label.removeLast() }
            // `c-w`: the reserved range `(c)-(w)`.
            let range = label.split(separator: "-").map(String.init)
            if range.count == 2 { return .marker(ParagraphMarker(label: range[0], italic: italic, heading: heading, through: range[1])) }
            return .marker(ParagraphMarker(label: label, italic: italic, heading: heading))
        }
    }

    private func depths(_ labels: String) -> [Int] {
        MarkerSequenceSolver().solve(markers(labels)).readings.map(\.depth)
    }

    @Test func levelsFollowTheCFROrder() {
        #expect(depths("a 1 2 i ii A B iii b") == [0, 1, 1, 2, 2, 3, 3, 2, 0])
        #expect(depths("a 1 i A _1 _i _ii _2 b") == [0, 1, 2, 3, 4, 5, 5, 4, 0])
    }

    @Test func aSectionMayStartAtNumbers() {
        #expect(depths("1 2 i ii 3") == [0, 0, 1, 1, 0])
    }

    @Test func lookAheadDecidesRomanOrLetter() {
        // (i) then (ii): roman under (h)(1).
        let roman = MarkerSequenceSolver().solve(markers("a b c d e f g h 1 i ii"))
        #expect(roman.readings[9] == .init(kind: .roman, depth: 2))
        #expect(roman.ambiguities.isEmpty)
        // (i) then (j): the letter after (h).
        let letter = MarkerSequenceSolver().solve(markers("a b c d e f g h 1 2 i j"))
        #expect(letter.readings[10] == .init(kind: .lower, depth: 0))
        #expect(letter.ambiguities.isEmpty)
        // (v) after (iv) is roman; (v) after (u) a letter.
        #expect(MarkerSequenceSolver().solve(markers("a 1 i ii iii iv v")).readings[6].kind == .roman)
    }

    @Test func whatStaysAmbiguousIsReported() throws {
        // (h)(1)(2) then a final (i): the letter after (h), or an only roman child of (2).
        let solution = MarkerSequenceSolver().solve(markers("a b c d e f g h 1 2 i"))
        #expect(solution.readings[10] == .init(kind: .lower, depth: 0))
        #expect(solution.ambiguities.count == 1)
        let ambiguity = try #require(solution.ambiguities.first)
        #expect(ambiguity.marker == 10)
        #expect(ambiguity.alternatives == [.init(kind: .roman, depth: 2)])
    }

    @Test func headingsLikeTheSiblingsBreakTies() {
        // Headed letters (a)…(h); an (i) with a heading reads as their sibling.
        let solution = MarkerSequenceSolver().solve(markers("a! b! c! d! e! f! g! h! 1 2 i!"))
        #expect(solution.readings[10].kind == .lower)
    }

    @Test func elisionsAllowNumberingToJump() {
        #expect(depths("a * 9 *") == [0, 1])
        #expect(depths("* c * f") == [0, 0])
        #expect(MarkerSequenceSolver().solve(markers("a 9")).fitted == false)
    }

    @Test func definedTermsNumberTheirOwnPoints() {
        let solution = MarkerSequenceSolver().solve(markers("def 1 2 i def 1 2"))
        #expect(solution.readings.map(\.depth) == [1, 1, 2, 1, 1])
        #expect(solution.definitionDepths == [0, 0])
        // A term inside (b) sits under (b); (c) closes it.
        let nested = MarkerSequenceSolver().solve(markers("a b def 1 def c"))
        #expect(nested.readings.map(\.depth) == [0, 0, 2, 0])
        #expect(nested.definitionDepths == [1, 1])
    }

    /// Terms that come before any marker (15 CFR 772.1) are solved each on its own: a term whose
    /// numbering fits no reading falls back alone, its markers below it, and the terms after it
    /// stay at the top; an elision before a term still lets its first marker jump.
    @Test func aTermWhoseNumberingFitsNoReadingFallsBackAlone() {
        let solution = MarkerSequenceSolver().solve(markers("def a b def 1 i ii 4 def 1 2 def a b"))
        #expect(!solution.fitted)
        #expect(solution.definitionDepths == [0, 0, 0, 0])
        #expect(solution.readings.map(\.depth) == [1, 1, 1, 2, 2, 1, 1, 1, 1, 1])
        #expect(solution.unfittedTerms == [1..<2])
        #expect(solution.unfittedMarkers == [2..<6])
        // One pass would read it alike where everything fits.
        let fitting = MarkerSequenceSolver().solve(markers("def a b def 1 i ii 2 def a * d"))
        #expect(fitting.fitted)
        #expect(fitting.readings.map(\.depth) == [1, 1, 1, 2, 2, 1, 1, 1])
        #expect(MarkerSequenceSolver().solve(markers("def a * def c")).fitted)
        // A term inside a lettered paragraph is not a run of its own: the section falls back whole.
        let nested = MarkerSequenceSolver().solve(markers("a def 1 3 def 1"))
        #expect(!nested.fitted)
        #expect(nested.unfittedMarkers == [0..<4])
        #expect(nested.unfittedTerms == [0..<2])
    }

    @Test func aSequenceThatFitsNoReadingFallsBackToMarkerKinds() {
        let solution = MarkerSequenceSolver().solve(markers("a 1 a"))
        #expect(!solution.fitted)
        #expect(solution.readings.map(\.depth) == [0, 1, 0])
    }

    /// GPO § 1203a.102 puts italic letters below roman numerals, which no reading fits: levels
    /// then come from the kinds that say them (a number is level 2, an italic letter level 5),
    /// and `(i)`/`(ii)` are roman where they start or continue romans, a letter where they
    /// continue letters.
    @Test func withoutAFitLevelsComeFromTheUnambiguousKinds() {
        let solution = MarkerSequenceSolver().solve(markers("a 1 i ii iii 2 3 i _a _b _c _d ii b 1 2 3 4 c"))
        #expect(!solution.fitted)
        #expect(solution.readings.map(\.depth) == [0, 1, 2, 2, 2, 1, 1, 2, 4, 4, 4, 4, 2, 0, 1, 1, 1, 1, 0])
        #expect(solution.readings.map(\.kind) == [.lower, .digit, .roman, .roman, .roman, .digit, .digit, .roman,
                                                  .lower, .lower, .lower, .lower, .roman, .lower, .digit, .digit, .digit, .digit, .lower])
        // (i) after (h) continues the letters; inside a numbered paragraph it starts romans.
        #expect(MarkerSequenceSolver.kindReadings(markers("a b c d e f g h i a")[...]).map(\.depth) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(MarkerSequenceSolver.kindReadings(markers("h 1 i ii")[...]).map(\.kind) == [.lower, .digit, .roman, .roman])
        #expect(MarkerSequenceSolver.kindReadings(markers("a _1 _i _ii")[...]).map(\.depth) == [0, 4, 5, 5])
    }

    /// A reserved range (`(j)-(w) [Reserved]`, every USML category of 22 CFR 121.1) stands for
    /// its first to its last marker: (x) after it is the next letter, not roman ten below it.
    @Test func aReservedRangeAdvancesTheSequenceToItsLastMarker() {
        let usml = MarkerSequenceSolver().solve(markers("a b c d e f g h 1 2 3 4 i j-w x"))
        #expect(usml.fitted)
        #expect(usml.ambiguities.isEmpty)
        #expect(usml.readings.map(\.depth) == [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0])
        #expect(usml.readings[12] == .init(kind: .lower, depth: 0))  // (i): the letter, as (j)-(w) follows
        #expect(usml.readings[14] == .init(kind: .lower, depth: 0))  // (x): the letter after (w)
        // Ranges of numbers and roman numerals; a range may open a level when it starts at 1.
        let nested = MarkerSequenceSolver().solve(markers("a 1 2 3-5 6 i ii-iv v b 1-3 4 c-e f"))
        #expect(nested.fitted)
        #expect(nested.ambiguities.isEmpty)
        #expect(nested.readings.map(\.depth) == [0, 1, 1, 1, 1, 2, 2, 2, 0, 1, 1, 0, 0])
        #expect(nested.readings.map(\.kind) == [.lower, .digit, .digit, .digit, .digit, .roman, .roman, .roman, .lower, .digit, .digit, .lower, .lower])
        // The next marker must follow the range's last: (5) after (2)-(4) fits, (3) does not.
        #expect(MarkerSequenceSolver().solve(markers("a 1 2-4 5")).fitted)
        #expect(!MarkerSequenceSolver().solve(markers("a 1 2-4 3")).fitted)
        // Without a fit, the marker kinds' fallback also continues after the range's last.
        #expect(MarkerSequenceSolver.kindReadings(markers("a 1 3 c-w x")[...]) == [
            .init(kind: .lower, depth: 0), .init(kind: .digit, depth: 1), .init(kind: .digit, depth: 1),
            .init(kind: .lower, depth: 0), .init(kind: .lower, depth: 0)])
    }

    /// A range's kinds are those both its labels can be, in order: `(i)-(v)` letters or romans,
    /// `(i)-(k)` only letters, `(v)-(i)` nothing.
    @Test func aRangeIsOfTheKindsThatOrderItsLabels() {
        #expect(ParagraphMarker(label: "i", italic: false, through: "v").candidates == [.lower, .roman])
        #expect(ParagraphMarker(label: "i", italic: false, through: "k").candidates == [.lower])
        #expect(ParagraphMarker(label: "v", italic: false, through: "i").candidates.isEmpty)
        #expect(ParagraphMarker(label: "a", italic: false, through: "1").candidates.isEmpty)
        #expect(ParagraphMarker(label: "3", italic: true, through: "5").candidates == [.italicDigit])
        #expect(ParagraphMarker(label: "c", italic: false, through: "w").description == "(c)-(w)")
        #expect(ParagraphMarker(label: "c", italic: false, through: "w").idSegment == "c-w")
    }

    @Test func markerKindsKnowTheirOrdinals() {
        #expect(MarkerKind.lower.ordinal(of: "aa") == 27)
        #expect(MarkerKind.roman.ordinal(of: "xiv") == 14)
        #expect(MarkerKind.roman.ordinal(of: "iiii") == nil)
        #expect(MarkerKind.roman.ordinal(of: "lxxxviii") == 88)
        #expect(MarkerKind.roman.ordinal(of: "vx") == nil)
        #expect(MarkerKind.roman.ordinal(of: "iiiiiiiv") == nil)  // sums below zero
        #expect(MarkerKind.roman.ordinal(of: "ll") == nil)  // the doubled letter, not 100
        #expect(ParagraphMarker(label: "ll", italic: false).candidates == [.lower])
        #expect(MarkerKind.lower.ordinal(of: "ab") == nil)
        #expect(MarkerKind.upper.ordinal(of: "ZZ") == 52)
        // Digits: up to nine ASCII digits (`MarkedParagraph.longestNumber`), as Int(_:) reads them.
        for label in ["1", "07", "123", "1234", "123456789", "1234567890", "", "1a", "+1", "-1", "١", "½"] {
            let expected = label.utf8.count <= 9 && label.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } ? Int(label) : nil
            #expect(MarkerKind.digit.ordinal(of: label) == expected, "\(label)")
        }
        #expect(ParagraphMarker(label: "x", italic: false).candidates == [.lower, .roman])
        #expect(ParagraphMarker(label: "ii", italic: false).candidates == [.lower, .roman])
        #expect(ParagraphMarker(label: "3", italic: true).candidates == [.italicDigit])
    }
    /// A list that starts afresh at each part (USML categories): each part is solved on its own,
    /// one level below the heading that opens it, and what it reports is placed at its index in the
    /// whole sequence (here the `(i)` after `(h)(1)(2)` in part 2, letter or roman, is marker 10 of the part and 12 of all).
    @Test func partsThatStartAfreshAreSolvedEachOnItsOwn() {
        let items = markers("a 1 a b c d e f g h 1 2 i")
        let part = MarkerSequenceSolver().solve(Array(items[2...]))
        let solution = MarkerSequenceSolver().solve(items, restartingAt: [2])
        #expect(solution.fitted)
        #expect(solution.readings.map(\.depth) == [0, 1] + part.readings.map { $0.depth + 1 })
        #expect(part.ambiguities.map(\.marker) == [10])
        #expect(solution.ambiguities.map(\.marker) == [12])
        #expect(MarkerSequenceSolver().solve(items, restartingAt: []) == MarkerSequenceSolver().solve(items))
    }
}
