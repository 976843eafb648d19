import EccaFormats

extension ConflictEngine {
    /// The MoU with each commitment once: a commitment of the kind (and claimed provision) of an
    /// earlier one says nothing more to the law, so it is left out, and a warning says so. Kept,
    /// it made a proof cite whichever of the two the solver's core happened to keep (QA
    /// 2026-12-07: "rests on the us-hosted-enclave commitment (line 25)", whose wording was "x",
    /// beside line 24's real clause); a negotiator whose draft repeats a commitment with other
    /// wording learns that ecca checks only the first.
    static func withoutRepeatedCommitments(_ mou: MoUDocument) -> (mou: MoUDocument, warnings: [String]) {
        var once = mou
        once.commitments = []
        var warnings: [String] = []
        for commitment in mou.commitments {
            guard let first = once.commitments.first(where: { $0.kind == commitment.kind && $0.provision == commitment.provision }) else {
                once.commitments.append(commitment)
                continue
            }
            let claimed = commitment.provision.map { " of \($0)" } ?? ""
            warnings.append("the \(commitment.kind.rawValue) commitment\(claimed) at line \(commitment.line) is of the kind of the one at line \(first.line)"
                            + (commitment.text == first.text ? ", with the same wording: " : ", with other wording: ")
                            + "ecca's terms cannot tell them apart, so it reads them as one, line \(first.line)'s, which a proof cites"
                            + (commitment.text == first.text ? "" : "; whatever line \(commitment.line) says beyond it is not checked"))
        }
        return (once, warnings)
    }
}
