@testable import EccaAnalysis
import Testing

/// How a note names a caveat (`ConflictEngine.heading(of:)`): by the heading its text opens
/// with, never by a first "sentence" that an abbreviation's full stop cut short.
@Suite struct CaveatHeadingTests {
    static func caveat(_ text: String) -> Caveat {
        Caveat(id: "eu.ai-act.art92.5:reading", source: "eu.ai-act.art92.5", citation: "Art. 92(5)", kind: .reading, text: text)
    }

    @Test func aShortFirstSentenceIsTheHeading() {
        #expect(ConflictEngine.heading(of: Self.caveat("Who may ask. Only the Commission holds the powers.")) == "\u{201C}Who may ask\u{201D}")
        #expect(ConflictEngine.heading(of: Self.caveat("Subject to the EAR. ECCN 4E091 and its licence requirement reach…")) == "\u{201C}Subject to the EAR\u{201D}")
        #expect(ConflictEngine.heading(of: Self.caveat("Measure 3.5 of the Code. It applies.")) == "\u{201C}Measure 3.5 of the Code\u{201D}")
        #expect(ConflictEngine.heading(of: Self.caveat("Headquarters test. ecca lets AIA apply when…")) == "\u{201C}Headquarters test\u{201D}")
    }

    @Test(arguments: [
        "Model weights are not named in Art. 92(3), which speaks of access.",
        "ecca applies this measure to requests under Arts. 91 and 92 only.",
        "The list is in 15 CFR Part 740, Supp. No. 5.",
        "A first sentence that runs on far too long to be read as the heading of the caveat it opens.",
        "Weights (the parameters) are named.",
        "Measure 3.5 concerns the requests that the AI Office makes of the signatories. It applies.",
        "U.S. persons are not foreign persons.",
        "For example, e.g. The list goes on.",
        "A single sentence with no heading before it.",
    ])
    func otherwiseTheCaveatIsNamedByWhatItReads(text: String) {
        #expect(ConflictEngine.heading(of: Self.caveat(text)) == "reading of Art. 92(5)")
    }
}
