import ClauseGraph
import EccaFormats

extension ConflictEngine {
    /// Notes on a precondition of the whole request that fails: an obligation that needs a
    /// request of the Commission (Arts 91(5) and 92(5)), or a general-purpose AI model already
    /// placed on the market (Art. 3(63)), does not apply where the request shows otherwise. A clear
    /// verdict lists only the obligations that engage, so without such a note a third country's
    /// "Art. 92(3)" request would be cleared in silence.
    ///
    /// Each note comes with the caveats its reading rests on (the rule's provision's and its
    /// instrument's), which the analysis lists with the others: a clear verdict that rests on a
    /// failed precondition rests on them (Art. 3(63)'s models not yet placed, the date of the
    /// request), and the note names them.
    ///
    /// - Parameter requestFacts: the facts of the request as a whole, as its checks read them.
    func preconditionNotes(_ request: DisclosureRequest, requestFacts: ScopedFacts, asOf: LegalDate) -> [(text: String, caveats: [String])] {
        guard !preconditionRules.isEmpty else { return [] }
        let snapshot = facts.layout.snapshot([requestFacts])
        let evaluator = ConditionEvaluator(graph: graph, facts: snapshot)
        var notes: [(text: String, caveats: [String])] = []
        for (id, norms) in preconditionRules {
            guard let rule = graph.rules[id], evaluator.evaluate(rule.condition) == .false else { continue }
            let needing = norms.map { encoding.checkedNorms[$0] }.filter { statuses[$0.provisionID]?.asksVoluntarily(on: request.date ?? asOf) != true }
            guard !needing.isEmpty else { continue }
            let citations = needing.map { graph.inlineCitation(of: $0.provisionID) }
            let source = graph.inlineCitation(of: rule.provisionID)
            var why = failureReasons(rule.condition, evaluator: evaluator, snapshot: snapshot).joined(separator: "; ")
            // A Boolean read from a date against the request's says which dates it compared.
            for (flag, date) in graph.datesAfterRequest where rule.condition.facts.contains(flag) {
                if case .boolean(true) = snapshot[flag], case .date(let day) = snapshot[date], case .date(let requested) = snapshot[FactBinding.FactID.requestDate] {
                    why += " (\(date) \(day) is after the request's date, \(requested))"
                }
            }
            let ids = caveats.ids(of: [rule.provisionID])
            let named = caveats.caveats(for: ids).map(Self.heading)
            notes.append(("no duty under \(citations.joined(separator: " or ")) arises from this request: not: \(rule.label) (\(source)), since \(why)"
                              + (named.isEmpty ? "" : "; this rests on the readings \(named.joined(separator: " and ")), given with the caveats"), ids))
        }
        return notes
    }

    /// How a note names a caveat: by its heading, the first sentence ("Models not yet on the
    /// market"), where it has one short enough to be a heading; else as "reading of Art. 3(63)".
    static func heading(of caveat: Caveat) -> String {
        guard let first = caveat.text.flatMap(firstSentence), first.count <= 60, !first.contains("(") else { return caveat.name }
        return "\u{201C}\(first)\u{201D}"
    }

    /// The text up to the full stop that ends its first sentence: one followed by a space and a
    /// capital letter (or "ecca"), and not ending an abbreviation ("Art. 92", "Supp. No. 5", "U.S. Persons",
    /// "e.g. The") or inside a number ("Measure 3.5"). Nil when there is none.
    static func firstSentence(of text: String) -> String? {
        let abbreviations: Set<String> = ["Art", "Arts", "No", "Nos", "Supp", "para", "paras", "p", "pp", "cf", "e.g", "i.e", "U.S", "v", "Inc", "Co"]
        var index = text.startIndex
        while let stop = text[index...].firstIndex(of: ".") {
            let after = text.index(after: stop)
            let sentence = String(text[..<stop])
            let lastWord = sentence.split(separator: " ").last.map(String.init) ?? ""
            let next = text[after...].dropFirst()
            // A sentence begins with a capital, or with "ecca", which is written in lower case.
            if text[after...].first == " ", next.first?.isUppercase == true || next.hasPrefix("ecca "),
               !abbreviations.contains(lastWord), lastWord.count > 1 || lastWord.isEmpty {
                return sentence.isEmpty ? nil : sentence
            }
            index = after
        }
        return nil
    }

    /// The rules `preconditionNotes` tests, worked out once per engine: those without exceptions
    /// that read only facts of the request as a whole and that an obligation's condition requires
    /// outright, each with those obligations (`encoding.checkedNorms` indices).
    static func preconditionRules(graph: ClauseGraph, norms: [Norm]) -> [(rule: String, norms: [Int])] {
        graph.ruleOrder.compactMap { id in
            guard let rule = graph.rules[id], rule.exceptions.isEmpty, readsOnlyRequestFacts(rule.condition, graph: graph) else { return nil }
            let needing = norms.indices.filter { index in
                guard norms[index].modality == .obligation, case .all(let parts)? = norms[index].condition else { return false }
                return parts.contains { if case .holds(id, _) = $0 { true } else { false } }
            }
            return needing.isEmpty ? nil : (id, needing)
        }
    }

    /// Whether `condition` reads only facts of the request as a whole (not of an item, a
    /// recipient or the analysis), and no rule.
    static func readsOnlyRequestFacts(_ condition: Condition, graph: ClauseGraph) -> Bool {
        condition.ruleReferences.isEmpty && condition.facts.allSatisfy { graph.facts[$0]?.scope == .request }
    }
}
