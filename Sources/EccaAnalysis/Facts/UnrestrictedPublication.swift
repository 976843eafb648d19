import EccaFormats

/// Whether a model's parameters are "published" within 15 CFR 734.7(a), made available to the
/// public "without restrictions upon its further dissemination", as a request establishes it
/// (facts.xml, `model.weights-published-unrestricted`). Publicly available weights (Art. 53(2))
/// are not enough: a licence may restrict who passes them on, so the EAR's test needs its own
/// answer, which the request states or ecca reads from the licence.
enum UnrestrictedPublication {
    /// What a check says when it rests on ecca's reading of an open-source release.
    static let openSourceReading = "the model's weights are publicly available under a free and open-source licence that allows their distribution (Art. 53(2)): "
        + "they are taken as published within 15 CFR 734.7(a), made available to the public \"without restrictions upon its further dissemination\" "
        + "(ecca's reading, not verified against authority; state model.weightsPublishedWithoutRestriction where the release restricts it)"

    /// The fact's value: what the request states; otherwise false for weights not publicly
    /// available, true for weights publicly available under an open-source licence (with the
    /// assumption recorded), and unknown for any other licence or none given.
    static func value(of model: DisclosureRequest.Model?, fact: String, assumptions: inout [FactSnapshot.Assumption]) -> FactValue {
        if let stated = model?.weightsPublishedWithoutRestriction { return .boolean(stated) }
        switch (model?.weightsPublished, model?.openSourceLicence) {
        case (false?, _): return .boolean(false)
        case (true?, true?):
            assumptions.append(.init(fact: fact, unit: "", text: openSourceReading))
            return .boolean(true)
        default: return .unknown
        }
    }
}
