@testable import EccaAnalysis
import Testing

/// The verdicts of one analysis hang together as the engine makes them; what contradicts what is
/// said in words, for the line of results read back that was edited.
@Suite struct VerdictConsistencyTests {
    typealias Item = VerdictConsistency.Item

    @Test func verdictsAsTheEngineMakesThemHangTogether() {
        let items = [Item(index: 0, verdict: .conflict, postures: ["text": .conflict, "enforcement": .clear]),
                     Item(index: 1, verdict: .avoidable, postures: ["text": .avoidable, "enforcement": .avoidable])]
        #expect(VerdictConsistency.contradiction(verdict: .conflict, postures: ["text": .conflict, "enforcement": .avoidable], items: items) == nil)
    }

    @Test func eachContradictionIsNamed() {
        let item = Item(index: 0, verdict: .undetermined, postures: ["text": .undetermined, "enforcement": .clear])
        #expect(VerdictConsistency.contradiction(verdict: .undetermined, postures: [:], items: [item])
                == "it gives no posture's verdict")
        #expect(VerdictConsistency.contradiction(verdict: .conflict, postures: ["text": .undetermined, "enforcement": .clear], items: [item])
                == "its verdict conflict is not the most severe of its postures' (text: undetermined, enforcement: clear)")
        #expect(VerdictConsistency.contradiction(verdict: .undetermined, postures: ["text": .undetermined], items: [item])
                == "item 0 gives verdicts under text, enforcement, the request under text")
        let edited = Item(index: 0, verdict: .clear, postures: ["text": .undetermined, "enforcement": .clear])
        #expect(VerdictConsistency.contradiction(verdict: .undetermined, postures: ["text": .undetermined, "enforcement": .clear], items: [edited])
                == "item 0's verdict clear is not the most severe of its postures' (text: undetermined, enforcement: clear)")
        #expect(VerdictConsistency.contradiction(verdict: .undetermined, postures: ["text": .undetermined, "enforcement": .undetermined], items: [item])
                == "its enforcement verdict undetermined is not the most severe of its items' under that posture (clear)")
    }
}
