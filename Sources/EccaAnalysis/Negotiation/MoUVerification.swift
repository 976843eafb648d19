import ClauseGraph
import EccaFormats

/// The outcome of `ecca mou verify` for one posture: a request inside the MoU's scope that still
/// conflicts on some date of the period, or the statement that none exists.
public struct MoUVerification: Sendable, Hashable, Codable {
    public struct PostureOutcome: Sendable, Hashable, Codable {
        public var posture: Posture
        /// No request of the scope conflicts, and none is forbidden: false under a counterexample,
        /// and under a forbidden request too (JSON `holds` had said true beside `forbidden`, and a
        /// tool reading it approved terms that commit the provider to what US law forbids).
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
        /// For a proof that the MoU holds: the commitments, exceptions, readings of rules and
        /// statuses it rests on (`ConflictEngine.ProofSolver`); empty for a counterexample.
        public var grounds: [Ground] = []
        /// Where the counterexample or the forbidden request has a value the scope lists but the
        /// commitments rule out: that value.
        public var ruledOutValue: RuledOutValue?
        /// Where the terms hold: the wider readings of the law on which they would not, each with
        /// the request found on it; nil where there are none (and for a counterexample).
        public var otherReadings: [ReadingOutcome]? = nil
    }

    /// A request of the scope that conflicts, or that US law forbids, on another reading of a
    /// constitutive rule than ecca's (`CountsAs.otherReadings`), where on ecca's the terms hold.
    /// Like every other reading it decides nothing: the outcome still holds.
    public struct ReadingOutcome: Sendable, Hashable, Codable {
        /// The reading, once per prohibition that would apply on it ("on another reading of
        /// 50 U.S.C. 4801(5) (…), the prohibition of … would apply").
        public var readings: [OtherReading]
        /// A request the terms cover: on the other reading it conflicts (`forbidden` false) or a
        /// binding prohibition forbids it though nothing clashes (`forbidden` true).
        public var request: DisclosureRequest
        public var forbidden: Bool
        /// The clashing or forbidding provisions on that reading.
        public var provisions: [String]
        /// `ecca check` of the request, on ecca's reading, gives the reading beside the ground on
        /// which the prohibition does not apply.
        public var checkNamesIt: Bool
    }

    /// What a proof that the MoU holds rests on: a commitment it needs, an exception that holds
    /// for every request of the scope, a rule's reading or a provision's status.
    public struct Ground: Sendable, Hashable, Codable {
        /// The provision, or nil for a commitment.
        public var provision: String?
        /// The provision's citation, or the commitment ("the exception-claim commitment (line 15)").
        public var source: String
        public var reason: String
    }

    /// A value the scope lists that the commitments rule out (a channel `transfer` beside a
    /// `us-hosted-enclave` commitment). The scope still covers requests with it, so they are
    /// verified too, without the commitments named here.
    public struct RuledOutValue: Sendable, Hashable, Codable {
        /// The scope's element: legal-basis, artifact, channel, recipient-location,
        /// hosting-location, recipient-nationality, recipient-headquarters, recipient-organisation,
        /// model.
        public var term: String
        public var value: String
        public var line: Int?
        /// The commitments that rule it out ("the us-hosted-enclave commitment (line 17)").
        public var commitments: [String]

        /// "the scope's channel transfer (line 10)".
        public var listed: String { "the scope's \(term) \(value)" + (line.map { " (line \($0))" } ?? "") }
        public var description: String {
            "\(listed) is ruled out by \(ProseList.joined(commitments))"
        }
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
    /// Values the scope lists that the commitments rule out; requests with them were verified
    /// without those commitments.
    public var ruledOut: [RuledOutValue] = []
    /// What a reader of "holds" must know: a loaded instrument that names a model or provider of
    /// the scope, which the scope does not list but the result applies, and what the MoU gives as
    /// written, without it.
    public var warnings: [String] = []
    /// The outcomes' caveats, each once, in the order the outcomes name them.
    public var caveats: [Caveat]
    /// What the result was made under and from, so that a proof filed with the terms says which
    /// law it holds on: the digest of the regulations (the reproducibility receipt's
    /// `regulationsSHA256`, as batch lines record it) and the SHA-256 of the MoU file. Set by the
    /// command that read the files; absent where it did not.
    public var regulationsSHA256: String? = nil
    public var mouSHA256: String? = nil
    /// The options `ecca check` needs to read a printed request on the same law: the rules
    /// folders and files the run was given (`--regulations`, `--instrument`), as given. A request
    /// that lists an instrument loaded with `--instrument` is refused without it. Set by the
    /// command; absent where the run read only the shipped rules (or where no command set it).
    public var checkArguments: [String]? = nil
    /// No request of the scope conflicts, and none is forbidden, under any posture.
    public var holds: Bool { outcomes.allSatisfy(\.holds) }
}
