import EccaFormats

extension ConflictEngine {
    /// The MoU with each model its scope names written as the law loaded writes it, where the two
    /// differ only in case, spaces or punctuation ("orion-7", "Orion 7" for "Orion-7"), and an
    /// assumption for each. `check` reads a request's model so (`AddressedInstruments.lawSpelling`),
    /// and a scope read otherwise proved terms that `check` of a request inside them contradicts:
    /// the letter for Orion-7 did not apply to "orion-7", and the MoU held (QA s27 H1).
    func lawSpelled(_ mou: MoUDocument) -> (mou: MoUDocument, assumptions: [String]) {
        var spelled = mou
        var assumptions: [String] = []
        spelled.scope.models = mou.scope.models.map { model in
            guard let name = facts.addressed.lawSpelling(of: model) else { return model }
            assumptions.append("the scope's model '\(model)' is taken to be '\(name)', the name the law loaded tests: the two differ only in case, spaces or punctuation (if they are different models, correct the MoU)")
            return name
        }
        return (spelled, assumptions)
    }
}
