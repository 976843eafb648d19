extension ClauseGraph {
    /// A condition of the graph and where it sits: the norm, constitutive rule or exception that
    /// carries it, and the provision it belongs to (an exception without a provision of its own is
    /// its norm's or rule's). Not a verdict's `decidingConditions`, which are the conditions an
    /// undetermined verdict hangs on.
    public struct ConditionSite: Sendable {
        public var condition: Condition
        /// The id of the norm, rule or exception.
        public var owner: String
        public var provisionID: String
    }

    /// Every condition the graph decides with: each norm's condition and its exceptions', then each
    /// constitutive rule's and its exceptions', in document and rule order. Analyses that look for
    /// what the law compares a fact with start here, so none of them forgets the exceptions.
    public var conditionSites: [ConditionSite] {
        func exceptions(_ exceptions: [Exception], provisionID: String) -> [ConditionSite] {
            exceptions.map { ConditionSite(condition: $0.condition, owner: $0.id, provisionID: $0.provisionID ?? provisionID) }
        }
        let fromNorms = norms.flatMap { norm in
            (norm.condition.map { [ConditionSite(condition: $0, owner: norm.id, provisionID: norm.provisionID)] } ?? [])
                + exceptions(norm.exceptions, provisionID: norm.provisionID)
        }
        let fromRules = ruleOrder.flatMap { id in
            let rule = rules[id]!
            return [ConditionSite(condition: rule.condition, owner: id, provisionID: rule.provisionID)]
                + exceptions(rule.exceptions, provisionID: rule.provisionID)
        }
        return fromNorms + fromRules
    }

    /// What an exporter can claim for an item: the values some condition tests `item.claims` for
    /// (License Exception AIA, the 4E091 Notes), each once, in the order of `conditionSites`.
    public var claimableValues: [String] {
        var found: [String] = []
        for site in conditionSites {
            site.condition.visitAtoms { atom in
                guard case .contains("item.claims", let element, _) = atom else { return }
                for value in values(of: element) where !found.contains(value) { found.append(value) }
            }
        }
        return found
    }

    /// The conditions of `conditionSites`, without their owners.
    public var conditions: [Condition] { conditionSites.map(\.condition) }

    /// The comparisons of `fact` in any condition (the dates Art. 111(3) compares the as-of date
    /// and the placing on the market with, the compute thresholds), in the order of `conditions`.
    public func comparisons(of fact: String) -> [Condition.Comparison] {
        var found: [Condition.Comparison] = []
        for condition in conditions {
            condition.visitAtoms { atom in
                if case .compare(let comparison) = atom, comparison.fact == fact { found.append(comparison) }
            }
        }
        return found
    }

    /// The named sets a condition tests `fact` against (`<in fact="recipient.location"
    /// set="us.ai-diffusion.tier1"/>`), each with the provision whose rule, norm or exception
    /// tests it, in the order of `conditionSites`.
    public func setsTested(against fact: String) -> [(set: NamedSet, provisionID: String)] {
        var found: [(set: NamedSet, provisionID: String)] = []
        for site in conditionSites {
            site.condition.visitAtoms { atom in
                if case .member(fact, .set(let id), _) = atom, let set = sets[id] { found.append((set, site.provisionID)) }
            }
        }
        return found
    }

    /// The values `members` stands for: the listed ones, or the members of the named set.
    public func values(of members: Condition.Members) -> [String] {
        switch members {
        case .values(let values): values
        case .set(let id): sets[id]?.members ?? []
        }
    }
}
