import ClauseGraph
import EccaFormats

/// The outcome of `ecca mou verify` for one posture: a request inside the MoU's scope that still
/// conflicts on some date of the period, or the statement that none exists.
public struct MoUVerification: Sendable, Hashable, Codable {
    public struct PostureOutcome: Sendable, Hashable, Codable {
        public var posture: Posture
        public var holds: Bool
        /// A request `ecca check` accepts and reproduces (with `--as-of` its date).
        public var counterexample: DisclosureRequest?
        /// The clashing provisions the counterexample triggers.
        public var provisions: [String]
        /// The analysis of the counterexample, for its explanation.
        public var analysis: RequestAnalysis?
        /// The readings and open questions the outcome rests on, by id (`MoUVerification.caveats`):
        /// for a counterexample those of its findings; for a proof that the MoU holds, those of
        /// the rules and norms the proof needs (`ConflictEngine.ProofSolver`).
        public var caveats: [String]
        /// Where no request of the scope conflicts: one that a binding US prohibition still forbids
        /// (nothing obliges it in law, but the MoU would commit the provider to it), and the
        /// prohibitions; nil when none is.
        public var forbidden: ForbiddenDisclosure?
    }

    /// A request of the scope whose disclosure US law forbids.
    public struct ForbiddenDisclosure: Sendable, Hashable, Codable {
        public var request: DisclosureRequest
        public var provisions: [String]
    }

    public var mou: String
    public var from: LegalDate
    public var to: LegalDate
    public var outcomes: [PostureOutcome]
    /// What the search assumed.
    public var assumptions: [String]
    /// The outcomes' caveats, each once, in the order the outcomes name them.
    public var caveats: [Caveat]
    /// No request of the scope conflicts, and none is forbidden, under any posture.
    public var holds: Bool { outcomes.allSatisfy { $0.holds && $0.forbidden == nil } }
}
