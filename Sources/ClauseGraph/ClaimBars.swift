/// A constitutive rule whose holding bars an exception the exporter claims: beside the claim, the
/// exception requires that the rule not hold. 15 CFR 734.3(a) ("not subject to the EAR") cannot be
/// claimed for an item in the United States (734.3(a)(1)): a change to a request that makes such a
/// rule hold brings the item under what the claim kept it out of, whatever else it achieves, and a
/// cure that makes it must say so and pay for it (docs/negotiation.md).
public struct ClaimBar: Sendable, Hashable {
    /// The rule that bars the claim (`ear-item-in-us`).
    public var rule: String
    public var exception: Exception
    /// The provision that grants the exception: its own, else its norm's or rule's.
    public var provisionID: String
    /// The values of `item.claims` the exception tests.
    public var claims: [String]
}

extension ClauseGraph {
    /// Every exception of a norm or rule that a claim makes and a rule's holding defeats: one whose
    /// condition is a conjunction with a claim (`<has fact="item.claims" …/>`) and `<not><holds
    /// rule=…/></not>` among its parts. Only a part of the conjunction itself counts: there the
    /// rule's holding defeats the exception whatever the other facts are.
    public var claimBars: [ClaimBar] {
        var owned: [(exception: Exception, provisionID: String)] = norms.flatMap { norm in
            norm.exceptions.map { ($0, $0.provisionID ?? norm.provisionID) }
        }
        for id in ruleOrder {
            let rule = rules[id]!
            owned += rule.exceptions.map { ($0, $0.provisionID ?? rule.provisionID) }
        }
        var bars: [ClaimBar] = []
        for (exception, provisionID) in owned {
            var claims: [String] = []
            var barring: [String] = []
            for part in exception.condition.conjuncts {
                switch part {
                case .contains("item.claims", let element, _): claims += values(of: element)
                case .not(.holds(let rule, _)): barring.append(rule)
                default: break
                }
            }
            guard !claims.isEmpty else { continue }
            bars += barring.map { ClaimBar(rule: $0, exception: exception, provisionID: provisionID, claims: claims) }
        }
        return bars
    }
}

extension Condition {
    /// The parts of a conjunction, nested conjunctions flattened; any other condition is its own
    /// only part.
    var conjuncts: [Condition] {
        if case .all(let parts) = self { return parts.flatMap(\.conjuncts) }
        return [self]
    }
}
